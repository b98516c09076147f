/*
 * template.c - the rules of drafts made by `plan new` (catalogue/template.def,
 * docs/templates.md): TEMPLATE-PLACEHOLDER for every "[[…]]" left to fill in,
 * holding back the other findings about a part that is not filled in yet,
 * and TEMPLATE-DRIFT / TEMPLATE-PARENT-MISSING, which corpus.c runs with the
 * rules across plans because they read the parent plan.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/i18n.h"
#include "plan/template.h"
#include "plan/validate.h"
#include "validate/template.h"

/* ---- every text of the plan ---- */

/* A text and the position of the part it belongs to (its block, cited
 * document, signature or Nơi nhận), whose findings wait for the text. */
typedef void (*text_fn)(void *ctx, const plan_text *t, plan_pos part);

static plan_text text_at(const char *s, plan_pos pos)
{
    plan_text t = {s, pos};
    return t;
}

static void when_text(text_fn fn, void *ctx, const plan_when *w, plan_pos part)
{
    if (w->text.s)
        fn(ctx, &w->text, part);
}

static void block_texts(const plan_block *b, text_fn fn, void *ctx)
{
    for (; b; b = b->next) {
        plan_pos part = b->pos;
        if (b->text.s)
            fn(ctx, &b->text, part);
        if (b->section && b->section->heading.s)
            fn(ctx, &b->section->heading, b->section->heading.pos);
        if (b->award) {
            const plan_award *a = b->award;
            const plan_text *t[] = {&a->name, &a->authority, &a->timing};
            for (int i = 0; i < 3; i++)
                if (t[i]->s)
                    fn(ctx, t[i], part);
            for (const plan_quota *q = a->quotas; q; q = q->next)
                fn(ctx, &q->text, part);
            for (const plan_textlist *s = a->standards; s; s = s->next)
                fn(ctx, &s->t, part);
        }
        if (b->period) {
            if (b->period->p.s)
                fn(ctx, &b->period->p, part);
            when_text(fn, ctx, &b->period->start, part);
            when_text(fn, ctx, &b->period->end, part);
        }
        if (b->deadline) {
            const plan_deadline *dl = b->deadline;
            const plan_text *t[] = {&dl->p, &dl->what, &dl->from, &dl->to};
            for (int i = 0; i < 4; i++)
                if (t[i]->s)
                    fn(ctx, t[i], part);
            for (const plan_dossier_item *i = dl->items; i; i = i->next) {
                fn(ctx, &i->text, part);
                if (i->form) {
                    plan_text f = text_at(i->form, i->form_pos);
                    fn(ctx, &f, part);
                }
            }
            when_text(fn, ctx, &dl->due, part);
        }
        if (b->assignment) {
            for (const plan_textlist *o = b->assignment->offices; o; o = o->next)
                fn(ctx, &o->t, part);
            for (const plan_task *t = b->assignment->tasks; t; t = t->next) {
                fn(ctx, &t->text, part);
                when_text(fn, ctx, &t->due, part);
                if (t->to) {
                    plan_text to = text_at(t->to, t->pos);
                    fn(ctx, &to, part);
                }
            }
        }
        if (b->first)
            block_texts(b->first, fn, ctx);
    }
}

static void each_text(const plan_doc *d, text_fn fn, void *ctx)
{
    const plan_header *h = &d->header;
    const plan_text *ht[] = {&h->national_name, &h->motto, &h->parent_body, &h->issuer,
                             &h->number.text, &h->place, &h->date.text, &h->doc_type,
                             &h->subject, &h->theme};
    for (size_t i = 0; i < sizeof ht / sizeof *ht; i++)
        if (ht[i]->s)
            fn(ctx, ht[i], ht[i]->pos);
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        fn(ctx, &t->t, t->t.pos);
    for (const plan_document *doc = d->documents; doc; doc = doc->next) {
        const plan_text *t[] = {&doc->doc_type, &doc->number.text, &doc->date.text,
                                &doc->issuer, &doc->title};
        for (int i = 0; i < 5; i++)
            if (t[i]->s)
                fn(ctx, t[i], doc->pos);
    }
    block_texts(d->body, fn, ctx);
    for (const plan_textlist *t = d->closing; t; t = t->next)
        fn(ctx, &t->t, t->t.pos);
    for (const plan_textlist *t = d->capacities; t; t = t->next)
        fn(ctx, &t->t, d->signature_pos);
    if (d->sign_title.s)
        fn(ctx, &d->sign_title, d->signature_pos);
    if (d->sign_name.s)
        fn(ctx, &d->sign_name, d->signature_pos);
    for (const plan_textlist *t = d->recipients; t; t = t->next)
        fn(ctx, &t->t, d->recipients_pos);
    if (d->archive.s)
        fn(ctx, &d->archive, d->recipients_pos);
}

