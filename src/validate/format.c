/*
 * format.c - the checks of the "format" category (sections, signature, Nơi
 * nhận) of the rule catalogue (src/validate/catalogue/format.def): section
 * numbering and style, the "./." ending, the signing block (NĐ 30/2020/NĐ-CP,
 * Phụ lục I, khoản 7; Điều 13) and Nơi nhận with its Lưu line (khoản 9).
 *
 * Office names are compared as sequences of words and abbreviation letters
 * (see "names" below) so that "UBND tỉnh" meets "Ủy ban nhân dân tỉnh Lào
 * Cai" and "HĐ TĐKT tỉnh" meets "Hội đồng Thi đua - Khen thưởng tỉnh".
 */
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data/offices.h"
#include "data/signing.h"
#include "plan/i18n.h"
#include "plan/validate.h"
#include "validate/internal.h"

#define SRC_K6 "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 6 điểm c–đ; Mục V, dòng 6b"
#define SRC_MUC_V "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục V"
#define SRC_K7 "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 7"
#define SRC_K7B "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 7 điểm b"
#define SRC_K7C "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 7 điểm c"
#define SRC_D13 "NĐ 30/2020/NĐ-CP, Điều 13 khoản 3–4"
#define SRC_K9 "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 9"

/* ======================================================================
 * Text helpers
 * ====================================================================== */

/* Decodes the code point at s[*i] and advances *i (tolerates bad bytes). */
static unsigned next_cp(const char *s, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    unsigned c = p[0];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t j = 1; j < k; j++) {
        if ((p[j] & 0xC0) != 0x80) {
            k = j;
            break;
        }
        cp = (cp << 6) | (p[j] & 0x3F);
    }
    *i += k;
    return cp;
}

/* 1 when s (folded ASCII) has the words w at a word boundary. */
static int has_words(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
        int left = p == s || !isalnum((unsigned char)p[-1]);
        int right = !isalnum((unsigned char)p[n]);
        if (left && right)
            return 1;
    }
    return 0;
}

/* 1 when a equals b, or starts with it then a space (both folded to ASCII). */
static int title_is_folded(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == ' ');
}

/* title_is_folded of written and title folded. */
static int title_is(const char *written, const char *title)
{
    char *a = plan_utf8_fold_ascii(written), *b = plan_utf8_fold_ascii(title);
    int r = title_is_folded(a, b);
    free(a);
    free(b);
    return r;
}

/* ======================================================================
 * Names: words and abbreviation letters
 *
 * A name is split into written tokens. A token is a word (folded to
 * lower-case ASCII) unless it is an abbreviation: all capitals that do not
 * form a Vietnamese syllable ("UBND", "TĐKT", "VP"; not "SỞ"), or capitals
 * inside a word ("SNgV", "TTg"). An abbreviation gives one letter per
 * capital. A letter matches any word with that initial; two words match when
 * equal. The connectives "và", "các", "của" are dropped.
 * ====================================================================== */

typedef struct atom {
    const char *w; /* the word, or NULL for a letter of an abbreviation */
    char c;    /* the initial, or the letter */
    int tok;   /* index of the written token */
    int seg;   /* index of the segment (split at , ; : ( )) */
} atom;

/* A name and its words live in an arena: the plan's, freed when the
 * checks of the plan end, or, for the static data, one kept for the run.
 * A name with cap 0 is a view of another's atoms (never pushed to). */
typedef struct name {
    atom *v;
    size_t n, cap;
} name;

static void name_push(plan_arena *a, name *m, const char *w, char c, int tok, int seg)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        atom *v = plan_arena_alloc(a, cap * sizeof *v);
        if (m->n)
            memcpy(v, m->v, m->n * sizeof *v);
        m->v = v;
        m->cap = cap;
    }
    m->v[m->n++] = (atom){w, c, tok, seg};
}

/* Appends the atoms of x to m (sharing their words). */
static void name_append(plan_arena *a, name *m, const name *x)
{
    for (size_t i = 0; i < x->n; i++)
        name_push(a, m, x->v[i].w, x->v[i].c, x->v[i].tok, x->v[i].seg);
}

/* An ASCII letter or digit: what isalnum says of a byte below 0x80, without
 * a call per byte. */
static int ascii_alnum(unsigned c)
{
    return (c | 0x20) - 'a' < 26u || c - '0' < 10u;
}

static int is_sep(unsigned cp)
{
    if (cp < 0x80)
        return !ascii_alnum(cp);
    return cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x206F);
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* 1 when r is one to three vowels (of "aeiouy"), then a final: "", c, ch,
 * m, n, ng, nh, p or t. */
static int syllable_rest(const char *r)
{
    size_t nv = 0;
    while (nv < 4 && is_vowel(r[nv]))
        nv++;
    if (nv == 0 || nv > 3)
        return 0;
    r += nv;
    switch (r[0]) {
    case '\0':
        return 1;
    case 'c':
        return r[1] == '\0' || (r[1] == 'h' && r[2] == '\0');
    case 'n':
        return r[1] == '\0' || ((r[1] == 'g' || r[1] == 'h') && r[2] == '\0');
    case 'm':
    case 'p':
    case 't':
        return r[1] == '\0';
    default:
        return 0;
    }
}

/* 1 when s (lower-case ASCII) can be one Vietnamese syllable: an initial
 * (none, b, c, ch, d, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh, p, ph, qu,
 * r, s, t, th, tr, v, x), then syllable_rest. Every initial s begins with
 * is tried. */
static int is_syllable(const char *s)
{
    if (syllable_rest(s))
        return 1; /* no initial */
    if (s[0] && strchr("bcdghklmnprstvx", s[0]) && syllable_rest(s + 1))
        return 1;
    static const char two[][3] = {"ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"};
    for (size_t i = 0; i < sizeof two / sizeof *two; i++)
        if (s[0] == two[i][0] && s[1] == two[i][1] && syllable_rest(s + 2))
            return 1;
    return s[0] == 'n' && s[1] == 'g' && s[2] == 'h' && syllable_rest(s + 3);
}

/* Per code point of token t: its ASCII letter (ch) and whether it is a
 * capital (up). Returns the count, or 0 when folding changes the length.
 * *ascp receives plan_utf8_fold_ascii(t), which the caller frees. A token
 * of ASCII letters and digits only (name_parse splits at every other ASCII
 * byte) is its own fold in lower case: it is read without folding.
 * scratch is a buffer the fold with accents is made in (reused from token
 * to token). */
