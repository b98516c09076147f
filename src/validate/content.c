/*
 * content.c - the checks of the content category (catalogue/content.def):
 * the kind of plan (Luật Thi đua, khen thưởng 2022, Điều 16), the elements
 * Điều 17 requires, the campaign period against the issue date, and the
 * anniversaries and events the campaign celebrates.
 *
 * Periods arrive resolved by the builder (plan_when_resolve): a month or a
 * year is an interval [lo, hi], and comparisons flag a problem only when the
 * whole interval is on the wrong side (rules.md §11 item 9).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"
#include "plan/i18n.h"
#include "plan/validate.h"

/* ---- small helpers ------------------------------------------------------ */

/* "16/12/2025" into buf (at least 16 bytes). */
static int is_word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static const char *dmy(plan_date d, char *buf)
{
    snprintf(buf, 16, "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
    return buf;
}

/* "01/10/2025–31/10/2025", or one date when lo == hi (at least 40 bytes). */
static const char *interval(const plan_when *w, char *buf)
{
    char a[16], b[16];
    if (plan_date_cmp(w->lo, w->hi) == 0)
        snprintf(buf, 40, "%s", dmy(w->lo, a));
    else
        snprintf(buf, 40, "%s–%s", dmy(w->lo, a), dmy(w->hi, b));
    return buf;
}

/* The time as written, quoted, with the days it covers unless it is a
 * single day written out: "tháng 10/2025" (01/10/2025–31/10/2025). */
static const char *when_desc(const plan_when *w, plan_buf *out)
{
    char iv[40];
    if (w->prec == PLAN_PREC_DAY)
        plan_buf_printf(out, "\"%s\"", w->text.s);
    else
        plan_buf_printf(out, "\"%s\" (%s)", w->text.s, interval(w, iv));
    return plan_buf_cstr(out);
}

static int issue_date(const plan_doc *d, plan_date *out)
{
    if (d->header.date.prec != PLAN_PREC_DAY)
        return 0;
    *out = d->header.date.lo;
    return 1;
}

/* A time expression that resolved to real dates ("nay" without an issue
 * date resolves to nothing). */
static int resolved(const plan_when *w)
{
    return w->text.s && w->prec != PLAN_PREC_NONE && w->lo.y != 0 && w->hi.y != 0;
}

static plan_pos body_pos(const plan_doc *d)
{
    return d->body_pos.line ? d->body_pos : d->pos;
}

/* ---- PLAN-KIND ---------------------------------------------------------- */

/* Title cues of a chuyên đề campaign (rules.md §7.3), folded and as written;
 * the same cues the builder uses to infer the kind. */
static const struct {
    const char *folded, *shown;
} campaign_cues[] = {
    {"dot thi dua", "đợt thi đua"},
    {"chuyen de", "chuyên đề"},
    {"dac biet", "đặc biệt"},
    {"chao mung", "chào mừng"},
};

static const char *campaign_cue(const char *folded)
{
    for (size_t i = 0; i < sizeof campaign_cues / sizeof *campaign_cues; i++)
        if (strstr(folded, campaign_cues[i].folded))
            return campaign_cues[i].shown;
    return NULL;
}

static void kind_inferred(plan_check *c, const char *cue)
{
    const plan_doc *d = c->doc;
    plan_diag *g;
    if (d->kind == PLAN_KIND_REGULAR)
        g = plan_check_report(c, PLAN_RULE_PLAN_KIND, d->pos,
                              _("the plan does not state its kind; taken as thường xuyên "
                                "(the yearly movement) because the title reads \"yêu nước "
                                "năm …\"; write kind=\"regular\" on <plan> if that is right"));
    else if (cue)
        g = plan_check_report(c, PLAN_RULE_PLAN_KIND, d->pos,
                              _("the plan does not state its kind; taken as chuyên đề (a "
                                "campaign) because the title says \"%s\"; write "
                                "kind=\"campaign\" on <plan> if that is right"),
                              cue);
    else
        g = plan_check_report(c, PLAN_RULE_PLAN_KIND, d->pos,
                              _("the plan does not state its kind and its title gives no "
                                "cue; taken as chuyên đề (a campaign) by default: write "
                                "kind=\"campaign\" or kind=\"regular\" on <plan>"));
    plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 16: thi đua thường "
                        "xuyên or thi đua theo chuyên đề"));
}

