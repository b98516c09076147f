/*
 * lexical.c - the checks of the "lexical" category of the rule catalogue
 * (src/validate/catalogue/lexical.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_lexical(plan_check *c)
{
    (void)c;
}
