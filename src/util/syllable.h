/*
 * syllable.h - is a word one written Vietnamese syllable? Used to tell text
 * in a legacy encoding shown as Windows-1252 ("Së V¨n ho¸") from real
 * Vietnamese ("Sở Văn hóa"): the right reading is the one whose words are
 * syllables. Internal to the library (src/util/syllable.c).
 */
#ifndef PLAN_UTIL_SYLLABLE_H
#define PLAN_UTIL_SYLLABLE_H

#include <stddef.h>

/* 1 when s[0..n) (UTF-8, NFC or NFD) is one Vietnamese syllable as spelt:
 * an onset from the 27 of the alphabet (b, c, ch, d, đ, g, gh, gi, …), a
 * rhyme from the list of written rhymes (with its medial o/u), at most one
 * tone mark, and the rules that tie them (k/gh/ngh before i, e, ê; c/g/ng
 * not; -p, -t, -c, -ch only with sắc or nặng). Unless any_case is set,
 * case must be natural: all lower case, a capital first letter, or all
 * capitals ("ThÓ" is not). Accepts spellings, not words: "cỏc" passes,
 * "cafộ" does not. */
int plan_syllable_valid(const char *s, size_t n, int any_case);

#endif
