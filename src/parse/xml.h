/*
 * xml.h - internal to src/parse and src/model/build.c: the parsed tree and
 * the position helpers. Nothing else may include this header.
 */
#ifndef PLAN_PARSE_XML_H
#define PLAN_PARSE_XML_H

#include <libxml/tree.h>

#include "plan/load.h"
#include "plan/parse.h"

struct plan_xml {
    xmlDocPtr doc;
    const plan_source *src;
};

/* Byte offset of an element's '<' in src->text (recorded while parsing). */
size_t plan_xml_offset(const xmlNode *n);
/* Position of an element's '<'. */
plan_pos plan_xml_pos(const plan_xml *x, const xmlNode *n);
/* Position of attribute name in the element's start tag (the element's
 * position when it cannot be found). */
plan_pos plan_xml_attr_pos(const plan_xml *x, const xmlNode *n, const char *name);
/* Position of the first non-blank character of an element's content (just
 * after the start tag when the content is blank). */
plan_pos plan_xml_content_pos(const plan_xml *x, const xmlNode *n);
/* Position of a node that has no recorded offset (a processing instruction,
 * text): its line from libxml2, the column found by searching that line. */
plan_pos plan_xml_other_pos(const plan_xml *x, const xmlNode *n, const char *needle);

#endif
