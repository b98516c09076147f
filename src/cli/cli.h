/*
 * cli.h - internal to src/cli: the command table's functions and the
 * helpers they share. The CLI is a thin layer: it parses argv, calls the
 * library, prints and chooses the exit status. Nothing else lives here.
 */
#ifndef PLAN_CLI_H
#define PLAN_CLI_H

#include <stdio.h>

#include "plan/diag.h"
#include "plan/load.h"
#include "plan/validate.h"

/* Exit statuses (documented in docs/plan.1 and `plan --help`). */
enum {
    PLAN_EXIT_OK = 0,     /* no errors */
    PLAN_EXIT_ERRORS = 1, /* errors found (or warnings under --werror) */
    PLAN_EXIT_USAGE = 2   /* usage error, unreadable input, unwritable output */
};

typedef struct cli_opts {
    int json;                      /* a machine format: diagnostics collected, printed
                                    * on stdout at the end (format says which) */
    int format;                    /* CLI_FORMAT_*, from --format= */
    const char *outdir;            /* -o DIR */
    plan_load_opts load;
    plan_validate_opts val;
    int color;                     /* caret and colour on stderr */
    int quiet;                     /* -q: no summary line */
    const char *config;            /* --config FILE (src/cli/config.h) */
    int no_config;                 /* --no-config */
    const struct cli_config *cfg;  /* the configuration read; never NULL after parsing */
} cli_opts;

int cmd_check(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_checklist(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_fixenc(int argc, char **argv);    /* src/cli/fixenc.c: plan fix-encoding */
int cmd_new(int argc, char **argv);       /* src/cli/new.c: plan new (docs/templates.md) */

/* Parses the options shared by check and compile; collects the remaining
 * arguments (paths) into *paths. Returns 0, or PLAN_EXIT_USAGE after
 * printing why. */
int cli_parse_opts(int argc, char **argv, cli_opts *o, char ***paths, int *npaths,
                   int compile);
/* Expands files and directories (searched for *.xml, sorted) into a list.
 * Missing paths are reported and make *failed non-zero. Caller frees each
 * string and the array. */
char **cli_expand_paths(char **paths, int n, int *count, int *failed);
/* Prints diagnostics in GCC form on f (stderr, or a worker's buffer). */
void cli_print_gcc(FILE *f, const plan_diags *d, const cli_opts *o, const plan_source *src);
/* Prints diagnostics as a JSON array to stdout. */
void cli_print_json(const plan_diags *d, FILE *f);

/* The formats of `plan check --format=` (docs/formats.md). */
enum { CLI_FORMAT_GCC, CLI_FORMAT_JSON, CLI_FORMAT_SARIF, CLI_FORMAT_JUNIT, CLI_FORMAT_GITLAB };

/* A whole run, for the report formats (src/cli/report.c). All borrowed. */
typedef struct cli_report {
    const plan_diags *diags;     /* every diagnostic, sorted (plan_diags_sort) */
    char **files;                /* every plan file checked, in order */
    int nfiles;
    const unsigned char *unread; /* per file: 1 when it could not be read; may be NULL */
    int failed_io;               /* the run will exit 2 */
} cli_report;
/* Each writes the report to f: SARIF 2.1.0, JUnit XML, or GitLab Code
 * Quality JSON (a write error shows in ferror(f), which main checks). */
void cli_print_sarif(const cli_report *r, FILE *f);
void cli_print_junit(const cli_report *r, FILE *f);
void cli_print_gitlab(const cli_report *r, FILE *f);
/* Reports a system error about a path: "plan: error: PATH: reason". */
void cli_syserr(const char *path, int err);
/* The same on f. */
void cli_syserr_to(FILE *f, const char *path, int err);
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
