/*
 * build.c - from the parsed tree (src/parse/xml.h, our own neutral tree,
 * whichever way plan_parse filled it) to the plan model. It checks the
 * structure as it goes (unknown, misplaced, missing or repeated elements,
 * bad attribute values, stray text), copies every text into the arena in
 * NFC with white space folded and tone marks in one style (TEXT-TONE-STYLE,
 * docs/text.md), records positions, resolves dates and notations, and
 * renumbers sections.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parse/xml.h"
#include "plan/data.h"
#include "plan/i18n.h"
#include "plan/model.h"
#include "util/tone.h"

typedef struct builder {
    plan_doc *doc;
    const plan_xml *x;
    plan_diags *d;
    plan_arena *a;
    plan_award **award_tail;
    plan_period **period_tail;
    plan_deadline **deadline_tail;
    plan_assignment **assign_tail;
    plan_indicator **indicator_tail;
    plan_pi **pi_tail;
    plan_pi *pending[16];      /* PIs seen before the next element of a container */
    int npending;
    plan_tone_style tone;      /* where tone marks go in the model (--tone-style) */
} builder;

/* ---- small helpers ---- */

/* a and b are equal: in line, as the builder compares short names, most
 * of them different at the first byte, many times per element. */
static inline int eq(const char *a, const char *b)
{
    while (*b && *a == *b)
        a++, b++;
    return *a == *b;
}

static const char *name_of(const plan_xnode *n)
{
    if (n->type != PLAN_X_ELEMENT)
        return NULL;
    /* The scanner's elements have plan_xml_ns itself: no comparison. */
    if (!n->ns || (n->ns != plan_xml_ns && strcmp(n->ns, PLAN_NS) != 0))
        return NULL;
    return n->name;
}

static int is(const plan_xnode *n, const char *name)
{
    const char *s = name_of(n);
    return s && eq(s, name);
}

static plan_pos pos_of(builder *b, const plan_xnode *n)
{
    return plan_xml_pos(b->x, n);
}

static plan_diag *report(builder *b, plan_rule_id r, plan_pos p, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static plan_diag *report(builder *b, plan_rule_id r, plan_pos p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_diag *g = plan_diags_vadd(b->d, r, (plan_severity)plan_rule_get(r)->severity,
                                   b->doc->file, p, fmt, ap);
    va_end(ap);
    return g;
}

static void unknown_element(builder *b, const plan_xnode *n, const char *parent)
{
    if (n->ns && strcmp(n->ns, PLAN_NS) != 0)
        report(b, PLAN_RULE_SCHEMA_UNKNOWN, pos_of(b, n),
               _("element <%s> from another namespace (%s) is not part of a plan; remove it"),
               n->name, n->ns);
    else if (!n->ns)
        report(b, PLAN_RULE_SCHEMA_UNKNOWN, pos_of(b, n),
               _("element <%s> has no namespace; plan elements are in %s "
                 "(declare xmlns=\"%s\" on <plan>)"),
               n->name, PLAN_NS, PLAN_NS);
    else
        report(b, PLAN_RULE_SCHEMA_UNKNOWN, pos_of(b, n),
               _("element <%s> is not allowed in <%s>; see docs/format.md for what <%s> "
                 "may contain"),
               n->name, parent, parent);
}

/* Reports attributes outside the allowed list (NULL-terminated). */
static void check_attrs(builder *b, const plan_xnode *n, const char *const *allowed)
{
    for (const plan_xattr *at = n->attrs; at; at = at->next) {
        const char *an = at->name;
        int ok = 0;
        if (at->ns)
            ok = 0;
        else
            for (const char *const *p = allowed; *p && !ok; p++)
                ok = eq(*p, an);
        if (!ok)
            report(b, PLAN_RULE_SCHEMA_UNKNOWN, plan_xml_attr_pos(b->x, n, an),
                   _("attribute '%s' is not allowed on <%s>; remove it"), an,
                   n->name);
    }
}

/* t (normalized, in the arena) with its tone marks placed in style. Where
 * the source placed them the other way, one TEXT-TONE-STYLE for the text,
 * at the attribute aname of el, or at *at. may is what
 * plan_text_normalize_styled said of t in style: 0, t needs no change. */
static const char *restyle(builder *b, const char *t, int may, plan_tone_style style,
                           const plan_xnode *el, const char *aname, const plan_pos *at)
{
    if (!may)
        return t;
    plan_tone_change ch;
    char *r = plan_tone_place_full(t, style, &ch);
    if (!r)
        return t;
    plan_pos p = at ? *at : plan_xml_attr_pos(b->x, el, aname);
    int was = (int)ch.len, now = (int)ch.new_len;
    const char *from = t + ch.offset, *to = r + ch.new_offset;
    plan_diag *g;
    if (style != b->tone)
        g = report(b, PLAN_RULE_TEXT_TONE_STYLE, p,
                   _("\"%.*s\" places its tone mark in the new style; the Quốc hiệu is "
                     "written as NĐ 30/2020 prescribes it: \"%.*s\""),
                   was, from, now, to);
    else if (style == PLAN_TONE_OLD)
        g = report(b, PLAN_RULE_TEXT_TONE_STYLE, p,
                   _("\"%.*s\" places its tone mark in the new style; the normalized plan "
                     "writes \"%.*s\" (the old style, used throughout)"),
                   was, from, now, to);
    else
        g = report(b, PLAN_RULE_TEXT_TONE_STYLE, p,
                   _("\"%.*s\" places its tone mark in the old style; the normalized plan "
                     "writes \"%.*s\" (the new style, chosen with --tone-style=new)"),
                   was, from, now, to);
    if (ch.count > 1)
        plan_diag_note(g, _("syllables of this text written the same way: %zu in all; each "
                            "is normalized"),
                       ch.count);
    const char *out = plan_arena_strdup(b->a, r);
    free(r);
    return out;
}

/* An attribute's value (NFC, white space folded, tone style) or NULL. */
static const char *attr(builder *b, const plan_xnode *n, const char *name)
{
    const plan_xattr *v = plan_xml_attr(n, name);
    if (!v)
        return NULL;
    int may;
    const char *r = plan_text_normalize_styled(b->a, v->value, v->len, b->tone, &may);
    return restyle(b, r, may, b->tone, n, name, NULL);
}

/* Checks a token or token list against a vocabulary; returns the bit mask
 * (bit i for words[i]) or the index for single values. */
static unsigned tokens(builder *b, const plan_xnode *n, const char *aname, const char *value,
                       const char *const *words, int list)
{
    unsigned mask = 0;
    const char *p = value;
    int count = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int found = -1;
        for (int i = 0; words[i]; i++)
            if (strlen(words[i]) == (size_t)(e - p) && strncmp(words[i], p, (size_t)(e - p)) == 0)
                found = i;
        if (found < 0) {
            plan_buf all = PLAN_BUF_INIT;
            for (int i = 0; words[i]; i++)
                plan_buf_printf(&all, "%s%s", i ? ", " : "", words[i]);
            report(b, PLAN_RULE_SCHEMA_VALUE, plan_xml_attr_pos(b->x, n, aname),
                   _("'%.*s' is not a valid value of attribute '%s'; use %s%s"), (int)(e - p), p,
                   aname, list ? _("one or more of ") : _("one of "), plan_buf_cstr(&all));
            plan_buf_free(&all);
        } else {
            mask |= list ? 1u << found : (unsigned)found;
        }
        count++;
        p = e;
    }
    if (!list && count != 1 && count != 0)
        report(b, PLAN_RULE_SCHEMA_VALUE, plan_xml_attr_pos(b->x, n, aname),
               _("attribute '%s' takes one value"), aname);
    return mask;
}

