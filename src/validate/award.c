/*
 * award.c - the checks of the "award" category of the rule catalogue
 * (src/validate/catalogue/award.def): the awards a plan lists, resolved
 * against the catalogue of src/data/awards.c, and who may decide them
 * (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 5, 9, 13, 16-20, 33, 77-83).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/awards.h"
#include "plan/i18n.h"
#include "plan/validate.h"
#include "validate/internal.h"

/* An award of the plan with its catalogue row. */
typedef struct resolved {
    const plan_award *a;
    const plan_award_entry *e; /* NULL: not in the catalogue */
    int by_authority;          /* e was found through <authority> */
} resolved;

/* ---- small helpers ---- */

static plan_date plan_day(const plan_doc *doc)
{
    const plan_when *w = &doc->header.date;
    if (w->text.s && w->prec == PLAN_PREC_DAY && w->lo.y)
        return w->lo;
    return (plan_date){0, 0, 0};
}

static void fmt_date(plan_date d, char *buf, size_t n)
{
    snprintf(buf, n, "%02d/%02d/%04d", d.d, d.m, d.y);
}

/* " (unverified)" for a source marked U, to append to it in a note. */
static const char *unverified(const char *mark)
{
    return mark && strcmp(mark, "U") == 0 ? _(" (unverified)") : "";
}

static plan_pos pos_or(plan_pos p, plan_pos fallback)
{
    return p.line ? p : fallback;
}

static const char *level_name(plan_level l)
{
    switch (l) {
    case PLAN_LEVEL_CENTRAL: return _("central government");
    case PLAN_LEVEL_MINISTRY: return _("ministry");
    case PLAN_LEVEL_PROVINCE: return _("province");
    case PLAN_LEVEL_DEPARTMENT: return _("Sở");
    case PLAN_LEVEL_DISTRICT: return _("district");
    case PLAN_LEVEL_COMMUNE: return _("commune");
    case PLAN_LEVEL_UNIT: return _("unit");
    default: return _("unknown");
    }
}

/* "individuals", "collectives and households" … for a for= mask. */
static void for_words(unsigned mask, char *buf, size_t n)
{
    const char *w[3] = {_("collectives"), _("individuals"), _("households")};
    buf[0] = '\0';
    for (int i = 0; i < 3; i++)
        if (mask & (1u << i)) {
            if (buf[0])
                strncat(buf, ", ", n - strlen(buf) - 1);
            strncat(buf, w[i], n - strlen(buf) - 1);
        }
}

/* The catalogue row of an award: by its name, and when the name leaves the
 * issuer open ("Giấy khen"), by the name completed with <authority>. */
static resolved resolve(const plan_award *a)
{
    resolved r = {a, NULL, 0};
    r.e = plan_award_row(a->name.s, a->authority.s, &r.by_authority);
    return r;
}

/* ---- AWARD-PRESENT ---- */

static void find_awards_section(plan_check *c, const plan_block *b, void *ctx)
{
    (void)c;
    const plan_block **found = ctx;
    if (!*found && b->kind == PLAN_B_SECTION && b->section &&
        (b->section->roles & PLAN_ROLE_AWARDS))
        *found = b;
}

static void award_present(plan_check *c)
{
    const plan_doc *doc = c->doc;
    if (doc->awards)
        return;
    const plan_block *sec = NULL;
    plan_walk_blocks(doc->body, c, find_awards_section, &sec);
    plan_pos pos = sec ? sec->pos : pos_or(doc->body_pos, doc->pos);
    int campaign = doc->kind == PLAN_KIND_CAMPAIGN;
    plan_diag *g = plan_check_report_sev(
        c, PLAN_RULE_AWARD_PRESENT, campaign ? PLAN_SEV_ERROR : PLAN_SEV_WARNING, pos,
        _("the plan lists no award (danh hiệu thi đua or hình thức khen thưởng); state how "
          "results are rewarded with <award> elements, e.g. the Giấy khen of the issuer's "
          "head"));
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 17 khoản 5: organising a "
                        "movement includes \"sơ kết, tổng kết và khen thưởng\""));
    if (!campaign)
        plan_diag_note(g, _("a warning, not an error, for a thường xuyên plan: its titles are "
                            "bình xét at the end of the year; a chuyên đề plan without awards "
                            "is an error"));
}

/* ---- AWARD-KNOWN ---- */

