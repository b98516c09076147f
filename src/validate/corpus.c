/*
 * corpus.c - rules across plans (catalogue/corpus.def): repository mode. A
 * full model per plan would make memory grow with the size of every file, so
 * each checked plan leaves a summary (its number and issuer, date, period,
 * awards, the documents it implements or rests on, with positions), and of
 * that the run keeps only an index entry (see "what a run keeps" below): the
 * rules find candidates on the entries and compare the full summaries of
 * the few plans involved, read again.
 *
 * The entries are indexed twice, by sorting arrays of pointers: by notation
 * (to resolve a citation to the plan it names, by binary search) and by
 * issuer, year and serial (NUM-UNIQUE on neighbours, NUM-SEQUENCE within one
 * issuer-year group). Time is O(n log n) in the number of plans, plus the
 * square of the largest issuer-year group for NUM-SEQUENCE. A file given
 * twice (a directory and a file in it) counts once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/awards.h"
#include "plan/i18n.h"
#include "plan/validate.h"
#include "validate/template.h"

typedef struct parent_ref {
    char *key;               /* the cited number without spaces */
    char *number;            /* as written */
    int implements;          /* relation "implements"; else "based-on" */
    plan_date date;          /* y == 0 when the citation gives no day */
    plan_pos pos;            /* the cited number */
    plan_pos date_pos;       /* the cited date (pos when absent) */
} parent_ref;

typedef struct award_sum {
    char *name;              /* as written */
    char *folded;            /* plan_utf8_fold_ascii of the name */
    const plan_award_entry *e; /* catalogue row (static data), or NULL */
    int rank;                /* plan_award_rank on the plan's date; 0: unknown */
    unsigned for_mask;       /* 0 when not stated */
    plan_pos pos;
} award_sum;

