/*
 * escape.c - the one escaping module every renderer uses.
 */
#include <stdio.h>

#include "plan/emit.h"

static void esc(plan_buf *b, const char *s, int attr)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        default: break;
        }
        if (rep) {
            plan_buf_append(b, run, (size_t)(s - run));
            plan_buf_puts(b, rep);
            run = s + 1;
        }
    }
    plan_buf_append(b, run, (size_t)(s - run));
}

void plan_esc_xml(plan_buf *b, const char *s)
{
    esc(b, s, 0);
}

void plan_esc_xml_attr(plan_buf *b, const char *s)
{
    esc(b, s, 1);
}

void plan_esc_json(plan_buf *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\' || c < 0x20) {
            plan_buf_append(b, run, (size_t)(s - run));
            switch (c) {
            case '"': plan_buf_puts(b, "\\\""); break;
            case '\\': plan_buf_puts(b, "\\\\"); break;
            case '\n': plan_buf_puts(b, "\\n"); break;
            case '\t': plan_buf_puts(b, "\\t"); break;
            case '\r': plan_buf_puts(b, "\\r"); break;
            default: plan_buf_printf(b, "\\u%04x", c); break;
            }
            run = s + 1;
        }
    }
    plan_buf_append(b, run, (size_t)(s - run));
}
