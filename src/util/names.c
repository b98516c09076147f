/*
 * names.c - matching office names as a reader does: "Văn phòng Sở",
 * "VĂN PHÒNG SỞ", "Văn  phòng Sở" and the same in NFD are one office; so
 * are "Phòng Hành chính - Quản trị" and "Phòng Hành chính-Quản trị", and
 * "Ủy ban" and "Uỷ ban" (two tone styles). "Van phong So" is the same
 * office typed without accents: a match of its own kind, which the
 * checks report (TEXT-NAME-ACCENTS) and the features still accept.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "plan/util.h"

/* The ASCII punctuation (Unicode categories Pc to Po), computed once from
 * utf8proc: names are mostly ASCII between letters of two or three bytes. */
static unsigned char ascii_punct[128];
static pthread_once_t ascii_punct_once = PTHREAD_ONCE_INIT;

static void ascii_punct_init(void)
{
    for (int c = 0; c < 128; c++) {
        utf8proc_category_t k = utf8proc_category(c);
        ascii_punct[c] = k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
    }
}

/* 1 when the code point at s[i] is punctuation; *len gets its length. */
static int punct_at(const char *s, size_t i, size_t *len)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *len = 1;
        return ascii_punct[b];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &cp);
    if (n <= 0) {
        *len = 1;
        return 0;
    }
    *len = (size_t)n;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

/* Drops the spaces (already folded to single ones) next to punctuation, in place. */
static void tighten(char *s)
{
    pthread_once(&ascii_punct_once, ascii_punct_init);
    size_t o = 0, i = 0, len;
    int after_punct = 0;
    while (s[i]) {
        if (s[i] == ' ') {
            size_t next = i + 1;
            if (after_punct || (s[next] && punct_at(s, next, &len))) {
                i++;
                continue;
            }
            s[o++] = s[i++];
            after_punct = 0;
            continue;
        }
        after_punct = punct_at(s, i, &len);
        if (len == 1)
            s[o] = s[i];
        else if (o != i)
            memmove(s + o, s + i, len);
        o += len;
        i += len;
    }
    s[o] = '\0';
}

char *plan_name_key(const char *s, int keep_accents)
{
    char *k = keep_accents ? plan_utf8_fold(s) : plan_utf8_fold_ascii(s);
    if (keep_accents) {
        char *t = plan_tone_place(k, PLAN_TONE_OLD, NULL);
        if (t) {
            free(k);
            k = t;
        }
    }
    tighten(k);
    return k;
}

char *plan_name_key_folded(const char *folded)
{
    char *k = plan_xstrdup(folded ? folded : "");
    tighten(k);
    return k;
}

plan_name_match_kind plan_name_match(const char *a, const char *b)
{
    char *ka = plan_name_key(a, 1), *kb = plan_name_key(b, 1);
    int same = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    if (same)
        return PLAN_NAME_SAME;
    ka = plan_name_key(a, 0);
    kb = plan_name_key(b, 0);
    same = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same ? PLAN_NAME_NO_ACCENTS : PLAN_NAME_NONE;
}

/* The marks of cp's canonical decomposition (category Mn); đ and Đ count
 * one. */
static size_t marks_of(utf8proc_int32_t cp)
{
    if (cp == 0x0110 || cp == 0x0111) /* Đ đ */
        return 1;
    utf8proc_int32_t d[4];
    size_t n = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, NULL);
    for (utf8proc_ssize_t j = 0; j < nd && j < 4; j++)
        n += utf8proc_category(d[j]) == UTF8PROC_CATEGORY_MN;
    return n;
}

/* marks_of for the Latin letters of Vietnamese (U+00C0–U+01B3, and
 * U+1EA0–U+1EFF: ạ … ỹ), computed once. */
#define LATIN_LO 0xC0
#define LATIN_HI 0x1B4
#define VIET_LO 0x1EA0
#define VIET_HI 0x1F00
static unsigned char marks_latin[LATIN_HI - LATIN_LO], marks_viet[VIET_HI - VIET_LO];
static pthread_once_t marks_once = PTHREAD_ONCE_INIT;

static void marks_init(void)
{
    for (int cp = LATIN_LO; cp < LATIN_HI; cp++)
        marks_latin[cp - LATIN_LO] = (unsigned char)marks_of(cp);
    for (int cp = VIET_LO; cp < VIET_HI; cp++)
        marks_viet[cp - VIET_LO] = (unsigned char)marks_of(cp);
}

size_t plan_name_accents(const char *s)
{
    pthread_once(&marks_once, marks_init);
    size_t n = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_ssize_t len = (utf8proc_ssize_t)strlen((const char *)p), i = 0;
    while (i < len) {
        if (p[i] < 0x80) { /* no marks: the bulk of a name */
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, len - i, &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        i += k;
        if (cp >= LATIN_LO && cp < LATIN_HI)
            n += marks_latin[cp - LATIN_LO];
        else if (cp >= VIET_LO && cp < VIET_HI)
            n += marks_viet[cp - VIET_LO];
        else
            n += marks_of(cp);
    }
    return n;
}
