/*
 * tone.c - where the tone mark of a Vietnamese syllable goes, and the
 * rewriting of text into one style (docs/text.md, "Tone marks").
 *
 * The two styles differ only in open syllables (no final consonant) whose
 * rhyme is oa, oe or uy: the old style marks the first vowel (hòa, khỏe,
 * thủy), the new style, by the rule of the Ministry of Education's
 * spelling rules (1984; Quyết định 1989/QĐ-BGDĐT of 2018, Điều 8), the main
 * vowel (hoà, khoẻ, thuỷ). Everywhere else both styles agree: the vowel
 * with a diacritic takes the mark (thuở, huế, được, biển), a syllable with
 * a final consonant marks its last vowel (hoàn, huỳnh, thuyền), ia/ua/ưa
 * mark the first (mía, của, lửa), and qu/gi are onsets (quý, già). Those
 * syllables are left as written: moving a mark there would be a spelling
 * correction, not a change of style.
 *
 * A word is a run of letters and combining marks. It is taken apart with
 * utf8proc's canonical decomposition, parsed as onset + vowels + final
 * consonant, and rebuilt in NFC when its mark moves; anything that is not
 * one Vietnamese syllable (abbreviations, foreign words, several tone
 * marks) is copied unchanged.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "plan/util.h"
#include "util/tone.h"

#define MAX_LETTERS 12

typedef struct letter {
    utf8proc_int32_t base;  /* as written (case kept), without marks */
    utf8proc_int32_t shape; /* U+0306, U+0302 or U+031B (ă â ê ô ơ ư), or 0 */
    utf8proc_int32_t tone;  /* U+0300 U+0309 U+0303 U+0301 U+0323, or 0 */
    char skel;              /* lower-case letter; ă 1 â 2 ê 3 ô 4 ơ 5 ư 6 đ 7 */
} letter;

static int is_tone(utf8proc_int32_t m)
{
    return m == 0x0300 || m == 0x0309 || m == 0x0303 || m == 0x0301 || m == 0x0323;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    /* Latin letters, Vietnamese above all, and the combining marks: no
     * table lookup (the hot path of the model builder). */
    if ((cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp < 0x370) ||
        (cp >= 0x1E00 && cp < 0x1F00))
        return 1;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* Adds mark m to l; 0 when the letter cannot carry it in Vietnamese. */
static int add_mark(letter *l, utf8proc_int32_t m)
{
    if (is_tone(m)) {
        if (l->tone)
            return 0;
        l->tone = m;
        return 1;
    }
    if ((m == 0x0306 || m == 0x0302 || m == 0x031B) && !l->shape) {
        l->shape = m;
        return 1;
    }
    return 0;
}

/* The skeleton letter of l, or 0 when l is no letter of the alphabet. */
static char skeleton(const letter *l)
{
    utf8proc_int32_t c = utf8proc_tolower(l->base);
    if (c == 0x0111)
        return l->shape ? 0 : '7';
    if (c < 'a' || c > 'z')
        return 0;
    switch (l->shape) {
    case 0: return (char)c;
    case 0x0306: return c == 'a' ? '1' : 0;
    case 0x0302: return c == 'a' ? '2' : c == 'e' ? '3' : c == 'o' ? '4' : 0;
    default: return c == 'o' ? '5' : c == 'u' ? '6' : 0; /* horn */
    }
}

static int is_vowel(char c)
{
    return c != '\0' && strchr("aeiouy123456", c) != NULL;
}

/* Splits a skeleton into onset, vowels and final consonant. Returns 1 and
 * the lengths of the onset and the vowel run, or 0 when the skeleton is no
 * Vietnamese syllable. Onsets are tried longest first, and one that leaves
 * no vowel is given up for a shorter one ("gìn" is g + ìn). */
static int parse_syllable(const char *sk, size_t *onset, size_t *nv)
{
    static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                         "th",  "tr", "b",  "c",  "d",  "7",  "g",  "h",  "k",
                                         "l",   "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x",
                                         ""};
    static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
    for (size_t i = 0; i < sizeof onsets / sizeof *onsets; i++) {
        size_t k = strlen(onsets[i]);
        if (strncmp(sk, onsets[i], k) != 0)
            continue;
        size_t v = 0;
        while (is_vowel(sk[k + v]))
            v++;
        if (v == 0 || v > 3)
            continue;
        for (size_t f = 0; f < sizeof finals / sizeof *finals; f++)
            if (strcmp(sk + k + v, finals[f]) == 0) {
                *onset = k;
                *nv = v;
                return 1;
            }
    }
    return 0;
}

/* Decodes s[0..n) (one word) into letters. Returns the count, or 0 when
 * the word is not made of Vietnamese letters with at most one tone mark. */
