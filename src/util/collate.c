/*
 * collate.c - Vietnamese collation, the order of CLDR's "vi" tailoring as
 * ICU implements it (tests/unit/test_collate_icu.c checks every pair of a
 * list of thousands of words against ICU). Three levels, as a Vietnamese
 * reader sorts a list of names:
 *   1. the characters: white space, then punctuation and symbols (in the
 *      order of the Unicode collation table), digits, then letters in the
 *      alphabet order a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t
 *      u ư v w x y z, then the letters of other scripts;
 *   2. tone marks, from the left: none, huyền, hỏi, ngã, sắc, nặng;
 *   3. case, from the left: lower before upper.
 * Equal strings at all three levels (only possible for different bytes
 * when one is NFD and the other NFC) are ordered by bytes, so that sorting
 * is deterministic. Each character is taken apart with utf8proc's
 * canonical decomposition, so NFC and NFD input sort alike.
 */
#include <string.h>
#include <utf8proc.h>

#include "plan/util.h"

typedef struct key {
    unsigned primary;   /* class << 24 | order; 0 = ignorable */
    unsigned tone;      /* 0..5 */
    unsigned upper;     /* 0 lower, 1 upper (or a variant of white space) */
} key;

enum { C_SPACE = 1, C_PUNCT = 2, C_OTHER_SYMBOL = 3, C_DIGIT = 4, C_LETTER = 5, C_SCRIPT = 6 };

/* Punctuation and symbols in the order of the Unicode collation table
 * (DUCET, which CLDR's root and "vi" keep): the dashes, then , ; : ! ? .
 * quotes, brackets, then the symbols, currency last. Anything not listed
 * comes after these, by code point, and still before digits. */
static const utf8proc_int32_t punct_order[] = {
    0x005F, 0x002D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x002C, 0x003B,
    0x003A, 0x0021, 0x00A1, 0x003F, 0x00BF, 0x002E, 0x2026, 0x00B7, 0x0027, 0x2018, 0x2019,
    0x201A, 0x2039, 0x203A, 0x0022, 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB, 0x0028, 0x0029,
    0x005B, 0x005D, 0x007B, 0x007D, 0x00A7, 0x00B6, 0x0040, 0x002A, 0x002F, 0x005C, 0x0026,
    0x0023, 0x0025, 0x2030, 0x2022, 0x2032, 0x2033, 0x0060, 0x005E, 0x00B0, 0x00A9, 0x00AE,
    0x002B, 0x00F7, 0x00D7, 0x003C, 0x003D, 0x003E, 0x007C, 0x007E, 0x2212, 0x0024, 0x20AB,
};

/* Position of a base letter (after removing case), with its vowel mark. */
static unsigned letter_order(utf8proc_int32_t base, int breve, int circ, int horn, int stroke)
{
    static const char order[] = "a\1\2bcd\3e\4fghijklmno\5\6pqrstu\7vwxyz";
    /* codes: \1 ă \2 â \3 đ \4 ê \5 ô \6 ơ \7 ư */
    int code = 0;
    switch (base) {
    case 'a': code = breve ? 1 : circ ? 2 : 'a'; break;
    case 'd': code = stroke ? 3 : 'd'; break;
    case 'e': code = circ ? 4 : 'e'; break;
    case 'o': code = circ ? 5 : horn ? 6 : 'o'; break;
    case 'u': code = horn ? 7 : 'u'; break;
    default: code = (int)base; break;
    }
    const char *p = memchr(order, code, sizeof order - 1);
    return p ? (unsigned)(p - order) + 1 : 64 + (unsigned)base;
}

/* Characters the collation table ignores at every level. */
static int ignorable(utf8proc_int32_t cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* Primary weight of a character that is no letter of the Latin alphabet. */
static unsigned other_primary(utf8proc_int32_t cp, unsigned *tert)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r')
        return (C_SPACE << 24) | (unsigned)cp;
    if (cp == ' ' || cat == UTF8PROC_CATEGORY_ZS) {
        *tert = cp != ' '; /* NBSP and the other spaces: variants of the space */
        return (C_SPACE << 24) | ' ';
    }
    if (cat == UTF8PROC_CATEGORY_ND)
        return (C_DIGIT << 24) | (unsigned)cp;
    for (size_t i = 0; i < sizeof punct_order / sizeof *punct_order; i++)
        if (punct_order[i] == cp)
            return (C_PUNCT << 24) | (unsigned)i;
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
        return (C_SCRIPT << 24) | (unsigned)cp;
    return (C_OTHER_SYMBOL << 24) | (unsigned)cp;
}

/* Reads one base character and its combining marks from s[i..n) and
 * computes its key. Returns bytes consumed. */
