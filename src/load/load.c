/*
 * load.c - bytes to UTF-8 text with a line map. Everything after this stage
 * sees UTF-8 with LF line ends and no BOM, so that byte offsets map to the
 * lines and columns an editor shows. The encoding is the byte-order mark's,
 * --encoding's or the XML declaration's; glibc iconv decodes all of them but
 * VNI-Windows (src/load/vni.c). A byte that does not decode is reported
 * where it stands, counted in the decoded text with the file's own line
 * ends, so every encoding of a file reports the same line and column.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "load/legacy.h"
#include "plan/i18n.h"
#include "plan/load.h"
#include "plan/util.h"

void plan_source_free(plan_source *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->text);
    free(s->lines);
    free(s->mark_off);
    free(s->mark_col);
    free(s->encoding);
    free(s);
}

/* Columns that the one character at p (n bytes left) takes: one, or none
 * for a combining mark; its length goes to *len. */
static unsigned column_of(const utf8proc_uint8_t *p, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
    if (l <= 0) {
        *len = 1;
        return 1;
    }
    *len = (size_t)l;
    if (cp < 0x300)
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_ME;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Columns that s[0..n) (UTF-8) takes in an editor: one per character,
 * none for a combining mark, which is drawn on the letter before it. So
 * "ộ" counts once whether it is one code point or three (NFD), and a CP1258
 * or VNI letter written as a letter and a mark byte counts once too.
 * Eight bytes at a time while every lead byte in them starts a character
 * below U+0300 (C2–CB) or of U+1E00–U+1EFF (E1 B8–BB), none of them a
 * mark: the columns are the bytes that are no continuation bytes. Any
 * other lead byte is read by utf8proc. */
static unsigned columns(const char *s, size_t n)
{
    unsigned c = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t high = w & HIGHS;
            uint64_t cont = high & ~(w << 1); /* 80–BF */
            uint64_t look = high & ~cont;     /* lead bytes */
            if (look) {
                /* Lead bytes below CC start letters: the high bit of each
                 * byte of c7 - 4C is set where its low seven bits are 4C or
                 * more (no borrow from lane to lane: each lane is 80 or more). */
                uint64_t c7 = (w & ~HIGHS) | HIGHS;
                look &= c7 - 0x4C * ONES;
                uint64_t x = w ^ (0xE1 * ONES), y = ((w >> 8) & (0xFC * ONES)) ^ (0xB8 * ONES);
                uint64_t e1 = ~(((x & ~HIGHS) + ~HIGHS) | x) & ~(((y & ~HIGHS) + ~HIGHS) | y) & HIGHS;
                look &= ~e1;
            }
            if (look) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                size_t k = (size_t)__builtin_ctzll(look) >> 3;
                uint64_t below = k ? cont & (~0ULL >> (64 - 8 * k)) : 0;
                c += (unsigned)(k - (((below >> 7) * ONES) >> 56));
                i += k;
#endif
                break;
            }
            c += (unsigned)(8 - (((cont >> 7) * ONES) >> 56));
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) { /* ASCII, most of any plan */
            c++;
            i++;
            continue;
        }
        if ((p[i] & 0xC0) == 0x80) { /* the end of a character counted above */
            i++;
            continue;
        }
        size_t len;
        c += column_of(p + i, n - i, &len);
        i += len;
    }
    return c;
}

/* The position just after t[0..n), text decoded to UTF-8 but with its line
 * ends as in the file (LF, CRLF or CR): where a byte that could not be
 * decoded stands, as an editor shows it. */
static plan_pos text_pos(const char *t, size_t n)
{
    plan_pos p = {1, 1};
    size_t start = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) {
            p.line++;
            start = i + 1;
        }
    p.col = 1 + columns(t + start, n - start);
    return p;
}

/* The encoding named in the XML declaration of b[0..n), upper-cased, or
 * NULL; *at receives the offset of the name. */
