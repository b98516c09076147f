/*
 * misenc.c - text that was TCVN3 or VNI bytes, shown as Windows-1252 (or
 * Latin-1) and saved as Unicode: "Së V¨n ho¸" for "Sở Văn hóa" (TCVN3),
 * "Sôû Vaên hoaù" for the same in VNI. Such text is made only of
 * characters U+0000-U+00FF, each standing for one byte, so it can be read
 * again as the bytes it was.
 *
 * Whether it should be is decided word by word with the syllable speller
 * (src/util/syllable.c): a word that is no Vietnamese syllable as written
 * but one when re-read is evidence ("ho¸" → "hóa"); a syllable that stops
 * being one is evidence against ("và" → "vỔ"). Real Vietnamese in Unicode
 * nearly always has letters beyond Latin-1 (ơ, ư, ă, đ, ạ …), so words with
 * such letters are never re-read and split the runs. Only clear runs are
 * reported (see plan_misenc_find in legacy.h): a false alarm on a correct
 * plan costs more than a missed word, which the reader sees anyway.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "load/legacy.h"
#include "util/syllable.h"

/* TCVN 5712:1993 from 0xA0 to 0xFF as glibc decodes it ("TCVN5712-1"), for
 * the bytes TCVN3 text uses for letters; 0 for 0xA0 (no-break space) and
 * 0xB0-0xB4 (combining tone marks, no letters of their own: their Latin-1
 * characters ° ± ² ³ ´ are left alone).
 * tests/unit/test_encoding.c checks every entry against iconv. */
static const uint16_t tcvn3[96] = {
    0,      0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /* A0 */
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, /* A8 */
    0,      0,      0,      0,      0,      0x00E0, 0x1EA3, 0x00E3, /* B0 */
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, /* B8 */
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, /* C0 */
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, /* C8 */
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* D0 */
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, /* D8 */
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /* E0 */
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, /* E8 */
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /* F0 */
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, /* F8 */
};

uint32_t plan_tcvn3_char(unsigned char b)
{
    return b >= 0xA0 ? tcvn3[b - 0xA0] : 0;
}

const char *plan_legacy_name(plan_legacy e)
{
    return e == PLAN_LEGACY_VNI ? "VNI" : "TCVN3";
}

/* A character that can be part of a word: a letter or mark of any script,
 * or a Latin-1 character that is a letter in TCVN3 or VNI (¨ © ® µ ¸ …). */
static int word_cp(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp <= 0xA0)
        return 0;
    if (cp <= 0xFF)
        return cp < 0xB0 || cp > 0xB4;
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00))
        return 1; /* Latin letters, Vietnamese above all: no table lookup */
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* A Latin-1 symbol that no word contains, but TCVN3 uses for letters. */
static int symbol_cp(utf8proc_int32_t cp)
{
    return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) ||
           cp == 0xD7 || cp == 0xF7;
}

int plan_misenc_redecode(const char *w, size_t n, plan_legacy e, plan_buf *out)
{
    unsigned char bytes[64];
    size_t k = 0, i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0 || cp > 0xFF || k == sizeof bytes)
            return -1;
        bytes[k++] = (unsigned char)cp;
        i += (size_t)l;
    }
    size_t saved = out->len;
    if (e == PLAN_LEGACY_VNI) {
        if (plan_vni_decode(bytes, k, out) == k)
            return 0;
    } else {
        size_t j = 0;
        for (; j < k; j++) {
            uint32_t cp = bytes[j] < 0x80 ? bytes[j] : plan_tcvn3_char(bytes[j]);
            if (!cp)
                break;
            utf8proc_uint8_t u[4];
            utf8proc_ssize_t ul = utf8proc_encode_char((utf8proc_int32_t)cp, u);
            plan_buf_append(out, (const char *)u, (size_t)ul);
        }
        if (j == k)
            return 0;
    }
    out->len = saved;
    if (out->data)
        out->data[saved] = '\0';
    return -1;
}

