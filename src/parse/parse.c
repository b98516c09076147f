/*
 * parse.c - from the loaded text to the neutral tree of xml.h, in one of
 * two ways (docs/architecture.md, "Parsing"):
 *
 * - the fast scanner (scan.c) for the common case: plain UTF-8 markup that
 *   it can prove well formed and within the limits. It reports nothing:
 *   on any doubt it declines and
 * - libxml2 parses the text, configured for untrusted input (see
 *   docs/design.md): xmlCtxtReadMemory on our own UTF-8 buffer with NONET,
 *   NOERROR, NOWARNING, BIG_LINES and NOCDATA; never NOENT, DTDLOAD,
 *   XINCLUDE, HUGE or RECOVER. A deny-all entity loader is installed once
 *   per process; any DOCTYPE stops the parse. Every diagnostic about the
 *   XML comes from this path. libxml2 2.9.14 has no element columns, so the
 *   start-element callback is wrapped to record each start tag's byte
 *   offset; libxml2's tree is then copied into the neutral tree and freed.
 *
 * The SAX callbacks are also where the limits of the source (depth, number
 * of elements, length of one text, attribute value or comment) are
 * enforced, and a pass before the parse counts the attributes of each start
 * tag: the parse stops at the first place beyond a limit, so time and memory
 * stay bounded whatever the input (docs/format.md, "Hostile input and
 * limits"). All state is per parse, never global.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "parse/xml.h"
#include "plan/i18n.h"
#include "plan/util.h"

typedef struct parse_state {
    const plan_source *src;
    plan_diags *d;
    startElementNsSAX2Func orig_start;
    endElementNsSAX2Func orig_end;
    charactersSAXFunc orig_chars;
    commentSAXFunc orig_comment;
    processingInstructionSAXFunc orig_pi;
    unsigned max_depth;
    size_t max_elements, max_text;
    size_t elements;  /* elements seen so far */
    size_t text_run;  /* bytes of the text being read */
    size_t text_mark; /* where that text starts: after the last tag, comment or PI */
    int doctype;
    int limit;        /* a limit stopped the parse */
    int errors;
} parse_state;

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* no file, no network: external entities never load */
}

void plan_parse_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_loader);
}

void plan_parse_cleanup(void)
{
    xmlCleanupParser();
}

/* End of the start tag beginning at off: the offset of its '>'. */
static size_t tag_end(const plan_source *s, size_t off)
{
    char q = 0;
    for (size_t i = off; i < s->len; i++) {
        char c = s->text[i];
        if (q) {
            if (c == q)
                q = 0;
        } else if (c == '"' || c == '\'') {
            q = c;
        } else if (c == '>') {
            return i;
        }
    }
    return s->len;
}

