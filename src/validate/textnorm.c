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

typedef struct occ {
    char *core;     /* the name as written, without parenthesis (owned) */
    char *acc;      /* plan_name_key with accents (owned) */
    char *asc;      /* plan_name_key without (owned) */
    size_t marks;   /* plan_name_accents: the more, the likelier the right spelling */
    plan_pos pos;
} occ;

typedef struct occs {
    plan_check *c;
    occ *v;
    size_t n, cap;
} occs;

/* s[0..n) without a trailing "(…)", trailing punctuation and spaces. */
static char *core_of(const char *s, size_t n)
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
    char *r = plan_xmalloc(n + 1);
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* Adds s[0..n), a part of the text whole (a text of the plan). */
static void add(occs *o, const char *whole, const char *s, size_t n, plan_pos pos)
{
    char *core = core_of(s, n);
    if (!*core) {
        free(core);
        return;
    }
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 32;
        o->v = plan_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    occ *e = &o->v[o->n++];
    e->core = core;
    e->acc = plan_name_key(core, 1);
    /* The text itself, when nothing was cut: its fold is kept already. */
    e->asc = s == whole && !whole[strlen(core)] ? plan_name_key_folded(plan_check_fold(o->c, whole))
                                                 : plan_name_key(core, 0);
    e->marks = plan_name_accents(core);
    e->pos = pos;
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

static int cmp_asc(const void *x, const void *y)
{
    const occ *a = *(const occ *const *)x, *b = *(const occ *const *)y;
    return strcmp(a->asc, b->asc);
}

void plan_check_textnorm(plan_check *c)
{
    const plan_doc *d = c->doc;
    occs o = {c, NULL, 0, 0};
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

    /* The reference spelling of each office: the most accented name that
     * matches it without accents, the first written on a tie. The names
     * are sorted by their accent-less key, so that each group is found in
     * one pass (a plan with thousands of offices stays linear). */
    const occ **by = plan_xmalloc((o.n ? o.n : 1) * sizeof *by);
    const occ **refs = plan_xmalloc((o.n ? o.n : 1) * sizeof *refs);
    for (size_t i = 0; i < o.n; i++)
        by[i] = &o.v[i];
    qsort(by, o.n, sizeof *by, cmp_asc);
    for (size_t a = 0, b; a < o.n; a = b) {
        const occ *ref = by[a];
        for (b = a; b < o.n && strcmp(by[b]->asc, by[a]->asc) == 0; b++)
            if (by[b]->marks > ref->marks ||
                (by[b]->marks == ref->marks && pos_before(by[b]->pos, ref->pos)))
                ref = by[b];
        for (size_t k = a; k < b; k++)
            refs[by[k] - o.v] = ref;
    }
    for (size_t i = 0; i < o.n; i++) {
        const occ *ref = refs[i];
        if (strcmp(ref->acc, o.v[i].acc) == 0)
            continue;
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_TEXT_NAME_ACCENTS, o.v[i].pos,
            _("office name \"%s\" matches \"%s\" (line %u) only without accents; write it "
              "with its accents"),
            o.v[i].core, ref->core, ref->pos.line);
        plan_diag_note(g, _("plan takes both for one office (the checklist, Nơi nhận); a "
                            "document is written with its diacritics"));
    }
    free(by);
    free(refs);
    for (size_t i = 0; i < o.n; i++) {
        free(o.v[i].core);
        free(o.v[i].acc);
        free(o.v[i].asc);
    }
    free(o.v);
}
