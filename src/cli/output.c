/*
 * output.c - what the CLI shares between commands: option parsing, path
 * expansion, and printing diagnostics (GCC style with caret and colour on a
 * terminal, or JSON).
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "plan/emit.h"
#include "plan/i18n.h"
#include "plan/util.h"

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "plan: %s: ", _("error"));
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n%s\n", _("Try 'plan --help' for more information."));
    va_end(ap);
}

void cli_syserr(const char *path, int err)
{
    cli_syserr_to(stderr, path, err);
}

void cli_syserr_to(FILE *f, const char *path, int err)
{
    const char *why;
    switch (err) {
    case ENOENT: why = _("no such file or directory"); break;
    case EISDIR: why = _("is a directory, not a plan file"); break;
    case EACCES: why = _("permission denied"); break;
    case EINVAL: why = _("not a regular file (a FIFO, device or socket)"); break;
    case ENOSPC: why = _("no space left on the device"); break;
    case ENOTDIR: why = _("a component of the path is not a directory"); break;
    default: why = strerror(err); break;
    }
    fprintf(f, "plan: %s: %s: %s\n", _("error"), path, why);
}

static int parse_sev(const char *s)
{
    if (strcmp(s, "off") == 0) return PLAN_SEV_OFF;
    if (strcmp(s, "info") == 0) return PLAN_SEV_INFO;
    if (strcmp(s, "warning") == 0) return PLAN_SEV_WARNING;
    if (strcmp(s, "error") == 0) return PLAN_SEV_ERROR;
    return -1;
}

static int parse_w(cli_opts *o, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq) {
        cli_usage_error(_("-W takes RULE-ID=off|info|warning|error, not '%s'"), arg);
        return PLAN_EXIT_USAGE;
    }
    char id[128];
    snprintf(id, sizeof id, "%.*s", (int)(eq - arg), arg);
    int r = plan_rule_find(id);
    int s = parse_sev(eq + 1);
    if (r < 0) {
        cli_usage_error(_("unknown rule '%s'; 'plan rules' lists them"), id);
        return PLAN_EXIT_USAGE;
    }
    if (s < 0) {
        cli_usage_error(_("unknown severity '%s'; use off, info, warning or error"), eq + 1);
        return PLAN_EXIT_USAGE;
    }
    o->val.override[r] = s;
    return 0;
}

/* The number after "--max-NAME=" (a + n): from 1 to max. */
static int parse_limit(const char *a, size_t n, unsigned long long max, unsigned long long *v)
{
    char *end;
    errno = 0;
    *v = strtoull(a + n, &end, 10);
    if (end == a + n || *end || a[n] == '-' || errno || *v == 0 || *v > max) {
        if (max == SIZE_MAX)
            cli_usage_error(_("%.*s takes a whole number of at least 1, not '%s'"), (int)(n - 1),
                            a, a + n);
        else
            cli_usage_error(_("%.*s takes a whole number from 1 to %llu, not '%s'"),
                            (int)(n - 1), a, max, a + n);
        return -1;
    }
    return 0;
}

