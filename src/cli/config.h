/*
 * config.h - the project configuration file `.planrc` (docs/config.md): rule
 * severities, paths excluded from directory walks and the repository root.
 * A small INI dialect read by our own parser; every mistake in it is a usage
 * error with FILE:LINE:COL, so that a typo never silently changes what a CI
 * job checks.
 */
#ifndef PLAN_CLI_CONFIG_H
#define PLAN_CLI_CONFIG_H

#include "plan/rules.h"

struct cli_opts;

typedef struct cli_config {
    char *path;          /* the file read, as named in messages; NULL when none */
    char *root;          /* the repository root, absolute and resolved */
    char **exclude;      /* [paths] exclude patterns, normalized */
    int nexclude;
    int sev[PLAN_RULE_COUNT]; /* [rules]: a plan_severity, or -1 = not set */
} cli_config;

/* Finds the configuration (o->config, or .planrc searched upward from the
 * current directory up to a directory holding .git or /, unless
 * o->no_config), reads it, sets o->cfg and gives every rule that -W left at
 * its default the file's severity. Returns 0, or PLAN_EXIT_USAGE after
 * printing "plan: error: FILE:LINE:COL: ...". The configuration lives in
 * static storage until the process exits (one per process). */
int cli_config_load(struct cli_opts *o);

/* path relative to c->root ("plans/a.xml"), or its absolute form when it is
 * outside the root. Caller frees with free(). */
char *cli_config_relpath(const cli_config *c, const char *path);

/* 1 when path matches one of the exclude patterns (docs/config.md). */
int cli_config_excluded(const cli_config *c, const char *path);

/* Drops from list[0..*n) the files found by walking a directory (those that
 * are not one of named[0..nnamed), the paths given on the command line)
 * which an exclude pattern matches; frees them and shrinks *n. */
void cli_config_filter(const cli_config *c, char **list, int *n, char **named, int nnamed);

#endif
