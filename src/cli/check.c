/*
 * check.c - `plan check` and `plan compile`: read each plan, validate it,
 * print diagnostics, and for compile write the outputs of every plan that
 * has no errors: STEM.xml, .json, .md, .html and the checklist as .csv, .md
 * and .ics (--emit=LIST picks some; --by-office adds one calendar per
 * office).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/baseline.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "plan/emit.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/model.h"
#include "plan/util.h"

enum { OUT_XML, OUT_JSON, OUT_MD, OUT_HTML, OUT_CSV, OUT_CHECKLIST_MD, OUT_ICS };

/* The outputs of compile, in the order they are written. */
static const struct output {
    const char *name;   /* in --emit */
    const char *suffix; /* after STEM */
    int kind;
} outputs[] = {
    {"xml", ".xml", OUT_XML},
    {"json", ".json", OUT_JSON},
    {"md", ".md", OUT_MD},
    {"html", ".html", OUT_HTML},
    {"checklist.csv", ".checklist.csv", OUT_CSV},
    {"checklist.md", ".checklist.md", OUT_CHECKLIST_MD},
    {"checklist.ics", ".checklist.ics", OUT_ICS},
};
enum { N_OUTPUTS = sizeof outputs / sizeof *outputs };

typedef struct run {
    cli_opts o;
    unsigned emit;      /* bit i: outputs[i] */
    int by_office;
    plan_diags all;     /* JSON mode: everything, printed at the end */
    size_t errors, warnings, infos;
    int files, failed_io, written;
    char **inputs;
    int ninputs;
    plan_summary **sums;  /* one per plan read, for the cross-plan rules */
    size_t nsums;
    const char *baseline, *write_baseline; /* check --baseline, --write-baseline */
    cli_baseline *bl;     /* set when either is given (src/cli/baseline.h) */
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

static void render(int kind, const plan_doc *doc, const plan_checklist *cl, plan_buf *b)
{
    switch (kind) {
    case OUT_XML: plan_emit_xml(doc, b); break;
    case OUT_JSON: plan_emit_json(doc, b); break;
    case OUT_MD: plan_emit_markdown(doc, b); break;
    case OUT_HTML: plan_emit_html(doc, b); break;
    case OUT_CSV: plan_emit_checklist_csv(cl, b); break;
    case OUT_CHECKLIST_MD: plan_emit_checklist_md(cl, b); break;
    default: plan_emit_checklist_ics(cl, NULL, b); break;
    }
}

static int compile_outputs(run *r, const plan_doc *doc, const char *input)
{
    char *stem = stem_of(input);
    plan_buf path = PLAN_BUF_INIT, b = PLAN_BUF_INIT;
    plan_checklist cl;
    plan_checklist_build(doc, &cl);
    int fail = 0;
    for (int i = 0; i < N_OUTPUTS; i++) {
        if (!(r->emit & (1u << i)))
            continue;
        plan_buf_reset(&path);
        plan_buf_printf(&path, "%s/%s%s", r->o.outdir, stem, outputs[i].suffix);
        plan_buf_reset(&b);
        render(outputs[i].kind, doc, &cl, &b);
        fail |= write_output(r, plan_buf_cstr(&path), &b);
    }
    if (r->by_office) {
        const char **names, **slugs;
        size_t n = plan_checklist_offices(&cl, &names, &slugs);
        for (size_t i = 0; i < n; i++) {
            plan_buf_reset(&path);
            plan_buf_printf(&path, "%s/%s.checklist.%s.ics", r->o.outdir, stem, slugs[i]);
            plan_buf_reset(&b);
            plan_emit_checklist_ics(&cl, names[i], &b);
            fail |= write_output(r, plan_buf_cstr(&path), &b);
        }
    }
    plan_checklist_free(&cl);
    plan_buf_free(&b);
    plan_buf_free(&path);
    free(stem);
    return fail;
}

/* --emit=xml,json,…: the outputs to write. Returns 0 or PLAN_EXIT_USAGE. */
static int parse_emit(const char *list, unsigned *mask)
{
    *mask = 0;
    const char *p = list;
    while (1) {
        size_t n = strcspn(p, ",");
        int found = 0;
        for (int i = 0; i < N_OUTPUTS; i++)
            if (strlen(outputs[i].name) == n && strncmp(p, outputs[i].name, n) == 0) {
                *mask |= 1u << i;
                found = 1;
            }
        if (!found) {
            cli_usage_error(_("unknown output '%.*s' in --emit; use xml, json, md, html, "
                              "checklist.csv, checklist.md or checklist.ics"),
                            (int)n, p);
            return PLAN_EXIT_USAGE;
        }
        if (!p[n])
            break;
        p += n + 1;
    }
    return 0;
}

/* Returns 1 when the file could not be read, else 0. */
static int one_file(run *r, const char *path, int compile)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    r->files++;
    int rc = plan_doc_read(path, &r->o.load, &d, &doc);
    if (rc == PLAN_ERR_IO) {
        cli_syserr(path, errno);
        r->failed_io = 1;
        plan_diags_clear(&d);
        return 1;
    }
    if (doc)
        plan_validate(doc, &r->o.val, &d, 0);
    else
        plan_validate_apply_opts(&r->o.val, &d, 0);
    /* Diagnostics borrow the file name; the document's copy dies with it. */
    for (size_t i = 0; i < d.n; i++)
        d.v[i].file = path;
    plan_diags_sort(&d);
    if (r->bl) /* before counting: a baselined finding does not count */
        cli_baseline_apply(r->bl, path, &d, doc ? doc->src : NULL);
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
    if (doc) {
        r->sums = plan_xrealloc(r->sums, (r->nsums + 1) * sizeof *r->sums);
        r->sums[r->nsums++] = plan_summary_of(doc);
    }
    plan_doc_free(doc);
    return 0;
}