/* The text of a text-only element, tone marks in style; elements inside
 * are reported. */
static plan_text text_styled(builder *b, const plan_xnode *n, plan_tone_style style)
{
    plan_text t;
    const plan_xnode *only = n->children;
    if (!only || (only->type == PLAN_X_TEXT && !only->next)) {
        /* The common case, one text or none: no copy to gather the pieces. */
        int may;
        t.s = plan_text_normalize_styled(b->a, only ? only->content : "", only ? only->len : 0,
                                         style, &may);
        t.pos = plan_xml_content_pos(b->x, n);
        t.s = restyle(b, t.s, may, style, n, NULL, &t.pos);
        return t;
    }
    plan_buf buf = PLAN_BUF_INIT;
    for (const plan_xnode *c = n->children; c; c = c->next) {
        if (c->type == PLAN_X_TEXT) {
            plan_buf_append(&buf, c->content, c->len);
        } else if (c->type == PLAN_X_ELEMENT) {
            report(b, PLAN_RULE_SCHEMA_TEXT, pos_of(b, c),
                   _("element <%s> inside <%s>: <%s> holds text only; move the element out "
                     "or write its text"),
                   c->name, n->name, n->name);
        } else if (c->type == PLAN_X_ENTREF) {
            report(b, PLAN_RULE_XML_DOCTYPE, pos_of(b, n),
                   _("entity reference &%s; is not allowed; write the character itself"),
                   c->name);
        }
    }
    int may;
    t.s = plan_text_normalize_styled(b->a, plan_buf_cstr(&buf), buf.len, style, &may);
    t.pos = plan_xml_content_pos(b->x, n);
    t.s = restyle(b, t.s, may, style, n, NULL, &t.pos);
    plan_buf_free(&buf);
    return t;
}

/* Text of a required-non-empty element: reports SCHEMA-MISSING when blank. */
static plan_text text_req_styled(builder *b, const plan_xnode *n, plan_tone_style style)
{
    plan_text t = text_styled(b, n, style);
    if (!*t.s)
        report(b, PLAN_RULE_SCHEMA_MISSING, pos_of(b, n),
               _("<%s> is empty; write its text or remove the element"), n->name);
    return t;
}

static plan_text text_req(builder *b, const plan_xnode *n)
{
    return text_req_styled(b, n, b->tone);
}

/* Reports non-blank text directly inside a container element. */
static void stray_text(builder *b, const plan_xnode *c, const plan_xnode *parent)
{
    for (const char *p = c->content; p && *p; p++)
        if (!isspace((unsigned char)*p)) {
            report(b, PLAN_RULE_SCHEMA_TEXT, plan_xml_content_pos(b->x, parent),
                   _("text directly inside <%s>; put it in a <p> or the element it belongs to"),
                   parent->name);
            return;
        }
}

static void add_pi(builder *b, const plan_xnode *c)
{
    plan_pi *pi = plan_arena_alloc(b->a, sizeof *pi);
    pi->target = plan_arena_strdup(b->a, c->name);
    int may;
    pi->data = plan_text_normalize_styled(b->a, c->content ? c->content : "", c->len, b->tone,
                                          &may);
    char needle[64];
    snprintf(needle, sizeof needle, "<?%s", c->name);
    pi->pos = plan_xml_other_pos(b->x, c, needle);
    pi->data = restyle(b, pi->data, may, b->tone, c, NULL, &pi->pos);
    *b->pi_tail = pi;
    b->pi_tail = &pi->next;
    if (!c->parent) {
        pi->doc_level = 1;
    } else if (b->npending < (int)(sizeof b->pending / sizeof *b->pending)) {
        b->pending[b->npending++] = pi;
    } else {
        pi->misplaced = 1;
    }
}

/* PIs waiting for a block: attached to blk, or (blk NULL) misplaced. */
static void take_pending(builder *b, plan_block *blk)
{
    plan_pi **tail = blk ? &blk->pis : NULL;
    for (int i = 0; i < b->npending; i++) {
        plan_pi *pi = b->pending[i];
        if (blk) {
            pi->block = blk;
            *tail = pi;
            tail = &pi->next_here;
        } else {
            pi->misplaced = 1;
        }
    }
    b->npending = 0;
}

/* Iterates the element children of a container: text must be blank,
 * comments are skipped, processing instructions are collected. Returns the
 * next element child after c (or the first when c is NULL). */
static const plan_xnode *next_el(builder *b, const plan_xnode *parent, const plan_xnode *c)
{
    /* PIs still pending when a container moves on did not stand before a block. */
    if (b->npending)
        take_pending(b, NULL);
    c = c ? c->next : parent->children;
    for (; c; c = c->next) {
        if (c->type == PLAN_X_ELEMENT)
            return c;
        if (c->type == PLAN_X_TEXT)
            stray_text(b, c, parent);
        else if (c->type == PLAN_X_PI)
            add_pi(b, c);
        else if (c->type == PLAN_X_ENTREF)
            report(b, PLAN_RULE_XML_DOCTYPE, pos_of(b, parent),
                   _("entity reference &%s; is not allowed; write the character itself"),
                   c->name);
    }
    return NULL;
}

static void once(builder *b, const plan_xnode *c, const void *already)
{
    if (already)
        report(b, PLAN_RULE_SCHEMA_DUPLICATE, pos_of(b, c),
               _("<%s> appears more than once here; keep one"), c->name);
}

static plan_textlist *textlist_add(builder *b, plan_textlist ***tail, plan_text t)
{
    plan_textlist *l = plan_arena_alloc(b->a, sizeof *l);
    l->t = t;
    **tail = l;
    *tail = &l->next;
    return l;
}

