/*
 * header.c - the checks of the header category (catalogue/header.def):
 * Quốc hiệu and Tiêu ngữ, the issuer and its parent, số/ký hiệu, place and
 * date, tên loại and trích yếu (NĐ 30/2020/NĐ-CP, Phụ lục I).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/issuers.h"
#include "data/provinces.h"
#include "plan/data.h"
#include "plan/i18n.h"
#include "plan/validate.h"

/* The Quốc hiệu and Tiêu ngữ exactly as Phụ lục I, Mục II, khoản 1 writes them. */
static const char NATIONAL_NAME[] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
static const char MOTTO[] = "Độc lập - Tự do - Hạnh phúc";
/* The type code of the document every <plan> is: a Kế hoạch (Phụ lục III). */
static const char PLAN_TYPE_CODE[] = "KH";
/* "một câu ngắn gọn hoặc một cụm từ" (khoản 5): rules.md §7.1 calls a trích
 * yếu long past about 250 characters. */
enum { TRICHYEU_MAX = 250 };

/* ---- small helpers ------------------------------------------------------ */

static int has(plan_text t)
{
    return t.s && *t.s;
}

/* Where a missing header part is reported: the header, else the root. */
static plan_pos header_pos(const plan_check *c)
{
    return c->doc->header.pos.line ? c->doc->header.pos : c->doc->pos;
}

/* First note of every finding: the rule's legal source, with a quotation. */
static void note_source(plan_diag *g, plan_rule_id r, const char *quote)
{
    const plan_rule *row = plan_rule_get(r);
    const char *unv = strcmp(row->verified, "U") == 0 ? _(" (unverified)") : "";
    if (quote)
        plan_diag_note(g, "%s: \"%s\"%s", _(row->source), quote, unv);
    else
        plan_diag_note(g, "%s%s", _(row->source), unv);
}

static int same_folded(const char *a, const char *b)
{
    char *x = plan_utf8_fold(a), *y = plan_utf8_fold(b);
    int r = strcmp(x, y) == 0;
    free(x);
    free(y);
    return r;
}

/* The type codes folded (plan_utf8_fold), once, and for each row the
 * first row whose code folds the same (the one doctype_nocase returns for
 * it). Kept for the run. */
static char **code_folded;
static size_t *code_first;
static pthread_once_t code_once = PTHREAD_ONCE_INIT;

static void code_init(void)
{
    size_t n = plan_doctype_count();
    code_folded = plan_xmalloc((n ? n : 1) * sizeof *code_folded);
    code_first = plan_xmalloc((n ? n : 1) * sizeof *code_first);
    for (size_t i = 0; i < n; i++) {
        code_folded[i] = plan_utf8_fold(plan_doctype_get((int)i)->code);
        code_first[i] = i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(code_folded[j], code_folded[i]) == 0) {
                code_first[i] = j;
                break;
            }
    }
}

/* The type-code row whose code equals code when case is ignored: the first
 * whose folded code is code's. A code written as in the table (most are)
 * gives its row's first without folding code. */
static const plan_doctype *doctype_nocase(const char *code)
{
    if (!code)
        return NULL;
    pthread_once(&code_once, code_init);
    size_t n = plan_doctype_count();
    for (size_t i = 0; i < n; i++)
        if (strcmp(plan_doctype_get((int)i)->code, code) == 0)
            return plan_doctype_get((int)code_first[i]);
    char *f = plan_utf8_fold(code);
    const plan_doctype *r = NULL;
    for (size_t i = 0; i < n && !r; i++)
        if (strcmp(code_folded[i], f) == 0)
            r = plan_doctype_get((int)i);
    free(f);
    return r;
}

/* The type the header's tên loại names; a plan without one is a Kế hoạch.
 * NULL when the tên loại is a name the type table does not know. */
static const plan_doctype *header_doctype(const plan_header *h)
{
    if (!has(h->doc_type))
        return plan_doctype_by_code(PLAN_TYPE_CODE);
    return plan_doctype_by_name(h->doc_type.s);
}

/* ---- provinces named in text ------------------------------------------- */

/* What the province scans of one plan share: the folded names of every
 * province with their lengths (plan_province_keys), the same by their
 * first byte (key_order), and the plan whose texts are folded
 * (plan_check_fold). */
typedef struct prov_keys {
    const char *const *key;
    const size_t *len;
    size_t n;
    const size_t *order, *first; /* key_order */
    plan_check *c;
} prov_keys;

/* The indexes of the province keys grouped by their first byte, in the
 * order of the table within each group: those starting with byte b are
 * key_order[key_first[b]] up to key_order[key_first[b + 1]]. Built once,
 * kept for the run. */
static size_t *key_order, key_first[257];
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void key_order_init(void)
{
    const char *const *key;
    const size_t *len;
    size_t n = plan_province_keys(&key, &len);
    key_order = plan_xmalloc((n ? n : 1) * sizeof *key_order);
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(unsigned char)key[i][0]]++;
    for (int b = 0; b < 256; b++)
        key_first[b + 1] = key_first[b] + count[b];
    size_t at[256];
    memcpy(at, key_first, sizeof at);
    for (size_t i = 0; i < n; i++)
        key_order[at[(unsigned char)key[i][0]]++] = i;
}

static void prov_keys_init(prov_keys *k)
{
    k->n = plan_province_keys(&k->key, &k->len);
    pthread_once(&key_once, key_order_init);
    k->order = key_order;
    k->first = key_first;
    k->c = NULL;
}

static void prov_keys_free(prov_keys *k)
{
    *k = (prov_keys){0};
}

