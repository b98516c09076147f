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
#include <stdlib.h>
#include <string.h>

#include "put.h"

typedef struct ics {
    plan_buf *out;
    plan_buf line;
    /* Each office named in the calendar, prepared once (keys, slug): an
     * office is an ATTENDEE or the ORGANIZER of many VTODOs. */
    plan_office_id *ids;
    size_t nids, capids;
} ics;

static void flush(ics *w)
{
    plan_ics_line(w->out, w->line.data ? w->line.data : "", w->line.len);
    plan_buf_reset(&w->line);
}

static void prop_text(ics *w, const char *name, const char *value)
{
    plan_put_str(&w->line, name);
    plan_put_chr(&w->line, ':');
    plan_esc_ics_text(&w->line, value);
    flush(w);
}

/* A line of at most 75 octets needs no folding: straight into the
 * output (what plan_ics_line does with it), in one write. */
static void prop_raw(ics *w, const char *name, const char *value)
{
    size_t nl = strlen(name), vl = strlen(value);
    if (nl + 1 + vl <= 75) {
        char *p = plan_put_room(w->out, nl + vl + 3);
        memcpy(p, name, nl);
        p += nl;
        *p++ = ':';
        memcpy(p, value, vl);
        p += vl;
        *p++ = '\r';
        *p++ = '\n';
        plan_put_end(w->out, p);
        return;
    }
    plan_put_mem(&w->line, name, nl);
    plan_put_chr(&w->line, ':');
    plan_put_mem(&w->line, value, vl);
    flush(w);
}

/* The prepared form of an office name: the same text gives the same
 * keys and slug, so the cache is by text. Returns an index (the array
 * moves as it grows). */
static size_t office_id(ics *w, const char *name)
{
    for (size_t i = 0; i < w->nids; i++)
        if (w->ids[i].name == name || strcmp(w->ids[i].name, name) == 0)
            return i;
    if (w->nids == w->capids) {
        w->capids = w->capids ? 2 * w->capids : 16;
        w->ids = plan_xrealloc(w->ids, w->capids * sizeof *w->ids);
    }
    plan_office_id_init(&w->ids[w->nids], name);
    return w->nids++;
}

/* name;CUTYPE=GROUP;ROLE=…;CN="…":urn:x-plan:office:slug */
static void address(ics *w, const char *prop, const char *role, const char *office, size_t id)
{
    plan_put_str(&w->line, prop);
    if (role)
    {
        plan_put_str(&w->line, ";CUTYPE=GROUP;ROLE=");
        plan_put_str(&w->line, role);
    }
    plan_put_str(&w->line, ";CN=");
    plan_esc_ics_param(&w->line, office);
    plan_put_str(&w->line, ":urn:x-plan:office:");
    plan_put_str(&w->line, w->ids[id].slug);
    flush(w);
}

/* 1 when office (prepared: ids[office]) leads or coordinates o. */
static int concerns(ics *w, const plan_obligation *o, size_t office)
{
    for (size_t i = 0; i < o->nlead + o->ncoordinate; i++) {
        const char *nm = i < o->nlead ? o->lead[i] : o->coordinate[i - o->nlead];
        size_t id = office_id(w, nm);
        if (plan_office_id_same(&w->ids[id], &w->ids[office]))
            return 1;
    }
    return 0;
}

/* The obligation's part of the description; the plan's part (its title
 * and subject, the same in every VTODO) is description_tail. */
static void description(const plan_checklist *c, const plan_obligation *o, plan_buf *b)
{
    if (o->due.y) {
        plan_put_str(b, "Hạn: ");
        plan_date_vi(o->due, b);
        if (o->due_text) {
            plan_put_str(b, " (ghi trong kế hoạch: ");
            plan_put_str(b, o->due_text);
            plan_put_chr(b, ')');
        }
    } else if (o->due_text) {
        plan_put_str(b, "Không có thời hạn cố định (ghi trong kế hoạch: ");
        plan_put_str(b, o->due_text);
        plan_put_mem(b, ").", 2);
    } else {
        plan_put_str(b, "Không có thời hạn cố định: kế hoạch không ghi thời hạn.");
    }
    plan_put_str(b, "\nLoại: ");
    plan_put_str(b, plan_ob_kind_label(o->kind));
    if (o->nlead) {
        plan_put_str(b, "\nChủ trì: ");
        plan_put_names(b, o->lead, o->nlead);
    }
    if (o->ncoordinate) {
        plan_put_str(b, "\nPhối hợp: ");
        plan_put_names(b, o->coordinate, o->ncoordinate);
    }
    if (o->to) {
        plan_put_str(b, "\nGửi đến: ");
        plan_put_str(b, o->to);
    }
    plan_put_str(b, "\nNguồn: ");
    if (o->section) {
        plan_put_str(b, "mục ");
        plan_put_str(b, o->section);
        plan_put_mem(b, ", ", 2);
    }
    plan_put_str(b, "dòng ");
    plan_put_u(b, o->line, 0);
    if (c->file) {
        plan_put_mem(b, " (", 2);
        plan_put_str(b, c->file);
        plan_put_chr(b, ')');
    }
}

/* The end of every description: a line with the plan's title
 * (plan_checklist_title, made once by the caller) and subject. */
