/*
 * legal.c - the checks of the "legal" category of the rule catalogue
 * (src/validate/catalogue/legal.def): the căn cứ and its citations, the
 * reference numbers of cited documents (rules.md §5), and the law that
 * applies on the plan's date (§2.5, §2.6); also DOSSIER-FORM-REF, which
 * reads the same table of instruments (src/data/laws.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/laws.h"
#include "plan/data.h"
#include "plan/i18n.h"
#include "plan/validate.h"

typedef struct legal_ctx {
    plan_check *c;
    const plan_doc *doc;
    plan_date issue;    /* the plan's date; y == 0 when unknown */
} legal_ctx;

/* ---- small helpers ---- */

static void fmt_date(plan_date d, char *buf, size_t n)
{
    if (d.y)
        snprintf(buf, n, "%02d/%02d/%04d", d.d, d.m, d.y);
    else
        snprintf(buf, n, "?");
}

static int pos_set(plan_pos p)
{
    return p.line != 0;
}

static plan_pos pos_or(plan_pos p, plan_pos fallback)
{
    return pos_set(p) ? p : fallback;
}

/* Where the plan's date is, or would be. */
static plan_pos date_pos(const plan_doc *d)
{
    return pos_or(d->header.date.text.s ? d->header.date.text.pos : d->header.pos, d->pos);
}

/* A resolved date a document or deadline can be compared with. */
static int when_dated(const plan_when *w)
{
    return (w->prec == PLAN_PREC_DAY || w->prec == PLAN_PREC_MONTH ||
            w->prec == PLAN_PREC_YEAR || w->prec == PLAN_PREC_EVENT) && w->lo.y;
}

static int doc_dated(const plan_document *d)
{
    return d->date.text.s && when_dated(&d->date) && d->date.prec != PLAN_PREC_EVENT;
}

/* s (a text of the plan, or NULL) folded without accents starts with
 * prefix, or holds needle. */
static int folded_starts(plan_check *c, const char *s, const char *prefix)
{
    return s && strncmp(plan_check_fold(c, s), prefix, strlen(prefix)) == 0;
}

static int folded_has(plan_check *c, const char *s, const char *needle)
{
    return s && strstr(plan_check_fold(c, s), needle) != NULL;
}

/* "Quyết định 2437/QĐ-TTg", or the type and title or issuer when there is
 * no number ("Luật Thi đua, khen thưởng năm 2022"). */
static const char *doc_label(const plan_document *d, plan_buf *b)
{
    plan_buf_reset(b);
    plan_buf_puts(b, d->doc_type.s ? d->doc_type.s : "?");
    const char *tail = d->number.text.s ? d->number.text.s
                       : d->title.s     ? d->title.s
                                        : d->issuer.s;
    if (tail) {
        plan_buf_putc(b, ' ');
        plan_buf_puts(b, tail);
    }
    return plan_buf_cstr(b);
}

/* The legal source of a rule, and " (unverified)" when its mark is U. */
static void note_rule_source(plan_diag *g, plan_rule_id rule)
{
    const plan_rule *r = plan_rule_get(rule);
    plan_diag_note(g, "%s%s", _(r->source),
                   strcmp(r->verified, "U") == 0 ? _(" (unverified)") : "");
}

static void note_row_source(plan_diag *g, const char *src, const char *verified)
{
    if (src)
        plan_diag_note(g, "%s%s", _(src),
                       verified && strcmp(verified, "U") == 0 ? _(" (unverified)") : "");
}

/* The instrument of the law table a cited document is, or NULL. Laws are
 * also cited by name only (NĐ 30/2020 PL I k.6: a Luật gives no number). */
static const plan_law *law_of(const legal_ctx *x, const plan_document *d)
{
    if (d->number.text.s)
        return plan_law_by_notation(d->number.text.s);
    if (!folded_starts(x->c, d->doc_type.s, "luat"))
        return NULL;
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_puts(&b, d->doc_type.s);
    plan_buf_putc(&b, ' ');
    plan_buf_puts(&b, d->title.s ? d->title.s : "");
    const plan_law *l = plan_law_by_name(plan_buf_cstr(&b), x->issue);
    plan_buf_free(&b);
    return l;
}

