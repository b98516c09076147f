/*
 * xml.c - the normalized plan. One canonical layout: elements in schema
 * order, two-space indentation, NFC text with white space folded, every
 * date and notation kept as written and resolved in attributes, sections
 * renumbered (the written number kept in "written" when it differs).
 */
#include <stdio.h>
#include <string.h>

#include "put.h"

typedef struct out {
    plan_buf *b;
    int depth;
} out;

/* Each piece is written into room made once (plan_put_room). */
static const char pad[64] = "                                                                ";

/* An element's name as the writers take it: T("p") is the two arguments
 * "p" padded with NULs to NAME_COPY bytes at least, and its length, made
 * by the compiler; the name is copied as a fixed NAME_COPY bytes (no
 * call, no loop) and the pointer advanced by its length. Every name is
 * shorter ("national-name" has 13 bytes). */
#define NAME_COPY 32
#define NAME_PAD "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
#define T(name) name NAME_PAD, sizeof(name) - 1
_Static_assert(sizeof NAME_PAD - 1 == NAME_COPY, "NAME_PAD holds NAME_COPY NULs");

/* The indentation at p, which has room for 64 + 2 * depth bytes: the 64
 * spaces copied whole (a copy of known size), p advanced by the depth. */
static inline char *put_indent(const out *o, char *p)
{
    size_t n = 2 * (size_t)o->depth;
    if (n <= sizeof pad)
        memcpy(p, pad, sizeof pad);
    else
        memset(p, ' ', n);
    return p + n;
}

static void indent(out *o)
{
    plan_put_end(o->b, put_indent(o, plan_put_room(o->b, sizeof pad + 2 * (size_t)o->depth)));
}

/* The indentation and "<name" (nl bytes of name). */
static void tag_start(out *o, const char *name, size_t nl)
{
    char *p = plan_put_room(o->b, sizeof pad + 2 * (size_t)o->depth + 1 + NAME_COPY);
    p = put_indent(o, p);
    *p++ = '<';
    memcpy(p, name, NAME_COPY);
    plan_put_end(o->b, p + nl);
}

/* "</name>\n" at p, which has room for NAME_COPY + 4 bytes; returns the
 * end. */
static inline char *tag_end_at(char *p, const char *name, size_t nl)
{
    *p++ = '<';
    *p++ = '/';
    memcpy(p, name, NAME_COPY);
    p += nl;
    *p++ = '>';
    *p++ = '\n';
    return p;
}

static void tag_end(out *o, const char *name, size_t nl)
{
    plan_put_end(o->b, tag_end_at(plan_put_room(o->b, NAME_COPY + 4), name, nl));
}

/* ' name="v"': one copy when v has nothing to escape. */
static void attr(out *o, const char *name, const char *v)
{
    if (!v || !*v)
        return;
    /* strcspn of a set of up to 16 bytes scans 16 bytes at a time (SSE4.2):
     * at the NUL, it is the length too. */
    size_t nl = strlen(name), n = strcspn(v, "&<>\"");
    int plain = !v[n];
    char *p = plan_put_room(o->b, nl + 4 + (plain ? n : 0));
    *p++ = ' ';
    memcpy(p, name, nl);
    p += nl;
    *p++ = '=';
    *p++ = '"';
    if (plain) {
        memcpy(p, v, n);
        p += n;
        *p++ = '"';
        plan_put_end(o->b, p);
        return;
    }
    plan_put_end(o->b, p);
    plan_esc_xml_attr(o->b, v);
    plan_put_chr(o->b, '"');
}

static void attrs_put(out *o, const char *const *attrs)
{
    for (int i = 0; attrs && attrs[i]; i += 2)
        attr(o, attrs[i], attrs[i + 1]);
}

/* <name attrs>text</name> on one line; attrs is a NULL-terminated list of
 * name/value pairs (NULL values skipped). Nothing when text is absent.
 * The text and the end tag in one copy when it has nothing to escape. */
static void leaf(out *o, const char *name, size_t nl, const char *text,
                 const char *const *attrs)
{
    if (!text)
        return;
    tag_start(o, name, nl);
    attrs_put(o, attrs);
    size_t n = strcspn(text, "&<>");
    if (!text[n]) { /* at its end: nothing to escape */
        char *p = plan_put_room(o->b, n + NAME_COPY + 5);
        *p++ = '>';
        memcpy(p, text, n);
        plan_put_end(o->b, tag_end_at(p + n, name, nl));
        return;
    }
    plan_put_chr(o->b, '>');
    plan_esc_xml(o->b, text);
    tag_end(o, name, nl);
}