/* Offset of attribute name in the start tag beginning at off, or off. */
static size_t attr_offset(const plan_source *s, size_t off, const char *name)
{
    size_t end = tag_end(s, off), len = strlen(name);
    const char *t = s->text;
    char q = 0;
    for (size_t i = off + 1; i + len < end; i++) {
        char c = t[i];
        if (q) {
            if (c == q)
                q = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            q = c;
            continue;
        }
        if ((t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '\t') &&
            memcmp(t + i, name, len) == 0) {
            size_t j = i + len;
            while (j < end && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t'))
                j++;
            if (j < end && t[j] == '=')
                return i;
        }
    }
    return off;
}

/* Where the parser is in src->text. */
static size_t input_offset(xmlParserCtxtPtr ctxt, const plan_source *src)
{
    if (!ctxt->input)
        return src->len;
    size_t off = (size_t)ctxt->input->consumed + (size_t)(ctxt->input->cur - ctxt->input->base);
    return off > src->len ? src->len : off;
}

/* Reports that a limit is exceeded at offset off and stops the parse. */
static void limit_hit(xmlParserCtxtPtr ctxt, parse_state *st, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void limit_hit(xmlParserCtxtPtr ctxt, parse_state *st, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_diags_vadd(st->d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, st->src->name,
                    plan_source_pos(st->src, off), fmt, ap);
    va_end(ap);
    st->limit = 1;
    xmlStopParser(ctxt);
}

static void on_start(void *ctx, const xmlChar *ln, const xmlChar *pfx, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nat, int ndef, const xmlChar **at)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->orig_start(ctx, ln, pfx, uri, nns, ns, nat, ndef, at);
    if (!ctxt->node || !ctxt->input)
        return;
    const plan_source *src = st->src;
    size_t off = input_offset(ctxt, src);
    while (off > 0 && src->text[off] != '<')
        off--;
    ctxt->node->_private = (void *)(uintptr_t)(off + 1);
    st->text_run = 0;
    st->text_mark = tag_end(src, off) + 1;
    if (++st->elements > st->max_elements) {
        limit_hit(ctxt, st, off,
                  _("the file has more than %zu elements and this is the first beyond "
                    "the limit; split the plan or raise the limit with --max-elements"),
                  st->max_elements);
        return;
    }
    if (ctxt->nodeNr > 0 && (unsigned)ctxt->nodeNr > st->max_depth) {
        limit_hit(ctxt, st, off,
                  _("elements are nested more than %u levels deep; a plan needs far "
                    "fewer, so the file is probably damaged or hostile (--max-depth sets "
                    "the limit, up to %u)"),
                  st->max_depth, PLAN_MAX_DEPTH_LIMIT);
        return;
    }
    for (int i = 0; i < nat; i++) {
        size_t len = (size_t)(at[5 * i + 4] - at[5 * i + 3]);
        if (len <= st->max_text)
            continue;
        char name[256];
        if (at[5 * i + 1])
            snprintf(name, sizeof name, "%s:%s", (const char *)at[5 * i + 1],
                     (const char *)at[5 * i]);
        else
            snprintf(name, sizeof name, "%s", (const char *)at[5 * i]);
        name[plan_utf8_valid_prefix(name, strlen(name))] = '\0';
        limit_hit(ctxt, st, attr_offset(src, off, name),
                  _("the value of attribute '%s' is %zu bytes long, more than the limit "
                    "of %zu bytes; shorten it or raise the limit with --max-text"),
                  name, len, st->max_text);
        return;
    }
}

static void on_end(void *ctx, const xmlChar *ln, const xmlChar *pfx, const xmlChar *uri)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->orig_end(ctx, ln, pfx, uri);
    st->text_run = 0;
    st->text_mark = input_offset(ctxt, st->src);
}

/* Text, in one or more pieces: counted before libxml2 keeps it, so that a
 * text beyond the limit is never held in memory whole. */
static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->text_run += (size_t)len;
    if (st->text_run > st->max_text) {
        const plan_source *src = st->src;
        size_t i = st->text_mark;
        while (i < src->len && (src->text[i] == ' ' || src->text[i] == '\n' ||
                                src->text[i] == '\t'))
            i++;
        limit_hit(ctxt, st, i,
                  _("a text of more than %zu bytes starts here; shorten it or raise the "
                    "limit with --max-text"),
                  st->max_text);
        return;
    }
    st->orig_chars(ctx, ch, len);
    /* Where the text node starts, for the neutral tree (its first piece). */
    xmlNodePtr last = ctxt->node ? ctxt->node->last : NULL;
    if (last && last->type == XML_TEXT_NODE && !last->_private)
        last->_private = (void *)(uintptr_t)(st->text_mark + 1);
}

/* The offset of the last "<" + what (n bytes) before the parser's position. */
static size_t find_back(xmlParserCtxtPtr ctxt, const plan_source *src, const char *what,
                        size_t n)
{
    size_t off = input_offset(ctxt, src);
    while (off > 0) {
        off--;
        if (src->text[off] == '<' && off + 1 + n <= src->len &&
            memcmp(src->text + off + 1, what, n) == 0)
            return off;
    }
    return 0;
}

static int long_markup(xmlParserCtxtPtr ctxt, parse_state *st, const xmlChar *value,
                       const char *what, size_t n)
{
    size_t len = value ? strlen((const char *)value) : 0;
    if (len <= st->max_text)
        return 0;
    limit_hit(ctxt, st, find_back(ctxt, st->src, what, n),
              _("this comment or processing instruction is %zu bytes long, more than the "
                "limit of %zu bytes; shorten it or raise the limit with --max-text"),
              len, st->max_text);
    return 1;
}

