/*
 * new.c - `plan new`: drafts for subordinate offices from a parent plan
 * (docs/templates.md).
 *
 *   plan new --from PARENT.xml --issuer "Tên cơ quan" -o FILE
 *   plan new --from PARENT.xml --issuers LIST.txt -o DIR
 *   plan new --update FILE...
 *
 * The drafts themselves are made by the library (src/emit/template.c);
 * this file reads the parent, refuses a parent with errors, works out the
 * lineage path, and writes atomically, never over an existing file without
 * --force and never over the parent.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "plan/emit.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/model.h"
#include "plan/template.h"
#include "plan/util.h"
#include "plan/validate.h"

typedef struct new_opts {
    const char *from, *issuer, *issuers, *out, *abbr, *parent_body;
    int update, force, quiet;
    char **files;              /* --update FILE... */
    int nfiles;
} new_opts;

static const char *sev_word(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return _("error");
    case PLAN_SEV_WARNING: return _("warning");
    default: return _("info");
    }
}

/* Diagnostics of a plan we read, in GCC form on stderr; only those of at
 * least min severity. */
static void print_diags(const plan_diags *d, plan_severity min)
{
    for (size_t i = 0; i < d->n; i++) {
        const plan_diag *g = &d->v[i];
        if (g->sev < min)
            continue;
        char where[64] = "";
        if (g->pos.line)
            snprintf(where, sizeof where, ":%u:%u", g->pos.line, g->pos.col);
        fprintf(stderr, "%s%s: %s: %s [%s]\n", g->file, where, sev_word(g->sev), g->message,
                plan_rule_get(g->rule)->id);
        for (size_t j = 0; j < g->nnotes; j++)
            fprintf(stderr, "%s%s: %s: %s\n", g->file, where, _("note"), g->notes[j]);
    }
}

static void fail(const char *path, const char *what)
{
    fprintf(stderr, "plan: %s: %s: %s\n", _("error"), path, what);
}

/* Reads and checks the parent plan. Returns the document, or NULL after
 * saying why (a missing file, a plan with errors). shown is the name in
 * messages. */
static plan_doc *read_parent(const char *path, const char *shown, const char *draft)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rc = plan_doc_read(path, NULL, &d, &doc);
    if (rc == PLAN_ERR_IO) {
        int e = errno;
        if (draft)
            fprintf(stderr, "%s: %s: ", draft, _("error"));
        else
            fprintf(stderr, "plan: %s: %s: ", _("error"), shown);
        if (draft)
            fprintf(stderr, _("cannot read the parent plan %s: %s; correct path= in <lineage>, "
                              "or put the parent back"),
                    shown, strerror(e));
        else
            fprintf(stderr, _("cannot read the parent plan: %s; give the plan to derive the "
                              "draft from with --from"),
                    strerror(e));
        fputc('\n', stderr);
        plan_diags_clear(&d);
        return NULL;
    }
    for (size_t i = 0; i < d.n; i++)
        d.v[i].file = shown;
    if (doc) {
        plan_validate_opts vo;
        plan_validate_opts_init(&vo);
        size_t from = 0;
        plan_validate(doc, &vo, &d, from);
        for (size_t i = 0; i < d.n; i++)
            d.v[i].file = shown;
    }
    plan_diags_sort(&d);
    size_t errors = plan_diags_count(&d, PLAN_SEV_ERROR);
    if (!doc || errors) {
        print_diags(&d, PLAN_SEV_ERROR);
        plan_buf m = PLAN_BUF_INIT;
        plan_buf_printf(&m, _("the parent plan has %zu error(s); a draft is made only from a "
                              "plan without errors: fix them first (plan check %s)"),
                        errors ? errors : (size_t)1, shown);
        fail(shown, plan_buf_cstr(&m));
        plan_buf_free(&m);
        plan_diags_clear(&d);
        plan_doc_free(doc);
        return NULL;
    }
    plan_diags_clear(&d);
    return doc;
}