/* The last day of the campaign: the latest resolved period end. */
static plan_date campaign_end(const plan_doc *d)
{
    plan_date e = {0, 0, 0};
    for (const plan_period *p = d->periods; p; p = p->next)
        if (p->end.text.s && p->end.hi.y && p->end.prec != PLAN_PREC_NONE &&
            (!e.y || plan_date_cmp(p->end.hi, e) > 0))
            e = p->end.hi;
    return e;
}

/* The latest date among the cited documents: the plan cannot be older. */
static plan_date latest_cited(const plan_doc *d)
{
    plan_date e = {0, 0, 0};
    for (const plan_document *c = d->documents; c; c = c->next)
        if (doc_dated(c) && (!e.y || plan_date_cmp(c->date.lo, e) > 0))
            e = c->date.lo;
    return e;
}

/* ---- LEGAL-BASIS-PRESENT ---- */

/* A reference number in running text: "8022/KH-UBND", "98/2023/NĐ-CP",
 * "41-CT/TW"; a date "12/12/2025" is not one. */
static int has_reference(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1])))
            continue;
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == '-' && isupper((unsigned char)q[1]))
            return 1;
        while (*q == ' ')
            q++;
        if (*q != '/')
            continue;
        q++;
        if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
            isdigit((unsigned char)q[2]) && isdigit((unsigned char)q[3]) && q[4] == '/')
            q += 5;
        if (isupper((unsigned char)*q) || (unsigned char)*q >= 0x80)
            return 1;
    }
    return 0;
}

static int implements_something(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (folded_has(c, d->header.subject.s, "trien khai") ||
        folded_has(c, d->header.subject.s, "thuc hien"))
        return 1;
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        if (folded_starts(c, t->t.s, "thuc hien") || folded_starts(c, t->t.s, "can cu"))
            return 1;
    return 0;
}

static void basis_present(legal_ctx *x)
{
    const plan_doc *d = x->doc;
    if (!implements_something(x->c))
        return;
    for (const plan_document *c = d->documents; c; c = c->next)
        if (c->relation == PLAN_REL_IMPLEMENTS || c->relation == PLAN_REL_BASED_ON)
            return;
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        if (t->t.s && has_reference(t->t.s))
            return;
    plan_pos at = d->has_basis ? d->basis_pos
                  : d->header.subject.s ? d->header.subject.pos
                                        : d->header.pos;
    plan_diag *g = plan_check_report(
        x->c, PLAN_RULE_LEGAL_BASIS_PRESENT, pos_or(at, d->pos),
        _("the plan implements a higher-level document (\"triển khai\", \"thực hiện\") but "
          "cites none; add the căn cứ with its number, date and issuer"));
    note_rule_source(g, PLAN_RULE_LEGAL_BASIS_PRESENT);
    plan_diag_note(g, _("e.g. <document relation=\"implements\"><doc-type>Kế hoạch</doc-type>"
                        "<number>8022/KH-UBND</number><date>12/12/2025</date>"
                        "<issuer>UBND tỉnh Lai Châu</issuer></document>"));
}

/* ---- LEGAL-DATE-ORDER ---- */

static void date_order(legal_ctx *x)
{
    const plan_doc *d = x->doc;
    char pd[16], cd[16];
    int dated = 0;
    plan_buf b = PLAN_BUF_INIT;
    fmt_date(x->issue, pd, sizeof pd);
    for (const plan_document *c = d->documents; c; c = c->next) {
        if (!doc_dated(c))
            continue;
        dated++;
        if (!x->issue.y || plan_date_cmp(c->date.lo, x->issue) <= 0)
            continue;
        fmt_date(c->date.lo, cd, sizeof cd);
        plan_diag *g = plan_check_report(
            x->c, PLAN_RULE_LEGAL_DATE_ORDER, c->date.text.pos,
            _("the plan is dated %s but cites %s dated %s; a plan cannot cite a later "
              "document: check both dates"),
            pd, doc_label(c, &b), cd);
        note_rule_source(g, PLAN_RULE_LEGAL_DATE_ORDER);
    }
    plan_buf_free(&b);
    if (x->issue.y || !dated)
        return;
    plan_diag *g = plan_check_report_sev(
        x->c, PLAN_RULE_LEGAL_DATE_ORDER, PLAN_SEV_WARNING, date_pos(d),
        _("the plan has no usable date, so the dates of its %d cited document(s) cannot be "
          "checked against it; add the date \"ngày … tháng … năm …\""),
        dated);
    note_rule_source(g, PLAN_RULE_LEGAL_DATE_ORDER);
}

