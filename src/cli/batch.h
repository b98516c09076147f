/*
 * batch.h - internal to src/cli: an ordered parallel loop. work(i) runs on
 * up to `jobs` threads in any order; done(i) runs on the calling thread in
 * the order 0, 1, 2, … as soon as work(i) has finished, so that whatever
 * done prints is the same whatever the number of threads. At most a small
 * window of finished-but-not-done items is kept, so memory does not grow
 * with the number of items.
 */
#ifndef PLAN_CLI_BATCH_H
#define PLAN_CLI_BATCH_H

#include <stddef.h>

typedef void (*cli_batch_fn)(void *ctx, size_t i);

/* Runs the loop; returns 0, or an errno value when no thread could be
 * started (then everything ran on the calling thread). */
int cli_batch_run(size_t n, int jobs, cli_batch_fn work, cli_batch_fn done, void *ctx);

/* How many items may be in flight at once with `jobs` threads: work(i)
 * starts only once done(k) has run for every k <= i - window, so per-item
 * state can live in a ring of this many slots (i % window). */
size_t cli_batch_window(int jobs);

/* The number of processors online (at least 1): the default of -j. */
int cli_batch_cpus(void);

#endif
