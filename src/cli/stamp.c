/*
 * stamp.c - the keys and the .plan-stamps file of stamp.h.
 *
 * The file is text, one "KEY STEM" line per plan sorted by stem, after a
 * comment line; it is rewritten (atomically) only when a key changed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/stamp.h"
#include "plan/fsio.h"
#include "plan/util.h"

#ifndef PLAN_VERSION
#define PLAN_VERSION "0.1.0"
#endif

/* Hashes the file at path (read in blocks); returns 0 or -errno. */
static int hash_file(const char *path, uint64_t *h)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -errno;
    char buf[65536];
    ssize_t k;
    while ((k = read(fd, buf, sizeof buf)) > 0)
        *h = plan_hash64_quick(buf, (size_t)k, *h);
    int e = k < 0 ? errno : 0;
    close(fd);
    return -e;
}

int cli_stamp_input_stat(const char *path, cli_stamp_input *in)
{
    memset(in, 0, sizeof *in);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    in->size = (long long)st.st_size;
    in->mtime_sec = (long long)st.st_mtim.tv_sec;
    in->mtime_nsec = (long long)st.st_mtim.tv_nsec;
    return 0;
}

void cli_stamp_input_text(cli_stamp_input *in, const char *text, size_t len)
{
    in->content = plan_hash64_quick(text, len, PLAN_HASH64_INIT);
    in->ok = 1;
}

void cli_stamp_input_of(const char *path, cli_stamp_input *in)
{
    if (cli_stamp_input_stat(path, in) != 0)
        return;
    uint64_t h = PLAN_HASH64_INIT;
    if (hash_file(path, &h) != 0)
        return;
    in->content = h;
    in->ok = 1;
}

uint64_t cli_stamp_mix(uint64_t h, const cli_stamp_input *in)
{
    long long v[4] = {(long long)in->content, in->size, in->mtime_sec, in->mtime_nsec};
    return plan_hash64(v, sizeof v, h);
}

uint64_t cli_stamp_base(uint64_t options)
{
    uint64_t h = plan_hash64(PLAN_VERSION, sizeof PLAN_VERSION, PLAN_HASH64_INIT);
    /* The program's own bytes: a rebuilt plan (new rules, new emitters)
     * recompiles everything, even at the same version number. */
    if (hash_file("/proc/self/exe", &h) != 0)
        h = plan_hash64("no-exe", 6, h);
    return plan_hash64(&options, sizeof options, h);
}

typedef struct entry {
    char *stem;
    uint64_t key;
} entry;

struct cli_stamps {
    entry *v;
    size_t n, cap;
    int changed;
};

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const entry *)x)->stem, ((const entry *)y)->stem);
}

/* The index of the first entry whose stem is not below stem (s->n when
 * none): where stem is, or where it goes to keep the table sorted. */
static size_t lower_bound(const cli_stamps *s, const char *stem)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(s->v[mid].stem, stem) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static entry *find(const cli_stamps *s, const char *stem)
{
    size_t i = lower_bound(s, stem);
    return i < s->n && strcmp(s->v[i].stem, stem) == 0 ? &s->v[i] : NULL;
}

static char *stamps_path(const char *dir)
{
    size_t n = strlen(dir) + sizeof CLI_STAMPS_FILE + 2;
    char *p = plan_xmalloc(n);
    snprintf(p, n, "%s/%s", dir, CLI_STAMPS_FILE);
    return p;
}

cli_stamps *cli_stamps_read(const char *dir)
{
    cli_stamps *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    char *path = stamps_path(dir);
    FILE *f = fopen(path, "re");
    free(path);
    if (!f)
        return s;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *end;
        if (line[0] == '#')
            continue;
        unsigned long long key = strtoull(line, &end, 16);
        if (end == line || *end != ' ')
            continue; /* not ours: ignored, and dropped when written back */
        char *stem = end + 1;
        stem[strcspn(stem, "\n")] = '\0';
        if (!*stem || key == 0)
            continue;
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->v = plan_xrealloc(s->v, s->cap * sizeof *s->v);
        }
        s->v[s->n].stem = plan_xstrdup(stem);
        s->v[s->n++].key = (uint64_t)key;
    }
    fclose(f);
    qsort(s->v, s->n, sizeof *s->v, cmp_entry);
    return s;
}

uint64_t cli_stamps_get(const cli_stamps *s, const char *stem)
{
    const entry *e = find(s, stem);
    return e ? e->key : 0;
}

void cli_stamps_set(cli_stamps *s, const char *stem, uint64_t key)
{
    size_t i = lower_bound(s, stem);
    if (i < s->n && strcmp(s->v[i].stem, stem) == 0) {
        if (s->v[i].key != key)
            s->changed = 1;
        s->v[i].key = key; /* 0: dropped when written */
        return;
    }
    if (!key)
        return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = plan_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    /* Inserted in its place: the table stays sorted without a sort per
     * plan (inputs mostly come in order, so mostly at the end). */
    memmove(s->v + i + 1, s->v + i, (s->n - i) * sizeof *s->v);
    s->v[i].stem = plan_xstrdup(stem);
    s->v[i].key = key;
    s->n++;
    s->changed = 1;
}

int cli_stamps_write(cli_stamps *s, const char *dir)
{
    if (!s->changed)
        return 0;
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_puts(&b, "# plan compile: what each output was made from; "
                      "delete this file to compile everything again\n");
    for (size_t i = 0; i < s->n; i++) {
        if (!s->v[i].key)
            continue;
        char hex[17];
        plan_hash64_hex(s->v[i].key, hex);
        plan_buf_printf(&b, "%s %s\n", hex, s->v[i].stem);
    }
    char *path = stamps_path(dir);
    int rc = plan_write_atomic(path, b.data, b.len);
    free(path);
    plan_buf_free(&b);
    if (!rc)
        s->changed = 0;
    return rc;
}

void cli_stamps_free(cli_stamps *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].stem);
    free(s->v);
    free(s);
}
