/*
 * org.c - the checks of the org category (catalogue/org.def), rules.md
 * §7.4: the Tổ chức thực hiện section, who leads and who follows up, how
 * bodies outside the issuer's chain are addressed, the issuer's scope, the
 * 2025 reorganisation (no district level, 34 provinces) and the name of the
 * Hội đồng Thi đua - Khen thưởng.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/bodies.h"
#include "data/provinces.h"
#include "plan/i18n.h"
#include "plan/validate.h"
#include "validate/internal.h"

#define SRC_LAW17 "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 17 khoản 2"
#define SRC_LAW18 "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 18"
#define SRC_SCOPE "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 18 khoản 3–4; Điều 83 khoản 1"
#define SRC_LAW90 "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 90"
#define SRC_NQ202 "Nghị quyết số 202/2025/QH15"
#define SRC_NQ203 "Nghị quyết số 203/2025/QH15; Luật Tổ chức chính quyền địa phương số " \
                  "72/2025/QH15"

/* ---- small helpers ---- */

/* s, or its first size - 4 bytes cut at a character boundary and "…". */
static const char *clip(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n < size)
        return s;
    size_t k = size - 4;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, s, k);
    memcpy(buf + k, "…", 4);
    return buf;
}

/* "01/07/2025" into buf (at least 16 bytes). */
static const char *dmy(plan_date d, char *buf)
{
    snprintf(buf, 16, "%02u/%02u/%04u", (unsigned)d.d % 100, (unsigned)d.m % 100,
             (unsigned)d.y % 10000);
    return buf;
}

/* 1 when the accent-free, lower-case text (a text of the plan) contains
 * the accent-free key. */
static int has_ascii(plan_check *c, const char *text, const char *key)
{
    return strstr(plan_check_fold(c, text), key) != NULL;
}

/* A byte that belongs to a word (ASCII letter or digit, or part of a
 * multi-byte letter). */
static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* The issuer's level; when the header does not tell, a signer titled
 * Giám đốc or Chánh Văn phòng signs for a body of the Sở level. */
static plan_level issuer_level(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (d->header.issuer_level != PLAN_LEVEL_UNKNOWN)
        return d->header.issuer_level;
    if (d->sign_title.s && (has_ascii(c, d->sign_title.s, "giam doc") ||
                            has_ascii(c, d->sign_title.s, "chanh van phong")))
        return PLAN_LEVEL_DEPARTMENT;
    return PLAN_LEVEL_UNKNOWN;
}

static int below_province(plan_level l)
{
    return l == PLAN_LEVEL_DEPARTMENT || l == PLAN_LEVEL_UNIT || l == PLAN_LEVEL_DISTRICT ||
           l == PLAN_LEVEL_COMMUNE;
}

/* The plan's own date, y == 0 when it is missing or does not resolve. */
static plan_date plan_day(const plan_doc *d)
{
    const plan_when *w = &d->header.date;
    if (!w->text.s || w->prec == PLAN_PREC_NONE)
        return (plan_date){0, 0, 0};
    return w->lo;
}

/* ---- district-level bodies (rules.md §4) ---- */

/* "thành phố X" where X is a province of the table but not one of the
 * thành phố trực thuộc trung ương: a thành phố thuộc tỉnh, district level.
 * "Thành phố" alone is ambiguous and does not count. */
static int names_provincial_city(plan_check *c, const char *text)
{
    const char *f = plan_check_fold(c, text);
    int r = 0;
    for (const char *p = strstr(f, "thanh pho "); p && !r; p = strstr(p + 1, "thanh pho ")) {
        if (p > f && word_byte((unsigned char)p[-1]))
            continue;
        const char *name = p + strlen("thanh pho ");
        char *seg = strndup(name, strcspn(name, ",;()"));
        const plan_province *pr = plan_province_in(seg);
        if (pr && !pr->city) {
            char *k = plan_utf8_fold_ascii(pr->name);
            r = strncmp(seg, k, strlen(k)) == 0;
            free(k);
        }
        free(seg);
    }
    return r;
}

/* text (of the plan) names a district-level body. Every key of the kind
 * PLAN_BODY_DISTRICT, and "thanh pho", leaves one of these words in the
 * accent-free fold: a text without any is read no further. */
int plan_org_district_maybe(const char *f)
{
    return strstr(f, "huyen") || strstr(f, "quan") || strstr(f, "thi xa") ||
           strstr(f, "thi uy") || strstr(f, "thanh pho");
}

/* names_district when the kinds of body text names (plan_body_kinds) are
 * known already: the quick test is then not needed (it passes every text
 * with a district-level kind, and every text with "thanh pho "). */
static int names_district_kinds(plan_check *c, const char *text, unsigned kinds)
{
    return (kinds & (1u << PLAN_BODY_DISTRICT)) || names_provincial_city(c, text);
}

static int names_district(plan_check *c, const char *text)
{
    const char *f = plan_check_fold(c, text);
    if (!plan_org_district_maybe(f))
        return 0;
    return names_district_kinds(c, text, plan_body_kinds_folded(text, f));
}