static char *declared_encoding(const char *b, size_t n, size_t *at)
{
    if (n < 6 || memcmp(b, "<?xml", 5) != 0)
        return NULL;
    size_t end = 0;
    while (end + 1 < n && end < 512 && !(b[end] == '?' && b[end + 1] == '>'))
        end++;
    const char *e = NULL;
    for (size_t i = 5; i + 8 < end; i++)
        if (memcmp(b + i, "encoding", 8) == 0) {
            e = b + i + 8;
            break;
        }
    if (!e)
        return NULL;
    while (e < b + end && (*e == ' ' || *e == '=' || *e == '\t'))
        e++;
    if (e >= b + end || (*e != '"' && *e != '\''))
        return NULL;
    char q = *e++;
    const char *s = e;
    while (e < b + end && *e != q)
        e++;
    if (e - s > 40)
        return NULL;
    char *r = plan_xmalloc((size_t)(e - s) + 1);
    for (size_t i = 0; i < (size_t)(e - s); i++)
        r[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
    r[e - s] = '\0';
    if (at)
        *at = (size_t)(s - b);
    return r;
}

/* The name under which the loader handles enc (upper case): iconv's
 * names, plus "TCVN3" for TCVN5712-1 (the ".Vn" fonts' VN3 is a subset
 * of it) and "VNI" for the VNI-Windows names. Caller frees. */
static char *canonical(const char *enc)
{
    size_t n = strlen(enc);
    char *r = plan_xmalloc(n + 16);
    for (size_t i = 0; i <= n; i++)
        r[i] = (char)((enc[i] >= 'a' && enc[i] <= 'z') ? enc[i] - 32 : enc[i]);
    if (strcmp(r, "UTF8") == 0)
        strcpy(r, "UTF-8");
    else if (strcmp(r, "TCVN3") == 0 || strcmp(r, "TCVN-3") == 0)
        strcpy(r, "TCVN5712-1");
    else if (plan_vni_is_name(r))
        strcpy(r, "VNI");
    return r;
}

/* 8, 16 or 32 for the UTF and UCS encodings, 0 for the 8-bit ones. */
static int unit_bits(const char *enc)
{
    if (strcmp(enc, "UTF-8") == 0)
        return 8;
    if (strncmp(enc, "UTF-16", 6) == 0 || strncmp(enc, "UCS-2", 5) == 0 ||
        strcmp(enc, "UNICODE") == 0)
        return 16;
    if (strncmp(enc, "UTF-32", 6) == 0 || strncmp(enc, "UCS-4", 5) == 0)
        return 32;
    return 0;
}

/* Transcodes b[0..n) from enc into UTF-8 in *out. Returns 0; or -1 with
 * *bad set to the offset of the first byte that does not convert (*out
 * then holds the text before it); or -2 when iconv has no such encoding. */
static int transcode(const char *b, size_t n, const char *enc, plan_buf *out, size_t *bad)
{
    if (strcmp(enc, "VNI") == 0) {
        *bad = plan_vni_decode((const unsigned char *)b, n, out);
        return *bad == n ? 0 : -1;
    }
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return -2;
    size_t cap = n * 4 + 16, left = cap, inleft = n;
    char *buf = plan_xmalloc(cap + 1), *op = buf;
    char *ip = (char *)b;
    int rc = 0;
    while (inleft > 0) {
        size_t r = iconv(cd, &ip, &inleft, &op, &left);
        if (r == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(op - buf);
                cap *= 2;
                buf = plan_xrealloc(buf, cap + 1);
                op = buf + used;
                left = cap - used;
                continue;
            }
            *bad = (size_t)(ip - b);
            rc = -1;
            break;
        }
    }
    /* Decoders such as CP1258 and TCVN hold back the last character, waiting
     * for a combining mark: flush it, at the end or before a bad byte. */
    if (iconv(cd, NULL, NULL, &op, &left) == (size_t)-1 && rc == 0) {
        *bad = n;
        rc = -1;
    }
    iconv_close(cd);
    plan_buf_append(out, buf, (size_t)(op - buf));
    free(buf);
    return rc;
}

/* Bytes between column checkpoints on a long line. */
#define COL_STEP 512

/* Checkpoints every COL_STEP bytes of the lines longer than that: without
 * them a file on one line would cost time quadratic in its length, each
 * position counting columns from the start of the line. */
static void build_marks(plan_source *s)
{
    size_t cap = 0;
    for (size_t l = 0; l < s->nlines; l++) {
        size_t a = s->lines[l], b = l + 1 < s->nlines ? s->lines[l + 1] : s->len;
        if (b - a <= COL_STEP)
            continue;
        unsigned col = 0;
        for (size_t at = a, next = a + COL_STEP; next < b; next += COL_STEP) {
            while (next < b && ((unsigned char)s->text[next] & 0xC0) == 0x80)
                next++; /* a character boundary */
            if (next >= b)
                break;
            col += columns(s->text + at, next - at);
            if (s->nmarks == cap) {
                cap = cap ? cap * 2 : 64;
                s->mark_off = plan_xrealloc(s->mark_off, cap * sizeof *s->mark_off);
                s->mark_col = plan_xrealloc(s->mark_col, cap * sizeof *s->mark_col);
            }
            s->mark_off[s->nmarks] = next;
            s->mark_col[s->nmarks++] = col;
            at = next;
        }
    }
}