static void award_known(plan_check *c, const resolved *r, plan_date day)
{
    const plan_award *a = r->a;
    const plan_award_entry *e = r->e;
    plan_diag *g = NULL;
    plan_pos pos = r->by_authority ? a->authority.pos : a->name.pos;
    char when[32], since[32], who[64], given[64];
    if (!e) {
        g = plan_check_report(c, PLAN_RULE_AWARD_KNOWN, a->name.pos,
                              _("award \"%s\" is not in the catalogue of danh hiệu thi đua and "
                                "hình thức khen thưởng; use the name the law gives it, e.g. "
                                "\"Giấy khen của Giám đốc Sở\" or \"Bằng khen của Chủ tịch UBND "
                                "tỉnh\""),
                              a->name.s);
    } else if (e->not_award && r->by_authority) {
        g = plan_check_report(c, PLAN_RULE_AWARD_KNOWN, pos,
                              _("\"%s\" of \"%s\" is not an award of the law: %s; name an "
                                "award that authority may give"),
                              a->name.s, a->authority.s, _(e->not_award));
    } else if (e->not_award) {
        g = plan_check_report(c, PLAN_RULE_AWARD_KNOWN, pos,
                              _("\"%s\" is not an award of the law: %s; name an award its "
                                "issuer may give"),
                              a->name.s, _(e->not_award));
    } else if (e->until.y && day.y && plan_date_cmp(day, e->until) > 0) {
        fmt_date(day, when, sizeof when);
        fmt_date(e->until, since, sizeof since);
        g = plan_check_report(c, PLAN_RULE_AWARD_KNOWN, a->name.pos,
                              _("\"%s\" is no longer an award: the plan is dated %s and the "
                                "form existed only until %s; choose one of the forms of Điều 9, "
                                "e.g. a Giấy khen or a Bằng khen"),
                              a->name.s, when, since);
    } else if (a->for_mask & ~e->for_mask) {
        for_words(e->for_mask, who, sizeof who);
        for_words(a->for_mask & ~e->for_mask, given, sizeof given);
        g = plan_check_report(c, PLAN_RULE_AWARD_KNOWN, a->pos,
                              _("\"%s\" is given to %s only, but the plan also gives it to %s; "
                                "restrict for= or choose the title meant for them"),
                              a->name.s, who, given);
    }
    if (!g)
        return;
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 9 (hình thức khen "
                        "thưởng), Điều 19-20 (danh hiệu thi đua)"));
    if (e)
        plan_diag_note(g, _("catalogue: %s%s"), _(e->source), unverified(e->verified));
}

/* ---- AWARD-ISSUER-SPECIFIED, AWARD-CLASS ---- */

/* 1 when a name says whose award it is ("Giấy khen của Chủ tịch Công đoàn");
 * folded is its plan_check_fold. */
static int names_issuer(const char *folded)
{
    if (!strstr(folded, "cua"))
        return 0; /* the key text has no word "cua" */
    char *k = plan_award_key_folded(folded);
    char *cua = strstr(k, " cua ");
    int named = cua && cua[5] && cua[5] != '|';
    free(k);
    return named;
}

static void issuer_specified(plan_check *c, const resolved *r)
{
    const plan_award *a = r->a;
    if (!r->e->generic)
        return;
    const char *name = plan_check_fold(c, a->name.s);
    const plan_award_phrase *v = plan_award_phrase_in_folded(PLAN_AWARD_PH_VAGUE, a->name.s, name);
    const plan_text *t = &a->name;
    if (!v && names_issuer(name))
        return;
    if (!v && a->authority.s) {
        v = plan_award_phrase_in_folded(PLAN_AWARD_PH_VAGUE, a->authority.s,
                                        plan_check_fold(c, a->authority.s));
        if (!v)
            return;
        t = &a->authority;
    }
    plan_diag *g;
    if (v)
        g = plan_check_report(c, PLAN_RULE_AWARD_ISSUER_SPECIFIED, t->pos,
                              _("\"%s\" leaves its issuer open (\"%s\"); name whose it is, e.g. "
                                "\"Giấy khen của Giám đốc Sở\" or \"Bằng khen của Chủ tịch UBND "
                                "tỉnh\""),
                              a->name.s, t->s);
    else
        g = plan_check_report(c, PLAN_RULE_AWARD_ISSUER_SPECIFIED, a->name.pos,
                              _("\"%s\" does not name its issuer; write whose it is, e.g. "
                                "\"Giấy khen của Giám đốc Sở\" or \"Bằng khen của Chủ tịch UBND "
                                "tỉnh\", or add <authority>"),
                              a->name.s);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 9, Điều 78-80: each Bằng "
                        "khen and Giấy khen belongs to the authority that awards it"));
}

static void award_class(plan_check *c, const resolved *r)
{
    const plan_award *a = r->a;
    int stated = plan_award_phrase_in_folded(PLAN_AWARD_PH_CLASS, a->name.s,
                                             plan_check_fold(c, a->name.s)) != NULL;
    if (r->e->classes == stated)
        return;
    plan_diag *g;
    if (r->e->classes)
        g = plan_check_report(c, PLAN_RULE_AWARD_CLASS, a->name.pos,
                              _("\"%s\" has classes (hạng Nhất, Nhì, Ba) but the plan states "
                                "none; state the class, or write \"hạng theo thành tích\""),
                              a->name.s);
    else
        g = plan_check_report(c, PLAN_RULE_AWARD_CLASS, a->name.pos,
                              _("\"%s\" states a class but %s has none; drop the hạng"),
                              a->name.s, r->e->name);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 33 khoản 2: Huân chương "
                        "Độc lập, Quân công, Lao động, Bảo vệ Tổ quốc, Chiến công have hạng "
                        "Nhất, Nhì, Ba"));
}

/* ---- AWARD-AUTHORITY-PROPOSE ---- */

