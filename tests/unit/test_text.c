/*
 * test_text.c - unit tests of Vietnamese text handling in src/util: tone-mark
 * placement (tone.c), office-name matching (names.c), and the collation of
 * NFD text and of punctuation (collate.c; tests/unit/test_collate_icu.c
 * compares it with ICU on thousands of words).
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

#include "plan/util.h"
#include "util/tone.h"

/* plan_tone_place(in, style) must give want (NULL: no change). */
static void place(const char *in, plan_tone_style style, const char *want)
{
    plan_tone_change ch;
    char *got = plan_tone_place(in, style, &ch);
    if (!want) {
        if (got)
            fail_msg("\"%s\" changed to \"%s\"", in, got);
        assert_int_equal(ch.count, 0);
        return;
    }
    if (!got)
        fail_msg("\"%s\" unchanged, expected \"%s\"", in, want);
    assert_string_equal(got, want);
    assert_true(ch.count > 0);
    free(got);
}

static void tone_open_oa_oe_uy(void **state)
{
    (void)state;
    /* new → old */
    place("hoà", PLAN_TONE_OLD, "hòa");
    place("hoá", PLAN_TONE_OLD, "hóa");
    place("hoả", PLAN_TONE_OLD, "hỏa");
    place("hoã", PLAN_TONE_OLD, "hõa");
    place("hoạ", PLAN_TONE_OLD, "họa");
    place("khoẻ", PLAN_TONE_OLD, "khỏe");
    place("thuỷ", PLAN_TONE_OLD, "thủy");
    place("uỷ", PLAN_TONE_OLD, "ủy");
    place("oà", PLAN_TONE_OLD, "òa");
    place("toà", PLAN_TONE_OLD, "tòa");
    place("xoè", PLAN_TONE_OLD, "xòe");
    place("tuý", PLAN_TONE_OLD, "túy");
    /* old → new */
    place("hòa", PLAN_TONE_NEW, "hoà");
    place("khỏe", PLAN_TONE_NEW, "khoẻ");
    place("thủy", PLAN_TONE_NEW, "thuỷ");
    place("ủy", PLAN_TONE_NEW, "uỷ");
    place("góa", PLAN_TONE_NEW, "goá");
    /* already in style */
    place("hòa", PLAN_TONE_OLD, NULL);
    place("hoà", PLAN_TONE_NEW, NULL);
}

static void tone_case_and_context(void **state)
{
    (void)state;
    place("HOÀ", PLAN_TONE_OLD, "HÒA");
    place("Hoà", PLAN_TONE_OLD, "Hòa");
    place("UỶ BAN", PLAN_TONE_OLD, "ỦY BAN");
    place("CỘNG HÒA XÃ HỘI", PLAN_TONE_NEW, "CỘNG HOÀ XÃ HỘI");
    /* Only the changed words move; punctuation and other words stay. */
    place("Sở Văn hoá, Thể thao và Du lịch (Thuỷ).", PLAN_TONE_OLD,
          "Sở Văn hóa, Thể thao và Du lịch (Thủy).");
    place("tỉnh Khánh Hoà; hoà nhập", PLAN_TONE_OLD, "tỉnh Khánh Hòa; hòa nhập");
    /* NFD input: the result is NFC */
    place("hoa\xCC\x80", PLAN_TONE_OLD, "hòa");
    place("ho\xCC\x80" "a", PLAN_TONE_NEW, "hoà");
}

static void tone_what_is_left_alone(void **state)
{
    (void)state;
    /* A final consonant: the mark is on the last vowel in both styles. */
    place("hoàn", PLAN_TONE_OLD, NULL);
    place("hoàn", PLAN_TONE_NEW, NULL);
    place("huỳnh", PLAN_TONE_OLD, NULL);
    place("hoạch", PLAN_TONE_OLD, NULL);
    place("KẾ HOẠCH", PLAN_TONE_NEW, NULL);
    place("thuyền", PLAN_TONE_NEW, NULL);
    /* A vowel with a diacritic takes the mark; ia, ua, ưa the first vowel. */
    place("thuở", PLAN_TONE_OLD, NULL);
    place("huế", PLAN_TONE_NEW, NULL);
    place("được", PLAN_TONE_NEW, NULL);
    place("mía của lửa", PLAN_TONE_NEW, NULL);
    /* qu and gi are onsets: quý, quà, già are not oa/uy syllables. */
    place("quý quỳ quả quà già", PLAN_TONE_OLD, NULL);
    place("quý quỳ quả quà già", PLAN_TONE_NEW, NULL);
    /* Three vowels: the middle one in both styles. */
    place("khoái ngoáy khuỷu ngoẹo", PLAN_TONE_OLD, NULL);
    place("khoái ngoáy khuỷu ngoẹo", PLAN_TONE_NEW, NULL);
    /* No tone mark, or not one Vietnamese syllable. */
    place("hoa thuy KH-UBND Samoa", PLAN_TONE_OLD, NULL);
    place("hòaa", PLAN_TONE_NEW, NULL);
    place("hòà", PLAN_TONE_NEW, NULL);  /* two tone marks: not a syllable */
    place("", PLAN_TONE_OLD, NULL);
    place(NULL, PLAN_TONE_OLD, NULL);
}