enum { W_ASCII, W_NATIVE, W_LEGACY };

typedef struct word {
    size_t off, len;
    int kind;
    int symbol;     /* a symbol among letters ("ho¸", "N§") */
    int strong[2];  /* clear signs of TCVN3 (a symbol among letters; a capital after a
                       small letter, "LuËt"; a small letter between capitals, "THêI")
                       and of VNI (a vowel and a mark byte, "aâ"; "LuËt" too) */
    int neutral;    /* no evidence either way (see classify) */
    int ascii_small;/* has a small ASCII letter */
    int done[2];    /* before and after[e] computed (detail) */
    int before;     /* a syllable as written (natural case) */
    int after[2];   /* a syllable re-read in TCVN3, in VNI; -1: re-reading changes nothing */
    int full[2];    /* re-read, a syllable with a consonant and three letters or more */
    int abbr[2];    /* re-read, an abbreviation in capitals with Đ or another letter ("NĐ") */
} word;

/* An abbreviation in capitals with a letter beyond ASCII ("NĐ", "TĐKT"). */
static int caps_abbr(const char *s, size_t n)
{
    size_t letters = 0;
    int wide = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
            return 0;
        wide |= cp >= 0x80;
        letters++;
        i += (size_t)l;
    }
    return letters >= 2 && wide;
}

/* A vowel and a VNI mark byte that VNI joins into one letter, as Latin-1
 * characters ("aâ" for â, "oà" for ồ, "ôû" for ở; src/load/vni.c): a
 * small vowel with a small mark, a capital with a capital one. Two table
 * look-ups: the vowels each small mark byte joins, and the vowel of prev
 * (none for anything beyond Latin-1, such as next_sign's 0x100). */
static inline int vni_pair(utf8proc_int32_t prev, utf8proc_int32_t cp)
{
    enum { A = 1, E = 2, O = 4, U = 8, Y = 16, OO = 32 /* ô, ö */ };
    static const unsigned char vowel[256] = {
        ['a'] = A, ['e'] = E, ['o'] = O, ['u'] = U, ['y'] = Y, [0xF4] = OO, [0xF6] = OO,
    };
    static const unsigned char joins[32] = { /* small mark bytes E0-FF */
        [0x00] = A | E | O, [0x01] = A | E | O, [0x02] = A | E | O, /* à á â: circumflex */
        [0x03] = A | E | O, [0x04] = A | E | O, [0x05] = A | E | O, /* ã ä å */
        [0x08] = A, [0x09] = A, [0x0A] = A, [0x0B] = A,             /* è é ê ë: breve */
        [0x1A] = A, [0x1C] = A,                                     /* ú ü */
        [0x0F] = A | E | O | U | OO,                                /* ï: tone, not after y */
        [0x15] = A | E | O | U | Y | OO, [0x18] = A | E | O | U | Y | OO, /* õ ø: tones */
        [0x19] = A | E | O | U | Y | OO, [0x1B] = A | E | O | U | Y | OO, /* ù û */
    };
    int upper = (prev >= 'A' && prev <= 'Z') || prev == 0xD4 || prev == 0xD6;
    utf8proc_int32_t v = upper ? prev + 0x20 : prev, m = upper ? cp + 0x20 : cp;
    if (upper && (cp < 0xC0 || cp > 0xDF))
        return 0;
    if (m < 0xE0 || m > 0xFF || v < 0 || v > 0xFF)
        return 0;
    return (joins[m - 0xE0] & vowel[v]) != 0;
}

int plan_vni_pair(uint32_t prev, uint32_t cp)
{
    return prev <= 0x10FFFF && cp <= 0x10FFFF && vni_pair((utf8proc_int32_t)prev, (utf8proc_int32_t)cp);
}

/* Quotation marks and inverted marks of other languages: at the edge of a
 * word they are punctuation ("»%s«"), though TCVN3 spells ô and ằ with « ». */
static int quote_cp(utf8proc_int32_t cp)
{
    return cp == 0xAB || cp == 0xBB || cp == 0xA1 || cp == 0xBF;
}

