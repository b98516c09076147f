/*
 * checklist_ics.c - the checklist as an iCalendar object (RFC 5545): one
 * VTODO per obligation, so that each office sees in its calendar program
 * what it must do and by when.
 *
 * Determinism: the UID comes from the plan and the obligation (see
 * checklist.c), DTSTAMP is the plan's own date (19700101T000000Z when it
 * has none), never the clock. Offices have no e-mail addresses, so their
 * calendar addresses are URNs: urn:x-plan:office:SLUG (the office's name
 * without a trailing parenthesis, accent-free), with the name in CN. The
 * issuer is the ORGANIZER; the lead offices are ATTENDEEs with ROLE=CHAIR,
 * the coordinating ones REQ-PARTICIPANT, the office the result goes to
 * NON-PARTICIPANT (it is informed, it does not act). Lines end in CRLF and
 * are folded at 75 octets without splitting a UTF-8 character.
 */
#include <stdio.h>
#include <string.h>

#include "plan/emit.h"

typedef struct ics {
    plan_buf *out;
    plan_buf line;
} ics;

static void flush(ics *w)
{
    plan_ics_line(w->out, w->line.data ? w->line.data : "", w->line.len);
    plan_buf_reset(&w->line);
}

static void prop_text(ics *w, const char *name, const char *value)
{
    plan_buf_puts(&w->line, name);
    plan_buf_putc(&w->line, ':');
    plan_esc_ics_text(&w->line, value);
    flush(w);
}

static void prop_raw(ics *w, const char *name, const char *value)
{
    plan_buf_puts(&w->line, name);
    plan_buf_putc(&w->line, ':');
    plan_buf_puts(&w->line, value);
    flush(w);
}

/* name;CUTYPE=GROUP;ROLE=…;CN="…":urn:x-plan:office:slug */
static void address(ics *w, const char *prop, const char *role, const char *office)
{
    plan_buf_puts(&w->line, prop);
    if (role)
    {
        plan_buf_puts(&w->line, ";CUTYPE=GROUP;ROLE=");
        plan_buf_puts(&w->line, role);
    }
    plan_buf_puts(&w->line, ";CN=");
    plan_esc_ics_param(&w->line, office);
    plan_buf_puts(&w->line, ":urn:x-plan:office:");
    plan_office_slug(office, &w->line);
    flush(w);
}

/* 1 when office (a name from plan_checklist_offices) leads or coordinates o. */
static int concerns(const plan_obligation *o, const char *office)
{
    for (size_t i = 0; i < o->nlead; i++)
        if (plan_checklist_office_is(o->lead[i], office))
            return 1;
    for (size_t i = 0; i < o->ncoordinate; i++)
        if (plan_checklist_office_is(o->coordinate[i], office))
            return 1;
    return 0;
}

static void join(plan_buf *b, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        plan_buf_printf(b, "%s%s", i ? "; " : "", v[i]);
}

static void description(const plan_checklist *c, const plan_obligation *o, plan_buf *b)
{
    if (o->due.y) {
        plan_buf_puts(b, "Hạn: ");
        plan_date_vi(o->due, b);
        if (o->due_text)
            plan_buf_printf(b, " (ghi trong kế hoạch: %s)", o->due_text);
    } else if (o->due_text) {
        plan_buf_printf(b, "Không có thời hạn cố định (ghi trong kế hoạch: %s).", o->due_text);
    } else {
        plan_buf_puts(b, "Không có thời hạn cố định: kế hoạch không ghi thời hạn.");
    }
    plan_buf_printf(b, "\nLoại: %s", plan_ob_kind_label(o->kind));
    if (o->nlead) {
        plan_buf_puts(b, "\nChủ trì: ");
        join(b, o->lead, o->nlead);
    }
    if (o->ncoordinate) {
        plan_buf_puts(b, "\nPhối hợp: ");
        join(b, o->coordinate, o->ncoordinate);
    }
    if (o->to)
        plan_buf_printf(b, "\nGửi đến: %s", o->to);
    plan_buf_puts(b, "\nNguồn: ");
    if (o->section)
        plan_buf_printf(b, "mục %s, ", o->section);
    plan_buf_printf(b, "dòng %u", o->line);
    if (c->file)
        plan_buf_printf(b, " (%s)", c->file);
    plan_buf_putc(b, '\n');
    plan_checklist_title(c, b);
    if (c->doc->header.subject.s)
        plan_buf_printf(b, ": %s", c->doc->header.subject.s);
}

