/*
 * vni.c - VNI-Windows, the encoding of the VNI fonts ("VNI-Times"), which
 * glibc iconv does not have. It is Windows-1252 with the Latin-1 letters
 * reused: a Vietnamese letter is a base letter followed by one mark byte
 * ("a" + 0xF9 "ù" is "á", "a" + 0xE1 "á" is "ấ"), or for ơ, ư, đ and the
 * toned i and ỵ a byte of its own (0xF4 "ô" is "ơ").
 *
 * Sources, which agree byte for byte on every letter: the VNI table of
 * xvnkb (Đào Hải Lâm, vni.h, 2002), the VNI column of the "Bảng đối chiếu
 * encoding các bộ chữ hiện hành với Unicode" table, and the charset table
 * of the npm package vietnamese-conversion (src/charsets.ts). They were
 * checked on "Xin chaøo caùc baïn" = "Xin chào các bạn" and "Sôû Vaên hoaù"
 * = "Sở Văn hóa". The table is written here from that structure, not
 * copied. What the VNI fonts put on the other bytes of 0x80-0xFF differs
 * from font to font (WinVNKey's documentation says as much), so those
 * bytes are refused rather than guessed.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "load/legacy.h"

int plan_vni_is_name(const char *name)
{
    return strcasecmp(name, "VNI") == 0 || strcasecmp(name, "VNI-WIN") == 0 ||
           strcasecmp(name, "VNI-WINDOWS") == 0;
}

enum { TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT };
enum { MOD_NONE, MOD_CIRCUMFLEX, MOD_BREVE };

/* A mark byte (lower-case form; the upper-case form is 0x20 less): the
 * letter-forming mark it adds, and the tone. */
typedef struct mark {
    unsigned char byte;
    unsigned char mod, tone;
} mark;

static const mark marks[] = {
    {0xF9, MOD_NONE, TONE_ACUTE},       {0xF8, MOD_NONE, TONE_GRAVE},
    {0xFB, MOD_NONE, TONE_HOOK},        {0xF5, MOD_NONE, TONE_TILDE},
    {0xEF, MOD_NONE, TONE_DOT},
    {0xE2, MOD_CIRCUMFLEX, TONE_NONE},  {0xE1, MOD_CIRCUMFLEX, TONE_ACUTE},
    {0xE0, MOD_CIRCUMFLEX, TONE_GRAVE}, {0xE5, MOD_CIRCUMFLEX, TONE_HOOK},
    {0xE3, MOD_CIRCUMFLEX, TONE_TILDE}, {0xE4, MOD_CIRCUMFLEX, TONE_DOT},
    {0xEA, MOD_BREVE, TONE_NONE},       {0xE9, MOD_BREVE, TONE_ACUTE},
    {0xE8, MOD_BREVE, TONE_GRAVE},      {0xFA, MOD_BREVE, TONE_HOOK},
    {0xFC, MOD_BREVE, TONE_TILDE},      {0xEB, MOD_BREVE, TONE_DOT},
};

/* Letters that are one byte (lower-case form; upper case is 0x20 less):
 * the base letter, the mark it carries and its tone, in combining marks. */
typedef struct single {
    unsigned char byte;
    char base;
    uint32_t mod;    /* combining mark U+031B (horn), or 0 */
    unsigned tone;
} single;

static const single singles[] = {
    {0xF4, 'o', 0x031B, TONE_NONE}, /* ơ */
    {0xF6, 'u', 0x031B, TONE_NONE}, /* ư */
    {0xED, 'i', 0, TONE_ACUTE},     /* í */
    {0xEC, 'i', 0, TONE_GRAVE},     /* ì */
    {0xE6, 'i', 0, TONE_HOOK},      /* ỉ */
    {0xF3, 'i', 0, TONE_TILDE},     /* ĩ */
    {0xF2, 'i', 0, TONE_DOT},       /* ị */
    {0xEE, 'y', 0, TONE_DOT},       /* ỵ */
};

static const uint32_t tone_mark[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

static const mark *find_mark(unsigned char b, int upper)
{
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if ((upper ? marks[i].byte - 0x20 : marks[i].byte) == b)
            return &marks[i];
    return NULL;
}

static const single *find_single(unsigned char b, int *upper)
{
    for (size_t i = 0; i < sizeof singles / sizeof *singles; i++) {
        if (singles[i].byte == b) {
            *upper = 0;
            return &singles[i];
        }
        if (singles[i].byte - 0x20 == b) {
            *upper = 1;
            return &singles[i];
        }
    }
    return NULL;
}

static void put_cp(plan_buf *out, uint32_t cp)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, u);
    plan_buf_append(out, (const char *)u, (size_t)k);
}

/* May base letter c (lower case) take mark m? The tones go on a, e, o, u
 * and y (ơ and ư take them after their own byte; the toned i are bytes of
 * their own, and so is ỵ); the circumflex on a, e, o; the breve on a. */
static int takes(char c, const mark *m)
{
    if (m->mod == MOD_CIRCUMFLEX)
        return c == 'a' || c == 'e' || c == 'o';
    if (m->mod == MOD_BREVE)
        return c == 'a';
    if (c == 'y')
        return m->tone != TONE_DOT;
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

size_t plan_vni_decode(const unsigned char *b, size_t n, plan_buf *out)
{
    plan_buf tmp = PLAN_BUF_INIT;
    size_t i = 0, bad = n;
    while (i < n) {
        unsigned char c = b[i];
        int upper = c >= 'A' && c <= 'Z';
        char lc = (char)(upper ? c + 0x20 : c);
        if (c < 0x80) {
            put_cp(&tmp, c);
            i++;
            const mark *m = i < n ? find_mark(b[i], upper) : NULL;
            if (m && takes(lc, m)) {
                if (m->mod == MOD_CIRCUMFLEX)
                    put_cp(&tmp, 0x0302);
                else if (m->mod == MOD_BREVE)
                    put_cp(&tmp, 0x0306);
                if (m->tone)
                    put_cp(&tmp, tone_mark[m->tone]);
                i++;
            }
            continue;
        }
        if (c == 0xF1 || c == 0xD1) { /* đ, Đ */
            put_cp(&tmp, c == 0xF1 ? 0x0111 : 0x0110);
            i++;
            continue;
        }
        const single *s = find_single(c, &upper);
        if (!s) {
            bad = i;
            break;
        }
        put_cp(&tmp, (uint32_t)(upper ? s->base - 0x20 : s->base));
        if (s->mod)
            put_cp(&tmp, s->mod);
        if (s->tone)
            put_cp(&tmp, tone_mark[s->tone]);
        i++;
        /* ơ and ư take a tone byte after them: "ôù" is "ớ". */
        const mark *m = s->mod && i < n ? find_mark(b[i], upper) : NULL;
        if (m && m->mod == MOD_NONE) {
            put_cp(&tmp, tone_mark[m->tone]);
            i++;
        }
    }
    if (tmp.len) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tmp.data,
                                          (utf8proc_ssize_t)tmp.len, &nfc,
                                          (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        if (r >= 0)
            plan_buf_append(out, (const char *)nfc, (size_t)r);
        free(nfc);
    }
    plan_buf_free(&tmp);
    return bad;
}
