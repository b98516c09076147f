/*
 * utf8.c - UTF-8 validation, NFC and the folded keys used to match office
 * names, on top of utf8proc.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "plan/util.h"
#include "util/tone.h"

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The exact check, a byte (a code point) at a time, from i, a byte that
 * starts a sequence, to n. */
static size_t valid_from(const unsigned char *p, size_t i, size_t n)
{
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c == 0)
                return i;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { /* two bytes: Latin-1, Latin Extended */
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
                return i;
            i += 2;
            continue;
        }
        if (c >= 0xE0 && c <= 0xEF) { /* three bytes: U+1E00 Vietnamese, punctuation */
            if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
                (c == 0xE0 && p[i + 1] < 0xA0) || /* overlong */
                (c == 0xED && p[i + 1] >= 0xA0))  /* a surrogate */
                return i;
            i += 3;
            continue;
        }
        if (c < 0xF0 || c > 0xF4)
            return i;
        if (i + 3 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
            (p[i + 3] & 0xC0) != 0x80 || (c == 0xF0 && p[i + 1] < 0x90) || /* overlong */
            (c == 0xF4 && p[i + 1] >= 0x90))                                /* beyond U+10FFFF */
            return i;
        i += 4;
    }
    return n;
}

/* UTF-8 (NUL excluded) as an automaton of nine states, each a multiple of
 * 6 below 64: the next state after byte b in state s is bits s..s+5 of
 * utf8_dfa[b], so that one step is one shift, with no branch on the byte
 * and nothing else on the chain from byte to byte. ERROR is 0: every
 * byte leaves it as it is. */
enum {
    U8_ERROR = 0,
    U8_ACCEPT = 6,
    U8_CONT1 = 12, /* one continuation byte to come */
    U8_CONT2 = 18,
    U8_CONT3 = 24,
    U8_E0 = 30, /* after E0: A0–BF (no overlong form), then one */
    U8_ED = 36, /* after ED: 80–9F (no surrogate), then one */
    U8_F0 = 42, /* after F0: 90–BF (no overlong form), then two */
    U8_F4 = 48, /* after F4: 80–8F (nothing beyond U+10FFFF), then two */
};
static uint64_t utf8_dfa[256];
static pthread_once_t dfa_once = PTHREAD_ONCE_INIT;
static int dfa_ready;
static void norm_dfa_init(void);

static void dfa_init(void)
{
    norm_dfa_init();
    for (unsigned b = 0; b < 256; b++) {
        uint64_t t = 0;
#define U8_NEXT(from, to) (t |= (uint64_t)(to) << (from))
        if (b >= 0x01 && b < 0x80)
            U8_NEXT(U8_ACCEPT, U8_ACCEPT);
        else if (b >= 0xC2 && b <= 0xDF)
            U8_NEXT(U8_ACCEPT, U8_CONT1);
        else if (b == 0xE0)
            U8_NEXT(U8_ACCEPT, U8_E0);
        else if (b == 0xED)
            U8_NEXT(U8_ACCEPT, U8_ED);
        else if (b >= 0xE1 && b <= 0xEF)
            U8_NEXT(U8_ACCEPT, U8_CONT2);
        else if (b == 0xF0)
            U8_NEXT(U8_ACCEPT, U8_F0);
        else if (b == 0xF4)
            U8_NEXT(U8_ACCEPT, U8_F4);
        else if (b >= 0xF1 && b <= 0xF3)
            U8_NEXT(U8_ACCEPT, U8_CONT3);
        if (b >= 0x80 && b <= 0xBF) {
            U8_NEXT(U8_CONT1, U8_ACCEPT);
            U8_NEXT(U8_CONT2, U8_CONT1);
            U8_NEXT(U8_CONT3, U8_CONT2);
            if (b >= 0xA0)
                U8_NEXT(U8_E0, U8_CONT1);
            else
                U8_NEXT(U8_ED, U8_CONT1);
            if (b >= 0x90)
                U8_NEXT(U8_F0, U8_CONT2);
            else
                U8_NEXT(U8_F4, U8_CONT2);
        }
#undef U8_NEXT
        utf8_dfa[b] = t;
    }
}

