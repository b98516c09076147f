/*
 * scan.c - the fast scanner: the neutral tree of xml.h straight from the
 * text, for the common case, in one pass and without libxml2.
 *
 * Design. plan_parse tries this scanner first and falls back to libxml2
 * (parse.c) whenever it declines, so the scanner only has to be right about
 * what it accepts; it never reports anything. It accepts a document only
 * when it can prove it well formed (XML 1.0 fifth edition) and within the
 * limits, and only of the plain kind plans are written in:
 *
 * - an optional XML declaration at the very start: version "1.0", an
 *   optional encoding name (ignored: src/load has already decoded the text)
 *   and an optional standalone "yes" or "no";
 * - no DOCTYPE, no CDATA section, no namespace prefix and no xmlns:p
 *   declaration; xmlns="…" only with the plan namespace as its value;
 * - names of ASCII letters, digits, '_', '-' and '.', not beginning with
 *   "xml" in any case (element and attribute names, PI targets);
 * - references: the five predefined entities and character references to
 *   a Char; every other character a Char (the loader has checked that the
 *   text is UTF-8, so only controls and U+FFFE/U+FFFF are looked for here);
 * - attributes unique in each start tag, values without '<', white space
 *   in values turned into spaces (attribute-value normalization), no "]]>"
 *   in text, no "--" inside comments, one root element with only white
 *   space, comments and PIs around it;
 * - within the limits of the source with a margin (depth, elements,
 *   attributes per tag, bytes of one text, value, comment or PI; lengths
 *   are measured before references are replaced, which only shortens).
 *
 * The tree it builds is the one parse.c copies out of libxml2's, node for
 * node: text between two pieces of markup is one text node (references
 * replaced), a PI carries the line of its "?>" as libxml2 counts it, an
 * attribute the offset of its name. tests/unit/test_parse.c checks both
 * ways agree over every XML file of the repository and many mutations.
 */
#include <string.h>

#include "parse/xml.h"
#include "plan/model.h"

const char plan_xml_ns[] = PLAN_NS; /* xml.h */

typedef struct scan {
    plan_xml *x;
    const char *t, *e; /* the text and its end */
    size_t max_text, max_elements, max_attributes;
    unsigned max_depth;
    size_t elements;
} scan;

/* Byte classes. C_CTL: a byte that is no Char (a control other than tab
 * and line feed), or 0xEF, the lead byte of U+F000-U+FFFF, which has the
 * two non-Chars U+FFFE and U+FFFF; every other byte beyond ASCII is part
 * of a Char in a text the loader has checked (see plain_run). C_TEXT: what
 * else text must look at ('<', '&', ']'); C_ATT: what else an attribute
 * value must ('<', '&', quotes); C_TABNL: tab and line feed. */
enum { C_NAME = 1, C_NAMESTART = 2, C_CTL = 4, C_TEXT = 8, C_TABNL = 16, C_ATT = 32 };
static const unsigned char cls[256] = {
     4,  4,  4,  4,  4,  4,  4,  4,  4, 16, 16,  4,  4,  4,  4,  4,
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
     0,  0, 32,  0,  0,  0, 40, 32,  0,  0,  0,  0,  0,  1,  1,  0,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0, 40,  0,  0,  0,
     0,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,
     3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  0,  0,  8,  0,  3,
     0,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,
     3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  4,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};

/* 1 when the C_CTL byte at p is no Char or starts none: a control, or the
 * EF BF BE / EF BF BF of U+FFFE and U+FFFF. An EF byte is the lead byte of
 * a whole three-byte sequence in valid UTF-8, so p[1] and p[2] exist. */
static int not_char(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return u[0] != 0xEF || (u[1] == 0xBF && u[2] >= 0xBE);
}

/* Skips Chars up to the first byte of a class in mask (which holds C_CTL)
 * that is not part of a Char; returns it. The fast path: one table look-up
 * and one well-predicted branch per byte, ASCII or not, since the text is
 * valid UTF-8 (checked by the loader: no byte of a multibyte character
 * needs looking at, and surrogates and overlong forms are gone) and ends
 * with a NUL byte (C_CTL), which stops the loop at the end of the text
 * without a bounds check. plan_scan checks both preconditions hold. */
