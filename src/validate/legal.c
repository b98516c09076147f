/*
 * legal.c - the checks of the "legal" category of the rule catalogue
 * (src/validate/catalogue/legal.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_legal(plan_check *c)
{
    (void)c;
}