/* After accent folding, any byte that is not an ASCII letter or digit ends
 * a word (spaces, punctuation, typographic quotes). */
static int boundary(char ch)
{
    return !isalnum((unsigned char)ch);
}

/* The longest province name starting exactly at s and ending at a word
 * boundary; its length goes to *len. */
static const plan_province *province_here(const prov_keys *k, const char *s, size_t *len)
{
    const plan_province *best = NULL;
    size_t best_n = 0;
    unsigned char b = (unsigned char)s[0];
    /* Only the names that start with s[0], in the table's order. */
    for (size_t o = k->first[b]; o < k->first[b + 1]; o++) {
        size_t i = k->order[o];
        size_t n = k->len[i];
        if (n > best_n && strncmp(s, k->key[i], n) == 0 && boundary(s[n])) {
            best = plan_province_get((int)i);
            best_n = n;
        }
    }
    if (len)
        *len = best_n;
    return best;
}

/* Length of a level word ("tinh ", "thanh pho ", "tp. ") at s, else 0. */
static inline size_t level_word(const char *s)
{
    /* "tinh ", "thanh pho ", "tp. ", "tp.", "tp ": told apart by the second
     * byte; byte by byte, so that nothing past a NUL is read. */
    if (s[0] != 't')
        return 0;
    if (s[1] == 'i')
        return s[2] == 'n' && s[3] == 'h' && s[4] == ' ' ? 5 : 0;
    if (s[1] == 'h')
        return s[2] == 'a' && s[3] == 'n' && s[4] == 'h' && s[5] == ' ' && s[6] == 'p' &&
                       s[7] == 'h' && s[8] == 'o' && s[9] == ' '
                   ? 10
                   : 0;
    if (s[1] == 'p')
        return s[2] == '.' ? (s[3] == ' ' ? 4 : 3) : s[2] == ' ' ? 3 : 0;
    return 0;
}

/* Calls fn for every province written after "tỉnh", "thành phố" or "TP." in
 * text (folded). Returns the first one. */
typedef void (*prov_fn)(const plan_province *p, void *ctx);

static const plan_province *provinces_named(const prov_keys *k, const char *text, prov_fn fn,
                                            void *ctx)
{
    const char *f = plan_check_fold(k->c, text);
    const plan_province *first = NULL;
    /* Every level word starts a word with t: from one t to the next, in
     * one pass (most texts have no level word, and no search for each of
     * them first); after a province, on after its name. */
    for (const char *t = strchr(f, 't'); t; t = strchr(t + 1, 't')) {
        size_t lw;
        if ((t > f && !boundary(t[-1])) || !(lw = level_word(t)))
            continue;
        size_t len;
        const plan_province *p = province_here(k, t + lw, &len);
        if (!p)
            continue;
        if (!first)
            first = p;
        if (fn)
            fn(p, ctx);
        t += lw + len - 1;
    }
    return first;
}

/* The province a bare place name or locality is: "Lạng Sơn", "tỉnh Lạng
 * Sơn", "Thành phố Hà Nội"; NULL when the text is something else. */
static const plan_province *province_bare(const prov_keys *k, const char *text)
{
    /* The fold plan_check_fold keeps, copied to be cut (on the stack when
     * short, as places are). */
    const char *folded = plan_check_fold(k->c, text);
    size_t n = strlen(folded);
    char buf[256], *f = n < sizeof buf ? buf : plan_xmalloc(n + 1);
    memcpy(f, folded, n + 1);
    while (n > 0 && (f[n - 1] == '.' || f[n - 1] == ','))
        f[--n] = '\0';
    size_t len;
    size_t lw = level_word(f);
    const plan_province *p = province_here(k, f + lw, &len);
    if (p && f[lw + len] != '\0')
        p = NULL;
    if (f != buf)
        free(f);
    return p;
}

/* ---- Quốc hiệu, Tiêu ngữ, issuer, parent line -------------------------- */

/* what is a message id (N_), translated only for a finding. */
static void exact_line(plan_check *c, plan_text t, const char *want, const char *what)
{
    plan_diag *g;
    if (has(t) && strcmp(t.s, want) == 0)
        return; /* as prescribed: the text of most plans, told at once */
    if (!has(t))
        g = plan_check_report(c, PLAN_RULE_HDR_QUOCHIEU, header_pos(c),
                              _("the header has no %s; write \"%s\""), _(what), want);
    else if (!same_folded(t.s, want))
        g = plan_check_report(c, PLAN_RULE_HDR_QUOCHIEU, t.pos,
                              _("%s \"%s\" is not the prescribed text; write \"%s\""), _(what),
                              t.s, want);
    else
        /* Same letters, different case: the decree fixes the case too. */
        g = plan_check_report(c, PLAN_RULE_HDR_QUOCHIEU, t.pos,
                              _("%s \"%s\" is not in the prescribed capitals; write \"%s\""),
                              _(what), t.s, want);
    note_source(g, PLAN_RULE_HDR_QUOCHIEU, NULL);
}

static void hdr_quochieu(plan_check *c)
{
    const plan_header *h = &c->doc->header;
    if (!has(h->national_name) && !has(h->motto)) {
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_HDR_QUOCHIEU, header_pos(c),
            _("the header has neither the Quốc hiệu nor the Tiêu ngữ; write \"%s\" and, "
              "under it, \"%s\""),
            NATIONAL_NAME, MOTTO);
        note_source(g, PLAN_RULE_HDR_QUOCHIEU, NULL);
        return;
    }
    exact_line(c, h->national_name, NATIONAL_NAME, N_("Quốc hiệu"));
    exact_line(c, h->motto, MOTTO, N_("Tiêu ngữ"));
}