static const char *plain_run(const char *p, unsigned mask)
{
    for (;;) {
        while (!(cls[(unsigned char)*p] & mask))
            p++;
        if (not_char(p))
            return p;
        p += 3; /* a Char from U+F000 to U+FFFD */
    }
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static const char *skip_space(const char *p, const char *e)
{
    while (p < e && is_space(*p))
        p++;
    return p;
}

/* An ASCII name without ':' at p: returns its end, or NULL. Names that
 * begin with "xml" in any case are declined (reserved; libxml2 treats some
 * of them apart). */
static const char *name_end(const char *p, const char *e)
{
    if (p >= e || !(cls[(unsigned char)*p] & C_NAMESTART))
        return NULL;
    const char *s = p++;
    while (p < e && (cls[(unsigned char)*p] & C_NAME))
        p++;
    if (p < e && (*p == ':' || (unsigned char)*p >= 0x80))
        return NULL;
    if (p - s >= 3 && (s[0] | 0x20) == 'x' && (s[1] | 0x20) == 'm' && (s[2] | 0x20) == 'l')
        return NULL;
    if (p - s > 1000)
        return NULL;
    return p;
}

/* Appends code point c as UTF-8 at o; returns the new end. */
static char *put_utf8(char *o, unsigned c)
{
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | c >> 6);
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | c >> 12);
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | c >> 18);
        *o++ = (char)(0x80 | (c >> 12 & 0x3F));
        *o++ = (char)(0x80 | (c >> 6 & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

/* A reference at p ('&'): writes its character(s) at *o and returns the
 * end of the reference, or NULL when it is not a predefined entity or a
 * character reference to a Char. */
static const char *reference(const char *p, const char *e, char **o)
{
    p++;
    if (p < e && *p == '#') {
        unsigned v = 0;
        int digits = 0;
        p++;
        if (p < e && *p == 'x') {
            p++;
            for (; p < e && digits < 7; p++, digits++) {
                char c = *p;
                if (c >= '0' && c <= '9')
                    v = v * 16 + (unsigned)(c - '0');
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                    v = v * 16 + (unsigned)((c | 0x20) - 'a' + 10);
                else
                    break;
            }
        } else {
            for (; p < e && digits < 8 && *p >= '0' && *p <= '9'; p++, digits++)
                v = v * 10 + (unsigned)(*p - '0');
        }
        if (!digits || p >= e || *p != ';')
            return NULL;
        int ok = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
                 (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
        if (!ok)
            return NULL;
        *o = put_utf8(*o, v);
        return p + 1;
    }
    static const struct { const char *name; size_t len; char c; } ents[] = {
        {"lt;", 3, '<'}, {"gt;", 3, '>'}, {"amp;", 4, '&'}, {"quot;", 5, '"'}, {"apos;", 5, '\''}};
    for (size_t i = 0; i < sizeof ents / sizeof *ents; i++)
        if ((size_t)(e - p) >= ents[i].len && memcmp(p, ents[i].name, ents[i].len) == 0) {
            *(*o)++ = ents[i].c;
            return p + ents[i].len;
        }
    return NULL;
}

/* Text from p up to the next '<' (or e): a text node of parent. Returns the
 * '<', or NULL to decline. */
static const char *text(scan *s, const char *p, plan_xnode *parent)
{
    const char *start = p, *e = s->e;
    int refs = 0;
    for (;;) {
        p = plain_run(p, C_CTL | C_TEXT);
        if (p >= e || *p == '<')
            break;
        char c = *p;
        if (c == '&') {
            refs = 1;
            p++;
        } else if (c == ']') {
            if (e - p >= 3 && p[1] == ']' && p[2] == '>')
                return NULL;
            p++;
        } else {
            return NULL; /* a control character, U+FFFE or U+FFFF: no Char */
        }
    }
    if (p >= e || (size_t)(p - start) > s->max_text)
        return NULL; /* text after the root element is not allowed either */
    plan_xnode *n = plan_xml_add_node(s->x, PLAN_X_TEXT, parent, (size_t)(start - s->t));
    size_t len = (size_t)(p - start);
    if (!refs) {
        n->content = plan_arena_strndup(s->x->arena, start, len);
        n->len = len;
        return p;
    }
    char *out = plan_arena_alloc(s->x->arena, len + 1), *o = out;
    for (const char *q = start; q < p;) {
        const char *amp = memchr(q, '&', (size_t)(p - q));
        if (!amp) {
            memcpy(o, q, (size_t)(p - q));
            o += p - q;
            break;
        }
        memcpy(o, q, (size_t)(amp - q));
        o += amp - q;
        q = reference(amp, p, &o);
        if (!q)
            return NULL;
    }
    *o = '\0';
    n->content = out;
    n->len = (size_t)(o - out);
    return p;
}

/* Whether [p, q) holds only Chars (tab and line feed included). q ends
 * a comment or a PI ('-' or '?'), so no character runs across it. */
static int all_chars(const char *p, const char *q)
{
    for (; p < q; p++)
        if ((cls[(unsigned char)*p] & C_CTL) && not_char(p))
            return 0;
    return 1;
}

/* The first "x?" (two bytes) at or after p, or NULL. */
static const char *find2(const char *p, const char *e, char a, char b)
{
    while (p < e && (p = memchr(p, a, (size_t)(e - p))) != NULL) {
        if (e - p >= 2 && p[1] == b)
            return p;
        p++;
    }
    return NULL;
}

/* A comment at p ("<!--"): its content runs to the first "--", which must
 * be followed by '>'. Returns the end of the comment, or NULL to decline. */
static const char *comment(scan *s, const char *p, plan_xnode *parent)
{
    const char *b = p + 4, *e = s->e, *q = find2(b, e, '-', '-');
    if (!q || e - q < 3 || q[2] != '>' || (size_t)(q - b) > s->max_text || !all_chars(b, q))
        return NULL;
    plan_xnode *n = plan_xml_add_node(s->x, PLAN_X_COMMENT, parent, (size_t)(p - s->t));
    n->content = plan_arena_strndup(s->x->arena, b, (size_t)(q - b));
    n->len = (size_t)(q - b);
    return q + 3;
}

/* The line of offset off, 1-based, as libxml2 counts lines. */
static unsigned line_of(const plan_source *src, size_t off)
{
    size_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (unsigned)(lo + 1);
}

/* A processing instruction at p ("<?"): returns its end, or NULL. */
static const char *pi(scan *s, const char *p, plan_xnode *parent)
{
    const char *e = s->e, *tg = p + 2, *te = name_end(tg, e);
    if (!te)
        return NULL;
    const char *data = NULL, *q = te;
    if (e - q >= 2 && q[0] == '?' && q[1] == '>') {
        q += 2;
    } else {
        if (q >= e || !is_space(*q))
            return NULL;
        data = skip_space(q, e);
        q = find2(data, e, '?', '>');
        if (!q || (size_t)(q - data) > s->max_text || !all_chars(data, q))
            return NULL;
        q += 2;
    }
    unsigned line = line_of(s->x->src, (size_t)(q - 1 - s->t));
    if (line >= 65535)
        return NULL; /* libxml2 keeps no larger line in a PI */
    plan_xnode *n = plan_xml_add_node(s->x, PLAN_X_PI, parent, (size_t)(p - s->t));
    n->name = plan_arena_strndup(s->x->arena, tg, (size_t)(te - tg));
    n->line = line;
    if (data) {
        n->len = (size_t)(q - 2 - data);
        n->content = plan_arena_strndup(s->x->arena, data, n->len);
    }
    return q;
}

/* An attribute value at p (the opening quote): the normalized value in
 * the arena (*val, *len); returns the end after the closing quote, or NULL. */
static const char *att_value(scan *s, const char *p, const char **val, size_t *len)
{
    const char *e = s->e;
    char quote = *p++;
    const char *b = p;
    int plain = 1;
    for (;;) {
        p = plain_run(p, C_CTL | C_ATT | C_TABNL);
        if (p >= e)
            return NULL;
        char c = *p;
        if (c == quote)
            break;
        if (c == '<' || (cls[(unsigned char)c] & C_CTL))
            return NULL; /* '<', a control, U+FFFE or U+FFFF */
        if (c == '&' || c == '\t' || c == '\n')
            plain = 0;
        p++;
    }
    size_t n = (size_t)(p - b);
    if (n > s->max_text)
        return NULL;
    if (plain) {
        *val = plan_arena_strndup(s->x->arena, b, n);
        *len = n;
        return p + 1;
    }
    char *out = plan_arena_alloc(s->x->arena, n + 1), *o = out;
    for (const char *q = b; q < p;) {
        if (*q == '&') {
            q = reference(q, p, &o);
            if (!q)
                return NULL;
        } else {
            *o++ = *q == '\t' || *q == '\n' ? ' ' : *q;
            q++;
        }
    }
    *o = '\0';
    *val = out;
    *len = (size_t)(o - out);
    return p + 1;
}

/* A start tag at p ('<' then a name): a new element, child of parent, with
 * its attributes; *empty when it ends with "/>". Returns the end of the
 * tag, or NULL. */
static const char *start_tag(scan *s, const char *p, plan_xnode *parent, plan_xnode **out,
                             int *empty)
{
    const char *e = s->e, *nb = p + 1, *ne = name_end(nb, e);
    if (!ne || ++s->elements > s->max_elements)
        return NULL;
    plan_xnode *n = plan_xml_add_node(s->x, PLAN_X_ELEMENT, parent, (size_t)(p - s->t));
    n->name = plan_arena_strndup(s->x->arena, nb, (size_t)(ne - nb));
    n->ns = parent ? parent->ns : NULL;
    size_t nattr = 0;
    const char *names[64];
    size_t lens[64];
    plan_xattr **tail = &n->attrs;
    const char *q = ne;
    for (;;) {
        const char *sp = q;
        q = skip_space(q, e);
        if (q >= e)
            return NULL;
        if (*q == '>' || (*q == '/' && e - q >= 2 && q[1] == '>'))
            break;
        if (q == sp)
            return NULL; /* attributes are separated by white space */
        const char *ab = q, *ae = name_end(ab, e);
        int xmlns = 0;
        if (!ae) {
            if (e - ab >= 6 && memcmp(ab, "xmlns", 5) == 0 &&
                (is_space(ab[5]) || ab[5] == '='))
                ae = ab + 5, xmlns = 1;
            else
                return NULL;
        }
        if (++nattr > s->max_attributes || nattr > 64)
            return NULL;
        size_t al = (size_t)(ae - ab);
        for (size_t i = 0; i + 1 < nattr; i++)
            if (lens[i] == al && memcmp(names[i], ab, al) == 0)
                return NULL; /* not unique */
        names[nattr - 1] = ab;
        lens[nattr - 1] = al;
        q = skip_space(ae, e);
        if (q >= e || *q != '=')
            return NULL;
        q = skip_space(q + 1, e);
        if (q >= e || (*q != '"' && *q != '\''))
            return NULL;
        const char *val;
        size_t vlen;
        const char *vb = q + 1;
        q = att_value(s, q, &val, &vlen);
        if (!q)
            return NULL;
        if (xmlns) {
            /* Only the plan namespace, written as is, is taken here. */
            if ((size_t)(q - 1 - vb) != sizeof PLAN_NS - 1 ||
                memcmp(vb, plan_xml_ns, sizeof PLAN_NS - 1) != 0)
                return NULL;
            n->ns = plan_xml_ns;
            continue;
        }
        plan_xattr *a = plan_arena_alloc(s->x->arena, sizeof *a);
        a->name = plan_arena_strndup(s->x->arena, ab, al);
        a->value = val;
        a->len = vlen;
        a->off = (size_t)(ab - s->t);
        *tail = a;
        tail = &a->next;
    }
    *empty = *q == '/';
    if (*empty)
        q++;
    n->tag_end = (size_t)(q - s->t);
    *out = n;
    return q + 1;
}

/* Markup allowed outside the root: white space, comments, PIs. Returns the
 * first other byte (or e), or NULL to decline. */
static const char *misc(scan *s, const char *p)
{
    const char *e = s->e;
    for (;;) {
        p = skip_space(p, e);
        if (e - p >= 4 && memcmp(p, "<!--", 4) == 0)
            p = comment(s, p, NULL);
        else if (e - p >= 2 && p[0] == '<' && p[1] == '?')
            p = pi(s, p, NULL);
        else
            return p;
        if (!p)
            return NULL;
    }
}

/* The XML declaration at the start of the text, if any: returns its end
 * (the start when there is none), or NULL. */
static const char *xml_decl(const char *p, const char *e)
{
    if (e - p < 6 || memcmp(p, "<?xml", 5) != 0 || !is_space(p[5]))
        return p;
    static const char *const keys[] = {"version", "encoding", "standalone"};
    const char *q = p + 5;
    for (int k = 0; k < 3; k++) {
        const char *sp = q;
        q = skip_space(q, e);
        size_t kl = strlen(keys[k]);
        if (q == sp || (size_t)(e - q) < kl || memcmp(q, keys[k], kl) != 0) {
            if (k == 0)
                return NULL;
            q = sp;
            continue;
        }
        q = skip_space(q + kl, e);
        if (q >= e || *q != '=')
            return NULL;
        q = skip_space(q + 1, e);
        if (q >= e || (*q != '"' && *q != '\''))
            return NULL;
        char quote = *q++;
        const char *v = q;
        while (q < e && *q != quote)
            q++;
        if (q >= e)
            return NULL;
        size_t vl = (size_t)(q - v);
        q++;
        if (k == 0 && !(vl == 3 && memcmp(v, "1.0", 3) == 0))
            return NULL;
        if (k == 1) {
            if (!vl || !((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z'))
                return NULL;
            for (size_t i = 1; i < vl; i++) {
                char c = v[i];
                if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9') &&
                    c != '.' && c != '_' && c != '-')
                    return NULL;
            }
        }
        if (k == 2 && !(vl == 3 && memcmp(v, "yes", 3) == 0) &&
            !(vl == 2 && memcmp(v, "no", 2) == 0))
            return NULL;
    }
    q = skip_space(q, e);
    if (e - q < 2 || q[0] != '?' || q[1] != '>')
        return NULL;
    return q + 2;
}

static int scan_doc(scan *s)
{
    const char *e = s->e, *p = xml_decl(s->t, e);
    if (!p || !(p = misc(s, p)) || e - p < 2 || p[0] != '<')
        return 0;
    plan_xnode *cur = NULL;
    unsigned depth = 0;
    for (;;) {
        /* p is at '<' */
        if (p[1] == '/') {
            if (!cur)
                return 0;
            size_t nl = strlen(cur->name);
            const char *q = p + 2;
            if ((size_t)(e - q) < nl || memcmp(q, cur->name, nl) != 0)
                return 0;
            q = skip_space(q + nl, e);
            if (q >= e || *q != '>')
                return 0;
            p = q + 1;
            cur = cur->parent;
            depth--;
        } else if (p[1] == '!') {
            if (!cur || e - p < 4 || p[2] != '-' || p[3] != '-')
                return 0; /* CDATA, DOCTYPE: libxml2 */
            if (!(p = comment(s, p, cur)))
                return 0;
        } else if (p[1] == '?') {
            if (!cur || !(p = pi(s, p, cur)))
                return 0;
        } else {
            plan_xnode *n;
            int empty;
            if (!(p = start_tag(s, p, cur, &n, &empty)))
                return 0;
            if (!cur)
                s->x->root = n;
            if (!empty) {
                if (++depth >= s->max_depth)
                    return 0;
                cur = n;
            }
        }
        if (!cur)
            break; /* the root is closed */
        if (p >= e)
            return 0;
        if (*p != '<' && !(p = text(s, p, cur)))
            return 0;
        if (e - p < 2)
            return 0;
    }
    p = misc(s, p);
    return p == e;
}

int plan_scan(plan_xml *x)
{
    const plan_source *src = x->src;
    scan s = {
        .x = x,
        .t = src->text,
        .e = src->text + src->len,
        .max_text = src->max_text ? src->max_text : PLAN_DEFAULT_MAX_TEXT,
        .max_elements = src->max_elements ? src->max_elements : PLAN_DEFAULT_MAX_ELEMENTS,
        .max_attributes = src->max_attributes ? src->max_attributes : PLAN_DEFAULT_MAX_ATTRIBUTES,
        .max_depth = src->max_depth ? src->max_depth : PLAN_DEFAULT_MAX_DEPTH,
    };
    if (s.max_depth > PLAN_MAX_DEPTH_LIMIT)
        s.max_depth = PLAN_MAX_DEPTH_LIMIT;
    /* plain_run's preconditions: text checked by the loader (valid UTF-8,
     * no NUL inside) and ended by a NUL byte. Any other source: libxml2. */
    if (!src->utf8_checked || src->text[src->len] != '\0')
        return 0;
    if (!scan_doc(&s)) {
        x->children = x->last = x->root = NULL; /* what was built stays in the arena */
        return 0;
    }
    x->fast = 1;
    return 1;
}