static void text_leaf(out *o, const char *name, size_t nl, plan_text t)
{
    leaf(o, name, nl, t.s, NULL);
}

static void open_tag(out *o, const char *name, size_t nl, const char *const *attrs)
{
    tag_start(o, name, nl);
    attrs_put(o, attrs);
    plan_put_mem(o->b, ">\n", 2);
    o->depth++;
}

static void close_tag(out *o, const char *name, size_t nl)
{
    o->depth--;
    char *p = plan_put_room(o->b, sizeof pad + 2 * (size_t)o->depth + NAME_COPY + 4);
    plan_put_end(o->b, tag_end_at(put_indent(o, p), name, nl));
}

static const char *prec_name(plan_precision p)
{
    switch (p) {
    case PLAN_PREC_DAY: return "day";
    case PLAN_PREC_MONTH: return "month";
    case PLAN_PREC_YEAR: return "year";
    case PLAN_PREC_EVENT: return "event";
    case PLAN_PREC_ISSUE: return "issue-date";
    default: return NULL;
    }
}

/* A time expression with its resolved date: the start of the interval for
 * a start, the end otherwise. */
static void when_leaf(out *o, const char *name, size_t nl, const plan_when *w, int start)
{
    if (!w->text.s)
        return;
    char iso[16];
    plan_date_iso(start ? w->lo : w->hi, iso);
    /* <date> is always a day: it carries iso only. */
    int is_date = strcmp(name, "date") == 0;
    const char *a[] = {"iso", iso, "precision",
                       !is_date && w->prec != PLAN_PREC_NONE ? prec_name(w->prec) : NULL, NULL};
    leaf(o, name, nl, w->text.s, a);
}

static void notation_leaf(out *o, const plan_notation *n)
{
    if (!n->text.s)
        return;
    char year[PLAN_FMT_MAX];
    plan_fmt_i(year, n->year % 10000, 0);
    const char *a[] = {"serial", n->parsed ? n->serial : NULL,
                       "year", n->parsed && n->year ? year : NULL,
                       "type-code", n->parsed ? n->type_code : NULL,
                       "issuer-code", n->parsed ? n->issuer_code : NULL,
                       "party", n->parsed && n->party ? "yes" : NULL,
                       NULL};
    leaf(o, T("number"), n->text.s, a);
}

/* The words of w whose bit is set in mask, joined with spaces, into dst
 * (WORDS_MAX bytes: every list of this file joined fits, about 100 bytes;
 * a word that would not fit is left out); returns dst. */
enum { WORDS_MAX = 160 };

static const char *words(char *dst, unsigned mask, const char *const *w)
{
    size_t n = 0;
    for (int i = 0; w[i]; i++)
        if (mask & (1u << i)) {
            size_t k = strlen(w[i]);
            if (n + 1 + k >= WORDS_MAX)
                break;
            if (n)
                dst[n++] = ' ';
            memcpy(dst + n, w[i], k);
            n += k;
        }
    dst[n] = '\0';
    return dst;
}

static const char *const for_words[] = {"collective", "individual", "household", NULL};

static void header(out *o, const plan_doc *d)
{
    static const char *const levels[] = {NULL, "central", "ministry", "province", "department",
                                         "district", "commune", "unit"};
    const plan_header *h = &d->header;
    open_tag(o, T("header"), NULL);
    text_leaf(o, T("national-name"), h->national_name);
    text_leaf(o, T("motto"), h->motto);
    text_leaf(o, T("parent-body"), h->parent_body);
    const char *ia[] = {"abbr", h->issuer_abbr, "level", levels[h->issuer_level],
                        "locality", h->locality, NULL};
    leaf(o, T("issuer"), h->issuer.s, ia);
    notation_leaf(o, &h->number);
    text_leaf(o, T("place"), h->place);
    when_leaf(o, T("date"), &h->date, 1);
    text_leaf(o, T("doc-type"), h->doc_type);
    text_leaf(o, T("subject"), h->subject);
    text_leaf(o, T("theme"), h->theme);
    if (h->lineage.pos.line) {
        /* Empty element: the parent of a draft (docs/templates.md). */
        const plan_lineage *l = &h->lineage;
        indent(o);
        plan_put_str(o->b, "<lineage");
        attr(o, "number", l->number.s);
        attr(o, "date", l->date.s);
        attr(o, "path", l->path.s);
        attr(o, "fingerprint", l->fingerprint.s);
        plan_put_str(o->b, "/>\n");
    }
    close_tag(o, T("header"));
}

