/*
 * dossier.c - the checks of the dossier category (catalogue/dossier.def):
 * the deadlines for award dossiers and proposals (present, a real date,
 * after the campaign's end, after the issue date), the dossier items, and
 * the recipient and date of the sơ kết / tổng kết report (rules.md §7.3).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/dossier_items.h"
#include "plan/i18n.h"
#include "plan/validate.h"

/* ---- dates ---- */

/* "30/10/2025" into buf (at least 16 bytes). */
static const char *dmy(plan_date d, char *buf)
{
    snprintf(buf, 16, "%02u/%02u/%04u", (unsigned)d.d % 100u, (unsigned)d.m % 100u,
             (unsigned)d.y % 10000u);
    return buf;
}

static plan_date day_before(plan_date d)
{
    if (--d.d >= 1)
        return d;
    if (--d.m < 1) {
        d.m = 12;
        d.y--;
    }
    d.d = plan_days_in_month(d.y, d.m);
    return d;
}

/* The last day a due allows: the day before a "trước …" date, else the end
 * of the stated interval. y == 0 when the due does not resolve. */
static plan_date due_last_day(const plan_when *w)
{
    if (w->prec == PLAN_PREC_NONE || !w->lo.y)
        return (plan_date){0, 0, 0};
    return w->before ? day_before(w->lo) : w->hi;
}

/* A due that is text but not a date, and does not look like a malformed
 * d/m/yyyy either (LEX-DATE-BODY reports those). */
static int is_vague(const plan_when *w)
{
    if (!w->text.s || w->prec != PLAN_PREC_NONE || w->parse_failed == 2)
        return 0;
    for (const char *p = w->text.s; *p; p++)
        if (isdigit((unsigned char)p[0]) && p[1] == '/' && isdigit((unsigned char)p[2]))
            return 0;
    return 1;
}

/* The year an unresolved due names ("vào dịp tổng kết năm 2025"), the latest
 * if several; 0 when none. */
static int named_year(const char *text)
{
    char *f = plan_utf8_fold_ascii(text);
    int year = 0;
    for (const char *p = strstr(f, "nam "); p; p = strstr(p + 1, "nam ")) {
        if (p > f && isalpha((unsigned char)p[-1]))
            continue;
        const char *q = p + 4;
        int y = 0, n = 0;
        while (isdigit((unsigned char)q[n]) && n < 5)
            y = y * 10 + (q[n++] - '0');
        if (n == 4 && !isalnum((unsigned char)q[n]) && y >= 1900 && y <= 2200 && y > year)
            year = y;
    }
    free(f);
    return year;
}

/* The campaign's end: the latest resolved end of the plan's periods. */
static plan_date campaign_end(const plan_doc *d)
{
    plan_date end = {0, 0, 0};
    for (const plan_period *p = d->periods; p; p = p->next)
        if (p->end.prec != PLAN_PREC_NONE && p->end.hi.y && plan_date_cmp(p->end.hi, end) > 0)
            end = p->end.hi;
    return end;
}

static int is_dossier(plan_deadline_kind k)
{
    return k == PLAN_DL_DOSSIER || k == PLAN_DL_PROPOSAL;
}

static const char *what_of(const plan_deadline *dl)
{
    return dl->what.s ? dl->what.s : _("the deadline");
}

/* ---- DOSSIER-DEADLINE-PRESENT ---- */

static void note_practice(plan_diag *g)
{
    plan_diag_note(g, _("practice of the plans (không có quy định pháp luật), e.g. Kế hoạch "
                        "32/KH-SNgV of Sở Ngoại vụ Lạng Sơn: \"gửi về Văn phòng Sở … trước "
                        "ngày 30/10/2025\""));
}

static int has_nominate_due(const plan_doc *d)
{
    for (const plan_assignment *a = d->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            if ((t->roles & PLAN_TASK_NOMINATE) && t->due.text.s)
                return 1;
    return 0;
}

static void deadline_present(plan_check *c)
{
    const plan_doc *d = c->doc;
    int any = 0;
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next) {
        if (!is_dossier(dl->kind))
            continue;
        any = 1;
        const char *fmt = NULL;
        if (!dl->due.text.s && !dl->to.s)
            fmt = _("deadline for \"%s\" has no date and no recipient office; add <due> "
                    "with the date and <to> with the office that receives it");
        else if (!dl->due.text.s)
            fmt = _("deadline for \"%s\" has no date; add <due> with the day by which it "
                    "must arrive");
        else if (!dl->to.s)
            fmt = _("deadline for \"%s\" names no recipient office; add <to> with the "
                    "office that receives it");
        if (!fmt)
            continue;
        plan_diag *g = plan_check_report(c, PLAN_RULE_DOSSIER_DEADLINE_PRESENT, dl->pos, fmt,
                                         what_of(dl));
        note_practice(g);
    }
    if (any || !d->awards || has_nominate_due(d))
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_DOSSIER_DEADLINE_PRESENT, d->awards->pos,
                                     _("the plan lists awards but gives no deadline for the "
                                       "award dossiers or proposals; add a <deadline "
                                       "kind=\"dossier\"> with <to> and <due>"));
    note_practice(g);
}

