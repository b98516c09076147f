/*
 * config.c - reads `.planrc`, the project configuration (docs/config.md).
 *
 * The dialect is a strict subset of INI: "[section]" lines, "key = value"
 * lines, comments starting with # or ; (at the start of a line, or after
 * white space), and for list keys (exclude) indented continuation lines.
 * Anything else - an unknown section, key or rule, a bad value, a key set
 * twice - stops the run with FILE:LINE:COL, because a configuration that is
 * half understood would make a CI gate check something other than what its
 * owner wrote. No library: the grammar is twenty lines and a dependency for
 * it would cost more than it saves.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "plan/i18n.h"
#include "plan/fsio.h"
#include "plan/util.h"

/* A configuration larger than this is not a configuration. */
#define CONFIG_MAX_BYTES (1024 * 1024)

/* One configuration per process: `plan` runs one command over one project.
 * Static, so that every command sharing cli_parse_opts can use it without
 * owning it. */
static cli_config config;
static int config_loaded;

static void config_free(void)
{
    free(config.path);
    free(config.root);
    for (int i = 0; i < config.nexclude; i++)
        free(config.exclude[i]);
    free(config.exclude);
    memset(&config, 0, sizeof config);
}

/* The state of one parse, for the messages. */
typedef struct parser {
    const char *name;   /* the file as named in messages */
    const char *dir;    /* its directory, for a relative root */
    const char *line;   /* the current line */
    unsigned lineno;
    int section;        /* SEC_* */
    int in_list;        /* the last key takes continuation lines */
    unsigned rule_line[PLAN_RULE_COUNT];
    unsigned exclude_line, root_line;
} parser;

enum { SEC_NONE, SEC_RULES, SEC_PATHS, SEC_REPOSITORY };

/* Prints "plan: error: FILE:LINE:COL: message" with the column of at (a
 * pointer into the current line) in code points. Returns PLAN_EXIT_USAGE. */
static int fail_at(const parser *p, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_at(const parser *p, const char *at, const char *fmt, ...)
{
    size_t col = plan_utf8_count(p->line, (size_t)(at - p->line)) + 1;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "plan: %s: %s:%u:%zu: ", _("error"), p->name, p->lineno, col);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return PLAN_EXIT_USAGE;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Cuts a comment (# or ; after white space) and trailing white space off
 * s[0..*n). */
static void trim_value(const char *s, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        if ((s[i] == '#' || s[i] == ';') && (i == 0 || is_blank(s[i - 1]))) {
            *n = i;
            break;
        }
    while (*n && is_blank(s[*n - 1]))
        (*n)--;
}

static int parse_severity(const char *s, size_t n)
{
    static const char *const names[] = {"off", "info", "warning", "error"};
    for (int i = 0; i < 4; i++)
        if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
            return i; /* PLAN_SEV_OFF .. PLAN_SEV_ERROR in this order */
    return -1;
}

/* Adds the comma-separated patterns of s[0..n) to the exclude list. */
static int add_patterns(parser *p, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        while (s < end && (is_blank(*s) || *s == ','))
            s++;
        const char *q = s;
        while (q < end && *q != ',')
            q++;
        const char *e = q;
        while (e > s && is_blank(e[-1]))
            e--;
        if (e > s) {
            const char *b = s;
            /* Patterns are relative to the root whatever their form. */
            while (e - b >= 2 && b[0] == '.' && b[1] == '/')
                b += 2;
            while (b < e && *b == '/')
                b++;
            while (e > b && e[-1] == '/')
                e--;
            if (e == b)
                return fail_at(p, s, _("the pattern '%.*s' matches nothing; patterns are "
                                       "relative to the repository root"),
                               (int)(q - s), s);
            for (const char *k = b; k + 1 < e; k++)
                if (k[0] == '*' && k[1] == '*')
                    return fail_at(p, s, _("'**' is not supported in '%.*s': a pattern "
                                           "without '/' matches a name at any depth"),
                                   (int)(e - s), s);
            config.exclude = plan_xrealloc(config.exclude,
                                           sizeof(char *) * (size_t)(config.nexclude + 1));
            char *pat = plan_xmalloc((size_t)(e - b) + 1);
            memcpy(pat, b, (size_t)(e - b));
            pat[e - b] = '\0';
            config.exclude[config.nexclude++] = pat;
        }
        s = q;
    }
    return 0;
}

static int set_root(parser *p, const char *v, size_t n)
{
    plan_buf b = PLAN_BUF_INIT;
    if (v[0] != '/')
        plan_buf_printf(&b, "%s/", p->dir);
    plan_buf_append(&b, v, n);
    char *real = realpath(plan_buf_cstr(&b), NULL);
    struct stat st;
    int rc = 0;
    if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
        rc = fail_at(p, v, _("the repository root '%.*s' is not a directory (it is "
                             "relative to the directory of %s)"),
                     (int)n, v, p->name);
        free(real);
    } else {
        free(config.root);
        config.root = real;
    }
    plan_buf_free(&b);
    return rc;
}