static size_t letters_of(const char *s, size_t n, letter *v)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, k = 0;
    int tones = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return 0;
        i += (size_t)len;
        utf8proc_int32_t d[4];
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, NULL);
        if (nd <= 0 || nd > 4)
            return 0;
        int start = 0;
        if (utf8proc_category(d[0]) != UTF8PROC_CATEGORY_MN) {
            if (k == MAX_LETTERS)
                return 0;
            v[k++] = (letter){d[0], 0, 0, 0};
            start = 1;
        }
        if (k == 0)
            return 0; /* a mark with nothing to carry it */
        for (int j = start; j < nd; j++) {
            if (!add_mark(&v[k - 1], d[j]))
                return 0;
            tones += is_tone(d[j]);
        }
    }
    if (tones > 1)
        return 0;
    for (size_t j = 0; j < k; j++)
        if (!(v[j].skel = skeleton(&v[j])))
            return 0;
    return k;
}

/* The base letter (lower case, marks dropped) of the letter that ends
 * before s[i], skipping combining marks; its start goes to *at. 0 when
 * there is none. */
static utf8proc_int32_t base_before(const char *s, size_t i, size_t *at)
{
    utf8proc_int32_t cp = 0;
    while (i > 0) {
        size_t start = i - 1;
        while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
            start--;
        if ((unsigned char)s[start] < 0x80) {
            *at = start;
            return s[start] | 0x20;
        }
        uint32_t u;
        plan_utf8_decode(s + start, &u);
        int b = u >= 0x300 && u < 0x370 ? 0 : plan_utf8_base_letter(u);
        if (b) { /* a precomposed letter: the folding table knows its base */
            *at = start;
            return b;
        }
        if (utf8proc_iterate((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(i - start),
                             &cp) <= 0)
            return 0;
        i = start;
        if (utf8proc_category(cp) != UTF8PROC_CATEGORY_MN)
            break; /* NFD: skip the marks after the letter */
    }
    *at = i;
    utf8proc_int32_t d[4];
    if (!cp || utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, NULL) < 1)
        return 0;
    return d[0] | 0x20;
}

/* 1 when the word s[0..n) ends in o or u then a, e or y (toned or not, any
 * case): an open oa, oe or uy syllable must, and most words do not. */
static int ends_in_aey(const char *s, size_t n)
{
    size_t at;
    utf8proc_int32_t c = base_before(s, n, &at);
    if (c != 'a' && c != 'e' && c != 'y')
        return 0;
    c = base_before(s, at, &at);
    return c == 'o' || c == 'u';
}

/* The word s[0..n) with its tone mark in style, appended to out; returns 1
 * when the mark moved (out untouched otherwise). */
