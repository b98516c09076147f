/*
 * test_emit.c - unit tests of src/emit: the escaping module (CSV, Markdown,
 * iCalendar text, parameters and line folding), the shared helpers (dates
 * with NĐ 30's zeros, slugs, section paths) and the checklist built from a
 * small plan (sources, order, no-date entries, stable ids, per-office
 * calendars); and every plan of the repository (samples, seeds, rule
 * cases, defects and all) rendered in every format, twice, the same bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/emit.h"
#include "plan/model.h"
#include "plan/parse.h"
#include "emit/put.h"

static void esc_csv(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    plan_esc_csv(&b, "Sở Nội vụ");
    plan_buf_putc(&b, '|');
    plan_esc_csv(&b, "phòng, ban");
    plan_buf_putc(&b, '|');
    plan_esc_csv(&b, "Danh hiệu \"Lao động tiên tiến\"");
    plan_buf_putc(&b, '|');
    plan_esc_csv(&b, "=1+1");
    assert_string_equal(plan_buf_cstr(&b), "Sở Nội vụ|\"phòng, ban\"|"
                                           "\"Danh hiệu \"\"Lao động tiên tiến\"\"\"|\"'=1+1\"");
    plan_buf_free(&b);
}

static void esc_md(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    plan_esc_md(&b, "1. a*b_c [x] <y> | VH&TT", 1);
    assert_string_equal(plan_buf_cstr(&b), "1\\. a\\*b\\_c \\[x\\] \\<y\\> \\| VH\\&TT");
    plan_buf_reset(&b);
    plan_esc_md(&b, "- không phải danh sách", 1);
    assert_string_equal(plan_buf_cstr(&b), "\\- không phải danh sách");
    plan_buf_reset(&b);
    plan_esc_md(&b, "- giữa dòng", 0);
    assert_string_equal(plan_buf_cstr(&b), "- giữa dòng");
    plan_buf_free(&b);
}

static void esc_ics(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    plan_esc_ics_text(&b, "a,b;c\\d\ne");
    assert_string_equal(plan_buf_cstr(&b), "a\\,b\\;c\\\\d\\ne");
    plan_buf_reset(&b);
    plan_esc_ics_param(&b, "Sở \"X\" ^1\n");
    assert_string_equal(plan_buf_cstr(&b), "\"Sở ^'X^' ^^1^n\"");
    plan_buf_free(&b);
}

/* Folding: no physical line over 75 octets, no UTF-8 character cut, and
 * unfolding (dropping CRLF + space) gives the line back. */
static void ics_fold(void **state)
{
    (void)state;
    plan_buf line = PLAN_BUF_INIT, out = PLAN_BUF_INIT;
    plan_buf_puts(&line, "SUMMARY:");
    for (int i = 0; i < 40; i++)
        plan_buf_puts(&line, "Đợt thi đua ");
    plan_ics_line(&out, line.data, line.len);
    const char *s = plan_buf_cstr(&out);
    plan_buf back = PLAN_BUF_INIT;
    const char *p = s;
    int first = 1;
    while (*p) {
        const char *e = strstr(p, "\r\n");
        assert_non_null(e);
        assert_true(e - p <= 75);
        if (!first) {
            assert_int_equal(*p, ' ');
            p++;
        }
        /* A physical line never starts with a continuation byte. */
        assert_true(((unsigned char)*p & 0xC0) != 0x80);
        plan_buf_append(&back, p, (size_t)(e - p));
        p = e + 2;
        first = 0;
    }
    assert_string_equal(plan_buf_cstr(&back), plan_buf_cstr(&line));
    plan_buf_reset(&out);
    plan_ics_line(&out, "END:VTODO", 9);
    assert_string_equal(plan_buf_cstr(&out), "END:VTODO\r\n");
    plan_buf_free(&line);
    plan_buf_free(&out);
    plan_buf_free(&back);
}

