/*
 * fsio.c - writing files so that nothing is ever half-written: a temporary
 * file in the same directory, written, flushed to disk, then renamed over
 * the target. On any failure the temporary is removed and the target is
 * left as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan/fsio.h"
#include "plan/util.h"

/* The temporary being written, so that an interrupted run removes it. */
static char pending_tmp[4096];
static volatile sig_atomic_t pending_set;

static void set_pending(const char *tmp)
{
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    if (tmp) {
        snprintf(pending_tmp, sizeof pending_tmp, "%s", tmp);
        pending_set = 1;
    } else {
        pending_set = 0;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void on_signal(int sig)
{
    if (pending_set)
        unlink(pending_tmp); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);              /* die of the signal: the shell sees 128 + sig */
}

void plan_fsio_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

int plan_write_atomic(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path);
    char *tmp = plan_xmalloc(n + 16);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    snprintf(tmp, n + 16, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old); /* no signal between creating and recording it */
    int fd = mkstemp(tmp);
    if (fd >= 0)
        set_pending(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return -e;
    }
    size_t off = 0;
    int err = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        off += (size_t)w;
    }
    if (!err && fchmod(fd, 0644) != 0)
        err = errno;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    set_pending(NULL);
    free(tmp);
    return -err;
}

int plan_mkdir_p(const char *dir)
{
    char *p = plan_xstrdup(dir);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] == '/' || p[i] == '\0') {
            char c = p[i];
            p[i] = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                return -e;
            }
            struct stat st;
            if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
                free(p);
                return -ENOTDIR;
            }
            p[i] = c;
        }
    }
    free(p);
    return 0;
}
