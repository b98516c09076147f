/*
 * fsio.c - writing files so that nothing is ever half-written: an unnamed
 * (O_TMPFILE) or temporary file in the same directory, written, then linked
 * or renamed into place. On any failure the temporary is removed and the
 * target is left as it was.
 */
#define _GNU_SOURCE /* syncfs */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "plan/fsio.h"
#include "plan/util.h"

/* The temporaries being written (one per worker thread at most), so that an
 * interrupted run removes them. A slot is claimed with an atomic exchange
 * and read by the signal handler, which only calls unlink (async-signal-safe). */
enum { PENDING_SLOTS = 256 };
static char pending_tmp[PENDING_SLOTS][4096];
static volatile sig_atomic_t pending_used[PENDING_SLOTS];

/* Records tmp; returns its slot, or -1 when every slot is busy (then an
 * interruption may leave this one temporary behind). */
static int set_pending(const char *tmp)
{
    for (int i = 0; i < PENDING_SLOTS; i++) {
        if (__atomic_exchange_n(&pending_used[i], 2, __ATOMIC_ACQ_REL) != 0)
            continue; /* taken (2 = being filled, 1 = set) */
        snprintf(pending_tmp[i], sizeof pending_tmp[i], "%s", tmp);
        __atomic_store_n(&pending_used[i], 1, __ATOMIC_RELEASE);
        return i;
    }
    return -1;
}

static void clear_pending(int slot)
{
    if (slot >= 0)
        __atomic_store_n(&pending_used[slot], 0, __ATOMIC_RELEASE);
}

/* Writes in flight, and whether the process is dying of a signal. A writer
 * counts itself in before it looks at `dying`; the handler sets `dying`
 * before it looks at the count (both sequentially consistent), so every
 * write either sees `dying` and creates nothing, or is waited for. */
static int inflight;
static volatile sig_atomic_t dying;
static __thread int writing; /* this thread is inside plan_write_atomic */

static void on_signal(int sig)
{
    __atomic_store_n(&dying, 1, __ATOMIC_SEQ_CST);
    /* Let the other threads' writes end (they are short: one file each);
     * this thread's own write, if any, is abandoned and its temporary
     * removed below. */
    int self = writing;
    struct timespec ms = {0, 1000000};
    for (int spins = 0; __atomic_load_n(&inflight, __ATOMIC_SEQ_CST) > self && spins < 5000;
         spins++)
        nanosleep(&ms, NULL); /* async-signal-safe */
    for (int i = 0; i < PENDING_SLOTS; i++)
        if (pending_used[i] == 1)
            unlink(pending_tmp[i]); /* async-signal-safe */
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

static int write_atomic(const char *path, const char *data, size_t len, int sync);

static int write_counted(const char *path, const char *data, size_t len, int sync)
{
    __atomic_add_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
    writing = 1;
    int rc = __atomic_load_n(&dying, __ATOMIC_SEQ_CST) ? -EINTR
                                                        : write_atomic(path, data, len, sync);
    writing = 0;
    __atomic_sub_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
    return rc;
}

int plan_write_atomic(const char *path, const char *data, size_t len)
{
    return write_counted(path, data, len, 1);
}

int plan_write_atomic_batch(const char *path, const char *data, size_t len)
{
    return write_counted(path, data, len, 0);
}

int plan_fsio_sync(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = syncfs(fd) == 0 ? 0 : -errno;
    close(fd);
    return rc;
}

/* Writes all of data to fd. Returns 0 or an errno value. */
static int write_all(int fd, const char *data, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        off += (size_t)w;
    }
    return 0;
}

/* The process's umask, read once from /proc/self/status (umask(2) cannot
 * be read without being set, which would race with the other threads'
 * files); -1 when unknown. Outputs are made 0644 whatever it is: a file
 * created 0644 needs no fchmod when the umask clears none of those bits. */
static int umask_seen = -1;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void umask_read(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    if (!f)
        return;
    char line[256];
    unsigned m;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &m) == 1) {
            umask_seen = (int)(m & 0777);
            break;
        }
    fclose(f);
}

