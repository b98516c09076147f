/*
 * template.h - internal to src/validate: the lineage of a draft made by
 * `plan new` (docs/templates.md), as the rules across plans (corpus.c)
 * hand it to the drift check of template.c.
 */
#ifndef PLAN_VALIDATE_TEMPLATE_H
#define PLAN_VALIDATE_TEMPLATE_H

#include <stdint.h>

#include "plan/diag.h"
#include "plan/model.h"

/* What a summary keeps of a draft's <lineage>; strings owned by the
 * summary. number == NULL when the plan has no lineage. */
typedef struct plan_lineage_ref {
    char *number;            /* the parent's số, ký hiệu as recorded */
    char *key;               /* the same without spaces */
    char *path;              /* relative to the draft's folder */
    plan_date date;          /* y == 0 when not recorded as a day */
    uint64_t fp;
    int fp_ok;
    plan_pos pos;            /* the <lineage> element */
    plan_pos path_pos;       /* its path attribute */
} plan_lineage_ref;

/* Fills r from doc's lineage (nothing when it has none). */
void plan_lineage_ref_of(const plan_doc *doc, plan_lineage_ref *r);
void plan_lineage_ref_free(plan_lineage_ref *r);

/* Parents read for the drift check, each read and fingerprinted once per
 * run however many drafts name it. */
typedef struct plan_parent_cache plan_parent_cache;
plan_parent_cache *plan_parent_cache_new(void);
void plan_parent_cache_free(plan_parent_cache *c);

/* TEMPLATE-DRIFT and TEMPLATE-PARENT-MISSING for the draft file with
 * lineage l. parent is the file of the plan the lineage resolved to among
 * the plans checked together, or NULL: then the lineage's path is read,
 * relative to the draft's folder. Findings go to out at the rules'
 * default severities. */
void plan_template_drift(plan_parent_cache *c, const char *draft, const plan_lineage_ref *l,
                         const char *parent, plan_diags *out);

#endif