static void hdr_issuer_missing(plan_check *c)
{
    if (has(c->doc->header.issuer))
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_HDR_ISSUER_MISSING, header_pos(c),
        _("the header does not name the issuing body; add <issuer> with its official name "
          "(e.g. \"SỞ NỘI VỤ\") under the parent body"));
    note_source(g, PLAN_RULE_HDR_ISSUER_MISSING, NULL);
}

/* Does the issuer show a parent-body line? The issuer table decides by the
 * kind of body (Sở, Văn phòng, Phòng … do; UBND, Bộ do not); else the level. */
static int needs_parent(const plan_header *h)
{
    const plan_issuer *row = plan_issuer_by_name(h->issuer.s);
    if (row)
        return row->needs_parent;
    return h->issuer_level == PLAN_LEVEL_DEPARTMENT || h->issuer_level == PLAN_LEVEL_UNIT;
}

/* An example parent line for the messages, "UBND TỈNH LAI CHÂU", naming the
 * province the plan names; into buf. */
static const char *parent_example(const prov_keys *k, const plan_doc *d, char *buf,
                                  size_t size)
{
    const plan_province *p = NULL;
    if (has(d->header.place))
        p = province_bare(k, d->header.place.s);
    for (const plan_textlist *t = d->basis_text; t && !p; t = t->next)
        p = provinces_named(k, t->t.s, NULL, NULL);
    for (const plan_document *x = d->documents; x && !p; x = x->next)
        if (x->issuer.s)
            p = provinces_named(k, x->issuer.s, NULL, NULL);
    char name[160];
    if (p)
        snprintf(name, sizeof name, "UBND %s %s", p->city ? "thành phố" : "tỉnh", p->name);
    else
        snprintf(name, sizeof name, "UBND tỉnh …");
    char *up = plan_utf8_upper(name);
    snprintf(buf, size, "%s", up);
    free(up);
    return buf;
}

/* A local parent body (UBND, HĐND) at province level must name the province. */
static void parent_locality(plan_check *c, const prov_keys *k)
{
    const plan_text t = c->doc->header.parent_body;
    char ex[192];
    const plan_issuer *row = plan_issuer_by_name(t.s);
    if (!row || !row->code || (strcmp(row->code, "UBND") && strcmp(row->code, "HĐND")))
        return;
    if (provinces_named(k, t.s, NULL, NULL))
        return;
    char *f = plan_utf8_fold_ascii(t.s);
    /* District and commune names are not in the tables: only a bare body or
     * a "tỉnh" with no name after it is known to lack its locality. */
    int bare = !strstr(f, "huyen") && !strstr(f, "quan") && !strstr(f, "thi xa") &&
               !strstr(f, "xa ") && !strstr(f, "phuong") && !strstr(f, "dac khu") &&
               !strstr(f, "thanh pho");
    free(f);
    if (!bare)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_HDR_PARENT_LINE, t.pos,
        _("parent body \"%s\" does not name its locality; write it with the province, e.g. "
          "\"%s\""),
        t.s, parent_example(k, c->doc, ex, sizeof ex));
    note_source(g, PLAN_RULE_HDR_PARENT_LINE, NULL);
}

static void hdr_parent_line(plan_check *c, const prov_keys *k)
{
    const plan_header *h = &c->doc->header;
    char ex[192];
    plan_diag *g;
    if (has(h->parent_body)) {
        parent_locality(c, k);
        return;
    }
    if (!has(h->issuer))
        g = plan_check_report(c, PLAN_RULE_HDR_PARENT_LINE, header_pos(c),
                              _("the header shows neither the issuer nor its parent body; "
                                "add the parent-body line with its locality, e.g. \"%s\", "
                                "above the issuer"),
                              parent_example(k, c->doc, ex, sizeof ex));
    else if (needs_parent(h))
        g = plan_check_report(c, PLAN_RULE_HDR_PARENT_LINE, header_pos(c),
                              _("issuer \"%s\" belongs to a parent body but the header has no "
                                "parent-body line; add it above the issuer, e.g. \"%s\""),
                              h->issuer.s, parent_example(k, c->doc, ex, sizeof ex));
    else
        return;
    note_source(g, PLAN_RULE_HDR_PARENT_LINE, NULL);
}

/* ---- one province throughout ------------------------------------------ */

typedef struct where {
    const plan_province *p;
    plan_pos pos;
    const char *what, *text; /* what: a message id (N_), translated for a finding */
} where;

static int issuer_is_provincial(const plan_header *h)
{
    return h->issuer_level == PLAN_LEVEL_PROVINCE || h->issuer_level == PLAN_LEVEL_DEPARTMENT;
}

static size_t add_where(where *w, size_t n, const plan_province *p, plan_pos pos,
                        const char *what, const char *text)
{
    if (!p)
        return n;
    w[n] = (where){p, pos, what, text};
    return n + 1;
}

