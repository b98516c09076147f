/*
 * issuers.h - issuer and unit abbreviations used in số, ký hiệu and in the
 * "Lưu:" line (shared/domain/rules.md §5, "Issuer and unit abbreviations
 * seen"), and which kinds of issuer show the line of their direct parent
 * body above their name (NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 2 điểm a).
 */
#ifndef PLAN_DATA_ISSUERS_H
#define PLAN_DATA_ISSUERS_H

#include <stddef.h>

typedef enum plan_issuer_kind {
    PLAN_ISSUER_STATE,  /* a state body: the issuer group of a state number */
    PLAN_ISSUER_PARTY,  /* a Party organ: the organ group of "41-CT/TW" */
    PLAN_ISSUER_UNIT    /* a drafting unit or field: "UBND-VX", "Lưu: VT, NC" */
} plan_issuer_kind;

typedef struct plan_issuer {
    const char *code;   /* "SNgV", case-sensitive; NULL for a class of bodies
                         * that has no fixed abbreviation ("Sở …", "Phòng …") */
    const char *name;   /* "Sở Ngoại vụ": matched against the start of a name */
    plan_issuer_kind kind;
    int needs_parent;   /* shows its cơ quan chủ quản line in the header */
    const char *source; /* rules.md section, seed, verification mark */
} plan_issuer;

size_t plan_issuer_count(void);
const plan_issuer *plan_issuer_get(int i);
/* The row whose name begins the given issuer name (accent- and
 * case-insensitive, whole words; the longest name wins, so "Văn phòng Chính
 * phủ" beats "Văn phòng"), or NULL. Drafting-unit rows are not considered. */
const plan_issuer *plan_issuer_by_name(const char *name);
/* The row with exactly this code (case-sensitive: "TTg", "SNgV"), or NULL. */
const plan_issuer *plan_issuer_by_code(const char *code);
/* The row whose code equals this one when case is ignored ("SNGV" finds
 * "SNgV"), or NULL: used to tell a mis-cased code from an unknown one. */
const plan_issuer *plan_issuer_by_code_nocase(const char *code);

#endif
