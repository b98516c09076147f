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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_valid_prefix),
        cmocka_unit_test(text_normalize_nfc_and_space),
        cmocka_unit_test(fold_keys),
        cmocka_unit_test(collation_order),
        cmocka_unit_test(arena_and_buffer),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
