/*
 * test_parse.c - the fast scanner (src/parse/scan.c) against libxml2
 * (src/parse/parse.c): every XML file under tests/ and plans/, and
 * mutations of them (truncations, byte changes, inserted markup, low
 * limits), parsed both ways. Whenever the scanner accepts a text, libxml2
 * must accept it too and the two trees must be equal node for node,
 * offsets included; whatever libxml2 rejects, the scanner must decline.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/xml.h"
#include "plan/load.h"
#include "plan/model.h"
#include "plan/parse.h"

/* ---- comparing two trees ---- */

static char where[512]; /* the file and mutation being compared, for messages */

static void fail_at(const char *what, size_t off)
{
    fprintf(stderr, "%s: trees differ: %s (offset %zu)\n", where, what, off);
    fail();
}

static int same_str(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static void same_tree(const plan_xnode *a, const plan_xnode *b)
{
    for (; a || b; a = a->next, b = b->next) {
        if (!a || !b) {
            fail_at("one has more nodes", a ? a->off : b->off);
            return;
        }
        size_t off = a->off;
        if (a->type != b->type)
            fail_at("node type", off);
        if (!same_str(a->name, b->name))
            fail_at("name", off);
        if (!same_str(a->ns, b->ns))
            fail_at("namespace", off);
        if (!same_str(a->content, b->content) || a->len != b->len)
            fail_at("content", off);
        if (a->off != PLAN_X_NOOFF && b->off != PLAN_X_NOOFF && a->off != b->off)
            fail_at("offset", off);
        if (a->type == PLAN_X_ELEMENT && (a->off != b->off || a->tag_end != b->tag_end))
            fail_at("element offsets", off);
        if (a->type == PLAN_X_PI && a->line != b->line)
            fail_at("PI line", off);
        const plan_xattr *p = a->attrs, *q = b->attrs;
        for (; p || q; p = p->next, q = q->next) {
            if (!p || !q) {
                fail_at("attribute count", off);
                break;
            }
            if (!same_str(p->name, q->name) || !same_str(p->ns, q->ns) ||
                !same_str(p->value, q->value) || p->len != q->len || p->off != q->off)
                fail_at("attribute", off);
        }
        same_tree(a->children, b->children);
    }
}

/* ---- parsing both ways ---- */

typedef struct tally {
    size_t texts, fast, slow_ok, rejected;
} tally;

static tally total;

static plan_xml *fresh(const plan_source *src)
{
    plan_xml *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->src = src;
    x->arena = plan_arena_new();
    return x;
}

/* Parses src both ways and compares. */
static void both_ways(const plan_source *src)
{
    plan_xml *f = fresh(src), *l = fresh(src);
    plan_diags d = PLAN_DIAGS_INIT;
    int fast = plan_scan(f);
    int ok = plan_parse_libxml2(l, &d);
    total.texts++;
    if (fast) {
        total.fast++;
        if (!ok) {
            fprintf(stderr, "%s: the scanner accepts what libxml2 rejects\n", where);
            fail();
        }
        assert_true(f->fast);
        assert_true(f->root != NULL);
        same_tree(f->children, l->children);
        if (f->root && l->root && f->root->off != l->root->off)
            fail_at("root", f->root->off);
    } else if (ok) {
        total.slow_ok++;
    } else {
        total.rejected++;
        /* Declined: the tree is left empty. */
        assert_null(f->children);
    }
    plan_diags_clear(&d);
    plan_xml_free(f);
    plan_xml_free(l);
}

/* Loads bytes as a plan file would be, then parses both ways. */
static void check_bytes(const char *bytes, size_t n, const plan_load_opts *opts)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *src = NULL;
    if (plan_load_bytes(bytes, n, "t.xml", opts, &d, &src) == PLAN_OK) {
        both_ways(src);
        plan_source_free(src);
    }
    plan_diags_clear(&d);
}

/* ---- mutations ---- */