static int key_value(parser *p, const char *k, size_t kn, const char *v, size_t vn)
{
    p->in_list = 0;
    if (p->section == SEC_NONE)
        return fail_at(p, k, _("'%.*s' is outside any section; put it under [rules], "
                               "[paths] or [repository]"),
                       (int)kn, k);
    if (p->section == SEC_RULES) {
        char id[128];
        snprintf(id, sizeof id, "%.*s", (int)kn, k);
        int r = kn < sizeof id ? plan_rule_find(id) : -1;
        if (r < 0)
            return fail_at(p, k, _("unknown rule '%.*s' in [rules]; 'plan rules' lists them"),
                           (int)kn, k);
        if (p->rule_line[r])
            return fail_at(p, k, _("rule '%s' is already set on line %u"), id,
                           p->rule_line[r]);
        int s = parse_severity(v, vn);
        if (s < 0)
            return fail_at(p, v, _("bad value '%.*s' for %s: use off, info, warning or error"),
                           (int)vn, v, id);
        p->rule_line[r] = p->lineno;
        config.sev[r] = s;
        return 0;
    }
    if (p->section == SEC_PATHS) {
        if (kn != 7 || strncmp(k, "exclude", 7) != 0)
            return fail_at(p, k, _("unknown key '%.*s' in [paths]; known keys: exclude"),
                           (int)kn, k);
        if (p->exclude_line)
            return fail_at(p, k, _("'exclude' is already set on line %u; list every "
                                   "pattern there"),
                           p->exclude_line);
        p->exclude_line = p->lineno;
        p->in_list = 1;
        return add_patterns(p, v, vn);
    }
    if (kn != 4 || strncmp(k, "root", 4) != 0)
        return fail_at(p, k, _("unknown key '%.*s' in [repository]; known keys: root"),
                       (int)kn, k);
    if (p->root_line)
        return fail_at(p, k, _("'root' is already set on line %u"), p->root_line);
    if (vn == 0)
        return fail_at(p, v, _("'root' needs a directory"));
    p->root_line = p->lineno;
    return set_root(p, v, vn);
}

static int section(parser *p, const char *s)
{
    p->in_list = 0;
    const char *name = s + 1;
    while (is_blank(*name))
        name++;
    const char *close = strchr(name, ']');
    if (!close)
        return fail_at(p, s, _("a section name needs a closing ']'"));
    const char *e = close;
    while (e > name && is_blank(e[-1]))
        e--;
    const char *r = close + 1;
    while (is_blank(*r))
        r++;
    size_t rest = strlen(r);
    trim_value(r, &rest);
    if (rest)
        return fail_at(p, r, _("unexpected text after the section name"));
    size_t n = (size_t)(e - name);
    static const char *const names[] = {"rules", "paths", "repository"};
    for (int i = 0; i < 3; i++)
        if (strlen(names[i]) == n && strncmp(name, names[i], n) == 0) {
            p->section = SEC_RULES + i;
            return 0;
        }
    return fail_at(p, name, _("unknown section [%.*s]; known sections: [rules], [paths], "
                              "[repository]"),
                   (int)n, name);
}