/* The start of each line, in one pass over the text: room for a line of
 * every 32 bytes first (plans average 100), twice as much when that is
 * not enough. */
static void build_lines(plan_source *s)
{
    size_t cap = s->len / 32 + 16;
    const char *end = s->text + s->len;
    s->lines = plan_xmalloc(cap * sizeof *s->lines);
    s->nlines = 0;
    s->lines[s->nlines++] = 0;
    for (const char *p = s->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        if (s->nlines == cap) {
            cap *= 2;
            s->lines = plan_xrealloc(s->lines, cap * sizeof *s->lines);
        }
        s->lines[s->nlines++] = (size_t)(p - s->text) + 1;
    }
}

/* 1 when b[0..n) is the start of a UTF-8 sequence cut short by the end of
 * the file: a lead byte and fewer continuation bytes than it announces. */
static int cut_character(const char *b, size_t n)
{
    unsigned char c = (unsigned char)b[0];
    size_t need = c >= 0xF0 && c <= 0xF4   ? 4
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xC2 && c <= 0xDF ? 2
                                           : 0;
    if (!need || n >= need)
        return 0;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)b[i] & 0xC0) != 0x80)
            return 0;
    return 1;
}

/* The parser's limits for s: the caller's, defaults for those left at 0,
 * libxml2's ceilings for those above them. */
static void set_limits(plan_source *s, const plan_load_opts *opts)
{
    s->max_depth = opts && opts->max_depth ? opts->max_depth : PLAN_DEFAULT_MAX_DEPTH;
    if (s->max_depth > PLAN_MAX_DEPTH_LIMIT)
        s->max_depth = PLAN_MAX_DEPTH_LIMIT;
    s->max_elements = opts && opts->max_elements ? opts->max_elements : PLAN_DEFAULT_MAX_ELEMENTS;
    s->max_text = opts && opts->max_text ? opts->max_text : PLAN_DEFAULT_MAX_TEXT;
    if (s->max_text > PLAN_MAX_TEXT_LIMIT)
        s->max_text = PLAN_MAX_TEXT_LIMIT;
    s->max_attributes = opts && opts->max_attributes ? opts->max_attributes
                                                     : PLAN_DEFAULT_MAX_ATTRIBUTES;
}

