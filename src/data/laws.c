/*
 * laws.c - the instruments of thi đua, khen thưởng law by date, the regimes
 * they form, the issuer abbreviations of reference numbers and the names of
 * campaigns (shared/domain/rules.md §2, §2.4–§2.6, §5). Dates the research
 * did not establish are left unknown (y == 0) rather than guessed: a wrong
 * date would make a check fire on a correct plan.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "data/laws.h"
#include "plan/i18n.h"

/* ---- instruments ---- */

static const char *const k_luat_tdkt[] = {"luat", "thi dua", "khen thuong", NULL};
static const char *const k_luat_tdkt_sd[] = {"luat", "sua doi", "thi dua", "khen thuong", NULL};

static const plan_law laws[] = {
    {"15/2003/QH11", PLAN_LAW_LAW, "Luật Thi đua, khen thưởng 2003 (15/2003/QH11)", k_luat_tdkt,
     {2003, 11, 26}, {2004, 7, 1}, {2024, 1, 1}, "06/2022/QH15", 0, NULL,
     N_("vietjack.me and vbpl.vn headers of 15/2003/QH11: ban hành 26/11/2003, hiệu lực "
        "01/07/2004"),
     "V2", N_("vietjack.me page of Luật 15/2003/QH11: \"Hết hiệu lực 01/01/2024\""), "V2"},
    {"47/2005/QH11", PLAN_LAW_LAW,
     "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng 2005 (47/2005/QH11)",
     k_luat_tdkt_sd, {0, 0, 0}, {0, 0, 0}, {2024, 1, 1}, "06/2022/QH15", 0, NULL,
     N_("vietjack.me page of Luật 15/2003/QH11, amended by 47/2005/QH11 (number only; dates not "
        "verified)"), "V2",
     N_("vietjack.me: ceased with Luật 15/2003/QH11 on 01/01/2024"), "V2"},
    {"39/2013/QH13", PLAN_LAW_LAW,
     "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng 2013 (39/2013/QH13)",
     k_luat_tdkt_sd, {0, 0, 0}, {0, 0, 0}, {2024, 1, 1}, "06/2022/QH15", 0, NULL,
     N_("vietjack.me page of Luật 15/2003/QH11, amended by 39/2013/QH13 (number only; dates not "
        "verified)"), "V2",
     N_("vietjack.me: ceased with Luật 15/2003/QH11 on 01/01/2024"), "V2"},
    {"06/2022/QH15", PLAN_LAW_LAW, "Luật Thi đua, khen thưởng 2022 (06/2022/QH15)", k_luat_tdkt,
     {2022, 6, 15}, {2024, 1, 1}, {0, 0, 0}, NULL, 0, NULL,
     N_("Luật 06/2022/QH15: passed 15/6/2022 (Công báo số 571+572 ngày 15/7/2022), in force "
        "01/01/2024 (vietjack, stp.hanam). The claimed amending Luật 06/2026/QH16 is unverified "
        "and left out"),
     "V2", NULL, NULL},
    {"91/2017/NĐ-CP", PLAN_LAW_DECREE, "Nghị định 91/2017/NĐ-CP", NULL,
     {2017, 7, 31}, {2017, 10, 1}, {2024, 1, 1}, "98/2023/NĐ-CP", 9, NULL,
     N_("NĐ 91/2017/NĐ-CP: 31/7/2017, in force 01/10/2017 (thuvienphapluat)"), "V2",
     N_("NĐ 91/2017/NĐ-CP: applied until the 2022 law took over on 01/01/2024; 9 report forms, "
        "Mẫu 07 = báo cáo thành tích theo đợt hoặc chuyên đề (thuvienphapluat \"09 mẫu…\")"), "V2"},
    {"98/2023/NĐ-CP", PLAN_LAW_DECREE, "Nghị định 98/2023/NĐ-CP", NULL,
     {2023, 12, 31}, {2024, 1, 1}, {2025, 7, 1}, "152/2025/NĐ-CP", 0, NULL,
     N_("NĐ 98/2023/NĐ-CP: ban hành 31/12/2023, signed Trần Lưu Quang, in force 01/01/2024 "
        "(thuvienphapluat)"), "V2",
     N_("NĐ 98/2023/NĐ-CP: several third-party sources say it ceased on 01/07/2025, replaced "
        "by NĐ 152/2025; the repeal clause is unverified. Number of Phụ lục I forms unverified"),
     "V2-weak"},
    {"152/2025/NĐ-CP", PLAN_LAW_DECREE, "Nghị định 152/2025/NĐ-CP", NULL,
     {2025, 6, 14}, {2025, 7, 1}, {0, 0, 0}, NULL, 0, NULL,
     N_("NĐ 152/2025/NĐ-CP: 14/6/2025, in force 01/7/2025 (Lao Động, pbgdpl.cantho, baomoi, "
        "dantri)"), "V2",
     N_("NĐ 152/2025/NĐ-CP: which of its forms replaces Mẫu 08 of NĐ 98/2023 is not known"), "U"},
    {"12/2019/TT-BNV", PLAN_LAW_CIRCULAR, "Thông tư 12/2019/TT-BNV", NULL,
     {0, 0, 0}, {0, 0, 0}, {2024, 1, 1}, "01/2024/TT-BNV", 0, NULL,
     N_("TT 12/2019/TT-BNV: circular of the pre-2024 regime"), "U",
     N_("TT 12/2019/TT-BNV guided NĐ 91/2017/NĐ-CP, which ceased on 01/01/2024"), "U"},
    {"01/2024/TT-BNV", PLAN_LAW_CIRCULAR, "Thông tư 01/2024/TT-BNV", NULL,
     {2024, 2, 24}, {0, 0, 0}, {2025, 8, 5}, "15/2025/TT-BNV", 0, NULL,
     N_("TT 01/2024/TT-BNV: 24/02/2024 (cited in QĐ 20/2024/QĐ-UBND Tiền Giang); in-force date "
        "not verified"), "V2",
     N_("TT 01/2024/TT-BNV: reportedly replaced by TT 15/2025/TT-BNV from 05/8/2025"), "U"},
    {"15/2025/TT-BNV", PLAN_LAW_CIRCULAR, "Thông tư 15/2025/TT-BNV", NULL,
     {0, 0, 0}, {2025, 8, 5}, {0, 0, 0}, NULL, 0, NULL,
     N_("TT 15/2025/TT-BNV: reportedly in force from 05/8/2025"), "U", NULL, NULL},
    {"30/2020/NĐ-CP", PLAN_LAW_DECREE, "Nghị định 30/2020/NĐ-CP", NULL,
     {2020, 3, 5}, {2020, 3, 5}, {0, 0, 0}, NULL, 0, NULL,
     N_("NĐ 30/2020/NĐ-CP: in force from signing, 05/3/2020 (luatvietnam); no successor found "
        "up to early 2026"), "V2", NULL, NULL},
    {"2437/QĐ-TTg", PLAN_LAW_DECISION, "Quyết định 2437/QĐ-TTg", NULL,
     {2025, 11, 4}, {0, 0, 0}, {0, 0, 0}, NULL, 0, "Đợt thi đua",
     N_("QĐ 2437/QĐ-TTg: signed 04/11/2025 by PTTg Phạm Thị Thanh Trà; it calls the "
        "campaign \"Đợt thi đua\" (sggp, baogialai, congly; vov \"đợt thi đua\")"),
     "V2", NULL, NULL},
};

