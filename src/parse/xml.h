/*
 * xml.h - internal to src/parse, src/model/build.c and the parser's unit
 * tests: the parsed tree and the position helpers. Nothing else may
 * include this header.
 *
 * The tree is our own, neutral of any parser: plan_parse fills it either
 * with its fast scanner (scan.c) or from libxml2's tree (parse.c), and the
 * two agree node for node, offsets included (tests/unit/test_parse.c). All
 * of it lives in one arena per parse, freed by plan_xml_free.
 */
#ifndef PLAN_PARSE_XML_H
#define PLAN_PARSE_XML_H

#include <stddef.h>

#include "plan/load.h"
#include "plan/parse.h"
#include "plan/util.h"

typedef enum plan_xtype {
    PLAN_X_ELEMENT,
    PLAN_X_TEXT,    /* character data: references replaced, adjacent pieces merged */
    PLAN_X_COMMENT,
    PLAN_X_PI,
    PLAN_X_ENTREF   /* an entity reference left in the tree (libxml2 path only) */
} plan_xtype;

/* PLAN_NS, one copy: the fast scanner sets an element's ns to this very
 * array, so that the builder knows it by its address (the libxml2 path
 * copies the string; the builder then compares it). */
extern const char plan_xml_ns[];

/* Offset not known (libxml2 does not say where a processing instruction starts). */
#define PLAN_X_NOOFF ((size_t)-1)

typedef struct plan_xattr {
    struct plan_xattr *next;
    const char *name;  /* local name */
    const char *ns;    /* namespace of a prefixed attribute; NULL when unprefixed */
    const char *value; /* the value, references replaced, white space normalized */
    size_t len;        /* strlen(value) */
    size_t off;        /* offset of the name in src->text */
} plan_xattr;

typedef struct plan_xnode {
    plan_xtype type;
    const char *name;    /* element: local name; PI: target; ENTREF: entity name */
    const char *ns;      /* element: namespace name, or NULL when in no namespace */
    const char *content; /* TEXT, COMMENT: the text; PI: the data or NULL; NUL-terminated */
    size_t len;          /* strlen(content) (0 when NULL) */
    size_t off;          /* offset in src->text of the node's first byte ('<' of an
                          * element, comment or PI, first byte of a text), or PLAN_X_NOOFF */
    size_t tag_end;      /* element: offset of the '>' closing its start tag */
    unsigned line;       /* PI: its line as libxml2 gives it (the line of its "?>") */
    plan_xattr *attrs;   /* element: in document order (xmlns declarations not included) */
    struct plan_xnode *parent; /* NULL at document level */
    struct plan_xnode *children, *last, *next;
} plan_xnode;

struct plan_xml {
    const plan_source *src;
    plan_arena *arena;   /* every node, attribute and string */
    plan_xnode *children, *last; /* document level: comments, PIs and the root element */
    plan_xnode *root;    /* the root element */
    int fast;            /* 1 when the fast scanner built the tree */
};

/* The fast scanner (scan.c): fills x from x->src when the text is of the
 * common, plain kind and well formed, and returns 1; returns 0 ("not
 * handled", x's tree left empty, what it built still in x->arena) on any
 * doubt, and the caller runs libxml2. It never reports anything. */
int plan_scan(plan_xml *x);

/* libxml2 path (parse.c): the full parse with every diagnostic. x->src is
 * set; returns 1 with x filled, or 0 with the reasons in d. */
int plan_parse_libxml2(plan_xml *x, plan_diags *d);

/* A new node of type, appended to parent's children (x's top level when
 * parent is NULL), at byte offset off (PLAN_X_NOOFF: none); both paths
 * build the tree with it. */
plan_xnode *plan_xml_add_node(plan_xml *x, plan_xtype type, plan_xnode *parent, size_t off);

/* The first unprefixed attribute called name, or NULL. */
const plan_xattr *plan_xml_attr(const plan_xnode *n, const char *name);
/* Its value, or NULL when absent. */
const char *plan_xml_attr_value(const plan_xnode *n, const char *name);

/* Byte offset of an element's '<' in src->text. */
size_t plan_xml_offset(const plan_xnode *n);
/* Position of an element's '<'. */
plan_pos plan_xml_pos(const plan_xml *x, const plan_xnode *n);
/* Position of attribute name in the element's start tag (the element's
 * position when it cannot be found). */
plan_pos plan_xml_attr_pos(const plan_xml *x, const plan_xnode *n, const char *name);
/* Position of the first non-blank character of an element's content (just
 * after the start tag when the content is blank). */
plan_pos plan_xml_content_pos(const plan_xml *x, const plan_xnode *n);
/* Position of a processing instruction: its line from libxml2, the column
 * found by searching that line for needle. */
plan_pos plan_xml_other_pos(const plan_xml *x, const plan_xnode *n, const char *needle);

#endif