/* The path of target relative to the folder dir; both absolute and
 * canonical. Caller frees. */
static char *relative(const char *dir, const char *target)
{
    size_t i = 0, common = 0;
    /* the longest common prefix of whole components */
    while (dir[i] && target[i] && dir[i] == target[i]) {
        i++;
        if (dir[i - 1] == '/')
            common = i;
    }
    if (!dir[i] && target[i] == '/')
        common = i + 1;
    else if (!dir[i] && !target[i])
        common = i;
    plan_buf b = PLAN_BUF_INIT;
    const char *rest = dir + common;
    if (!dir[i] && target[i] == '/')
        rest = "";
    for (const char *p = rest; *p;) {
        plan_buf_puts(&b, "../");
        p = strchr(p, '/');
        if (!p)
            break;
        p++;
    }
    plan_buf_puts(&b, target + common);
    char *r = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
    return r;
}

/* The parent's path as seen from the folder of out (which must exist). */
static char *lineage_path(const char *parent, const char *out)
{
    char *dir = plan_path_dir(out);
    char *rd = realpath(dir, NULL), *rp = realpath(parent, NULL);
    char *r = rd && rp ? relative(rd, rp) : plan_xstrdup(parent);
    free(dir);
    free(rd);
    free(rp);
    return r;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* May a draft be written to path? Says why not. */
static int writable_target(const new_opts *o, const char *path)
{
    struct stat st;
    if (same_file(path, o->from)) {
        fail(path, _("refusing to write over the parent plan; choose another -o"));
        return 0;
    }
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            fail(path, _("is a directory; give the file to write with -o, or a list of offices "
                         "with --issuers"));
            return 0;
        }
        if (!o->force) {
            fail(path, _("already exists; choose another -o, or replace it with --force"));
            return 0;
        }
    }
    return 1;
}

static int write_draft(const char *path, const plan_buf *b)
{
    int rc = plan_write_atomic(path, b->data ? b->data : "", b->len);
    if (rc) {
        plan_buf m = PLAN_BUF_INIT;
        plan_buf_printf(&m, _("cannot write the draft: %s; choose a writable -o"),
                        strerror(-rc));
        fail(path, plan_buf_cstr(&m));
        plan_buf_free(&m);
        return 1;
    }
    return 0;
}

/* The placeholders of a draft, not counting the comment at its top. */
static size_t placeholders(const plan_buf *b)
{
    const char *root = b->data ? strstr(b->data, "\n<plan ") : NULL;
    return plan_placeholder_count(root ? root : b->data);
}

static void wrote(const new_opts *o, const char *path, const plan_buf *b)
{
    if (!o->quiet)
        fprintf(stderr, _("plan: wrote %s: %zu placeholder(s) to fill in\n"), path,
                placeholders(b));
}

/* One draft from the parent for one office. Returns 0 or 1. */
static int one_draft(const new_opts *o, const plan_doc *parent, const char *issuer,
                     const char *abbr, const char *path)
{
    char *lp = lineage_path(o->from, path);
    plan_draft_opts d = {issuer, abbr, o->parent_body, lp};
    plan_buf b = PLAN_BUF_INIT, err = PLAN_BUF_INIT;
    int bad = plan_draft_new(parent, &d, &b, &err) != 0;
    if (bad)
        fail(o->from, plan_buf_cstr(&err));
    else
        bad = write_draft(path, &b);
    if (!bad)
        wrote(o, path, &b);
    plan_buf_free(&b);
    plan_buf_free(&err);
    free(lp);
    return bad;
}

/* ---- the batch form: one office per line ---- */

typedef struct office {
    char *name, *abbr, *path;
    unsigned line;
} office;

/* Reads LIST: one office per line, "Tên cơ quan" or "Tên cơ quan | KÝ HIỆU";
 * blank lines and lines starting with # are skipped. */
