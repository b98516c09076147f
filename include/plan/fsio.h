/*
 * fsio.h - file writing that never leaves a half-written output.
 */
#ifndef PLAN_FSIO_H
#define PLAN_FSIO_H

#include <stddef.h>

/* Writes data to path through a temporary file in the same directory,
 * fsync and rename. Returns 0 or -errno; on failure path is untouched and
 * no temporary remains. */
int plan_write_atomic(const char *path, const char *data, size_t len);
/* The same without the fsync of each file, for a batch of outputs: the
 * file is still whole or absent after an interruption (the rename is
 * atomic); the caller makes the batch durable once with plan_fsio_sync. */
int plan_write_atomic_batch(const char *path, const char *data, size_t len);
/* Flushes the file system holding dir to disk (syncfs). Returns 0 or -errno. */
int plan_fsio_sync(const char *dir);
/* Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary
 * file being written, if any, then let the signal end the process (exit
 * status 128 + signal). Outputs already renamed into place stay whole. */
void plan_fsio_catch_signals(void);
/* Creates dir and its parents (mode 0755). Returns 0 or -errno (-ENOTDIR
 * when a component exists and is not a directory). */
int plan_mkdir_p(const char *dir);
/* The folder part of path: "." for a bare name, "/" for a file at the root.
 * Caller frees. */
char *plan_path_dir(const char *path);

#endif
