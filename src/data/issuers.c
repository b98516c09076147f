/*
 * issuers.c - abbreviations of issuers and drafting units (rules.md §5,
 * "Issuer and unit abbreviations seen"), and whether a kind of issuer shows
 * its direct parent body in the header (NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II,
 * khoản 2 điểm a [V1]: "UBND TỈNH LẠNG SƠN" over "SỞ NGOẠI VỤ").
 *
 * The head of an agency sets its own abbreviation (PL I khoản 3 điểm b), so
 * this table is a default that a plan overrides with <issuer abbr="…">.
 * Codes are case-sensitive: TTg, SNgV.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data/issuers.h"
#include "plan/util.h"

#define S5 "rules.md §5"
#define K2A "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 2 điểm a [V1]"

static const plan_issuer rows[] = {
    /* State bodies that head their own header (no parent line). */
    {"QH", "Quốc hội", PLAN_ISSUER_STATE, 0, S5 ": 06/2022/QH15, 202/2025/QH15 [V2]"},
    {"UBTVQH", "Ủy ban Thường vụ Quốc hội", PLAN_ISSUER_STATE, 0, S5 ": 1656/NQ-UBTVQH15 [V2]"},
    {"CP", "Chính phủ", PLAN_ISSUER_STATE, 0, S5 ": 98/2023/NĐ-CP, 71/NQ-CP [V2; S:003]"},
    {"TTg", "Thủ tướng Chính phủ", PLAN_ISSUER_STATE, 0, S5 ": 2437/QĐ-TTg [V2; S:002]"},
    {"VPCP", "Văn phòng Chính phủ", PLAN_ISSUER_STATE, 0, S5 ": 134/TB-VPCP"},
    {"BNV", "Bộ Nội vụ", PLAN_ISSUER_STATE, 0, S5 ": 01/2024/TT-BNV; NĐ 30 example 05/BNV-VP [V1]"},
    {"HĐND", "Hội đồng nhân dân", PLAN_ISSUER_STATE, 0, S5 ": 48/NQ-HĐND [S:003]"},
    {"HĐND", "HĐND", PLAN_ISSUER_STATE, 0, S5 ": 48/NQ-HĐND [S:003]"},
    {"UBND", "Ủy ban nhân dân", PLAN_ISSUER_STATE, 0,
     S5 ": 309/KH-UBND [S:002], 8022/KH-UBND [S:000]"},
    {"UBND", "UBND", PLAN_ISSUER_STATE, 0, S5 ": 134/KH-UBND [S:004]"},
    {"CTUBND", "Chủ tịch Ủy ban nhân dân", PLAN_ISSUER_STATE, 0, S5 ": 44/2025/QĐ-CTUBND"},
    {"CTUBND", "Chủ tịch UBND", PLAN_ISSUER_STATE, 0, S5 ": 44/2025/QĐ-CTUBND"},
    {NULL, "Bộ", PLAN_ISSUER_STATE, 0, K2A},
    /* Bodies under a parent: their header shows the parent line. */
    {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", PLAN_ISSUER_STATE, 1,
     S5 ": 3621/KH-SVHTTDL [S:000]; " K2A},
    {"SNgV", "Sở Ngoại vụ", PLAN_ISSUER_STATE, 1, S5 ": 32/KH-SNgV [S:004]; " K2A},
    {"SNV", "Sở Nội vụ", PLAN_ISSUER_STATE, 1, S5 ": 129/TTr-SNV; " K2A},
    {"VP", "Văn phòng", PLAN_ISSUER_STATE, 1, S5 ": 1/KH-VP [S:003]; " K2A},
    {"BTĐKT", "Ban Thi đua - Khen thưởng", PLAN_ISSUER_STATE, 1, S5 ": 377/TTr-BTĐKT; " K2A},
    {NULL, "Sở", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Phòng", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Trung tâm", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Ban", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Chi cục", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Cục", PLAN_ISSUER_STATE, 1, K2A},
    {NULL, "Vụ", PLAN_ISSUER_STATE, 1, K2A},
    /* Party organs (numbered "41-CT/TW"; NĐ 30 does not govern their header). */
    {"TW", "Ban Chấp hành Trung ương", PLAN_ISSUER_PARTY, 0, S5 ": 41-CT/TW, 57-NQ/TW [S:003]"},
    {"TW", "Bộ Chính trị", PLAN_ISSUER_PARTY, 0, S5 ": 41-CT/TW, 57-NQ/TW [S:003]"},
    {"TW", "Ban Bí thư", PLAN_ISSUER_PARTY, 0, S5},
    {"VPTW", "Văn phòng Trung ương Đảng", PLAN_ISSUER_PARTY, 0, S5 ": 36-HD/VPTW [U]"},
    {"TU", "Tỉnh ủy", PLAN_ISSUER_PARTY, 0, S5 ": 32-KH/TU [S:003]"},
    {"ĐU", "Đảng ủy", PLAN_ISSUER_PARTY, 0, S5 ": 100-KL/ĐU"},
    {"HU", "Huyện ủy", PLAN_ISSUER_PARTY, 0, S5 " (before 07/2025)"},
    /* Drafting units and fields (công văn numbers, "Lưu:" lines). */
    {"VT", "Văn thư", PLAN_ISSUER_UNIT, 0, "rules.md §3, Nơi nhận: \"Lưu: VT, TCCB.\" [V1]"},
    {"VP", "Văn phòng", PLAN_ISSUER_UNIT, 0, S5 ": \"Lưu: VT, VP\" [S:000]"},
    {"TĐKT", "Thi đua - Khen thưởng", PLAN_ISSUER_UNIT, 0, S5 ": \"Lưu: VT, TĐKT\" [S:001]"},
    {"TH", "Tổng hợp", PLAN_ISSUER_UNIT, 0, S5 ": 1954/UBND-TH [S:001]"},
    {"VX", "Khoa giáo - Văn xã", PLAN_ISSUER_UNIT, 0, S5 ": 424/UBND-VX [S:003]"},
    {"VX", "Văn xã", PLAN_ISSUER_UNIT, 0, S5 ": 424/UBND-VX [S:003]"},
    {"NC", "Nội chính", PLAN_ISSUER_UNIT, 0, S5 ": \"Lưu: VT, NC\" [S:002]"},
    {"KT", "Kinh tế", PLAN_ISSUER_UNIT, 0, S5},
    {"HCQT", "Hành chính - Quản trị", PLAN_ISSUER_UNIT, 0, S5 ": \"Lưu: VT; HCQT\" [S:003]"},
};