/* Eight steps of an automaton (the state t) over p[0..8), written out: no
 * branch at all, not even the loop's. Returns the state after them. */
static inline uint64_t dfa_run8(const uint64_t *dfa, const unsigned char *p, uint64_t t)
{
    t = dfa[p[0]] >> (t & 63);
    t = dfa[p[1]] >> (t & 63);
    t = dfa[p[2]] >> (t & 63);
    t = dfa[p[3]] >> (t & 63);
    t = dfa[p[4]] >> (t & 63);
    t = dfa[p[5]] >> (t & 63);
    t = dfa[p[6]] >> (t & 63);
    t = dfa[p[7]] >> (t & 63);
    return t & 63;
}

/* init run once (pthread_once), behind a test of *ready that costs no
 * call once it has run: the tables below are read for every text. */
static inline void once_ready(int *ready, pthread_once_t *once, void (*init)(void))
{
    if (!__atomic_load_n(ready, __ATOMIC_ACQUIRE)) {
        pthread_once(once, init);
        __atomic_store_n(ready, 1, __ATOMIC_RELEASE);
    }
}

/* The tables of the automata, built once. */
static inline void dfa_ready_check(void)
{
    once_ready(&dfa_ready, &dfa_once, dfa_init);
}

/* Eight bytes at a time through the automaton, unrolled, without a branch
 * on what they hold; where the state is ERROR after a block (a bad byte,
 * a NUL), and for the last bytes, the plain check takes over from the
 * start of the sequence the block began in, which gives the exact place.
 * The automaton only ever says "all valid so far". */
size_t plan_utf8_valid_prefix(const char *s, size_t n)
{
    dfa_ready_check();
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    uint64_t st = U8_ACCEPT; /* the state at p + i */
    while (i + 8 <= n) {
        uint64_t t = dfa_run8(utf8_dfa, p + i, st);
        if (t == U8_ERROR)
            break;
        st = t;
        i += 8;
    }
    if (st != U8_ACCEPT) /* back to the lead byte of the sequence cut at i */
        do
            i--;
        while ((p[i] & 0xC0) == 0x80);
    return valid_from(p, i, n);
}

size_t plan_utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* NFC (plus options) of s[0..n); caller frees. Returns NULL on bad input. */
static char *map(const char *s, size_t n, int opts)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                      &out, (utf8proc_option_t)(UTF8PROC_STABLE | opts));
    if (r < 0)
        return NULL;
    return (char *)out;
}

static int is_space_at(const char *s, size_t i, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        *len = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
        *len = 2;
        return 1;
    }
    return 0;
}

/* Folds white space into one space and trims; result in a malloc'd string. */
static char *fold_space(const char *s, size_t n)
{
    char *out = plan_xmalloc(n + 1);
    size_t o = 0, i = 0, w;
    int pending = 0;
    while (i < n) {
        if (is_space_at(s, i, n, &w)) {
            pending = o > 0;
            i += w;
            continue;
        }
        if (pending)
            out[o++] = ' ';
        pending = 0;
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* 1 when s is NFC for certain without asking utf8proc: every code point is
 * one that NFC leaves alone and that nothing before it can combine with —
 * ASCII, U+0080–U+02FF, the precomposed letters U+1E00–U+1EFF, and the
 * punctuation U+2010–U+205F. This is nearly all Vietnamese text; the rest
 * (combining marks above all) goes through utf8proc. tests/unit/test_text.c
 * checks the ranges against utf8proc. */
int plan_utf8_is_nfc_fast(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        uint32_t cp;
        p += plan_utf8_decode((const char *)p, &cp);
        if (!(cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2010 && cp < 0x2060)))
            return 0;
    }
    return 1;
}

/* What plan_text_normalize copies as it is, as an automaton over the
 * bytes (the one of plan_utf8_valid_prefix explains the encoding): STOP
 * at the first byte that needs a look — NUL, control characters and
 * white space, except one space after a byte that is none of these (one
 * space between words), and in the new style (and with the tone test)
 * every byte beyond ASCII. In the old style (or with no tone test) the
 * letters that are NFC for certain and cannot start a change of tone
 * style are copied too: C3–CB xx (U+00C0–U+02FF) and E1 B8–BB xx
 * (U+1E00–U+1EFF), unless the byte before is o or u (hoà: the quick test
 * of tone placement looks at the letter). [0] old style, [1] new. */