/* ---- TEMPLATE-PLACEHOLDER ---- */

/* The byte offset in the source where the text at pos starts, or
 * (size_t)-1. */
static size_t offset_of(const plan_source *src, plan_pos pos)
{
    if (!src || !pos.line || pos.line > src->nlines)
        return (size_t)-1;
    size_t start = src->lines[pos.line - 1];
    size_t end = pos.line < src->nlines ? src->lines[pos.line] : src->len;
    for (size_t off = start; off < end; off++) {
        if (((unsigned char)src->text[off] & 0xC0) == 0x80)
            continue;
        plan_pos p = plan_source_pos(src, off);
        if (p.col == pos.col)
            return off;
        if (p.col > pos.col)
            break;
    }
    return (size_t)-1;
}

/* The position of the k-th "[[" of the text that starts at pos, as the
 * source has it; pos itself when the source spells it otherwise. */
static plan_pos placeholder_pos(const plan_source *src, plan_pos pos, size_t k)
{
    size_t off = offset_of(src, pos);
    if (off == (size_t)-1)
        return pos;
    const char *p = src->text + off;
    const char *stop = strchr(p, '<');
    for (size_t i = 0;; i++) {
        p = strstr(p, PLAN_PLACEHOLDER_OPEN);
        if (!p || (stop && p > stop))
            return pos;
        if (i == k)
            return plan_source_pos(src, (size_t)(p - src->text));
        const char *e = strstr(p + 2, PLAN_PLACEHOLDER_CLOSE);
        if (!e)
            return pos;
        p = e + 2;
    }
}

typedef struct scan {
    plan_check *c;
    plan_pos *held;          /* positions whose findings wait */
    size_t nheld, cap;
} scan;

/* The rules about one part of the plan: while the part holds a
 * placeholder, their findings wait wherever they point (a deadline of the
 * body that Nơi nhận does not list yet is NOINHAN-COVERS-ROLES's). */
static const struct {
    const char *prefix;      /* rule ids starting so */
} part_rules[] = {{"NUM-"}, {"DATE-"}, {"SIGN-"}, {"NOINHAN-"}};

/* Which of part_rules have their part still to fill in: bit i. */
static unsigned open_parts(const plan_doc *d)
{
    unsigned m = 0;
#define OPEN(s) ((s) && strstr((s), PLAN_PLACEHOLDER_OPEN))
    if (OPEN(d->header.number.text.s))
        m |= 1u << 0;
    if (OPEN(d->header.date.text.s))
        m |= 1u << 1;
    int sig = OPEN(d->sign_title.s) || OPEN(d->sign_name.s);
    for (const plan_textlist *t = d->capacities; t; t = t->next)
        sig |= OPEN(t->t.s) != 0;
    if (sig)
        m |= 1u << 2;
    int rec = OPEN(d->archive.s) != 0;
    for (const plan_textlist *t = d->recipients; t; t = t->next)
        rec |= OPEN(t->t.s) != 0;
    if (rec)
        m |= 1u << 3;
#undef OPEN
    return m;
}

static void hold(scan *s, plan_pos p)
{
    for (size_t i = 0; i < s->nheld; i++)
        if (s->held[i].line == p.line && s->held[i].col == p.col)
            return;
    if (s->nheld == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->held = plan_xrealloc(s->held, s->cap * sizeof *s->held);
    }
    s->held[s->nheld++] = p;
}