/* The provinces the header names, in the order the reader meets them. */
static size_t header_provinces(const plan_check *c, const prov_keys *k, where *w)
{
    const plan_header *h = &c->doc->header;
    size_t n = 0;
    if (h->locality)
        n = add_where(w, n, province_bare(k, h->locality), h->issuer.pos,
                      N_("the issuer's locality"), h->locality);
    if (has(h->parent_body))
        n = add_where(w, n, provinces_named(k, h->parent_body.s, NULL, NULL),
                      h->parent_body.pos, N_("parent body"), h->parent_body.s);
    if (has(h->issuer))
        n = add_where(w, n, provinces_named(k, h->issuer.s, NULL, NULL), h->issuer.pos,
                      N_("issuer"), h->issuer.s);
    /* A provincial body writes its province as place; a commune writes its
     * own name, which may repeat an old province's ("phường Yên Bái"). */
    if (has(h->place) && issuer_is_provincial(h))
        n = add_where(w, n, province_bare(k, h->place.s), h->place.pos, N_("place"),
                      h->place.s);
    return n;
}

/* Province mentions in the body: how often each is named, and where first. */
typedef struct tally {
    const plan_province *ref;
    size_t ref_count, other_count;
    const plan_province *other;
    plan_pos other_pos, cur;
} tally;

static void tally_one(const plan_province *p, void *ctx)
{
    tally *t = ctx;
    if (p == t->ref) {
        t->ref_count++;
    } else if (p->merged_into && strcmp(p->merged_into, t->ref->name) == 0) {
        /* "tỉnh Yên Bái (cũ)" in a plan of the merged Lào Cai: same province. */
    } else {
        if (!t->other) {
            t->other = p;
            t->other_pos = t->cur;
        }
        t->other_count++;
    }
}

/* Once the header's own province is named, body_province has its answer
 * (no finding), whatever the texts after name: they are not read. */
static void tally_text(const prov_keys *k, tally *t, plan_text s)
{
    if (!has(s) || t->ref_count)
        return;
    t->cur = s.pos;
    provinces_named(k, s.s, tally_one, t);
}

typedef struct tally_ctx {
    const prov_keys *k;
    tally *t;
} tally_ctx;

static void tally_block(plan_check *c, const plan_block *b, void *ctx)
{
    (void)c;
    tally_ctx *x = ctx;
    tally_text(x->k, x->t, b->text);
    if (b->section)
        tally_text(x->k, x->t, b->section->heading);
    if (b->award) {
        tally_text(x->k, x->t, b->award->name);
        tally_text(x->k, x->t, b->award->authority);
    }
    if (b->assignment) {
        for (const plan_textlist *o = b->assignment->offices; o; o = o->next)
            tally_text(x->k, x->t, o->t);
        for (const plan_task *task = b->assignment->tasks; task; task = task->next)
            tally_text(x->k, x->t, task->text);
    }
    if (b->deadline) {
        tally_text(x->k, x->t, b->deadline->p);
        tally_text(x->k, x->t, b->deadline->to);
    }
}

/* The body names only other provinces than the header's: report it. */
static void body_province(plan_check *c, const prov_keys *k, const where *ref)
{
    tally t = {ref->p, 0, 0, NULL, {0, 0}, {0, 0}};
    for (const plan_textlist *s = c->doc->basis_text; s; s = s->next)
        tally_text(k, &t, s->t);
    for (const plan_document *x = c->doc->documents; x; x = x->next)
        tally_text(k, &t, x->issuer);
    tally_ctx ctx = {k, &t};
    plan_walk_blocks(c->doc->body, c, tally_block, &ctx);
    if (t.ref_count || !t.other)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_HDR_LOCALITY_CONSISTENT, ref->pos,
        _("%s \"%s\" names %s but the text of the plan names only other provinces, first %s; "
          "correct the header or the text so that both name the same province"),
        _(ref->what), ref->text, ref->p->name, t.other->name);
    note_source(g, PLAN_RULE_HDR_LOCALITY_CONSISTENT, NULL);
    plan_diag_note(g, _("%s is named at line %u"), t.other->name, t.other_pos.line);
}

static plan_date issue_date(const plan_doc *d)
{
    return d->header.date.prec == PLAN_PREC_DAY ? d->header.date.lo : (plan_date){0, 0, 0};
}

static int after_reorg(plan_date d)
{
    return d.y && plan_date_cmp(d, PLAN_REORG_DATE) >= 0;
}

static void hdr_locality(plan_check *c, const prov_keys *k)
{
    where w[4];
    size_t n = header_provinces(c, k, w);
    if (!n)
        return;
    for (size_t i = 1; i < n; i++) {
        if (w[i].p == w[0].p)
            continue;
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_HDR_LOCALITY_CONSISTENT, w[i].pos,
            _("%s \"%s\" names %s but %s \"%s\" names %s; the header must name one province"),
            _(w[i].what), w[i].text, w[i].p->name, _(w[0].what), w[0].text, w[0].p->name);
        note_source(g, PLAN_RULE_HDR_LOCALITY_CONSISTENT, NULL);
    }
    plan_date d = issue_date(c->doc);
    if (after_reorg(d) && !plan_province_exists_on(w[0].p, d) && w[0].pos.line) {
        plan_diag *g = plan_check_report(
            c, PLAN_RULE_HDR_LOCALITY_CONSISTENT, w[0].pos,
            _("%s \"%s\" names %s, which is no longer a province from 01/07/2025 (merged into "
              "%s); name the province as it is now"),
            _(w[0].what), w[0].text, w[0].p->name,
            w[0].p->merged_into ? w[0].p->merged_into : "?");
        note_source(g, PLAN_RULE_HDR_LOCALITY_CONSISTENT, NULL);
    }
    body_province(c, k, &w[0]);
}

/* ---- số, ký hiệu --------------------------------------------------------- */

/* The group that stands where the type code belongs: the type code, or the
 * first group of a công văn-style symbol ("Kh" in "01/Kh-UBND"). NULL for
 * the Quốc hội form "06/2022/QH15". */