/* text names an Ủy ban nhân dân itself, not only its Văn phòng (a body of
 * the Sở level: "Văn phòng Ủy ban nhân dân tỉnh"); kinds is
 * plan_body_kinds(text). */
static int names_committee(const char *text, unsigned kinds)
{
    static const char *const office[] = {"van phong uy ban nhan dan", "van phong ubnd"};
    if (!(kinds & (1u << PLAN_BODY_COMMITTEE)))
        return 0;
    char *f = plan_utf8_fold_ascii(text);
    for (size_t i = 0; i < 2; i++)
        for (char *p = strstr(f, office[i]); p; p = strstr(p, office[i]))
            memset(p, ' ', strlen(office[i]));
    int r = (plan_body_kinds(f) & (1u << PLAN_BODY_COMMITTEE)) != 0;
    free(f);
    return r;
}

/* ---- another Sở than the issuer ---- */

/* 1 when the code point at p is a capital letter. */
static int starts_capital(const char *p)
{
    if (!*p || !word_byte((unsigned char)*p))
        return 0;
    size_t n = 1;
    while (((unsigned char)p[n] & 0xC0) == 0x80)
        n++;
    char *one = strndup(p, n);
    char *f = plan_utf8_fold(one);
    int r = strcmp(one, f) != 0;
    free(one);
    free(f);
    return r;
}

/* 1 when the word after "Sở " is the issuer's abbreviation without its
 * leading S ("Sở VHTTDL" for SVHTTDL) or the abbreviation itself. */
static int is_own_abbr(const plan_doc *d, const char *w)
{
    const char *abbr = d->header.issuer_abbr;
    if (!abbr)
        return 0;
    size_t n = strcspn(w, " ,;.()");
    if (n == strlen(abbr) && strncmp(w, abbr, n) == 0)
        return 1;
    return abbr[0] == 'S' && n == strlen(abbr) - 1 && strncmp(w, abbr + 1, n) == 0;
}

/* text names a Sở by its name ("Sở Nội vụ") that is not the issuer. Only
 * known when the header names the issuer. */
static int names_other_department(const plan_doc *d, const char *text)
{
    if (!d->header.issuer.s || !*d->header.issuer.s)
        return 0;
    /* The Sở first: most texts name none, and then the issuer's name need
     * not be folded and sought. */
    int other = 0;
    for (const char *p = strstr(text, "Sở "); p && !other; p = strstr(p + 1, "Sở ")) {
        if (p > text && word_byte((unsigned char)p[-1]))
            continue;
        const char *w = p + strlen("Sở ");
        other = starts_capital(w) && !is_own_abbr(d, w);
    }
    return other && !plan_utf8_contains_folded(text, d->header.issuer.s);
}

/* ---- ORG-TASKS-PRESENT ---- */

static int is_org_section(plan_check *c, const plan_block *b)
{
    if (b->kind != PLAN_B_SECTION)
        return 0;
    if (b->section->roles & PLAN_ROLE_ORGANISATION)
        return 1;
    return b->section->heading.s && has_ascii(c, b->section->heading.s, "to chuc thuc hien");
}

static int holds_assignment(const plan_block *first)
{
    for (const plan_block *b = first; b; b = b->next) {
        if (b->kind == PLAN_B_ASSIGNMENT && b->assignment && b->assignment->offices)
            return 1;
        if (b->first && holds_assignment(b->first))
            return 1;
    }
    return 0;
}

typedef struct org_sections {
    const plan_block *first;   /* the first Tổ chức thực hiện section */
    int with_assignment;       /* one of them assigns an office */
} org_sections;

static void find_org(plan_check *c, const plan_block *b, void *ctx)
{
    org_sections *s = ctx;
    if (!is_org_section(c, b))
        return;
    if (!s->first)
        s->first = b;
    if (holds_assignment(b->first))
        s->with_assignment = 1;
}

static void tasks_present(plan_check *c)
{
    const plan_doc *d = c->doc;
    org_sections s = {NULL, 0};
    plan_walk_blocks(d->body, c, find_org, &s);
    if (s.with_assignment)
        return;
    plan_diag *g;
    if (s.first)
        g = plan_check_report(c, PLAN_RULE_ORG_TASKS_PRESENT, s.first->pos,
                              _("the Tổ chức thực hiện section assigns no office; write each "
                                "responsibility as an <assignment> naming its <office>"));
    else if (d->assignments)
        g = plan_check_report(c, PLAN_RULE_ORG_TASKS_PRESENT, d->assignments->pos,
                              _("the assignments are not under a Tổ chức thực hiện section; "
                                "put them in a section with role \"organisation\""));
    else
        g = plan_check_report(c, PLAN_RULE_ORG_TASKS_PRESENT,
                              d->body_pos.line ? d->body_pos : d->pos,
                              _("the plan has no Tổ chức thực hiện section; add a section with "
                                "role \"organisation\" that assigns the work to offices"));
    plan_diag_note(g, "%s", SRC_LAW17);
}

