/*
 * json.c - the whole model as JSON (STEM.json), for programs that consume
 * plans. Every key is always present, in a fixed order, with null for an
 * absent part, so that consumers need no existence checks and two runs give
 * the same bytes. Dates are ISO 8601; notations parsed; sections carry
 * both the normalized and the written number. Shape: docs/json.md,
 * schema/plan.schema.json.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"
#include "put.h"

/* A small pretty-printing writer: two-space indentation, one member per
 * line. The comma state of each open container is kept on a stack that
 * grows with the nesting of the plan's sections. */
typedef struct jw {
    plan_buf *b;
    int depth;
    unsigned char *first; /* first[d]: nothing written yet at depth d */
    int cap;
    plan_buf path;        /* the section path of the block being written */
    const char *last;     /* the last number in path (path_enter) */
} jw;

/* Every piece of a line is written into room made once (plan_put_room):
 * the comma, the line break, the indentation, the key and the value. */
static const char pad[64] = "                                                                ";

/* The comma when comma is set, the line break and the indentation at p,
 * which has room for 2 + 64 + 2 * depth bytes; returns the end. The 64
 * spaces are copied whole (a copy of known size, no call), the pointer
 * advanced only by the indentation. */
static inline char *jw_break(const jw *w, char *p, int comma)
{
    size_t n = 2 * (size_t)w->depth;
    *p = ',';
    p += comma;
    *p++ = '\n';
    if (n <= sizeof pad)
        memcpy(p, pad, sizeof pad);
    else
        memset(p, ' ', n);
    return p + n;
}

/* A member's key as the writers take it: K("text") is the two arguments
 * "\"text\": " and its length, made by the compiler; NOKEY for an
 * element of an array. The literal is padded with NULs to KEY_COPY bytes
 * at least, so that jw_head copies a fixed KEY_COPY bytes (no call, no
 * loop) and advances by the length; every key is shorter (the longest,
 * "\"serial_number\": ", has 17 bytes). */
#define KEY_COPY 32
#define KEY_PAD "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
#define K(name) "\"" name "\": " KEY_PAD, sizeof("\"" name "\": ") - 1
#define NOKEY NULL, 0
_Static_assert(sizeof KEY_PAD - 1 == KEY_COPY, "KEY_PAD holds KEY_COPY NULs");

/* Before a member or element: room for the comma, the line break, the
 * key and extra bytes more; the first three written (not at depth 0: the
 * document itself); returns where the value goes, to end with
 * plan_put_end. */
static inline char *jw_head(jw *w, const char *key, size_t kn, size_t extra)
{
    char *p = plan_put_room(w->b, 2 + sizeof pad + 2 * (size_t)w->depth + KEY_COPY + extra);
    if (w->depth > 0) {
        p = jw_break(w, p, !w->first[w->depth]);
        w->first[w->depth] = 0;
    }
    if (kn)
        memcpy(p, key, KEY_COPY); /* kn bytes and padding: see K() */
    return p + kn;
}

/* A member whose value is the n bytes of v, written as they are. */
static void jw_raw(jw *w, const char *key, size_t kn, const char *v, size_t n)
{
    char *p = jw_head(w, key, kn, n);
    memcpy(p, v, n);
    plan_put_end(w->b, p + n);
}

static void jw_open(jw *w, const char *key, size_t kn, char c)
{
    char *p = jw_head(w, key, kn, 1);
    *p++ = c;
    plan_put_end(w->b, p);
    w->depth++;
    if (w->depth >= w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->first = plan_xrealloc(w->first, (size_t)w->cap);
    }
    w->first[w->depth] = 1;
}

static void jw_close(jw *w, char c)
{
    int empty = w->first[w->depth];
    w->depth--;
    char *p = plan_put_room(w->b, 3 + sizeof pad + 2 * (size_t)w->depth);
    if (!empty)
        p = jw_break(w, p, 0);
    *p++ = c;
    plan_put_end(w->b, p);
}

static void jw_null(jw *w, const char *key, size_t kn)
{
    jw_raw(w, key, kn, "null", 4);
}

/* A string member: null for NULL; the common string (nothing to escape)
 * written with its key in one go. */
static void jw_str(jw *w, const char *key, size_t kn, const char *s)
{
    if (!s) {
        jw_null(w, key, kn);
        return;
    }
    size_t n = strlen(s);
    if (plan_json_span(s, n) == n) {
        char *p = jw_head(w, key, kn, n + 2);
        *p++ = '"';
        memcpy(p, s, n);
        p += n;
        *p++ = '"';
        plan_put_end(w->b, p);
        return;
    }
    plan_put_end(w->b, jw_head(w, key, kn, 0));
    plan_json_str(w->b, s);
}