static void placeholders(void *ctx, const plan_text *t, plan_pos part)
{
    scan *s = ctx;
    const char *p = strstr(t->s, PLAN_PLACEHOLDER_OPEN);
    if (!p)
        return;
    if (!s->c) {
        /* holding back: the text and its part */
        hold(s, t->pos);
        hold(s, part);
        return;
    }
    for (size_t k = 0; p; k++) {
        const char *e = strstr(p + 2, PLAN_PLACEHOLDER_CLOSE);
        int n = e ? (int)(e - p - 2) : (int)strlen(p + 2);
        plan_pos at = placeholder_pos(s->c->doc->src, t->pos, k);
        if (e)
            plan_check_report(s->c, PLAN_RULE_TEMPLATE_PLACEHOLDER, at,
                              _("placeholder [[%.*s]] is not filled in; replace it, brackets "
                                "included, with the text it asks for"),
                              n, p + 2);
        else
            plan_check_report(s->c, PLAN_RULE_TEMPLATE_PLACEHOLDER, at,
                              _("placeholder [[%.*s is not filled in, nor closed with ]]; "
                                "replace it, brackets included, with the text it asks for"),
                              n, p + 2);
        p = e ? strstr(e + 2, PLAN_PLACEHOLDER_OPEN) : NULL;
    }
}

void plan_check_template(plan_check *c)
{
    scan s = {c, NULL, 0, 0};
    each_text(c->doc, placeholders, &s);
}

/* The rules whose findings about what a draft inherited as the parent
 * wrote it (an award's name and standards, a dossier's contents, the
 * period, a cited document) are the parent's: checking the parent reports
 * them, each draft would repeat them. Rules about the draft's own dates
 * against them (DOSSIER-BEFORE-END, PERIOD-END-BEFORE-ISSUE …) still apply.
 * An inherited period is set by the parent, so it may start before the
 * draft is issued. */
static const plan_rule_id parents_rules[] = {
    PLAN_RULE_EVENT_AFTER_END, PLAN_RULE_PERIOD_START_BEFORE_ISSUE,
    PLAN_RULE_PERIOD_EVENT_RESOLVE, PLAN_RULE_PERIOD_PARSE, PLAN_RULE_AWARD_KNOWN,
    PLAN_RULE_AWARD_ISSUER_SPECIFIED, PLAN_RULE_AWARD_CLASS, PLAN_RULE_AWARD_STANDARD,
    PLAN_RULE_AWARD_QUOTA, PLAN_RULE_AWARD_ANNUAL_TITLE_IN_CAMPAIGN, PLAN_RULE_AWARD_DOUBLE,
    PLAN_RULE_DOSSIER_CONTENTS, PLAN_RULE_LEGAL_CITE_FIELDS, PLAN_RULE_LEGAL_REF_SYNTAX,
    PLAN_RULE_LEGAL_REF_YEAR, PLAN_RULE_LEGAL_REF_ISSUER,
};

/* The positions of what the draft copied from the parent: each inherited
 * block or document and its texts as the parent wrote them (not the
 * derived sender, recipient and date of a deadline). */
static void copied(scan *s, const plan_block *b)
{
    for (; b; b = b->next) {
        if (b->inherited && !b->section) {
            hold(s, b->pos);
            if (b->period) {
                const plan_period *p = b->period;
                const plan_text *t[] = {&p->p, &p->start.text, &p->end.text};
                for (int i = 0; i < 3; i++)
                    if (t[i]->s)
                        hold(s, t[i]->pos);
            }
            if (b->award) {
                const plan_award *a = b->award;
                const plan_text *t[] = {&a->name, &a->authority, &a->timing};
                for (int i = 0; i < 3; i++)
                    if (t[i]->s)
                        hold(s, t[i]->pos);
                for (const plan_textlist *x = a->standards; x; x = x->next)
                    hold(s, x->t.pos);
                for (const plan_quota *q = a->quotas; q; q = q->next)
                    hold(s, q->pos);
            }
            if (b->deadline) {
                if (b->deadline->what.s)
                    hold(s, b->deadline->what.pos);
                for (const plan_dossier_item *i = b->deadline->items; i; i = i->next) {
                    hold(s, i->text.pos);
                    hold(s, i->form_pos);
                }
            }
        }
        if (b->first)
            copied(s, b->first);
    }
}

