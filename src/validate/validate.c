/*
 * validate.c - runs the checks of every category and applies severity
 * controls and suppressions. The checks themselves are in the category
 * files next to this one.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/i18n.h"
#include "plan/validate.h"

void plan_validate_opts_init(plan_validate_opts *o)
{
    for (int i = 0; i < PLAN_RULE_COUNT; i++)
        o->override[i] = -1;
    o->werror = 0;
}

plan_diag *plan_check_report(plan_check *c, plan_rule_id rule, plan_pos pos, const char *fmt,
                             ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_diag *g = plan_diags_vadd(c->out, rule, (plan_severity)plan_rule_get(rule)->severity,
                                   c->doc->file, pos, fmt, ap);
    va_end(ap);
    return g;
}

plan_diag *plan_check_report_sev(plan_check *c, plan_rule_id rule, plan_severity sev,
                                 plan_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_diag *g = plan_diags_vadd(c->out, rule, sev, c->doc->file, pos, fmt, ap);
    va_end(ap);
    return g;
}

void plan_walk_blocks(const plan_block *first, plan_check *c, plan_block_fn fn, void *ctx)
{
    for (const plan_block *b = first; b; b = b->next) {
        fn(c, b, ctx);
        if (b->first)
            plan_walk_blocks(b->first, c, fn, ctx);
    }
}

void plan_validate_apply_opts(const plan_validate_opts *o, plan_diags *d, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < d->n; i++) {
        int ov = o ? o->override[d->v[i].rule] : -1;
        if (ov >= 0)
            d->v[i].sev = (plan_severity)ov;
        if (d->v[i].sev == PLAN_SEV_OFF) {
            free(d->v[i].message);
            for (size_t j = 0; j < d->v[i].nnotes; j++)
                free(d->v[i].notes[j]);
            free(d->v[i].notes);
            continue;
        }
        d->v[w++] = d->v[i];
    }
    d->n = w;
}

typedef void (*check_fn)(plan_check *);

static const check_fn checks[] = {
    plan_check_header, plan_check_format, plan_check_legal, plan_check_content, plan_check_award,
    plan_check_dossier, plan_check_org, plan_check_lexical,
};

void plan_validate(const plan_doc *doc, const plan_validate_opts *o, plan_diags *out,
                   size_t from)
{
    plan_check c = {doc, out};
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++)
        checks[i](&c);
    plan_validate_apply_opts(o, out, from);
}