static void kind_check(plan_check *c)
{
    const plan_doc *d = c->doc;
    const plan_text *subj = &d->header.subject;
    char *f = subj->s ? plan_utf8_fold_ascii(subj->s) : NULL;
    const char *cue = f ? campaign_cue(f) : NULL;
    int yearly = f && strstr(f, "yeu nuoc nam") != NULL;
    free(f);
    if (!d->kind_explicit) {
        kind_inferred(c, cue);
        return;
    }
    plan_diag *g = NULL;
    if (d->kind == PLAN_KIND_REGULAR && cue)
        g = plan_check_report(c, PLAN_RULE_PLAN_KIND, subj->pos,
                              _("the plan is marked kind=\"regular\" (thường xuyên) but its "
                                "title says \"%s\", which marks a chuyên đề campaign; check "
                                "the kind attribute of <plan>"),
                              cue);
    else if (d->kind == PLAN_KIND_CAMPAIGN && yearly && !cue)
        g = plan_check_report(c, PLAN_RULE_PLAN_KIND, subj->pos,
                              _("the plan is marked kind=\"campaign\" (chuyên đề) but its "
                                "title \"%s\" names the yearly movement; check the kind "
                                "attribute of <plan>"),
                              subj->s);
    if (g)
        plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 16: thi đua "
                            "thường xuyên or thi đua theo chuyên đề"));
}

/* ---- PLAN-ELEMENTS ------------------------------------------------------ */

typedef struct elements {
    int purposes, content, organisation;
    int criteria, indicators;
    const plan_block *criteria_section; /* announces tiêu chí, holds none */
} elements;

/* The roles of a section; a section without the attribute counts by its
 * heading. */
static unsigned section_roles(const plan_block *b)
{
    if (b->section->roles || !b->section->heading.s)
        return b->section->roles;
    static const struct {
        const char *key;
        unsigned role;
    } by_heading[] = {
        {"muc dich", PLAN_ROLE_PURPOSES}, {"muc tieu", PLAN_ROLE_PURPOSES},
        {"yeu cau", PLAN_ROLE_REQUIREMENTS}, {"noi dung", PLAN_ROLE_CONTENT},
        {"to chuc thuc hien", PLAN_ROLE_ORGANISATION}, {"tieu chi", PLAN_ROLE_CRITERIA},
    };
    unsigned r = 0;
    char *f = plan_utf8_fold_ascii(b->section->heading.s);
    for (size_t i = 0; i < sizeof by_heading / sizeof *by_heading; i++)
        if (strstr(f, by_heading[i].key))
            r |= by_heading[i].role;
    free(f);
    return r;
}

/* 1 when the subtree under b holds a criterion or an award standard; with
 * sections_only, 1 when it holds a section announcing criteria. */
static int holds_criteria(const plan_block *b, int sections_only)
{
    for (const plan_block *k = b->first; k; k = k->next) {
        if (sections_only && k->section && (section_roles(k) & PLAN_ROLE_CRITERIA))
            return 1;
        if (!sections_only && (k->kind == PLAN_B_CRITERION ||
                               (k->award && k->award->standards)))
            return 1;
        if (k->first && holds_criteria(k, sections_only))
            return 1;
    }
    return 0;
}

static void element_block(plan_check *c, const plan_block *b, void *ctx)
{
    elements *e = ctx;
    (void)c;
    if (b->kind == PLAN_B_CRITERION || (b->award && b->award->standards))
        e->criteria++;
    else if (b->kind == PLAN_B_INDICATOR)
        e->indicators++;
    else if (b->kind == PLAN_B_ASSIGNMENT)
        e->organisation++;
    if (!b->section)
        return;
    unsigned r = section_roles(b);
    e->purposes += !!(r & (PLAN_ROLE_PURPOSES | PLAN_ROLE_REQUIREMENTS));
    e->content += !!(r & PLAN_ROLE_CONTENT);
    e->organisation += !!(r & PLAN_ROLE_ORGANISATION);
    /* The innermost section that announces tiêu chí and holds none. */
    if ((r & PLAN_ROLE_CRITERIA) && !e->criteria_section && !holds_criteria(b, 0) &&
        !holds_criteria(b, 1))
        e->criteria_section = b;
}

/* "tiêu chí, thời gian and khen thưởng" */
static void join_and(plan_buf *out, const char *const *items, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            plan_buf_puts(out, i == n - 1 ? _(" and ") : ", ");
        plan_buf_puts(out, items[i]);
    }
}

