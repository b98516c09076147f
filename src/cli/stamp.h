/*
 * stamp.h - internal to src/cli: what makes `plan compile` incremental.
 *
 * For every plan compiled without errors, the output directory's
 * .plan-stamps file records one 64-bit key (docs/architecture.md,
 * "Incremental compile"; plan(1), "Options of compile"): a fingerprint of
 * the plan's text, size and modification time, of the same for each plan it
 * cites among the inputs (its parents) and for a draft's lineage parent, of
 * the configuration, of the options that change outputs, and of the program
 * itself. A plan whose key is unchanged and whose outputs
 * are all present is skipped: not validated again, its outputs not rewritten.
 */
#ifndef PLAN_CLI_STAMP_H
#define PLAN_CLI_STAMP_H

#include <stddef.h>
#include <stdint.h>

/* What one input contributes to the keys. */
typedef struct cli_stamp_input {
    uint64_t content;   /* plan_hash64_quick of its text (see below) */
    long long size, mtime_sec, mtime_nsec;
    int ok;             /* the file could be read */
} cli_stamp_input;

/* Fills *in from path: its size and time from stat, its content from the
 * file's bytes (ok = 0 when it cannot be read). */
void cli_stamp_input_of(const char *path, cli_stamp_input *in);

/* The same in two steps, for a plan that is read anyway, so that it is read
 * once: cli_stamp_input_stat before reading it (returns 0, or -1 when path
 * is not a readable regular file; ok stays 0), then cli_stamp_input_text
 * with the text as loaded (plan_source's text), which sets ok. Stat before
 * reading: an edit between the two shows as a changed time next run. The
 * content of a plan is always taken the same way (from its loaded text when
 * it loads, else from its bytes), so that keys compare between runs. */
int cli_stamp_input_stat(const char *path, cli_stamp_input *in);
void cli_stamp_input_text(cli_stamp_input *in, const char *text, size_t len);

/* Adds in to the key h. */
uint64_t cli_stamp_mix(uint64_t h, const cli_stamp_input *in);

/* The part of every key that does not depend on the plan: the program (its
 * version and its own bytes, so that a rebuilt plan recompiles), and the
 * caller's fingerprint of the configuration and options. */
uint64_t cli_stamp_base(uint64_t options);

typedef struct cli_stamps cli_stamps;

/* Reads DIR/.plan-stamps; a missing or unreadable file is an empty table
 * (everything is compiled). Never NULL. */
cli_stamps *cli_stamps_read(const char *dir);
/* The key recorded for stem, or 0. */
uint64_t cli_stamps_get(const cli_stamps *s, const char *stem);
/* Records key for stem (0 removes it). */
void cli_stamps_set(cli_stamps *s, const char *stem, uint64_t key);
/* Writes the table back atomically when it changed. Returns 0 or -errno. */
int cli_stamps_write(cli_stamps *s, const char *dir);
void cli_stamps_free(cli_stamps *s);

/* The name of the file in the output directory. */
#define CLI_STAMPS_FILE ".plan-stamps"

#endif
