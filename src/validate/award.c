/*
 * award.c - the checks of the "award" category of the rule catalogue
 * (src/validate/catalogue/award.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_award(plan_check *c)
{
    (void)c;
}
