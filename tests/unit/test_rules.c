/*
 * test_rules.c - unit tests of the fast paths of the validators' data
 * lookups (src/data, src/validate): each one is compared with the plain
 * algorithm it replaces, written out again here, over every row of the
 * tables and over texts made from them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "data/awards.h"
#include "data/bodies.h"
#include "plan/util.h"
#include "validate/internal.h"

/* ---- texts for the comparisons of quick and plain paths ---- */

enum sep { SEP_NONE, SEP_SPACE, SEP_SOME };

/* A text of up to count pieces chosen by the fixed pseudo-random sequence
 * *seed (one step per piece), into buf of size bytes, stopping at the first
 * piece that does not fit. After each piece: nothing (SEP_NONE), a space
 * (SEP_SPACE), or a space after two pieces in three but the last (SEP_SOME). */
static void random_text(char *buf, size_t size, const char *const *pieces, size_t np,
                        uint32_t *seed, int count, enum sep sep)
{
    size_t len = 0, room = sep == SEP_SPACE ? 2 : 1;
    for (int k = 0; k < count; k++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *p = pieces[(*seed >> 8) % np];
        size_t pl = strlen(p);
        if (len + pl + room >= size)
            break;
        memcpy(buf + len, p, pl);
        len += pl;
        if (sep == SEP_SPACE || (sep == SEP_SOME && k + 1 < count && (*seed >> 20) % 3))
            buf[len++] = ' ';
    }
    buf[len] = '\0';
}

/* ---- the award catalogue: the lookup as it was before the fast path ---- */

static size_t ref_key_at(const char *k, size_t i, const char *key)
{
    if (i > 0 && k[i - 1] != ' ')
        return 0;
    const char *alt = key;
    size_t best = 0;
    for (;;) {
        const char *bar = strchr(alt, '|');
        size_t n = bar ? (size_t)(bar - alt) : strlen(alt);
        if (n > best && k[i] == alt[0] && strncmp(k + i, alt, n) == 0 && k[i + n] == ' ')
            best = n;
        if (!bar)
            break;
        alt = bar + 1;
    }
    return best;
}

static size_t ref_key_score(const char *k, const char *key)
{
    size_t best = 0;
    for (size_t i = 1; k[i]; i++)
        if (k[i - 1] == ' ') {
            size_t n = ref_key_at(k, i, key);
            if (n > best)
                best = n;
        }
    return best;
}

static const plan_award_entry *ref_lookup(const char *text)
{
    char *k = plan_award_key_text(text);
    const plan_award_entry *best = NULL;
    size_t best_score = 0;
    for (size_t r = 0; r < plan_award_entry_count(); r++) {
        const plan_award_entry *e = plan_award_entry_get((int)r);
        size_t score = 0;
        for (const char *const *key = e->keys; *key; key++) {
            size_t s = ref_key_score(k, *key);
            if (!s) {
                score = 0;
                break;
            }
            score += s;
        }
        if (score > best_score) {
            best_score = score;
            best = e;
        }
    }
    free(k);
    return best;
}

/* The n-th alternative of key (0 when there is none) into buf. */
static int alternative(const char *key, int n, char *buf, size_t size)
{
    for (const char *alt = key; n >= 0; n--) {
        size_t len = strcspn(alt, "|");
        if (n == 0) {
            snprintf(buf, size, "%.*s", (int)len, alt);
            return 1;
        }
        if (!alt[len])
            return 0;
        alt += len + 1;
    }
    return 0;
}

/* Every text: both key tables' alternatives alone, in pairs with "của",
 * with words before and after, and a few texts as plans write them. */
static void check_text(const char *text, size_t *n)
{
    const plan_award_entry *want = ref_lookup(text);
    const plan_award_entry *got = plan_award_lookup(text);
    if (got != want)
        fail_msg("\"%s\": lookup gives %s, the plain algorithm %s", text,
                 got ? got->name : "none", want ? want->name : "none");
    char *k = plan_award_key_text(text);
    for (size_t r = 0; r < plan_award_entry_count(); r++)
        for (const char *const *key = plan_award_entry_get((int)r)->keys; *key; key++)
            for (size_t i = 0; k[i]; i++)
                assert_int_equal(plan_award_key_at(k, i, *key), ref_key_at(k, i, *key));
    free(k);
    (*n)++;
}

