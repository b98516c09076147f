/*
 * check.c - `plan check` and `plan compile`: read each plan, validate it,
 * print diagnostics, and for compile write the outputs of every plan that
 * has no errors: STEM.xml, .json, .md, .html and the checklist as .csv, .md
 * and .ics (--emit=LIST picks some; --by-office adds one calendar per
 * office).
 *
 * A batch: every plan is one item of an ordered parallel loop (batch.h):
 * the work — read, validate, print into the item's own buffer, write the
 * outputs — runs on -j threads; the calling thread then prints each item's
 * buffer in input order, so the output is the same whatever -j. compile is
 * incremental (stamp.h): a first pass reads every plan for the cross-plan
 * rules and its dependencies, and only plans whose input, parents,
 * configuration, options or tool changed are validated and written again.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/baseline.h"
#include "cli/batch.h"
#include "cli/stamp.h"
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

/* The inputs' identities (device, inode), sorted: an output path that is
 * one of them is refused. Found once, so that each output costs one stat. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
} file_id;

/* What a worker found of one plan, until the calling thread has printed
 * it. The batch keeps at most a window of plans in flight (cli_batch_window),
 * so a ring of slots, slot i % window for plan i, serves the whole run. */
typedef struct slot {
    char *text;          /* the worker's messages, GCC form (open_memstream) */
    size_t textlen;
    plan_diags diags;    /* machine formats: the diagnostics themselves */
    unsigned warnings, infos;
    int written;         /* outputs written */
    plan_summary *sum;   /* for the cross-plan rules, until the calling thread
                          * hands it to the corpus (add_summary) */
    plan_buf out;        /* compile: each output rendered here in turn, its room
                          * kept from plan to plan */
} slot;

/* What the run keeps of each plan until the end: a few bytes, so that
 * memory stays flat in the number of plans. */
typedef struct job {
    unsigned errors;
    unsigned char unread, io_failed, compiled, skip, summarised;
} job;

/* compile: what the stamp of a plan is made of, and the stamp (0: none),
 * from in and its parents'. Apart from job, as check needs none. */
typedef struct stamp_of {
    cli_stamp_input in;
    uint64_t key;
} stamp_of;

typedef struct run {
    cli_opts o;
    unsigned emit;      /* bit i: outputs[i] */
    int by_office;
    int jobs;           /* -j */
    int force;          /* --force: recompile even what is up to date */
    int progress;       /* a progress line on stderr (a terminal) */
    int progress_shown; /* it is on the screen now */
    double started_at, progress_at; /* of the run, of the last progress line */
    double progress_after; /* no line before (PLAN_PROGRESS_AFTER, default 0.5 s) */
    const char *depfile;/* --depfile FILE */
    int compile;
    plan_diags all;     /* JSON mode: everything, printed at the end */
    size_t errors, warnings, infos;
    int files, failed_io, written;
    size_t ncompiled, nskipped, nfailed;
    char **inputs;
    int ninputs;
    file_id *ids;       /* the inputs' identities, sorted (is_input) */
    size_t nids;
    int inputs_in_outdir; /* some input is in -o DIR: check each output (is_input) */
    job *jobs_v;        /* one per input */
    slot *slots;        /* cli_batch_window(jobs) of them */
    size_t nslots;
    stamp_of *st;       /* compile: one per input */
    plan_corpus *corpus;/* what the rules across plans keep of each input */
    const char *baseline, *write_baseline; /* check --baseline, --write-baseline */
    cli_baseline *bl;     /* set when either is given (src/cli/baseline.h) */
    pthread_mutex_t bl_mu;/* the baseline is shared by the workers */
    size_t shown;         /* items printed, for the progress line */
} run;

static int cmp_id(const void *x, const void *y)
{
    const file_id *a = x, *b = y;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    return a->ino < b->ino ? -1 : a->ino > b->ino;
}

static file_id *input_ids(char **inputs, int n, size_t *count)
{
    file_id *v = plan_xmalloc(((size_t)n + 1) * sizeof *v);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(inputs[i], &st) == 0) {
            v[k].dev = st.st_dev;
            v[k++].ino = st.st_ino;
        }
    }
    qsort(v, k, sizeof *v, cmp_id);
    *count = k;
    return v;
}