static int pos_in(const scan *s, plan_pos p)
{
    for (size_t k = 0; k < s->nheld; k++)
        if (s->held[k].line == p.line && s->held[k].col == p.col)
            return 1;
    return 0;
}

void plan_template_hold_back(plan_check *c, size_t from)
{
    scan s = {NULL, NULL, 0, 0}, inh = {NULL, NULL, 0, 0};
    each_text(c->doc, placeholders, &s);
    copied(&inh, c->doc->body);
    for (const plan_document *doc = c->doc->documents; doc; doc = doc->next)
        if (doc->inherited) {
            hold(&inh, doc->pos);
            const plan_text *t[] = {&doc->doc_type, &doc->number.text, &doc->date.text,
                                    &doc->issuer, &doc->title};
            for (int i = 0; i < 5; i++)
                if (t[i]->s)
                    hold(&inh, t[i]->pos);
        }
    if (!s.nheld && !inh.nheld)
        return;
    unsigned open = s.nheld ? open_parts(c->doc) : 0;
    plan_diags *d = c->out;
    size_t w = from;
    for (size_t i = from; i < d->n; i++) {
        plan_diag *g = &d->v[i];
        const plan_rule *r = plan_rule_get(g->rule);
        int held = 0;
        if (r->category != PLAN_CAT_STRUCTURE && g->rule != PLAN_RULE_TEMPLATE_PLACEHOLDER) {
            held = pos_in(&s, g->pos);
            for (size_t k = 0; k < sizeof part_rules / sizeof *part_rules && !held; k++)
                held = (open >> k & 1) &&
                       strncmp(r->id, part_rules[k].prefix, strlen(part_rules[k].prefix)) == 0;
            /* "từ nay" needs the date of issue, which is still to be written. */
            held |= (open >> 1 & 1) && g->rule == PLAN_RULE_PERIOD_RELATIVE_START;
            for (size_t k = 0; k < sizeof parents_rules / sizeof *parents_rules && !held; k++)
                held = g->rule == parents_rules[k] && pos_in(&inh, g->pos);
        }
        if (held) {
            free(g->message);
            for (size_t j = 0; j < g->nnotes; j++)
                free(g->notes[j]);
            free(g->notes);
            continue;
        }
        d->v[w++] = *g;
    }
    d->n = w;
    free(s.held);
    free(inh.held);
}

/* ---- lineage ---- */

static char *nospace(const char *s)
{
    char *r = plan_xmalloc(strlen(s) + 1), *o = r;
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return r;
}

void plan_lineage_ref_of(const plan_doc *doc, plan_lineage_ref *r)
{
    memset(r, 0, sizeof *r);
    const plan_lineage *l = &doc->header.lineage;
    if (!l->pos.line || !l->number.s || !l->path.s)
        return;
    r->number = plan_xstrdup(l->number.s);
    r->key = nospace(l->number.s);
    r->path = plan_xstrdup(l->path.s);
    r->date = l->date_value;
    r->fp = l->fp;
    r->fp_ok = l->fp_ok;
    r->pos = l->pos;
    r->path_pos = l->path.pos;
}

void plan_lineage_ref_free(plan_lineage_ref *r)
{
    free(r->number);
    free(r->key);
    free(r->path);
    memset(r, 0, sizeof *r);
}

typedef struct parent_entry {
    char *path;              /* as read (the key) */
    int rc;                  /* PLAN_OK, PLAN_BAD_DOCUMENT or PLAN_ERR_IO */
    int err;                 /* errno when PLAN_ERR_IO */
    uint64_t fp;
    char *number;            /* the plan's own number, or NULL */
    plan_date date;          /* its date when a day */
} parent_entry;

struct plan_parent_cache {
    parent_entry *v;
    size_t n;
};

plan_parent_cache *plan_parent_cache_new(void)
{
    plan_parent_cache *c = plan_xmalloc(sizeof *c);
    c->v = NULL;
    c->n = 0;
    return c;
}

void plan_parent_cache_free(plan_parent_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].path);
        free(c->v[i].number);
    }
    free(c->v);
    free(c);
}

