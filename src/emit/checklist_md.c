/*
 * checklist_md.c - the checklist as Markdown (STEM.checklist.md): a title
 * naming the plan, then one table row per obligation in the checklist's
 * order (date, then office in Vietnamese order), for the clerk to print or
 * paste. Obligations without a fixed date are at the end, marked.
 */
#include "put.h"

static void cell(plan_buf *b, const char *s)
{
    plan_put_str(b, " ");
    if (s && *s)
        plan_esc_md(b, s, 0);
    plan_put_str(b, " |");
}

/* The names joined with "; ", as one cell; tmp is the caller's scratch. */
static void cell_list(plan_buf *b, const char *const *v, size_t n, plan_buf *tmp)
{
    plan_buf_reset(tmp);
    plan_put_names(tmp, v, n);
    cell(b, plan_buf_cstr(tmp));
}

void plan_emit_checklist_md(const plan_checklist *c, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    plan_buf t = PLAN_BUF_INIT;
    plan_checklist_title(c, &t);
    plan_put_str(out, "# Danh mục nhiệm vụ và thời hạn\n\n");
    plan_esc_md(out, plan_buf_cstr(&t), 1);
    if (h->subject.s) {
        plan_put_str(out, ": ");
        plan_esc_md(out, h->subject.s, 0);
    }
    plan_put_str(out, "\n\n");
    size_t undated = 0;
    for (size_t i = 0; i < c->n; i++)
        undated += c->v[i].due.y == 0;
    plan_put_u(out, c->n, 0);
    plan_put_str(out, " nhiệm vụ");
    if (undated) {
        plan_put_str(out, ", trong đó ");
        plan_put_u(out, undated, 0);
        plan_put_str(out, " không có thời hạn cố định");
    }
    plan_put_str(out, "; xếp theo thời hạn, rồi theo đơn vị chủ trì.\n\n");
    if (c->n) {
        plan_put_str(out, "| Hạn | Ghi trong kế hoạch | Loại | Nội dung | Chủ trì | Phối hợp "
                           "| Gửi đến | Nguồn |\n");
        plan_put_str(out, "|---|---|---|---|---|---|---|---|\n");
    }
    plan_buf d = PLAN_BUF_INIT;
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        plan_put_mem(out, "| ", 2);
        if (o->due.y)
            plan_date_vi(o->due, out);
        else
            plan_put_str(out, "*không cố định*");
        plan_put_mem(out, " |", 2);
        cell(out, o->due_text);
        cell(out, plan_ob_kind_label(o->kind));
        cell(out, o->what);
        cell_list(out, o->lead, o->nlead, &d);
        cell_list(out, o->coordinate, o->ncoordinate, &d);
        cell(out, o->to);
        plan_buf_reset(&d);
        if (o->section) {
            plan_put_str(&d, "mục ");
            plan_put_str(&d, o->section);
            plan_put_mem(&d, ", ", 2);
        }
        plan_put_str(&d, "dòng ");
        plan_put_u(&d, o->line, 0);
        cell(out, plan_buf_cstr(&d));
        plan_put_chr(out, '\n');
    }
    plan_buf_free(&d);
    plan_buf_free(&t);
}