static void basis(out *o, const plan_doc *d)
{
    static const char *const rel[] = {"implements", "based-on", "cited"};
    if (!d->has_basis)
        return;
    open_tag(o, T("basis"), NULL);
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        text_leaf(o, T("p"), t->t);
    for (const plan_document *doc = d->documents; doc; doc = doc->next) {
        const char *a[] = {"relation", rel[doc->relation], "id", doc->id,
                           "inherited", doc->inherited ? "yes" : NULL, NULL};
        open_tag(o, T("document"), a);
        text_leaf(o, T("doc-type"), doc->doc_type);
        notation_leaf(o, &doc->number);
        when_leaf(o, T("date"), &doc->date, 1);
        text_leaf(o, T("issuer"), doc->issuer);
        text_leaf(o, T("title"), doc->title);
        close_tag(o, T("document"));
    }
    close_tag(o, T("basis"));
}

static void blocks(out *o, const plan_block *first);

static void amount_str(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.6f", v);
    char *p = buf + strlen(buf) - 1;
    while (*p == '0')
        *p-- = '\0';
    if (*p == '.')
        *p = '\0';
}

static void pis(out *o, const plan_pi *pi, int doc_level)
{
    for (; pi; pi = doc_level ? pi->next : pi->next_here) {
        if (doc_level && !pi->doc_level)
            continue;
        indent(o);
        plan_put_mem(o->b, "<?", 2);
        plan_put_str(o->b, pi->target); /* always set (build.c) */
        if (pi->data && *pi->data) {
            plan_put_chr(o->b, ' ');
            plan_put_str(o->b, pi->data);
        }
        plan_put_str(o->b, "?>\n");
    }
}

static void block(out *o, const plan_block *b)
{
    pis(o, b->pis, 0);
    static const char *const roles[] = {"purposes", "requirements", "content", "targets",
                                        "criteria", "awards", "period", "dossier",
                                        "solutions", "organisation", "theme", "other", NULL};
    static const char *const task_roles[] = {"lead", "coordinate", "advise", "monitor",
                                             "guide", "report", "appraise", "communicate",
                                             "implement", "nominate", "supervise", NULL};
    static const char *const dl_kinds[] = {"dossier", "report", "proposal", "review", "plan",
                                           "other"};
    static const char *const assign_modes[] = {NULL, "assign", "request"};
    char tmp[WORDS_MAX];
    const char *written = b->number.s && b->normalized && strcmp(b->number.s, b->normalized)
                              ? b->number.s : NULL;
    const char *number = b->normalized ? b->normalized : b->number.s;
    const char *inherited = b->inherited ? "yes" : NULL;
    switch (b->kind) {
    case PLAN_B_SECTION: {
        const char *a[] = {"number", number, "written", written, "role",
                           words(tmp, b->section->roles, roles),
                           "inherited", inherited, NULL};
        open_tag(o, T("section"), a);
        text_leaf(o, T("heading"), b->section->heading);
        blocks(o, b->first);
        close_tag(o, T("section"));
        break;
    }
    case PLAN_B_P:
        text_leaf(o, T("p"), b->text);
        break;
    case PLAN_B_ITEM: {
        const char *a[] = {"form", b->form, "source", b->source, NULL};
        leaf(o, T("item"), b->text.s, a);
        break;
    }
    case PLAN_B_INDICATOR: {
        const plan_indicator *i = b->indicator;
        char amount[64];
        if (i->amount_ok) /* printf for a double: only when there is one */
            amount_str(amount, sizeof amount, i->amount);
        const char *a[] = {"value", i->value, "amount", i->amount_ok ? amount : NULL,
                           "unit", i->unit, "comparison", i->comparison, NULL};
        leaf(o, T("indicator"), b->text.s, a);
        break;
    }
    case PLAN_B_TARGET:
    case PLAN_B_CRITERION: {
        const char *a[] = {"for", words(tmp, b->for_mask, for_words), NULL};
        if (b->kind == PLAN_B_TARGET)
            leaf(o, T("target-group"), b->text.s, a);
        else
            leaf(o, T("criterion"), b->text.s, a);
        break;
    }
    case PLAN_B_AWARD: {
        const plan_award *aw = b->award;
        const char *a[] = {"mode", aw->mode == PLAN_AWARD_GRANT ? "grant" : "propose",
                           "for", words(tmp, aw->for_mask, for_words), "inherited", inherited,
                           NULL};
        open_tag(o, T("award"), a);
        text_leaf(o, T("name"), aw->name);
        text_leaf(o, T("authority"), aw->authority);
        for (const plan_quota *q = aw->quotas; q; q = q->next) {
            char count[PLAN_FMT_MAX];
            plan_fmt_i(count, q->count, 0);
            const char *qa[] = {"for", words(tmp, q->for_mask, for_words),
                                "count", q->count_ok ? count : NULL,
                                NULL};
            leaf(o, T("quota"), q->text.s, qa);
        }
        for (const plan_textlist *s = aw->standards; s; s = s->next)
            text_leaf(o, T("standard"), s->t);
        text_leaf(o, T("timing"), aw->timing);
        close_tag(o, T("award"));
        break;
    }
    case PLAN_B_PERIOD: {
        const char *a[] = {"inherited", inherited, NULL};
        open_tag(o, T("period"), a);
        text_leaf(o, T("p"), b->period->p);
        when_leaf(o, T("start"), &b->period->start, 1);
        when_leaf(o, T("end"), &b->period->end, 0);
        close_tag(o, T("period"));
        break;
    }
    case PLAN_B_DEADLINE: {
        const plan_deadline *dl = b->deadline;
        const char *a[] = {"kind", dl_kinds[dl->kind], "inherited", inherited, NULL};
        open_tag(o, T("deadline"), a);
        text_leaf(o, T("p"), dl->p);
        text_leaf(o, T("what"), dl->what);
        for (const plan_dossier_item *i = dl->items; i; i = i->next) {
            const char *ia[] = {"form", i->form, "source", i->source, NULL};
            leaf(o, T("item"), i->text.s, ia);
        }
        text_leaf(o, T("from"), dl->from);
        text_leaf(o, T("to"), dl->to);
        when_leaf(o, T("due"), &dl->due, 0);
        close_tag(o, T("deadline"));
        break;
    }
    case PLAN_B_ASSIGNMENT: {
        const plan_assignment *as = b->assignment;
        const char *a[] = {"mode", assign_modes[as->mode], "number", number, "written", written,
                           NULL};
        open_tag(o, T("assignment"), a);
        for (const plan_textlist *l = as->offices; l; l = l->next)
            text_leaf(o, T("office"), l->t);
        for (const plan_task *t = as->tasks; t; t = t->next) {
            char iso[16] = "";
            if (t->due.text.s)
                plan_date_iso(t->due.hi, iso);
            const char *ta[] = {"roles", words(tmp, t->roles, task_roles), "due", t->due.text.s,
                                "due-iso", t->due.text.s ? iso : NULL, "to", t->to, NULL};
            leaf(o, T("task"), t->text.s, ta);
        }
        close_tag(o, T("assignment"));
        break;
    }
    }
}

