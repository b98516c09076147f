/*
 * signing.h - who signs a plan and how (NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II
 * khoản 7; Điều 13): the title of the head and of a deputy for each kind of
 * issuer, the collective name of a collegial body for its "TM." line, and the
 * học hàm, học vị and honorifics that must not stand before a signer's name.
 */
#ifndef PLAN_DATA_SIGNING_H
#define PLAN_DATA_SIGNING_H

#include <stddef.h>

typedef struct plan_signing {
    const char *issuer;      /* how the issuer's name begins: "Ủy ban nhân dân", "Sở" */
    int collegial;           /* a collective signs: "TM. <collective>" (Điều 13 k.2) */
    const char *collective;  /* the name after "TM.", or NULL */
    const char *head;        /* the head's title: "GIÁM ĐỐC" */
    const char *deputy;      /* a deputy's title: "PHÓ GIÁM ĐỐC" */
    const char *source;
    const char *verified;    /* V1, V2, U … */
} plan_signing;

size_t plan_signing_count(void);
const plan_signing *plan_signing_get(size_t i);

typedef struct plan_degree {
    const char *text;        /* as written before a name: "TS.", "Tiến sĩ", "Đồng chí" */
    int abbr;                /* an abbreviation: matched as a whole first token */
    const char *source;
} plan_degree;

size_t plan_degree_count(void);
const plan_degree *plan_degree_get(size_t i);

#endif