/* ---- ORG-LEAD and ORG-STANDING-BODY ---- */

/* The task's roles; a task without the attribute is read from its text.
 * "phối hợp" read from text also counts as other work, since the text may
 * well carry some: such a task gets an info at most. */
static unsigned task_roles(plan_check *c, const plan_task *t)
{
    if (t->roles || !t->text.s)
        return t->roles;
    unsigned r = 0;
    if (has_ascii(c, t->text.s, "chu tri"))
        r |= PLAN_TASK_LEAD;
    if (has_ascii(c, t->text.s, "theo doi") || has_ascii(c, t->text.s, "don doc"))
        r |= PLAN_TASK_MONITOR;
    if (has_ascii(c, t->text.s, "phoi hop"))
        r |= PLAN_TASK_COORDINATE | PLAN_TASK_IMPLEMENT;
    return r;
}

/* An assignment leads when one of its tasks is chủ trì or theo dõi, đôn đốc. */
static int assignment_leads(plan_check *c, const plan_assignment *a)
{
    for (const plan_task *t = a->tasks; t; t = t->next)
        if (task_roles(c, t) & (PLAN_TASK_LEAD | PLAN_TASK_MONITOR))
            return 1;
    return 0;
}

/* text names an office of another assignment that leads ("phối hợp với
 * Văn phòng Sở"); offices are compared without their parenthesis. */
static int names_leading_partner(plan_check *c, const plan_assignment *self,
                                 const char *text)
{
    /* plan_utf8_contains_folded(text, name) for every name, with text
     * folded once and each name into one buffer. */
    char *ft = NULL;
    plan_buf nb = PLAN_BUF_INIT;
    int hit = 0;
    for (const plan_assignment *a = c->doc->assignments; a && !hit; a = a->next) {
        if (a == self || !assignment_leads(c, a))
            continue;
        for (const plan_textlist *o = a->offices; o && !hit; o = o->next) {
            char *name = strndup(o->t.s, strcspn(o->t.s, "("));
            size_t n = strlen(name);
            while (n > 0 && name[n - 1] == ' ')
                name[--n] = '\0';
            if (n > 0) {
                if (!ft)
                    ft = plan_utf8_fold(text);
                hit = strstr(ft, plan_utf8_fold_buf(&nb, name, 0)) != NULL;
            }
            free(name);
        }
    }
    free(ft);
    plan_buf_free(&nb);
    return hit;
}

static void lead_task(plan_check *c, const plan_task *t, unsigned roles)
{
    char buf[96];
    const char *q = clip(t->text.s, buf, sizeof buf);
    plan_diag *g;
    if (roles == PLAN_TASK_COORDINATE)
        g = plan_check_report(c, PLAN_RULE_ORG_LEAD, t->text.pos,
                              _("the task '%s' is only \"phối hợp\" and nobody leads the work; "
                                "name the office that chủ trì (role \"lead\"), or make this "
                                "office the lead"),
                              q);
    else
        g = plan_check_report_sev(c, PLAN_RULE_ORG_LEAD, PLAN_SEV_INFO, t->text.pos,
                                  _("the task '%s' says \"phối hợp\" but no office is named to "
                                    "chủ trì; if this office leads the work, write \"Chủ trì, "
                                    "phối hợp …\" (role \"lead\")"),
                                  q);
    plan_diag_note(g, "%s", _("practice of the plans (không có quy định pháp luật)"));
}

static void lead(plan_check *c)
{
    const plan_doc *d = c->doc;
    for (const plan_assignment *a = d->assignments; a; a = a->next) {
        if (assignment_leads(c, a))
            continue;
        for (const plan_task *t = a->tasks; t; t = t->next) {
            unsigned roles = task_roles(c, t);
            if (!(roles & PLAN_TASK_COORDINATE) || !t->text.s)
                continue;
            if (!names_leading_partner(c, a, t->text.s))
                lead_task(c, t, roles);
        }
    }
}

static void standing_body(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (!d->assignments)
        return;
    for (const plan_assignment *a = d->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            if (task_roles(c, t) & PLAN_TASK_MONITOR)
                return;
    org_sections s = {NULL, 0};
    plan_walk_blocks(d->body, c, find_org, &s);
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_ORG_STANDING_BODY, s.first ? s.first->pos : d->assignments->pos,
        _("no task follows up the plan (theo dõi, đôn đốc); charge the standing body of the "
          "emulation council with it, e.g. \"Văn phòng Sở chủ trì theo dõi, đôn đốc, tổng "
          "hợp\" (role \"monitor\")"));
    plan_diag_note(g, "%s", SRC_LAW90);
}

/* ---- what the body table says of a text, kept for the plan ----
 * The offices, targets and recipients are read by several checks below
 * (ORG-DENGHI-EXTERNAL, ORG-SCOPE, ORG-DISTRICT-2025). */

