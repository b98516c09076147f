/*
 * lexical.c - the checks of the lexical category (catalogue/lexical.def):
 * numbers with "." (LEX-NUMBER), d/m/yyyy dates in the basis and the body
 * (LEX-DATE-BODY), and Roman numerals in section numbers and congress or
 * term numbers (LEX-ROMAN). Conventions: shared/domain/rules.md §6.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/i18n.h"
#include "plan/validate.h"
#include "validate/internal.h"

/* ---- walking every piece of text ---- */

/* Called for each text of the plan; owner is the block it belongs to, or
 * NULL (header, basis, closing). */
typedef void (*text_fn)(plan_check *c, const plan_text *t, const plan_block *owner,
                        void *ctx);

static void each_list(plan_check *c, const plan_textlist *l, const plan_block *owner,
                      text_fn fn, void *ctx)
{
    for (; l; l = l->next)
        fn(c, &l->t, owner, ctx);
}

static void block_texts(plan_check *c, const plan_block *b, text_fn fn, void *ctx)
{
    fn(c, &b->text, b, ctx);
    if (b->section)
        fn(c, &b->section->heading, b, ctx);
    if (b->award) {
        fn(c, &b->award->name, b, ctx);
        fn(c, &b->award->authority, b, ctx);
        fn(c, &b->award->timing, b, ctx);
        each_list(c, b->award->standards, b, fn, ctx);
        for (const plan_quota *q = b->award->quotas; q; q = q->next)
            fn(c, &q->text, b, ctx);
    }
    if (b->period)
        fn(c, &b->period->p, b, ctx);
    if (b->deadline) {
        const plan_deadline *dl = b->deadline;
        fn(c, &dl->p, b, ctx);
        fn(c, &dl->what, b, ctx);
        fn(c, &dl->from, b, ctx);
        fn(c, &dl->to, b, ctx);
        for (const plan_dossier_item *it = dl->items; it; it = it->next)
            fn(c, &it->text, b, ctx);
    }
    if (b->assignment) {
        each_list(c, b->assignment->offices, b, fn, ctx);
        for (const plan_task *t = b->assignment->tasks; t; t = t->next)
            fn(c, &t->text, b, ctx);
    }
}

typedef struct text_walk {
    text_fn fn;
    void *ctx;
} text_walk;

static void walk_fn(plan_check *c, const plan_block *b, void *ctx)
{
    const text_walk *w = ctx;
    block_texts(c, b, w->fn, w->ctx);
}

/* Every text of the basis, the body and the closing; with_header adds the
 * trích yếu and the chủ đề. Time expressions (<due>, <start>, <end>, dates
 * of documents) are not visited: the checks read them from the model. */
static void each_text(plan_check *c, int with_header, text_fn fn, void *ctx)
{
    const plan_doc *d = c->doc;
    if (with_header) {
        fn(c, &d->header.subject, NULL, ctx);
        fn(c, &d->header.theme, NULL, ctx);
    }
    each_list(c, d->basis_text, NULL, fn, ctx);
    for (const plan_document *doc = d->documents; doc; doc = doc->next) {
        fn(c, &doc->title, NULL, ctx);
        fn(c, &doc->issuer, NULL, ctx);
    }
    text_walk w = {fn, ctx};
    plan_walk_blocks(d->body, c, walk_fn, &w);
    each_list(c, d->closing, NULL, fn, ctx);
}

/* ---- LEX-NUMBER ---- */

/* 1 when a number written with "." is the thousands form 1–3 digits, then
 * groups of three, then an optional ",decimals"; also when it has no ".". */
static int thousands_ok(const char *s, size_t n)
{
    size_t i = 0, group = 0;
    int dots = 0;
    for (; i < n && s[i] != ','; i++) {
        if (isdigit((unsigned char)s[i])) {
            group++;
        } else if (s[i] == '.') {
            if ((!dots && (group < 1 || group > 3)) || (dots && group != 3))
                return 0;
            dots++;
            group = 0;
        }
    }
    return !dots || group == 3;
}

/* 1 when the word before p in s refers to a part of a document ("mục 2.1",
 * "điểm 3.5", "Điều 5.2"): such a number is a reference, not an amount. */