int plan_load_bytes(const char *bytes, size_t n, const char *name,
                    const plan_load_opts *opts, plan_diags *d, plan_source **out)
{
    *out = NULL;
    size_t max = opts && opts->max_bytes ? opts->max_bytes : PLAN_DEFAULT_MAX_BYTES;
    plan_pos nopos = {0, 0};
    if (n > max) {
        plan_diags_add(d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, name, nopos,
                       _("the file is %zu bytes, more than the limit of %zu bytes; "
                         "split the plan or raise the limit with --max-size"),
                       n, max);
        return PLAN_BAD_DOCUMENT;
    }
    if (n == 0) {
        plan_pos p = {1, 1};
        plan_diags_add(d, PLAN_RULE_XML_SYNTAX, PLAN_SEV_ERROR, name, p,
                       _("the file is empty; a plan starts with <plan xmlns=\"%s\">"),
                       "urn:x-plan:ke-hoach:1");
        return PLAN_BAD_DOCUMENT;
    }
    const char *b = bytes;
    size_t len = n;
    /* The byte-order mark, if any, decides; UTF-32 first, whose little-endian
     * mark starts like UTF-16's. */
    static const struct {
        const char *mark, *enc;
        size_t n;
    } boms[] = {
        {"\xEF\xBB\xBF", "UTF-8", 3},       {"\xFF\xFE\0\0", "UTF-32LE", 4},
        {"\0\0\xFE\xFF", "UTF-32BE", 4},    {"\xFF\xFE", "UTF-16LE", 2},
        {"\xFE\xFF", "UTF-16BE", 2},
    };
    const char *bom = NULL;
    for (size_t i = 0; i < sizeof boms / sizeof *boms && !bom; i++)
        if (len >= boms[i].n && memcmp(b, boms[i].mark, boms[i].n) == 0) {
            bom = boms[i].enc;
            b += boms[i].n;
            len -= boms[i].n;
        }
    const char *forced = opts ? opts->encoding : NULL;
    char *enc = NULL;
    int declared = 0;
    if (forced) {
        enc = canonical(forced);
        if (bom && unit_bits(enc) != unit_bits(bom)) {
            plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, (plan_pos){1, 1},
                           _("--encoding=%s, but the file starts with a %s byte-order mark; "
                             "leave --encoding out"),
                           forced, bom);
            free(enc);
            return PLAN_BAD_DOCUMENT;
        }
        if (bom) { /* "UTF-16" takes its byte order from the mark */
            free(enc);
            enc = plan_xstrdup(bom);
        }
    } else if (bom) {
        enc = plan_xstrdup(bom);
    } else {
        size_t at = 0;
        char *decl = declared_encoding(b, len, &at);
        if (decl) {
            enc = canonical(decl);
            declared = 1;
            free(decl);
            if (unit_bits(enc) > 8) {
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, text_pos(b, at),
                               _("the XML declaration names %s, but the file has no "
                                 "byte-order mark and the declaration is in single bytes; "
                                 "name the encoding the file is in"),
                               enc);
                free(enc);
                return PLAN_BAD_DOCUMENT;
            }
        } else {
            enc = plan_xstrdup("UTF-8");
        }
    }
    plan_buf tb = PLAN_BUF_INIT;
    if (strcmp(enc, "UTF-8") == 0) {
        size_t ok = plan_utf8_valid_prefix(b, len);
        if (ok != len) {
            plan_pos p = text_pos(b, ok);
            if (b[ok] == '\0')
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, p,
                               _("NUL byte in the text; the file is binary or "
                                 "UTF-16 without a byte-order mark"));
            else if (cut_character(b + ok, len - ok))
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, p,
                               _("the file ends inside a UTF-8 character (byte 0x%02X); it "
                                 "is probably truncated: check that it is whole and ends "
                                 "with </plan>"),
                               (unsigned char)b[ok]);
            else
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, p,
                               _("invalid UTF-8 byte 0x%02X; save the file as UTF-8, "
                                 "or name its encoding in the XML declaration or with "
                                 "--encoding"),
                               (unsigned char)b[ok]);
            free(enc);
            return PLAN_BAD_DOCUMENT;
        }
        plan_buf_append(&tb, b, len);
    } else {
        /* A file declared in an 8-bit encoding whose bytes are all valid UTF-8,
         * with letters beyond ASCII, is UTF-8 mislabelled: legacy Vietnamese
         * never forms UTF-8 sequences for long. */
        if (declared && unit_bits(enc) == 0 && plan_utf8_valid_prefix(b, len) == len) {
            size_t i = 0;
            while (i < len && (unsigned char)b[i] < 0x80)
                i++;
            if (i < len) {
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, text_pos(b, i),
                               _("the XML declaration says %s, but the file is UTF-8 (its "
                                 "first letter beyond ASCII is here); declare "
                                 "encoding=\"UTF-8\""),
                               enc);
                free(enc);
                return PLAN_BAD_DOCUMENT;
            }
        }
        size_t bad = 0;
        int rc = transcode(b, len, enc, &tb, &bad);
        if (rc == -2)
            plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, (plan_pos){1, 1},
                           _("unknown encoding '%s'; use UTF-8, UTF-16, TCVN5712-1 (TCVN3), "
                             "VISCII, CP1258 or VNI"),
                           enc);
        else if (rc == -1)
            plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name,
                           text_pos(tb.data ? tb.data : "", tb.len),
                           _("byte 0x%02X is not valid %s; check the encoding "
                             "named in the XML declaration"),
                           bad < len ? (unsigned char)b[bad] : 0, enc);
        if (rc == 0) {
            size_t ok = plan_utf8_valid_prefix(tb.data ? tb.data : "", tb.len);
            if (ok != tb.len) {
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name,
                               text_pos(tb.data, ok), _("NUL byte in the text; remove it"));
                rc = -1;
            }
        }
        if (rc != 0) {
            plan_buf_free(&tb);
            free(enc);
            return PLAN_BAD_DOCUMENT;
        }
    }
    /* A BOM inside the converted text ("UTF-16" without a byte order). */
    if (tb.len >= 3 && memcmp(tb.data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(tb.data, tb.data + 3, tb.len - 2);
        tb.len -= 3;
    }
    /* The mark and the declaration must agree: the declaration is read
     * from the decoded text. */
    if (bom && !forced) {
        size_t at = 0;
        char *decl = declared_encoding(tb.data ? tb.data : "", tb.len, &at);
        char *c = decl ? canonical(decl) : NULL;
        int clash = c && unit_bits(c) != unit_bits(bom);
        if (clash)
            plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, text_pos(tb.data, at),
                           _("the byte-order mark says %s, but the XML declaration says %s; "
                             "correct the declaration"),
                           bom, decl);
        free(c);
        free(decl);
        if (clash) {
            plan_buf_free(&tb);
            free(enc);
            return PLAN_BAD_DOCUMENT;
        }
    }
    char *text = tb.data ? tb.data : plan_xstrdup("");
    size_t tlen = tb.len;
    /* CRLF and lone CR become LF. */
    const char *cr = memchr(text, '\r', tlen); /* most files have none */
    size_t o = cr ? (size_t)(cr - text) : tlen;
    for (size_t i = o; i < tlen; i++) {
        if (text[i] == '\r') {
            text[o++] = '\n';
            if (i + 1 < tlen && text[i + 1] == '\n')
                i++;
        } else {
            text[o++] = text[i];
        }
    }
    text[o] = '\0';
    plan_source *s = plan_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->name = plan_xstrdup(name);
    s->text = text;
    s->len = o;
    s->encoding = enc;
    s->utf8_checked = 1; /* every way above checked it (plan_utf8_valid_prefix) */
    set_limits(s, opts);
    build_lines(s);
    build_marks(s);
    *out = s;
    return PLAN_OK;
}

