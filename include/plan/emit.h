/*
 * emit.h - renderers. Each output format is one file in src/emit; all share
 * the escaping helpers below. Output is byte-for-byte deterministic: no
 * time stamps, no random ids, stable order.
 */
#ifndef PLAN_EMIT_H
#define PLAN_EMIT_H

#include "plan/model.h"
#include "plan/util.h"

/* The normalized plan (STEM.xml): canonical order and indentation, NFC
 * text, resolved attributes, sections renumbered. Valid against
 * schema/plan.rng and a valid input: emitting it again gives the same bytes. */
void plan_emit_xml(const plan_doc *doc, plan_buf *out);

/* ---- escaping (src/emit/escape.c) ---- */
/* XML text: & < > escaped; in attributes also ". */
void plan_esc_xml(plan_buf *b, const char *s);
void plan_esc_xml_attr(plan_buf *b, const char *s);
/* JSON string contents (without the quotes). */
void plan_esc_json(plan_buf *b, const char *s);

#endif