enum {
    N_STOP = 0,
    N_TEXT = 6,   /* after a byte copied that is no space */
    N_SPACE = 12, /* after a space, or at the start: white space stops */
    N_OU = 18,    /* after o, O, u or U: a letter beyond ASCII stops */
    N_CONT = 24,  /* one continuation byte to come */
    N_E1 = 30,    /* after E1: B8–BB, then one */
};
static uint64_t norm_dfa[2][256];

static void norm_dfa_init(void)
{
    for (int style = 0; style < 2; style++)
        for (unsigned b = 0; b < 256; b++) {
            uint64_t t = 0;
#define N_NEXT(from, to) (t |= (uint64_t)(to) << (from))
            unsigned l = b | 0x20;
            if (b > ' ' && b < 0x80) {
                unsigned to = l == 'o' || l == 'u' ? N_OU : N_TEXT;
                N_NEXT(N_TEXT, to);
                N_NEXT(N_SPACE, to);
                N_NEXT(N_OU, to);
            } else if (b == ' ') {
                N_NEXT(N_TEXT, N_SPACE);
                N_NEXT(N_OU, N_SPACE);
            } else if (style == 0 && b >= 0xC3 && b <= 0xCB) {
                N_NEXT(N_TEXT, N_CONT);
                N_NEXT(N_SPACE, N_CONT);
            } else if (style == 0 && b == 0xE1) {
                N_NEXT(N_TEXT, N_E1);
                N_NEXT(N_SPACE, N_E1);
            }
            if (b >= 0x80 && b <= 0xBF)
                N_NEXT(N_CONT, N_TEXT);
            if (b >= 0xB8 && b <= 0xBB)
                N_NEXT(N_E1, N_CONT);
#undef N_NEXT
            norm_dfa[style][b] = t;
        }
}

/* One pass: white space folded (as fold_space does) straight into the
 * arena, the NFC quick check (as plan_utf8_is_nfc_fast) and, when may is
 * not NULL, the quick test of plan_tone_place on the way; only text that
 * fails the NFC check goes through utf8proc. The bytes that need no look
 * (norm_dfa: printable ASCII, single spaces, most Vietnamese letters in
 * the old style) are found by an automaton, eight bytes a step, and copied
 * at once; the rest is looked at one code point (or one run of white
 * space) at a time. Like the strings it was made from, the result ends at
 * a NUL byte of s. tests/unit/test_util.c and test_utf8.c compare it with
 * white space folded then utf8proc's NFC. */