static unsigned for_mask(builder *b, const plan_xnode *n, int required)
{
    static const char *const w[] = {"collective", "individual", "household", NULL};
    const char *v = attr(b, n, "for");
    if (!v) {
        if (required)
            report(b, PLAN_RULE_SCHEMA_MISSING, pos_of(b, n),
                   _("<%s> needs attribute for=\"collective\", \"individual\" or \"household\""),
                   n->name);
        return 0;
    }
    return tokens(b, n, "for", v, w, 1);
}

/* inherited="yes" on a block or a document of a draft (docs/templates.md). */
static int inherited_of(builder *b, const plan_xnode *n)
{
    static const char *const yes[] = {"yes", NULL};
    const char *v = attr(b, n, "inherited");
    if (!v)
        return 0;
    tokens(b, n, "inherited", v, yes, 0);
    return strcmp(v, "yes") == 0;
}

/* <lineage number="…" date="…" path="…" fingerprint="…"/>: the parent plan
 * of a draft made by `plan new` (docs/templates.md). */
static void build_lineage(builder *b, const plan_xnode *n)
{
    static const char *const attrs[] = {"number", "date", "path", "fingerprint", NULL};
    plan_lineage *l = &b->doc->header.lineage;
    once(b, n, l->pos.line ? n : NULL);
    l->pos = pos_of(b, n);
    check_attrs(b, n, attrs);
    plan_text *slot[] = {&l->number, &l->date, &l->path, &l->fingerprint};
    for (int i = 0; i < 4; i++) {
        slot[i]->s = attr(b, n, attrs[i]);
        slot[i]->pos = slot[i]->s ? plan_xml_attr_pos(b->x, n, attrs[i]) : l->pos;
        if (!slot[i]->s || !*slot[i]->s)
            report(b, PLAN_RULE_SCHEMA_MISSING, l->pos,
                   _("<lineage> needs attribute %s, as plan new writes it "
                     "(docs/templates.md)"),
                   attrs[i]);
    }
    if (l->date.s && *l->date.s) {
        plan_when w;
        memset(&w, 0, sizeof w);
        w.text = l->date;
        plan_when_resolve(&w, (plan_date){0, 0, 0});
        if (w.prec == PLAN_PREC_DAY)
            l->date_value = w.lo;
        else
            report(b, PLAN_RULE_SCHEMA_VALUE, l->date.pos,
                   _("'%s' is not a date; <lineage date> is the parent's date as "
                     "YYYY-MM-DD"),
                   l->date.s);
    }
    if (l->fingerprint.s && *l->fingerprint.s) {
        const char *f = l->fingerprint.s;
        size_t k = strspn(f, "0123456789abcdef");
        l->fp_ok = k == 16 && f[16] == '\0';
        if (l->fp_ok)
            l->fp = strtoull(f, NULL, 16);
        else
            report(b, PLAN_RULE_SCHEMA_VALUE, l->fingerprint.pos,
                   _("'%s' is not a fingerprint; <lineage fingerprint> is 16 hexadecimal "
                     "digits in lower case, as plan new writes it"),
                   f);
    }
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c))
        unknown_element(b, c, "lineage");
}

/* ---- header ---- */

static plan_level infer_level(const char *issuer, const char *parent)
{
    if (!issuer)
        return PLAN_LEVEL_UNKNOWN;
    char *f = plan_utf8_fold_ascii(issuer);
    plan_level l = PLAN_LEVEL_UNKNOWN;
    if (strstr(f, "thu tuong") || strstr(f, "chinh phu"))
        l = PLAN_LEVEL_CENTRAL;
    else if (strncmp(f, "bo ", 3) == 0)
        l = PLAN_LEVEL_MINISTRY;
    else if ((strstr(f, "uy ban nhan dan") || strstr(f, "ubnd")) &&
             (strstr(f, "tinh") || strstr(f, "thanh pho")))
        l = strstr(f, "huyen") || strstr(f, "quan ") ? PLAN_LEVEL_DISTRICT : PLAN_LEVEL_PROVINCE;
    else if ((strstr(f, "uy ban nhan dan") || strstr(f, "ubnd")) &&
             (strstr(f, "xa ") || strstr(f, "phuong") || strstr(f, "dac khu")))
        l = PLAN_LEVEL_COMMUNE;
    else if ((strstr(f, "uy ban nhan dan") || strstr(f, "ubnd")) &&
             (strstr(f, "huyen") || strstr(f, "quan") || strstr(f, "thi xa")))
        l = PLAN_LEVEL_DISTRICT;
    else if (strncmp(f, "so ", 3) == 0)
        l = PLAN_LEVEL_DEPARTMENT;
    else if (strncmp(f, "van phong", 9) == 0 && parent) {
        char *g = plan_utf8_fold_ascii(parent);
        l = strstr(g, "tinh") || strstr(g, "thanh pho") ? PLAN_LEVEL_DEPARTMENT : PLAN_LEVEL_UNIT;
        free(g);
    } else if (parent)
        l = PLAN_LEVEL_UNIT;
    free(f);
    return l;
}

static void build_header(builder *b, const plan_xnode *n)
{
    static const char *const none[] = {NULL};
    static const char *const issuer_attrs[] = {"abbr", "level", "locality", NULL};
    static const char *const number_attrs[] = {"serial", "year", "type-code", "issuer-code",
                                               "party", NULL};
    static const char *const date_attrs[] = {"iso", NULL};
    static const char *const levels[] = {"central", "ministry", "province", "department",
                                         "district", "commune", "unit", NULL};
    plan_header *h = &b->doc->header;
    h->pos = pos_of(b, n);
    check_attrs(b, n, none);
    int level_given = 0;
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        const char *nm = name_of(c);
        plan_text *slot = NULL;
        if (!nm) {
            unknown_element(b, c, "header");
            continue;
        }
        if (eq(nm, "national-name"))
            slot = &h->national_name;
        else if (eq(nm, "motto"))
            slot = &h->motto;
        else if (eq(nm, "parent-body"))
            slot = &h->parent_body;
        else if (eq(nm, "place"))
            slot = &h->place;
        else if (eq(nm, "doc-type"))
            slot = &h->doc_type;
        else if (eq(nm, "subject"))
            slot = &h->subject;
        else if (eq(nm, "theme"))
            slot = &h->theme;
        if (slot) {
            check_attrs(b, c, none);
            once(b, c, slot->s);
            /* The Quốc hiệu is the decree's fixed text, "CỘNG HÒA …", in
             * either style (HDR-QUOCHIEU compares it letter for letter). */
            *slot = text_req_styled(b, c, slot == &h->national_name ? PLAN_TONE_OLD : b->tone);
        } else if (eq(nm, "issuer")) {
            check_attrs(b, c, issuer_attrs);
            once(b, c, h->issuer.s);
            h->issuer = text_req(b, c);
            h->issuer_abbr = attr(b, c, "abbr");
            h->locality = attr(b, c, "locality");
            const char *lv = attr(b, c, "level");
            if (lv) {
                h->issuer_level = (plan_level)(tokens(b, c, "level", lv, levels, 0) + 1);
                level_given = 1;
            }
        } else if (eq(nm, "number")) {
            check_attrs(b, c, number_attrs);
            once(b, c, h->number.text.s);
            h->number.text = text_req(b, c);
        } else if (eq(nm, "date")) {
            check_attrs(b, c, date_attrs);
            once(b, c, h->date.text.s);
            h->date.text = text_req(b, c);
        } else if (eq(nm, "lineage")) {
            build_lineage(b, c);
        } else {
            unknown_element(b, c, "header");
        }
    }
    if (!level_given)
        h->issuer_level = infer_level(h->issuer.s, h->parent_body.s);
}