void plan_emit_checklist_ics(const plan_checklist *c, const char *office, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    ics w = {out, PLAN_BUF_INIT};
    char stamp[32] = "19700101T000000Z";
    if (h->date.prec != PLAN_PREC_NONE && plan_date_valid(h->date.lo))
        snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", h->date.lo.y, h->date.lo.m,
                 h->date.lo.d);
    plan_buf title = PLAN_BUF_INIT, tmp = PLAN_BUF_INIT;
    plan_checklist_title(c, &title);
    if (office)
        plan_buf_printf(&title, " – %s", office);

    prop_raw(&w, "BEGIN", "VCALENDAR");
    prop_raw(&w, "VERSION", "2.0");
    prop_raw(&w, "PRODID", "-//plan//Ke hoach thi dua//VI");
    prop_raw(&w, "CALSCALE", "GREGORIAN");
    prop_text(&w, "NAME", plan_buf_cstr(&title));
    prop_text(&w, "X-WR-CALNAME", plan_buf_cstr(&title));
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        if (office && !concerns(o, office))
            continue;
        prop_raw(&w, "BEGIN", "VTODO");
        prop_text(&w, "UID", o->uid);
        prop_raw(&w, "DTSTAMP", stamp);
        if (o->due.y) {
            plan_buf_printf(&w.line, "DUE;VALUE=DATE:%04d%02d%02d", o->due.y, o->due.m,
                            o->due.d);
            flush(&w);
        }
        prop_text(&w, "SUMMARY", o->what);
        plan_buf_reset(&tmp);
        description(c, o, &tmp);
        prop_text(&w, "DESCRIPTION", plan_buf_cstr(&tmp));
        if (h->issuer.s) {
            address(&w, "ORGANIZER", NULL, h->issuer.s);
        } else {
            plan_buf_puts(&w.line, "ORGANIZER;CN=");
            plan_esc_ics_param(&w.line, plan_buf_cstr(&title));
            plan_buf_printf(&w.line, ":urn:x-plan:plan:%s", c->plan_id);
            flush(&w);
        }
        /* Each office once, with its first role: lead, coordinate, to. */
        const char *seen[64];
        size_t nseen = 0;
        for (size_t j = 0; j < o->nlead + o->ncoordinate + (o->to != NULL); j++) {
            const char *name, *role;
            if (j < o->nlead) {
                name = o->lead[j];
                role = "CHAIR";
            } else if (j < o->nlead + o->ncoordinate) {
                name = o->coordinate[j - o->nlead];
                role = "REQ-PARTICIPANT";
            } else {
                name = o->to;
                role = "NON-PARTICIPANT";
            }
            int dup = 0;
            for (size_t k = 0; k < nseen && !dup; k++)
                dup = plan_checklist_office_is(name, seen[k]);
            if (dup)
                continue;
            if (nseen < sizeof seen / sizeof *seen)
                seen[nseen++] = name;
            address(&w, "ATTENDEE", role, name);
        }
        plan_buf_reset(&tmp);
        plan_esc_ics_text(&tmp, plan_ob_kind_name(o->kind));
        plan_buf_putc(&tmp, ',');
        plan_esc_ics_text(&tmp, plan_ob_kind_label(o->kind));
        prop_raw(&w, "CATEGORIES", plan_buf_cstr(&tmp));
        plan_buf_printf(&w.line, "RELATED-TO;RELTYPE=PARENT:plan@%s", c->plan_id);
        flush(&w);
        prop_raw(&w, "STATUS", "NEEDS-ACTION");
        prop_raw(&w, "END", "VTODO");
    }
    prop_raw(&w, "END", "VCALENDAR");
    plan_buf_free(&w.line);
    plan_buf_free(&title);
    plan_buf_free(&tmp);
}