static const char *type_group(const plan_notation *n)
{
    if (n->type_code)
        return n->type_code;
    return n->sub ? n->issuer_code : NULL;
}

/* The issuer's group: after the type code (even a mis-cased one), else the
 * first group of a công văn-style symbol. */
static const char *issuer_group(const plan_notation *n)
{
    if (n->type_code)
        return n->issuer_code;
    if (n->sub && doctype_nocase(n->issuer_code))
        return n->sub;
    return n->issuer_code;
}

/* The abbreviation the issuer uses: its own (abbr) or the table's. */
static const char *expected_issuer_code(const plan_header *h)
{
    if (h->issuer_abbr && *h->issuer_abbr)
        return h->issuer_abbr;
    const plan_issuer *row = has(h->issuer) ? plan_issuer_by_name(h->issuer.s) : NULL;
    return row ? row->code : NULL;
}

/* Byte offsets of the white space around the first "/" of s: [*lo, *hi). */
static void slash_gap(const char *s, size_t *lo, size_t *hi)
{
    const char *sl = strchr(s, '/');
    if (!sl) {
        *lo = *hi = 0;
        return;
    }
    size_t a = (size_t)(sl - s), b = a + 1;
    while (a > 0 && s[a - 1] == ' ')
        a--;
    while (s[b] == ' ')
        b++;
    *lo = a;
    *hi = b;
}

static size_t spaces_outside_gap(const char *s)
{
    size_t lo, hi, n = 0;
    slash_gap(s, &lo, &hi);
    for (size_t i = 0; s[i]; i++)
        if (s[i] == ' ' && (i < lo || i >= hi))
            n++;
    return n;
}

/* s without any space, into buf. */
static const char *without_spaces(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; s[i] && o + 1 < size; i++)
        if (s[i] != ' ')
            buf[o++] = s[i];
    buf[o] = '\0';
    return buf;
}

static void num_missing(plan_check *c)
{
    if (has(c->doc->header.number.text))
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_NUM_MISSING, header_pos(c),
        _("the header has no \"Số:\" line; add <number> with the number the Văn thư registers, "
          "e.g. \"01/KH-%s\""),
        expected_issuer_code(&c->doc->header) ? expected_issuer_code(&c->doc->header) : "…");
    note_source(g, PLAN_RULE_NUM_MISSING, NULL);
}

static int issuer_is_party(const plan_header *h)
{
    const plan_issuer *row = has(h->issuer) ? plan_issuer_by_name(h->issuer.s) : NULL;
    return row && row->kind == PLAN_ISSUER_PARTY;
}

static void num_syntax(plan_check *c)
{
    const plan_header *h = &c->doc->header;
    const plan_notation *n = &h->number;
    char fix[256];
    plan_diag *g;
    if (!has(n->text))
        return;
    const char *code = expected_issuer_code(h);
    if (!n->parsed)
        g = plan_check_report(c, PLAN_RULE_NUM_SYNTAX, n->text.pos,
                              _("number \"%s\" does not read as serial/TYPE-ISSUER; write an "
                                "Arabic serial, \"/\", then the type and issuer codes joined "
                                "by \"-\", e.g. \"01/KH-%s\""),
                              n->text.s, code ? code : "UBND");
    else if (n->party && !issuer_is_party(h))
        g = plan_check_report(c, PLAN_RULE_NUM_SYNTAX, n->text.pos,
                              _("number \"%s\" has the Party form serial-TYPE/ORGAN; a state "
                                "body writes serial/TYPE-ISSUER, e.g. \"%s/%s-%s\""),
                              n->text.s, n->serial, n->type_code, n->issuer_code);
    else if (!n->party && !type_group(n))
        g = plan_check_report(c, PLAN_RULE_NUM_SYNTAX, n->text.pos,
                              _("number \"%s\" has no ký hiệu of the form TYPE-ISSUER; write "
                                "e.g. \"%s/KH-%s\""),
                              n->text.s, n->serial, code ? code : "UBND");
    else if (spaces_outside_gap(n->text.s))
        g = plan_check_report(c, PLAN_RULE_NUM_SYNTAX, n->text.pos,
                              _("number \"%s\" has spaces inside its ký hiệu; write \"%s\""),
                              n->text.s, without_spaces(n->text.s, fix, sizeof fix));
    else
        return;
    note_source(g, PLAN_RULE_NUM_SYNTAX,
                "giữa các nhóm chữ viết tắt ký hiệu văn bản có dấu gạch nối (-), không cách chữ");
}

static void num_leading_zero(plan_check *c)
{
    const plan_notation *n = &c->doc->header.number;
    if (!n->parsed || n->serial_num >= 10 || n->serial_num < 1 || strlen(n->serial) >= 2)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_NUM_LEADING_ZERO, n->text.pos,
                                     _("number %s is below 10 and needs a leading zero: "
                                       "write 0%s"),
                                     n->serial, n->serial);
    plan_diag_note(g, _("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 3 điểm c: \"với những số "
                        "nhỏ hơn 10 phải ghi thêm số 0 phía trước\""));
}

