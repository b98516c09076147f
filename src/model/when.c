/*
 * when.c - dates, periods and notations as Vietnamese offices write them
 * (shared/domain/rules.md §5–§6): "ngày 16 tháng 12 năm 2025", "12/12/2025",
 * "tháng 10/2025", "hết tháng 10/2025", "nay", "khi tổ chức thành công Đại hội
 * … lần thứ XIV", ISO "2025-12-16"; and "3621/KH-SVHTTDL", "98/2023/NĐ-CP",
 * "41-CT/TW".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/data.h"
#include "plan/model.h"

int plan_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int plan_date_valid(plan_date d)
{
    return d.y >= 1900 && d.y <= 2200 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= plan_days_in_month(d.y, d.m);
}

int plan_date_cmp(plan_date a, plan_date b)
{
    if (a.y != b.y)
        return a.y < b.y ? -1 : 1;
    if (a.m != b.m)
        return a.m < b.m ? -1 : 1;
    if (a.d != b.d)
        return a.d < b.d ? -1 : 1;
    return 0;
}

void plan_date_iso(plan_date d, char *buf)
{
    char tmp[48];
    if (!d.y) {
        buf[0] = '\0';
        return;
    }
    if (d.y > 0 && d.y <= 9999 && d.m >= 0 && d.m <= 99 && d.d >= 0 && d.d <= 99) {
        /* Every date of a plan: by hand, as the snprintf below would write it. */
        const int v[3][2] = {{d.y, 4}, {d.m, 2}, {d.d, 2}};
        char *o = buf;
        for (int f = 0; f < 3; f++) {
            for (int i = v[f][1] - 1, x = v[f][0]; i >= 0; i--, x /= 10)
                o[i] = (char)('0' + x % 10);
            o += v[f][1];
            *o++ = f < 2 ? '-' : '\0';
        }
        return;
    }
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.y, d.m, d.d);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

/* ---- a tiny scanner over the folded (lower-case, accent-free) text ---- */

typedef struct scan {
    const char *s;
    size_t i;
} scan;

static void skip_sp(scan *c)
{
    while (c->s[c->i] == ' ' || c->s[c->i] == ',')
        c->i++;
}

static int word(scan *c, const char *w)
{
    skip_sp(c);
    size_t n = strlen(w);
    if (strncmp(c->s + c->i, w, n) == 0 && !isalpha((unsigned char)c->s[c->i + n])) {
        c->i += n;
        return 1;
    }
    return 0;
}

static int num(scan *c, int *v, int *digits)
{
    skip_sp(c);
    size_t j = c->i;
    long x = 0;
    while (isdigit((unsigned char)c->s[j]) && j - c->i < 6)
        x = x * 10 + (c->s[j++] - '0');
    if (j == c->i || isdigit((unsigned char)c->s[j]))
        return 0;
    if (digits)
        *digits = (int)(j - c->i);
    *v = (int)x;
    c->i = j;
    return 1;
}

static int sep(scan *c, char ch)
{
    skip_sp(c);
    if (c->s[c->i] == ch) {
        c->i++;
        return 1;
    }
    return 0;
}

static int at_end(scan *c)
{
    skip_sp(c);
    while (c->s[c->i] == '.' || c->s[c->i] == ';' || c->s[c->i] == ')')
        c->i++;
    skip_sp(c);
    return c->s[c->i] == '\0';
}

/* d/m/yyyy, d-m-yyyy, "d tháng m năm yyyy", "ngày …", ISO yyyy-mm-dd. */
static int day_form(scan *c, plan_date *out)
{
    size_t save = c->i;
    int a, b, y, da;
    word(c, "ngay");
    if (num(c, &a, &da)) {
        if (da == 4 && sep(c, '-') && num(c, &b, NULL) && sep(c, '-') && num(c, &y, NULL)) {
            *out = (plan_date){a, b, y};
            return 1;
        }
        size_t mid = c->i;
        if ((sep(c, '/') || sep(c, '-') || sep(c, '.')) && num(c, &b, NULL) &&
            (sep(c, '/') || sep(c, '-') || sep(c, '.')) && num(c, &y, NULL)) {
            *out = (plan_date){y, b, a};
            return 1;
        }
        c->i = mid;
        if (word(c, "thang") && num(c, &b, NULL)) {
            size_t m2 = c->i;
            if ((word(c, "nam") || sep(c, '/')) && (word(c, "nam"), num(c, &y, NULL))) {
                *out = (plan_date){y, b, a};
                return 1;
            }
            c->i = m2;
        }
    }
    c->i = save;
    return 0;
}

/* "tháng m/yyyy", "tháng m năm yyyy". */
static int month_form(scan *c, int *m, int *y)
{
    size_t save = c->i;
    if (word(c, "thang") && num(c, m, NULL) && (sep(c, '/') || word(c, "nam")) &&
        (word(c, "nam"), num(c, y, NULL)))
        return 1;
    c->i = save;
    return 0;
}

static int year_form(scan *c, int *y)
{
    size_t save = c->i;
    if (word(c, "nam") && num(c, y, NULL) && *y >= 1900)
        return 1;
    c->i = save;
    return 0;
}

