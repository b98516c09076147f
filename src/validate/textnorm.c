/*
 * textnorm.c - the checks of src/validate/catalogue/textnorm.def that look
 * at the model: TEXT-NAME-ACCENTS, office names that are one office only
 * when their accents are dropped. (TEXT-TONE-STYLE is reported by the
 * model builder, which sees the text as written.)
 *
 * The names are those the responsibility, recipient and checklist features
 * match (plan_name_match): the offices of assignments, the "to" of tasks,
 * the <from> (each office of "A; B") and <to> of deadlines, and the
 * recipients. A trailing parenthesis ("Sở Nội vụ (cơ quan thường trực …)")
 * and trailing punctuation are not part of the name.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/i18n.h"
#include "plan/validate.h"

/* One office name as written: s[0..n), a part of a text of the plan. */
typedef struct occ {
    const char *s;
    size_t n;
    const char *whole; /* the text, when the name is all of it; else NULL */
    plan_pos pos;
    size_t name;       /* its spelling: an index into occs.names */
} occ;

/* One spelling, the names written with the same bytes, and its keys. The
 * key with accents and the count of accents are made only for a spelling
 * that shares its key without accents with another spelling: of one
 * spelling, every name has the same keys, and none is reported. */
typedef struct spelling {
    const char *s; /* of its first name */
    size_t n;
    const char *whole;
    char *asc;     /* plan_name_key without accents (owned) */
    char *acc;     /* plan_name_key with accents (owned), or NULL */
    size_t marks;  /* plan_name_accents: the more, the likelier the right spelling */
    size_t group;  /* the first spelling of its key without accents */
} spelling;

typedef struct occs {
    plan_check *c;
    occ *v;
    size_t n, cap;
    spelling *names;
    size_t nnames;
} occs;

/* The length of s[0..n) without a trailing "(…)", trailing punctuation and
 * spaces. */
static size_t core_len(const char *s, size_t n)
{
    while (n > 0) {
        char c = s[n - 1];
        if (c == ' ' || c == ';' || c == ',' || c == '.' || c == ':') {
            n--;
        } else if (c == ')') {
            size_t i = n - 1;
            int depth = 0;
            while (1) {
                if (s[i] == ')')
                    depth++;
                else if (s[i] == '(' && --depth == 0)
                    break;
                if (i == 0)
                    break;
                i--;
            }
            if (depth != 0 || i == 0)
                break; /* unbalanced, or all parenthesis: keep it */
            n = i;
        } else {
            break;
        }
    }
    return n;
}

/* Adds s[0..n), a part of the text whole (a text of the plan). */
static void add(occs *o, const char *whole, const char *s, size_t n, plan_pos pos)
{
    n = core_len(s, n);
    if (!n)
        return;
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 32;
        o->v = plan_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    o->v[o->n++] = (occ){s, n, s == whole && !whole[n] ? whole : NULL, pos, 0};
}

static void add_text(occs *o, const char *s, plan_pos pos)
{
    if (s)
        add(o, s, s, strlen(s), pos);
}

/* "A; B" names two offices (a deadline's <from>). */
static void add_list(occs *o, const char *s, plan_pos pos)
{
    const char *whole = s;
    while (s && *s) {
        size_t n = strcspn(s, ";");
        while (*s == ' ' && n > 0) {
            s++;
            n--;
        }
        add(o, whole, s, n, pos);
        s += n;
        if (*s == ';')
            s++;
    }
}