static void tone_change_report(void **state)
{
    (void)state;
    plan_tone_change ch;
    const char *in = "Văn hoá và sức khoẻ, thuỷ sản";
    char *out = plan_tone_place(in, PLAN_TONE_OLD, &ch);
    assert_non_null(out);
    assert_string_equal(out, "Văn hóa và sức khỏe, thủy sản");
    assert_int_equal(ch.count, 3);
    assert_int_equal(ch.offset, strlen("Văn "));
    assert_int_equal(ch.len, strlen("hoá"));
    assert_memory_equal(out + ch.new_offset, "hóa", ch.new_len);
    free(out);
    assert_null(plan_tone_place("không đổi", PLAN_TONE_OLD, NULL));
}

static void names_same(void **state)
{
    (void)state;
    assert_int_equal(plan_name_match("Văn phòng Sở", "Văn phòng Sở"), PLAN_NAME_SAME);
    assert_int_equal(plan_name_match("Văn phòng Sở", "VĂN PHÒNG SỞ"), PLAN_NAME_SAME);
    assert_int_equal(plan_name_match("Văn phòng Sở", "  Văn  phòng\tSở "), PLAN_NAME_SAME);
    /* NFD: V a+breve n, p h o+grave n g, S o+horn+hook */
    assert_int_equal(plan_name_match("Văn phòng Sở",
                                     "Va\xCC\x86n pho\xCC\x80ng So\xCC\x9B\xCC\x89"),
                     PLAN_NAME_SAME);
    assert_int_equal(plan_name_match("Ủy ban nhân dân tỉnh", "UỶ BAN NHÂN DÂN TỈNH"),
                     PLAN_NAME_SAME);
    assert_int_equal(plan_name_match("Phòng Hành chính - Quản trị", "Phòng Hành chính-Quản trị"),
                     PLAN_NAME_SAME);
    assert_int_equal(plan_name_match("Các phòng, đơn vị", "Các phòng ,đơn vị"), PLAN_NAME_SAME);
    assert_int_equal(plan_name_match(NULL, ""), PLAN_NAME_SAME);
}

static void names_without_accents(void **state)
{
    (void)state;
    assert_int_equal(plan_name_match("Văn phòng Sở", "Van phong So"), PLAN_NAME_NO_ACCENTS);
    assert_int_equal(plan_name_match("VAN PHONG SO", "Văn phòng Sở"), PLAN_NAME_NO_ACCENTS);
    assert_int_equal(plan_name_match("Sở Nội vụ", "Số Nội vụ"), PLAN_NAME_NO_ACCENTS);
    assert_int_equal(plan_name_match("Đảng ủy", "Dang uy"), PLAN_NAME_NO_ACCENTS);
    assert_int_equal(plan_name_match("Văn phòng Sở", "Văn phòng UBND"), PLAN_NAME_NONE);
    assert_int_equal(plan_name_match("Văn phòng Sở", "Văn phòng"), PLAN_NAME_NONE);
    assert_int_equal(plan_name_match("Sở Nội vụ", "Sở Nội vụ tỉnh"), PLAN_NAME_NONE);
}

static void names_keys_and_accents(void **state)
{
    (void)state;
    char *k = plan_name_key("Phòng Hành chính - Quản trị", 1);
    assert_string_equal(k, "phòng hành chính-quản trị");
    free(k);
    k = plan_name_key("Uỷ ban  (Thường trực)", 1);
    assert_string_equal(k, "ủy ban(thường trực)");
    free(k);
    k = plan_name_key("Đảng ủy Sở", 0);
    assert_string_equal(k, "dang uy so");
    free(k);
    assert_int_equal(plan_name_accents("Văn phòng Sở"), 4); /* ă ò ở(2) */
    assert_int_equal(plan_name_accents("cán bộ"), 3);
    assert_int_equal(plan_name_accents("cán bô"), 2);
    assert_int_equal(plan_name_accents("Đảng"), 2);
    assert_int_equal(plan_name_accents("Van phong So"), 0);
    assert_int_equal(plan_name_accents(NULL), 0);
}