void plan_when_resolve(plan_when *w, plan_date issue)
{
    w->prec = PLAN_PREC_NONE;
    w->lo = w->hi = (plan_date){0, 0, 0};
    w->event = -1;
    w->before = 0;
    w->parse_failed = 0;
    if (!w->text.s || !*w->text.s)
        return;
    char *f = plan_utf8_fold_ascii(w->text.s);
    scan c = {f, 0};
    int end_of = 0;
    word(&c, "tu");
    word(&c, "den");
    if (word(&c, "truoc"))
        w->before = 1;
    else if (word(&c, "cham nhat"))
        w->before = 1;
    if (word(&c, "het"))
        end_of = 1;
    word(&c, "trong");
    plan_date d;
    int m, y;
    size_t body = c.i;
    if (day_form(&c, &d) && at_end(&c)) {
        if (plan_date_valid(d)) {
            w->prec = PLAN_PREC_DAY;
            w->lo = w->hi = d;
        } else {
            w->parse_failed = 2; /* recognised form, impossible date */
        }
    } else if ((c.i = body, month_form(&c, &m, &y)) && at_end(&c)) {
        if (m >= 1 && m <= 12 && y >= 1900 && y <= 2200) {
            w->prec = PLAN_PREC_MONTH;
            w->lo = (plan_date){y, m, 1};
            w->hi = (plan_date){y, m, plan_days_in_month(y, m)};
        } else {
            w->parse_failed = 2;
        }
    } else if ((c.i = body, year_form(&c, &y)) && at_end(&c)) {
        w->prec = PLAN_PREC_YEAR;
        w->lo = (plan_date){y, 1, 1};
        w->hi = (plan_date){y, 12, 31};
    } else if ((c.i = body, word(&c, "nay")) && at_end(&c)) {
        w->prec = PLAN_PREC_ISSUE;
        w->lo = w->hi = issue;
    } else {
        int ev = plan_event_match(w->text.s);
        if (ev >= 0) {
            const plan_event *e = plan_event_get(ev);
            w->event = ev;
            w->prec = PLAN_PREC_EVENT;
            w->lo = e->start;
            w->hi = e->end;
        } else {
            w->parse_failed = 1;
        }
    }
    (void)end_of; /* "hết tháng" and "tháng" both cover the whole month */
    free(f);
}

/* ---- notations ---- */

static int all_digits(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

void plan_notation_parse(plan_arena *a, plan_notation *n)
{
    n->parsed = 0;
    n->party = 0;
    n->serial = n->type_code = n->issuer_code = n->sub = NULL;
    n->serial_num = 0;
    n->year = 0;
    n->spaces = 0;
    if (!n->text.s)
        return;
    /* Work on a copy without spaces; remember that there were some. */
    size_t len = strlen(n->text.s);
    char *t = plan_arena_alloc(a, len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (n->text.s[i] == ' ')
            n->spaces++;
        else
            t[k++] = n->text.s[i];
    }
    t[k] = '\0';
    char *slash = strchr(t, '/');
    if (!slash)
        return;
    *slash = '\0';
    char *left = t, *right = slash + 1;
    char *dash = strchr(left, '-');
    if (dash && all_digits(left, (size_t)(dash - left))) {
        /* Party form: serial-TYPE/ORGAN[-SUB] */
        *dash = '\0';
        if (!dash[1] || !*right)
            return;
        n->party = 1;
        n->serial = left;
        n->type_code = dash + 1;
        char *d2 = strchr(right, '-');
        if (d2) {
            *d2 = '\0';
            n->sub = d2 + 1;
        }
        n->issuer_code = right;
    } else {
        if (!all_digits(left, strlen(left)))
            return;
        n->serial = left;
        char *s2 = strchr(right, '/');
        if (s2) {
            *s2 = '\0';
            if (!all_digits(right, strlen(right)) || strlen(right) != 4)
                return;
            n->year = atoi(right);
            right = s2 + 1;
        }
        if (!*right)
            return;
        char *d1 = strchr(right, '-');
        if (!d1) {
            /* "06/2022/QH15": a law or NQ of the Quốc hội */
            if (strncmp(right, "QH", 2) != 0 && strncmp(right, "UBTVQH", 6) != 0)
                return;
            n->issuer_code = right;
        } else {
            *d1 = '\0';
            if (!*right || !d1[1])
                return;
            char *d2 = strchr(d1 + 1, '-');
            if (d2) {
                *d2 = '\0';
                if (!d2[1])
                    return;
                n->sub = d2 + 1;
            }
            if (plan_type_code_known(right)) {
                n->type_code = right;
                n->issuer_code = d1 + 1;
            } else {
                /* công văn: ISSUER-UNIT */
                n->issuer_code = right;
                n->sub = d1 + 1;
            }
        }
    }
    n->serial_num = strtol(n->serial, NULL, 10);
    n->parsed = 1;
}

/* ---- section numbers ---- */

int plan_roman_value(const char *s, size_t n)
{
    static const char *r[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                              "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII",
                              "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"};
    for (size_t i = 0; i < sizeof r / sizeof *r; i++)
        if (strlen(r[i]) == n && strncmp(r[i], s, n) == 0)
            return (int)i + 1;
    return 0;
}

const char *plan_roman(int v)
{
    static const char *r[] = {"?", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                              "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII",
                              "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"};
    return v >= 1 && v <= 25 ? r[v] : "?";
}

const char *plan_viet_letter(int i)
{
    static const char *l[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                              "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    return i >= 1 && i <= 23 ? l[i - 1] : "?";
}
