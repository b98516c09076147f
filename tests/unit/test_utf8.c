/*
 * test_utf8.c - the fast paths of src/util/utf8.c against plain ones, on
 * random Vietnamese text: folding (plan_utf8_fold, _ascii, _buf) against
 * utf8proc alone, plan_utf8_valid_prefix against a byte-by-byte check,
 * plan_text_normalize_styled against white space folded then utf8proc's
 * NFC. The texts mix ASCII words, letters of two and three bytes, white
 * space of every kind with NBSP, punctuation, combining marks, other
 * scripts, control characters and bytes that are not UTF-8, often at the
 * very end; each is copied into a block of its own exact size, so that a
 * read past its NUL is caught under the sanitizers and valgrind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "plan/util.h"
#include "util/tone.h"

/* ---- random text ---- */

static const char *const pieces[] = {
    /* ASCII words and punctuation, both cases */
    "a", "ch", "ng", "Th", "KH", "t", "n", "v", "-", ",", "2025", "Z", "@", "(", ")", "\x7f",
    /* white space of every kind, NBSP */
    " ", " ", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\xc2\xa0", " \xc2\xa0 ",
    /* letters of two bytes: Latin-1, đ Đ ă Ă ơ Ơ ư Ư, the end of the first pages */
    "\xc3\xa0", "\xc3\xa1", "\xc3\xa2", "\xc3\x8a", "\xc3\xb4", "\xc3\xad", "\xc3\x9a", "\xc4\x91",
    "\xc4\x90", "\xc4\x83", "\xc4\x82", "\xc6\xa1", "\xc6\xa0", "\xc6\xb0", "\xc6\xaf", "\xc5\xa9",
    "\xc3\x9f", "\xc9\x8f", "\xc2\xb5", "\xc2\x85",
    /* letters of three bytes: U+1EA0–U+1EF9, U+1E00 */
    "\xe1\xba\xa1", "\xe1\xba\xa3", "\xe1\xba\xbf", "\xe1\xbb\x87", "\xe1\xbb\x99", "\xe1\xbb\x9b",
    "\xe1\xbb\xa7", "\xe1\xbb\xb1", "\xe1\xbb\xb3", "\xe1\xbb\x8e", "\xe1\xba\xa0", "\xe1\xb8\x80",
    "\xe1\xbb\xb9",
    /* punctuation: “ ” – … and the end of its page */
    "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x93", "\xe2\x80\xa6", "\xe2\x81\xaf", "\xe2\x80\x80",
    /* outside the table: combining marks, IPA, Greek (U+1F71 is not NFC),
     * CJK, an emoji */
    "\xcc\x80", "\xcc\x81", "\xcc\x89", "\xcc\xa3", "\xc9\x90", "\xce\xa3", "\xe4\xb8\xad",
    "\xe1\xbc\x80", "\xe1\xbd\xb1", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
    /* control characters */
    "\x01", "\x1f",
};

static const char *const bad_pieces[] = {
    /* not UTF-8: lone continuation bytes, leads cut short, overlong, bad bytes */
    "\x80", "\xa0", "\xbf", "\xc3", "\xc2", "\xe1", "\xe1\xbb", "\xe2\x80", "\xc3x", "\xe1x\xa1",
    "\xe1\xbbx", "\xc0\xaf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf5\x80\x80\x80", "\xff", "\xf0\x9f",
};

enum { NPIECES = sizeof pieces / sizeof *pieces, NBAD = sizeof bad_pieces / sizeof *bad_pieces };
enum { NVI = 66 }; /* pieces[NVI] is the first outside the table, U+0300 */

static unsigned rnd(unsigned *r)
{
    *r = *r * 1103515245u + 12345u;
    return *r >> 16;
}

/* A random text of up to 40 pieces into a malloc'd block of its exact
 * size: mostly pieces of the folding table (Vietnamese text: the first
 * NVI pieces), sometimes anything,
 * with bad bytes when bad is set (one in 4 at the end). */
static char *random_text(unsigned *r, int bad, size_t *len)
{
    char buf[512];
    size_t n = 0, count = rnd(r) % 41;
    for (size_t i = 0; i < count; i++) {
        unsigned x = rnd(r);
        const char *p;
        if (bad && x % 23 == 0)
            p = bad_pieces[(x >> 5) % NBAD];
        else
            p = pieces[x % 8 ? (x >> 3) % NVI : (x >> 3) % NPIECES];
        size_t l = strlen(p);
        memcpy(buf + n, p, l);
        n += l;
    }
    if (bad && rnd(r) % 4 == 0) {
        const char *p = bad_pieces[rnd(r) % NBAD];
        memcpy(buf + n, p, strlen(p));
        n += strlen(p);
    }
    char *s = malloc(n + 1);
    memcpy(s, buf, n);
    s[n] = '\0';
    *len = n;
    return s;
}