static void on_comment(void *ctx, const xmlChar *value)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (long_markup(ctxt, st, value, "!--", 3))
        return;
    st->orig_comment(ctx, value);
    xmlNodePtr last = ctxt->node ? ctxt->node->last : ctxt->myDoc ? ctxt->myDoc->last : NULL;
    if (last && last->type == XML_COMMENT_NODE && !last->_private)
        last->_private = (void *)(uintptr_t)(find_back(ctxt, st->src, "!--", 3) + 1);
    st->text_run = 0;
    st->text_mark = input_offset(ctxt, st->src);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    char what[64];
    snprintf(what, sizeof what, "?%s", target ? (const char *)target : "");
    if (long_markup(ctxt, st, data, what, strlen(what)))
        return;
    st->orig_pi(ctx, target, data);
    st->text_run = 0;
    st->text_mark = input_offset(ctxt, st->src);
}

static void on_subset(void *ctx, const xmlChar *name, const xmlChar *eid, const xmlChar *sid)
{
    (void)name;
    (void)eid;
    (void)sid;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->doctype = 1;
    const char *p = strstr(st->src->text, "<!DOCTYPE");
    plan_pos pos = plan_source_pos(st->src, p ? (size_t)(p - st->src->text) : 0);
    plan_diag *g = plan_diags_add(st->d, PLAN_RULE_XML_DOCTYPE, PLAN_SEV_ERROR, st->src->name, pos,
                                  _("a DOCTYPE is not allowed in a plan; remove the <!DOCTYPE …> "
                                    "declaration and any entity declarations in it"));
    plan_diag_note(g, _("plan never reads DTDs or entities, so that no file or network "
                        "content can enter a plan"));
    xmlStopParser(ctxt);
}

static void on_error(void *data, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = data;
    parse_state *st = ctxt->_private;
    if (!st || st->doctype || st->limit || e->level < XML_ERR_ERROR)
        return;
    if (st->errors++ > 0)
        return; /* the first error is the one to fix; the rest are echoes */
    /* libxml2's message: its first line only, cut at a character boundary. */
    char msg[256];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "parse error");
    msg[strcspn(msg, "\n")] = '\0';
    size_t n = plan_utf8_valid_prefix(msg, strlen(msg));
    msg[n] = '\0';
    while (n && (msg[n - 1] == ' ' || msg[n - 1] == ':'))
        msg[--n] = '\0';
    plan_pos pos = {(unsigned)(e->line > 0 ? e->line : 1), (unsigned)(e->int2 > 0 ? e->int2 : 1)};
    if (e->code == XML_ERR_INTERNAL_ERROR && strstr(msg, "depth")) {
        /* libxml2's own limit; on_start's comes first unless a caller set a
         * deeper one than libxml2 allows. */
        plan_diags_add(st->d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, st->src->name, pos,
                       _("elements are nested more than %u levels deep; a plan needs far "
                         "fewer, so the file is probably damaged or hostile (--max-depth sets "
                         "the limit, up to %u)"),
                       (unsigned)xmlParserMaxDepth, PLAN_MAX_DEPTH_LIMIT);
        return;
    }
    /* An error at the very end of the input: the file is most likely cut short. */
    int at_end = e->line > 0 && (size_t)e->line >= st->src->nlines - 1;
    if (at_end || e->code == XML_ERR_DOCUMENT_END || e->code == XML_ERR_DOCUMENT_EMPTY ||
        e->code == XML_ERR_TAG_NOT_FINISHED || e->code == XML_ERR_LTSLASH_REQUIRED) {
        plan_diag *g = plan_diags_add(st->d, PLAN_RULE_XML_SYNTAX, PLAN_SEV_ERROR, st->src->name,
                                      pos, _("the XML is not well formed: %s"), msg);
        plan_diag_note(g, _("the file may be truncated: check that every element is closed "
                            "and that it ends with </plan>"));
        return;
    }
    plan_diag *g = plan_diags_add(st->d, PLAN_RULE_XML_SYNTAX, PLAN_SEV_ERROR, st->src->name, pos,
                                  _("the XML is not well formed: %s"), msg);
    if (e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY)
        plan_diag_note(g, _("only the entities &amp; &lt; &gt; &quot; &apos; and character "
                            "references are allowed; write the character itself"));
}