size_t plan_issuer_count(void)
{
    return sizeof rows / sizeof *rows;
}

const plan_issuer *plan_issuer_get(int i)
{
    return i >= 0 && (size_t)i < plan_issuer_count() ? &rows[i] : NULL;
}

/* Folded, accent-free, punctuation turned into single spaces, so that
 * "SỞ VĂN HÓA THỂ THAO VÀ DU LỊCH" and "Sở Văn hóa, Thể thao và Du lịch"
 * compare equal. Caller frees. */
static char *name_key(const char *s)
{
    char *f = plan_utf8_fold_ascii(s);
    size_t o = 0;
    for (size_t i = 0; f[i]; i++) {
        unsigned char ch = (unsigned char)f[i];
        int keep = isalnum(ch) || ch >= 0x80;
        if (keep)
            f[o++] = f[i];
        else if (o > 0 && f[o - 1] != ' ')
            f[o++] = ' ';
    }
    while (o > 0 && f[o - 1] == ' ')
        o--;
    f[o] = '\0';
    return f;
}

/* The name_key of every row, computed once (static data, kept for the
 * run; after main has set the locale, which name_key's isalnum follows). */
static char *row_key[sizeof rows / sizeof *rows];
static size_t row_len[sizeof rows / sizeof *rows];
static pthread_once_t row_key_once = PTHREAD_ONCE_INIT;

static void row_key_init(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        row_key[i] = name_key(rows[i].name);
        row_len[i] = strlen(row_key[i]);
    }
}

const plan_issuer *plan_issuer_by_name(const char *name)
{
    if (!name)
        return NULL;
    pthread_once(&row_key_once, row_key_init);
    char *k = name_key(name);
    const plan_issuer *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < plan_issuer_count(); i++) {
        if (rows[i].kind == PLAN_ISSUER_UNIT)
            continue;
        const char *r = row_key[i];
        size_t n = row_len[i];
        if (n > best_len && r[0] == k[0] && strncmp(k, r, n) == 0 &&
            (k[n] == '\0' || k[n] == ' ')) {
            best = &rows[i];
            best_len = n;
        }
    }
    free(k);
    return best;
}

const plan_issuer *plan_issuer_by_code(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < plan_issuer_count(); i++)
        if (rows[i].code && strcmp(rows[i].code, code) == 0)
            return &rows[i];
    return NULL;
}

const plan_issuer *plan_issuer_by_code_nocase(const char *code)
{
    if (!code)
        return NULL;
    char *k = plan_utf8_fold(code);
    const plan_issuer *r = NULL;
    for (size_t i = 0; i < plan_issuer_count() && !r; i++) {
        if (!rows[i].code)
            continue;
        char *g = plan_utf8_fold(rows[i].code);
        if (strcmp(k, g) == 0)
            r = &rows[i];
        free(g);
    }
    free(k);
    return r;
}