static void authority_propose(plan_check *c, const resolved *r, plan_date day)
{
    const plan_doc *doc = c->doc;
    const plan_award *a = r->a;
    plan_level lv = doc->header.issuer_level;
    int issuer = plan_award_issuer_rank(lv);
    int needed = plan_award_rank(r->e, day);
    if (a->mode != PLAN_AWARD_GRANT || !issuer || !needed || needed <= issuer)
        return;
    /* A district issuer after 01/07/2025 is ORG-DISTRICT-2025's finding. */
    if (lv == PLAN_LEVEL_DISTRICT && day.y && plan_date_cmp(day, PLAN_AWARD_DISTRICT_END) >= 0)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_AWARD_AUTHORITY_PROPOSE, a->pos,
        _("\"%s\" is decided by %s, above the issuer's level, but the plan awards it itself "
          "(mode=\"grant\"); the plan may only propose it: write \"đề nghị\" or \"trình\" and "
          "mode=\"propose\""),
        a->name.s, _(r->e->decided_by));
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 13, Điều 77-80, Điều 83: "
                        "a head awards within his powers and proposes the rest to the "
                        "competent level"));
    plan_diag_note(g, _("the issuer \"%s\" is a %s-level body; catalogue: %s%s"),
                   doc->header.issuer.s ? doc->header.issuer.s : "?", level_name(lv),
                   _(r->e->source), unverified(r->e->verified));
}

/* ---- AWARD-ANNUAL-TITLE-IN-CAMPAIGN ---- */

static void annual_title(plan_check *c, const resolved *r)
{
    if (c->doc->kind != PLAN_KIND_CAMPAIGN || r->e->kind != PLAN_AWARD_KIND_TITLE)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_AWARD_ANNUAL_TITLE_IN_CAMPAIGN, r->a->name.pos,
        _("\"%s\" is an annual title (danh hiệu thi đua) but this is a chuyên đề plan; reward "
          "the campaign with a hình thức khen thưởng (Giấy khen, Bằng khen) and leave the title "
          "to the annual review"),
        r->a->name.s);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 16 (thường xuyên and "
                        "chuyên đề), Điều 19-20; NĐ 152/2025/NĐ-CP, Điều 4: chuyên đề results "
                        "are no ground for công trạng awards"));
}

/* ---- the texts that state an award's standards ---- */

typedef void (*text_fn)(const plan_text *t, int criterion, void *ctx);

static void section_texts(const plan_block *first, text_fn fn, void *ctx)
{
    for (const plan_block *b = first; b; b = b->next) {
        if ((b->kind == PLAN_B_P || b->kind == PLAN_B_CRITERION) && b->text.s)
            fn(&b->text, b->kind == PLAN_B_CRITERION, ctx);
        if (b->first)
            section_texts(b->first, fn, ctx);
    }
}

/* The award's <standard>s, then the criteria and paragraphs of the section
 * that holds it when that section states criteria (role="… criteria"). */
static void own_texts(const plan_award *a, text_fn fn, void *ctx)
{
    for (const plan_textlist *s = a->standards; s; s = s->next)
        if (s->t.s)
            fn(&s->t, 0, ctx);
    const plan_block *p = a->block ? a->block->parent : NULL;
    if (p && p->kind == PLAN_B_SECTION && p->section && (p->section->roles & PLAN_ROLE_CRITERIA))
        section_texts(p->first, fn, ctx);
}

/* What a text gives the checks below, kept for the plan (text_memo, after
 * AWARD-STANDARD): the awards of one section read the same paragraphs and
 * criteria of that section, and what those give depends on the text alone. */
typedef struct text_memo text_memo;
static const plan_award_phrase *memo_annual(plan_check *c, text_memo *m, const plan_text *t);

/* ---- AWARD-DOUBLE ---- */

typedef struct annual_hit {
    plan_check *c;
    text_memo *memo;
    const plan_text *t;
    const plan_award_phrase *ph;
} annual_hit;

static void find_annual(const plan_text *t, int criterion, void *ctx)
{
    (void)criterion;
    annual_hit *h = ctx;
    if (!h->t && (h->ph = memo_annual(h->c, h->memo, t)) != NULL)
        h->t = t;
}

static void award_double(plan_check *c, const resolved *r, text_memo *memo)
{
    if (c->doc->kind != PLAN_KIND_CAMPAIGN)
        return;
    const plan_award *a = r->a;
    annual_hit h = {c, memo, NULL, NULL};
    if (a->timing.s)
        find_annual(&a->timing, 0, &h);
    if (!h.t)
        own_texts(a, find_annual, &h);
    if (!h.t)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_AWARD_DOUBLE, h.t->pos,
        _("campaign award \"%s\" is tied to the annual review (\"%s\"); judge the campaign's "
          "own results when it ends, so that one achievement is not rewarded twice"),
        a->name.s, h.ph->shown);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 5 khoản 2 điểm c: "
                        "\"không khen thưởng nhiều lần, nhiều hình thức cho một thành tích đạt "
                        "được\"; NĐ 152/2025/NĐ-CP, Điều 4"));
}

/* ---- AWARD-DISTRICT-2025 ---- */