/* "II.1." for section 1. under section II.; the numbers as written. */
static void section_path(plan_buf *out, const plan_block *b)
{
    if (b->parent)
        section_path(out, b->parent);
    if (b->number.s)
        plan_buf_puts(out, b->number.s);
}

static void criteria_only_targets(plan_check *c, const elements *e)
{
    const plan_block *s = e->criteria_section;
    plan_diag *g;
    if (s) {
        plan_buf path = PLAN_BUF_INIT;
        section_path(&path, s);
        g = plan_check_report_sev(c, PLAN_RULE_PLAN_ELEMENTS, PLAN_SEV_INFO, s->pos,
                                  _("section %s \"%s\" announces tiêu chí but states none; the "
                                    "only measures are %d quantitative target(s) (chỉ tiêu) "
                                    "elsewhere in the plan"),
                                  plan_buf_cstr(&path),
                                  s->section->heading.s ? s->section->heading.s : "",
                                  e->indicators);
        plan_buf_free(&path);
    } else {
        g = plan_check_report_sev(c, PLAN_RULE_PLAN_ELEMENTS, PLAN_SEV_INFO, body_pos(c->doc),
                                  _("the plan states no tiêu chí; the only measures are %d "
                                    "quantitative target(s) (chỉ tiêu)"),
                                  e->indicators);
    }
    plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 17 khoản 1: \"mục tiêu, "
                        "phạm vi, đối tượng, nội dung và tiêu chí, thời gian, kế hoạch, biện "
                        "pháp\""));
    plan_diag_note(g, _("state the criteria for tập thể and cá nhân as <criterion> elements, "
                        "or refer to the targets explicitly"));
}

static void elements_check(plan_check *c)
{
    const plan_doc *d = c->doc;
    elements e = {0};
    plan_walk_blocks(d->body, c, element_block, &e);
    const char *missing[6];
    int n = 0;
    if (!e.purposes)
        missing[n++] = "mục tiêu (mục đích, yêu cầu)";
    if (!e.content)
        missing[n++] = "nội dung";
    if (!e.criteria && !e.indicators)
        missing[n++] = "tiêu chí (<criterion>)";
    if (!d->periods)
        missing[n++] = "thời gian (<period>)";
    if (!d->awards)
        missing[n++] = "khen thưởng (<award>)";
    if (!e.organisation)
        missing[n++] = "tổ chức thực hiện (<assignment>)";
    if (n) {
        plan_buf list = PLAN_BUF_INIT;
        join_and(&list, missing, n);
        plan_diag *g = plan_check_report(c, PLAN_RULE_PLAN_ELEMENTS, body_pos(d),
                                         _("the plan states no %s; a plan must fix each of "
                                           "them: add the missing parts"),
                                         plan_buf_cstr(&list));
        plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 17 khoản 1 and "
                            "khoản 5: mục tiêu, nội dung và tiêu chí, thời gian, biện pháp; sơ "
                            "kết, tổng kết và khen thưởng"));
        plan_buf_free(&list);
    } else if (!e.criteria) {
        criteria_only_targets(c, &e);
    }
}

/* ---- PERIOD-PRESENT ----------------------------------------------------- */

/* The year of "năm YYYY" in the title, or 0. */
static int title_year(const plan_doc *d)
{
    if (!d->header.subject.s)
        return 0;
    char *f = plan_utf8_fold_ascii(d->header.subject.s);
    int y = 0;
    for (const char *p = strstr(f, "nam "); p && !y; p = strstr(p + 1, "nam ")) {
        int v, k = 0;
        if ((p == f || !is_word_char(p[-1])) && sscanf(p + 4, "%4d%n", &v, &k) == 1 && k == 4 &&
            !is_word_char(p[8]) && v >= 1900)
            y = v;
    }
    free(f);
    return y;
}