enum { ORG_MEMO_MAX = 64 };
typedef struct org_text {
    const char *s;
    unsigned kinds; /* plan_body_kinds(s), when have & 1 */
    int district;   /* names_district(s), when have & 2 */
    unsigned have;
} org_text;

typedef struct org_memo {
    org_text v[ORG_MEMO_MAX]; /* v[0 .. n) */
    size_t n;
} org_memo;

/* The entry of s, new when it was not there; NULL when the memo is full
 * (the texts beyond are not kept). */
static org_text *memo_text(org_memo *m, const char *s)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].s == s)
            return &m->v[i];
    if (m->n == ORG_MEMO_MAX)
        return NULL;
    m->v[m->n] = (org_text){s, 0, 0, 0};
    return &m->v[m->n++];
}

static unsigned text_kinds(plan_check *c, org_memo *m, const char *s)
{
    org_text *e = memo_text(m, s);
    if (e && (e->have & 1))
        return e->kinds;
    unsigned k = plan_body_kinds_folded(s, plan_check_fold(c, s));
    if (e) {
        e->kinds = k;
        e->have |= 1;
    }
    return k;
}

static int text_district(plan_check *c, org_memo *m, const char *s)
{
    org_text *e = memo_text(m, s);
    if (e && (e->have & 2))
        return e->district;
    int d = e && (e->have & 1) ? names_district_kinds(c, s, e->kinds) : names_district(c, s);
    if (e) {
        e->district = d;
        e->have |= 2;
    }
    return d;
}

/* ---- ORG-DENGHI-EXTERNAL ---- */

/* Why office lies outside the chain of command of an issuer of level l,
 * as a msgid; NULL when it does not. */
static const char *outside_chain(plan_check *c, org_memo *m, plan_level l, const char *office)
{
    const plan_doc *d = c->doc;
    unsigned k = text_kinds(c, m, office);
    if (k & (1u << PLAN_BODY_FRONT))
        return N_("the Mặt trận Tổ quốc");
    if (k & (1u << PLAN_BODY_MASS))
        return N_("a tổ chức chính trị - xã hội or đoàn thể");
    if (k & (1u << PLAN_BODY_PARTY))
        return N_("a body of the Party");
    if (k & (1u << PLAN_BODY_ELECTED))
        return N_("an elected body");
    if (k & (1u << PLAN_BODY_JUDICIAL))
        return N_("a court or procuracy");
    if (!below_province(l))
        return NULL;
    if (l != PLAN_LEVEL_DISTRICT && text_district(c, m, office))
        return N_("a district-level body");
    if ((l == PLAN_LEVEL_DEPARTMENT || l == PLAN_LEVEL_UNIT) && names_committee(office, k))
        return N_("an Ủy ban nhân dân");
    if (names_other_department(d, office))
        return N_("another Sở");
    return NULL;
}

static void denghi_external(plan_check *c, org_memo *m)
{
    const plan_doc *d = c->doc;
    plan_level l = issuer_level(c);
    for (const plan_assignment *a = d->assignments; a; a = a->next) {
        if (a->mode == PLAN_ASSIGN_REQUEST)
            continue;
        for (const plan_textlist *o = a->offices; o; o = o->next) {
            const char *why = outside_chain(c, m, l, o->t.s);
            if (!why)
                continue;
            plan_diag *g = plan_check_report(
                c, PLAN_RULE_ORG_DENGHI_EXTERNAL, o->t.pos,
                a->mode == PLAN_ASSIGN_ASSIGN
                    ? _("'%s' is %s, outside the issuer's chain of command, but is given tasks "
                        "with \"Giao\"; address it with \"Đề nghị\" (mode=\"request\")")
                    : _("'%s' is %s, outside the issuer's chain of command, but is given tasks "
                        "without \"Đề nghị\"; address it with \"Đề nghị\" (mode=\"request\")"),
                o->t.s, _(why));
            plan_diag_note(g, "%s", SRC_LAW18);
            plan_diag_note(g, "%s", _("as in Kế hoạch 309/KH-UBND of UBND tỉnh Lạng Sơn: "
                                      "\"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các "
                                      "tổ chức chính trị - xã hội …\""));
        }
    }
}

/* ---- ORG-SCOPE ---- */

typedef struct scope_ctx {
    plan_level l;
    org_memo *m;
} scope_ctx;

static void scope_target(plan_check *c, const plan_block *b, void *ctx)
{
    const scope_ctx *x = ctx;
    if (b->kind != PLAN_B_TARGET || !b->text.s)
        return;
    const char *why = NULL;
    int sodept = x->l == PLAN_LEVEL_DEPARTMENT || x->l == PLAN_LEVEL_UNIT;
    if (text_district(c, x->m, b->text.s))
        why = N_("a district-level body, which answers to the UBND huyện");
    else if (sodept && names_committee(b->text.s, text_kinds(c, x->m, b->text.s)))
        why = N_("an Ủy ban nhân dân");
    else if (sodept && names_other_department(c->doc, b->text.s))
        why = N_("another Sở");
    if (!why)
        return;
    char buf[96];
    plan_diag *g = plan_check_report(c, PLAN_RULE_ORG_SCOPE, b->text.pos,
                                     _("the target group '%s' names %s, outside the issuer's "
                                       "management; target the issuer's own units and staff, "
                                       "and ask other bodies to take part with \"Đề nghị\" in "
                                       "Tổ chức thực hiện"),
                                     clip(b->text.s, buf, sizeof buf), _(why));
    plan_diag_note(g, "%s", SRC_SCOPE);
}

