/*
 * diag.c - the diagnostics list: append, annotate, sort, count.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/diag.h"
#include "plan/util.h"

plan_diag *plan_diags_vadd(plan_diags *d, plan_rule_id rule, plan_severity sev,
                           const char *file, plan_pos pos, const char *fmt, va_list ap)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = plan_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    plan_diag *g = &d->v[d->n++];
    memset(g, 0, sizeof *g);
    g->file = file;
    g->pos = pos;
    g->sev = sev;
    g->rule = rule;
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_vprintf(&b, fmt, ap);
    g->message = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
    return g;
}

plan_diag *plan_diags_add(plan_diags *d, plan_rule_id rule, plan_severity sev,
                          const char *file, plan_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_diag *g = plan_diags_vadd(d, rule, sev, file, pos, fmt, ap);
    va_end(ap);
    return g;
}

void plan_diag_note(plan_diag *g, const char *fmt, ...)
{
    plan_buf b = PLAN_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    plan_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    g->notes = plan_xrealloc(g->notes, (g->nnotes + 1) * sizeof *g->notes);
    g->notes[g->nnotes++] = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
}

static int cmp(const void *pa, const void *pb)
{
    const plan_diag *a = pa, *b = pb;
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->pos.line != b->pos.line)
        return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col)
        return a->pos.col < b->pos.col ? -1 : 1;
    c = strcmp(plan_rule_get(a->rule)->id, plan_rule_get(b->rule)->id);
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

void plan_diags_sort(plan_diags *d)
{
    if (d->n > 1)
        qsort(d->v, d->n, sizeof *d->v, cmp);
}

size_t plan_diags_count(const plan_diags *d, plan_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->v[i].sev == sev;
    return n;
}

void plan_diags_clear(plan_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].message);
        for (size_t j = 0; j < d->v[i].nnotes; j++)
            free(d->v[i].notes[j]);
        free(d->v[i].notes);
    }
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}

void plan_diags_move(plan_diags *dst, plan_diags *src)
{
    for (size_t i = 0; i < src->n; i++) {
        if (dst->n == dst->cap) {
            dst->cap = dst->cap ? dst->cap * 2 : 16;
            dst->v = plan_xrealloc(dst->v, dst->cap * sizeof *dst->v);
        }
        dst->v[dst->n++] = src->v[i];
    }
    free(src->v);
    src->v = NULL;
    src->n = src->cap = 0;
}

const char *plan_severity_name(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return "error";
    case PLAN_SEV_WARNING: return "warning";
    case PLAN_SEV_INFO: return "info";
    default: return "off";
    }
}