static uint32_t rng = 2463534242u;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static const char *const inserts[] = {
    "<!--x-->", "<!-- a -- b -->", "<!--->", "<?pi data?>", "<?pi?>", "<?xml v?>", "<?x:y d?>",
    "&amp;", "&lt;&gt;&quot;&apos;", "&#x41;", "&#65;", "&#0;", "&#x110000;", "&#xD800;",
    "&#X41;", "&foo;", "&amp", "<![CDATA[x]]>", "<!DOCTYPE plan>", "]]>", "]]", "<a>", "</a>",
    "<a/>", "<p:a xmlns:p=\"u\"/>", " xmlns:p=\"u\"", " xmlns=\"\"", " xmlns=\"urn:other\"",
    " a=\"1\" a=\"2\"", " b='x\"y'", " c=\"&#10;&#9;\"", " d=\"a\tb\nc\"", " e=\"<\"",
    " f=\"&lt;&#38;\"", " g=1", " h", "\x01", "\xEF\xBF\xBE", "\xC3\xA9", "\xF0\x9F\x98\x80",
    "\xEF\xBF\xBF", "\xEF\xBF\xBD", "\xEF\xBB\xBF", "\xEE\x80\x80", "\xED\x9F\xBF", "\xC2\x85",
    "\x7F", "\x1F", "\r",
    "--", "<", ">", "&", "\"", "'", "<?", "?>", "<!", "/>", "=", ":", "\t", "\n", " ",
    "<plan xmlns=\"urn:x-plan:ke-hoach:1\">", "</plan>", "<xml/>", "<?xml version=\"1.0\"?>",
};

static void mutate(const char *orig, size_t n, const char *name)
{
    char *buf = malloc(n + 64);
    assert_non_null(buf);
    plan_load_opts lo = {0};
    /* Truncations. */
    for (int k = 0; k < 4 && n > 1; k++) {
        size_t at = next_rand() % n;
        snprintf(where, sizeof where, "%s cut at %zu", name, at);
        check_bytes(orig, at, &lo);
    }
    /* Bytes changed. */
    static const char bytes[] = "<>&\"'-?!]x:/= \n;#\x01\xC3";
    for (int k = 0; k < 6 && n > 0; k++) {
        memcpy(buf, orig, n);
        size_t at = next_rand() % n;
        buf[at] = bytes[next_rand() % (sizeof bytes - 1)];
        snprintf(where, sizeof where, "%s byte %zu -> 0x%02x", name, at, (unsigned char)buf[at]);
        check_bytes(buf, n, &lo);
    }
    /* Markup inserted. */
    for (int k = 0; k < 8; k++) {
        const char *ins = inserts[next_rand() % (sizeof inserts / sizeof *inserts)];
        size_t il = strlen(ins), at = n ? next_rand() % n : 0;
        /* Often just after a '>' or a name, where markup matters. */
        if (k % 2) {
            const char *gt = memchr(orig + at, k % 4 == 1 ? '>' : ' ', n - at);
            if (gt)
                at = (size_t)(gt - orig) + (k % 4 == 1);
        }
        memcpy(buf, orig, at);
        memcpy(buf + at, ins, il);
        memcpy(buf + at + il, orig + at, n - at);
        snprintf(where, sizeof where, "%s with \"%s\" at %zu", name, ins, at);
        check_bytes(buf, n + il, &lo);
    }
    free(buf);
}

/* ---- the files ---- */

static char **files;
static size_t nfiles, capfiles;