static void scope(plan_check *c, org_memo *m)
{
    scope_ctx x = {issuer_level(c), m};
    if (x.l != PLAN_LEVEL_DEPARTMENT && x.l != PLAN_LEVEL_UNIT && x.l != PLAN_LEVEL_COMMUNE)
        return;
    plan_walk_blocks(c->doc->body, c, scope_target, &x);
}

/* ---- ORG-DISTRICT-2025 ---- */

typedef struct reorg {
    plan_date day;
    plan_severity sev;
    org_memo *m;
} reorg;

static void district_report(plan_check *c, const reorg *r, const plan_text *t, const char *what)
{
    if (!t->s || !text_district(c, r->m, t->s))
        return;
    char buf[96], day[16];
    plan_diag *g;
    if (r->sev == PLAN_SEV_ERROR)
        g = plan_check_report(c, PLAN_RULE_ORG_DISTRICT_2025, t->pos,
                              _("the %s '%s' is a district-level body, but the plan is dated %s "
                                "and the district level ended on 01/07/2025; name the xã, "
                                "phường or provincial body that took over its work"),
                              _(what), clip(t->s, buf, sizeof buf), dmy(r->day, day));
    else
        g = plan_check_report_sev(c, PLAN_RULE_ORG_DISTRICT_2025, PLAN_SEV_WARNING, t->pos,
                                  _("the %s '%s' is a district-level body, and the plan is "
                                    "dated %s, after NQ 202/2025/QH15 took effect; the "
                                    "district level ends on 01/07/2025, so check that the "
                                    "work does not run past 30/06/2025"),
                                  _(what), clip(t->s, buf, sizeof buf), dmy(r->day, day));
    plan_diag_note(g, "%s", SRC_NQ203);
}

static void district_target(plan_check *c, const plan_block *b, void *ctx)
{
    if (b->kind == PLAN_B_TARGET)
        district_report(c, ctx, &b->text, N_("target group"));
}

static void district_2025(plan_check *c, org_memo *m)
{
    const plan_doc *d = c->doc;
    reorg r = {plan_day(d), PLAN_SEV_OFF, m};
    if (!r.day.y || plan_date_cmp(r.day, PLAN_REORG_LAW_DATE) < 0)
        return;
    r.sev = plan_date_cmp(r.day, PLAN_REORG_DATE) >= 0 ? PLAN_SEV_ERROR : PLAN_SEV_WARNING;
    for (const plan_assignment *a = d->assignments; a; a = a->next)
        for (const plan_textlist *o = a->offices; o; o = o->next)
            district_report(c, &r, &o->t, N_("assignee"));
    plan_walk_blocks(d->body, c, district_target, &r);
    for (const plan_textlist *t = d->recipients; t; t = t->next)
        district_report(c, &r, &t->t, N_("recipient"));
}

/* ---- ORG-PROVINCE-2025 ---- */

/* 1 when "cũ" (former) follows at p, possibly in parentheses. */
static int former_follows(const char *p)
{
    while (*p == ' ' || *p == '(')
        p++;
    return strncmp(p, "cu", 2) == 0 && !word_byte((unsigned char)p[2]);
}

/* The first province that does not exist on day and that text names as
 * "tỉnh X" or "thành phố X" without "cũ" after it; NULL when none. The
 * names are tried where they may be, after each "tinh " and "thanh pho "
 * of the fold, and the first of the table that qualifies is the one. */
static const plan_province *abolished_in(plan_check *c, const char *text, plan_date day)
{
    static const char *const heads[] = {"tinh ", "thanh pho "};
    const char *f = plan_check_fold(c, text);
    const char *const *keys;
    const size_t *lens;
    size_t count = plan_province_keys(&keys, &lens), best = count;
    for (size_t h = 0; h < 2; h++) {
        size_t hn = strlen(heads[h]);
        for (const char *p = strstr(f, heads[h]); p; p = strstr(p + 1, heads[h])) {
            const char *x = p + hn;
            for (size_t i = 0; i < best; i++) {
                size_t n = lens[i];
                if (x[0] != keys[i][0] || strncmp(x, keys[i], n) != 0 ||
                    word_byte((unsigned char)x[n]) || former_follows(x + n) ||
                    plan_province_exists_on(plan_province_get((int)i), day))
                    continue;
                best = i;
                break;
            }
        }
    }
    return best < count ? plan_province_get((int)best) : NULL;
}