static void dates_and_slugs(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    plan_date_vi_long((plan_date){2026, 1, 5}, &b);
    assert_string_equal(plan_buf_cstr(&b), "ngày 05 tháng 01 năm 2026");
    plan_buf_reset(&b);
    plan_date_vi_long((plan_date){2025, 5, 30}, &b);
    assert_string_equal(plan_buf_cstr(&b), "ngày 30 tháng 5 năm 2025");
    plan_buf_reset(&b);
    plan_date_vi_long((plan_date){2025, 12, 9}, &b);
    assert_string_equal(plan_buf_cstr(&b), "ngày 09 tháng 12 năm 2025");
    plan_buf_reset(&b);
    plan_date_vi((plan_date){2025, 11, 5}, &b);
    assert_string_equal(plan_buf_cstr(&b), "05/11/2025");
    plan_buf_reset(&b);
    plan_slug("Phòng Hành chính - Quản trị", 60, &b);
    assert_string_equal(plan_buf_cstr(&b), "phong-hanh-chinh-quan-tri");
    plan_buf_reset(&b);
    plan_slug("32/KH-SNgV 2025 Lạng Sơn", 80, &b);
    assert_string_equal(plan_buf_cstr(&b), "32-kh-sngv-2025-lang-son");
    plan_buf_reset(&b);
    plan_slug("Đảng ủy Sở Văn hóa", 12, &b);
    assert_string_equal(plan_buf_cstr(&b), "dang-uy-so");
    plan_buf_reset(&b);
    plan_office_slug("Văn phòng Sở (bộ phận thường trực Hội đồng)", &b);
    assert_string_equal(plan_buf_cstr(&b), "van-phong-so");
    assert_true(plan_checklist_office_is("Văn phòng Sở (bộ phận thường trực)", "VĂN PHÒNG SỞ"));
    assert_false(plan_checklist_office_is("Văn phòng Sở", "Sở Nội vụ"));
    plan_buf_free(&b);
}

static const char sample_xml[] =
    "<plan xmlns=\"urn:x-plan:ke-hoach:1\" kind=\"campaign\">\n"
    "<header><issuer abbr=\"SNV\">SỞ NỘI VỤ</issuer><number>05/KH-SNV</number>\n"
    "<place>Lạng Sơn</place><date>ngày 05 tháng 01 năm 2026</date></header>\n"
    "<body>\n"
    "<section number=\"I.\"><heading>THỜI GIAN</heading>\n"
    "<period><start>nay</start><end>tháng 02/2026</end></period>\n"
    "</section>\n"
    "<section number=\"II.\"><heading>TỔ CHỨC THỰC HIỆN</heading>\n"
    "<assignment mode=\"assign\" number=\"1.\"><office>Văn phòng Sở</office>\n"
    "<task roles=\"lead coordinate report\" due=\"trước ngày 20/02/2026\" to=\"UBND tỉnh\">Báo cáo.</task>\n"
    "</assignment>\n"
    "<assignment mode=\"assign\" number=\"2.\"><office>Các phòng, đơn vị</office>\n"
    "<task roles=\"coordinate\">Phối hợp.</task>\n"
    "<task roles=\"report\">Báo cáo định kỳ.</task>\n"
    "</assignment>\n"
    "<deadline kind=\"dossier\"><what>Hồ sơ</what><from>Các phòng, đơn vị; Ban A</from>\n"
    "<to>Văn phòng Sở (thường trực)</to><due>trước ngày 10/02/2026</due></deadline>\n"
    "<award mode=\"propose\"><name>Bằng khen</name><authority>Chủ tịch UBND tỉnh</authority>\n"
    "<timing>vào dịp tổng kết năm 2026</timing></award>\n"
    "</section>\n"
    "</body></plan>\n";

