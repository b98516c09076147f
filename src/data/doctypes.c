/*
 * doctypes.c - type codes of administrative documents (NĐ 30/2020/NĐ-CP
 * Phụ lục III, bảng chữ viết tắt tên loại văn bản [V2]) and of legal
 * normative documents that carry a year (rules.md §5). Codes are compared
 * case-sensitively: PL III itself writes QyĐ, CTr, TTr.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"

#define PL3 "NĐ 30/2020/NĐ-CP, Phụ lục III"
#define VBQPPL "Luật Ban hành văn bản quy phạm pháp luật (rules.md §5) [U]"

static const plan_doctype types[] = {
    {"Nghị quyết", "NQ", 0, PL3},       {"Quyết định", "QĐ", 0, PL3},
    {"Chỉ thị", "CT", 0, PL3},          {"Quy chế", "QC", 0, PL3},
    {"Quy định", "QyĐ", 0, PL3},        {"Thông cáo", "TC", 0, PL3},
    {"Thông báo", "TB", 0, PL3},        {"Hướng dẫn", "HD", 0, PL3},
    {"Chương trình", "CTr", 0, PL3},    {"Kế hoạch", "KH", 0, PL3},
    {"Phương án", "PA", 0, PL3},        {"Đề án", "ĐA", 0, PL3},
    {"Dự án", "DA", 0, PL3},            {"Báo cáo", "BC", 0, PL3},
    {"Biên bản", "BB", 0, PL3},         {"Tờ trình", "TTr", 0, PL3},
    {"Hợp đồng", "HĐ", 0, PL3},         {"Công điện", "CĐ", 0, PL3},
    {"Bản ghi nhớ", "BGN", 0, PL3},     {"Bản thỏa thuận", "BTT", 0, PL3},
    {"Giấy ủy quyền", "GUQ", 0, PL3},   {"Giấy mời", "GM", 0, PL3},
    {"Giấy giới thiệu", "GGT", 0, PL3}, {"Giấy nghỉ phép", "GNP", 0, PL3},
    {"Phiếu gửi", "PG", 0, PL3},        {"Phiếu chuyển", "PC", 0, PL3},
    {"Phiếu báo", "PB", 0, PL3},
    {"Nghị định", "NĐ", 1, VBQPPL},     {"Thông tư", "TT", 1, VBQPPL},
    {"Kết luận", "KL", 0, "Party documents (rules.md §5) [U]"},
};

size_t plan_doctype_count(void)
{
    return sizeof types / sizeof *types;
}

const plan_doctype *plan_doctype_get(int i)
{
    return i >= 0 && (size_t)i < plan_doctype_count() ? &types[i] : NULL;
}

int plan_type_code_known(const char *code)
{
    return plan_doctype_by_code(code) != NULL;
}

const plan_doctype *plan_doctype_by_code(const char *code)
{
    for (size_t i = 0; i < plan_doctype_count(); i++)
        if (strcmp(types[i].code, code) == 0)
            return &types[i];
    return NULL;
}

/* The names folded, once (static data, kept for the run). */
static char *name_folded[sizeof types / sizeof *types];
static pthread_once_t name_once = PTHREAD_ONCE_INIT;

static void name_init(void)
{
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        name_folded[i] = plan_utf8_fold(types[i].name);
}

const plan_doctype *plan_doctype_by_name(const char *name)
{
    pthread_once(&name_once, name_init);
    char *f = plan_utf8_fold(name);
    const plan_doctype *r = NULL;
    for (size_t i = 0; i < plan_doctype_count() && !r; i++)
        if (strcmp(f, name_folded[i]) == 0)
            r = &types[i];
    free(f);
    return r;
}