/* ---- LEGAL-CITE-FIELDS ---- */

/* Luật, Bộ luật, Pháp lệnh, Hiến pháp are cited by name (PL I k.6 điểm b). */
static int cited_by_name(plan_check *pc, const plan_document *c)
{
    const char *t = c->doc_type.s;
    return folded_starts(pc, t, "luat") || folded_starts(pc, t, "bo luat") ||
           folded_starts(pc, t, "phap lenh") || folded_starts(pc, t, "hien phap");
}

static void cite_fields(legal_ctx *x)
{
    plan_buf b = PLAN_BUF_INIT, miss = PLAN_BUF_INIT;
    for (const plan_document *c = x->doc->documents; c; c = c->next) {
        int basis = c->relation != PLAN_REL_CITED;
        if (!c->doc_type.s || cited_by_name(x->c, c) || (!basis && !c->number.text.s))
            continue;
        /* A congress resolution has no number or date of its own. */
        if (!c->number.text.s && folded_has(x->c, c->issuer.s, "dai hoi"))
            continue;
        plan_buf_reset(&miss);
        if (!c->number.text.s)
            plan_buf_puts(&miss, _("number"));
        if (!c->date.text.s)
            plan_buf_printf(&miss, "%s%s", miss.len ? ", " : "", _("date"));
        if (!c->issuer.s)
            plan_buf_printf(&miss, "%s%s", miss.len ? ", " : "", _("issuer"));
        if (!miss.len)
            continue;
        plan_diag *g = plan_check_report(
            x->c, PLAN_RULE_LEGAL_CITE_FIELDS, pos_or(c->pos, x->doc->pos),
            _("the citation of %s lacks: %s; the first citation gives tên loại, số và ký "
              "hiệu, ngày ban hành and cơ quan ban hành"),
            doc_label(c, &b), plan_buf_cstr(&miss));
        note_rule_source(g, PLAN_RULE_LEGAL_CITE_FIELDS);
    }
    plan_buf_free(&b);
    plan_buf_free(&miss);
}

/* ---- LEGAL-REF-SYNTAX, LEGAL-REF-YEAR, LEGAL-REF-ISSUER ---- */

/* A group of a ký hiệu: a letter (Đ and the like count), then letters and
 * digits; groups of a trailing unit may be joined by hyphens. */
static int code_ok(const char *s, int hyphens)
{
    if (!s || !*s)
        return 0;
    int start = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '-' && hyphens && !start && p[1]) {
            start = 1;
            continue;
        }
        int letter = isalpha(*p) || *p >= 0x80;
        if ((start && !letter) || (!letter && !isdigit(*p)))
            return 0;
        start = 0;
    }
    return 1;
}

static void ref_syntax(legal_ctx *x, const plan_document *c)
{
    const plan_notation *n = &c->number;
    plan_diag *g = NULL;
    if (!n->parsed || !code_ok(n->issuer_code, 0) ||
        (n->type_code && !code_ok(n->type_code, 0)) || (n->sub && !code_ok(n->sub, 1))) {
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_REF_SYNTAX, n->text.pos,
                              _("reference \"%s\" is not a số, ký hiệu (e.g. 2437/QĐ-TTg, "
                                "98/2023/NĐ-CP, 1954/UBND-TH, 41-CT/TW); correct the number"),
                              n->text.s);
    } else {
        const plan_doctype *t = plan_doctype_by_name(c->doc_type.s);
        if (!t || !n->type_code || strcmp(t->code, n->type_code) == 0)
            return;
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_REF_SYNTAX, n->text.pos,
                              _("reference \"%s\" has the type code %s but the document is "
                                "cited as a %s (%s); correct the number or the type"),
                              n->text.s, n->type_code, c->doc_type.s, t->code);
    }
    note_rule_source(g, PLAN_RULE_LEGAL_REF_SYNTAX);
}

static void ref_year(legal_ctx *x, const plan_document *c)
{
    const plan_notation *n = &c->number;
    if (!n->parsed || !n->year || !doc_dated(c) || c->date.lo.y == n->year)
        return;
    plan_diag *g = plan_check_report(x->c, PLAN_RULE_LEGAL_REF_YEAR, n->text.pos,
                                     _("reference %s carries the year %d but is dated \"%s\"; "
                                       "one of them is wrong"),
                                     n->text.s, n->year, c->date.text.s);
    note_rule_source(g, PLAN_RULE_LEGAL_REF_YEAR);
}

