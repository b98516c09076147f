/*
 * test_model.c - unit tests of src/model and src/load: date and period
 * expressions, notations, section numbering, encodings and positions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/load.h"
#include "plan/model.h"
#include "plan/parse.h"

static plan_when when(const char *text, plan_date issue)
{
    plan_when w;
    memset(&w, 0, sizeof w);
    w.text.s = text;
    plan_when_resolve(&w, issue);
    return w;
}

static void assert_date(plan_date d, int y, int m, int dd)
{
    assert_int_equal(d.y, y);
    assert_int_equal(d.m, m);
    assert_int_equal(d.d, dd);
}

static void when_forms(void **state)
{
    (void)state;
    plan_date none = {0, 0, 0}, issue = {2025, 12, 16};
    plan_when w = when("ngày 16 tháng 12 năm 2025", none);
    assert_int_equal(w.prec, PLAN_PREC_DAY);
    assert_date(w.lo, 2025, 12, 16);
    w = when("ngày 05 tháng 01 năm 2026", none);
    assert_date(w.lo, 2026, 1, 5);
    w = when("12/12/2025", none);
    assert_date(w.lo, 2025, 12, 12);
    w = when("2025-10-31", none);
    assert_date(w.hi, 2025, 10, 31);
    w = when("trước ngày 30/10/2025", none);
    assert_int_equal(w.before, 1);
    assert_date(w.hi, 2025, 10, 30);
    w = when("tháng 10 năm 2025", none);
    assert_int_equal(w.prec, PLAN_PREC_MONTH);
    assert_date(w.lo, 2025, 10, 1);
    assert_date(w.hi, 2025, 10, 31);
    w = when("hết tháng 2/2024", none);
    assert_date(w.hi, 2024, 2, 29);
    w = when("30 tháng 10 năm 2023", none);
    assert_date(w.lo, 2023, 10, 30);
    w = when("năm 2026", none);
    assert_int_equal(w.prec, PLAN_PREC_YEAR);
    assert_date(w.hi, 2026, 12, 31);
    w = when("nay", issue);
    assert_int_equal(w.prec, PLAN_PREC_ISSUE);
    assert_date(w.lo, 2025, 12, 16);
    w = when("khi tổ chức thành công Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", none);
    assert_int_equal(w.prec, PLAN_PREC_EVENT);
    assert_date(w.hi, 2026, 1, 23);
    w = when("vào dịp tổng kết năm 2025", none);
    assert_int_equal(w.prec, PLAN_PREC_NONE);
    assert_int_equal(w.parse_failed, 1);
    w = when("31/02/2025", none);
    assert_int_equal(w.prec, PLAN_PREC_NONE);
    assert_int_equal(w.parse_failed, 2);
}

static plan_notation notation(plan_arena *a, const char *s)
{
    plan_notation n;
    memset(&n, 0, sizeof n);
    n.text.s = s;
    plan_notation_parse(a, &n);
    return n;
}

static void notations(void **state)
{
    (void)state;
    plan_arena *a = plan_arena_new();
    plan_notation n = notation(a, "3621 /KH-SVHTTDL");
    assert_true(n.parsed);
    assert_string_equal(n.serial, "3621");
    assert_string_equal(n.type_code, "KH");
    assert_string_equal(n.issuer_code, "SVHTTDL");
    assert_int_equal(n.spaces, 1);
    n = notation(a, "98/2023/NĐ-CP");
    assert_true(n.parsed);
    assert_int_equal(n.year, 2023);
    assert_string_equal(n.type_code, "NĐ");
    n = notation(a, "1954/UBND-TH");
    assert_true(n.parsed);
    assert_null(n.type_code);
    assert_string_equal(n.issuer_code, "UBND");
    assert_string_equal(n.sub, "TH");
    n = notation(a, "41-CT/TW");
    assert_true(n.parsed);
    assert_true(n.party);
    assert_string_equal(n.type_code, "CT");
    assert_string_equal(n.issuer_code, "TW");
    n = notation(a, "06/2022/QH15");
    assert_true(n.parsed);
    assert_string_equal(n.issuer_code, "QH15");
    n = notation(a, "01/KH-VP");
    assert_int_equal(n.serial_num, 1);
    assert_string_equal(n.serial, "01");
    assert_false(notation(a, "KH-VP").parsed);
    assert_false(notation(a, "abc/KH-VP").parsed);
    assert_false(notation(a, "12/KH-").parsed);
    plan_arena_free(a);
}

static plan_doc *read_str(const char *xml, plan_diags *d)
{
    plan_doc *doc = NULL;
    int rc = plan_doc_read_bytes(xml, strlen(xml), "t.xml", NULL, d, &doc);
    assert_int_equal(rc, PLAN_OK);
    return doc;
}

static void positions_and_numbering(void **state)
{
    (void)state;
    const char *xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\">\n"
        "  <header><issuer>SỞ NGOẠI VỤ</issuer></header>\n"
        "  <body>\n"
        "    <section number=\"I.\"><heading>Mục đích</heading>\n"
        "      <section number=\"1.\"/><section number=\"2\"/><section number=\"4.\"/>\n"
        "    </section>\n"
        "    <section   number=\"V.\"><section number=\"2.1.\"/><section number=\"C)\"/></section>\n"
        "  </body>\n"
        "</plan>\n";
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = read_str(xml, &d);
    assert_int_equal(d.n, 0);
    const plan_block *s1 = doc->body, *s2 = s1->next;
    assert_int_equal(s1->pos.line, 5);
    assert_int_equal(s1->pos.col, 5);
    assert_int_equal(s2->number.pos.line, 8);
    assert_int_equal(s2->number.pos.col, 16); /* the attribute, after three spaces */
    assert_string_equal(s2->normalized, "II.");
    assert_int_equal(s2->num_value, 5);
    const plan_block *c = s1->first;
    assert_string_equal(c->normalized, "1.");
    assert_string_equal(c->next->normalized, "2.");
    assert_int_equal(c->next->num_style, PLAN_NUM_ARABIC);
    assert_string_equal(c->next->next->normalized, "3.");
    assert_int_equal(c->next->next->num_value, 4);
    assert_int_equal(s2->first->num_style, PLAN_NUM_DOTTED);
    assert_int_equal(s2->first->next->num_style, PLAN_NUM_LETTER);
    assert_string_equal(s2->first->next->normalized, "b)");
    assert_int_equal(doc->header.issuer_level, PLAN_LEVEL_DEPARTMENT);
    /* The issuer text position is its first character, on line 3. */
    assert_int_equal(doc->header.issuer.pos.line, 3);
    assert_int_equal(doc->header.issuer.pos.col, 19);
    plan_doc_free(doc);
    plan_diags_clear(&d);
}