/* Starts with a consonant and has three letters or more ("hóa", not "ẳn"):
 * a single word is evidence only when it looks like this once re-read. */
static int full_syllable(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0)
        return 0;
    utf8proc_int32_t lc = utf8proc_tolower(cp);
    int consonant = lc == 0x0111 || (lc >= 'a' && lc <= 'z' && !strchr("aeiouy", (int)lc));
    return consonant && plan_utf8_count(s, n) >= 3;
}

static int small_cp(utf8proc_int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

/* Classifies text[off..off+len) from its characters alone: its kind, the
 * signs of each encoding, whether it is evidence at all. */
static void classify(const char *text, word *w)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text + w->off;
    int ascii_letter = 0, ascii_small = 0, symbol = 0, small = 0, chars = 0;
    int upper_after_small = 0, vowel_mark = 0, inner_legacy = 0, small_in_caps = 0;
    utf8proc_int32_t prev = 0, prev2 = 0;
    memset(&w->kind, 0, sizeof *w - offsetof(word, kind));
    w->kind = W_ASCII;
    /* Most words decide at once: all ASCII, or a character above U+00FF
     * (a lead byte from C4 on). Only words of Latin-1 letters and ASCII go
     * through the loop below. */
    int latin1 = 0;
    for (size_t i = 0; i < w->len; i++) {
        unsigned char b = p[i];
        if (b >= 0xC4) {
            w->kind = W_NATIVE;
            return;
        }
        latin1 |= b >= 0x80;
    }
    if (!latin1)
        return;
    for (size_t i = 0; i < w->len;) {
        uint32_t ucp;
        size_t l = plan_utf8_decode((const char *)p + i, &ucp);
        utf8proc_int32_t cp = (utf8proc_int32_t)ucp;
        if (cp > 0xFF) {
            w->kind = W_NATIVE;
            return;
        }
        int edge = chars == 0 || i + (size_t)l == w->len;
        i += (size_t)l;
        chars++;
        if (cp >= 0x80)
            w->kind = W_LEGACY;
        if (cp >= 0x80 && !(edge && quote_cp(cp)))
            inner_legacy = 1;
        ascii_letter |= cp < 0x80;
        ascii_small |= cp >= 'a' && cp <= 'z';
        symbol |= symbol_cp(cp);
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 && small)
            upper_after_small = 1;
        /* A small Latin-1 letter between capitals ("THêI"): text typed for
         * an upper-case font. */
        if (cp >= 'A' && cp <= 'Z' && small_cp(prev) && prev >= 0xDF && prev2 >= 'A' &&
            prev2 <= 'Z')
            small_in_caps = 1;
        /* A vowel and a VNI mark byte ("aâ", "ôû"): no language spells so. */
        if (prev && vni_pair(prev, cp))
            vowel_mark = 1;
        small |= small_cp(cp);
        prev2 = prev;
        prev = cp;
    }
    if (w->kind != W_LEGACY)
        return;
    w->symbol = symbol && ascii_letter;
    w->strong[PLAN_LEGACY_TCVN3] = w->symbol || upper_after_small || small_in_caps;
    w->strong[PLAN_LEGACY_VNI] = vowel_mark || upper_after_small;
    /* No evidence either way, though repaired within a run: a symbol on its
     * own ("×" in a price, "«" for "ô"), or a word whose only legacy
     * characters are quotation marks at its edges ("»%s«", "c«" for "cô"). */
    w->neutral = (chars == 1 && symbol) || !inner_legacy;
    w->ascii_small = ascii_small;
}

/* Spells w as written and re-read in e, once: the costly part, done only
 * for runs that show a sign of e (see pieces). */