static void period_present(plan_check *c)
{
    const plan_doc *d = c->doc;
    for (const plan_period *p = d->periods; p; p = p->next)
        if (p->end.text.s)
            return;
    int campaign = d->kind == PLAN_KIND_CAMPAIGN;
    plan_severity sev = campaign ? PLAN_SEV_ERROR : PLAN_SEV_WARNING;
    int y = campaign ? 0 : title_year(d);
    plan_diag *g;
    if (d->periods) {
        const plan_period *p = d->periods;
        const char *said = p->p.s ? p->p.s : p->start.text.s ? p->start.text.s : "";
        g = plan_check_report_sev(c, PLAN_RULE_PERIOD_PRESENT, sev, p->pos,
                                  _("the period \"%s\" gives no end; add an <end> with the "
                                    "date the campaign ends"),
                                  said);
    } else if (campaign) {
        g = plan_check_report_sev(c, PLAN_RULE_PERIOD_PRESENT, sev, body_pos(d),
                                  _("the plan states no campaign period; a chuyên đề plan must "
                                    "say when it starts and ends: add a <period> with <start> "
                                    "and <end>"));
    } else if (y) {
        g = plan_check_report_sev(c, PLAN_RULE_PERIOD_PRESENT, sev, body_pos(d),
                                  _("the plan states no period; only the title implies năm %d: "
                                    "add a <period>, e.g. từ nay đến ngày 31/12/%d"),
                                  y, y);
    } else {
        g = plan_check_report_sev(c, PLAN_RULE_PERIOD_PRESENT, sev, body_pos(d),
                                  _("the plan states no period; add a <period> with <start> "
                                    "and <end>"));
    }
    plan_diag_note(g, _("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 17 khoản 1: the "
                        "movement fixes its \"thời gian\""));
}

/* ---- the period against itself and the issue date ----------------------- */

/* Words that mark an event-bounded time ("khi tổ chức thành công Đại hội …"). */
static int event_like(const char *text)
{
    static const char *const cues[] = {"khi", "dai hoi", "ky niem", "le", "hoi nghi",
                                       "bau cu", NULL};
    char *f = plan_utf8_fold_ascii(text);
    int yes = 0;
    for (const char *const *k = cues; *k && !yes; k++)
        yes = plan_has_word(f, *k);
    free(f);
    return yes;
}

static void when_unreadable(plan_check *c, const plan_when *w)
{
    plan_diag *g;
    if (w->parse_failed == 1 && event_like(w->text.s)) {
        g = plan_check_report(c, PLAN_RULE_PERIOD_EVENT_RESOLVE, w->text.pos,
                              _("the period is bounded by \"%s\", an event that is not in the "
                                "event calendar; write the date itself and keep the event in "
                                "the period's <p>"),
                              w->text.s);
        plan_diag_note(g, _("event-bounded ends are resolved through the event calendar "
                            "(src/data/events.c; docs/format.md, \"Dates and periods\")"));
        return;
    }
    if (w->parse_failed == 2)
        g = plan_check_report(c, PLAN_RULE_PERIOD_PARSE, w->text.pos,
                              _("\"%s\" is not a real calendar date; correct the day or the "
                                "month"),
                              w->text.s);
    else
        g = plan_check_report(c, PLAN_RULE_PERIOD_PARSE, w->text.pos,
                              _("\"%s\" is not a date, month, year, \"nay\" or known event; "
                                "write it as e.g. \"30/10/2025\", \"tháng 10/2025\" or "
                                "\"năm 2026\""),
                              w->text.s);
    plan_diag_note(g, _("date and period conventions of the plans (docs/format.md, \"Dates "
                        "and periods\")"));
}

static void relative_start(plan_check *c, const plan_when *w)
{
    const plan_text *date = &c->doc->header.date.text;
    plan_diag *g;
    if (!date->s)
        g = plan_check_report(c, PLAN_RULE_PERIOD_RELATIVE_START, w->text.pos,
                              _("the period runs from \"%s\", the issue date, but the plan has "
                                "no date; add the date line to the header or write the day "
                                "itself"),
                              w->text.s);
    else
        g = plan_check_report(c, PLAN_RULE_PERIOD_RELATIVE_START, w->text.pos,
                              _("the period runs from \"%s\", the issue date, but the plan's "
                                "date \"%s\" cannot be read; correct the date line or write the "
                                "day itself"),
                              w->text.s, date->s);
    plan_diag_note(g, _("\"từ nay\" means from the plan's issue date (docs/format.md, "
                        "\"Dates and periods\")"));
}

