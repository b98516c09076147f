/*
 * test_template.c - unit tests of the drafts of `plan new` (src/emit/template.c,
 * docs/templates.md): counting placeholders; the fingerprint, which layout,
 * comments, line ends, the lineage and suppressions do not change but a
 * deadline does; a draft made from a sample plan (lineage, deadlines a few
 * working days before the parent's); updating an unchanged draft gives the
 * same bytes, and after the parent changed keeps what the office wrote.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/model.h"
#include "plan/parse.h"
#include "plan/template.h"

#define PARENT "plans/004-32-KH-SNgV.xml"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    plan_buf b = PLAN_BUF_INIT;
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        plan_buf_append(&b, chunk, k);
    fclose(f);
    *n = b.len;
    return b.data;
}

static plan_doc *doc_of(const char *bytes, size_t n)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    assert_int_equal(plan_doc_read_bytes(bytes, n, "t.xml", NULL, &d, &doc), PLAN_OK);
    plan_diags_clear(&d);
    assert_non_null(doc);
    return doc;
}

/* s with the first occurrence of a replaced by b. Caller frees. */
static char *replace(const char *s, const char *a, const char *b)
{
    const char *p = strstr(s, a);
    assert_non_null(p);
    size_t n = strlen(s) - strlen(a) + strlen(b) + 1;
    char *r = malloc(n);
    snprintf(r, n, "%.*s%s%s", (int)(p - s), s, b, p + strlen(a));
    return r;
}

static void placeholders(void **state)
{
    (void)state;
    assert_int_equal(plan_placeholder_count(NULL), 0);
    assert_int_equal(plan_placeholder_count("Sở Nội vụ"), 0);
    assert_int_equal(plan_placeholder_count("[[Số]]/KH-[[Ký hiệu]]"), 2);
    assert_int_equal(plan_placeholder_count("a [[b]] c [[d"), 2);
    assert_int_equal(plan_placeholder_count("[[a [[b]]"), 1);
}

static void fingerprint(void **state)
{
    (void)state;
    size_t n;
    char *s = slurp(PARENT, &n);
    plan_doc *a = doc_of(s, n);
    uint64_t fp = plan_fingerprint(a);
    plan_doc_free(a);
    /* Another layout: CRLF, a comment, white space inside a text, a lineage
     * and a suppression. */
    plan_buf o = PLAN_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            plan_buf_putc(&o, '\r');
        plan_buf_putc(&o, s[i]);
    }
    char *t1 = replace(plan_buf_cstr(&o), "<plan ", "<!-- laid out anew -->\r\n"
                                                  "<?plan-ignore NUM-CASE accepted here?>\r\n<plan ");
    char *t2 = replace(t1, "<what>Báo cáo tổng kết phong trào thi đua</what>",
                       "<what>  Báo cáo   tổng kết\r\n phong trào thi đua </what>");
    char *t3 = replace(t2, "</header>", "<lineage number=\"134/KH-UBND\" date=\"2025-05-15\" "
                                        "path=\"p.xml\" fingerprint=\"0123456789abcdef\"/></header>");
    plan_doc *b = doc_of(t3, strlen(t3));
    assert_true(b->header.lineage.fp_ok);
    assert_true(plan_fingerprint(b) == fp);
    plan_doc_free(b);
    /* A deadline moved: another fingerprint. */
    char *t4 = replace(t3, "<due>trước ngày 15/11/2025</due>", "<due>trước ngày 20/11/2025</due>");
    plan_doc *c = doc_of(t4, strlen(t4));
    assert_true(plan_fingerprint(c) != fp);
    plan_doc_free(c);
    free(t1);
    free(t2);
    free(t3);
    free(t4);
    plan_buf_free(&o);
    free(s);
}

static void draft_and_update(void **state)
{
    (void)state;
    size_t n;
    char *s = slurp(PARENT, &n);
    plan_doc *parent = doc_of(s, n);
    plan_draft_opts o = {"Trung tâm Thông tin đối ngoại", "TTTT", NULL, "../p.xml"};
    plan_buf out = PLAN_BUF_INIT, err = PLAN_BUF_INIT;
    assert_int_equal(plan_draft_new(parent, &o, &out, &err), 0);
    const char *x = plan_buf_cstr(&out);
    char hex[17], want[160];
    plan_hash64_hex(plan_fingerprint(parent), hex);
    snprintf(want, sizeof want, "<lineage number=\"32/KH-SNgV\" date=\"2025-05-30\" "
                                "path=\"../p.xml\" fingerprint=\"%s\"/>", hex);
    assert_non_null(strstr(x, want));
    assert_non_null(strstr(x, "<parent-body>SỞ NGOẠI VỤ</parent-body>"));
    assert_non_null(strstr(x, "<number>[[Số]]/KH-TTTT</number>"));
    /* The report, due before 15/11/2025 (a Saturday): three working days
     * earlier, before Wednesday 12/11. The dossier, due before Wednesday
     * 05/11: five working days earlier would be 29/10, before the campaign
     * ends on 31/10; so the first working day after, Monday 03/11. */
    assert_non_null(strstr(x, ">trước ngày 12/11/2025</due>"));
    assert_non_null(strstr(x, ">trước ngày 03/11/2025</due>"));
    /* The Giấy khen of the Giám đốc Sở becomes one the office proposes. */
    assert_non_null(strstr(x, "<award mode=\"propose\" for=\"collective individual\" "
                              "inherited=\"yes\">\n            <name>Giấy khen của Giám đốc Sở"));

    /* Updating the unchanged draft changes nothing. */
    plan_doc *d = doc_of(out.data, out.len);
    plan_buf again = PLAN_BUF_INIT;
    assert_int_equal(plan_draft_update(d, parent, "../p.xml", &again, &err), 0);
    assert_string_equal(plan_buf_cstr(&again), x);
    plan_doc_free(d);

    /* The office writes; the parent's report moves; the update keeps the one
     * and follows the other. */
    char *mine = replace(x, "<p>[[Nội dung của đơn vị cho mục này]]</p>",
                         "<p>Văn bản riêng của Trung tâm.</p><item>Một việc nữa.</item>");
    char *moved = replace(s, "<due>trước ngày 15/11/2025</due>", "<due>trước ngày 20/11/2025</due>");
    plan_doc *p2 = doc_of(moved, strlen(moved));
    d = doc_of(mine, strlen(mine));
    plan_buf_reset(&again);
    assert_int_equal(plan_draft_update(d, p2, "../p.xml", &again, &err), 0);
    const char *y = plan_buf_cstr(&again);
    assert_non_null(strstr(y, "<p>Văn bản riêng của Trung tâm.</p>\n        <item>Một việc nữa.</item>"));
    assert_non_null(strstr(y, ">trước ngày 17/11/2025</due>"));
    assert_null(strstr(y, ">trước ngày 12/11/2025</due>"));
    plan_hash64_hex(plan_fingerprint(p2), hex);
    assert_non_null(strstr(y, hex));
    plan_doc_free(d);
    plan_doc_free(p2);
    free(mine);
    free(moved);
    plan_buf_free(&again);
    plan_buf_free(&out);
    plan_buf_free(&err);
    plan_doc_free(parent);
    free(s);
}

int main(void)
{
    plan_parse_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(placeholders),
        cmocka_unit_test(fingerprint),
        cmocka_unit_test(draft_and_update),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    plan_parse_cleanup();
    return rc;
}