static int parse_line(parser *p)
{
    const char *s = p->line;
    while (is_blank(*s))
        s++;
    if (*s == '\0' || *s == '#' || *s == ';')
        return 0; /* blank lines and comments do not end a list */
    if (s != p->line && p->in_list) {
        size_t n = strlen(s);
        trim_value(s, &n);
        return add_patterns(p, s, n);
    }
    if (*s == '[')
        return section(p, s);
    const char *eq = strchr(s, '=');
    if (!eq)
        return fail_at(p, s, _("expected 'key = value', '[section]' or a comment"));
    const char *ke = eq;
    while (ke > s && is_blank(ke[-1]))
        ke--;
    if (ke == s)
        return fail_at(p, s, _("a key is missing before '='"));
    for (const char *k = s; k < ke; k++)
        if (is_blank(*k))
            return fail_at(p, s, _("a key has no spaces: '%.*s'"), (int)(ke - s), s);
    const char *v = eq + 1;
    while (is_blank(*v))
        v++;
    size_t vn = strlen(v);
    trim_value(v, &vn);
    return key_value(p, s, (size_t)(ke - s), v, vn);
}

/* Reads the whole file; NULL after printing a system error. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_syserr(path, errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        fprintf(stderr, "plan: %s: %s: %s\n", _("error"), path,
                _("is a directory, not a configuration file"));
        return NULL;
    }
    char *buf = plan_xmalloc(CONFIG_MAX_BYTES + 1);
    size_t n = fread(buf, 1, CONFIG_MAX_BYTES + 1, f);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        free(buf);
        cli_syserr(path, err);
        return NULL;
    }
    if (n > CONFIG_MAX_BYTES) {
        free(buf);
        fprintf(stderr, "plan: %s: %s: %s\n", _("error"), path,
                _("larger than 1 MiB: not a configuration file"));
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int parse_file(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        return PLAN_EXIT_USAGE;
    parser p;
    memset(&p, 0, sizeof p);
    p.name = path;
    char *dir = plan_path_dir(path);
    p.dir = dir;
    int rc = 0;
    size_t valid = plan_utf8_valid_prefix(text, len);
    if (valid < len) {
        /* Where the first bad byte is, counting only the valid text before it. */
        unsigned line = 1;
        size_t start = 0;
        for (size_t i = 0; i < valid; i++)
            if (text[i] == '\n')
                line++, start = i + 1;
        fprintf(stderr, "plan: %s: %s:%u:%zu: %s\n", _("error"), path, line,
                plan_utf8_count(text + start, valid - start) + 1,
                _("not UTF-8 text (or a NUL byte): save the file as UTF-8"));
        free(dir);
        free(text);
        return PLAN_EXIT_USAGE;
    }
    char *s = text;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    char *end = text + len;
    while (!rc && s < end) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(s);
        if (n && s[n - 1] == '\r')
            s[n - 1] = '\0';
        p.lineno++;
        p.line = s;
        rc = parse_line(&p);
        if (!nl)
            break;
        s = nl + 1;
    }
    free(dir);
    free(text);
    return rc;
}

static int exists(const char *path, int want_reg)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    return want_reg ? S_ISREG(st.st_mode) : 1;
}

/* Looks for .planrc in ".", "..", "../.." ... up to a directory holding .git
 * or the file system root. Returns the file's name (relative, as a user would
 * type it) or NULL; *stop receives the directory where the search stopped at
 * .git, or NULL at the root. Both malloc'd. */
static char *search_upward(char **stop)
{
    plan_buf up = PLAN_BUF_INIT, probe = PLAN_BUF_INIT;
    char *found = NULL;
    *stop = NULL;
    for (int depth = 0; depth < 4096; depth++) {
        const char *dir = up.len ? plan_buf_cstr(&up) : ".";
        plan_buf_reset(&probe);
        plan_buf_printf(&probe, "%s.planrc", plan_buf_cstr(&up));
        if (exists(plan_buf_cstr(&probe), 1)) {
            found = plan_xstrdup(plan_buf_cstr(&probe));
            break;
        }
        plan_buf_reset(&probe);
        plan_buf_printf(&probe, "%s/.git", dir);
        if (exists(plan_buf_cstr(&probe), 0)) {
            *stop = plan_xstrdup(dir);
            break;
        }
        /* At the file system root ".." is the directory itself. */
        struct stat a, b;
        plan_buf_reset(&probe);
        plan_buf_printf(&probe, "%s/..", dir);
        if (stat(dir, &a) != 0 || stat(plan_buf_cstr(&probe), &b) != 0 ||
            (a.st_dev == b.st_dev && a.st_ino == b.st_ino))
            break;
        plan_buf_puts(&up, "../");
    }
    plan_buf_free(&up);
    plan_buf_free(&probe);
    return found;
}