/* 1 when some input's directory is dir (the same directory, by identity,
 * however the paths spell it). Only then can an output path be an
 * input's own name: outputs replace their path by link or rename, so a
 * link to an input elsewhere is replaced, never written through. */
static int inputs_in_dir(char **inputs, int n, const char *dir)
{
    struct stat od;
    if (stat(dir, &od) != 0)
        return 1; /* unknown: check every output */
    char *last = NULL;
    int last_in = 0, found = 0;
    for (int i = 0; i < n && !found; i++) {
        char *d = plan_path_dir(inputs[i]);
        if (!last || strcmp(d, last) != 0) { /* inputs come mostly a folder at a time */
            struct stat st;
            last_in = stat(d, &st) != 0 || (st.st_dev == od.st_dev && st.st_ino == od.st_ino);
            free(last);
            last = d;
        } else {
            free(d);
        }
        found = last_in;
    }
    free(last);
    return found;
}

static int is_input(const file_id *ids, size_t n, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    file_id k = {st.st_dev, st.st_ino};
    return bsearch(&k, ids, n, sizeof *ids, cmp_id) != NULL;
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

/* ---- inputs whose outputs would collide ---- */

typedef struct stem_ix {
    char *stem;
    int i; /* the input's index */
} stem_ix;

static int cmp_stem_ix(const void *x, const void *y)
{
    const stem_ix *a = x, *b = y;
    int c = strcmp(a->stem, b->stem);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

typedef struct stem_pair {
    int i, j; /* inputs j < i with the same stem */
} stem_pair;

static int cmp_stem_pair(const void *x, const void *y)
{
    const stem_pair *a = x, *b = y;
    return a->i != b->i ? (a->i > b->i) - (a->i < b->i) : (a->j > b->j) - (a->j < b->j);
}

/* Two inputs with the same stem would overwrite each other's outputs: an
 * error for each such pair, in the order of the later input and then the
 * earlier. The stems are sorted once (a pair test of every two inputs
 * cost seconds at thousands of plans). Returns 1 when there is one. */
static int same_stems(const run *r)
{
    size_t n = (size_t)r->ninputs, np = 0, cap = 0;
    stem_ix *v = plan_xmalloc((n + 1) * sizeof *v);
    for (size_t k = 0; k < n; k++) {
        v[k].stem = stem_of(r->inputs[k]);
        v[k].i = (int)k;
    }
    qsort(v, n, sizeof *v, cmp_stem_ix);
    stem_pair *p = NULL;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && strcmp(v[b].stem, v[a].stem) == 0; b++)
            ;
        for (size_t x = a; x < b; x++)
            for (size_t y = x + 1; y < b; y++) {
                if (np == cap) {
                    cap = cap ? 2 * cap : 8;
                    p = plan_xrealloc(p, cap * sizeof *p);
                }
                p[np++] = (stem_pair){v[y].i, v[x].i};
            }
    }
    if (np)
        qsort(p, np, sizeof *p, cmp_stem_pair);
    for (size_t k = 0; k < np; k++)
        fprintf(stderr, "plan: %s: %s, %s: %s\n", _("error"), r->inputs[p[k].j],
                r->inputs[p[k].i], _("two inputs have the same name; their outputs would collide"));
    for (size_t k = 0; k < n; k++)
        free(v[k].stem);
    free(v);
    free(p);
    return np > 0;
}

/* Writes one output unless it would replace an input. Returns 0 or 1;
 * messages go to f (the job's buffer). */
