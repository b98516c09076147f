/*
 * markdown.c - the plan as readable Markdown (STEM.md): the same parts in
 * the same order as the printed document (header, KẾ HOẠCH and trích yếu,
 * căn cứ, the numbered body, closing, signature, Nơi nhận), with the
 * normalized section numbers. Each paragraph is one line, so a diff of two
 * versions of a plan shows the paragraphs that changed.
 */
#include <string.h>

#include "put.h"

typedef struct md {
    plan_buf *b;
    const plan_block *lead_in; /* a heading-less section whose number opens the next block */
} md;

static void para(md *m, const char *text)
{
    plan_esc_md(m->b, text, 1);
    plan_put_str(m->b, "\n\n");
}

/* A line ending in a hard break ("\" then newline). */
static void hard_line(plan_buf *b, const char *text, int bold, int italic)
{
    const char *mark = bold ? "**" : italic ? "*" : "";
    plan_put_str(b, mark);
    plan_esc_md(b, text, !*mark);
    plan_put_str(b, mark);
    plan_put_mem(b, "\\\n", 2);
}

static void end_lines(plan_buf *b)
{
    /* The last line of a group needs no hard break. */
    if (b->len >= 2 && b->data[b->len - 2] == '\\') {
        b->data[b->len - 2] = '\n';
        b->len--;
        b->data[b->len] = '\0';
    }
    plan_put_chr(b, '\n');
}

/* "**" and the number of a heading-less section (which has one: that is
 * why it is a lead-in), then end. */
static void bold_number(plan_buf *b, const plan_block *s, const char *end)
{
    plan_put_mem(b, "**", 2);
    plan_put_str(b, s->normalized ? s->normalized : s->number.s);
    plan_put_str(b, end);
}

/* The number of a heading-less section, bold, before the block's text. */
static void number_lead_in(md *m, int *at_start)
{
    if (!m->lead_in)
        return;
    bold_number(m->b, m->lead_in, "** ");
    m->lead_in = NULL;
    *at_start = 0;
}

/* "- text"; after a heading-less section's number the dash is dropped, as
 * a khoản opens with its text ("**1.** Triển khai …"), and the paragraph
 * ends there. */
static void bullet(md *m, const char *text)
{
    int start = 1;
    if (m->lead_in) {
        number_lead_in(m, &start);
        plan_esc_md(m->b, text, 0);
        plan_put_str(m->b, "\n\n");
        return;
    }
    plan_put_str(m->b, "- ");
    plan_esc_md(m->b, text, 1);
    plan_put_chr(m->b, '\n');
}

static int is_bullet(const plan_block *b)
{
    return b && (b->kind == PLAN_B_ITEM || b->kind == PLAN_B_TARGET ||
                 b->kind == PLAN_B_CRITERION);
}

/* Bullets are grouped into one list: a blank line only after the last. */
static void after_bullets(md *m, const plan_block *b)
{
    if (!is_bullet(b->next) && m->b->len && m->b->data[m->b->len - 1] == '\n' &&
        !(m->b->len >= 2 && m->b->data[m->b->len - 2] == '\n'))
        plan_put_chr(m->b, '\n');
}

static void section_begin(void *ctx, const plan_block *b, int depth)
{
    md *m = ctx;
    const char *num = b->normalized ? b->normalized : b->number.s;
    if (m->lead_in) {
        /* A heading-less section holding only sections: its number alone. */
        bold_number(m->b, m->lead_in, "**\n\n");
        m->lead_in = NULL;
    }
    if (b->section->heading.s) {
        int level = depth + 1 > 6 ? 6 : depth + 1;
        for (int i = 0; i < level; i++)
            plan_put_chr(m->b, '#');
        plan_put_chr(m->b, ' ');
        if (num) {
            plan_put_str(m->b, num);
            plan_put_chr(m->b, ' ');
        }
        plan_esc_md(m->b, b->section->heading.s, !num);
        plan_put_str(m->b, "\n\n");
    } else if (num) {
        m->lead_in = b;
    }
}

static void section_end(void *ctx, const plan_block *b, int depth)
{
    md *m = ctx;
    (void)depth;
    if (m->lead_in == b) {
        /* An empty section: still show its number. */
        bold_number(m->b, b, "**\n\n");
        m->lead_in = NULL;
    }
}