static office *read_list(const new_opts *o, size_t *n)
{
    *n = 0;
    FILE *f = fopen(o->issuers, "rb");
    if (!f) {
        cli_syserr(o->issuers, errno);
        return NULL;
    }
    plan_buf all = PLAN_BUF_INIT;
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        plan_buf_append(&all, chunk, k);
    int e = ferror(f) ? errno : 0;
    fclose(f);
    if (e) {
        cli_syserr(o->issuers, e);
        plan_buf_free(&all);
        return NULL;
    }
    const char *s = plan_buf_cstr(&all);
    size_t len = all.len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    size_t ok = plan_utf8_valid_prefix(s, len);
    if (ok != len) {
        unsigned line = 1;
        for (size_t i = 0; i < ok; i++)
            line += s[i] == '\n';
        fprintf(stderr, "plan: %s: %s:%u: %s\n", _("error"), o->issuers, line,
                _("not UTF-8; save the list of offices as UTF-8, one office per line"));
        plan_buf_free(&all);
        return NULL;
    }
    office *v = NULL;
    plan_arena *a = plan_arena_new();
    unsigned line = 0;
    for (const char *p = s; p < s + len;) {
        const char *eol = memchr(p, '\n', (size_t)(s + len - p));
        size_t n1 = eol ? (size_t)(eol - p) : (size_t)(s + len - p);
        line++;
        char *t = plan_text_normalize(a, p, n1);
        p += n1 + (eol ? 1 : 0);
        if (!*t || t[0] == '#')
            continue;
        char *bar = strchr(t, '|');
        char *ab = NULL;
        if (bar) {
            *bar = '\0';
            ab = plan_text_normalize(a, bar + 1, strlen(bar + 1));
            t = plan_text_normalize(a, t, strlen(t));
        }
        v = plan_xrealloc(v, (*n + 1) * sizeof *v);
        office *of = &v[(*n)++];
        of->name = plan_xstrdup(t);
        of->abbr = ab && *ab ? plan_xstrdup(ab) : NULL;
        of->line = line;
        plan_buf slug = PLAN_BUF_INIT, path = PLAN_BUF_INIT;
        plan_slug(t, 64, &slug);
        plan_buf_printf(&path, "%s/%s.xml", o->out, slug.len ? plan_buf_cstr(&slug) : "draft");
        of->path = plan_xstrdup(plan_buf_cstr(&path));
        plan_buf_free(&slug);
        plan_buf_free(&path);
    }
    plan_arena_free(a);
    plan_buf_free(&all);
    if (!*n)
        fprintf(stderr, "plan: %s: %s: %s\n", _("error"), o->issuers,
                _("names no office; write one office per line"));
    return v;
}

