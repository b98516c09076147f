/*
 * offices.h - the words of office names that the Nơi nhận checks need to
 * tell who a line of a plan means: leadership titles ("Lãnh đạo Sở", "Chủ
 * tịch, các PCT UBND tỉnh"), the kinds of unit a group line lists ("Các
 * phòng, đơn vị thuộc Sở"), words that place an office outside the issuer
 * (huyện, tỉnh …) and generic addressees ("cấp có thẩm quyền"). Drawn from
 * the real plans (shared/domain/rules.md §8) and NĐ 30/2020 Phụ lục I.
 * Every list ends with NULL.
 */
#ifndef PLAN_DATA_OFFICES_H
#define PLAN_DATA_OFFICES_H

/* Leadership titles and collective words that may open a line before the
 * body they belong to. */
const char *const *plan_office_leaders(void);
/* Their abbreviations, matched only as a whole written token ("PCT"). */
const char *const *plan_office_leader_abbrs(void);

/* Kinds of unit a group line ("Các phòng, ban, đơn vị trực thuộc") lists. */
const char *const *plan_office_group_kinds(void);
/* The generic kind that covers every unit ("đơn vị"). */
const char *plan_office_any_unit(void);

/* How the name of one unit begins, the kind of unit it is ("Văn phòng" is
 * a "phòng"-level unit) and whether such a unit is normally part of the
 * issuer (a Văn phòng or Phòng is; a Sở is not part of another Sở). */
typedef struct plan_unit_head {
    const char *head, *kind;
    int internal;
} plan_unit_head;
const plan_unit_head *plan_office_unit_heads(void);   /* ends with {NULL, NULL, 0} */

/* Words (accents kept) that name a level or a body outside the issuer:
 * "Phòng Văn hóa và Thông tin các huyện" is not a unit of a Sở. */
const char *const *plan_office_external_words(void);

/* Addressees that are no body at all ("cấp có thẩm quyền"). */
const char *const *plan_office_generic(void);

/* The emulation council, and the words that mark the central level. */
const char *plan_office_council(void);                  /* "Hội đồng Thi đua - Khen thưởng" */
const char *const *plan_office_central_words(void);    /* "Thủ tướng", "Chính phủ" … */
const char *plan_office_central_level(void);           /* "Trung ương" */

#endif
