/*
 * fixenc.c - `plan fix-encoding [--dry-run] FILE...`: repairs in place the
 * runs of text in TCVN3 or VNI shown as Windows-1252 that TEXT-MISENCODED
 * reports ("Së V¨n hãa" → "Sở Văn hóa"). The runs come from the same code
 * as the check (src/load/misenc.c); only their words change, every other
 * byte (markup, line ends, byte-order mark) stays as it was. The original
 * is kept as FILE.bak, or FILE.bak.1 … FILE.bak.99 when that exists (never
 * overwritten), and the repaired file is written atomically with the
 * original's permissions. --dry-run prints the change as a diff with line
 * numbers (the format of `diff -U0`) and writes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "load/legacy.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/util.h"

/* Reads path whole into *out. Returns 0 or an errno. */
static int read_all(const char *path, plan_buf *out, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = fstat(fd, st) != 0 ? errno
            : S_ISDIR(st->st_mode) ? EISDIR
            : !S_ISREG(st->st_mode) ? EINVAL /* "not a regular file" */
            : 0;
    if (e) {
        close(fd);
        return e;
    }
    if ((unsigned long long)st->st_size > PLAN_DEFAULT_MAX_BYTES) {
        close(fd);
        return EFBIG;
    }
    char chunk[65536];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            return e;
        }
        if (r == 0)
            break;
        plan_buf_append(out, chunk, (size_t)r);
        if (out->len > PLAN_DEFAULT_MAX_BYTES) {
            close(fd);
            return EFBIG;
        }
    }
    close(fd);
    return 0;
}

/* Line i (0-based) of b[0..n): start and length without its LF. */
static size_t line_at(const char *b, size_t n, size_t from, size_t *len)
{
    size_t e = from;
    while (e < n && b[e] != '\n')
        e++;
    *len = e - from;
    return e;
}

static void put_line(plan_buf *o, char sign, const char *s, size_t n, int last_no_lf)
{
    plan_buf_putc(o, sign);
    plan_buf_append(o, s, n);
    plan_buf_putc(o, '\n');
    if (last_no_lf)
        plan_buf_puts(o, "\\ No newline at end of file\n");
}

static void hunk(plan_buf *o, size_t first, size_t count)
{
    if (count == 1)
        plan_buf_printf(o, "@@ -%zu +%zu @@\n", first, first);
    else
        plan_buf_printf(o, "@@ -%zu,%zu +%zu,%zu @@\n", first, count, first, count);
}

/* The change from a to b (the same number of lines) as `diff -U0` prints
 * it: each run of changed lines as one hunk, old lines then new. */
static void diff(plan_buf *o, const char *name, const char *a, size_t an, const char *b,
                 size_t bn)
{
    plan_buf_printf(o, "--- %s\n+++ %s\n", name, name);
    size_t ia = 0, ib = 0, line = 1;
    size_t hstart = 0, hcount = 0, hfa = 0, hfb = 0;
    for (;;) {
        size_t la, lb;
        size_t ea = line_at(a, an, ia, &la), eb = line_at(b, bn, ib, &lb);
        int end = ia >= an && ib >= bn;
        int changed = !end && (la != lb || memcmp(a + ia, b + ib, la) != 0);
        if (changed && !hcount) {
            hstart = line;
            hfa = ia;
            hfb = ib;
        }
        if (changed) {
            hcount++;
        } else if (hcount) {
            hunk(o, hstart, hcount);
            for (int side = 0; side < 2; side++) {
                const char *t = side ? b : a;
                size_t tn = side ? bn : an, at = side ? hfb : hfa;
                for (size_t k = 0; k < hcount; k++) {
                    size_t l, e = line_at(t, tn, at, &l);
                    put_line(o, side ? '+' : '-', t + at, l, e >= tn);
                    at = e + 1;
                }
            }
            hcount = 0;
        }
        if (end)
            break;
        ia = ea + 1;
        ib = eb + 1;
        line++;
    }
}

/* Copies data to a new backup of path: path.bak, else path.bak.1 … .99.
 * Never replaces a file. Returns 0 and the name in *bak (caller frees), or
 * an errno. */
static int backup(const char *path, const char *data, size_t n, mode_t mode, char **bak)
{
    size_t cap = strlen(path) + 16;
    char *name = plan_xmalloc(cap);
    for (int i = 0; i < 100; i++) {
        if (i == 0)
            snprintf(name, cap, "%s.bak", path);
        else
            snprintf(name, cap, "%s.bak.%d", path, i);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 07777);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            int e = errno;
            free(name);
            return e;
        }
        size_t off = 0;
        int err = 0;
        while (off < n && !err) {
            ssize_t w = write(fd, data + off, n - off);
            if (w < 0 && errno != EINTR)
                err = errno;
            else if (w > 0)
                off += (size_t)w;
        }
        if (!err && fsync(fd) != 0)
            err = errno;
        if (close(fd) != 0 && !err)
            err = errno;
        if (err) {
            unlink(name);
            free(name);
            return err;
        }
        *bak = name;
        return 0;
    }
    free(name);
    return EEXIST;
}