/* A string member that needs no escaping (a word of this file or of a
 * table of the model: ASCII letters and '-'), or null: no scan for
 * escapes. */
static void jw_word_str(jw *w, const char *key, size_t kn, const char *s)
{
    if (!s) {
        jw_null(w, key, kn);
        return;
    }
    size_t n = strlen(s);
    char *p = jw_head(w, key, kn, n + 2);
    *p++ = '"';
    memcpy(p, s, n);
    p += n;
    *p++ = '"';
    plan_put_end(w->b, p);
}

/* A member whose value is a string constant with nothing to escape, quoted
 * and measured by the compiler. */
#define JW_LIT(w, key, kn, v) jw_raw(w, key, kn, "\"" v "\"", sizeof("\"" v "\"") - 1)
#define jw_lit(...) JW_LIT(__VA_ARGS__) /* K() expanded first: two arguments */

static void jw_int(jw *w, const char *key, size_t kn, long v)
{
    char num[PLAN_FMT_MAX];
    jw_raw(w, key, kn, num, plan_fmt_i(num, v, 0));
}

static void jw_bool(jw *w, const char *key, size_t kn, int v)
{
    if (v)
        jw_raw(w, key, kn, "true", 4);
    else
        jw_raw(w, key, kn, "false", 5);
}

/* A number as the shortest decimal that %.6f rounds to (no exponent, no
 * trailing zeros): 136711, 74.6. */
static void jw_num(jw *w, const char *key, size_t kn, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.6f", v);
    char *p = buf + strlen(buf) - 1;
    while (*p == '0')
        *p-- = '\0';
    if (*p == '.')
        *p = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    jw_raw(w, key, kn, buf, strlen(buf));
}

static void jw_date(jw *w, const char *key, size_t kn, plan_date d)
{
    if (!d.y) {
        jw_null(w, key, kn);
        return;
    }
    char iso[16];
    plan_date_iso(d, iso);
    jw_str(w, key, kn, iso);
}

/* A word of a fixed list, quoted and measured by the compiler. */
typedef struct jw_word {
    const char *q; /* "\"lead\"" */
    size_t n;
} jw_word;
#define W(v) {"\"" v "\"", sizeof("\"" v "\"") - 1}

/* The array of the words whose bit is set in mask (words ends with {NULL}). */
static void jw_words(jw *w, const char *key, size_t kn, unsigned mask, const jw_word *words)
{
    jw_open(w, key, kn, '[');
    for (int i = 0; words[i].q; i++)
        if (mask & (1u << i))
            jw_raw(w, NOKEY, words[i].q, words[i].n);
    jw_close(w, ']');
}

static const jw_word for_words[] = {W("collective"), W("individual"), W("household"), {NULL, 0}};

/* A time expression: null when absent; otherwise the text and the
 * interval it stands for (start == end for a day). */
static void jw_when(jw *w, const char *key, size_t kn, const plan_when *t)
{
    if (!t->text.s) {
        jw_null(w, key, kn);
        return;
    }
    jw_open(w, key, kn, '{');
    jw_str(w, K("text"), t->text.s);
    jw_word_str(w, K("precision"), plan_precision_name(t->prec));
    jw_date(w, K("start"), t->prec != PLAN_PREC_NONE ? t->lo : (plan_date){0, 0, 0});
    jw_date(w, K("end"), t->prec != PLAN_PREC_NONE ? t->hi : (plan_date){0, 0, 0});
    jw_bool(w, K("before"), t->before);
    const plan_event *e = t->event >= 0 ? plan_event_get(t->event) : NULL;
    jw_str(w, K("event"), e ? e->name : NULL);
    jw_int(w, K("line"), (long)t->text.pos.line);
    jw_close(w, '}');
}

static void jw_notation(jw *w, const char *key, size_t kn, const plan_notation *n)
{
    if (!n->text.s) {
        jw_null(w, key, kn);
        return;
    }
    jw_open(w, key, kn, '{');
    jw_str(w, K("text"), n->text.s);
    jw_bool(w, K("parsed"), n->parsed);
    jw_str(w, K("serial"), n->parsed ? n->serial : NULL);
    if (n->parsed && n->serial)
        jw_int(w, K("serial_number"), n->serial_num);
    else
        jw_null(w, K("serial_number"));
    if (n->parsed && n->year)
        jw_int(w, K("year"), n->year);
    else
        jw_null(w, K("year"));
    jw_str(w, K("type_code"), n->parsed ? n->type_code : NULL);
    jw_str(w, K("issuer_code"), n->parsed ? n->issuer_code : NULL);
    jw_str(w, K("sub"), n->parsed ? n->sub : NULL);
    jw_bool(w, K("party"), n->parsed && n->party);
    jw_close(w, '}');
}