static int collect(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t l = strlen(path);
    if (flag == FTW_F && l > 4 && strcmp(path + l - 4, ".xml") == 0) {
        if (nfiles == capfiles) {
            capfiles = capfiles ? 2 * capfiles : 256;
            files = realloc(files, capfiles * sizeof *files);
            assert_non_null(files);
        }
        files[nfiles++] = strdup(path);
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_files(void)
{
    if (files)
        return;
    /* The unit tests run from the top of the repository (tests/run.sh). */
    nftw("plans", collect, 16, FTW_PHYS);
    nftw("tests", collect, 16, FTW_PHYS);
    qsort(files, nfiles, sizeof *files, by_name);
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t cap = 4096, len = 0;
    char *b = malloc(cap);
    size_t k;
    while ((k = fread(b + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *n = len;
    return b;
}

/* Every file as it is: the trees agree, and every sample plan goes the fast way. */
static void files_as_they_are(void **state)
{
    (void)state;
    load_files();
    assert_true(nfiles > 100);
    size_t plans = 0, plans_fast = 0;
    for (size_t i = 0; i < nfiles; i++) {
        plan_diags d = PLAN_DIAGS_INIT;
        plan_source *src = NULL;
        snprintf(where, sizeof where, "%s", files[i]);
        if (plan_load_file(files[i], files[i], NULL, &d, &src) == PLAN_OK) {
            size_t before = total.fast;
            both_ways(src);
            if (strncmp(files[i], "plans/", 6) == 0) {
                plans++;
                plans_fast += total.fast > before;
            }
            plan_source_free(src);
        }
        plan_diags_clear(&d);
    }
    assert_true(plans > 0);
    assert_int_equal(plans_fast, plans);
    /* Both outcomes are exercised: most files fast, some declined. */
    assert_true(total.fast > nfiles / 2);
    assert_true(total.rejected > 0);
}

static void files_mutated(void **state)
{
    (void)state;
    load_files();
    for (size_t i = 0; i < nfiles; i++) {
        size_t n;
        char *b = read_all(files[i], &n);
        mutate(b, n, files[i]);
        free(b);
    }
}

/* Low limits: the scanner declines wherever libxml2 would stop at a limit. */
static void files_low_limits(void **state)
{
    (void)state;
    load_files();
    static const plan_load_opts limits[] = {
        {.max_depth = 3}, {.max_depth = 4},          {.max_elements = 5},
        {.max_elements = 40}, {.max_text = 10},      {.max_text = 60},
        {.max_attributes = 1}, {.max_attributes = 2},
    };
    for (size_t i = 0; i < nfiles; i += 3) {
        size_t n;
        char *b = read_all(files[i], &n);
        for (size_t k = 0; k < sizeof limits / sizeof *limits; k++) {
            snprintf(where, sizeof where, "%s with limit set %zu", files[i], k);
            check_bytes(b, n, &limits[k]);
        }
        free(b);
    }
}

/* Small texts whose outcome is known: each accepted one goes the fast way. */
static void known_texts(void **state)
{
    (void)state;
    static const char *const fast[] = {
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\"/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"urn:x-plan:ke-hoach:1\">"
        "<p a=\"x&amp;y&#10;z\tw\">a &lt; b &#x1F600; ]] &gt;</p><!-- c --><?t d?></plan>\n",
    };
    static const char *const declined[] = {
        "<a>]]></a>", "<a><!-- -- --></a>", "<a b='1' b='2'/>", "<a>&foo;</a>", "<a>&#0;</a>",
        "<!DOCTYPE a><a/>", "<a><![CDATA[x]]></a>", "<p:a xmlns:p='u'/>", "<a/><b/>", "<a>",
        "<a></b>", " <?xml version='1.0'?><a/>", "<a xmlns='urn:other'/>", "<a b=c/>",
    };
    for (size_t i = 0; i < sizeof fast / sizeof *fast; i++) {
        snprintf(where, sizeof where, "known text %zu", i);
        size_t before = total.fast;
        check_bytes(fast[i], strlen(fast[i]), NULL);
        assert_int_equal(total.fast, before + 1);
    }
    for (size_t i = 0; i < sizeof declined / sizeof *declined; i++) {
        snprintf(where, sizeof where, "declined text %zu", i);
        size_t before = total.fast;
        check_bytes(declined[i], strlen(declined[i]), NULL);
        assert_int_equal(total.fast, before);
    }
}

/* The scanner looks at no byte of a multibyte character but the lead byte
 * EF (U+F000-U+FFFF, with the non-Chars U+FFFE and U+FFFF), relying on the
 * loader's check of the UTF-8: each character of the three-byte range near
 * those two, and controls, in text, attribute values, comments and PIs.
 * The scanner must agree with libxml2 on each, and take the Chars fast. */
static void chars_beyond_ascii(void **state)
{
    (void)state;
    static const struct {
        const char *c;
        int is_char;
    } chars[] = {
        {"\xEF\xBF\xBE", 0}, {"\xEF\xBF\xBF", 0}, {"\xEF\xBF\xBD", 1}, {"\xEF\xBF\xBC", 1},
        {"\xEF\xBE\xBF", 1}, {"\xEF\xBB\xBF", 1}, {"\xEF\x80\x80", 1}, {"\xEE\xBF\xBE", 1},
        {"\xED\x9F\xBF", 1}, {"\xEE\x80\x80", 1}, {"\xC2\x85", 1},     {"\xC2\x80", 1},
        {"\xF4\x8F\xBF\xBF", 1}, {"\xE1\xBB\x87", 1}, {"\x7F", 1}, {"\x01", 0},
        {"\x1F", 0},
    };
    static const char *const forms[] = {
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\">a%sb</plan>",
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\">%s</plan>",
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\" a=\"%s\" b='x%sy'/>",
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\"><!--%s-->x</plan>",
        "<plan xmlns=\"urn:x-plan:ke-hoach:1\"><?t %s?></plan>",
        "<!--%s--><plan xmlns=\"urn:x-plan:ke-hoach:1\"/>",
    };
    for (size_t i = 0; i < sizeof chars / sizeof *chars; i++)
        for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
            char text[256];
            snprintf(text, sizeof text, forms[k], chars[i].c, chars[i].c);
            snprintf(where, sizeof where, "character %zu in form %zu", i, k);
            size_t before = total.fast, rejected = total.rejected;
            check_bytes(text, strlen(text), NULL);
            if (chars[i].is_char)
                assert_int_equal(total.fast, before + 1);
            else
                assert_int_equal(total.rejected, rejected + 1);
        }
}

/* A source the loader did not make (no check of its UTF-8) goes to libxml2,
 * which finds the bad byte the scanner would not look at. */
static void unchecked_source(void **state)
{
    (void)state;
    static const char good[] = "<plan xmlns=\"urn:x-plan:ke-hoach:1\">\xC3\xA9</plan>";
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *src = NULL;
    assert_int_equal(plan_load_bytes(good, strlen(good), "g.xml", NULL, &d, &src), PLAN_OK);
    assert_true(src->utf8_checked);
    plan_xml *x = fresh(src);
    assert_true(plan_scan(x));
    plan_xml_free(x);
    /* The same text with a byte that is no UTF-8, as a caller might build. */
    src->text[strlen(good) - 9] = '\xFF';
    src->utf8_checked = 0;
    x = fresh(src);
    assert_false(plan_scan(x));
    assert_null(x->root);
    plan_xml_free(x);
    x = plan_parse(src, &d);
    assert_null(x);
    assert_true(d.n > 0);
    plan_diags_clear(&d);
    plan_source_free(src);
}

/* plan_parse takes the fast way for a plain plan and still reports libxml2's
 * diagnostics for a broken one. */
static void parse_entry_point(void **state)
{
    (void)state;
    static const char good[] = "<plan xmlns=\"urn:x-plan:ke-hoach:1\"><body/></plan>";
    static const char bad[] = "<plan xmlns=\"urn:x-plan:ke-hoach:1\"><body></plan>";
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *src = NULL;
    assert_int_equal(plan_load_bytes(good, strlen(good), "g.xml", NULL, &d, &src), PLAN_OK);
    plan_xml *x = plan_parse(src, &d);
    assert_non_null(x);
    assert_true(x->fast);
    assert_int_equal(d.n, 0);
    plan_xml_free(x);
    plan_source_free(src);
    assert_int_equal(plan_load_bytes(bad, strlen(bad), "b.xml", NULL, &d, &src), PLAN_OK);
    assert_null(plan_parse(src, &d));
    assert_true(d.n > 0);
    plan_source_free(src);
    plan_diags_clear(&d);
}

int main(void)
{
    plan_parse_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_texts),
        cmocka_unit_test(parse_entry_point),
        cmocka_unit_test(chars_beyond_ascii),
        cmocka_unit_test(unchecked_source),
        cmocka_unit_test(files_as_they_are),
        cmocka_unit_test(files_mutated),
        cmocka_unit_test(files_low_limits),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fprintf(stderr, "test_parse: %zu texts, %zu fast, %zu only libxml2, %zu rejected\n",
            total.texts, total.fast, total.slow_ok, total.rejected);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    plan_parse_cleanup();
    return rc;
}
