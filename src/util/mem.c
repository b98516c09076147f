/*
 * mem.c - allocation that cannot fail silently, the per-document arena and
 * the growable buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/util.h"

static void oom(void)
{
    fputs("plan: fatal: out of memory\n", stderr);
    exit(2);
}

void *plan_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *plan_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *plan_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(plan_xmalloc(n), s, n);
}

/* ---- arena: a list of chunks, bump allocation inside each ---- */

typedef struct chunk {
    struct chunk *prev;
    size_t used, size;
    max_align_t data[];
} chunk;

struct plan_arena {
    chunk *top;
};

#define CHUNK_MIN ((size_t)16 * 1024)

plan_arena *plan_arena_new(void)
{
    plan_arena *a = plan_xmalloc(sizeof *a);
    a->top = NULL;
    return a;
}

void plan_arena_free(plan_arena *a)
{
    if (!a)
        return;
    chunk *c = a->top;
    while (c) {
        chunk *p = c->prev;
        free(c);
        c = p;
    }
    free(a);
}

/* n bytes at alignment al (a power of two), not cleared. A new chunk's
 * data is aligned for any type, so aligning the offset aligns the address. */
static void *take(plan_arena *a, size_t n, size_t al)
{
    size_t at = a->top ? (a->top->used + al - 1) & ~(al - 1) : 0;
    if (!a->top || at > a->top->size || a->top->size - at < n) {
        size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
        chunk *c = plan_xmalloc(sizeof *c + size);
        c->prev = a->top;
        c->used = 0;
        c->size = size;
        a->top = c;
        at = 0;
    }
    void *p = (char *)a->top->data + at;
    a->top->used = at + n;
    return p;
}

void *plan_arena_alloc(plan_arena *a, size_t n)
{
    void *p = take(a, n, _Alignof(max_align_t));
    memset(p, 0, n);
    return p;
}

char *plan_arena_strndup(plan_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1); /* a string needs no alignment nor clearing */
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *plan_arena_strdup(plan_arena *a, const char *s)
{
    return plan_arena_strndup(a, s, strlen(s));
}

char *plan_arena_printf(plan_arena *a, const char *fmt, ...)
{
    plan_buf b = PLAN_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    plan_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *r = plan_arena_strndup(a, plan_buf_cstr(&b), b.len);
    plan_buf_free(&b);
    return r;
}

/* ---- buffer ---- */

/* The slow part of grow, out of line so that the room test stays inline. */
static __attribute__((noinline)) void grow_to(plan_buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = plan_xrealloc(b->data, cap);
    b->cap = cap;
}

/* Room for extra bytes more and the NUL. */
static inline void grow(plan_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap)
        grow_to(b, extra);
}

void plan_buf_append(plan_buf *b, const char *s, size_t n)
{
    grow(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void plan_buf_puts(plan_buf *b, const char *s)
{
    plan_buf_append(b, s, strlen(s));
}

void plan_buf_putc(plan_buf *b, char c)
{
    if (b->len + 2 <= b->cap) { /* room for c and the NUL: no call */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    plan_buf_append(b, &c, 1);
}

void plan_buf_vprintf(plan_buf *b, const char *fmt, va_list ap)
{
    /* Straight into the room left when it fits; measured and again when not. */
    va_list aq;
    va_copy(aq, ap);
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, aq);
    va_end(aq);
    if (n < 0) {
        if (b->data)
            b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        grow(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void plan_buf_printf(plan_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    plan_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void plan_buf_reset(plan_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void plan_buf_free(plan_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *plan_buf_cstr(plan_buf *b)
{
    return b->data ? b->data : "";
}
