/*
 * test_util.c - unit tests of src/util: UTF-8 validation and folding,
 * text normalization, Vietnamese collation, the arena and the buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "plan/util.h"

static void utf8_valid_prefix(void **state)
{
    (void)state;
    assert_int_equal(plan_utf8_valid_prefix("abc", 3), 3);
    assert_int_equal(plan_utf8_valid_prefix("Sở", strlen("Sở")), strlen("Sở"));
    assert_int_equal(plan_utf8_valid_prefix("a\xC3", 2), 1);          /* truncated */
    assert_int_equal(plan_utf8_valid_prefix("ab\xFF" "c", 4), 2);      /* invalid byte */
    assert_int_equal(plan_utf8_valid_prefix("a\0b", 3), 1);            /* NUL */
    assert_int_equal(plan_utf8_valid_prefix("\xC0\x80", 2), 0);        /* overlong */
    assert_int_equal(plan_utf8_valid_prefix("\xED\xA0\x80", 3), 0);    /* surrogate */
}

/* White space folded and trimmed as plan_text_normalize promises, then
 * NFC, the slow way: the reference of its one pass. */
static const char *ref_normalize(plan_arena *a, const char *s, size_t n)
{
    char *f = malloc(n + 1);
    size_t o = 0;
    int pending = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t w = (c == ' ' || (c >= 9 && c <= 13)) ? 1
                   : (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) ? 2 : 0;
        if (w) {
            pending = o > 0;
            i += w;
            continue;
        }
        if (pending)
            f[o++] = ' ';
        pending = 0;
        f[o++] = s[i++];
    }
    f[o] = '\0';
    const char *r = plan_utf8_nfc(a, f);
    free(f);
    return r;
}

static void text_normalize_one_pass_agrees(void **state)
{
    (void)state;
    plan_arena *a = plan_arena_new();
    const char *texts[] = {
        "", " ", "\t\n\v\f\r ", "\xc2\xa0", "a", " a ", "a  b", "a\xc2\xa0\xc2\xa0" "b",
        "  ho\xcc\x80" "a \n\t bình  ", "Kế hoạch\r\ntổ chức ", "\xe1\xbc\x80 Greek",
        "Cu\xcc\x89" "a Ho\xcc\x80" "a", "\x01 \x1f", "A\xc2\xa0", "“Tổng kết” – 2025",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t n = strlen(texts[i]);
        assert_string_equal(plan_text_normalize(a, texts[i], n), ref_normalize(a, texts[i], n));
    }
    /* Every code point up to U+2FFF after a letter: the quick check must
     * send to utf8proc whatever NFC changes (combining marks, singletons
     * such as U+2000 and U+212B). */
    for (unsigned cp = 0x80; cp < 0x3000; cp++) {
        if (cp == 0xA0 || (cp >= 0xD800 && cp < 0xE000))
            continue;
        char t[8] = "a";
        if (cp < 0x800) {
            t[1] = (char)(0xC0 | cp >> 6);
            t[2] = (char)(0x80 | (cp & 0x3F));
        } else {
            t[1] = (char)(0xE0 | cp >> 12);
            t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
            t[3] = (char)(0x80 | (cp & 0x3F));
        }
        size_t n = strlen(t);
        const char *got = plan_text_normalize(a, t, n), *want = ref_normalize(a, t, n);
        if (strcmp(got, want) != 0)
            fail_msg("U+%04X after a: '%s', want '%s'", cp, got, want);
    }
    /* A NUL ends the text, after the space before it. */
    assert_string_equal(plan_text_normalize(a, "a \0b", 4), "a ");
    assert_string_equal(plan_text_normalize(a, "a \0b", 4), ref_normalize(a, "a \0b", 4));
    plan_arena_free(a);
}

/* The eight-bytes-at-a-time copy of plan_text_normalize: pieces of every
 * kind (spaces alone and in runs, tabs, NBSP, NUL, controls, letters of two
 * and three bytes, a combining mark) in every order, behind 0 to 9 bytes of
 * ASCII so that each falls on every lane of a word and across two words. */
static void text_normalize_word_copy_agrees(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n;
    } pieces[] = {
        {"a", 1}, {" ", 1}, {"  ", 2}, {"\t", 1}, {"\xc2\xa0", 2}, {"\xe1\xba\xbf", 3},
        {"!", 1}, {"\x01", 1}, {"ab cd", 5}, {"\0", 1}, {"o\xcc\x80", 3}, {"\xc4\x91 ", 3},
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    plan_arena *a = plan_arena_new();
    size_t tried = 0;
    for (size_t pad = 0; pad < 10; pad++)
        for (size_t c = 0; c < NP * NP * NP * NP; c++) {
            char t[64];
            size_t n = pad;
            memcpy(t, "Xy.zw-Q9k", pad);
            for (size_t k = 0, r = c; k < 4; k++, r /= NP) {
                memcpy(t + n, pieces[r % NP].s, pieces[r % NP].n);
                n += pieces[r % NP].n;
            }
            t[n] = '\0';
            const char *got = plan_text_normalize(a, t, n), *want = ref_normalize(a, t, n);
            if (strcmp(got, want) != 0)
                fail_msg("case %zu/%zu: '%s', want '%s'", pad, c, got, want);
            tried++;
        }
    assert_int_equal(tried, 10 * NP * NP * NP * NP);
    plan_arena_free(a);
}