static void award_lookup_as_plain(void **state)
{
    (void)state;
    static const char *const extra[] = {
        "Giấy khen của Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn",
        "Bằng khen của Thủ tướng Chính phủ",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Huân chương Lao động hạng Ba",
        "Cờ thi đua của UBND TP. Hà Nội",
        "Danh hiệu Tập thể lao động xuất sắc",
        "Giấy khen",
        "Kỷ niệm chương vì sự nghiệp",
        "giay khen giay khen cua cua",
        "",
        "Huy hiệu",
    };
    size_t n = 0;
    char a[256], b[256], text[600];
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
        check_text(extra[i], &n);
    /* Longer than 64 words: the word starts no longer fit the stack array. */
    char *words = NULL;
    size_t wn = 0;
    FILE *w = open_memstream(&words, &wn);
    assert_non_null(w);
    for (int i = 0; i < 70; i++)
        fputs("các tập thể và cá nhân có thành tích ", w);
    fputs("được tặng Bằng khen của Thủ tướng Chính phủ", w);
    fclose(w);
    assert_non_null(plan_award_lookup(words));
    check_text(words, &n);
    free(words);
    for (size_t r = 0; r < plan_award_entry_count(); r++) {
        const plan_award_entry *e = plan_award_entry_get((int)r);
        const char *k0 = e->keys[0], *k1 = e->keys[1];
        for (int i = 0; alternative(k0, i, a, sizeof a); i++) {
            check_text(a, &n);
            snprintf(text, sizeof text, "Tặng %s năm 2025", a);
            check_text(text, &n);
            for (int j = 0; k1 && alternative(k1, j, b, sizeof b); j++) {
                snprintf(text, sizeof text, "%s của %s", a, b);
                check_text(text, &n);
                snprintf(text, sizeof text, "%s %s", b, a);
                check_text(text, &n);
            }
        }
    }
    assert_true(n > 150);
}

/* plan_award_phrase_maybe is 0 only when no word of the key text starts a
 * phrase of the set. */
static void award_phrase_quick_test(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Sở Nội vụ đề nghị Thủ tướng Chính phủ tặng Bằng khen",
        "trình Chủ tịch UBND tỉnh",
        "Các phòng tổng hợp, báo cáo kết quả",
        "de nghi; trinh.",
        "đề-nghị",
        "đềnghị trìnhh",
        "",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        char *k = plan_award_key_text(texts[t]);
        for (int set = PLAN_AWARD_PH_ANNUAL; set <= PLAN_AWARD_PH_STANDARD; set++) {
            int any = 0;
            for (size_t i = 1; k[i]; i++)
                any |= plan_award_phrase_at((plan_award_phrase_set)set, k, i, NULL) != NULL;
            if (plan_award_phrase_maybe((plan_award_phrase_set)set, k) != any)
                fail_msg("\"%s\", set %d: maybe %d, scan %d", texts[t], set, !any, any);
        }
        free(k);
    }
}

/* ---- bodies: plan_body_kinds in one pass gives what plan_body_find gives
 * kind by kind ---- */