static void detail(const char *text, word *w, plan_legacy e, plan_buf *tmp)
{
    if (w->kind != W_LEGACY || w->done[e])
        return;
    const char *s = text + w->off;
    /* No syllable is this long; such a token is scored as neither. */
    if (w->len > 48) {
        w->done[0] = w->done[1] = 1;
        return;
    }
    if (!w->done[0] && !w->done[1])
        w->before = plan_syllable_valid(s, w->len, 0);
    w->done[e] = 1;
    plan_buf_reset(tmp);
    if (plan_misenc_redecode(s, w->len, e, tmp) != 0)
        return;
    if (tmp->len == w->len && memcmp(tmp->data, s, w->len) == 0) {
        w->after[e] = -1;
        return;
    }
    /* Natural case, or capitals typed for a ".VnTimeH" font, which draws
     * them from small-letter bytes: "THÓ" re-read is "THể" (no small ASCII
     * letter), but "và" re-read is not "vỔ". */
    w->after[e] = plan_syllable_valid(tmp->data, tmp->len, 0) ||
                  (!w->ascii_small && plan_syllable_valid(tmp->data, tmp->len, 1));
    w->abbr[e] = !w->after[e] && caps_abbr(tmp->data, tmp->len);
    w->full[e] = (w->after[e] && full_syllable(tmp->data, tmp->len)) || (w->abbr[e] && w->symbol);
}

/* Evidence: a syllable only when re-read, or an abbreviation that a symbol
 * spelt ("N§" → "NĐ"). */
static int sure(const word *w, plan_legacy e)
{
    return !w->before && (w->after[e] > 0 || (w->abbr[e] && w->symbol));
}

static void score_word(const word *w, plan_legacy e, plan_misenc_score *s)
{
    if (w->kind != W_LEGACY || w->after[e] < 0 || w->neutral)
        return;
    if (sure(w, e)) {
        s->gain++;
        s->strong += (unsigned)w->strong[e];
        s->strong_full += (unsigned)(w->strong[e] && w->full[e]);
    } else if (w->before && w->after[e]) {
        s->both++;
    } else if (w->before) {
        s->loss++;
    } else if (w->abbr[e]) {
        s->abbr++;
    } else {
        s->none++;
    }
}

/* A clear case: a word with a sign no real text has ("ho¸", "aâ"), enough
 * words that only the re-reading makes Vietnamese, none that it spoils, and
 * few that stay foreign either way. */
static int clear_case(const plan_misenc_score *s)
{
    if (s->loss || !s->strong)
        return 0;
    if (s->gain >= 2)
        return s->gain >= 4 * s->none;
    return s->strong_full == 1 && s->none == 0;
}

/* Words of text[from..to), split at white space, punctuation and digits. */
static size_t split_words(const char *text, size_t from, size_t to, word **v, size_t *cap)
{
    size_t n = 0, i = from, start = 0;
    int in = 0;
    while (i <= to) {
        uint32_t cp = 0;
        size_t l = 1;
        if (i < to)
            l = plan_utf8_decode(text + i, &cp);
        int wc = i < to && word_cp(cp);
        if (wc && !in) {
            in = 1;
            start = i;
        } else if (!wc && in) {
            in = 0;
            if (n == *cap) {
                *cap = *cap ? *cap * 2 : 64;
                *v = plan_xrealloc(*v, *cap * sizeof **v);
            }
            (*v)[n].off = start;
            (*v)[n].len = i - start;
            n++;
        }
        i += (size_t)l;
    }
    return n;
}

void plan_misenc_score_text(const char *text, size_t n, plan_legacy e, plan_misenc_score *s)
{
    memset(s, 0, sizeof *s);
    word *v = NULL;
    size_t cap = 0, nw = split_words(text, 0, n, &v, &cap);
    plan_buf tmp = PLAN_BUF_INIT;
    for (size_t i = 0; i < nw; i++) {
        classify(text, &v[i]);
        detail(text, &v[i], e, &tmp);
        score_word(&v[i], e, s);
    }
    plan_buf_free(&tmp);
    free(v);
}

/* Two capitals or more and no small letter among the ASCII letters: a word
 * typed for an upper-case font ("THÓ"), whose re-read small letters are
 * meant as capitals. */