static void structure_diagnostics(void **state)
{
    (void)state;
    const char *xml =
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\" kind=\"yearly\">\n"
        "<header><bogus/></header>\n"
        "<body><award><name>Giấy khen</name></award><p>a<b/></p>loose</body>\n"
        "</plan>";
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = read_str(xml, &d);
    plan_diags_sort(&d);
    int seen_value = 0, seen_unknown = 0, seen_missing = 0, seen_text = 0;
    for (size_t i = 0; i < d.n; i++) {
        const char *id = plan_rule_get(d.v[i].rule)->id;
        seen_value += strcmp(id, "SCHEMA-VALUE") == 0;
        seen_unknown += strcmp(id, "SCHEMA-UNKNOWN") == 0;
        seen_missing += strcmp(id, "SCHEMA-MISSING") == 0;
        seen_text += strcmp(id, "SCHEMA-TEXT") == 0;
        assert_true(d.v[i].pos.line >= 1);
    }
    assert_int_equal(seen_value, 1);   /* kind="yearly" */
    assert_int_equal(seen_unknown, 1); /* <bogus/> */
    assert_int_equal(seen_missing, 1); /* award without mode */
    assert_int_equal(seen_text, 2);    /* <b/> in <p>, "loose" in <body> */
    plan_doc_free(doc);
    plan_diags_clear(&d);
}