static int pos_before(plan_pos a, plan_pos b)
{
    return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/* Orders the names by their bytes (any order that puts equal ones
 * together would do). */
static int cmp_bytes(const void *x, const void *y)
{
    const occ *a = *(const occ *const *)x, *b = *(const occ *const *)y;
    int r = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
    return r ? r : (a->n > b->n) - (a->n < b->n);
}

static int cmp_asc(const void *x, const void *y)
{
    const spelling *a = *(const spelling *const *)x, *b = *(const spelling *const *)y;
    return strcmp(a->asc, b->asc);
}

/* s[0..n) as a string. Caller frees. */
static char *dup_n(const char *s, size_t n)
{
    char *r = plan_xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* The keys of a spelling: plan_name_key with accents (keep) or without;
 * the text's own fold, kept by plan_check_fold, when it is all of it. */
static char *key_of(plan_check *c, const spelling *w, int keep)
{
    if (!keep && w->whole)
        return plan_name_key_folded(plan_check_fold(c, w->whole));
    char *t = dup_n(w->s, w->n);
    char *k = plan_name_key(t, keep);
    free(t);
    return k;
}

/* The spellings of the names, their keys without accents, and each one's
 * group; the key with accents and the accents of the spellings that share
 * a group with another. */
static void spell(occs *o)
{
    const occ **by = plan_xmalloc((o->n ? o->n : 1) * sizeof *by);
    for (size_t i = 0; i < o->n; i++)
        by[i] = &o->v[i];
    qsort(by, o->n, sizeof *by, cmp_bytes);
    o->names = plan_xmalloc((o->n ? o->n : 1) * sizeof *o->names);
    for (size_t i = 0; i < o->n; i++) {
        occ *e = &o->v[by[i] - o->v];
        if (i == 0 || cmp_bytes(&by[i - 1], &by[i]) != 0)
            o->names[o->nnames++] = (spelling){e->s, e->n, e->whole, NULL, NULL, 0, 0};
        spelling *w = &o->names[o->nnames - 1];
        if (!w->whole)
            w->whole = e->whole;
        e->name = o->nnames - 1;
    }
    free(by);
    const spelling **ws = plan_xmalloc((o->nnames ? o->nnames : 1) * sizeof *ws);
    for (size_t i = 0; i < o->nnames; i++) {
        o->names[i].asc = key_of(o->c, &o->names[i], 0);
        ws[i] = &o->names[i];
    }
    qsort(ws, o->nnames, sizeof *ws, cmp_asc);
    for (size_t a = 0, b; a < o->nnames; a = b) {
        for (b = a + 1; b < o->nnames && strcmp(ws[b]->asc, ws[a]->asc) == 0; b++)
            ;
        for (size_t k = a; k < b; k++) {
            spelling *w = &o->names[ws[k] - o->names];
            w->group = (size_t)(ws[a] - o->names);
            if (b - a > 1) {
                w->acc = key_of(o->c, w, 1);
                char *t = dup_n(w->s, w->n);
                w->marks = plan_name_accents(t);
                free(t);
            }
        }
    }
    free(ws);
}

void plan_check_textnorm(plan_check *c)
{
    const plan_doc *d = c->doc;
    occs o = {c, NULL, 0, 0, NULL, 0};
    for (const plan_assignment *a = d->assignments; a; a = a->next) {
        for (const plan_textlist *l = a->offices; l; l = l->next)
            add_text(&o, l->t.s, l->t.pos);
        for (const plan_task *t = a->tasks; t; t = t->next)
            add_text(&o, t->to, t->pos);
    }
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next) {
        add_list(&o, dl->from.s, dl->from.pos);
        add_text(&o, dl->to.s, dl->to.pos);
    }
    for (const plan_textlist *l = d->recipients; l; l = l->next)
        add_text(&o, l->t.s, l->t.pos);
    spell(&o);

    /* The reference spelling of each office: the most accented name that
     * matches it without accents, the first written on a tie (and of two
     * at one place, the first added). A group is known by its first
     * spelling; the names are read once, in order. */
    const occ **refs = plan_xmalloc((o.nnames ? o.nnames : 1) * sizeof *refs);
    for (size_t i = 0; i < o.nnames; i++)
        refs[i] = NULL;
    for (size_t i = 0; i < o.n; i++) {
        const spelling *w = &o.names[o.v[i].name];
        if (!w->acc)
            continue; /* its spelling is the only one of its group */
        const occ **ref = &refs[w->group];
        if (!*ref || w->marks > o.names[(*ref)->name].marks ||
            (w->marks == o.names[(*ref)->name].marks && pos_before(o.v[i].pos, (*ref)->pos)))
            *ref = &o.v[i];
    }
    for (size_t i = 0; i < o.n; i++) {
        const spelling *w = &o.names[o.v[i].name];
        if (!w->acc)
            continue;
        const occ *ref = refs[w->group];
        if (strcmp(o.names[ref->name].acc, w->acc) == 0)
            continue;
        char *core = dup_n(o.v[i].s, o.v[i].n), *ref_core = dup_n(ref->s, ref->n);
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_TEXT_NAME_ACCENTS, o.v[i].pos,
            _("office name \"%s\" matches \"%s\" (line %u) only without accents; write it "
              "with its accents"),
            core, ref_core, ref->pos.line);
        plan_diag_note(g, _("plan takes both for one office (the checklist, Nơi nhận); a "
                            "document is written with its diacritics"));
        free(core);
        free(ref_core);
    }
    free(refs);
    for (size_t i = 0; i < o.nnames; i++) {
        free(o.names[i].asc);
        free(o.names[i].acc);
    }
    free(o.names);
    free(o.v);
}