static size_t token_letters_plain(const char *t, char *ch, int *up, size_t max, char **ascp,
                                  plan_buf *scratch)
{
    size_t n = 0;
    while (t[n] && (unsigned char)t[n] < 0x80)
        n++;
    if (!t[n]) {
        char *asc = plan_xmalloc(n + 1);
        for (size_t i = 0; i <= n; i++)
            asc[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
        *ascp = asc;
        if (n >= max)
            return 0;
        for (size_t i = 0; i < n; i++) {
            if (!isalnum((unsigned char)asc[i]))
                return 0;
            ch[i] = asc[i];
            up[i] = asc[i] != t[i];
        }
        return n;
    }
    /* The fold with accents is read here only: into the caller's buffer. */
    const char *low = plan_utf8_fold_buf(scratch, t, 0);
    char *asc = plan_utf8_fold_ascii(t);
    size_t na = strlen(asc), k = 0, i = 0, j = 0;
    int ok = na < max;
    while (ok && t[i]) {
        unsigned a = next_cp(t, &i);
        unsigned b = low[j] ? next_cp(low, &j) : 0;
        if (k >= na || !isalnum((unsigned char)asc[k])) {
            ok = 0;
            break;
        }
        ch[k] = asc[k];
        up[k] = a != b;
        k++;
    }
    if (low[j] || k != na)
        ok = 0;
    *ascp = asc;
    return ok ? k : 0;
}

/* The letters of Vietnamese (U+00C0–U+01B3, U+1EA0–U+1EFF) with what the
 * two folds make of each alone: its ASCII letter (0 when either fold does
 * not give one code point, resp. one ASCII letter or digit) and whether it
 * is a capital (its fold differs from it). These are starters that compose
 * with nothing that follows, so the folds of a token made of them are the
 * folds of its letters one after the other. Computed once per run. */
enum { TL_LO = 0xC0, TL_LO_END = 0x1B4, TL_HI = 0x1EA0, TL_HI_END = 0x1F00 };
enum { TL_N = (TL_LO_END - TL_LO) + (TL_HI_END - TL_HI) };
static unsigned char tl_letter[TL_N], tl_upper[TL_N];
static pthread_once_t tl_once = PTHREAD_ONCE_INIT;

static void tl_init(void)
{
    plan_buf b = PLAN_BUF_INIT;
    for (unsigned cp = TL_LO; cp < TL_HI_END; cp++) {
        if (cp == TL_LO_END)
            cp = TL_HI;
        size_t idx = cp < TL_LO_END ? cp - TL_LO : cp - TL_HI + (TL_LO_END - TL_LO);
        char enc[4];
        size_t n = cp < 0x800 ? 2 : 3;
        if (n == 2) {
            enc[0] = (char)(0xC0 | (cp >> 6));
            enc[1] = (char)(0x80 | (cp & 0x3F));
        } else {
            enc[0] = (char)(0xE0 | (cp >> 12));
            enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            enc[2] = (char)(0x80 | (cp & 0x3F));
        }
        enc[n] = '\0';
        const char *low = plan_utf8_fold_buf(&b, enc, 0);
        size_t j = 0;
        unsigned lcp = low[0] ? next_cp(low, &j) : 0;
        int one = low[0] && !low[j];
        const char *asc = plan_utf8_fold_buf(&b, enc, 1);
        if (!one || !asc[0] || asc[1] || !isalnum((unsigned char)asc[0]))
            continue;
        tl_letter[idx] = (unsigned char)asc[0];
        tl_upper[idx] = lcp != cp;
    }
    plan_buf_free(&b);
}

/* token_letters_plain by the table above (initialised by the caller: tl_once),
 * one step per code point, without folding, over the n bytes at t (no NUL
 * needed: a code point cut by the end of the token is no letter, as it is
 * for the plain form, which reads a NUL there). The letters go to ch and are
 * NUL-terminated there: they are the token's plan_utf8_fold_ascii. -1 when
 * the token holds anything else (then the plain form decides). *nup gets
 * the number of capital letters, *ndig that of digits. */
static ptrdiff_t token_letters_fast(const char *t, size_t n, char *ch, int *up, size_t max,
                                    size_t *nup, size_t *ndig)
{
    size_t k = 0, cap = 0, dig = 0;
    const unsigned char *p = (const unsigned char *)t, *end = p + n;
    while (p < end) {
        if (k >= max || k >= 64)
            return -1;
        unsigned c = p[0], cp, len;
        if (c < 0x80) {
            if (!ascii_alnum(c))
                return -1;
            ch[k] = (char)(c - 'A' < 26u ? c - 'A' + 'a' : c);
            up[k] = ch[k] != (char)c;
            cap += (unsigned)up[k];
            dig += c - '0' < 10u;
            k++;
            p++;
            continue;
        }
        if (c >= 0xC3 && c <= 0xC9 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
            cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            len = 2;
        } else if (c == 0xE1 && end - p >= 3 && p[1] >= 0xB8 && p[1] <= 0xBB &&
                   (p[2] & 0xC0) == 0x80) {
            cp = 0x1000u | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            len = 3;
        } else {
            return -1;
        }
        if (cp < TL_LO || (cp >= TL_LO_END && cp < TL_HI))
            return -1;
        size_t idx = cp < TL_LO_END ? cp - TL_LO : cp - TL_HI + (TL_LO_END - TL_LO);
        if (!tl_letter[idx])
            return -1;
        ch[k] = (char)tl_letter[idx];
        up[k] = tl_upper[idx];
        int digit = ch[k] >= '0' && ch[k] <= '9';
        cap += up[k] && !digit;
        dig += (unsigned)digit;
        k++;
        p += len;
    }
    if (k >= max)
        return -1; /* too long: the plain form answers 0 */
    ch[k] = '\0';
    *nup = cap;
    *ndig = dig;
    return (ptrdiff_t)k;
}

size_t plan_name_token_letters(const char *t, char *ch, int *up, size_t max, char **ascp,
                               plan_buf *scratch, int plain)
{
    if (!plain) {
        pthread_once(&tl_once, tl_init);
        size_t nup, ndig;
        ptrdiff_t k = token_letters_fast(t, strlen(t), ch, up, max, &nup, &ndig);
        if (k >= 0) {
            *ascp = plan_xstrdup(ch);
            return (size_t)k;
        }
    }
    return token_letters_plain(t, ch, up, max, ascp, scratch);
}

/* "va", "cac" or "cua" (w has n bytes). */
static int is_connective(const char *w, size_t n)
{
    if (n == 2)
        return memcmp(w, "va", 2) == 0;
    return n == 3 && (memcmp(w, "cac", 3) == 0 || memcmp(w, "cua", 3) == 0);
}

/* The atoms of the token s[0..n) (by the table when it can: name_parse
 * initialises it), appended to m. A word read by the table is stored at
 * *pool (it has at most n letters: *pool is moved past it and its NUL),
 * any other in the arena. */
static void name_token(plan_arena *a, name *m, const char *s, size_t n, int tok, int seg,
                       plan_buf *scratch, char **pool)
{
    char ch[64];
    int up[64];
    const char *w = ch; /* the token's plan_utf8_fold_ascii, wn bytes */
    char *plain = NULL;
    size_t k, wn, nup = 0, ndig = 0;
    ptrdiff_t kf = token_letters_fast(s, n, ch, up, sizeof ch, &nup, &ndig);
    if (kf >= 0) {
        k = wn = (size_t)kf;
    } else {
        char tb[128]; /* the token, NUL-terminated: on the stack unless long */
        char *t = n < sizeof tb ? tb : plan_xmalloc(n + 1);
        memcpy(t, s, n);
        t[n] = '\0';
        k = token_letters_plain(t, ch, up, sizeof ch, &plain, scratch);
        w = plain;
        wn = strlen(plain);
        if (t != tb)
            free(t);
        for (size_t i = 0; i < k; i++) {
            int digit = ch[i] >= '0' && ch[i] <= '9'; /* else a letter (ASCII letters and digits only) */
            nup += up[i] && !digit;
            ndig += (size_t)digit;
        }
    }
    int abbr = 0;
    if (k > 0 && ndig == 0 && nup > 0) {
        ch[k] = '\0';
        if (nup == k)
            abbr = k == 1 || !is_syllable(ch);
        else
            abbr = !(nup == 1 && up[0]);
    }
    if (abbr) {
        for (size_t i = 0; i < k; i++)
            if (nup == k || up[i])
                name_push(a, m, NULL, ch[i] == 'w' ? 'u' : ch[i], tok, seg);
    } else if (wn && !is_connective(w, wn)) {
        const char *word;
        if (w == ch) {
            word = memcpy(*pool, ch, wn + 1);
            *pool += wn + 1;
        } else {
            word = plan_arena_strndup(a, w, wn);
        }
        name_push(a, m, word, w[0], tok, seg);
    }
    free(plain);
}

/* Splits s into the atoms of m (appending), in the arena a: tokens are the
 * runs of code points that are no separator (is_sep). An ASCII byte is
 * judged without decoding. */
static void name_parse(plan_arena *a, name *m, const char *s)
{
    if (!s)
        return;
    size_t i = 0;
    int tok = 0, seg = 0;
    plan_buf scratch = PLAN_BUF_INIT; /* for the folds of the tokens */
    pthread_once(&tl_once, tl_init);  /* the letters token_letters_fast reads */
    /* The words read by the table: a token of n bytes gives at most n
     * letters, and tokens are apart by a separator at least, so that s's
     * length and a NUL hold them all. */
    char *pool = plan_arena_alloc(a, strlen(s) + 1);
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        size_t j = i;
        if (c < 0x80 ? !ascii_alnum(c) : is_sep(next_cp(s, &j))) {
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
                seg++;
            i = c < 0x80 ? i + 1 : j;
            continue;
        }
        size_t start = i;
        for (;;) { /* to the next separator or the end (NUL is no letter) */
            c = (unsigned char)s[i];
            if (c < 0x80) {
                if (!ascii_alnum(c))
                    break;
                i++;
            } else {
                j = i;
                if (is_sep(next_cp(s, &j)))
                    break;
                i = j;
            }
        }
        name_token(a, m, s + start, i - start, tok++, seg, &scratch, &pool);
    }
    plan_buf_free(&scratch);
}

/* Two words are equal, else the initials (a word's c is its first letter,
 * so words of different initials differ: compared first). */
static int atom_eq(const atom *a, const atom *b)
{
    if (a->c != b->c)
        return 0;
    return a->w && b->w ? strcmp(a->w, b->w) == 0 : 1;
}

/* 1 when all of n matches h from position i. */
static int name_at(const name *h, size_t i, const name *n)
{
    if (n->n == 0 || i + n->n > h->n)
        return 0;
    for (size_t j = 0; j < n->n; j++)
        if (!atom_eq(&h->v[i + j], &n->v[j]))
            return 0;
    return 1;
}

static int name_contains(const name *h, const name *n)
{
    for (size_t i = 0; i + n->n <= h->n; i++)
        if (name_at(h, i, n))
            return 1;
    return 0;
}

/* Strict match for leadership words: words must be equal, and an
 * abbreviation must be a whole written token ("PCT"), so that "TTg" is
 * never read as "Thường trực". */
static int strict_at(const name *h, size_t i, const name *l)
{
    if (l->n == 0 || i + l->n > h->n)
        return 0;
    int abbr = l->v[0].w == NULL;
    for (size_t j = 0; j < l->n; j++) {
        const atom *a = &h->v[i + j], *b = &l->v[j];
        if (abbr ? (a->w || a->c != b->c || a->tok != h->v[i].tok)
                 : (!a->w || !b->w || strcmp(a->w, b->w) != 0))
            return 0;
    }
    if (abbr) {
        size_t e = i + l->n;
        if ((i > 0 && h->v[i - 1].tok == h->v[i].tok) || (e < h->n && h->v[e].tok == h->v[i].tok))
            return 0;
    }
    return 1;
}

/* ---- static data, prepared once ----
 * The tables of src/data/offices.c and src/data/signing.c as the checks
 * compare them (parsed into names, folded), prepared once for the run and
 * shared, read only, by every plan and thread: the checks of a plan fold
 * and parse only the plan's own texts. */

typedef struct vocab {
    const name *leaders;
    size_t nleaders;
} vocab;

/* The emulation councils (plan_office_council) of the levels council_of
 * tells apart. */
enum { COUNCIL_TINH, COUNCIL_THANH_PHO, COUNCIL_CENTRAL, COUNCIL_N };

/* A unit head (plan_office_unit_heads) as unit_kind reads it. */
typedef struct unit_head_f {
    const char *head; /* folded to ASCII */
    size_t len;
    unsigned bit;     /* kind_bit of its kind */
    int internal;
} unit_head_f;

static struct {
    plan_arena *a;
    vocab v;                  /* plan_office_leaders, then _leader_abbrs, parsed */
    name *sign_issuer;        /* per plan_signing_get(i): its issuer, parsed */
    const char **sign_head;   /* … its head's title folded to ASCII */
    const char **sign_deputy; /* … its deputy's title folded to ASCII */
    const char **degree;      /* per plan_degree_get(i): its text folded to ASCII */
    size_t *degree_len;       /* … and how much of it degree_of compares */
    const char **central;     /* plan_office_central_words folded to ASCII; NULL ends */
    name council[COUNCIL_N];  /* plan_office_council then the level, parsed */
    const char **generic;     /* plan_office_generic folded to ASCII; NULL ends */
    size_t *generic_len;
    const char **kinds;       /* plan_office_group_kinds (the first 32) folded to ASCII */
    size_t nkinds;
    unsigned any_unit;        /* kind_bit(plan_office_any_unit()) */
    unit_head_f *heads;       /* plan_office_unit_heads */
    size_t nheads;
    const char **external;    /* plan_office_external_words, plan_utf8_fold; NULL ends */
} K;
static pthread_once_t k_once = PTHREAD_ONCE_INIT;

