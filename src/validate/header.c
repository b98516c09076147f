/*
 * header.c - the checks of the "header" category of the rule catalogue
 * (src/validate/catalogue/header.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_header(plan_check *c)
{
    (void)c;
}
