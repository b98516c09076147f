/*
 * awards.h - the catalogue of danh hiệu thi đua and hình thức khen thưởng
 * with the authority that decides each (Luật Thi đua, khen thưởng
 * 06/2022/QH15, Điều 9, 19-20, 33, 54, 77-80), the authorities a plan can
 * name, and the phrases the award checks look for. Source:
 * shared/domain/rules.md §2.2-§2.4, §4, §7.3; every row carries its own.
 *
 * Matching is on "key text": accent-free, lower case, punctuation turned
 * into spaces (";" and "." into the clause mark "|"), "Ủy ban nhân dân"
 * shortened to "ubnd", padded with a space at each end. A key matches
 * whole words only; "a|b" in a key means either a or b.
 */
#ifndef PLAN_DATA_AWARDS_H
#define PLAN_DATA_AWARDS_H

#include "plan/model.h"

/* Authority levels of rules.md §2.2. District level (Chủ tịch UBND cấp
 * huyện) sits between 2 and 1 and exists only before 01/07/2025. */
enum {
    PLAN_AWARD_LEVEL_NONE = 0,       /* no level besides the district one */
    PLAN_AWARD_LEVEL_COMMUNE = 1,    /* Chủ tịch UBND cấp xã */
    PLAN_AWARD_LEVEL_DEPARTMENT = 2, /* Giám đốc Sở, Chánh VP UBND tỉnh, … */
    PLAN_AWARD_LEVEL_PROVINCE = 3,   /* Chủ tịch UBND tỉnh, Bộ trưởng */
    PLAN_AWARD_LEVEL_GOVERNMENT = 4, /* Chính phủ, Thủ tướng */
    PLAN_AWARD_LEVEL_PRESIDENT = 5   /* Chủ tịch nước */
};

typedef enum plan_award_kind {
    PLAN_AWARD_KIND_TITLE,   /* danh hiệu thi đua: an annual title (Điều 19-20) */
    PLAN_AWARD_KIND_FORM     /* hình thức khen thưởng (Điều 9) */
} plan_award_kind;

typedef struct plan_award_entry {
    const char *name;        /* canonical name, Vietnamese */
    plan_award_kind kind;
    unsigned for_mask;       /* PLAN_FOR_*: who may receive it */
    int level;               /* lowest level that decides it, PLAN_AWARD_LEVEL_* */
    int district;            /* Chủ tịch UBND cấp huyện decides it too (until 30/06/2025) */
    int classes;             /* has hạng Nhất, Nhì, Ba */
    int generic;             /* Bằng khen / Giấy khen that does not name its issuer */
    const char *decided_by;  /* who decides it, for messages */
    const char *const *keys; /* all must match (see above) */
    plan_date until;         /* last day the award exists; y == 0: still exists */
    const char *not_award;   /* non-NULL: this name is no award of the law; why */
    const char *source;
    const char *verified;    /* V1, V2, U … */
} plan_award_entry;

size_t plan_award_entry_count(void);
const plan_award_entry *plan_award_entry_get(int i);
/* The row that best matches text (the one whose matching keys are the
 * longest in total), or NULL. */
const plan_award_entry *plan_award_lookup(const char *text);
/* The row of an award by its name and, when the name leaves the issuer open
 * ("Giấy khen"), by the name completed with its <authority> ("Giấy khen của
 * Giám đốc Sở"); authority may be NULL. *by_authority (may be NULL) is set to
 * 1 when the authority chose another row than the name alone. */
const plan_award_entry *plan_award_row(const char *name, const char *authority,
                                       int *by_authority);
/* Rank of the lowest authority that may decide e on date d (d.y == 0:
 * unknown, the district level is then assumed to exist); 0 when nobody is
 * known to decide it on that date. Ranks: commune 2, district 3,
 * department 4, province 6, government 8, president 10. */
int plan_award_rank(const plan_award_entry *e, plan_date d);
/* Rank of an issuer level on the same scale; 0 for PLAN_LEVEL_UNKNOWN. */
int plan_award_issuer_rank(plan_level l);

/* ---- authorities a plan names ---- */
typedef struct plan_award_authority {
    const char *name;
    int level;               /* PLAN_AWARD_LEVEL_*; NONE for the district level */
    int district;            /* the district level: abolished on 01/07/2025 */
    int chain;               /* the provincial route a Sở's proposals go through */
    const char *const *keys;
    const char *source;
    const char *verified;
} plan_award_authority;

