/*
 * template.c - drafts for subordinate offices made from a parent plan
 * (`plan new`, docs/templates.md), and the fingerprint of a plan's content
 * that ties a draft to its parent.
 *
 * A draft is first written as plan XML text from the parent's model, then
 * read back through the ordinary loader and builder and printed by the
 * normalized-XML emitter: it is a valid input by construction, and a draft
 * that is updated without changes comes out byte for byte the same.
 * Updating a draft derives a fresh one from the parent and moves into it
 * everything of the old draft that is not marked inherited="yes".
 *
 * The text of a draft is Vietnamese document text (the plan itself), not a
 * message of the program: it is not translated.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/awards.h"
#include "data/issuers.h"
#include "plan/emit.h"
#include "plan/template.h"

/* ---- placeholders and fingerprints ---- */

size_t plan_placeholder_count(const char *s)
{
    size_t n = 0;
    for (const char *p = s ? strstr(s, PLAN_PLACEHOLDER_OPEN) : NULL; p;) {
        n++;
        const char *e = strstr(p + 2, PLAN_PLACEHOLDER_CLOSE);
        p = e ? strstr(e + 2, PLAN_PLACEHOLDER_OPEN) : NULL;
    }
    return n;
}

uint64_t plan_fingerprint(const plan_doc *doc)
{
    plan_buf b = PLAN_BUF_INIT;
    plan_emit_xml(doc, &b);
    uint64_t h = PLAN_HASH64_INIT;
    const char *p = plan_buf_cstr(&b);
    /* One element per line: the lineage and the instructions to plan are
     * whole lines of their own. */
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) + 1 : strlen(p);
        const char *t = p;
        while (*t == ' ')
            t++;
        if (strncmp(t, "<lineage ", 9) != 0 && strncmp(t, "<?plan-", 7) != 0)
            h = plan_hash64(p, n, h);
        p += n;
    }
    plan_buf_free(&b);
    return h;
}

int plan_fingerprint_file(const char *path, uint64_t *fp, plan_diags *d, plan_doc **out)
{
    plan_diags own = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    if (out)
        *out = NULL;
    int rc = plan_doc_read(path, NULL, d ? d : &own, &doc);
    int e = errno;
    plan_diags_clear(&own);
    if (rc != PLAN_OK) {
        errno = e;
        return rc;
    }
    if (!doc)
        return PLAN_BAD_DOCUMENT;
    *fp = plan_fingerprint(doc);
    if (out)
        *out = doc;
    else
        plan_doc_free(doc);
    return PLAN_OK;
}

