/*
 * dossier_items.c - the items a dossier proposing an award usually holds.
 * Source: shared/domain/rules.md §7.3, rule DOSSIER-CONTENTS, drawn from
 * seed 004 l.125–131 [S:004]; no decree text was checked, so the list is a
 * checklist for the reader, not a legal requirement.
 */
#include <stdlib.h>
#include <string.h>

#include "data/dossier_items.h"
#include "plan/util.h"

#define SRC "rules.md §7.3 DOSSIER-CONTENTS [S:004 l.125–131]"

static const char *const k_totrinh[] = {"to trinh", "cong van de nghi", NULL};
static const char *const k_bienban[] = {"bien ban", NULL};
static const char *const k_baocao[] = {"bao cao thanh tich", NULL};
static const char *const k_tomtat[] = {"tom tat thanh tich", NULL};

static const plan_dossier_kind kinds[] = {
    {"tờ trình", k_totrinh, SRC, "S"},
    {"biên bản họp xét", k_bienban, SRC, "S"},
    {"báo cáo thành tích theo mẫu", k_baocao, SRC, "S"},
    {"tóm tắt thành tích", k_tomtat, SRC, "S"},
};

size_t plan_dossier_kind_count(void)
{
    return sizeof kinds / sizeof *kinds;
}

const plan_dossier_kind *plan_dossier_kind_get(int i)
{
    return i >= 0 && (size_t)i < plan_dossier_kind_count() ? &kinds[i] : NULL;
}

int plan_dossier_kind_match(const char *text)
{
    char *f = plan_utf8_fold_ascii(text);
    int found = -1;
    for (size_t i = 0; i < plan_dossier_kind_count() && found < 0; i++)
        for (const char *const *k = kinds[i].keys; *k && found < 0; k++)
            if (strstr(f, *k))
                found = (int)i;
    free(f);
    return found;
}