static void start_before_issue(plan_check *c, const plan_when *w, plan_date issue)
{
    char is[16];
    plan_buf wd = PLAN_BUF_INIT;
    plan_diag *g;
    if (plan_date_cmp(w->lo, issue) >= 0)
        return;
    if (plan_date_cmp(w->hi, issue) < 0)
        g = plan_check_report(c, PLAN_RULE_PERIOD_START_BEFORE_ISSUE, w->text.pos,
                              _("the campaign starts %s, before the plan is issued on %s; keep "
                                "it only if the parent plan sets this period, and say so, "
                                "otherwise start \"từ nay\""),
                              when_desc(w, &wd), dmy(issue, is));
    else
        g = plan_check_report_sev(c, PLAN_RULE_PERIOD_START_BEFORE_ISSUE, PLAN_SEV_INFO,
                                  w->text.pos,
                                  _("the campaign starts %s, which includes days before the "
                                    "plan is issued on %s; start \"từ nay\" or from the issue "
                                    "date unless the parent plan sets this period"),
                                  when_desc(w, &wd), dmy(issue, is));
    plan_buf_free(&wd);
    plan_diag_note(g, _("no rule forbids a start before the issue date, but an implementing "
                        "plan should take it from its parent (practice of the plans)"));
}

static void end_before_issue(plan_check *c, const plan_when *w, plan_date issue)
{
    char is[16];
    plan_buf wd = PLAN_BUF_INIT;
    if (plan_date_cmp(w->hi, issue) >= 0)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_PERIOD_END_BEFORE_ISSUE, w->text.pos,
                                     _("the campaign ends %s, before the plan is issued on %s; "
                                       "correct the plan's date or the period"),
                                     when_desc(w, &wd), dmy(issue, is));
    plan_buf_free(&wd);
    plan_diag_note(g, _("a campaign cannot be over before the plan that launches it is issued"));
}

static void period_order(plan_check *c, const plan_period *p)
{
    plan_buf a = PLAN_BUF_INIT, b = PLAN_BUF_INIT;
    /* A start "nay" after the end is PERIOD-END-BEFORE-ISSUE's finding. */
    if (!resolved(&p->start) || !resolved(&p->end) || p->start.prec == PLAN_PREC_ISSUE ||
        plan_date_cmp(p->start.lo, p->end.hi) <= 0)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_PERIOD_ORDER, p->end.text.pos,
                                     _("the period ends %s, before it starts %s; correct the "
                                       "start or the end"),
                                     when_desc(&p->end, &a), when_desc(&p->start, &b));
    plan_buf_free(&a);
    plan_buf_free(&b);
    plan_diag_note(g, _("the start of a period cannot be later than its end"));
}

static void period_when(plan_check *c, const plan_when *w, int is_start, int has_issue,
                        plan_date issue)
{
    if (!w->text.s)
        return;
    if (w->parse_failed) {
        when_unreadable(c, w);
        return;
    }
    if (w->prec == PLAN_PREC_ISSUE && !has_issue) {
        relative_start(c, w);
        return;
    }
    if (!resolved(w) || !has_issue)
        return;
    if (is_start)
        start_before_issue(c, w, issue);
    else
        end_before_issue(c, w, issue);
}

static void periods(plan_check *c)
{
    plan_date issue = {0, 0, 0};
    int has_issue = issue_date(c->doc, &issue);
    for (const plan_period *p = c->doc->periods; p; p = p->next) {
        period_when(c, &p->start, 1, has_issue, issue);
        period_when(c, &p->end, 0, has_issue, issue);
        period_order(c, p);
    }
}

/* ---- anniversaries: "N năm … (d/m/Y1 - d/m/Y2)" ------------------------- */

typedef struct anniv {
    const char *s;   /* "N năm …(…)" within the text */
    size_t len;
    size_t name_len; /* "N năm …" before the parenthesis, trimmed */
    int n;
    int full;        /* both dates with day and month; else years only */
    plan_date a, b;
} anniv;

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

/* "d/m/yyyy" (or d.m.yyyy) or "yyyy" at p; returns the end or NULL. */
static const char *anniv_date(const char *p, plan_date *d, int *full)
{
    int v[3], k = 0;
    for (;;) {
        int x = 0, digits = 0;
        while (is_digit(*p) && digits < 5) {
            x = x * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits || is_digit(*p))
            return NULL;
        v[k++] = x;
        if (k == 3 || (*p != '/' && *p != '.') || !is_digit(p[1]))
            break;
        p++;
    }
    if (k == 3) {
        *d = (plan_date){v[2], v[1], v[0]};
        *full = 1;
        return plan_date_valid(*d) ? p : NULL;
    }
    if (k != 1 || v[0] < 1000)
        return NULL;
    *d = (plan_date){v[0], 0, 0};
    *full = 0;
    return p;
}

