/*
 * text.c - the check of catalogue/text.def: TEXT-MISENCODED, runs of text in
 * TCVN3 or VNI that were shown as Windows-1252 and saved as Unicode. The
 * runs are found in the loaded text, markup included (attribute values
 * too), by src/load/misenc.c, the same code `plan fix-encoding` repairs
 * with, so a repaired file checks clean.
 */
#include <stdlib.h>
#include <string.h>

#include "load/legacy.h"
#include "plan/i18n.h"
#include "plan/validate.h"

/* s[0..n) on one line for a message: white space folded, at most 60
 * characters and then "…". Caller frees. */
static char *quote(const char *s, size_t n)
{
    plan_buf b = PLAN_BUF_INIT;
    size_t chars = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if ((c & 0xC0) != 0x80) {
            if (chars + space >= 60) {
                plan_buf_puts(&b, "…");
                break;
            }
            if (space && b.len) {
                plan_buf_putc(&b, ' ');
                chars++;
            }
            space = 0;
            chars++;
        }
        plan_buf_putc(&b, (char)c);
    }
    return b.data ? b.data : plan_xstrdup("");
}

void plan_check_text(plan_check *c)
{
    const plan_source *src = c->doc->src;
    if (!src)
        return;
    plan_misenc *v = NULL;
    size_t n = plan_misenc_find(src->text, src->len, &v);
    for (size_t i = 0; i < n; i++) {
        char *was = quote(src->text + v[i].off, v[i].len);
        char *fixed = quote(v[i].fixed, v[i].fixed_len);
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_TEXT_MISENCODED, plan_source_pos(src, v[i].off),
            _("text in %s shown as Windows-1252: \"%s\" is likely \"%s\""),
            plan_legacy_name(v[i].enc), was, fixed);
        plan_diag_note(g, _("repair it in place with: plan fix-encoding %s (--dry-run shows "
                            "the change first)"),
                       c->doc->file);
        free(was);
        free(fixed);
    }
    plan_misenc_free(v, n);
}