static void collation_nfd_and_punctuation(void **state)
{
    (void)state;
    /* NFD sorts as NFC does, against other words. */
    assert_true(plan_collate_vi("ho\xCC\x80" "a", "hỏa") < 0);  /* hòa < hỏa */
    assert_true(plan_collate_vi("hoa", "ho\xCC\x80" "a") < 0);  /* hoa < hòa */
    assert_true(plan_collate_vi("ho\xCC\x80" "a", "hoa") > 0);
    assert_true(plan_collate_vi("ho\xCC\x80" "a", "hòa") != 0); /* ties broken by bytes */
    /* The Latin letters outside the Vietnamese alphabet in their place. */
    assert_true(plan_collate_vi("ê", "f") < 0);
    assert_true(plan_collate_vi("f", "g") < 0);
    assert_true(plan_collate_vi("i", "j") < 0);
    assert_true(plan_collate_vi("v", "w") < 0);
    assert_true(plan_collate_vi("y", "z") < 0);
    /* Space, punctuation (collation-table order), digits, letters. */
    assert_true(plan_collate_vi("a b", "a-b") < 0);
    assert_true(plan_collate_vi("a-b", "a,b") < 0);
    assert_true(plan_collate_vi("a.b", "a(b") < 0);
    assert_true(plan_collate_vi("a(b", "a/b") < 0);
    assert_true(plan_collate_vi("a/b", "a&b") < 0);
    assert_true(plan_collate_vi("a&b", "a1") < 0);
    assert_true(plan_collate_vi("a9", "aa") < 0);
    /* Tone outweighs case wherever each stands. */
    assert_true(plan_collate_vi("Ma ma", "ma mà") < 0);
    assert_true(plan_collate_vi("ma Ma", "Ma ma") < 0);
    /* Đ and đ: one letter after d, case last. */
    assert_true(plan_collate_vi("đa", "Đa") < 0);
    assert_true(plan_collate_vi("Da", "đa") < 0);
    /* A soft hyphen is ignored. */
    assert_true(plan_collate_vi("ab", "a\xC2\xAD" "c") < 0);
}

/* ---- the fast paths of folding and NFC agree with utf8proc ---- */

/* What plan_utf8_fold / _ascii must give, computed by utf8proc alone. */
static char *slow_fold(const char *s, int ascii)
{
    /* White space (and NBSP) folded to one space, ends trimmed. */
    char *sp = malloc(strlen(s) + 1);
    size_t n = 0;
    int pending = 0;
    for (const char *p = s; *p;) {
        int w = strchr(" \t\n\r\f\v", *p) ? 1
                : ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) ? 2 : 0;
        if (w) {
            pending = n > 0;
            p += w;
            continue;
        }
        if (pending)
            sp[n++] = ' ';
        pending = 0;
        sp[n++] = *p++;
    }
    sp[n] = '\0';
    s = sp;
    utf8proc_uint8_t *out = NULL;
    int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    if (ascii)
        opts |= UTF8PROC_STRIPMARK;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, -1, &out,
                                      (utf8proc_option_t)(opts | UTF8PROC_NULLTERM));
    assert_true(r >= 0);
    free(sp);
    char *o = (char *)out;
    if (ascii) { /* đ → d */
        size_t k = 0;
        for (size_t i = 0; o[i]; i++) {
            if ((unsigned char)o[i] == 0xC4 && (unsigned char)o[i + 1] == 0x91) {
                o[k++] = 'd';
                i++;
            } else {
                o[k++] = o[i];
            }
        }
        o[k] = '\0';
    }
    return o;
}

static void check_fold(const char *s)
{
    for (int ascii = 0; ascii < 2; ascii++) {
        char *want = slow_fold(s, ascii);
        char *got = ascii ? plan_utf8_fold_ascii(s) : plan_utf8_fold(s);
        if (strcmp(want, got) != 0)
            fail_msg("fold%s of '%s': got '%s', want '%s'", ascii ? "_ascii" : "", s, got, want);
        /* The buffer form, into a buffer that held something longer. */
        plan_buf b = PLAN_BUF_INIT;
        plan_buf_puts(&b, "a longer text that was in the buffer before");
        const char *in_buf = plan_utf8_fold_buf(&b, s, ascii);
        if (strcmp(want, in_buf) != 0 || b.len != strlen(want))
            fail_msg("fold_buf%s of '%s': got '%s', want '%s'", ascii ? " ascii" : "", s, in_buf,
                     want);
        plan_buf_free(&b);
        free(want);
        free(got);
    }
}

