/*
 * main.c - entry point: locale and message catalog, library set-up, and the
 * command table.
 */
#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "plan/fsio.h"
#include "plan/i18n.h"
#include "plan/parse.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef PLAN_VERSION
#define PLAN_VERSION "0.1.0"
#endif

static const struct command {
    const char *name;
    int (*fn)(int, char **);
} commands[] = {
    {"check", cmd_check},
    {"compile", cmd_compile},
    {"checklist", cmd_checklist},
    {"rules", cmd_rules},
    {"explain", cmd_explain},
    {"help", cmd_help},
    {"fix-encoding", cmd_fixenc},
    {"new", cmd_new},
};

/* The message catalogs: PLAN_LOCALEDIR if set; else the installed ones; else,
 * for a binary run from its build tree, the "locale" folder next to it. */
static const char *locale_dir(char *buf, size_t n)
{
    const char *dir = getenv("PLAN_LOCALEDIR");
    if (dir && *dir)
        return dir;
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/vi/LC_MESSAGES/%s.mo", LOCALEDIR, PLAN_DOMAIN);
    if (access(probe, R_OK) == 0)
        return LOCALEDIR;
    ssize_t k = readlink("/proc/self/exe", buf, n - 16);
    if (k > 0) {
        buf[k] = '\0';
        char *slash = strrchr(buf, '/');
        if (slash) {
            strcpy(slash + 1, "locale");
            snprintf(probe, sizeof probe, "%s/vi/LC_MESSAGES/%s.mo", buf, PLAN_DOMAIN);
            if (access(probe, R_OK) == 0)
                return buf;
        }
    }
    return LOCALEDIR;
}

static void setup_locale(void)
{
    static char buf[4096];
    setlocale(LC_ALL, "");
    bindtextdomain(PLAN_DOMAIN, locale_dir(buf, sizeof buf));
    bind_textdomain_codeset(PLAN_DOMAIN, "UTF-8");
    textdomain(PLAN_DOMAIN);
}

int main(int argc, char **argv)
{
    /* A batch allocates and frees the same few hundred kilobytes for every
     * plan. glibc gives the top of the heap back to the system above 128 KiB
     * by default, so each plan faulted its pages in again (nine page faults
     * a plan, a tenth of the time of `plan check`); keeping up to 8 MiB free
     * costs no peak memory. (docs/performance.md) */
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
    setup_locale();
    if (argc < 2) {
        cmd_help(0, NULL);
        return PLAN_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        return cmd_help(argc - 1, argv + 1);
    if (strcmp(cmd, "--version") == 0) {
        printf("plan %s\n", PLAN_VERSION);
        return PLAN_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, cmd) == 0) {
            plan_parse_init();
            plan_fsio_catch_signals();
            int rc = commands[i].fn(argc - 1, argv + 1);
            /* Output that could not be written (a full disk, a closed pipe) is an
             * error, not a silent success. */
            if (fflush(stdout) != 0 || ferror(stdout)) {
                fprintf(stderr, "plan: %s: %s: %s\n", _("error"), _("standard output"),
                        strerror(errno));
                rc = PLAN_EXIT_USAGE;
            }
            plan_parse_cleanup();
            return rc;
        }
    cli_usage_error(_("unknown command '%s'"), cmd);
    return PLAN_EXIT_USAGE;
}