struct plan_summary {
    char *file;
    char *number;            /* as written, or NULL */
    char *key;               /* the number without spaces */
    char *issuer_code;       /* NULL when the number did not parse */
    char *type_code, *sub;   /* NULL when absent */
    char *serial_text;       /* the serial as written ("08") */
    char *issuer_id;         /* key text of issuer and parent body: who numbers */
    int party, normative;    /* Party form; a year inside the number */
    long serial;
    int year;                /* of the date, else of the number; 0 unknown */
    plan_date date;          /* y == 0 unless a day */
    plan_pos number_pos;
    int issuer_rank;         /* plan_award_issuer_rank; 0 unknown */
    int has_period;
    plan_date start, end;    /* y == 0 when not resolved */
    plan_pos period_pos;
    parent_ref *parents;
    size_t nparents;
    award_sum *awards;
    size_t nawards;
    plan_lineage_ref lineage; /* a draft's parent (docs/templates.md); number NULL if none */
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

static char *dup_or_null(const char *s)
{
    return s ? plan_xstrdup(s) : NULL;
}


static void summarise_awards(plan_summary *s, const plan_doc *doc)
{
    size_t n = 0;
    for (const plan_award *a = doc->awards; a; a = a->next)
        if (a->name.s)
            n++;
    if (!n)
        return;
    s->awards = plan_xmalloc(n * sizeof *s->awards);
    for (const plan_award *a = doc->awards; a; a = a->next) {
        if (!a->name.s)
            continue;
        award_sum *w = &s->awards[s->nawards++];
        w->name = plan_xstrdup(a->name.s);
        w->folded = plan_utf8_fold_ascii(a->name.s);
        w->e = plan_award_row(a->name.s, a->authority.s, NULL);
        /* An award the law does not know is AWARD-KNOWN's finding. */
        w->rank = w->e && !w->e->not_award ? plan_award_rank(w->e, s->date) : 0;
        w->for_mask = a->for_mask;
        w->pos = a->pos;
    }
}

/* ---- one block per summary ----
 * A run keeps a summary of every plan until the rules across plans run:
 * thousands of them. Each is moved into one allocation (the struct, its
 * arrays, its strings), which keeps the memory of a run small and its heap
 * unfragmented. The lineage keeps its own allocations (drafts only). */

static size_t sz(const char *p)
{
    return p ? strlen(p) + 1 : 0;
}

static char *put(char **at, char *p)
{
    if (!p)
        return NULL;
    size_t n = strlen(p) + 1;
    char *r = memcpy(*at, p, n);
    *at += n;
    free(p);
    return r;
}

static plan_summary *pack(plan_summary *s)
{
    size_t n = sizeof *s + s->nparents * sizeof *s->parents + s->nawards * sizeof *s->awards;
    n += sz(s->file) + sz(s->number) + sz(s->key) + sz(s->issuer_code) + sz(s->type_code) +
         sz(s->sub) + sz(s->serial_text) + sz(s->issuer_id);
    for (size_t i = 0; i < s->nparents; i++)
        n += sz(s->parents[i].key) + sz(s->parents[i].number);
    for (size_t i = 0; i < s->nawards; i++)
        n += sz(s->awards[i].name) + sz(s->awards[i].folded);
    plan_summary *r = plan_xmalloc(n);
    *r = *s;
    char *at = (char *)(r + 1);
    r->parents = s->nparents ? memcpy(at, s->parents, s->nparents * sizeof *s->parents) : NULL;
    at += s->nparents * sizeof *s->parents;
    r->awards = s->nawards ? memcpy(at, s->awards, s->nawards * sizeof *s->awards) : NULL;
    at += s->nawards * sizeof *s->awards;
    r->file = put(&at, s->file);
    r->number = put(&at, s->number);
    r->key = put(&at, s->key);
    r->issuer_code = put(&at, s->issuer_code);
    r->type_code = put(&at, s->type_code);
    r->sub = put(&at, s->sub);
    r->serial_text = put(&at, s->serial_text);
    r->issuer_id = put(&at, s->issuer_id);
    for (size_t i = 0; i < s->nparents; i++) {
        r->parents[i].key = put(&at, s->parents[i].key);
        r->parents[i].number = put(&at, s->parents[i].number);
    }
    for (size_t i = 0; i < s->nawards; i++) {
        r->awards[i].name = put(&at, s->awards[i].name);
        r->awards[i].folded = put(&at, s->awards[i].folded);
    }
    free(s->parents);
    free(s->awards);
    free(s);
    return r;
}

static plan_summary *summary(const plan_doc *doc, int awards)
{
    plan_summary *s = plan_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->file = plan_xstrdup(doc->file);
    const plan_header *h = &doc->header;
    if (h->date.prec == PLAN_PREC_DAY)
        s->date = h->date.lo;
    if (h->date.prec != PLAN_PREC_NONE)
        s->year = h->date.lo.y;
    const plan_notation *n = &h->number;
    if (n->text.s) {
        s->number = plan_xstrdup(n->text.s);
        s->key = dup_nospace(n->text.s);
        s->number_pos = n->text.pos;
        if (n->parsed && n->issuer_code) {
            s->issuer_code = plan_xstrdup(n->issuer_code);
            s->type_code = dup_or_null(n->type_code);
            s->sub = dup_or_null(n->sub);
            s->serial = n->serial_num;
            s->serial_text = dup_or_null(n->serial);
            s->party = n->party;
            s->normative = n->year != 0;
            if (!s->year)
                s->year = n->year;
        }
    }
    size_t idn = (h->issuer.s ? strlen(h->issuer.s) : 0) +
                 (h->parent_body.s ? strlen(h->parent_body.s) : 0) + 4;
    char *id = plan_xmalloc(idn);
    snprintf(id, idn, "%s | %s", h->issuer.s ? h->issuer.s : "",
             h->parent_body.s ? h->parent_body.s : "");
    s->issuer_id = plan_award_key_text(id);
    free(id);
    s->issuer_rank = plan_award_issuer_rank(h->issuer_level);
    const plan_period *p = doc->periods;
    if (p) {
        s->has_period = 1;
        s->period_pos = p->pos;
        if (p->start.prec != PLAN_PREC_NONE)
            s->start = p->start.lo;
        if (p->end.prec != PLAN_PREC_NONE)
            s->end = p->end.hi;
    }
    for (const plan_document *d = doc->documents; d; d = d->next) {
        if (d->relation == PLAN_REL_CITED || !d->number.text.s)
            continue;
        s->parents = plan_xrealloc(s->parents, (s->nparents + 1) * sizeof *s->parents);
        parent_ref *r = &s->parents[s->nparents++];
        r->key = dup_nospace(d->number.text.s);
        r->number = plan_xstrdup(d->number.text.s);
        r->implements = d->relation == PLAN_REL_IMPLEMENTS;
        r->date = d->date.prec == PLAN_PREC_DAY ? d->date.lo : (plan_date){0, 0, 0};
        r->pos = d->number.text.pos;
        r->date_pos = d->date.text.s ? d->date.text.pos : r->pos;
    }
    if (awards)
        summarise_awards(s, doc);
    plan_lineage_ref_of(doc, &s->lineage);
    return pack(s);
}

plan_summary *plan_summary_of(const plan_doc *doc)
{
    return summary(doc, 1);
}

plan_summary *plan_summary_index_of(const plan_doc *doc)
{
    return summary(doc, 0); /* the index keeps no award: read again when needed */
}

void plan_summary_free(plan_summary *s)
{
    if (!s)
        return;
    plan_lineage_ref_free(&s->lineage);
    free(s); /* one block (pack) */
}

static void ddmmyyyy(plan_date d, char *buf, size_t n)
{
    snprintf(buf, n, "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
}

static int strcmp_null(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* ---- what a run keeps of every plan ----
 * A full summary (above) takes most of a kilobyte, mostly award names and
 * positions that only a rule that fires needs. The run keeps, per plan, only
 * what the indexes need: the notation key, the series it is numbered in, its
 * serial and date, the keys and dates of the documents it rests on, and a
 * draft's lineage, with the strings that repeat across plans (issuers, codes,
 * cited numbers) interned once per run: about a hundred bytes a plan, so that
 * memory stays flat in the number of plans. When a rule finds something (a
 * citation that resolves to another plan of the run, a serial used twice,
 * numbers out of order), the plans involved are read again through the
 * caller's reload function and their full summaries compared. A plan whose
 * file changed between the two reads (its number or citations differ) is
 * left out of that comparison. */

typedef struct cref {
    const char *key;         /* interned */
    plan_date date;
} cref;

typedef struct centry {
    const char *file;        /* borrowed from the caller; NULL: no plan here */
    const char *key;         /* the number without spaces, or NULL */
    const char *issuer_id, *issuer_code, *type_code, *sub; /* interned, or NULL */
    long serial;
    plan_date date;
    int year;
    unsigned char party, normative;
    unsigned nparents;
    cref *parents;
    plan_lineage_ref *lineage; /* a draft's; NULL otherwise */
} centry;

enum { CACHE_N = 8 };

struct plan_corpus {
    centry *v;
    size_t n;
    plan_arena *pool;        /* keys, citations, interned strings */
    const char **set;        /* the interned strings, open addressing */
    size_t set_cap, set_n;
    plan_corpus_reload_fn reload;
    void *ctx;
    /* Plans read again for the rules, the last few: many plans implement
     * the same parent. */
    struct {
        size_t i;
        plan_summary *s;
    } cache[CACHE_N];
    size_t cache_next;
};

plan_corpus *plan_corpus_new(size_t n, plan_corpus_reload_fn reload, void *ctx)
{
    plan_corpus *c = plan_xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->v = calloc(n ? n : 1, sizeof *c->v);
    if (!c->v)
        abort(); /* out of memory, as plan_xmalloc */
    c->n = n;
    c->pool = plan_arena_new();
    c->reload = reload;
    c->ctx = ctx;
    return c;
}

void plan_corpus_free(plan_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].lineage) {
            plan_lineage_ref_free(c->v[i].lineage);
            free(c->v[i].lineage);
        }
    for (size_t k = 0; k < CACHE_N; k++)
        plan_summary_free(c->cache[k].s);
    free(c->v);
    free(c->set);
    plan_arena_free(c->pool);
    free(c);
}