char *plan_text_normalize_styled(plan_arena *a, const char *s, size_t n, plan_tone_style style,
                                 int *may)
{
    char *out = plan_arena_alloc(a, n + 1); /* folding never lengthens */
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;
    int nfc = 1, moves = 0, nul = 0;
    const uint64_t *dfa = norm_dfa[!(!may || style == PLAN_TONE_OLD)];
    dfa_ready_check();
    while (i < n) {
        /* The bytes copied as they are, through the automaton: eight at a
         * time (no branch on what they hold) while they pass, then one by
         * one to the first that stops. The state at i comes from the byte
         * before, as the automaton would have left it: the loop starts
         * again after one code point, or one run of white space. */
        uint64_t st = N_SPACE;
        if (i > 0) {
            unsigned b = p[i - 1], l = b | 0x20;
            st = b <= ' ' ? N_SPACE : l == 'o' || l == 'u' ? N_OU : N_TEXT;
        }
        size_t j = i;
        while (j + 8 <= n) {
            uint64_t t = dfa_run8(dfa, p + j, st);
            if (t == N_STOP)
                break;
            st = t;
            j += 8;
        }
        for (; j < n; j++) {
            uint64_t t = (dfa[p[j]] >> st) & 63;
            if (t == N_STOP)
                break;
            st = t;
        }
        if (st == N_CONT || st == N_E1) /* stopped in a letter: back to its lead byte */
            do
                j--;
            while ((p[j] & 0xC0) == 0x80);
        memcpy(out + o, p + i, j - i);
        o += j - i;
        i = j;
        if (i >= n)
            break;
        unsigned c = p[i];
        if (c - 0x21u < 0x5Fu) { /* printable ASCII (and a space copied above) */
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0)) {
            /* A run of white space (NBSP too): one space between words,
             * none at the start; one at the end is taken back below. */
            for (;;) {
                if (i < n && (p[i] == ' ' || (p[i] >= '\t' && p[i] <= '\r')))
                    i++;
                else if (i + 1 < n && p[i] == 0xC2 && p[i + 1] == 0xA0)
                    i += 2;
                else
                    break;
            }
            if (o > 0 && out[o - 1] != ' ' && i < n)
                out[o++] = ' ';
            continue;
        }
        if (c == 0) {
            nul = 1;
            break;
        }
        if (c < 0xC0) { /* other control characters; the end of a letter copied above */
            out[o++] = (char)c;
            i++;
            continue;
        }
        /* The NFC quick check from the bytes: below U+0300 (lead bytes up
         * to CB), U+1E00–U+1EFF (E1 B8–BB), U+2010–U+205F (E2 80 90 – E2
         * 81 9F); anything else asks utf8proc. */
        size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > n - i) { /* cut short: cannot happen in valid UTF-8 */
            memcpy(out + o, s + i, n - i);
            o += n - i;
            i = n;
            nfc = 0;
            break;
        }
        if (k == 2) {
            nfc &= c < 0xCC;
            out[o] = (char)c;
            out[o + 1] = (char)p[i + 1];
        } else {
            if (k != 3 || !((c == 0xE1 && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB) ||
                            (c == 0xE2 && ((p[i + 1] == 0x80 && p[i + 2] >= 0x90) ||
                                           (p[i + 1] == 0x81 && p[i + 2] < 0xA0)))))
                nfc = 0;
            out[o] = (char)c;
            out[o + 1] = (char)p[i + 1];
            out[o + 2] = (char)p[i + 2];
            if (k == 4)
                out[o + 3] = (char)p[i + 3];
        }
        /* The quick test of plan_tone_place (tone.c, may_move) at this
         * letter: in the old style o then a toned a or e, or u then a
         * toned y, ending the word (hoà), in the new style a toned o then
         * a or e, or a toned u then y, ending the word (hòa). The bytes around are those of the result:
         * white space between them would have been a space there. */
        if (may && !moves && (c == 0xC3 || c == 0xC5 || c == 0xE1)) {
            int v = plan_tone_vowel_at(p + i);
            unsigned next = i + k < n ? p[i + k] : 0;
            if (style == PLAN_TONE_OLD) {
                unsigned before = o > 0 ? (unsigned char)out[o - 1] | 0x20 : 0;
                moves = plan_tone_pair((int)before, v) &&
                        (next | 0x20) - 'a' >= 26u;
            } else if (v) {
                unsigned after = i + k + 1 < n ? p[i + k + 1] : 0;
                next |= 0x20;
                moves = plan_tone_pair(v, (int)next) && (after | 0x20) - 'a' >= 26u;
            }
        }
        o += k;
        i += k;
    }
    if (!nul && o > 0 && out[o - 1] == ' ')
        o--; /* a space copied at the end of the text */
    out[o] = '\0';
    if (may)
        *may = moves || !nfc; /* NFC may move letters: let the full path decide */
    if (nfc)
        return out;
    char *m = map(out, o, UTF8PROC_COMPOSE);
    if (!m)
        return out;
    char *r = plan_arena_strdup(a, m);
    free(m);
    return r;
}

char *plan_text_normalize(plan_arena *a, const char *s, size_t n)
{
    return plan_text_normalize_styled(a, s, n, PLAN_TONE_OLD, NULL);
}

char *plan_utf8_nfc(plan_arena *a, const char *s)
{
    if (plan_utf8_is_nfc_fast(s))
        return plan_arena_strdup(a, s);
    char *nfc = map(s, strlen(s), UTF8PROC_COMPOSE);
    char *r = plan_arena_strdup(a, nfc ? nfc : s);
    free(nfc);
    return r;
}