/* The rules across plans, once every plan has been read. */
static void corpus(run *r)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_validate_corpus(r->sums, r->nsums, &r->o.val, &d);
    plan_diags_sort(&d);
    if (r->bl)
        cli_baseline_apply(r->bl, NULL, &d, NULL);
    r->errors += plan_diags_count(&d, PLAN_SEV_ERROR);
    r->warnings += plan_diags_count(&d, PLAN_SEV_WARNING);
    r->infos += plan_diags_count(&d, PLAN_SEV_INFO);
    if (!r->o.json)
        cli_print_gcc(&d, &r->o, NULL);
    /* Diagnostics borrow file names from the summaries, freed below. */
    for (size_t i = 0; i < d.n; i++)
        for (int k = 0; k < r->ninputs; k++)
            if (strcmp(d.v[i].file, r->inputs[k]) == 0)
                d.v[i].file = r->inputs[k];
    if (r->o.json)
        plan_diags_move(&r->all, &d);
    plan_diags_clear(&d);
    for (size_t i = 0; i < r->nsums; i++)
        plan_summary_free(r->sums[i]);
    free(r->sums);
    r->sums = NULL;
    r->nsums = 0;
}

static int run_cmd(int argc, char **argv, int compile)
{
    run r;
    memset(&r, 0, sizeof r);
    r.emit = (1u << N_OUTPUTS) - 1;
    /* compile's own options are taken out here; the rest are shared with
     * check (cli_parse_opts). */
    char **rest = plan_xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int nrest = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-o") == 0 || strcmp(a, "-W") == 0 || strcmp(a, "--config") == 0) &&
            i + 1 < argc) {
            /* An option's value is never one of ours. */
            rest[nrest++] = argv[i++];
            rest[nrest++] = argv[i];
        } else if (i > 0 && strcmp(a, "--baseline") == 0 && i + 1 < argc) {
            r.baseline = argv[++i];
        } else if (i > 0 && strncmp(a, "--baseline=", 11) == 0) {
            r.baseline = a + 11;
        } else if (i > 0 && strcmp(a, "--write-baseline") == 0 && i + 1 < argc) {
            r.write_baseline = argv[++i];
        } else if (i > 0 && strncmp(a, "--write-baseline=", 17) == 0) {
            r.write_baseline = a + 17;
        } else if (i > 0 && compile && strncmp(a, "--emit=", 7) == 0) {
            if (parse_emit(a + 7, &r.emit)) {
                free(rest);
                return PLAN_EXIT_USAGE;
            }
        } else if (i > 0 && compile && strcmp(a, "--by-office") == 0) {
            r.by_office = 1;
        } else {
            if (strcmp(a, "--") == 0) {
                while (i < argc)
                    rest[nrest++] = argv[i++];
                break;
            }
            rest[nrest++] = argv[i];
        }
    }
    rest[nrest] = NULL;
    if (compile && (r.baseline || r.write_baseline)) {
        /* compile writes outputs only for plans without errors, baselined or not. */
        cli_usage_error(_("--baseline and --write-baseline are options of 'plan check'"));
        free(rest);
        return PLAN_EXIT_USAGE;
    }
    char **paths;
    int npaths;
    int bad = cli_parse_opts(nrest, rest, &r.o, &paths, &npaths, compile);
    free(rest);
    if (bad) {
        free(paths);
        return PLAN_EXIT_USAGE;
    }
    if (r.baseline || r.write_baseline) {
        r.bl = cli_baseline_open(r.baseline, r.write_baseline != NULL, r.o.cfg, &r.o.load);
        if (!r.bl) {
            free(paths);
            return PLAN_EXIT_USAGE;
        }
    }
    int failed = 0;
    r.inputs = cli_expand_paths(paths, npaths, &r.ninputs, &failed);
    /* [paths] exclude of .planrc: files found in directories, not named ones. */
    cli_config_filter(r.o.cfg, r.inputs, &r.ninputs, paths, npaths);
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
    unsigned char *unread = plan_xmalloc((size_t)r.ninputs + 1);
    for (int i = 0; i < r.ninputs; i++)
        unread[i] = (unsigned char)one_file(&r, r.inputs[i], compile);
    corpus(&r);
    if (r.o.json) {
        plan_diags_sort(&r.all);
        cli_report rep = {&r.all, r.inputs, r.ninputs, unread, r.failed_io};
        switch (r.o.format) {
        case CLI_FORMAT_SARIF: cli_print_sarif(&rep, stdout); break;
        case CLI_FORMAT_JUNIT: cli_print_junit(&rep, stdout); break;
        case CLI_FORMAT_GITLAB: cli_print_gitlab(&rep, stdout); break;
        default: cli_print_json(&r.all, stdout); break;
        }
    }
    free(unread);
    if (!r.o.quiet && !r.o.json)
        fprintf(stderr, _("%d file(s): %zu error(s), %zu warning(s), %zu info\n"), r.files,
                r.errors, r.warnings, r.infos);
    if (r.baseline && !r.o.quiet && !r.o.json)
        fprintf(stderr, _("baseline %s: %zu finding(s) not shown, %zu no longer occur\n"),
                r.baseline, cli_baseline_suppressed(r.bl), cli_baseline_gone(r.bl));
    if (r.write_baseline && r.failed_io)
        fprintf(stderr, "plan: %s: %s: %s\n", _("error"), r.write_baseline,
                _("not written: some inputs could not be read"));
    else if (r.write_baseline) {
        int rc = cli_baseline_write(r.bl, r.write_baseline);
        if (rc) {
            cli_syserr(r.write_baseline, -rc);
            r.failed_io = 1;
        }
    }
done:
    cli_baseline_free(r.bl);
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
