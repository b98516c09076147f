/*
 * faultfs.c - a test shim, loaded with LD_PRELOAD by tests/cli/hostile.sh,
 * that makes a directory behave like a full disk: calls on files under it
 * fail with ENOSPC once a number of bytes has been written there. Real file
 * systems report a full disk at write(), or only at fsync(), syncfs() or
 * close() (NFS, delayed allocation); FAULTFS_OP chooses which. Files
 * elsewhere, and every call on them, are untouched.
 *
 * Environment, read by this shim only:
 *   FAULTFS_DIR    the directory (absolute, symbolic links resolved); unset:
 *                  the shim does nothing
 *   FAULTFS_BYTES  bytes that fit before the disk is full (default 0)
 *   FAULTFS_OP     write (default): a write beyond the room writes what fits
 *                  and the next one fails, as on a real disk; fsync or close:
 *                  writes succeed, and fsync (or syncfs) or close of a file
 *                  under the directory (or of the directory itself, for
 *                  syncfs) fails once more than the room has been written
 *   FAULTFS_TMPFILE 0: open(O_TMPFILE) in the directory fails with
 *                  EOPNOTSUPP, as on a file system without unnamed files
 *                  (NFS among them). It always does with FAULTFS_OP=close:
 *                  the file systems whose close() reports a full disk are
 *                  such file systems (ext4, xfs, btrfs and tmpfs, which
 *                  have O_TMPFILE, report it at write or fsync)
 *
 * Build: cc -shared -fPIC -o faultfs.so faultfs.c -ldl -lpthread
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OP_WRITE, OP_FSYNC, OP_CLOSE };

static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_syncfs)(int);
static int (*real_close)(int);
static int (*real_open)(const char *, int, ...);
static int no_tmpfile;
static const char *dir;
static size_t dirlen;
static long long room;  /* bytes that still fit (may go negative: fsync/close modes) */
static int op;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    real_syncfs = (int (*)(int))dlsym(RTLD_NEXT, "syncfs");
    real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
    real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    const char *t = getenv("FAULTFS_TMPFILE");
    const char *d = getenv("FAULTFS_DIR");
    const char *b = getenv("FAULTFS_BYTES");
    const char *o = getenv("FAULTFS_OP");
    room = b ? atoll(b) : 0;
    op = o && strcmp(o, "fsync") == 0 ? OP_FSYNC : o && strcmp(o, "close") == 0 ? OP_CLOSE
                                                                                   : OP_WRITE;
    no_tmpfile = op == OP_CLOSE || (t && strcmp(t, "0") == 0);
    if (d && *d) {
        dirlen = strlen(d);
        while (dirlen > 1 && d[dirlen - 1] == '/')
            dirlen--;
        dir = d;
    }
}

static void setup(void)
{
    pthread_once(&once, init);
}

/* 1 when fd is a file under FAULTFS_DIR (or, with self, the directory
 * itself). */
static int under_or(int fd, int self)
{
    if (!dir || fd < 0)
        return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = '\0';
    if (strncmp(path, dir, dirlen) != 0)
        return 0;
    return (self && (size_t)n == dirlen) || ((size_t)n > dirlen && path[dirlen] == '/');
}

static int under(int fd)
{
    return under_or(fd, 0);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    setup();
    if (count == 0 || !under(fd))
        return real_write(fd, buf, count);
    if (op != OP_WRITE) {
        __atomic_sub_fetch(&room, (long long)count, __ATOMIC_SEQ_CST);
        return real_write(fd, buf, count);
    }
    /* Take what fits of the room left, atomically (plan may write from
     * several threads). */
    long long left = __atomic_load_n(&room, __ATOMIC_SEQ_CST), take;
    do {
        if (left <= 0) {
            errno = ENOSPC;
            return -1;
        }
        take = left < (long long)count ? left : (long long)count;
    } while (!__atomic_compare_exchange_n(&room, &left, left - take, 0, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    ssize_t w = real_write(fd, buf, (size_t)take);
    if (w >= 0 && w < take)
        __atomic_add_fetch(&room, take - w, __ATOMIC_SEQ_CST);
    return w;
}

int fsync(int fd)
{
    setup();
    if (op == OP_FSYNC && __atomic_load_n(&room, __ATOMIC_SEQ_CST) < 0 && under(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real_fsync(fd);
}

int syncfs(int fd)
{
    setup();
    if (op == OP_FSYNC && __atomic_load_n(&room, __ATOMIC_SEQ_CST) < 0 && under_or(fd, 1)) {
        errno = ENOSPC;
        return -1;
    }
    return real_syncfs(fd);
}

int close(int fd)
{
    setup();
    int fail = op == OP_CLOSE && __atomic_load_n(&room, __ATOMIC_SEQ_CST) < 0 && under(fd);
    int rc = real_close(fd); /* Linux frees the descriptor even when close fails */
    if (fail && rc == 0) {
        errno = ENOSPC;
        return -1;
    }
    return rc;
}

/* open and open64 (the same call in a 64-bit program): O_TMPFILE refused
 * in the directory when asked. */
static int open_common(const char *path, int flags, mode_t mode)
{
    setup();
    if (no_tmpfile && dir && (flags & O_TMPFILE) == O_TMPFILE && strncmp(path, dir, dirlen) == 0 &&
        (path[dirlen] == '\0' || path[dirlen] == '/')) {
        errno = EOPNOTSUPP;
        return -1;
    }
    return real_open(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return open_common(path, flags, mode);
}

int open64(const char *path, int flags, ...) __attribute__((alias("open")));
