/*
 * test_encoding.c - unit tests of the input encodings and of mis-encoded
 * text: the TCVN3 table against glibc iconv, the VNI decoder against the
 * published table and known words, the syllable speller, the scores and
 * runs of TEXT-MISENCODED (with texts that must not be flagged), and the
 * loader's positions and errors in every encoding.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <glob.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "load/legacy.h"
#include "plan/load.h"
#include "plan/rules.h"
#include "plan/util.h"
#include "util/syllable.h"

/* ---- decoding tables ---- */

static uint32_t iconv_char(const char *enc, unsigned char b)
{
    iconv_t cd = iconv_open("UTF-32LE", enc);
    assert_true(cd != (iconv_t)-1);
    char in[1] = {(char)b}, out[16];
    char *ip = in, *op = out;
    size_t il = 1, ol = sizeof out;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv(cd, NULL, NULL, &op, &ol); /* TCVN holds the last letter back */
    iconv_close(cd);
    if (r == (size_t)-1 || op - out != 4)
        return 0;
    return (uint32_t)(unsigned char)out[0] | (uint32_t)(unsigned char)out[1] << 8 |
           (uint32_t)(unsigned char)out[2] << 16;
}

static void tcvn3_table_is_glibc(void **state)
{
    (void)state;
    for (unsigned b = 0; b < 256; b++) {
        uint32_t want = (b >= 0xA1 && (b < 0xB0 || b > 0xB4)) ? iconv_char("TCVN5712-1", (unsigned char)b) : 0;
        assert_int_equal(plan_tcvn3_char((unsigned char)b), want);
    }
    assert_int_equal(plan_tcvn3_char(0xB8), 0x00E1); /* á */
    assert_int_equal(plan_tcvn3_char(0xEB), 0x1EDF); /* ở */
    assert_int_equal(plan_tcvn3_char(0xAD), 0x01B0); /* ư, the soft hyphen of Latin-1 */
}