static int place_word(const char *s, size_t n, plan_tone_style style, plan_buf *out)
{
    letter v[MAX_LETTERS];
    size_t k = letters_of(s, n, v);
    if (k < 2)
        return 0;
    char sk[MAX_LETTERS + 1];
    for (size_t j = 0; j < k; j++)
        sk[j] = v[j].skel;
    sk[k] = '\0';
    size_t on, nv;
    if (!parse_syllable(sk, &on, &nv) || nv != 2 || on + nv != k)
        return 0;
    const char *rhyme = sk + on;
    if (strcmp(rhyme, "oa") != 0 && strcmp(rhyme, "oe") != 0 && strcmp(rhyme, "uy") != 0)
        return 0;
    size_t at = v[on].tone ? on : v[on + 1].tone ? on + 1 : k;
    size_t want = style == PLAN_TONE_NEW ? on + 1 : on;
    if (at == k || at == want)
        return 0;
    v[want].tone = v[at].tone;
    v[at].tone = 0;
    /* Rebuild in NFD, then compose. */
    utf8proc_int32_t cps[3 * MAX_LETTERS];
    size_t m = 0;
    for (size_t j = 0; j < k; j++) {
        cps[m++] = v[j].base;
        if (v[j].shape)
            cps[m++] = v[j].shape;
        if (v[j].tone)
            cps[m++] = v[j].tone;
    }
    utf8proc_ssize_t len = utf8proc_normalize_utf32(cps, (utf8proc_ssize_t)m,
                                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    for (utf8proc_ssize_t j = 0; j < len; j++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t e = utf8proc_encode_char(cps[j], enc);
        plan_buf_append(out, (const char *)enc, (size_t)e);
    }
    return 1;
}

int plan_tone_vowel(uint32_t cp)
{
    static const struct {
        uint16_t cp;
        char v;
    } tab[] = {
        {0xC0, 'a'},   {0xC1, 'a'},   {0xC3, 'a'},   {0xC8, 'e'},   {0xC9, 'e'},   {0xD2, 'o'},
        {0xD3, 'o'},   {0xD5, 'o'},   {0xD9, 'u'},   {0xDA, 'u'},   {0xDD, 'y'},   {0xE0, 'a'},
        {0xE1, 'a'},   {0xE3, 'a'},   {0xE8, 'e'},   {0xE9, 'e'},   {0xF2, 'o'},   {0xF3, 'o'},
        {0xF5, 'o'},   {0xF9, 'u'},   {0xFA, 'u'},   {0xFD, 'y'},   {0x168, 'u'},  {0x169, 'u'},
        {0x1EA0, 'a'}, {0x1EA1, 'a'}, {0x1EA2, 'a'}, {0x1EA3, 'a'}, {0x1EB8, 'e'}, {0x1EB9, 'e'},
        {0x1EBA, 'e'}, {0x1EBB, 'e'}, {0x1EBC, 'e'}, {0x1EBD, 'e'}, {0x1ECC, 'o'}, {0x1ECD, 'o'},
        {0x1ECE, 'o'}, {0x1ECF, 'o'}, {0x1EE4, 'u'}, {0x1EE5, 'u'}, {0x1EE6, 'u'}, {0x1EE7, 'u'},
        {0x1EF2, 'y'}, {0x1EF3, 'y'}, {0x1EF4, 'y'}, {0x1EF5, 'y'}, {0x1EF6, 'y'}, {0x1EF7, 'y'},
        {0x1EF8, 'y'}, {0x1EF9, 'y'},
    };
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
        if (tab[i].cp == cp)
            return tab[i].v;
    return 0;
}

static int ascii_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* 0 when s certainly needs no change in style, by a scan of its bytes that
 * decodes nearly nothing. A change moves the mark between the last two
 * letters of a word, the rhyme oa, oe or uy (plan_tone_pair), so in NFC
 * text it needs, in the old style, o or u without marks then a, e or y
 * with only a tone mark (hoà), in the new style o or u with only a tone
 * mark then a, e or y without marks (hòa), and then no further ASCII
 * letter. Text
 * with a combining mark (U+0300–U+036F: NFD) always takes the full path.
 * tests/unit/test_text.c compares both paths over pairs of letters. */
static int may_move(const char *s, plan_tone_style style)
{
    /* Bytes worth a look: 1 combining mark (lead byte CC or CD), 2 o or u
     * (old style), 4 a lead byte of a toned o or u (new style: C3 C5 E1). */
    static const unsigned char look[256] = {
        ['o'] = 2, ['O'] = 2, ['u'] = 2, ['U'] = 2, [0xC3] = 4, [0xC5] = 4, [0xE1] = 4,
        [0xCC] = 1, [0xCD] = 1,
    };
    const unsigned char mask = style == PLAN_TONE_NEW ? 1 | 4 : 1 | 2;
    const unsigned char *p = (const unsigned char *)s;
    for (;; p++) {
        while (!(look[*p] & mask)) {
            if (!*p)
                return 0;
            p++;
        }
        if (look[*p] & 1)
            return 1;
        if (style == PLAN_TONE_OLD) {
            if (p[1] < 0x80)
                continue;
            int v = plan_tone_vowel_at(p + 1);
            size_t k = p[1] == 0xE1 ? 3 : 2;
            if (v && plan_tone_pair(p[0] | 0x20, v) && !ascii_letter(p[1 + k]))
                return 1;
        } else {
            int v = plan_tone_vowel_at(p);
            if (!v)
                continue; /* and p[k] may lie beyond the end of s */
            size_t k = p[0] == 0xE1 ? 3 : 2;
            if (plan_tone_pair(v, p[k] | 0x20) && !ascii_letter(p[k + 1]))
                return 1;
        }
    }
}

char *plan_tone_place(const char *s, plan_tone_style style, plan_tone_change *ch)
{
    plan_tone_change none = {0, 0, 0, 0, 0};
    if (!ch)
        ch = &none;
    *ch = none;
    if (!s || !may_move(s, style))
        return NULL;
    return plan_tone_place_full(s, style, ch);
}

char *plan_tone_place_full(const char *s, plan_tone_style style, plan_tone_change *ch)
{
    plan_tone_change none = {0, 0, 0, 0, 0};
    if (!ch)
        ch = &none;
    *ch = none;
    if (!s)
        return NULL;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t n = strlen(s), i = 0, copied = 0;
    plan_buf out = PLAN_BUF_INIT, word = PLAN_BUF_INIT;
    while (i < n) {
        uint32_t cp;
        size_t len = plan_utf8_decode((const char *)p + i, &cp);
        if (!is_word_cp((utf8proc_int32_t)cp)) {
            i += len;
            continue;
        }
        size_t start = i;
        int ascii = 1;
        while (i < n) {
            len = plan_utf8_decode((const char *)p + i, &cp);
            if (!is_word_cp((utf8proc_int32_t)cp))
                break;
            ascii &= cp < 0x80;
            i += len;
        }
        /* A word of ASCII letters carries no tone mark; a syllable longer
         * than "nghiêng" spelt in NFD is no syllable. */
        plan_buf_reset(&word);
        if (ascii || i - start > 4 * MAX_LETTERS || !ends_in_aey(s + start, i - start) ||
            !place_word(s + start, i - start, style, &word))
            continue;
        plan_buf_append(&out, s + copied, start - copied);
        if (ch->count++ == 0) {
            ch->offset = start;
            ch->len = i - start;
            ch->new_offset = out.len;
            ch->new_len = word.len;
        }
        plan_buf_append(&out, word.data, word.len);
        copied = i;
    }
    plan_buf_free(&word);
    if (!ch->count)
        return NULL;
    plan_buf_append(&out, s + copied, n - copied);
    char *r = plan_xstrdup(plan_buf_cstr(&out));
    plan_buf_free(&out);
    return r;
}