static void blocks(out *o, const plan_block *first)
{
    for (const plan_block *b = first; b; b = b->next)
        block(o, b);
}

void plan_emit_xml(const plan_doc *d, plan_buf *b)
{
    out o = {b, 0};
    plan_put_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    pis(&o, d->pis, 1);
    const char *ra[] = {"xmlns", PLAN_NS, "kind",
                        d->kind == PLAN_KIND_REGULAR ? "regular" : "campaign", NULL};
    open_tag(&o, T("plan"), ra);
    header(&o, d);
    basis(&o, d);
    if (d->body) {
        open_tag(&o, T("body"), NULL);
        blocks(&o, d->body);
        close_tag(&o, T("body"));
    } else {
        indent(&o);
        plan_put_str(b, "<body/>\n");
    }
    if (d->closing) {
        open_tag(&o, T("closing"), NULL);
        for (const plan_textlist *t = d->closing; t; t = t->next)
            text_leaf(&o, T("p"), t->t);
        close_tag(&o, T("closing"));
    }
    if (d->has_signature) {
        open_tag(&o, T("signature"), NULL);
        for (const plan_textlist *t = d->capacities; t; t = t->next)
            text_leaf(&o, T("capacity"), t->t);
        text_leaf(&o, T("title"), d->sign_title);
        text_leaf(&o, T("name"), d->sign_name);
        close_tag(&o, T("signature"));
    }
    if (d->has_recipients) {
        open_tag(&o, T("recipients"), NULL);
        for (const plan_textlist *t = d->recipients; t; t = t->next) {
            const char *a[] = {"note", t->note, NULL};
            leaf(&o, T("recipient"), t->t.s, a);
        }
        text_leaf(&o, T("archive"), d->archive);
        close_tag(&o, T("recipients"));
    }
    close_tag(&o, T("plan"));
}
