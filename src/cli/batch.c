/*
 * batch.c - the ordered parallel loop of batch.h on POSIX threads.
 *
 * Workers take the next index from a shared counter, but never more than
 * WINDOW items ahead of the one the calling thread is waiting for; the
 * calling thread waits for item i, runs done(i), then moves on. Signals
 * are blocked in the workers so that SIGINT and SIGTERM are handled on the
 * calling thread (src/util/fsio.c removes pending temporaries there).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/batch.h"
#include "plan/util.h"

typedef struct pool {
    size_t n, next, waiting_for, window;
    unsigned char *finished;
    cli_batch_fn work;
    void *ctx;
    pthread_mutex_t mu;
    pthread_cond_t cond;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (1) {
        while (p->next < p->n && p->next >= p->waiting_for + p->window)
            pthread_cond_wait(&p->cond, &p->mu);
        if (p->next >= p->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->finished[i] = 1;
        pthread_cond_broadcast(&p->cond);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

size_t cli_batch_window(int jobs)
{
    return (size_t)(jobs < 1 ? 1 : jobs) * 4;
}

int cli_batch_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static void run_serial(size_t n, cli_batch_fn work, cli_batch_fn done, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        work(ctx, i);
        done(ctx, i);
    }
}

int cli_batch_run(size_t n, int jobs, cli_batch_fn work, cli_batch_fn done, void *ctx)
{
    if (jobs > (int)n)
        jobs = (int)n;
    if (jobs <= 1) {
        run_serial(n, work, done, ctx);
        return 0;
    }
    pool p = {.n = n, .window = cli_batch_window(jobs), .work = work, .ctx = ctx};
    p.finished = calloc(n, 1);
    if (!p.finished) {
        run_serial(n, work, done, ctx);
        return ENOMEM;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cond, NULL);
    pthread_t *t = plan_xmalloc(sizeof *t * (size_t)jobs);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old); /* the workers inherit the mask */
    int started = 0, err = 0;
    for (; started < jobs; started++) {
        err = pthread_create(&t[started], NULL, worker, &p);
        if (err)
            break;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (started == 0) { /* no thread at all: do the work here */
        free(t);
        free(p.finished);
        pthread_cond_destroy(&p.cond);
        pthread_mutex_destroy(&p.mu);
        run_serial(n, work, done, ctx);
        return err;
    }
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.finished[i])
            pthread_cond_wait(&p.cond, &p.mu);
        pthread_mutex_unlock(&p.mu);
        done(ctx, i);
        pthread_mutex_lock(&p.mu);
        p.waiting_for = i + 1;
        pthread_cond_broadcast(&p.cond);
        pthread_mutex_unlock(&p.mu);
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
    free(p.finished);
    pthread_cond_destroy(&p.cond);
    pthread_mutex_destroy(&p.mu);
    return 0;
}