int cli_parse_opts(int argc, char **argv, cli_opts *o, char ***paths, int *npaths, int compile)
{
    memset(o, 0, sizeof *o);
    plan_validate_opts_init(&o->val);
    const char *nc = getenv("NO_COLOR");
    o->color = isatty(2) && !(nc && *nc);
    *paths = plan_xmalloc(sizeof(char *) * (size_t)(argc + 1));
    *npaths = 0;
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            (*paths)[(*npaths)++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strncmp(a, "--format=", 9) == 0 && !compile) {
            static const char *const names[] = {"gcc", "json", "sarif", "junit", "gitlab"};
            int k = 0;
            while (k < 5 && strcmp(a + 9, names[k]) != 0)
                k++;
            if (k == 5) {
                cli_usage_error(_("unknown format '%s'; use gcc, json, sarif, junit or gitlab"),
                                a + 9);
                return PLAN_EXIT_USAGE;
            }
            o->format = k; /* names[] is in CLI_FORMAT_* order */
            o->json = k != CLI_FORMAT_GCC;
        } else if (strcmp(a, "--werror") == 0) {
            o->val.werror = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "-W") == 0 && i + 1 < argc) {
            if (parse_w(o, argv[++i]))
                return PLAN_EXIT_USAGE;
        } else if (strncmp(a, "-W", 2) == 0 && a[2]) {
            if (parse_w(o, a + 2))
                return PLAN_EXIT_USAGE;
        } else if (strcmp(a, "-o") == 0 && compile && i + 1 < argc) {
            o->outdir = argv[++i];
        } else if (strncmp(a, "--output=", 9) == 0 && compile) {
            o->outdir = a + 9;
        } else if (strncmp(a, "--encoding=", 11) == 0) {
            o->load.encoding = a + 11;
        } else if (strcmp(a, "--tone-style=old") == 0) {
            o->load.tone_style = PLAN_TONE_OLD;
        } else if (strcmp(a, "--tone-style=new") == 0) {
            o->load.tone_style = PLAN_TONE_NEW;
        } else if (strncmp(a, "--tone-style=", 13) == 0) {
            cli_usage_error(_("unknown tone style '%s'; use old (hòa, thủy) or new (hoà, thuỷ)"),
                            a + 13);
            return PLAN_EXIT_USAGE;
        } else if (strncmp(a, "--max-size=", 11) == 0) {
            char *end;
            unsigned long long v = strtoull(a + 11, &end, 10);
            if (end == a + 11 || *end || v == 0) {
                cli_usage_error(_("--max-size takes a number of bytes, not '%s'"), a + 11);
                return PLAN_EXIT_USAGE;
            }
            o->load.max_bytes = (size_t)v;
        } else if (strncmp(a, "--max-depth=", 12) == 0) {
            unsigned long long v;
            if (parse_limit(a, 12, PLAN_MAX_DEPTH_LIMIT, &v))
                return PLAN_EXIT_USAGE;
            o->load.max_depth = (unsigned)v;
        } else if (strncmp(a, "--max-elements=", 15) == 0) {
            unsigned long long v;
            if (parse_limit(a, 15, SIZE_MAX, &v))
                return PLAN_EXIT_USAGE;
            o->load.max_elements = (size_t)v;
        } else if (strncmp(a, "--max-text=", 11) == 0) {
            unsigned long long v;
            if (parse_limit(a, 11, PLAN_MAX_TEXT_LIMIT, &v))
                return PLAN_EXIT_USAGE;
            o->load.max_text = (size_t)v;
        } else if (strncmp(a, "--max-attributes=", 17) == 0) {
            unsigned long long v;
            if (parse_limit(a, 17, SIZE_MAX, &v))
                return PLAN_EXIT_USAGE;
            o->load.max_attributes = (size_t)v;
        } else if (strcmp(a, "--color=never") == 0) {
            o->color = 0;
        } else if (strcmp(a, "--color=always") == 0) {
            o->color = 1;
        } else if (strcmp(a, "--config") == 0 && i + 1 < argc) {
            o->config = argv[++i];
        } else if (strncmp(a, "--config=", 9) == 0) {
            o->config = a + 9;
        } else if (strcmp(a, "--no-config") == 0) {
            o->no_config = 1;
        } else {
            cli_usage_error(_("unknown option '%s'"), a);
            return PLAN_EXIT_USAGE;
        }
    }
    if (*npaths == 0) {
        cli_usage_error(_("no input: give one or more plan files or directories"));
        return PLAN_EXIT_USAGE;
    }
    if (compile && !o->outdir) {
        cli_usage_error(_("compile needs an output directory: -o DIR"));
        return PLAN_EXIT_USAGE;
    }
    /* After the loop, so that -W anywhere on the line beats the file. */
    return cli_config_load(o);
}

typedef struct strvec {
    char **v;
    int n, cap;
} strvec;

static void push(strvec *s, char *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = plan_xrealloc(s->v, sizeof(char *) * (size_t)s->cap);
    }
    s->v[s->n++] = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(const char *dir, strvec *out, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 64) {
        if (d)
            closedir(d);
        return;
    }
    strvec names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            push(&names, plan_xstrdup(e->d_name));
    closedir(d);
    if (names.n) /* an empty directory has no array at all */
        qsort(names.v, (size_t)names.n, sizeof(char *), cmp_str);
    for (int i = 0; i < names.n; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *p = plan_xmalloc(len);
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk_dir(p, out, depth + 1);
            free(p);
        } else {
            size_t n = strlen(p);
            if (n > 4 && strcmp(p + n - 4, ".xml") == 0 && S_ISREG(st.st_mode))
                push(out, p);
            else
                free(p);
        }
        free(names.v[i]);
    }
    free(names.v);
}