static void block(void *ctx, const plan_block *b, int depth)
{
    md *m = ctx;
    plan_buf tmp = PLAN_BUF_INIT;
    int start = 1;
    (void)depth;
    switch (b->kind) {
    case PLAN_B_P:
        number_lead_in(m, &start);
        plan_esc_md(m->b, b->text.s ? b->text.s : "", start);
        plan_put_str(m->b, "\n\n");
        break;
    case PLAN_B_INDICATOR:
        /* A chỉ tiêu is a sentence of the text, not a list item. */
        number_lead_in(m, &start);
        plan_esc_md(m->b, b->text.s ? b->text.s : "", start);
        plan_put_str(m->b, "\n\n");
        break;
    case PLAN_B_ITEM:
    case PLAN_B_TARGET:
    case PLAN_B_CRITERION:
        bullet(m, b->text.s ? b->text.s : "");
        after_bullets(m, b);
        break;
    case PLAN_B_AWARD: {
        /* The award as a paragraph, its standards and timing as the list
         * under it: a list of lists would not survive CommonMark's rules
         * for sibling lists. */
        const plan_award *a = b->award;
        number_lead_in(m, &start);
        plan_award_line(a, &tmp);
        plan_esc_md(m->b, plan_buf_cstr(&tmp), start);
        plan_put_str(m->b, "\n\n");
        for (const plan_textlist *s = a->standards; s; s = s->next) {
            plan_put_str(m->b, "- ");
            plan_esc_md(m->b, s->t.s ? s->t.s : "", 1);
            plan_put_chr(m->b, '\n');
        }
        if (a->timing.s) {
            plan_put_str(m->b, "- Thời gian khen thưởng: ");
            plan_esc_md(m->b, a->timing.s, 0);
            plan_put_chr(m->b, '\n');
        }
        if (a->standards || a->timing.s)
            plan_put_chr(m->b, '\n');
        break;
    }
    case PLAN_B_PERIOD:
        number_lead_in(m, &start);
        if (b->period->p.s) {
            plan_esc_md(m->b, b->period->p.s, start);
        } else {
            plan_period_line(b->period, &tmp);
            plan_esc_md(m->b, plan_buf_cstr(&tmp), start);
        }
        plan_put_str(m->b, "\n\n");
        break;
    case PLAN_B_DEADLINE: {
        const plan_deadline *dl = b->deadline;
        number_lead_in(m, &start);
        if (dl->p.s) {
            plan_esc_md(m->b, dl->p.s, start);
        } else {
            plan_deadline_line(dl, &tmp);
            plan_esc_md(m->b, plan_buf_cstr(&tmp), start);
        }
        plan_put_str(m->b, "\n\n");
        for (const plan_dossier_item *i = dl->items; i; i = i->next) {
            plan_put_str(m->b, "- ");
            plan_esc_md(m->b, i->text.s ? i->text.s : "", 1);
            plan_put_chr(m->b, '\n');
        }
        if (dl->items)
            plan_put_chr(m->b, '\n');
        break;
    }
    case PLAN_B_ASSIGNMENT: {
        if (m->lead_in) {
            bold_number(m->b, m->lead_in, "**\n\n");
            m->lead_in = NULL;
        }
        plan_assignment_head(b, &tmp);
        plan_put_str(m->b, "**");
        plan_esc_md(m->b, plan_buf_cstr(&tmp), 0);
        plan_put_str(m->b, "**\n\n");
        for (const plan_task *t = b->assignment->tasks; t; t = t->next) {
            plan_put_str(m->b, "- ");
            plan_esc_md(m->b, t->text.s ? t->text.s : "", 1);
            plan_put_chr(m->b, '\n');
        }
        if (b->assignment->tasks)
            plan_put_chr(m->b, '\n');
        break;
    }
    case PLAN_B_SECTION:
        break;
    }
    plan_buf_free(&tmp);
}

void plan_emit_markdown(const plan_doc *d, plan_buf *out)
{
    const plan_header *h = &d->header;
    plan_buf tmp = PLAN_BUF_INIT;
    md m = {out, NULL};

    /* The issuer's column, then the Quốc hiệu's column. */
    if (h->parent_body.s)
        hard_line(out, h->parent_body.s, 0, 0);
    if (h->issuer.s)
        hard_line(out, h->issuer.s, 1, 0);
    plan_number_line(d, &tmp);
    hard_line(out, plan_buf_cstr(&tmp), 0, 0);
    end_lines(out);
    if (h->national_name.s)
        hard_line(out, h->national_name.s, 1, 0);
    if (h->motto.s)
        hard_line(out, h->motto.s, 1, 0);
    plan_buf_reset(&tmp);
    plan_place_date(d, &tmp);
    hard_line(out, plan_buf_cstr(&tmp), 0, 1);
    end_lines(out);

    plan_put_str(out, "# ");
    plan_esc_md(out, h->doc_type.s ? h->doc_type.s : "KẾ HOẠCH", 0);
    plan_put_str(out, "\n\n");
    if (h->subject.s) {
        plan_put_str(out, "**");
        plan_esc_md(out, h->subject.s, 0);
        plan_put_str(out, "**\n\n");
    }
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        para(&m, t->t.s ? t->t.s : "");
    if (!plan_theme_in_basis(d)) {
        plan_put_str(out, "Chủ đề: “");
        plan_esc_md(out, h->theme.s, 0);
        plan_put_str(out, "”\n\n");
    }

    static const plan_visitor v = {section_begin, section_end, block};
    plan_walk(d->body, &v, &m);

    for (const plan_textlist *t = d->closing; t; t = t->next)
        para(&m, t->t.s ? t->t.s : "");

    if (d->has_signature) {
        for (const plan_textlist *t = d->capacities; t; t = t->next)
            hard_line(out, t->t.s ? t->t.s : "", 1, 0);
        if (d->sign_title.s)
            hard_line(out, d->sign_title.s, 1, 0);
        end_lines(out);
        if (d->sign_name.s) {
            plan_put_str(out, "**");
            plan_esc_md(out, d->sign_name.s, 0);
            plan_put_str(out, "**\n\n");
        }
    }
    if (d->has_recipients) {
        plan_put_str(out, "***Nơi nhận:***\n\n");
        for (const plan_textlist *t = d->recipients; t; t = t->next) {
            plan_put_str(out, "- ");
            plan_esc_md(out, t->t.s ? t->t.s : "", 1);
            if (t->note) {
                plan_put_str(out, " (");
                plan_esc_md(out, t->note, 0);
                plan_put_chr(out, ')');
            }
            plan_put_str(out, ";\n");
        }
        if (d->archive.s) {
            plan_put_str(out, "- ");
            plan_esc_md(out, d->archive.s, 1);
            plan_put_chr(out, '\n');
        }
        plan_put_chr(out, '\n');
    }
    /* One trailing newline. */
    while (out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
    plan_buf_free(&tmp);
}