/* ---- calendar: working days ---- */

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long days_of(plan_date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static plan_date date_of(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    plan_date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

/* 1 for Saturday and Sunday (1970-01-01 was a Thursday). */
static int weekend(long z)
{
    long w = ((z % 7) + 7 + 3) % 7; /* 0 Monday … 6 Sunday */
    return w >= 5;
}

/* k working days (Monday to Friday) before day z. */
static long working_days_before(long z, int k)
{
    while (k > 0) {
        z--;
        if (!weekend(z))
            k--;
    }
    return z;
}

static long first_working_day_from(long z)
{
    while (weekend(z))
        z++;
    return z;
}

/* How many working days before the parent's deadline the draft's falls
 * (docs/templates.md): award dossiers and proposals leave the office time
 * to meet and decide, reports time to compile. */
static int lead_days(plan_deadline_kind k)
{
    switch (k) {
    case PLAN_DL_DOSSIER:
    case PLAN_DL_PROPOSAL:
    case PLAN_DL_REVIEW:
        return 5;
    default:
        return 3;
    }
}

/* ---- names ---- */

static int is_space_or_punct(char c)
{
    return c == ' ' || c == ',' || c == ';' || c == '.' || c == ':' || c == '(' || c == ')' ||
           c == '\0';
}

/* s with its first letter in upper case. Caller frees. */
static char *upper_first(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    char first[8];
    snprintf(first, sizeof first, "%.*s", (int)(n < 7 ? n : 7), s);
    char *u = plan_utf8_upper(first);
    size_t len = strlen(u) + strlen(s + (s[0] ? n : 0)) + 1;
    char *r = plan_xmalloc(len);
    snprintf(r, len, "%s%s", u, s[0] ? s + n : "");
    free(u);
    return r;
}

/* s with its first letter in lower case ("Phát động …" → "phát động …"),
 * unless the first word is an abbreviation or a name in capitals. */
static char *lower_first(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    /* "UBND tỉnh …", "Đại hội …": keep a word whose second letter is a capital,
     * and the names of bodies and events. */
    char *w = plan_xstrdup(s);
    w[strcspn(w, " ")] = '\0';
    char *wf = plan_utf8_fold(w), *wu = plan_utf8_upper(w);
    int keep = strlen(w) > n && strcmp(w, wu) == 0; /* all capitals: UBND */
    static const char *const names[] = {"đại", "đảng", "ủy", "uỷ", "hội", "bộ", "sở", "ban",
                                        "chính", "quốc", "nhà", NULL};
    for (int i = 0; names[i] && !keep; i++)
        keep = strcmp(wf, names[i]) == 0;
    char *r;
    if (keep || !s[0]) {
        r = plan_xstrdup(s);
    } else {
        char first[8];
        snprintf(first, sizeof first, "%.*s", (int)(n < 7 ? n : 7), s);
        char *l = plan_utf8_fold(first);
        size_t len = strlen(l) + strlen(s + n) + 1;
        r = plan_xmalloc(len);
        snprintf(r, len, "%s%s", l, s + n);
        free(l);
    }
    free(w);
    free(wf);
    free(wu);
    return r;
}

/* The name as the plan writes it in running text, found in one of its
 * texts ("Sở Ngoại vụ" for the header's "SỞ NGOẠI VỤ"), or NULL. */
static char *name_in_text(const char *name, const char *text)
{
    if (!text || !name || !*name)
        return NULL;
    char *fn = plan_utf8_fold(name), *ft = plan_utf8_fold(text);
    char *r = NULL;
    /* The folded text must keep the byte offsets of the original. */
    if (strlen(ft) == strlen(text)) {
        size_t n = strlen(fn);
        for (const char *p = strstr(ft, fn); p && !r; p = strstr(p + 1, fn)) {
            size_t off = (size_t)(p - ft);
            if ((off == 0 || is_space_or_punct(ft[off - 1])) && is_space_or_punct(p[n])) {
                r = plan_xmalloc(n + 1);
                memcpy(r, text + off, n);
                r[n] = '\0';
                /* Not the capitals of the header again. */
                char *u = plan_utf8_upper(r);
                if (strcmp(u, r) == 0) {
                    free(r);
                    r = NULL;
                }
                free(u);
            }
        }
    }
    free(fn);
    free(ft);
    return r;
}

static char *name_in_blocks(const char *name, const plan_block *b)
{
    char *r = NULL;
    for (; b && !r; b = b->next) {
        r = name_in_text(name, b->text.s);
        if (!r && b->section)
            r = name_in_text(name, b->section->heading.s);
        if (!r && b->deadline) {
            r = name_in_text(name, b->deadline->from.s);
            if (!r)
                r = name_in_text(name, b->deadline->p.s);
        }
        if (!r && b->assignment)
            for (const plan_textlist *o = b->assignment->offices; o && !r; o = o->next)
                r = name_in_text(name, o->t.s);
        if (!r && b->first)
            r = name_in_blocks(name, b->first);
    }
    return r;
}

/* "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" → "Ủy ban nhân dân tỉnh Lạng Sơn": lower
 * case, a capital to start, and capitals for the words that follow the
 * word of an administrative level (the name of the place). */
static char *sentence_case(const char *s)
{
    /* Abbreviations stay in capitals: "UBND TỈNH LÀO CAI" → "UBND tỉnh Lào Cai". */
    static const char *const abbrs[] = {"UBND", "HĐND", "MTTQ", "TW", "TP", "TP.", NULL};
    static const char *const levels[] = {"tỉnh", "thành phố", "huyện", "quận", "thị xã",
                                         "xã", "phường", "thị trấn", "đặc khu", NULL};
    /* After the generic head of a body ("Sở", "Bộ", "Phòng" …) its own name
     * starts with a capital: "Sở Tư pháp". */
    static const char *const heads[] = {"sở", "bộ", "phòng", "ban", "cục", "chi cục", "vụ",
                                        "trung tâm", NULL};
    plan_buf b = PLAN_BUF_INIT;
    const char *p = s;
    int cap_rest = 0, cap_next = 1, word = 0;
    while (*p) {
        size_t n = strcspn(p, " ");
        char *w0 = plan_xmalloc(n + 1);
        memcpy(w0, p, n);
        w0[n] = '\0';
        int abbr = 0;
        for (int i = 0; abbrs[i] && !abbr; i++)
            abbr = strcmp(w0, abbrs[i]) == 0;
        char *w = abbr ? plan_xstrdup(w0) : plan_utf8_fold(w0);
        free(w0);
        int cap = cap_next || cap_rest;
        cap_next = 0;
        if (cap && !abbr) {
            char *u = upper_first(w);
            plan_buf_puts(&b, u);
            free(u);
        } else {
            plan_buf_puts(&b, w);
        }
        for (int i = 0; levels[i]; i++) {
            size_t ln = strlen(levels[i]);
            /* the level word ends here ("thành phố": its second word) */
            if (b.len >= ln && strncmp(plan_buf_cstr(&b) + b.len - ln, levels[i], ln) == 0 &&
                (b.len == ln || b.data[b.len - ln - 1] == ' '))
                cap_rest = 1;
        }
        for (int i = 0; heads[i] && word == 0; i++)
            if (strcmp(w, heads[i]) == 0)
                cap_next = 1;
        if (word == 1 && strcmp(plan_buf_cstr(&b), "Chi cục") == 0)
            cap_next = 1;
        word++;
        free(w);
        p += n;
        while (*p == ' ') {
            plan_buf_putc(&b, ' ');
            p++;
        }
    }
    char *r = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
    return r;
}

/* The issuer of doc as its texts name it: "Sở Ngoại vụ"; NULL when the
 * plan names no issuer. Caller frees. */
static char *running_name(const plan_doc *doc)
{
    const char *issuer = doc->header.issuer.s;
    if (!issuer || !*issuer)
        return NULL;
    char *r = NULL;
    for (const plan_textlist *t = doc->basis_text; t && !r; t = t->next)
        r = name_in_text(issuer, t->t.s);
    for (const plan_textlist *t = doc->closing; t && !r; t = t->next)
        r = name_in_text(issuer, t->t.s);
    if (!r)
        r = name_in_blocks(issuer, doc->body);
    if (!r)
        r = sentence_case(issuer);
    /* "VĂN PHÒNG" under "UBND TỈNH LÀO CAI" is the Văn phòng of that body. */
    char *f = plan_utf8_fold_ascii(r);
    if (strcmp(f, "van phong") == 0 && doc->header.parent_body.s) {
        char *pb = sentence_case(doc->header.parent_body.s);
        size_t n = strlen(r) + strlen(pb) + 2;
        char *s = plan_xmalloc(n);
        snprintf(s, n, "%s %s", r, pb);
        free(r);
        r = s;
        free(pb);
    }
    free(f);
    return r;
}

/* "30/05/2025" */
static void dmy(plan_date d, plan_buf *out)
{
    plan_buf_printf(out, "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
}

/* ---- writing the draft as XML text ---- */

typedef struct gen {
    plan_buf *b;
    const plan_doc *p;         /* the parent */
    const char *office;        /* the office, running text */
    char *parent_name;         /* the parent's issuer, running text */
    int sub_rank;              /* plan_award_issuer_rank of the office; 0 unknown */
    plan_date end;             /* the parent's campaign end; y == 0 unknown */
    const plan_deadline **groups; /* the parent's deadlines that the office is among
                                   * the senders of */
    size_t ngroups;
    const char **to;           /* the recipients of the draft's deadlines */
    size_t nto;
} gen;

static void text_el(gen *g, const char *name, const char *text)
{
    if (!text)
        return;
    plan_buf_printf(g->b, "<%s>", name);
    plan_esc_xml(g->b, text);
    plan_buf_printf(g->b, "</%s>\n", name);
}

static void attr(gen *g, const char *name, const char *v)
{
    if (!v || !*v)
        return;
    plan_buf_printf(g->b, " %s=\"", name);
    plan_esc_xml_attr(g->b, v);
    plan_buf_putc(g->b, '"');
}

static void words_attr(gen *g, const char *name, unsigned mask, const char *const *w)
{
    if (!mask)
        return;
    plan_buf_printf(g->b, " %s=\"", name);
    int first = 1;
    for (int i = 0; w[i]; i++)
        if (mask & (1u << i)) {
            plan_buf_printf(g->b, "%s%s", first ? "" : " ", w[i]);
            first = 0;
        }
    plan_buf_putc(g->b, '"');
}

static const char *const for_words[] = {"collective", "individual", "household", NULL};
static const char *const role_words[] = {"purposes", "requirements", "content", "targets",
                                         "criteria", "awards", "period", "dossier",
                                         "solutions", "organisation", "theme", "other", NULL};
static const char *const dl_kinds[] = {"dossier", "report", "proposal", "review", "plan",
                                       "other"};

/* The office is among the senders of a deadline whose <from> is absent or
 * a group ("Các phòng, đơn vị …", "các tập thể, cá nhân"); a deadline from
 * one named office is a step of the parent's own. */
static int from_group(const plan_deadline *dl)
{
    if (!dl->from.s)
        return 1;
    char *f = plan_utf8_fold_ascii(dl->from.s);
    int r = strncmp(f, "cac ", 4) == 0 || strncmp(f, "tat ca", 6) == 0 ||
            strncmp(f, "toan the", 8) == 0 || strncmp(f, "thu truong cac", 14) == 0;
    free(f);
    return r;
}

/* 1 when the office text (its "(…)" aside) names the office. */
static int names_office(const char *text, const char *office)
{
    if (!text)
        return 0;
    char *t = plan_xstrdup(text);
    char *paren = strchr(t, '(');
    if (paren)
        *paren = '\0';
    int r = plan_name_match(t, office) != PLAN_NAME_NONE;
    free(t);
    return r;
}

static int dossier_family(plan_deadline_kind k)
{
    return k == PLAN_DL_DOSSIER || k == PLAN_DL_PROPOSAL;
}

static int same_family(plan_deadline_kind a, plan_deadline_kind b)
{
    return a == b || (dossier_family(a) && dossier_family(b));
}

/* The deadline of the draft for one of the parent's (docs/templates.md):
 * the office delivers what the parent asks for, a few working days before
 * the parent's own date. Returns 0 when the deadline is not the office's. */
static int derive_deadline(gen *g, const plan_deadline *dl)
{
    const char *to, *from = g->office;
    if (names_office(dl->from.s, g->office)) {
        /* The parent sets this one for the office itself. */
        to = dl->to.s;
    } else if (names_office(dl->to.s, g->office)) {
        /* The office collects it: what its own people owe it, no sender. */
        to = dl->to.s;
        from = NULL;
    } else if (from_group(dl)) {
        to = dl->to.s;
    } else {
        /* A step of the parent's own (its Văn phòng reports to the province):
         * the office feeds it, unless a deadline of the same kind already
         * asks the office for it. */
        for (size_t i = 0; i < g->ngroups; i++)
            if (same_family(g->groups[i]->kind, dl->kind))
                return 0;
        to = dl->from.s;
    }
    plan_buf_printf(g->b, "<deadline kind=\"%s\" inherited=\"yes\">\n", dl_kinds[dl->kind]);
    text_el(g, "what", dl->what.s);
    for (const plan_dossier_item *i = dl->items; i; i = i->next) {
        plan_buf_puts(g->b, "<item");
        attr(g, "form", i->form);
        attr(g, "source", i->source);
        plan_buf_putc(g->b, '>');
        plan_esc_xml(g->b, i->text.s);
        plan_buf_puts(g->b, "</item>\n");
    }
    text_el(g, "from", from);
    if (!to)
        to = g->parent_name;
    text_el(g, "to", to);
    if (to) {
        g->to = plan_xrealloc(g->to, (g->nto + 1) * sizeof *g->to);
        g->to[g->nto++] = to;
    }
    const plan_when *w = &dl->due;
    if (w->prec != PLAN_PREC_NONE && w->lo.y) {
        /* "trước ngày X" allows up to the day before X; a day, month or
         * event allows up to its last day. */
        long x = w->before ? days_of(w->lo) : days_of(w->hi) + 1;
        long mine = working_days_before(x, lead_days(dl->kind));
        /* Award dossiers not before the campaign ends (DOSSIER-BEFORE-END). */
        if (dossier_family(dl->kind) && g->end.y) {
            long after_end = first_working_day_from(days_of(g->end) + 1);
            if (mine < after_end)
                mine = after_end;
        }
        if (mine > x)
            mine = x;
        plan_buf tmp = PLAN_BUF_INIT;
        plan_buf_puts(&tmp, "trước ngày ");
        dmy(date_of(mine), &tmp);
        text_el(g, "due", plan_buf_cstr(&tmp));
        plan_buf_free(&tmp);
    } else {
        text_el(g, "due", "[[Thời hạn, trước thời hạn của kế hoạch cấp trên]]");
    }
    plan_buf_puts(g->b, "</deadline>\n");
    return 1;
}


/* An award of the parent that the office may propose: every award of the
 * parent, granted or proposed there, except those the heads of its units
 * grant themselves ("Giấy khen của Thủ trưởng các cơ quan, đơn vị") and
 * those within the office's own powers. */
static int proposable(const gen *g, const plan_award *a)
{
    if (!a->name.s)
        return 0;
    char *f = plan_utf8_fold_ascii(a->authority.s ? a->authority.s : "");
    int own = strstr(f, "cac ") != NULL;
    free(f);
    if (own)
        return 0;
    const plan_award_entry *e = plan_award_row(a->name.s, a->authority.s, NULL);
    int rank = e && !e->not_award ? plan_award_rank(e, g->p->header.date.lo) : 0;
    return !(rank && g->sub_rank && rank < g->sub_rank);
}

static void award(gen *g, const plan_award *a)
{
    plan_buf_puts(g->b, "<award mode=\"propose\"");
    words_attr(g, "for", a->for_mask, for_words);
    plan_buf_puts(g->b, " inherited=\"yes\">\n");
    text_el(g, "name", a->name.s);
    text_el(g, "authority", a->authority.s);
    for (const plan_textlist *s = a->standards; s; s = s->next)
        text_el(g, "standard", s->t.s);
    text_el(g, "timing", a->timing.s);
    plan_buf_puts(g->b, "</award>\n");
}

static void period(gen *g, const plan_period *p)
{
    plan_buf_puts(g->b, "<period inherited=\"yes\">\n");
    text_el(g, "p", p->p.s);
    text_el(g, "start", p->start.text.s);
    text_el(g, "end", p->end.text.s);
    plan_buf_puts(g->b, "</period>\n");
}

/* 1 when the subtree of b holds something the draft inherits. */
static int holds_inherited(const gen *g, const plan_block *b)
{
    for (const plan_block *k = b; k; k = k->next) {
        if (k->period || k->deadline || (k->award && proposable(g, k->award)))
            return 1;
        if (k->first && holds_inherited(g, k->first))
            return 1;
    }
    return 0;
}

/* A section is inherited when it has a heading or holds something
 * inherited; otherwise its content is the office's to write. */
static int keep_section(const gen *g, const plan_block *b)
{
    return b->section->heading.s || (b->first && holds_inherited(g, b->first));
}

enum { PH_P = 1, PH_ASSIGN = 2, PH_TARGET = 4, PH_CRITERION = 32 };

static void blocks(gen *g, const plan_block *first);

static void placeholder(gen *g, const plan_block *b, unsigned *done)
{
    unsigned bit;
    switch (b->kind) {
    case PLAN_B_TARGET: bit = PH_TARGET << (b->for_mask & 7); break;
    case PLAN_B_CRITERION: bit = PH_CRITERION << (b->for_mask & 7); break;
    case PLAN_B_ASSIGNMENT: bit = PH_ASSIGN; break;
    default: bit = PH_P; break;
    }
    if (*done & bit)
        return;
    *done |= bit;
    switch (b->kind) {
    case PLAN_B_TARGET:
    case PLAN_B_CRITERION:
        plan_buf_printf(g->b, "<%s", b->kind == PLAN_B_TARGET ? "target-group" : "criterion");
        words_attr(g, "for", b->for_mask, for_words);
        plan_buf_printf(g->b, ">%s</%s>\n",
                        b->kind == PLAN_B_TARGET ? "[[Đối tượng thi đua của đơn vị]]"
                                                 : "[[Tiêu chí thi đua của đơn vị]]",
                        b->kind == PLAN_B_TARGET ? "target-group" : "criterion");
        break;
    case PLAN_B_ASSIGNMENT:
        plan_buf_puts(g->b, "<assignment mode=\"assign\"");
        attr(g, "number", b->normalized);
        plan_buf_puts(g->b, ">\n<office>[[Đơn vị chủ trì]]</office>\n"
                            "<task roles=\"lead monitor\">[[Nhiệm vụ: triển khai, theo dõi, "
                            "đôn đốc thực hiện Kế hoạch]]</task>\n</assignment>\n");
        break;
    default:
        plan_buf_puts(g->b, "<p>[[Nội dung của đơn vị cho mục này]]</p>\n");
        break;
    }
}

static void blocks(gen *g, const plan_block *first)
{
    unsigned done = 0;
    for (const plan_block *b = first; b; b = b->next) {
        switch (b->kind) {
        case PLAN_B_SECTION:
            if (!keep_section(g, b)) {
                placeholder(g, b, &done);
                break;
            }
            plan_buf_puts(g->b, "<section");
            attr(g, "number", b->normalized);
            words_attr(g, "role", b->section->roles, role_words);
            plan_buf_puts(g->b, " inherited=\"yes\">\n");
            text_el(g, "heading", b->section->heading.s);
            if (b->first)
                blocks(g, b->first);
            plan_buf_puts(g->b, "</section>\n");
            break;
        case PLAN_B_PERIOD:
            period(g, b->period);
            break;
        case PLAN_B_AWARD:
            if (proposable(g, b->award))
                award(g, b->award);
            break;
        case PLAN_B_DEADLINE:
            derive_deadline(g, b->deadline);
            break;
        default:
            placeholder(g, b, &done);
            break;
        }
    }
}

static void document(gen *g, const plan_document *d)
{
    static const char *const rel[] = {"implements", "based-on", "cited"};
    plan_buf_printf(g->b, "<document relation=\"%s\"", rel[d->relation]);
    attr(g, "id", d->id);
    plan_buf_puts(g->b, " inherited=\"yes\">\n");
    text_el(g, "doc-type", d->doc_type.s);
    text_el(g, "number", d->number.text.s);
    text_el(g, "date", d->date.text.s);
    text_el(g, "issuer", d->issuer.s);
    text_el(g, "title", d->title.s);
    plan_buf_puts(g->b, "</document>\n");
}

/* "Kế hoạch số 32/KH-SNgV ngày 30/05/2025 của Sở Ngoại vụ" */
static void parent_ref(gen *g, plan_buf *out)
{
    const plan_header *h = &g->p->header;
    char *type = h->doc_type.s ? plan_utf8_fold(h->doc_type.s) : plan_xstrdup("kế hoạch");
    char *t = upper_first(type);
    plan_buf_printf(out, "%s số %s", t, h->number.text.s ? h->number.text.s : "");
    if (h->date.prec == PLAN_PREC_DAY) {
        plan_buf_puts(out, " ngày ");
        dmy(h->date.lo, out);
    }
    if (g->parent_name)
        plan_buf_printf(out, " của %s", g->parent_name);
    free(type);
    free(t);
}

/* The superior body line: the parent's issuer when the office is a body
 * that shows its cơ quan chủ quản (a Sở, a Phòng, a Trung tâm …, or an
 * office the table does not know); none for a body that heads its own
 * header (an Ủy ban nhân dân). */
static char *infer_parent_body(const gen *g, const char *office)
{
    const plan_issuer *row = plan_issuer_by_name(office);
    if (row && !row->needs_parent)
        return NULL;
    if (!g->parent_name)
        return plan_xstrdup("[[TÊN CƠ QUAN CHỦ QUẢN]]");
    return plan_utf8_upper(g->parent_name);
}

static void header(gen *g, const plan_draft_opts *o, const char *abbr, const char *parent_body,
                   uint64_t fp)
{
    const plan_header *h = &g->p->header;
    plan_buf_puts(g->b, "<header>\n");
    text_el(g, "national-name",
            h->national_name.s ? h->national_name.s : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    text_el(g, "motto", h->motto.s ? h->motto.s : "Độc lập - Tự do - Hạnh phúc");
    if (parent_body && *parent_body)
        text_el(g, "parent-body", parent_body);
    char *up = plan_utf8_upper(g->office);
    plan_buf_puts(g->b, "<issuer");
    attr(g, "abbr", abbr);
    plan_buf_putc(g->b, '>');
    plan_esc_xml(g->b, up);
    plan_buf_puts(g->b, "</issuer>\n");
    free(up);
    plan_buf tmp = PLAN_BUF_INIT;
    plan_buf_printf(&tmp, "[[Số]]/KH-%s", abbr ? abbr : "[[Ký hiệu của cơ quan]]");
    text_el(g, "number", plan_buf_cstr(&tmp));
    text_el(g, "place", h->place.s ? h->place.s : "[[Địa danh]]");
    text_el(g, "date", "[[ngày … tháng … năm …]]");
    text_el(g, "doc-type", "KẾ HOẠCH");
    plan_buf_reset(&tmp);
    plan_buf_puts(&tmp, "Triển khai thực hiện ");
    parent_ref(g, &tmp);
    if (h->subject.s) {
        char *s = lower_first(h->subject.s);
        size_t keep = tmp.len;
        plan_buf_printf(&tmp, " về %s", s);
        free(s);
        /* TITLE-TRICHYEU: at most 250 characters; the parent's number says
         * what it is about. */
        if (plan_utf8_count(tmp.data, tmp.len) > 250) {
            tmp.len = keep;
            tmp.data[keep] = '\0';
        }
    }
    text_el(g, "subject", plan_buf_cstr(&tmp));
    text_el(g, "theme", h->theme.s);
    char iso[16], hex[17];
    plan_date_iso(h->date.prec == PLAN_PREC_DAY ? h->date.lo : (plan_date){0, 0, 0}, iso);
    plan_hash64_hex(fp, hex);
    plan_buf_puts(g->b, "<lineage");
    attr(g, "number", h->number.text.s);
    attr(g, "date", iso);
    attr(g, "path", o->parent_path);
    attr(g, "fingerprint", hex);
    plan_buf_puts(g->b, "/>\n</header>\n");
    plan_buf_free(&tmp);
}

static void basis(gen *g)
{
    const plan_header *h = &g->p->header;
    plan_buf tmp = PLAN_BUF_INIT;
    plan_buf_puts(&tmp, "Thực hiện ");
    parent_ref(g, &tmp);
    if (h->subject.s) {
        char *s = lower_first(h->subject.s);
        plan_buf_printf(&tmp, " về %s", s);
        free(s);
    }
    plan_buf_printf(&tmp, "; %s ban hành Kế hoạch triển khai thực hiện như sau:", g->office);
    plan_buf_puts(g->b, "<basis>\n");
    text_el(g, "p", plan_buf_cstr(&tmp));
    /* The parent first, then what the parent implements and rests on. */
    char *type = h->doc_type.s ? plan_utf8_fold(h->doc_type.s) : plan_xstrdup("kế hoạch");
    char *t = upper_first(type);
    plan_buf_puts(g->b, "<document relation=\"implements\" inherited=\"yes\">\n");
    text_el(g, "doc-type", t);
    text_el(g, "number", h->number.text.s);
    if (h->date.prec == PLAN_PREC_DAY) {
        plan_buf_reset(&tmp);
        dmy(h->date.lo, &tmp);
        text_el(g, "date", plan_buf_cstr(&tmp));
    }
    text_el(g, "issuer", g->parent_name);
    if (h->subject.s) {
        char *s = lower_first(h->subject.s);
        text_el(g, "title", s);
        free(s);
    }
    plan_buf_puts(g->b, "</document>\n");
    free(type);
    free(t);
    for (const plan_document *d = g->p->documents; d; d = d->next)
        if (d->relation != PLAN_REL_CITED)
            document(g, d);
    plan_buf_puts(g->b, "</basis>\n");
    plan_buf_free(&tmp);
}

static void closing(gen *g)
{
    plan_buf tmp = PLAN_BUF_INIT;
    plan_buf_printf(&tmp, "Trên đây là Kế hoạch của %s triển khai thực hiện ", g->office);
    parent_ref(g, &tmp);
    plan_buf_puts(&tmp, "./.");
    plan_buf_puts(g->b, "<closing>\n");
    text_el(g, "p", plan_buf_cstr(&tmp));
    plan_buf_puts(g->b, "</closing>\n<signature>\n"
                        "<title>[[CHỨC VỤ CỦA NGƯỜI KÝ]]</title>\n"
                        "<name>[[Họ và tên người ký]]</name>\n"
                        "</signature>\n<recipients>\n");
    if (g->parent_name) {
        plan_buf_puts(g->b, "<recipient note=\"B/c\">");
        plan_esc_xml(g->b, g->parent_name);
        plan_buf_puts(g->b, "</recipient>\n");
    }
    /* The offices the draft's deadlines deliver to, without their "(…)". */
    char **seen = NULL;
    size_t nseen = 0;
    for (size_t i = 0; i < g->nto; i++) {
        char *t = plan_xstrdup(g->to[i]);
        char *paren = strchr(t, '(');
        if (paren)
            *paren = '\0';
        size_t n = strlen(t);
        while (n && t[n - 1] == ' ')
            t[--n] = '\0';
        char *k = plan_utf8_fold(t);
        int dup = !*t || (g->parent_name && plan_name_match(t, g->parent_name) != PLAN_NAME_NONE);
        for (size_t j = 0; j < nseen && !dup; j++)
            dup = strcmp(seen[j], k) == 0;
        if (!dup) {
            text_el(g, "recipient", t);
            seen = plan_xrealloc(seen, (nseen + 1) * sizeof *seen);
            seen[nseen++] = k;
        } else {
            free(k);
        }
        free(t);
    }
    for (size_t j = 0; j < nseen; j++)
        free(seen[j]);
    free(seen);
    plan_buf_puts(g->b, "<recipient>[[Các cơ quan, đơn vị, cá nhân nhận Kế hoạch]]</recipient>\n"
                        "<archive>Lưu: VT, [[đơn vị soạn thảo]].</archive>\n"
                        "</recipients>\n");
    plan_buf_free(&tmp);
}

/* The campaign's end in the parent: the latest resolved end. */
static plan_date parent_end(const plan_doc *p)
{
    plan_date end = {0, 0, 0};
    for (const plan_period *q = p->periods; q; q = q->next)
        if (q->end.prec != PLAN_PREC_NONE && q->end.hi.y && plan_date_cmp(q->end.hi, end) > 0)
            end = q->end.hi;
    return end;
}

/* The level of an issuer as the builder infers it, from a header alone. */
static int office_rank(const char *office, const char *parent_body)
{
    plan_buf x = PLAN_BUF_INIT;
    plan_buf_printf(&x, "<plan xmlns=\"%s\"><header>", PLAN_NS);
    if (parent_body && *parent_body) {
        plan_buf_puts(&x, "<parent-body>");
        plan_esc_xml(&x, parent_body);
        plan_buf_puts(&x, "</parent-body>");
    }
    plan_buf_puts(&x, "<issuer>");
    plan_esc_xml(&x, office);
    plan_buf_puts(&x, "</issuer></header><body/></plan>");
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rank = 0;
    if (plan_doc_read_bytes(x.data, x.len, "issuer", NULL, &d, &doc) == PLAN_OK && doc)
        rank = plan_award_issuer_rank(doc->header.issuer_level);
    plan_doc_free(doc);
    plan_diags_clear(&d);
    plan_buf_free(&x);
    return rank;
}

/* The draft as XML text. */
static void draft_text(const plan_doc *p, const plan_draft_opts *o, const char *office,
                       plan_buf *out)
{
    gen g;
    memset(&g, 0, sizeof g);
    g.b = out;
    g.p = p;
    g.office = office;
    g.parent_name = running_name(p);
    g.end = parent_end(p);
    for (const plan_deadline *dl = p->deadlines; dl; dl = dl->next)
        if (from_group(dl)) {
            g.groups = plan_xrealloc(g.groups, (g.ngroups + 1) * sizeof *g.groups);
            g.groups[g.ngroups++] = dl;
        }
    const char *abbr = o->abbr && *o->abbr ? o->abbr : NULL;
    if (!abbr) {
        const plan_issuer *row = plan_issuer_by_name(office);
        /* Only a row that names the whole office: "Sở" alone is no code. */
        if (row && row->code) {
            char *a = plan_utf8_fold_ascii(row->name), *b = plan_utf8_fold_ascii(office);
            if (strcmp(a, b) == 0)
                abbr = row->code;
            free(a);
            free(b);
        }
    }
    char *pb = o->parent_body ? plan_xstrdup(o->parent_body) : infer_parent_body(&g, office);
    g.sub_rank = office_rank(office, pb);
    plan_buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"%s\" "
                         "kind=\"%s\">\n",
                    PLAN_NS, p->kind == PLAN_KIND_REGULAR ? "regular" : "campaign");
    header(&g, o, abbr, pb, plan_fingerprint(p));
    basis(&g);
    plan_buf_puts(out, "<body>\n");
    blocks(&g, p->body);
    plan_buf_puts(out, "</body>\n");
    closing(&g);
    plan_buf_puts(out, "</plan>\n");
    free(pb);
    free(g.parent_name);
    free(g.groups);
    free(g.to);
}

/* ---- numbering ---- */

static int style_of(const char *n)
{
    size_t len = strlen(n);
    if (len && n[len - 1] == ')')
        return PLAN_NUM_LETTER;
    if (n[0] == 'I' || n[0] == 'V' || n[0] == 'X')
        return PLAN_NUM_ROMAN;
    const char *dot = strchr(n, '.');
    return dot && dot[1] ? PLAN_NUM_DOTTED : PLAN_NUM_ARABIC;
}

/* Numbers the sections and assignments of each level consecutively in the
 * style of the first, and makes the written number the normalized one. */
static void renumber(plan_arena *a, plan_block *first, const char *parent_num)
{
    int k = 0, style = PLAN_NUM_NONE;
    for (plan_block *c = first; c; c = c->next) {
        if (c->kind != PLAN_B_SECTION && c->kind != PLAN_B_ASSIGNMENT)
            continue;
        if (!c->normalized) {
            if (c->kind == PLAN_B_SECTION)
                renumber(a, c->first, parent_num);
            continue;
        }
        if (style == PLAN_NUM_NONE)
            style = style_of(c->normalized);
        k++;
        switch (style) {
        case PLAN_NUM_ROMAN:
            c->normalized = plan_arena_printf(a, "%s.", plan_roman(k));
            break;
        case PLAN_NUM_LETTER:
            c->normalized = plan_arena_printf(a, "%s)", plan_viet_letter(k));
            break;
        case PLAN_NUM_DOTTED: {
            const char *pre = parent_num && parent_num[0] >= '0' && parent_num[0] <= '9'
                                  ? parent_num : c->normalized;
            size_t n = strlen(pre);
            if (pre == c->normalized) {
                /* its own prefix: everything before the last number */
                n = n && pre[n - 1] == '.' ? n - 1 : n;
                while (n && pre[n - 1] != '.')
                    n--;
            }
            if (n && pre[n - 1] == '.')
                n--;
            c->normalized = plan_arena_printf(a, "%.*s.%d.", (int)n, pre, k);
            break;
        }
        default:
            c->normalized = plan_arena_printf(a, "%d.", k);
            break;
        }
        c->number.s = c->normalized;
        c->num_style = style;
        if (c->kind == PLAN_B_SECTION)
            renumber(a, c->first, c->normalized);
    }
}

/* ---- the finished draft ---- */

/* The comment at the top of a draft. "--" may not occur in a comment. */
static void comment_text(plan_buf *out, const char *s)
{
    for (; *s; s++) {
        plan_buf_putc(out, *s);
        if (*s == '-' && s[1] == '-')
            plan_buf_putc(out, ' ');
    }
}

static void finish(const plan_doc *d, const char *office, const plan_doc *parent,
                   const char *parent_path, plan_buf *out)
{
    plan_buf x = PLAN_BUF_INIT;
    plan_emit_xml(d, &x);
    const char *s = plan_buf_cstr(&x);
    const char *nl = strchr(s, '\n');
    size_t first = nl ? (size_t)(nl - s) + 1 : 0;
    plan_buf_append(out, s, first);
    plan_buf_puts(out, "<!--\n  Dự thảo kế hoạch của ");
    comment_text(out, office);
    plan_buf_puts(out, ", lập bằng lệnh plan new từ kế hoạch cấp trên số ");
    comment_text(out, parent->header.number.text.s ? parent->header.number.text.s : "?");
    plan_buf_puts(out, " (");
    comment_text(out, parent_path ? parent_path : "?");
    plan_buf_puts(out, ").\n"
                       "  Thay mỗi chỗ [[…]] (cả hai cặp dấu ngoặc) bằng nội dung của đơn vị, "
                       "rồi chạy: plan check.\n"
                       "  Các phần có inherited=\"yes\" lấy từ kế hoạch cấp trên; khi kế "
                       "hoạch cấp trên thay đổi, lệnh\n"
                       "  plan new với tùy chọn update làm mới các phần đó và giữ nguyên mọi "
                       "phần khác của đơn vị\n"
                       "  (xem docs/templates.md).\n-->\n");
    plan_buf_append(out, s + first, x.len - first);
    plan_buf_free(&x);
}

/* Reads the draft's text back: a document without structural errors. */
static plan_doc *read_back(const plan_buf *text, plan_buf *err)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_doc *doc = NULL;
    int rc = plan_doc_read_bytes(text->data, text->len, "draft", NULL, &d, &doc);
    for (size_t i = 0; i < d.n; i++)
        if (plan_rule_get(d.v[i].rule)->category == PLAN_CAT_STRUCTURE) {
            plan_buf_printf(err, "draft:%u:%u: %s [%s]", d.v[i].pos.line, d.v[i].pos.col,
                            d.v[i].message, plan_rule_get(d.v[i].rule)->id);
            rc = PLAN_BAD_DOCUMENT;
            break;
        }
    plan_diags_clear(&d);
    if (rc != PLAN_OK) {
        if (!err->len)
            plan_buf_puts(err, "the draft could not be read back");
        plan_doc_free(doc);
        return NULL;
    }
    return doc;
}

static char *office_name(const char *s)
{
    plan_arena *a = plan_arena_new();
    char *r = plan_xstrdup(plan_text_normalize(a, s, strlen(s)));
    plan_arena_free(a);
    return r;
}

int plan_draft_new(const plan_doc *parent, const plan_draft_opts *o, plan_buf *out,
                   plan_buf *err)
{
    char *office = office_name(o->issuer ? o->issuer : "");
    plan_buf text = PLAN_BUF_INIT;
    draft_text(parent, o, office, &text);
    plan_doc *d = read_back(&text, err);
    plan_buf_free(&text);
    if (!d) {
        free(office);
        return -1;
    }
    renumber(d->arena, d->body, NULL);
    finish(d, office, parent, o->parent_path, out);
    plan_doc_free(d);
    free(office);
    return 0;
}

/* ---- updating a draft ---- */

typedef struct vec {
    plan_block **v;
    size_t n, cap;
} vec;

static void vec_push(vec *x, plan_block *b)
{
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 8;
        x->v = plan_xrealloc(x->v, x->cap * sizeof *x->v);
    }
    x->v[x->n++] = b;
}

static int only_placeholders(const char *s)
{
    if (!s || strncmp(s, PLAN_PLACEHOLDER_OPEN, 2) != 0)
        return 0;
    const char *e = strstr(s, PLAN_PLACEHOLDER_CLOSE);
    return !e || e[2] == '\0';
}

/* 1 when b holds something the office wrote: a block that is neither
 * inherited nor a bare placeholder. */
static int office_content(const plan_block *b)
{
    for (; b; b = b->next) {
        if (b->kind == PLAN_B_SECTION) {
            if (!b->inherited || office_content(b->first))
                return 1;
            continue;
        }
        if (b->inherited)
            continue;
        if (b->assignment) {
            for (const plan_textlist *o = b->assignment->offices; o; o = o->next)
                if (!only_placeholders(o->t.s))
                    return 1;
            for (const plan_task *t = b->assignment->tasks; t; t = t->next)
                if (!only_placeholders(t->text.s))
                    return 1;
            continue;
        }
        if (!only_placeholders(b->text.s))
            return 1;
    }
    return 0;
}

static char *block_key(const plan_block *b)
{
    const char *s = "";
    if (b->section)
        s = b->section->heading.s;
    else if (b->award)
        s = b->award->name.s;
    else if (b->deadline)
        s = b->deadline->what.s;
    char *f = plan_utf8_fold(s ? s : "");
    if (b->deadline) {
        /* award dossiers and proposals are one family */
        int kind = dossier_family(b->deadline->kind) ? 0 : (int)b->deadline->kind + 1;
        size_t n = strlen(f) + 16;
        char *k = plan_xmalloc(n);
        snprintf(k, n, "%d:%s", kind, f);
        free(f);
        f = k;
    }
    return f;
}

static void link(plan_block *parent, vec *out, plan_block **first, plan_block **last)
{
    *first = *last = NULL;
    for (size_t i = 0; i < out->n; i++) {
        plan_block *b = out->v[i];
        b->parent = parent;
        b->next = NULL;
        if (*last)
            (*last)->next = b;
        else
            *first = b;
        *last = b;
    }
}

static void merge(plan_block *dfirst, plan_block *sfirst, plan_block *parent,
                  plan_block **first, plan_block **last);

/* An inherited section the parent no longer has, holding what the office
 * wrote: it becomes the office's own, with only the office's blocks. */
static void disown(plan_block *b)
{
    b->inherited = 0;
    plan_block *f, *l;
    merge(b->first, NULL, b, &f, &l);
    b->first = f;
    b->last = l;
}

/* The children of one container: those of the fresh draft s that are
 * inherited, in the parent's order, each followed by the blocks of the old
 * draft d that followed its counterpart there. */
static void merge(plan_block *dfirst, plan_block *sfirst, plan_block *parent,
                  plan_block **first, plan_block **last)
{
    vec dv = {0}, sv = {0}, out = {0};
    for (plan_block *b = dfirst; b; b = b->next)
        vec_push(&dv, b);
    for (plan_block *b = sfirst; b; b = b->next)
        vec_push(&sv, b);
    int *cp = plan_xmalloc((dv.n + 1) * sizeof *cp);
    int *taken = calloc(sv.n + 1, sizeof *taken);
    char **dk = plan_xmalloc((dv.n + 1) * sizeof *dk), **sk = plan_xmalloc((sv.n + 1) * sizeof *sk);
    for (size_t i = 0; i < dv.n; i++) {
        cp[i] = -1;
        dk[i] = dv.v[i]->inherited ? block_key(dv.v[i]) : NULL;
    }
    for (size_t j = 0; j < sv.n; j++)
        sk[j] = sv.v[j]->inherited ? block_key(sv.v[j]) : NULL;
    /* Counterparts: the same kind and key (heading, award name, deadline
     * kind and what) in order; then sections, and periods, by position
     * among those left. */
    for (size_t i = 0; i < dv.n; i++) {
        if (!dk[i])
            continue;
        for (size_t j = 0; j < sv.n && cp[i] < 0; j++)
            if (sk[j] && !taken[j] && sv.v[j]->kind == dv.v[i]->kind && strcmp(sk[j], dk[i]) == 0) {
                cp[i] = (int)j;
                taken[j] = 1;
            }
    }
    for (size_t i = 0; i < dv.n; i++) {
        if (!dk[i] || cp[i] >= 0 ||
            (dv.v[i]->kind != PLAN_B_SECTION && dv.v[i]->kind != PLAN_B_PERIOD))
            continue;
        for (size_t j = 0; j < sv.n && cp[i] < 0; j++)
            if (sk[j] && !taken[j] && sv.v[j]->kind == dv.v[i]->kind) {
                cp[i] = (int)j;
                taken[j] = 1;
            }
    }
    /* The old draft's own blocks, each after the counterpart of the last
     * inherited block before it (or at the start). */
    vec *after = calloc(sv.n + 1, sizeof *after);
    vec head = {0};
    int anchor = -1;
    for (size_t i = 0; i < dv.n; i++) {
        plan_block *b = dv.v[i];
        if (b->inherited) {
            if (cp[i] >= 0) {
                anchor = cp[i];
                continue;
            }
            if (b->kind != PLAN_B_SECTION || !office_content(b->first))
                continue; /* gone from the parent, nothing of the office's in it */
            disown(b);
        }
        vec_push(anchor >= 0 ? &after[anchor] : &head, b);
    }
    for (size_t i = 0; i < head.n; i++)
        vec_push(&out, head.v[i]);
    for (size_t j = 0; j < sv.n; j++) {
        plan_block *s = sv.v[j];
        if (s->inherited) {
            for (size_t i = 0; i < dv.n; i++) {
                if (cp[i] != (int)j)
                    continue;
                /* The suppressions before the old block stand before the new one. */
                s->pis = dv.v[i]->pis;
                for (plan_pi *pi = s->pis; pi; pi = pi->next_here)
                    pi->block = s;
                if (s->kind == PLAN_B_SECTION) {
                    plan_block *f, *l;
                    merge(dv.v[i]->first, s->first, s, &f, &l);
                    s->first = f;
                    s->last = l;
                }
            }
            vec_push(&out, s);
        } else if (!dv.n && !dfirst) {
            vec_push(&out, s); /* a new container: the fresh placeholders */
        }
        for (size_t i = 0; i < after[j].n; i++)
            vec_push(&out, after[j].v[i]);
    }
    link(parent, &out, first, last);
    for (size_t j = 0; j < sv.n; j++)
        free(after[j].v);
    for (size_t i = 0; i < dv.n; i++)
        free(dk[i]);
    for (size_t j = 0; j < sv.n; j++)
        free(sk[j]);
    free(after);
    free(head.v);
    free(dk);
    free(sk);
    free(cp);
    free(taken);
    free(dv.v);
    free(sv.v);
    free(out.v);
}

/* The basis: the old draft's documents, with its inherited ones replaced by
 * the fresh draft's, where the first of them stood. */
static plan_document *merge_documents(plan_document *d, plan_document *s)
{
    plan_document *first = NULL, **tail = &first;
    int placed = 0;
    for (plan_document *x = d; x;) {
        plan_document *next = x->next;
        if (x->inherited) {
            if (!placed) {
                for (plan_document *y = s; y;) {
                    plan_document *ny = y->next;
                    if (y->inherited) {
                        *tail = y;
                        tail = &y->next;
                    }
                    y = ny;
                }
                placed = 1;
            }
        } else {
            *tail = x;
            tail = &x->next;
        }
        x = next;
    }
    if (!placed) {
        /* none in the old draft: the parent's go first */
        plan_document *rest = first;
        first = NULL;
        tail = &first;
        for (plan_document *y = s; y;) {
            plan_document *ny = y->next;
            if (y->inherited) {
                *tail = y;
                tail = &y->next;
            }
            y = ny;
        }
        *tail = rest;
        return first;
    }
    *tail = NULL;
    return first;
}

int plan_draft_update(plan_doc *draft, const plan_doc *parent, const char *parent_path,
                      plan_buf *out, plan_buf *err)
{
    char *office = running_name(draft);
    if (!office)
        office = plan_xstrdup("[[Tên cơ quan]]");
    plan_draft_opts o = {office, draft->header.issuer_abbr,
                         draft->header.parent_body.s ? draft->header.parent_body.s : "",
                         parent_path};
    plan_buf text = PLAN_BUF_INIT;
    draft_text(parent, &o, office, &text);
    plan_doc *s = read_back(&text, err);
    plan_buf_free(&text);
    if (!s) {
        free(office);
        return -1;
    }
    plan_doc r = *draft;
    r.header.lineage = s->header.lineage;
    r.documents = merge_documents(draft->documents, s->documents);
    r.has_basis = 1;
    plan_block *f, *l;
    merge(draft->body, s->body, NULL, &f, &l);
    r.body = f;
    renumber(draft->arena, r.body, NULL);
    /* The old draft's lists no longer describe its blocks. */
    draft->body = NULL;
    draft->documents = NULL;
    finish(&r, office, parent, parent_path, out);
    plan_doc_free(s);
    free(office);
    return 0;
}