char **cli_expand_paths(char **paths, int n, int *count, int *failed)
{
    strvec out = {0};
    *failed = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            cli_syserr(paths[i], errno);
            *failed = 1;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            int before = out.n;
            walk_dir(paths[i], &out, 0);
            if (out.n == before)
                fprintf(stderr, "plan: %s: %s: %s\n", _("warning"), paths[i],
                        _("no plan files (*.xml) in this directory"));
        }
        else
            push(&out, plan_xstrdup(paths[i]));
    }
    *count = out.n;
    return out.v;
}

static const char *sev_word(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return _("error");
    case PLAN_SEV_WARNING: return _("warning");
    case PLAN_SEV_INFO: return _("info");
    default: return "";
    }
}

static const char *sev_color(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return "\033[1;31m";
    case PLAN_SEV_WARNING: return "\033[1;35m";
    default: return "\033[1;36m";
    }
}

static void caret(FILE *f, const plan_diag *g, const plan_source *src, int color)
{
    if (!src || g->pos.line == 0)
        return;
    size_t len;
    const char *l = plan_source_line(src, g->pos.line, &len);
    fprintf(f, " %5u | %.*s\n       | ", g->pos.line, (int)len, l);
    /* Pad with the same white space (tabs kept) up to the column. */
    unsigned col = 1;
    for (size_t i = 0; i < len && col < g->pos.col; i++) {
        if (((unsigned char)l[i] & 0xC0) == 0x80)
            continue;
        fputc(l[i] == '\t' ? '\t' : ' ', f);
        col++;
    }
    fprintf(f, "%s^%s\n", color ? "\033[1;32m" : "", color ? "\033[0m" : "");
}

void cli_print_gcc(FILE *f, const plan_diags *d, const cli_opts *o, const plan_source *src)
{
    for (size_t i = 0; i < d->n; i++) {
        const plan_diag *g = &d->v[i];
        char where[64] = "";
        if (g->pos.line)
            snprintf(where, sizeof where, ":%u:%u", g->pos.line, g->pos.col);
        if (o->color)
            fprintf(f, "\033[1m%s%s:\033[0m %s%s:\033[0m %s [%s]\n", g->file, where,
                    sev_color(g->sev), sev_word(g->sev), g->message, plan_rule_get(g->rule)->id);
        else
            fprintf(f, "%s%s: %s: %s [%s]\n", g->file, where, sev_word(g->sev), g->message,
                    plan_rule_get(g->rule)->id);
        if (o->color)
            caret(f, g, src, 1);
        for (size_t j = 0; j < g->nnotes; j++)
            fprintf(f, "%s%s: %s: %s\n", g->file, where, _("note"), g->notes[j]);
    }
}

void cli_print_json(const plan_diags *d, FILE *f)
{
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_puts(&b, "[");
    for (size_t i = 0; i < d->n; i++) {
        const plan_diag *g = &d->v[i];
        plan_buf_puts(&b, i ? ",\n  {" : "\n  {");
        plan_buf_puts(&b, "\"file\": \"");
        plan_esc_json(&b, g->file);
        plan_buf_printf(&b, "\", \"line\": %u, \"column\": %u, \"severity\": \"%s\", "
                            "\"rule\": \"%s\", \"message\": \"",
                        g->pos.line, g->pos.col, plan_severity_name(g->sev),
                        plan_rule_get(g->rule)->id);
        plan_esc_json(&b, g->message);
        plan_buf_puts(&b, "\", \"notes\": [");
        for (size_t j = 0; j < g->nnotes; j++) {
            plan_buf_puts(&b, j ? ", \"" : "\"");
            plan_esc_json(&b, g->notes[j]);
            plan_buf_puts(&b, "\"");
        }
        plan_buf_puts(&b, "]}");
    }
    plan_buf_puts(&b, d->n ? "\n]\n" : "]\n");
    fwrite(b.data, 1, b.len, f);
    plan_buf_free(&b);
}