static int write_output(const run *r, slot *j, FILE *f, const char *path, const plan_buf *b)
{
    if (r->inputs_in_outdir && is_input(r->ids, r->nids, path)) {
        fprintf(f, "plan: %s: %s: %s\n", _("error"), path,
                _("refusing to write over an input file; choose another -o directory"));
        return 1;
    }
    /* No fsync per file: the batch is flushed once at the end, before the
     * stamps that say these outputs are made (run_cmd). */
    int rc = plan_write_atomic_batch(path, b->data ? b->data : "", b->len);
    if (rc) {
        cli_syserr_to(f, path, -rc);
        return 1;
    }
    j->written++;
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

/* The paths compile writes for input (not the per-office calendars, whose
 * names depend on the plan): for the stamp's "are the outputs there" test
 * and for --depfile. */
static size_t output_paths(const run *r, const char *input, char ***out)
{
    char *stem = stem_of(input);
    size_t n = 0;
    *out = plan_xmalloc(N_OUTPUTS * sizeof **out);
    for (int i = 0; i < N_OUTPUTS; i++) {
        if (!(r->emit & (1u << i)))
            continue;
        plan_buf b = PLAN_BUF_INIT;
        plan_buf_printf(&b, "%s/%s%s", r->o.outdir, stem, outputs[i].suffix);
        (*out)[n++] = plan_xstrdup(plan_buf_cstr(&b));
        plan_buf_free(&b);
    }
    free(stem);
    return n;
}

static void free_paths(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static int compile_outputs(const run *r, slot *j, FILE *f, const plan_doc *doc,
                           const char *input)
{
    char *stem = stem_of(input);
    plan_buf path = PLAN_BUF_INIT, *b = &j->out;
    plan_checklist cl;
    plan_checklist_build(doc, &cl);
    int fail = 0;
    char **paths;
    size_t npaths = output_paths(r, input, &paths); /* one per output of --emit, in order */
    for (int i = 0, k = 0; i < N_OUTPUTS; i++) {
        if (!(r->emit & (1u << i)))
            continue;
        plan_buf_reset(b);
        render(outputs[i].kind, doc, &cl, b);
        fail |= write_output(r, j, f, paths[k++], b);
    }
    free_paths(paths, npaths);
    if (r->by_office) {
        const char **names, **slugs;
        size_t n = plan_checklist_offices(&cl, &names, &slugs);
        for (size_t i = 0; i < n; i++) {
            plan_buf_reset(&path);
            plan_buf_printf(&path, "%s/%s.checklist.%s.ics", r->o.outdir, stem, slugs[i]);
            plan_buf_reset(b);
            plan_emit_checklist_ics(&cl, names[i], b);
            fail |= write_output(r, j, f, plan_buf_cstr(&path), b);
        }
    }
    plan_checklist_free(&cl);
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

/* ---- the work on one plan (a worker thread) ---- */

static slot *slot_of(const run *r, size_t i)
{
    return &r->slots[i % r->nslots];
}

/* The content part of a plan's stamp input, once the plan is read: its
 * loaded text, so that it is not read a second time; its bytes when it did
 * not load (stamp.h). */
static void stamp_content(cli_stamp_input *in, const char *path, const plan_doc *doc)
{
    if (doc && doc->src)
        cli_stamp_input_text(in, doc->src->text, doc->src->len);
    else
        cli_stamp_input_of(path, in);
}

/* Reads, validates, prints into the slot's buffer, writes the outputs. */
static void work_one(void *ctx, size_t i)
{
    run *r = ctx;
    job *j = &r->jobs_v[i];
    slot *sl = slot_of(r, i);
    const char *path = r->inputs[i];
    if (j->skip)
        return;
    FILE *f = open_memstream(&sl->text, &sl->textlen);
    if (!f)
        abort(); /* out of memory */
    /* The stamp's input, unless a first pass took it: stat before reading,
     * so that a later edit shows next time. */
    int stamp = r->compile && !r->st[i].in.ok && cli_stamp_input_stat(path, &r->st[i].in) == 0;
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rc = plan_doc_read(path, &r->o.load, &d, &doc);
    if (stamp)
        stamp_content(&r->st[i].in, path, doc);
    if (rc == PLAN_ERR_IO) {
        cli_syserr_to(f, path, errno);
        j->unread = j->io_failed = 1;
        plan_diags_clear(&d);
        fclose(f);
        return;
    }
    if (doc)
        plan_validate(doc, &r->o.val, &d, 0);
    else
        plan_validate_apply_opts(&r->o.val, &d, 0);
    /* Diagnostics borrow the file name; the document's copy dies with it. */
    for (size_t k = 0; k < d.n; k++)
        d.v[k].file = path;
    plan_diags_sort(&d);
    if (r->bl) { /* before counting: a baselined finding does not count */
        pthread_mutex_lock(&r->bl_mu);
        cli_baseline_apply(r->bl, path, &d, doc ? doc->src : NULL);
        pthread_mutex_unlock(&r->bl_mu);
    }
    j->errors = (unsigned)plan_diags_count(&d, PLAN_SEV_ERROR);
    sl->warnings = (unsigned)plan_diags_count(&d, PLAN_SEV_WARNING);
    sl->infos = (unsigned)plan_diags_count(&d, PLAN_SEV_INFO);
    if (!r->o.json)
        cli_print_gcc(f, &d, &r->o, doc ? doc->src : NULL);
    if (r->compile && doc && j->errors == 0) {
        j->io_failed |= (unsigned char)compile_outputs(r, sl, f, doc, path);
        j->compiled = 1;
    }
    if (r->o.json)
        plan_diags_move(&sl->diags, &d);
    plan_diags_clear(&d);
    if (doc && !j->summarised) /* the first pass of compile made it */
        sl->sum = plan_summary_index_of(doc);
    plan_doc_free(doc);
    fclose(f);
}

/* The first pass of an incremental compile: what each plan is made of and
 * what it cites, without validating it. */
static void scan_one(void *ctx, size_t i)
{
    run *r = ctx;
    int stamp = cli_stamp_input_stat(r->inputs[i], &r->st[i].in) == 0;
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rc = plan_doc_read(r->inputs[i], &r->o.load, &d, &doc);
    if (stamp)
        stamp_content(&r->st[i].in, r->inputs[i], doc);
    if (rc == PLAN_OK && doc)
        slot_of(r, i)->sum = plan_summary_index_of(doc);
    plan_doc_free(doc);
    plan_diags_clear(&d);
}

/* ---- printing, in input order (the calling thread) ---- */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void progress_clear(run *r)
{
    if (r->progress_shown) {
        fputs("\r\033[K", stderr);
        r->progress_shown = 0;
    }
}

/* "[ 120/5000] plans/x.xml" on a terminal, at most ten times a second and
 * not at all in the first half second (PLAN_PROGRESS_AFTER), so that short
 * runs show nothing. */
static void progress(run *r, size_t done, const char *what)
{
    if (!r->progress)
        return;
    double t = now();
    if (t - r->started_at < r->progress_after || t - r->progress_at < 0.1)
        return;
    r->progress_at = t;
    fprintf(stderr, "\r\033[K[%*zu/%d] %s %s", (int)snprintf(NULL, 0, "%d", r->ninputs), done,
            r->ninputs, what, r->inputs[done ? done - 1 : 0]);
    r->progress_shown = 1;
}

/* The corpus keeps a small entry of plan i; its summary goes. */
static void add_summary(run *r, size_t i)
{
    slot *sl = slot_of(r, i);
    if (!sl->sum)
        return;
    plan_corpus_add(r->corpus, i, r->inputs[i], sl->sum);
    sl->sum = NULL;
    r->jobs_v[i].summarised = 1;
}

/* Plan i's summary read again, for the rules across plans (plan_corpus_reload_fn). */
static plan_summary *reload(void *ctx, size_t i)
{
    const run *r = ctx;
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    plan_summary *s = NULL;
    if (plan_doc_read(r->inputs[i], &r->o.load, &d, &doc) == PLAN_OK && doc)
        s = plan_summary_of(doc);
    plan_doc_free(doc);
    plan_diags_clear(&d);
    return s;
}

static void print_one(void *ctx, size_t i)
{
    run *r = ctx;
    job *j = &r->jobs_v[i];
    r->files++;
    if (j->skip) {
        r->nskipped++;
        progress(r, i + 1, r->compile ? _("compiling") : _("checking"));
        return;
    }
    slot *sl = slot_of(r, i);
    if (sl->textlen) {
        progress_clear(r);
        fwrite(sl->text, 1, sl->textlen, stderr);
    }
    free(sl->text);
    sl->text = NULL;
    sl->textlen = 0;
    r->errors += j->errors;
    r->warnings += sl->warnings;
    r->infos += sl->infos;
    r->written += sl->written;
    sl->warnings = sl->infos = 0;
    sl->written = 0;
    r->failed_io |= j->io_failed;
    if (j->compiled && !j->io_failed)
        r->ncompiled++;
    else if (r->compile)
        r->nfailed++;
    if (r->o.json)
        plan_diags_move(&r->all, &sl->diags);
    plan_diags_clear(&sl->diags);
    add_summary(r, i);
    progress(r, i + 1, r->compile ? _("compiling") : _("checking"));
}

static void scanned(void *ctx, size_t i)
{
    add_summary(ctx, i);
    progress(ctx, i + 1, _("reading"));
}

/* ---- the rules across plans, once every plan has been read ---- */

static void corpus(run *r)
{
    plan_diags d = PLAN_DIAGS_INIT; /* they borrow the file names of r->inputs */
    plan_validate_corpus(r->corpus, &r->o.val, &d);
    plan_diags_sort(&d);
    if (r->bl)
        cli_baseline_apply(r->bl, NULL, &d, NULL);
    r->errors += plan_diags_count(&d, PLAN_SEV_ERROR);
    r->warnings += plan_diags_count(&d, PLAN_SEV_WARNING);
    r->infos += plan_diags_count(&d, PLAN_SEV_INFO);
    if (!r->o.json)
        cli_print_gcc(stderr, &d, &r->o, NULL);
    if (r->o.json)
        plan_diags_move(&r->all, &d);
    plan_diags_clear(&d);
}

/* ---- incremental compile and --depfile ---- */

/* What of the options and configuration changes the outputs. */
static uint64_t options_key(const run *r)
{
    uint64_t h = PLAN_HASH64_INIT;
    h = plan_hash64(&r->emit, sizeof r->emit, h);
    h = plan_hash64(&r->by_office, sizeof r->by_office, h);
    h = plan_hash64(&r->o.load.max_bytes, sizeof r->o.load.max_bytes, h);
    h = plan_hash64(&r->o.load.tone_style, sizeof r->o.load.tone_style, h);
    const char *enc = r->o.load.encoding ? r->o.load.encoding : "";
    h = plan_hash64(enc, strlen(enc) + 1, h);
    h = plan_hash64(r->o.val.override, sizeof r->o.val.override, h);
    if (r->o.cfg && r->o.cfg->path) {
        cli_stamp_input cfg;
        cli_stamp_input_of(r->o.cfg->path, &cfg);
        h = cli_stamp_mix(h, &cfg);
    }
    return h;
}

static int outputs_present(const run *r, const char *input)
{
    char **paths;
    size_t n = output_paths(r, input, &paths);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++)
        ok = access(paths[i], F_OK) == 0;
    free_paths(paths, n);
    return ok;
}

/* The key of plan i: base, its own input, its parents' inputs. */
static uint64_t key_of(const run *r, uint64_t base, size_t i, const size_t *deps, size_t ndeps)
{
    if (!r->st[i].in.ok)
        return 0;
    uint64_t h = cli_stamp_mix(base, &r->st[i].in);
    for (size_t k = 0; k < ndeps; k++) {
        const cli_stamp_input *p = &r->st[deps[k]].in;
        if (!p->ok)
            return 0;
        h = plan_hash64(r->inputs[deps[k]], strlen(r->inputs[deps[k]]) + 1, h);
        h = cli_stamp_mix(h, p);
    }
    /* A draft's parent outside the run, named by its lineage. */
    char *lin = plan_corpus_lineage_file(r->corpus, i);
    if (lin) {
        cli_stamp_input li;
        cli_stamp_input_of(lin, &li);
        h = plan_hash64(lin, strlen(lin) + 1, h);
        h = cli_stamp_mix(h, &li);
        free(lin);
    }
    return h ? h : 1;
}

static void esc_make(plan_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '#' || *s == ':' || *s == '\\')
            plan_buf_putc(b, '\\');
        else if (*s == '$')
            plan_buf_putc(b, '$');
        plan_buf_putc(b, *s);
    }
}