/* s folded (to ASCII when ascii), in K's arena. */
static const char *k_fold(const char *s, int ascii)
{
    char *f = ascii ? plan_utf8_fold_ascii(s) : plan_utf8_fold(s);
    const char *r = plan_arena_strdup(K.a, f);
    free(f);
    return r;
}

/* list (NULL-terminated) folded into K's arena, NULL-terminated; *n its count. */
static const char **k_fold_list(const char *const *list, int ascii, size_t *n)
{
    size_t k = 0;
    while (list[k])
        k++;
    const char **r = plan_arena_alloc(K.a, (k + 1) * sizeof *r);
    for (size_t i = 0; i < k; i++)
        r[i] = k_fold(list[i], ascii);
    if (n)
        *n = k;
    return r;
}

static size_t k_count(const char *const *list)
{
    size_t k = 0;
    while (list[k])
        k++;
    return k;
}

/* The bit of a kind of unit in the bit sets over plan_office_group_kinds(). */
static unsigned kind_bit(const char *kind)
{
    const char *const *k = plan_office_group_kinds();
    for (unsigned i = 0; k[i] && i < 32; i++)
        if (strcmp(k[i], kind) == 0)
            return 1u << i;
    return 0;
}

static void k_init(void)
{
    plan_arena *a = K.a = plan_arena_new();

    const char *const *lead = plan_office_leaders(), *const *abbr = plan_office_leader_abbrs();
    size_t nl = k_count(lead), na = k_count(abbr);
    name *leaders = plan_arena_alloc(a, (nl + na + 1) * sizeof *leaders);
    for (size_t i = 0; i < nl; i++)
        name_parse(a, &leaders[i], lead[i]);
    for (size_t i = 0; i < na; i++)
        name_parse(a, &leaders[nl + i], abbr[i]);
    K.v = (vocab){leaders, nl + na};

    size_t ns = plan_signing_count();
    K.sign_issuer = plan_arena_alloc(a, (ns + 1) * sizeof *K.sign_issuer);
    K.sign_head = plan_arena_alloc(a, (ns + 1) * sizeof *K.sign_head);
    K.sign_deputy = plan_arena_alloc(a, (ns + 1) * sizeof *K.sign_deputy);
    for (size_t i = 0; i < ns; i++) {
        const plan_signing *row = plan_signing_get(i);
        name_parse(a, &K.sign_issuer[i], row->issuer);
        K.sign_head[i] = k_fold(row->head, 1);
        K.sign_deputy[i] = k_fold(row->deputy, 1);
    }

    size_t nd = plan_degree_count();
    K.degree = plan_arena_alloc(a, (nd + 1) * sizeof *K.degree);
    K.degree_len = plan_arena_alloc(a, (nd + 1) * sizeof *K.degree_len);
    for (size_t i = 0; i < nd; i++) {
        const plan_degree *r = plan_degree_get(i);
        K.degree[i] = k_fold(r->text, 1);
        K.degree_len[i] = r->abbr ? strcspn(K.degree[i], ".") : strlen(K.degree[i]);
    }

    K.central = k_fold_list(plan_office_central_words(), 1, NULL);
    static const char *const level[COUNCIL_N] = {"tỉnh", "thành phố", NULL};
    for (int i = 0; i < COUNCIL_N; i++) {
        name_parse(a, &K.council[i], plan_office_council());
        name_parse(a, &K.council[i], level[i] ? level[i] : plan_office_central_level());
    }

    size_t ng;
    K.generic = k_fold_list(plan_office_generic(), 1, &ng);
    K.generic_len = plan_arena_alloc(a, (ng + 1) * sizeof *K.generic_len);
    for (size_t i = 0; i < ng; i++)
        K.generic_len[i] = strlen(K.generic[i]);

    K.kinds = k_fold_list(plan_office_group_kinds(), 1, &K.nkinds);
    if (K.nkinds > 32)
        K.nkinds = 32;
    K.any_unit = kind_bit(plan_office_any_unit());
    const plan_unit_head *h = plan_office_unit_heads();
    while (h[K.nheads].head)
        K.nheads++;
    K.heads = plan_arena_alloc(a, (K.nheads + 1) * sizeof *K.heads);
    for (size_t i = 0; i < K.nheads; i++) {
        const char *f = k_fold(h[i].head, 1);
        K.heads[i] = (unit_head_f){f, strlen(f), kind_bit(h[i].kind), h[i].internal};
    }
    K.external = k_fold_list(plan_office_external_words(), 0, NULL);
}

/* K, ready (every function that reads K calls it first, or is called by one). */
static void k_ready(void)
{
    pthread_once(&k_once, k_init);
}

/* The position after the leadership words that open h at i ("Chủ tịch, các
 * PCT UBND tỉnh" → "UBND tỉnh"). */
static size_t skip_leaders(const vocab *v, const name *h, size_t i)
{
    for (int more = 1; more && i < h->n;) {
        more = 0;
        /* a leader that matches at i has the initial of h's atom i (a
         * letter is that initial; equal words have the same): the others
         * are passed over without strict_at */
        char c0 = h->v[i].c;
        for (size_t k = 0; k < v->nleaders; k++)
            if (v->leaders[k].n && v->leaders[k].v[0].c == c0 && strict_at(h, i, &v->leaders[k])) {
                i += v->leaders[k].n;
                more = 1;
                break;
            }
    }
    return i;
}

/* 1 when some segment of h, after its leadership words, begins with body. */
static int names_body(const vocab *v, const name *h, const name *body)
{
    for (size_t i = 0; i < h->n; i++) {
        if (i > 0 && h->v[i - 1].seg == h->v[i].seg)
            continue;
        if (name_at(h, skip_leaders(v, h, i), body))
            return 1;
    }
    return 0;
}

/* Cuts a body's name after its level word, so that "Ủy ban nhân dân tỉnh
 * Lào Cai" also meets "UBND tỉnh". */
static void name_core(name *m)
{
    for (size_t i = 0; i < m->n; i++) {
        const char *w = m->v[i].w;
        int cut = w && (strcmp(w, "tinh") == 0 ||
                        (strcmp(w, "pho") == 0 && i > 0 && m->v[i - 1].w &&
                         strcmp(m->v[i - 1].w, "thanh") == 0));
        if (cut) {
            m->n = i + 1; /* the words stay in the arena */
            return;
        }
    }
}

/* ======================================================================
 * SECTION-SEQ and SECTION-STYLE
 * ====================================================================== */

/* The value v written in the style of b: "IV", "3", "2.3", "c". */
static void num_show(const plan_block *b, int v, char *buf, size_t n)
{
    const char *s = b->number.s;
    size_t len = strlen(s), k;
    switch (b->num_style) {
    case PLAN_NUM_ROMAN:
        if (v >= 1 && v <= 25)
            snprintf(buf, n, "%s", plan_roman(v));
        else
            snprintf(buf, n, "%d", v);
        break;
    case PLAN_NUM_DOTTED:
        while (len > 0 && !isdigit((unsigned char)s[len - 1]))
            len--;
        for (k = len; k > 0 && isdigit((unsigned char)s[k - 1]); k--)
            ;
        snprintf(buf, n, "%.*s%d", (int)k, s, v);
        break;
    case PLAN_NUM_LETTER:
        snprintf(buf, n, "%s", plan_viet_letter(v));
        break;
    default:
        snprintf(buf, n, "%d", v);
        break;
    }
}

static plan_severity seq_sev(const plan_block *b)
{
    return b->parent ? PLAN_SEV_WARNING : PLAN_SEV_ERROR;
}

static void seq_notes(plan_diag *g, const plan_block *b)
{
    plan_diag_note(g, _("%s: phần, mục, khoản and điểm are numbered in order"), SRC_K6);
    if (b->normalized && strcmp(b->normalized, b->number.s) != 0)
        plan_diag_note(g, _("numbered consecutively, this one is %s"), b->normalized);
}

static void seq_duplicate(plan_check *c, const plan_block *b, const plan_block *first)
{
    char v[128];
    num_show(b, b->num_value, v, sizeof v);
    plan_diag *g = plan_check_report_sev(
        c, PLAN_RULE_SECTION_SEQ, seq_sev(b), b->number.pos,
        _("section number %s appears twice: \"%s\" here and at line %u; number the sections "
          "consecutively"),
        v, b->number.s, first->number.pos.line);
    seq_notes(g, b);
}

/* Values between max and b's value that no sibling carries. */
typedef struct seq_key {
    int value;
    size_t at;
} seq_key;

static int cmp_seq_key(const void *x, const void *y)
{
    const seq_key *a = x, *b = y;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* 1 when some sibling has number x (keys sorted by value). */
static int seq_has(const seq_key *keys, size_t n, int x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid].value < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && keys[lo].value == x;
}

static void seq_gap(plan_check *c, const plan_block *const *l, const seq_key *keys, size_t n,
                    size_t k, int max)
{
    const plan_block *b = l[k];
    plan_buf miss = PLAN_BUF_INIT;
    int count = 0;
    /* written numbers can be absurd: look at a bounded stretch */
    int end = b->num_value - max > 200 ? max + 200 : b->num_value;
    for (int x = max + 1; x < end; x++) {
        if (seq_has(keys, n, x))
            continue;
        char v[128];
        num_show(b, x, v, sizeof v);
        if (count++ < 6)
            plan_buf_printf(&miss, "%s%s", count > 1 ? ", " : "", v);
    }
    if (count > 6 || end < b->num_value)
        plan_buf_puts(&miss, ", …");
    if (count > 0) {
        plan_diag *g;
        if (k == 0)
            g = plan_check_report_sev(c, PLAN_RULE_SECTION_SEQ, seq_sev(b), b->number.pos,
                                      count == 1
                                          ? _("section %s is missing: the first section here is "
                                              "\"%s\"; number the sections from the first value")
                                          : _("sections %s are missing: the first section here "
                                              "is \"%s\"; number the sections from the first "
                                              "value"),
                                      plan_buf_cstr(&miss), b->number.s);
        else
            g = plan_check_report_sev(c, PLAN_RULE_SECTION_SEQ, seq_sev(b), b->number.pos,
                                      count == 1
                                          ? _("section %s is missing: \"%s\" follows \"%s\"; "
                                              "number the sections consecutively")
                                          : _("sections %s are missing: \"%s\" follows \"%s\"; "
                                              "number the sections consecutively"),
                                      plan_buf_cstr(&miss), b->number.s, l[k - 1]->number.s);
        seq_notes(g, b);
    }
    plan_buf_free(&miss);
}