static void checklist(void **state)
{
    (void)state;
    plan_parse_init();
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rc = plan_doc_read_bytes(sample_xml, sizeof sample_xml - 1, "t.xml", NULL, &d, &doc);
    assert_int_equal(rc, 0);
    assert_non_null(doc);
    plan_checklist c;
    plan_checklist_build(doc, &c);
    assert_string_equal(c.plan_id, "05-kh-snv-2026-lang-son");
    assert_int_equal(c.n, 6);
    /* By date: start (the issue date), dossier, report, end of February;
     * then no date: the report task and the proposal, by office. */
    assert_int_equal(c.v[0].kind, PLAN_OB_CAMPAIGN_START);
    assert_int_equal(c.v[0].due.d, 5);
    assert_int_equal(c.v[1].kind, PLAN_OB_DOSSIER);
    assert_int_equal(c.v[1].nlead, 2);
    assert_string_equal(c.v[1].lead[1], "Ban A");
    assert_string_equal(c.v[1].section, "II.");
    assert_int_equal(c.v[2].kind, PLAN_OB_REPORT);
    assert_string_equal(c.v[2].lead[0], "Văn phòng Sở");
    assert_int_equal(c.v[2].ncoordinate, 1);
    assert_string_equal(c.v[2].coordinate[0], "Các phòng, đơn vị");
    assert_string_equal(c.v[2].section, "II.1.");
    assert_int_equal(c.v[3].kind, PLAN_OB_CAMPAIGN_END);
    assert_int_equal(c.v[3].due.m, 2);
    assert_int_equal(c.v[3].due.d, 28);
    assert_int_equal(c.v[4].due.y, 0);
    assert_string_equal(c.v[4].lead[0], "Các phòng, đơn vị");
    assert_int_equal(c.v[5].kind, PLAN_OB_PROPOSAL);
    assert_int_equal(c.v[5].due.y, 0);
    assert_string_equal(c.v[5].due_text, "vào dịp tổng kết năm 2026");
    assert_string_equal(c.v[5].to, "Chủ tịch UBND tỉnh");
    for (size_t i = 0; i < c.n; i++)
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(c.v[i].uid, c.v[j].uid);

    /* The same plan gives the same ids. */
    plan_checklist c2;
    plan_checklist_build(doc, &c2);
    for (size_t i = 0; i < c.n; i++)
        assert_string_equal(c.v[i].uid, c2.v[i].uid);
    plan_checklist_free(&c2);

    /* Offices that lead or coordinate, in Vietnamese order. */
    const char **names, **slugs;
    size_t n = plan_checklist_offices(&c, &names, &slugs);
    assert_int_equal(n, 4);
    assert_string_equal(names[0], "Ban A");
    assert_string_equal(names[1], "Các phòng, đơn vị");
    assert_string_equal(slugs[1], "cac-phong-don-vi");
    assert_string_equal(names[2], "SỞ NỘI VỤ");
    assert_string_equal(names[3], "Văn phòng Sở");

    plan_buf b = PLAN_BUF_INIT;
    plan_emit_checklist_ics(&c, "Văn phòng Sở", &b);
    /* Unfold (RFC 5545 3.1) before looking for whole properties. */
    plan_buf unf = PLAN_BUF_INIT;
    for (const char *q = plan_buf_cstr(&b); *q; q++) {
        if (q[0] == '\r' && q[1] == '\n' && q[2] == ' ') {
            q += 2;
            continue;
        }
        plan_buf_putc(&unf, *q);
    }
    const char *ics = plan_buf_cstr(&unf);
    assert_non_null(strstr(ics, "DTSTAMP:20260105T000000Z\r\n"));
    assert_non_null(strstr(ics, "ROLE=CHAIR;CN=\"Văn phòng Sở\":urn:x-plan:office:van-phong-so"));
    /* The office's calendar holds its one obligation. */
    const char *p = ics;
    int todos = 0;
    while ((p = strstr(p, "BEGIN:VTODO")))
        todos++, p++;
    assert_int_equal(todos, 1);
    plan_buf_free(&unf);
    plan_buf_reset(&b);
    plan_emit_checklist_csv(&c, &b);
    assert_memory_equal(b.data, "\xEF\xBB\xBFHạn,", 8);
    assert_non_null(strstr(b.data, "\r\n,,không,Báo cáo,report,Báo cáo định kỳ.,"));
    plan_buf_free(&b);

    plan_checklist_free(&c);
    plan_doc_free(doc);
    plan_diags_clear(&d);
    plan_parse_cleanup();
}

/* Undated obligations by lead office in Vietnamese order, which the
 * bytes do not give (b after S, Đ after both): the order's shortcut for
 * equal names must leave plan_collate_vi to decide the others. */