int plan_load_file(const char *path, const char *name, const plan_load_opts *opts,
                   plan_diags *d, plan_source **out)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return PLAN_ERR_IO;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return PLAN_ERR_IO;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return PLAN_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = EINVAL; /* the CLI reports "not a regular file" */
        return PLAN_ERR_IO;
    }
    size_t max = opts && opts->max_bytes ? opts->max_bytes : PLAN_DEFAULT_MAX_BYTES;
    if ((unsigned long long)st.st_size > max) {
        close(fd);
        plan_diags_add(d, PLAN_RULE_XML_LIMIT, PLAN_SEV_ERROR, name, (plan_pos){0, 0},
                       _("the file is %llu bytes, more than the limit of %zu bytes; "
                         "split the plan or raise the limit with --max-size"),
                       (unsigned long long)st.st_size, max);
        return PLAN_BAD_DOCUMENT;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = plan_xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                break;
            }
            cap *= 2;
            buf = plan_xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return PLAN_ERR_IO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    int rc = plan_load_bytes(buf, n, name, opts, d, out);
    free(buf);
    return rc;
}

/* The index of the last of v[0..n) (ascending, n >= 1) at or before x, 0
 * when none is. Halving without a branch on the data (the compiler makes
 * the choice a conditional move): a binary search that branches on each
 * comparison mispredicts about half of them, and a position is asked for
 * every text and most elements of a plan. */
static size_t last_at_or_before(const size_t *v, size_t n, size_t x)
{
    const size_t *b = v;
    while (n > 1) {
        size_t half = n / 2;
        b = b[half] <= x ? b + half : b;
        n -= half;
    }
    return (size_t)(b - v);
}

plan_pos plan_source_pos(const plan_source *s, size_t offset)
{
    plan_pos p = {1, 1};
    if (!s->nlines)
        return p;
    if (offset > s->len)
        offset = s->len;
    size_t lo = last_at_or_before(s->lines, s->nlines, offset);
    p.line = (unsigned)lo + 1;
    size_t from = s->lines[lo];
    unsigned col = 0;
    if (offset - from > COL_STEP && s->nmarks) {
        /* the last checkpoint at or before offset */
        size_t a = last_at_or_before(s->mark_off, s->nmarks, offset);
        if (s->mark_off[a] <= offset && s->mark_off[a] > from) {
            col = s->mark_col[a];
            from = s->mark_off[a];
        }
    }
    p.col = 1 + col + columns(s->text + from, offset - from);
    return p;
}

const char *plan_source_line(const plan_source *s, unsigned n, size_t *len)
{
    if (n == 0 || n > s->nlines) {
        *len = 0;
        return "";
    }
    size_t a = s->lines[n - 1];
    size_t b = n < s->nlines ? s->lines[n] - 1 : s->len;
    *len = b - a;
    return s->text + a;
}
