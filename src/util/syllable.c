/*
 * syllable.c - the spelling of one Vietnamese syllable: onset + rhyme +
 * tone. The word is first spelt out in an ASCII form close to VIQR, where
 * "(" is the breve, "^" the circumflex, "+" the horn and "dd" the letter đ
 * ("nghiêng" is "ngh" + "ie^ng"), with its tone apart; then it must split
 * into an onset and a rhyme of the tables below. The tables are the written
 * rhymes of the standard orthography (Hoàng Phê, Từ điển tiếng Việt; the
 * lists taught in school), with a few loan rhymes seen in official texts
 * ("oong", "ooc", "uyp"). They describe spellings, not a dictionary. The
 * onset "p" alone is left out: it spells only loan words ("pin"), and
 * keeping it made foreign words such as Danish "på" (TCVN3 "pồ") pass.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/syllable.h"

static const char *const onsets[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "dd",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "x", "",
};

/* The written rhymes, with their medial o or u ("oa", "uyê"), in strcmp
 * order for bsearch: "(" < "+" < "^" < letters. */
static const char *const rhymes[] = {
    "a", "a(c", "a(m", "a(n", "a(ng", "a(p", "a(t", "a^c", "a^m", "a^n", "a^ng", "a^p",
    "a^t", "a^u", "a^y", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at",
    "au", "ay", "e", "e^", "e^ch", "e^m", "e^n", "e^nh", "e^p", "e^t", "e^u", "ec", "em",
    "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "ie^c", "ie^m", "ie^n", "ie^ng",
    "ie^p", "ie^t", "ie^u", "im", "in", "inh", "ip", "it", "iu", "o", "o+", "o+i", "o+m",
    "o+n", "o+p", "o+t", "o^", "o^c", "o^i", "o^m", "o^n", "o^ng", "o^p", "o^t", "oa",
    "oa(c", "oa(m", "oa(n", "oa(ng", "oa(t", "oac", "oach", "oai", "oam", "oan", "oang",
    "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om", "on",
    "ong", "ooc", "oong", "op", "ot", "u", "u+", "u+a", "u+c", "u+i", "u+m", "u+n", "u+ng",
    "u+o+c", "u+o+i", "u+o+m", "u+o+n", "u+o+ng", "u+o+p", "u+o+t", "u+o+u", "u+t", "u+u",
    "ua", "ua^n", "ua^ng", "ua^t", "ua^y", "uc", "ue^", "ue^ch", "ue^n", "ue^nh", "ue^t",
    "ui", "um", "un", "ung", "uo+", "uo^c", "uo^i", "uo^m", "uo^n", "uo^ng", "uo^t", "up",
    "ut", "uy", "uya", "uych", "uye^n", "uye^t", "uynh", "uyp", "uyt", "uyu", "y", "ye^m",
    "ye^n", "ye^ng", "ye^t", "ye^u",
};