static void num_type_code(plan_check *c)
{
    const plan_header *h = &c->doc->header;
    const plan_notation *n = &h->number;
    const char *got = type_group(n);
    if (!n->parsed || !got)
        return;
    const plan_doctype *want = header_doctype(h);
    if (!want || strcmp(got, want->code) == 0 || same_folded(got, want->code))
        return; /* a case-only difference is NUM-CASE's */
    const plan_doctype *other = doctype_nocase(got);
    const char *issuer = issuer_group(n);
    plan_diag *g;
    if (other)
        g = plan_check_report(c, PLAN_RULE_NUM_TYPE_CODE, n->text.pos,
                              _("number \"%s\" has type code %s (%s) but the tên loại is %s; "
                                "write \"%s/%s-%s\""),
                              n->text.s, got, other->name, want->name, n->serial, want->code,
                              issuer);
    else
        g = plan_check_report(c, PLAN_RULE_NUM_TYPE_CODE, n->text.pos,
                              _("number \"%s\" has no type code; a %s is numbered …/%s-…: "
                                "write \"%s/%s-%s\""),
                              n->text.s, want->name, want->code, n->serial, want->code, issuer);
    note_source(g, PLAN_RULE_NUM_TYPE_CODE, NULL);
}

static void num_no_year(plan_check *c)
{
    const plan_header *h = &c->doc->header;
    const plan_notation *n = &h->number;
    if (!n->parsed || !n->year || !type_group(n))
        return; /* the type only then: most numbers carry no year */
    const plan_doctype *t = header_doctype(h);
    if (t && t->normative)
        return; /* the Quốc hội form "06/2022/QH15" is NUM-SYNTAX's */
    char sym[256];
    if (n->type_code)
        snprintf(sym, sizeof sym, "%s-%s%s%s", n->type_code, n->issuer_code, n->sub ? "-" : "",
                 n->sub ? n->sub : "");
    else
        snprintf(sym, sizeof sym, "%s%s%s", n->issuer_code, n->sub ? "-" : "",
                 n->sub ? n->sub : "");
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_NUM_NO_YEAR, n->text.pos,
        _("number \"%s\" carries the year %d, which only legal normative documents do "
          "(98/2023/NĐ-CP); write \"%s/%s\""),
        n->text.s, n->year, n->serial, sym);
    note_source(g, PLAN_RULE_NUM_NO_YEAR, NULL);
}

static void num_issuer_abbr(plan_check *c)
{
    const plan_header *h = &c->doc->header;
    const plan_notation *n = &h->number;
    const char *want = expected_issuer_code(h);
    const char *got = issuer_group(n);
    if (!n->parsed || !type_group(n) || !want || !got || strcmp(got, want) == 0 ||
        same_folded(got, want))
        return;
    plan_diag *g;
    if (h->issuer_abbr)
        g = plan_check_report(c, PLAN_RULE_NUM_ISSUER_ABBR, n->text.pos,
                              _("number \"%s\" has issuer code %s but the issuer declares "
                                "abbr=\"%s\"; make the two agree"),
                              n->text.s, got, want);
    else
        g = plan_check_report(c, PLAN_RULE_NUM_ISSUER_ABBR, n->text.pos,
                              _("number \"%s\" has issuer code %s but \"%s\" is abbreviated %s; "
                                "write %s, or give the issuer's own code with <issuer "
                                "abbr=\"…\">"),
                              n->text.s, got, h->issuer.s, want, want);
    note_source(g, PLAN_RULE_NUM_ISSUER_ABBR, NULL);
}

static void num_spacing(plan_check *c)
{
    const plan_notation *n = &c->doc->header.number;
    size_t lo, hi;
    if (!n->parsed)
        return;
    slash_gap(n->text.s, &lo, &hi);
    if (hi - lo <= 1)
        return;
    char fixed[256];
    snprintf(fixed, sizeof fixed, "%.*s/%s", (int)lo, n->text.s, n->text.s + hi);
    plan_diag *g = plan_check_report(c, PLAN_RULE_NUM_SPACING, n->text.pos,
                                     _("number \"%s\" has a space beside \"/\", left where the "
                                       "number was filled in by hand; write \"%s\""),
                                     n->text.s, fixed);
    note_source(g, PLAN_RULE_NUM_SPACING, NULL);
}

/* One number's codes against the tables, for case only. want_issuer is the
 * header's own abbreviation (NULL for a cited document). */
static void case_of(plan_check *c, const plan_notation *n, const char *want_issuer)
{
    if (!n->parsed)
        return;
    const char *t = type_group(n), *i = issuer_group(n);
    const plan_doctype *dt = t ? doctype_nocase(t) : NULL;
    const char *fix_t = dt && strcmp(dt->code, t) != 0 ? dt->code : NULL;
    const char *fix_i = NULL;
    if (want_issuer && i && strcmp(i, want_issuer) != 0 && same_folded(i, want_issuer)) {
        fix_i = want_issuer;
    } else if (!want_issuer && i) {
        const plan_issuer *row = plan_issuer_by_code_nocase(i);
        if (row && strcmp(row->code, i) != 0)
            fix_i = row->code;
    }
    const char *bad[2] = {fix_t ? t : NULL, fix_i ? i : NULL};
    const char *fix[2] = {fix_t, fix_i};
    for (int k = 0; k < 2; k++) {
        if (!fix[k])
            continue;
        plan_diag *g = plan_check_report(c, PLAN_RULE_NUM_CASE, n->text.pos,
                                         _("code %s in number \"%s\" is written in the wrong "
                                           "case; write %s, as codes are case-sensitive"),
                                         bad[k], n->text.s, fix[k]);
        note_source(g, PLAN_RULE_NUM_CASE, NULL);
    }
}

static void num_case(plan_check *c)
{
    case_of(c, &c->doc->header.number, expected_issuer_code(&c->doc->header));
    for (const plan_document *x = c->doc->documents; x; x = x->next)
        if (has(x->number.text))
            case_of(c, &x->number, NULL);
}