size_t plan_law_count(void)
{
    return sizeof laws / sizeof *laws;
}

const plan_law *plan_law_get(int i)
{
    return i >= 0 && (size_t)i < plan_law_count() ? &laws[i] : NULL;
}

/* Splits "98 / 2023/NĐ-CP" into its serial value and the rest without
 * spaces; returns 0 when it does not start with digits and a slash. */
static int split_notation(const char *s, long *serial, char *rest, size_t cap)
{
    size_t k = 0;
    int digits = 0;
    *serial = 0;
    while (*s == ' ')
        s++;
    /* A serial of more digits than a long holds (no real one) stays at
     * LONG_MAX rather than overflow. */
    for (; isdigit((unsigned char)*s); s++, digits++)
        *serial = *serial < LONG_MAX / 10 ? *serial * 10 + (*s - '0') : LONG_MAX;
    while (*s == ' ')
        s++;
    if (!digits || *s != '/')
        return 0;
    for (s++; *s && k + 1 < cap; s++)
        if (*s != ' ')
            rest[k++] = *s;
    rest[k] = '\0';
    return 1;
}

const plan_law *plan_law_by_notation(const char *notation)
{
    long a, b;
    char ra[128], rb[128];
    if (!notation || !split_notation(notation, &a, ra, sizeof ra))
        return NULL;
    for (size_t i = 0; i < plan_law_count(); i++)
        if (split_notation(laws[i].notation, &b, rb, sizeof rb) && a == b &&
            strcmp(ra, rb) == 0)
            return &laws[i];
    return NULL;
}

