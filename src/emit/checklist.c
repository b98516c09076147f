/*
 * checklist.c - the obligations a plan creates, one entry each: what is to
 * be done, by whom (chủ trì, phối hợp), for whom, by when, and where the
 * plan says so. Built from the model only; the renderers (checklist_*.c)
 * print the same list as CSV, Markdown, JSON and iCalendar.
 *
 * Sources of obligations: the campaign's start and end (periods), every
 * deadline block, every task with a due date or the report role, every
 * award with a timing. An obligation without a fixed date ("vào dịp tổng
 * kết năm 2026") is kept and marked, never dropped: it is still work.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "put.h"

static const char *const kind_names[] = {"campaign-start", "campaign-end", "dossier", "report",
                                         "proposal", "review", "plan", "task", "other"};
static const char *const kind_labels[] = {"Bắt đầu thi đua", "Kết thúc thi đua", "Hồ sơ",
                                          "Báo cáo", "Đề nghị khen thưởng", "Xét khen thưởng",
                                          "Kế hoạch", "Nhiệm vụ", "Khác"};

const char *plan_ob_kind_name(plan_ob_kind k)
{
    return (unsigned)k <= PLAN_OB_OTHER ? kind_names[k] : "other";
}

const char *plan_ob_kind_label(plan_ob_kind k)
{
    return (unsigned)k <= PLAN_OB_OTHER ? kind_labels[k] : kind_labels[PLAN_OB_OTHER];
}

typedef struct builder {
    plan_checklist *c;
    size_t cap;
    plan_buf path; /* scratch for the section paths, reused */
} builder;

static plan_obligation *add(builder *s, plan_ob_kind kind, const char *what, plan_pos pos,
                            const plan_block *where)
{
    plan_checklist *c = s->c;
    if (c->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        c->v = plan_xrealloc(c->v, s->cap * sizeof *c->v);
    }
    plan_obligation *o = &c->v[c->n++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->what = what ? what : "";
    o->line = pos.line;
    if (where) {
        plan_buf_reset(&s->path);
        plan_section_path(where, &s->path);
        if (s->path.len)
            o->section = plan_arena_strndup(c->arena, s->path.data, s->path.len);
    }
    return o;
}

/* The date an obligation falls on: a start counts from the beginning of
 * its interval, everything else from the end ("tháng 11/2023" is due by
 * 30/11/2023). No date when the expression was not resolved. */
static void set_due(plan_obligation *o, const plan_when *w, int start)
{
    o->due_text = w->text.s;
    o->prec = w->prec;
    plan_date d = start ? w->lo : w->hi;
    if (w->prec == PLAN_PREC_NONE || !plan_date_valid(d)) {
        o->prec = PLAN_PREC_NONE;
        o->due = (plan_date){0, 0, 0};
    } else {
        o->due = d;
    }
}

static const char **one(plan_arena *a, const char *s, size_t *n)
{
    if (!s || !*s) {
        *n = 0;
        return NULL;
    }
    const char **v = plan_arena_alloc(a, sizeof *v);
    v[0] = s;
    *n = 1;
    return v;
}

/* "A; B" in a deadline's from: two offices. */
static const char **split_offices(plan_arena *a, const char *s, size_t *n)
{
    *n = 0;
    if (!s || !*s)
        return NULL;
    size_t parts = 1;
    for (const char *p = s; *p; p++)
        parts += *p == ';';
    const char **v = plan_arena_alloc(a, parts * sizeof *v);
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, ';');
        if (!e)
            e = p + strlen(p);
        const char *b = p, *t = e;
        while (b < t && *b == ' ')
            b++;
        while (t > b && t[-1] == ' ')
            t--;
        if (t > b)
            v[(*n)++] = plan_arena_strndup(a, b, (size_t)(t - b));
        p = *e ? e + 1 : e;
    }
    return v;
}

static int same_office(const char *a, const char *b);

/* For a task with the coordinate role: the offices of the other
 * assignments of the same section that lead or coordinate there (the
 * plan's "phối hợp với …"), except the office the result goes to. */
