/*
 * content.c - the checks of the "content" category of the rule catalogue
 * (src/validate/catalogue/content.def).
 */
#include "plan/i18n.h"
#include "plan/validate.h"

void plan_check_content(plan_check *c)
{
    (void)c;
}
