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
/* Decodes the code point at s, which must be valid, NUL-terminated UTF-8
 * (model and source texts are: the loader checks them); returns its length
 * in bytes. The hot paths use this instead of utf8proc_iterate. A 4-byte
 * sequence gives its code point too. */
static inline size_t plan_utf8_decode(const char *s, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] < 0xE0 && p[1]) {
        *cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (p[0] < 0xF0 && p[1] && p[2]) {
        *cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    if (p[1] && p[2] && p[3]) {
        *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
              (p[3] & 0x3Fu);
        return 4;
    }
    *cp = 0xFFFD; /* cut short: cannot happen in checked text */
    return 1;
}
/* NFC of s[0..n) with runs of white space folded to one space and both ends
 * trimmed; allocated in the arena. s must be valid UTF-8. */
char *plan_text_normalize(plan_arena *a, const char *s, size_t n);
/* NFC of a NUL-terminated string, white space kept. Arena-allocated. */
char *plan_utf8_nfc(plan_arena *a, const char *s);
/* 1 when s is certainly NFC by a quick scan (no utf8proc); 0 = ask utf8proc. */
int plan_utf8_is_nfc_fast(const char *s);
/* A matching key: NFC, case-folded, white space folded, accents and đ kept.
 * Caller frees with free(). NULL is taken as "" (absent text), here and in
 * the other folding helpers. */
char *plan_utf8_fold(const char *s);
/* The letter cp is made of, in lower case without marks ('a' for Ấ, 'd' for
 * Đ), from the folding table; cp itself below 0x80; 0 when cp is not one
 * letter of the table (other scripts, ligatures, combining marks). */
int plan_utf8_base_letter(uint32_t cp);
/* Same as plan_utf8_fold but also strips tone and vowel marks and maps đ to d. */
char *plan_utf8_fold_ascii(const char *s);
/* plan_utf8_fold (ascii 0) or plan_utf8_fold_ascii (ascii 1) of s into b,
 * replacing what b held: returns b->data (b->len bytes, NUL-terminated),
 * valid until b changes. Allocates nothing once b is large enough: the
 * form for hot loops (one plan_buf reused, plan_buf_free at the end). */
const char *plan_utf8_fold_buf(plan_buf *b, const char *s, int ascii);
/* 1 when needle occurs in hay as whole words: not preceded or followed by a
 * letter, mark or digit of any script. Fold both the same way first. */
int plan_has_word(const char *hay, const char *needle);
/* Upper-case a UTF-8 string (NFC). Caller frees with free(). */
char *plan_utf8_upper(const char *s);
/* 1 when s (NFC) contains needle, compared with plan_utf8_fold. */
int plan_utf8_contains_folded(const char *s, const char *needle);

/* ---- Vietnamese collation ---------------------------------------------- */

/* strcmp-like order of Vietnamese text, the order of ICU's "vi" collator:
 * characters first (space, punctuation and symbols, digits, then letters
 * a ă â b c d đ e ê f g … u ư v w x y z), then tone marks from the left,
 * then case from the left (lower first). Ties (NFC against NFD) are broken
 * by bytes, so the result is 0 only for equal strings. Both UTF-8. */
int plan_collate_vi(const char *a, const char *b);

/* ---- tone-mark placement (src/util/tone.c, docs/text.md) --------------- */

/* The two ways of placing the tone mark in the open syllables oa, oe, uy. */
typedef enum plan_tone_style {
    PLAN_TONE_OLD = 0, /* hòa, khỏe, thủy: the default, as the plans are written */
    PLAN_TONE_NEW = 1  /* hoà, khoẻ, thuỷ: the main vowel (QĐ 1989/QĐ-BGDĐT) */
} plan_tone_style;

/* What plan_tone_place changed: how many syllables, and the first of them
 * as byte ranges of the input and of the result. */
typedef struct plan_tone_change {
    size_t count;
    size_t offset, len;
    size_t new_offset, new_len;
} plan_tone_change;

/* s (UTF-8) with the tone mark of every syllable whose rhyme is oa, oe or
 * uy with no final consonant placed in style; nothing else changes (other
 * syllables place their mark the same way in both styles). Returns a new
 * NFC-composed copy that the caller frees with free(), or NULL when s
 * needs no change (then ch->count is 0). ch may be NULL. */
char *plan_tone_place(const char *s, plan_tone_style style, plan_tone_change *ch);

/* ---- matching office names (src/util/names.c) ---------------------------- */

typedef enum plan_name_match_kind {
    PLAN_NAME_NONE = 0,       /* different names */
    PLAN_NAME_SAME = 1,       /* the same name, whatever the case, NFC or NFD,
                               * tone style and white space */
    PLAN_NAME_NO_ACCENTS = 2  /* the same only once tone and vowel marks are
                               * dropped and đ read as d ("Van phong So") */
} plan_name_match_kind;

/* How the office names a and b (UTF-8; NULL is "") match. White space is
 * folded and dropped next to punctuation ("Hành chính - Quản trị" is
 * "Hành chính-Quản trị"). */
plan_name_match_kind plan_name_match(const char *a, const char *b);
/* The key plan_name_match compares: equal keys with keep_accents set mean
 * PLAN_NAME_SAME, equal keys without it at least PLAN_NAME_NO_ACCENTS.
 * Caller frees with free(). */
char *plan_name_key(const char *s, int keep_accents);
/* plan_name_key(s, 0) from plan_utf8_fold_ascii(s), folded already (e.g. by
 * plan_check_fold). Caller frees. */
char *plan_name_key_folded(const char *folded);
/* The number of accents in s: tone and vowel marks, and đ ("Văn phòng Sở":
 * 4, "cán bộ": 3, "cán bô": 2). Of two spellings of a name, the one with
 * more is taken for the right one. */
size_t plan_name_accents(const char *s);

/* ---- content fingerprints (src/util/hash.c) ---- */
#define PLAN_HASH64_INIT 0xcbf29ce484222325ULL
/* FNV-1a over p[0..n), continuing from h (start with PLAN_HASH64_INIT). */
uint64_t plan_hash64(const void *p, size_t n, uint64_t h);
/* A hash of p[0..n) mixed into h, eight bytes a step, for telling whether a
 * content changed between two runs of the same plan binary (the stamps of
 * incremental compile). Its values may change between versions: never keep
 * them where another version reads them (use plan_hash64 there). */
uint64_t plan_hash64_quick(const void *p, size_t n, uint64_t h);
/* h as 16 lower-case hex digits. */
void plan_hash64_hex(uint64_t h, char out[17]);

#endif