static const char **coordinators(plan_arena *ar, const plan_block *body,
                                 const plan_assignment *self, const plan_task *t, size_t *n)
{
    *n = 0;
    if (!(t->roles & PLAN_TASK_COORDINATE))
        return NULL;
    const plan_block *first = self->block->parent ? self->block->parent->first : body;
    size_t cap = 0;
    const char **v = NULL;
    for (const plan_block *b = first; b; b = b->next) {
        if (b->kind != PLAN_B_ASSIGNMENT || b->assignment == self)
            continue;
        int takes_part = 0;
        for (const plan_task *u = b->assignment->tasks; u; u = u->next)
            takes_part |= (u->roles & (PLAN_TASK_LEAD | PLAN_TASK_COORDINATE)) != 0;
        if (!takes_part)
            continue;
        for (const plan_textlist *l = b->assignment->offices; l; l = l->next) {
            if (!l->t.s || (t->to && same_office(l->t.s, t->to)))
                continue;
            if (*n == cap) {
                const char **nv = plan_arena_alloc(ar, (cap ? cap * 2 : 4) * sizeof *nv);
                if (*n)
                    memcpy(nv, v, *n * sizeof *nv);
                v = nv;
                cap = cap ? cap * 2 : 4;
            }
            v[(*n)++] = l->t.s;
        }
    }
    return v;
}

/* An award's timing is a phrase ("sau khi kết thúc Đợt thi đua, trước
 * ngày 06/02/2026"): when the whole of it is not a time expression, the
 * first clause that names a day or a month gives the date. */
static plan_when award_timing(plan_arena *a, const plan_text *t, plan_date issue)
{
    plan_when w;
    memset(&w, 0, sizeof w);
    w.text = *t;
    plan_when_resolve(&w, issue);
    /* A match in the event calendar is a match of key words anywhere in the
     * phrase: a date written in a clause is more precise, so it wins. */
    if (w.prec != PLAN_PREC_NONE && w.prec != PLAN_PREC_EVENT)
        return w;
    const char *p = t->s;
    while (*p) {
        size_t len = strcspn(p, ",;()");
        if (len) {
            plan_when c;
            memset(&c, 0, sizeof c);
            c.text.s = plan_arena_strndup(a, p, len);
            plan_when_resolve(&c, issue);
            if (c.prec == PLAN_PREC_DAY || c.prec == PLAN_PREC_MONTH) {
                c.text = *t;
                return c;
            }
        }
        p += len;
        if (*p)
            p++;
    }
    return w;
}

/* ---- identity ---- */

/* FNV-1a, four bytes a turn (the same hash: each byte in order). */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    const uint64_t prime = 0x100000001b3ULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ u[i]) * prime;
        h = (h ^ u[i + 1]) * prime;
        h = (h ^ u[i + 2]) * prime;
        h = (h ^ u[i + 3]) * prime;
    }
    for (; i < n; i++)
        h = (h ^ u[i]) * prime;
    return h;
}

/* The plan's id: its notation with the year (numbers restart every
 * year) and the place (every UBND writes KH-UBND), or the file stem. */
static const char *plan_id(plan_arena *a, const plan_doc *d, const char *file)
{
    plan_buf src = PLAN_BUF_INIT, slug = PLAN_BUF_INIT;
    const plan_header *h = &d->header;
    if (h->number.text.s) {
        plan_put_str(&src, h->number.text.s);
        if (!(h->number.parsed && h->number.year) && h->date.prec != PLAN_PREC_NONE) {
            plan_put_chr(&src, ' ');
            plan_put_i(&src, h->date.lo.y, 0);
        }
        if (h->place.s) {
            plan_put_chr(&src, ' ');
            plan_put_str(&src, h->place.s);
        }
    } else if (file) {
        size_t n = strlen(file);
        if (n > 4 && strcmp(file + n - 4, ".xml") == 0)
            n -= 4;
        plan_put_mem(&src, file, n);
    }
    plan_slug(plan_buf_cstr(&src), 80, &slug);
    const char *id = plan_arena_strdup(a, slug.len ? slug.data : "plan");
    plan_buf_free(&src);
    plan_buf_free(&slug);
    return id;
}