static void seq_order(plan_check *c, const plan_block *b, const plan_block *prev)
{
    plan_diag *g = plan_check_report_sev(
        c, PLAN_RULE_SECTION_SEQ, seq_sev(b), b->number.pos,
        _("section \"%s\" is out of order: it follows \"%s\"; number the sections "
          "consecutively"),
        b->number.s, prev->number.s);
    seq_notes(g, b);
}

static void seq_run(plan_check *c, const plan_block *const *l, size_t n)
{
    if (!n)
        return;
    /* The usual list, numbered 1, 2, 3 … in order, has no duplicate, gap
     * nor disorder: nothing to report, no sort needed. */
    size_t run = 0;
    while (run < n && l[run]->num_value == (int)run + 1)
        run++;
    if (run == n)
        return;
    /* The first sibling with each number, found with one sort, so that a
     * plan with thousands of sections stays linear (a short list on the
     * stack). */
    seq_key kbuf[32];
    size_t fbuf[32];
    seq_key *keys = n <= 32 ? kbuf : plan_xmalloc(n * sizeof *keys);
    size_t *first = n <= 32 ? fbuf : plan_xmalloc(n * sizeof *first);
    for (size_t k = 0; k < n; k++)
        keys[k] = (seq_key){l[k]->num_value, k};
    qsort(keys, n, sizeof *keys, cmp_seq_key);
    for (size_t k = 0; k < n; k++)
        first[keys[k].at] = k > 0 && keys[k - 1].value == keys[k].value ? first[keys[k - 1].at]
                                                                        : keys[k].at;
    int max = 0;
    for (size_t k = 0; k < n; k++) {
        int v = l[k]->num_value;
        const plan_block *dup = first[k] != k ? l[first[k]] : NULL;
        if (dup)
            seq_duplicate(c, l[k], dup);
        else if (v > max + 1)
            seq_gap(c, l, keys, n, k, max);
        else if (v < max)
            seq_order(c, l[k], l[k - 1]);
        if (v > max)
            max = v;
    }
    if (keys != kbuf) {
        free(first);
        free(keys);
    }
}

/* The Arabic components of a written number: "2.1." → 2, 1. Each is read
 * as strtol reads a run of digits (LONG_MAX when it overflows), then made
 * an int. */
static int num_path(const char *s, int *out, int max)
{
    int k = 0;
    while (*s && k < max && *s >= '0' && *s <= '9') {
        long v = 0;
        for (; *s >= '0' && *s <= '9'; s++) {
            int d = *s - '0';
            v = v > (LONG_MAX - d) / 10 ? LONG_MAX : v * 10 + d;
        }
        out[k++] = (int)v;
        if (*s != '.')
            break;
        s++;
    }
    return k;
}

/* A dotted number continues its parent's: "2.1." stands under "2.". */
static void seq_prefix(plan_check *c, const plan_block *b)
{
    const plan_block *p = b->parent;
    if (b->num_style != PLAN_NUM_DOTTED || !p ||
        (p->num_style != PLAN_NUM_ARABIC && p->num_style != PLAN_NUM_DOTTED))
        return;
    int pp[16], bp[16];
    int np = num_path(p->number.s, pp, 16), nb = num_path(b->number.s, bp, 16);
    if (nb == np + 1 && memcmp(pp, bp, (size_t)np * sizeof *pp) == 0)
        return;
    char want[64] = "";
    size_t o = 0;
    for (int i = 0; i < np && o < sizeof want - 12; i++)
        o += (size_t)snprintf(want + o, sizeof want - o, "%d.", pp[i]);
    plan_diag *g = plan_check_report_sev(
        c, PLAN_RULE_SECTION_SEQ, seq_sev(b), b->number.pos,
        _("section \"%s\" stands under \"%s\" but does not continue its number; number it "
          "%s%d."),
        b->number.s, p->number.s, want, b->num_value);
    seq_notes(g, b);
}

static int is_numbered(const plan_block *b)
{
    return (b->kind == PLAN_B_SECTION || b->kind == PLAN_B_ASSIGNMENT) && b->number.s &&
           b->num_style != PLAN_NUM_NONE && b->num_style != PLAN_NUM_BAD;
}

/* Checks one list of siblings, each numbering style on its own, then the
 * children of every section. */
static void seq_children(plan_check *c, const plan_block *first)
{
    static const int styles[] = {PLAN_NUM_ROMAN, PLAN_NUM_ARABIC, PLAN_NUM_DOTTED,
                                 PLAN_NUM_LETTER};
    size_t n = 0;
    unsigned present = 0; /* the styles the siblings are numbered in */
    for (const plan_block *b = first; b; b = b->next) {
        n++;
        if (is_numbered(b))
            present |= 1u << b->num_style;
    }
    if (!n)
        return;
    const plan_block *lbuf[64];
    const plan_block **l = n <= 64 ? lbuf : plan_xmalloc(n * sizeof *l);
    for (size_t s = 0; s < sizeof styles / sizeof *styles; s++) {
        if (!(present & 1u << styles[s]))
            continue; /* seq_run of no sibling does nothing */
        size_t k = 0;
        for (const plan_block *b = first; b; b = b->next)
            if (is_numbered(b) && b->num_style == styles[s])
                l[k++] = b;
        seq_run(c, l, k);
    }
    if (l != lbuf)
        free(l);
    for (const plan_block *b = first; b; b = b->next) {
        if (is_numbered(b))
            seq_prefix(c, b);
        if (b->kind == PLAN_B_SECTION)
            seq_children(c, b->first);
    }
}

static void style_one(plan_check *c, const plan_block *b, void *ctx)
{
    (void)ctx;
    if (!is_numbered(b))
        return;
    const char *s = b->number.s;
    size_t n = strlen(s);
    char last = s[n - 1];
    plan_diag *g = NULL;
    if (b->num_style == PLAN_NUM_LETTER) {
        const char *want = plan_viet_letter(b->num_value);
        if (strncmp(s, want, strlen(want)) != 0)
            g = plan_check_report(c, PLAN_RULE_SECTION_STYLE, b->number.pos,
                                  _("điểm \"%s\" is written with a capital letter; write "
                                    "\"%s)\""),
                                  s, want);
    } else if (last != '.' && (b->num_style != PLAN_NUM_DOTTED || !isdigit((unsigned char)last))) {
        if (isalnum((unsigned char)last))
            g = plan_check_report(c, PLAN_RULE_SECTION_STYLE, b->number.pos,
                                  _("section number \"%s\" has no full stop; write \"%s.\""), s, s);
        else
            g = plan_check_report(c, PLAN_RULE_SECTION_STYLE, b->number.pos,
                                  _("section number \"%s\" ends with \"%c\"; write \"%.*s.\""), s,
                                  last, (int)(n - 1), s);
    }
    if (g)
        plan_diag_note(g, _("%s: mục \"I.\", khoản \"1.\", điểm \"a)\""), SRC_MUC_V);
}

/* ======================================================================
 * BODY-END
 * ====================================================================== */

static const plan_text *block_last_text(const plan_block *b);

static const plan_text *some(const plan_text *t)
{
    return t && t->s && *t->s ? t : NULL;
}

/* Text that is present and not empty (the builder reports empty elements). */
static int given(const char *s)
{
    return s && *s;
}

static const plan_text *textlist_last(const plan_textlist *l)
{
    const plan_text *t = NULL;
    for (; l; l = l->next)
        t = &l->t;
    return some(t);
}

static const plan_text *block_last_text(const plan_block *b)
{
    while (b && b->next)
        b = b->next;
    if (!b)
        return NULL;
    const plan_text *t = NULL;
    switch (b->kind) {
    case PLAN_B_SECTION:
        t = b->first ? block_last_text(b->first) : NULL;
        return t ? t : some(&b->section->heading);
    case PLAN_B_ASSIGNMENT:
        for (const plan_task *k = b->assignment->tasks; k; k = k->next)
            t = &k->text;
        return some(t) ? t : textlist_last(b->assignment->offices);
    case PLAN_B_PERIOD:
        return some(&b->period->p) ? &b->period->p : some(&b->period->end.text);
    case PLAN_B_DEADLINE:
        return some(&b->deadline->p) ? &b->deadline->p : some(&b->deadline->what);
    case PLAN_B_AWARD:
        t = textlist_last(b->award->standards);
        return t ? t : some(&b->award->name);
    default:
        return some(&b->text);
    }
}

static void body_end(plan_check *c)
{
    const plan_doc *d = c->doc;
    const plan_text *t = d->closing ? textlist_last(d->closing) : block_last_text(d->body);
    if (!t)
        return;
    size_t n = strlen(t->s);
    if (n >= 3 && strcmp(t->s + n - 3, "./.") == 0)
        return;
    size_t start = 0, count = 0;
    for (size_t i = n; i > 0 && count < 24; i--)
        if (((unsigned char)t->s[i - 1] & 0xC0) != 0x80) {
            start = i - 1;
            count++;
        }
    /* quote whole words */
    const char *sp = start > 0 ? strchr(t->s + start, ' ') : NULL;
    if (sp && sp[1])
        start = (size_t)(sp + 1 - t->s);
    plan_diag *g = plan_check_report(c, PLAN_RULE_BODY_END, t->pos,
                                     _("the text ends \"%s%s\" without \"./.\"; end the last "
                                       "sentence with \"./.\""),
                                     start > 0 ? "…" : "", t->s + start);
    plan_diag_note(g, _("%s (unverified): the model layouts end the content with \"./.\""),
                   "NĐ 30/2020/NĐ-CP, Phụ lục III");
}