/* The latest end of the plan's periods, or {0}. */
static plan_date campaign_end(const plan_doc *doc)
{
    plan_date end = {0, 0, 0};
    for (const plan_period *p = doc->periods; p; p = p->next)
        if (p->end.text.s && p->end.prec != PLAN_PREC_NONE && p->end.hi.y &&
            (!end.y || plan_date_cmp(p->end.hi, end) > 0))
            end = p->end.hi;
    return end;
}

static void district_2025(plan_check *c, const resolved *r, plan_date day)
{
    const plan_award *a = r->a;
    const plan_text *t = &a->authority;
    if (!t->s || !plan_award_authority_in_folded(plan_check_fold(c, t->s), 1, 0)) {
        t = &a->name;
        if (!plan_award_authority_in_folded(plan_check_fold(c, t->s), 1, 0))
            return;
    }
    plan_date end = campaign_end(c->doc);
    plan_date law = {2025, 6, 12}; /* NQ 203/2025/QH15 adopted (rules.md §4) */
    char d1[32], d2[32];
    plan_diag *g;
    if (day.y && plan_date_cmp(day, PLAN_AWARD_DISTRICT_END) >= 0) {
        fmt_date(day, d1, sizeof d1);
        g = plan_check_report(c, PLAN_RULE_AWARD_DISTRICT_2025, t->pos,
                              _("\"%s\" makes the district level (Chủ tịch UBND cấp huyện) the "
                                "award authority, but that level ended on 01/07/2025, before "
                                "the plan's date %s; name an authority that exists"),
                              t->s, d1);
    } else if (day.y && plan_date_cmp(day, law) >= 0) {
        fmt_date(day, d1, sizeof d1);
        g = plan_check_report_sev(c, PLAN_RULE_AWARD_DISTRICT_2025, PLAN_SEV_WARNING, t->pos,
                                  _("\"%s\" makes the district level (Chủ tịch UBND cấp "
                                    "huyện) the award authority, but the plan is dated %s and "
                                    "the law ends that level on 01/07/2025; name an authority "
                                    "that will exist when the award is decided"),
                                  t->s, d1);
    } else if (day.y && end.y && plan_date_cmp(end, PLAN_AWARD_DISTRICT_END) >= 0) {
        fmt_date(end, d2, sizeof d2);
        g = plan_check_report_sev(c, PLAN_RULE_AWARD_DISTRICT_2025, PLAN_SEV_WARNING, t->pos,
                                  _("\"%s\" makes the district level (Chủ tịch UBND cấp "
                                    "huyện) the award authority, but that level ends on "
                                    "01/07/2025, before the campaign ends on %s; name an "
                                    "authority that will exist when the award is decided"),
                                  t->s, d2);
    } else {
        return;
    }
    plan_diag_note(g, _("NQ 203/2025/QH15 (amending Điều 110 of the Constitution): district-"
                        "level units end their activity on 01/07/2025"));
}

/* ---- AWARD-QUOTA ---- */

/* The count of a quota: the builder's, or the number that opens the text
 * ("03 cá nhân"); -1 when the text is not a number. */
static long quota_count(const plan_quota *q)
{
    if (q->count_ok)
        return q->count;
    const char *s = q->text.s;
    if (!s || *s < '0' || *s > '9')
        return -1;
    char *end;
    long n = strtol(s, &end, 10);
    return *end == ' ' ? n : -1;
}

static void quota_one(plan_check *c, const resolved *r, const plan_quota *q, unsigned seen)
{
    const plan_award *a = r->a;
    long n = quota_count(q);
    char who[64]; /* the quota's subjects, for the messages that name them */
    plan_diag *g = NULL;
    if (n < 0)
        g = plan_check_report(c, PLAN_RULE_AWARD_QUOTA, q->pos,
                              _("quota \"%s\" of \"%s\" is not a number; write the number of "
                                "awards, e.g. <quota for=\"individual\">03</quota>"),
                              q->text.s ? q->text.s : "", a->name.s);
    else if (n == 0)
        g = plan_check_report(c, PLAN_RULE_AWARD_QUOTA, q->pos,
                              _("quota \"%s\" of \"%s\" is zero; give a positive number or drop "
                                "the quota"),
                              q->text.s, a->name.s);
    else if (q->for_mask & seen) {
        for_words(q->for_mask, who, sizeof who);
        g = plan_check_report(c, PLAN_RULE_AWARD_QUOTA, q->pos,
                              _("\"%s\" has a second quota for %s; give one quota per subject"),
                              a->name.s, who);
    } else if ((a->for_mask && (q->for_mask & ~a->for_mask)) ||
               (r->e && (q->for_mask & ~r->e->for_mask))) {
        for_words(q->for_mask, who, sizeof who);
        g = plan_check_report(c, PLAN_RULE_AWARD_QUOTA, q->pos,
                              _("quota \"%s\" is for %s, who do not receive \"%s\"; give the "
                                "quota to the award's own subjects"),
                              q->text.s, who, a->name.s);
    }
    if (g)
        plan_diag_note(g, _("practice: a quota is a positive number of awards, each for a "
                            "subject (tập thể, cá nhân) of one award, as in Kế hoạch "
                            "32/KH-SNgV of Sở Ngoại vụ Lạng Sơn"));
}

