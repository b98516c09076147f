/*
 * bodies.h - kinds of body an office line can name: bodies outside a
 * state issuer's chain of command (Mặt trận, đoàn thể, Party committees,
 * elected bodies, courts), district-level bodies abolished on 01/07/2025,
 * Ủy ban nhân dân; and the legal name of the emulation council.
 * Source: shared/domain/rules.md §2.3, §4, §7.4.
 */
#ifndef PLAN_DATA_BODIES_H
#define PLAN_DATA_BODIES_H

typedef enum plan_body_kind {
    PLAN_BODY_FRONT,      /* Ủy ban Mặt trận Tổ quốc Việt Nam */
    PLAN_BODY_MASS,       /* tổ chức chính trị - xã hội, đoàn thể, công đoàn, hội */
    PLAN_BODY_PARTY,      /* cấp ủy and other bodies of the Party */
    PLAN_BODY_ELECTED,    /* HĐND, Đoàn đại biểu Quốc hội */
    PLAN_BODY_JUDICIAL,   /* Tòa án, Viện kiểm sát */
    PLAN_BODY_DISTRICT,   /* cấp huyện: huyện, quận, thị xã, their Party committees */
    PLAN_BODY_COMMITTEE,  /* Ủy ban nhân dân of any level */
    PLAN_BODY_KIND_COUNT
} plan_body_kind;

typedef struct plan_body_pattern {
    const char *key;      /* whole words, lower case */
    int ascii;            /* 1: matched on the accent-free text (long, unambiguous
                             phrases); 0: on the text with its accents */
    plan_body_kind kind;
    const char *source;
} plan_body_pattern;

/* The kinds of body that text names, as a mask of 1u << plan_body_kind. */
unsigned plan_body_kinds(const char *text);
/* The same with asc, plan_utf8_fold_ascii(text) (plan_check_fold): the text
 * is folded with its accents only when a key matched with accents may occur. */
unsigned plan_body_kinds_folded(const char *text, const char *asc);
/* The first row of kind k that occurs in text, or NULL. */
const plan_body_pattern *plan_body_find(const char *text, plan_body_kind k);

/* The council's name in Luật Thi đua, khen thưởng 06/2022/QH15, Điều 90. */
#define PLAN_COUNCIL_NAME "Hội đồng Thi đua - Khen thưởng"

#endif
