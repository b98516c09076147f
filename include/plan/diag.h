/*
 * diag.h - diagnostics: problems found *in a document*. The library only
 * appends them to a list; the CLI decides how to print them (GCC style or
 * JSON). System errors (I/O, memory) never come through here.
 */
#ifndef PLAN_DIAG_H
#define PLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "plan/rules.h"

typedef enum plan_severity {
    PLAN_SEV_OFF = 0,
    PLAN_SEV_INFO = 1,
    PLAN_SEV_WARNING = 2,
    PLAN_SEV_ERROR = 3
} plan_severity;

typedef struct plan_pos {
    unsigned line; /* 1-based; 0 = no position */
    unsigned col;  /* 1-based, in code points as an editor shows them */
} plan_pos;

typedef struct plan_diag {
    const char *file;    /* borrowed from the caller of plan_diags_add */
    plan_pos pos;
    plan_severity sev;
    plan_rule_id rule;
    char *message;       /* owned; already translated */
    char **notes;        /* owned; each a translated line */
    size_t nnotes;
} plan_diag;

typedef struct plan_diags {
    plan_diag *v;
    size_t n, cap;
} plan_diags;

#define PLAN_DIAGS_INIT {NULL, 0, 0}

/* Appends a diagnostic with a printf-formatted message (fmt is already
 * translated by the caller). Returns the new entry, valid until the next add. */
plan_diag *plan_diags_add(plan_diags *d, plan_rule_id rule, plan_severity sev,
                          const char *file, plan_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
plan_diag *plan_diags_vadd(plan_diags *d, plan_rule_id rule, plan_severity sev,
                           const char *file, plan_pos pos, const char *fmt,
                           va_list ap);
/* Adds a note line to a diagnostic. */
void plan_diag_note(plan_diag *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Sorts by file, line, column, rule id and message: output order never
 * depends on the order in which checks ran. */
void plan_diags_sort(plan_diags *d);
/* Counts diagnostics of exactly this severity. */
size_t plan_diags_count(const plan_diags *d, plan_severity sev);
/* Frees every entry and empties the list. */
void plan_diags_clear(plan_diags *d);
/* Moves all of src to the end of dst; src becomes empty. */
void plan_diags_move(plan_diags *dst, plan_diags *src);

const char *plan_severity_name(plan_severity s);  /* "error", untranslated */

#endif
