/*
 * events.c - the event calendar that resolves event-bounded periods
 * ("đến khi tổ chức thành công Đại hội … lần thứ XIV") and names the events
 * a campaign celebrates. Source: shared/domain/rules.md §10, each row with
 * the press reports that date it.
 *
 * Keys are matched on the accent-free, lower-case text (plan_utf8_fold_ascii)
 * as whole words: "lan thu xi" does not match "lần thứ XIV". A row matches
 * when all its keys occur. Keys are whole phrases rather than scattered
 * words so that "Đại hội Đảng bộ tỉnh lần thứ XIV" is not taken for the
 * national Đại hội XIV. Several rows may carry the same event under
 * different wordings; the first matching row wins, so a specific wording
 * comes before a general one.
 */
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"

#define DH14 "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
#define DH14_SRC "vnexpress, 24h, soha, dantri: held 19–23/01/2026, shortened from the " \
                 "planned 19–25/01"

/* Đại hội XIV of the Party, in the wordings the plans use. */
static const char *const k_dh14_full[] = {"dai hoi dai bieu toan quoc lan thu xiv", NULL};
static const char *const k_dh14_toanquoc[] = {"dai hoi toan quoc lan thu xiv", NULL};
static const char *const k_dh14_dang_tq[] = {"dai hoi dang toan quoc lan thu xiv", NULL};
static const char *const k_dh14_lanthu[] = {"dai hoi lan thu xiv cua dang", NULL};
/* "Đại hội XIV" with the Party named anywhere, as the original row had it:
 * no other body held a 14th congress in the plans' time. */
static const char *const k_dh14_short[] = {"dai hoi xiv", "dang", NULL};
/* The Đợt thi đua of QĐ 2437/QĐ-TTg as a whole: launched 05/10/2025, it
 * runs until Đại hội XIV closes. */
static const char *const k_dot2437[] = {"dot thi dua", "2437", NULL};
static const char *const k_tdyn11[] = {"dai hoi thi dua yeu nuoc toan quoc lan thu xi", NULL};
static const char *const k_tdyn11_short[] = {"dai hoi thi dua yeu nuoc lan thu xi", NULL};
static const char *const k_bau_cu_16[] = {"bau cu dai bieu quoc hoi khoa xvi", NULL};
static const char *const k_ls18[] = {"dai hoi", "dang bo tinh lang son lan thu xviii", NULL};
/* Lai Châu anniversaries (seed 001). The province name is required: other
 * provinces celebrate their own "N năm thành lập tỉnh" on other days. */
static const char *const k_lc115[] = {"115 nam thanh lap tinh", "lai chau", NULL};
static const char *const k_lc75[] = {"75 nam thanh lap dang bo tinh", "lai chau", NULL};
static const char *const k_lc70[] = {"70 nam ngay bac ho gui thu", "lai chau", NULL};
static const char *const k_lc20[] = {"20 nam chia tach", "lai chau", NULL};

static const plan_event events[] = {
    {DH14, k_dh14_full, {2026, 1, 19}, {2026, 1, 23}, DH14_SRC, "V2"},
    {DH14, k_dh14_toanquoc, {2026, 1, 19}, {2026, 1, 23}, DH14_SRC, "V2"},
    {DH14, k_dh14_dang_tq, {2026, 1, 19}, {2026, 1, 23}, DH14_SRC, "V2"},
    {DH14, k_dh14_lanthu, {2026, 1, 19}, {2026, 1, 23}, DH14_SRC, "V2"},
    {DH14, k_dh14_short, {2026, 1, 19}, {2026, 1, 23}, DH14_SRC, "V2"},
    {"Đợt thi đua lập thành tích chào mừng Đại hội XIV của Đảng (QĐ 2437/QĐ-TTg)", k_dot2437,
     {2025, 10, 5}, {2026, 1, 23},
     "launch 05/10/2025: vietnamplus, nld; period \"từ tháng 10/2025 đến khi tổ chức thành "
     "công Đại hội XIV\": sggp, congly", "V2"},
    {"Đại hội Thi đua yêu nước toàn quốc lần thứ XI", k_tdyn11, {2025, 12, 26}, {2025, 12, 27},
     "nld.com.vn 23/12/2025 (\"diễn ra vào ngày 26 và 27-12 tại Hà Nội\"); vietnamplus "
     "26/12/2025 (phiên trù bị) and 27/12/2025 (khai mạc)", "V2"},
    {"Đại hội Thi đua yêu nước toàn quốc lần thứ XI", k_tdyn11_short, {2025, 12, 26},
     {2025, 12, 27}, "as above", "V2"},
    {"Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026–2031",
     k_bau_cu_16, {2026, 3, 15}, {2026, 3, 15},
     "baoquangtri.vn (TTXVN), danchuphapluat.vn, phaply.net.vn: election day Chủ nhật "
     "15/3/2026", "V2"},
    {"Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII, nhiệm kỳ 2025–2030", k_ls18,
     {2025, 9, 24}, {2025, 9, 26},
     "thegioitiepthi.danviet.vn 16/9/2025 (\"từ chiều 24/9 đến hết sáng 26/9\"); "
     "vietnamplus, 24h, vtcnews 25/9/2025 (khai mạc, bầu Ban Chấp hành)", "V2"},
    {"Kỷ niệm 115 năm thành lập tỉnh Lai Châu", k_lc115, {2024, 6, 28}, {2024, 6, 28},
     "plan of Sở VHTTDL Lai Châu, 2023, under công văn 1954/UBND-TH of UBND tỉnh Lai Châu: "
     "\"115 năm thành lập tỉnh (28/6/1909- 28/6/2024)\"", "S"},
    {"Kỷ niệm 75 năm thành lập Đảng bộ tỉnh Lai Châu", k_lc75, {2024, 10, 10}, {2024, 10, 10},
     "plan of Sở VHTTDL Lai Châu, 2023, under công văn 1954/UBND-TH of UBND tỉnh Lai Châu: "
     "\"75 năm thành lập Đảng bộ tỉnh (10/10/1949- 10/10/2024)\"", "S"},
    {"Kỷ niệm 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu", k_lc70,
     {2023, 12, 12}, {2023, 12, 12},
     "plan of Sở VHTTDL Lai Châu, 2023, under công văn 1954/UBND-TH of UBND tỉnh Lai Châu: "
     "\"70 năm ngày Bác Hồ gửi thư … (12/12/1953 -12/12/2023)\"", "S"},
    {"Kỷ niệm 20 năm chia tách, thành lập tỉnh Lai Châu", k_lc20, {2024, 1, 1}, {2024, 1, 1},
     "plan of Sở VHTTDL Lai Châu, 2023, under công văn 1954/UBND-TH of UBND tỉnh Lai Châu: "
     "\"20 năm chia tách, thành lập tỉnh (01/01/2004- 01/01/2024)\"", "S"},
};

size_t plan_event_count(void)
{
    return sizeof events / sizeof *events;
}

const plan_event *plan_event_get(int i)
{
    return i >= 0 && (size_t)i < plan_event_count() ? &events[i] : NULL;
}

int plan_event_match(const char *text)
{
    char *f = plan_utf8_fold_ascii(text);
    int found = plan_event_match_folded(f);
    free(f);
    return found;
}

int plan_event_match_folded(const char *f)
{
    int found = -1;
    for (size_t i = 0; i < plan_event_count() && found < 0; i++) {
        int all = 1;
        for (const char *const *k = events[i].keys; *k && all; k++)
            all = plan_has_word(f, *k);
        if (all)
            found = (int)i;
    }
    return found;
}