static const parent_entry *parent_read(plan_parent_cache *c, const char *path)
{
    char *key = realpath(path, NULL);
    if (!key)
        key = plan_xstrdup(path);
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].path, key) == 0) {
            free(key);
            return &c->v[i];
        }
    c->v = plan_xrealloc(c->v, (c->n + 1) * sizeof *c->v);
    parent_entry *e = &c->v[c->n++];
    memset(e, 0, sizeof *e);
    e->path = key;
    plan_doc *doc = NULL;
    e->rc = plan_fingerprint_file(path, &e->fp, NULL, &doc);
    e->err = e->rc == PLAN_ERR_IO ? errno : 0;
    if (doc) {
        if (doc->header.number.text.s)
            e->number = plan_xstrdup(doc->header.number.text.s);
        if (doc->header.date.prec == PLAN_PREC_DAY)
            e->date = doc->header.date.lo;
        plan_doc_free(doc);
    }
    return e;
}

static void dmy(plan_date d, char *buf, size_t n)
{
    if (d.y)
        snprintf(buf, n, "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
    else
        snprintf(buf, n, "?");
}

static void missing(const char *draft, const plan_lineage_ref *l, const char *path,
                    const char *why, plan_diags *out)
{
    char date[16];
    dmy(l->date, date, sizeof date);
    plan_diag *g = plan_diags_add(
        out, PLAN_RULE_TEMPLATE_PARENT_MISSING, PLAN_SEV_WARNING, draft, l->path_pos,
        _("the parent plan %s of %s named in <lineage> is not among the plans checked, and %s "
          "%s; check the draft together with its parent, or correct path="),
        l->number, date, path, why);
    plan_diag_note(g, _("docs/templates.md: the lineage ties a draft made by plan new to the "
                        "plan it implements"));
}

void plan_template_drift(plan_parent_cache *c, const char *draft, const plan_lineage_ref *l,
                         const char *parent, plan_diags *out)
{
    if (!l->number || !l->fp_ok)
        return; /* a malformed lineage is the builder's finding */
    plan_buf path = PLAN_BUF_INIT;
    if (parent) {
        plan_buf_puts(&path, parent);
    } else if (l->path[0] == '/') {
        plan_buf_puts(&path, l->path);
    } else {
        const char *slash = strrchr(draft, '/');
        if (slash)
            plan_buf_printf(&path, "%.*s/", (int)(slash - draft), draft);
        plan_buf_puts(&path, l->path);
    }
    const parent_entry *e = parent_read(c, plan_buf_cstr(&path));
    if (e->rc == PLAN_ERR_IO) {
        plan_buf why = PLAN_BUF_INIT;
        plan_buf_printf(&why, _("cannot be read there (%s)"), strerror(e->err));
        missing(draft, l, plan_buf_cstr(&path), plan_buf_cstr(&why), out);
        plan_buf_free(&why);
    } else if (e->rc != PLAN_OK) {
        missing(draft, l, plan_buf_cstr(&path), _("is no well-formed plan"), out);
    } else {
        char *k = e->number ? nospace(e->number) : NULL;
        if (!parent && (!k || strcmp(k, l->key) != 0)) {
            plan_buf why = PLAN_BUF_INIT;
            plan_buf_printf(&why, _("holds another plan (%s)"),
                            e->number ? e->number : _("without a number"));
            missing(draft, l, plan_buf_cstr(&path), plan_buf_cstr(&why), out);
            plan_buf_free(&why);
        } else if (e->fp != l->fp) {
            char was[17], now[17];
            plan_hash64_hex(l->fp, was);
            plan_hash64_hex(e->fp, now);
            plan_diag *g = plan_diags_add(
                out, PLAN_RULE_TEMPLATE_DRIFT, PLAN_SEV_WARNING, draft, l->pos,
                _("the parent plan %s (%s) has changed since this draft was made from it "
                  "(fingerprint %s, now %s), so what the draft inherited may be out of date; "
                  "run plan new --update %s"),
                l->number, plan_buf_cstr(&path), was, now, draft);
            plan_diag_note(g, _("plan new --update derives the inherited parts again and keeps "
                                "what the office wrote (docs/templates.md)"));
        }
        free(k);
    }
    plan_buf_free(&path);
}