static const char *intern(plan_corpus *c, const char *s)
{
    if (!s)
        return NULL;
    if (2 * (c->set_n + 1) > c->set_cap) {
        size_t cap = c->set_cap ? 2 * c->set_cap : 64;
        const char **set = calloc(cap, sizeof *set);
        if (!set)
            abort();
        for (size_t k = 0; k < c->set_cap; k++) {
            if (!c->set[k])
                continue;
            size_t h = (size_t)plan_hash64(c->set[k], strlen(c->set[k]), PLAN_HASH64_INIT);
            while (set[h & (cap - 1)])
                h++;
            set[h & (cap - 1)] = c->set[k];
        }
        free(c->set);
        c->set = set;
        c->set_cap = cap;
    }
    size_t h = (size_t)plan_hash64(s, strlen(s), PLAN_HASH64_INIT);
    for (;; h++) {
        const char **slot = &c->set[h & (c->set_cap - 1)];
        if (!*slot) {
            *slot = plan_arena_strdup(c->pool, s);
            c->set_n++;
            return *slot;
        }
        if (strcmp(*slot, s) == 0)
            return *slot;
    }
}

void plan_corpus_add(plan_corpus *c, size_t i, const char *file, plan_summary *s)
{
    if (!s || i >= c->n)
        return;
    centry *e = &c->v[i];
    e->file = file;
    e->key = s->key ? plan_arena_strdup(c->pool, s->key) : NULL;
    e->issuer_id = intern(c, s->issuer_id);
    e->issuer_code = intern(c, s->issuer_code);
    e->type_code = intern(c, s->type_code);
    e->sub = intern(c, s->sub);
    e->serial = s->serial;
    e->date = s->date;
    e->year = s->year;
    e->party = (unsigned char)s->party;
    e->normative = (unsigned char)s->normative;
    e->nparents = (unsigned)s->nparents;
    if (s->nparents)
        e->parents = plan_arena_alloc(c->pool, s->nparents * sizeof *e->parents);
    for (size_t p = 0; p < s->nparents; p++) {
        e->parents[p].key = intern(c, s->parents[p].key);
        e->parents[p].date = s->parents[p].date;
    }
    if (s->lineage.number) { /* the lineage moves to the entry */
        e->lineage = plan_xmalloc(sizeof *e->lineage);
        *e->lineage = s->lineage;
        memset(&s->lineage, 0, sizeof s->lineage);
    }
    plan_summary_free(s);
}