/* The first authority named in text, or NULL. With want_district only the
 * district-level rows, with want_chain only the provincial route. */
const plan_award_authority *plan_award_authority_in(const char *text, int want_district,
                                                    int want_chain);

/* The same from text folded already (plan_utf8_fold_ascii, plan_check_fold):
 * the key text is built only when the key of a wanted authority may occur. */
const plan_award_authority *plan_award_authority_in_folded(const char *folded,
                                                           int want_district, int want_chain);

/* The authority of at least min_level whose key matches key text k at
 * byte i, or NULL. */
/* The same for a key text (plan_award_key_text), which is not folded again. */
const plan_award_authority *plan_award_authority_in_key(const char *k, int want_district,
                                                        int want_chain);

const plan_award_authority *plan_award_authority_at(const char *k, size_t i, int min_level);
/* 0 when no authority of at least min_level can open the key text of a
 * folded text f at the word of f that starts at p: the words of none of
 * its alternatives follow there (plan_award_key_maybe explains why that
 * suffices). 1 says only that one may. */
int plan_award_authority_words(const char *p, int min_level);

/* ---- key text ---- */
/* The key text of s (see above). Caller frees with free(). */
char *plan_award_key_text(const char *s);
/* The same from s folded already (plan_utf8_fold_ascii, plan_check_fold). */
char *plan_award_key_folded(const char *folded);
/* Length of the key alternative that matches key text k at byte i (i is
 * the start of a word), or 0. */
size_t plan_award_key_at(const char *k, size_t i, const char *key);
/* 1 when the key occurs anywhere in key text k. */
int plan_award_key_in(const char *k, const char *key);
/* 0 when key cannot occur in the key text of folded (plan_utf8_fold_ascii
 * of a text): the words of no alternative follow each other in it (or,
 * for an alternative with a word the replacements write, some word is
 * missing from it). A quick test before building the key text; 1 says
 * only that it may occur. */
int plan_award_key_maybe(const char *folded, const char *key);

/* ---- phrases ---- */
typedef enum plan_award_phrase_set {
    PLAN_AWARD_PH_ANNUAL,    /* the annual review: "tổng kết năm", "hằng năm" … */
    PLAN_AWARD_PH_GENERIC,   /* standards left to "theo quy định" … */
    PLAN_AWARD_PH_VAGUE,     /* an issuer left open: "cấp có thẩm quyền" … */
    PLAN_AWARD_PH_PROPOSE,   /* proposal verbs: "đề nghị", "trình" */
    PLAN_AWARD_PH_CLASS,     /* a class stated: "hạng" */
    PLAN_AWARD_PH_STANDARD   /* a section about standards: "tiêu chuẩn" */
} plan_award_phrase_set;

typedef struct plan_award_phrase {
    const char *key;         /* key text, as for the catalogue; with accents
                                when accents is set */
    int accents;             /* matched on the text with its accents (plan_utf8_fold) */
    const char *shown;       /* as written in Vietnamese, for messages */
    const char *source;
} plan_award_phrase;

/* The first phrase of the set that occurs in text, or NULL. */
const plan_award_phrase *plan_award_phrase_in(plan_award_phrase_set set, const char *text);
/* The same with folded, plan_utf8_fold_ascii(text) (plan_check_fold): the
 * key text is built only when a phrase may occur (plan_award_key_maybe). */
const plan_award_phrase *plan_award_phrase_in_folded(plan_award_phrase_set set,
                                                     const char *text, const char *folded);
/* The first phrase of the set that matches key text k at byte i, or NULL. */
/* 0 when no phrase of set (those matched without accents) occurs in the key
 * text k: then plan_award_phrase_at finds none at any word of k. A quick
 * test before a scan word by word. */
int plan_award_phrase_maybe(plan_award_phrase_set set, const char *k);
const plan_award_phrase *plan_award_phrase_at(plan_award_phrase_set set, const char *k,
                                              size_t i, size_t *len);

/* The date the district level ends (NQ 203/2025/QH15). */
#define PLAN_AWARD_DISTRICT_END ((plan_date){2025, 7, 1})

#endif
