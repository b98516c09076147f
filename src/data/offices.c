/*
 * offices.c - vocabulary of office names for the Nơi nhận checks. Sources:
 * the Nơi nhận and Tổ chức thực hiện of the five real plans
 * (shared/domain/rules.md §8: seeds 000-004), NĐ 30/2020/NĐ-CP Phụ lục I
 * Mục II khoản 7 (titles) and khoản 2 (UBND, HĐND may be abbreviated), and
 * Luật Thi đua, khen thưởng 2022 Điều 90 for the emulation councils.
 */
#include <stddef.h>

#include "data/offices.h"

/* Seen before a body's name: "Lãnh đạo Sở" (000, 001, 004), "Thường trực
 * Tỉnh ủy" (002), "Chủ tịch, các PCT UBND tỉnh" (002), "Thành viên Hội đồng
 * TĐKT Sở" (000), "Thủ trưởng các cơ quan" (002); the titles of khoản 7. */
static const char *const leaders[] = {
    "Lãnh đạo", "Thường trực", "Thành viên", "Thủ trưởng", "Chủ tịch", "Phó Chủ tịch",
    "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban",
    "Phó Trưởng ban", "Bộ trưởng", "Thứ trưởng", "Đồng chí", NULL,
};

/* "C, PVP UBND tỉnh" (002): Chánh, Phó Văn phòng; "các PCT" (002). */
static const char *const leader_abbrs[] = {
    "PCT", "CT", "GĐ", "PGĐ", "CVP", "PCVP", "PVP", "C", "LĐ", NULL,
};

/* "Các phòng, đơn vị thuộc Sở" (000), "Các phòng, ban, đơn vị trực thuộc"
 * (003), "Các đơn vị tham gia khối, cụm thi đua" (002), "Thủ trưởng các cơ
 * quan, tổ chức, đơn vị" (002), "các tổ chức chính trị - xã hội" (002). */
static const char *const group_kinds[] = {
    "phòng", "ban", "đơn vị", "cơ quan", "tổ chức", "trung tâm", "chi cục", "đội", "sở",
    "ngành", "đoàn thể", "địa phương", "doanh nghiệp", "trường", NULL,
};

/* Units inside an issuer: "Văn phòng Sở" (000, 001, 004), "Phòng Hành chính
 * - Quản trị" (003), "phòng Quản lý Văn hóa và Gia đình" (001); and the Sở
 * that a provincial plan addresses (002: "Sở Nội vụ", "Sở Văn hóa, Thể thao
 * và Du lịch"), which a line "Các sở, ban, ngành tỉnh" reaches. */
static const plan_unit_head unit_heads[] = {
    {"Văn phòng", "phòng", 1}, {"Phòng", "phòng", 1},        {"Ban", "ban", 1},
    {"Trung tâm", "trung tâm", 1}, {"Chi cục", "chi cục", 1}, {"Đội", "đội", 1},
    {"Sở", "sở", 0},           {NULL, NULL, 0},
};

/* Levels and bodies outside the issuer (rules.md §4: huyện, tỉnh, thành phố
 * …; khoản 2 điểm a: UBND, HĐND). Compared with accents, so "quận" is not
 * "quản". ("Bộ" is left out: it is also the "bộ" of "cán bộ".) */
static const char *const external_words[] = {
    "huyện", "tỉnh", "quận", "thị xã", "thành phố", "phường", "trung ương", "tw",
    "chính phủ", "ubnd", "hđnd", "ủy ban", "uỷ ban", NULL,
};

/* "đề nghị cấp có thẩm quyền" (001 V.1). */
static const char *const generic[] = {
    "cấp có thẩm quyền", "cấp trên", "các cấp", NULL,
};

/* Luật 06/2022/QH15 Điều 90: Hội đồng Thi đua - Khen thưởng Trung ương is
 * chaired by the Thủ tướng; a province's by the Chủ tịch UBND tỉnh. */
static const char *const central_words[] = {
    "Thủ tướng", "Chính phủ", "Trung ương", "TW", "Quốc hội", "Chủ tịch nước", NULL,
};

const char *const *plan_office_leaders(void) { return leaders; }
const char *const *plan_office_leader_abbrs(void) { return leader_abbrs; }
const char *const *plan_office_group_kinds(void) { return group_kinds; }
const char *plan_office_any_unit(void) { return "đơn vị"; }
const plan_unit_head *plan_office_unit_heads(void) { return unit_heads; }
const char *const *plan_office_external_words(void) { return external_words; }
const char *const *plan_office_generic(void) { return generic; }
const char *plan_office_council(void) { return "Hội đồng Thi đua - Khen thưởng"; }
const char *const *plan_office_central_words(void) { return central_words; }
const char *plan_office_central_level(void) { return "Trung ương"; }