/* Plan i's full summary, read again, its file the entry's; NULL when it
 * cannot be read or is no longer the plan the entry describes. Caller frees. */
static plan_summary *read_again(plan_corpus *c, size_t i)
{
    const centry *e = &c->v[i];
    plan_summary *s = c->reload ? c->reload(c->ctx, i) : NULL;
    if (!s)
        return NULL;
    int same = strcmp_null(s->key, e->key) == 0 && s->nparents == e->nparents;
    for (size_t p = 0; same && p < s->nparents; p++)
        same = strcmp(s->parents[p].key, e->parents[p].key) == 0;
    if (!same) {
        plan_summary_free(s);
        return NULL;
    }
    s->file = (char *)e->file; /* diagnostics borrow the caller's string; never freed */
    return s;
}

/* As read_again, kept among the last few: valid until the next call. */
static const plan_summary *read_cached(plan_corpus *c, size_t i)
{
    for (size_t k = 0; k < CACHE_N; k++)
        if (c->cache[k].s && c->cache[k].i == i)
            return c->cache[k].s;
    plan_summary *s = read_again(c, i);
    if (!s)
        return NULL;
    size_t k = c->cache_next++ % CACHE_N;
    plan_summary_free(c->cache[k].s);
    c->cache[k].i = i;
    c->cache[k].s = s;
    return s;
}

/* ---- the index by notation: resolving citations ---- */

static int cmp_by_key(const void *x, const void *y)
{
    const centry *a = *(const centry *const *)x, *b = *(const centry *const *)y;
    int c = strcmp(a->key, b->key);
    if (!c)
        c = plan_date_cmp(a->date, b->date);
    return c ? c : strcmp(a->file, b->file);
}

typedef struct notation_index {
    const centry **v;        /* the plans that have a number, by key */
    size_t n;
} notation_index;

static notation_index index_by_key(const centry *const *v, size_t n)
{
    notation_index ix = {plan_xmalloc((n ? n : 1) * sizeof *ix.v), 0};
    for (size_t i = 0; i < n; i++)
        if (v[i]->key)
            ix.v[ix.n++] = v[i];
    qsort(ix.v, ix.n, sizeof *ix.v, cmp_by_key);
    return ix;
}

/* The plan a citation (key, date) names, or NULL: the same notation and the
 * same day; failing that, the same notation in the same year (a number is
 * unique within its issuer's year), and *date_differs is set; when the
 * citation or the plan has no day, only when that plan alone carries the
 * notation. */