static void province_report(plan_check *c, const plan_text *t, const plan_province *pr,
                            const char *what)
{
    char buf[96];
    plan_diag *g = plan_check_report(c, PLAN_RULE_ORG_PROVINCE_2025, t->pos,
                                     _("the %s '%s' names %s, which is no longer a province "
                                       "since 01/07/2025; name %s, the unit it joined"),
                                     _(what), clip(t->s, buf, sizeof buf), pr->name,
                                     pr->merged_into ? pr->merged_into : "?");
    plan_diag_note(g, "%s", SRC_NQ202);
}

static void province_target(plan_check *c, const plan_block *b, void *ctx)
{
    const plan_date *day = ctx;
    const plan_province *pr;
    if (b->kind == PLAN_B_TARGET && b->text.s && (pr = abolished_in(c, b->text.s, *day)))
        province_report(c, &b->text, pr, N_("target group"));
}

/* The issuer's province, from the parent line, the issuer or its locality. */
static void province_issuer(plan_check *c, plan_date day)
{
    const plan_header *h = &c->doc->header;
    const plan_text *lines[] = {&h->parent_body, &h->issuer};
    for (size_t i = 0; i < 2; i++) {
        const plan_province *pr = lines[i]->s ? plan_province_in(lines[i]->s) : NULL;
        if (pr) {
            if (!plan_province_exists_on(pr, day))
                province_report(c, lines[i], pr, N_("issuer"));
            return;
        }
    }
    const plan_province *pr = h->locality ? plan_province_in(h->locality) : NULL;
    if (pr && !plan_province_exists_on(pr, day)) {
        plan_text t = {h->locality, h->issuer.s ? h->issuer.pos : h->pos};
        province_report(c, &t, pr, N_("issuer's locality"));
    }
}

static void province_2025(plan_check *c)
{
    const plan_doc *d = c->doc;
    plan_date day = plan_day(d);
    if (!day.y || plan_date_cmp(day, PLAN_REORG_DATE) < 0)
        return;
    province_issuer(c, day);
    const plan_province *pr;
    for (const plan_assignment *a = d->assignments; a; a = a->next)
        for (const plan_textlist *o = a->offices; o; o = o->next)
            if ((pr = abolished_in(c, o->t.s, day)))
                province_report(c, &o->t, pr, N_("assignee"));
    plan_walk_blocks(d->body, c, province_target, &day);
    for (const plan_textlist *t = d->recipients; t; t = t->next)
        if ((pr = abolished_in(c, t->t.s, day)))
            province_report(c, &t->t, pr, N_("recipient"));
}

/* ---- ORG-COUNCIL-NAME ---- */

enum owner { OWN_NONE, OWN_SO, OWN_VP, OWN_UNIT, OWN_PROV, OWN_TW, OWN_BO, OWN_DIST,
             OWN_COMM };

typedef struct mention {
    char *key;          /* folded "hội đồng thi đua - khen thưởng sở" */
    char *written;      /* as written */
    char *owner;        /* the owner word(s) as written, "" when none */
    int group;          /* -1: the issuer's own council, else an owner */
    plan_pos pos;
} mention;

typedef struct council_ctx {
    plan_check *c;
    mention *v;
    size_t n, cap;
    plan_level level;
    plan_buf fold; /* the three words folded (council_scan) */
} council_ctx;

/* The owner word(s) at the start of the folded text f (accents kept, so
 * that "sở" is not "số" nor "tỉnh" "tinh"): their class and how many
 * words they take. */
static int owner_of(const char *f, int *words)
{
    static const struct { const char *w; int cls, n; } owners[] = {
        {"văn phòng", OWN_VP, 2}, {"trung ương", OWN_TW, 2}, {"cơ sở", OWN_UNIT, 2},
        {"cơ quan", OWN_UNIT, 2}, {"đơn vị", OWN_UNIT, 2},   {"thành phố", OWN_PROV, 2},
        {"thị xã", OWN_DIST, 2},  {"sở", OWN_SO, 1},         {"tỉnh", OWN_PROV, 1},
        {"tw", OWN_TW, 1},        {"bộ", OWN_BO, 1},         {"ngành", OWN_UNIT, 1},
        {"huyện", OWN_DIST, 1},   {"quận", OWN_DIST, 1},     {"xã", OWN_COMM, 1},
        {"phường", OWN_COMM, 1},
    };
    for (size_t i = 0; i < sizeof owners / sizeof *owners; i++) {
        size_t n = strlen(owners[i].w);
        if (strncmp(f, owners[i].w, n) == 0 && !word_byte((unsigned char)f[n])) {
            *words = owners[i].n;
            return owners[i].cls;
        }
    }
    *words = 0;
    return OWN_NONE;
}