static int after_reference_word(const char *s, const char *p)
{
    static const char *const words[] = {"muc", "diem", "khoan", "dieu", "tiet", "phan",
                                        "chuong", "mau", "luc", "so", NULL};
    const char *e = p;
    while (e > s && e[-1] == ' ')
        e--;
    const char *b = e;
    while (b > s && b[-1] != ' ')
        b--;
    if (b == e || e - b >= 32)
        return 0;
    char w[32];
    memcpy(w, b, (size_t)(e - b));
    w[e - b] = '\0';
    char *f = plan_utf8_fold_ascii(w);
    int hit = 0;
    for (const char *const *k = words; *k && !hit; k++)
        hit = strcmp(f, *k) == 0;
    free(f);
    return hit;
}

/* Reports the numbers of s whose "." is ambiguous. prose: s is a sentence,
 * where numbers after "mục", "điểm" … are references and are skipped. */
static void number_tokens(plan_check *c, const char *s, plan_pos pos, int prose)
{
    for (const char *p = s; *p;) {
        if (!isdigit((unsigned char)*p) || (p > s && (isalnum((unsigned char)p[-1]) ||
                                                      p[-1] == '.' || p[-1] == '/'))) {
            p++;
            continue;
        }
        const char *q = p;
        while (isdigit((unsigned char)*q) ||
               ((*q == '.' || *q == ',') && isdigit((unsigned char)q[1])))
            q++;
        size_t n = (size_t)(q - p);
        if (*q != '/' && memchr(p, '.', n) && !thousands_ok(p, n) &&
            !(prose && after_reference_word(s, p))) {
            plan_diag *g = plan_check_report(
                c, PLAN_RULE_LEX_NUMBER, pos,
                _("number \"%.*s\" is ambiguous: \".\" separates thousands in groups of "
                  "three; write \",\" for a decimal (74,6) or group the thousands by three "
                  "(136.711)"),
                (int)n, p);
            plan_diag_note(g, _("practice of the plans (không có quy định pháp luật): "
                                "\"136.711\" is an integer, \"74,6\" a decimal; a \".\" "
                                "before a group that is not three digits is ambiguous"));
        }
        p = q;
    }
}

static void lex_number(plan_check *c)
{
    for (const plan_indicator *ind = c->doc->indicators; ind; ind = ind->next) {
        if (ind->value)
            number_tokens(c, ind->value, ind->value_pos, 0);
        else if (ind->block && ind->block->text.s)
            number_tokens(c, ind->block->text.s, ind->block->text.pos, 1);
    }
}

/* ---- LEX-DATE-BODY ---- */

enum { DATE_OK, DATE_UNREAL, DATE_YEAR, DATE_DIGITS, DATE_FORM };

/* A run of digits and "/" in s: [*start, *end). Returns 0 when none is left.
 * Runs glued to letters or followed by "/" and a letter ("98/2023/NĐ-CP")
 * are notations, not dates, and are skipped.
 *
 * The runs are those of a scan from *cur byte by byte: maximal runs of
 * digits and "/"-then-digit that start at a digit after no letter, digit,
 * "/" or ".". Only a run with a "/" is returned, and its "/" comes after a
 * digit and before one: so the search goes from one "/" to the next
 * (strchr), reads back from it to the start of its run and judges that
 * start as the scan would have. A run that begins before *cur is one the
 * scan would have entered in its middle, where no byte starts a run. */
static int next_slash_run(const char *s, const char **cur, const char **start,
                          const char **end)
{
    for (const char *x = strchr(*cur, '/'); x; x = strchr(x + 1, '/')) {
        if (x == s || !isdigit((unsigned char)x[-1]) || !isdigit((unsigned char)x[1]))
            continue; /* in no run */
        const char *p = x - 1; /* back over digits, and over "/" between two */
        for (;;) {
            if (p > s && isdigit((unsigned char)p[-1]))
                p--;
            else if (p - 1 > s && p[-1] == '/' && isdigit((unsigned char)p[-2]))
                p -= 2;
            else
                break;
        }
        const char *q = x + 1;
        while (isdigit((unsigned char)*q) || (*q == '/' && isdigit((unsigned char)q[1])))
            q++;
        int starts = p >= *cur && (p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '/' ||
                                               p[-1] == '.'));
        if (starts && *q != '/' && !isalnum((unsigned char)*q)) {
            *cur = q;
            *start = p;
            *end = q;
            return 1;
        }
        x = q - 1; /* on from the end of the run */
    }
    return 0;
}

