/*
 * validate.c - runs the checks of every category and applies severity
 * controls and suppressions. The checks themselves are in the category
 * files next to this one.
 */
#include <stdint.h>
#include <stdio.h>
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

/* ---- the texts of the document, folded once ----
 * Many rules match words in the same texts (a block's text is read for
 * provinces, awards, authorities, numerals…): each folds it through this
 * table, by the text's address, so that it is folded once per document. */
struct plan_fold_cache {
    const char **key;  /* strings of the model, by address */
    const char **val;  /* their folds, in the arena */
    size_t cap, n;
    plan_arena *a;
    plan_buf tmp;
};

static size_t slot_of(const void *p, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 32) & (cap - 1);
}

const char *plan_check_fold(plan_check *c, const char *s)
{
    if (!s)
        return "";
    plan_fold_cache *f = c->folds;
    if (!f) { /* the first text folded; plan_validate frees the table */
        f = c->folds = plan_xmalloc(sizeof *f);
        memset(f, 0, sizeof *f);
    }
    if (2 * (f->n + 1) > f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 256;
        const char **key = calloc(cap, sizeof *key), **val = calloc(cap, sizeof *val);
        if (!key || !val)
            abort();
        for (size_t i = 0; i < f->cap; i++) {
            if (!f->key[i])
                continue;
            size_t h = slot_of(f->key[i], cap);
            while (key[h])
                h = (h + 1) & (cap - 1);
            key[h] = f->key[i];
            val[h] = f->val[i];
        }
        free(f->key);
        free(f->val);
        f->key = key;
        f->val = val;
        f->cap = cap;
    }
    size_t h = slot_of(s, f->cap);
    for (; f->key[h]; h = (h + 1) & (f->cap - 1))
        if (f->key[h] == s)
            return f->val[h];
    if (!f->a)
        f->a = plan_arena_new();
    const char *r = plan_utf8_fold_buf(&f->tmp, s, 1);
    f->key[h] = s;
    f->val[h] = plan_arena_strndup(f->a, r, f->tmp.len);
    f->n++;
    return f->val[h];
}

static void fold_cache_free(plan_fold_cache *f)
{
    if (!f)
        return;
    free(f->key);
    free(f->val);
    plan_arena_free(f->a);
    plan_buf_free(&f->tmp);
    free(f);
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
    plan_check_dossier, plan_check_org, plan_check_lexical, plan_check_textnorm,
    plan_check_text, plan_check_template,
};

/* ---- suppressions: <?plan-ignore RULE-ID reason?> ---- */

typedef struct supp {
    const plan_pi *pi;
    int rule;
    plan_pos from, to;
    int used;
} supp;

static int pos_le(plan_pos a, plan_pos b)
{
    return a.line < b.line || (a.line == b.line && a.col <= b.col);
}

/* Where a block's scope ends: where the next block at its level or above starts. */
static plan_pos block_end(const plan_doc *doc, const plan_block *b)
{
    for (; b; b = b->parent)
        if (b->next)
            return b->next->pos;
    return doc->body_end;
}

/* Parses one PI into s; reports a malformed one and returns 0. */
static int parse_supp(plan_check *c, const plan_pi *pi, supp *s)
{
    if (strcmp(pi->target, "plan-ignore") != 0) {
        plan_check_report(c, PLAN_RULE_SUPPRESS_SYNTAX, pi->pos,
                          _("unknown instruction <?%s?>; the only one is <?plan-ignore "
                            "RULE-ID reason?>"),
                          pi->target);
        return 0;
    }
    const char *d = pi->data ? pi->data : "";
    size_t n = strcspn(d, " ");
    char id[96];
    snprintf(id, sizeof id, "%.*s", (int)(n < 95 ? n : 95), d);
    const char *reason = d + n;
    while (*reason == ' ')
        reason++;
    int r = plan_rule_find(id);
    if (pi->misplaced) {
        plan_check_report(c, PLAN_RULE_SUPPRESS_SYNTAX, pi->pos,
                          _("<?plan-ignore?> must stand before the root element (the whole "
                            "file) or right before a block of the body; move it"));
        return 0;
    }
    if (!*id || r < 0) {
        plan_check_report(c, PLAN_RULE_SUPPRESS_SYNTAX, pi->pos,
                          _("<?plan-ignore?> names no known rule ('%s'); 'plan rules' lists "
                            "them"),
                          id);
        return 0;
    }
    if (plan_rule_get((plan_rule_id)r)->category == PLAN_CAT_STRUCTURE) {
        plan_check_report(c, PLAN_RULE_SUPPRESS_SYNTAX, pi->pos,
                          _("%s cannot be suppressed: the structure of the XML must be fixed"),
                          id);
        return 0;
    }
    if (strlen(reason) < 3) {
        plan_check_report(c, PLAN_RULE_SUPPRESS_SYNTAX, pi->pos,
                          _("<?plan-ignore %s?> gives no reason; write why the finding is "
                            "accepted after the rule id"),
                          id);
        return 0;
    }
    s->pi = pi;
    s->rule = r;
    s->used = 0;
    if (pi->doc_level) {
        s->from = (plan_pos){0, 0};
        s->to = (plan_pos){~0u, ~0u};
    } else {
        s->from = pi->block->pos;
        s->to = block_end(c->doc, pi->block);
    }
    return 1;
}

static void apply_suppressions(plan_check *c, const plan_validate_opts *o, size_t from)
{
    size_t cap = 0;
    for (const plan_pi *pi = c->doc->pis; pi; pi = pi->next)
        cap++;
    if (!cap)
        return;
    supp *v = calloc(cap, sizeof *v);
    size_t n = 0;
    for (const plan_pi *pi = c->doc->pis; pi; pi = pi->next)
        if (strncmp(pi->target, "plan-", 5) == 0 && parse_supp(c, pi, &v[n]))
            n++;
    plan_diags *d = c->out;
    size_t w = from;
    for (size_t i = from; i < d->n; i++) {
        int hit = 0;
        for (size_t k = 0; k < n && !hit; k++)
            if (v[k].rule == (int)d->v[i].rule && pos_le(v[k].from, d->v[i].pos) &&
                !pos_le(v[k].to, d->v[i].pos) && (d->v[i].pos.line || v[k].pi->doc_level)) {
                hit = 1;
                v[k].used = 1;
            }
        if (hit) {
            free(d->v[i].message);
            for (size_t j = 0; j < d->v[i].nnotes; j++)
                free(d->v[i].notes[j]);
            free(d->v[i].notes);
            continue;
        }
        d->v[w++] = d->v[i];
    }
    d->n = w;
    for (size_t k = 0; k < n; k++)
        if (!v[k].used && !(o && o->override[v[k].rule] == PLAN_SEV_OFF))
            plan_check_report(c, PLAN_RULE_SUPPRESS_UNUSED, v[k].pi->pos,
                              _("<?plan-ignore %s?> suppresses nothing here; remove it"),
                              plan_rule_get((plan_rule_id)v[k].rule)->id);
    free(v);
}

void plan_validate(const plan_doc *doc, const plan_validate_opts *o, plan_diags *out,
                   size_t from)
{
    plan_check c = {doc, out, NULL};
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++)
        checks[i](&c);
    plan_validate_apply_opts(o, out, from);
    apply_suppressions(&c, o, from);
    /* What a draft has still to fill in is checked once it is written. */
    plan_template_hold_back(&c, from);
    /* Findings about the suppressions themselves obey -W too (applying the
     * overrides again to the others changes nothing). */
    plan_validate_apply_opts(o, out, from);
    fold_cache_free(c.folds);
}