int plan_law_year(const plan_law *l)
{
    const char *s = strchr(l->notation, '/');
    if (!s || !isdigit((unsigned char)s[1]))
        return 0;
    int y = atoi(s + 1);
    return y >= 1900 ? y : 0;
}

int plan_law_in_force_on(const plan_law *l, plan_date d)
{
    if (!d.y)
        return -1;
    if (l->end.y && plan_date_cmp(d, l->end) >= 0)
        return 0;
    if (l->in_force.y)
        return plan_date_cmp(d, l->in_force) >= 0;
    if (l->issued.y && plan_date_cmp(d, l->issued) < 0)
        return 0;
    return -1;
}

static int keys_occur(const char *folded, const char *const *keys)
{
    for (const char *const *k = keys; *k; k++)
        if (!strstr(folded, *k))
            return 0;
    return 1;
}

/* The keyed row whose year is the first standalone year written in f. */
static const plan_law *by_written_year(const char *f)
{
    for (const char *p = f; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > f && isdigit((unsigned char)p[-1])))
            continue;
        size_t n = 0;
        while (isdigit((unsigned char)p[n]))
            n++;
        int y = n == 4 ? atoi(p) : 0;
        for (size_t i = 0; y && i < plan_law_count(); i++)
            if (laws[i].keys && keys_occur(f, laws[i].keys) && plan_law_year(&laws[i]) == y)
                return &laws[i];
        p += n - 1;
    }
    return NULL;
}

const plan_law *plan_law_by_name(const char *text, plan_date on)
{
    if (!text)
        return NULL;
    char *f = plan_utf8_fold_ascii(text);
    const plan_law *r = by_written_year(f);
    for (size_t i = 0; !r && i < plan_law_count(); i++) {
        if (!laws[i].keys || !keys_occur(f, laws[i].keys))
            continue;
        if (on.y ? plan_law_in_force_on(&laws[i], on) == 1 : !laws[i].end.y)
            r = &laws[i];
    }
    free(f);
    return r;
}

/* ---- regimes ---- */

static const plan_law_regime regimes[] = {
    {{2017, 10, 1}, "15/2003/QH11", "91/2017/NĐ-CP", "12/2019/TT-BNV", 1,
     N_("Luật 15/2003/QH11 with NĐ 91/2017/NĐ-CP, 01/10/2017 – 31/12/2023 (the circular, TT "
        "12/2019/TT-BNV, is unverified)"), "V2"},
    {{2024, 1, 1}, "06/2022/QH15", "98/2023/NĐ-CP", "01/2024/TT-BNV", 1,
     N_("Luật 06/2022/QH15 with NĐ 98/2023/NĐ-CP and TT 01/2024/TT-BNV, 01/01/2024 – 30/06/2025"),
     "V2"},
    {{2025, 7, 1}, "06/2022/QH15", "152/2025/NĐ-CP", "01/2024/TT-BNV", 0,
     N_("Luật 06/2022/QH15 with NĐ 152/2025/NĐ-CP from 01/07/2025; district level abolished "
        "(NQ 203/2025/QH15)"), "V2"},
    {{2025, 8, 5}, "06/2022/QH15", "152/2025/NĐ-CP", "15/2025/TT-BNV", 0,
     N_("TT 01/2024/TT-BNV → TT 15/2025/TT-BNV from 05/08/2025"), "U"},
};