static void description_tail(const plan_checklist *c, const char *title, size_t ntitle,
                             plan_buf *b)
{
    plan_put_chr(b, '\n');
    plan_put_mem(b, title, ntitle);
    if (c->doc->header.subject.s) {
        plan_put_mem(b, ": ", 2);
        plan_put_str(b, c->doc->header.subject.s);
    }
}

void plan_emit_checklist_ics(const plan_checklist *c, const char *office, plan_buf *out)
{
    const plan_header *h = &c->doc->header;
    ics w = {out, PLAN_BUF_INIT, NULL, 0, 0};
    char stamp[3 * PLAN_FMT_MAX + 16] = "19700101T000000Z";
    if (h->date.prec != PLAN_PREC_NONE && plan_date_valid(h->date.lo)) {
        /* "%04d%02d%02dT000000Z" */
        size_t n = plan_fmt_i(stamp, h->date.lo.y, 4);
        n += plan_fmt_i(stamp + n, h->date.lo.m, 2);
        n += plan_fmt_i(stamp + n, h->date.lo.d, 2);
        memcpy(stamp + n, "T000000Z", 9);
    }
    plan_buf title = PLAN_BUF_INIT, tmp = PLAN_BUF_INIT, tail = PLAN_BUF_INIT;
    plan_checklist_title(c, &title);
    /* The escaping of iCalendar TEXT maps each byte on its own, so the
     * description's common end is escaped once, here. */
    description_tail(c, plan_buf_cstr(&title), title.len, &tmp);
    plan_esc_ics_text(&tail, plan_buf_cstr(&tmp));
    size_t office_ix = 0;
    if (office) {
        plan_put_str(&title, " – ");
        plan_put_str(&title, office);
        office_ix = office_id(&w, office);
    }

    prop_raw(&w, "BEGIN", "VCALENDAR");
    prop_raw(&w, "VERSION", "2.0");
    prop_raw(&w, "PRODID", "-//plan//Ke hoach thi dua//VI");
    prop_raw(&w, "CALSCALE", "GREGORIAN");
    prop_text(&w, "NAME", plan_buf_cstr(&title));
    prop_text(&w, "X-WR-CALNAME", plan_buf_cstr(&title));
    for (size_t i = 0; i < c->n; i++) {
        const plan_obligation *o = &c->v[i];
        if (office && !concerns(&w, o, office_ix))
            continue;
        prop_raw(&w, "BEGIN", "VTODO");
        prop_text(&w, "UID", o->uid);
        prop_raw(&w, "DTSTAMP", stamp);
        if (o->due.y) {
            plan_put_str(&w.line, "DUE;VALUE=DATE:");
            plan_put_i(&w.line, o->due.y, 4);
            plan_put_i(&w.line, o->due.m, 2);
            plan_put_i(&w.line, o->due.d, 2);
            flush(&w);
        }
        prop_text(&w, "SUMMARY", o->what);
        plan_buf_reset(&tmp);
        description(c, o, &tmp);
        plan_put_str(&w.line, "DESCRIPTION:");
        plan_esc_ics_text(&w.line, plan_buf_cstr(&tmp));
        plan_put_mem(&w.line, plan_buf_cstr(&tail), tail.len);
        flush(&w);
        if (h->issuer.s) {
            address(&w, "ORGANIZER", NULL, h->issuer.s, office_id(&w, h->issuer.s));
        } else {
            plan_put_str(&w.line, "ORGANIZER;CN=");
            plan_esc_ics_param(&w.line, plan_buf_cstr(&title));
            plan_put_str(&w.line, ":urn:x-plan:plan:");
            plan_put_str(&w.line, c->plan_id);
            flush(&w);
        }
        /* Each office once, with its first role: lead, coordinate, to. */
        size_t seen[64];
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
            size_t id = office_id(&w, name);
            int dup = 0;
            for (size_t k = 0; k < nseen && !dup; k++)
                dup = plan_office_id_same(&w.ids[id], &w.ids[seen[k]]);
            if (dup)
                continue;
            if (nseen < sizeof seen / sizeof *seen)
                seen[nseen++] = id;
            address(&w, "ATTENDEE", role, name, id);
        }
        plan_buf_reset(&tmp);
        plan_esc_ics_text(&tmp, plan_ob_kind_name(o->kind));
        plan_put_chr(&tmp, ',');
        plan_esc_ics_text(&tmp, plan_ob_kind_label(o->kind));
        prop_raw(&w, "CATEGORIES", plan_buf_cstr(&tmp));
        plan_put_str(&w.line, "RELATED-TO;RELTYPE=PARENT:plan@");
        plan_put_str(&w.line, c->plan_id);
        flush(&w);
        prop_raw(&w, "STATUS", "NEEDS-ACTION");
        prop_raw(&w, "END", "VTODO");
    }
    prop_raw(&w, "END", "VCALENDAR");
    for (size_t i = 0; i < w.nids; i++)
        plan_office_id_free(&w.ids[i]);
    free(w.ids);
    plan_buf_free(&w.line);
    plan_buf_free(&title);
    plan_buf_free(&tmp);
    plan_buf_free(&tail);
}