static int all_caps(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        caps += s[i] >= 'A' && s[i] <= 'Z';
    }
    return caps >= 2;
}

typedef struct runs {
    plan_misenc *v;
    size_t n, cap;
} runs;

/* Repairs words v[a..b) of one run in encoding e; mixed says whether the
 * text around holds real Unicode Vietnamese. */
static void add_run(runs *r, const char *text, const word *v, size_t a, size_t b, plan_legacy e,
                    int mixed, const plan_misenc_score *sc)
{
    size_t first_gain = b, last_gain = a;
    for (size_t i = a; i < b; i++)
        if (v[i].kind == W_LEGACY && !v[i].neutral && sure(&v[i], e)) {
            if (first_gain == b)
                first_gain = i;
            last_gain = i;
        }
    /* Text typed for a capitals font: no small ASCII letter in the run and
     * two capitals or more. Its re-read small letters are capitals. */
    size_t caps = 0;
    int small = 0;
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < v[i].len; k++) {
            char ch = text[v[i].off + k];
            caps += ch >= 'A' && ch <= 'Z';
            small |= ch >= 'a' && ch <= 'z';
        }
    int caps_run = !small && caps >= 2;
    plan_buf fixed = PLAN_BUF_INIT;
    size_t start = 0, end = 0, words = 0;
    for (size_t i = a; i < b; i++) {
        const word *w = &v[i];
        if (w->kind != W_LEGACY || (w->after[e] <= 0 && !w->abbr[e]))
            continue;
        if ((w->neutral || !sure(w, e)) && mixed && (i < first_gain || i > last_gain))
            continue;
        if (!words)
            start = w->off;
        else
            plan_buf_append(&fixed, text + end, w->off - end);
        size_t at = fixed.len;
        plan_misenc_redecode(text + w->off, w->len, e, &fixed);
        if (caps_run || all_caps(text + w->off, w->len)) {
            char *up = plan_utf8_upper(fixed.data + at);
            fixed.len = at;
            plan_buf_puts(&fixed, up);
            free(up);
        }
        end = w->off + w->len;
        words++;
    }
    if (!words) {
        plan_buf_free(&fixed);
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->v = plan_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    plan_misenc *m = &r->v[r->n++];
    m->off = start;
    m->len = end - start;
    m->enc = e;
    m->fixed = fixed.data ? fixed.data : plan_xstrdup("");
    m->fixed_len = fixed.len;
    m->words = (unsigned)words;
    m->score = *sc;
}

/* Splits v[a..b) at the words that re-reading in e spoils ("và", real
 * Vietnamese in Latin-1 letters: the text around a pasted run) and adds
 * (when r is set) each piece that is a clear case. Returns the words
 * gained. A run without a sign of e cannot be clear, and is not spelt. */
static unsigned pieces(runs *r, const char *text, word *v, size_t a, size_t b, plan_legacy e,
                       int mixed, plan_buf *tmp)
{
    int sign = 0;
    for (size_t i = a; i < b && !sign; i++)
        sign = v[i].kind == W_LEGACY && v[i].strong[e];
    if (!sign)
        return 0;
    /* Only a sure word with a sign makes a piece clear (score_word counts
     * it in strong): when no word with a sign is one, no piece is clear.
     * Spelling those words first spares spelling the rest of the run. */
    int sure_sign = 0;
    for (size_t i = a; i < b && !sure_sign; i++) {
        if (v[i].kind != W_LEGACY || !v[i].strong[e] || v[i].neutral)
            continue;
        detail(text, &v[i], e, tmp);
        sure_sign = v[i].after[e] >= 0 && sure(&v[i], e);
    }
    if (!sure_sign)
        return 0;
    int cut = 0;
    for (size_t i = a; i < b; i++) {
        detail(text, &v[i], e, tmp);
        cut |= v[i].kind == W_LEGACY && !v[i].neutral && v[i].before && v[i].after[e] == 0;
    }
    unsigned gained = 0;
    size_t from = a;
    for (size_t i = a; i <= b; i++) {
        int spoilt = i < b && v[i].kind == W_LEGACY && !v[i].neutral && v[i].before &&
                     v[i].after[e] == 0;
        if (i < b && !spoilt)
            continue;
        plan_misenc_score s;
        memset(&s, 0, sizeof s);
        for (size_t j = from; j < i; j++)
            score_word(&v[j], e, &s);
        if (i > from && clear_case(&s)) {
            gained += s.gain;
            if (r)
                add_run(r, text, v, from, i, e, mixed || cut, &s);
        }
        from = i + 1;
    }
    return gained;
}