static const centry *resolve(const notation_index *ix, const centry *c, const char *key,
                             plan_date date, int *date_differs)
{
    *date_differs = 0;
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ix->v[mid]->key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const centry *same_year = NULL, *only = NULL;
    size_t count = 0;
    for (size_t k = lo; k < ix->n && strcmp(ix->v[k]->key, key) == 0; k++) {
        const centry *p = ix->v[k];
        if (p == c)
            continue;
        count++;
        only = p;
        if (!date.y || !p->date.y)
            continue;
        if (plan_date_cmp(date, p->date) == 0)
            return p;
        if (!same_year && date.y == p->date.y)
            same_year = p;
    }
    if (same_year) {
        *date_differs = 1;
        return same_year;
    }
    /* Without both days nothing contradicts the one plan with the number. */
    return count == 1 && (!date.y || !only->date.y) ? only : NULL;
}
/* ---- PARENT-CITED-DATE, PARENT-DATE-ORDER ---- */

static void cited_date(const plan_summary *c, const parent_ref *r, const plan_summary *par,
                       plan_diags *out)
{
    char pd[16], rd[16];
    ddmmyyyy(par->date, pd, sizeof pd);
    ddmmyyyy(r->date, rd, sizeof rd);
    plan_diag *g = plan_diags_add(
        out, PLAN_RULE_PARENT_CITED_DATE, PLAN_SEV_WARNING, c->file, r->date_pos,
        _("the citation gives %s the date %s, but that plan (%s) is dated %s; correct the "
          "date in the citation"),
        r->number, rd, par->file, pd);
    plan_diag_note(g, _("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 6 điểm b: a "
                        "citation gives the cited document's date of issue"));
}

static void date_order(const plan_summary *c, const parent_ref *r, const plan_summary *par,
                       plan_diags *out)
{
    if (!c->date.y || !par->date.y || plan_date_cmp(c->date, par->date) >= 0)
        return;
    char cd[16], pd[16];
    ddmmyyyy(c->date, cd, sizeof cd);
    ddmmyyyy(par->date, pd, sizeof pd);
    plan_diag *g = plan_diags_add(
        out, PLAN_RULE_PARENT_DATE_ORDER, PLAN_SEV_ERROR, c->file, r->pos,
        r->implements
            ? _("the plan is dated %s, before %s (%s), dated %s, which it implements; a plan "
                "cannot implement a later document: check both dates")
            : _("the plan is dated %s, before %s (%s), dated %s, on which it is based; a plan "
                "cannot rest on a later document: check both dates"),
        cd, par->number, par->file, pd);
    plan_diag_note(g, _("logic: a plan cannot implement or rest on a document issued after it"));
}

/* ---- PERIOD-WITHIN-PARENT ---- */

static void period_within_parent(const plan_summary *c, const plan_summary *par,
                                 plan_diags *out)
{
    if (!c->has_period || !par->has_period)
        return;
    int early = c->start.y && par->start.y && plan_date_cmp(c->start, par->start) < 0;
    int late = c->end.y && par->end.y && plan_date_cmp(c->end, par->end) > 0;
    if (!early && !late)
        return;
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

/* ---- AWARD-WITHIN-PARENT ---- */

/* One kind of award: the same catalogue row, or a generic Bằng khen / Giấy
 * khen against a row of the same family; awards the catalogue does not know
 * by their folded names. */
static int same_kind(const award_sum *a, const award_sum *b)
{
    if (a->e && b->e) {
        if (a->e == b->e)
            return 1;
        return (a->e->generic || b->e->generic) && strcmp(a->e->keys[0], b->e->keys[0]) == 0;
    }
    return strcmp(a->folded, b->folded) == 0;
}

/* "collectives, individuals" for a for= mask, into buf. */
static void for_words(unsigned mask, char *buf, size_t n)
{
    const char *w[3] = {_("collectives"), _("individuals"), _("households")};
    buf[0] = '\0';
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i)) {
            if (buf[0])
                strncat(buf, ", ", n - strlen(buf) - 1);
            strncat(buf, w[i], n - strlen(buf) - 1);
        }
}