static void ref_issuer(legal_ctx *x, const plan_document *c)
{
    const plan_notation *n = &c->number;
    if (!n->parsed || !c->issuer.s)
        return;
    const plan_ref_issuer *r = plan_ref_issuer_by_code(n->issuer_code);
    if (!r || plan_ref_issuer_matches(r, c->issuer.s))
        return;
    plan_diag *g = plan_check_report(x->c, PLAN_RULE_LEGAL_REF_ISSUER, c->issuer.pos,
                                     _("reference %s carries the issuer code %s (%s) but the "
                                       "issuer is given as \"%s\"; correct the issuer or the "
                                       "number"),
                                     n->text.s, n->issuer_code, _(r->meaning), c->issuer.s);
    note_rule_source(g, PLAN_RULE_LEGAL_REF_ISSUER);
    note_row_source(g, r->source, r->verified);
}

static void references(legal_ctx *x)
{
    for (const plan_document *c = x->doc->documents; c; c = c->next) {
        if (!c->number.text.s)
            continue;
        ref_syntax(x, c);
        ref_year(x, c);
        ref_issuer(x, c);
    }
}

/* ---- LEGAL-IN-FORCE ---- */

static const char *successor(const plan_law *l)
{
    const plan_law *s = l->replaced_by ? plan_law_by_notation(l->replaced_by) : NULL;
    return s ? s->name : l->replaced_by ? l->replaced_by : "?";
}

static void in_force_repealed(legal_ctx *x, const plan_document *c, const plan_law *l)
{
    char pd[16], ed[16];
    plan_buf b = PLAN_BUF_INIT;
    fmt_date(x->issue, pd, sizeof pd);
    fmt_date(l->end, ed, sizeof ed);
    plan_diag *g = plan_check_report_sev(
        x->c, PLAN_RULE_LEGAL_IN_FORCE, PLAN_SEV_WARNING,
        pos_or(c->number.text.s ? c->number.text.pos : c->pos, x->doc->pos),
        _("%s no longer applied on the plan's date %s: it ceased on %s, replaced by %s; "
          "cite the instrument in force on that date"),
        doc_label(c, &b), pd, ed, successor(l));
    note_rule_source(g, PLAN_RULE_LEGAL_IN_FORCE);
    note_row_source(g, l->end_source, l->end_verified);
    plan_buf_free(&b);
}

static void in_force_not_yet(legal_ctx *x, const plan_document *c, const plan_law *l)
{
    char pd[16], fd[16];
    plan_buf b = PLAN_BUF_INIT;
    /* A later document is LEGAL-DATE-ORDER's finding, not this one's. */
    if (doc_dated(c) && plan_date_cmp(c->date.lo, x->issue) > 0)
        return;
    int weak = strcmp(l->verified, "U") == 0 || c->relation == PLAN_REL_CITED;
    fmt_date(x->issue, pd, sizeof pd);
    fmt_date(l->in_force, fd, sizeof fd);
    const plan_law_regime *r = plan_law_regime_on(x->issue);
    const plan_law *rl = r ? plan_law_by_notation(l->kind == PLAN_LAW_LAW ? r->law
                                                  : l->kind == PLAN_LAW_DECREE ? r->decree
                                                                               : r->circular)
                           : NULL;
    plan_diag *g = plan_check_report_sev(
        x->c, PLAN_RULE_LEGAL_IN_FORCE, weak ? PLAN_SEV_WARNING : PLAN_SEV_ERROR,
        pos_or(c->number.text.s ? c->number.text.pos : c->pos, x->doc->pos),
        _("%s did not yet apply on the plan's date %s: it takes effect on %s; base the plan "
          "on the law in force on its date: %s"),
        doc_label(c, &b), pd, fd, rl ? rl->name : "?");
    note_rule_source(g, PLAN_RULE_LEGAL_IN_FORCE);
    note_row_source(g, l->source, l->verified);
    plan_buf_free(&b);
}

static void in_force(legal_ctx *x)
{
    if (!x->issue.y)
        return;
    for (const plan_document *c = x->doc->documents; c; c = c->next) {
        const plan_law *l = law_of(x, c);
        if (!l || l->kind == PLAN_LAW_DECISION || plan_law_in_force_on(l, x->issue) != 0)
            continue;
        if (l->end.y && plan_date_cmp(x->issue, l->end) >= 0)
            in_force_repealed(x, c, l);
        else
            in_force_not_yet(x, c, l);
    }
}