static void body_kinds_as_find(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ban Thường vụ Tỉnh ủy; Hội đồng nhân dân tỉnh",
        "Công đoàn Sở, Đoàn Thanh niên",
        "Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "Ủy ban nhân dân quận Ba Đình",
        "Uỷ ban nhân dân xã",
        "Văn phòng Sở",
        "công đoạn sản xuất",
        "cơ quan, đơn vị",
        "Huyện ủy, Quận ủy",
        "Thị xã Sơn Tây; Thị uỷ",
        "UBND THỊ XÃ, thành phố thuộc tỉnh",
        "Huyện uỷ",
        "cơ quan Đảng bộ khối",
        "Hội Cựu chiến binh, Hội Nông dân",
        "quan tâm, huyen",
        "Thường trực HĐND", "Ủy ban MTTQ", "Văn phòng UBND", /* a key at the very end */
        "",
    };
    int hits = 0;
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        unsigned mask = plan_body_kinds(texts[t]);
        for (int k = 0; k < PLAN_BODY_KIND_COUNT; k++) {
            int found = plan_body_find(texts[t], (plan_body_kind)k) != NULL;
            if (found != !!(mask & (1u << k)))
                fail_msg("\"%s\", kind %d: kinds %u, find %d", texts[t], k, mask, found);
            hits += found;
        }
    }
    assert_true(hits >= 8);
}

/* ---- the quick tests on folded texts (plan_award_key_maybe and the
 * functions built on it) never miss what the key text holds ---- */

/* ---- name tokens of the format rules: the table of Vietnamese letters
 * gives what folding the token twice gives ---- */

static int token_pair(const char *t, plan_buf *b)
{
    char ch1[64], ch2[64];
    int up1[64], up2[64];
    char *a1 = NULL, *a2 = NULL;
    size_t k1 = plan_name_token_letters(t, ch1, up1, sizeof ch1, &a1, b, 1);
    size_t k2 = plan_name_token_letters(t, ch2, up2, sizeof ch2, &a2, b, 0);
    if (k1 != k2 || strcmp(a1, a2) != 0)
        fail_msg("\"%s\": plain %zu \"%s\", table %zu \"%s\"", t, k1, a1, k2, a2);
    for (size_t i = 0; i < k1; i++)
        if (ch1[i] != ch2[i] || up1[i] != up2[i])
            fail_msg("\"%s\", letter %zu: plain %c/%d, table %c/%d", t, i, ch1[i], up1[i],
                     ch2[i], up2[i]);
    free(a1);
    free(a2);
    return k1 > 0;
}

static void name_tokens_as_folds(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    int letters = 0;
    for (uint32_t cp = 0x80; cp < 0x3000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        char e[5] = {0}, t[32];
        utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)e);
        static const char *const forms[] = {"%s", "X%sa", "%s%s", "n%sN", "%s\xcc\x81", "%sz"};
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
            snprintf(t, sizeof t, forms[f], e, e);
            letters += token_pair(t, &b);
        }
    }
    static const char *const words[] = {
        "Nguyễn", "NGUYỄN", "Đỗ", "ĐỖ", "đồng", "Hội", "TĐKT", "HĐND", "UBND", "Ủy", "Uỷ",
        "Ủỵ", "Thưởng", "ThƯởng", "e\xcc\x81", "Be\xcc\x82\xcc\x81n", "ﬁn", "Straße", "ẞ",
        "Ǆ", "ǅx", "İstanbul", "Ωmega", "KHÁNH", "Bắc123", "A1đ", "x\xc3", "\xe1\xba",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        token_pair(words[i], &b);
    /* around the 64 letters the buffers hold */
    for (size_t n = 60; n < 68; n++) {
        char t[256];
        size_t o = 0;
        for (size_t i = 0; i < n; i++)
            o += (size_t)snprintf(t + o, sizeof t - o, i % 3 ? "a" : "Ạ");
        token_pair(t, &b);
    }
    plan_buf_free(&b);
    assert_true(letters > 1000);
}

/* ---- Roman numerals: the table of units gives what the first form
 * (strlen, strncmp, strcat per unit) gave ---- */

