/*
 * tone.h - the inside of tone-mark placement (src/util/tone.c), for its
 * unit test and for the one pass of plan_text_normalize_styled (utf8.c);
 * everything else calls plan_tone_place (include/plan/util.h).
 */
#ifndef PLAN_UTIL_TONE_H
#define PLAN_UTIL_TONE_H

#include "plan/util.h"

/* plan_tone_place without its quick scan: every word is looked at.
 * The two must agree on every text (tests/unit/test_text.c). */
char *plan_tone_place_full(const char *s, plan_tone_style style, plan_tone_change *ch);

/* The vowel ('a' 'e' 'o' 'u' 'y') of which cp is the precomposed form with
 * one tone mark and nothing else (à Á ẻ ỹ ọ Ũ …), or 0: the plain table. */
int plan_tone_vowel(uint32_t cp);

/* plan_tone_vowel of the UTF-8 letter at p (of two or more bytes, lead
 * byte >= 0xC2), read from its bytes by table: the toned vowels are
 * U+00C0–U+00FD (C3 xx), Ũ ũ (C5 A8, C5 A9) and U+1EA0–U+1EF9 (E1 BA xx,
 * E1 BB xx). tests/unit/test_text.c compares it with plan_tone_vowel. */
static inline int plan_tone_vowel_at(const unsigned char *p)
{
    static const char c3[64] = {
        [0x00] = 'a', [0x01] = 'a', [0x03] = 'a', [0x08] = 'e', [0x09] = 'e', [0x12] = 'o',
        [0x13] = 'o', [0x15] = 'o', [0x19] = 'u', [0x1A] = 'u', [0x1D] = 'y', [0x20] = 'a',
        [0x21] = 'a', [0x23] = 'a', [0x28] = 'e', [0x29] = 'e', [0x32] = 'o', [0x33] = 'o',
        [0x35] = 'o', [0x39] = 'u', [0x3A] = 'u', [0x3D] = 'y',
    };
    static const char e1[128] = { /* E1 BA 80 + i: U+1E80 + i */
        [0x20] = 'a', [0x21] = 'a', [0x22] = 'a', [0x23] = 'a', [0x38] = 'e', [0x39] = 'e',
        [0x3A] = 'e', [0x3B] = 'e', [0x3C] = 'e', [0x3D] = 'e', [0x4C] = 'o', [0x4D] = 'o',
        [0x4E] = 'o', [0x4F] = 'o', [0x64] = 'u', [0x65] = 'u', [0x66] = 'u', [0x67] = 'u',
        [0x72] = 'y', [0x73] = 'y', [0x74] = 'y', [0x75] = 'y', [0x76] = 'y', [0x77] = 'y',
        [0x78] = 'y', [0x79] = 'y',
    };
    if (p[0] == 0xC3)
        return (p[1] & 0xC0) == 0x80 ? c3[p[1] & 0x3F] : 0;
    if (p[0] == 0xC5)
        return p[1] == 0xA8 || p[1] == 0xA9 ? 'u' : 0;
    if (p[0] == 0xE1 && (p[1] == 0xBA || p[1] == 0xBB) && (p[2] & 0xC0) == 0x80)
        return e1[((p[1] - 0xBA) << 6) | (p[2] & 0x3F)];
    return 0;
}

/* 1 when the vowels x then y (lower case) can be the rhyme oa, oe or uy,
 * the only rhymes whose mark a change of style moves: "của" (u + ả) and
 * "thuế" never move. */
static inline int plan_tone_pair(int x, int y)
{
    return x == 'o' ? y == 'a' || y == 'e' : x == 'u' && y == 'y';
}

/* plan_text_normalize, and in *may whether plan_tone_place(result, style)
 * may change the result: 0 when it certainly does not (the quick test of
 * plan_tone_place, made on the way), 1 when plan_tone_place_full must
 * decide. One pass over s. */
char *plan_text_normalize_styled(plan_arena *a, const char *s, size_t n, plan_tone_style style,
                                 int *may);

#endif
