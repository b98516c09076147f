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

/* A byte of a word of the key text: the key text keeps the runs of these
 * bytes of f and turns every other byte into a separator. */
static int key_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* 1 when the words of the alternative a[0..n) (one space between words)
 * are the words of f that start at p, consecutive (whatever separates
 * them in f). */
static int words_at(const char *p, const char *a, size_t n)
{
    for (size_t i = 0;;) {
        while (i < n && a[i] != ' ') {
            if (*p != a[i])
                return 0;
            p++;
            i++;
        }
        if (key_byte(*p))
            return 0; /* f's word is longer */
        if (i == n)
            return 1;
        i++;
        while (*p && !key_byte(*p))
            p++;
        if (!*p)
            return 0;
    }
}

/* 1 when the alternative a[0..n) may match, in the key text, a word the
 * replacements write: "ubnd", or "thanh" and "pho" of a "tp", which come
 * as a pair, so that a "thanh" followed in a by another word than "pho",
 * or a "pho" after another word than "thanh", is a word of f. */
static int alt_replaced(const char *a, size_t n)
{
    int after_thanh = 0; /* the word before was "thanh" */
    for (size_t i = 0; i < n;) {
        size_t w = i;
        while (w < n && a[w] != ' ')
            w++;
        size_t l = w - i;
        int thanh = l == 5 && memcmp(a + i, "thanh", 5) == 0;
        int pho = l == 3 && memcmp(a + i, "pho", 3) == 0;
        if ((l == 4 && memcmp(a + i, "ubnd", 4) == 0) || (thanh && w == n) ||
            (pho && (i == 0 || after_thanh)))
            return 1;
        after_thanh = thanh;
        i = w + 1;
    }
    return 0;
}

/* The words of the key text of f, clause marks left out: the runs of key
 * bytes of f, with the replacements of plan_award_key_folded made as it
 * makes them ("uy ban nhan dan" with no clause mark inside is "ubnd";
 * "tp" is "thanh pho"). key_tokens returns how many, up to 64; 0 when
 * there are more (or none). */
enum { TOKENS_MAX = 64 };
typedef struct token {
    const char *w;
    size_t n;
} token;

/* The end of the run of key bytes at p. */
static const char *run_end(const char *p)
{
    while (key_byte(*p))
        p++;
    return p;
}

/* 1 when f from p (a word start) holds the words "uy ban nhan dan" with no
 * clause mark (; . or a line end) between them and nothing after "dan"
 * but a separator; *end is then the end of "dan". */
static int uy_ban_nhan_dan(const char *p, const char **end)
{
    static const char *const w[] = {"uy", "ban", "nhan", "dan"};
    for (size_t i = 0; i < 4; i++) {
        if (i) {
            while (*p && !key_byte(*p)) {
                if (*p == ';' || *p == '.' || *p == '\n')
                    return 0;
                p++;
            }
        }
        const char *e = run_end(p);
        size_t l = strlen(w[i]);
        if ((size_t)(e - p) != l || memcmp(p, w[i], l) != 0)
            return 0;
        p = e;
    }
    *end = p;
    return 1;
}

static size_t key_tokens(const char *f, token *t)
{
    size_t n = 0;
    for (const char *p = f;;) {
        while (*p && !key_byte(*p))
            p++;
        if (!*p)
            return n;
        if (n + 2 > TOKENS_MAX)
            return 0;
        const char *e = run_end(p), *u;
        if (e - p == 2 && memcmp(p, "tp", 2) == 0) {
            t[n++] = (token){"thanh", 5};
            t[n++] = (token){"pho", 3};
        } else if (e - p == 2 && memcmp(p, "uy", 2) == 0 && uy_ban_nhan_dan(p, &u)) {
            t[n++] = (token){"ubnd", 4};
            e = u;
        } else {
            t[n++] = (token){p, (size_t)(e - p)};
        }
        p = e;
    }
}

/* 1 when the words of the alternative a[0..n) are the words t[0..nt) from
 * some word on. */
static int tokens_hold(const token *t, size_t nt, const char *a, size_t n)
{
    size_t w1 = 0;
    while (w1 < n && a[w1] != ' ')
        w1++;
    for (size_t s = 0; s < nt; s++) {
        if (t[s].n != w1 || t[s].w[0] != a[0] || memcmp(t[s].w, a, w1) != 0)
            continue; /* the first word is not there */
        size_t i = w1 + 1, k = s + 1;
        for (; i < n && k < nt; k++) {
            size_t w = i;
            while (w < n && a[w] != ' ')
                w++;
            if (w - i != t[k].n || memcmp(a + i, t[k].w, t[k].n) != 0)
                break;
            i = w + 1;
        }
        if (i >= n)
            return 1;
    }
    return 0;
}