/* The quick test made by plan_text_normalize_styled must not pass over a
 * text that plan_tone_place_full changes, here with t behind 0 to 8 bytes
 * of ASCII and white space (every lane of its eight-byte copy). */
static void check_normalize_tone(const char *t, plan_tone_style style)
{
    plan_arena *ar = plan_arena_new();
    for (size_t pad = 0; pad <= 8; pad++) {
        char s[96];
        size_t n = strlen(t);
        if (n + pad >= sizeof s)
            break;
        memcpy(s, "x  Ab \t  ", pad);
        memcpy(s + pad, t, n + 1);
        int may = -1;
        const char *r = plan_text_normalize_styled(ar, s, n + pad, style, &may);
        assert_string_equal(r, plan_text_normalize(ar, s, n + pad));
        plan_tone_change ch;
        char *full = plan_tone_place_full(r, style, &ch);
        if (full && may != 1)
            fail_msg("tone style %d of '%s': the quick test says no change, the full path '%s'",
                     (int)style, s, full);
        assert_true(may == 0 || may == 1);
        free(full);
    }
    plan_arena_free(ar);
}

/* plan_tone_place (quick scan first) and plan_tone_place_full must give
 * the same text and the same change report for s; so must the quick test
 * of plan_text_normalize_styled allow it. */
static void check_tone_paths(const char *s)
{
    for (int style = 0; style < 2; style++) {
        plan_tone_change a, b;
        char *fast = plan_tone_place(s, (plan_tone_style)style, &a);
        char *full = plan_tone_place_full(s, (plan_tone_style)style, &b);
        if ((fast == NULL) != (full == NULL) || (fast && strcmp(fast, full) != 0))
            fail_msg("tone style %d of '%s': quick path '%s', full path '%s'", style, s,
                     fast ? fast : "(unchanged)", full ? full : "(unchanged)");
        assert_memory_equal(&a, &b, sizeof a);
        if (full)
            check_normalize_tone(s, (plan_tone_style)style);
        free(fast);
        free(full);
    }
}

/* The toned vowel read from the bytes must be the one of the table, for
 * every code point up to U+2FFF. */
static void tone_vowel_from_bytes_agrees(void **state)
{
    (void)state;
    for (unsigned cp = 0x80; cp < 0x3000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        unsigned char enc[8] = {0};
        utf8proc_encode_char((utf8proc_int32_t)cp, enc);
        if (plan_tone_vowel_at(enc) != plan_tone_vowel(cp))
            fail_msg("U+%04X: %d from the bytes, %d from the table", cp, plan_tone_vowel_at(enc),
                     plan_tone_vowel(cp));
    }
    /* No change, then no look by the full path: the quick test says so. */
    plan_arena *ar = plan_arena_new();
    int may = -1;
    plan_text_normalize_styled(ar, "Kế hoạch tổ chức  không đổi", 39, PLAN_TONE_OLD, &may);
    assert_int_equal(may, 0);
    /* Nor when a letter of three bytes straddles the end of an eight-byte
     * copy (no fall back to utf8proc then), wherever it falls. */
    for (size_t pad = 0; pad < 8; pad++) {
        char t[64];
        snprintf(t, sizeof t, "%.*sGiám đốc Sở", (int)pad, "ABCDEFGH");
        plan_text_normalize_styled(ar, t, strlen(t), PLAN_TONE_OLD, &may);
        assert_int_equal(may, 0);
    }
    plan_text_normalize_styled(ar, " hoà  bình ", 13, PLAN_TONE_OLD, &may);
    assert_int_equal(may, 1);
    plan_text_normalize_styled(ar, "Hòa\tbình", 10, PLAN_TONE_NEW, &may);
    assert_int_equal(may, 1);
    plan_text_normalize_styled(ar, "Hòa\tbình", 10, PLAN_TONE_OLD, &may);
    assert_int_equal(may, 0);
    plan_arena_free(ar);
}

