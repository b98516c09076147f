/*
 * rules.c - the catalogue table, expanded from the X-macro files.
 */
#include <string.h>

#include "plan/diag.h"
#include "plan/i18n.h"
#include "plan/rules.h"

static const plan_rule table[] = {
#define RULE(e, id, sev, cat, src, ver, title, expl, bad, good) \
    {id, sev, cat, src, ver, title, expl, bad, good},
#include "validate/catalogue/all.def"
#undef RULE
};

const plan_rule *plan_rule_get(plan_rule_id id)
{
    return &table[id < PLAN_RULE_COUNT ? id : 0];
}

int plan_rule_find(const char *id)
{
    for (int i = 0; i < PLAN_RULE_COUNT; i++)
        if (strcmp(table[i].id, id) == 0)
            return i;
    return -1;
}

const char *plan_category_name(plan_category c)
{
    switch (c) {
    case PLAN_CAT_STRUCTURE: return N_("structure of the XML");
    case PLAN_CAT_HEADER: return N_("header and format (NĐ 30/2020)");
    case PLAN_CAT_LEGAL: return N_("legal basis and references");
    case PLAN_CAT_CONTENT: return N_("campaign content and period");
    case PLAN_CAT_AWARD: return N_("awards and authority");
    case PLAN_CAT_DOSSIER: return N_("dossiers, reports and deadlines");
    case PLAN_CAT_ORG: return N_("organisation and responsibilities");
    case PLAN_CAT_LEXICAL: return N_("lexical");
    default: return "?";
    }
}