static void set_uids(plan_checklist *c)
{
    size_t idlen = strlen(c->plan_id);
    uint64_t h0 = fnv1a(0xcbf29ce484222325ULL, c->plan_id, idlen + 1);
    for (size_t i = 0; i < c->n; i++) {
        plan_obligation *o = &c->v[i];
        char line[PLAN_FMT_MAX];
        size_t nline = plan_fmt_u(line, o->line, 0);
        const char *kind = plan_ob_kind_name(o->kind);
        uint64_t h = h0;
        h = fnv1a(h, kind, strlen(kind) + 1);
        h = fnv1a(h, line, nline + 1);
        h = fnv1a(h, o->what, strlen(o->what));
        /* "%016llx@%s" */
        char *uid = plan_arena_alloc(c->arena, 16 + 1 + idlen + 1);
        for (int k = 15; k >= 0; k--, h >>= 4)
            uid[k] = "0123456789abcdef"[h & 15];
        uid[16] = '@';
        memcpy(uid + 17, c->plan_id, idlen + 1);
        o->uid = uid;
    }
    /* Two obligations on one line with the same text (a plan written on a
     * single line): keep the ids unique, in list order. */
    for (size_t i = 0; i < c->n; i++) {
        int k = 1;
        for (size_t j = 0; j < i; j++)
            if (strncmp(c->v[j].uid, c->v[i].uid, 16) == 0)
                k++;
        if (k > 1)
            c->v[i].uid = plan_arena_printf(c->arena, "%.16s-%d%s", c->v[i].uid, k,
                                            c->v[i].uid + 16);
    }
}

/* ---- order ---- */

static int cmp_ob(const void *pa, const void *pb)
{
    const plan_obligation *a = pa, *b = pb;
    int da = a->due.y != 0, db = b->due.y != 0;
    if (da != db)
        return db - da; /* no date last */
    if (da) {
        int r = plan_date_cmp(a->due, b->due);
        if (r)
            return r;
    }
    const char *oa = a->nlead ? a->lead[0] : NULL, *ob = b->nlead ? b->lead[0] : NULL;
    if (!oa != !ob)
        return oa ? -1 : 1; /* no office last */
    /* plan_collate_vi ends with strcmp: equal strings (most often the
     * issuer, the lead of many obligations) compare equal, and different
     * ones never do. */
    if (oa && oa != ob && strcmp(oa, ob) != 0)
        return plan_collate_vi(oa, ob);
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    return strcmp(a->what, b->what);
}

/* ---- building ---- */

static plan_ob_kind deadline_kind(plan_deadline_kind k)
{
    switch (k) {
    case PLAN_DL_DOSSIER: return PLAN_OB_DOSSIER;
    case PLAN_DL_REPORT: return PLAN_OB_REPORT;
    case PLAN_DL_PROPOSAL: return PLAN_OB_PROPOSAL;
    case PLAN_DL_REVIEW: return PLAN_OB_REVIEW;
    case PLAN_DL_PLAN: return PLAN_OB_PLAN;
    default: return PLAN_OB_OTHER;
    }
}

