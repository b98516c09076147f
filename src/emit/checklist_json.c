/*
 * checklist_json.c - the checklist as JSON (`plan checklist --format=json`):
 * the plan it comes from, then one object per obligation with every key
 * always present (null when absent), in the checklist's order. The shape
 * is docs/json.md and schema/checklist.schema.json.
 */
#include "put.h"

static void strs(plan_buf *b, const char *const *v, size_t n)
{
    plan_put_chr(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            plan_put_str(b, ", ");
        plan_json_str(b, v[i]);
    }
    plan_put_chr(b, ']');
}

void plan_emit_checklist_json(const plan_checklist *c, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    char iso[16] = "";
    if (h->date.prec != PLAN_PREC_NONE)
        plan_date_iso(h->date.lo, iso);
    plan_buf title = PLAN_BUF_INIT;
    plan_checklist_title(c, &title);
    plan_put_str(out, "{\n  \"format\": \"urn:x-plan:checklist:1\",\n  \"plan\": {\n");
    plan_put_str(out, "    \"id\": ");
    plan_json_str(out, c->plan_id);
    plan_put_str(out, ",\n    \"uid\": ");
    plan_put_str(out, "\"plan@");
    plan_put_str(out, c->plan_id);
    plan_put_chr(out, '"');
    plan_put_str(out, ",\n    \"file\": ");
    plan_json_str(out, c->file);
    plan_put_str(out, ",\n    \"title\": ");
    plan_json_str(out, plan_buf_cstr(&title));
    plan_put_str(out, ",\n    \"number\": ");
    plan_json_str(out, h->number.text.s);
    plan_put_str(out, ",\n    \"date\": ");
    plan_json_str(out, *iso ? iso : NULL);
    plan_put_str(out, ",\n    \"issuer\": ");
    plan_json_str(out, h->issuer.s);
    plan_put_str(out, ",\n    \"subject\": ");
    plan_json_str(out, h->subject.s);
    plan_put_str(out, "\n  },\n  \"obligations\": [");
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        char due[16] = "";
        if (o->due.y)
            plan_date_iso(o->due, due);
        plan_put_str(out, i ? ",\n    {\n" : "\n    {\n");
        plan_put_str(out, "      \"uid\": ");
        plan_json_str(out, o->uid);
        plan_put_str(out, ",\n      \"due\": ");
        plan_json_str(out, *due ? due : NULL);
        plan_put_str(out, ",\n      \"due_text\": ");
        plan_json_str(out, o->due_text);
        plan_put_str(out, ",\n      \"precision\": \"");
        plan_put_str(out, plan_precision_name(o->prec));
        plan_put_str(out, o->due.y ? "\",\n      \"fixed\": true" : "\",\n      \"fixed\": false");
        plan_put_str(out, ",\n      \"kind\": \"");
        plan_put_str(out, plan_ob_kind_name(o->kind));
        plan_put_chr(out, '"');
        plan_put_str(out, ",\n      \"kind_label\": ");
        plan_json_str(out, plan_ob_kind_label(o->kind));
        plan_put_str(out, ",\n      \"what\": ");
        plan_json_str(out, o->what);
        plan_put_str(out, ",\n      \"lead\": ");
        strs(out, o->lead, o->nlead);
        plan_put_str(out, ",\n      \"coordinate\": ");
        strs(out, o->coordinate, o->ncoordinate);
        plan_put_str(out, ",\n      \"to\": ");
        plan_json_str(out, o->to);
        plan_put_str(out, ",\n      \"section\": ");
        plan_json_str(out, o->section);
        plan_put_str(out, ",\n      \"line\": ");
        plan_put_u(out, o->line, 0);
        plan_put_str(out, "\n    }");
    }
    plan_put_str(out, c->n ? "\n  ]\n}\n" : "]\n}\n");
    plan_buf_free(&title);
}