/* Make rules: each plan's outputs depend on the plan, its parents and the
 * configuration; every prerequisite also gets an empty rule, so that make
 * does not stop when one is deleted (as gcc -MP). */
static int write_depfile(const run *r, size_t **deps, const size_t *ndeps)
{
    plan_buf b = PLAN_BUF_INIT, phony = PLAN_BUF_INIT;
    const char *cfg = r->o.cfg ? r->o.cfg->path : NULL;
    for (int i = 0; i < r->ninputs; i++) {
        const job *j = &r->jobs_v[i];
        if (!j->skip && !(j->compiled && !j->io_failed))
            continue; /* no outputs */
        char **paths;
        size_t n = output_paths(r, r->inputs[i], &paths);
        for (size_t k = 0; k < n; k++) {
            if (k)
                plan_buf_puts(&b, " \\\n ");
            esc_make(&b, paths[k]);
        }
        free_paths(paths, n);
        plan_buf_puts(&b, ":");
        plan_buf_puts(&b, " \\\n ");
        esc_make(&b, r->inputs[i]);
        for (size_t k = 0; k < ndeps[i]; k++) {
            plan_buf_puts(&b, " \\\n ");
            esc_make(&b, r->inputs[deps[i][k]]);
        }
        char *lin = plan_corpus_lineage_file(r->corpus, (size_t)i);
        if (lin && access(lin, F_OK) == 0) { /* a draft's parent, among the inputs or not */
            plan_buf_puts(&b, " \\\n ");
            esc_make(&b, lin);
            esc_make(&phony, lin);
            plan_buf_puts(&phony, ":\n");
        }
        free(lin);
        if (cfg) {
            plan_buf_puts(&b, " \\\n ");
            esc_make(&b, cfg);
        }
        plan_buf_puts(&b, "\n\n");
    }
    for (int i = 0; i < r->ninputs; i++) {
        esc_make(&b, r->inputs[i]);
        plan_buf_puts(&b, ":\n");
    }
    if (cfg) {
        esc_make(&b, cfg);
        plan_buf_puts(&b, ":\n");
    }
    plan_buf_append(&b, phony.data ? phony.data : "", phony.len);
    int rc = plan_write_atomic(r->depfile, b.data ? b.data : "", b.len);
    plan_buf_free(&phony);
    plan_buf_free(&b);
    if (rc)
        cli_syserr(r->depfile, -rc);
    return rc != 0;
}

