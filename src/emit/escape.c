/*
 * escape.c - the one escaping module every renderer uses: XML and HTML,
 * JSON, Markdown, CSV and iCalendar (text, parameters, line folding).
 */
#include <stdio.h>
#include <string.h>

#include "plan/emit.h"

/* Each escaper copies the runs of bytes that need nothing in one append,
 * finding the next special byte with strcspn: output is most of the time of
 * compile, and these are its inner loops. */

/* The control characters U+0001..U+001F, for the sets below. */
#define CONTROLS                                                                         \
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15" \
    "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"

static void esc(plan_buf *b, const char *s, int attr)
{
    const char *set = attr ? "&<>\"" : "&<>";
    for (;;) {
        size_t n = strcspn(s, set);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
        switch (*s++) {
        case '&': plan_buf_append(b, "&amp;", 5); break;
        case '<': plan_buf_append(b, "&lt;", 4); break;
        case '>': plan_buf_append(b, "&gt;", 4); break;
        default: plan_buf_append(b, "&quot;", 6); break;
        }
    }
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
    for (;;) {
        size_t n = strcspn(s, "\"\\" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
        unsigned char c = (unsigned char)*s++;
        switch (c) {
        case '"': plan_buf_puts(b, "\\\""); break;
        case '\\': plan_buf_puts(b, "\\\\"); break;
        case '\n': plan_buf_puts(b, "\\n"); break;
        case '\t': plan_buf_puts(b, "\\t"); break;
        case '\r': plan_buf_puts(b, "\\r"); break;
        default: plan_buf_printf(b, "\\u%04x", c); break;
        }
    }
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
    for (;;) {
        size_t n = strcspn(p, "\\`*_[]<>|~&\n\r\t");
        plan_buf_append(b, p, n);
        p += n;
        if (!*p)
            break;
        char c = *p++;
        if (c == '\n' || c == '\r' || c == '\t') {
            plan_buf_putc(b, ' ');
        } else {
            char e[2] = {'\\', c};
            plan_buf_append(b, e, 2);
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
    for (;;) { /* a quote is doubled */
        const char *q = strchr(s, '"');
        size_t n = q ? (size_t)(q - s) + 1 : strlen(s);
        plan_buf_append(b, s, n);
        if (!q)
            break;
        plan_buf_putc(b, '"');
        s = q + 1;
    }
    if (quote)
        plan_buf_putc(b, '"');
}

void plan_esc_ics_text(plan_buf *b, const char *s)
{
    for (; *s; s++) {
        size_t n = strcspn(s, "\\;,\x7f" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
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
        size_t n = strcspn(s, "\"^\x7f" CONTROLS);
        plan_buf_append(b, s, n);
        s += n;
        if (!*s)
            break;
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