/* ---- the fast path of folding ----
 * Folding is the checks' hot path: every rule that matches words folds text.
 * Vietnamese text is made of ASCII, Latin-1/Extended-A/B letters (đ, ơ, ư…)
 * the precomposed letters of U+1E00–U+1EFF and punctuation (U+2000–U+206F:
 * quotes, dashes). For these code points the
 * folded form of each one is computed once, by utf8proc itself (so the two
 * paths cannot disagree), and text made only of them is folded by table
 * lookup. Anything else — a combining mark, another script, a byte that is
 * not UTF-8 — takes the utf8proc path for the whole string.
 * tests/unit/test_text.c compares both paths code point by code point,
 * tests/unit/test_utf8.c on random text. */
enum { FOLD_LO_END = 0x250, FOLD_HI_BEG = 0x1E00, FOLD_HI_END = 0x1F00 };
enum { FOLD_P_BEG = 0x2000, FOLD_P_END = 0x2070 }; /* general punctuation: “ ” – … */

/* The table is made of pages of 64 code points (those that share all but
 * the last six bits): U+0000–U+027F, U+1E00–U+1EFF, U+2000–U+207F, and one
 * empty page for every other code point below U+10000. fold_page maps
 * cp >> 6 to the first cell of its page. */
enum { FOLD_PAGES = 10 + 4 + 2 + 1, FOLD_EMPTY = FOLD_PAGES - 1 };

/* One folded code point: its bytes, then their count in the last byte, with
 * FOLD_SP for white space (written as one space, none after another). The
 * eight bytes are copied at once; at most 7 are used. An empty cell (len
 * 0) sends the text to the slow path. */
enum { FOLD_SP = 0x80 };
typedef struct fold_cell {
    char out[7];
    unsigned char len;
} fold_cell;

static fold_cell fold_cells[2][FOLD_PAGES * 64]; /* [0] plan_utf8_fold, [1] _ascii */
static uint16_t fold_page[0x10000 >> 6];

/* What fold_fast reads of a lead byte: the bytes of its sequence (k; the
 * last one gives the cell in the page), how
 * the page number comes from x = lead << 6 | (second byte & 0x3F) (shift
 * then mask: cp >> 6 for every sequence it accepts), which of the next two
 * bytes must be continuation bytes (0xC0 when they must), and slow for a
 * byte whose sequence is never in the table: C0–C1 and CA–DF (U+0280 and
 * above), E0 and E3–FF, continuation bytes. */
typedef struct fold_lead {
    unsigned char k, sh, need1, need2;
    unsigned char lsh, slow; /* lsh: 8 × (k - 1), the shift to the last byte */
    uint16_t msk;
} fold_lead;

static fold_lead fold_leads[256];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* The cell of cp (below U+10000), or NULL. */
static const fold_cell *fold_cell_of(unsigned cp, int which)
{
    if (cp >= 0x10000)
        return NULL;
    return &fold_cells[which][fold_page[cp >> 6] + (cp & 63)];
}

static void fold_cell_set(fold_cell *e, const char *r, size_t in_len)
{
    size_t n = r ? strlen(r) : 0;
    if (n > 7 || n > 3 * in_len)
        n = 0; /* does not happen for these code points; the slow path would be used */
    if (n)
        memcpy(e->out, r, n);
    e->len = (unsigned char)n;
}

/* What map() makes of the one code point cp with opts, into out (32
 * bytes), without allocating: decomposed (and case-folded, marks stripped
 * as opts say), composed again, encoded. 0 when utf8proc refuses or the
 * result does not fit (the entry is then left empty: the slow path). */
