/*
 * common.c - what the renderers share besides escaping: the walker over
 * the body tree, the section path of a block ("IV.2.1.a)"), Vietnamese
 * dates as NĐ 30/2020 writes them, and the file-name slug of a name.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/emit.h"

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
     * array would still need a bound: grow it. */
    const plan_block **v = NULL;
    size_t n = 0, cap = 0;
    for (const plan_block *p = b; p; p = p->parent) {
        if (!p->normalized || !*p->normalized)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            v = plan_xrealloc(v, cap * sizeof *v);
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
        plan_buf_puts(out, num);
        last = num;
    }
    free(v);
}

void plan_date_vi(plan_date d, plan_buf *out)
{
    plan_buf_printf(out, "%02d/%02d/%04d", d.d, d.m, d.y);
}

void plan_date_vi_long(plan_date d, plan_buf *out)
{
    plan_buf_printf(out, d.d < 10 ? "ngày %02d" : "ngày %d", d.d);
    plan_buf_printf(out, d.m <= 2 ? " tháng %02d" : " tháng %d", d.m);
    plan_buf_printf(out, " năm %d", d.y);
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
                plan_buf_putc(out, '-');
            hyphen = 0;
            plan_buf_putc(out, (char)c);
        } else if (c >= 'A' && c <= 'Z') {
            if (hyphen && out->len > start)
                plan_buf_putc(out, '-');
            hyphen = 0;
            plan_buf_putc(out, (char)(c - 'A' + 'a'));
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
    if (h->place.s)
        plan_buf_printf(out, "%s, ", h->place.s);
    if (h->date.prec != PLAN_PREC_NONE && plan_date_valid(h->date.lo))
        plan_date_vi_long(h->date.lo, out);
    else if (h->date.text.s)
        plan_buf_puts(out, h->date.text.s);
    else
        plan_buf_puts(out, "ngày … tháng … năm …");
}

void plan_number_line(const plan_doc *d, plan_buf *out)
{
    const plan_header *h = &d->header;
    if (h->number.text.s)
        plan_buf_printf(out, "Số: %s", h->number.text.s);
    else if (h->issuer_abbr)
        plan_buf_printf(out, "Số: …/KH-%s", h->issuer_abbr);
    else
        plan_buf_puts(out, "Số: …");
}

void plan_for_words(unsigned mask, plan_buf *out)
{
    static const char *const w[] = {"tập thể", "cá nhân", "hộ gia đình"};
    int first = 1;
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i)) {
            plan_buf_printf(out, "%s%s", first ? "" : ", ", w[i]);
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
    plan_buf_printf(out, "%s %s", a->mode == PLAN_AWARD_PROPOSE ? "Đề nghị tặng" : "Tặng",
                    a->name.s ? a->name.s : "");
    int open = 0;
    if (a->authority.s) {
        plan_buf_printf(out, " (thẩm quyền: %s", a->authority.s);
        open = 1;
    }
    if (a->quotas) {
        plan_buf_puts(out, open ? "; số lượng: " : " (số lượng: ");
        open = 1;
        for (const plan_quota *q = a->quotas; q; q = q->next) {
            plan_buf_printf(out, "%s%s", q == a->quotas ? "" : ", ", q->text.s ? q->text.s : "");
            if (q->for_mask) {
                plan_buf_putc(out, ' ');
                plan_for_words(q->for_mask, out);
            }
        }
    }
    plan_buf_puts(out, open ? ")." : ".");
}

void plan_deadline_line(const plan_deadline *dl, plan_buf *out)
{
    plan_buf_puts(out, dl->what.s ? dl->what.s : "");
    if (dl->from.s)
        plan_buf_printf(out, " của %s", dl->from.s);
    if (dl->to.s)
        plan_buf_printf(out, " gửi về %s", dl->to.s);
    if (dl->due.text.s)
        plan_buf_printf(out, ", thời hạn: %s", dl->due.text.s);
    plan_buf_putc(out, '.');
}

void plan_period_line(const plan_period *p, plan_buf *out)
{
    plan_buf_puts(out, "Thời gian thi đua:");
    if (p->start.text.s)
        plan_buf_printf(out, " từ %s", p->start.text.s);
    if (p->end.text.s)
        plan_buf_printf(out, " đến %s", p->end.text.s);
    plan_buf_putc(out, '.');
}

void plan_assignment_head(const plan_block *b, plan_buf *out)
{
    const plan_assignment *as = b->assignment;
    const char *num = b->normalized ? b->normalized : b->number.s;
    if (num)
        plan_buf_printf(out, "%s ", num);
    if (as->mode == PLAN_ASSIGN_REQUEST)
        plan_buf_puts(out, "Đề nghị ");
    for (const plan_textlist *l = as->offices; l; l = l->next)
        plan_buf_printf(out, "%s%s", l == as->offices ? "" : "; ", l->t.s ? l->t.s : "");
    plan_buf_putc(out, ':');
}
