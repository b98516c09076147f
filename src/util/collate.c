/*
 * collate.c - Vietnamese collation. Three levels, as a Vietnamese reader
 * sorts a list of names:
 *   1. letters in the Vietnamese alphabet order a ă â b c d đ e ê g h i k l
 *      m n o ô ơ p q r s t u ư v x y (other characters by code point:
 *      spaces and punctuation before digits before letters);
 *   2. tone marks: none, huyền, hỏi, ngã, sắc, nặng;
 *   3. case: lower before upper.
 * Each character is taken apart with utf8proc's canonical decomposition.
 */
#include <string.h>
#include <utf8proc.h>

#include "plan/util.h"

typedef struct key {
    unsigned primary;   /* class << 24 | order */
    unsigned tone;      /* 0..5 */
    unsigned upper;     /* 0 lower, 1 upper */
} key;

/* Position of a base letter (after removing case), with its vowel mark. */
static unsigned letter_order(utf8proc_int32_t base, int breve, int circ, int horn, int stroke)
{
    static const char order[] = "a\1\2bcd\3e\4ghiklmno\5\6pqrstu\7vxy";
    /* codes: \1 ă \2 â \3 đ \4 ê \5 ô \6 ơ \7 ư; 'f','j','w','z' placed after y */
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
    if (p)
        return (unsigned)(p - order) + 1;
    /* Latin letters not in the Vietnamese alphabet: after y, by code point. */
    return 64 + (unsigned)base;
}

/* Reads one grapheme-ish unit (a base code point and its combining marks)
 * from s[i..n) and computes its key. Returns bytes consumed. */
static size_t next_key(const utf8proc_uint8_t *s, size_t n, size_t i, key *k)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len <= 0) {
        k->primary = (1u << 24) | s[i];
        k->tone = k->upper = 0;
        return 1;
    }
    size_t used = (size_t)len;
    /* Gather the following combining marks too (NFD input or stray marks). */
    utf8proc_int32_t marks[8];
    int nm = 0;
    utf8proc_int32_t d[8];
    int dl = 0;
    utf8proc_ssize_t r = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
    if (r > 0 && r <= 8)
        dl = (int)r;
    else {
        d[0] = cp;
        dl = 1;
    }
    for (int j = 1; j < dl && nm < 8; j++)
        marks[nm++] = d[j];
    while (i + used < n && nm < 8) {
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
    k->upper = lower != base;
    int breve = 0, circ = 0, horn = 0, stroke = 0;
    k->tone = 0;
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
    if (lower >= 'a' && lower <= 'z')
        k->primary = (4u << 24) | letter_order(lower, breve, circ, horn, stroke);
    else if (lower >= '0' && lower <= '9')
        k->primary = (3u << 24) | (unsigned)lower;
    else if (utf8proc_category(lower) == UTF8PROC_CATEGORY_ZS || lower == ' ')
        k->primary = (1u << 24) | (unsigned)lower;
    else if (utf8proc_category(lower) >= UTF8PROC_CATEGORY_LU &&
             utf8proc_category(lower) <= UTF8PROC_CATEGORY_LO)
        k->primary = (5u << 24) | (unsigned)lower;
    else
        k->primary = (2u << 24) | (unsigned)lower;
    return used;
}

int plan_collate_vi(const char *a, const char *b)
{
    const utf8proc_uint8_t *sa = (const utf8proc_uint8_t *)a, *sb = (const utf8proc_uint8_t *)b;
    size_t na = strlen(a), nb = strlen(b);
    int tone_diff = 0, case_diff = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        key ka, kb;
        i += next_key(sa, na, i, &ka);
        j += next_key(sb, nb, j, &kb);
        if (ka.primary != kb.primary)
            return ka.primary < kb.primary ? -1 : 1;
        if (!tone_diff && ka.tone != kb.tone)
            tone_diff = ka.tone < kb.tone ? -1 : 1;
        if (!case_diff && ka.upper != kb.upper)
            case_diff = ka.upper < kb.upper ? -1 : 1;
    }
    if (i < na)
        return 1;
    if (j < nb)
        return -1;
    if (tone_diff)
        return tone_diff;
    if (case_diff)
        return case_diff;
    return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}
