/*
 * checklist.c - `plan checklist FILE --format=csv|md|json|ics`: check one
 * plan and print its checklist of obligations to stdout. A plan with
 * errors prints its diagnostics and no checklist, as compile writes no
 * output for it: a checklist of a broken plan would be trusted anyway.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/emit.h"
#include "plan/i18n.h"
#include "plan/model.h"
#include "plan/util.h"

enum { FMT_CSV, FMT_MD, FMT_JSON, FMT_ICS };

int cmd_checklist(int argc, char **argv)
{
    int fmt = FMT_MD;
    char **rest = plan_xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int nrest = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (i > 0 && strncmp(a, "--format=", 9) == 0) {
            const char *f = a + 9;
            if (strcmp(f, "csv") == 0)
                fmt = FMT_CSV;
            else if (strcmp(f, "md") == 0 || strcmp(f, "markdown") == 0)
                fmt = FMT_MD;
            else if (strcmp(f, "json") == 0)
                fmt = FMT_JSON;
            else if (strcmp(f, "ics") == 0)
                fmt = FMT_ICS;
            else {
                cli_usage_error(_("unknown format '%s'; use csv, md, json or ics"), f);
                free(rest);
                return PLAN_EXIT_USAGE;
            }
        } else {
            rest[nrest++] = argv[i];
        }
    }
    rest[nrest] = NULL;
    cli_opts o;
    char **paths;
    int npaths;
    int bad = cli_parse_opts(nrest, rest, &o, &paths, &npaths, 0);
    free(rest);
    if (bad) {
        free(paths);
        return PLAN_EXIT_USAGE;
    }
    if (npaths != 1) {
        cli_usage_error(_("checklist takes one plan file"));
        free(paths);
        return PLAN_EXIT_USAGE;
    }
    const char *path = paths[0];
    free(paths);

    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    if (plan_doc_read(path, &o.load, &d, &doc) == PLAN_ERR_IO) {
        cli_syserr(path, errno);
        plan_diags_clear(&d);
        return PLAN_EXIT_USAGE;
    }
    if (doc)
        plan_validate(doc, &o.val, &d, 0);
    else
        plan_validate_apply_opts(&o.val, &d, 0);
    for (size_t i = 0; i < d.n; i++)
        d.v[i].file = path;
    plan_diags_sort(&d);
    size_t errors = plan_diags_count(&d, PLAN_SEV_ERROR);
    size_t warnings = plan_diags_count(&d, PLAN_SEV_WARNING);
    cli_print_gcc(stderr, &d, &o, doc ? doc->src : NULL);
    int rc = PLAN_EXIT_OK;
    if (!doc || errors) {
        rc = PLAN_EXIT_ERRORS;
    } else {
        plan_checklist cl;
        plan_checklist_build(doc, &cl);
        plan_buf b = PLAN_BUF_INIT;
        switch (fmt) {
        case FMT_CSV: plan_emit_checklist_csv(&cl, &b); break;
        case FMT_JSON: plan_emit_checklist_json(&cl, &b); break;
        case FMT_ICS: plan_emit_checklist_ics(&cl, NULL, &b); break;
        default: plan_emit_checklist_md(&cl, &b); break;
        }
        if (b.len && fwrite(b.data, 1, b.len, stdout) != b.len)
            rc = PLAN_EXIT_USAGE;
        if (fflush(stdout) != 0)
            rc = PLAN_EXIT_USAGE;
        plan_buf_free(&b);
        plan_checklist_free(&cl);
        if (rc == PLAN_EXIT_OK && o.val.werror && warnings)
            rc = PLAN_EXIT_ERRORS;
    }
    plan_diags_clear(&d);
    plan_doc_free(doc);
    return rc;
}