/* ---- basis ---- */

static void build_document(builder *b, const plan_xnode *n, plan_document ***tail)
{
    static const char *const attrs[] = {"relation", "id", "inherited", NULL};
    static const char *const none[] = {NULL};
    static const char *const number_attrs[] = {"serial", "year", "type-code", "issuer-code",
                                               "party", NULL};
    static const char *const date_attrs[] = {"iso", NULL};
    static const char *const rel[] = {"implements", "based-on", "cited", NULL};
    plan_document *doc = plan_arena_alloc(b->a, sizeof *doc);
    doc->pos = pos_of(b, n);
    check_attrs(b, n, attrs);
    doc->inherited = inherited_of(b, n);
    const char *r = attr(b, n, "relation");
    if (!r)
        report(b, PLAN_RULE_SCHEMA_MISSING, doc->pos,
               _("<document> needs attribute relation=\"implements\", \"based-on\" or "
                 "\"cited\""));
    else
        doc->relation = (plan_relation)tokens(b, n, "relation", r, rel, 0);
    doc->id = attr(b, n, "id");
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        const char *nm = name_of(c);
        if (nm && eq(nm, "doc-type")) {
            check_attrs(b, c, none);
            once(b, c, doc->doc_type.s);
            doc->doc_type = text_req(b, c);
        } else if (nm && eq(nm, "number")) {
            check_attrs(b, c, number_attrs);
            once(b, c, doc->number.text.s);
            doc->number.text = text_req(b, c);
        } else if (nm && eq(nm, "date")) {
            check_attrs(b, c, date_attrs);
            once(b, c, doc->date.text.s);
            doc->date.text = text_req(b, c);
        } else if (nm && eq(nm, "issuer")) {
            check_attrs(b, c, none);
            once(b, c, doc->issuer.s);
            doc->issuer = text_req(b, c);
        } else if (nm && eq(nm, "title")) {
            check_attrs(b, c, none);
            once(b, c, doc->title.s);
            doc->title = text_req(b, c);
        } else {
            unknown_element(b, c, "document");
        }
    }
    if (!doc->doc_type.s)
        report(b, PLAN_RULE_SCHEMA_MISSING, doc->pos,
               _("<document> needs a <doc-type> (Luật, Nghị định, Quyết định, Kế hoạch …)"));
    **tail = doc;
    *tail = &doc->next;
}

static void build_basis(builder *b, const plan_xnode *n)
{
    static const char *const none[] = {NULL};
    plan_doc *d = b->doc;
    d->has_basis = 1;
    d->basis_pos = pos_of(b, n);
    check_attrs(b, n, none);
    plan_document **dtail = &d->documents;
    while (*dtail)
        dtail = &(*dtail)->next;
    plan_textlist **ttail = &d->basis_text;
    while (*ttail)
        ttail = &(*ttail)->next;
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        if (is(c, "p")) {
            check_attrs(b, c, none);
            textlist_add(b, &ttail, text_req(b, c));
        } else if (is(c, "document")) {
            build_document(b, c, &dtail);
        } else {
            unknown_element(b, c, "basis");
        }
    }
}

/* ---- body ---- */

static void link_block(plan_block *parent, plan_block **first, plan_block **last, plan_block *blk)
{
    blk->parent = parent;
    if (*last)
        (*last)->next = blk;
    else
        *first = blk;
    *last = blk;
}

static void build_children(builder *b, const plan_xnode *n, plan_block *parent, int depth,
                           plan_block **first, plan_block **last);

static plan_when when_of(builder *b, const plan_xnode *n)
{
    plan_when w;
    memset(&w, 0, sizeof w);
    w.text = text_req(b, n);
    w.event = -1;
    return w;
}

static void build_award(builder *b, const plan_xnode *n, plan_block *blk)
{
    static const char *const attrs[] = {"mode", "for", "inherited", NULL};
    static const char *const none[] = {NULL};
    static const char *const quota_attrs[] = {"for", "count", NULL};
    static const char *const modes[] = {"grant", "propose", NULL};
    plan_award *a = plan_arena_alloc(b->a, sizeof *a);
    a->pos = blk->pos;
    a->block = blk;
    blk->award = a;
    check_attrs(b, n, attrs);
    blk->inherited = inherited_of(b, n);
    const char *m = attr(b, n, "mode");
    if (!m)
        report(b, PLAN_RULE_SCHEMA_MISSING, a->pos,
               _("<award> needs attribute mode=\"grant\" (the issuer awards it) or "
                 "\"propose\" (proposed to a higher level)"));
    else
        a->mode = (plan_award_mode)tokens(b, n, "mode", m, modes, 0);
    a->for_mask = for_mask(b, n, 0);
    plan_quota **qt = &a->quotas;
    plan_textlist **st = &a->standards;
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        const char *nm = name_of(c);
        if (nm && eq(nm, "name")) {
            check_attrs(b, c, none);
            once(b, c, a->name.s);
            a->name = text_req(b, c);
        } else if (nm && eq(nm, "authority")) {
            check_attrs(b, c, none);
            once(b, c, a->authority.s);
            a->authority = text_req(b, c);
        } else if (nm && eq(nm, "timing")) {
            check_attrs(b, c, none);
            once(b, c, a->timing.s);
            a->timing = text_req(b, c);
        } else if (nm && eq(nm, "standard")) {
            check_attrs(b, c, none);
            textlist_add(b, &st, text_req(b, c));
        } else if (nm && eq(nm, "quota")) {
            check_attrs(b, c, quota_attrs);
            plan_quota *q = plan_arena_alloc(b->a, sizeof *q);
            q->pos = pos_of(b, c);
            q->for_mask = for_mask(b, c, 1);
            q->text = text_req(b, c);
            char *end = NULL;
            q->count = strtol(q->text.s, &end, 10);
            q->count_ok = end && end != q->text.s && *end == '\0';
            *qt = q;
            qt = &q->next;
        } else {
            unknown_element(b, c, "award");
        }
    }
    if (!a->name.s)
        report(b, PLAN_RULE_SCHEMA_MISSING, a->pos,
               _("<award> needs a <name>, e.g. <name>Giấy khen của Giám đốc Sở</name>"));
    *b->award_tail = a;
    b->award_tail = &a->next;
}