/* ---- place and date ------------------------------------------------------ */

/* The header date read as "ngày D tháng M năm Y" from the folded text. */
typedef struct dwords {
    int ok;                /* the six tokens are there, in order */
    char day[8], month[8], year[8];
    int d, m, y;
    char stray;            /* first punctuation between the words, or 0 */
} dwords;

/* Next token of f from *i: a run of letters or digits into tok; the
 * punctuation skipped before it goes to *stray. Returns 0 at the end. */
static int next_token(const char *f, size_t *i, char *tok, size_t cap, char *stray)
{
    while (f[*i] && !isalnum((unsigned char)f[*i])) {
        if (f[*i] != ' ' && !*stray)
            *stray = f[*i];
        (*i)++;
    }
    size_t n = 0;
    while (f[*i] && isalnum((unsigned char)f[*i])) {
        if (n + 1 < cap)
            tok[n++] = f[*i];
        (*i)++;
    }
    tok[n] = '\0';
    return n > 0;
}

static int all_digits(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (!n || n > max)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* text is a text of the plan: its fold is the one plan_check_fold keeps. */
static dwords read_date_words(plan_check *c, const char *text)
{
    static const char *const words[] = {"ngay", "thang", "nam"};
    dwords w;
    memset(&w, 0, sizeof w);
    const char *f = plan_check_fold(c, text);
    char *slot[] = {w.day, w.month, w.year};
    size_t i = 0, maxd[] = {2, 2, 4};
    char tok[16];
    int ok = 1;
    for (int k = 0; k < 3 && ok; k++) {
        ok = next_token(f, &i, tok, sizeof tok, &w.stray) && strcmp(tok, words[k]) == 0 &&
             next_token(f, &i, slot[k], 8, &w.stray) && all_digits(slot[k], maxd[k]);
    }
    if (ok && next_token(f, &i, tok, sizeof tok, &w.stray))
        ok = 0;
    if (ok && strlen(w.year) != 4)
        ok = 0;
    w.ok = ok;
    if (ok) {
        w.d = atoi(w.day);
        w.m = atoi(w.month);
        w.y = atoi(w.year);
    }
    return w;
}

/* The date as the decree writes it, e.g. "ngày 05 tháng 01 năm 2026". */
typedef struct datestr {
    char s[64];
} datestr;

static datestr canonical_date(int day, int month, int year)
{
    datestr r;
    if (month <= 2)
        snprintf(r.s, sizeof r.s, "ngày %02d tháng %02d năm %d", day, month, year);
    else
        snprintf(r.s, sizeof r.s, "ngày %02d tháng %d năm %d", day, month, year);
    return r;
}

static void date_missing(plan_check *c)
{
    if (has(c->doc->header.date.text))
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_DATE_MISSING, header_pos(c),
                                     _("the header has no date of issue; add <date> with the "
                                       "date written in full, e.g. \"ngày 05 tháng 01 năm "
                                       "2026\""));
    note_source(g, PLAN_RULE_DATE_MISSING, NULL);
}

/* The form is wrong as a whole: not "ngày … tháng … năm …" in digits. */
static void date_not_words(plan_check *c, const plan_when *w)
{
    plan_diag *g;
    if (w->prec == PLAN_PREC_DAY)
        g = plan_check_report(c, PLAN_RULE_DATE_FORMAT, w->text.pos,
                              _("date \"%s\" is not written \"ngày … tháng … năm …\" in Arabic "
                                "digits; write \"%s\""),
                              w->text.s, canonical_date(w->lo.d, w->lo.m, w->lo.y).s);
    else
        g = plan_check_report(c, PLAN_RULE_DATE_FORMAT, w->text.pos,
                              _("date \"%s\" is not a full date \"ngày … tháng … năm …\" in "
                                "Arabic digits; write the day of issue, e.g. \"ngày 05 tháng "
                                "01 năm 2026\""),
                              w->text.s);
    note_source(g, PLAN_RULE_DATE_FORMAT, NULL);
}

static void date_format(plan_check *c)
{
    const plan_when *w = &c->doc->header.date;
    if (!has(w->text))
        return;
    dwords dw = read_date_words(c, w->text.s);
    if (!dw.ok) {
        date_not_words(c, w);
        return;
    }
    int zero_d = dw.d < 10 && strlen(dw.day) < 2, zero_m = dw.m <= 2 && strlen(dw.month) < 2;
    if (!zero_d && !zero_m && !(dw.m > 2 && dw.month[0] == '0') && !dw.stray)
        return; /* written as it should be: most plans, no correction to write */
    const datestr fd = canonical_date(dw.d, dw.m, dw.y);
    const char *fixed = fd.s;
    plan_diag *g;
    if (zero_d || zero_m) {
        g = plan_check_report(c, PLAN_RULE_DATE_FORMAT, w->text.pos,
                              _("date \"%s\" needs a leading zero on %s; write \"%s\""),
                              w->text.s,
                              zero_d && zero_m ? _("the day and the month")
                              : zero_d         ? _("the day")
                                               : _("the month"),
                              fixed);
        note_source(g, PLAN_RULE_DATE_FORMAT,
                    "đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 "
                    "phía trước");
    }
    if (dw.m > 2 && dw.month[0] == '0') {
        g = plan_check_report_sev(c, PLAN_RULE_DATE_FORMAT, PLAN_SEV_INFO, w->text.pos,
                                  _("date \"%s\" writes month %s with a leading zero, which "
                                    "only months 1 and 2 take; write \"%s\""),
                                  w->text.s, dw.month, fixed);
        note_source(g, PLAN_RULE_DATE_FORMAT, NULL);
    }
    if (dw.stray) {
        g = plan_check_report_sev(c, PLAN_RULE_DATE_FORMAT, PLAN_SEV_INFO, w->text.pos,
                                  _("date \"%s\" has a stray \"%c\"; write "
                                    "\"%s\""),
                                  w->text.s, dw.stray, fixed);
        note_source(g, PLAN_RULE_DATE_FORMAT, NULL);
    }
}