static int needs_fchmod(void)
{
    pthread_once(&umask_once, umask_read);
    return umask_seen < 0 || (umask_seen & 0644) != 0;
}

/* The temporary name of path: ".NAME." and six characters of suffix in
 * path's directory, as mkstemp makes it (XXXXXX to be filled). Allocated. */
static char *tmp_pattern(const char *path)
{
    size_t n = strlen(path);
    char *tmp = plan_xmalloc(n + 16);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    snprintf(tmp, n + 16, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    return tmp;
}

/* The way every file system takes: a named temporary (mkstemp), written,
 * renamed over path. */
static int write_renamed(const char *path, const char *data, size_t len, int sync)
{
    char *tmp = tmp_pattern(path);
    sigset_t all, old;
    sigfillset(&all);
    /* No signal (in this thread) between creating and recording it. */
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int fd = mkstemp(tmp);
    int slot = fd >= 0 ? set_pending(tmp) : -1;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return -e;
    }
    int err = write_all(fd, data, len);
    if (!err && fchmod(fd, 0644) != 0)
        err = errno;
    if (!err && sync && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    clear_pending(slot);
    free(tmp);
    return -err;
}

/* Links the unnamed file fd (its /proc/self/fd name, proc) to path when
 * path exists: under a temporary name first, then renamed over path, so
 * that path is the old file or the new one at every moment. Returns 0 or
 * an errno value. */
static int link_over(const char *proc, const char *path)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    static unsigned seq;
    char *tmp = tmp_pattern(path);
    char *x = tmp + strlen(tmp) - 6;
    int err = EEXIST, slot = -1;
    for (int tries = 0; tries < 100 && err == EEXIST; tries++) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        unsigned v = (unsigned)ts.tv_nsec * 2654435761u ^ (unsigned)getpid() ^
                     __atomic_add_fetch(&seq, 0x9E3779B9u, __ATOMIC_RELAXED);
        for (int i = 0; i < 6; i++, v /= 36)
            x[i] = digits[v % 36];
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old);
        err = linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
        if (!err)
            slot = set_pending(tmp);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    if (!err && rename(tmp, path) != 0) {
        err = errno;
        unlink(tmp);
    }
    clear_pending(slot);
    free(tmp);
    return err;
}

/* The way of file systems with O_TMPFILE (ext4, xfs, btrfs, tmpfs): an
 * unnamed file in path's directory, written, then given its name with one
 * linkat. A new output costs no temporary name to create, look up and
 * remove; an interrupted write leaves nothing behind (the kernel frees an
 * unnamed file when it is closed). Returns 1 when this way is not
 * available here (the caller then takes write_renamed), else 0 or -errno. */
static int write_linked(const char *path, const char *data, size_t len, int sync)
{
    char *dir = plan_path_dir(path);
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    free(dir);
    if (fd < 0)
        return 1; /* no O_TMPFILE here, or no such directory: write_renamed says which */
    int err = write_all(fd, data, len);
    if (!err && needs_fchmod() && fchmod(fd, 0644) != 0)
        err = errno;
    if (!err && sync && fsync(fd) != 0)
        err = errno;
    if (err) {
        close(fd);
        return -err;
    }
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    err = linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
    if (err == EEXIST)
        err = link_over(proc, path);
    if (close(fd) != 0 && !err)
        err = errno; /* the file is in place already; not seen on these file systems */
    /* No /proc to name the file by (ENOENT), no hard links on this file
     * system (EPERM, EOPNOTSUPP): the named temporary; it says as well
     * when the directory itself is gone. */
    if (err == ENOENT || err == EPERM || err == EXDEV || err == EOPNOTSUPP)
        return 1;
    return -err;
}

static int write_atomic(const char *path, const char *data, size_t len, int sync)
{
    int rc = write_linked(path, data, len, sync);
    return rc == 1 ? write_renamed(path, data, len, sync) : rc;
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

char *plan_path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return plan_xstrdup(".");
    if (slash == path)
        return plan_xstrdup("/");
    char *r = plan_xmalloc((size_t)(slash - path) + 1);
    memcpy(r, path, (size_t)(slash - path));
    r[slash - path] = '\0';
    return r;
}