static void tone_quick_scan_agrees(void **state)
{
    (void)state;
    /* Every pair of letters from ASCII vowels, Latin-1 to Latin Extended-B
     * and U+1EA0–U+1EF9, as the end of a word, before a consonant, before
     * punctuation and in NFD. */
    uint32_t letters[512];
    size_t n = 0;
    for (const char *v = "aeiouyAEIOUYn"; *v; v++)
        letters[n++] = (uint32_t)*v;
    for (uint32_t cp = 0xC0; cp < 0x250; cp++)
        letters[n++] = cp;
    for (uint32_t cp = 0x1EA0; cp < 0x1EFA; cp++)
        letters[n++] = cp;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            char w[32], *o = w;
            *o++ = 'h';
            o += utf8proc_encode_char((utf8proc_int32_t)letters[i], (utf8proc_uint8_t *)o);
            o += utf8proc_encode_char((utf8proc_int32_t)letters[j], (utf8proc_uint8_t *)o);
            *o = '\0';
            check_tone_paths(w);
            strcpy(o, "n");
            check_tone_paths(w);
            strcpy(o, ", x");
            check_tone_paths(w);
        }
    const char *texts[] = {
        "hoa\xcc\x80 bi\xcc\x80nh", "Thuy\xcc\x89 lợi", "kho\xcc\x89\x65", "Hòa Bình, khỏe, thủy",
        "hoà bình; khoẻ THUỶ.", "quá, quả, của, mía, thuở", "hoà1 hòa_", "", "ASCII only text",
        "Ủy ban nhân dân tỉnh Khánh Hòa", "\xe1\xbb\xa7y ban", "o\xcc", "u\xc3",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        check_tone_paths(texts[i]);
}

static void fold_fast_path_agrees(void **state)
{
    (void)state;
    /* Every code point of the table, alone and between letters. */
    for (unsigned cp = 1; cp < 0x2070; cp++) {
        if ((cp >= 0x250 && cp < 0x1E00) || (cp >= 0x1F00 && cp < 0x2000) || cp == ' ' || (cp >= 0x09 && cp <= 0x0D) ||
            cp == 0xA0 || cp == 0x85)
            continue;
        unsigned char enc[8];
        utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
        char s[16];
        memcpy(s, "Ab", 2);
        memcpy(s + 2, enc, (size_t)k);
        memcpy(s + 2 + k, "Đe", 4);
        s[2 + k + 3] = '\0';
        check_fold(s);
        s[2 + k] = '\0';
        check_fold(s + 2);
    }
    /* Text as it comes: NFD, mixed scripts, spaces, NBSP. */
    const char *texts[] = {
        "  Ủy ban   nhân dân\u00a0tỉnh  Đắk Lắk ", "Phòng Tổ chức - Hành chính",
        "Cu\xcc\x89" "a Ho\xcc\x80" "a", "ĐOÀN THANH NIÊN", "Ǆ ǅ ǆ ß İ ŉ", "Σίσυφος ΑΣ", "Ꭰ ﬀ",
        "thi đua \xe2\x80\x9cyêu nước\xe2\x80\x9d – 2025", "", "ASCII Only",
        /* White space at the ends, in runs, of every kind, NBSP among it. */
        "\t\n x \r\f\vY\u00a0\u00a0", " \u00a0 ", "a\u00a0", "\u00a0\u00a0Á  B\u00a0 c\n", "\x01A\x1f",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        check_fold(texts[i]);
}

static void nfc_fast_path_agrees(void **state)
{
    (void)state;
    const char *bases[] = {"a", "e", "o", "u", "A", "i", "n", "ơ", "ư", "Ă"};
    for (unsigned cp = 1; cp < 0x2060; cp++) {
        if (cp >= 0x300 && cp < 0x1E00)
            continue;
        if (cp >= 0x1F00 && cp < 0x2010)
            continue;
        unsigned char enc[8];
        utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
        for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
            char s[16];
            size_t bl = strlen(bases[b]);
            memcpy(s, bases[b], bl);
            memcpy(s + bl, enc, (size_t)k);
            s[bl + (size_t)k] = '\0';
            assert_true(plan_utf8_is_nfc_fast(s));
            utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
            if (strcmp((char *)nfc, s) != 0)
                fail_msg("U+%04X after '%s' is not NFC-stable", cp, bases[b]);
            free(nfc);
        }
    }
    assert_false(plan_utf8_is_nfc_fast("Cu\xcc\x89" "a")); /* a combining mark */
    assert_false(plan_utf8_is_nfc_fast("\xe1\xbc\x80")); /* Greek extended: asks utf8proc */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_fast_path_agrees),
        cmocka_unit_test(nfc_fast_path_agrees),
        cmocka_unit_test(tone_open_oa_oe_uy),
        cmocka_unit_test(tone_quick_scan_agrees),
        cmocka_unit_test(tone_vowel_from_bytes_agrees),
        cmocka_unit_test(tone_case_and_context),
        cmocka_unit_test(tone_what_is_left_alone),
        cmocka_unit_test(tone_change_report),
        cmocka_unit_test(names_same),
        cmocka_unit_test(names_without_accents),
        cmocka_unit_test(names_keys_and_accents),
        cmocka_unit_test(collation_nfd_and_punctuation),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
