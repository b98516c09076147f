/*
 * common.c - what the renderers share besides escaping: the walker over
 * the body tree, the section path of a block ("IV.2.1.a)"), Vietnamese
 * dates as NĐ 30/2020 writes them, and the file-name slug of a name.
 */
#include <stdlib.h>
#include <string.h>

#include "put.h"

/* ---- numbers and dates without printf (put.h) ---- */

size_t plan_fmt_u(char *dst, unsigned long long v, int width)
{
    size_t nd = 1; /* digits */
    for (unsigned long long t = v; t >= 10; t /= 10)
        nd++;
    size_t n = width > 20 ? 20 : width > 0 ? (size_t)width : 0; /* 20 digits fit */
    if (n < nd)
        n = nd;
    char *p = dst + n;
    *p = '\0';
    do /* from the last digit back, then the zeros */
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    while (p > dst)
        *--p = '0';
    return n;
}

size_t plan_fmt_i(char *dst, long long v, int width)
{
    if (v >= 0)
        return plan_fmt_u(dst, (unsigned long long)v, width);
    /* The sign counts in the width, the zeros come after it: -005. */
    dst[0] = '-';
    return 1 + plan_fmt_u(dst + 1, 0ULL - (unsigned long long)v, (width > 20 ? 20 : width) - 1);
}

void plan_put_u(plan_buf *b, unsigned long long v, int width)
{
    char tmp[PLAN_FMT_MAX];
    plan_put_mem(b, tmp, plan_fmt_u(tmp, v, width));
}

void plan_put_grow(plan_buf *b, size_t n)
{
    /* plan_buf_append grows the buffer (util/mem.c); what it copies is
     * taken back. */
    static const char zeros[256];
    size_t len = b->len;
    while (n >= b->cap - len)
        plan_buf_append(b, zeros, n < sizeof zeros ? n : sizeof zeros);
    b->len = len;
    b->data[len] = '\0';
}

void plan_put_names(plan_buf *b, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            plan_put_mem(b, "; ", 2);
        plan_put_str(b, v[i]);
    }
}

void plan_put_i(plan_buf *b, long long v, int width)
{
    char tmp[PLAN_FMT_MAX];
    plan_put_mem(b, tmp, plan_fmt_i(tmp, v, width));
}

static void walk(const plan_block *first, const plan_visitor *v, void *ctx, int depth)
{
    for (const plan_block *b = first; b; b = b->next) {
        if (b->kind == PLAN_B_SECTION) {
            if (v->section_begin)
                v->section_begin(ctx, b, depth);
            walk(b->first, v, ctx, depth + 1);
            if (v->section_end)
                v->section_end(ctx, b, depth);
        } else if (v->block) {
            v->block(ctx, b, depth);
        }
    }
}

void plan_walk(const plan_block *first, const plan_visitor *v, void *ctx)
{
    walk(first, v, ctx, 1);
}

void plan_section_path(const plan_block *b, plan_buf *out)
{
    /* Collect the numbered ancestors (the block itself included), top
     * first. Depth is bounded by the parser's nesting limit, but a fixed
     * array would still need a bound: the first 16 on the stack (every
     * real plan), then grow on the heap. */
    const plan_block *local[16];
    const plan_block **v = local;
    size_t n = 0, cap = sizeof local / sizeof *local;
    for (const plan_block *p = b; p; p = p->parent) {
        if (!p->normalized || !*p->normalized)
            continue;
        if (n == cap) {
            cap *= 2;
            if (v == local) {
                v = plan_xmalloc(cap * sizeof *v);
                memcpy(v, local, sizeof local);
            } else {
                v = plan_xrealloc(v, cap * sizeof *v);
            }
        }
        v[n++] = p;
    }
    const char *last = NULL;
    for (size_t i = n; i-- > 0;) {
        const char *num = v[i]->normalized;
        /* "2.1." under "2." already says "2.": it replaces its parent. */
        if (last && v[i]->num_style == PLAN_NUM_DOTTED &&
            strncmp(num, last, strlen(last)) == 0) {
            out->len -= strlen(last);
            out->data[out->len] = '\0';
        }
        plan_put_str(out, num);
        last = num;
    }
    if (v != local)
        free(v);
}

void plan_date_vi(plan_date d, plan_buf *out)
{
    char tmp[3 * PLAN_FMT_MAX];
    size_t n = plan_fmt_i(tmp, d.d, 2);
    tmp[n++] = '/';
    n += plan_fmt_i(tmp + n, d.m, 2);
    tmp[n++] = '/';
    n += plan_fmt_i(tmp + n, d.y, 4);
    plan_put_mem(out, tmp, n);
}

void plan_date_vi_long(plan_date d, plan_buf *out)
{
    /* NĐ 30: a zero before a day under 10 and a month under 3. */
    plan_put_str(out, "ngày ");
    plan_put_i(out, d.d, d.d < 10 ? 2 : 0);
    plan_put_str(out, " tháng ");
    plan_put_i(out, d.m, d.m <= 2 ? 2 : 0);
    plan_put_str(out, " năm ");
    plan_put_i(out, d.y, 0);
}