static int fold_cp(unsigned cp, utf8proc_option_t opts, char out[32])
{
    utf8proc_int32_t cps[8];
    int last = 0;
    opts = (utf8proc_option_t)(opts | UTF8PROC_STABLE);
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8, opts, &last);
    if (n < 0 || n > 8)
        return 0;
    /* Canonical order of the marks, as utf8proc_decompose leaves them. */
    for (utf8proc_ssize_t i = 1; i < n; i++)
        for (utf8proc_ssize_t j = i; j > 0; j--) {
            int cj = utf8proc_get_property(cps[j])->combining_class;
            if (!cj || utf8proc_get_property(cps[j - 1])->combining_class <= cj)
                break;
            utf8proc_int32_t t = cps[j];
            cps[j] = cps[j - 1];
            cps[j - 1] = t;
        }
    n = utf8proc_normalize_utf32(cps, n, opts);
    if (n < 0)
        return 0;
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (o + 4 >= 32)
            return 0;
        o += (size_t)utf8proc_encode_char(cps[i], (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
    return 1;
}

static int fold_in_table(unsigned cp)
{
    return cp < FOLD_LO_END || (cp >= FOLD_HI_BEG && cp < FOLD_HI_END) ||
           (cp >= FOLD_P_BEG && cp < FOLD_P_END);
}

static void fold_table_init(void)
{
    for (unsigned pg = 0; pg < sizeof fold_page / sizeof *fold_page; pg++)
        fold_page[pg] = FOLD_EMPTY * 64;
    for (unsigned pg = 0; pg < 10; pg++)
        fold_page[pg] = (uint16_t)(pg * 64);
    for (unsigned pg = 0; pg < 4; pg++)
        fold_page[(FOLD_HI_BEG >> 6) + pg] = (uint16_t)((10 + pg) * 64);
    for (unsigned pg = 0; pg < 2; pg++)
        fold_page[(FOLD_P_BEG >> 6) + pg] = (uint16_t)((14 + pg) * 64);
    for (unsigned cp = 0; cp < FOLD_P_END; cp++) {
        if (!fold_in_table(cp))
            continue;
        fold_cell *a = &fold_cells[0][fold_page[cp >> 6] + (cp & 63)];
        fold_cell *b = &fold_cells[1][fold_page[cp >> 6] + (cp & 63)];
        if (cp < 0x80) { /* ASCII: lower case; NUL and white space below */
            a->out[0] = b->out[0] = (char)(cp - 'A' < 26u ? cp + 'a' - 'A' : cp);
            a->len = b->len = 1;
            continue;
        }
        unsigned char enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
        char fa[32], fb[32];
        int ok_a = fold_cp(cp, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, fa);
        int ok_b = fold_cp(cp, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, fb);
        if (ok_b && strcmp(fb, "\xc4\x91") == 0) /* đ → d */
            fb[0] = 'd', fb[1] = '\0';
        fold_cell_set(a, ok_a ? fa : NULL, (size_t)k);
        fold_cell_set(b, ok_b ? fb : NULL, (size_t)k);
    }
    /* White space, NBSP too, is one space between words. NUL is marked
     * so as well: fold_fast ends at it in the branch of white space. */
    static const unsigned sp[] = {0, ' ', '\t', '\n', '\r', '\f', '\v', 0xA0};
    for (size_t i = 0; i < sizeof sp / sizeof *sp; i++)
        for (int which = 0; which < 2; which++) {
            fold_cell *e = &fold_cells[which][fold_page[sp[i] >> 6] + (sp[i] & 63)];
            e->out[0] = ' ';
            e->len = 1 | FOLD_SP;
        }
    for (unsigned c = 0; c < 256; c++) {
        fold_lead *l = &fold_leads[c];
        if (c < 0x80)
            *l = (fold_lead){.k = 1, .sh = 12, .msk = 1}; /* x >> 12 = c >> 6 */
        else if (c >= 0xC2 && c <= 0xC9) /* U+0080–U+027F */
            *l = (fold_lead){.k = 2, .sh = 6, .msk = 0x1F, .need1 = 0xC0, .lsh = 8};
        else if (c == 0xE1 || c == 0xE2)
            *l = (fold_lead){.k = 3, .msk = 0x3FF, .need1 = 0xC0, .need2 = 0xC0, .lsh = 16};
        else
            *l = (fold_lead){.k = 1, .slow = 1};
    }
}

/* The table, built once (folding is called for every text). */
static int fold_ready;

static void fold_table_ready(void)
{
    once_ready(&fold_ready, &fold_once, fold_table_init);
}

/* Bytes fold_fast may write for an input of n bytes: an entry is at most
 * 3× its input, and each entry is moved by one copy of 8 bytes. */
#define FOLD_ROOM(n) (3 * (n) + 8 + 1)

/* Folds s (n bytes) into out (FOLD_ROOM(n) bytes) by table, with white space
 * folded as fold_space does; returns the length written (out is
 * NUL-terminated), or -1 when s holds a code point outside the table or
 * bytes that are not UTF-8. A run of ASCII letters and single spaces
 * goes up to eight bytes a step (one step a word, most often, in
 * Vietnamese); otherwise one step per code point, and two branches on the
 * bytes: ASCII or not, white space or not. A letter of two or three
 * bytes is decoded without a branch on its length (the row of its lead
 * byte says how), so that the mix of ASCII, two- and three-byte letters
 * of a Vietnamese word costs no misprediction beyond ASCII or not; white
 * space is collapsed by a flag (text: the last byte written is no space),
 * not by a loop of its own. */
static ptrdiff_t fold_fast(const char *s, size_t n, int which, char *out)
{
    fold_table_ready();
    const fold_cell *cells = fold_cells[which];
    const unsigned char *p = (const unsigned char *)s, *end8 = p + (n >= 8 ? n - 7 : 0);
    char *o = out;
    size_t text = 0;
    for (;;) {
        unsigned c = *p;
        if (c < 0x80 && p < end8) {
            /* A run of ASCII printing characters and single spaces, up to
             * eight at a time: lower-cased by mask and copied whole. The
             * run ends before the first byte that is not ASCII, a control
             * character (white space other than ' ' among them), a space
             * after a space, or a space after no text; eight bytes are
             * written, k are kept (FOLD_ROOM leaves room for them). */
            uint64_t w;
            memcpy(&w, p, 8);
            uint64_t low = w & ~HIGHS;
            uint64_t ctl = ~(low + 0x60 * ONES) & HIGHS;               /* below 0x20 */
            uint64_t sp = w ^ (0x20 * ONES);
            sp = ~(((sp & ~HIGHS) + ~HIGHS) | sp) & HIGHS;               /* == 0x20 */
            uint64_t upper = (low + 0x3F * ONES) & ~(low + 0x25 * ONES) & HIGHS; /* A-Z */
            uint64_t bad = (w & HIGHS) | ctl | ((sp << 8) & sp) | (sp & ((uint64_t)(text ^ 1) << 7));
            size_t k = bad ? (size_t)__builtin_ctzll(bad) >> 3 : 8;
            if (k) {
                w |= upper >> 2;
                memcpy(o, &w, 8);
                o += k;
                p += k;
                text = ((sp >> (8 * k - 1)) & 1) ^ 1;
                continue;
            }
        }
        if (c < 0x80) { /* ASCII: the first two pages, the cell of c */
            const fold_cell *e = &cells[c];
            if (!(e->len & FOLD_SP)) {
                *o++ = e->out[0];
                p++;
                text = 1;
                continue;
            }
            if (!c)
                break;
            *o = ' '; /* white space: one space after text, none after another */
            o += text;
            text = 0;
            p++;
            continue;
        }
        /* b2 is read only when b1 is not the NUL that ends s. A missing
         * continuation byte (NUL included) sends s to the slow path. */
        unsigned b1 = p[1], b2 = b1 ? p[2] : 0;
        const fold_lead *l = &fold_leads[c];
        unsigned page = (((c << 6) | (b1 & 0x3Fu)) >> l->sh) & l->msk;
        unsigned last = (c | b1 << 8 | b2 << 16) >> l->lsh;
        const fold_cell *e = &cells[fold_page[page] + (last & 0x3Fu)];
        unsigned len = e->len;
        if (l->slow | ((b1 ^ 0x80u) & l->need1) | ((b2 ^ 0x80u) & l->need2) | (len == 0))
            return -1;
        memcpy(o, e->out, 8);
        size_t sp = len >> 7; /* NBSP */
        o += (len & 7) & -(text | (sp ^ 1));
        text = sp ^ 1;
        p += l->k;
    }
    if (o > out && o[-1] == ' ')
        o--; /* white space at the end (no cell writes a space but white space) */
    *o = '\0';
    return o - out;
}

int plan_utf8_base_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? (int)(cp - 'A' + 'a') : (int)cp;
    if (!fold_in_table(cp))
        return 0;
    fold_table_ready();
    const fold_cell *e = fold_cell_of(cp, 1);
    return e->len == 1 && (unsigned char)e->out[0] < 0x80 ? e->out[0] : 0;
}