void plan_checklist_build(const plan_doc *d, plan_checklist *c)
{
    memset(c, 0, sizeof *c);
    c->arena = plan_arena_new();
    c->doc = d;
    const char *base = d->file ? strrchr(d->file, '/') : NULL;
    c->file = base ? base + 1 : d->file;
    c->plan_id = plan_id(c->arena, d, c->file);
    builder s = {c, 0, PLAN_BUF_INIT};
    plan_arena *a = c->arena;
    const char *issuer = d->header.issuer.s;
    plan_date issue = d->header.date.prec != PLAN_PREC_NONE ? d->header.date.lo
                                                             : (plan_date){0, 0, 0};

    for (const plan_period *p = d->periods; p; p = p->next) {
        if (p->start.text.s) {
            plan_obligation *o = add(&s, PLAN_OB_CAMPAIGN_START, "Bắt đầu thời gian thi đua",
                                     p->start.text.pos, p->block);
            set_due(o, &p->start, 1);
            o->lead = one(a, issuer, &o->nlead);
        }
        if (p->end.text.s) {
            plan_obligation *o = add(&s, PLAN_OB_CAMPAIGN_END, "Kết thúc thời gian thi đua",
                                     p->end.text.pos, p->block);
            set_due(o, &p->end, 0);
            o->lead = one(a, issuer, &o->nlead);
        }
    }
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next) {
        plan_obligation *o = add(&s, deadline_kind(dl->kind), dl->what.s, dl->pos, dl->block);
        set_due(o, &dl->due, 0);
        o->lead = split_offices(a, dl->from.s, &o->nlead);
        o->to = dl->to.s;
    }
    for (const plan_assignment *as = d->assignments; as; as = as->next) {
        size_t nofc = 0;
        for (const plan_textlist *l = as->offices; l; l = l->next)
            nofc += l->t.s != NULL;
        for (const plan_task *t = as->tasks; t; t = t->next) {
            if (!t->due.text.s && !(t->roles & PLAN_TASK_REPORT))
                continue;
            plan_obligation *o = add(&s, (t->roles & PLAN_TASK_REPORT) ? PLAN_OB_REPORT
                                                                        : PLAN_OB_TASK,
                                     t->text.s, t->pos, as->block);
            set_due(o, &t->due, 0);
            if (nofc) {
                o->lead = plan_arena_alloc(a, nofc * sizeof *o->lead);
                for (const plan_textlist *l = as->offices; l; l = l->next)
                    if (l->t.s)
                        o->lead[o->nlead++] = l->t.s;
            }
            o->coordinate = coordinators(a, d->body, as, t, &o->ncoordinate);
            o->to = t->to;
        }
    }
    for (const plan_award *aw = d->awards; aw; aw = aw->next) {
        if (!aw->timing.s || !aw->name.s)
            continue;
        int propose = aw->mode == PLAN_AWARD_PROPOSE;
        const char *what = plan_arena_printf(a, "%s: %s",
                                             propose ? "Đề nghị khen thưởng" : "Xét tặng",
                                             aw->name.s);
        plan_obligation *o = add(&s, propose ? PLAN_OB_PROPOSAL : PLAN_OB_REVIEW, what,
                                 aw->timing.pos, aw->block);
        plan_when w = award_timing(a, &aw->timing, issue);
        set_due(o, &w, 0);
        /* Proposing is the issuer's work, addressed to the authority;
         * granting is the authority's own. */
        o->lead = one(a, propose || !aw->authority.s ? issuer : aw->authority.s, &o->nlead);
        o->to = propose ? aw->authority.s : NULL;
    }
    plan_buf_free(&s.path);
    if (c->n)
        qsort(c->v, c->n, sizeof *c->v, cmp_ob);
    set_uids(c);
}

void plan_checklist_free(plan_checklist *c)
{
    if (!c)
        return;
    free(c->v);
    plan_arena_free(c->arena);
    memset(c, 0, sizeof *c);
}

/* ---- offices ---- */

/* The length of name without a trailing parenthesis and the spaces before
 * it: the role or the channel ("Văn phòng Sở (bộ phận thường trực …)" is
 * Văn phòng Sở). A name that is all parenthesis keeps it. */
static size_t core_len(const char *name)
{
    size_t n = strlen(name);
    if (!n || name[n - 1] != ')')
        return n;
    int depth = 0;
    size_t i = n;
    while (i-- > 0) {
        if (name[i] == ')')
            depth++;
        else if (name[i] == '(' && --depth == 0)
            break;
    }
    if (i >= n || i == 0)
        return n;
    while (i > 0 && name[i - 1] == ' ')
        i--;
    return i ? i : n;
}

/* The core name, malloc'd. */
static char *core_dup(const char *name)
{
    size_t n = core_len(name);
    char *tmp = plan_xmalloc(n + 1);
    memcpy(tmp, name, n);
    tmp[n] = '\0';
    return tmp;
}

/* An office's identity: its core name as plan_name_match sees it (case,
 * NFC/NFD, tone style, spacing and accents aside: "Van phong So" is Văn
 * phòng Sở, and TEXT-NAME-ACCENTS asks for its accents). Caller frees. */
static char *office_key(const char *name)
{
    char *tmp = core_dup(name);
    char *k = plan_name_key(tmp, 0);
    free(tmp);
    return k;
}

static int same_office(const char *a, const char *b)
{
    char *ca = core_dup(a), *cb = core_dup(b);
    int r = plan_name_match(ca, cb) != PLAN_NAME_NONE;
    free(ca);
    free(cb);
    return r;
}

int plan_checklist_office_is(const char *name, const char *office)
{
    return same_office(name, office);
}

/* plan_name_match(ca, cb) is not NONE when the keys with accents are equal
 * (SAME) or those without are (NO_ACCENTS): the same test on keys made
 * once per name, and only when two different texts are compared (a
 * calendar compares few: most names are never compared, and the same text
 * is the same office). */
void plan_office_id_init(plan_office_id *id, const char *name)
{
    id->name = name;
    id->key_acc = NULL;
    id->key = NULL;
    plan_buf slug = PLAN_BUF_INIT;
    plan_office_slug(name, &slug);
    id->slug = plan_xstrdup(plan_buf_cstr(&slug));
    plan_buf_free(&slug);
}