/* "(date - date)" at p ('('); returns the byte after ')' or NULL. */
static const char *anniv_range(const char *p, anniv *a)
{
    int f1, f2;
    p = anniv_date(skip_spaces(p + 1), &a->a, &f1);
    if (!p)
        return NULL;
    p = skip_spaces(p);
    if (*p == '-')
        p++;
    else if (strncmp(p, "\xe2\x80\x93", 3) == 0 || strncmp(p, "\xe2\x80\x94", 3) == 0)
        p += 3;
    else
        return NULL;
    p = anniv_date(skip_spaces(p), &a->b, &f2);
    if (!p || f1 != f2)
        return NULL;
    p = skip_spaces(p);
    a->full = f1;
    return *p == ')' ? p + 1 : NULL;
}

/* The last "N năm" between from and to, NULL if none; *n its number. */
static const char *anniv_count(const char *from, const char *to, int *n)
{
    static const char *const nam[] = {"năm", "Năm", "NĂM"};
    const char *found = NULL;
    for (const char *p = from; p < to; p++) {
        if (!is_digit(*p) || (p > from && (is_digit(p[-1]) || p[-1] == '/' || p[-1] == '.')))
            continue;
        const char *q = p;
        int x = 0;
        while (is_digit(*q) && q - p < 4)
            x = x * 10 + (*q++ - '0');
        if (is_digit(*q) || *q != ' ' || x < 1 || x > 999)
            continue;
        for (size_t i = 0; i < 3; i++) {
            size_t l = strlen(nam[i]);
            if ((size_t)(to - q - 1) >= l && strncmp(q + 1, nam[i], l) == 0 &&
                !is_word_char(q[1 + l]) && (unsigned char)q[1 + l] < 0x80) {
                found = p;
                *n = x;
            }
        }
    }
    return found;
}

/* Finds the next anniversary expression in text from *at on; 0 when none. */
static int anniv_next(const char *text, const char **at, anniv *a)
{
    for (const char *paren = strchr(*at, '('); paren; paren = strchr(paren + 1, '(')) {
        const char *from = paren - (paren - text > 300 ? 300 : paren - text);
        for (const char *q = paren - 1; q >= from; q--)
            if (*q == '(' || *q == ')' || *q == ';') {
                from = q + 1;
                break;
            }
        const char *end = anniv_range(paren, a);
        const char *start = end ? anniv_count(from, paren, &a->n) : NULL;
        if (!start)
            continue;
        const char *name_end = paren;
        while (name_end > start && name_end[-1] == ' ')
            name_end--;
        a->s = start;
        a->len = (size_t)(end - start);
        a->name_len = (size_t)(name_end - start);
        *at = end;
        return 1;
    }
    return 0;
}

static plan_date day_after(plan_date d)
{
    if (++d.d > plan_days_in_month(d.y, d.m)) {
        d.d = 1;
        if (++d.m > 12) {
            d.m = 1;
            d.y++;
        }
    }
    return d;
}

/* 0 when the count matches the dates: an anniversary (same day, Y2 − Y1 =
 * N) or a span of N years (the day after the end is the start N years on). */
static int anniv_wrong(const anniv *a)
{
    int years = a->b.y - a->a.y;
    if (!a->full)
        return years != a->n && years + 1 != a->n;
    if (a->a.d == a->b.d && a->a.m == a->b.m)
        return years != a->n;
    plan_date next = day_after(a->b);
    return !(next.d == a->a.d && next.m == a->a.m && next.y - a->a.y == a->n);
}