static void award_within_parent(const plan_summary *c, const plan_summary *par,
                                plan_diags *out)
{
    if (!par->nawards)
        return; /* a parent that lists no award sets no bound (AWARD-PRESENT) */
    const award_sum *top = NULL;
    for (size_t j = 0; j < par->nawards; j++)
        if (par->awards[j].rank && (!top || par->awards[j].rank > top->rank))
            top = &par->awards[j];
    for (size_t i = 0; i < c->nawards; i++) {
        const award_sum *a = &c->awards[i];
        /* Unknown awards are AWARD-KNOWN's; the issuer's own awards need no parent. */
        if (!a->rank || (c->issuer_rank && a->rank <= c->issuer_rank))
            continue;
        int found = 0;
        unsigned allowed = 0;
        for (size_t j = 0; j < par->nawards; j++)
            if (same_kind(a, &par->awards[j])) {
                found = 1;
                allowed |= par->awards[j].for_mask ? par->awards[j].for_mask : ~0u;
            }
        plan_diag *g;
        if (!found && top && a->rank > top->rank) {
            g = plan_diags_add(
                out, PLAN_RULE_AWARD_WITHIN_PARENT, PLAN_SEV_WARNING, c->file, a->pos,
                _("\"%s\" is decided above every award of its parent plan %s (%s), the "
                  "highest there being \"%s\"; an implementing plan proposes only what its "
                  "parent provides for"),
                a->name, par->number, par->file, top->name);
        } else if (!found) {
            g = plan_diags_add(
                out, PLAN_RULE_AWARD_WITHIN_PARENT, PLAN_SEV_WARNING, c->file, a->pos,
                _("\"%s\" is not among the awards of its parent plan %s (%s); an implementing "
                  "plan rewards within what its parent provides for: drop it, or have it "
                  "added to the parent"),
                a->name, par->number, par->file);
        } else if (a->for_mask & ~allowed) {
            char mine[96], theirs[96];
            for_words(a->for_mask & ~allowed, mine, sizeof mine);
            for_words(allowed, theirs, sizeof theirs);
            g = plan_diags_add(
                out, PLAN_RULE_AWARD_WITHIN_PARENT, PLAN_SEV_WARNING, c->file, a->pos,
                _("\"%s\" is given here to %s, but its parent plan %s (%s) gives it only to "
                  "%s"),
                a->name, mine, par->number, par->file, theirs);
        } else {
            continue;
        }
        plan_diag_note(g, _("practice: an implementing plan carries out its parent's campaign "
                            "and proposes awards through it"));
    }
}

static int in(const size_t *v, size_t n, size_t x)
{
    for (size_t k = 0; k < n; k++)
        if (v[k] == x)
            return 1;
    return 0;
}

static void parents(plan_corpus *pc, const notation_index *ix, const centry *const *v, size_t n,
                    plan_diags *out)
{
    /* Per plan, the plans its citations resolved to, and those whose period
     * and awards were compared: a plan cited twice (implements and
     * based-on) is reported once. */
    size_t *seen = NULL, *compared = NULL;
    for (size_t i = 0; i < n; i++) {
        const centry *ce = v[i];
        if (!ce->nparents)
            continue;
        seen = plan_xrealloc(seen, ce->nparents * sizeof *seen);
        compared = plan_xrealloc(compared, ce->nparents * sizeof *compared);
        size_t nseen = 0, ncompared = 0;
        plan_summary *c = NULL; /* read when a citation resolves */
        for (size_t p = 0; p < ce->nparents; p++) {
            int date_differs;
            const centry *pe =
                resolve(ix, ce, ce->parents[p].key, ce->parents[p].date, &date_differs);
            if (!pe)
                continue;
            if (!c && !(c = read_again(pc, (size_t)(ce - pc->v))))
                break;
            size_t k = (size_t)(pe - pc->v);
            const plan_summary *par = read_cached(pc, k);
            if (!par)
                continue;
            const parent_ref *r = &c->parents[p];
            if (date_differs)
                cited_date(c, r, par, out);
            if (!in(seen, nseen, k)) {
                seen[nseen++] = k;
                date_order(c, r, par, out);
            }
            if (r->implements && !in(compared, ncompared, k)) {
                compared[ncompared++] = k;
                period_within_parent(c, par, out);
                award_within_parent(c, par, out);
            }
        }
        plan_summary_free(c);
    }
    free(seen);
    free(compared);
}

/* ---- TEMPLATE-DRIFT, TEMPLATE-PARENT-MISSING (src/validate/template.c) ---- */

/* The parent of each draft: among the plans checked, by number and date as
 * a citation resolves; else the file its lineage names. */
static void lineages(const notation_index *ix, const centry *const *v, size_t n, plan_diags *out)
{
    plan_parent_cache *cache = NULL;
    for (size_t i = 0; i < n; i++) {
        const plan_lineage_ref *l = v[i]->lineage;
        if (!l)
            continue;
        int date_differs;
        const centry *par = resolve(ix, v[i], l->key, l->date, &date_differs);
        if (!cache)
            cache = plan_parent_cache_new();
        plan_template_drift(cache, v[i]->file, l, par ? par->file : NULL, out);
    }
    plan_parent_cache_free(cache);
}