/* Keeps the clear pieces of v[a..b) in the encoding that explains more
 * words. */
static void judge(runs *r, const char *text, word *v, size_t a, size_t b, int mixed,
                  plan_buf *tmp)
{
    unsigned g0 = pieces(NULL, text, v, a, b, PLAN_LEGACY_TCVN3, mixed, tmp);
    unsigned g1 = pieces(NULL, text, v, a, b, PLAN_LEGACY_VNI, mixed, tmp);
    if (g0 || g1)
        pieces(r, text, v, a, b, g1 > g0 ? PLAN_LEGACY_VNI : PLAN_LEGACY_TCVN3, mixed, tmp);
}

/* The code point of text[from..to) that ends just before i, and its start
 * in *at; -1 at from. */
static utf8proc_int32_t cp_before(const char *text, size_t from, size_t i, size_t *at)
{
    if (i <= from)
        return -1;
    size_t j = i - 1;
    while (j > from && ((unsigned char)text[j] & 0xC0) == 0x80)
        j--;
    uint32_t cp;
    plan_utf8_decode(text + j, &cp);
    *at = j;
    return (utf8proc_int32_t)cp;
}

/* The Latin-1 character at t[i] (lead byte C2 or C3, i + 1 < b), or -1
 * when t[i] starts another character or lies outside [a, b). */
static int latin1_at(const unsigned char *t, size_t a, size_t b, size_t i)
{
    if (i < a || i + 1 >= b || (t[i] & 0xFE) != 0xC2)
        return -1;
    return (int)(((t[i] & 0x1Fu) << 6) | (t[i + 1] & 0x3Fu));
}

/* The character before position i of [a, b) as the signs need it: an ASCII
 * byte, a Latin-1 character, 0x100 for anything else, 0 at a. */
static utf8proc_int32_t sign_prev(const unsigned char *t, size_t a, size_t b, size_t i)
{
    if (i <= a)
        return 0;
    if (t[i - 1] < 0x80)
        return t[i - 1];
    int l = i >= a + 2 ? latin1_at(t, a, b, i - 2) : -1;
    return l >= 0 ? l : 0x100;
}

/* 1 when the Latin-1 character at t[i] (lead byte C2 or C3) may be where
 * a sign that classify looks for is: a symbol, a capital after a letter, a
 * small letter between two capitals, or either half of a VNI vowel and
 * mark. Every sign of a word needs one; most text has none. The cheap and
 * decisive tests first: most letters of real text fail each of them, and
 * the character after i is read only for the two tests that need it. */
static inline int sign_at(const unsigned char *t, size_t a, size_t b, size_t i)
{
    int cp = latin1_at(t, a, b, i);
    if (cp < 0)
        return 0;
    if (symbol_cp(cp))
        return 1;
    utf8proc_int32_t prev = sign_prev(t, a, b, i);
    int prev_cap = prev >= 'A' && prev <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE &&
        ((prev >= 'a' && prev <= 'z') || prev_cap || prev >= 0x80)) /* after a letter */
        return 1;
    if (cp >= 0xC0 && prev && vni_pair(prev, cp))
        return 1;
    int oo = (cp | 0x20) == 0xF4 || (cp | 0x20) == 0xF6;
    if (!oo && !(cp >= 0xDF && prev_cap))
        return 0;
    utf8proc_int32_t next = i + 2 < b ? (t[i + 2] < 0x80 ? t[i + 2] : 0x100) : 0;
    int n2 = latin1_at(t, a, b, i + 2);
    if (n2 >= 0)
        next = n2;
    if (cp >= 0xDF && prev_cap && next >= 'A' && next <= 'Z')
        return 1; /* a small letter between capitals */
    return oo && next && next < 0x100 && vni_pair(cp, next);
}

