/*
 * fuzz_plan.c - libFuzzer target: load, parse, build, validate and emit
 * the normalized plan from arbitrary bytes. Built by `make fuzz`. Each
 * input is also parsed both ways (the fast scanner and libxml2, see
 * src/parse/scan.c): it aborts when the scanner accepts what libxml2
 * rejects or the two trees differ.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/xml.h"

#include "plan/emit.h"
#include "plan/model.h"
#include "plan/parse.h"
#include "plan/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    plan_parse_init();
    return 0;
}

static int same_str(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

static void same_tree(const plan_xnode *a, const plan_xnode *b)
{
    for (; a || b; a = a->next, b = b->next) {
        if (!a || !b || a->type != b->type || !same_str(a->name, b->name) ||
            !same_str(a->ns, b->ns) || !same_str(a->content, b->content) || a->len != b->len ||
            (a->off != PLAN_X_NOOFF && b->off != PLAN_X_NOOFF && a->off != b->off) ||
            (a->type == PLAN_X_ELEMENT && a->tag_end != b->tag_end) ||
            (a->type == PLAN_X_PI && a->line != b->line)) {
            fprintf(stderr, "fast scanner and libxml2 disagree at offset %zu\n",
                    a ? a->off : b->off);
            abort();
        }
        const plan_xattr *p = a->attrs, *q = b->attrs;
        for (; p || q; p = p->next, q = q->next)
            if (!p || !q || !same_str(p->name, q->name) || !same_str(p->ns, q->ns) ||
                !same_str(p->value, q->value) || p->len != q->len || p->off != q->off) {
                fprintf(stderr, "fast scanner and libxml2 disagree on an attribute at %zu\n",
                        a->off);
                abort();
            }
        same_tree(a->children, b->children);
    }
}

/* Both parsers on one source. */
static void differential(const plan_source *src)
{
    plan_xml f = {.src = src, .arena = plan_arena_new()};
    plan_xml l = {.src = src, .arena = plan_arena_new()};
    plan_diags d = PLAN_DIAGS_INIT;
    int fast = plan_scan(&f), ok = plan_parse_libxml2(&l, &d);
    if (fast && !ok) {
        fputs("the fast scanner accepts what libxml2 rejects\n", stderr);
        abort();
    }
    if (fast)
        same_tree(f.children, l.children);
    plan_diags_clear(&d);
    plan_arena_free(f.arena);
    plan_arena_free(l.arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    {
        plan_diags d = PLAN_DIAGS_INIT;
        plan_source *src = NULL;
        plan_load_opts lo = {.max_bytes = 1 << 20};
        if (plan_load_bytes((const char *)data, size, "fuzz.xml", &lo, &d, &src) == PLAN_OK) {
            differential(src);
            plan_source_free(src);
        }
        plan_diags_clear(&d);
    }
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    plan_load_opts lo = {.max_bytes = 1 << 20};
    if (plan_doc_read_bytes((const char *)data, size, "fuzz.xml", &lo, &d, &doc) == PLAN_OK) {
        plan_validate_opts o;
        plan_validate_opts_init(&o);
        plan_validate(doc, &o, &d, 0);
        plan_buf b = PLAN_BUF_INIT;
        plan_emit_xml(doc, &b);
        plan_buf_free(&b);
        plan_doc_free(doc);
    }
    plan_diags_clear(&d);
    return 0;
}