static void jw_textlist(jw *w, const char *key, size_t kn, const plan_textlist *l)
{
    jw_open(w, key, kn, '[');
    for (; l; l = l->next)
        jw_str(w, NOKEY, l->t.s);
    jw_close(w, ']');
}

static const char *level_name(plan_level l)
{
    static const char *const names[] = {NULL, "central", "ministry", "province", "department",
                                        "district", "commune", "unit"};
    return (unsigned)l <= PLAN_LEVEL_UNIT ? names[l] : NULL;
}

static void header(jw *w, const plan_doc *d)
{
    const plan_header *h = &d->header;
    jw_open(w, K("header"), '{');
    jw_str(w, K("national_name"), h->national_name.s);
    jw_str(w, K("motto"), h->motto.s);
    jw_str(w, K("parent_body"), h->parent_body.s);
    if (h->issuer.s || h->issuer_abbr) {
        jw_open(w, K("issuer"), '{');
        jw_str(w, K("name"), h->issuer.s);
        jw_str(w, K("abbr"), h->issuer_abbr);
        jw_word_str(w, K("level"), level_name(h->issuer_level));
        jw_str(w, K("locality"), h->locality);
        jw_close(w, '}');
    } else {
        jw_null(w, K("issuer"));
    }
    jw_notation(w, K("number"), &h->number);
    jw_str(w, K("place"), h->place.s);
    jw_when(w, K("date"), &h->date);
    jw_str(w, K("doc_type"), h->doc_type.s);
    jw_str(w, K("subject"), h->subject.s);
    jw_str(w, K("theme"), h->theme.s);
    if (h->lineage.pos.line) {
        /* A draft made by plan new (docs/templates.md): its parent. */
        jw_open(w, K("lineage"), '{');
        jw_str(w, K("number"), h->lineage.number.s);
        jw_date(w, K("date"), h->lineage.date_value);
        jw_str(w, K("path"), h->lineage.path.s);
        jw_str(w, K("fingerprint"), h->lineage.fingerprint.s);
        jw_close(w, '}');
    } else {
        jw_null(w, K("lineage"));
    }
    jw_close(w, '}');
}

