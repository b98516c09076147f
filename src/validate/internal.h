/*
 * internal.h - functions of the validators that the unit tests call to
 * compare a fast path with the plain algorithm it replaces
 * (tests/unit/test_rules.c). Not part of the library's interface.
 */
#ifndef PLAN_VALIDATE_INTERNAL_H
#define PLAN_VALIDATE_INTERNAL_H

#include "plan/validate.h"

/* LEX-ROMAN over one text (src/validate/lexical.c): full 0 is the check as
 * it runs (the numeral-like words found first), full 1 the word-by-word
 * reading it replaces. Both report to c the same findings. */
void plan_lex_roman_in(plan_check *c, const plan_text *t, int full);

#endif