/* The offset just after the first "end" (n bytes) at or after p, or the
 * end of the text. */
static const char *skip_past(const char *p, const char *e, const char *end, size_t n)
{
    while (p < e && (p = memchr(p, end[0], (size_t)(e - p)))) {
        if ((size_t)(e - p) >= n && memcmp(p, end, n) == 0)
            return p + n;
        p++;
    }
    return e;
}

/* libxml2 2.9.14 checks each attribute of a start tag against all those
 * before it and appends each at the end of a list: a start tag with a
 * million attributes takes hours, before any callback could stop it. So the
 * start tags are counted first, in one pass. Returns the offset of the
 * first attribute beyond max in a start tag, or SIZE_MAX. */
static size_t too_many_attributes(const plan_source *src, size_t max)
{
    const char *t = src->text, *e = t + src->len, *p = t;
    while (p < e && (p = memchr(p, '<', (size_t)(e - p)))) {
        p++;
        if (p < e && *p == '!') {
            if (e - p >= 3 && p[1] == '-' && p[2] == '-')
                p = skip_past(p + 3, e, "-->", 3);
            else if (e - p >= 8 && memcmp(p, "![CDATA[", 8) == 0)
                p = skip_past(p + 8, e, "]]>", 3);
            continue; /* a DOCTYPE stops the parse anyway */
        }
        if (p < e && *p == '?') {
            p = skip_past(p + 1, e, "?>", 2);
            continue;
        }
        if (p < e && *p == '/')
            continue;
        size_t n = 0;
        while (p < e && *p != '>' && *p != '<') {
            if (*p == '"' || *p == '\'') {
                const char *q = memchr(p + 1, *p, (size_t)(e - p - 1));
                p = q ? q + 1 : e;
                continue;
            }
            if (*p == '=' && ++n > max) {
                const char *a = p; /* back to the attribute's name */
                while (a > t && (a[-1] == ' ' || a[-1] == '\n' || a[-1] == '\t'))
                    a--;
                while (a > t && a[-1] != ' ' && a[-1] != '\n' && a[-1] != '\t' && a[-1] != '<')
                    a--;
                return (size_t)(a - t);
            }
            p++;
        }
    }
    return SIZE_MAX;
}


/* ---- libxml2's tree copied into the neutral tree ---- */

plan_xnode *plan_xml_add_node(plan_xml *x, plan_xtype type, plan_xnode *parent, size_t off)
{
    plan_xnode *n = plan_arena_alloc(x->arena, sizeof *n);
    n->type = type;
    n->parent = parent;
    n->off = off;
    plan_xnode **head = parent ? &parent->children : &x->children;
    plan_xnode **last = parent ? &parent->last : &x->last;
    if (*last)
        (*last)->next = n;
    else
        *head = n;
    *last = n;
    return n;
}

static const char *dup_or_null(plan_xml *x, const xmlChar *s, size_t *len)
{
    size_t n = s ? strlen((const char *)s) : 0;
    if (len)
        *len = n;
    return s ? plan_arena_strndup(x->arena, (const char *)s, n) : NULL;
}

/* An attribute's value as xmlGetNoNsProp gives it. */
static const char *attr_value(plan_xml *x, const xmlAttr *at, size_t *len)
{
    const xmlNode *c = at->children;
    if (c && !c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE))
        return dup_or_null(x, c->content ? c->content : (const xmlChar *)"", len);
    xmlChar *v = xmlNodeListGetString(at->doc, at->children, 1);
    const char *r = dup_or_null(x, v ? v : (const xmlChar *)"", len);
    xmlFree(v);
    return r;
}