int cli_config_load(cli_opts *o)
{
    if (config_loaded)
        config_free();
    else
        atexit(config_free);
    config_loaded = 1;
    for (int i = 0; i < PLAN_RULE_COUNT; i++)
        config.sev[i] = -1;
    o->cfg = &config;
    if (o->config && o->no_config) {
        cli_usage_error(_("--config and --no-config exclude each other"));
        return PLAN_EXIT_USAGE;
    }
    char *stop = NULL;
    char *path = NULL;
    if (o->config)
        path = plan_xstrdup(o->config);
    else if (!o->no_config)
        path = search_upward(&stop);
    int rc = 0;
    if (path) {
        config.path = path;
        rc = parse_file(path);
        if (!rc && !config.root) {
            char *dir = plan_path_dir(path);
            config.root = realpath(dir, NULL);
            free(dir);
        }
    } else if (stop) {
        config.root = realpath(stop, NULL);
    }
    free(stop);
    if (!rc && !config.root)
        config.root = realpath(".", NULL);
    if (!config.root)
        config.root = plan_xstrdup(".");
    if (rc)
        return rc;
    /* The command line wins: only rules -W left alone take the file's value. */
    for (int i = 0; i < PLAN_RULE_COUNT; i++)
        if (config.sev[i] >= 0 && o->val.override[i] < 0)
            o->val.override[i] = config.sev[i];
    return 0;
}

char *cli_config_relpath(const cli_config *c, const char *path)
{
    /* Resolve the directory, not the file: a symbolic link to a plan keeps
     * its own name. */
    char *dir = plan_path_dir(path);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *real = realpath(dir, NULL);
    free(dir);
    if (!real)
        return plan_xstrdup(path);
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_printf(&b, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    free(real);
    const char *abs = plan_buf_cstr(&b);
    size_t rn = strlen(c->root);
    char *rel;
    if (strcmp(c->root, "/") == 0)
        rel = plan_xstrdup(abs + 1);
    else if (strncmp(abs, c->root, rn) == 0 && abs[rn] == '/')
        rel = plan_xstrdup(abs + rn + 1);
    else
        rel = plan_xstrdup(abs);
    plan_buf_free(&b);
    return rel;
}

/* A pattern with '/' matches the path or one of its leading directories; one
 * without matches any single name in it (like .gitignore). */
static int matches(const char *pat, const char *rel)
{
    size_t n = strlen(rel);
    char *buf = plan_xmalloc(n + 1);
    memcpy(buf, rel, n + 1);
    int hit = 0;
    if (strchr(pat, '/')) {
        for (size_t i = 0; i <= n && !hit; i++)
            if (buf[i] == '/' || buf[i] == '\0') {
                char c = buf[i];
                buf[i] = '\0';
                hit = i > 0 && fnmatch(pat, buf, FNM_PATHNAME) == 0;
                buf[i] = c;
            }
    } else {
        for (char *tok = strtok(buf, "/"); tok && !hit; tok = strtok(NULL, "/"))
            hit = fnmatch(pat, tok, 0) == 0;
    }
    free(buf);
    return hit;
}

int cli_config_excluded(const cli_config *c, const char *path)
{
    if (!c || c->nexclude == 0)
        return 0;
    char *rel = cli_config_relpath(c, path);
    int hit = 0;
    for (int i = 0; i < c->nexclude && !hit; i++)
        hit = matches(c->exclude[i], rel);
    free(rel);
    return hit;
}

void cli_config_filter(const cli_config *c, char **list, int *n, char **named, int nnamed)
{
    if (!c || c->nexclude == 0)
        return;
    int k = 0;
    for (int i = 0; i < *n; i++) {
        int is_named = 0;
        for (int j = 0; j < nnamed && !is_named; j++)
            is_named = strcmp(list[i], named[j]) == 0;
        if (!is_named && cli_config_excluded(c, list[i]))
            free(list[i]);
        else
            list[k++] = list[i];
    }
    *n = k;
}