static void basis(jw *w, const plan_doc *d)
{
    static const char *const rel[] = {"implements", "based-on", "cited"};
    if (!d->has_basis) {
        jw_null(w, K("basis"));
        return;
    }
    jw_open(w, K("basis"), '{');
    jw_textlist(w, K("paragraphs"), d->basis_text);
    jw_open(w, K("documents"), '[');
    for (const plan_document *doc = d->documents; doc; doc = doc->next) {
        jw_open(w, NOKEY, '{');
        jw_word_str(w, K("relation"), rel[doc->relation]);
        jw_str(w, K("id"), doc->id);
        jw_bool(w, K("inherited"), doc->inherited);
        jw_str(w, K("doc_type"), doc->doc_type.s);
        jw_notation(w, K("number"), &doc->number);
        jw_when(w, K("date"), &doc->date);
        jw_str(w, K("issuer"), doc->issuer.s);
        jw_str(w, K("title"), doc->title.s);
        jw_int(w, K("line"), (long)doc->pos.line);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static const char *num_style(int s)
{
    switch (s) {
    case PLAN_NUM_ROMAN: return "roman";
    case PLAN_NUM_ARABIC: return "arabic";
    case PLAN_NUM_DOTTED: return "dotted";
    case PLAN_NUM_LETTER: return "letter";
    case PLAN_NUM_BAD: return "other";
    default: return NULL;
    }
}

static void blocks(jw *w, const char *key, size_t kn, const plan_block *first);

/* plan_section_path of each numbered block, made as the writer goes down
 * the sections instead of from each block up to the top: w->path holds
 * the path of the block's numbered ancestors; path_enter adds the
 * block's own number (a dotted "2.1." under "2." replaces it, as there),
 * path_leave puts back what was. The blocks of a section's list have the
 * section as parent (build.c), so the ancestors are those the writer
 * went through. */
typedef struct jw_mark {
    size_t len;
    const char *last;
} jw_mark;

static jw_mark path_enter(jw *w, const plan_block *b)
{
    jw_mark m = {w->path.len, w->last};
    const char *num = b->normalized;
    if (!num || !*num)
        return m;
    if (w->last && b->num_style == PLAN_NUM_DOTTED &&
        strncmp(num, w->last, strlen(w->last)) == 0)
        w->path.len -= strlen(w->last);
    plan_put_str(&w->path, num);
    w->last = num;
    return m;
}

/* Back to the length before: a number that replaced the last one began
 * with it, so the bytes below that length are those of before. */
static void path_leave(jw *w, jw_mark m)
{
    if (w->path.data) {
        w->path.len = m.len;
        w->path.data[m.len] = '\0';
    }
    w->last = m.last;
}

/* The members every numbered block has: number (normalized), written,
 * numbering style and the section path (path_enter(b) made it). */
static void numbering(jw *w, const plan_block *b)
{
    jw_str(w, K("number"), b->normalized ? b->normalized : b->number.s);
    jw_str(w, K("written"), b->number.s);
    jw_word_str(w, K("numbering"), num_style(b->num_style));
    jw_str(w, K("path"), w->path.len ? plan_buf_cstr(&w->path) : NULL);
}

static void block(jw *w, const plan_block *b)
{
    static const jw_word roles[] = {W("purposes"), W("requirements"), W("content"),
                                    W("targets"), W("criteria"), W("awards"), W("period"),
                                    W("dossier"), W("solutions"), W("organisation"),
                                    W("theme"), W("other"), {NULL, 0}};
    static const jw_word task_roles[] = {W("lead"), W("coordinate"), W("advise"),
                                         W("monitor"), W("guide"), W("report"),
                                         W("appraise"), W("communicate"), W("implement"),
                                         W("nominate"), W("supervise"), {NULL, 0}};
    static const char *const dl_kinds[] = {"dossier", "report", "proposal", "review", "plan",
                                           "other"};
    static const char *const assign_modes[] = {NULL, "assign", "request"};
    jw_open(w, NOKEY, '{');
    switch (b->kind) {
    case PLAN_B_SECTION: {
        jw_lit(w, K("type"), "section");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_bool(w, K("inherited"), b->inherited);
        jw_mark m = path_enter(w, b);
        numbering(w, b);
        jw_words(w, K("roles"), b->section->roles, roles);
        jw_str(w, K("heading"), b->section->heading.s);
        blocks(w, K("blocks"), b->first);
        path_leave(w, m);
        break;
    }
    case PLAN_B_P:
        jw_lit(w, K("type"), "p");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_str(w, K("text"), b->text.s);
        break;
    case PLAN_B_ITEM:
        jw_lit(w, K("type"), "item");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_str(w, K("text"), b->text.s);
        jw_str(w, K("form"), b->form);
        jw_str(w, K("source"), b->source);
        break;
    case PLAN_B_INDICATOR: {
        const plan_indicator *i = b->indicator;
        jw_lit(w, K("type"), "indicator");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_str(w, K("text"), b->text.s);
        jw_str(w, K("value"), i->value);
        if (i->amount_ok)
            jw_num(w, K("amount"), i->amount);
        else
            jw_null(w, K("amount"));
        jw_str(w, K("unit"), i->unit);
        jw_str(w, K("comparison"), i->comparison);
        break;
    }
    case PLAN_B_TARGET:
    case PLAN_B_CRITERION:
        jw_word_str(w, K("type"), b->kind == PLAN_B_TARGET ? "target-group" : "criterion");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_words(w, K("for"), b->for_mask, for_words);
        jw_str(w, K("text"), b->text.s);
        break;
    case PLAN_B_AWARD: {
        const plan_award *a = b->award;
        jw_lit(w, K("type"), "award");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_bool(w, K("inherited"), b->inherited);
        jw_word_str(w, K("mode"), a->mode == PLAN_AWARD_GRANT ? "grant" : "propose");
        jw_words(w, K("for"), a->for_mask, for_words);
        jw_str(w, K("name"), a->name.s);
        jw_str(w, K("authority"), a->authority.s);
        jw_open(w, K("quotas"), '[');
        for (const plan_quota *q = a->quotas; q; q = q->next) {
            jw_open(w, NOKEY, '{');
            jw_words(w, K("for"), q->for_mask, for_words);
            jw_str(w, K("text"), q->text.s);
            if (q->count_ok)
                jw_int(w, K("count"), q->count);
            else
                jw_null(w, K("count"));
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_textlist(w, K("standards"), a->standards);
        jw_str(w, K("timing"), a->timing.s);
        break;
    }
    case PLAN_B_PERIOD:
        jw_lit(w, K("type"), "period");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_bool(w, K("inherited"), b->inherited);
        jw_str(w, K("text"), b->period->p.s);
        jw_when(w, K("start"), &b->period->start);
        jw_when(w, K("end"), &b->period->end);
        break;
    case PLAN_B_DEADLINE: {
        const plan_deadline *dl = b->deadline;
        jw_lit(w, K("type"), "deadline");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_bool(w, K("inherited"), b->inherited);
        jw_word_str(w, K("kind"), dl_kinds[dl->kind]);
        jw_str(w, K("text"), dl->p.s);
        jw_str(w, K("what"), dl->what.s);
        jw_open(w, K("items"), '[');
        for (const plan_dossier_item *i = dl->items; i; i = i->next) {
            jw_open(w, NOKEY, '{');
            jw_str(w, K("text"), i->text.s);
            jw_str(w, K("form"), i->form);
            jw_str(w, K("source"), i->source);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_str(w, K("from"), dl->from.s);
        jw_str(w, K("to"), dl->to.s);
        jw_when(w, K("due"), &dl->due);
        break;
    }
    case PLAN_B_ASSIGNMENT: {
        const plan_assignment *as = b->assignment;
        jw_lit(w, K("type"), "assignment");
        jw_int(w, K("line"), (long)b->pos.line);
        jw_mark m = path_enter(w, b);
        numbering(w, b);
        path_leave(w, m);
        jw_word_str(w, K("mode"), assign_modes[as->mode]);
        jw_textlist(w, K("offices"), as->offices);
        jw_open(w, K("tasks"), '[');
        for (const plan_task *t = as->tasks; t; t = t->next) {
            jw_open(w, NOKEY, '{');
            jw_int(w, K("line"), (long)t->pos.line);
            jw_words(w, K("roles"), t->roles, task_roles);
            jw_str(w, K("text"), t->text.s);
            jw_when(w, K("due"), &t->due);
            jw_str(w, K("to"), t->to);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        break;
    }
    }
    jw_close(w, '}');
}

static void blocks(jw *w, const char *key, size_t kn, const plan_block *first)
{
    jw_open(w, key, kn, '[');
    for (const plan_block *b = first; b; b = b->next)
        block(w, b);
    jw_close(w, ']');
}

void plan_emit_json(const plan_doc *d, plan_buf *out)
{
    jw w = {out, 0, NULL, 0, PLAN_BUF_INIT, NULL};
    jw_open(&w, NOKEY, '{');
    jw_str(&w, K("format"), "urn:x-plan:json:1");
    const char *base = d->file ? strrchr(d->file, '/') : NULL;
    jw_str(&w, K("file"), base ? base + 1 : d->file);
    jw_word_str(&w, K("kind"), d->kind == PLAN_KIND_REGULAR ? "regular" : "campaign");
    jw_bool(&w, K("kind_explicit"), d->kind_explicit);
    header(&w, d);
    basis(&w, d);
    blocks(&w, K("body"), d->body);
    if (d->closing)
        jw_textlist(&w, K("closing"), d->closing);
    else
        jw_null(&w, K("closing"));
    if (d->has_signature) {
        jw_open(&w, K("signature"), '{');
        jw_textlist(&w, K("capacities"), d->capacities);
        jw_str(&w, K("title"), d->sign_title.s);
        jw_str(&w, K("name"), d->sign_name.s);
        jw_close(&w, '}');
    } else {
        jw_null(&w, K("signature"));
    }
    if (d->has_recipients) {
        jw_open(&w, K("recipients"), '{');
        jw_open(&w, K("recipients"), '[');
        for (const plan_textlist *t = d->recipients; t; t = t->next) {
            jw_open(&w, NOKEY, '{');
            jw_str(&w, K("name"), t->t.s);
            jw_str(&w, K("note"), t->note);
            jw_close(&w, '}');
        }
        jw_close(&w, ']');
        jw_str(&w, K("archive"), d->archive.s);
        jw_close(&w, '}');
    } else {
        jw_null(&w, K("recipients"));
    }
    jw_close(&w, '}');
    plan_put_chr(out, '\n');
    free(w.first);
    plan_buf_free(&w.path);
}