static size_t next_key(const utf8proc_uint8_t *s, size_t n, size_t i, key *k)
{
    k->tone = k->upper = 0;
    /* An ASCII letter not followed by a combining mark (U+0300..U+036F
     * start with 0xCC or 0xCD): most of any text, no decomposition. */
    unsigned c0 = s[i];
    if (c0 < 0x80 && (i + 1 >= n || (s[i + 1] != 0xCC && s[i + 1] != 0xCD))) {
        unsigned lc = c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0;
        if (lc >= 'a' && lc <= 'z') {
            k->upper = lc != c0;
            k->primary = (C_LETTER << 24) | letter_order((utf8proc_int32_t)lc, 0, 0, 0, 0);
            return 1;
        }
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len <= 0) {
        k->primary = (C_OTHER_SYMBOL << 24) | s[i];
        return 1;
    }
    size_t used = (size_t)len;
    if (ignorable(cp)) {
        k->primary = 0;
        return used;
    }
    /* The character's canonical decomposition and the combining marks that
     * follow it (NFD input or stray marks). */
    utf8proc_int32_t marks[8];
    int nm = 0;
    utf8proc_int32_t d[8];
    utf8proc_ssize_t r = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
    int dl = r > 0 && r <= 8 ? (int)r : 0;
    if (!dl) {
        d[0] = cp;
        dl = 1;
    }
    for (int j = 1; j < dl && nm < 8; j++)
        marks[nm++] = d[j];
    while (i + used < n) {
        utf8proc_int32_t m;
        utf8proc_ssize_t l2 = utf8proc_iterate(s + i + used, (utf8proc_ssize_t)(n - i - used), &m);
        if (l2 <= 0 || utf8proc_category(m) != UTF8PROC_CATEGORY_MN)
            break;
        utf8proc_int32_t dd[4];
        utf8proc_ssize_t r2 = utf8proc_decompose_char(m, dd, 4, UTF8PROC_DECOMPOSE, NULL);
        for (int j = 0; j < r2 && nm < 8; j++)
            marks[nm++] = dd[j];
        used += (size_t)l2;
    }
    utf8proc_int32_t base = d[0];
    utf8proc_int32_t lower = utf8proc_tolower(base);
    int is_upper = lower != base;
    int breve = 0, circ = 0, horn = 0, stroke = 0;
    for (int j = 0; j < nm; j++) {
        switch (marks[j]) {
        case 0x0306: breve = 1; break;
        case 0x0302: circ = 1; break;
        case 0x031B: horn = 1; break;
        case 0x0300: k->tone = 1; break; /* huyền */
        case 0x0309: k->tone = 2; break; /* hỏi */
        case 0x0303: k->tone = 3; break; /* ngã */
        case 0x0301: k->tone = 4; break; /* sắc */
        case 0x0323: k->tone = 5; break; /* nặng */
        default: break;
        }
    }
    if (lower == 0x0111) { /* đ */
        lower = 'd';
        stroke = 1;
    }
    if (lower >= 'a' && lower <= 'z') {
        k->upper = (unsigned)is_upper;
        k->primary = (C_LETTER << 24) | letter_order(lower, breve, circ, horn, stroke);
    } else {
        k->upper = 0;
        k->primary = other_primary(lower, &k->upper);
    }
    return used;
}

int plan_collate_vi(const char *a, const char *b)
{
    const utf8proc_uint8_t *sa = (const utf8proc_uint8_t *)a, *sb = (const utf8proc_uint8_t *)b;
    size_t na = strlen(a), nb = strlen(b);
    int tone_diff = 0, case_diff = 0;
    size_t i = 0, j = 0;
    for (;;) {
        key ka = {0, 0, 0}, kb = {0, 0, 0};
        while (i < na && ka.primary == 0)
            i += next_key(sa, na, i, &ka);
        while (j < nb && kb.primary == 0)
            j += next_key(sb, nb, j, &kb);
        if (ka.primary == 0 || kb.primary == 0) {
            if (ka.primary != kb.primary)
                return ka.primary ? 1 : -1; /* the shorter first */
            break;
        }
        if (ka.primary != kb.primary)
            return ka.primary < kb.primary ? -1 : 1;
        if (!tone_diff && ka.tone != kb.tone)
            tone_diff = ka.tone < kb.tone ? -1 : 1;
        if (!case_diff && ka.upper != kb.upper)
            case_diff = ka.upper < kb.upper ? -1 : 1;
    }
    if (tone_diff)
        return tone_diff;
    if (case_diff)
        return case_diff;
    int r = strcmp(a, b);
    return r < 0 ? -1 : r > 0;
}