/* ---- LEGAL-SUPERSEDED-IN-PERIOD ---- */

/* The earliest dossier or proposal deadline on or after `from`, or NULL. */
static const plan_deadline *dossier_due_after(const plan_doc *d, plan_date from)
{
    const plan_deadline *best = NULL;
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next)
        if ((dl->kind == PLAN_DL_DOSSIER || dl->kind == PLAN_DL_PROPOSAL) &&
            dl->due.text.s && when_dated(&dl->due) && plan_date_cmp(dl->due.hi, from) >= 0 &&
            (!best || plan_date_cmp(dl->due.hi, best->due.hi) < 0))
            best = dl;
    return best;
}

static void superseded_one(legal_ctx *x, const plan_document *c, const plan_law *l)
{
    char ed[16], wd[16];
    plan_buf b = PLAN_BUF_INIT;
    const plan_deadline *dl = dossier_due_after(x->doc, l->end);
    plan_date end = campaign_end(x->doc);
    plan_diag *g;
    plan_pos at = pos_or(c->number.text.s ? c->number.text.pos : c->pos, x->doc->pos);
    fmt_date(l->end, ed, sizeof ed);
    if (dl) {
        fmt_date(dl->due.hi, wd, sizeof wd);
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_SUPERSEDED_IN_PERIOD, at,
                              _("%s is replaced by %s on %s, before the dossiers are due (%s); "
                                "say which text applies after %s, or cite the successor"),
                              doc_label(c, &b), successor(l), ed, wd, ed);
    } else if (end.y && plan_date_cmp(end, l->end) >= 0) {
        fmt_date(end, wd, sizeof wd);
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_SUPERSEDED_IN_PERIOD, at,
                              _("%s is replaced by %s on %s, before the campaign ends (%s); "
                                "say which text applies after %s, or cite the successor"),
                              doc_label(c, &b), successor(l), ed, wd, ed);
    } else {
        plan_buf_free(&b);
        return;
    }
    note_rule_source(g, PLAN_RULE_LEGAL_SUPERSEDED_IN_PERIOD);
    note_row_source(g, l->end_source, l->end_verified);
    plan_buf_free(&b);
}

static void superseded(legal_ctx *x)
{
    plan_date start = x->issue.y ? x->issue : latest_cited(x->doc);
    for (const plan_document *c = x->doc->documents; c; c = c->next) {
        const plan_law *l = law_of(x, c);
        if (!l || l->kind == PLAN_LAW_DECISION || !l->end.y)
            continue;
        /* Already gone on the plan's date: LEGAL-IN-FORCE reports it. */
        if (start.y && plan_date_cmp(start, l->end) >= 0)
            continue;
        superseded_one(x, c, l);
    }
}

/* ---- LEGAL-LAW-REGIME ---- */

static const char *regime_law(const plan_law_regime *r)
{
    const plan_law *l = plan_law_by_notation(r->law);
    return l ? l->name : r->law;
}

static const char *regime_decree(const plan_law_regime *r)
{
    const plan_law *l = plan_law_by_notation(r->decree);
    return l ? l->name : r->decree;
}

static int same_law(const plan_law_regime *a, const plan_law_regime *b)
{
    return strcmp(a->law, b->law) == 0 && strcmp(a->decree, b->decree) == 0;
}

/* The earliest date by which the plan must have been issued: the end of
 * its period or any deadline it sets. */
static plan_date issued_by(const plan_doc *d)
{
    plan_date e = {0, 0, 0};
    for (const plan_period *p = d->periods; p; p = p->next)
        if (p->end.text.s && when_dated(&p->end) && (!e.y || plan_date_cmp(p->end.hi, e) < 0))
            e = p->end.hi;
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next)
        if (dl->due.text.s && when_dated(&dl->due) && (!e.y || plan_date_cmp(dl->due.hi, e) < 0))
            e = dl->due.hi;
    return e;
}

