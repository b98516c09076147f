/*
 * escape.c - the one escaping module every renderer uses: XML and HTML,
 * JSON, Markdown, CSV and iCalendar (text, parameters, line folding).
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "put.h"

/* Each escaper copies the runs of bytes that need nothing in one append,
 * finding the next special byte with strcspn (a set of up to 16 bytes, which
 * glibc scans 16 bytes at a time) or with span() below: output is most of
 * the time of compile, and these are its inner loops. */

/* The JSON and iCalendar sets hold the 31 control characters: too many for
 * strcspn's vector path (16 at most), whose fallback builds a 256-byte
 * table on every call. These scan 8 bytes at a time instead (SWAR),
 * within the string's length (no read past its NUL). In a 64-bit word x,
 * x - n*ONES sets the high bit of each byte below n (n <= 0x80), and
 * (x ^ c*ONES) - ONES that of each byte equal to c; bytes of 0x80 and up
 * may get it too, but every special byte is ASCII, so one mask with
 * ~x & HIGHS (the high bit of x ^ c is that of x) keeps only true ones.
 * A borrow can mark a byte after (above) a true match, never before it,
 * so the lowest mark is the first special byte: on a little-endian
 * machine, the lowest bits are the first byte. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define IS(x, c) (((x) ^ ONES * (unsigned char)(c)) - ONES)

enum { SET_JSON, SET_ICS_TEXT, SET_ICS_PARAM };

static inline uint64_t marks(uint64_t x, int set)
{
    uint64_t t = x - ONES * 0x20; /* the controls */
    switch (set) {
    case SET_JSON: t |= IS(x, '"') | IS(x, '\\'); break;
    case SET_ICS_TEXT: t |= IS(x, '\\') | IS(x, ';') | IS(x, ',') | IS(x, 0x7f); break;
    default: t |= IS(x, '"') | IS(x, '^') | IS(x, 0x7f); break;
    }
    return t & ~x & HIGHS;
}

static inline int special(unsigned char c, int set)
{
    switch (set) {
    case SET_JSON: return c < 0x20 || c == '"' || c == '\\';
    case SET_ICS_TEXT: return c < 0x20 || c == '\\' || c == ';' || c == ',' || c == 0x7f;
    default: return c < 0x20 || c == '"' || c == '^' || c == 0x7f;
    }
}

#ifdef __SSE2__
/* The same 16 bytes at a time where SSE2 is there (every x86-64): a bit
 * of the mask for each special byte, the first byte in the lowest bit.
 * min(x, 0x1f) == x holds for the controls (unsigned bytes) only. */
static inline unsigned marks16(__m128i x, int set)
{
    __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x);
#define EQ(c) _mm_cmpeq_epi8(x, _mm_set1_epi8(c))
    switch (set) {
    case SET_JSON: m = _mm_or_si128(m, _mm_or_si128(EQ('"'), EQ('\\'))); break;
    case SET_ICS_TEXT:
        m = _mm_or_si128(_mm_or_si128(m, EQ(0x7f)),
                         _mm_or_si128(EQ('\\'), _mm_or_si128(EQ(';'), EQ(','))));
        break;
    default: m = _mm_or_si128(_mm_or_si128(m, EQ(0x7f)), _mm_or_si128(EQ('"'), EQ('^'))); break;
    }
#undef EQ
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The index of the first byte of s[i..n) in set, or n. The tail of a
 * string of 16 bytes or more (8 with SWAR) is one more load that ends at
 * s[n - 1], overlapping bytes already found clean: their bits shifted out
 * (a clean byte sets no mark, nor a borrow in SWAR). No read outside s[0..n). */
static inline size_t span(const char *s, size_t i, size_t n, int set)
{
#ifdef __SSE2__
    if (n - i >= 16) {
        for (; i + 16 <= n; i += 16) {
            unsigned m = marks16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), set);
            if (m)
                return i + (unsigned)__builtin_ctz(m);
        }
        if (i < n) {
            unsigned m = marks16(_mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)),
                                 set) >> (16 - (n - i));
            return m ? i + (unsigned)__builtin_ctz(m) : n;
        }
        return n;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - i >= 8) {
        for (; i + 8 <= n; i += 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            uint64_t m = marks(x, set);
            if (m)
                return i + ((unsigned)__builtin_ctzll(m) >> 3);
        }
        if (i < n) {
            uint64_t x;
            memcpy(&x, s + n - 8, 8);
            uint64_t m = marks(x, set) >> (8 * (8 - (n - i)));
            return m ? i + ((unsigned)__builtin_ctzll(m) >> 3) : n;
        }
        return n;
    }
#endif
    while (i < n && !special((unsigned char)s[i], set))
        i++;
    return i;
}

static void esc(plan_buf *b, const char *s, int attr)
{
    const char *set = attr ? "&<>\"" : "&<>";
    for (;;) {
        size_t n = strcspn(s, set);
        plan_put_mem(b, s, n);
        s += n;
        if (!*s)
            break;
        switch (*s++) {
        case '&': plan_put_mem(b, "&amp;", 5); break;
        case '<': plan_put_mem(b, "&lt;", 4); break;
        case '>': plan_put_mem(b, "&gt;", 4); break;
        default: plan_put_mem(b, "&quot;", 6); break;
        }
    }
}

void plan_esc_xml(plan_buf *b, const char *s)
{
    esc(b, s, 0);
}

void plan_esc_xml_attr(plan_buf *b, const char *s)
{
    esc(b, s, 1);
}

