/*
 * util.h - the small toolbox every stage uses: an arena for per-document
 * memory, a growable byte buffer, UTF-8 helpers and Vietnamese collation.
 * Nothing here knows about plans or XML.
 */
#ifndef PLAN_UTIL_H
#define PLAN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation that never returns NULL: on exhaustion the process reports
 * "out of memory" and exits with status 2. */
void *plan_xmalloc(size_t n);
void *plan_xrealloc(void *p, size_t n);
char *plan_xstrdup(const char *s);

/* ---- arena ---------------------------------------------------------- */

typedef struct plan_arena plan_arena;

/* A new, empty arena. Caller frees with plan_arena_free. */
plan_arena *plan_arena_new(void);
/* Frees the arena and everything allocated from it. NULL is allowed. */
void plan_arena_free(plan_arena *a);
/* Zeroed memory, aligned for any type; lives as long as the arena. */
void *plan_arena_alloc(plan_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *plan_arena_strndup(plan_arena *a, const char *s, size_t n);
char *plan_arena_strdup(plan_arena *a, const char *s);
/* printf into the arena. */
char *plan_arena_printf(plan_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- buffer ---------------------------------------------------------- */

typedef struct plan_buf {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
} plan_buf;

#define PLAN_BUF_INIT {NULL, 0, 0}

void plan_buf_append(plan_buf *b, const char *s, size_t n);
void plan_buf_puts(plan_buf *b, const char *s);
void plan_buf_putc(plan_buf *b, char c);
void plan_buf_printf(plan_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void plan_buf_vprintf(plan_buf *b, const char *fmt, va_list ap);
/* Empties the buffer but keeps its memory. */
void plan_buf_reset(plan_buf *b);
void plan_buf_free(plan_buf *b);
/* The contents ("" when empty); borrowed, valid until the next append. */
const char *plan_buf_cstr(plan_buf *b);

/* ---- UTF-8 ------------------------------------------------------------ */

/* Length of the longest valid UTF-8 prefix of s[0..n); equals n when all of
 * it is valid. NUL bytes count as invalid. */
size_t plan_utf8_valid_prefix(const char *s, size_t n);
/* Number of code points in s[0..n) (s must be valid UTF-8). */
size_t plan_utf8_count(const char *s, size_t n);
/* NFC of s[0..n) with runs of white space folded to one space and both ends
 * trimmed; allocated in the arena. s must be valid UTF-8. */
char *plan_text_normalize(plan_arena *a, const char *s, size_t n);
/* NFC of a NUL-terminated string, white space kept. Arena-allocated. */
char *plan_utf8_nfc(plan_arena *a, const char *s);
/* A matching key: NFC, case-folded, white space folded, accents and đ kept.
 * Caller frees with free(). NULL is taken as "" (absent text), here and in
 * the other folding helpers. */
char *plan_utf8_fold(const char *s);
/* Same as plan_utf8_fold but also strips tone and vowel marks and maps đ to d. */
char *plan_utf8_fold_ascii(const char *s);
/* 1 when needle occurs in hay as whole words: not preceded or followed by a
 * letter, mark or digit of any script. Fold both the same way first. */
int plan_has_word(const char *hay, const char *needle);
/* Upper-case a UTF-8 string (NFC). Caller frees with free(). */
char *plan_utf8_upper(const char *s);
/* 1 when s (NFC) contains needle, compared with plan_utf8_fold. */
int plan_utf8_contains_folded(const char *s, const char *needle);

/* ---- Vietnamese collation ---------------------------------------------- */

/* strcmp-like order of Vietnamese text: letters a ă â b c d đ e ê … first,
 * then tone marks, then case. Both strings UTF-8. */
int plan_collate_vi(const char *a, const char *b);

#endif
