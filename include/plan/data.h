/*
 * data.h - reference data: tables drawn from the law and the real plans,
 * each row with its source (shared/domain/rules.md section in brackets).
 * They live in src/data/, one file per table; code looks rows up here and
 * never spells the data out itself.
 */
#ifndef PLAN_DATA_H
#define PLAN_DATA_H

#include "plan/model.h"

/* ---- event calendar (§10) — src/data/events.c ---- */
typedef struct plan_event {
    const char *name;        /* canonical name, Vietnamese */
    const char *const *keys; /* all of these (folded, accent-free) must occur in the text */
    plan_date start, end;    /* end = "tổ chức thành công" */
    const char *source;
    const char *verified;    /* V2, U, S … */
} plan_event;

size_t plan_event_count(void);
const plan_event *plan_event_get(int i);
/* The row whose keys all occur in text (accent- and case-insensitive), or -1. */
int plan_event_match(const char *text);
/* The same with text folded already (plan_utf8_fold_ascii, plan_check_fold). */
int plan_event_match_folded(const char *folded);

/* ---- document-type codes, NĐ 30/2020 Phụ lục III and VBQPPL codes (§3, §5)
 *      — src/data/doctypes.c ---- */
typedef struct plan_doctype {
    const char *name;        /* "Kế hoạch" */
    const char *code;        /* "KH", case-sensitive: QyĐ, CTr, TTr */
    int normative;           /* a VBQPPL type that carries a year */
    const char *source;
} plan_doctype;

size_t plan_doctype_count(void);
const plan_doctype *plan_doctype_get(int i);
/* 1 when code is a known type code (case-sensitive). */
int plan_type_code_known(const char *code);
/* The row for a type name written in any case ("KẾ HOẠCH", "Kế hoạch"), or NULL. */
const plan_doctype *plan_doctype_by_name(const char *name);
const plan_doctype *plan_doctype_by_code(const char *code);

#endif