static char *vni(const char *bytes)
{
    plan_buf b = PLAN_BUF_INIT;
    size_t n = strlen(bytes);
    size_t r = plan_vni_decode((const unsigned char *)bytes, n, &b);
    if (r != n) {
        plan_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : plan_xstrdup("");
}

static void check_vni(const char *bytes, const char *want)
{
    char *got = vni(bytes);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* The VNI spelling of one letter, built from the published structure: a
 * base letter and one mark byte (tone; circumflex or breve with its tone),
 * ơ ư đ and the toned i and ỵ as bytes of their own. Independent of
 * src/load/vni.c, which decodes. */
static void vni_encode(char base, int mod, int tone, int upper, char *out)
{
    static const unsigned char tones[] = {0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF};
    static const unsigned char circ[] = {0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4};
    static const unsigned char brev[] = {0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB};
    static const unsigned char itone[] = {0, 0xED, 0xEC, 0xE6, 0xF3, 0xF2};
    int sh = upper ? 0x20 : 0;
    size_t k = 0;
    if (mod == '+') {
        out[k++] = (char)((base == 'o' ? 0xF4 : 0xF6) - sh);
        if (tone)
            out[k++] = (char)(tones[tone] - sh);
    } else if (base == 'i' && tone) {
        out[k++] = (char)(itone[tone] - sh);
    } else if (base == 'y' && tone == 5) {
        out[k++] = (char)(0xEE - sh);
    } else {
        out[k++] = (char)(upper ? base - 32 : base);
        if (mod == '^')
            out[k++] = (char)(circ[tone] - sh);
        else if (mod == '(')
            out[k++] = (char)(brev[tone] - sh);
        else if (tone)
            out[k++] = (char)(tones[tone] - sh);
    }
    out[k] = '\0';
}

static void vni_every_letter(void **state)
{
    (void)state;
    /* Combining marks: tones in the order of the VNI table (sắc, huyền,
     * hỏi, ngã, nặng) and the letter-forming marks. */
    static const utf8proc_int32_t tone_cm[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
    static const struct {
        char base;
        int mod;
    } letters[] = {{'a', 0}, {'a', '('}, {'a', '^'}, {'e', 0}, {'e', '^'}, {'i', 0},
                   {'o', 0}, {'o', '^'}, {'o', '+'}, {'u', 0}, {'u', '+'}, {'y', 0}};
    int count = 0;
    for (size_t l = 0; l < sizeof letters / sizeof *letters; l++)
        for (int tone = 0; tone < 6; tone++)
            for (int upper = 0; upper < 2; upper++) {
                char bytes[8];
                vni_encode(letters[l].base, letters[l].mod, tone, upper, bytes);
                utf8proc_int32_t cps[3];
                int n = 0;
                cps[n++] = upper ? letters[l].base - 32 : letters[l].base;
                if (letters[l].mod)
                    cps[n++] = letters[l].mod == '(' ? 0x0306 : letters[l].mod == '^' ? 0x0302
                                                                                        : 0x031B;
                if (tone)
                    cps[n++] = tone_cm[tone];
                char nfd[16];
                size_t k = 0;
                for (int i = 0; i < n; i++)
                    k += (size_t)utf8proc_encode_char(cps[i], (utf8proc_uint8_t *)nfd + k);
                nfd[k] = '\0';
                char *want = (char *)utf8proc_NFC((const utf8proc_uint8_t *)nfd);
                assert_int_equal(plan_utf8_count(want, strlen(want)), 1); /* precomposed */
                check_vni(bytes, want);
                free(want);
                count++;
            }
    assert_int_equal(count, 144); /* 72 letters with their tones, both cases */
    check_vni("\xF1\xD1", "đĐ");
}

static void vni_known_words(void **state)
{
    (void)state;
    /* The examples of the sources (vietnamese-conversion's README; the
     * issue), and the national motto. */
    check_vni("Xin cha\xF8o ca\xF9" "c ba\xEF" "n", "Xin chào các bạn");
    check_vni("S\xF4\xFB Va\xEA" "n hoa\xF9", "Sở Văn hoá");
    check_vni("CO\xC4" "NG HO\xD8" "A XA\xD5 HO\xC4I CHU\xDB NGH\xD3" "A VIE\xC4T NAM",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    check_vni("\xD1o\xE4" "c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9" "c",
              "Độc lập - Tự do - Hạnh phúc");
    check_vni("ng\xF6\xF4\xF8i \xF6\xF4\xF9" "c nguye\xE2" "n", "người ước nguyên");
}

static void vni_refuses_what_it_cannot_read(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    /* A mark after a consonant, after i (whose tones are bytes of their
     * own), a dot on y (ỵ is 0xEE), a small mark on a capital, punctuation
     * of Windows-1252 (its glyph differs between VNI fonts). */
    const struct {
        const char *in;
        size_t bad;
    } cases[] = {{"x\xF9", 1}, {"ki\xF9", 2}, {"y\xEF", 1}, {"A\xF9", 1}, {"ab\x93" "c", 2},
                 {"e\xEA", 1}, {"\xF4\xE2", 1}, {"\xA9", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        plan_buf_reset(&b);
        assert_int_equal(plan_vni_decode((const unsigned char *)cases[i].in, strlen(cases[i].in),
                                         &b),
                         cases[i].bad);
    }
    plan_buf_free(&b);
    assert_true(plan_vni_is_name("vni-windows"));
    assert_true(plan_vni_is_name("VNI"));
    assert_false(plan_vni_is_name("VNI-X"));
}

/* ---- the syllable speller ---- */

static int syl(const char *s)
{
    return plan_syllable_valid(s, strlen(s), 0);
}

static void syllables(void **state)
{
    (void)state;
    const char *good[] = {
        "a", "ở", "Sở", "SỞ", "văn", "hóa", "hoá", "nghiêng", "nghiệp", "giếng", "gìn", "gì",
        "già", "quốc", "quyết", "quy", "khuya", "khuỷu", "thuở", "người", "rượu", "đường",
        "Đà", "yêu", "uống", "ước", "oai", "xoong", "kỳ", "kế", "ghế", "nghĩ", "chính", "thích",
        "lịch", "tuyển", "huấn", "loằng", "ngoặt", "hoạch", "Việt", "NAM", "tỉnh", "ủy",
        "ho\xCC\200a", /* hòa written decomposed */
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (!syl(good[i]))
            fail_msg("\"%s\" should be a syllable", good[i]);
    const char *bad[] = {
        "", "cafộ", "cỏc", "fan", "ka", "ci", "ge", "nge", "qua\xCC\x80n\xCC\x81",
        "quu", "Së", "V¨n", "ho¸", "vỔ", "ThÓ", "sỞ", "hoà1", "ăn2", "ăa", "ưa\xCC\x88", "nguyen x",
        "pồ", "ẳ", "ăm\xCC\x80m", "tiếng việt", "bạnn", "trường\xCC\x81", "mât\xCC\x80",
        "UBND",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (syl(bad[i]))
            fail_msg("\"%s\" should not be a syllable", bad[i]);
    /* Case: natural only, unless any case is asked for (.VnTimeH text). */
    assert_false(plan_syllable_valid("THể", strlen("THể"), 0));
    assert_true(plan_syllable_valid("THể", strlen("THể"), 1));
    /* Stop endings take only sắc and nặng. */
    assert_true(syl("học"));
    assert_true(syl("hóc"));
    assert_false(syl("hòc"));
    assert_false(syl("hoc\xCC\x83"));
}

/* ---- detection ---- */

static plan_misenc_score score(const char *s, plan_legacy e)
{
    plan_misenc_score sc;
    plan_misenc_score_text(s, strlen(s), e, &sc);
    return sc;
}

static void scores(void **state)
{
    (void)state;
    plan_misenc_score s = score("Së V¨n hãa, ThÓ thao vµ Du lÞch", PLAN_LEGACY_TCVN3);
    assert_int_equal(s.gain, 6); /* Së V¨n hãa ThÓ vµ lÞch; thao and Du are ASCII */
    assert_int_equal(s.loss, 0);
    assert_int_equal(s.none, 0);
    assert_true(s.strong >= 3); /* V¨n, ThÓ, lÞch */
    s = score("Së V¨n hãa, ThÓ thao vµ Du lÞch", PLAN_LEGACY_VNI);
    assert_true(s.gain <= 1);
    s = score("Sôû Vaên hoùa", PLAN_LEGACY_VNI);
    assert_int_equal(s.gain, 3);
    assert_int_equal(s.strong, 3);
    assert_int_equal(s.loss, 0);
    /* Correct text: no gain; its Latin-1 words are spoilt by re-reading. */
    s = score("Sở Văn hóa, Thể thao và Du lịch", PLAN_LEGACY_TCVN3);
    assert_int_equal(s.gain, 0);
    s = score("và các", PLAN_LEGACY_TCVN3);
    assert_int_equal(s.loss, 2);
    s = score("cã", PLAN_LEGACY_TCVN3); /* có, or a syllable as it stands */
    assert_int_equal(s.both, 1);
    s = score("N§", PLAN_LEGACY_TCVN3);
    assert_int_equal(s.gain, 1);
    /* Foreign words that stay foreign either way. */
    s = score("Müller café", PLAN_LEGACY_TCVN3);
    assert_int_equal(s.gain, 0);
    assert_int_equal(s.none, 2);
}

/* Finds the runs of in and checks there is one, repaired into want. */
static void one_run(const char *in, plan_legacy e, const char *was, const char *want)
{
    plan_misenc *v = NULL;
    size_t n = plan_misenc_find(in, strlen(in), &v);
    if (n != 1)
        fail_msg("%zu runs in \"%s\"", n, in);
    assert_int_equal(v[0].enc, e);
    assert_int_equal(v[0].len, strlen(was));
    assert_memory_equal(in + v[0].off, was, strlen(was));
    assert_string_equal(v[0].fixed, want);
    /* The repaired text has nothing left to repair. */
    size_t k = strlen(in) - v[0].len + v[0].fixed_len;
    char *all = malloc(k + 1);
    memcpy(all, in, v[0].off);
    memcpy(all + v[0].off, v[0].fixed, v[0].fixed_len);
    strcpy(all + v[0].off + v[0].fixed_len, in + v[0].off + v[0].len);
    plan_misenc *w = NULL;
    assert_int_equal(plan_misenc_find(all, k, &w), 0);
    free(all);
    plan_misenc_free(v, n);
}

static void runs_found(void **state)
{
    (void)state;
    one_run("<p>Së V¨n hãa, ThÓ thao vµ Du lÞch</p>", PLAN_LEGACY_TCVN3,
            "Së V¨n hãa, ThÓ thao vµ Du lÞch", "Sở Văn hóa, Thể thao và Du lịch");
    one_run("<p>Sôû Vaên hoùa, Theå thao vaø Du lòch</p>", PLAN_LEGACY_VNI,
            "Sôû Vaên hoùa, Theå thao vaø Du lòch", "Sở Văn hóa, Thể thao và Du lịch");
    /* Within real Unicode text: only the pasted words, not "các" or "có"
     * around them, which are Vietnamese as they stand. */
    one_run("<p>Thực hiện các nội dung của Së V¨n hãa tØnh cã liên quan</p>",
            PLAN_LEGACY_TCVN3, "Së V¨n hãa tØnh", "Sở Văn hóa tỉnh");
    /* Abbreviations with Đ, and a word from a capitals font: "NGHÜA" has two
     * capitals, so its re-read small letter is a capital too. */
    one_run("<p>NghÞ ®Þnh sè 91/2017/N§-CP</p>", PLAN_LEGACY_TCVN3,
            "NghÞ ®Þnh sè 91/2017/N§", "Nghị định số 91/2017/NĐ");
    one_run("<x>CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM</x>", PLAN_LEGACY_TCVN3,
            "CéNG HßA X· HéI CHñ NGHÜA VIÖT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT");
    /* One word, but a clear one. */
    one_run("<p>Căn cứ LuËt</p>", PLAN_LEGACY_TCVN3, "LuËt", "Luật");
    /* Runs never cross markup: two elements, two runs. */
    plan_misenc *v = NULL;
    const char *two = "<p>Së V¨n hãa</p><p>Sôû Vaên hoùa</p>";
    assert_int_equal(plan_misenc_find(two, strlen(two), &v), 2);
    assert_int_equal(v[0].enc, PLAN_LEGACY_TCVN3);
    assert_int_equal(v[1].enc, PLAN_LEGACY_VNI);
    assert_string_equal(v[1].fixed, "Sở Văn hóa");
    plan_misenc_free(v, 2);
}

static void no_false_alarms(void **state)
{
    (void)state;
    /* Correct Vietnamese (NFC and NFD), words of other languages in Latin-1
     * that re-read into valid spellings (Danish "på" → "pồ", Romanian "în" →
     * "ợn", Spanish "aún" → "ẳn"), guillemets as quotation marks, symbols
     * between numbers, short texts without a clear sign. */
    const char *texts[] = {
        "<p>Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai</p>",
        "<p>các cá nhân có thành tích tiêu biểu và xuất sắc</p>",
        "<p>ho\xCC\200a bi\xCC\200nh</p>",
        "kunne ikke allokere på %u byte på disken",
        "în lucrarea în directorul %s",
        "aún no",
        "Kann »%s/%s« nicht öffnen",
        "Giá 3 × 4 × 5 đồng",
        "café, déjà vu, Noël, où est-il, Müller, São Paulo, naïve",
        "<p>Së Néi vô</p>",
        "© 2025 · ® · ¶ 3 · § 4",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        plan_misenc *v = NULL;
        size_t n = plan_misenc_find(texts[i], strlen(texts[i]), &v);
        if (n)
            fail_msg("\"%s\" flagged: \"%s\"", texts[i], v[0].fixed);
        plan_misenc_free(v, n);
    }
}

/* plan_misenc_find (segments without a possible sign passed over) and
 * plan_misenc_find_full (every segment split and classified) must find
 * the same runs in text[0..n). */
static void same_runs(const char *text, size_t n)
{
    plan_misenc *a = NULL, *b = NULL;
    size_t na = plan_misenc_find(text, n, &a), nb = plan_misenc_find_full(text, n, &b);
    if (na != nb)
        fail_msg("%zu runs, %zu without the quick test, in \"%.200s\"", na, nb, text);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(a[i].off, b[i].off);
        assert_int_equal(a[i].len, b[i].len);
        assert_int_equal(a[i].enc, b[i].enc);
        assert_int_equal(a[i].words, b[i].words);
        assert_memory_equal(&a[i].score, &b[i].score, sizeof a[i].score);
        assert_string_equal(a[i].fixed, b[i].fixed);
    }
    plan_misenc_free(a, na);
    plan_misenc_free(b, nb);
}

static void quick_test_agrees(void **state)
{
    (void)state;
    /* Two and three characters of ASCII and Latin-1 in every order, alone
     * and among words, so that every sign and its neighbours is tried. */
    static const char *const around[] = {"<p>%s</p>", "<p>Th%s ho¸ %s</p>", "<p>Sở %sn và LuËt</p>"};
    uint32_t cs[160];
    size_t k = 0;
    for (const char *c = "aeiouyAEIOUYdDnhTq ,"; *c; c++)
        cs[k++] = (uint32_t)*c;
    for (uint32_t cp = 0xA0; cp <= 0xFF; cp++)
        cs[k++] = cp;
    cs[k++] = 0x1EA1; /* ạ */
    cs[k++] = 0x0111; /* đ */
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            char w[16], *o = w;
            o += utf8proc_encode_char((utf8proc_int32_t)cs[i], (utf8proc_uint8_t *)o);
            o += utf8proc_encode_char((utf8proc_int32_t)cs[j], (utf8proc_uint8_t *)o);
            o += utf8proc_encode_char((utf8proc_int32_t)cs[(i + j) % k], (utf8proc_uint8_t *)o);
            *o = '\0';
            for (size_t f = 0; f < sizeof around / sizeof *around; f++) {
                char t[96];
                snprintf(t, sizeof t, around[f], w, w);
                same_runs(t, strlen(t));
            }
        }
    /* Segments without Latin-1 before and between legacy ones (the quick
     * test goes from one C2/C3 byte to the next), a NUL among them, which
     * ends a segment as < and > do. */
    static const char mixed[] = "<a x=\"1\">plain</a>\n  <b>Së V¨n hãa</b><i>ok</i>\0"
                                "Căn cứ LuËt<c>Sở</c><d>ok</d>>Sôû Vaên hoùa";
    same_runs(mixed, sizeof mixed - 1);
    plan_misenc *m = NULL;
    size_t nm = plan_misenc_find(mixed, sizeof mixed - 1, &m);
    assert_int_equal(nm, 3);
    plan_misenc_free(m, nm);
    /* Every sample plan and rule case that is UTF-8. */
    const char *const pats[] = {"plans/*.xml", "tests/cases/*/*.xml"};
    size_t files = 0;
    for (size_t p = 0; p < 2; p++) {
        glob_t g;
        if (glob(pats[p], 0, NULL, &g) != 0)
            continue;
        for (size_t i = 0; i < g.gl_pathc; i++) {
            FILE *f = fopen(g.gl_pathv[i], "rb");
            assert_non_null(f);
            plan_buf b = PLAN_BUF_INIT;
            char chunk[4096];
            size_t r;
            while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
                plan_buf_append(&b, chunk, r);
            fclose(f);
            if (b.len && plan_utf8_valid_prefix(b.data, b.len) == b.len) {
                same_runs(b.data, b.len);
                files++;
            }
            plan_buf_free(&b);
        }
        globfree(&g);
    }
    assert_true(files >= 100); /* run from the top of the repository */
}

/* plan_vni_pair (two table look-ups) against the lists of VNI's mark
 * bytes as Latin-1 characters: circumflex, breve (or horn) and tone marks,
 * the vowels each goes with, a capital vowel with a capital mark; every
 * pair of characters up to U+01FF. */
static int vni_pair_plain(uint32_t prev, uint32_t cp)
{
    static const unsigned char circ[] = {0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4};
    static const unsigned char breve[] = {0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB};
    static const unsigned char tone[] = {0xF9, 0xF8, 0xFB, 0xF5, 0xEF};
    int upper = (prev >= 'A' && prev <= 'Z') || prev == 0xD4 || prev == 0xD6;
    uint32_t v = upper ? prev + 0x20 : prev, m = upper ? cp + 0x20 : cp;
    if (upper && (cp < 0xC0 || cp > 0xDF))
        return 0;
    for (size_t i = 0; i < sizeof circ; i++)
        if (m == circ[i])
            return v == 'a' || v == 'e' || v == 'o';
    for (size_t i = 0; i < sizeof breve; i++)
        if (m == breve[i])
            return v == 'a';
    for (size_t i = 0; i < sizeof tone; i++)
        if (m == tone[i])
            return v == 'a' || v == 'e' || v == 'o' || v == 'u' || (v == 'y' && m != 0xEF) ||
                   v == 0xF4 || v == 0xF6;
    return 0;
}

static void vni_pairs(void **state)
{
    (void)state;
    size_t pairs = 0;
    for (uint32_t prev = 0; prev < 0x200; prev++)
        for (uint32_t cp = 0; cp < 0x200; cp++) {
            int want = vni_pair_plain(prev, cp);
            if (plan_vni_pair(prev, cp) != want)
                fail_msg("U+%04X U+%04X: %d, want %d", prev, cp, !want, want);
            pairs += (size_t)want;
        }
    assert_true(pairs > 50);
    assert_true(plan_vni_pair('o', 0xE0) && plan_vni_pair('O', 0xC0) && !plan_vni_pair('o', 0xC0));
}

/* The quick test's look at one Latin-1 character (plan_misenc_sign_at)
 * against the signs written out plainly, with vni_pair_plain: for every
 * character before it (none, ASCII, Latin-1, beyond), every Latin-1
 * character and every character after it. Where quiet_at passes over a
 * character, there is no sign. */
static int sign_plain(uint32_t prev, uint32_t cp, uint32_t next)
{
    int letter_before = (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') ||
                        prev >= 0x80;
    int symbol = (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) ||
                 cp == 0xD7 || cp == 0xF7;
    return symbol || (cp >= 0xC0 && cp <= 0xDE && letter_before) ||
           (cp >= 0xDF && prev >= 'A' && prev <= 'Z' && next >= 'A' && next <= 'Z') ||
           (cp >= 0xC0 && prev && vni_pair_plain(prev, cp)) ||
           (((cp | 0x20) == 0xF4 || (cp | 0x20) == 0xF6) && next && next < 0x100 &&
            vni_pair_plain(cp, next));
}

static void quick_test_signs(void **state)
{
    (void)state;
    uint32_t ctx[260];
    size_t nc = 0, signs = 0, quiet = 0;
    ctx[nc++] = 0; /* none: the edge of the segment */
    for (uint32_t c = 0x20; c < 0x7F; c++)
        ctx[nc++] = c;
    for (uint32_t c = 0xA0; c <= 0xFF; c++)
        ctx[nc++] = c;
    ctx[nc++] = 0x1EA1; /* ạ */
    ctx[nc++] = 0x201C; /* “ */
    for (size_t p = 0; p < nc; p++)
        for (uint32_t cp = 0x80; cp <= 0xFF; cp++)
            for (size_t q = 0; q < nc; q++) {
                char t[16];
                size_t k = 0;
                t[k++] = '>'; /* before the segment */
                size_t a = k;
                if (ctx[p])
                    k += (size_t)utf8proc_encode_char((utf8proc_int32_t)ctx[p], (utf8proc_uint8_t *)t + k);
                size_t j = k;
                k += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)t + k);
                if (ctx[q])
                    k += (size_t)utf8proc_encode_char((utf8proc_int32_t)ctx[q], (utf8proc_uint8_t *)t + k);
                size_t b = k;
                t[k++] = '<';
                /* the quick test reads what is not Latin-1 as 0x100 */
                uint32_t prev = ctx[p] > 0xFF ? 0x100 : ctx[p], next = ctx[q] > 0xFF ? 0x100 : ctx[q];
                int want = sign_plain(prev, cp, next), q1;
                int got = plan_misenc_sign_at(t, a, b, j, &q1);
                if (got != want || (q1 && want))
                    fail_msg("U+%04X U+%04X U+%04X: sign %d (quiet %d), want %d", ctx[p], cp,
                             ctx[q], got, q1, want);
                signs += (size_t)want;
                quiet += (size_t)q1;
            }
    assert_true(signs > 100000 && quiet > 10000);
}

static void redecode(void **state)
{
    (void)state;
    plan_buf b = PLAN_BUF_INIT;
    assert_int_equal(plan_misenc_redecode("V¨n", strlen("V¨n"), PLAN_LEGACY_TCVN3, &b), 0);
    assert_string_equal(b.data, "Văn");
    plan_buf_reset(&b);
    assert_int_equal(plan_misenc_redecode("Vaên", strlen("Vaên"), PLAN_LEGACY_VNI, &b), 0);
    assert_string_equal(b.data, "Văn");
    plan_buf_reset(&b);
    /* Beyond Latin-1, or bytes that are not text in the encoding. */
    assert_int_equal(plan_misenc_redecode("Văn", strlen("Văn"), PLAN_LEGACY_TCVN3, &b), -1);
    assert_int_equal(plan_misenc_redecode("x°", strlen("x°"), PLAN_LEGACY_TCVN3, &b), -1);
    assert_int_equal(plan_misenc_redecode("xù", strlen("xù"), PLAN_LEGACY_VNI, &b), -1);
    assert_int_equal(b.len, 0);
    plan_buf_free(&b);
    assert_string_equal(plan_legacy_name(PLAN_LEGACY_TCVN3), "TCVN3");
    assert_string_equal(plan_legacy_name(PLAN_LEGACY_VNI), "VNI");
}

/* ---- the loader: encodings, positions, errors ---- */

static plan_source *load(const char *bytes, size_t n, const char *forced, plan_diags *d)
{
    plan_load_opts o;
    memset(&o, 0, sizeof o);
    o.encoding = forced;
    plan_source *s = NULL;
    plan_load_bytes(bytes, n, "t.xml", &o, d, &s);
    return s;
}

/* The one diagnostic of a failed load: XML-ENCODING at line:col. */
#define FAILS(lit, forced, line, col, words) load_fails(lit, sizeof lit - 1, forced, line, col, words)
static void load_fails(const char *bytes, size_t n, const char *forced, unsigned line,
                       unsigned col, const char *words)
{
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *s = load(bytes, n, forced, &d);
    assert_null(s);
    assert_int_equal(d.n, 1);
    assert_string_equal(plan_rule_get(d.v[0].rule)->id, "XML-ENCODING");
    if (d.v[0].pos.line != line || d.v[0].pos.col != col)
        fail_msg("at %u:%u, expected %u:%u: %s", d.v[0].pos.line, d.v[0].pos.col, line, col,
                 d.v[0].message);
    if (words && !strstr(d.v[0].message, words))
        fail_msg("\"%s\" does not say \"%s\"", d.v[0].message, words);
    plan_diags_clear(&d);
}

static void load_vni(void **state)
{
    (void)state;
    plan_diags d = PLAN_DIAGS_INIT;
    const char x[] = "<?xml version=\"1.0\" encoding=\"VNI-Windows\"?>\r\n<a>S\xF4\xFB Va\xEAn</a>";
    plan_source *s = load(x, sizeof x - 1, NULL, &d);
    assert_non_null(s);
    assert_non_null(strstr(s->text, "\n<a>Sở Văn</a>"));
    assert_string_equal(s->encoding, "VNI");
    plan_source_free(s);
    const char y[] = "<a>Va\xEAn</a>";
    s = load(y, sizeof y - 1, "vni", &d);
    assert_non_null(s);
    assert_string_equal(s->text, "<a>Văn</a>");
    plan_source_free(s);
    assert_int_equal(d.n, 0);
    /* A byte VNI does not have: line 2, after "Văn " (4 characters, not 5 bytes). */
    FAILS("<a>\nVa\xEAn \x93</a>", "VNI", 2, 5, "0x93");
}

static void load_positions(void **state)
{
    (void)state;
    /* A bad byte after "<b>Hòa" on line 2 is at 2:7 in every encoding. */
    FAILS("<a>\n<b>H\xC3\xB2" "a\xFF</b></a>", NULL, 2, 7, "0xFF");
    /* CP1258 writes ò as o and a combining grave (0xCC), and holds "a" back
     * waiting for a mark when the undefined 0x81 comes; CRLF is one line
     * end, and so is a lone CR. */
    FAILS("<a>\r\n<b>Ho\xCC" "a\x81</b></a>", "CP1258", 2, 7, "CP1258");
    FAILS("<a>\r<b>Ho\xCC" "a\x81</b></a>", "CP1258", 2, 7, "CP1258");
    /* UTF-16: a lone low surrogate after "<b>Hòa" on line 2. */
    const char u16[] = "\xFF\xFE<\0a\0>\0\n\0<\0b\0>\0H\0\xF2\0a\0\x00\xDC<\0/\0b\0>\0";
    FAILS(u16, NULL, 2, 7, NULL);
    /* Positions in loaded text count a letter and its combining marks once. */
    plan_diags d = PLAN_DIAGS_INIT;
    const char nfd[] = "<a>ho\xCC\x80" "a x</a>";
    plan_source *s = load(nfd, sizeof nfd - 1, NULL, &d);
    assert_non_null(s);
    plan_pos p = plan_source_pos(s, (size_t)(strchr(s->text, 'x') - s->text));
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 8); /* <a>hòa x: x is the 8th character */
    plan_source_free(s);
    /* More lines than the loader first makes room for (one in 32 bytes). */
    char many[600];
    memcpy(many, "<a>", 3);
    memset(many + 3, '\n', 500);
    memcpy(many + 503, "x</a>", 5);
    s = load(many, 508, NULL, &d);
    assert_non_null(s);
    assert_int_equal(s->nlines, 501);
    p = plan_source_pos(s, 503);
    assert_int_equal(p.line, 501);
    assert_int_equal(p.col, 1);
    p = plan_source_pos(s, 250);
    assert_int_equal(p.line, 248);
    plan_source_free(s);
}

/* The loader's UTF-8 check: a text loads exactly when it is all valid
 * UTF-8 (plan_utf8_valid_prefix, itself compared with a byte-by-byte check
 * in test_utf8.c). Every three bytes of those that border the ranges of
 * UTF-8 (overlong forms, surrogates, beyond U+10FFFF, cut sequences, NUL)
 * before the end, before continuation bytes and before ASCII; then texts
 * of valid characters of every length, short and long, with such bytes
 * put anywhere. */
static void load_utf8_check_agrees(void **state)
{
    (void)state;
    static const unsigned char edges[] = {0x00, 0x01, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                          0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                          0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    enum { NE = sizeof edges };
    static const char *const tails[] = {"", "\x80", "\x80\x80", "abcdefgh", "\x80\x80\x80"};
    for (size_t c = 0; c < NE * NE * NE; c++)
        for (size_t f = 0; f < sizeof tails / sizeof *tails; f++) {
            char t[32];
            size_t n = 3;
            memcpy(t, "<a>", 3); /* no byte-order mark, no declaration */
            t[n++] = (char)edges[c % NE];
            t[n++] = (char)edges[c / NE % NE];
            t[n++] = (char)edges[c / NE / NE];
            memcpy(t + n, tails[f], strlen(tails[f]));
            n += strlen(tails[f]);
            plan_diags d = PLAN_DIAGS_INIT;
            plan_source *s = load(t, n, NULL, &d);
            int valid = plan_utf8_valid_prefix(t, n) == n;
            if ((s != NULL) != valid)
                fail_msg("bytes %02X %02X %02X, tail %zu: loaded %d, valid UTF-8 %d",
                         edges[c % NE], edges[c / NE % NE], edges[c / NE / NE], f, s != NULL,
                         valid);
            plan_source_free(s);
            plan_diags_clear(&d);
        }
    static const char *const pieces[] = {
        "a", "<p>xyz</p>\n", "\xc3\xa9", "\xe1\xbb\x99", "\xf0\x9f\x98\x80", "\xed\x9f\xbf",
        "\xee\x80\x80", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xe0\xa0\x80", "\xf0\x90\x80\x80",
        "\xc2\x80", "\xdf\xbf", "\xc4\x91",
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    unsigned r = 2024;
    size_t ok = 0, bad = 0;
    for (int k = 0; k < 40000; k++) {
        char t[1200];
        size_t n = 3;
        memcpy(t, "<a>", 3);
        r = r * 1103515245u + 12345u;
        size_t count = k % 2 ? (r >> 16) % 20 : (r >> 16) % 300;
        for (size_t j = 0; j < count; j++) {
            r = r * 1103515245u + 12345u;
            const char *pc = pieces[(r >> 16) % NP];
            memcpy(t + n, pc, strlen(pc));
            n += strlen(pc);
        }
        r = r * 1103515245u + 12345u;
        if (k % 3 && n > 3) { /* one to three bytes of the edges somewhere */
            size_t at = 3 + (r >> 8) % (n - 3), m = 1 + k % 3;
            for (size_t j = 0; j < m && at + j < n; j++) {
                r = r * 1103515245u + 12345u;
                t[at + j] = (char)edges[(r >> 16) % NE];
            }
        }
        plan_diags d = PLAN_DIAGS_INIT;
        plan_source *s = load(t, n, NULL, &d);
        int valid = plan_utf8_valid_prefix(t, n) == n;
        if ((s != NULL) != valid)
            fail_msg("case %d (%zu bytes): loaded %d, valid UTF-8 %d", k, n, s != NULL, valid);
        ok += valid;
        bad += !valid;
        plan_source_free(s);
        plan_diags_clear(&d);
    }
    assert_true(ok > 10000 && bad > 10000);
}

/* Columns counted eight bytes at a time (load.c, columns) against one
 * code point at a time with utf8proc: every offset of a text made of
 * letters of every length, precomposed and NFD, marks of U+0300, U+1AB0
 * and U+1DC0, Myanmar and Thai letters with their marks, CJK and an emoji,
 * on short lines and on one line longer than the 512-byte checkpoints. */
static void load_columns_agree(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", " ", "\xc3\xa9", "\xe1\xbb\x99", "o\xcc\x82\xcc\xa3", "\xc4\x91", "\xe2\x80\x9c",
        "\xe1\xaa\xb0", "\xe1\xb7\x80", "\xe1\x80\x80\xe1\x80\xb7", "\xe0\xb8\x81\xe0\xb8\xb4",
        "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xd2\x83", "\xcd\xa3", "xyz", "\n",
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    for (int longline = 0; longline < 2; longline++) {
        plan_buf b = PLAN_BUF_INIT;
        plan_buf_append(&b, "<a>", 3);
        unsigned r = 12345;
        for (int k = 0; k < 3000; k++) {
            r = r * 1103515245u + 12345u;
            size_t j = (r >> 16) % NP;
            if (longline && j == NP - 1)
                continue;
            plan_buf_append(&b, pieces[j], strlen(pieces[j]));
        }
        plan_buf_append(&b, "</a>", 4);
        plan_diags d = PLAN_DIAGS_INIT;
        plan_source *s = load(b.data, b.len, NULL, &d);
        assert_non_null(s);
        unsigned line = 1, col = 1;
        for (size_t off = 0; off < s->len;) {
            plan_pos p = plan_source_pos(s, off);
            if (p.line != line || p.col != col)
                fail_msg("offset %zu: %u:%u, want %u:%u", off, p.line, p.col, line, col);
            utf8proc_int32_t cp;
            utf8proc_ssize_t k =
                utf8proc_iterate((const utf8proc_uint8_t *)s->text + off, (utf8proc_ssize_t)(s->len - off), &cp);
            assert_true(k > 0);
            off += (size_t)k;
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                utf8proc_category_t c = utf8proc_category(cp);
                col += c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_ME;
            }
        }
        plan_source_free(s);
        plan_diags_clear(&d);
        plan_buf_free(&b);
    }
}

static void load_mismatches(void **state)
{
    (void)state;
    /* Unknown name. */
    const char unk[] = "<?xml version=\"1.0\" encoding=\"VNI-X\"?><a/>";
    FAILS(unk, NULL, 1, 1, "unknown encoding 'VNI-X'");
    /* UTF-16 declared, but the declaration is in single bytes. */
    const char u16[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>";
    FAILS(u16, NULL, 1, 31, "UTF-16");
    /* Declared TCVN3, but the bytes are UTF-8: at the first letter beyond ASCII. */
    const char t8[] = "<?xml version=\"1.0\" encoding=\"TCVN5712-1\"?>\n<a>Sở</a>";
    FAILS(t8, NULL, 2, 5, "UTF-8");
    /* A byte-order mark that contradicts the declaration, or --encoding. */
    const char bom[] = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"TCVN5712-1\"?><a/>";
    FAILS(bom, NULL, 1, 31, "byte-order mark");
    const char bom2[] = "\xFF\xFE<\0a\0/\0>\0";
    FAILS(bom2, "TCVN5712-1", 1, 1, "--encoding");
    /* What agrees loads: "UTF-16" with a little-endian mark, "TCVN3" as a name. */
    plan_diags d = PLAN_DIAGS_INIT;
    plan_source *s = load(bom2, sizeof bom2 - 1, "UTF-16", &d);
    assert_non_null(s);
    assert_string_equal(s->text, "<a/>");
    plan_source_free(s);
    /* UTF-32 little-endian: its mark starts like UTF-16's. */
    const char u32[] = "\xFF\xFE\0\0<\0\0\0a\0\0\0/\0\0\0>\0\0\0";
    s = load(u32, sizeof u32 - 1, NULL, &d);
    assert_non_null(s);
    assert_string_equal(s->text, "<a/>");
    assert_string_equal(s->encoding, "UTF-32LE");
    plan_source_free(s);
    const char t3[] = "<?xml version=\"1.0\" encoding=\"tcvn3\"?><a>c\xB8</a>";
    s = load(t3, sizeof t3 - 1, NULL, &d);
    assert_non_null(s);
    assert_non_null(strstr(s->text, "<a>cá</a>"));
    plan_source_free(s);
    assert_int_equal(d.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tcvn3_table_is_glibc),
        cmocka_unit_test(vni_every_letter),
        cmocka_unit_test(vni_known_words),
        cmocka_unit_test(vni_refuses_what_it_cannot_read),
        cmocka_unit_test(syllables),
        cmocka_unit_test(scores),
        cmocka_unit_test(runs_found),
        cmocka_unit_test(no_false_alarms),
        cmocka_unit_test(quick_test_agrees),
        cmocka_unit_test(vni_pairs),
        cmocka_unit_test(quick_test_signs),
        cmocka_unit_test(redecode),
        cmocka_unit_test(load_vni),
        cmocka_unit_test(load_positions),
        cmocka_unit_test(load_columns_agree),
        cmocka_unit_test(load_utf8_check_agrees),
        cmocka_unit_test(load_mismatches),
    };
    return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