size_t plan_law_regime_count(void)
{
    return sizeof regimes / sizeof *regimes;
}

const plan_law_regime *plan_law_regime_get(int i)
{
    return i >= 0 && (size_t)i < plan_law_regime_count() ? &regimes[i] : NULL;
}

const plan_law_regime *plan_law_regime_on(plan_date d)
{
    const plan_law_regime *r = NULL;
    if (!d.y)
        return NULL;
    for (size_t i = 0; i < plan_law_regime_count(); i++)
        if (plan_date_cmp(d, regimes[i].from) >= 0)
            r = &regimes[i];
    return r;
}

const plan_law_regime *plan_law_regime_current(void)
{
    return &regimes[plan_law_regime_count() - 1];
}

/* ---- issuer abbreviations ---- */

static const char *const k_ttg[] = {"thu tuong", NULL};
static const char *const k_cp[] = {"chinh phu", NULL};
static const char *const n_cp[] = {"thu tuong", "van phong chinh phu", NULL};
static const char *const k_vpcp[] = {"van phong chinh phu", NULL};
static const char *const k_bnv[] = {"bo noi vu", NULL};
static const char *const k_qh[] = {"quoc hoi", NULL};
static const char *const n_qh[] = {"thuong vu", NULL};
static const char *const k_ubtvqh[] = {"uy ban thuong vu quoc hoi", "ubtvqh", NULL};
static const char *const k_hdnd[] = {"hoi dong nhan dan", "hdnd", NULL};
static const char *const k_ubnd[] = {"uy ban nhan dan", "ubnd", NULL};
static const char *const k_ctubnd[] = {"chu tich uy ban nhan dan", "chu tich ubnd", NULL};
static const char *const k_snv[] = {"so noi vu", NULL};
static const char *const k_svhttdl[] = {"so van hoa", NULL};
static const char *const k_sngv[] = {"so ngoai vu", NULL};
static const char *const k_tw[] = {"trung uong", "bo chinh tri", "ban bi thu", NULL};
static const char *const n_tw[] = {"van phong trung uong", NULL};
static const char *const k_vptw[] = {"van phong trung uong", NULL};
static const char *const k_tu[] = {"tinh uy", "thanh uy", NULL};
static const char *const k_du[] = {"dang uy", NULL};
static const char *const k_hu[] = {"huyen uy", NULL};