static void text_normalize_nfc_and_space(void **state)
{
    (void)state;
    plan_arena *a = plan_arena_new();
    /* "hòa" written decomposed: o + U+0300 */
    assert_string_equal(plan_text_normalize(a, "  ho\xCC\x80" "a \n\t bình  ", 17), "hòa bình");
    assert_string_equal(plan_text_normalize(a, "a\xC2\xA0" "b", 4), "a b"); /* NBSP */
    assert_string_equal(plan_text_normalize(a, "", 0), "");
    plan_arena_free(a);
}

static void fold_keys(void **state)
{
    (void)state;
    char *x = plan_utf8_fold("VĂN PHÒNG  SỞ");
    char *y = plan_utf8_fold("Văn phòng Sở");
    assert_string_equal(x, y);
    free(x);
    free(y);
    char *z = plan_utf8_fold_ascii("Đảng ủy Sở Văn hóa");
    assert_string_equal(z, "dang uy so van hoa");
    free(z);
    assert_true(plan_utf8_contains_folded("Ủy ban nhân dân TỈNH Lạng Sơn", "tỉnh lạng sơn"));
    assert_false(plan_utf8_contains_folded("Sở Nội vụ", "sở ngoại vụ"));
    char *u = plan_utf8_upper("kế hoạch");
    assert_string_equal(u, "KẾ HOẠCH");
    free(u);
}

static void collation_order(void **state)
{
    (void)state;
    /* Alphabet: a ă â b c d đ e ê … o ô ơ … u ư */
    assert_true(plan_collate_vi("an", "ăn") < 0);
    assert_true(plan_collate_vi("ăn", "ân") < 0);
    assert_true(plan_collate_vi("dê", "đê") < 0);
    assert_true(plan_collate_vi("đê", "em") < 0);
    assert_true(plan_collate_vi("ơn", "ôn") > 0);
    assert_true(plan_collate_vi("ưa", "ua") > 0);
    assert_true(plan_collate_vi("ưa", "va") < 0);
    /* Base letters decide before tones: "bà" < "bác" */
    assert_true(plan_collate_vi("bà", "bác") < 0);
    /* Tones: none < huyền < hỏi < ngã < sắc < nặng */
    assert_true(plan_collate_vi("ma", "mà") < 0);
    assert_true(plan_collate_vi("mà", "mả") < 0);
    assert_true(plan_collate_vi("mả", "mã") < 0);
    assert_true(plan_collate_vi("mã", "má") < 0);
    assert_true(plan_collate_vi("má", "mạ") < 0);
    /* Case last */
    assert_true(plan_collate_vi("sở", "Sở") < 0);
    assert_int_equal(plan_collate_vi("Sở Nội vụ", "Sở Nội vụ"), 0);
    /* Decomposed input sorts like composed */
    assert_true(plan_collate_vi("mo\xCC\x80", "mó") < 0);
}

static void arena_and_buffer(void **state)
{
    (void)state;
    plan_arena *a = plan_arena_new();
    for (int i = 0; i < 10000; i++) {
        char *p = plan_arena_alloc(a, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal(((uintptr_t)p) % _Alignof(max_align_t), 0);
    }
    char *big = plan_arena_alloc(a, 100000);
    memset(big, 'x', 100000);
    assert_string_equal(plan_arena_printf(a, "%d-%s", 7, "ab"), "7-ab");
    plan_arena_free(a);

    plan_buf b = PLAN_BUF_INIT;
    assert_string_equal(plan_buf_cstr(&b), "");
    for (int i = 0; i < 1000; i++)
        plan_buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    assert_memory_equal(b.data, "0,1,2,", 6);
    plan_buf_reset(&b);
    plan_buf_puts(&b, "x");
    assert_string_equal(plan_buf_cstr(&b), "x");
    plan_buf_free(&b);
}

/* The quick hash of the stamps: every byte and the length count, and its
 * values do not depend on where the input lies in memory. */
static void hash_quick(void **state)
{
    (void)state;
    unsigned char buf[64 + 8], copy[64 + 1];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    for (size_t n = 0; n <= 64; n++) {
        uint64_t h = plan_hash64_quick(buf, n, PLAN_HASH64_INIT);
        memcpy(copy + 1, buf, n); /* the same bytes, at another alignment */
        assert_true(h == plan_hash64_quick(copy + 1, n, PLAN_HASH64_INIT));
        if (n < 64) /* one byte more, even a zero byte, is another content */
            assert_true(h != plan_hash64_quick(buf, n + 1, PLAN_HASH64_INIT));
        for (size_t i = 0; i < n; i++) /* a change of any one bit of any byte */
            for (int bit = 0; bit < 8; bit++) {
                buf[i] ^= (unsigned char)(1u << bit);
                assert_true(h != plan_hash64_quick(buf, n, PLAN_HASH64_INIT));
                buf[i] ^= (unsigned char)(1u << bit);
            }
    }
    unsigned char zeros[9] = {0};
    assert_true(plan_hash64_quick(zeros, 8, PLAN_HASH64_INIT) !=
                plan_hash64_quick(zeros, 9, PLAN_HASH64_INIT));
    /* The seed counts: keys chain one input after another. */
    assert_true(plan_hash64_quick("abc", 3, 1) != plan_hash64_quick("abc", 3, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_valid_prefix),
        cmocka_unit_test(text_normalize_one_pass_agrees),
        cmocka_unit_test(text_normalize_word_copy_agrees),
        cmocka_unit_test(text_normalize_nfc_and_space),
        cmocka_unit_test(fold_keys),
        cmocka_unit_test(collation_order),
        cmocka_unit_test(arena_and_buffer),
        cmocka_unit_test(hash_quick),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
