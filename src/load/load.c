/*
 * load.c - bytes to UTF-8 text with a line map. Everything after this stage
 * sees UTF-8 with LF line ends and no BOM, so that byte offsets map to the
 * lines and columns an editor shows.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    free(s->encoding);
    free(s);
}

/* Line and column of a byte offset in raw bytes that are not (yet) UTF-8:
 * lines by LF, columns by bytes, since legacy encodings use a byte each. */
static plan_pos raw_pos(const char *b, size_t off, int utf8)
{
    plan_pos p = {1, 1};
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (b[i] == '\n') {
            p.line++;
            start = i + 1;
        }
    p.col = 1 + (unsigned)(utf8 ? plan_utf8_count(b + start, off - start) : off - start);
    return p;
}

/* The encoding named in the XML declaration, upper-cased, or NULL. */
static char *declared_encoding(const char *b, size_t n)
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
    return r;
}

/* Transcodes b[0..n) from enc into UTF-8. Returns NULL and sets *bad to the
 * offset of the first byte that does not convert, or *unknown when iconv has
 * no such encoding. */
static char *transcode(const char *b, size_t n, const char *enc, size_t *outlen,
                       size_t *bad, int *unknown)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1) {
        *unknown = 1;
        return NULL;
    }
    size_t cap = n * 4 + 16, left = cap, inleft = n;
    char *out = plan_xmalloc(cap + 1), *op = out;
    char *ip = (char *)b;
    while (inleft > 0) {
        size_t r = iconv(cd, &ip, &inleft, &op, &left);
        if (r == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(op - out);
                cap *= 2;
                out = plan_xrealloc(out, cap + 1);
                op = out + used;
                left = cap - used;
                continue;
            }
            *bad = (size_t)(ip - b);
            iconv_close(cd);
            free(out);
            return NULL;
        }
    }
    /* Decoders such as CP1258 and TCVN hold back the last character. */
    if (iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
        *bad = n;
        iconv_close(cd);
        free(out);
        return NULL;
    }
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    out[*outlen] = '\0';
    return out;
}

static void build_lines(plan_source *s)
{
    size_t n = 1;
    for (size_t i = 0; i < s->len; i++)
        n += s->text[i] == '\n';
    s->lines = plan_xmalloc(n * sizeof *s->lines);
    s->nlines = 0;
    s->lines[s->nlines++] = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            s->lines[s->nlines++] = i + 1;
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
    const char *enc = opts ? opts->encoding : NULL;
    char *owned_enc = NULL;
    const char *b = bytes;
    size_t len = n;
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
        b += 3;
        len -= 3;
        if (!enc)
            enc = "UTF-8";
    } else if (len >= 2 && memcmp(b, "\xFF\xFE", 2) == 0) {
        b += 2;
        len -= 2;
        if (!enc)
            enc = "UTF-16LE";
    } else if (len >= 2 && memcmp(b, "\xFE\xFF", 2) == 0) {
        b += 2;
        len -= 2;
        if (!enc)
            enc = "UTF-16BE";
    }
    if (!enc) {
        owned_enc = declared_encoding(b, len);
        enc = owned_enc ? owned_enc : "UTF-8";
    }
    char *text;
    size_t tlen;
    int is_utf8 = strcmp(enc, "UTF-8") == 0 || strcmp(enc, "UTF8") == 0;
    if (is_utf8) {
        size_t ok = plan_utf8_valid_prefix(b, len);
        if (ok != len) {
            plan_pos p = raw_pos(b, ok, 1);
            if (b[ok] == '\0')
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, p,
                               _("NUL byte in the text; the file is binary or "
                                 "UTF-16 without a byte-order mark"));
            else
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name, p,
                               _("invalid UTF-8 byte 0x%02X; save the file as UTF-8, "
                                 "or name its encoding in the XML declaration or with "
                                 "--encoding"),
                               (unsigned char)b[ok]);
            free(owned_enc);
            return PLAN_BAD_DOCUMENT;
        }
        text = plan_xmalloc(len + 1);
        memcpy(text, b, len);
        text[len] = '\0';
        tlen = len;
    } else {
        size_t bad = 0;
        int unknown = 0;
        text = transcode(b, len, enc, &tlen, &bad, &unknown);
        if (!text) {
            if (unknown)
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name,
                               (plan_pos){1, 1},
                               _("unknown encoding '%s'; use UTF-8, UTF-16, "
                                 "TCVN5712-1, VISCII or CP1258"),
                               enc);
            else
                plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name,
                               raw_pos(b, bad, 0),
                               _("byte 0x%02X is not valid %s; check the encoding "
                                 "named in the XML declaration"),
                               bad < len ? (unsigned char)b[bad] : 0, enc);
            free(owned_enc);
            return PLAN_BAD_DOCUMENT;
        }
        size_t ok = plan_utf8_valid_prefix(text, tlen);
        if (ok != tlen) {
            plan_diags_add(d, PLAN_RULE_XML_ENCODING, PLAN_SEV_ERROR, name,
                           raw_pos(text, ok, 1),
                           _("NUL byte in the text; remove it"));
            free(text);
            free(owned_enc);
            return PLAN_BAD_DOCUMENT;
        }
        /* A BOM inside the converted text (UTF-16 with BOM and --encoding). */
        if (tlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            memmove(text, text + 3, tlen - 2);
            tlen -= 3;
        }
    }
    /* CRLF and lone CR become LF. */
    size_t o = 0;
    for (size_t i = 0; i < tlen; i++) {
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
    s->encoding = plan_xstrdup(enc);
    build_lines(s);
    free(owned_enc);
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

plan_pos plan_source_pos(const plan_source *s, size_t offset)
{
    plan_pos p = {1, 1};
    if (!s->nlines)
        return p;
    if (offset > s->len)
        offset = s->len;
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    p.line = (unsigned)lo + 1;
    p.col = 1 + (unsigned)plan_utf8_count(s->text + s->lines[lo], offset - s->lines[lo]);
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
