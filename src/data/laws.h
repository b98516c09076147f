/*
 * laws.h - the law of thi đua, khen thưởng by date: laws, decrees and
 * circulars with their issue, in-force and end dates and what replaced them
 * (shared/domain/rules.md §2, §2.5); the regimes they form (§2.6); the
 * issuer abbreviations of reference numbers (§5); and the names campaigns
 * go by (§2.4). Every row carries its source and verification mark.
 */
#ifndef PLAN_DATA_LAWS_H
#define PLAN_DATA_LAWS_H

#include "plan/model.h"

/* ---- instruments ---- */

typedef enum plan_law_kind {
    PLAN_LAW_LAW,       /* Luật */
    PLAN_LAW_DECREE,    /* Nghị định */
    PLAN_LAW_CIRCULAR,  /* Thông tư */
    PLAN_LAW_DECISION   /* Quyết định that launches a campaign (a parent document) */
} plan_law_kind;

typedef struct plan_law {
    const char *notation;     /* "98/2023/NĐ-CP", exactly as the instrument writes it */
    plan_law_kind kind;
    const char *name;         /* for messages: "Nghị định 98/2023/NĐ-CP" */
    const char *const *keys;  /* laws cited by name: all of these (folded,
                                 accent-free) occur in the citation; else NULL */
    plan_date issued;         /* y == 0: unknown */
    plan_date in_force;       /* y == 0: unknown */
    plan_date end;            /* first day it no longer applies; y == 0: still in force */
    const char *replaced_by;  /* notation of the successor, or NULL */
    int forms;                /* forms are numbered Mẫu 01 … forms; 0: count unknown */
    const char *campaign;     /* the name the document gives its campaign, or NULL */
    const char *source;       /* identity and dates */
    const char *verified;     /* V1, V2, V2-weak, U, S */
    const char *end_source;   /* end, replaced_by and forms; NULL when not applicable */
    const char *end_verified;
} plan_law;

size_t plan_law_count(void);
const plan_law *plan_law_get(int i);
/* The instrument with this số/ký hiệu ("98/2023/NĐ-CP", spaces and leading
 * zeros of the serial ignored, codes compared case-sensitively), or NULL. */
const plan_law *plan_law_by_notation(const char *notation);
/* A law cited by its name ("Luật Thi đua, khen thưởng năm 2022"): the row
 * whose keys occur in text and whose year is the first year written there;
 * when no year is written, the row in force on `on` (on.y == 0: the current
 * one). NULL when no row's keys occur. */
const plan_law *plan_law_by_name(const char *text, plan_date on);
/* 1 when the instrument applies on d; 0 when not yet or no longer; -1 when
 * the table does not know (a date missing). */
int plan_law_in_force_on(const plan_law *l, plan_date d);
/* The year in the notation ("98/2023/NĐ-CP" → 2023), or 0. */
int plan_law_year(const plan_law *l);

/* ---- regimes (§2.6) ---- */

typedef struct plan_law_regime {
    plan_date from;           /* first day of the regime */
    const char *law;          /* notations of rows above */
    const char *decree;
    const char *circular;     /* NULL when unknown */
    int district;             /* district level (cấp huyện) exists */
    const char *source;
    const char *verified;
} plan_law_regime;

size_t plan_law_regime_count(void);
const plan_law_regime *plan_law_regime_get(int i);
/* The regime in force on d; NULL when d is unknown or before the table. */
const plan_law_regime *plan_law_regime_on(plan_date d);
/* The regime in force today (the last row). */
const plan_law_regime *plan_law_regime_current(void);

/* ---- issuer abbreviations in reference numbers (§5) ---- */

typedef struct plan_ref_issuer {
    const char *code;            /* "TTg"; compared case-sensitively */
    int term;                    /* followed by the khóa number: QH15, UBTVQH15 */
    const char *meaning;         /* "Thủ tướng Chính phủ" */
    const char *const *keys;     /* one of these (folded, accent-free) names the body */
    const char *const *not_keys; /* … unless one of these occurs; or NULL */
    const char *source;
    const char *verified;
} plan_ref_issuer;

/* The row for an issuer code of a parsed notation, or NULL when unknown. */
const plan_ref_issuer *plan_ref_issuer_by_code(const char *code);
/* 1 when the stated issuer ("của Thủ tướng Chính phủ") names the body. */
int plan_ref_issuer_matches(const plan_ref_issuer *r, const char *issuer);

/* ---- campaign names (§2.4) ---- */

/* The canonical form of the first campaign name in text ("Đợt thi đua",
 * "phong trào thi đua"), or NULL when the text names none. */
const char *plan_campaign_term(const char *text);
/* The same with text folded already (plan_utf8_fold_ascii, plan_check_fold). */
const char *plan_campaign_term_folded(const char *folded);

#endif