/* Classifies a run "d/m/yyyy" (parts == 3) or "m/yyyy" (parts == 2). */
static int classify_run(const char *p, const char *q, int *parts)
{
    int v[4] = {0}, len[4] = {0}, k = 0;
    for (; p < q; p++) {
        if (*p == '/') {
            if (++k > 3)
                return DATE_FORM;
        } else if (++len[k] > 6) {
            return DATE_FORM;
        } else {
            v[k] = v[k] * 10 + (*p - '0');
        }
    }
    *parts = k + 1;
    if (k == 1) /* m/yyyy */
        return len[1] != 4 ? DATE_YEAR : len[0] > 2 ? DATE_DIGITS
             : (v[0] >= 1 && v[0] <= 12) ? DATE_OK : DATE_UNREAL;
    if (k != 2)
        return DATE_FORM;
    if (len[0] > 2 || len[1] > 2)
        return len[2] == 4 && len[0] == 4 ? DATE_FORM : DATE_DIGITS;
    if (len[2] != 4)
        return DATE_YEAR;
    return plan_date_valid((plan_date){v[2], v[1], v[0]}) ? DATE_OK : DATE_UNREAL;
}

static void date_report(plan_check *c, plan_pos pos, int kind, const char *tok, int n)
{
    const char *fmt;
    switch (kind) {
    case DATE_UNREAL:
        fmt = _("date \"%.*s\" is not a real date; correct the day, month or year");
        break;
    case DATE_YEAR:
        fmt = _("date \"%.*s\" has no four-digit year; write it as d/m/yyyy, e.g. "
                "30/10/2025");
        break;
    case DATE_DIGITS:
        fmt = _("date \"%.*s\" has a day or month of more than two digits; write it as "
                "d/m/yyyy");
        break;
    default:
        fmt = _("date \"%.*s\" does not read as d/m/yyyy; write the day, month and year, "
                "e.g. 30/10/2025");
        break;
    }
    plan_diag *g = plan_check_report(c, PLAN_RULE_LEX_DATE_BODY, pos, fmt, n, tok);
    plan_diag_note(g, _("practice of the plans (không có quy định pháp luật): body dates "
                        "are d/m/yyyy, with one or two digits for the day and the month"));
}

/* The first bad run of s, or 0. Two-part runs count only when strict. */
static int first_bad_run(const char *s, int strict, const char **tok, int *n)
{
    const char *cur = s, *p, *q;
    while (next_slash_run(s, &cur, &p, &q)) {
        int parts = 0, k = classify_run(p, q, &parts);
        if (k == DATE_OK || (parts == 2 && !strict))
            continue;
        *tok = p;
        *n = (int)(q - p);
        return k;
    }
    return DATE_OK;
}

/* 1 when a period bound is written as a day: "30/10/2023", "ngày 5 tháng …",
 * "30 tháng 10 năm 2023"; months and events are PERIOD-PARSE's. */
static int written_as_day(plan_check *c, const char *s)
{
    const char *cur = s, *p, *q;
    while (next_slash_run(s, &cur, &p, &q)) {
        int slashes = 0;
        for (const char *r = p; r < q; r++)
            slashes += *r == '/';
        if (slashes >= 2)
            return 1;
    }
    const char *f = plan_check_fold(c, s); /* s is a text of the plan */
    int day = 0;
    for (const char *t = strstr(f, "thang"); t && !day; t = strstr(t + 1, "thang"))
        day = t >= f + 2 && t[-1] == ' ' && isdigit((unsigned char)t[-2]);
    if (!day) {
        const char *t = strstr(f, "ngay ");
        day = t && isdigit((unsigned char)t[5]);
    }
    return day;
}

/* A time expression of the model. strict: a date is required (document
 * dates, dues), so two-part runs count. need_date: text that does not read
 * as a time at all is reported too (document dates; an unreadable due is
 * DOSSIER-DEADLINE-VAGUE's). */
static void date_field(plan_check *c, const plan_when *w, int strict, int need_date)
{
    if (!w->text.s)
        return;
    const char *tok;
    int n, k = first_bad_run(w->text.s, strict, &tok, &n);
    if (k != DATE_OK)
        date_report(c, w->text.pos, k, tok, n);
    else if (w->parse_failed == 2) /* a word form that is not a real date */
        date_report(c, w->text.pos, DATE_UNREAL, w->text.s, (int)strlen(w->text.s));
    else if (w->parse_failed == 1 && need_date)
        date_report(c, w->text.pos, DATE_FORM, w->text.s, (int)strlen(w->text.s));
}