/* 0 when the alternative a[0..n) cannot occur in the key text of f. Two
 * words next to each other in the key text, neither written by a
 * replacement, are two words of f next to each other (a replacement
 * leaves its own word between the words around it; a clause mark "|" is
 * no word of f). So an alternative that cannot match such words
 * (alt_replaced) occurs in the key text only where f holds its words one
 * after the other. One with such a
 * word is sought in the words of the key text made from f (key_tokens,
 * tokens: *nt is -1 until they are made), or, when f has too many words,
 * occurs only if f holds each of its words (word_may_occur). */
static int alt_maybe(const char *f, const char *a, size_t n, token *tokens, long *nt)
{
    if (!n)
        return 0;
    if (alt_replaced(a, n)) {
        if (*nt < 0)
            *nt = (long)key_tokens(f, tokens);
        if (*nt > 0 || !*f)
            return tokens_hold(tokens, (size_t)*nt, a, n);
        for (size_t i = 0; i < n;) {
            size_t w = i;
            while (w < n && a[w] != ' ')
                w++;
            if (!word_may_occur(f, a + i, w - i))
                return 0;
            i = w + 1;
        }
        return 1;
    }
    char first[64];
    size_t l = 0;
    while (l < n && a[l] != ' ')
        l++;
    if (l >= sizeof first)
        return 1; /* no word of the tables is so long; assume it may */
    memcpy(first, a, l);
    first[l] = '\0';
    for (const char *p = strstr(f, first); p; p = strstr(p + 1, first))
        if ((p == f || !key_byte(p[-1])) && words_at(p, a, n))
            return 1;
    return 0;
}

int plan_award_key_maybe(const char *f, const char *key)
{
    token tokens[TOKENS_MAX];
    long nt = -1;
    for (const char *alt = key;;) {
        size_t len = strcspn(alt, "|");
        if (alt_maybe(f, alt, len, tokens, &nt))
            return 1;
        if (!alt[len])
            return 0;
        alt += len + 1;
    }
}

/* The alternatives of the keys of every row, taken apart once (static
 * data: kept for the run): each text once ("giay khen" is the first key
 * of four rows), with the keys it belongs to, listed by its first byte,
 * so that a lookup tries at each word of the key text only the texts that
 * start with its first letter. */
enum { KEYS_MAX = 4 };
_Static_assert(sizeof rows / sizeof *rows <= 64, "one bit per row in plan_award_lookup");
typedef struct key_ref {
    unsigned short row, key; /* rows[row].keys[key], key < KEYS_MAX */
} key_ref;

typedef struct key_alt {
    const char *s;
    size_t len;
    size_t ref, nref; /* its keys: refs[ref .. ref + nref) */
} key_alt;

static key_alt *alts;            /* by first byte: alts[alt_at[c] .. alt_at[c + 1]) */
static size_t alt_at[257];
static key_ref *refs;
static pthread_once_t alts_once = PTHREAD_ONCE_INIT;

/* Calls fn for every non-empty alternative of the first KEYS_MAX keys of
 * every row, in the order of the rows, keys and alternatives. */
static void each_alt(void (*fn)(const char *s, size_t len, key_ref r, void *ctx), void *ctx)
{
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        size_t j = 0;
        for (const char *const *key = rows[r].keys; *key && j < KEYS_MAX; key++, j++)
            for (const char *alt = *key;;) {
                size_t len = strcspn(alt, "|");
                if (len)
                    fn(alt, len, (key_ref){(unsigned short)r, (unsigned short)j}, ctx);
                if (!alt[len])
                    break;
                alt += len + 1;
            }
    }
}

typedef struct alt_build {
    key_alt *v; /* unique texts, in the order first seen */
    size_t n;
    key_ref *r; /* r[i]: the key of the i-th alternative seen */
    size_t *of; /* of[i]: the index in v of its text */
    size_t nr;
} alt_build;

static void alt_add(const char *s, size_t len, key_ref r, void *ctx)
{
    alt_build *b = ctx;
    size_t u = 0;
    while (u < b->n && !(b->v[u].len == len && memcmp(b->v[u].s, s, len) == 0))
        u++;
    if (u == b->n)
        b->v[b->n++] = (key_alt){s, len, 0, 0};
    b->v[u].nref++;
    b->r[b->nr] = r;
    b->of[b->nr++] = u;
}

static void alt_count(const char *s, size_t len, key_ref r, void *ctx)
{
    (void)s;
    (void)len;
    (void)r;
    ++*(size_t *)ctx;
}

