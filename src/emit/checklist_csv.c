/*
 * checklist_csv.c - the checklist as CSV (STEM.checklist.csv): RFC 4180
 * (comma, fields quoted when needed, CRLF), UTF-8 with a byte-order mark
 * because spreadsheet programs read a CSV without one in the legacy code
 * page and mangle every Vietnamese letter. One row per obligation, in the
 * checklist's order; the columns are documented in docs/json.md.
 */
#include "put.h"

static void field(plan_buf *b, const char *s, int last)
{
    plan_esc_csv(b, s ? s : "");
    plan_put_str(b, last ? "\r\n" : ",");
}

/* The names joined with "; ", as one field; tmp is the caller's scratch. */
static void list(plan_buf *b, const char *const *v, size_t n, plan_buf *tmp)
{
    plan_buf_reset(tmp);
    plan_put_names(tmp, v, n);
    field(b, plan_buf_cstr(tmp), 0);
}

void plan_emit_checklist_csv(const plan_checklist *c, plan_buf *out)
{
    static const char *const head[] = {
        "Hạn", "Ghi trong kế hoạch", "Có thời hạn cố định", "Loại", "Mã loại", "Nội dung",
        "Chủ trì", "Phối hợp", "Gửi đến", "Mục", "Dòng", "UID"};
    plan_buf tmp = PLAN_BUF_INIT;
    plan_put_str(out, "\xEF\xBB\xBF");
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        field(out, head[i], i + 1 == sizeof head / sizeof *head);
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        char iso[16] = "";
        if (o->due.y)
            plan_date_iso(o->due, iso);
        char line[PLAN_FMT_MAX];
        plan_fmt_u(line, o->line, 0);
        field(out, iso, 0);
        field(out, o->due_text, 0);
        field(out, o->due.y ? "có" : "không", 0);
        field(out, plan_ob_kind_label(o->kind), 0);
        field(out, plan_ob_kind_name(o->kind), 0);
        field(out, o->what, 0);
        list(out, o->lead, o->nlead, &tmp);
        list(out, o->coordinate, o->ncoordinate, &tmp);
        field(out, o->to, 0);
        field(out, o->section, 0);
        field(out, line, 0);
        field(out, o->uid, 1);
    }
    plan_buf_free(&tmp);
}
