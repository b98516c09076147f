/*
 * checklist_json.c - the checklist as JSON (`plan checklist --format=json`):
 * the plan it comes from, then one object per obligation with every key
 * always present (null when absent), in the checklist's order. The shape
 * is docs/json.md and schema/checklist.schema.json.
 */
#include "put.h"

static void strs(plan_buf *b, const char *const *v, size_t n)
{
    plan_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            plan_buf_puts(b, ", ");
        plan_json_str(b, v[i]);
    }
    plan_buf_putc(b, ']');
}

void plan_emit_checklist_json(const plan_checklist *c, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    char iso[16] = "";
    if (h->date.prec != PLAN_PREC_NONE)
        plan_fmt_iso(h->date.lo, iso);
    plan_buf title = PLAN_BUF_INIT;
    plan_checklist_title(c, &title);
    plan_buf_puts(out, "{\n  \"format\": \"urn:x-plan:checklist:1\",\n  \"plan\": {\n");
    plan_buf_puts(out, "    \"id\": ");
    plan_json_str(out, c->plan_id);
    plan_buf_puts(out, ",\n    \"uid\": ");
    plan_buf_puts(out, "\"plan@");
    plan_buf_puts(out, c->plan_id);
    plan_buf_putc(out, '"');
    plan_buf_puts(out, ",\n    \"file\": ");
    plan_json_str(out, c->file);
    plan_buf_puts(out, ",\n    \"title\": ");
    plan_json_str(out, plan_buf_cstr(&title));
    plan_buf_puts(out, ",\n    \"number\": ");
    plan_json_str(out, h->number.text.s);
    plan_buf_puts(out, ",\n    \"date\": ");
    plan_json_str(out, *iso ? iso : NULL);
    plan_buf_puts(out, ",\n    \"issuer\": ");
    plan_json_str(out, h->issuer.s);
    plan_buf_puts(out, ",\n    \"subject\": ");
    plan_json_str(out, h->subject.s);
    plan_buf_puts(out, "\n  },\n  \"obligations\": [");
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        char due[16] = "";
        if (o->due.y)
            plan_fmt_iso(o->due, due);
        plan_buf_puts(out, i ? ",\n    {\n" : "\n    {\n");
        plan_buf_puts(out, "      \"uid\": ");
        plan_json_str(out, o->uid);
        plan_buf_puts(out, ",\n      \"due\": ");
        plan_json_str(out, *due ? due : NULL);
        plan_buf_puts(out, ",\n      \"due_text\": ");
        plan_json_str(out, o->due_text);
        plan_buf_puts(out, ",\n      \"precision\": \"");
        plan_buf_puts(out, plan_precision_name(o->prec));
        plan_buf_puts(out, o->due.y ? "\",\n      \"fixed\": true" : "\",\n      \"fixed\": false");
        plan_buf_puts(out, ",\n      \"kind\": \"");
        plan_buf_puts(out, plan_ob_kind_name(o->kind));
        plan_buf_putc(out, '"');
        plan_buf_puts(out, ",\n      \"kind_label\": ");
        plan_json_str(out, plan_ob_kind_label(o->kind));
        plan_buf_puts(out, ",\n      \"what\": ");
        plan_json_str(out, o->what);
        plan_buf_puts(out, ",\n      \"lead\": ");
        strs(out, o->lead, o->nlead);
        plan_buf_puts(out, ",\n      \"coordinate\": ");
        strs(out, o->coordinate, o->ncoordinate);
        plan_buf_puts(out, ",\n      \"to\": ");
        plan_json_str(out, o->to);
        plan_buf_puts(out, ",\n      \"section\": ");
        plan_json_str(out, o->section);
        plan_buf_puts(out, ",\n      \"line\": ");
        plan_put_u(out, o->line, 0);
        plan_buf_puts(out, "\n    }");
    }
    plan_buf_puts(out, c->n ? "\n  ]\n}\n" : "]\n}\n");
    plan_buf_free(&title);
}