/* The slow path of folding: white space, then utf8proc over the whole
 * text; ascii as in plan_utf8_fold_ascii. Caller frees. */
static char *fold_slow(const char *s, int ascii)
{
    char *f = fold_space(s, strlen(s));
    int opts = UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | (ascii ? UTF8PROC_STRIPMARK : 0);
    char *r = map(f, strlen(f), opts);
    if (!r)
        return f;
    free(f);
    if (!ascii)
        return r;
    /* đ (c4 91) and Đ (case-folded already) become d: one byte shorter. */
    size_t o = 0;
    for (size_t i = 0; r[i]; i++) {
        if ((unsigned char)r[i] == 0xC4 && (unsigned char)r[i + 1] == 0x91) {
            r[o++] = 'd';
            i++;
        } else {
            r[o++] = r[i];
        }
    }
    r[o] = '\0';
    return r;
}

static char *fold_alloc(const char *s, int ascii)
{
    if (!s)
        s = ""; /* an absent text folds to the empty key */
    char *out = plan_xmalloc(FOLD_ROOM(strlen(s)));
    if (fold_fast(s, strlen(s), ascii, out) >= 0)
        return out;
    free(out);
    return fold_slow(s, ascii);
}

char *plan_utf8_fold(const char *s)
{
    return fold_alloc(s, 0);
}

