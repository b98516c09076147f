/*
 * test_collate_icu.c - plan_collate_vi against ICU's "vi" collator, the
 * oracle. ICU is linked into this test only (Makefile rule
 * build/tests/test_collate_icu), never into plan.
 *
 * The words are tests/data/vi-words.txt (real text of the plans, the seeds,
 * the rule catalogue and the office tables, plus generated syllables in
 * every tone and case; tests/data/make-vi-words.py builds it). The words
 * are sorted with ICU's sort keys, then every pair (i < j) of that order
 * must compare below zero with plan_collate_vi: the two orders agree on
 * every pair, not only on neighbours. Pairs ICU finds equal have no order
 * to agree with; they are counted and printed (plan breaks such ties by
 * bytes, see docs/text.md).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "plan/util.h"

#define WORDS_FILE "tests/data/vi-words.txt"

typedef struct item {
    char *s;          /* UTF-8, as in the file */
    uint8_t *key;     /* ICU sort key */
    int32_t nkey;
} item;

static UCollator *open_vi(void)
{
    UErrorCode e = U_ZERO_ERROR;
    UCollator *c = ucol_open("vi", &e);
    if (U_FAILURE(e)) {
        fprintf(stderr, "ICU: ucol_open(\"vi\") failed: %s\n", u_errorName(e));
        return NULL;
    }
    return c;
}

static void sort_key(UCollator *c, item *it)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, it->s, -1, &e);
    e = U_ZERO_ERROR;
    UChar *u = malloc(sizeof(UChar) * (size_t)(n16 + 1));
    u_strFromUTF8(u, n16 + 1, NULL, it->s, -1, &e);
    assert_false(U_FAILURE(e));
    it->nkey = ucol_getSortKey(c, u, n16, NULL, 0);
    it->key = malloc((size_t)it->nkey);
    ucol_getSortKey(c, u, n16, it->key, it->nkey);
    free(u);
}

static int key_cmp(const item *a, const item *b)
{
    /* Sort keys end with a 0 byte and compare as byte strings. */
    int32_t n = a->nkey < b->nkey ? a->nkey : b->nkey;
    int r = memcmp(a->key, b->key, (size_t)n);
    if (r)
        return r < 0 ? -1 : 1;
    return a->nkey < b->nkey ? -1 : a->nkey > b->nkey;
}

static int cmp_items(const void *pa, const void *pb)
{
    const item *a = pa, *b = pb;
    int r = key_cmp(a, b);
    return r ? r : strcmp(a->s, b->s);
}

static item *read_words(size_t *n)
{
    FILE *f = fopen(WORDS_FILE, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (run the test from the top of the repository)\n",
                WORDS_FILE);
        return NULL;
    }
    item *v = NULL;
    size_t cap = 0;
    *n = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (!len)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 1024;
            v = realloc(v, cap * sizeof *v);
        }
        v[*n].s = strdup(line);
        v[*n].key = NULL;
        (*n)++;
    }
    free(line);
    fclose(f);
    return v;
}

/* The oracle itself works: the order CLDR documents for Vietnamese. */
static void icu_is_the_vi_order(void **state)
{
    (void)state;
    UCollator *c = open_vi();
    assert_non_null(c);
    static const char *const order[] = {"a", "à", "ả", "ã", "á", "ạ", "an", "ă", "ăn", "â",
                                        "b", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư",
                                        NULL};
    UErrorCode e = U_ZERO_ERROR;
    for (int i = 0; order[i + 1]; i++)
        assert_int_equal(ucol_strcollUTF8(c, order[i], -1, order[i + 1], -1, &e), UCOL_LESS);
    ucol_close(c);
}

static void every_pair_agrees_with_icu(void **state)
{
    (void)state;
    size_t n = 0;
    item *v = read_words(&n);
    assert_non_null(v);
    assert_true(n >= 2000); /* thousands of items, or the list is not the one meant */
    UCollator *c = open_vi();
    assert_non_null(c);
    for (size_t i = 0; i < n; i++)
        sort_key(c, &v[i]);
    ucol_close(c);
    qsort(v, n, sizeof *v, cmp_items);

    unsigned long long pairs = 0, wrong = 0, equal = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            pairs++;
            if (key_cmp(&v[i], &v[j]) == 0) {
                if (equal++ < 10)
                    printf("ICU finds equal: \"%s\" \"%s\"\n", v[i].s, v[j].s);
                continue;
            }
            if (plan_collate_vi(v[i].s, v[j].s) < 0)
                continue;
            if (wrong++ < 40)
                printf("disagree: ICU \"%s\" < \"%s\", plan_collate_vi says %d\n", v[i].s,
                       v[j].s, plan_collate_vi(v[i].s, v[j].s));
        }
        /* The reverse direction, on neighbours: plan's comparison is
         * antisymmetric where ICU orders. */
        if (i + 1 < n && key_cmp(&v[i], &v[i + 1]) != 0 &&
            plan_collate_vi(v[i + 1].s, v[i].s) <= 0 && wrong++ < 40)
            printf("not antisymmetric: \"%s\" \"%s\"\n", v[i].s, v[i + 1].s);
    }
    printf("%zu words, %llu pairs: %llu disagree with ICU, %llu equal in ICU\n", n, pairs, wrong,
           equal);
    for (size_t i = 0; i < n; i++) {
        free(v[i].s);
        free(v[i].key);
    }
    free(v);
    assert_int_equal(wrong, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(icu_is_the_vi_order),
        cmocka_unit_test(every_pair_agrees_with_icu),
    };
    return cmocka_run_group_tests_name("collate_icu", tests, NULL, NULL);
}