static void copy_children(plan_xml *x, const xmlNode *from, plan_xnode *parent)
{
    for (const xmlNode *c = from; c; c = c->next) {
        uintptr_t priv = (uintptr_t)c->_private;
        plan_xnode *n;
        switch (c->type) {
        case XML_ELEMENT_NODE: {
            n = plan_xml_add_node(x, PLAN_X_ELEMENT, parent, PLAN_X_NOOFF);
            n->name = dup_or_null(x, c->name, NULL);
            n->ns = c->ns && c->ns->href ? dup_or_null(x, c->ns->href, NULL) : NULL;
            if (priv) {
                n->off = (size_t)(priv - 1);
                n->tag_end = tag_end(x->src, n->off);
            } else {
                n->line = (unsigned)xmlGetLineNo((xmlNodePtr)c);
            }
            plan_xattr **tail = &n->attrs;
            for (const xmlAttr *at = c->properties; at; at = at->next) {
                plan_xattr *a = plan_arena_alloc(x->arena, sizeof *a);
                a->name = dup_or_null(x, at->name, NULL);
                a->ns = at->ns && at->ns->href ? dup_or_null(x, at->ns->href, NULL) : NULL;
                if (at->ns && !a->ns)
                    a->ns = "";
                a->value = attr_value(x, at, &a->len);
                a->off = priv && !at->ns ? attr_offset(x->src, n->off, a->name) : PLAN_X_NOOFF;
                *tail = a;
                tail = &a->next;
            }
            copy_children(x, c->children, n);
            if (!parent && !x->root)
                x->root = n;
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            n = plan_xml_add_node(x, PLAN_X_TEXT, parent, PLAN_X_NOOFF);
            n->content = dup_or_null(x, c->content ? c->content : (const xmlChar *)"", &n->len);
            n->off = priv ? (size_t)(priv - 1) : PLAN_X_NOOFF;
            break;
        case XML_COMMENT_NODE:
            n = plan_xml_add_node(x, PLAN_X_COMMENT, parent, PLAN_X_NOOFF);
            n->content = dup_or_null(x, c->content ? c->content : (const xmlChar *)"", &n->len);
            n->off = priv ? (size_t)(priv - 1) : PLAN_X_NOOFF;
            break;
        case XML_PI_NODE:
            n = plan_xml_add_node(x, PLAN_X_PI, parent, PLAN_X_NOOFF);
            n->name = dup_or_null(x, c->name, NULL);
            n->content = dup_or_null(x, c->content, &n->len);
            n->line = (unsigned)xmlGetLineNo((xmlNodePtr)c);
            break;
        case XML_ENTITY_REF_NODE:
            n = plan_xml_add_node(x, PLAN_X_ENTREF, parent, PLAN_X_NOOFF);
            n->name = dup_or_null(x, c->name, NULL);
            break;
        default:
            break;
        }
    }
}

int plan_parse_libxml2(plan_xml *x, plan_diags *d)
{
    const plan_source *src = x->src;
    size_t max_att = src->max_attributes ? src->max_attributes : PLAN_DEFAULT_MAX_ATTRIBUTES;
    size_t at = too_many_attributes(src, max_att);
    if (at != SIZE_MAX) {
        plan_diags_add(d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, src->name,
                       plan_source_pos(src, at),
                       _("the element has more than %zu attributes and this is the first "
                         "beyond the limit; a plan element has a few, so the file is probably "
                         "damaged or hostile (--max-attributes raises the limit)"),
                       max_att);
        return 0;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        fputs("plan: fatal: out of memory\n", stderr);
        exit(2);
    }
    xmlSAXHandlerPtr sax = ctxt->sax;
    parse_state st = {
        .src = src,
        .d = d,
        .orig_start = sax->startElementNs,
        .orig_end = sax->endElementNs,
        .orig_chars = sax->characters,
        .orig_comment = sax->comment,
        .orig_pi = sax->processingInstruction,
        .max_depth = src->max_depth ? src->max_depth : PLAN_DEFAULT_MAX_DEPTH,
        .max_elements = src->max_elements ? src->max_elements : PLAN_DEFAULT_MAX_ELEMENTS,
        .max_text = src->max_text ? src->max_text : PLAN_DEFAULT_MAX_TEXT,
    };
    ctxt->_private = &st;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    /* libxml2 tells white space from text only when the two callbacks differ:
     * keep them equal, as they are by default. */
    if (sax->ignorableWhitespace == sax->characters)
        sax->ignorableWhitespace = on_chars;
    sax->characters = on_chars;
    sax->comment = on_comment;
    sax->processingInstruction = on_pi;
    sax->internalSubset = on_subset;
    sax->serror = on_error;
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
               XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, src->text, (int)src->len, src->name, "UTF-8", opts);
    int ok = doc && ctxt->wellFormed && !st.doctype && !st.limit && st.errors == 0;
    if (!ok && st.errors == 0 && !st.doctype && !st.limit)
        plan_diags_add(d, PLAN_RULE_XML_SYNTAX, PLAN_SEV_ERROR, src->name, (plan_pos){1, 1},
                       _("the XML is not well formed"));
    xmlFreeParserCtxt(ctxt);
    if (ok)
        copy_children(x, doc->children, NULL);
    if (doc)
        xmlFreeDoc(doc);
    return ok;
}

