/*
 * main.c - entry point: locale and message catalog, library set-up, and the
 * command table.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
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
};

static void setup_locale(void)
{
    setlocale(LC_ALL, "");
    const char *dir = getenv("PLAN_LOCALEDIR");
    bindtextdomain(PLAN_DOMAIN, dir && *dir ? dir : LOCALEDIR);
    bind_textdomain_codeset(PLAN_DOMAIN, "UTF-8");
    textdomain(PLAN_DOMAIN);
}

int main(int argc, char **argv)
{
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
            int rc = commands[i].fn(argc - 1, argv + 1);
            plan_parse_cleanup();
            return rc;
        }
    cli_usage_error(_("unknown command '%s'"), cmd);
    return PLAN_EXIT_USAGE;
}