/* 1 when the council of owner class cls is the issuer's own. */
static int own_council(plan_level l, int cls)
{
    if (cls == OWN_NONE)
        return 1;
    switch (l) {
    case PLAN_LEVEL_DEPARTMENT:
    case PLAN_LEVEL_UNIT:
        return cls == OWN_SO || cls == OWN_VP || cls == OWN_UNIT;
    case PLAN_LEVEL_PROVINCE:
        return cls == OWN_PROV;
    case PLAN_LEVEL_MINISTRY:
        return cls == OWN_BO || cls == OWN_UNIT;
    case PLAN_LEVEL_DISTRICT:
        return cls == OWN_DIST;
    case PLAN_LEVEL_COMMUNE:
        return cls == OWN_COMM;
    case PLAN_LEVEL_CENTRAL:
        return cls == OWN_TW;
    default:
        return 0;
    }
}

/* Pointer past the first `words` space-separated words of s. */
static const char *skip_words(const char *s, int words)
{
    for (int i = 0; i < words && *s; i++) {
        s += strcspn(s, " ");
        s += strspn(s, " ");
    }
    return s;
}

/* How many words of the accent-free f, which follows "hội đồng ", make up
 * "thi đua - khen thưởng" in any punctuation; 0 when they do not. *seen:
 * a bound on the bytes of f it read (f[0 .. *seen), its NUL included when
 * f is shorter). */
static int core_words(const char *f, size_t *seen)
{
    *seen = 7;
    if (strncmp(f, "thi dua", 7) != 0)
        return 0;
    const char *p = f + 7;
    p += strspn(p, " -,\xe2\x80\x93");  /* space, hyphen, comma, en dash */
    *seen = (size_t)(p - f) + 12;
    if (strncmp(p, "khen thuong", 11) != 0 || word_byte((unsigned char)p[11]))
        return 0;
    p += 11;
    int words = 1;
    for (const char *q = f; q < p; q++)
        if (*q == ' ')
            words++;
    return words;
}

/* Copies the first `words` words of s, without the punctuation that ends
 * the last one; *closed is set when that punctuation ends the name. */
static char *take_words(const char *s, int words, int *closed)
{
    const char *e = skip_words(s, words);
    size_t n = (size_t)(e - s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t k = n;
    while (k > 0 && strchr(",.;:)\"", s[k - 1]))
        k--;
    if (closed)
        *closed = k < n;
    return strndup(s, k);
}

/* The fold (ascii: plan_utf8_fold_ascii, else plan_utf8_fold) of the
 * first `words` words of s into x->fold; *all is set when that is all of
 * s (s has no more words, or they do not fit the buffer). The fold of
 * words that end before a space is the start of the fold of the whole
 * text, which goes on with a space or ends there: what is read of the
 * start alone, before its end, is what the whole text's fold holds. */
static const char *fold_words(council_ctx *x, const char *s, int words, int ascii, int *all)
{
    const char *e = skip_words(s, words);
    char buf[256];
    size_t n = (size_t)(e - s);
    *all = !*e || n >= sizeof buf;
    if (*all)
        return plan_utf8_fold_buf(&x->fold, s, ascii);
    memcpy(buf, s, n);
    buf[n] = '\0';
    return plan_utf8_fold_buf(&x->fold, buf, ascii);
}

/* Longer than any owner of owner_of (12 bytes at most), the word byte
 * after it included: a fold of the first words at least this long gives
 * owner_of what the whole text's fold gives. */
enum { OWNER_READ = 16 };

static void council_add(council_ctx *x, const char *at, const plan_pos pos)
{
    int closed, ow = 0, cls = OWN_NONE, all;
    /* The words after "hội đồng" folded: the first six (enough for "thi
     * đua - khen thưởng" and the byte after it), and all when core_words
     * reads to the end of those. */
    size_t seen;
    const char *f = fold_words(x, skip_words(at, 2), 6, 1, &all);
    int cw = core_words(f, &seen);
    if (!all && seen > x->fold.len)
        cw = core_words(plan_utf8_fold_buf(&x->fold, skip_words(at, 2), 1), &seen);
    if (!cw)
        return;
    char *core = take_words(at, 2 + cw, &closed);
    if (!closed) {
        const char *g = fold_words(x, skip_words(at, 2 + cw), 3, 0, &all);
        if (!all && x->fold.len < OWNER_READ)
            g = plan_utf8_fold_buf(&x->fold, skip_words(at, 2 + cw), 0);
        cls = owner_of(g, &ow);
    }
    char *owner = ow ? take_words(skip_words(at, 2 + cw), ow, NULL) : strdup("");
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 8;
        x->v = plan_xrealloc(x->v, x->cap * sizeof *x->v);
    }
    mention *m = &x->v[x->n++];
    /* core, then " " and the owner when there is one */
    size_t nc = strlen(core), no = strlen(owner);
    m->written = plan_xmalloc(nc + no + 2);
    memcpy(m->written, core, nc);
    if (no) {
        m->written[nc] = ' ';
        memcpy(m->written + nc + 1, owner, no);
        nc += no + 1;
    }
    m->written[nc] = '\0';
    m->key = plan_utf8_fold(m->written);
    m->owner = owner;
    m->group = own_council(x->level, cls) ? -1 : cls;
    m->pos = pos;
    free(core);
}