static void regime_undated(legal_ctx *x)
{
    const plan_law_regime *cur = plan_law_regime_current();
    plan_date lo = latest_cited(x->doc), hi = issued_by(x->doc);
    const plan_law_regime *a = lo.y ? plan_law_regime_on(lo) : plan_law_regime_get(0);
    const plan_law_regime *b = hi.y ? plan_law_regime_on(hi) : cur;
    char ld[16], hd[16];
    plan_diag *g;
    /* Nothing bounds the date: DATE-MISSING says all there is to say. */
    if (!a || !b || (!lo.y && !hi.y))
        return;
    if (same_law(a, b)) {
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_LAW_REGIME, date_pos(x->doc),
                              _("the plan has no date; its cited documents and its period place "
                                "it under %s and %s; add the date to confirm it"),
                              regime_law(a), regime_decree(a));
    } else {
        g = plan_check_report(x->c, PLAN_RULE_LEGAL_LAW_REGIME, date_pos(x->doc),
                              _("the plan has no date, and its cited documents and its period "
                                "leave open whether %s and %s or %s and %s apply; add the date"),
                              regime_law(a), regime_decree(a), regime_law(b), regime_decree(b));
    }
    note_rule_source(g, PLAN_RULE_LEGAL_LAW_REGIME);
    fmt_date(lo, ld, sizeof ld);
    fmt_date(hi, hd, sizeof hd);
    plan_diag_note(g, _("issued on or after %s (its latest cited document) and before %s (the "
                        "end of its period or its first deadline)"),
                   ld, hd);
}

static void law_regime(legal_ctx *x)
{
    if (!x->issue.y) {
        regime_undated(x);
        return;
    }
    const plan_law_regime *r = plan_law_regime_on(x->issue);
    const plan_law *l = r ? plan_law_by_notation(r->law) : NULL;
    /* Only an earlier law changes what the award and authority rules mean. */
    if (!l || !l->end.y)
        return;
    char pd[16];
    fmt_date(x->issue, pd, sizeof pd);
    plan_diag *g = plan_check_report(x->c, PLAN_RULE_LEGAL_LAW_REGIME, date_pos(x->doc),
                                     _("the plan is dated %s, under %s and %s, not the current "
                                       "%s; read award and authority findings against the law "
                                       "of its date"),
                                     pd, regime_law(r), regime_decree(r),
                                     regime_law(plan_law_regime_current()));
    note_rule_source(g, PLAN_RULE_LEGAL_LAW_REGIME);
    note_row_source(g, r->source, r->verified);
}

/* ---- LEGAL-PARENT-CONSISTENT ---- */

static void parent_consistent(legal_ctx *x)
{
    const plan_text *sub = &x->doc->header.subject;
    const char *mine = sub->s ? plan_campaign_term_folded(plan_check_fold(x->c, sub->s)) : NULL;
    plan_buf b = PLAN_BUF_INIT;
    if (!mine)
        return;
    for (const plan_document *c = x->doc->documents; c; c = c->next) {
        if (c->relation != PLAN_REL_IMPLEMENTS)
            continue;
        /* The table knows what some parents really call their campaign,
         * whatever the plan's quotation of their title says. */
        const plan_law *l = c->number.text.s ? plan_law_by_notation(c->number.text.s) : NULL;
        const char *theirs = l && l->campaign ? l->campaign : NULL;
        if (!theirs && c->title.s)
            theirs = plan_campaign_term_folded(plan_check_fold(x->c, c->title.s));
        if (!theirs || strcmp(theirs, mine) == 0)
            continue;
        plan_diag *g = plan_check_report_sev(
            x->c, PLAN_RULE_LEGAL_PARENT_CONSISTENT, PLAN_SEV_INFO, sub->pos,
            _("the subject calls the campaign \"%s\" but %s, the document it implements, calls "
              "it \"%s\"; use the parent's name"),
            mine, doc_label(c, &b), theirs);
        note_rule_source(g, PLAN_RULE_LEGAL_PARENT_CONSISTENT);
        if (l)
            note_row_source(g, l->source, l->verified);
    }
    plan_buf_free(&b);
}

/* ---- DOSSIER-FORM-REF ---- */

/* The number of "Mẫu số 08 Phụ lục I", or 0. */
static int form_number(const char *form)
{
    char *f = plan_utf8_fold_ascii(form);
    const char *p = strstr(f, "mau");
    int n = 0;
    if (p) {
        p += 3;
        while (*p && !isdigit((unsigned char)*p) && (*p == ' ' || isalpha((unsigned char)*p)))
            p++;
        n = atoi(p);
    }
    free(f);
    return n;
}

typedef struct form_use {
    const char *form, *source;
    plan_pos pos;
    plan_date when;     /* when the form is used */
    const char *what;   /* "dossiers due 30/10/2025", translated */
} form_use;