/* ======================================================================
 * The signature: SIGN-BLOCK, SIGN-TM, SIGN-KT, SIGN-TL-TUQ,
 * SIGN-TITLE-MATCH, SIGN-NAME
 * ====================================================================== */

enum { CAP_OTHER, CAP_TM, CAP_KT, CAP_TL, CAP_TUQ, CAP_Q };

/* The kind of an authority line ("KT. CHỦ TỊCH") and the title after it. */
static int cap_kind(const char *s, const char **rest)
{
    static const struct {
        const char *p;
        int k;
    } caps[] = {{"TUQ", CAP_TUQ}, {"TM", CAP_TM}, {"KT", CAP_KT}, {"TL", CAP_TL}, {"Q", CAP_Q}};
    while (*s == ' ')
        s++;
    for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
        size_t n = strlen(caps[i].p);
        if (strncasecmp(s, caps[i].p, n) == 0 && (s[n] == '.' || s[n] == ' ')) {
            s += n;
            while (*s == '.' || *s == ' ')
                s++;
            *rest = s;
            return caps[i].k;
        }
    }
    *rest = s;
    return CAP_OTHER;
}

/* The index of the signing row of the issuer's kind (src/data/signing.c),
 * or -1; is is the issuer's name parsed (empty when there is none). */
static ptrdiff_t issuer_row(const name *is)
{
    k_ready();
    for (size_t i = 0; i < plan_signing_count(); i++) {
        const name *k = &K.sign_issuer[i];
        /* one word ("Sở", "Bộ") must be that word, not an initial */
        int ok = k->n == 1 ? is->n > 0 && is->v[0].w && atom_eq(&is->v[0], &k->v[0])
                           : name_at(is, 0, k);
        if (ok)
            return (ptrdiff_t)i;
    }
    return -1;
}

/* The head for whom a deputy signs ("PHÓ GIÁM ĐỐC" → "GIÁM ĐỐC", "THỨ
 * TRƯỞNG" → "BỘ TRƯỞNG"), allocated; NULL when the title is no deputy's. */
static char *deputy_head(const char *title)
{
    char *f = plan_utf8_fold_ascii(title);
    char *r = NULL;
    if (strncmp(f, "pho ", 4) == 0) {
        const char *sp = strchr(title, ' ');
        while (sp && *sp == ' ')
            sp++;
        r = plan_xstrdup(sp ? sp : "");
    }
    k_ready();
    for (size_t i = 0; !r && i < plan_signing_count(); i++) {
        const char *dep = K.sign_deputy[i];
        if (strcmp(f, dep) == 0 && strncmp(dep, "pho ", 4) != 0)
            r = plan_xstrdup(plan_signing_get(i)->head);
    }
    free(f);
    return r;
}

/* The deputy's title for a head ("CHỦ TỊCH" → "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG"
 * → "THỨ TRƯỞNG"), allocated. */
static char *deputy_of(const char *head)
{
    for (size_t i = 0; i < plan_signing_count(); i++)
        if (title_is(head, plan_signing_get(i)->head) && title_is(plan_signing_get(i)->head, head))
            return plan_xstrdup(plan_signing_get(i)->deputy);
    size_t n = strlen(head) + 8;
    char *r = plan_xmalloc(n);
    snprintf(r, n, "PHÓ %s", head);
    return r;
}

static void sign_block(plan_check *c)
{
    const plan_doc *d = c->doc;
    plan_diag *g = NULL;
    if (!d->has_signature)
        g = plan_check_report(c, PLAN_RULE_SIGN_BLOCK, d->pos,
                              _("the plan has no signing block; add <signature> with the "
                                "signer's title and full name"));
    else if (!given(d->sign_title.s))
        g = plan_check_report(c, PLAN_RULE_SIGN_BLOCK, d->signature_pos,
                              _("the signing block gives no title (chức vụ) of the signer; add "
                                "<title>, e.g. GIÁM ĐỐC"));
    if (g)
        plan_diag_note(g, _("%s: quyền hạn, chức vụ, họ tên và chữ ký của người có thẩm quyền"),
                       SRC_K7);
}

static void sign_tm(plan_check *c, plan_arena *a, const plan_signing *row)
{
    const plan_doc *d = c->doc;
    if (!d->has_signature || !row || !row->collegial)
        return;
    const plan_textlist *tm = NULL;
    const char *rest = NULL;
    for (const plan_textlist *l = d->capacities; l; l = l->next) {
        const char *r;
        int k = cap_kind(l->t.s, &r);
        if (k == CAP_TL || k == CAP_TUQ)
            return;
        if (k == CAP_TM && !tm) {
            tm = l;
            rest = r;
        }
    }
    plan_diag *g = NULL;
    if (!tm) {
        g = plan_check_report(c, PLAN_RULE_SIGN_TM, d->signature_pos,
                              _("the plan is issued by the collegial body \"%s\" but the signature "
                                "has no \"TM.\" line; sign \"TM. %s\" above the signer's title"),
                              d->header.issuer.s, row->collective);
    } else {
        name r = {0}, k = {0};
        name_parse(a, &r, rest);
        name_parse(a, &k, row->collective);
        if (!name_at(&r, 0, &k))
            g = plan_check_report(c, PLAN_RULE_SIGN_TM, tm->t.pos,
                                  _("\"%s\" does not name the collective that issues the plan; "
                                    "write \"TM. %s\""),
                                  tm->t.s, row->collective);
    }
    if (g)
        plan_diag_note(g, _("%s; Điều 13 khoản 2: \"TM.\" before the name of the collective"),
                       SRC_K7B);
}

/* Checks the KT. line against the signer's title. */
static void sign_kt_line(plan_check *c, const plan_textlist *kt, const char *head)
{
    const plan_doc *d = c->doc;
    char *hh = deputy_head(head), *dh = deputy_head(d->sign_title.s);
    plan_diag *g = NULL;
    if (hh) {
        g = plan_check_report(c, PLAN_RULE_SIGN_KT, kt->t.pos,
                              _("\"%s\" names a deputy after KT.; write the title of the head "
                                "for whom the deputy signs: \"KT. %s\""),
                              kt->t.s, hh);
    } else if (!dh) {
        g = plan_check_report(c, PLAN_RULE_SIGN_KT, d->sign_title.pos,
                              _("\"%s\" is followed by \"%s\", which is not a deputy's title; a "
                                "deputy signs under KT., a head who signs personally writes no "
                                "KT."),
                              kt->t.s, d->sign_title.s);
    } else if (!title_is(dh, head) || !title_is(head, dh)) {
        char *want = deputy_of(head);
        g = plan_check_report(c, PLAN_RULE_SIGN_KT, d->sign_title.pos,
                              _("\"%s\" is not a deputy of \"%s\" named after KT. (it is a "
                                "deputy of \"%s\"); make them match, e.g. \"KT. %s\" above "
                                "\"%s\""),
                              d->sign_title.s, head, dh, head, want);
        free(want);
    }
    if (g)
        plan_diag_note(g, _("%s: \"KT.\" before the head's title when a deputy signs"), SRC_K7B);
    free(hh);
    free(dh);
}

static void sign_kt(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (!d->has_signature || !given(d->sign_title.s))
        return;
    const plan_textlist *kt = NULL;
    const char *head = NULL, *rest;
    int delegated = cap_kind(d->sign_title.s, &rest) == CAP_Q;
    for (const plan_textlist *l = d->capacities; l; l = l->next) {
        int k = cap_kind(l->t.s, &rest);
        if (k == CAP_KT && !kt) {
            kt = l;
            head = rest;
        }
        delegated |= k == CAP_TL || k == CAP_TUQ || k == CAP_Q;
    }
    if (kt && *head) {
        sign_kt_line(c, kt, head);
        return;
    }
    char *dh = deputy_head(d->sign_title.s);
    if (dh && !delegated) {
        plan_diag *g = plan_check_report(c, PLAN_RULE_SIGN_KT, d->sign_title.pos,
                                         _("the signer \"%s\" is a deputy but the signature has "
                                           "no KT. line; write \"KT. %s\" above \"%s\""),
                                         d->sign_title.s, dh, d->sign_title.s);
        plan_diag_note(g, _("%s: \"KT.\" before the head's title when a deputy signs"), SRC_K7B);
    }
    free(dh);
}

static void sign_tl_tuq(plan_check *c)
{
    const plan_textlist *tuq = NULL;
    for (const plan_textlist *l = c->doc->capacities; l; l = l->next) {
        const char *rest;
        int k = cap_kind(l->t.s, &rest);
        plan_diag *g = NULL;
        if (tuq && (k == CAP_TL || k == CAP_TUQ || k == CAP_KT))
            g = plan_check_report(c, PLAN_RULE_SIGN_TL_TUQ, l->t.pos,
                                  _("\"%s\" follows \"%s\": a thừa ủy quyền signature cannot be "
                                    "passed on; the person authorised signs personally"),
                                  l->t.s, tuq->t.s);
        else if (k == CAP_TL)
            g = plan_check_report(c, PLAN_RULE_SIGN_TL_TUQ, l->t.pos,
                                  _("the plan is signed \"%s\" (thừa lệnh); check that the quy chế "
                                    "làm việc or quy chế văn thư lets this signer sign a Kế hoạch"),
                                  l->t.s);
        else if (k == CAP_TUQ)
            g = plan_check_report(c, PLAN_RULE_SIGN_TL_TUQ, l->t.pos,
                                  _("the plan is signed \"%s\" (thừa ủy quyền); check that a "
                                    "written authorisation, limited in time and scope, covers "
                                    "this Kế hoạch"),
                                  l->t.s);
        if (g)
            plan_diag_note(g, _("%s: TUQ. only in writing, limited in time and scope, and never "
                                "passed on; TL. only where the quy chế provides for it"),
                           SRC_D13);
        if (k == CAP_TUQ && !tuq)
            tuq = l;
    }
}

