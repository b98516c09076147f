/*
 * rules.h - the rule catalogue. One table (an X-macro list, the files in
 * src/validate/catalogue/) is the source of truth for every rule: id,
 * default severity, category, legal source, title, explanation, examples.
 * From it come the enum below, `plan rules`, `plan explain`, docs/rules.md
 * and the test that every rule has its cases.
 */
#ifndef PLAN_RULES_H
#define PLAN_RULES_H

typedef enum plan_category {
    PLAN_CAT_STRUCTURE, /* the XML and the plan language itself */
    PLAN_CAT_HEADER,    /* header and format, NĐ 30/2020 */
    PLAN_CAT_LEGAL,     /* legal basis and references */
    PLAN_CAT_CONTENT,   /* campaign content and period */
    PLAN_CAT_AWARD,     /* awards and authority */
    PLAN_CAT_DOSSIER,   /* dossiers, reports and deadlines */
    PLAN_CAT_ORG,       /* organisation, responsibilities, 2025 reorganisation */
    PLAN_CAT_LEXICAL,   /* numbers, dates, numerals in text */
    PLAN_CAT_COUNT
} plan_category;

/* RULE(ENUM, "ID", default severity, category, "legal source", "verification
 *      mark", N_("title"), N_("explanation"), "incorrect example",
 *      "corrected example") */
typedef enum plan_rule_id {
#define RULE(e, id, sev, cat, src, ver, title, expl, bad, good) PLAN_RULE_##e,
#include "validate/catalogue/all.def"
#undef RULE
    PLAN_RULE_COUNT
} plan_rule_id;

typedef struct plan_rule {
    const char *id;       /* stable, never translated, e.g. "NUM-LEADING-ZERO" */
    int severity;         /* a plan_severity: the default */
    plan_category category;
    const char *source;   /* legal source as cited (Vietnamese), or "logic" */
    const char *verified; /* V1, V2, V2-weak, U (unverified), S (seen in seeds), logic */
    const char *title;    /* English msgid; translate with _() when printing */
    const char *explain;  /* English msgid */
    const char *bad;      /* an incorrect example (plan XML), may be "" */
    const char *good;     /* the corrected example, may be "" */
} plan_rule;

/* The row of a rule; never NULL for a valid id. */
const plan_rule *plan_rule_get(plan_rule_id id);
/* The rule with this id string, or -1. */
int plan_rule_find(const char *id);
/* English msgid of a category name ("header and format", …). */
const char *plan_category_name(plan_category c);

#endif
