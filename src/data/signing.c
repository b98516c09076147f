/*
 * signing.c - signing titles by kind of issuer, and the học hàm, học vị and
 * honorifics that may not precede a signer's name. Source: NĐ 30/2020/NĐ-CP,
 * Phụ lục I, Phần I, Mục II khoản 7 (shared/domain/rules.md §3, §7.1).
 */
#include "data/signing.h"

#define K7B "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 7 điểm b; Điều 13 khoản 1-2"
#define K7C "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 7 điểm c"

/* The first row whose issuer begins the issuer's name wins: keep longer
 * prefixes first. */
static const plan_signing rows[] = {
    /* rules.md §7.1 SIGN-TM, SIGN-TITLE-MATCH; seed 002 "TM. ỦY BAN NHÂN DÂN /
     * KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
    {"Ủy ban nhân dân", 1, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", K7B, "V1"},
    /* rules.md §7.1 SIGN-TITLE-MATCH: "Sở → GIÁM ĐỐC" (seeds 000, 001, 004). */
    {"Sở", 0, NULL, "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", K7C, "V1"},
    /* rules.md §7.1 SIGN-TITLE-MATCH: "VP UBND tỉnh → CHÁNH VĂN PHÒNG" (seed 003). */
    {"Văn phòng", 0, NULL, "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", K7C, "V1"},
    /* A ministry: Bộ trưởng, deputies are Thứ trưởng (practice; not in rules.md). */
    {"Bộ", 0, NULL, "BỘ TRƯỞNG", "THỨ TRƯỞNG", K7C, "U"},
};

size_t plan_signing_count(void)
{
    return sizeof rows / sizeof *rows;
}

const plan_signing *plan_signing_get(size_t i)
{
    return i < plan_signing_count() ? &rows[i] : NULL;
}

/* "Không ghi học hàm, học vị và các danh hiệu danh dự khác" before the name
 * (khoản 7 điểm c). "Ông" and "Bà" are left out: both are also surnames. */
static const plan_degree degrees[] = {
    {"GS.", 1, K7C},        {"PGS.", 1, K7C},        {"TS.", 1, K7C},
    {"TSKH.", 1, K7C},      {"ThS.", 1, K7C},        {"KS.", 1, K7C},
    {"BS.", 1, K7C},        {"DS.", 1, K7C},         {"CN.", 1, K7C},
    {"NGND.", 1, K7C},      {"NGƯT.", 1, K7C},       {"TTND.", 1, K7C},
    {"TTƯT.", 1, K7C},      {"NSND.", 1, K7C},       {"NSƯT.", 1, K7C},
    {"Đ/c", 1, K7C},
    {"Giáo sư", 0, K7C},    {"Phó Giáo sư", 0, K7C}, {"Tiến sĩ", 0, K7C},
    {"Thạc sĩ", 0, K7C},    {"Kỹ sư", 0, K7C},       {"Bác sĩ", 0, K7C},
    {"Dược sĩ", 0, K7C},    {"Cử nhân", 0, K7C},     {"Nhà giáo", 0, K7C},
    {"Thầy thuốc", 0, K7C}, {"Nghệ sĩ", 0, K7C},     {"Anh hùng", 0, K7C},
    {"Đồng chí", 0, K7C},
};

size_t plan_degree_count(void)
{
    return sizeof degrees / sizeof *degrees;
}

const plan_degree *plan_degree_get(size_t i)
{
    return i < plan_degree_count() ? &degrees[i] : NULL;
}
