/*
 * parse.h - from text to an XML tree with exact positions: a fast scanner
 * of our own for plain, well-formed text, otherwise libxml2 with the secure
 * options of docs/design.md: no network, no entity substitution, a deny-all
 * entity loader, DOCTYPE refused, every parser error turned into a
 * diagnostic. The tree type is opaque (src/parse/xml.h, seen by the model
 * builder only); libxml2 types never leave src/parse.
 */
#ifndef PLAN_PARSE_H
#define PLAN_PARSE_H

#include "plan/diag.h"
#include "plan/load.h"

typedef struct plan_xml plan_xml;

/* Process-wide set-up; call once from main before any thread: initialises
 * libxml2 and installs the deny-all external entity loader. */
void plan_parse_init(void);
/* Process-wide clean-up; call once at exit. */
void plan_parse_cleanup(void);

/* Parses src. Returns the tree, or NULL when the document is not well
 * formed or has a DOCTYPE (the reasons are in d). src must outlive the
 * tree. Caller frees with plan_xml_free. */
plan_xml *plan_parse(const plan_source *src, plan_diags *d);
void plan_xml_free(plan_xml *x);

#endif