static void form_check(legal_ctx *x, const form_use *u)
{
    const plan_law *l = u->source ? plan_law_by_notation(u->source) : NULL;
    const char *form = u->form ? u->form : _("the form");
    char ed[16];
    plan_diag *g = NULL;
    if (!l)
        return;
    int st = u->when.y ? plan_law_in_force_on(l, u->when) : -1;
    if (st == 0 && l->end.y && plan_date_cmp(u->when, l->end) >= 0) {
        fmt_date(l->end, ed, sizeof ed);
        g = plan_check_report(x->c, PLAN_RULE_DOSSIER_FORM_REF, u->pos,
                              _("%s of %s is required for %s, but %s ceased on %s, replaced by "
                                "%s; cite the form of the decree in force then"),
                              form, u->source, u->what, u->source, ed, successor(l));
        note_rule_source(g, PLAN_RULE_DOSSIER_FORM_REF);
        note_row_source(g, l->end_source, l->end_verified);
    } else if (st == 0) {
        fmt_date(l->in_force, ed, sizeof ed);
        g = plan_check_report(x->c, PLAN_RULE_DOSSIER_FORM_REF, u->pos,
                              _("%s of %s is required for %s, but %s takes effect only on %s; "
                                "cite the form of the decree in force then"),
                              form, u->source, u->what, u->source, ed);
        note_rule_source(g, PLAN_RULE_DOSSIER_FORM_REF);
        note_row_source(g, l->source, l->verified);
    } else if (u->form && l->forms) {
        int n = form_number(u->form);
        if (n == 0 || n <= l->forms)
            return; /* no number written, or one the decree has */
        g = plan_check_report(x->c, PLAN_RULE_DOSSIER_FORM_REF, u->pos,
                              _("%s does not exist in %s, whose forms run from Mẫu 01 to Mẫu "
                                "%02d; correct the form number"),
                              u->form, u->source, l->forms);
        note_rule_source(g, PLAN_RULE_DOSSIER_FORM_REF);
        note_row_source(g, l->end_source, l->end_verified);
    }
}

/* When a form is used: the deadline, else the end of the campaign, else
 * the plan's date. */
static void form_when(legal_ctx *x, const plan_deadline *dl, form_use *u, char *buf, size_t n)
{
    char d[16];
    plan_date end = campaign_end(x->doc);
    if (dl && dl->due.text.s && when_dated(&dl->due)) {
        u->when = dl->due.hi;
        fmt_date(u->when, d, sizeof d);
        snprintf(buf, n, _("dossiers due %s"), d);
    } else if (end.y) {
        u->when = end;
        fmt_date(end, d, sizeof d);
        snprintf(buf, n, _("a campaign ending %s"), d);
    } else {
        u->when = x->issue;
        fmt_date(x->issue, d, sizeof d);
        snprintf(buf, n, _("a plan dated %s"), d);
    }
    u->what = buf;
}

static void form_block(plan_check *c, const plan_block *b, void *ctx)
{
    char what[96];
    (void)c;
    if (b->kind != PLAN_B_ITEM || (!b->form && !b->source))
        return;
    form_use u = {b->form, b->source, b->pos, {0, 0, 0}, NULL};
    form_when(ctx, NULL, &u, what, sizeof what);
    form_check(ctx, &u);
}

static void dossier_form_ref(legal_ctx *x)
{
    char what[96];
    for (const plan_deadline *dl = x->doc->deadlines; dl; dl = dl->next)
        for (const plan_dossier_item *it = dl->items; it; it = it->next) {
            if (!it->form && !it->source)
                continue;
            form_use u = {it->form, it->source, pos_or(it->form_pos, dl->pos), {0, 0, 0}, NULL};
            form_when(x, dl, &u, what, sizeof what);
            form_check(x, &u);
        }
    plan_walk_blocks(x->doc->body, x->c, form_block, x);
}

void plan_check_legal(plan_check *c)
{
    const plan_doc *d = c->doc;
    legal_ctx x = {c, d, {0, 0, 0}};
    if (d->header.date.prec == PLAN_PREC_DAY)
        x.issue = d->header.date.lo;
    basis_present(&x);
    date_order(&x);
    cite_fields(&x);
    references(&x);
    in_force(&x);
    superseded(&x);
    law_regime(&x);
    parent_consistent(&x);
    dossier_form_ref(&x);
}