void plan_slug(const char *s, size_t max, plan_buf *out)
{
    char *f = plan_utf8_fold_ascii(s);
    size_t start = out->len;
    int hyphen = 0;
    for (const char *p = f; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (hyphen && out->len > start)
                plan_put_chr(out, '-');
            hyphen = 0;
            plan_put_chr(out, (char)c);
        } else if (c >= 'A' && c <= 'Z') {
            if (hyphen && out->len > start)
                plan_put_chr(out, '-');
            hyphen = 0;
            plan_put_chr(out, (char)(c - 'A' + 'a'));
        } else {
            /* Anything else (space, punctuation, a letter outside ASCII
             * that has no accent-free form) separates words. */
            hyphen = 1;
        }
    }
    free(f);
    if (out->len - start > max) {
        size_t cut = start + max;
        while (cut > start && out->data[cut] != '-')
            cut--;
        if (cut == start)
            cut = start + max;
        out->len = cut;
        out->data[cut] = '\0';
    }
}

const char *plan_precision_name(plan_precision p)
{
    switch (p) {
    case PLAN_PREC_DAY: return "day";
    case PLAN_PREC_MONTH: return "month";
    case PLAN_PREC_YEAR: return "year";
    case PLAN_PREC_EVENT: return "event";
    case PLAN_PREC_ISSUE: return "issue-date";
    default: return "none";
    }
}

void plan_place_date(const plan_doc *d, plan_buf *out)
{
    const plan_header *h = &d->header;
    if (h->place.s) {
        plan_put_str(out, h->place.s);
        plan_put_mem(out, ", ", 2);
    }
    if (h->date.prec != PLAN_PREC_NONE && plan_date_valid(h->date.lo))
        plan_date_vi_long(h->date.lo, out);
    else if (h->date.text.s)
        plan_put_str(out, h->date.text.s);
    else
        plan_put_str(out, "ngày … tháng … năm …");
}

void plan_number_line(const plan_doc *d, plan_buf *out)
{
    const plan_header *h = &d->header;
    if (h->number.text.s) {
        plan_put_str(out, "Số: ");
        plan_put_str(out, h->number.text.s);
    } else if (h->issuer_abbr) {
        plan_put_str(out, "Số: …/KH-");
        plan_put_str(out, h->issuer_abbr);
    } else {
        plan_put_str(out, "Số: …");
    }
}

void plan_for_words(unsigned mask, plan_buf *out)
{
    static const char *const w[] = {"tập thể", "cá nhân", "hộ gia đình"};
    int first = 1;
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i)) {
            if (!first)
                plan_put_mem(out, ", ", 2);
            plan_put_str(out, w[i]);
            first = 0;
        }
}

int plan_theme_in_basis(const plan_doc *d)
{
    if (!d->header.theme.s)
        return 1;
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        if (t->t.s && strstr(t->t.s, d->header.theme.s))
            return 1;
    return 0;
}

void plan_award_line(const plan_award *a, plan_buf *out)
{
    plan_put_str(out, a->mode == PLAN_AWARD_PROPOSE ? "Đề nghị tặng " : "Tặng ");
    if (a->name.s)
        plan_put_str(out, a->name.s);
    int open = 0;
    if (a->authority.s) {
        plan_put_str(out, " (thẩm quyền: ");
        plan_put_str(out, a->authority.s);
        open = 1;
    }
    if (a->quotas) {
        plan_put_str(out, open ? "; số lượng: " : " (số lượng: ");
        open = 1;
        for (const plan_quota *q = a->quotas; q; q = q->next) {
            if (q != a->quotas)
                plan_put_mem(out, ", ", 2);
            if (q->text.s)
                plan_put_str(out, q->text.s);
            if (q->for_mask) {
                plan_put_chr(out, ' ');
                plan_for_words(q->for_mask, out);
            }
        }
    }
    plan_put_str(out, open ? ")." : ".");
}

void plan_deadline_line(const plan_deadline *dl, plan_buf *out)
{
    plan_put_str(out, dl->what.s ? dl->what.s : "");
    if (dl->from.s) {
        plan_put_str(out, " của ");
        plan_put_str(out, dl->from.s);
    }
    if (dl->to.s) {
        plan_put_str(out, " gửi về ");
        plan_put_str(out, dl->to.s);
    }
    if (dl->due.text.s) {
        plan_put_str(out, ", thời hạn: ");
        plan_put_str(out, dl->due.text.s);
    }
    plan_put_chr(out, '.');
}

void plan_period_line(const plan_period *p, plan_buf *out)
{
    plan_put_str(out, "Thời gian thi đua:");
    if (p->start.text.s) {
        plan_put_str(out, " từ ");
        plan_put_str(out, p->start.text.s);
    }
    if (p->end.text.s) {
        plan_put_str(out, " đến ");
        plan_put_str(out, p->end.text.s);
    }
    plan_put_chr(out, '.');
}

void plan_assignment_head(const plan_block *b, plan_buf *out)
{
    const plan_assignment *as = b->assignment;
    const char *num = b->normalized ? b->normalized : b->number.s;
    if (num) {
        plan_put_str(out, num);
        plan_put_chr(out, ' ');
    }
    if (as->mode == PLAN_ASSIGN_REQUEST)
        plan_put_str(out, "Đề nghị ");
    for (const plan_textlist *l = as->offices; l; l = l->next) {
        if (l != as->offices)
            plan_put_mem(out, "; ", 2);
        if (l->t.s)
            plan_put_str(out, l->t.s);
    }
    plan_put_chr(out, ':');
}
