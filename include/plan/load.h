/*
 * load.h - from bytes to text: read a file (with a size cap), detect the
 * encoding (BOM, XML declaration), transcode to UTF-8 with iconv, strip the
 * BOM, turn CRLF and CR into LF, refuse invalid UTF-8 and NUL bytes, and
 * build the line map that turns byte offsets into line:column.
 */
#ifndef PLAN_LOAD_H
#define PLAN_LOAD_H

#include <stddef.h>

#include "plan/diag.h"

typedef struct plan_source {
    char *name;          /* the name used in diagnostics (owned) */
    char *text;          /* UTF-8, LF line ends, no BOM, NUL-terminated (owned) */
    size_t len;
    size_t *lines;       /* byte offset where each line starts (owned) */
    size_t nlines;
    char *encoding;      /* the input encoding, upper case, e.g. "UTF-8" (owned) */
} plan_source;

typedef struct plan_load_opts {
    size_t max_bytes;    /* refuse larger inputs; 0 = PLAN_DEFAULT_MAX_BYTES */
    const char *encoding;/* force an input encoding (--encoding), or NULL */
    int tone_style;      /* a plan_tone_style for the model builder (--tone-style);
                          * 0 = PLAN_TONE_OLD, the default (docs/text.md) */
} plan_load_opts;

#define PLAN_DEFAULT_MAX_BYTES ((size_t)32 * 1024 * 1024)

/* Status codes shared by the reading stages. */
enum {
    PLAN_OK = 0,
    PLAN_BAD_DOCUMENT = 1, /* a problem in the document: see the diagnostics */
    PLAN_ERR_IO = -1       /* the file could not be read: see errno */
};

/* Reads path and fills *out. Returns PLAN_OK; PLAN_BAD_DOCUMENT with a
 * diagnostic in d (too large, invalid UTF-8, unknown encoding…); or
 * PLAN_ERR_IO with errno set (missing, a directory, unreadable). On success
 * the caller frees *out with plan_source_free. name is used in diagnostics. */
int plan_load_file(const char *path, const char *name,
                   const plan_load_opts *opts, plan_diags *d,
                   plan_source **out);

/* The same from bytes in memory (tests, fuzzing). */
int plan_load_bytes(const char *bytes, size_t n, const char *name,
                    const plan_load_opts *opts, plan_diags *d,
                    plan_source **out);

void plan_source_free(plan_source *s);

/* Line and column (1-based) of a byte offset in s->text; the column counts
 * characters as an editor shows them (combining marks do not count). */
plan_pos plan_source_pos(const plan_source *s, size_t offset);

/* The text of line n (1-based) without its LF; *len receives its length. */
const char *plan_source_line(const plan_source *s, unsigned n, size_t *len);

#endif