/* ---- folding ---- */

/* White space (and NBSP) folded to one space, ends trimmed, as the slow
 * path of plan_utf8_fold does first. Caller frees. */
static char *ref_space(const char *s)
{
    char *sp = malloc(strlen(s) + 1);
    size_t n = 0;
    int pending = 0;
    for (const char *p = s; *p;) {
        int w = strchr(" \t\n\r\f\v", *p) ? 1
                : ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) ? 2 : 0;
        if (w) {
            pending = n > 0;
            p += w;
            continue;
        }
        if (pending)
            sp[n++] = ' ';
        pending = 0;
        sp[n++] = *p++;
    }
    sp[n] = '\0';
    return sp;
}

/* The plain fold: white space, then utf8proc over the whole text (the
 * text with its white space folded when utf8proc refuses it); đ to d for
 * the ASCII key. Caller frees. */
static char *ref_fold(const char *s, int ascii)
{
    char *sp = ref_space(s);
    utf8proc_uint8_t *out = NULL;
    int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_NULLTERM;
    if (ascii)
        opts |= UTF8PROC_STRIPMARK;
    if (utf8proc_map((const utf8proc_uint8_t *)sp, -1, &out, (utf8proc_option_t)opts) < 0)
        return sp;
    free(sp);
    char *o = (char *)out;
    if (ascii) {
        size_t k = 0;
        for (size_t i = 0; o[i]; i++) {
            if ((unsigned char)o[i] == 0xC4 && (unsigned char)o[i + 1] == 0x91) {
                o[k++] = 'd';
                i++;
            } else {
                o[k++] = o[i];
            }
        }
        o[k] = '\0';
    }
    return o;
}

static void check_fold(const char *s, int n)
{
    for (int ascii = 0; ascii < 2; ascii++) {
        char *want = ref_fold(s, ascii);
        char *got = ascii ? plan_utf8_fold_ascii(s) : plan_utf8_fold(s);
        if (strcmp(want, got) != 0)
            fail_msg("text %d: fold%s of '%s' is '%s', want '%s'", n, ascii ? "_ascii" : "", s, got,
                     want);
        plan_buf b = PLAN_BUF_INIT;
        const char *in_buf = plan_utf8_fold_buf(&b, s, ascii);
        if (strcmp(want, in_buf) != 0 || b.len != strlen(want))
            fail_msg("text %d: fold_buf%s of '%s' is '%s', want '%s'", n, ascii ? " ascii" : "", s,
                     in_buf, want);
        plan_buf_free(&b);
        free(want);
        free(got);
    }
}

static void fold_random_texts_agree(void **state)
{
    (void)state;
    assert_string_equal(pieces[NVI], "\xcc\x80");
    unsigned r = 12345;
    for (int k = 0; k < 40000; k++) {
        size_t n;
        char *s = random_text(&r, k % 3 == 0, &n);
        check_fold(s, k);
        free(s);
    }
}

/* Texts mostly of ASCII, for the eight-bytes-at-a-time runs of the fold:
 * the edges of its masks (@ A Z [ ` a z {, 0x1F 0x20 0x21, DEL), runs of
 * spaces and other white space at every offset of a run, and letters that
 * end a run. */
static void fold_ascii_runs_agree(void **state)
{
    (void)state;
    static const char *const sym[] = {"@", "A", "Z", "[", "`", "a", "z", "{", "\x1f", " ",
                                      " ", " ", "!", "\x7f", "\t", "\n", "0", "M",
                                      "\xe1\xbb\x99", "\xc4\x90", "\xc2\xa0", "q"};
    const size_t nsym = sizeof sym / sizeof *sym;
    unsigned r = 777;
    for (int k = 0; k < 60000; k++) {
        char buf[256];
        size_t n = 0, len = rnd(&r) % 40;
        for (size_t i = 0; i < len; i++) {
            unsigned x = rnd(&r);
            /* mostly letters and single spaces, as in running text */
            const char *p = x % 4 ? sym[(x >> 2) % 8 + (x % 3 == 0 ? 8 : 0)] : sym[(x >> 2) % nsym];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
        }
        buf[n] = '\0';
        check_fold(buf, k);
    }
}

/* Every byte that is not UTF-8, and every lead byte cut short, at the end
 * of a text and before ASCII, after ASCII and after a letter. */
static void fold_bad_bytes_agree(void **state)
{
    (void)state;
    static const char *const before[] = {"", "Ab", "\xe1\xbb\x99", "a ", "\xc2\xa0"};
    static const char *const after[] = {"", "x", " y", "\xc3\xa0", "\xa1"};
    for (unsigned b = 0x80; b < 0x100; b++)
        for (size_t i = 0; i < sizeof before / sizeof *before; i++)
            for (size_t j = 0; j < sizeof after / sizeof *after; j++) {
                size_t lb = strlen(before[i]), la = strlen(after[j]);
                char *s = malloc(lb + 1 + la + 1);
                memcpy(s, before[i], lb);
                s[lb] = (char)b;
                memcpy(s + lb + 1, after[j], la + 1);
                check_fold(s, (int)b);
                free(s);
            }
}