/* ---- the index by issuer, year and serial: NUM-UNIQUE, NUM-SEQUENCE ---- */

/* One numbering series: the same issuer (name and parent body), issuer
 * code and year, and the same kind of series (a legal normative document,
 * whose number holds its year, is numbered apart). */
static int cmp_series(const centry *a, const centry *b)
{
    int c = strcmp(a->issuer_id, b->issuer_id);
    if (!c)
        c = strcmp(a->issuer_code, b->issuer_code);
    if (!c)
        c = (a->year > b->year) - (a->year < b->year);
    if (!c)
        c = a->normative - b->normative;
    return c;
}

static int cmp_by_serial(const void *x, const void *y)
{
    const centry *a = *(const centry *const *)x, *b = *(const centry *const *)y;
    int c = cmp_series(a, b);
    if (!c)
        c = (a->serial > b->serial) - (a->serial < b->serial);
    if (!c)
        c = plan_date_cmp(a->date, b->date);
    return c ? c : strcmp(a->file, b->file);
}

static int same_symbol(const centry *a, const centry *b)
{
    return a->party == b->party && strcmp_null(a->type_code, b->type_code) == 0 &&
           strcmp_null(a->sub, b->sub) == 0;
}

/* g[0..n) share a serial: the earliest keeps it, each later one is
 * reported, naming the earliest. */
static void num_unique(plan_corpus *pc, const centry *const *g, size_t n, plan_diags *out)
{
    plan_summary *first = read_again(pc, (size_t)(g[0] - pc->v));
    if (!first)
        return;
    for (size_t k = 1; k < n; k++) {
        plan_summary *b = read_again(pc, (size_t)(g[k] - pc->v));
        if (!b)
            continue;
        plan_diag *d;
        if (same_symbol(g[0], g[k])) {
            d = plan_diags_add(
                out, PLAN_RULE_NUM_UNIQUE, PLAN_SEV_ERROR, b->file, b->number_pos,
                _("number %s of %d is also used by %s; a number and symbol belongs to one "
                  "document of the year: give this plan its own number"),
                b->number, b->year, first->file);
            plan_diag_note(d, _("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 3 điểm a: "
                                "the số is the serial of the document among those the issuer "
                                "issues in the year"));
        } else {
            d = plan_diags_add(
                out, PLAN_RULE_NUM_UNIQUE, PLAN_SEV_INFO, b->file, b->number_pos,
                _("number %s shares its serial %s with %s (%s) of %d; if the issuer numbers "
                  "all its documents in one series, one of the two numbers is wrong"),
                b->number, b->serial_text ? b->serial_text : "?", first->number, first->file,
                b->year);
            plan_diag_note(d, _("NĐ 30/2020/NĐ-CP, Điều 15 (cấp số văn bản theo năm) "
                                "(unverified article number): the head of the agency may "
                                "number types in separate series"));
        }
        plan_summary_free(b);
    }
    plan_summary_free(first);
}

/* g[0..n) is one series, by serial: a plan with a higher number but an
 * earlier date than another is reported once, naming the lowest such other. */
static void num_sequence(plan_corpus *pc, const centry *const *g, size_t n, plan_diags *out)
{
    for (size_t i = 0; i < n; i++) {
        const centry *ea = g[i];
        if (!ea->date.y)
            continue;
        for (size_t j = 0; j < i; j++) {
            const centry *eb = g[j];
            if (!eb->date.y || eb->serial >= ea->serial || plan_date_cmp(ea->date, eb->date) >= 0)
                continue;
            plan_summary *a = read_again(pc, (size_t)(ea - pc->v));
            plan_summary *b = a ? read_again(pc, (size_t)(eb - pc->v)) : NULL;
            if (a && b) {
                char da[16], db[16];
                ddmmyyyy(ea->date, da, sizeof da);
                ddmmyyyy(eb->date, db, sizeof db);
                plan_diag *d = plan_diags_add(
                    out, PLAN_RULE_NUM_SEQUENCE, PLAN_SEV_INFO, a->file, a->number_pos,
                    _("number %s dated %s is higher than %s dated %s (%s), though issued "
                      "earlier; check the number and the date"),
                    a->number, da, b->number, db, b->file);
                plan_diag_note(d, _("NĐ 30/2020/NĐ-CP, Điều 15 (cấp số văn bản theo năm, "
                                    "theo thứ tự ban hành) (unverified article number)"));
            }
            plan_summary_free(a);
            plan_summary_free(b);
            break; /* one finding per plan is enough to send a clerk to look */
        }
    }
}

