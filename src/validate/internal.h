/*
 * internal.h - functions of the validators that the unit tests call to
 * compare a fast path with the plain algorithm it replaces
 * (tests/unit/test_rules.c). Not part of the library's interface.
 */
#ifndef PLAN_VALIDATE_INTERNAL_H
#define PLAN_VALIDATE_INTERNAL_H

#include "plan/util.h"
#include "plan/validate.h"

/* LEX-ROMAN over one text (src/validate/lexical.c): full 0 is the check as
 * it runs (the numeral-like words found first), full 1 the word-by-word
 * reading it replaces. Both report to c the same findings. */
void plan_lex_roman_in(plan_check *c, const plan_text *t, int full);

/* The value of s[0..n) when it is a Roman numeral in canonical form
 * (I … MMMCMXCIX), else 0 (src/validate/lexical.c). */
int plan_lex_roman_value(const char *s, size_t n);

/* AWARD-PROPOSAL-CHAIN (src/validate/award.c): 0 when no proposal verb of
 * the folded text f is followed by a word that may open an authority of
 * level 4 or 5, so that the key text of f need not be built. */
int plan_award_chain_maybe(const char *f);
/* The same, stricter: 0 unless such a verb is followed by the words of a
 * level-4 or level-5 authority. chain_text finds nothing where it says 0. */
int plan_award_chain_words(const char *f);

/* ORG-DISTRICT-2025, ORG-SCOPE (src/validate/org.c): 0 when the folded text
 * f holds none of the words every district-level key of src/data/bodies.c
 * and "thành phố" leave in it, so that the body table need not be read. */
int plan_org_district_maybe(const char *f);

/* Name tokens of the format rules (src/validate/format.c): per code point
 * of token t its ASCII letter (ch) and whether it is a capital (up); the
 * count, or 0 when folding changes the length; *ascp gets
 * plan_utf8_fold_ascii(t) (caller frees). plain 1 folds the token twice
 * (the form the table of Vietnamese letters replaces), plain 0 reads the
 * table when it can. scratch is a buffer for the folds. */
size_t plan_name_token_letters(const char *t, char *ch, int *up, size_t max, char **ascp,
                               plan_buf *scratch, int plain);

#endif
