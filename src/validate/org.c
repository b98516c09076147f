/*
 * org.c - the checks of the "org" category of the rule catalogue
 * (src/validate/catalogue/org.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_org(plan_check *c)
{
    (void)c;
}