/* 1 for the commonest Latin-1 letter of real text, which sign_at need not
 * see: a small letter other than ô, ö and the sign ÷ (C3 A0-BF but B4, B6,
 * B7) at the start of [a, b) or after an ASCII byte that is no capital and
 * none of the vowels a, e, o, u, y. None of sign_at's tests can hold for
 * it: no symbol, no capital, no capital before it, no vowel before it to
 * join, no ô or ö to join the next character (checked on every triple of
 * characters when this was written). */
static inline int quiet_at(const unsigned char *t, size_t a, size_t b, size_t j)
{
    /* the ASCII bytes 40-7F before which a small letter may be a sign */
    static const uint64_t loud = 0x7FFFFFEULL /* A-Z */ | 1ULL << ('a' - 0x40) |
                                 1ULL << ('e' - 0x40) | 1ULL << ('o' - 0x40) |
                                 1ULL << ('u' - 0x40) | 1ULL << ('y' - 0x40);
    if (j + 1 >= b || t[j] != 0xC3 || t[j + 1] < 0xA0 || t[j + 1] == 0xB4 || t[j + 1] == 0xB6 ||
        t[j + 1] == 0xB7)
        return 0;
    if (j <= a)
        return 1;
    unsigned p = t[j - 1];
    return p < 0x40 || (p < 0x80 && !(loud >> (p - 0x40) & 1));
}

/* A position of text[a..b) from i on where sign_at holds, or b. Eight
 * bytes at a time: bytes that cannot start a Latin-1 character are passed
 * over, and each C2 or C3 byte among the eight is found from one mask
 * (exact in every byte: no borrow from one byte into the next), so that a
 * text with a Latin-1 letter every few bytes, as Vietnamese is, reads each
 * byte once; most of those letters are quiet_at. */
static size_t next_sign(const unsigned char *t, size_t a, size_t b, size_t i)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= b) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        uint64_t x = (w ^ 0xC2C2C2C2C2C2C2C2ULL) & 0xFEFEFEFEFEFEFEFEULL; /* 0: C2, C3 */
        uint64_t hit = ~(((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x) &
                       0x8080808080808080ULL;
        while (hit) {
            size_t j = i + ((size_t)__builtin_ctzll(hit) >> 3);
            if (!quiet_at(t, a, b, j) && sign_at(t, a, b, j))
                return j;
            hit &= hit - 1;
        }
        i += 8;
    }
#endif
    for (; i < b; i++)
        if ((t[i] & 0xFE) == 0xC2 && !quiet_at(t, a, b, i) && sign_at(t, a, b, i))
            return i;
    return b;
}

int plan_misenc_sign_at(const char *text, size_t a, size_t b, size_t j, int *quiet)
{
    const unsigned char *t = (const unsigned char *)text;
    *quiet = quiet_at(t, a, b, j);
    return sign_at(t, a, b, j);
}

/* The first word of text[a..b) that shows a sign of TCVN3 or VNI and is no
 * syllable as written, as a position in it, or b: only such a word can
 * make a run clear (pieces), so a segment without one need not be split
 * and classified. The words are those of split_words; only the words
 * around a possible sign are looked at. [a, b) may hold many segments
 * (find): no word crosses a delimiter ('<', '>', NUL: no letter), and a
 * delimiter before or after a character counts as a or b does, so each
 * word is judged as it would be in its own segment. memo keeps the
 * spelling of the last words asked ("toàn", "hoàn" in real text have the
 * VNI sign "oà" and are syllables). */
typedef struct spell_memo {
    char w[8][16];
    unsigned char len[8];
    signed char ok[8];
} spell_memo;

