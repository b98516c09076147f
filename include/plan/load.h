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
    /* The parser's limits for this text (plan_parse), from plan_load_opts with
     * the defaults filled in; 0 (a source not made by the loader) = default. */
    unsigned max_depth;
    size_t max_elements, max_text, max_attributes;
    /* Column checkpoints on long lines (owned), so that a position costs as
     * little in a file written on one line as in any other. */
    size_t *mark_off;    /* offsets at character boundaries, ascending */
    unsigned *mark_col;  /* the column of each within its line, from 0 */
    size_t nmarks;
    /* 1 when the loader made text: valid UTF-8 with no NUL byte before the
     * one at text[len]. The fast scanner (src/parse/scan.c) relies on it and
     * leaves any other source to libxml2. */
    int utf8_checked;
} plan_source;

typedef struct plan_load_opts {
    size_t max_bytes;    /* refuse larger inputs; 0 = PLAN_DEFAULT_MAX_BYTES */
    const char *encoding;/* force an input encoding (--encoding), or NULL */
    int tone_style;      /* a plan_tone_style for the model builder (--tone-style);
                          * 0 = PLAN_TONE_OLD, the default (docs/text.md) */
    /* Limits the parser enforces (docs/format.md, "Hostile input and
     * limits"); 0 = the default. */
    unsigned max_depth;  /* deepest nesting of elements (--max-depth), at most
                          * PLAN_MAX_DEPTH_LIMIT */
    size_t max_elements; /* most elements in one file (--max-elements) */
    size_t max_text;     /* longest text, attribute value or comment in UTF-8
                          * bytes (--max-text), at most PLAN_MAX_TEXT_LIMIT */
    size_t max_attributes; /* most attributes in one start tag (--max-attributes) */
} plan_load_opts;

#define PLAN_DEFAULT_MAX_BYTES ((size_t)32 * 1024 * 1024)
#define PLAN_DEFAULT_MAX_DEPTH 256u
#define PLAN_DEFAULT_MAX_ELEMENTS ((size_t)1000000)
#define PLAN_DEFAULT_MAX_TEXT ((size_t)1024 * 1024)
#define PLAN_DEFAULT_MAX_ATTRIBUTES ((size_t)32)
/* libxml2's own limits without XML_PARSE_HUGE, which plan never uses: the
 * depth and text limits cannot be raised beyond them. */
#define PLAN_MAX_DEPTH_LIMIT 256u
#define PLAN_MAX_TEXT_LIMIT ((size_t)10000000)

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