/* Each plan's parents among the inputs (from the summaries), and from them
 * each plan's stamp key: once per run, after the first pass when there is
 * one, else after the main pass. */
static void dependencies(run *r, uint64_t base, size_t ***deps, size_t **ndeps)
{
    size_t n = (size_t)r->ninputs;
    *deps = plan_xmalloc((n ? n : 1) * sizeof **deps);
    *ndeps = plan_xmalloc((n ? n : 1) * sizeof **ndeps);
    plan_corpus_parents(r->corpus, *deps, *ndeps);
    for (size_t i = 0; i < n; i++)
        r->st[i].key = key_of(r, base, i, (*deps)[i], (*ndeps)[i]);
}

static void free_deps(size_t n, size_t **deps, size_t *ndeps)
{
    if (!deps)
        return;
    for (size_t i = 0; i < n; i++)
        free(deps[i]);
    free(deps);
    free(ndeps);
}

/* ---- the command ---- */

/* -j N, -jN, --jobs=N: returns 0, or PLAN_EXIT_USAGE. */
static int parse_jobs(const char *v, int *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 256) {
        cli_usage_error(_("-j takes a number of parallel jobs from 1 to 256, not '%s'"), v);
        return PLAN_EXIT_USAGE;
    }
    *jobs = (int)n;
    return 0;
}

