/*
 * provinces.c - the 63 provincial units before 01/07/2025 and the 34 after
 * (NQ 202/2025/QH15, in force 12/06/2025, units operating from 01/07/2025).
 * Source: shared/domain/rules.md §4 (vietnamplus, baomoi, znews, baothanhhoa);
 * rows marked U are units whose members rules.md does not verify.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data/provinces.h"

static const plan_province rows[] = {
    {"Hà Nội", 1, 1, 1, NULL, "V2"},
    {"Huế", 1, 1, 1, NULL, "V2"},
    {"Lai Châu", 0, 1, 1, NULL, "V2"},
    {"Điện Biên", 0, 1, 1, NULL, "V2"},
    {"Sơn La", 0, 1, 1, NULL, "V2"},
    {"Lạng Sơn", 0, 1, 1, NULL, "V2"},
    {"Quảng Ninh", 0, 1, 1, NULL, "V2"},
    {"Thanh Hóa", 0, 1, 1, NULL, "V2"},
    {"Nghệ An", 0, 1, 1, NULL, "V2"},
    {"Hà Tĩnh", 0, 1, 1, NULL, "V2"},
    {"Cao Bằng", 0, 1, 1, NULL, "V2"},
    {"Tuyên Quang", 0, 1, 1, NULL, "V2"},
    {"Hà Giang", 0, 1, 0, "Tuyên Quang", "V2"},
    {"Lào Cai", 0, 1, 1, NULL, "V2"},
    {"Yên Bái", 0, 1, 0, "Lào Cai", "V2"},
    {"Thái Nguyên", 0, 1, 1, NULL, "V2"},
    {"Bắc Kạn", 0, 1, 0, "Thái Nguyên", "V2"},
    {"Phú Thọ", 0, 1, 1, NULL, "V2"},
    {"Vĩnh Phúc", 0, 1, 0, "Phú Thọ", "V2"},
    {"Hòa Bình", 0, 1, 0, "Phú Thọ", "V2"},
    {"Bắc Ninh", 0, 1, 1, NULL, "V2"},
    {"Bắc Giang", 0, 1, 0, "Bắc Ninh", "V2"},
    {"Hưng Yên", 0, 1, 1, NULL, "V2"},
    {"Thái Bình", 0, 1, 0, "Hưng Yên", "V2"},
    {"Hải Phòng", 1, 1, 1, NULL, "V2"},
    {"Hải Dương", 0, 1, 0, "Hải Phòng", "V2"},
    {"Ninh Bình", 0, 1, 1, NULL, "V2"},
    {"Hà Nam", 0, 1, 0, "Ninh Bình", "V2"},
    {"Nam Định", 0, 1, 0, "Ninh Bình", "V2"},
    {"Quảng Trị", 0, 1, 1, NULL, "V2"},
    {"Quảng Bình", 0, 1, 0, "Quảng Trị", "V2"},
    {"Đà Nẵng", 1, 1, 1, NULL, "V2"},
    {"Quảng Nam", 0, 1, 0, "Đà Nẵng", "V2"},
    {"Quảng Ngãi", 0, 1, 1, NULL, "U"},
    {"Kon Tum", 0, 1, 0, "Quảng Ngãi", "U"},
    {"Gia Lai", 0, 1, 1, NULL, "V2"},
    {"Bình Định", 0, 1, 0, "Gia Lai", "V2"},
    {"Khánh Hòa", 0, 1, 1, NULL, "V2"},
    {"Ninh Thuận", 0, 1, 0, "Khánh Hòa", "V2"},
    {"Lâm Đồng", 0, 1, 1, NULL, "V2"},
    {"Đắk Nông", 0, 1, 0, "Lâm Đồng", "V2"},
    {"Bình Thuận", 0, 1, 0, "Lâm Đồng", "V2"},
    {"Đắk Lắk", 0, 1, 1, NULL, "V2"},
    {"Phú Yên", 0, 1, 0, "Đắk Lắk", "V2"},
    {"Hồ Chí Minh", 1, 1, 1, NULL, "V2"},
    {"Bình Dương", 0, 1, 0, "Hồ Chí Minh", "V2"},
    {"Bà Rịa - Vũng Tàu", 0, 1, 0, "Hồ Chí Minh", "V2"},
    {"Đồng Nai", 0, 1, 1, NULL, "V2"},
    {"Bình Phước", 0, 1, 0, "Đồng Nai", "V2"},
    {"Tây Ninh", 0, 1, 1, NULL, "U"},
    {"Long An", 0, 1, 0, "Tây Ninh", "U"},
    {"Cần Thơ", 1, 1, 1, NULL, "V2"},
    {"Sóc Trăng", 0, 1, 0, "Cần Thơ", "V2"},
    {"Hậu Giang", 0, 1, 0, "Cần Thơ", "V2"},
    {"Vĩnh Long", 0, 1, 1, NULL, "U"},
    {"Bến Tre", 0, 1, 0, "Vĩnh Long", "U"},
    {"Trà Vinh", 0, 1, 0, "Vĩnh Long", "U"},
    {"Đồng Tháp", 0, 1, 1, NULL, "V2"},
    {"Tiền Giang", 0, 1, 0, "Đồng Tháp", "V2"},
    {"Cà Mau", 0, 1, 1, NULL, "V2"},
    {"Bạc Liêu", 0, 1, 0, "Cà Mau", "V2"},
    {"An Giang", 0, 1, 1, NULL, "V2"},
    {"Kiên Giang", 0, 1, 0, "An Giang", "V2"},
};

size_t plan_province_count(void)
{
    return sizeof rows / sizeof *rows;
}

const plan_province *plan_province_get(int i)
{
    return i >= 0 && (size_t)i < plan_province_count() ? &rows[i] : NULL;
}

/* The names folded without accents, with their lengths: static data,
 * computed once and shared by every call. */
static char *name_key[sizeof rows / sizeof *rows];
static size_t name_len[sizeof rows / sizeof *rows];
static pthread_once_t name_once = PTHREAD_ONCE_INIT;

static void name_init(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        name_key[i] = plan_utf8_fold_ascii(rows[i].name);
        name_len[i] = strlen(name_key[i]);
    }
}

size_t plan_province_keys(const char *const **keys, const size_t **lens)
{
    pthread_once(&name_once, name_init);
    *keys = (const char *const *)name_key;
    *lens = name_len;
    return plan_province_count();
}

const plan_province *plan_province_in(const char *text)
{
    pthread_once(&name_once, name_init);
    char *t = plan_utf8_fold_ascii(text);
    const plan_province *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < plan_province_count(); i++) {
        if (name_len[i] > best_len && plan_has_word(t, name_key[i])) {
            best = &rows[i];
            best_len = name_len[i];
        }
    }
    free(t);
    return best;
}

int plan_province_exists_on(const plan_province *p, plan_date d)
{
    if (d.y == 0 || plan_date_cmp(d, PLAN_REORG_DATE) >= 0)
        return p->after;
    return p->before;
}
