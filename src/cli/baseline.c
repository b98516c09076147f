/*
 * baseline.c - the baseline of accepted findings (docs/config.md).
 *
 * The key of a finding is (file relative to the repository root, rule id,
 * fingerprint, occurrence). The fingerprint hashes the rule id and the text
 * of the file from the finding's column to the end of its line, white space
 * folded: not the line number, which moves whenever a line is inserted
 * above, and not the message, which changes with the language of the
 * messages and with the wording of a new version of plan. Findings with no
 * position (or whose file cannot be read again) hash their message instead.
 * The occurrence counts identical (file, rule, fingerprint) in the order of
 * the sorted diagnostics, so that two identical findings are two entries.
 *
 * The file is text, one finding per line, tab-separated, sorted: the same
 * findings always give the same bytes, and a diff of two baselines reads
 * like a list of findings accepted or fixed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/baseline.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/util.h"

#define BASELINE_MAGIC "# plan baseline 1"
/* Enough text to tell findings apart; a long paragraph is cut here. */
#define FINGERPRINT_TEXT_MAX 256

/* A string set with a counter per key (open addressing, FNV-1a). */
typedef struct smap {
    char **keys;
    int *vals;
    size_t cap, n;
} smap;

static uint64_t fnv1a(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV_OFFSET 0xcbf29ce484222325ULL

static size_t smap_find(const smap *m, const char *key)
{
    size_t i = (size_t)fnv1a(key, strlen(key), FNV_OFFSET) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void smap_alloc(smap *m, size_t cap)
{
    m->cap = cap;
    m->n = 0;
    m->keys = plan_xmalloc(cap * sizeof *m->keys);
    m->vals = plan_xmalloc(cap * sizeof *m->vals);
    memset(m->keys, 0, cap * sizeof *m->keys);
    memset(m->vals, 0, cap * sizeof *m->vals);
}

static int smap_has(const smap *m, const char *key)
{
    return m->cap && m->keys[smap_find(m, key)] != NULL;
}

/* The counter of key, created at 0 when create is set; NULL when absent. */
static int *smap_get(smap *m, const char *key, int create)
{
    if (m->cap == 0) {
        if (!create)
            return NULL;
        smap_alloc(m, 64);
    }
    size_t i = smap_find(m, key);
    if (m->keys[i])
        return &m->vals[i];
    if (!create)
        return NULL;
    if (2 * (m->n + 1) > m->cap) {
        smap big;
        smap_alloc(&big, m->cap * 2);
        for (size_t k = 0; k < m->cap; k++)
            if (m->keys[k]) {
                size_t j = smap_find(&big, m->keys[k]);
                big.keys[j] = m->keys[k];
                big.vals[j] = m->vals[k];
            }
        big.n = m->n;
        free(m->keys);
        free(m->vals);
        *m = big;
        i = smap_find(m, key);
    }
    m->keys[i] = plan_xstrdup(key);
    m->vals[i] = 0;
    m->n++;
    return &m->vals[i];
}

static void smap_free(smap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
}

typedef struct entry {
    char *file;         /* escaped */
    const char *rule;
    char fp[17];
    int occ;
} entry;

struct cli_baseline {
    const cli_config *cfg;
    const plan_load_opts *load;
    smap known;         /* "file\trule\tfp\tocc" of the baseline -> matched */
    smap counts;        /* "file\trule\tfp" -> occurrences seen */
    smap checked;       /* files checked in this run */
    int record;
    entry *rec;
    size_t nrec, caprec;
    size_t suppressed;
    char *cached_name;  /* the last file read again for its text */
    plan_source *cached;
};

/* File names go into a tab-separated line: escape what would break it. */
static void escape_file(plan_buf *b, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '\\': plan_buf_puts(b, "\\\\"); break;
        case '\t': plan_buf_puts(b, "\\t"); break;
        case '\n': plan_buf_puts(b, "\\n"); break;
        case '\r': plan_buf_puts(b, "\\r"); break;
        default: plan_buf_putc(b, *s); break;
        }
}

static int is_hex16(const char *s, size_t n)
{
    if (n != 16)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

static int bad_line(const char *path, unsigned line, const char *why)
{
    fprintf(stderr, "plan: %s: %s:%u: %s\n", _("error"), path, line, why);
    return -1;
}

/* Reads a baseline into b->known. Returns 0, or -1 after printing. */
static int read_baseline(cli_baseline *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_syserr(path, errno);
        return -1;
    }
    plan_buf text = PLAN_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        plan_buf_append(&text, chunk, n);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        cli_syserr(path, err == 0 ? EIO : err);
        plan_buf_free(&text);
        return -1;
    }
    const char *s = plan_buf_cstr(&text), *end = s + text.len;
    unsigned line = 0;
    int rc = 0;
    plan_buf key = PLAN_BUF_INIT;
    while (s < end && !rc) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        line++;
        size_t len = (size_t)(e - s);
        if (line == 1) {
            if (len != strlen(BASELINE_MAGIC) || memcmp(s, BASELINE_MAGIC, len) != 0) {
                /* The magic goes through %s: a macro spliced into the msgid would
                 * never match its translation. */
                char why[256];
                snprintf(why, sizeof why,
                         _("not a plan baseline: the first line must be '%s' (write one "
                           "with --write-baseline)"),
                         BASELINE_MAGIC);
                rc = bad_line(path, line, why);
            }
        } else if (len && s[0] != '#') {
            const char *f[4];
            size_t fl[4];
            int nf = 0;
            const char *p = s;
            while (nf < 4) {
                const char *t = memchr(p, '\t', (size_t)(e - p));
                f[nf] = p;
                fl[nf] = (size_t)((t ? t : e) - p);
                nf++;
                if (!t)
                    break;
                p = t + 1;
            }
            char *stop = NULL;
            long occ = 0;
            if (nf == 4 && fl[3] > 0 && fl[3] < 10) {
                char num[12];
                memcpy(num, f[3], fl[3]);
                num[fl[3]] = '\0';
                occ = strtol(num, &stop, 10);
                if (*stop || num[0] == '0')
                    occ = 0;
            }
            if (nf != 4 || f[3] + fl[3] != e || fl[0] == 0 || fl[1] == 0 ||
                !is_hex16(f[2], fl[2]) || occ <= 0)
                rc = bad_line(path, line, _("expected FILE, RULE, FINGERPRINT (16 hex digits) "
                                            "and OCCURRENCE (1, 2, ...) separated by tabs"));
            else {
                plan_buf_reset(&key);
                plan_buf_append(&key, s, len);
                smap_get(&b->known, plan_buf_cstr(&key), 1);
            }
        }
        s = nl ? nl + 1 : end;
    }
    if (!rc && line == 0)
        rc = bad_line(path, 1, _("not a plan baseline: the file is empty"));
    plan_buf_free(&key);
    plan_buf_free(&text);
    return rc;
}