static void build_period(builder *b, const plan_xnode *n, plan_block *blk)
{
    static const char *const none[] = {NULL};
    static const char *const when_attrs[] = {"iso", "precision", NULL};
    plan_period *p = plan_arena_alloc(b->a, sizeof *p);
    p->pos = blk->pos;
    p->block = blk;
    p->start.event = p->end.event = -1;
    blk->period = p;
    static const char *const period_attrs[] = {"inherited", NULL};
    check_attrs(b, n, period_attrs);
    blk->inherited = inherited_of(b, n);
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        const char *nm = name_of(c);
        if (nm && eq(nm, "p")) {
            check_attrs(b, c, none);
            once(b, c, p->p.s);
            p->p = text_req(b, c);
        } else if (nm && eq(nm, "start")) {
            check_attrs(b, c, when_attrs);
            once(b, c, p->start.text.s);
            p->start = when_of(b, c);
        } else if (nm && eq(nm, "end")) {
            check_attrs(b, c, when_attrs);
            once(b, c, p->end.text.s);
            p->end = when_of(b, c);
        } else {
            unknown_element(b, c, "period");
        }
    }
    *b->period_tail = p;
    b->period_tail = &p->next;
}

static void build_deadline(builder *b, const plan_xnode *n, plan_block *blk)
{
    static const char *const attrs[] = {"kind", "inherited", NULL};
    static const char *const none[] = {NULL};
    static const char *const item_attrs[] = {"form", "source", NULL};
    static const char *const when_attrs[] = {"iso", "precision", NULL};
    static const char *const kinds[] = {"dossier", "report", "proposal", "review", "plan",
                                        "other", NULL};
    plan_deadline *dl = plan_arena_alloc(b->a, sizeof *dl);
    dl->pos = blk->pos;
    dl->block = blk;
    dl->due.event = -1;
    blk->deadline = dl;
    check_attrs(b, n, attrs);
    blk->inherited = inherited_of(b, n);
    const char *k = attr(b, n, "kind");
    if (!k)
        report(b, PLAN_RULE_SCHEMA_MISSING, dl->pos,
               _("<deadline> needs attribute kind=\"dossier\", \"report\", \"proposal\", "
                 "\"review\", \"plan\" or \"other\""));
    else
        dl->kind = (plan_deadline_kind)tokens(b, n, "kind", k, kinds, 0);
    plan_dossier_item **it = &dl->items;
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        const char *nm = name_of(c);
        plan_text *slot = NULL;
        if (!nm) {
            unknown_element(b, c, "deadline");
            continue;
        }
        if (eq(nm, "p"))
            slot = &dl->p;
        else if (eq(nm, "what"))
            slot = &dl->what;
        else if (eq(nm, "from"))
            slot = &dl->from;
        else if (eq(nm, "to"))
            slot = &dl->to;
        if (slot) {
            check_attrs(b, c, none);
            once(b, c, slot->s);
            *slot = text_req(b, c);
        } else if (eq(nm, "due")) {
            check_attrs(b, c, when_attrs);
            once(b, c, dl->due.text.s);
            dl->due = when_of(b, c);
        } else if (eq(nm, "item")) {
            check_attrs(b, c, item_attrs);
            plan_dossier_item *i = plan_arena_alloc(b->a, sizeof *i);
            i->text = text_req(b, c);
            i->form = attr(b, c, "form");
            i->source = attr(b, c, "source");
            i->form_pos = i->form ? plan_xml_attr_pos(b->x, c, "form") : i->text.pos;
            *it = i;
            it = &i->next;
        } else {
            unknown_element(b, c, "deadline");
        }
    }
    if (!dl->what.s)
        report(b, PLAN_RULE_SCHEMA_MISSING, dl->pos,
               _("<deadline> needs a <what>: what is due (Hồ sơ đề nghị khen thưởng, "
                 "Báo cáo tổng kết …)"));
    *b->deadline_tail = dl;
    b->deadline_tail = &dl->next;
}

static void build_assignment(builder *b, const plan_xnode *n, plan_block *blk)
{
    static const char *const attrs[] = {"mode", "number", "written", NULL};
    static const char *const none[] = {NULL};
    static const char *const task_attrs[] = {"roles", "due", "due-iso", "to", NULL};
    static const char *const modes[] = {"assign", "request", NULL};
    static const char *const roles[] = {"lead", "coordinate", "advise", "monitor", "guide",
                                        "report", "appraise", "communicate", "implement",
                                        "nominate", "supervise", NULL};
    plan_assignment *as = plan_arena_alloc(b->a, sizeof *as);
    as->pos = blk->pos;
    as->block = blk;
    blk->assignment = as;
    check_attrs(b, n, attrs);
    const char *m = attr(b, n, "mode");
    if (m)
        as->mode = (plan_assign_mode)(tokens(b, n, "mode", m, modes, 0) + 1);
    plan_textlist **ot = &as->offices;
    plan_task **tt = &as->tasks;
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c)) {
        if (is(c, "office")) {
            check_attrs(b, c, none);
            textlist_add(b, &ot, text_req(b, c));
        } else if (is(c, "task")) {
            check_attrs(b, c, task_attrs);
            plan_task *t = plan_arena_alloc(b->a, sizeof *t);
            t->pos = pos_of(b, c);
            t->text = text_req(b, c);
            t->due.event = -1;
            const char *r = attr(b, c, "roles");
            if (r)
                t->roles = tokens(b, c, "roles", r, roles, 1);
            const char *due = attr(b, c, "due");
            if (due) {
                t->due.text.s = due;
                t->due.text.pos = plan_xml_attr_pos(b->x, c, "due");
            }
            t->to = attr(b, c, "to");
            *tt = t;
            tt = &t->next;
        } else {
            unknown_element(b, c, "assignment");
        }
    }
    if (!as->offices)
        report(b, PLAN_RULE_SCHEMA_MISSING, as->pos,
               _("<assignment> needs at least one <office>: who is responsible"));
    *b->assign_tail = as;
    b->assign_tail = &as->next;
}

