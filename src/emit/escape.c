/*
 * escape.c - the one escaping module every renderer uses: XML and HTML,
 * JSON, Markdown, CSV and iCalendar (text, parameters, line folding).
 */
#include <stdio.h>
#include <string.h>

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

void plan_json_str(plan_buf *b, const char *s)
{
    if (!s) {
        plan_buf_puts(b, "null");
        return;
    }
    plan_buf_putc(b, '"');
    plan_esc_json(b, s);
    plan_buf_putc(b, '"');
}

/* CommonMark lets a backslash escape any ASCII punctuation; only the
 * characters that can change the meaning of inline text are escaped, so
 * that the Markdown stays readable as plain text. */
void plan_esc_md(plan_buf *b, const char *s, int at_line_start)
{
    const char *p = s;
    if (at_line_start) {
        /* Block starters: heading, list, quote, rule, setext underline,
         * ordered list "12." or "12)". */
        if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=') {
            plan_buf_putc(b, '\\');
            plan_buf_putc(b, *p++);
        } else if (*p >= '0' && *p <= '9') {
            const char *q = p;
            while (*q >= '0' && *q <= '9')
                q++;
            if (q - p <= 9 && (*q == '.' || *q == ')')) {
                plan_buf_append(b, p, (size_t)(q - p));
                plan_buf_putc(b, '\\');
                plan_buf_putc(b, *q);
                p = q + 1;
            }
        }
    }
    for (; *p; p++) {
        switch (*p) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<':
        case '>': case '|': case '~': case '&':
            plan_buf_putc(b, '\\');
            plan_buf_putc(b, *p);
            break;
        case '\n': case '\r': case '\t':
            plan_buf_putc(b, ' ');
            break;
        default:
            plan_buf_putc(b, *p);
        }
    }
}

void plan_esc_csv(plan_buf *b, const char *s)
{
    if (!s)
        return;
    int quote = *s == '=' || *s == '+' || *s == '@' || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        plan_buf_putc(b, '"');
    if (*s == '=' || *s == '+' || *s == '@')
        plan_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            plan_buf_putc(b, '"');
        plan_buf_putc(b, *s);
    }
    if (quote)
        plan_buf_putc(b, '"');
}

void plan_esc_ics_text(plan_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': plan_buf_puts(b, "\\\\"); break;
        case ';': plan_buf_puts(b, "\\;"); break;
        case ',': plan_buf_puts(b, "\\,"); break;
        case '\n': plan_buf_puts(b, "\\n"); break;
        case '\r': break;
        default:
            /* Other control characters are not allowed in TEXT. */
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                plan_buf_putc(b, *s);
            else if (*s == '\t')
                plan_buf_putc(b, ' ');
        }
    }
}

void plan_esc_ics_param(plan_buf *b, const char *s)
{
    plan_buf_putc(b, '"');
    for (; *s; s++) {
        switch (*s) {
        case '"': plan_buf_puts(b, "^'"); break;
        case '^': plan_buf_puts(b, "^^"); break;
        case '\n': plan_buf_puts(b, "^n"); break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                plan_buf_putc(b, *s);
        }
    }
    plan_buf_putc(b, '"');
}

void plan_ics_line(plan_buf *b, const char *line, size_t n)
{
    /* The first physical line holds 75 octets; each continuation starts
     * with a space and holds 74 more. A cut never falls before a UTF-8
     * continuation byte (10xxxxxx). */
    size_t i = 0, room = 75;
    while (n - i > room) {
        size_t cut = i + room;
        while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
            cut--;
        plan_buf_append(b, line + i, cut - i);
        plan_buf_puts(b, "\r\n ");
        i = cut;
        room = 74;
    }
    plan_buf_append(b, line + i, n - i);
    plan_buf_puts(b, "\r\n");
}
