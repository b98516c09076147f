/*
 * bodies.c - words that tell what kind of body an office line names
 * (bodies.h). Sources: shared/domain/rules.md §2.3 ("Bodies outside the
 * issuer's chain of command (MTTQ, tổ chức chính trị - xã hội, Party
 * bodies, HĐND) are addressed with 'Đề nghị'"), §4 (district level ends on
 * 01/07/2025, NQ 203/2025/QH15) and §7.4.
 *
 * Keys with a short or common word are matched with their accents, so that
 * "công đoàn" does not match "công đoạn" nor "quận" match "cơ quan"; the
 * old tone placement "uỷ" is read as "ủy" first. Long phrases are also
 * matched without accents, for text typed without them.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/bodies.h"
#include "plan/util.h"

#define SRC_OUTSIDE "rules.md §2.3: outside the issuer's chain of command (Luật TĐKT 2022 Đ.18)"
#define SRC_DISTRICT "rules.md §4: district level ends 01/07/2025 (NQ 203/2025/QH15)"
#define SRC_UBND "rules.md §2.2–2.3: Ủy ban nhân dân of a level"

static const plan_body_pattern rows[] = {
    {"mat tran to quoc", 1, PLAN_BODY_FRONT, SRC_OUTSIDE},
    {"mttq", 0, PLAN_BODY_FRONT, SRC_OUTSIDE},
    {"to chuc chinh tri - xa hoi", 1, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"to chuc chinh tri xa hoi", 1, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"đoàn thể", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"công đoàn", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"liên đoàn lao động", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"đoàn thanh niên", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"tỉnh đoàn", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"hội liên hiệp phụ nữ", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"hội phụ nữ", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"hội nông dân", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"hội cựu chiến binh", 0, PLAN_BODY_MASS, SRC_OUTSIDE},
    {"tỉnh ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"thành ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"huyện ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"quận ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"thị ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"đảng ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"đảng bộ", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"cấp ủy", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"chi bộ", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"ban tuyên giáo", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"ban dân vận", 0, PLAN_BODY_PARTY, SRC_OUTSIDE},
    {"hội đồng nhân dân", 0, PLAN_BODY_ELECTED, SRC_OUTSIDE},
    {"hđnd", 0, PLAN_BODY_ELECTED, SRC_OUTSIDE},
    {"đoàn đại biểu quốc hội", 0, PLAN_BODY_ELECTED, SRC_OUTSIDE},
    {"đoàn đbqh", 0, PLAN_BODY_ELECTED, SRC_OUTSIDE},
    {"tòa án", 0, PLAN_BODY_JUDICIAL, SRC_OUTSIDE},
    {"toà án", 0, PLAN_BODY_JUDICIAL, SRC_OUTSIDE},
    {"viện kiểm sát", 0, PLAN_BODY_JUDICIAL, SRC_OUTSIDE},
    {"huyện", 0, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"quận", 0, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"thị xã", 0, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"thị ủy", 0, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"cap huyen", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"huyen uy", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"thanh pho thuoc tinh", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"ubnd huyen", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"uy ban nhan dan huyen", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"ubnd quan", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"uy ban nhan dan quan", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"ubnd thi xa", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"uy ban nhan dan thi xa", 1, PLAN_BODY_DISTRICT, SRC_DISTRICT},
    {"uy ban nhan dan", 1, PLAN_BODY_COMMITTEE, SRC_UBND},
    {"ubnd", 0, PLAN_BODY_COMMITTEE, SRC_UBND},
};

/* A byte that can be part of a word: ASCII letters and digits, and every
 * byte of a multi-byte UTF-8 letter. */
/* The folded text with "uỷ" (u + ỷ) rewritten as "ủy" (ủ + y), the
 * spelling of the keys. Both are four bytes, so this is done in place. */
