/*
 * dossier_items.h - the usual items of a dossier proposing an award
 * (hồ sơ đề nghị khen thưởng), used to classify the items a plan lists
 * (rule DOSSIER-CONTENTS; shared/domain/rules.md §7.3).
 */
#ifndef PLAN_DATA_DOSSIER_ITEMS_H
#define PLAN_DATA_DOSSIER_ITEMS_H

#include <stddef.h>

typedef struct plan_dossier_kind {
    const char *name;        /* "tờ trình", "biên bản họp xét" … */
    const char *const *keys; /* any of these (folded, accent-free) in an item names it */
    const char *source;
    const char *verified;    /* S: seen in the seeds */
} plan_dossier_kind;

size_t plan_dossier_kind_count(void);
const plan_dossier_kind *plan_dossier_kind_get(int i);
/* The row an item's text names (accent- and case-insensitive), or -1. */
int plan_dossier_kind_match(const char *text);

#endif