void plan_esc_json(plan_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0;;) {
        size_t j = span(s, i, n, SET_JSON);
        plan_put_mem(b, s + i, j - i);
        if (j == n)
            break;
        unsigned char c = (unsigned char)s[j];
        i = j + 1;
        switch (c) {
        case '"': plan_put_mem(b, "\\\"", 2); break;
        case '\\': plan_put_mem(b, "\\\\", 2); break;
        case '\n': plan_put_mem(b, "\\n", 2); break;
        case '\t': plan_put_mem(b, "\\t", 2); break;
        case '\r': plan_put_mem(b, "\\r", 2); break;
        default: { /* "\\u%04x" of a control character */
            char u[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4],
                         "0123456789abcdef"[c & 15]};
            plan_put_mem(b, u, 6);
            break;
        }
        }
    }
}

size_t plan_json_span(const char *s, size_t n)
{
    return span(s, 0, n, SET_JSON);
}

void plan_json_str(plan_buf *b, const char *s)
{
    if (!s) {
        plan_put_mem(b, "null", 4);
        return;
    }
    size_t n = strlen(s);
    if (span(s, 0, n, SET_JSON) == n) { /* most strings: nothing to escape */
        char *p = plan_put_room(b, n + 2);
        *p++ = '"';
        memcpy(p, s, n);
        p += n;
        *p++ = '"';
        plan_put_end(b, p);
        return;
    }
    plan_put_chr(b, '"');
    plan_esc_json(b, s);
    plan_put_chr(b, '"');
}

/* CommonMark lets a backslash escape any ASCII punctuation; only the
 * characters that can change the meaning of inline text are escaped, so
 * that the Markdown stays readable as plain text. */
void plan_esc_md(plan_buf *b, const char *s, int at_line_start)
{
    const char *p = s;
    if (at_line_start) {
        /* Block starters: heading, list, quote, rule, setext underline,
         * ordered list "12." or "12)". */
        if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=') {
            plan_put_chr(b, '\\');
            plan_put_chr(b, *p++);
        } else if (*p >= '0' && *p <= '9') {
            const char *q = p;
            while (*q >= '0' && *q <= '9')
                q++;
            if (q - p <= 9 && (*q == '.' || *q == ')')) {
                plan_put_mem(b, p, (size_t)(q - p));
                plan_put_chr(b, '\\');
                plan_put_chr(b, *q);
                p = q + 1;
            }
        }
    }
    for (;;) {
        size_t n = strcspn(p, "\\`*_[]<>|~&\n\r\t");
        plan_put_mem(b, p, n);
        p += n;
        if (!*p)
            break;
        char c = *p++;
        if (c == '\n' || c == '\r' || c == '\t') {
            plan_put_chr(b, ' ');
        } else {
            char e[2] = {'\\', c};
            plan_put_mem(b, e, 2);
        }
    }
}

void plan_esc_csv(plan_buf *b, const char *s)
{
    if (!s)
        return;
    /* Most fields: no formula sign first and, strcspn at the NUL, nothing
     * to quote: its length known, one copy. */
    int formula = *s == '=' || *s == '+' || *s == '@';
    size_t len = strcspn(s, ",\"\r\n");
    if (!formula && !s[len]) {
        plan_put_mem(b, s, len);
        return;
    }
    plan_put_chr(b, '"'); /* quoted: a formula sign or a byte to quote */
    if (formula)
        plan_put_chr(b, '\'');
    for (;;) { /* a quote is doubled */
        const char *q = strchr(s, '"');
        size_t n = q ? (size_t)(q - s) + 1 : strlen(s);
        plan_put_mem(b, s, n);
        if (!q)
            break;
        plan_put_chr(b, '"');
        s = q + 1;
    }
    plan_put_chr(b, '"');
}

void plan_esc_ics_text(plan_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0;; i++) {
        size_t j = span(s, i, n, SET_ICS_TEXT);
        plan_put_mem(b, s + i, j - i);
        if (j == n)
            break;
        i = j;
        switch (s[i]) {
        case '\\': plan_put_str(b, "\\\\"); break;
        case ';': plan_put_str(b, "\\;"); break;
        case ',': plan_put_str(b, "\\,"); break;
        case '\n': plan_put_str(b, "\\n"); break;
        case '\r': break;
        default:
            /* Other control characters are not allowed in TEXT. */
            if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
                plan_put_chr(b, s[i]);
            else if (s[i] == '\t')
                plan_put_chr(b, ' ');
        }
    }
}

void plan_esc_ics_param(plan_buf *b, const char *s)
{
    plan_put_chr(b, '"');
    size_t n = strlen(s);
    for (size_t i = 0;; i++) {
        size_t j = span(s, i, n, SET_ICS_PARAM);
        plan_put_mem(b, s + i, j - i);
        if (j == n)
            break;
        i = j;
        switch (s[i]) {
        case '"': plan_put_str(b, "^'"); break;
        case '^': plan_put_str(b, "^^"); break;
        case '\n': plan_put_str(b, "^n"); break;
        default:
            if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
                plan_put_chr(b, s[i]);
        }
    }
    plan_put_chr(b, '"');
}

void plan_ics_line(plan_buf *b, const char *line, size_t n)
{
    /* The first physical line holds 75 octets; each continuation starts
     * with a space and holds 74 more. A cut never falls before a UTF-8
     * continuation byte (10xxxxxx). */
    size_t i = 0, room = 75;
    while (n - i > room) {
        size_t cut = i + room;
        while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
            cut--;
        plan_put_mem(b, line + i, cut - i);
        plan_put_str(b, "\r\n ");
        i = cut;
        room = 74;
    }
    plan_put_mem(b, line + i, n - i);
    plan_put_str(b, "\r\n");
}