static void award_quota(plan_check *c, const resolved *r)
{
    unsigned seen = 0;
    for (const plan_quota *q = r->a->quotas; q; q = q->next) {
        quota_one(c, r, q, seen);
        seen |= q->for_mask;
    }
}

/* ---- AWARD-STANDARD ---- */

enum { ST_NONE, ST_GENERIC, ST_MISSING_REF, ST_OK };

typedef struct st_eval {
    plan_check *c;
    text_memo *memo;
    int verdict;                  /* the best found so far */
    const plan_text *t;           /* the text behind a verdict below ST_OK */
    const plan_award_phrase *ph;  /* ST_GENERIC: the phrase */
    char ref[64];                 /* ST_MISSING_REF: the reference */
} st_eval;

/* The next reference to a document ("134/KH-UBND", "98/2023/NĐ-CP") in s
 * from *i on, copied to out; 0 when there is none. A date has no letters. */
static int next_ref(const char *s, size_t *i, char *out, size_t n)
{
    for (size_t j = *i; s[j]; j++) {
        if (s[j] < '0' || s[j] > '9' || (j > 0 && (s[j - 1] >= '0' && s[j - 1] <= '9')))
            continue;
        size_t k = j, o = 0;
        int slash = 0, letter = 0;
        for (;; k++) {
            unsigned char ch = (unsigned char)s[k];
            int two = ch == 0xC4 && ((unsigned char)s[k + 1] == 0x90 ||
                                     (unsigned char)s[k + 1] == 0x91);
            if (!(ch == '/' || ch == '-' || (ch >= '0' && ch <= '9') || two ||
                  (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
                break;
            slash |= ch == '/';
            letter |= slash && (two || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
            if (o + 2 < n)
                out[o++] = (char)ch;
            if (two) {
                if (o + 2 < n)
                    out[o++] = s[k + 1];
                k++;
            }
        }
        *i = k > j ? k : j + 1;
        while (o && (out[o - 1] == '-' || out[o - 1] == '/'))
            o--;
        out[o] = '\0';
        if (slash && letter)
            return 1;
        j = *i - 1;
    }
    return 0;
}

/* Equal notations, spaces ignored ("3621 /KH-SVHTTDL" = "3621/KH-SVHTTDL"). */
static int same_ref(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

static int in_basis(const plan_doc *doc, const char *ref)
{
    for (const plan_document *d = doc->documents; d; d = d->next)
        if (d->number.text.s && same_ref(d->number.text.s, ref))
            return 1;
    return 0;
}

/* The grade of one text, which depends on the text alone. */
typedef struct st_grade {
    int v;
    const plan_award_phrase *ph; /* ST_GENERIC: the phrase */
    char missing[64];            /* ST_MISSING_REF: the reference */
} st_grade;

/* Grades one text: a criterion or a concrete standard is ST_OK, and so is a
 * reference to a document of the basis; a reference to a document the plan
 * does not cite is ST_MISSING_REF; "theo quy định" alone is ST_GENERIC. */
static void st_grade_of(plan_check *c, const plan_text *t, int criterion, st_grade *gr)
{
    const plan_doc *doc = c->doc;
    int v = ST_OK, any = 0, cited = 0;
    const plan_award_phrase *ph = NULL;
    char ref[64];
    size_t i = 0;
    gr->missing[0] = '\0';
    while (!criterion && !cited && next_ref(t->s, &i, ref, sizeof ref)) {
        any = 1;
        cited = in_basis(doc, ref);
        if (!gr->missing[0])
            snprintf(gr->missing, sizeof gr->missing, "%s", ref);
    }
    if (any && !cited)
        v = ST_MISSING_REF;
    else if (!criterion && !any &&
             (ph = plan_award_phrase_in_folded(PLAN_AWARD_PH_GENERIC, t->s,
                                               plan_check_fold(c, t->s))))
        v = ST_GENERIC;
    gr->v = v;
    gr->ph = ph;
}

/* The memo: an open-addressed table by the text's address and criterion
 * (the criteria of a large plan are many: no linear search). */
typedef struct memo_entry {
    const plan_text *t; /* NULL: an empty slot */
    int criterion;
    int annual_done, grade_done;
    const plan_award_phrase *annual;
    st_grade grade;
} memo_entry;

enum { MEMO_SMALL = 32 };
struct text_memo {
    memo_entry *v;     /* small, or allocated when the plan has more texts */
    size_t n, cap;     /* cap: a power of two, at least twice n */
    memo_entry small[MEMO_SMALL];
};

static size_t memo_slot(const plan_text *t, int criterion, size_t cap)
{
    uint64_t h = ((uint64_t)(uintptr_t)t ^ (uint64_t)criterion) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & (cap - 1);
}

/* The entry of (t, criterion), new (zeroed) when it was not there; valid
 * until the next call. */
static memo_entry *memo_of(text_memo *m, const plan_text *t, int criterion)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = 2 * m->cap;
        memo_entry *v = plan_xmalloc(cap * sizeof *v);
        memset(v, 0, cap * sizeof *v);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->v[i].t)
                continue;
            size_t h = memo_slot(m->v[i].t, m->v[i].criterion, cap);
            while (v[h].t)
                h = (h + 1) & (cap - 1);
            v[h] = m->v[i];
        }
        if (m->v != m->small)
            free(m->v);
        m->v = v;
        m->cap = cap;
    }
    size_t h = memo_slot(t, criterion, m->cap);
    for (; m->v[h].t; h = (h + 1) & (m->cap - 1))
        if (m->v[h].t == t && m->v[h].criterion == criterion)
            return &m->v[h];
    m->v[h].t = t;
    m->v[h].criterion = criterion;
    m->n++;
    return &m->v[h];
}

static const plan_award_phrase *memo_annual(plan_check *c, text_memo *m, const plan_text *t)
{
    memo_entry *e = memo_of(m, t, 0);
    if (!e->annual_done) {
        e->annual = plan_award_phrase_in_folded(PLAN_AWARD_PH_ANNUAL, t->s, plan_check_fold(c, t->s));
        e->annual_done = 1;
    }
    return e->annual;
}

static const st_grade *memo_grade(plan_check *c, text_memo *m, const plan_text *t, int criterion)
{
    memo_entry *e = memo_of(m, t, criterion);
    if (!e->grade_done) {
        st_grade_of(c, t, criterion, &e->grade);
        e->grade_done = 1;
    }
    return &e->grade;
}

/* Adds the grade of text t to the verdict. */
static void st_merge(st_eval *ev, const plan_text *t, const st_grade *gr)
{
    if (gr->v == ST_OK || ev->verdict >= gr->v) {
        if (gr->v > ev->verdict)
            ev->verdict = gr->v;
        return;
    }
    ev->verdict = gr->v;
    ev->t = t;
    ev->ph = gr->ph;
    snprintf(ev->ref, sizeof ev->ref, "%s", gr->missing);
}

static void st_classify(const plan_text *t, int criterion, void *ctx)
{
    st_eval *ev = ctx;
    st_merge(ev, t, memo_grade(ev->c, ev->memo, t, criterion));
}

/* Paragraphs and criteria about award standards anywhere in the plan: those
 * under a section on criteria or awards that speak of "tiêu chuẩn" (in the
 * section heading or in the text). They hold for every award. */
/* The texts of the criteria and awards sections that speak of standards,
 * for every award alike: found once per plan (finding them folds every
 * text of those sections). */
typedef struct general {
    const plan_block **v;
    st_grade *grade; /* v[i]'s grade, for every award alike */
    size_t n;
    int done;
} general;

static void general_find(plan_check *c, const plan_block *first, general *g)
{
    /* Siblings share their parent: its heading is read once for all of them. */
    int heading = -1;
    for (const plan_block *b = first; b; b = b->next) {
        const plan_block *p = b->parent;
        if (!((b->kind == PLAN_B_P || b->kind == PLAN_B_CRITERION) && b->text.s && p &&
              p->section && (p->section->roles & (PLAN_ROLE_CRITERIA | PLAN_ROLE_AWARDS)))) {
            if (b->first)
                general_find(c, b->first, g);
            continue;
        }
        if (heading < 0)
            heading = plan_award_phrase_in_folded(PLAN_AWARD_PH_STANDARD, p->section->heading.s,
                                                  plan_check_fold(c, p->section->heading.s)) !=
                      NULL;
        if (heading || plan_award_phrase_in_folded(PLAN_AWARD_PH_STANDARD, b->text.s,
                                                   plan_check_fold(c, b->text.s))) {
            g->v = plan_xrealloc(g->v, (g->n + 1) * sizeof *g->v);
            g->v[g->n++] = b;
        }
        if (b->first)
            general_find(c, b->first, g);
    }
}

/* Adds the grades of the general texts to ev; they are found and graded
 * once per plan. */
static void general_grades(plan_check *c, general *g, st_eval *ev)
{
    if (!g->done) {
        general_find(c, c->doc->body, g);
        g->grade = plan_xmalloc((g->n ? g->n : 1) * sizeof *g->grade);
        for (size_t i = 0; i < g->n; i++)
            g->grade[i] = *memo_grade(c, ev->memo, &g->v[i]->text,
                                      g->v[i]->kind == PLAN_B_CRITERION);
        g->done = 1;
    }
    for (size_t i = 0; i < g->n; i++)
        st_merge(ev, &g->v[i]->text, &g->grade[i]);
}

/* Positions already reported: texts shared by several awards are reported once. */
typedef struct st_seen {
    plan_pos pos[32];
    size_t n;
} st_seen;

static int st_once(st_seen *s, plan_pos p)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->pos[i].line == p.line && s->pos[i].col == p.col)
            return 0;
    if (s->n < sizeof s->pos / sizeof *s->pos)
        s->pos[s->n++] = p;
    return 1;
}