static void load_encodings(void **state)
{
    (void)state;
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *s = NULL;
    /* BOM and CRLF */
    const char bom[] = "\xEF\xBB\xBF<a>\r\nx\rb</a>";
    assert_int_equal(plan_load_bytes(bom, sizeof bom - 1, "b.xml", NULL, &d, &s), PLAN_OK);
    assert_string_equal(s->text, "<a>\nx\nb</a>");
    assert_int_equal(s->nlines, 3);
    plan_pos p = plan_source_pos(s, 6);
    assert_int_equal(p.line, 3);
    assert_int_equal(p.col, 1);
    plan_source_free(s);
    /* UTF-16LE with BOM */
    const char u16[] = "\xFF\xFE<\0a\0>\0\xA1\x1E<\0/\0a\0>\0"; /* ạ = U+1EA1 */
    assert_int_equal(plan_load_bytes(u16, sizeof u16 - 1, "u.xml", NULL, &d, &s), PLAN_OK);
    assert_string_equal(s->text, "<a>ạ</a>");
    plan_source_free(s);
    /* TCVN3 declared in the XML declaration: 0xB8 is "á" */
    const char tcvn[] = "<?xml version=\"1.0\" encoding=\"TCVN5712-1\"?><a>c\xB8</a>";
    assert_int_equal(plan_load_bytes(tcvn, sizeof tcvn - 1, "t.xml", NULL, &d, &s), PLAN_OK);
    assert_non_null(strstr(s->text, "<a>cá</a>"));
    plan_source_free(s);
    assert_int_equal(d.n, 0);
    /* Invalid UTF-8 at line 2, column 3 */
    const char badu[] = "<a>\nxy\xFFz</a>";
    assert_int_equal(plan_load_bytes(badu, sizeof badu - 1, "x.xml", NULL, &d, &s),
                     PLAN_BAD_DOCUMENT);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].pos.line, 2);
    assert_int_equal(d.v[0].pos.col, 3);
    assert_string_equal(plan_rule_get(d.v[0].rule)->id, "XML-ENCODING");
    plan_diags_clear(&d);
    /* Unknown encoding */
    const char unk[] = "<?xml version=\"1.0\" encoding=\"VNI-X\"?><a/>";
    assert_int_equal(plan_load_bytes(unk, sizeof unk - 1, "x.xml", NULL, &d, &s),
                     PLAN_BAD_DOCUMENT);
    plan_diags_clear(&d);
    /* Size limit */
    plan_load_opts o = {.max_bytes = 8};
    assert_int_equal(plan_load_bytes("<a>123456789</a>", 16, "x.xml", &o, &d, &s),
                     PLAN_BAD_DOCUMENT);
    assert_string_equal(plan_rule_get(d.v[0].rule)->id, "XML-LIMIT");
    plan_diags_clear(&d);
}

static void hostile_xml(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"<!DOCTYPE plan [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
         "<plan xmlns=\"urn:x-plan:ke-hoach:1\"><header/><body><p>&x;</p></body></plan>",
         "XML-DOCTYPE"},
        {"<plan xmlns=\"urn:x-plan:ke-hoach:1\"><header/><body><p>&x;</p></body></plan>",
         "XML-SYNTAX"},
        {"<plan xmlns=\"urn:x-plan:ke-hoach:1\"><header/><body><p>cut", "XML-SYNTAX"},
        {"", "XML-SYNTAX"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        plan_diags d = PLAN_DIAGS_INIT;
        plan_doc *doc = NULL;
        int rc = plan_doc_read_bytes(cases[i][0], strlen(cases[i][0]), "h.xml", NULL, &d, &doc);
        assert_int_equal(rc, PLAN_BAD_DOCUMENT);
        assert_null(doc);
        assert_true(d.n >= 1);
        assert_string_equal(plan_rule_get(d.v[0].rule)->id, cases[i][1]);
        assert_true(d.v[0].pos.line >= 1);
        for (size_t j = 0; j < d.n; j++)
            assert_null(strstr(d.v[j].message, "root:"));
        plan_diags_clear(&d);
    }
}

/* plan_date_iso writes dates by hand: the same ten characters as
 * "%04d-%02d-%02d" cut to ten, for plans' dates and for odd ones. */
static void date_iso_as_printf(void **state)
{
    (void)state;
    const int ys[] = {1, 9, 99, 999, 1945, 2025, 9999, 10000, 123456, -5};
    const int ms[] = {0, 1, 9, 10, 12, 99, 100, -1};
    for (size_t i = 0; i < sizeof ys / sizeof *ys; i++)
        for (size_t j = 0; j < sizeof ms / sizeof *ms; j++)
            for (int dd = -1; dd <= 100; dd++) {
                plan_date d = {0};
                d.y = ys[i];
                d.m = ms[j];
                d.d = dd;
                char got[16], want[48];
                plan_date_iso(d, got);
                snprintf(want, sizeof want, "%04d-%02d-%02d", d.y, d.m, d.d);
                want[10] = '\0';
                assert_string_equal(got, want);
            }
    plan_date none = {0};
    char got[16] = "x";
    plan_date_iso(none, got);
    assert_string_equal(got, "");
}

int main(void)
{
    plan_parse_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(when_forms),
        cmocka_unit_test(notations),
        cmocka_unit_test(positions_and_numbering),
        cmocka_unit_test(structure_diagnostics),
        cmocka_unit_test(load_encodings),
        cmocka_unit_test(hostile_xml),
        cmocka_unit_test(date_iso_as_printf),
    };
    int rc = cmocka_run_group_tests_name("model", tests, NULL, NULL);
    plan_parse_cleanup();
    return rc;
}