static void date_text(plan_check *c, const plan_text *t, const plan_block *owner, void *ctx)
{
    (void)ctx;
    if (!t->s)
        return;
    const char *cur = t->s, *p, *q;
    while (next_slash_run(t->s, &cur, &p, &q)) {
        int parts = 0, k = classify_run(p, q, &parts);
        if (k == DATE_OK || parts == 2)
            continue;
        /* The same date in the deadline's <due> or the period's bounds is
         * reported there. */
        char tok[64];
        snprintf(tok, sizeof tok, "%.*s", (int)(q - p), p);
        if (owner && owner->deadline && owner->deadline->due.text.s &&
            strstr(owner->deadline->due.text.s, tok))
            continue;
        if (owner && owner->period &&
            ((owner->period->start.text.s && strstr(owner->period->start.text.s, tok)) ||
             (owner->period->end.text.s && strstr(owner->period->end.text.s, tok))))
            continue;
        date_report(c, t->pos, k, p, (int)(q - p));
    }
}

static void lex_date_body(plan_check *c)
{
    const plan_doc *d = c->doc;
    for (const plan_document *doc = d->documents; doc; doc = doc->next)
        date_field(c, &doc->date, 1, 1);
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next)
        date_field(c, &dl->due, 1, 0);
    for (const plan_assignment *a = d->assignments; a; a = a->next)
        for (const plan_task *t = a->tasks; t; t = t->next)
            date_field(c, &t->due, 1, 0);
    for (const plan_period *p = d->periods; p; p = p->next) {
        if (p->start.text.s && written_as_day(c, p->start.text.s))
            date_field(c, &p->start, 0, 0);
        if (p->end.text.s && written_as_day(c, p->end.text.s))
            date_field(c, &p->end, 0, 0);
    }
    each_text(c, 0, date_text, NULL);
}

/* ---- LEX-ROMAN ---- */

/* The value of s[0..n) when it is a Roman numeral in canonical form (I …
 * MMMCMXCIX), else 0. The canonical form writes the thousands, hundreds,
 * tens and units in turn, each as one of the nine digits with the place's
 * letters for one, five and ten (I V X for the units): one, one-ten (9),
 * one-five (4), one to three ones, or five and up to three ones. At each
 * place the longest digit that s holds there is read: the letter after a
 * digit of a numeral is never one that would make a longer digit of the
 * same place, so this is the only reading. tests/unit/test_rules.c compares
 * it with a parse by units and a rewrite. */
static int roman_parse(const char *s, size_t n)
{
    static const char letters[4][3] = {
        {'M', 0, 0}, {'C', 'D', 'M'}, {'X', 'L', 'C'}, {'I', 'V', 'X'}};
    static const int scale[4] = {1000, 100, 10, 1};
    size_t i = 0;
    int v = 0;
    for (int place = 0; place < 4 && i < n; place++) {
        char one = letters[place][0], five = letters[place][1], ten = letters[place][2];
        int d = 0;
        if (s[i] == one && i + 1 < n && ten && s[i + 1] == ten) {
            d = 9;
            i += 2;
        } else if (s[i] == one && i + 1 < n && five && s[i + 1] == five) {
            d = 4;
            i += 2;
        } else {
            if (five && s[i] == five) {
                d = 5;
                i++;
            }
            for (int k = 0; k < 3 && i < n && s[i] == one; k++) {
                d++;
                i++;
            }
        }
        v += d * scale[place];
    }
    return i == n && n ? v : 0;
}

/* 1 when s[0..n) is a canonical Roman numeral. */
static int roman_valid(const char *s, size_t n)
{
    return roman_parse(s, n) != 0;
}

int plan_lex_roman_value(const char *s, size_t n)
{
    return roman_valid(s, n) ? roman_parse(s, n) : 0;
}

enum { ROMAN_OK, ROMAN_OCR, ROMAN_BAD, ROMAN_NOT };

/* Judges a token that may be a Roman numeral. digits_ok: a token of 1s only
 * counts (a section among Roman-numbered siblings). On ROMAN_OCR, reading
 * holds the numeral it most likely is. */