/* ri: the index of the issuer's signing row, or -1. */
static void sign_title_match(plan_check *c, ptrdiff_t ri)
{
    const plan_doc *d = c->doc;
    if (!d->has_signature || ri < 0)
        return;
    const plan_signing *row = plan_signing_get((size_t)ri);
    const plan_text *t = NULL;
    const char *title = NULL;
    int head_only = 1;
    for (const plan_textlist *l = d->capacities; l && !t; l = l->next) {
        int k = cap_kind(l->t.s, &title);
        if (k == CAP_KT || k == CAP_TL || k == CAP_TUQ || k == CAP_Q)
            t = &l->t;
    }
    if (!t) {
        if (!given(d->sign_title.s))
            return;
        t = &d->sign_title;
        cap_kind(t->s, &title);
        head_only = 0;
    }
    if (!*title)
        return;
    /* the row's titles folded once (K); title is the end of a text of the plan */
    k_ready();
    char *ft = plan_utf8_fold_ascii(title);
    int fits = title_is_folded(ft, K.sign_head[ri]) ||
               (!head_only && title_is_folded(ft, K.sign_deputy[ri]));
    free(ft);
    if (fits)
        return;
    plan_diag *g = plan_check_report(
        c, PLAN_RULE_SIGN_TITLE_MATCH, t->pos,
        _("the title \"%s\" does not fit the issuer \"%s\", whose head signs as \"%s\" (a "
          "deputy as \"%s\"); write the title of the issuer's head or deputy"),
        title, d->header.issuer.s, row->head, row->deputy);
    plan_diag_note(g, _("%s%s: the signer's official title"), row->source,
                   strcmp(row->verified, "U") == 0 ? _(" (unverified)") : "");
}

/* The học hàm, học vị or honorific that opens a name, or NULL; f is the
 * name folded to ASCII. */
static const char *degree_of(const char *f)
{
    k_ready();
    size_t first = strcspn(f, " .");
    for (size_t i = 0; i < plan_degree_count(); i++) {
        const plan_degree *r = plan_degree_get(i);
        const char *dg = K.degree[i];
        size_t n = K.degree_len[i];
        if (r->abbr ? n == first && strncmp(f, dg, n) == 0
                    : strncmp(f, dg, n) == 0 && f[n] == ' ')
            return r->text;
    }
    return NULL;
}

static void sign_name(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (!d->has_signature)
        return;
    plan_diag *g = NULL;
    const char *deg = NULL;
    if (!given(d->sign_name.s))
        g = given(d->sign_title.s)
                ? plan_check_report(c, PLAN_RULE_SIGN_NAME, d->signature_pos,
                                    _("the signing block gives no name under \"%s\"; add the "
                                      "signer's full name"),
                                    d->sign_title.s)
                : plan_check_report(c, PLAN_RULE_SIGN_NAME, d->signature_pos,
                                    _("the signing block gives no name of the signer; add the "
                                      "signer's full name"));
    else if ((deg = degree_of(plan_check_fold(c, d->sign_name.s))))
        g = plan_check_report(c, PLAN_RULE_SIGN_NAME, d->sign_name.pos,
                              _("the signer's name \"%s\" begins with \"%s\"; write the name "
                                "without học hàm, học vị or honorifics"),
                              d->sign_name.s, deg);
    if (g)
        plan_diag_note(g, _("%s: the full name, without học hàm, học vị or honorifics"), SRC_K7C);
}

/* ======================================================================
 * Nơi nhận: NOINHAN-PRESENT, NOINHAN-LUU
 * ====================================================================== */

static void noinhan_present(plan_check *c)
{
    const plan_doc *d = c->doc;
    plan_diag *g = NULL;
    if (!d->has_recipients)
        g = plan_check_report(c, PLAN_RULE_NOINHAN_PRESENT, d->pos,
                              _("the plan has no Nơi nhận; add <recipients>: the recipients, one "
                                "per line, then the Lưu line"));
    else if (!d->recipients && !given(d->archive.s))
        g = plan_check_report(c, PLAN_RULE_NOINHAN_PRESENT, d->recipients_pos,
                              _("Nơi nhận is empty; list the recipients, one per line, and end "
                                "with the Lưu line"));
    if (g)
        plan_diag_note(g, _("%s: nơi nhận"), SRC_K9);
}

enum { LUU_OK, LUU_FORM, LUU_COLON, LUU_VT, LUU_SEP, LUU_UNIT, LUU_STOP };

/* What follows "VT,": units separated by commas (each may carry the
 * drafter's initials or a count), then a full stop. */
static int luu_units(const char *p)
{
    size_t n = strlen(p);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    int stop = n > 0 && p[n - 1] == '.';
    if (stop)
        n--;
    int units = 0, empty = 0;
    for (size_t i = 0; i <= n;) {
        size_t k = i;
        while (k < n && p[k] != ',')
            k++;
        size_t a = i, b = k;
        while (a < b && p[a] == ' ')
            a++;
        while (b > a && p[b - 1] == ' ')
            b--;
        if (a < b)
            units++;
        else
            empty++;
        if (memchr(p + a, ';', b - a))
            return LUU_FORM;
        i = k + 1;
    }
    if (units == 0)
        return LUU_UNIT;
    if (empty)
        return LUU_FORM;
    return stop ? LUU_OK : LUU_STOP;
}

/* Checks "Lưu: VT, <unit>." and says what is wrong; *sep is the mark used
 * instead of the comma, *after what follows it. */
static int luu_parse(const char *s, char *sep, const char **after)
{
    char *f = plan_utf8_fold_ascii(s);
    int luu = strncmp(f, "luu", 3) == 0;
    free(f);
    if (!luu)
        return LUU_FORM;
    size_t i = 0;
    for (int k = 0; k < 3; k++)
        next_cp(s, &i);
    const char *p = s + i;
    while (*p == ' ')
        p++;
    if (*p != ':')
        return LUU_COLON;
    for (p++; *p == ' '; p++)
        ;
    if (strncmp(p, "VT", 2) != 0 || isalnum((unsigned char)p[2]))
        return LUU_VT;
    for (p += 2; *p == ' '; p++)
        ;
    if (*p == '\0' || (*p == '.' && p[1] == '\0'))
        return LUU_UNIT;
    if (*p != ',') {
        if (!ispunct((unsigned char)*p))
            return LUU_FORM;
        *sep = *p;
        for (p++; *p == ' '; p++)
            ;
        *after = p;
        return LUU_SEP;
    }
    return luu_units(p + 1);
}

static void noinhan_luu(plan_check *c)
{
    const plan_doc *d = c->doc;
    if (!d->has_recipients)
        return;
    const char *s = given(d->archive.s) ? d->archive.s : NULL;
    plan_pos pos = s ? d->archive.pos : d->recipients_pos;
    char sep = 0;
    const char *after = "";
    plan_diag *g = NULL;
    switch (s ? luu_parse(s, &sep, &after) : -1) {
    case LUU_OK:
        return;
    case -1:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("Nơi nhận has no Lưu line; end it with \"Lưu: VT, <abbreviation of "
                                "the drafting unit>.\""));
        break;
    case LUU_COLON:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" has no colon after \"Lưu\"; write \"Lưu: VT, "
                                "<drafting unit>.\""),
                              s);
        break;
    case LUU_VT:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" does not begin with VT, the Văn thư's copy; "
                                "write \"Lưu: VT, <drafting unit>.\""),
                              s);
        break;
    case LUU_SEP:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" separates VT from the drafting unit with "
                                "\"%c\"; write a comma: \"Lưu: VT, %s\""),
                              s, sep, after);
        break;
    case LUU_UNIT:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" names no drafting unit after VT; write "
                                "\"Lưu: VT, <abbreviation of the drafting unit>.\""),
                              s);
        break;
    case LUU_STOP:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" does not end with a full stop; write "
                                "\"%s.\""),
                              s, s);
        break;
    default:
        g = plan_check_report(c, PLAN_RULE_NOINHAN_LUU, pos,
                              _("the Lưu line \"%s\" is not in the form \"Lưu: VT, <drafting "
                                "unit>.\"; write it so"),
                              s);
        break;
    }
    plan_diag_note(g, _("%s, điểm d: \"Lưu: VT, <viết tắt tên đơn vị soạn thảo>, <số lượng "
                        "bản lưu>.\", e.g. \"Lưu: VT, TCCB.\""),
                   SRC_K9);
}

/* ======================================================================
 * Nơi nhận against the plan: NOINHAN-SUPERIOR, NOINHAN-COVERS-ROLES
 * ====================================================================== */

typedef struct superior {
    const char *text;          /* as written */
    const plan_document *doc;  /* the implemented document, or NULL for the parent body */
    name core;                 /* the body's name up to its level */
    const name *council;       /* its emulation council (in K), or NULL */
} superior;

/* Strings met, in an open-addressed table by a hash (a plan of thousands
 * of assignments names thousands of offices: a list searched for each
 * would make the rule quadratic). */
typedef struct seen_set {
    const char **v;
    uint64_t *h;
    size_t n, cap; /* cap: 0 or a power of two, at least twice n */
} seen_set;

static void seen_add(seen_set *t, const char *s, uint64_t h)
{
    if (2 * (t->n + 1) > t->cap) {
        seen_set g = {NULL, NULL, 0, t->cap ? 2 * t->cap : 64};
        g.v = plan_xmalloc(g.cap * sizeof *g.v);
        g.h = plan_xmalloc(g.cap * sizeof *g.h);
        memset(g.v, 0, g.cap * sizeof *g.v);
        for (size_t i = 0; i < t->cap; i++)
            if (t->v[i])
                seen_add(&g, t->v[i], t->h[i]);
        free(t->v);
        free(t->h);
        *t = g;
    }
    size_t i = (size_t)(h ^ h >> 32) & (t->cap - 1);
    while (t->v[i])
        i = (i + 1) & (t->cap - 1);
    t->v[i] = s;
    t->h[i] = h;
    t->n++;
}

/* 1 when t holds a string of hash h that eq finds equal to s. */
static int seen_has(const seen_set *t, const char *s, uint64_t h,
                    int (*eq)(const char *, const char *))
{
    if (!t->cap)
        return 0;
    for (size_t i = (size_t)(h ^ h >> 32) & (t->cap - 1); t->v[i]; i = (i + 1) & (t->cap - 1))
        if (t->h[i] == h && eq(t->v[i], s))
            return 1;
    return 0;
}

