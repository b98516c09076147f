/*
 * tone.h - the inside of tone-mark placement (src/util/tone.c), for its
 * unit test; everything else calls plan_tone_place (include/plan/util.h).
 */
#ifndef PLAN_UTIL_TONE_H
#define PLAN_UTIL_TONE_H

#include "plan/util.h"

/* plan_tone_place without its quick scan: every word is looked at.
 * The two must agree on every text (tests/unit/test_text.c). */
char *plan_tone_place_full(const char *s, plan_tone_style style, plan_tone_change *ch);

#endif