static int roman_judge(const char *s, size_t n, int digits_ok, char *reading)
{
    int letters = 0, ones = 0;
    if (!n || n > 40)
        return ROMAN_NOT;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == 'I' || ch == 'V' || ch == 'X')
            letters++;
        else if (ch == '1')
            ones++;
        else if (ch != 'L' && ch != 'C' && ch != 'l' && ch != '|')
            return ROMAN_NOT;
    }
    if (!letters && !(digits_ok && ones == (int)n) && !(n == 1 && strchr("l|", s[0])))
        return ROMAN_NOT;
    if (n > 12) /* longer than any numeral a plan uses (XXXVIII) */
        return letters == (int)n ? ROMAN_BAD : ROMAN_NOT;
    if (roman_valid(s, n))
        return ROMAN_OK;
    char m[16];
    for (size_t i = 0; i < n; i++)
        m[i] = s[i] == '1' || s[i] == 'l' || s[i] == '|' || s[i] == 'L' ? 'I' : s[i];
    m[n] = '\0';
    if (roman_valid(m, n)) {
        memcpy(reading, m, n + 1);
        return ROMAN_OCR;
    }
    return letters == (int)n ? ROMAN_BAD : ROMAN_NOT;
}

static void roman_report(plan_check *c, plan_pos pos, int kind, const char *what,
                         const char *tok, int n, const char *reading)
{
    plan_diag *g;
    if (kind == ROMAN_OCR)
        g = plan_check_report(c, PLAN_RULE_LEX_ROMAN, pos,
                              _("%s \"%.*s\" is not a Roman numeral but reads as %s, with 1, "
                                "l, | or L for I (an OCR error?); write %s"),
                              what, n, tok, reading, reading);
    else
        g = plan_check_report(c, PLAN_RULE_LEX_ROMAN, pos,
                              _("%s \"%.*s\" is not a valid Roman numeral; write it in "
                                "canonical form (I, II, III, IV, V … XIV …)"),
                              what, n, tok);
    plan_diag_note(g, _("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 6 điểm c–đ, "
                        "and practice of the plans: section heads and congress numbers are "
                        "Roman numerals; OCR variants such as X1V, X111, XVIIL, 111. are "
                        "errors of transcription"));
}

/* 1 when a section read as Roman value v fits its siblings: the numbered
 * section before it is Roman v - 1, or the one after it is Roman v + 1. */
static int fits_roman_siblings(const plan_block *first, const plan_block *b, int v)
{
    const plan_block *prev = NULL, *next = NULL;
    int after = 0;
    for (const plan_block *s = first; s && !next; s = s->next) {
        if (s == b)
            after = 1;
        else if (s->kind == PLAN_B_SECTION && s->number.s)
            *(after ? &next : &prev) = s;
    }
    return (prev && prev->num_style == PLAN_NUM_ROMAN && prev->num_value == v - 1) ||
           (next && next->num_style == PLAN_NUM_ROMAN && next->num_value == v + 1);
}

static void roman_section(plan_check *c, const plan_block *b, void *ctx)
{
    (void)ctx;
    if (b->kind != PLAN_B_SECTION || !b->number.s || b->num_style == PLAN_NUM_ROMAN)
        return;
    size_t n = strlen(b->number.s);
    if (n && b->number.s[n - 1] == '.')
        n--;
    /* "111." is Arabic 111 unless its Roman-numbered neighbours make it III. */
    int ones = n > 0 && strspn(b->number.s, "1") == n;
    char reading[20];
    int k = roman_judge(b->number.s, n, ones, reading);
    if (k == ROMAN_OCR && ones &&
        !fits_roman_siblings(b->parent ? b->parent->first : c->doc->body, b,
                             roman_parse(reading, strlen(reading))))
        return;
    if (k == ROMAN_OCR && n < strlen(b->number.s))
        strcat(reading, ".");
    if (k == ROMAN_OCR || k == ROMAN_BAD)
        roman_report(c, b->number.pos, k, _("section number"), b->number.s,
                     (int)strlen(b->number.s), reading);
}

/* Words after which a Roman numeral stands: "lần thứ", "Đại hội", "khóa",
 * "mục", "phần" (folded). */
static int roman_context(const char *prev2, const char *prev1)
{
    if (!prev1)
        return 0;
    if (prev2 && ((strcmp(prev2, "lan") == 0 && strcmp(prev1, "thu") == 0) ||
                  (strcmp(prev2, "dai") == 0 && strcmp(prev1, "hoi") == 0)))
        return 1;
    return strcmp(prev1, "khoa") == 0 || strcmp(prev1, "muc") == 0 ||
           strcmp(prev1, "phan") == 0;
}

