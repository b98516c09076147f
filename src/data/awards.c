/*
 * awards.c - the award catalogue (danh hiệu thi đua, hình thức khen
 * thưởng) with the deciding authority, the authorities a plan names, and
 * the phrases the award checks look for. Source: shared/domain/rules.md
 * §2.1-§2.4 (Luật Thi đua, khen thưởng 06/2022/QH15), §4 (NQ 203/2025/QH15),
 * §7.3. Rows resting on Điều 79, whose text rules.md could not check, are
 * marked U.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/awards.h"
#include "plan/i18n.h"

#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define ALL (PLAN_FOR_COLLECTIVE | PLAN_FOR_INDIVIDUAL | PLAN_FOR_HOUSEHOLD)
#define COL PLAN_FOR_COLLECTIVE
#define IND PLAN_FOR_INDIVIDUAL
#define HH PLAN_FOR_HOUSEHOLD
#define TITLE PLAN_AWARD_KIND_TITLE
#define FORM PLAN_AWARD_KIND_FORM
#define STILL {0, 0, 0}

/* Sources, as rules.md §2.2 gives them. */
#define S_D77 N_("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 33 khoản 2 (list), Điều 77 " \
              "(authority)")
#define S_D54 N_("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 54 khoản 2 (list), Điều 77 " \
              "(authority)")
#define S_D79 "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 79"
#define S_D80 "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80"
#define PRESIDENT N_("the Chủ tịch nước")

/* Level-2 heads (Điều 80 khoản 1, 4): the words that name them. */
#define K_HEADS "giam doc|thu truong|chanh van phong|truong ban|hieu truong|vien truong|" \
                "cuc truong|chu nhiem"
#define K_DISTRICT "ubnd huyen|ubnd quan|ubnd thi xa|ubnd cap huyen|ubnd cac huyen|" \
                   "ubnd thanh pho thuoc tinh"
#define K_COMMUNE "ubnd xa|ubnd phuong|ubnd thi tran|ubnd dac khu|ubnd cap xa"

