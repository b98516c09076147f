/*
 * provinces.h - provincial-level units before and after the 2025
 * reorganisation (NQ 202/2025/QH15; shared/domain/rules.md §4).
 */
#ifndef PLAN_DATA_PROVINCES_H
#define PLAN_DATA_PROVINCES_H

#include "plan/model.h"

typedef struct plan_province {
    const char *name;        /* "Lào Cai", "Hà Nội", "Bà Rịa - Vũng Tàu" */
    int city;                /* thành phố trực thuộc trung ương */
    int before;              /* one of the 63 units until 30/06/2025 */
    int after;               /* one of the 34 units from 01/07/2025 */
    const char *merged_into; /* abolished units: the unit they joined; else NULL */
    const char *verified;    /* V2, or U where rules.md marks the members unverified */
} plan_province;

size_t plan_province_count(void);
const plan_province *plan_province_get(int i);
/* The province whose name occurs in text (accent- and case-insensitive; the
 * longest name wins, so "Bà Rịa - Vũng Tàu" beats nothing shorter), or NULL. */
const plan_province *plan_province_in(const char *text);
/* The names of every row folded without accents (plan_utf8_fold_ascii) and
 * their lengths, indexed as plan_province_get: computed once per run and
 * shared by the rules that look for province names in folded text. Returns
 * the number of rows. */
size_t plan_province_keys(const char *const **keys, const size_t **lens);
/* 1 when the unit exists as a province on date d (d.y == 0: today's list). */
int plan_province_exists_on(const plan_province *p, plan_date d);

/* The date the 34 units start operating and district level ends. */
#define PLAN_REORG_DATE ((plan_date){2025, 7, 1})
/* The date NQ 202/2025/QH15 took effect (law changed, old bodies still working). */
#define PLAN_REORG_LAW_DATE ((plan_date){2025, 6, 12})

#endif