static int ref_roman_parse(const char *s, size_t n)
{
    static const struct { const char *r; int v; } t[] = {
        {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
        {"L", 50},   {"XL", 40},  {"X", 10},  {"IX", 9},   {"V", 5},   {"IV", 4}, {"I", 1}};
    size_t i = 0;
    int v = 0;
    for (size_t k = 0; k < sizeof t / sizeof *t && i < n; k++) {
        size_t len = strlen(t[k].r);
        int reps = 0, max = len == 1 && strchr("MCXI", t[k].r[0]) ? 3 : 1;
        while (reps < max && i + len <= n && strncmp(s + i, t[k].r, len) == 0) {
            v += t[k].v;
            i += len;
            reps++;
        }
    }
    return i == n && n ? v : 0;
}

static int ref_roman_value(const char *s, size_t n)
{
    static const struct { const char *r; int v; } t[] = {
        {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
        {"L", 50},   {"XL", 40},  {"X", 10},  {"IX", 9},   {"V", 5},   {"IV", 4}, {"I", 1}};
    char buf[16];
    int v = ref_roman_parse(s, n), w = v;
    buf[0] = '\0';
    for (size_t k = 0; k < sizeof t / sizeof *t; k++)
        while (w >= t[k].v && strlen(buf) + strlen(t[k].r) < 16) {
            strcat(buf, t[k].r);
            w -= t[k].v;
        }
    return v && strlen(buf) == n && strncmp(buf, s, n) == 0 ? v : 0;
}

static void roman_units_as_strings(void **state)
{
    (void)state;
    static const char alpha[] = "IVXLCDM1l";
    const size_t na = sizeof alpha - 1;
    int valid = 0;
    char s[8];
    for (size_t len = 1; len <= 6; len++) {
        size_t total = 1;
        for (size_t i = 0; i < len; i++)
            total *= na;
        for (size_t x = 0; x < total; x++) {
            size_t y = x;
            for (size_t i = 0; i < len; i++, y /= na)
                s[i] = alpha[y % na];
            s[len] = '\0';
            int a = ref_roman_value(s, len), b = plan_lex_roman_value(s, len);
            if (a != b)
                fail_msg("\"%s\": first form %d, table %d", s, a, b);
            valid += a != 0;
        }
    }
    /* every numeral a plan can hold, and its longer neighbours */
    static const char *const long_ones[] = {"MMMCMXCIX", "MMMDCCCLXXXVIII", "MMMM",
                                            "MMMCMXCIXI", "XXXVIII", "CDXLIV"};
    for (size_t i = 0; i < sizeof long_ones / sizeof *long_ones; i++) {
        size_t n = strlen(long_ones[i]);
        assert_int_equal(ref_roman_value(long_ones[i], n),
                         plan_lex_roman_value(long_ones[i], n));
    }
    assert_true(valid > 300);
}

/* plan_award_chain_maybe as it was written first: f walked word by word. */
static int ref_word_byte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

static int ref_chain_maybe(const char *f)
{
    int verb = 0;
    for (const char *p = f; *p;) {
        if (!ref_word_byte(*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (ref_word_byte(*q))
            q++;
        size_t n = (size_t)(q - p);
        if (verb && ((n == 3 && (memcmp(p, "chu", 3) == 0 || memcmp(p, "thu", 3) == 0 ||
                                 memcmp(p, "hoi", 3) == 0 || memcmp(p, "ban", 3) == 0)) ||
                     (n == 5 && memcmp(p, "chinh", 5) == 0)))
            return 1;
        verb = (n == 5 && memcmp(p, "trinh", 5) == 0) || (n == 4 && memcmp(p, "nghi", 4) == 0);
        p = q;
    }
    return 0;
}

static void award_folded_as_key_text(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "đề nghị", "Đề nghị", "trình", "TRÌNH", "Thủ tướng", "Chính phủ", "Chủ tịch nước",
        "Hội đồng Thi đua - Khen thưởng Trung ương", "Ban Thi đua - Khen thưởng", "Sở Nội vụ",
        "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "uy ban", "nhân dân", "tỉnh", "huyện",
        "quận", "thị xã", "cấp huyện", "các huyện", "thành phố", "TP.", "tp", "thuộc tỉnh",
        "xã", "phường", "cấp xã", "tiêu chuẩn", "theo quy định", "quy định của pháp luật",
        "hiện hành", "hướng dẫn", "cấp có thẩm quyền", "có thẩm quyền", "cấp trên",
        "tổng kết năm", "cuối năm", "hằng năm", "hoàn thành tốt nhiệm vụ năm", "đánh giá",
        "xếp loại", "hạng", "Hạng Nhất", "hang", "của", "Giấy khen", "Bằng khen", "Cờ thi đua",
        "chương trình", "nghị", "nghỉ", "chu", "thu", "ban", " ", " ", " ", ", ", ". ", "; ",
        "-", "(", ")", "\n", ":", "\xe2\x80\x9c", "\xe2\x80\x9d",
    };
    /* First a few texts a random one seldom is: a clause mark inside "ủy
     * ban nhân dân" (no replacement then), "tp" next to other words. */
    static const char *const fixed[] = {
        "Ủy ban; nhân dân", "uy ban. nhân dân tỉnh", "Ủy ban nhân dân. TP Huế",
        "UBND tp. Hà Nội", "Uỷ ban nhân dân thành phố thuộc tỉnh", "đề nghị; Thủ tướng",
        "nghệ sĩ nhân dân; Ủy ban nhân dân cấp huyện",
    };
    const size_t nf = sizeof fixed / sizeof *fixed;
    const size_t np = sizeof pieces / sizeof *pieces;
    uint32_t seed = 11;
    int hits = 0, maybes = 0, strict = 0;
    for (int n = -(int)nf; n < 20000; n++) {
        char text[512];
        if (n < 0)
            snprintf(text, sizeof text, "%s", fixed[n + (int)nf]);
        else
            random_text(text, sizeof text, pieces, np, &seed, 1 + n % 10, SEP_SOME);
        char *f = plan_utf8_fold_ascii(text), *k = plan_award_key_text(text);
        for (int set = PLAN_AWARD_PH_ANNUAL; set <= PLAN_AWARD_PH_STANDARD; set++) {
            const plan_award_phrase *a = plan_award_phrase_in((plan_award_phrase_set)set, text);
            const plan_award_phrase *b =
                plan_award_phrase_in_folded((plan_award_phrase_set)set, text, f);
            if (a != b)
                fail_msg("\"%s\", set %d: phrase_in %s, folded %s", text, set,
                         a ? a->key : "-", b ? b->key : "-");
            hits += a != NULL;
        }
        for (int w = 0; w < 4; w++) {
            const plan_award_authority *a = plan_award_authority_in(text, w & 1, w >> 1);
            const plan_award_authority *b = plan_award_authority_in_folded(f, w & 1, w >> 1);
            if (a != b)
                fail_msg("\"%s\", want %d: authority_in %s, folded %s", text, w,
                         a ? a->name : "-", b ? b->name : "-");
            hits += a != NULL;
        }
        for (size_t r = 0; r < plan_award_entry_count(); r++)
            for (const char *const *key = plan_award_entry_get((int)r)->keys; *key; key++)
                if (plan_award_key_in(k, *key) && !plan_award_key_maybe(f, *key))
                    fail_msg("\"%s\": key \"%s\" occurs, maybe says no", text, *key);
        /* the proposal chain: a verb then a level-4 or level-5 authority */
        int chain = 0;
        for (size_t i = 1; k[i] && !chain; i++) {
            size_t vn = 0;
            if (k[i - 1] == ' ' && plan_award_phrase_at(PLAN_AWARD_PH_PROPOSE, k, i, &vn))
                chain = plan_award_authority_at(k, i + vn + 1, PLAN_AWARD_LEVEL_GOVERNMENT) != NULL;
        }
        if (chain && !plan_award_chain_maybe(f))
            fail_msg("\"%s\": a proposal chain, chain_maybe says no", text);
        if (chain && !plan_award_chain_words(f))
            fail_msg("\"%s\": a proposal chain, chain_words says no", text);
        if (plan_award_chain_words(f) && !plan_award_chain_maybe(f))
            fail_msg("\"%s\": chain_words passes what chain_maybe does not", text);
        strict += plan_award_chain_words(f);
        if (plan_award_chain_maybe(f) != ref_chain_maybe(f))
            fail_msg("\"%s\": chain_maybe %d, word by word %d", text,
                     plan_award_chain_maybe(f), ref_chain_maybe(f));
        maybes += ref_chain_maybe(f);
        hits += chain;
        free(f);
        free(k);
    }
    assert_true(hits > 1000);
    assert_true(maybes > 100);
    /* the strict test rejects some texts the quick one lets through */
    assert_true(strict > 50 && strict < maybes);
}

/* ---- office-name keys: the ASCII punctuation from a table gives the key
 * that asking utf8proc for every character gives ---- */

static int ref_punct_at(const char *s, size_t i, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &cp);
    if (n <= 0) {
        *len = 1;
        return 0;
    }
    *len = (size_t)n;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

static char *ref_name_key(const char *text)
{
    char *s = plan_utf8_fold_ascii(text);
    size_t o = 0, i = 0, len;
    int after_punct = 0;
    while (s[i]) {
        if (s[i] == ' ') {
            if (after_punct || (s[i + 1] && ref_punct_at(s, i + 1, &len))) {
                i++;
                continue;
            }
            s[o++] = s[i++];
            after_punct = 0;
            continue;
        }
        after_punct = ref_punct_at(s, i, &len);
        memmove(s + o, s + i, len);
        o += len;
        i += len;
    }
    s[o] = '\0';
    return s;
}

static void name_key_as_utf8proc(void **state)
{
    (void)state;
    static const char *const marks[] = {"\xe2\x80\x93", "\xe2\x80\x9c", "\xe2\x80\xa6",
                                        "\xc2\xb7", "\xc2\xab", "đ", "Ở"};
    for (int c = 1; c < 128 + 7; c++) {
        char piece[8];
        if (c < 128) {
            piece[0] = (char)c;
            piece[1] = '\0';
        } else {
            snprintf(piece, sizeof piece, "%s", marks[c - 128]);
        }
        for (int form = 0; form < 4; form++) {
            char text[64];
            snprintf(text, sizeof text, "%sPhòng%s%sHành chính%s", form & 1 ? piece : "",
                     form & 2 ? " " : "", piece, form & 2 ? " " : piece);
            char *a = plan_name_key(text, 0), *b = ref_name_key(text);
            char *f = plan_utf8_fold_ascii(text), *k = plan_name_key_folded(f);
            if (strcmp(a, b) != 0 || strcmp(k, b) != 0)
                fail_msg("\"%s\": key \"%s\", from the fold \"%s\", utf8proc \"%s\"", text,
                         a, k, b);
            free(a);
            free(b);
            free(f);
            free(k);
        }
    }
}

/* plan_name_accents from its table of Vietnamese letters counts what
 * utf8proc's decomposition counts, for every code point up to U+2FFF. */
static void name_accents_as_utf8proc(void **state)
{
    (void)state;
    for (utf8proc_int32_t cp = 0x80; cp < 0x3000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        char text[16] = "a";
        utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)text + 1);
        text[1 + k] = 'b';
        text[2 + k] = '\0';
        size_t want = 0;
        if (cp == 0x0110 || cp == 0x0111) {
            want = 1;
        } else {
            utf8proc_int32_t d[4];
            utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, NULL);
            for (utf8proc_ssize_t j = 0; j < nd && j < 4; j++)
                want += utf8proc_category(d[j]) == UTF8PROC_CATEGORY_MN;
        }
        if (plan_name_accents(text) != want)
            fail_msg("U+%04X: %zu accents, utf8proc %zu", (unsigned)cp, plan_name_accents(text),
                     want);
    }
    assert_int_equal(plan_name_accents("Văn phòng Sở"), 4);
}