static void numbers(plan_corpus *pc, const centry *const *v, size_t n, plan_diags *out)
{
    const centry **s = plan_xmalloc((n ? n : 1) * sizeof *s);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i]->issuer_code && v[i]->year)
            s[m++] = v[i];
    qsort(s, m, sizeof *s, cmp_by_serial);
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && cmp_series(s[i], s[j]) == 0)
            j++;
        for (size_t k = i; k < j;) {
            size_t l = k + 1;
            while (l < j && s[l]->serial == s[k]->serial)
                l++;
            if (l - k > 1)
                num_unique(pc, s + k, l - k, out);
            k = l;
        }
        num_sequence(pc, s + i, j - i, out);
        i = j;
    }
    free(s);
}

static int cmp_by_file(const void *x, const void *y)
{
    const centry *a = *(const centry *const *)x, *b = *(const centry *const *)y;
    return strcmp(a->file, b->file);
}

void plan_validate_corpus(plan_corpus *pc, const plan_validate_opts *o, plan_diags *out)
{
    size_t from = out->n;
    /* A file given twice (a directory and a file in it) is one plan. */
    const centry **u = plan_xmalloc((pc->n ? pc->n : 1) * sizeof *u);
    size_t n = 0;
    for (size_t i = 0; i < pc->n; i++)
        if (pc->v[i].file)
            u[n++] = &pc->v[i];
    qsort(u, n, sizeof *u, cmp_by_file);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || strcmp(u[m - 1]->file, u[i]->file) != 0)
            u[m++] = u[i];
    notation_index ix = index_by_key(u, m);
    parents(pc, &ix, u, m, out);
    lineages(&ix, u, m, out);
    free(ix.v);
    numbers(pc, u, m, out);
    free(u);
    plan_validate_apply_opts(o, out, from);
}

/* ---- dependencies between plans (incremental compile, --depfile) ---- */

void plan_corpus_parents(const plan_corpus *pc, size_t **deps, size_t *ndeps)
{
    size_t n = pc->n;
    const centry **all = plan_xmalloc((n ? n : 1) * sizeof *all);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (pc->v[i].file)
            all[m++] = &pc->v[i];
    notation_index ix = index_by_key(all, m);
    free(all);
    for (size_t i = 0; i < n; i++) {
        deps[i] = NULL;
        ndeps[i] = 0;
        const centry *c = &pc->v[i];
        if (!c->file)
            continue;
        /* Its citations, and the parent a draft's lineage names (cited or not). */
        const plan_lineage_ref *l = c->lineage;
        for (size_t p = 0; p <= c->nparents; p++) {
            if (p == c->nparents && !l)
                break;
            int date_differs;
            const centry *par = p < c->nparents
                                    ? resolve(&ix, c, c->parents[p].key, c->parents[p].date,
                                              &date_differs)
                                    : resolve(&ix, c, l->key, l->date, &date_differs);
            if (!par)
                continue;
            size_t k = (size_t)(par - pc->v);
            int dup = k == i;
            for (size_t q = 0; q < ndeps[i] && !dup; q++)
                dup = deps[i][q] == k;
            if (dup)
                continue;
            deps[i] = plan_xrealloc(deps[i], (ndeps[i] + 1) * sizeof **deps);
            deps[i][ndeps[i]++] = k;
        }
    }
    free(ix.v);
}

char *plan_corpus_lineage_file(const plan_corpus *pc, size_t i)
{
    const centry *e = i < pc->n ? &pc->v[i] : NULL;
    const plan_lineage_ref *l = e && e->file ? e->lineage : NULL;
    if (!l || !l->path || !*l->path)
        return NULL;
    if (l->path[0] == '/')
        return plan_xstrdup(l->path);
    const char *slash = strrchr(e->file, '/');
    size_t dn = slash ? (size_t)(slash - e->file) + 1 : 0;
    char *r = plan_xmalloc(dn + strlen(l->path) + 1);
    memcpy(r, e->file, dn);
    strcpy(r + dn, l->path);
    return r;
}