/* The base letter read from the folding table (the cell of the ASCII key)
 * for the code points around it. */
static void base_letter(void **state)
{
    (void)state;
    assert_int_equal(plan_utf8_base_letter('A'), 'a');
    assert_int_equal(plan_utf8_base_letter(0x1EC7), 'e'); /* ệ */
    assert_int_equal(plan_utf8_base_letter(0x0110), 'd'); /* Đ */
    assert_int_equal(plan_utf8_base_letter(0x01B0), 'u'); /* ư */
    assert_int_equal(plan_utf8_base_letter(0x00A0), 0);   /* NBSP: white space, no letter */
    assert_int_equal(plan_utf8_base_letter(0x0300), 0);   /* a mark */
    assert_int_equal(plan_utf8_base_letter(0x0250), 0);   /* beyond the first pages */
    assert_int_equal(plan_utf8_base_letter(0x1F00), 0);
    assert_int_equal(plan_utf8_base_letter(0x20AC), 0);
    assert_int_equal(plan_utf8_base_letter(0x1F600), 0);
}

/* ---- validation ---- */

/* The validation byte by byte: the reference. */
static size_t ref_valid_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, cp = c & 0x07;
        else
            return i;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (p[i + j] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += k + 1;
    }
    return n;
}

/* seq[0..k) after 0 to 9 ASCII bytes and before "xyz", and cut short. */
static void check_prefix(const unsigned char *seq, size_t k)
{
    unsigned char b[32];
    for (size_t pad = 0; pad < 10; pad++) {
        memcpy(b, "abcdefghij", pad);
        memcpy(b + pad, seq, k);
        memcpy(b + pad + k, "xyz", 3);
        for (size_t n = pad; n <= pad + k + 3; n++) {
            size_t want = ref_valid_prefix(b, n), got = plan_utf8_valid_prefix((char *)b, n);
            if (want != got)
                fail_msg("sequence %02X %02X %02X %02X (%zu bytes) after %zu, length %zu: %zu, "
                         "want %zu",
                         seq[0], k > 1 ? seq[1] : 0, k > 2 ? seq[2] : 0, k > 3 ? seq[3] : 0, k,
                         pad, n, got, want);
        }
    }
}

