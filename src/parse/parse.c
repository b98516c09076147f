/*
 * parse.c - libxml2 configured for untrusted input (see docs/design.md):
 * xmlCtxtReadMemory on our own UTF-8 buffer with NONET, NOERROR, NOWARNING,
 * BIG_LINES and NOCDATA; never NOENT, DTDLOAD, XINCLUDE, HUGE or RECOVER.
 * A deny-all entity loader is installed once per process; any DOCTYPE stops
 * the parse. libxml2 2.9.14 has no element columns, so the start-element
 * callback is wrapped to record each start tag's byte offset.
 */
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
    internalSubsetSAXFunc orig_subset;
    int doctype;
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

static void on_start(void *ctx, const xmlChar *ln, const xmlChar *pfx, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nat, int ndef, const xmlChar **at)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->orig_start(ctx, ln, pfx, uri, nns, ns, nat, ndef, at);
    if (!ctxt->node || !ctxt->input)
        return;
    size_t off = (size_t)ctxt->input->consumed + (size_t)(ctxt->input->cur - ctxt->input->base);
    if (off > st->src->len)
        off = st->src->len;
    while (off > 0 && st->src->text[off] != '<')
        off--;
    ctxt->node->_private = (void *)(uintptr_t)(off + 1);
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
    if (!st || st->doctype || e->level < XML_ERR_ERROR)
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
        plan_diags_add(st->d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, st->src->name, pos,
                       _("elements are nested more than %d levels deep; a plan needs far "
                         "fewer, so the file is probably damaged or hostile"),
                       (int)xmlParserMaxDepth);
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

plan_xml *plan_parse(const plan_source *src, plan_diags *d)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        fputs("plan: fatal: out of memory\n", stderr);
        exit(2);
    }
    parse_state st = {src, d, ctxt->sax->startElementNs, ctxt->sax->internalSubset, 0, 0};
    ctxt->_private = &st;
    ctxt->sax->startElementNs = on_start;
    ctxt->sax->internalSubset = on_subset;
    ctxt->sax->serror = on_error;
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
               XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, src->text, (int)src->len, src->name, "UTF-8", opts);
    int ok = doc && ctxt->wellFormed && !st.doctype && st.errors == 0;
    if (!ok && st.errors == 0 && !st.doctype)
        plan_diags_add(d, PLAN_RULE_XML_SYNTAX, PLAN_SEV_ERROR, src->name, (plan_pos){1, 1},
                       _("the XML is not well formed"));
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        if (doc)
            xmlFreeDoc(doc);
        return NULL;
    }
    plan_xml *x = plan_xmalloc(sizeof *x);
    x->doc = doc;
    x->src = src;
    return x;
}

void plan_xml_free(plan_xml *x)
{
    if (!x)
        return;
    xmlFreeDoc(x->doc);
    free(x);
}

size_t plan_xml_offset(const xmlNode *n)
{
    uintptr_t v = (uintptr_t)n->_private;
    return v ? (size_t)(v - 1) : 0;
}

plan_pos plan_xml_pos(const plan_xml *x, const xmlNode *n)
{
    if (!n->_private)
        return (plan_pos){(unsigned)xmlGetLineNo((xmlNodePtr)n), 1};
    return plan_source_pos(x->src, plan_xml_offset(n));
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

plan_pos plan_xml_attr_pos(const plan_xml *x, const xmlNode *n, const char *name)
{
    if (!n->_private)
        return plan_xml_pos(x, n);
    size_t off = plan_xml_offset(n), end = tag_end(x->src, off), len = strlen(name);
    const char *t = x->src->text;
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
                return plan_source_pos(x->src, i);
        }
    }
    return plan_xml_pos(x, n);
}

plan_pos plan_xml_content_pos(const plan_xml *x, const xmlNode *n)
{
    if (!n->_private)
        return plan_xml_pos(x, n);
    size_t end = tag_end(x->src, plan_xml_offset(n));
    if (end < x->src->len && end > 0 && x->src->text[end - 1] == '/')
        return plan_xml_pos(x, n);
    size_t i = end + 1;
    while (i < x->src->len && (x->src->text[i] == ' ' || x->src->text[i] == '\n' ||
                               x->src->text[i] == '\t'))
        i++;
    return plan_source_pos(x->src, i < x->src->len ? i : end);
}

plan_pos plan_xml_other_pos(const plan_xml *x, const xmlNode *n, const char *needle)
{
    unsigned line = (unsigned)xmlGetLineNo((xmlNodePtr)n);
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
