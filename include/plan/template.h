/*
 * template.h - drafts for subordinate offices made from a parent plan
 * (`plan new`, docs/templates.md): the fingerprint of a plan's content, the
 * placeholders a draft leaves to fill in, writing a draft, and bringing a
 * draft in line with its parent again. Implemented in src/emit/template.c
 * (drafts, fingerprints) and src/validate/template.c (the rules).
 */
#ifndef PLAN_TEMPLATE_H
#define PLAN_TEMPLATE_H

#include <stdint.h>

#include "plan/model.h"
#include "plan/util.h"

/* A placeholder is "[[" what to write "]]" inside a text or an attribute;
 * a "[[" that is never closed runs to the end of the text. */
#define PLAN_PLACEHOLDER_OPEN "[["
#define PLAN_PLACEHOLDER_CLOSE "]]"

/* The placeholders in s (NULL is ""). */
size_t plan_placeholder_count(const char *s);

/* The fingerprint of doc's content: plan_hash64 over its normalized XML
 * (plan_emit_xml) without the <lineage> line and the <?plan-…?> lines, so
 * that layout, comments and suppressions do not count. */
uint64_t plan_fingerprint(const plan_doc *doc);

/* Reads the plan at path with the default options and fingerprints it.
 * Returns PLAN_OK with *fp set (and, when doc is not NULL, the document,
 * which the caller frees with plan_doc_free); PLAN_BAD_DOCUMENT when the
 * file is no well-formed plan (diagnostics in d, which may be NULL);
 * PLAN_ERR_IO with errno set. */
int plan_fingerprint_file(const char *path, uint64_t *fp, plan_diags *d, plan_doc **doc);

typedef struct plan_draft_opts {
    const char *issuer;      /* the office, as written in running text: "Sở Nội vụ" */
    const char *abbr;        /* its code in số, ký hiệu ("SNV"), or NULL: from the
                              * table of issuers, else a placeholder */
    const char *parent_body; /* its cơ quan chủ quản line, or NULL: inferred (the
                              * parent's issuer when the office sits under a body);
                              * "" for none */
    const char *parent_path; /* the parent's file as the lineage records it:
                              * relative to the draft's folder */
} plan_draft_opts;

/* Writes to out the draft (plan XML, UTF-8, normalized layout) of a plan
 * of the office o->issuer implementing parent: see docs/templates.md for
 * what it inherits and where it leaves placeholders. parent should have no
 * errors. Returns 0, or -1 with a message in err (an internal problem:
 * the draft would not be a valid plan). */
int plan_draft_new(const plan_doc *parent, const plan_draft_opts *o, plan_buf *out,
                   plan_buf *err);

/* Brings draft in line with parent (the plan its lineage names, read
 * again): what draft inherited (inherited="yes", the lineage) is derived
 * afresh from parent, everything else of draft is kept; the result goes to
 * out. draft's blocks are moved into the result: free draft after, and do
 * not use it otherwise. Returns 0, or -1 with a message in err. */
int plan_draft_update(plan_doc *draft, const plan_doc *parent, const char *parent_path,
                      plan_buf *out, plan_buf *err);

#endif
