/*
 * i18n.h - gettext macros. _() translates at the call; N_() marks a string
 * for translation where it is defined (the rule table) and _() is applied
 * where it is printed. Rule ids and machine formats are never translated.
 */
#ifndef PLAN_I18N_H
#define PLAN_I18N_H

#include <libintl.h>

#define PLAN_DOMAIN "plan"
#define _(s) dgettext(PLAN_DOMAIN, s)
#define N_(s) (s)

#endif