char *plan_utf8_fold_ascii(const char *s)
{
    return fold_alloc(s, 1);
}

const char *plan_utf8_fold_buf(plan_buf *b, const char *s, int ascii)
{
    if (!s)
        s = "";
    size_t need = FOLD_ROOM(strlen(s));
    if (b->cap < need) {
        size_t cap = b->cap * 2 > need ? b->cap * 2 : need;
        b->data = plan_xrealloc(b->data, cap);
        b->cap = cap;
    }
    ptrdiff_t len = fold_fast(s, strlen(s), ascii != 0, b->data);
    if (len >= 0) {
        b->len = (size_t)len;
        return b->data;
    }
    char *r = fold_slow(s, ascii != 0);
    b->len = 0;
    plan_buf_append(b, r, strlen(r));
    free(r);
    return b->data;
}

char *plan_utf8_upper(const char *s)
{
    if (!s)
        s = "";
    plan_buf b = PLAN_BUF_INIT;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, n - i, &cp);
        if (k <= 0) {
            plan_buf_putc(&b, s[i]);
            i++;
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
        plan_buf_append(&b, (const char *)enc, (size_t)m);
        i += k;
    }
    char *r = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
    return r;
}

int plan_utf8_contains_folded(const char *s, const char *needle)
{
    if (!s || !needle)
        return 0;
    char *a = plan_utf8_fold(s), *b = plan_utf8_fold(needle);
    int r = strstr(a, b) != NULL;
    free(a);
    free(b);
    return r;
}

/* The code point that ends just before p (s <= p), or -1 at the start. */
static utf8proc_int32_t cp_before(const char *s, const char *p)
{
    if (p == s)
        return -1;
    const char *q = p - 1;
    while (q > s && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    utf8proc_int32_t cp;
    return utf8proc_iterate((const utf8proc_uint8_t *)q, p - q, &cp) > 0 ? cp : -1;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

int plan_has_word(const char *hay, const char *needle)
{
    if (!hay || !needle || !*needle)
        return 0;
    size_t n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        utf8proc_int32_t after = -1;
        if (p[n])
            utf8proc_iterate((const utf8proc_uint8_t *)p + n, -1, &after);
        if (!is_word_cp(cp_before(hay, p)) && !is_word_cp(after))
            return 1;
    }
    return 0;
}