static double parse_amount(const char *v, int *ok)
{
    /* "136.711" thousands, "74,6" decimal, "610" plain (rules.md §6). */
    size_t n = strlen(v);
    char buf[64];
    size_t o = 0;
    int dots = 0, commas = 0, group = 0, bad_group = 0;
    *ok = 0;
    if (n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (isdigit((unsigned char)c)) {
            buf[o++] = c;
            group++;
        } else if (c == '.') {
            if (dots && group != 3)
                bad_group = 1;
            if (!dots && (group < 1 || group > 3))
                bad_group = 1;
            dots++;
            group = 0;
        } else if (c == ',' && !commas) {
            if (dots && group != 3)
                bad_group = 1;
            commas++;
            buf[o++] = '.';
            group = 0;
        } else {
            return 0;
        }
    }
    if (dots && !commas && group != 3)
        bad_group = 1;
    if (bad_group || o == 0)
        return 0;
    buf[o] = '\0';
    *ok = 1;
    return strtod(buf, NULL);
}

static void build_block(builder *b, const plan_xnode *c, plan_block *parent, int depth,
                        plan_block **first, plan_block **last)
{
    static const char *const none[] = {NULL};
    static const char *const section_attrs[] = {"number", "written", "role", "inherited",
                                                NULL};
    static const char *const item_attrs[] = {"form", "source", NULL};
    static const char *const indicator_attrs[] = {"value", "amount", "unit", "comparison", NULL};
    static const char *const for_attrs[] = {"for", NULL};
    static const char *const roles[] = {"purposes", "requirements", "content", "targets",
                                        "criteria", "awards", "period", "dossier",
                                        "solutions", "organisation", "theme", "other", NULL};
    const char *nm = name_of(c);
    plan_block *blk = plan_arena_alloc(b->a, sizeof *blk);
    blk->pos = pos_of(b, c);
    take_pending(b, blk);
    if (!nm) {
        unknown_element(b, c, parent ? "section" : "body");
        return;
    }
    if (eq(nm, "section")) {
        blk->kind = PLAN_B_SECTION;
        check_attrs(b, c, section_attrs);
        plan_section *s = plan_arena_alloc(b->a, sizeof *s);
        blk->section = s;
        s->depth = depth;
        blk->inherited = inherited_of(b, c);
        const char *w = attr(b, c, "written");
        const char *num = w ? w : attr(b, c, "number");
        if (num) {
            blk->number.s = num;
            blk->number.pos = plan_xml_attr_pos(b->x, c, w ? "written" : "number");
        }
        const char *r = attr(b, c, "role");
        if (r)
            s->roles = tokens(b, c, "role", r, roles, 1);
        link_block(parent, first, last, blk);
        const plan_xnode *k = next_el(b, c, NULL);
        if (k && is(k, "heading")) {
            check_attrs(b, k, none);
            s->heading = text_req(b, k);
            k = next_el(b, c, k);
        }
        plan_block *cf = NULL, *cl = NULL;
        for (; k; k = next_el(b, c, k)) {
            if (is(k, "heading"))
                report(b, PLAN_RULE_SCHEMA_UNKNOWN, pos_of(b, k),
                       _("<heading> must be the first element of its <section>"));
            else
                build_block(b, k, blk, depth + 1, &cf, &cl);
        }
        blk->first = cf;
        blk->last = cl;
        return;
    }
    if (eq(nm, "p") || eq(nm, "item")) {
        blk->kind = nm[0] == 'p' ? PLAN_B_P : PLAN_B_ITEM;
        check_attrs(b, c, blk->kind == PLAN_B_P ? none : item_attrs);
        blk->text = text_req(b, c);
        if (blk->kind == PLAN_B_ITEM) {
            blk->form = attr(b, c, "form");
            blk->source = attr(b, c, "source");
        }
    } else if (eq(nm, "indicator")) {
        blk->kind = PLAN_B_INDICATOR;
        check_attrs(b, c, indicator_attrs);
        blk->text = text_req(b, c);
        plan_indicator *ind = plan_arena_alloc(b->a, sizeof *ind);
        ind->block = blk;
        ind->value = attr(b, c, "value");
        if (ind->value) {
            ind->value_pos = plan_xml_attr_pos(b->x, c, "value");
            ind->amount = parse_amount(ind->value, &ind->amount_ok);
        }
        ind->unit = attr(b, c, "unit");
        ind->comparison = attr(b, c, "comparison");
        blk->indicator = ind;
        *b->indicator_tail = ind;
        b->indicator_tail = &ind->next;
    } else if (eq(nm, "target-group") || eq(nm, "criterion")) {
        blk->kind = nm[0] == 't' ? PLAN_B_TARGET : PLAN_B_CRITERION;
        check_attrs(b, c, for_attrs);
        blk->for_mask = for_mask(b, c, 1);
        blk->text = text_req(b, c);
    } else if (eq(nm, "award")) {
        blk->kind = PLAN_B_AWARD;
        build_award(b, c, blk);
    } else if (eq(nm, "period")) {
        blk->kind = PLAN_B_PERIOD;
        build_period(b, c, blk);
    } else if (eq(nm, "deadline")) {
        blk->kind = PLAN_B_DEADLINE;
        build_deadline(b, c, blk);
    } else if (eq(nm, "assignment")) {
        blk->kind = PLAN_B_ASSIGNMENT;
        build_assignment(b, c, blk);
        const char *w = attr(b, c, "written");
        const char *num = w ? w : attr(b, c, "number");
        if (num) {
            blk->number.s = num;
            blk->number.pos = plan_xml_attr_pos(b->x, c, w ? "written" : "number");
        }
    } else {
        unknown_element(b, c, parent ? "section" : "body");
        return;
    }
    link_block(parent, first, last, blk);
}

static void build_children(builder *b, const plan_xnode *n, plan_block *parent, int depth,
                           plan_block **first, plan_block **last)
{
    for (const plan_xnode *c = next_el(b, n, NULL); c; c = next_el(b, n, c))
        build_block(b, c, parent, depth, first, last);
}

/* ---- section numbering ---- */