static void seen_free(seen_set *t)
{
    free(t->v);
    free(t->h);
}

static int same_text(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* The hash of a fold without its spaces: what same_key compares first, so
 * that two folds of one key have one hash. */
static uint64_t hash_unspaced(const char *f)
{
    uint64_t h = PLAN_HASH64_INIT;
    for (; *f; f++)
        if (*f != ' ')
            h = (h ^ (unsigned char)*f) * 0x100000001b3ULL; /* FNV-1a */
    return h;
}

typedef struct recips {
    plan_arena *a;             /* the names of the plan (freed by plan_check_format) */
    vocab v;
    name *lines;               /* each recipient line */
    const char **folded;       /* the same, folded to ASCII (plan_check_fold) */
    seen_set by_key;           /* the folds again, by hash_unspaced (office_covered) */
    unsigned *kinds;           /* the same's group_kinds … */
    int *kinds_in;             /* … and whether it lists units "thuộc" someone */
    size_t n;
    name issuer, issuer_parent;
    superior *sup;
    size_t nsup;
    int implementing;          /* the plan implements some document */
} recips;

/* The Hội đồng Thi đua - Khen thưởng of the body's level (parsed once, in
 * K), or NULL. */
static const name *council_of(const char *body)
{
    k_ready();
    char *f = plan_utf8_fold_ascii(body);
    const name *r = NULL;
    if (has_words(f, "tinh"))
        r = &K.council[COUNCIL_TINH];
    else if (has_words(f, "thanh pho"))
        r = &K.council[COUNCIL_THANH_PHO];
    for (size_t i = 0; K.central[i] && !r; i++)
        if (has_words(f, K.central[i]))
            r = &K.council[COUNCIL_CENTRAL];
    free(f);
    return r;
}

/* parsed: text parsed already, or NULL. */
static void add_superior(recips *r, const char *text, const plan_document *doc,
                         const name *parsed)
{
    r->sup = plan_xrealloc(r->sup, (r->nsup + 1) * sizeof *r->sup);
    superior *s = &r->sup[r->nsup++];
    *s = (superior){text, doc, {0}, NULL};
    if (parsed) {
        s->core = (name){parsed->v, parsed->n, 0}; /* a view: name_core only shortens it */
    } else {
        name_parse(r->a, &s->core, text);
    }
    name_core(&s->core);
    s->council = council_of(text);
}

/* Unit kinds of a group line: defined below. */
static unsigned group_kinds(const char *folded, int *inside);

static void recips_init(recips *r, plan_check *c, plan_arena *a)
{
    const plan_doc *d = c->doc;
    k_ready();
    *r = (recips){0};
    r->a = a;
    r->v = K.v;
    for (const plan_textlist *l = d->recipients; l; l = l->next)
        r->n++;
    size_t n = r->n ? r->n : 1;
    r->lines = plan_arena_alloc(a, n * sizeof *r->lines);
    r->folded = plan_arena_alloc(a, n * sizeof *r->folded);
    r->kinds = plan_arena_alloc(a, n * sizeof *r->kinds);
    r->kinds_in = plan_arena_alloc(a, n * sizeof *r->kinds_in);
    size_t i = 0;
    for (const plan_textlist *l = d->recipients; l; l = l->next, i++) {
        name_parse(a, &r->lines[i], l->t.s);
        r->folded[i] = plan_check_fold(c, l->t.s);
        seen_add(&r->by_key, r->folded[i], hash_unspaced(r->folded[i]));
        r->kinds[i] = group_kinds(r->folded[i], &r->kinds_in[i]);
    }
    /* The issuer, then the parent body: each parsed once. issuer_parent is
     * the two one after the other, as two name_parse into one name make it. */
    name parent = {0};
    name_parse(a, &r->issuer, d->header.issuer.s);
    name_parse(a, &parent, d->header.parent_body.s);
    name_append(a, &r->issuer_parent, &r->issuer);
    name_append(a, &r->issuer_parent, &parent);
    for (const plan_document *doc = d->documents; doc; doc = doc->next) {
        if (doc->relation != PLAN_REL_IMPLEMENTS)
            continue;
        r->implementing = 1;
        if (given(doc->issuer.s))
            add_superior(r, doc->issuer.s, doc, NULL);
    }
    if (given(d->header.parent_body.s))
        add_superior(r, d->header.parent_body.s, NULL, &parent);
}

static void recips_free(recips *r)
{
    free(r->sup);
    seen_free(&r->by_key);
    /* the names are in the arena */
}

static int reaches(const recips *r, const superior *s)
{
    for (size_t i = 0; i < r->n; i++)
        if (names_body(&r->v, &r->lines[i], &s->core) ||
            (s->council && s->council->n && names_body(&r->v, &r->lines[i], s->council)))
            return 1;
    return 0;
}

static void noinhan_superior(plan_check *c, const recips *r)
{
    const plan_doc *d = c->doc;
    if (!d->has_recipients || !r->implementing || r->nsup == 0)
        return;
    for (size_t i = 0; i < r->nsup; i++)
        if (reaches(r, &r->sup[i]))
            return;
    const superior *s = &r->sup[0];
    plan_diag *g;
    if (s->doc)
        g = plan_check_report(c, PLAN_RULE_NOINHAN_SUPERIOR, d->recipients_pos,
                              _("Nơi nhận does not list %s, the issuer of %s%s%s that this plan "
                                "implements; add \"%s (B/c)\""),
                              s->text,
                              given(s->doc->doc_type.s) ? s->doc->doc_type.s : _("the document"),
                              given(s->doc->number.text.s) ? " " : "",
                              given(s->doc->number.text.s) ? s->doc->number.text.s : "", s->text);
    else
        g = plan_check_report(c, PLAN_RULE_NOINHAN_SUPERIOR, d->recipients_pos,
                              _("Nơi nhận does not list the parent body %s of this implementing "
                                "plan; add \"%s (B/c)\""),
                              s->text, s->text);
    plan_diag_note(g, _("practice of the plans (không có quy định pháp luật), e.g. \"UBND "
                        "tỉnh (B/c)\": an implementing plan sends a copy to the body that "
                        "launched the campaign"));
}

/* ---- NOINHAN-COVERS-ROLES ---- */

/* 1 when the texts folded to ASCII a and b have the same plan_name_key
 * without accents (plan_name_key_folded). The keys are only made when a
 * and b agree but for spaces: the key drops some spaces and nothing else,
 * so texts that differ otherwise have different keys. */
static int same_key(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1; /* the same text, the same key */
    for (const char *p = a, *q = b;; p++, q++) {
        while (*p == ' ')
            p++;
        while (*q == ' ')
            q++;
        if (*p != *q)
            return 0;
        if (!*p)
            break;
    }
    char *ka = plan_name_key_folded(a), *kb = plan_name_key_folded(b);
    int same = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}

/* s without its "(…)" parts; the parts go to inner. s itself when it holds
 * no parenthesis (then nothing goes to inner), else a copy in the arena a. */
static const char *strip_parens(plan_arena *a, const char *s, plan_buf *inner)
{
    if (!strpbrk(s, "()"))
        return s;
    size_t n = strlen(s), o = 0;
    char *r = plan_arena_alloc(a, n + 1);
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        else if (depth == 0)
            r[o++] = s[i];
        else
            plan_buf_putc(inner, s[i]);
        if (s[i] == ')' && depth == 0)
            plan_buf_putc(inner, ';');
    }
    r[o] = '\0';
    return r;
}

/* The kinds of unit a group line lists ("Các phòng, đơn vị thuộc Sở"), as
 * a bit set over plan_office_group_kinds(); 0 when it is no group. Only the
 * words from "các" to the first "(", ":" or ";" count, so that an
 * enumeration ("các Sở: Tư pháp, Nội vụ") is not taken for every Sở.
 * folded is the line folded to ASCII. */
static unsigned group_kinds(const char *folded, int *inside)
{
    const char *p = NULL;
    for (const char *q = strstr(folded, "cac"); q && !p; q = strstr(q + 1, "cac"))
        if ((q == folded || !isalnum((unsigned char)q[-1])) && !isalnum((unsigned char)q[3]))
            p = q;
    if (!p)
        return 0;
    k_ready();
    size_t n = strcspn(p, "(:;");
    char buf[256]; /* the words from "các" on: on the stack unless long */
    char *part = n < sizeof buf ? buf : plan_xmalloc(n + 1);
    memcpy(part, p, n);
    part[n] = '\0';
    *inside = has_words(part, "thuoc");
    /* the kinds stand before the qualifier: "… đơn vị thuộc Sở" lists no Sở */
    static const char *const quals[] = {"truc thuoc", "thuoc", "cua", "trong", "tham gia", NULL};
    for (size_t i = 0; quals[i]; i++)
        for (char *q = strstr(part, quals[i]); q; q = strstr(q + 1, quals[i]))
            if (q > part && q[-1] == ' ' && !isalnum((unsigned char)q[strlen(quals[i])])) {
                *q = '\0';
                break;
            }
    unsigned m = 0;
    for (size_t i = 0; i < K.nkinds; i++)
        if (has_words(part, K.kinds[i]))
            m |= 1u << i;
    if (part != buf)
        free(part);
    return m;
}

/* The kind of unit a name begins with ("Văn phòng Sở" → phòng, "Sở Nội vụ"
 * → sở) as a bit, or 0. *internal when it is a unit of the issuer: an
 * internal kind whose name names no other level or body ("Phòng Văn hóa và
 * Thông tin các huyện" does). fa is s folded to ASCII. */
static unsigned unit_kind(const char *s, const char *fa, int *internal)
{
    k_ready();
    unsigned bit = 0;
    *internal = 0;
    for (size_t i = 0; i < K.nheads && !bit; i++) {
        const unit_head_f *h = &K.heads[i];
        if (strncmp(fa, h->head, h->len) == 0 && (fa[h->len] == ' ' || fa[h->len] == '\0')) {
            bit = h->bit;
            *internal = h->internal;
        }
    }
    if (*internal) { /* only then are the external words read */
        char *fk = plan_utf8_fold(s);
        for (size_t i = 0; K.external[i] && *internal; i++)
            if (has_words(fk, K.external[i]))
                *internal = 0;
        free(fk);
    }
    return bit;
}