/* The first place from q on in s where a council may be written: the
 * words are the runs between spaces, and a council opens a word, past any
 * ( " ' that open it, with "hội": H, then o or a letter with marks (a
 * quick test before the fold). The H and h are found by strpbrk; an H
 * opens a word when only ( " ' lie between it and a space or the start of
 * s. NULL when there is none. */
static const char *council_next(const char *s, const char *q)
{
    for (; (q = strpbrk(q, "Hh")) != NULL; q++) {
        const char *w0 = q;
        while (w0 > s && (w0[-1] == '(' || w0[-1] == '"' || w0[-1] == '\''))
            w0--;
        if ((w0 == s || w0[-1] == ' ') &&
            (q[1] == 'o' || q[1] == 'O' || (unsigned char)q[1] >= 0x80))
            return q;
    }
    return NULL;
}

/* Every "Hội đồng Thi đua … Khen thưởng …" written in full in t. */
static void council_scan(council_ctx *x, const plan_text *t)
{
    /* A council found below folds to "hoi dong " followed by a word, which
     * the fold of the whole text then holds too. */
    if (!t->s || !strstr(plan_check_fold(x->c, t->s), "hoi dong "))
        return;
    for (const char *q = t->s; (q = council_next(t->s, q)) != NULL; q++) {
        /* Fold the next three words only, not the rest of the text. */
        const char *e = q;
        for (int k = 0; k < 3 && *e; k++) {
            e += strcspn(e, " \t\n");
            if (k < 2)
                e += strspn(e, " \t\n");
        }
        char buf[256];
        size_t n = (size_t)(e - q) < sizeof buf ? (size_t)(e - q) : 0;
        memcpy(buf, q, n);
        buf[n] = '\0';
        const char *w = plan_utf8_fold_buf(&x->fold, n ? buf : q, 1);
        if (strncmp(w, "hoi dong ", 9) == 0)
            council_add(x, q, t->pos);
    }
}

static void council_block(plan_check *c, const plan_block *b, void *ctx)
{
    (void)c;
    council_ctx *x = ctx;
    council_scan(x, &b->text);
    if (b->section)
        council_scan(x, &b->section->heading);
    if (b->award) {
        council_scan(x, &b->award->name);
        council_scan(x, &b->award->authority);
        council_scan(x, &b->award->timing);
        for (const plan_textlist *s = b->award->standards; s; s = s->next)
            council_scan(x, &s->t);
    }
    if (b->period)
        council_scan(x, &b->period->p);
    if (b->deadline) {
        const plan_deadline *dl = b->deadline;
        const plan_text *f[] = {&dl->p, &dl->what, &dl->from, &dl->to};
        for (size_t i = 0; i < 4; i++)
            council_scan(x, f[i]);
        for (const plan_dossier_item *it = dl->items; it; it = it->next)
            council_scan(x, &it->text);
    }
    if (b->assignment) {
        for (const plan_textlist *o = b->assignment->offices; o; o = o->next)
            council_scan(x, &o->t);
        for (const plan_task *t = b->assignment->tasks; t; t = t->next)
            council_scan(x, &t->text);
    }
}

/* Reports m[i] when its group used another spelling before and this one
 * is new in the group. */
static void council_compare(plan_check *c, const council_ctx *x, size_t i)
{
    const mention *m = &x->v[i], *first = NULL;
    for (size_t j = 0; j < i; j++) {
        if (x->v[j].group != m->group)
            continue;
        if (strcmp(x->v[j].key, m->key) == 0)
            return;
        if (!first)
            first = &x->v[j];
    }
    if (!first)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_ORG_COUNCIL_NAME, m->pos,
                                     _("the emulation council is written '%s' here but '%s' at "
                                       "line %u; use one name throughout, the legal one being "
                                       "'%s%s%s'"),
                                     m->written, first->written, first->pos.line,
                                     PLAN_COUNCIL_NAME, *first->owner ? " " : "", first->owner);
    plan_diag_note(g, "%s", SRC_LAW90);
}

static void council_name(plan_check *c)
{
    const plan_doc *d = c->doc;
    council_ctx x = {c, NULL, 0, 0, issuer_level(c), PLAN_BUF_INIT};
    plan_walk_blocks(d->body, c, council_block, &x);
    for (const plan_textlist *t = d->recipients; t; t = t->next)
        council_scan(&x, &t->t);
    for (const plan_textlist *t = d->closing; t; t = t->next)
        council_scan(&x, &t->t);
    for (size_t i = 0; i < x.n; i++)
        council_compare(c, &x, i);
    for (size_t i = 0; i < x.n; i++) {
        free(x.v[i].key);
        free(x.v[i].written);
        free(x.v[i].owner);
    }
    free(x.v);
    plan_buf_free(&x.fold);
}

void plan_check_org(plan_check *c)
{
    tasks_present(c);
    lead(c);
    standing_body(c);
    org_memo m;
    m.n = 0;
    denghi_external(c, &m);
    scope(c, &m);
    district_2025(c, &m);
    province_2025(c);
    council_name(c);
}