/* Repairs one file. Returns an exit status. */
static int fix_one(const char *arg, int dry_run, int quiet)
{
    char *path = realpath(arg, NULL); /* write through a symbolic link, not over it */
    if (!path) {
        cli_syserr(arg, errno);
        return PLAN_EXIT_USAGE;
    }
    plan_buf raw = PLAN_BUF_INIT;
    struct stat st;
    memset(&st, 0, sizeof st);
    int e = read_all(path, &raw, &st);
    if (e) {
        if (e == EFBIG)
            fprintf(stderr, "plan: %s: %s: %s\n", _("error"), arg,
                    _("larger than the size limit of plan files"));
        else
            cli_syserr(arg, e);
        plan_buf_free(&raw);
        free(path);
        return PLAN_EXIT_USAGE;
    }
    /* Only UTF-8 is repaired in place: elsewhere a byte-identical rest of
     * the file cannot be promised. The loader says what the file is. */
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *src = NULL;
    int rc = PLAN_EXIT_OK;
    if (plan_load_bytes(raw.data ? raw.data : "", raw.len, arg, NULL, &d, &src) != PLAN_OK) {
        cli_opts o;
        memset(&o, 0, sizeof o);
        cli_print_gcc(stderr, &d, &o, NULL);
        rc = PLAN_EXIT_ERRORS;
    } else if (strcmp(src->encoding, "UTF-8") != 0) {
        fprintf(stderr, "plan: %s: %s: ", _("error"), arg);
        fprintf(stderr, _("the file is in %s; fix-encoding repairs UTF-8 files only: "
                          "convert it first (iconv -f %s -t UTF-8)\n"),
                src->encoding, src->encoding);
        rc = PLAN_EXIT_USAGE;
    }
    plan_diags_clear(&d);
    plan_source_free(src);
    if (rc != PLAN_EXIT_OK) {
        plan_buf_free(&raw);
        free(path);
        return rc;
    }
    size_t skip = raw.len >= 3 && memcmp(raw.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *text = raw.data + skip;
    size_t tn = raw.len - skip;
    plan_misenc *v = NULL;
    size_t nv = plan_misenc_find(text, tn, &v);
    if (!nv) {
        if (!quiet)
            fprintf(stderr, _("%s: nothing to repair\n"), arg);
        plan_buf_free(&raw);
        free(path);
        return PLAN_EXIT_OK;
    }
    plan_buf fixed = PLAN_BUF_INIT;
    plan_buf_append(&fixed, raw.data, skip);
    size_t at = 0, words = 0;
    for (size_t i = 0; i < nv; i++) {
        plan_buf_append(&fixed, text + at, v[i].off - at);
        plan_buf_append(&fixed, v[i].fixed, v[i].fixed_len);
        at = v[i].off + v[i].len;
        words += v[i].words;
    }
    plan_buf_append(&fixed, text + at, tn - at);
    plan_misenc_free(v, nv);
    /* The repair must leave nothing to repair: otherwise refuse. */
    plan_misenc *again = NULL;
    size_t left = plan_misenc_find(fixed.data + skip, fixed.len - skip, &again);
    plan_misenc_free(again, left);
    if (left || plan_utf8_valid_prefix(fixed.data, fixed.len) != fixed.len) {
        fprintf(stderr, "plan: %s: %s: %s\n", _("error"), arg,
                _("the repair is not stable; nothing was written"));
        plan_buf_free(&fixed);
        plan_buf_free(&raw);
        free(path);
        return PLAN_EXIT_USAGE;
    }
    if (dry_run) {
        plan_buf o = PLAN_BUF_INIT;
        diff(&o, arg, raw.data, raw.len, fixed.data, fixed.len);
        fwrite(o.data, 1, o.len, stdout);
        plan_buf_free(&o);
        if (!quiet)
            fprintf(stderr, _("%s: %zu run(s), %zu word(s) would be repaired; nothing "
                              "written (--dry-run)\n"),
                    arg, nv, words);
    } else {
        char *bak = NULL;
        e = backup(path, raw.data, raw.len, st.st_mode, &bak);
        if (e) {
            if (e == EEXIST)
                fprintf(stderr, "plan: %s: %s: %s\n", _("error"), arg,
                        _("no free backup name (FILE.bak to FILE.bak.99 all exist); "
                          "nothing was written"));
            else
                cli_syserr(arg, e);
            rc = PLAN_EXIT_USAGE;
        } else if ((e = -plan_write_atomic(path, fixed.data, fixed.len)) != 0) {
            cli_syserr(arg, e);
            unlink(bak);
            rc = PLAN_EXIT_USAGE;
        } else {
            if (chmod(path, st.st_mode & 07777) != 0 && !quiet)
                fprintf(stderr, "plan: %s: %s: %s\n", _("warning"), arg, strerror(errno));
            /* Name the backup as the user named the file, unless that was
             * a link (the backup is next to the file it points to). */
            struct stat ls;
            int link = lstat(arg, &ls) == 0 && S_ISLNK(ls.st_mode);
            if (!quiet)
                fprintf(stderr, _("%s: %zu run(s), %zu word(s) repaired; the original is "
                                  "in %s%s\n"),
                        arg, nv, words, link ? bak : arg, link ? "" : bak + strlen(path));
        }
        free(bak);
    }
    plan_buf_free(&fixed);
    plan_buf_free(&raw);
    free(path);
    return rc;
}

int cmd_fixenc(int argc, char **argv)
{
    int dry_run = 0, quiet = 0, nfiles = 0, only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0)
            nfiles++;
        else if (strcmp(a, "--") == 0)
            only_files = 1;
        else if (strcmp(a, "--dry-run") == 0 || strcmp(a, "-n") == 0)
            dry_run = 1;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            quiet = 1;
        else {
            cli_usage_error(_("unknown option '%s'"), a);
            return PLAN_EXIT_USAGE;
        }
    }
    if (!nfiles) {
        cli_usage_error(_("fix-encoding takes one or more plan files"));
        return PLAN_EXIT_USAGE;
    }
    int status = PLAN_EXIT_OK;
    only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (!only_files && a[0] == '-' && strcmp(a, "-") != 0)
            continue;
        int rc = fix_one(a, dry_run, quiet);
        if (rc > status)
            status = rc;
    }
    return status;
}
