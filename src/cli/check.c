/*
 * check.c - `plan check` and `plan compile`: read each plan, validate it,
 * print diagnostics, and for compile write the outputs of every plan that
 * has no errors.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "plan/emit.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/model.h"
#include "plan/util.h"

typedef struct run {
    cli_opts o;
    plan_diags all;     /* JSON mode: everything, printed at the end */
    size_t errors, warnings, infos;
    int files, failed_io, written;
    char **inputs;
    int ninputs;
} run;

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static char *stem_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
        n -= 4;
    char *s = plan_xmalloc(n + 1);
    memcpy(s, base, n);
    s[n] = '\0';
    return s;
}

/* Writes one output unless it would replace an input. Returns 0 or 1. */
static int write_output(run *r, const char *path, const plan_buf *b)
{
    for (int i = 0; i < r->ninputs; i++)
        if (same_file(path, r->inputs[i])) {
            fprintf(stderr, "plan: %s: %s: %s\n", _("error"), path,
                    _("refusing to write over an input file; choose another -o directory"));
            return 1;
        }
    int rc = plan_write_atomic(path, b->data ? b->data : "", b->len);
    if (rc) {
        cli_syserr(path, -rc);
        return 1;
    }
    r->written++;
    return 0;
}

static int compile_outputs(run *r, const plan_doc *doc, const char *input)
{
    char *stem = stem_of(input);
    size_t n = strlen(r->o.outdir) + strlen(stem) + 32;
    char *path = plan_xmalloc(n);
    plan_buf b = PLAN_BUF_INIT;
    int fail = 0;
    snprintf(path, n, "%s/%s.xml", r->o.outdir, stem);
    plan_emit_xml(doc, &b);
    fail |= write_output(r, path, &b);
    plan_buf_free(&b);
    free(path);
    free(stem);
    return fail;
}

static void one_file(run *r, const char *path, int compile)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    r->files++;
    int rc = plan_doc_read(path, &r->o.load, &d, &doc);
    if (rc == PLAN_ERR_IO) {
        cli_syserr(path, errno);
        r->failed_io = 1;
        plan_diags_clear(&d);
        return;
    }
    if (doc)
        plan_validate(doc, &r->o.val, &d, 0);
    else
        plan_validate_apply_opts(&r->o.val, &d, 0);
    /* Diagnostics borrow the file name; the document's copy dies with it. */
    for (size_t i = 0; i < d.n; i++)
        d.v[i].file = path;
    plan_diags_sort(&d);
    size_t errors = plan_diags_count(&d, PLAN_SEV_ERROR);
    r->errors += errors;
    r->warnings += plan_diags_count(&d, PLAN_SEV_WARNING);
    r->infos += plan_diags_count(&d, PLAN_SEV_INFO);
    if (!r->o.json)
        cli_print_gcc(&d, &r->o, doc ? doc->src : NULL);
    if (compile && doc && errors == 0)
        r->failed_io |= compile_outputs(r, doc, path);
    if (r->o.json)
        plan_diags_move(&r->all, &d);
    plan_diags_clear(&d);
    plan_doc_free(doc);
}

static int run_cmd(int argc, char **argv, int compile)
{
    run r;
    memset(&r, 0, sizeof r);
    char **paths;
    int npaths;
    if (cli_parse_opts(argc, argv, &r.o, &paths, &npaths, compile)) {
        free(paths);
        return PLAN_EXIT_USAGE;
    }
    int failed = 0;
    r.inputs = cli_expand_paths(paths, npaths, &r.ninputs, &failed);
    free(paths);
    r.failed_io = failed;
    if (compile) {
        int rc = plan_mkdir_p(r.o.outdir);
        if (rc) {
            cli_syserr(r.o.outdir, -rc);
            r.failed_io = 1;
            goto done;
        }
        /* Two inputs with the same stem would overwrite each other's outputs. */
        for (int i = 0; i < r.ninputs; i++)
            for (int j = 0; j < i; j++) {
                char *a = stem_of(r.inputs[i]), *b = stem_of(r.inputs[j]);
                if (strcmp(a, b) == 0) {
                    fprintf(stderr, "plan: %s: %s, %s: %s\n", _("error"), r.inputs[j],
                            r.inputs[i],
                            _("two inputs have the same name; their outputs would collide"));
                    r.failed_io = 1;
                }
                free(a);
                free(b);
            }
        if (r.failed_io)
            goto done;
    }
    for (int i = 0; i < r.ninputs; i++)
        one_file(&r, r.inputs[i], compile);
    if (r.o.json)
        cli_print_json(&r.all, stdout);
    if (!r.o.quiet && !r.o.json)
        fprintf(stderr, _("%d file(s): %zu error(s), %zu warning(s), %zu info\n"), r.files,
                r.errors, r.warnings, r.infos);
done:
    plan_diags_clear(&r.all);
    for (int i = 0; i < r.ninputs; i++)
        free(r.inputs[i]);
    free(r.inputs);
    if (r.failed_io)
        return PLAN_EXIT_USAGE;
    if (r.errors || (r.o.val.werror && r.warnings))
        return PLAN_EXIT_ERRORS;
    return PLAN_EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    return run_cmd(argc, argv, 0);
}

int cmd_compile(int argc, char **argv)
{
    return run_cmd(argc, argv, 1);
}