static void checklist_order_is_vietnamese(void **state)
{
    (void)state;
    static const char xml[] =
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\" kind=\"campaign\">\n"
        "<header><issuer abbr=\"SNV\">SỞ NỘI VỤ</issuer><number>06/KH-SNV</number></header>\n"
        "<body><section number=\"I.\"><heading>TỔ CHỨC THỰC HIỆN</heading>\n"
        "<deadline kind=\"report\"><what>Một</what><from>Sở Y tế</from></deadline>\n"
        "<deadline kind=\"report\"><what>Hai</what><from>Đoàn Thanh niên</from></deadline>\n"
        "<deadline kind=\"report\"><what>Ba</what><from>bộ phận một cửa</from></deadline>\n"
        "<deadline kind=\"report\"><what>Bốn</what><from>Sở Y tế</from></deadline>\n"
        "<deadline kind=\"report\"><what>Năm</what><from>Ban B</from></deadline>\n"
        "</section></body></plan>\n";
    plan_parse_init();
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    assert_int_equal(plan_doc_read_bytes(xml, sizeof xml - 1, "o.xml", NULL, &d, &doc), 0);
    plan_checklist c;
    plan_checklist_build(doc, &c);
    static const char *const want[] = {"Ban B", "bộ phận một cửa", "Đoàn Thanh niên", "Sở Y tế",
                                       "Sở Y tế"};
    assert_int_equal(c.n, 5);
    for (size_t i = 0; i < c.n; i++)
        assert_string_equal(c.v[i].lead[0], want[i]);
    assert_string_equal(c.v[3].what, "Một"); /* same office: by line */
    plan_checklist_free(&c);
    plan_doc_free(doc);
    plan_diags_clear(&d);
    plan_parse_cleanup();
}

static void render_all(const plan_doc *doc, plan_buf *b)
{
    plan_checklist c;
    plan_checklist_build(doc, &c);
    plan_emit_xml(doc, b);
    plan_emit_json(doc, b);
    plan_emit_markdown(doc, b);
    plan_emit_html(doc, b);
    plan_emit_checklist_csv(&c, b);
    plan_emit_checklist_md(&c, b);
    plan_emit_checklist_json(&c, b);
    plan_emit_checklist_ics(&c, NULL, b);
    const char **names, **slugs;
    size_t n = plan_checklist_offices(&c, &names, &slugs);
    for (size_t i = 0; i < n; i++) {
        assert_true(strlen(slugs[i]) > 0);
        plan_emit_checklist_ics(&c, names[i], b);
    }
    plan_checklist_free(&c);
}

/* Reads every plan of the repository (the samples, the seeds and the
 * rule cases; run from the top of the repository, as tests/run.sh does)
 * and hands each document the builder returns to fn. Returns how many. */
static size_t each_repo_doc(void (*fn)(const plan_doc *, void *), void *ctx)
{
    plan_parse_init();
    glob_t g;
    memset(&g, 0, sizeof g);
    glob("plans/*.xml", 0, NULL, &g);
    glob("tests/seeds/*.xml", GLOB_APPEND, NULL, &g);
    glob("tests/cases/*/*.xml", GLOB_APPEND, NULL, &g);
    assert_true(g.gl_pathc > 0);
    size_t n = 0;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        plan_diags d = PLAN_DIAGS_INIT;
        plan_doc *doc = NULL;
        plan_doc_read(g.gl_pathv[i], NULL, &d, &doc);
        if (doc) {
            fn(doc, ctx);
            n++;
        }
        plan_doc_free(doc);
        plan_diags_clear(&d);
    }
    globfree(&g);
    plan_parse_cleanup();
    return n;
}

/* Renderers must cope with any document the model builder returns: parts
 * missing, numbers unparsed, dates unresolved. Run from the top of the
 * repository (tests/run.sh does). */