/* Classifies a written number: style and value. */
static void classify(plan_block *blk)
{
    const char *s = blk->number.s;
    blk->num_style = PLAN_NUM_NONE;
    blk->num_value = 0;
    if (!s || !*s)
        return;
    size_t n = strlen(s);
    /* Roman: letters I V X then an optional "." */
    size_t k = 0;
    while (k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
        k++;
    if (k > 0 && (k == n || (k + 1 == n && s[k] == '.'))) {
        int v = plan_roman_value(s, k);
        if (v) {
            blk->num_style = PLAN_NUM_ROMAN;
            blk->num_value = v;
            return;
        }
    }
    /* Arabic and dotted: digits (. digits)* then an optional "." */
    k = 0;
    int parts = 0, last = 0;
    while (k < n && isdigit((unsigned char)s[k])) {
        int v = 0;
        while (k < n && isdigit((unsigned char)s[k])) {
            if (v < 100000) /* longer numbers are no section numbers; avoid overflow */
                v = v * 10 + (s[k] - '0');
            k++;
        }
        parts++;
        last = v;
        if (k < n && s[k] == '.' && k + 1 < n && isdigit((unsigned char)s[k + 1]))
            k++;
        else
            break;
    }
    if (parts > 0 && (k == n || (k + 1 == n && (s[k] == '.' || s[k] == ',' || s[k] == ')')))) {
        blk->num_style = parts == 1 ? PLAN_NUM_ARABIC : PLAN_NUM_DOTTED;
        blk->num_value = last;
        return;
    }
    /* Letter: one Vietnamese letter, either case, then ")" */
    if (n >= 2 && s[n - 1] == ')') {
        char *f = plan_utf8_fold(s);
        f[strlen(f) - 1] = '\0';
        for (int i = 1; i <= 23; i++)
            if (strcmp(f, plan_viet_letter(i)) == 0) {
                blk->num_style = PLAN_NUM_LETTER;
                blk->num_value = i;
            }
        free(f);
        if (blk->num_style == PLAN_NUM_LETTER)
            return;
    }
    blk->num_style = PLAN_NUM_BAD;
}

/* A block's normalized number, in the arena: head (n bytes), sep, k in
 * decimal when k > 0, then tail ("II.", "2.3.", "a)", "4."). Written by
 * hand: a printf for each numbered block of each plan cost more than the
 * rest of the numbering. */
static char *number_text(plan_arena *a, const char *head, size_t n, const char *sep, int k,
                         const char *tail)
{
    char digits[12], rev[12];
    size_t d = 0, t = 0, ns = strlen(sep), nt = strlen(tail);
    for (unsigned v = k > 0 ? (unsigned)k : 0; v; v /= 10)
        rev[t++] = (char)('0' + v % 10);
    while (t)
        digits[d++] = rev[--t];
    char *r = plan_arena_alloc(a, n + ns + d + nt + 1);
    memcpy(r, head, n);
    memcpy(r + n, sep, ns);
    memcpy(r + n + ns, digits, d);
    memcpy(r + n + ns + d, tail, nt + 1);
    return r;
}

static void renumber(builder *b, plan_block *first, const char *parent_norm)
{
    int k = 0, style = PLAN_NUM_NONE;
    for (plan_block *c = first; c; c = c->next) {
        if (c->kind != PLAN_B_SECTION && c->kind != PLAN_B_ASSIGNMENT)
            continue;
        classify(c);
        if (c->num_style == PLAN_NUM_NONE) {
            if (c->kind == PLAN_B_SECTION)
                renumber(b, c->first, parent_norm);
            continue;
        }
        if (style == PLAN_NUM_NONE && c->num_style != PLAN_NUM_BAD)
            style = c->num_style;
        int st = c->num_style != PLAN_NUM_BAD ? c->num_style : style;
        k++;
        switch (st) {
        case PLAN_NUM_ROMAN:
            c->normalized = number_text(b->a, plan_roman(k), strlen(plan_roman(k)), "", 0, ".");
            break;
        case PLAN_NUM_DOTTED: {
            /* prefix: the parent's number when it is Arabic or dotted, else as written */
            const char *pre = NULL;
            size_t plen = 0;
            if (parent_norm && isdigit((unsigned char)parent_norm[0])) {
                pre = parent_norm;
                plen = strlen(pre);
                if (plen && pre[plen - 1] == '.')
                    plen--;
            } else {
                const char *s = c->number.s;
                const char *dot = strrchr(s, '.');
                if (dot && dot[1] == '\0') {
                    const char *q = dot;
                    while (q > s && q[-1] != '.')
                        q--;
                    dot = q > s ? q - 1 : NULL;
                }
                pre = s;
                plen = dot ? (size_t)(dot - s) : 0;
            }
            c->normalized = number_text(b->a, pre, plen, ".", k, ".");
            break;
        }
        case PLAN_NUM_LETTER:
            c->normalized = number_text(b->a, plan_viet_letter(k), strlen(plan_viet_letter(k)), "", 0, ")");
            break;
        default:
            c->normalized = number_text(b->a, "", 0, "", k, ".");
            break;
        }
        if (c->kind == PLAN_B_SECTION)
            renumber(b, c->first, c->normalized);
    }
}

/* ---- plan kind ---- */

static void infer_kind(plan_doc *d)
{
    if (d->kind_explicit)
        return;
    d->kind = PLAN_KIND_CAMPAIGN;
    if (!d->header.subject.s)
        return;
    char *f = plan_utf8_fold_ascii(d->header.subject.s);
    if (strstr(f, "yeu nuoc nam") && !strstr(f, "chao mung") && !strstr(f, "dot thi dua") &&
        !strstr(f, "dac biet") && !strstr(f, "chuyen de"))
        d->kind = PLAN_KIND_REGULAR;
    free(f);
}

/* ---- resolution of dates and notations ---- */

static void resolve_all(plan_doc *d, plan_block *first, plan_date issue)
{
    for (plan_block *c = first; c; c = c->next) {
        if (c->period) {
            plan_when_resolve(&c->period->start, issue);
            plan_when_resolve(&c->period->end, issue);
        } else if (c->deadline) {
            plan_when_resolve(&c->deadline->due, issue);
        } else if (c->assignment) {
            for (plan_task *t = c->assignment->tasks; t; t = t->next)
                plan_when_resolve(&t->due, issue);
        }
        if (c->first)
            resolve_all(d, c->first, issue);
    }
}

static void resolve(builder *b)
{
    plan_doc *d = b->doc;
    plan_when_resolve(&d->header.date, (plan_date){0, 0, 0});
    plan_date issue = d->header.date.prec == PLAN_PREC_DAY ? d->header.date.lo
                                                           : (plan_date){0, 0, 0};
    plan_notation_parse(b->a, &d->header.number);
    for (plan_document *doc = d->documents; doc; doc = doc->next) {
        plan_notation_parse(b->a, &doc->number);
        plan_when_resolve(&doc->date, issue);
    }
    resolve_all(d, d->body, issue);
}

/* ---- the root ---- */

static plan_doc *build(plan_source *src, const plan_xml *x, plan_diags *d,
                       plan_tone_style tone)
{
    static const char *const root_attrs[] = {"kind", NULL};
    static const char *const none[] = {NULL};
    static const char *const kinds[] = {"campaign", "regular", NULL};
    plan_arena *a = plan_arena_new();
    plan_doc *doc = plan_arena_alloc(a, sizeof *doc);
    doc->arena = a;
    doc->src = src;
    doc->file = src->name;
    builder b = {.doc = doc, .x = x, .d = d, .a = a, .award_tail = &doc->awards,
                 .period_tail = &doc->periods, .deadline_tail = &doc->deadlines,
                 .assign_tail = &doc->assignments, .indicator_tail = &doc->indicators,
                 .pi_tail = &doc->pis, .npending = 0, .tone = tone};
    const plan_xnode *root = x->root;
    for (const plan_xnode *c = x->children; c; c = c->next)
        if (c->type == PLAN_X_PI)
            add_pi(&b, c);
    if (!root || !is(root, "plan")) {
        plan_pos p = root ? pos_of(&b, root) : (plan_pos){1, 1};
        plan_diag *g = report(&b, PLAN_RULE_XML_NAMESPACE, p,
                              _("the root element must be <plan> in namespace %s"), PLAN_NS);
        plan_diag_note(g, _("start the file with <plan xmlns=\"%s\">"), PLAN_NS);
        return doc;
    }
    doc->pos = pos_of(&b, root);
    check_attrs(&b, root, root_attrs);
    const char *k = attr(&b, root, "kind");
    if (k) {
        doc->kind = (plan_kind)tokens(&b, root, "kind", k, kinds, 0);
        doc->kind_explicit = 1;
    }
    /* Children in the canonical order; out-of-order parts are reported. */
    static const char *const order[] = {"header", "basis", "body", "closing", "signature",
                                        "recipients", NULL};
    int last = -1, seen[6] = {0};
    plan_block *last_blk = NULL;
    plan_textlist **ct = &doc->closing;
    for (const plan_xnode *c = next_el(&b, root, NULL); c; c = next_el(&b, root, c)) {
        const char *nm = name_of(c);
        int idx = -1;
        for (int i = 0; nm && order[i]; i++)
            if (strcmp(order[i], nm) == 0)
                idx = i;
        if (idx < 0) {
            unknown_element(&b, c, "plan");
            continue;
        }
        if (seen[idx]) {
            once(&b, c, c);
            continue;
        }
        if (idx < last)
            report(&b, PLAN_RULE_SCHEMA_ORDER, pos_of(&b, c),
                   _("<%s> must come before <%s>; the order is header, basis, body, closing, "
                     "signature, recipients"),
                   nm, order[last]);
        seen[idx] = 1;
        if (idx > last)
            last = idx;
        switch (idx) {
        case 0:
            build_header(&b, c);
            break;
        case 1:
            build_basis(&b, c);
            break;
        case 2:
            check_attrs(&b, c, none);
            doc->body_pos = pos_of(&b, c);
            build_children(&b, c, NULL, 1, &doc->body, &last_blk);
            doc->body_end = plan_source_pos(src, src->len);
            for (const plan_xnode *n = c->next; n; n = n->next)
                if (n->type == PLAN_X_ELEMENT) {
                    doc->body_end = pos_of(&b, n);
                    break;
                }
            break;
        case 3:
            check_attrs(&b, c, none);
            for (const plan_xnode *p = next_el(&b, c, NULL); p; p = next_el(&b, c, p)) {
                if (is(p, "p")) {
                    check_attrs(&b, p, none);
                    textlist_add(&b, &ct, text_req(&b, p));
                } else {
                    unknown_element(&b, p, "closing");
                }
            }
            break;
        case 4: {
            static const char *const none2[] = {NULL};
            doc->has_signature = 1;
            doc->signature_pos = pos_of(&b, c);
            check_attrs(&b, c, none2);
            plan_textlist **cap = &doc->capacities;
            for (const plan_xnode *p = next_el(&b, c, NULL); p; p = next_el(&b, c, p)) {
                check_attrs(&b, p, none2);
                if (is(p, "capacity"))
                    textlist_add(&b, &cap, text_req(&b, p));
                else if (is(p, "title")) {
                    once(&b, p, doc->sign_title.s);
                    doc->sign_title = text_req(&b, p);
                } else if (is(p, "name")) {
                    once(&b, p, doc->sign_name.s);
                    doc->sign_name = text_req(&b, p);
                } else
                    unknown_element(&b, p, "signature");
            }
            break;
        }
        case 5: {
            static const char *const rec_attrs[] = {"note", NULL};
            doc->has_recipients = 1;
            doc->recipients_pos = pos_of(&b, c);
            check_attrs(&b, c, none);
            plan_textlist **rt = &doc->recipients;
            for (const plan_xnode *p = next_el(&b, c, NULL); p; p = next_el(&b, c, p)) {
                if (is(p, "recipient")) {
                    check_attrs(&b, p, rec_attrs);
                    plan_textlist *l = textlist_add(&b, &rt, text_req(&b, p));
                    l->note = attr(&b, p, "note");
                } else if (is(p, "archive")) {
                    check_attrs(&b, p, none);
                    once(&b, p, doc->archive.s);
                    doc->archive = text_req(&b, p);
                } else {
                    unknown_element(&b, p, "recipients");
                }
            }
            break;
        }
        }
    }
    if (!seen[0])
        report(&b, PLAN_RULE_SCHEMA_MISSING, doc->pos,
               _("<plan> needs a <header> (issuer, number, place and date, KẾ HOẠCH, "
                 "trích yếu)"));
    if (!seen[2])
        report(&b, PLAN_RULE_SCHEMA_MISSING, doc->pos,
               _("<plan> needs a <body> with the sections of the plan"));
    take_pending(&b, NULL);
    renumber(&b, doc->body, NULL);
    infer_kind(doc);
    resolve(&b);
    return doc;
}

plan_doc *plan_model_build(plan_source *src, const plan_xml *x, plan_diags *d)
{
    return build(src, x, d, PLAN_TONE_OLD);
}

void plan_doc_free(plan_doc *doc)
{
    if (!doc)
        return;
    plan_source *src = doc->src;
    plan_arena_free(doc->arena);
    plan_source_free(src);
}

static int read_source(plan_source *src, int rc, const plan_load_opts *opts, plan_diags *d,
                       plan_doc **out)
{
    if (rc != PLAN_OK)
        return rc;
    plan_xml *x = plan_parse(src, d);
    if (!x) {
        plan_source_free(src);
        return PLAN_BAD_DOCUMENT;
    }
    *out = build(src, x, d, opts && opts->tone_style == PLAN_TONE_NEW ? PLAN_TONE_NEW
                                                                      : PLAN_TONE_OLD);
    plan_xml_free(x);
    return PLAN_OK;
}

int plan_doc_read(const char *path, const plan_load_opts *opts, plan_diags *d, plan_doc **out)
{
    plan_source *src = NULL;
    *out = NULL;
    int rc = plan_load_file(path, path, opts, d, &src);
    return read_source(src, rc, opts, d, out);
}

int plan_doc_read_bytes(const char *bytes, size_t n, const char *name,
                        const plan_load_opts *opts, plan_diags *d, plan_doc **out)
{
    plan_source *src = NULL;
    *out = NULL;
    int rc = plan_load_bytes(bytes, n, name, opts, d, &src);
    return read_source(src, rc, opts, d, out);
}