static int batch(const new_opts *o, const plan_doc *parent)
{
    size_t n;
    office *v = read_list(o, &n);
    if (!v)
        return PLAN_EXIT_USAGE;
    int bad = 0;
    /* Everything is checked before anything is written. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(v[i].path, v[j].path) == 0) {
                fprintf(stderr, "plan: %s: %s:%u: ", _("error"), o->issuers, v[i].line);
                fprintf(stderr, _("\"%s\" gives the same file name as \"%s\" (line %u): %s; "
                                  "name the offices apart"),
                        v[i].name, v[j].name, v[j].line, v[i].path);
                fputc('\n', stderr);
                bad = 1;
                break;
            }
    int rc = bad ? 0 : plan_mkdir_p(o->out);
    if (rc) {
        cli_syserr(o->out, -rc);
        bad = 1;
    }
    for (size_t i = 0; i < n && !bad; i++)
        bad |= !writable_target(o, v[i].path);
    for (size_t i = 0; i < n && !bad; i++)
        bad |= one_draft(o, parent, v[i].name, v[i].abbr, v[i].path);
    for (size_t i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].abbr);
        free(v[i].path);
    }
    free(v);
    return bad ? PLAN_EXIT_USAGE : PLAN_EXIT_OK;
}

/* ---- --update ---- */

static char *nospace(const char *s)
{
    char *r = plan_xmalloc(strlen(s ? s : "") + 1), *o = r;
    for (; s && *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return r;
}

static int read_whole(const char *path, plan_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        plan_buf_append(out, chunk, k);
    int e = ferror(f) ? EIO : 0;
    fclose(f);
    return e;
}

static int update_one(const new_opts *o, const char *path)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *draft = NULL;
    int rc = plan_doc_read(path, NULL, &d, &draft);
    if (rc == PLAN_ERR_IO) {
        cli_syserr(path, errno);
        plan_diags_clear(&d);
        return 1;
    }
    size_t structural = 0;
    for (size_t i = 0; i < d.n; i++)
        if (plan_rule_get(d.v[i].rule)->category == PLAN_CAT_STRUCTURE &&
            d.v[i].sev == PLAN_SEV_ERROR)
            structural++;
    if (!draft || structural) {
        for (size_t i = 0; i < d.n; i++)
            d.v[i].file = path;
        plan_diags_sort(&d);
        print_diags(&d, PLAN_SEV_ERROR);
        fail(path, _("the draft's XML has errors; fix them first (plan check), so that "
                     "nothing the office wrote is lost"));
        plan_diags_clear(&d);
        plan_doc_free(draft);
        return 1;
    }
    plan_diags_clear(&d);
    const plan_lineage *l = &draft->header.lineage;
    if (!l->pos.line || !l->path.s) {
        fail(path, _("has no <lineage>: it was not made by plan new; make a draft with plan new "
                     "--from PARENT"));
        plan_doc_free(draft);
        return 1;
    }
    char *dir = plan_path_dir(path);
    plan_buf pp = PLAN_BUF_INIT;
    if (l->path.s[0] == '/')
        plan_buf_puts(&pp, l->path.s);
    else
        plan_buf_printf(&pp, "%s/%s", dir, l->path.s);
    free(dir);
    char where[64];
    snprintf(where, sizeof where, ":%u:%u", l->path.pos.line, l->path.pos.col);
    plan_buf shown = PLAN_BUF_INIT;
    plan_buf_printf(&shown, "%s%s", path, where);
    plan_doc *parent = read_parent(plan_buf_cstr(&pp), plan_buf_cstr(&pp), plan_buf_cstr(&shown));
    int bad = 1;
    if (parent) {
        char *was = nospace(l->number.s), *now = nospace(parent->header.number.text.s);
        if (same_file(path, plan_buf_cstr(&pp))) {
            fail(path, _("its <lineage> names the draft itself as its parent; correct path="));
        } else if (strcmp(was, now) != 0 && !o->force) {
            fprintf(stderr, "%s: %s: ", plan_buf_cstr(&shown), _("error"));
            fprintf(stderr, _("%s holds %s, not the parent plan %s that the draft was made "
                              "from; correct path=, or update from it anyway with --force"),
                    plan_buf_cstr(&pp),
                    parent->header.number.text.s ? parent->header.number.text.s : "?",
                    l->number.s);
            fputc('\n', stderr);
        } else {
            plan_buf b = PLAN_BUF_INIT, err = PLAN_BUF_INIT, old = PLAN_BUF_INIT;
            if (plan_draft_update(draft, parent, l->path.s, &b, &err) != 0) {
                fail(path, plan_buf_cstr(&err));
            } else if (read_whole(path, &old) == 0 && old.len == b.len &&
                       memcmp(old.data, b.data, b.len) == 0) {
                bad = 0;
                if (!o->quiet)
                    fprintf(stderr, _("plan: %s is in line with its parent %s\n"), path,
                            plan_buf_cstr(&pp));
            } else {
                bad = write_draft(path, &b);
                if (!bad && !o->quiet)
                    fprintf(stderr,
                            _("plan: updated %s from its parent %s: %zu placeholder(s) to "
                              "fill in\n"),
                            path, plan_buf_cstr(&pp), placeholders(&b));
            }
            plan_buf_free(&b);
            plan_buf_free(&err);
            plan_buf_free(&old);
        }
        free(was);
        free(now);
        plan_doc_free(parent);
    }
    plan_buf_free(&pp);
    plan_buf_free(&shown);
    plan_doc_free(draft);
    return bad;
}

/* ---- argv ---- */

/* "--name VALUE" or "--name=VALUE" at argv[*i]. */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(_("%s needs a value"), name);
        *value = NULL;
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

int cmd_new(int argc, char **argv)
{
    new_opts o;
    memset(&o, 0, sizeof o);
    o.files = plan_xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int rc = PLAN_EXIT_OK;
    static const char *const names[] = {"--from", "--issuers", "--issuer", "-o", "--abbr",
                                        "--parent-body", NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int done = 0;
        for (int k = 0; names[k] && !done; k++) {
            const char *v;
            int r = opt_value(argc, argv, &i, names[k], &v);
            if (r < 0) {
                free(o.files);
                return PLAN_EXIT_USAGE;
            }
            if (r == 0)
                continue;
            done = 1;
            const char **slot[] = {&o.from, &o.issuers, &o.issuer, &o.out, &o.abbr,
                                   &o.parent_body};
            *slot[k] = v;
        }
        if (done)
            continue;
        if (strcmp(a, "--update") == 0)
            o.update = 1;
        else if (strcmp(a, "--force") == 0 || strcmp(a, "-f") == 0)
            o.force = 1;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            o.quiet = 1;
        else if (a[0] == '-' && a[1]) {
            cli_usage_error(_("unknown option '%s' of plan new; see plan help new"), a);
            free(o.files);
            return PLAN_EXIT_USAGE;
        } else
            o.files[o.nfiles++] = argv[i];
    }
    if (o.update) {
        if (o.from || o.issuer || o.issuers || o.out || o.abbr || o.parent_body || !o.nfiles) {
            cli_usage_error(_("plan new --update takes only the drafts to update: plan new "
                              "--update FILE..."));
            free(o.files);
            return PLAN_EXIT_USAGE;
        }
        for (int i = 0; i < o.nfiles; i++)
            if (update_one(&o, o.files[i]))
                rc = PLAN_EXIT_USAGE;
        free(o.files);
        return rc;
    }
    if (!o.from || !o.out || (!o.issuer == !o.issuers) || o.nfiles) {
        cli_usage_error(_("plan new needs --from PARENT.xml, -o and either --issuer \"Tên cơ "
                          "quan\" (-o FILE) or --issuers LIST.txt (-o DIR); see plan help new"));
        free(o.files);
        return PLAN_EXIT_USAGE;
    }
    if (o.issuers && o.abbr) {
        cli_usage_error(_("--abbr goes with --issuer; in a list, write \"Tên cơ quan | KÝ "
                          "HIỆU\" on the office's line"));
        free(o.files);
        return PLAN_EXIT_USAGE;
    }
    if (o.issuer && !*o.issuer) {
        cli_usage_error(_("--issuer needs the name of the office, e.g. --issuer \"Sở Nội vụ\""));
        free(o.files);
        return PLAN_EXIT_USAGE;
    }
    plan_doc *parent = read_parent(o.from, o.from, NULL);
    if (!parent) {
        free(o.files);
        return PLAN_EXIT_USAGE;
    }
    if (o.issuers)
        rc = batch(&o, parent);
    else if (!writable_target(&o, o.out) || one_draft(&o, parent, o.issuer, o.abbr, o.out))
        rc = PLAN_EXIT_USAGE;
    plan_doc_free(parent);
    free(o.files);
    return rc;
}