/* ---- DOSSIER-DEADLINE-VAGUE ---- */

static void vague_one(plan_check *c, const plan_when *w)
{
    if (!is_vague(w))
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_DOSSIER_DEADLINE_VAGUE, w->text.pos,
                                     _("deadline \"%s\" is not a date; give the day, e.g. "
                                       "\"trước ngày 06/02/2026\""),
                                     w->text.s);
    plan_diag_note(g, _("docs/format.md, \"Dates and periods\": deadlines are a day, a "
                        "month, or an event of the calendar"));
}

static void deadline_vague(plan_check *c)
{
    for (const plan_deadline *dl = c->doc->deadlines; dl; dl = dl->next)
        vague_one(c, &dl->due);
    for (const plan_assignment *a = c->doc->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            vague_one(c, &t->due);
}

/* ---- DOSSIER-BEFORE-END ---- */

static void before_end_one(plan_check *c, const plan_when *w, plan_date end)
{
    if (!w->text.s)
        return;
    char b1[16], b2[16];
    plan_date last = due_last_day(w);
    int assumed = 0;
    if (!last.y && is_vague(w)) {
        int y = named_year(w->text.s);
        if (!y)
            return;
        last = (plan_date){y, 12, 31};
        assumed = 1;
    }
    if (!last.y || plan_date_cmp(last, end) >= 0)
        return;
    plan_diag *g;
    if (assumed)
        g = plan_check_report(c, PLAN_RULE_DOSSIER_BEFORE_END, w->text.pos,
                              _("deadline \"%s\" falls in the review of %d, by %s at the "
                                "latest, before the campaign ends on %s, so the "
                                "achievements of its last days cannot count; set a date "
                                "on or after the end of the campaign"),
                              w->text.s, last.y, dmy(last, b1), dmy(end, b2));
    else
        g = plan_check_report(c, PLAN_RULE_DOSSIER_BEFORE_END, w->text.pos,
                              _("deadline \"%s\" (last day %s) falls before the campaign "
                                "ends on %s, so the achievements of its last days cannot "
                                "count; set the deadline on or after the end of the "
                                "campaign"),
                              w->text.s, dmy(last, b1), dmy(end, b2));
    plan_diag_note(g, _("logic: a dossier closed before the campaign ends leaves its last "
                        "days out (no rule forbids it, hence a warning)"));
    if (assumed)
        plan_diag_note(g, _("the review of a year judges that year's achievements, so an "
                            "occasion of year Y is taken as 31/12/Y at the latest"));
}

static void before_end(plan_check *c)
{
    plan_date end = campaign_end(c->doc);
    if (!end.y)
        return;
    for (const plan_deadline *dl = c->doc->deadlines; dl; dl = dl->next)
        if (is_dossier(dl->kind))
            before_end_one(c, &dl->due, end);
    for (const plan_assignment *a = c->doc->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            if (t->roles & PLAN_TASK_NOMINATE)
                before_end_one(c, &t->due, end);
}

/* ---- DOSSIER-AFTER-ISSUE ---- */

static void after_issue_one(plan_check *c, const plan_when *w, plan_date issue)
{
    plan_date last = due_last_day(w);
    if (!w->text.s || !last.y || plan_date_cmp(last, issue) >= 0)
        return;
    char b1[16], b2[16];
    plan_diag *g = plan_check_report(c, PLAN_RULE_DOSSIER_AFTER_ISSUE, w->text.pos,
                                     _("deadline \"%s\" (last day %s) is before the plan's "
                                       "issue date %s, so nobody can meet it; set a date "
                                       "after the issue date"),
                                     w->text.s, dmy(last, b1), dmy(issue, b2));
    plan_diag_note(g, _("logic: a plan cannot set a deadline that has already passed"));
}

static void after_issue(plan_check *c)
{
    const plan_when *h = &c->doc->header.date;
    if (h->prec != PLAN_PREC_DAY || !h->lo.y)
        return;
    for (const plan_deadline *dl = c->doc->deadlines; dl; dl = dl->next)
        after_issue_one(c, &dl->due, h->lo);
    for (const plan_assignment *a = c->doc->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            after_issue_one(c, &t->due, h->lo);
}

/* ---- DOSSIER-CONTENTS ---- */

/* "biên bản họp xét; …" for the message; marks the usual kinds seen. */
static void describe_items(const plan_deadline *dl, plan_buf *out, int *seen, size_t nkinds)
{
    for (const plan_dossier_item *it = dl->items; it; it = it->next) {
        if (!it->text.s)
            continue;
        int k = plan_dossier_kind_match(it->text.s);
        if (out->len)
            plan_buf_puts(out, "; ");
        if (k >= 0 && (size_t)k < nkinds) {
            seen[k] = 1;
            plan_buf_puts(out, plan_dossier_kind_get(k)->name);
        } else {
            size_t n = strlen(it->text.s);
            while (n && strchr(";.,", it->text.s[n - 1]))
                n--;
            plan_buf_append(out, it->text.s, n);
        }
        if (it->form || it->source)
            plan_buf_printf(out, " (%s%s%s)", it->form ? it->form : "",
                            it->form && it->source ? ", " : "", it->source ? it->source : "");
    }
}

static void contents_one(plan_check *c, const plan_deadline *dl)
{
    enum { MAXK = 16 };
    int seen[MAXK] = {0};
    size_t nk = plan_dossier_kind_count() < MAXK ? plan_dossier_kind_count() : MAXK;
    size_t n = 0;
    for (const plan_dossier_item *it = dl->items; it; it = it->next)
        n++;
    plan_buf list = PLAN_BUF_INIT, missing = PLAN_BUF_INIT;
    describe_items(dl, &list, seen, nk);
    plan_diag *g = plan_check_report(c, PLAN_RULE_DOSSIER_CONTENTS, dl->pos,
                                     _("\"%s\" requires %zu item(s), at least one on a "
                                       "named form: %s; assemble each proposal from this list, "
                                       "with the form of the decree in force on the due "
                                       "date"),
                                     what_of(dl), n, plan_buf_cstr(&list));
    plan_diag_note(g, _("practice of the plans, e.g. Kế hoạch 32/KH-SNgV of Sở Ngoại vụ "
                        "Lạng Sơn (not checked against the decree): biên bản họp xét, tóm tắt "
                        "thành tích, báo cáo thành tích theo mẫu"));
    for (size_t k = 0; k < nk; k++)
        if (!seen[k]) {
            if (missing.len)
                plan_buf_puts(&missing, ", ");
            plan_buf_puts(&missing, plan_dossier_kind_get((int)k)->name);
        }
    if (missing.len)
        plan_diag_note(g, _("usual items not listed: %s (check whether the award needs them)"),
                       plan_buf_cstr(&missing));
    plan_buf_free(&list);
    plan_buf_free(&missing);
}

static int has_form_item(const plan_deadline *dl)
{
    for (const plan_dossier_item *it = dl->items; it; it = it->next)
        if (it->form)
            return 1;
    return 0;
}

static void contents(plan_check *c)
{
    for (const plan_deadline *dl = c->doc->deadlines; dl; dl = dl->next)
        if (is_dossier(dl->kind) && has_form_item(dl))
            contents_one(c, dl);
}

/* ---- REPORT-DEADLINE ---- */

/* The start of a task's text for quoting: up to the first ";" or about 70
 * bytes, cut between words, in buf. */
static const char *excerpt(const char *s, char *buf, size_t size)
{
    size_t n = strcspn(s, ";");
    int cut = 0;
    if (n > 70) {
        n = 70;
        while (n && s[n] != ' ')
            n--;
        while (n && strchr(" ,.", s[n - 1]))
            n--;
        cut = 1;
    }
    snprintf(buf, size, "%.*s%s", (int)n, s, cut ? "…" : "");
    return buf;
}

static void report_missing(plan_check *c, plan_pos pos, const char *what, int has_to,
                           int has_due)
{
    const char *fmt;
    if (has_to && has_due)
        return;
    if (!has_to && !has_due)
        fmt = _("report \"%s\" has no recipient and no date; say to whom the sơ kết / tổng "
                "kết report goes and by when");
    else if (!has_due)
        fmt = _("report \"%s\" has no date; say by when the sơ kết / tổng kết report is "
                "due");
    else
        fmt = _("report \"%s\" has no recipient; say to whom the sơ kết / tổng kết report "
                "goes");
    plan_diag *g = plan_check_report(c, PLAN_RULE_REPORT_DEADLINE, pos, fmt, what);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 17 khoản 5: \"sơ "
                        "kết, tổng kết và khen thưởng\""));
}

static void report_deadline(plan_check *c)
{
    int any = 0;
    for (const plan_deadline *dl = c->doc->deadlines; dl; dl = dl->next)
        if (dl->kind == PLAN_DL_REPORT) {
            any = 1;
            report_missing(c, dl->pos, what_of(dl), dl->to.s != NULL, dl->due.text.s != NULL);
        }
    if (any)
        return;
    for (const plan_assignment *a = c->doc->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            if (t->roles & PLAN_TASK_REPORT) {
                char buf[96];
                report_missing(c, t->pos, excerpt(t->text.s ? t->text.s : "", buf, sizeof buf),
                               t->to != NULL, t->due.text.s != NULL);
            }
}

void plan_check_dossier(plan_check *c)
{
    deadline_present(c);
    deadline_vague(c);
    before_end(c);
    after_issue(c);
    contents(c);
    report_deadline(c);
}
