/*
 * fuzz_plan.c - libFuzzer target: load, parse, build, validate and emit
 * the normalized plan from arbitrary bytes. Built by `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