static const plan_award_entry rows[] = {
    /* ---- danh hiệu thi đua: annual titles (Điều 19-20) ---- */
    {"Chiến sĩ thi đua toàn quốc", TITLE, IND, 4, 0, 0, 0, N_("the Thủ tướng Chính phủ"),
     KEYS("chien si thi dua", "toan quoc"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78 khoản 2", "V2"},
    {"Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", TITLE, IND, 3, 0, 0, 0,
     N_("a Bộ trưởng or the Chủ tịch UBND tỉnh"),
     KEYS("chien si thi dua", "cap tinh|tinh|thanh pho|cap bo|bo|ban nganh|nganh"), STILL,
     NULL, S_D79, "U"},
    {"Chiến sĩ thi đua cơ sở", TITLE, IND, 2, 1, 0, 0,
     N_("a Giám đốc Sở or equivalent head (or, until 30/06/2025, the Chủ tịch UBND cấp huyện)"),
     KEYS("chien si thi dua", "co so"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 1, 2, 4", "V1"},
    {"Lao động tiên tiến / Chiến sĩ tiên tiến", TITLE, IND, 1, 1, 0, 0,
     N_("a Giám đốc Sở or equivalent head, or the Chủ tịch UBND cấp xã (or, until 30/06/2025, "
        "cấp huyện)"),
     KEYS("lao dong tien tien|chien si tien tien"), STILL, NULL, S_D80, "V1"},
    {"Cờ thi đua của Chính phủ", TITLE, COL, 4, 0, 0, 0, N_("the Chính phủ"),
     KEYS("co thi dua", "chinh phu"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78 khoản 1", "V2"},
    {"Cờ thi đua của Bộ, ban, ngành, tỉnh", TITLE, COL, 3, 0, 0, 0,
     N_("a Bộ trưởng or the Chủ tịch UBND tỉnh"), KEYS("co thi dua"), STILL, NULL, S_D79, "U"},
    {"Tập thể lao động xuất sắc / Đơn vị quyết thắng", TITLE, COL, 3, 0, 0, 0,
     N_("a Bộ trưởng or the Chủ tịch UBND tỉnh"),
     KEYS("tap the lao dong xuat sac|don vi quyet thang"), STILL, NULL, S_D79, "U"},
    {"Tập thể lao động tiên tiến / Đơn vị tiên tiến", TITLE, COL, 2, 1, 0, 0,
     N_("a Giám đốc Sở or equivalent head (or, until 30/06/2025, the Chủ tịch UBND cấp huyện)"),
     KEYS("tap the lao dong tien tien|don vi tien tien"), STILL, NULL, S_D80, "V1"},
    {"Xã, phường, đặc khu tiêu biểu", TITLE, COL, 3, 0, 0, 0, N_("the Chủ tịch UBND tỉnh"),
     KEYS("xa phuong thi tran tieu bieu|xa phuong dac khu tieu bieu|xa tieu bieu|"
          "phuong tieu bieu|dac khu tieu bieu|thi tran tieu bieu"),
     STILL, NULL,
     N_("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 79; wording since 07/2025: NĐ "
        "152/2025/NĐ-CP"),
     "U"},
    {"Thôn, tổ dân phố văn hóa", TITLE, COL, 0, 1, 0, 0,
     N_("the Chủ tịch UBND cấp huyện until 30/06/2025 (the holder since is unverified)"),
     KEYS("thon van hoa|to dan pho van hoa|thon to dan pho van hoa|ban van hoa|"
          "khu dan cu van hoa"),
     STILL, NULL, "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 2", "V1"},
    {"Gia đình văn hóa", TITLE, HH, 1, 0, 0, 0, N_("the Chủ tịch UBND cấp xã"),
     KEYS("gia dinh van hoa"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 3", "V1"},

    /* ---- huân chương (Điều 33 khoản 2), decided by the Chủ tịch nước ---- */
    {"Huân chương Sao vàng", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huan chuong sao vang"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Hồ Chí Minh", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huan chuong ho chi minh"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Độc lập", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huan chuong doc lap"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Quân công", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huan chuong quan cong"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Lao động", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huan chuong lao dong"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Bảo vệ Tổ quốc", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huan chuong bao ve to quoc"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Chiến công", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huan chuong chien cong"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Đại đoàn kết dân tộc", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huan chuong dai doan ket dan toc"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Dũng cảm", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huan chuong dung cam"), STILL, NULL, S_D77, "V2"},
    {"Huân chương Hữu nghị", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huan chuong huu nghi"), STILL, NULL, S_D77, "V2"},

    /* ---- huy chương (Điều 54 khoản 2), decided by the Chủ tịch nước ---- */
    {"Huy chương Quân kỳ quyết thắng", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huy chuong quan ky quyet thang"), STILL, NULL, S_D54, "V2"},
    {"Huy chương Vì an ninh Tổ quốc", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huy chuong vi an ninh to quoc"), STILL, NULL, S_D54, "V2"},
    {"Huy chương Chiến sĩ vẻ vang", FORM, ALL, 5, 0, 1, 0, PRESIDENT,
     KEYS("huy chuong chien si ve vang"), STILL, NULL, S_D54, "V2"},
    {"Huy chương Hữu nghị", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("huy chuong huu nghi"), STILL, NULL, S_D54, "V2"},

    /* ---- danh hiệu vinh dự nhà nước, giải thưởng (Điều 77; exact list U) ---- */
    {"Bà mẹ Việt Nam anh hùng", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("ba me viet nam anh hung"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "U"},
    {"Anh hùng Lực lượng vũ trang nhân dân", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("anh hung luc luong vu trang nhan dan"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "U"},
    {"Anh hùng Lao động", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("anh hung lao dong"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "U"},
    {"Nhà giáo, Thầy thuốc, Nghệ sĩ, Nghệ nhân nhân dân / ưu tú", FORM, IND, 5, 0, 0, 0,
     PRESIDENT, KEYS("nha giao|thay thuoc|nghe si|nghe nhan", "nhan dan|uu tu"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "U"},
    {"Giải thưởng Hồ Chí Minh", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("giai thuong ho chi minh"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "V2"},
    {"Giải thưởng Nhà nước", FORM, ALL, 5, 0, 0, 0, PRESIDENT,
     KEYS("giai thuong nha nuoc"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "V2"},

    /* ---- kỷ niệm chương, bằng khen, giấy khen ---- */
    {"Kỷ niệm chương", FORM, ALL, 3, 0, 0, 0, N_("a Bộ, ban, ngành or central organisation"),
     KEYS("ky niem chuong"), STILL, NULL, S_D79, "U"},
    {"Bằng khen của Thủ tướng Chính phủ", FORM, ALL, 4, 0, 0, 0, N_("the Thủ tướng Chính phủ"),
     KEYS("bang khen", "thu tuong|chinh phu"), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78 khoản 2", "V2"},
    {"Bằng khen của Bộ, ban, ngành, tỉnh (Chủ tịch UBND tỉnh)", FORM, ALL, 3, 0, 0, 0,
     N_("a Bộ trưởng or the Chủ tịch UBND tỉnh"),
     KEYS("bang khen", "ubnd tinh|ubnd thanh pho|tinh|bo truong|bo|ban nganh|doan the|"
                       "trung uong"),
     STILL, NULL, S_D79, "U"},
    {"Bằng khen", FORM, ALL, 3, 0, 0, 1,
     N_("a Bộ trưởng, the Chủ tịch UBND tỉnh or a higher authority"), KEYS("bang khen"), STILL,
     NULL, "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 9, 78, 79", "V2"},
    {"Bằng khen of a Sở or a lower level", FORM, ALL, 0, 0, 0, 0, N_("nobody"),
     KEYS("bang khen", "giam doc so|thu truong so|chanh van phong|truong phong|" K_DISTRICT
                       "|" K_COMMUNE),
     STILL,
     N_("heads of a Sở and the levels below award a Giấy khen, not a Bằng khen "
        "(Điều 80 lists what they decide)"),
     S_D80, "V1"},
    {"Giấy khen của Chủ tịch UBND cấp xã", FORM, ALL, 1, 0, 0, 0, N_("the Chủ tịch UBND cấp xã"),
     KEYS("giay khen", K_COMMUNE), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 3", "V1"},
    {"Giấy khen của Chủ tịch UBND cấp huyện", FORM, ALL, 0, 1, 0, 0,
     N_("the Chủ tịch UBND cấp huyện (until 30/06/2025)"), KEYS("giay khen", K_DISTRICT), STILL,
     NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 2", "V1"},
    {"Giấy khen của thủ trưởng cơ quan, đơn vị (Giám đốc Sở, Chánh Văn phòng UBND tỉnh …)",
     FORM, ALL, 2, 0, 0, 0, N_("a Giám đốc Sở or equivalent head"),
     KEYS("giay khen", K_HEADS), STILL, NULL,
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 1, 4", "V1"},
    {"Giấy khen", FORM, ALL, 1, 1, 0, 1,
     N_("the head of the issuing body"),
     KEYS("giay khen"), STILL, NULL, S_D80, "V1"},

    /* ---- dropped by Luật 06/2022/QH15 ---- */
    {"Huy hiệu", FORM, ALL, 0, 0, 0, 0, N_("the authorities of Luật Thi đua, Khen thưởng 2003"),
     KEYS("huy hieu"), {2023, 12, 31}, NULL,
     N_("Luật Thi đua, khen thưởng 06/2022/QH15, Điều 9 (no longer lists it; in force 01/01/2024)"),
     "V2"},
};

size_t plan_award_entry_count(void)
{
    return sizeof rows / sizeof *rows;
}

const plan_award_entry *plan_award_entry_get(int i)
{
    return i >= 0 && (size_t)i < plan_award_entry_count() ? &rows[i] : NULL;
}

/* ---- key text ---- */

/* k with every "from" replaced by "to" (both whole words, space-padded);
 * frees k and returns the new string. */
static char *replace_words(char *k, const char *from, const char *to)
{
    if (!strstr(k, from))
        return k;
    size_t fl = strlen(from), tl = strlen(to);
    plan_buf b = PLAN_BUF_INIT;
    const char *p = k, *hit;
    while ((hit = strstr(p, from)) != NULL) {
        plan_buf_append(&b, p, (size_t)(hit - p));
        plan_buf_append(&b, to, tl);
        /* Keep the trailing space of the match: it may open the next match. */
        p = hit + fl - 1;
        b.len--;
        b.data[b.len] = '\0';
    }
    plan_buf_puts(&b, p);
    free(k);
    return b.data;
}

char *plan_award_key_text(const char *s)
{
    char *f = plan_utf8_fold_ascii(s ? s : "");
    char *k = plan_award_key_folded(f);
    free(f);
    return k;
}

char *plan_award_key_folded(const char *f)
{
    size_t n = strlen(f);
    char *k = malloc(3 * n + 3);
    if (!k)
        return plan_xstrdup(" ");
    size_t o = 0;
    k[o++] = ' ';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        int clause = c == ';' || c == '.' || c == '\n';
        if (word)
            k[o++] = (char)c;
        else if (clause) {
            if (k[o - 1] != ' ')
                k[o++] = ' ';
            k[o++] = '|';
            k[o++] = ' ';
        } else if (k[o - 1] != ' ')
            k[o++] = ' ';
    }
    if (k[o - 1] != ' ')
        k[o++] = ' ';
    k[o] = '\0';
    k = replace_words(k, " uy ban nhan dan ", " ubnd ");
    return replace_words(k, " tp ", " thanh pho ");
}

/* ---- quick tests on the folded text ----
 * The words of the key text of a folded text f are the runs of letters and
 * digits of f, except those the two replacements write: "ubnd" (from "uy
 * ban nhan dan") and "thanh pho" (from "tp"). So a word of a key can occur
 * in the key text only if it occurs in f as bytes, or, for those three,
 * if what they replace does. */
/* 1 when f holds the bytes w[0..n). */
static int holds(const char *f, const char *w, size_t n)
{
    char b[64];
    if (n >= sizeof b)
        return 1; /* no word of the tables is so long; assume it may */
    memcpy(b, w, n);
    b[n] = '\0';
    return strstr(f, b) != NULL;
}

static int word_may_occur(const char *f, const char *w, size_t n)
{
    if (holds(f, w, n))
        return 1;
    if (n == 4 && memcmp(w, "ubnd", 4) == 0)
        return strstr(f, "nhan") != NULL;
    if ((n == 5 && memcmp(w, "thanh", 5) == 0) || (n == 3 && memcmp(w, "pho", 3) == 0))
        return strstr(f, "tp") != NULL;
    return 0;
}

int plan_award_key_maybe(const char *f, const char *key)
{
    for (const char *alt = key;;) {
        size_t len = strcspn(alt, "|");
        int all = len > 0;
        for (size_t i = 0; i < len && all;) {
            size_t w = i;
            while (w < len && alt[w] != ' ')
                w++;
            all = word_may_occur(f, alt + i, w - i);
            i = w + 1;
        }
        if (all)
            return 1;
        if (!alt[len])
            return 0;
        alt += len + 1;
    }
}

/* One bit per letter or digit a word of a key text can start with. */
static uint64_t first_bit(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return 1ull << (c - 'a');
    if (c >= '0' && c <= '9')
        return 1ull << (26 + c - '0');
    return 1ull << 63;
}

/* The first letters of the words of key text k. */
static uint64_t word_starts(const char *k)
{
    uint64_t m = 0;
    for (size_t i = 1; k[i]; i++)
        if (k[i - 1] == ' ')
            m |= first_bit((unsigned char)k[i]);
    return m;
}

/* A key of the catalogue taken apart once: its alternatives with their
 * lengths, and the letters they start with. */
typedef struct key_alt {
    const char *s;
    size_t len;
} key_alt;

typedef struct compiled_key {
    key_alt *alt;
    size_t n;
    uint64_t firsts;
} compiled_key;

static void compile_key(const char *key, compiled_key *ck)
{
    size_t n = 1;
    for (const char *p = key; *p; p++)
        n += *p == '|';
    ck->alt = plan_xmalloc(n * sizeof *ck->alt);
    ck->n = 0;
    ck->firsts = 0;
    for (const char *alt = key;;) {
        size_t len = strcspn(alt, "|");
        if (len) {
            ck->alt[ck->n].s = alt;
            ck->alt[ck->n++].len = len;
            ck->firsts |= first_bit((unsigned char)alt[0]);
        }
        if (!alt[len])
            break;
        alt += len + 1;
    }
}

/* plan_award_key_at for a compiled key. */
static size_t compiled_at(const char *k, size_t i, const compiled_key *ck)
{
    if ((i > 0 && k[i - 1] != ' ') || !(ck->firsts & first_bit((unsigned char)k[i])))
        return 0;
    size_t best = 0;
    for (size_t j = 0; j < ck->n; j++) {
        const key_alt *a = &ck->alt[j];
        if (a->len > best && a->s[0] == k[i] && (a->len == 1 || a->s[1] == k[i + 1]) &&
            strncmp(k + i, a->s, a->len) == 0 && k[i + a->len] == ' ')
            best = a->len;
    }
    return best;
}

/* Length of the longest alternative of ck found at one of the word starts
 * of k listed in starts[0..n) (bits[j]: the first_bit of the word at
 * starts[j]), or 0. */
static size_t starts_score(const char *k, const size_t *starts, const uint64_t *bits, size_t n,
                           const compiled_key *ck)
{
    size_t best = 0;
    for (size_t j = 0; j < n; j++) {
        if (!(ck->firsts & bits[j]))
            continue; /* no alternative starts with that letter */
        size_t m = compiled_at(k, starts[j], ck);
        if (m > best)
            best = m;
    }
    return best;
}

/* The keys of every row, compiled once (static data: kept for the run). */
enum { KEYS_MAX = 4 };
static compiled_key row_keys[sizeof rows / sizeof *rows][KEYS_MAX];
static pthread_once_t row_keys_once = PTHREAD_ONCE_INIT;

static void row_keys_init(void)
{
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        size_t j = 0;
        for (const char *const *key = rows[r].keys; *key && j < KEYS_MAX; key++, j++)
            compile_key(*key, &row_keys[r][j]);
    }
}

size_t plan_award_key_at(const char *k, size_t i, const char *key)
{
    if (i > 0 && k[i - 1] != ' ')
        return 0;
    const char *s = k + i;
    size_t best = 0;
    /* One pass over the alternatives, compared as they are read. */
    for (const char *alt = key;;) {
        size_t n = 0;
        while (alt[n] && alt[n] != '|' && alt[n] == s[n])
            n++;
        int whole = alt[n] == '|' || alt[n] == '\0';
        if (whole && n > best && s[n] == ' ')
            best = n;
        alt += n;
        while (*alt && *alt != '|')
            alt++;
        if (!*alt)
            break;
        alt++;
    }
    return best;
}

/* Length of the longest alternative of key found anywhere in k, or 0. */
static size_t key_score(const char *k, const char *key)
{
    size_t best = 0;
    for (size_t i = 1; k[i]; i++)
        if (k[i - 1] == ' ') {
            size_t n = plan_award_key_at(k, i, key);
            if (n > best)
                best = n;
        }
    return best;
}

int plan_award_key_in(const char *k, const char *key)
{
    return key_score(k, key) > 0;
}

const plan_award_entry *plan_award_lookup(const char *text)
{
    pthread_once(&row_keys_once, row_keys_init);
    char *k = plan_award_key_text(text);
    uint64_t mask = word_starts(k);
    /* The words of k, listed once: each key is tried at them only. */
    size_t nw = 0;
    for (size_t i = 1; k[i]; i++)
        nw += k[i - 1] == ' ';
    size_t starts_buf[64], *starts = nw <= 64 ? starts_buf : plan_xmalloc(nw * sizeof *starts);
    uint64_t bits_buf[64], *bits = nw <= 64 ? bits_buf : plan_xmalloc(nw * sizeof *bits);
    size_t ns = 0;
    for (size_t i = 1; k[i]; i++)
        if (k[i - 1] == ' ') {
            bits[ns] = first_bit((unsigned char)k[i]);
            starts[ns++] = i;
        }
    const plan_award_entry *best = NULL;
    size_t best_score = 0;
    for (size_t r = 0; r < plan_award_entry_count(); r++) {
        size_t score = 0, j = 0;
        for (const char *const *key = rows[r].keys; *key; key++, j++) {
            size_t s;
            if (j >= KEYS_MAX)
                s = key_score(k, *key);
            else
                s = !(mask & row_keys[r][j].firsts)
                        ? 0
                        : starts_score(k, starts, bits, ns, &row_keys[r][j]);
            if (!s) {
                score = 0;
                break;
            }
            score += s;
        }
        if (score > best_score) {
            best_score = score;
            best = &rows[r];
        }
    }
    if (starts != starts_buf) {
        free(starts);
        free(bits);
    }
    free(k);
    return best;
}

const plan_award_entry *plan_award_row(const char *name, const char *authority,
                                       int *by_authority)
{
    const plan_award_entry *e = plan_award_lookup(name);
    if (by_authority)
        *by_authority = 0;
    if (e && e->generic && authority && name) {
        size_t n = strlen(name) + strlen(authority) + 8;
        char *s = plan_xmalloc(n);
        snprintf(s, n, "%s của %s", name, authority);
        const plan_award_entry *f = plan_award_lookup(s);
        free(s);
        if (f && f != e) {
            e = f;
            if (by_authority)
                *by_authority = 1;
        }
    }
    return e;
}

int plan_award_rank(const plan_award_entry *e, plan_date d)
{
    int r = e->level > 0 ? 2 * e->level : 0;
    int district_alive = d.y == 0 || plan_date_cmp(d, PLAN_AWARD_DISTRICT_END) < 0;
    if (e->district && district_alive && (r == 0 || r > 3))
        r = 3;
    return r;
}

int plan_award_issuer_rank(plan_level l)
{
    switch (l) {
    case PLAN_LEVEL_CENTRAL: return 8;
    case PLAN_LEVEL_MINISTRY:
    case PLAN_LEVEL_PROVINCE: return 6;
    /* A unit below a Sở: treated like the legal-entity units of Điều 80 khoản 1. */
    case PLAN_LEVEL_DEPARTMENT:
    case PLAN_LEVEL_UNIT: return 4;
    case PLAN_LEVEL_DISTRICT: return 3;
    case PLAN_LEVEL_COMMUNE: return 2;
    default: return 0;
    }
}

/* ---- authorities (one key per row) ---- */

static const plan_award_authority authorities[] = {
    {"Chủ tịch nước", 5, 0, 0, KEYS("chu tich nuoc"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 77", "V2"},
    {"Thủ tướng Chính phủ", 4, 0, 0, KEYS("thu tuong chinh phu|thu tuong"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78 khoản 2", "V2"},
    {"Chính phủ", 4, 0, 0, KEYS("chinh phu"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 78 khoản 1", "V2"},
    {"Hội đồng Thi đua - Khen thưởng Trung ương", 4, 0, 0,
     KEYS("hoi dong thi dua khen thuong trung uong|ban thi dua khen thuong trung uong"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 90 khoản 1-2", "V1"},
    {"Chủ tịch UBND tỉnh", 3, 0, 1, KEYS("ubnd tinh|ubnd thanh pho|ubnd cap tinh"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 83 khoản 2", "V2"},
    {"Hội đồng Thi đua - Khen thưởng tỉnh", 3, 0, 1,
     KEYS("hoi dong thi dua khen thuong tinh|hoi dong thi dua khen thuong thanh pho|"
          "hoi dong thi dua khen thuong cap tinh"),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 90; rules.md §2.5", "V2"},
    {"Sở Nội vụ (Ban Thi đua - Khen thưởng), standing body of the provincial council", 2, 0,
     1, KEYS("so noi vu|ban thi dua khen thuong"), "rules.md §2.5 [S:002 l.127]", "S"},
    {"Chủ tịch UBND cấp huyện", 0, 1, 0, KEYS(K_DISTRICT),
     "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 2; abolished by NQ 203/2025/QH15",
     "V2"},
};

const plan_award_authority *plan_award_authority_in_key(const char *k, int want_district,
                                                        int want_chain)
{
    size_t n = sizeof authorities / sizeof *authorities;
    for (size_t r = 0; r < n; r++) {
        if ((want_district && !authorities[r].district) || (want_chain && !authorities[r].chain))
            continue;
        if (plan_award_key_in(k, authorities[r].keys[0]))
            return &authorities[r];
    }
    return NULL;
}

const plan_award_authority *plan_award_authority_in(const char *text, int want_district,
                                                    int want_chain)
{
    char *k = plan_award_key_text(text);
    const plan_award_authority *found = plan_award_authority_in_key(k, want_district, want_chain);
    free(k);
    return found;
}

const plan_award_authority *plan_award_authority_in_folded(const char *folded,
                                                           int want_district, int want_chain)
{
    size_t n = sizeof authorities / sizeof *authorities, r = 0;
    for (; r < n; r++) {
        if ((want_district && !authorities[r].district) || (want_chain && !authorities[r].chain))
            continue;
        if (plan_award_key_maybe(folded, authorities[r].keys[0]))
            break;
    }
    if (r == n)
        return NULL; /* no authority wanted can occur: the key text is not needed */
    char *k = plan_award_key_folded(folded);
    const plan_award_authority *found = plan_award_authority_in_key(k, want_district, want_chain);
    free(k);
    return found;
}

const plan_award_authority *plan_award_authority_at(const char *k, size_t i, int min_level)
{
    for (size_t r = 0; r < sizeof authorities / sizeof *authorities; r++)
        if (authorities[r].level >= min_level && plan_award_key_at(k, i, authorities[r].keys[0]))
            return &authorities[r];
    return NULL;
}

/* ---- phrases ---- */

static const plan_award_phrase annual[] = {
    {"tong ket nam", 0, "tổng kết năm", "rules.md §7.3 AWARD-DOUBLE [S:002 l.90-91]"},
    {"cuoi nam", 0, "cuối năm", "rules.md §2.4"},
    {"hang nam", 0, "hằng năm", "rules.md §8.1 [S:000 l.152]"},
    {"hoan thanh tot nhiem vu cong tac nam|hoan thanh tot nhiem vu nam", 0,
     "hoàn thành tốt nhiệm vụ công tác năm", "rules.md §8.3 [S:002 l.84-91]"},
    {"hoan thanh xuat sac nhiem vu cong tac nam|hoan thanh xuat sac nhiem vu nam", 0,
     "hoàn thành xuất sắc nhiệm vụ năm", "rules.md §8.3 (the annual rating)"},
    {"danh gia xep loai", 0, "đánh giá, xếp loại", "rules.md §2.4 (the annual rating)"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase generic[] = {
    {"quy dinh cua phap luat", 0, "quy định của pháp luật", "rules.md §7.3 AWARD-STANDARD"},
    {"theo quy dinh", 0, "theo quy định", "rules.md §7.3 AWARD-STANDARD"},
    {"theo tieu chuan quy dinh|tieu chuan quy dinh", 0, "tiêu chuẩn quy định",
     "rules.md §7.3 AWARD-STANDARD"},
    {"quy dinh hien hanh", 0, "quy định hiện hành", "rules.md §7.3 AWARD-STANDARD"},
    {"theo huong dan", 0, "theo hướng dẫn", "rules.md §7.3 AWARD-STANDARD"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase vague[] = {
    {"cap co tham quyen|co tham quyen", 0, "cấp có thẩm quyền", "rules.md §7.3"},
    {"cap tren", 0, "cấp trên", "rules.md §7.3"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase propose[] = {
    {"de nghi", 0, "đề nghị", "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 83; rules.md §2.3"},
    {"trinh", 0, "trình", "rules.md §2.3"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase class_words[] = {
    {"hạng", 1, "hạng", "Luật Thi đua, khen thưởng 06/2022/QH15, Điều 33 khoản 2"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase standard_words[] = {
    {"tieu chuan", 0, "tiêu chuẩn", "rules.md §7.3 AWARD-STANDARD"},
    {NULL, 0, NULL, NULL},
};

static const plan_award_phrase *phrase_set(plan_award_phrase_set set)
{
    switch (set) {
    case PLAN_AWARD_PH_ANNUAL: return annual;
    case PLAN_AWARD_PH_GENERIC: return generic;
    case PLAN_AWARD_PH_VAGUE: return vague;
    case PLAN_AWARD_PH_PROPOSE: return propose;
    case PLAN_AWARD_PH_CLASS: return class_words;
    default: return standard_words;
    }
}

const plan_award_phrase *plan_award_phrase_in(plan_award_phrase_set set, const char *text)
{
    if (!text)
        return NULL;
    char *k = NULL;
    const plan_award_phrase *found = NULL;
    for (const plan_award_phrase *p = phrase_set(set); p->key && !found; p++) {
        if (p->accents) {
            if (plan_utf8_contains_folded(text, p->key))
                found = p;
            continue;
        }
        if (!k)
            k = plan_award_key_text(text);
        if (plan_award_key_in(k, p->key))
            found = p;
    }
    free(k);
    return found;
}

const plan_award_phrase *plan_award_phrase_in_folded(plan_award_phrase_set set,
                                                     const char *text, const char *folded)
{
    if (!text)
        return NULL;
    char *k = NULL;
    const plan_award_phrase *found = NULL;
    for (const plan_award_phrase *p = phrase_set(set); p->key && !found; p++) {
        if (p->accents) {
            /* fold(text) holds the phrase only where the accent-free fold
             * holds it without accents */
            char bare[64];
            size_t o = 0;
            for (const char *q = p->key; *q && o + 1 < sizeof bare;) {
                uint32_t cp;
                size_t l = plan_utf8_decode(q, &cp);
                int b = plan_utf8_base_letter(cp);
                bare[o++] = b > 0 && b < 0x80 ? (char)b : '?';
                q += l;
            }
            bare[o] = '\0';
            if (strstr(folded, bare) && plan_utf8_contains_folded(text, p->key))
                found = p;
            continue;
        }
        if (!plan_award_key_maybe(folded, p->key))
            continue;
        if (!k)
            k = plan_award_key_folded(folded);
        if (plan_award_key_in(k, p->key))
            found = p;
    }
    free(k);
    return found;
}

int plan_award_phrase_maybe(plan_award_phrase_set set, const char *k)
{
    for (const plan_award_phrase *p = phrase_set(set); p->key; p++) {
        if (p->accents)
            continue;
        for (const char *alt = p->key;;) {
            size_t n = strcspn(alt, "|");
            char w[96];
            if (n + 3 > sizeof w)
                return 1; /* cannot happen with the tables above; assume it may */
            w[0] = ' ';
            memcpy(w + 1, alt, n);
            w[n + 1] = ' ';
            w[n + 2] = '\0';
            if (strstr(k, w))
                return 1;
            if (!alt[n])
                break;
            alt += n + 1;
        }
    }
    return 0;
}

const plan_award_phrase *plan_award_phrase_at(plan_award_phrase_set set, const char *k,
                                              size_t i, size_t *len)
{
    for (const plan_award_phrase *p = phrase_set(set); p->key; p++) {
        if (p->accents)
            continue;
        size_t n = plan_award_key_at(k, i, p->key);
        if (n) {
            if (len)
                *len = n;
            return p;
        }
    }
    return NULL;
}
