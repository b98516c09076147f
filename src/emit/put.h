/*
 * put.h - what the renderers of src/emit use instead of printf for numbers
 * and dates (common.c). Internal to src/emit (and its unit tests): printf
 * parses its format on every call, and the renderers write a number or a
 * date in most lines they make.
 */
#ifndef PLAN_EMIT_PUT_H
#define PLAN_EMIT_PUT_H

#include <string.h>

#include "plan/emit.h"

/* plan_buf_append, plan_buf_puts and plan_buf_putc with their common case
 * inline: when the buffer has room for the bytes and the NUL, copy them
 * there (what plan_buf_putc does in src/util/mem.c); otherwise the call,
 * which grows it. The renderers append many thousands of short pieces per
 * plan. The buffer's contract is the same: data holds cap bytes, data[len]
 * is the NUL once anything was appended (cap is 0 before: the call). */
static inline void plan_put_mem(plan_buf *b, const char *s, size_t n)
{
    if (n < b->cap - b->len) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        plan_buf_append(b, s, n);
    }
}

static inline void plan_put_str(plan_buf *b, const char *s)
{
    plan_put_mem(b, s, strlen(s));
}

static inline void plan_put_chr(plan_buf *b, char c)
{
    if (1 < b->cap - b->len) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        plan_buf_append(b, &c, 1);
    }
}

/* Room for n more bytes and the NUL at the end of b: where they go. The
 * caller writes them and sets b->len (plan_put_end). The common case
 * inline; plan_put_grow (common.c) makes the room otherwise. */
void plan_put_grow(plan_buf *b, size_t n);

static inline char *plan_put_room(plan_buf *b, size_t n)
{
    if (n >= b->cap - b->len)
        plan_put_grow(b, n);
    return b->data + b->len;
}

/* The end of what was written from plan_put_room: p is one past the last
 * byte (within the room). */
static inline void plan_put_end(plan_buf *b, char *p)
{
    b->len = (size_t)(p - b->data);
    *p = '\0';
}

/* The index of the first byte of s[0..n) that JSON escapes (a control
 * character, '"' or '\\'), or n (escape.c). */
size_t plan_json_span(const char *s, size_t n);

/* The n names of v appended to b, joined with "; " (the checklists' lists
 * of offices). */
void plan_put_names(plan_buf *b, const char *const *v, size_t n);

/* Room for any number plan_fmt_* writes, with its NUL. */
#define PLAN_FMT_MAX 24

/* v in decimal, at least width characters with zeros after the sign (as
 * printf's "%0*lld"/"%0*llu"; a width over 20 counts as 20), into dst of
 * PLAN_FMT_MAX bytes; NUL-terminated; returns the length. */
size_t plan_fmt_i(char *dst, long long v, int width);
size_t plan_fmt_u(char *dst, unsigned long long v, int width);

/* The same, appended to b. */
void plan_put_i(plan_buf *b, long long v, int width);
void plan_put_u(plan_buf *b, unsigned long long v, int width);

/* An office name once prepared for comparisons (checklist.c): its slug,
 * and its core name's two keys (plan_name_key with and without accents),
 * made by the first plan_office_id_same that needs them (so not const).
 * plan_office_id_same(a, b) is plan_checklist_office_is(a->name, b->name),
 * without building the keys again for each pair. */
typedef struct plan_office_id {
    const char *name; /* borrowed */
    char *key_acc;    /* plan_name_key(core, 1), or NULL: not made yet */
    char *key;        /* plan_name_key(core, 0), or NULL: not made yet */
    char *slug;       /* plan_office_slug(name) */
} plan_office_id;

void plan_office_id_init(plan_office_id *id, const char *name);
int plan_office_id_same(plan_office_id *a, plan_office_id *b);
void plan_office_id_free(plan_office_id *id);

#endif