static char *fold_accented(const char *text)
{
    char *f = plan_utf8_fold(text);
    for (char *p = strstr(f, "uỷ"); p; p = strstr(p + 1, "uỷ"))
        memcpy(p, "ủy", strlen("ủy"));
    return f;
}

static const plan_body_pattern *find(const char *acc, const char *asc, int kind)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        if (kind >= 0 && rows[i].kind != (plan_body_kind)kind)
            continue;
        if (plan_has_word(rows[i].ascii ? asc : acc, rows[i].key))
            return &rows[i];
    }
    return NULL;
}

/* The keys matched with accents, folded without them (static data,
 * computed once): fold(text) holds such a key only where the accent-free
 * fold of text holds this. */
#define ROWS (sizeof rows / sizeof *rows)
_Static_assert(ROWS <= 64, "one bit per row");
/* What each row needs in the accent-free fold: its key (ascii rows) or its
 * key folded (allocated once, kept for the run); and by byte, the rows
 * whose text has that first (second) byte. */
static const char *row_asc[ROWS];
static size_t row_len[ROWS];
static uint64_t row_first[256], row_second[256];
static pthread_once_t row_bare_once = PTHREAD_ONCE_INIT;

static void row_bare_init(void)
{
    for (size_t i = 0; i < ROWS; i++) {
        row_asc[i] = rows[i].ascii ? rows[i].key : plan_utf8_fold_ascii(rows[i].key);
        row_len[i] = strlen(row_asc[i]);
        if (row_len[i] < 2)
            continue; /* none is so short; such a row would be tried by strstr */
        row_first[(unsigned char)row_asc[i][0]] |= 1ull << i;
        row_second[(unsigned char)row_asc[i][1]] |= 1ull << i;
    }
}

/* The rows whose row_asc occurs in asc, found in one pass over asc (the
 * first two bytes from the tables, the rest compared): a key of an ascii
 * row holds as a word of asc, and one matched with accents holds in the
 * fold of text, only where its row_asc occurs in asc. */
static uint64_t rows_in(const char *asc)
{
    uint64_t found = 0;
    for (size_t i = 0; i < ROWS; i++)
        if (row_len[i] < 2 && strstr(asc, row_asc[i]))
            found |= 1ull << i;
    for (const unsigned char *p = (const unsigned char *)asc; p[0] && p[1]; p++) {
        uint64_t m = row_first[p[0]] & row_second[p[1]] & ~found;
        while (m) {
            int i = __builtin_ctzll(m);
            m &= m - 1;
            if (strncmp((const char *)p, row_asc[i], row_len[i]) == 0)
                found |= 1ull << i;
        }
    }
    return found;
}

unsigned plan_body_kinds_folded(const char *text, const char *asc)
{
    pthread_once(&row_bare_once, row_bare_init);
    uint64_t in = rows_in(asc);
    char *acc = NULL; /* folded with accents once a row needs it */
    unsigned mask = 0;
    /* One pass over the rows that may match; a kind already found is not
     * searched again. */
    for (size_t i = 0; in && i < ROWS; i++) {
        unsigned bit = 1u << rows[i].kind;
        if ((mask & bit) || !(in & (1ull << i)))
            continue;
        if (rows[i].ascii) {
            if (plan_has_word(asc, rows[i].key))
                mask |= bit;
            continue;
        }
        if (!acc)
            acc = fold_accented(text);
        if (plan_has_word(acc, rows[i].key))
            mask |= bit;
    }
    free(acc);
    return mask;
}

unsigned plan_body_kinds(const char *text)
{
    char *asc = plan_utf8_fold_ascii(text);
    unsigned mask = plan_body_kinds_folded(text, asc);
    free(asc);
    return mask;
}

const plan_body_pattern *plan_body_find(const char *text, plan_body_kind k)
{
    char *acc = fold_accented(text), *asc = plan_utf8_fold_ascii(text);
    const plan_body_pattern *r = find(acc, asc, (int)k);
    free(acc);
    free(asc);
    return r;
}