cli_baseline *cli_baseline_open(const char *read_path, int record, const cli_config *cfg,
                                const plan_load_opts *load)
{
    cli_baseline *b = plan_xmalloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->cfg = cfg;
    b->load = load;
    b->record = record;
    if (read_path && read_baseline(b, read_path)) {
        cli_baseline_free(b);
        return NULL;
    }
    return b;
}

/* The text of g's file, for its fingerprint; NULL when it cannot be read. */
static const plan_source *source_of(cli_baseline *b, const plan_diag *g)
{
    if (b->cached_name && strcmp(b->cached_name, g->file) == 0)
        return b->cached;
    free(b->cached_name);
    plan_source_free(b->cached);
    b->cached = NULL;
    b->cached_name = plan_xstrdup(g->file);
    plan_diags ignored = PLAN_DIAGS_INIT;
    if (plan_load_file(g->file, g->file, b->load, &ignored, &b->cached) != PLAN_OK)
        b->cached = NULL;
    plan_diags_clear(&ignored);
    return b->cached;
}

/* FNV-1a of the rule id and the text at g's position (or its message). */
static void fingerprint(cli_baseline *b, const plan_diag *g, const plan_source *src,
                        char out[17])
{
    const char *rule = plan_rule_get(g->rule)->id;
    uint64_t h = fnv1a(rule, strlen(rule) + 1, FNV_OFFSET);
    if (g->pos.line && !src)
        src = source_of(b, g);
    if (g->pos.line && src && g->pos.line <= src->nlines) {
        size_t len;
        const char *l = plan_source_line(src, g->pos.line, &len);
        size_t i = 0;
        for (unsigned col = 1; i < len && col < g->pos.col; col++)
            for (i++; i < len && ((unsigned char)l[i] & 0xC0) == 0x80; i++)
                ;
        /* White space folded, so that re-indenting keeps the finding. */
        char text[FINGERPRINT_TEXT_MAX + 4];
        size_t n = 0;
        int space = 0;
        for (; i < len; i++) {
            unsigned char c = (unsigned char)l[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                space = n > 0;
                continue;
            }
            /* Stop before a character that would not fit whole. */
            if (n + (size_t)space + 4 > FINGERPRINT_TEXT_MAX && (c & 0xC0) != 0x80)
                break;
            if (space)
                text[n++] = ' ';
            space = 0;
            text[n++] = (char)c;
        }
        h = fnv1a("T", 1, h);
        h = fnv1a(text, n, h);
    } else {
        h = fnv1a("M", 1, h);
        h = fnv1a(g->message, strlen(g->message), h);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void cli_baseline_apply(cli_baseline *b, const char *path, plan_diags *d,
                        const plan_source *src)
{
    plan_buf key = PLAN_BUF_INIT, file = PLAN_BUF_INIT;
    if (path) {
        char *rel = cli_config_relpath(b->cfg, path);
        escape_file(&file, rel);
        free(rel);
        smap_get(&b->checked, plan_buf_cstr(&file), 1);
    }
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        plan_diag *g = &d->v[i];
        char fp[17];
        fingerprint(b, g, path ? src : NULL, fp);
        if (!path) {
            plan_buf_reset(&file);
            char *rel = cli_config_relpath(b->cfg, g->file);
            escape_file(&file, rel);
            free(rel);
        }
        const char *rule = plan_rule_get(g->rule)->id;
        plan_buf_reset(&key);
        plan_buf_printf(&key, "%s\t%s\t%s", plan_buf_cstr(&file), rule, fp);
        int occ = ++*smap_get(&b->counts, plan_buf_cstr(&key), 1);
        if (b->record) {
            if (b->nrec == b->caprec) {
                b->caprec = b->caprec ? 2 * b->caprec : 64;
                b->rec = plan_xrealloc(b->rec, b->caprec * sizeof *b->rec);
            }
            entry *e = &b->rec[b->nrec++];
            e->file = plan_xstrdup(plan_buf_cstr(&file));
            e->rule = rule;
            memcpy(e->fp, fp, sizeof e->fp);
            e->occ = occ;
        }
        plan_buf_printf(&key, "\t%d", occ);
        int *seen = smap_get(&b->known, plan_buf_cstr(&key), 0);
        if (seen) {
            *seen = 1;
            b->suppressed++;
            /* Removed: free what the entry owns, as plan_diags_clear would. */
            free(g->message);
            for (size_t j = 0; j < g->nnotes; j++)
                free(g->notes[j]);
            free(g->notes);
        } else {
            d->v[k++] = *g;
        }
    }
    d->n = k;
    plan_buf_free(&key);
    plan_buf_free(&file);
}

size_t cli_baseline_suppressed(const cli_baseline *b)
{
    return b->suppressed;
}

size_t cli_baseline_gone(const cli_baseline *b)
{
    size_t gone = 0;
    for (size_t i = 0; i < b->known.cap; i++) {
        const char *k = b->known.keys[i];
        if (!k || b->known.vals[i])
            continue;
        /* Only the files checked now: the others were not looked at. */
        char *file = plan_xstrdup(k);
        *strchr(file, '\t') = '\0';
        if (smap_has(&b->checked, file))
            gone++;
        free(file);
    }
    return gone;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (!c)
        c = strcmp(a->rule, b->rule);
    if (!c)
        c = strcmp(a->fp, b->fp);
    if (!c)
        c = (a->occ > b->occ) - (a->occ < b->occ);
    return c;
}

int cli_baseline_write(cli_baseline *b, const char *path)
{
    qsort(b->rec, b->nrec, sizeof *b->rec, cmp_entry);
    plan_buf out = PLAN_BUF_INIT;
    plan_buf_puts(&out, BASELINE_MAGIC "\n"
                        "# Findings accepted by 'plan check --write-baseline'; "
                        "'plan check --baseline FILE' reports only the others.\n"
                        "# file\trule\tfingerprint\toccurrence (docs/config.md)\n");
    for (size_t i = 0; i < b->nrec; i++)
        plan_buf_printf(&out, "%s\t%s\t%s\t%d\n", b->rec[i].file, b->rec[i].rule,
                        b->rec[i].fp, b->rec[i].occ);
    int rc = plan_write_atomic(path, plan_buf_cstr(&out), out.len);
    plan_buf_free(&out);
    return rc;
}

void cli_baseline_free(cli_baseline *b)
{
    if (!b)
        return;
    smap_free(&b->known);
    smap_free(&b->counts);
    smap_free(&b->checked);
    for (size_t i = 0; i < b->nrec; i++)
        free(b->rec[i].file);
    free(b->rec);
    free(b->cached_name);
    plan_source_free(b->cached);
    free(b);
}