/* Covered through a group line: a group office by a group line of the same
 * reach sharing a kind; one unit by a group line of its kind, or, when it
 * is the issuer's own unit, by a group line of the issuer's "đơn vị". fa is
 * main folded to ASCII; the lines' kinds are read once (recips_init). */
static int covered_by_group(const recips *r, const char *main, const char *fa)
{
    int oin = 0, internal = 0, covered = 0;
    unsigned om = group_kinds(fa, &oin), uk = om ? 0 : unit_kind(main, fa, &internal);
    unsigned any = K.any_unit;
    for (size_t i = 0; i < r->n && !covered && (om || uk); i++) {
        int rin = r->kinds_in[i];
        unsigned rm = r->kinds[i];
        if (om)
            covered = rin == oin && (rm & om) != 0;
        else
            covered = (rm & uk) != 0 || (internal && rin && (rm & any) != 0);
    }
    return covered;
}

/* "(cơ quan thường trực Hội đồng …)": the council after "thường trực". */
static int covered_by_alias(const recips *r, const char *inner)
{
    name in = {0};
    name_parse(r->a, &in, inner);
    int covered = 0;
    for (size_t i = 0; i + 1 < in.n && !covered; i++) {
        if (!in.v[i].w || !in.v[i + 1].w || strcmp(in.v[i].w, "thuong") != 0 ||
            strcmp(in.v[i + 1].w, "truc") != 0)
            continue;
        name alias = {in.v + i + 2, in.n - i - 2, 0};
        for (size_t k = 0; k < r->n && !covered && alias.n; k++)
            covered = name_contains(&r->lines[k], &alias);
    }
    return covered;
}

/* 1 when atoms [j, j + n) of h form one whole segment. */
static int whole_segment(const name *h, size_t j, size_t n)
{
    size_t e = j + n;
    return n > 0 && e <= h->n && (j == 0 || h->v[j - 1].seg != h->v[j].seg) &&
           (e == h->n || h->v[e].seg != h->v[e - 1].seg) && h->v[j].seg == h->v[e - 1].seg;
}

/* 1 when line names the office: contiguously; or as a head followed by a
 * qualifier shared with other names that ends the line ("Phòng VH&TT,
 * Trung tâm VH,TT&TT các huyện, thành phố" names "Phòng Văn hóa và Thông
 * tin các huyện, thành phố"); or as a head followed by an enumeration with
 * the rest of the name as one item ("các Sở: Tư pháp, Nội vụ" names "Sở Nội
 * vụ"). Every head o[0, k) found at i is tried, whatever the order: the
 * positions of the heads are found together, at the positions of o's first
 * atom (a head of k atoms is at i when the atoms of o that match from i
 * number k or more). */
static int line_names(const name *line, const name *o)
{
    if (o->n == 0)
        return 0;
    for (size_t i = 0; i < line->n; i++) {
        if (!atom_eq(&line->v[i], &o->v[0]))
            continue;
        size_t match = 1;
        while (match < o->n && i + match < line->n && atom_eq(&line->v[i + match], &o->v[match]))
            match++;
        for (size_t k = match; k >= 1; k--) {
            name tail = {o->v + k, o->n - k, 0};
            if (tail.n == 0)
                return 1;
            if (line->n >= i + k + tail.n && name_at(line, line->n - tail.n, &tail))
                return 1;
            for (size_t j = i + k; j + tail.n <= line->n; j++)
                if (whole_segment(line, j, tail.n) && name_at(line, j, &tail))
                    return 1;
        }
    }
    return 0;
}

/* An office named by the plan, read once for office_exempt and
 * office_covered: its name without the "(…)" parts (main: the text itself
 * when it has none), what they hold (inner), and main's atoms. */
typedef struct office {
    const char *main;
    plan_buf inner;
    name m;
} office;

static void office_read(plan_arena *a, office *o, const char *text)
{
    o->inner = (plan_buf)PLAN_BUF_INIT;
    o->main = strip_parens(a, text, &o->inner);
    o->m = (name){0};
    name_parse(a, &o->m, o->main);
}

static void office_free(office *o)
{
    plan_buf_free(&o->inner); /* the rest is in the arena */
}

/* folded: the office's text folded to ASCII (plan_check_fold), which is
 * main's when main is the text. */
static int office_covered(const recips *r, const office *of, const char *text,
                          const char *folded)
{
    const name *mp = &of->m;
    /* "Chủ tịch UBND các huyện" is reached through "UBND các huyện" */
    size_t lead = skip_leaders(&r->v, mp, 0);
    name o = lead < mp->n ? (name){mp->v + lead, mp->n - lead, 0} : *mp;
    int covered = mp->n == 0;
    char *fa = NULL;
    if (of->main != text) /* main is shorter: its own fold */
        folded = fa = plan_utf8_fold_ascii(of->main);
    /* A line that is the office's name, however cased, spaced or accented
     * (plan_name_match: equal keys without accents; TEXT-NAME-ACCENTS
     * reports a line that is so only without accents). */
    if (!covered)
        covered = seen_has(&r->by_key, folded, hash_unspaced(folded), same_key);
    for (size_t i = 0; i < r->n && !covered; i++)
        covered = line_names(&r->lines[i], &o);
    if (!covered && of->inner.len)
        covered = covered_by_alias(r, of->inner.data);
    if (!covered)
        covered = covered_by_group(r, of->main, folded);
    free(fa);
    return covered;
}

/* The issuer itself or its leadership, its superior, or nobody at all.
 * folded is the text's plan_check_fold. */
static int office_exempt(const recips *r, const char *folded, const office *of)
{
    k_ready();
    int exempt = 0;
    for (size_t g = 0; K.generic[g] && !exempt; g++)
        exempt = strncmp(folded, K.generic[g], K.generic_len[g]) == 0;
    const name *m = &of->m;
    size_t i = skip_leaders(&r->v, m, 0);
    name rest = {m->n ? m->v + i : NULL, m->n - i, 0}; /* an empty name has no v */
    if (!exempt && m->n > 0)
        exempt = i == m->n || name_at(&r->issuer, 0, &rest) || name_at(&r->issuer_parent, 0, &rest);
    for (size_t k = 0; k < r->nsup && !exempt; k++)
        exempt = name_at(m, i, &r->sup[k].core);
    return exempt;
}

typedef struct seen {
    seen_set text;   /* the texts read (exempt or not), by plan_hash64_quick */
    seen_set folded; /* the folds (plan_check_fold) of those that were not
                      * exempt, by hash_unspaced */
} seen;

static void covers_one(plan_check *c, const recips *r, seen *s, const char *text, plan_pos pos,
                       int office_role)
{
    if (!text || !*text)
        return;
    /* The same text again is passed over: it folds and parses as before, so
     * it is exempt again, or its key was met (then nothing more is
     * reported), or it was reported. */
    uint64_t th = plan_hash64_quick(text, strlen(text), 0);
    if (seen_has(&s->text, text, th, same_text))
        return;
    seen_add(&s->text, text, th);
    /* One finding per office, however its name is spelt (plan_name_match):
     * an office already met is not read again (whether it was exempt or
     * not, nothing more is reported for it). The exempt are not
     * remembered by key: a text of the same key only may parse otherwise
     * ("UBND" and "Ubnd"). */
    const char *folded = plan_check_fold(c, text);
    uint64_t fh = hash_unspaced(folded);
    if (seen_has(&s->folded, folded, fh, same_key))
        return;
    office of;
    office_read(r->a, &of, text);
    if (office_exempt(r, folded, &of)) {
        office_free(&of);
        return;
    }
    seen_add(&s->folded, folded, fh);
    int covered = office_covered(r, &of, text, folded);
    office_free(&of);
    if (covered)
        return;
    plan_diag *g = office_role
        ? plan_check_report(c, PLAN_RULE_NOINHAN_COVERS_ROLES, pos,
                            _("\"%s\" has a role in Tổ chức thực hiện but Nơi nhận does not list "
                              "it, individually or through a group line; add it to Nơi nhận"),
                            text)
        : plan_check_report(c, PLAN_RULE_NOINHAN_COVERS_ROLES, pos,
                            _("\"%s\" receives reports or dossiers under the plan but Nơi nhận "
                              "does not list it; add it to Nơi nhận"),
                            text);
    plan_diag_note(g, _("%s, điểm a: nơi nhận để thực hiện"), SRC_K9);
}

static void noinhan_covers_roles(plan_check *c, const recips *r)
{
    const plan_doc *d = c->doc;
    if (!d->has_recipients)
        return;
    seen s = {0};
    for (const plan_assignment *a = d->assignments; a; a = a->next) {
        for (const plan_textlist *o = a->offices; o; o = o->next)
            covers_one(c, r, &s, o->t.s, o->t.pos, 1);
        for (const plan_task *t = a->tasks; t; t = t->next)
            covers_one(c, r, &s, t->to, t->pos, 0);
    }
    for (const plan_deadline *dl = d->deadlines; dl; dl = dl->next)
        covers_one(c, r, &s, dl->to.s, dl->to.pos, 0);
    seen_free(&s.text);
    seen_free(&s.folded);
}

/* ====================================================================== */

void plan_check_format(plan_check *c)
{
    const plan_doc *d = c->doc;
    seq_children(c, d->body);
    plan_walk_blocks(d->body, c, style_one, NULL);
    body_end(c);

    /* The names of the plan, parsed once for the signature and Nơi nhận. */
    plan_arena *a = plan_arena_new();
    recips r;
    recips_init(&r, c, a);

    ptrdiff_t ri = issuer_row(&r.issuer);
    const plan_signing *row = ri >= 0 ? plan_signing_get((size_t)ri) : NULL;
    sign_block(c);
    sign_tm(c, a, row);
    sign_kt(c);
    sign_tl_tuq(c);
    sign_title_match(c, ri);
    sign_name(c);

    noinhan_present(c);
    noinhan_luu(c);
    noinhan_superior(c, &r);
    noinhan_covers_roles(c, &r);
    recips_free(&r);
    plan_arena_free(a);
}