static int syllable_memo(spell_memo *m, const char *s, size_t n)
{
    if (n > sizeof m->w[0])
        return plan_syllable_valid(s, n, 0);
    unsigned h = (unsigned)n;
    for (size_t i = 0; i < n; i++)
        h = h * 31u + (unsigned char)s[i];
    h &= 7u;
    if (m->ok[h] >= 0 && m->len[h] == n && memcmp(m->w[h], s, n) == 0)
        return m->ok[h];
    int ok = plan_syllable_valid(s, n, 0);
    memcpy(m->w[h], s, n);
    m->len[h] = (unsigned char)n;
    m->ok[h] = (signed char)(ok != 0);
    return ok;
}

static size_t first_suspect(const char *text, size_t a, size_t b, spell_memo *memo)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = a;
    while ((i = next_sign(t, a, b, i)) < b) {
        if (!word_cp(latin1_at(t, a, b, i))) { /* ° ± ² ³ ´ split words */
            i += 2;
            continue;
        }
        /* The word around i, bounded as split_words bounds it. */
        size_t ws = i, we = i + 2, at;
        utf8proc_int32_t cp;
        while ((cp = cp_before(text, a, ws, &at)) >= 0 && word_cp(cp))
            ws = at;
        while (we < b) {
            uint32_t u;
            size_t l = plan_utf8_decode(text + we, &u);
            if (!word_cp((utf8proc_int32_t)u))
                break;
            we += l;
        }
        word w = {.off = ws, .len = we - ws};
        classify(text, &w);
        if (w.kind == W_LEGACY && (w.strong[0] || w.strong[1]) && !w.neutral && w.len <= 48 &&
            !syllable_memo(memo, text + ws, w.len))
            return i;
        i = we;
    }
    return b;
}

static size_t find(const char *text, size_t n, plan_misenc **out, int gate)
{
    runs r = {NULL, 0, 0};
    word *v = NULL;
    size_t cap = 0;
    plan_buf tmp = PLAN_BUF_INIT;
    spell_memo memo;
    memset(memo.ok, -1, sizeof memo.ok);
    size_t seg = 0;
    const unsigned char *t = (const unsigned char *)text;
    while (seg <= n) {
        size_t end;
        if (gate) {
            /* Straight to the next suspect word, over all the segments
             * before it (most text has none), and only its segment is
             * split and classified. */
            size_t i = first_suspect(text, seg, n, &memo);
            if (i >= n)
                break;
            end = i + strcspn(text + i, "<>");
            if (end > n)
                end = n;
            while (i > seg && t[i - 1] != '<' && t[i - 1] != '>' && t[i - 1] != '\0')
                i--;
            seg = i;
        } else {
            /* A segment: text between markup delimiters, so that no run
             * crosses from one element (or attribute) into another. */
            end = seg + strcspn(text + seg, "<>");
            if (end > n)
                end = n;
        }
        size_t nw = split_words(text, seg, end, &v, &cap);
        int legacy = 0, mixed = 0;
        for (size_t i = 0; i < nw; i++) {
            classify(text, &v[i]);
            legacy |= v[i].kind == W_LEGACY;
            mixed |= v[i].kind == W_NATIVE;
        }
        if (legacy) {
            size_t a = 0;
            for (size_t i = 0; i <= nw; i++)
                if (i == nw || v[i].kind == W_NATIVE) {
                    if (i > a)
                        judge(&r, text, v, a, i, mixed, &tmp);
                    a = i + 1;
                }
        }
        seg = end + 1;
    }
    plan_buf_free(&tmp);
    free(v);
    *out = r.v;
    return r.n;
}

size_t plan_misenc_find(const char *text, size_t n, plan_misenc **out)
{
    return find(text, n, out, 1);
}

size_t plan_misenc_find_full(const char *text, size_t n, plan_misenc **out)
{
    return find(text, n, out, 0);
}

void plan_misenc_free(plan_misenc *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].fixed);
    free(v);
}