static void utf8_valid_prefix_fast_path_agrees(void **state)
{
    (void)state;
    unsigned char q[4];
    for (unsigned a = 0; a < 256; a++) {
        q[0] = (unsigned char)a;
        check_prefix(q, 1);
        for (unsigned b = 0; b < 256; b++) {
            q[1] = (unsigned char)b;
            if (a >= 0xC0 || b >= 0xC0 || b < 0x80 || a < 0x82 || (a & 7) == 0)
                check_prefix(q, 2); /* every pair a lead byte can start, a sample of the rest */
            if (a < 0xE0 || a > 0xF5)
                continue;
            static const unsigned char thirds[] = {0x7F, 0x80, 0xBF, 0xC0};
            for (size_t c = 0; c < sizeof thirds; c++) {
                q[2] = thirds[c];
                check_prefix(q, 3);
                q[3] = 0x80;
                check_prefix(q, 4);
                q[3] = 0x41;
                check_prefix(q, 4);
            }
        }
    }
    /* Texts of pieces, valid and not, so that every piece falls on every
     * lane of the eight-byte test and across two words. */
    static const char *const pieces[] = {
        "a", "\xc3\xa9", "\xe1\xbb\x99", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xe0\xa4\x85",
        "\xed\x9f\xbf", "\xed\xa0\x80", "\xc0\xaf", "\x80", "\xc3", "\xe1\xbb", "\xe0\x80\x80",
        "\xf5\x80\x80\x80", "\xef\xbf\xbf", "  ",
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    unsigned r = 7;
    for (int k = 0; k < 200000; k++) {
        unsigned char b[64];
        size_t n = 0;
        for (int j = 0; j < 12; j++) {
            r = r * 1103515245u + 12345u;
            /* Mostly valid pieces, as in real text. */
            size_t at = (r >> 16) % 16 < 12 ? (r >> 20) % 5 : (r >> 20) % NP;
            size_t l = strlen(pieces[at]);
            memcpy(b + n, pieces[at], l);
            n += l;
        }
        size_t want = ref_valid_prefix(b, n), got = plan_utf8_valid_prefix((char *)b, n);
        if (want != got)
            fail_msg("text %d: %zu, want %zu", k, got, want);
    }
    /* Vietnamese text: ASCII words between letters of two and three bytes. */
    const char *t = "Kế hoạch tổ chức Hội nghị “Tổng kết” – ÀÁ Đ đ ơ ư";
    assert_int_equal(plan_utf8_valid_prefix(t, strlen(t)), strlen(t));
}

static void valid_prefix_random_texts_agree(void **state)
{
    (void)state;
    unsigned r = 777;
    for (int k = 0; k < 100000; k++) {
        size_t n;
        char *s = random_text(&r, k % 2, &n);
        /* the whole text, and cut short anywhere (n - cut bytes, no NUL there) */
        size_t cut = n ? rnd(&r) % (n + 1) : 0;
        for (size_t m = n; ; m = cut) {
            char *t = malloc(m ? m : 1);
            memcpy(t, s, m);
            size_t want = ref_valid_prefix((unsigned char *)t, m), got = plan_utf8_valid_prefix(t, m);
            if (want != got)
                fail_msg("text %d (%zu of %zu bytes): %zu, want %zu", k, m, n, got, want);
            free(t);
            if (m == cut)
                break;
        }
        free(s);
    }
}

/* Every three bytes of those that border the ranges of UTF-8 (overlong
 * forms, surrogates, beyond U+10FFFF, cut sequences, NUL), at every place
 * of a block of the automaton, before continuation bytes and ASCII. */
static void valid_prefix_edges_agree(void **state)
{
    (void)state;
    static const unsigned char edges[] = {0x00, 0x01, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                          0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                          0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    enum { NE = sizeof edges };
    static const char *const tails[] = {"", "\x80", "\x80\x80", "abcdefgh", "\x80\x80\x80"};
    for (size_t c = 0; c < NE * NE * NE; c++)
        for (size_t f = 0; f < sizeof tails / sizeof *tails; f++)
            for (size_t lead = 0; lead < 9; lead += 3) { /* 6: across two blocks */
                unsigned char t[32];
                size_t n = lead;
                memset(t, 'a', lead);
                t[n++] = edges[c % NE];
                t[n++] = edges[c / NE % NE];
                t[n++] = edges[c / NE / NE];
                memcpy(t + n, tails[f], strlen(tails[f]));
                n += strlen(tails[f]);
                size_t want = ref_valid_prefix(t, n), got = plan_utf8_valid_prefix((char *)t, n);
                if (want != got)
                    fail_msg("bytes %02X %02X %02X after %zu, tail %zu: %zu, want %zu", t[lead],
                             t[lead + 1], t[lead + 2], lead, f, got, want);
            }
}

/* ---- normalization ---- */

/* White space folded and trimmed, then NFC by utf8proc (the text as it is
 * when utf8proc refuses it): what plan_text_normalize promises. */
static char *ref_normalize(const char *s)
{
    char *sp = ref_space(s);
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)sp, -1, &out,
                     (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_NULLTERM)) < 0)
        return sp;
    free(sp);
    return (char *)out;
}

static void normalize_random_texts_agree(void **state)
{
    (void)state;
    unsigned r = 4242;
    plan_arena *a = plan_arena_new();
    for (int k = 0; k < 40000; k++) {
        size_t n;
        char *s = random_text(&r, 0, &n);
        char *want = ref_normalize(s);
        const char *got = plan_text_normalize(a, s, n);
        if (strcmp(want, got) != 0)
            fail_msg("text %d: normalize of '%s' is '%s', want '%s'", k, s, got, want);
        for (int style = 0; style < 2; style++) {
            int may = -1;
            got = plan_text_normalize_styled(a, s, n, (plan_tone_style)style, &may);
            if (strcmp(want, got) != 0 || (may != 0 && may != 1))
                fail_msg("text %d: normalize (style %d) of '%s' is '%s', want '%s'", k, style, s,
                         got, want);
            /* may 0 promises that the tone style leaves the text alone */
            plan_tone_change ch;
            char *full = plan_tone_place_full(got, (plan_tone_style)style, &ch);
            if (full && !may)
                fail_msg("text %d: style %d changes '%s' to '%s', the quick test said no", k,
                         style, got, full);
            free(full);
        }
        free(want);
        free(s);
        if (k % 1000 == 999) {
            plan_arena_free(a);
            a = plan_arena_new();
        }
    }
    plan_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_random_texts_agree),
        cmocka_unit_test(fold_bad_bytes_agree),
        cmocka_unit_test(fold_ascii_runs_agree),
        cmocka_unit_test(base_letter),
        cmocka_unit_test(utf8_valid_prefix_fast_path_agrees),
        cmocka_unit_test(valid_prefix_random_texts_agree),
        cmocka_unit_test(valid_prefix_edges_agree),
        cmocka_unit_test(normalize_random_texts_agree),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