static void renders_twice_alike(const plan_doc *doc, void *ctx)
{
    (void)ctx;
    plan_buf a = PLAN_BUF_INIT, b = PLAN_BUF_INIT;
    render_all(doc, &a);
    render_all(doc, &b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    plan_buf_free(&a);
    plan_buf_free(&b);
}

static void every_plan_renders(void **state)
{
    (void)state;
    assert_true(each_repo_doc(renders_twice_alike, NULL) > 0);
}

/* The "path" lines of the body, in the order the JSON writer meets the
 * numbered blocks (sections, then their blocks; assignments). */
static void want_paths(const plan_block *b, plan_buf *out)
{
    for (; b; b = b->next) {
        if (b->kind != PLAN_B_SECTION && b->kind != PLAN_B_ASSIGNMENT)
            continue;
        plan_buf p = PLAN_BUF_INIT;
        plan_section_path(b, &p);
        plan_buf_puts(out, "\"path\": ");
        plan_json_str(out, p.len ? plan_buf_cstr(&p) : NULL);
        plan_buf_putc(out, '\n');
        plan_buf_free(&p);
        if (b->kind == PLAN_B_SECTION)
            want_paths(b->first, out);
    }
}

/* The JSON writer makes each section path on its way down the sections
 * (json.c, path_enter): the same as plan_section_path of each block, over
 * every plan of the repository (dotted numbers that replace their
 * parent's, sections without a number, assignments). */
static void json_paths_one(const plan_doc *doc, void *ctx)
{
    size_t *paths = ctx;
    plan_buf js = PLAN_BUF_INIT, got = PLAN_BUF_INIT, want = PLAN_BUF_INIT;
    plan_emit_json(doc, &js);
    const char *p = strstr(plan_buf_cstr(&js), "\n  \"body\": ");
    assert_non_null(p);
    while ((p = strstr(p, "\"path\": ")) != NULL) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && p[n - 1] == ',')
            n--;
        plan_buf_append(&got, p, n);
        plan_buf_putc(&got, '\n');
        p += n;
        (*paths)++;
    }
    want_paths(doc->body, &want);
    assert_string_equal(plan_buf_cstr(&got), plan_buf_cstr(&want));
    plan_buf_free(&js);
    plan_buf_free(&got);
    plan_buf_free(&want);
}

static void json_paths_as_section_path(void **state)
{
    (void)state;
    size_t paths = 0;
    assert_true(each_repo_doc(json_paths_one, &paths) > 0);
    assert_true(paths > 0);
}

/* ---- the fast paths against the plain ones ---- */

/* The digit writer (put.h) against printf, over edge values and widths. */
static void fmt_numbers(void **state)
{
    (void)state;
    static const long long vals[] = {0, 1, 7, 9, 10, 99, 100, 2026, 9999, 10000, 65535,
                                     4294967295LL, -1, -5, -10, -2026, LLONG_MAX, LLONG_MIN,
                                     LLONG_MIN + 1};
    char want[64], got[PLAN_FMT_MAX];
    unsigned long long r = 88172645463325252ULL;
    for (size_t k = 0; k < sizeof vals / sizeof *vals + 2000; k++) {
        long long v;
        if (k < sizeof vals / sizeof *vals) {
            v = vals[k];
        } else { /* xorshift: every magnitude, both signs */
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            v = (long long)(r >> (r % 64));
            if (r & 1)
                v = -v;
        }
        for (int w = 0; w <= 24; w++) {
            int cw = w > 20 ? 20 : w;
            snprintf(want, sizeof want, "%0*lld", cw, v);
            assert_int_equal(plan_fmt_i(got, v, w), strlen(want));
            assert_string_equal(got, want);
            snprintf(want, sizeof want, "%0*llu", cw, (unsigned long long)v);
            assert_int_equal(plan_fmt_u(got, (unsigned long long)v, w), strlen(want));
            assert_string_equal(got, want);
        }
        plan_buf b = PLAN_BUF_INIT;
        plan_buf_puts(&b, "x");
        plan_put_i(&b, v, 4);
        snprintf(want, sizeof want, "x%04lld", v);
        assert_string_equal(plan_buf_cstr(&b), want);
        plan_buf_free(&b);
    }
    assert_int_equal(plan_fmt_u(got, ULLONG_MAX, 0), 20);
    assert_string_equal(got, "18446744073709551615");
}

/* plan_section_path keeps the first 16 ancestors on the stack and moves
 * to the heap past them: chains of every length around the switch (and
 * unnumbered links, which are skipped), against the plain concatenation. */
static void section_path_depths(void **state)
{
    (void)state;
    enum { MAX = 40 };
    static const char *const nums[] = {"I.", "1.", "a)", "b)", "2.", "II."};
    plan_block v[MAX];
    for (int len = 1; len <= MAX; len++) {
        memset(v, 0, sizeof v);
        plan_buf want = PLAN_BUF_INIT, got = PLAN_BUF_INIT;
        for (int i = 0; i < len; i++) { /* v[0] is the top */
            v[i].kind = PLAN_B_SECTION;
            v[i].parent = i ? &v[i - 1] : NULL;
            v[i].num_style = PLAN_NUM_ARABIC;
            if (i % 7 == 3)
                continue; /* unnumbered */
            v[i].normalized = nums[i % 6];
            plan_buf_puts(&want, nums[i % 6]);
        }
        plan_section_path(&v[len - 1], &got);
        assert_string_equal(plan_buf_cstr(&got), plan_buf_cstr(&want));
        plan_buf_free(&want);
        plan_buf_free(&got);
    }
}