static void date_valid(plan_check *c)
{
    const plan_when *w = &c->doc->header.date;
    if (!has(w->text))
        return;
    dwords dw = read_date_words(c, w->text.s);
    int bad = dw.ok ? !plan_date_valid((plan_date){dw.y, dw.m, dw.d}) : w->parse_failed == 2;
    if (!bad)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_DATE_VALID, w->text.pos,
                                     _("date \"%s\" is not a real calendar date; correct the "
                                       "day, the month or the year"),
                                     w->text.s);
    note_source(g, PLAN_RULE_DATE_VALID, NULL);
}

static void date_place(plan_check *c, const prov_keys *k)
{
    const plan_header *h = &c->doc->header;
    plan_diag *g;
    if (!has(h->place)) {
        g = plan_check_report(c, PLAN_RULE_DATE_PLACE, header_pos(c),
                              _("the header has no place name before the date; add <place> "
                                "with the official name of the province or commune where the "
                                "issuer sits"));
        note_source(g, PLAN_RULE_DATE_PLACE, NULL);
        return;
    }
    const plan_province *p = issuer_is_provincial(h) ? province_bare(k, h->place.s) : NULL;
    plan_date d = issue_date(c->doc);
    if (!p || !after_reorg(d) || plan_province_exists_on(p, d))
        return;
    g = plan_check_report(c, PLAN_RULE_DATE_PLACE, h->place.pos,
                          _("place \"%s\" is a province abolished on 01/07/2025 (merged into "
                            "%s); write \"%s\""),
                          h->place.s, p->merged_into ? p->merged_into : "?",
                          p->merged_into ? p->merged_into : "?");
    note_source(g, PLAN_RULE_DATE_PLACE, NULL);
}

/* ---- tên loại, trích yếu ------------------------------------------------- */

/* The tên loại of a plan in capitals ("KẾ HOẠCH"), made once from the type
 * table; kept for the run. */
static char *plan_title;
static pthread_once_t plan_title_once = PTHREAD_ONCE_INIT;

static void plan_title_init(void)
{
    plan_title = plan_utf8_upper(plan_doctype_by_code(PLAN_TYPE_CODE)->name);
}

static void title_type(plan_check *c)
{
    const plan_text t = c->doc->header.doc_type;
    pthread_once(&plan_title_once, plan_title_init);
    const char *want = plan_title;
    plan_diag *g;
    if (has(t) && strcmp(t.s, want) == 0)
        return; /* as prescribed: most plans */
    if (!has(t))
        g = plan_check_report(c, PLAN_RULE_TITLE_TYPE, header_pos(c),
                              _("the header has no tên loại; add <doc-type>%s</doc-type> above "
                                "the trích yếu"),
                              want);
    else if (!same_folded(t.s, want))
        g = plan_check_report(c, PLAN_RULE_TITLE_TYPE, t.pos,
                              _("tên loại \"%s\" is not that of a plan; write \"%s\""), t.s,
                              want);
    else
        g = plan_check_report(c, PLAN_RULE_TITLE_TYPE, t.pos,
                              _("tên loại \"%s\" is not in capitals; write \"%s\""), t.s, want);
    note_source(g, PLAN_RULE_TITLE_TYPE, NULL);
}

static void title_trichyeu(plan_check *c)
{
    const plan_text t = c->doc->header.subject;
    plan_diag *g;
    if (!has(t)) {
        g = plan_check_report(c, PLAN_RULE_TITLE_TRICHYEU, header_pos(c),
                              _("the plan has no trích yếu; add <subject> with one short "
                                "sentence or phrase that sums up the plan"));
        note_source(g, PLAN_RULE_TITLE_TRICHYEU, "một câu ngắn gọn hoặc một cụm từ");
        return;
    }
    size_t bytes = strlen(t.s);
    if (bytes <= TRICHYEU_MAX)
        return; /* no more characters than bytes */
    size_t n = plan_utf8_count(t.s, bytes);
    if (n <= TRICHYEU_MAX)
        return;
    g = plan_check_report_sev(c, PLAN_RULE_TITLE_TRICHYEU, PLAN_SEV_INFO, t.pos,
                              _("the trích yếu is %zu characters long; shorten it to at most %d "
                                "characters and move the details into the body"),
                              n, TRICHYEU_MAX);
    note_source(g, PLAN_RULE_TITLE_TRICHYEU, "một câu ngắn gọn hoặc một cụm từ");
}

void plan_check_header(plan_check *c)
{
    prov_keys k;
    prov_keys_init(&k);
    k.c = c;
    hdr_quochieu(c);
    hdr_issuer_missing(c);
    hdr_parent_line(c, &k);
    hdr_locality(c, &k);
    num_missing(c);
    num_syntax(c);
    num_leading_zero(c);
    num_type_code(c);
    num_no_year(c);
    num_issuer_abbr(c);
    num_spacing(c);
    num_case(c);
    date_missing(c);
    date_format(c);
    date_valid(c);
    date_place(c, &k);
    title_type(c);
    title_trichyeu(c);
    prov_keys_free(&k);
}