static int cmp_rhyme(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int is_rhyme(const char *r)
{
    return bsearch(r, rhymes, sizeof rhymes / sizeof *rhymes, sizeof *rhymes, cmp_rhyme) != NULL;
}

static int front(char c)
{
    return c == 'i' || c == 'e' || c == 'y';
}

/* Onset and rhyme agree (spelling rules of c/k, g/gh, ng/ngh, qu, gi, yê). */
static int fits(const char *on, const char *r)
{
    if (strcmp(on, "gi") == 0) {
        char buf[24];
        if (!*r)
            return 1; /* gì, gỉ */
        if (r[0] == 'i' || strlen(r) > 16)
            return 0;
        buf[0] = 'i';
        strcpy(buf + 1, r);
        return is_rhyme(r) || is_rhyme(buf); /* gia; gìn, giếng (gi + in, iêng) */
    }
    if (!*r || !is_rhyme(r))
        return 0;
    int ye = strncmp(r, "ye^", 3) == 0;
    if (ye && *on && strcmp(on, "qu") != 0)
        return 0;
    if (strncmp(r, "ie^", 3) == 0 && (!*on || strcmp(on, "qu") == 0))
        return 0;
    if (strcmp(on, "qu") == 0)
        return r[0] != 'u' && !(r[0] == 'o' && r[1] != '^' && r[1] != '+');
    if (strcmp(on, "k") == 0)
        return front(r[0]);
    if (strcmp(on, "gh") == 0 || strcmp(on, "ngh") == 0)
        return r[0] == 'i' || r[0] == 'e';
    if (strcmp(on, "c") == 0 || strcmp(on, "g") == 0 || strcmp(on, "ng") == 0)
        return !front(r[0]);
    return 1;
}

/* Stop endings take only the sắc and nặng tones. */
static int tone_fits(const char *r, int tone)
{
    size_t n = strlen(r);
    int stop = n && (r[n - 1] == 'c' || r[n - 1] == 'p' || r[n - 1] == 't' ||
                     (n >= 2 && r[n - 2] == 'c' && r[n - 1] == 'h'));
    return !stop || tone == 4 || tone == 5;
}

static int tone_of(utf8proc_int32_t m)
{
    switch (m) {
    case 0x0300: return 1; /* huyền */
    case 0x0309: return 2; /* hỏi */
    case 0x0303: return 3; /* ngã */
    case 0x0301: return 4; /* sắc */
    case 0x0323: return 5; /* nặng */
    default: return 0;
    }
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Adds mark m to the letter just spelt (its base is at sp[base]). */
static int add_mark(char *sp, size_t *k, size_t base, int *modified, int *tone,
                    utf8proc_int32_t m)
{
    int t = tone_of(m);
    if (t) {
        if (*tone || !is_vowel(sp[base]))
            return 0;
        *tone = t;
        return 1;
    }
    char c = sp[base], add;
    if (m == 0x0306 && c == 'a')
        add = '(';
    else if (m == 0x0302 && (c == 'a' || c == 'e' || c == 'o'))
        add = '^';
    else if (m == 0x031B && (c == 'o' || c == 'u'))
        add = '+';
    else
        return 0;
    if (*modified)
        return 0;
    *modified = 1;
    sp[(*k)++] = add;
    return 1;
}

int plan_syllable_valid(const char *s, size_t n, int any_case)
{
    char sp[32];
    size_t k = 0, letters = 0, uppers = 0;
    int first_upper = 0, tone = 0, modified = 0;
    size_t base = 0;
    int have = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return 0;
        i += (size_t)len;
        utf8proc_int32_t d[8];
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
        if (nd <= 0 || nd > 8)
            return 0;
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_int32_t c = d[j];
            if (utf8proc_category(c) == UTF8PROC_CATEGORY_MN) {
                if (!have || !add_mark(sp, &k, base, &modified, &tone, c))
                    return 0;
                continue;
            }
            if (k + 4 >= sizeof sp)
                return 0;
            int upper = (c >= 'A' && c <= 'Z') || c == 0x0110;
            utf8proc_int32_t lc = upper ? utf8proc_tolower(c) : c;
            base = k;
            modified = 0;
            have = 1;
            if (lc >= 'a' && lc <= 'z' && lc != 'f' && lc != 'j' && lc != 'w' && lc != 'z') {
                sp[k++] = (char)lc;
            } else if (lc == 0x0111) {
                sp[k++] = 'd';
                sp[k++] = 'd';
                modified = 1;
            } else {
                return 0;
            }
            if (letters == 0)
                first_upper = upper;
            letters++;
            uppers += (size_t)upper;
        }
    }
    if (!letters)
        return 0;
    /* Natural case only: "sở", "Sở", "SỞ"; never "ThÓ" or "sỞ". */
    if (!any_case && uppers && uppers != letters && !(first_upper && uppers == 1))
        return 0;
    sp[k] = '\0';
    for (size_t o = 0; o < sizeof onsets / sizeof *onsets; o++) {
        size_t ol = strlen(onsets[o]);
        if (strncmp(sp, onsets[o], ol) != 0)
            continue;
        /* "dd" is one letter: "d" must not take the first d of "đ". */
        if (ol == 1 && sp[0] == 'd' && sp[1] == 'd')
            continue;
        const char *r = sp + ol;
        if (fits(onsets[o], r) && tone_fits(*r ? r : "i", tone))
            return 1;
    }
    return 0;
}