/* The inline appends of put.h against plan_buf's own: random pieces
 * (empty ones, single bytes, runs up to 300 bytes) from an empty buffer,
 * so that both the room-left path and the growing call are taken, and
 * after a reset; the same bytes, length and NUL each time. */
static void put_inline_and_call(void **state)
{
    (void)state;
    char src[300];
    for (size_t i = 0; i < sizeof src; i++)
        src[i] = (char)('a' + i % 26);
    unsigned long long r = 0x2545F4914F6CDD1DULL;
    for (int round = 0; round < 50; round++) {
        plan_buf fast = PLAN_BUF_INIT, plain = PLAN_BUF_INIT;
        for (int k = 0; k < 400; k++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            size_t n = (r >> 5) % 4 == 0 ? (size_t)(r >> 9) % sizeof src : (size_t)(r >> 9) % 4;
            switch ((r >> 20) % 4) {
            case 0:
                plan_put_mem(&fast, src, n);
                plan_buf_append(&plain, src, n);
                break;
            case 1: {
                char tmp[301];
                memcpy(tmp, src + sizeof src - n, n);
                tmp[n] = '\0';
                plan_put_str(&fast, tmp);
                plan_buf_puts(&plain, tmp);
                break;
            }
            case 2:
                plan_put_chr(&fast, (char)('A' + k % 26));
                plan_buf_putc(&plain, (char)('A' + k % 26));
                break;
            default:
                if (k % 97 == 0) {
                    plan_buf_reset(&fast);
                    plan_buf_reset(&plain);
                }
            }
            assert_int_equal(fast.len, plain.len);
            assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
            if (fast.data)
                assert_int_equal(fast.data[fast.len], '\0');
            assert_true(fast.len < fast.cap || !fast.data);
        }
        plan_buf_free(&fast);
        plan_buf_free(&plain);
    }
}

/* Dates without printf against the printf formats they replace,
 * out-of-range parts included (plan_date_iso: test_model). */
static void fmt_dates(void **state)
{
    (void)state;
    static const int ys[] = {0, 1, 99, 999, 2025, 9999, 10000, 123456, -1, -2025};
    static const int ms[] = {1, 2, 3, 9, 10, 12, 0, 13, 123, -1};
    static const int ds[] = {1, 5, 9, 10, 31, 0, 100, -3};
    char want[128];
    for (size_t i = 0; i < sizeof ys / sizeof *ys; i++)
        for (size_t j = 0; j < sizeof ms / sizeof *ms; j++)
            for (size_t k = 0; k < sizeof ds / sizeof *ds; k++) {
                plan_date d = {ys[i], ms[j], ds[k]};
                plan_buf o = PLAN_BUF_INIT;
                plan_date_vi(d, &o);
                snprintf(want, sizeof want, "%02d/%02d/%04d", d.d, d.m, d.y);
                assert_string_equal(plan_buf_cstr(&o), want);
                plan_buf_reset(&o);
                plan_date_vi_long(d, &o);
                char w1[40], w2[40], w3[40];
                snprintf(w1, sizeof w1, d.d < 10 ? "ngày %02d" : "ngày %d", d.d);
                snprintf(w2, sizeof w2, d.m <= 2 ? " tháng %02d" : " tháng %d", d.m);
                snprintf(w3, sizeof w3, " năm %d", d.y);
                snprintf(want, sizeof want, "%s%s%s", w1, w2, w3);
                assert_string_equal(plan_buf_cstr(&o), want);
                plan_buf_free(&o);
            }
}

/* The escapers as they were (strcspn over the whole set, printf for
 * \u00XX): the plain paths span() must agree with. */
#define CONTROLS                                                                         \
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15" \
    "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"