/* The quick test of the district-level bodies passes every text the body
 * table finds a district-level body in, or that names a "thành phố". */
static void district_quick_test(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "Huyện", "huyện ủy", "Huyện uỷ", "Quận", "quận Ba Đình", "Thị xã", "THỊ XÃ", "Thị ủy",
        "Thị uỷ", "cấp huyện", "UBND huyện", "Ủy ban nhân dân quận", "Uỷ ban nhân dân thị xã",
        "thành phố thuộc tỉnh", "Thành phố Hà Nội", "TP. Huế", "UBND", "Sở Nội vụ", "xã",
        "phường", "cơ quan", "quan tâm", "huyen", "thi xa", ", ", " ", "; ", "-",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    uint32_t seed = 5;
    int hits = 0;
    for (int n = 0; n < 5000; n++) {
        char text[256];
        random_text(text, sizeof text, pieces, np, &seed, 1 + n % 5, SEP_SPACE);
        char *f = plan_utf8_fold_ascii(text);
        int district = (plan_body_kinds(text) & (1u << PLAN_BODY_DISTRICT)) != 0 ||
                       strstr(f, "thanh pho ") != NULL;
        if (district && !plan_org_district_maybe(f))
            fail_msg("\"%s\": a district-level body, the quick test says none", text);
        hits += district;
        free(f);
    }
    assert_true(hits > 1000);
}