static int word_sep(unsigned char ch)
{
    return ch == '\0' || isspace(ch) || (ch < 0x80 && ispunct(ch) && ch != '|');
}

/* word_sep of every byte, computed once (after main has set the locale,
 * which isspace follows): the word loop below reads every byte of every
 * text. */
static unsigned char sep_table[256];
static pthread_once_t sep_once = PTHREAD_ONCE_INIT;

static void sep_init(void)
{
    for (int ch = 0; ch < 256; ch++)
        sep_table[ch] = (unsigned char)word_sep((unsigned char)ch);
}

/* Length of a typographic mark (“ ” ‘ ’ – — …, U+2010–U+206F) at s, or 0. */
static size_t mark_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] == 0xE2 && (u[1] == 0x80 || u[1] == 0x81) && u[2] ? 3 : 0;
}

/* 1 when the token p[0..n) is among the first nseen tokens already reported. */
static int reported(const char *const *seen, const size_t *len, int nseen, const char *p,
                    size_t n)
{
    for (int i = 0; i < nseen; i++)
        if (len[i] == n && strncmp(seen[i], p, n) == 0)
            return 1;
    return 0;
}

/* The word p[0..n) as plan_utf8_fold_ascii folds it, into w; "" when the
 * word has more than 7 letters or its fold more than 7 bytes (longer than
 * any word roman_context knows). The letters are folded one by one from
 * the folding table (plan_utf8_base_letter: the letters fold_fast writes),
 * without allocating; a word with a code point that the table does not
 * fold to one letter is folded whole, as before. */
static void fold_word(const char *p, size_t n, char w[8])
{
    size_t o = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = plan_utf8_decode(p + i, &cp);
        int b = i + k <= n ? plan_utf8_base_letter(cp) : 0;
        if (!b)
            break;
        if (o == 7) {
            w[0] = '\0'; /* too long */
            return;
        }
        w[o++] = (char)b;
        i += k;
    }
    if (i == n) {
        w[o] = '\0';
        return;
    }
    w[0] = '\0';
    char buf[64];
    if (n >= sizeof buf)
        return;
    memcpy(buf, p, n);
    buf[n] = '\0';
    char *f = plan_utf8_fold_ascii(buf);
    if (strlen(f) < 8)
        strcpy(w, f);
    free(f);
}

/* 0 when the word at w cannot fold to a word after which roman_context
 * places a numeral ("thu", "hoi", "khoa", "muc", "phan"): it starts with
 * another ASCII letter, which the fold would only lower. */
static int may_be_context(const char *w)
{
    unsigned char c = (unsigned char)w[0];
    if (c >= 0x80)
        return 1;
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c - 'A' + 'a');
    return c == 't' || c == 'h' || c == 'k' || c == 'm' || c == 'p';
}

/* The first bytes roman_judge can accept: I V X 1 L C l |. */
static int roman_start(char ch)
{
    return ch == 'I' || ch == 'V' || ch == 'X' || ch == '1' || ch == 'L' || ch == 'C' ||
           ch == 'l' || ch == '|';
}

/* 1 when byte i of s is the last byte of a typographic mark (mark_len). */
static int mark_ends_at(const char *s, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    return i >= 2 && u[i - 2] == 0xE2 && (u[i - 1] == 0x80 || u[i - 1] == 0x81);
}

/* The word of s that ends before byte e, skipping the separators and marks
 * before e, as the forward reading of roman_text_full splits the words:
 * its start goes to *w and its length is returned; 0 when there is none. */
static size_t word_before(const char *s, size_t e, const char **w)
{
    while (e > 0) {
        if (mark_ends_at(s, e - 1))
            e -= 3;
        else if (sep_table[(unsigned char)s[e - 1]])
            e--;
        else
            break;
    }
    size_t b = e;
    while (b > 0 && !sep_table[(unsigned char)s[b - 1]] && !mark_ends_at(s, b - 1))
        b--;
    *w = s + b;
    return e - b;
}

/* Judges the word p[0..n) of t, w1 and w2 the two words before it (NULL when
 * absent), and reports it when it is a numeral written wrong after a context
 * word; seen, seen_len and *nseen keep the words reported. */
