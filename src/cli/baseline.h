/*
 * baseline.h - accept today's findings, report only new ones (`plan check
 * --write-baseline FILE`, `--baseline FILE`; docs/config.md).
 *
 * A finding is keyed by its file relative to the repository root, its rule
 * id, a fingerprint of the text at its position (not its line number) and an
 * occurrence counter among identical keys, so that lines inserted above a
 * finding, or messages in another language, leave it matched.
 */
#ifndef PLAN_CLI_BASELINE_H
#define PLAN_CLI_BASELINE_H

#include <stddef.h>

#include "plan/diag.h"
#include "plan/load.h"

typedef struct cli_baseline cli_baseline;

/* A baseline session. read_path: the baseline to match against, or NULL;
 * record: 1 to collect the findings for cli_baseline_write. root: the
 * configuration whose repository root file names are made relative to; load:
 * how to re-read a file whose text is needed. Returns NULL after printing
 * "plan: error: ..." when read_path cannot be read or is not a baseline.
 * Caller frees with cli_baseline_free; root and load are borrowed for the
 * session's life. */
struct cli_config;
cli_baseline *cli_baseline_open(const char *read_path, int record,
                                const struct cli_config *root, const plan_load_opts *load);

/* Takes the diagnostics of one file (path: the file checked, or NULL for the
 * findings across plans), sorted: records them when recording, then removes
 * from d those the baseline holds. src is the file's text when at hand (NULL
 * otherwise: it is read again when needed). */
void cli_baseline_apply(cli_baseline *b, const char *path, plan_diags *d,
                        const plan_source *src);

/* How many findings the baseline removed; how many of its entries, for the
 * files checked, matched nothing (fixed since). */
size_t cli_baseline_suppressed(const cli_baseline *b);
size_t cli_baseline_gone(const cli_baseline *b);

/* Writes every recorded finding to path, sorted, atomically. Returns 0 or
 * -errno. */
int cli_baseline_write(cli_baseline *b, const char *path);

void cli_baseline_free(cli_baseline *b);

#endif