static void award_standard(plan_check *c, const resolved *r, st_seen *seen, general *gen,
                           text_memo *memo)
{
    const plan_award *a = r->a;
    st_eval ev = {c, memo, ST_NONE, NULL, NULL, ""};
    own_texts(a, st_classify, &ev);
    if (ev.verdict != ST_OK)
        general_grades(c, gen, &ev);
    plan_diag *g;
    if (ev.verdict == ST_OK || (ev.t && !st_once(seen, ev.t->pos)))
        return;
    if (ev.verdict == ST_NONE)
        g = plan_check_report(c, PLAN_RULE_AWARD_STANDARD, a->pos,
                              _("no standard is stated for \"%s\"; state who qualifies for it, "
                                "or cite the document that sets its standards"),
                              a->name.s);
    else if (ev.verdict == ST_MISSING_REF)
        g = plan_check_report(c, PLAN_RULE_AWARD_STANDARD, ev.t->pos,
                              _("the standards of \"%s\" are left to %s, which the plan does not "
                                "cite; cite it in <basis> or state the standards"),
                              a->name.s, ev.ref);
    else
        g = plan_check_report_sev(c, PLAN_RULE_AWARD_STANDARD, PLAN_SEV_INFO, ev.t->pos,
                                  _("the award standards only say \"%s\"; state who qualifies "
                                    "for each award, or cite the document that sets the "
                                    "standards"),
                                  ev.ph->shown);
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 17 (tiêu chí of a "
                        "movement); practice: standards stated, or delegated to a document of "
                        "the basis"));
}