static void roman_word(plan_check *c, const plan_text *t, const char *p, size_t n,
                       const char *w1, size_t n1, const char *w2, size_t n2,
                       const char **seen, size_t *seen_len, int *nseen)
{
    char reading[16];
    int k = ROMAN_NOT;
    if (w1 && roman_start(*p) && may_be_context(w1)) {
        char prev1[8], prev2[8] = "";
        fold_word(w1, n1, prev1);
        /* The word before counts only after "thu" and "hoi" ("lan thu",
         * "dai hoi"); else "" is as good as it, as it matches nothing. */
        if (w2 && (strcmp(prev1, "thu") == 0 || strcmp(prev1, "hoi") == 0))
            fold_word(w2, n2, prev2);
        if (roman_context(w2 ? prev2 : NULL, prev1))
            k = roman_judge(p, n, 0, reading);
    }
    if ((k == ROMAN_OCR || k == ROMAN_BAD) && !reported(seen, seen_len, *nseen, p, n)) {
        roman_report(c, t->pos, k, _("numeral"), p, (int)n, reading);
        if (*nseen < 8) {
            seen[*nseen] = p;
            seen_len[(*nseen)++] = n;
        }
    }
}

/* LEX-ROMAN in a text, word by word: the reference for roman_text, which
 * gives the same findings (tests/unit/test_rules.c compares them). */
static void roman_text_full(plan_check *c, const plan_text *t)
{
    if (!t->s)
        return;
    pthread_once(&sep_once, sep_init);
    const char *w1 = NULL, *w2 = NULL;
    size_t n1 = 0, n2 = 0;
    const char *seen[8];
    size_t seen_len[8];
    int nseen = 0;
    for (const char *p = t->s; *p;) {
        while (*p && (sep_table[(unsigned char)*p] || mark_len(p)))
            p += mark_len(p) ? mark_len(p) : 1;
        const char *q = p;
        while (*q && !sep_table[(unsigned char)*q] && !mark_len(q))
            q++;
        if (q == p)
            break;
        size_t n = (size_t)(q - p);
        roman_word(c, t, p, n, w1, n1, w2, n2, seen, seen_len, &nseen);
        w2 = w1;
        n2 = n1;
        w1 = p;
        n1 = n;
        p = q;
    }
}

/* LEX-ROMAN in a text. Only a word made of the bytes of roman_start can be
 * judged other than ROMAN_NOT, and only one with an I, V or X, or the word
 * "l" or "|": such words are found first (a search for five bytes), and the
 * two words before are read back from them. Most texts have none. */
static void roman_text(plan_check *c, const plan_text *t, const plan_block *owner, void *ctx)
{
    (void)owner;
    (void)ctx;
    if (!t->s)
        return;
    pthread_once(&sep_once, sep_init);
    const char *s = t->s;
    const char *seen[8];
    size_t seen_len[8];
    int nseen = 0;
    for (const char *h = strpbrk(s, "IVXl|"); h; h = strpbrk(h, "IVXl|")) {
        const char *p = h, *q = h + 1;
        while (p > s && roman_start(p[-1]))
            p--;
        while (roman_start(*q))
            q++;
        size_t i = (size_t)(p - s);
        /* A whole word: separators (or marks, or the ends) on both sides. */
        int whole = (i == 0 || sep_table[(unsigned char)s[i - 1]] || mark_ends_at(s, i - 1)) &&
                    (!*q || sep_table[(unsigned char)*q] || mark_len(q));
        h = q;
        if (!whole)
            continue;
        const char *w1 = NULL, *w2 = NULL;
        size_t n1 = word_before(s, i, &w1), n2 = 0;
        if (!n1)
            w1 = NULL;
        else if (!(n2 = word_before(s, (size_t)(w1 - s), &w2)))
            w2 = NULL;
        roman_word(c, t, p, (size_t)(q - p), w1, n1, w2, n2, seen, seen_len, &nseen);
    }
}

void plan_lex_roman_in(plan_check *c, const plan_text *t, int full)
{
    if (full)
        roman_text_full(c, t);
    else
        roman_text(c, t, NULL, NULL);
}

static void lex_roman(plan_check *c)
{
    plan_walk_blocks(c->doc->body, c, roman_section, NULL);
    each_text(c, 1, roman_text, NULL);
}

void plan_check_lexical(plan_check *c)
{
    lex_number(c);
    lex_date_body(c);
    lex_roman(c);
}