/* ---- the entry point ---- */

plan_xml *plan_parse(const plan_source *src, plan_diags *d)
{
    if (src->len > INT_MAX) { /* a legacy encoding can triple the bytes */
        plan_diags_add(d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, src->name, (plan_pos){0, 0},
                       _("the text is %zu bytes once converted to UTF-8, more than the XML "
                         "parser takes (%d bytes); split the plan"),
                       src->len, INT_MAX);
        return NULL;
    }
    plan_xml *x = plan_xmalloc(sizeof *x);
    memset(x, 0, sizeof *x);
    x->src = src;
    x->arena = plan_arena_new();
    if (plan_scan(x))
        return x;
    /* The scanner declined: a fresh arena, and libxml2 says why. */
    plan_arena_free(x->arena);
    memset(x, 0, sizeof *x);
    x->src = src;
    x->arena = plan_arena_new();
    if (!plan_parse_libxml2(x, d)) {
        plan_xml_free(x);
        return NULL;
    }
    return x;
}

void plan_xml_free(plan_xml *x)
{
    if (!x)
        return;
    plan_arena_free(x->arena);
    free(x);
}

/* ---- attributes and positions ---- */

const plan_xattr *plan_xml_attr(const plan_xnode *n, const char *name)
{
    for (const plan_xattr *a = n->attrs; a; a = a->next) {
        if (a->ns)
            continue;
        /* compared in line: names are short, most differ at the first byte */
        const char *p = a->name, *q = name;
        while (*q && *p == *q)
            p++, q++;
        if (*p == *q)
            return a;
    }
    return NULL;
}

const char *plan_xml_attr_value(const plan_xnode *n, const char *name)
{
    const plan_xattr *a = plan_xml_attr(n, name);
    return a ? a->value : NULL;
}

size_t plan_xml_offset(const plan_xnode *n)
{
    return n->off == PLAN_X_NOOFF ? 0 : n->off;
}

plan_pos plan_xml_pos(const plan_xml *x, const plan_xnode *n)
{
    if (n->off == PLAN_X_NOOFF)
        return (plan_pos){n->line, 1};
    return plan_source_pos(x->src, n->off);
}

plan_pos plan_xml_attr_pos(const plan_xml *x, const plan_xnode *n, const char *name)
{
    if (n->off == PLAN_X_NOOFF)
        return plan_xml_pos(x, n);
    const plan_xattr *a = plan_xml_attr(n, name);
    if (a && a->off != PLAN_X_NOOFF)
        return plan_source_pos(x->src, a->off);
    return plan_source_pos(x->src, attr_offset(x->src, n->off, name));
}

plan_pos plan_xml_content_pos(const plan_xml *x, const plan_xnode *n)
{
    if (n->off == PLAN_X_NOOFF)
        return plan_xml_pos(x, n);
    size_t end = n->tag_end;
    if (end < x->src->len && end > 0 && x->src->text[end - 1] == '/')
        return plan_xml_pos(x, n);
    size_t i = end + 1;
    while (i < x->src->len && (x->src->text[i] == ' ' || x->src->text[i] == '\n' ||
                               x->src->text[i] == '\t'))
        i++;
    return plan_source_pos(x->src, i < x->src->len ? i : end);
}

plan_pos plan_xml_other_pos(const plan_xml *x, const plan_xnode *n, const char *needle)
{
    unsigned line = n->line;
    size_t len;
    const char *l = plan_source_line(x->src, line, &len);
    plan_pos p = {line, 1};
    if (needle) {
        size_t k = strlen(needle);
        for (size_t i = 0; i + k <= len; i++)
            if (memcmp(l + i, needle, k) == 0) {
                p.col = 1 + (unsigned)plan_utf8_count(l, i);
                break;
            }
    }
    return p;
}