/* ---- LEX-ROMAN: the numeral-like words found first report what the word
 * by word reading reports ---- */

/* The findings of d as one string: rule, position and message of each. */
static char *diags_text(const plan_diags *d)
{
    plan_buf b = PLAN_BUF_INIT;
    for (size_t i = 0; i < d->n; i++)
        plan_buf_printf(&b, "%d %u:%u %s\n", (int)d->v[i].rule, d->v[i].pos.line,
                        d->v[i].pos.col, d->v[i].message);
    char *r = plan_xstrdup(plan_buf_cstr(&b));
    plan_buf_free(&b);
    return r;
}

/* Texts of pieces chosen by a fixed pseudo-random sequence: context words,
 * numerals right and wrong, other words and every kind of separator. */
static void roman_quick_as_full(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "lần", "thứ", "Lần", "THỨ", "Đại", "hội", "ĐẠI", "HỘI", "khóa", "Khoá", "mục", "Mục",
        "phần", "PHẦN", "XIV", "X1V", "XIIII", "IIII", "VX", "lI", "l", "|", "1", "11", "111",
        "L", "C", "LC", "XL", "MCM", "IVXLCDM", "Việt", "Xã", "XIV.", "III", "viii", "xin",
        " ", " ", " ", ",", ", ", ".", "-", "(", ")", "\xe2\x80\x9c", "\xe2\x80\x9d",
        "\xe2\x80\xa6", "\xe2\x80\x93", "\xc2\xa0", "\t", "/", "|",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    plan_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.file = "t.xml";
    uint32_t seed = 7;
    int found = 0;
    for (int n = 0; n < 60000; n++) {
        char text[256];
        random_text(text, sizeof text, pieces, np, &seed, 1 + n % 9, SEP_NONE);
        plan_text t = {text, {1, 1}};
        plan_diags quick = {0}, full = {0};
        plan_check cq = {&doc, &quick, NULL}, cf = {&doc, &full, NULL};
        plan_lex_roman_in(&cq, &t, 0);
        plan_lex_roman_in(&cf, &t, 1);
        char *a = diags_text(&quick), *b = diags_text(&full);
        if (strcmp(a, b) != 0)
            fail_msg("\"%s\": quick\n%s\nfull\n%s", text, a, b);
        found += full.n > 0;
        free(a);
        free(b);
        plan_diags_clear(&quick);
        plan_diags_clear(&full);
    }
    assert_true(found > 100); /* the texts do hold wrong numerals */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(award_lookup_as_plain),
        cmocka_unit_test(award_phrase_quick_test),
        cmocka_unit_test(body_kinds_as_find),
        cmocka_unit_test(district_quick_test),
        cmocka_unit_test(roman_quick_as_full),
        cmocka_unit_test(name_key_as_utf8proc),
        cmocka_unit_test(name_accents_as_utf8proc),
        cmocka_unit_test(award_folded_as_key_text),
        cmocka_unit_test(name_tokens_as_folds),
        cmocka_unit_test(roman_units_as_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