/* ---- AWARD-PROPOSAL-CHAIN ---- */

/* quote is the verb and the authority ("trình Thủ tướng Chính phủ"), or,
 * for a recipient (to=, <to>), NULL. */
static void chain_report(plan_check *c, plan_pos pos, const char *quote,
                         const plan_award_authority *au)
{
    plan_level lv = c->doc->header.issuer_level;
    plan_diag *g;
    if (quote)
        g = plan_check_report(c, PLAN_RULE_AWARD_PROPOSAL_CHAIN, pos,
                              _("the plan proposes directly to the %s (\"%s\"); a %s-level "
                                "issuer proposes Thủ tướng and State awards through the Chủ "
                                "tịch UBND tỉnh: address the proposal to the Chủ tịch UBND "
                                "tỉnh, with the dossier to the Sở Nội vụ"),
                              au->name, quote, level_name(lv));
    else
        g = plan_check_report(c, PLAN_RULE_AWARD_PROPOSAL_CHAIN, pos,
                              _("proposals are sent directly to the %s; a %s-level issuer "
                                "proposes Thủ tướng and State awards through the Chủ tịch UBND "
                                "tỉnh: send them to the Chủ tịch UBND tỉnh, with the dossier to "
                                "the Sở Nội vụ"),
                              au->name, level_name(lv));
    plan_diag_note(g, _("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 83 khoản 2: the Chủ tịch "
                        "UBND cấp tỉnh proposes that the Thủ tướng award or submit to the Chủ "
                        "tịch nước"));
    plan_diag_note(g, _("the Sở Nội vụ is the standing body of the Hội đồng Thi đua - Khen "
                        "thưởng tỉnh (practice of the plans, e.g. Kế hoạch 309/KH-UBND of UBND "
                        "tỉnh Lạng Sơn)"));
}

/* 1 when the clause of key text k around byte i names the provincial route. */
static int clause_has_chain(const char *k, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && k[a - 1] != '|')
        a--;
    while (k[b] && k[b] != '|')
        b++;
    char *cl = plan_xstrdup(k + a);
    cl[b - a] = '\0';
    int has = plan_award_authority_in(cl, 0, 1) != NULL;
    free(cl);
    return has;
}

/* 1 when a word of an authority of level 4 or 5 (plan_award_authority_at
 * with PLAN_AWARD_LEVEL_GOVERNMENT) may start at the word w[0..n): "chu
 * tich nuoc", "thu tuong", "chinh phu", "hoi dong …", "ban …". */
static int gov_first_word(const char *w, size_t n)
{
    return (n == 3 && (memcmp(w, "chu", 3) == 0 || memcmp(w, "thu", 3) == 0 ||
                       memcmp(w, "hoi", 3) == 0 || memcmp(w, "ban", 3) == 0)) ||
           (n == 5 && memcmp(w, "chinh", 5) == 0);
}

static int word_byte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

/* 1 when the word v[0..vn) of folded text f is followed by a word that may
 * start a level-4 or level-5 authority; with strict, by the words of such
 * an authority (plan_award_authority_words). The word is found with strstr
 * (one fast pass) instead of walking f word by word. */
static int verb_then_gov(const char *f, const char *v, size_t vn, int strict)
{
    for (const char *p = f; (p = strstr(p, v)) != NULL; p += vn) {
        if ((p > f && word_byte(p[-1])) || word_byte(p[vn]))
            continue; /* part of a longer word */
        const char *q = p + vn;
        while (*q && !word_byte(*q))
            q++;
        const char *e = q;
        while (word_byte(*e))
            e++;
        if (gov_first_word(q, (size_t)(e - q)) &&
            (!strict || plan_award_authority_words(q, PLAN_AWARD_LEVEL_GOVERNMENT)))
            return 1;
    }
    return 0;
}

/* 0 when no proposal verb ("trinh", "… nghi") of folded text f is followed
 * by a word that may start such an authority: then chain_text finds
 * nothing. The words of the key text are those of f (the replacements of
 * plan_award_key_folded write none of these words), in the same order.
 * The words of f are its runs of ASCII letters and digits; the word after
 * a verb is the next such run. */
