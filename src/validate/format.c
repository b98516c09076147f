/*
 * format.c - the checks of the "format" category (sections, signature, Nơi nhận) of the rule catalogue
 * (src/validate/catalogue/format.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_format(plan_check *c)
{
    (void)c;
}
