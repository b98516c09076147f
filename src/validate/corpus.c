/*
 * corpus.c - rules across plans (catalogue/corpus.def). A full model per plan
 * would make memory grow with the number of files, so each checked plan leaves
 * behind a small summary (its number, date, period, the documents it
 * implements, with positions) and the rules compare summaries.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/i18n.h"
#include "plan/validate.h"

typedef struct parent_ref {
    char *notation;          /* without spaces */
    plan_date date;          /* y == 0 when the citation gives none */
} parent_ref;

struct plan_summary {
    char *file;
    char *number;            /* as written, or NULL */
    char *issuer_code;       /* NULL when the number did not parse */
    char *key;               /* the number without spaces */
    long serial;
    plan_date date;          /* y == 0 when unknown */
    plan_pos number_pos;
    int has_period;
    plan_date start, end;    /* y == 0 when not resolved */
    plan_pos period_pos;
    parent_ref *parents;
    size_t nparents;
};

static char *dup_nospace(const char *s)
{
    char *r = plan_xmalloc(strlen(s) + 1), *o = r;
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return r;
}

plan_summary *plan_summary_of(const plan_doc *doc)
{
    plan_summary *s = plan_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->file = plan_xstrdup(doc->file);
    const plan_notation *n = &doc->header.number;
    if (n->text.s) {
        s->number = plan_xstrdup(n->text.s);
        s->key = dup_nospace(n->text.s);
        s->number_pos = n->text.pos;
        if (n->parsed && n->issuer_code) {
            s->issuer_code = plan_xstrdup(n->issuer_code);
            s->serial = n->serial_num;
        }
    }
    if (doc->header.date.prec == PLAN_PREC_DAY)
        s->date = doc->header.date.lo;
    const plan_period *p = doc->periods;
    if (p) {
        s->has_period = 1;
        s->period_pos = p->pos;
        if (p->start.prec != PLAN_PREC_NONE)
            s->start = p->start.lo;
        if (p->end.prec != PLAN_PREC_NONE)
            s->end = p->end.hi;
    }
    for (const plan_document *d = doc->documents; d; d = d->next)
        if (d->relation == PLAN_REL_IMPLEMENTS && d->number.text.s) {
            s->parents = plan_xrealloc(s->parents, (s->nparents + 1) * sizeof *s->parents);
            parent_ref *r = &s->parents[s->nparents++];
            r->notation = dup_nospace(d->number.text.s);
            r->date = d->date.prec == PLAN_PREC_DAY ? d->date.lo : (plan_date){0, 0, 0};
        }
    return s;
}

void plan_summary_free(plan_summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nparents; i++)
        free(s->parents[i].notation);
    free(s->parents);
    free(s->file);
    free(s->number);
    free(s->issuer_code);
    free(s->key);
    free(s);
}

static void ddmmyyyy(plan_date d, char *buf, size_t n)
{
    snprintf(buf, n, "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
}

static void num_sequence(plan_summary **v, size_t n, plan_diags *out)
{
    for (size_t i = 0; i < n; i++) {
        const plan_summary *a = v[i];
        if (!a->issuer_code || !a->date.y)
            continue;
        for (size_t j = 0; j < n; j++) {
            const plan_summary *b = v[j];
            if (i == j || !b->issuer_code || !b->date.y || b->date.y != a->date.y ||
                strcmp(a->issuer_code, b->issuer_code) != 0)
                continue;
            /* a has the higher number but the earlier date: report at a. */
            if (a->serial > b->serial && plan_date_cmp(a->date, b->date) < 0) {
                char da[16], db[16];
                ddmmyyyy(a->date, da, sizeof da);
                ddmmyyyy(b->date, db, sizeof db);
                plan_diag *g = plan_diags_add(
                    out, PLAN_RULE_NUM_SEQUENCE, PLAN_SEV_INFO, a->file, a->number_pos,
                    _("number %s dated %s is higher than %s dated %s (%s), though issued "
                      "earlier; check the number and the date"),
                    a->number, da, b->number, db, b->file);
                plan_diag_note(g, _("NĐ 30/2020/NĐ-CP, Điều 15 (cấp số văn bản theo năm, "
                                    "theo thứ tự ban hành) (unverified article number)"));
                break; /* one finding per plan is enough to send a clerk to look */
            }
        }
    }
}

static const plan_summary *find_parent(plan_summary **v, size_t n, const parent_ref *r)
{
    for (size_t k = 0; k < n; k++)
        if (v[k]->key && strcmp(v[k]->key, r->notation) == 0 &&
            (!r->date.y || !v[k]->date.y || plan_date_cmp(r->date, v[k]->date) == 0))
            return v[k];
    return NULL;
}

static void period_within_parent(plan_summary **v, size_t n, plan_diags *out)
{
    for (size_t i = 0; i < n; i++) {
        const plan_summary *c = v[i];
        if (!c->has_period)
            continue;
        for (size_t p = 0; p < c->nparents; p++) {
            const plan_summary *par = find_parent(v, n, &c->parents[p]);
            if (!par || par == c || !par->has_period)
                continue;
            int early = c->start.y && par->start.y && plan_date_cmp(c->start, par->start) < 0;
            int late = c->end.y && par->end.y && plan_date_cmp(c->end, par->end) > 0;
            if (!early && !late)
                continue;
            char cs[16], ce[16], ps[16], pe[16];
            ddmmyyyy(c->start, cs, sizeof cs);
            ddmmyyyy(c->end, ce, sizeof ce);
            ddmmyyyy(par->start, ps, sizeof ps);
            ddmmyyyy(par->end, pe, sizeof pe);
            plan_diag *g = plan_diags_add(
                out, PLAN_RULE_PERIOD_WITHIN_PARENT, PLAN_SEV_WARNING, c->file, c->period_pos,
                early ? _("the campaign starts %s, before its parent plan %s (%s) starts on %s; "
                          "an implementing plan runs within its parent's period")
                      : _("the campaign ends %s, after its parent plan %s (%s) ends on %s; "
                          "an implementing plan runs within its parent's period"),
                early ? cs : ce, par->number, par->file, early ? ps : pe);
            plan_diag_note(g, _("practice: an implementing plan carries out its parent's "
                                "campaign"));
        }
    }
}

void plan_validate_corpus(plan_summary **v, size_t n, const plan_validate_opts *o,
                          plan_diags *out)
{
    size_t from = out->n;
    num_sequence(v, n, out);
    period_within_parent(v, n, out);
    plan_validate_apply_opts(o, out, from);
}
