/*
 * dossier.c - the checks of the "dossier" category of the rule catalogue
 * (src/validate/catalogue/dossier.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_dossier(plan_check *c)
{
    (void)c;
}