int plan_award_chain_maybe(const char *f)
{
    return verb_then_gov(f, "trinh", 5, 0) || verb_then_gov(f, "nghi", 4, 0);
}

/* The same, but the words after the verb must be those of a level-4 or
 * level-5 authority ("trinh thu tuong", not "trinh chu tich ubnd tinh"):
 * what the key text holds after a verb, f holds too (the replacements of
 * plan_award_key_folded write no word of these authorities). */
int plan_award_chain_words(const char *f)
{
    return verb_then_gov(f, "trinh", 5, 1) || verb_then_gov(f, "nghi", 4, 1);
}

/* A proposal verb directly followed by a level-4 or level-5 authority. */
static void chain_text(plan_check *c, const plan_text *t)
{
    if (!t->s)
        return;
    const char *f = plan_check_fold(c, t->s);
    /* The quick test, then the strict one on the few texts that pass it
     * ("trình Chủ tịch UBND tỉnh", the route itself, passes the first). */
    if (!plan_award_chain_maybe(f) || !plan_award_chain_words(f))
        return;
    char *k = plan_award_key_folded(f);
    if (!plan_award_phrase_maybe(PLAN_AWARD_PH_PROPOSE, k)) {
        free(k);
        return;
    }
    for (size_t i = 1; k[i]; i++) {
        size_t n = 0;
        const plan_award_phrase *verb;
        const plan_award_authority *au;
        if (k[i - 1] != ' ' || !(verb = plan_award_phrase_at(PLAN_AWARD_PH_PROPOSE, k, i, &n)))
            continue;
        if (!(au = plan_award_authority_at(k, i + n + 1, PLAN_AWARD_LEVEL_GOVERNMENT)) ||
            clause_has_chain(k, i))
            continue;
        char quote[160];
        snprintf(quote, sizeof quote, "%s %s", verb->shown, au->name);
        chain_report(c, t->pos, quote, au);
        break;
    }
    free(k);
}

/* A recipient (to=, <to>) that is a level-4 or level-5 authority. */
static void chain_to(plan_check *c, const char *to, plan_pos pos)
{
    if (!to)
        return;
    /* The authority must open the key text: its first word is f's. */
    const char *f = plan_check_fold(c, to), *p = f;
    while (*p && !word_byte(*p))
        p++;
    const char *q = p;
    while (word_byte(*q))
        q++;
    if (!gov_first_word(p, (size_t)(q - p)))
        return;
    char *k = plan_award_key_folded(f);
    const plan_award_authority *au =
        plan_award_authority_in_key(k, 0, 1)
            ? NULL
            : plan_award_authority_at(k, 1, PLAN_AWARD_LEVEL_GOVERNMENT);
    free(k);
    if (au)
        chain_report(c, pos, NULL, au);
}

static void chain_block(plan_check *c, const plan_block *b, void *ctx)
{
    (void)ctx;
    if (b->kind == PLAN_B_P)
        chain_text(c, &b->text);
    if (b->kind == PLAN_B_AWARD) {
        for (const plan_textlist *s = b->award->standards; s; s = s->next)
            chain_text(c, &s->t);
        chain_text(c, &b->award->timing);
    }
    if (b->kind == PLAN_B_DEADLINE) {
        chain_text(c, &b->deadline->p);
        chain_text(c, &b->deadline->what);
        chain_to(c, b->deadline->to.s, b->deadline->to.pos);
    }
    if (b->kind == PLAN_B_ASSIGNMENT)
        for (const plan_task *t = b->assignment->tasks; t; t = t->next) {
            chain_text(c, &t->text);
            chain_to(c, t->to, t->pos);
        }
}

static void proposal_chain(plan_check *c)
{
    plan_level lv = c->doc->header.issuer_level;
    if (lv == PLAN_LEVEL_DEPARTMENT || lv == PLAN_LEVEL_UNIT || lv == PLAN_LEVEL_DISTRICT ||
        lv == PLAN_LEVEL_COMMUNE)
        plan_walk_blocks(c->doc->body, c, chain_block, NULL);
}

/* ---- the category ---- */

void plan_check_award(plan_check *c)
{
    plan_date day = plan_day(c->doc);
    st_seen seen = {{{0, 0}}, 0};
    general gen = {NULL, NULL, 0, 0};
    text_memo memo;
    memset(memo.small, 0, sizeof memo.small);
    memo.v = memo.small;
    memo.n = 0;
    memo.cap = MEMO_SMALL;
    award_present(c);
    for (const plan_award *a = c->doc->awards; a; a = a->next) {
        if (!a->name.s)
            continue;
        resolved r = resolve(a);
        award_quota(c, &r);
        award_known(c, &r, day);
        if (!r.e || r.e->not_award)
            continue;
        issuer_specified(c, &r);
        award_class(c, &r);
        authority_propose(c, &r, day);
        annual_title(c, &r);
        award_double(c, &r, &memo);
        district_2025(c, &r, day);
        award_standard(c, &r, &seen, &gen, &memo);
    }
    free(gen.v);
    free(gen.grade);
    if (memo.v != memo.small)
        free(memo.v);
    proposal_chain(c);
}