static const plan_ref_issuer issuers[] = {
    {"TTg", 0, "Thủ tướng Chính phủ", k_ttg, NULL,
     N_("issuer abbreviation in use (2437/QĐ-TTg, 500/QĐ-TTg)"), "V2"},
    {"CP", 0, "Chính phủ", k_cp, n_cp,
     N_("issuer abbreviation in use (98/2023/NĐ-CP, 71/NQ-CP)"), "V2"},
    {"VPCP", 0, "Văn phòng Chính phủ", k_vpcp, NULL,
     N_("issuer abbreviation in use (134/TB-VPCP)"), "V2"},
    {"BNV", 0, "Bộ Nội vụ", k_bnv, NULL,
     N_("issuer abbreviation in use (01/2024/TT-BNV; 05/BNV-VP, an example in NĐ 30/2020/NĐ-CP, "
        "Phụ lục I)"), "V1"},
    {"QH", 1, "Quốc hội", k_qh, n_qh,
     N_("issuer abbreviation in use (06/2022/QH15, 202/2025/QH15)"), "V2"},
    {"UBTVQH", 1, "Ủy ban Thường vụ Quốc hội", k_ubtvqh, NULL,
     N_("issuer abbreviation in use (1656/NQ-UBTVQH15)"), "V2"},
    {"HĐND", 0, "Hội đồng nhân dân", k_hdnd, NULL,
     N_("issuer abbreviation in use (48/NQ-HĐND of HĐND tỉnh Lào Cai)"), "S"},
    {"UBND", 0, "Ủy ban nhân dân", k_ubnd, NULL,
     N_("issuer abbreviation in use (8022/KH-UBND, 1954/UBND-TH)"), "S"},
    {"CTUBND", 0, "Chủ tịch Ủy ban nhân dân", k_ctubnd, NULL,
     N_("issuer abbreviation in use (44/2025/QĐ-CTUBND)"), "S"},
    {"SNV", 0, "Sở Nội vụ", k_snv, NULL, N_("issuer abbreviation in use (129/TTr-SNV)"), "S"},
    {"SVHTTDL", 0, "Sở Văn hóa, Thể thao và Du lịch", k_svhttdl, NULL,
     N_("issuer abbreviation in use (3621/KH-SVHTTDL of Sở VHTTDL Lai Châu)"), "S"},
    {"SNgV", 0, "Sở Ngoại vụ", k_sngv, NULL,
     N_("issuer abbreviation in use (32/KH-SNgV of Sở Ngoại vụ Lạng Sơn)"), "S"},
    {"TW", 0, "Trung ương Đảng (Ban Chấp hành, Bộ Chính trị, Ban Bí thư)", k_tw, n_tw,
     N_("issuer abbreviation in use (41-CT/TW, 57-NQ/TW)"), "V2"},
    {"VPTW", 0, "Văn phòng Trung ương Đảng", k_vptw, NULL,
     N_("issuer abbreviation in use (36-HD/VPTW)"), "U"},
    {"TU", 0, N_("Tỉnh ủy or Thành ủy"), k_tu, NULL,
     N_("issuer abbreviation in use (32-KH/TU of Tỉnh ủy Lào Cai)"), "S"},
    {"ĐU", 0, "Đảng ủy", k_du, NULL, N_("issuer abbreviation in use"), "S"},
    {"HU", 0, "Huyện ủy", k_hu, NULL, N_("issuer abbreviation in use (before 07/2025)"), "S"},
};

static int term_code_matches(const plan_ref_issuer *r, const char *code)
{
    size_t n = strlen(r->code);
    if (strncmp(code, r->code, n) != 0)
        return 0;
    if (!r->term)
        return code[n] == '\0';
    if (!code[n])
        return 0;
    for (const char *p = code + n; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return 1;
}

const plan_ref_issuer *plan_ref_issuer_by_code(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < sizeof issuers / sizeof *issuers; i++)
        if (term_code_matches(&issuers[i], code))
            return &issuers[i];
    return NULL;
}

int plan_ref_issuer_matches(const plan_ref_issuer *r, const char *issuer)
{
    char *f = plan_utf8_fold_ascii(issuer);
    int hit = 0;
    for (const char *const *k = r->keys; *k && !hit; k++)
        hit = strstr(f, *k) != NULL;
    for (const char *const *k = r->not_keys; hit && k && *k; k++)
        if (strstr(f, *k))
            hit = 0;
    free(f);
    return hit;
}

/* ---- campaign names ---- */

/* rules.md §2.4: Luật 2022 Đ.16 knows "thi đua theo chuyên đề"; documents
 * still say "Đợt thi đua" (QĐ 2437/QĐ-TTg) or "phong trào thi đua". */
static const struct {
    const char *key, *name;
} terms[] = {
    {"dot thi dua", "Đợt thi đua"},
    {"phong trao thi dua", "phong trào thi đua"},
};

const char *plan_campaign_term(const char *text)
{
    if (!text)
        return NULL;
    char *f = plan_utf8_fold_ascii(text);
    const char *best = plan_campaign_term_folded(f);
    free(f);
    return best;
}

const char *plan_campaign_term_folded(const char *f)
{
    const char *best = NULL, *at = NULL;
    for (size_t i = 0; i < sizeof terms / sizeof *terms; i++) {
        const char *p = strstr(f, terms[i].key);
        if (p && (!at || p < at)) {
            at = p;
            best = terms[i].name;
        }
    }
    return best;
}