static void alts_init(void)
{
    size_t total = 0;
    each_alt(alt_count, &total);
    size_t cap = total ? total : 1;
    alt_build b = {.v = plan_xmalloc(cap * sizeof *b.v),
                   .r = plan_xmalloc(cap * sizeof *b.r),
                   .of = plan_xmalloc(cap * sizeof *b.of)};
    each_alt(alt_add, &b);
    /* the unique texts by first byte (stable: in the order first seen) */
    for (size_t u = 0; u < b.n; u++)
        alt_at[(unsigned char)b.v[u].s[0] + 1]++;
    for (size_t c = 1; c <= 256; c++)
        alt_at[c] += alt_at[c - 1];
    size_t at[256], *pos = plan_xmalloc((b.n ? b.n : 1) * sizeof *pos);
    memcpy(at, alt_at, sizeof at);
    alts = plan_xmalloc((b.n ? b.n : 1) * sizeof *alts);
    for (size_t u = 0; u < b.n; u++) {
        pos[u] = at[(unsigned char)b.v[u].s[0]]++;
        alts[pos[u]] = b.v[u];
    }
    /* the keys of each text, together, in the order seen */
    size_t next = 0;
    for (size_t m = 0; m < b.n; m++) {
        alts[m].ref = next;
        next += alts[m].nref;
        alts[m].nref = 0;
    }
    refs = plan_xmalloc(cap * sizeof *refs);
    for (size_t i = 0; i < b.nr; i++) {
        key_alt *a = &alts[pos[b.of[i]]];
        refs[a->ref + a->nref++] = b.r[i];
    }
    free(pos);
    free(b.v);
    free(b.r);
    free(b.of);
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

/* An alternative occurs at a word start i of k (k[i - 1] is a space) and
 * ends before a space just where k holds " alternative " at i - 1: one
 * strstr per alternative instead of a comparison at every word. */
int plan_award_key_in(const char *k, const char *key)
{
    char w[128];
    for (const char *alt = key;;) {
        size_t len = strcspn(alt, "|");
        if (len + 3 > sizeof w)
            return key_score(k, key) > 0; /* no key of the tables is so long */
        if (len) {
            w[0] = ' ';
            memcpy(w + 1, alt, len);
            w[len + 1] = ' ';
            w[len + 2] = '\0';
            if (strstr(k, w))
                return 1;
        }
        if (!alt[len])
            return 0;
        alt += len + 1;
    }
}

const plan_award_entry *plan_award_lookup(const char *text)
{
    pthread_once(&alts_once, alts_init);
    char *k = plan_award_key_text(text);
    /* best[r][j]: the longest alternative of rows[r].keys[j] found at a
     * word start of k (what key_score gives), found in one pass over the
     * words of k. */
    unsigned short best[sizeof rows / sizeof *rows][KEYS_MAX];
    memset(best, 0, sizeof best);
    /* The rows whose first key was found: the others score 0. */
    uint64_t hit = 0;
    for (size_t i = 1; k[i]; i++) {
        if (k[i - 1] != ' ')
            continue;
        unsigned char c = (unsigned char)k[i];
        for (size_t m = alt_at[c]; m < alt_at[c + 1]; m++) {
            const key_alt *a = &alts[m];
            /* k[i] == a->s[0]; the rest byte by byte (k ends with its NUL,
             * which no alternative holds) */
            size_t n = 1;
            while (n < a->len && k[i + n] == a->s[n])
                n++;
            if (n < a->len || k[i + n] != ' ')
                continue;
            for (size_t x = a->ref; x < a->ref + a->nref; x++)
                if (a->len > best[refs[x].row][refs[x].key]) {
                    best[refs[x].row][refs[x].key] = (unsigned short)a->len;
                    hit |= (uint64_t)(refs[x].key == 0) << refs[x].row;
                }
        }
    }
    const plan_award_entry *found = NULL;
    size_t best_score = 0;
    /* the rows in their order, as every row was tried before */
    for (; hit; hit &= hit - 1) {
        size_t r = (size_t)__builtin_ctzll(hit), score = 0, j = 0;
        for (const char *const *key = rows[r].keys; *key; key++, j++) {
            size_t s = j < KEYS_MAX ? best[r][j] : key_score(k, *key);
            if (!s) {
                score = 0;
                break;
            }
            score += s;
        }
        if (score > best_score) {
            best_score = score;
            found = &rows[r];
        }
    }
    free(k);
    return found;
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

int plan_award_authority_words(const char *p, int min_level)
{
    for (size_t r = 0; r < sizeof authorities / sizeof *authorities; r++) {
        if (authorities[r].level < min_level)
            continue;
        for (const char *alt = authorities[r].keys[0];;) {
            size_t len = strcspn(alt, "|");
            if (len && (alt_replaced(alt, len) || words_at(p, alt, len)))
                return 1;
            if (!alt[len])
                break;
            alt += len + 1;
        }
    }
    return 0;
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
        if (plan_award_key_in(k, p->key))
            return 1;
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