static int run_cmd(int argc, char **argv, int compile)
{
    run r;
    memset(&r, 0, sizeof r);
    r.emit = (1u << N_OUTPUTS) - 1;
    r.compile = compile;
    r.jobs = cli_batch_cpus();
    /* The options of the batch and compile's own are taken out here; the
     * rest are shared with check (cli_parse_opts). */
    char **rest = plan_xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int nrest = 0, bad = 0;
    for (int i = 0; i < argc && !bad; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-o") == 0 || strcmp(a, "-W") == 0 || strcmp(a, "--config") == 0) &&
            i + 1 < argc) {
            /* An option's value is never one of ours. */
            rest[nrest++] = argv[i++];
            rest[nrest++] = argv[i];
        } else if (i > 0 && (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0)) {
            if (i + 1 < argc)
                bad = parse_jobs(argv[++i], &r.jobs);
            else {
                cli_usage_error(_("-j needs a number of parallel jobs, from 1 to 256"));
                bad = PLAN_EXIT_USAGE;
            }
        } else if (i > 0 && strncmp(a, "-j", 2) == 0 && a[2]) {
            bad = parse_jobs(a + 2, &r.jobs);
        } else if (i > 0 && strncmp(a, "--jobs=", 7) == 0) {
            bad = parse_jobs(a + 7, &r.jobs);
        } else if (i > 0 && strcmp(a, "--baseline") == 0 && i + 1 < argc) {
            r.baseline = argv[++i];
        } else if (i > 0 && strncmp(a, "--baseline=", 11) == 0) {
            r.baseline = a + 11;
        } else if (i > 0 && strcmp(a, "--write-baseline") == 0 && i + 1 < argc) {
            r.write_baseline = argv[++i];
        } else if (i > 0 && strncmp(a, "--write-baseline=", 17) == 0) {
            r.write_baseline = a + 17;
        } else if (i > 0 && compile && strncmp(a, "--emit=", 7) == 0) {
            bad = parse_emit(a + 7, &r.emit);
        } else if (i > 0 && compile && strcmp(a, "--by-office") == 0) {
            r.by_office = 1;
        } else if (i > 0 && compile && strcmp(a, "--force") == 0) {
            r.force = 1;
        } else if (i > 0 && compile && strcmp(a, "--depfile") == 0 && i + 1 < argc) {
            r.depfile = argv[++i];
        } else if (i > 0 && compile && strncmp(a, "--depfile=", 10) == 0) {
            r.depfile = a + 10;
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
    if (bad) {
        free(rest);
        return PLAN_EXIT_USAGE;
    }
    if (compile && (r.baseline || r.write_baseline)) {
        /* compile writes outputs only for plans without errors, baselined or not. */
        cli_usage_error(_("--baseline and --write-baseline are options of 'plan check'"));
        free(rest);
        return PLAN_EXIT_USAGE;
    }
    char **paths;
    int npaths;
    bad = cli_parse_opts(nrest, rest, &r.o, &paths, &npaths, compile);
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
    pthread_mutex_init(&r.bl_mu, NULL);
    int failed = 0;
    cli_stamps *stamps = NULL;
    r.inputs = cli_expand_paths(paths, npaths, &r.ninputs, &failed);
    /* [paths] exclude of .planrc: files found in directories, not named ones. */
    cli_config_filter(r.o.cfg, r.inputs, &r.ninputs, paths, npaths);
    free(paths);
    r.failed_io = failed;
    r.jobs_v = calloc((size_t)r.ninputs + 1, sizeof *r.jobs_v);
    if (!r.jobs_v)
        abort();
    r.corpus = plan_corpus_new((size_t)r.ninputs, reload, &r);
    r.nslots = cli_batch_window(r.jobs);
    r.slots = calloc(r.nslots, sizeof *r.slots);
    if (!r.slots)
        abort();
    r.progress = !r.o.quiet && isatty(STDERR_FILENO) && !getenv("PLAN_NO_PROGRESS");
    r.started_at = now();
    r.progress_at = r.started_at - 1; /* the first line waits for progress_after only */
    r.progress_after = 0.5;
    const char *after = getenv("PLAN_PROGRESS_AFTER"); /* seconds; the tests use 0 */
    if (after && *after) {
        char *end;
        double v = strtod(after, &end);
        if (!*end && v >= 0)
            r.progress_after = v;
    }
    if (compile) {
        r.ids = input_ids(r.inputs, r.ninputs, &r.nids);
        r.st = calloc((size_t)r.ninputs + 1, sizeof *r.st);
        if (!r.st)
            abort();
        int rc = plan_mkdir_p(r.o.outdir);
        if (rc) {
            cli_syserr(r.o.outdir, -rc);
            r.failed_io = 1;
            goto done;
        }
        r.inputs_in_outdir = inputs_in_dir(r.inputs, r.ninputs, r.o.outdir);
        if (same_stems(&r))
            r.failed_io = 1;
        if (r.failed_io)
            goto done;
        stamps = cli_stamps_read(r.o.outdir);
    }
    size_t n = (size_t)r.ninputs;
    uint64_t base = compile ? cli_stamp_base(options_key(&r)) : 0;
    size_t **deps = NULL, *ndeps = NULL; /* compile: each plan's parents among the inputs */
    if (compile && !r.force) {
        /* A first pass only when something may be up to date. */
        int any = 0;
        for (size_t i = 0; i < n && !any; i++) {
            char *stem = stem_of(r.inputs[i]);
            any = cli_stamps_get(stamps, stem) != 0;
            free(stem);
        }
        if (any) {
            cli_batch_run(n, r.jobs, scan_one, scanned, &r);
            dependencies(&r, base, &deps, &ndeps);
            for (size_t i = 0; i < n; i++) {
                char *stem = stem_of(r.inputs[i]);
                uint64_t key = r.st[i].key;
                r.jobs_v[i].skip = key && key == cli_stamps_get(stamps, stem) &&
                                   outputs_present(&r, r.inputs[i]);
                free(stem);
            }
        }
    }
    cli_batch_run(n, r.jobs, work_one, print_one, &r);
    progress_clear(&r);
    corpus(&r);
    if (compile) {
        if (!deps) /* no first pass: the summaries come from the main one */
            dependencies(&r, base, &deps, &ndeps);
        for (size_t i = 0; i < n; i++) {
            const job *j = &r.jobs_v[i];
            if (j->skip)
                continue;
            char *stem = stem_of(r.inputs[i]);
            cli_stamps_set(stamps, stem, j->compiled && !j->io_failed ? r.st[i].key : 0);
            free(stem);
        }
        /* The outputs reach the disk before the stamps that vouch for them. */
        int rc = r.ncompiled ? plan_fsio_sync(r.o.outdir) : 0;
        if (rc) { /* no stamp may vouch for outputs that may not be on disk */
            cli_syserr(r.o.outdir, -rc);
            r.failed_io = 1;
        } else if ((rc = cli_stamps_write(stamps, r.o.outdir)) != 0) {
            char *p = plan_xmalloc(strlen(r.o.outdir) + sizeof CLI_STAMPS_FILE + 2);
            sprintf(p, "%s/%s", r.o.outdir, CLI_STAMPS_FILE);
            cli_syserr(p, -rc);
            free(p);
            r.failed_io = 1;
        }
        if (r.depfile && write_depfile(&r, deps, ndeps))
            r.failed_io = 1;
        free_deps(n, deps, ndeps);
    }
    unsigned char *unread = plan_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        unread[i] = r.jobs_v[i].unread;
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
    if (compile && !r.o.quiet) {
        fprintf(stderr, _("compiled %zu, up to date %zu, failed %zu\n"), r.ncompiled,
                r.nskipped, r.nfailed);
        for (size_t i = 0; i < n; i++) {
            const job *j = &r.jobs_v[i];
            if (j->skip || (j->compiled && !j->io_failed))
                continue;
            if (j->unread || j->io_failed)
                fprintf(stderr, _("  failed: %s (could not be read or written)\n"), r.inputs[i]);
            else
                fprintf(stderr, _("  failed: %s (%zu error(s))\n"), r.inputs[i],
                        (size_t)j->errors);
        }
    }
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
    cli_stamps_free(stamps);
    cli_baseline_free(r.bl);
    pthread_mutex_destroy(&r.bl_mu);
    plan_diags_clear(&r.all);
    plan_corpus_free(r.corpus);
    for (size_t k = 0; k < r.nslots; k++) {
        plan_summary_free(r.slots[k].sum);
        free(r.slots[k].text);
        plan_diags_clear(&r.slots[k].diags);
        plan_buf_free(&r.slots[k].out);
    }
    free(r.slots);
    for (int i = 0; i < r.ninputs; i++)
        free(r.inputs[i]);
    free(r.jobs_v);
    free(r.st);
    free(r.ids);
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