static void plain_json(plan_buf *b, const char *s)
{
    for (;;) {
        size_t n = strcspn(s, "\"\\" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
        unsigned char c = (unsigned char)*s++;
        switch (c) {
        case '"': plan_buf_puts(b, "\\\""); break;
        case '\\': plan_buf_puts(b, "\\\\"); break;
        case '\n': plan_buf_puts(b, "\\n"); break;
        case '\t': plan_buf_puts(b, "\\t"); break;
        case '\r': plan_buf_puts(b, "\\r"); break;
        default: plan_buf_printf(b, "\\u%04x", c); break;
        }
    }
}

static void plain_ics_text(plan_buf *b, const char *s)
{
    for (; *s; s++) {
        size_t n = strcspn(s, "\\;,\x7f" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
        switch (*s) {
        case '\\': plan_buf_puts(b, "\\\\"); break;
        case ';': plan_buf_puts(b, "\\;"); break;
        case ',': plan_buf_puts(b, "\\,"); break;
        case '\n': plan_buf_puts(b, "\\n"); break;
        case '\r': break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                plan_buf_putc(b, *s);
            else if (*s == '\t')
                plan_buf_putc(b, ' ');
        }
    }
}

static void plain_ics_param(plan_buf *b, const char *s)
{
    plan_buf_putc(b, '"');
    for (; *s; s++) {
        size_t n = strcspn(s, "\"^\x7f" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
        switch (*s) {
        case '"': plan_buf_puts(b, "^'"); break;
        case '^': plan_buf_puts(b, "^^"); break;
        case '\n': plan_buf_puts(b, "^n"); break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                plan_buf_putc(b, *s);
        }
    }
    plan_buf_putc(b, '"');
}

/* The CSV field as it was: strpbrk for the bytes to quote, then the
 * quotes doubled. */
static void plain_csv(plan_buf *b, const char *s)
{
    int formula = *s == '=' || *s == '+' || *s == '@';
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        plan_buf_putc(b, '"');
    if (formula)
        plan_buf_putc(b, '\'');
    for (; *s; s++) {
        plan_buf_putc(b, *s);
        if (*s == '"')
            plan_buf_putc(b, '"');
    }
    if (quote)
        plan_buf_putc(b, '"');
}

/* Random texts of every length up to 40 (so that a special byte falls in
 * every position of an 8-byte word and in the tail), from bytes that are
 * special to one escaper or another, next to them (0x1f/0x20, 0x7e/0x7f/0x80,
 * '!'/'"'/'#', '['/'\\'/']') and UTF-8 letters. */
static void escapers_fast_and_plain(void **state)
{
    (void)state;
    static const unsigned char pool[] = {'a', 'Z', ' ', '!', '"', '#', ',', ';', '[', '\\', ']',
                                         '^', '_', 0x01, 0x09, 0x0a, 0x0d, 0x1f, 0x7e, 0x7f,
                                         0x80, 0xc3, 0xa1, 0xe1, 0xbb, 0x9d, 0xff, 0xfe, 0xdc,
                                         0xa2, 0xa0, '=', '+', '@'};
    unsigned long long r = 0x9E3779B97F4A7C15ULL;
    plan_buf fast = PLAN_BUF_INIT, plain = PLAN_BUF_INIT;
    char s[48];
    for (int iter = 0; iter < 20000; iter++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        size_t n = (size_t)(r % 41);
        int sparse = (r >> 8) & 1; /* mostly letters: long plain runs */
        for (size_t i = 0; i < n; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            s[i] = (char)(sparse && r % 8 ? 'a' + r % 26 : pool[r % sizeof pool]);
        }
        s[n] = '\0';
        plan_buf_reset(&fast);
        plan_buf_reset(&plain);
        plan_esc_json(&fast, s);
        plain_json(&plain, s);
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
        /* plan_json_str copies a string with nothing to escape in one go. */
        plan_buf_reset(&fast);
        plan_buf_reset(&plain);
        plan_json_str(&fast, s);
        plan_buf_putc(&plain, '"');
        plain_json(&plain, s);
        plan_buf_putc(&plain, '"');
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
        plan_buf_reset(&fast);
        plan_buf_reset(&plain);
        plan_esc_csv(&fast, s);
        plain_csv(&plain, s);
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
        plan_buf_reset(&fast);
        plan_buf_reset(&plain);
        plan_esc_ics_text(&fast, s);
        plain_ics_text(&plain, s);
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
        /* The calendar escapes the common end of its descriptions once:
         * escaping a text in two parts gives the same bytes. */
        plan_buf_reset(&plain);
        size_t cut = n ? (size_t)(r >> 3) % (n + 1) : 0;
        char head[48];
        memcpy(head, s, cut);
        head[cut] = '\0';
        plan_esc_ics_text(&plain, head);
        plan_esc_ics_text(&plain, s + cut);
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
        plan_buf_reset(&fast);
        plan_buf_reset(&plain);
        plan_esc_ics_param(&fast, s);
        plain_ics_param(&plain, s);
        assert_string_equal(plan_buf_cstr(&fast), plan_buf_cstr(&plain));
    }
    plan_buf_free(&fast);
    plan_buf_free(&plain);
}

/* Office names prepared once (the calendar's cache) compare as
 * plan_checklist_office_is compares them, and carry plan_office_slug. */
static void office_ids(void **state)
{
    (void)state;
    static const char *const names[] = {
        "Văn phòng Sở", "Văn phòng Sở (bộ phận thường trực Hội đồng)", "VĂN PHÒNG SỞ",
        "Van phong So", "Văn  phòng   Sở", "Sở Nội vụ", "So Noi vu", "Sở Nội Vụ (Ban TĐKT)",
        "Phòng Hành chính - Quản trị", "Phòng Hành chính – Quản trị", "(bộ phận một cửa)",
        "Ủy ban nhân dân tỉnh", "UBND tỉnh", "Uỷ ban nhân dân tỉnh", "", "Sở Tài chính",
        "Sở Tài chính (phòng Kế hoạch)"};
    enum { N = sizeof names / sizeof *names };
    plan_office_id ids[N];
    for (int i = 0; i < N; i++)
        plan_office_id_init(&ids[i], names[i]);
    int same = 0;
    for (int i = 0; i < N; i++) {
        plan_buf b = PLAN_BUF_INIT;
        plan_office_slug(names[i], &b);
        assert_string_equal(ids[i].slug, plan_buf_cstr(&b));
        plan_buf_free(&b);
        for (int j = 0; j < N; j++) {
            int want = plan_checklist_office_is(names[i], names[j]);
            assert_int_equal(plan_office_id_same(&ids[i], &ids[j]), want);
            same += want && i != j;
        }
    }
    assert_true(same > 0); /* the list has pairs that match and pairs that do not */
    for (int i = 0; i < N; i++)
        plan_office_id_free(&ids[i]);
}

/* The checklist's order compares lead offices with plan_collate_vi only
 * when their bytes differ: it relies on plan_collate_vi giving 0 exactly
 * for equal strings (its last tie-break is strcmp). */
static void collate_zero_is_equality(void **state)
{
    (void)state;
    static const char *const names[] = {
        "Sở Nội vụ", "SỞ NỘI VỤ", "Sở Nội Vụ", "So Noi vu", "Sở Nội vụ ", "Sở  Nội vụ",
        "Sở Nội vụ", /* NFD */ "So\xcc\x9b\xcc\x89 No\xcc\xa3\xcc\x82i vu\xcc\xa3", "Văn phòng Sở", "Van phong So", "Phòng Tổ chức",
        "Phong To chuc", "Phòng Tổ chức - Hành chính", "Phòng Tổ chức – Hành chính", "",
        "a", "A", "à", "á", "ả", "ã", "ạ", "đ", "Đ", "d", "D", "Ủy ban", "Uỷ ban"};
    enum { N = sizeof names / sizeof *names };
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int c = plan_collate_vi(names[i], names[j]);
            assert_int_equal(c == 0, strcmp(names[i], names[j]) == 0);
            assert_int_equal(c, -plan_collate_vi(names[j], names[i]));
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(esc_csv),
        cmocka_unit_test(esc_md),
        cmocka_unit_test(esc_ics),
        cmocka_unit_test(ics_fold),
        cmocka_unit_test(dates_and_slugs),
        cmocka_unit_test(checklist),
        cmocka_unit_test(every_plan_renders),
        cmocka_unit_test(fmt_numbers),
        cmocka_unit_test(put_inline_and_call),
        cmocka_unit_test(section_path_depths),
        cmocka_unit_test(json_paths_as_section_path),
        cmocka_unit_test(fmt_dates),
        cmocka_unit_test(escapers_fast_and_plain),
        cmocka_unit_test(office_ids),
        cmocka_unit_test(collate_zero_is_equality),
        cmocka_unit_test(checklist_order_is_vietnamese),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