static void anniv_report(plan_check *c, plan_pos pos, const anniv *a)
{
    int years = a->b.y - a->a.y;
    char d1[16], d2[16];
    plan_diag *g;
    if (!a->full || (a->a.d == a->b.d && a->a.m == a->b.m))
        g = plan_check_report(c, PLAN_RULE_ANNIV_ARITH, pos,
                              _("\"%.*s\" counts %d years, but %d to %d is %d; correct the "
                                "number or the years"),
                              (int)a->len, a->s, a->n, a->a.y, a->b.y, years);
    else if (years == a->n)
        g = plan_check_report(c, PLAN_RULE_ANNIV_ARITH, pos,
                              _("in \"%.*s\" the anniversary %s is not the same day and month "
                                "as %s; correct one of the dates"),
                              (int)a->len, a->s, dmy(a->b, d2), dmy(a->a, d1));
    else
        g = plan_check_report(c, PLAN_RULE_ANNIV_ARITH, pos,
                              _("\"%.*s\" counts %d years, which does not match %s – %s; "
                                "correct the number or the dates"),
                              (int)a->len, a->s, a->n, dmy(a->a, d1), dmy(a->b, d2));
    plan_diag_note(g, _("an anniversary \"N năm\" falls N years to the day after the date it "
                        "commemorates"));
}

static void anniv_check_text(plan_check *c, const plan_text *t)
{
    anniv a;
    if (!t->s)
        return;
    for (const char *at = t->s; anniv_next(t->s, &at, &a);)
        if (anniv_wrong(&a))
            anniv_report(c, t->pos, &a);
}

static void anniv_block(plan_check *c, const plan_block *b, void *ctx)
{
    (void)ctx;
    anniv_check_text(c, &b->text);
    if (b->section)
        anniv_check_text(c, &b->section->heading);
}

static void anniv_arith(plan_check *c)
{
    const plan_doc *d = c->doc;
    anniv_check_text(c, &d->header.subject);
    anniv_check_text(c, &d->header.theme);
    for (const plan_textlist *l = d->basis_text; l; l = l->next)
        anniv_check_text(c, &l->t);
    plan_walk_blocks(d->body, c, anniv_block, NULL);
}

/* ---- EVENT-AFTER-END ---------------------------------------------------- */

#define LATE_MAX 16

typedef struct late_events {
    plan_check *c;
    plan_date end;
    plan_buf list;
    plan_date seen[LATE_MAX];
    int n;
} late_events;

static void late_add(late_events *l, plan_date when, const char *name, int name_len)
{
    char buf[16];
    if (plan_date_cmp(when, l->end) <= 0)
        return;
    int kept = l->n < LATE_MAX ? l->n : LATE_MAX;
    for (int i = 0; i < kept; i++)
        if (plan_date_cmp(l->seen[i], when) == 0)
            return;
    if (l->n < LATE_MAX)
        l->seen[l->n] = when;
    if (l->n++)
        plan_buf_puts(&l->list, "; ");
    plan_buf_printf(&l->list, "%.*s (%s)", name_len, name, dmy(when, buf));
}

/* The anniversaries and calendar events a text celebrates. */
static void late_collect(late_events *l, const plan_text *t)
{
    anniv a;
    if (!t->s)
        return;
    for (const char *at = t->s; anniv_next(t->s, &at, &a);) {
        plan_date when = a.full ? a.b : (plan_date){a.b.y, 1, 1};
        late_add(l, when, a.s, (int)a.name_len);
    }
    const plan_event *e = plan_event_get(plan_event_match_folded(plan_check_fold(l->c, t->s)));
    if (e)
        late_add(l, e->start, e->name, (int)strlen(e->name));
}

static void event_after_end(plan_check *c)
{
    const plan_doc *d = c->doc;
    const plan_when *last = NULL;
    for (const plan_period *p = d->periods; p; p = p->next)
        if (resolved(&p->end) && (!last || plan_date_cmp(p->end.hi, last->hi) > 0))
            last = &p->end;
    if (!last)
        return;
    late_events l = {.c = c, .end = last->hi, .list = PLAN_BUF_INIT};
    late_collect(&l, &d->header.subject);
    late_collect(&l, &d->header.theme);
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        late_collect(&l, &t->t);
    if (l.n) {
        plan_buf wd = PLAN_BUF_INIT;
        plan_diag *g = plan_check_report(c, PLAN_RULE_EVENT_AFTER_END, last->text.pos,
                                         _("the campaign ends %s but the events it celebrates "
                                           "come later: %s; say when results are reviewed and "
                                           "awards presented"),
                                         when_desc(last, &wd), plan_buf_cstr(&l.list));
        plan_buf_free(&wd);
        plan_diag_note(g, _("awards are usually presented at the celebration itself"));
    }
    plan_buf_free(&l.list);
}

void plan_check_content(plan_check *c)
{
    kind_check(c);
    elements_check(c);
    period_present(c);
    periods(c);
    anniv_arith(c);
    event_after_end(c);
}