static void office_id_keys(plan_office_id *id)
{
    if (id->key)
        return;
    char *core = core_dup(id->name);
    id->key_acc = plan_name_key(core, 1);
    id->key = plan_name_key(core, 0);
    free(core);
}

int plan_office_id_same(plan_office_id *a, plan_office_id *b)
{
    if (a == b || a->name == b->name || strcmp(a->name, b->name) == 0)
        return 1;
    office_id_keys(a);
    office_id_keys(b);
    return strcmp(a->key_acc, b->key_acc) == 0 || strcmp(a->key, b->key) == 0;
}

void plan_office_id_free(plan_office_id *id)
{
    free(id->key_acc);
    free(id->key);
    free(id->slug);
    memset(id, 0, sizeof *id);
}

typedef struct office {
    const char *name; /* without the parenthesis */
    char *key;
} office;

static int cmp_office(const void *pa, const void *pb)
{
    const office *a = pa, *b = pb;
    int r = plan_collate_vi(a->name, b->name);
    return r ? r : strcmp(a->name, b->name);
}

/* The accents of a name without its parenthesis (plan_name_accents). */
static size_t accented(const char *name)
{
    char *core = core_dup(name);
    size_t n = plan_name_accents(core);
    free(core);
    return n;
}

/* The name without its trailing parenthesis, in the arena. */
static const char *short_name(plan_arena *a, const char *name)
{
    size_t n = core_len(name);
    return n == strlen(name) ? name : plan_arena_strndup(a, name, n);
}

void plan_office_slug(const char *name, plan_buf *out)
{
    plan_arena *a = plan_arena_new();
    size_t start = out->len;
    plan_slug(short_name(a, name), 60, out);
    if (out->len == start)
        plan_put_str(out, "office");
    plan_arena_free(a);
}

size_t plan_checklist_offices(const plan_checklist *c, const char ***names, const char ***slugs)
{
    office *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        for (size_t j = 0; j < o->nlead + o->ncoordinate; j++) {
            const char *nm = j < o->nlead ? o->lead[j] : o->coordinate[j - o->nlead];
            char *k = office_key(nm);
            size_t m;
            for (m = 0; m < n && strcmp(v[m].key, k) != 0; m++)
                ;
            if (m < n) {
                /* The same office spelt twice: show the accented spelling. */
                if (accented(nm) > accented(v[m].name))
                    v[m].name = short_name(c->arena, nm);
                free(k);
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                v = plan_xrealloc(v, cap * sizeof *v);
            }
            v[n].name = short_name(c->arena, nm);
            v[n].key = k;
            n++;
        }
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_office);
    const char **nv = plan_arena_alloc(c->arena, (n ? n : 1) * sizeof *nv);
    const char **sv = plan_arena_alloc(c->arena, (n ? n : 1) * sizeof *sv);
    for (size_t i = 0; i < n; i++) {
        plan_buf b = PLAN_BUF_INIT;
        plan_office_slug(v[i].name, &b);
        /* Two names that differ only in what the slug drops. */
        size_t base = b.len;
        for (int k = 2;; k++) {
            size_t j;
            for (j = 0; j < i && strcmp(sv[j], plan_buf_cstr(&b)) != 0; j++)
                ;
            if (j == i)
                break;
            b.len = base;
            plan_buf_printf(&b, "-%d", k);
        }
        nv[i] = v[i].name;
        sv[i] = plan_arena_strdup(c->arena, plan_buf_cstr(&b));
        plan_buf_free(&b);
        free(v[i].key);
    }
    free(v);
    *names = nv;
    *slugs = sv;
    return n;
}

void plan_checklist_title(const plan_checklist *c, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    size_t start = out->len;
    plan_put_str(out, "Kế hoạch");
    if (h->number.text.s) {
        plan_put_str(out, " số ");
        plan_put_str(out, h->number.text.s);
    }
    if (h->date.prec != PLAN_PREC_NONE && plan_date_valid(h->date.lo)) {
        plan_put_str(out, " ngày ");
        plan_date_vi(h->date.lo, out);
    }
    if (h->issuer.s) {
        plan_put_str(out, " của ");
        plan_put_str(out, h->issuer.s);
    }
    if (out->len == start + strlen("Kế hoạch") && c->file) {
        plan_put_chr(out, ' ');
        plan_put_str(out, c->file);
    }
}
