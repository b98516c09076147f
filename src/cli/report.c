/*
 * report.c - `plan check --format=sarif|junit|gitlab`: the diagnostics of a
 * whole run as one report on stdout, for the tools a CI job feeds: SARIF
 * 2.1.0 (code scanning), JUnit XML (test dashboards) and GitLab Code
 * Quality JSON (merge-request widget). SARIF and GitLab share the
 * fingerprint that identifies a finding across line shifts; docs/formats.md
 * documents all three.
 * Messages are in the user's language like the other formats; rule ids are
 * never translated.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "plan/emit.h"
#include "plan/i18n.h"
#include "plan/rules.h"
#include "plan/util.h"

#ifndef PLAN_VERSION
#define PLAN_VERSION "0.1.0"
#endif

/* ---- text that every consumer can read ----------------------------------
 * File names and, in theory, messages may hold bytes that are not UTF-8 or
 * characters XML 1.0 forbids; a report with them would be rejected whole.
 * Such bytes become U+FFFD. */

static void put_replacement(plan_buf *b)
{
    plan_buf_puts(b, "\xEF\xBF\xBD");
}

static void json_str(plan_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (plan_utf8_valid_prefix(s, n) == n) {
        plan_json_str(b, s);
        return;
    }
    plan_buf clean = PLAN_BUF_INIT;
    while (n) {
        size_t ok = plan_utf8_valid_prefix(s, n);
        plan_buf_append(&clean, s, ok);
        if (ok < n) {
            put_replacement(&clean);
            ok++;
        }
        s += ok;
        n -= ok;
    }
    plan_json_str(b, plan_buf_cstr(&clean));
    plan_buf_free(&clean);
}

/* XML text or attribute value (attr: also " and the white space that an
 * attribute would otherwise fold into spaces). */
static void xml_str(plan_buf *b, const char *s, int attr)
{
    size_t n = strlen(s);
    while (n) {
        size_t ok = plan_utf8_valid_prefix(s, n);
        for (size_t i = 0; i < ok; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '&') plan_buf_puts(b, "&amp;");
            else if (c == '<') plan_buf_puts(b, "&lt;");
            else if (c == '>') plan_buf_puts(b, "&gt;");
            else if (c == '"' && attr) plan_buf_puts(b, "&quot;");
            else if ((c == '\n' || c == '\t' || c == '\r') && attr) plan_buf_printf(b, "&#%d;", c);
            else if (c == '\r') plan_buf_puts(b, "&#13;");
            else if (c < 0x20 && c != '\n' && c != '\t') put_replacement(b);
            else if (c == 0xEF && i + 2 < ok && (unsigned char)s[i + 1] == 0xBF &&
                     ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
                put_replacement(b); /* U+FFFE, U+FFFF: not XML characters */
                i += 2;
            } else plan_buf_putc(b, (char)c);
        }
        if (ok < n) {
            put_replacement(b);
            ok++;
        }
        s += ok;
        n -= ok;
    }
}

/* A path as the report names it: a leading "./" says nothing and GitLab
 * wants paths without it. */
static const char *clean_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/')
            p++;
    }
    return p;
}

/* SARIF's artifactLocation.uri is a URI reference: a relative path stays
 * relative (code scanning resolves it against the repository), an absolute
 * one becomes a file: URI. Everything but unreserved characters, "/" and
 * a few sub-delimiters is percent-encoded (UTF-8 bytes included, as RFC
 * 3986 asks); ":" always is, so that "a:b.xml" cannot read as a scheme. */
static void put_uri(plan_buf *b, const char *path)
{
    const char *p = clean_path(path);
    if (*p == '/')
        plan_buf_puts(b, "file://");
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            strchr("-._~/!$&'()*+,;=@", c))
            plan_buf_putc(b, (char)c);
        else
            plan_buf_printf(b, "%%%02X", c);
    }
}

/* ---- fingerprints -------------------------------------------------------
 * A finding keeps its fingerprint when lines are inserted or removed above
 * it: the key is the rule id, the path (without "./"), the message with
 * every run of ASCII digits replaced by "#" (a message may cite a line,
 * "here and at line 125", and in no language can a line number be told
 * from other numbers), and the finding's rank among the findings of the
 * same file with the same key (0 for the first, in line order). The hash is
 * 64-bit FNV-1a, printed as 16 lower-case hexadecimal digits. */

typedef struct fp_item {
    uint64_t key;
    size_t index;
} fp_item;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV_BASIS 0xcbf29ce484222325ULL

static uint64_t finding_key(const plan_diag *g)
{
    const char *id = plan_rule_get(g->rule)->id;
    const char *path = clean_path(g->file);
    uint64_t h = fnv(FNV_BASIS, id, strlen(id) + 1);
    h = fnv(h, path, strlen(path) + 1);
    for (const char *m = g->message; *m;) {
        if (*m >= '0' && *m <= '9') {
            while (*m >= '0' && *m <= '9')
                m++;
            h = fnv(h, "#", 1);
        } else {
            h = fnv(h, m, 1);
            m++;
        }
    }
    return h;
}

static int cmp_fp(const void *a, const void *b)
{
    const fp_item *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* One fingerprint (17 bytes with the NUL) per diagnostic, d sorted by file
 * and line. Caller frees the array with free(). */
static char (*fingerprints(const plan_diags *d))[17]
{
    char (*out)[17] = plan_xmalloc((d->n ? d->n : 1) * sizeof *out);
    fp_item *it = plan_xmalloc((d->n ? d->n : 1) * sizeof *it);
    for (size_t i = 0; i < d->n; i++) {
        it[i].key = finding_key(&d->v[i]);
        it[i].index = i;
    }
    qsort(it, d->n, sizeof *it, cmp_fp);
    unsigned rank = 0;
    for (size_t i = 0; i < d->n; i++) {
        rank = (i > 0 && it[i].key == it[i - 1].key) ? rank + 1 : 0;
        char r[16];
        int rn = snprintf(r, sizeof r, "%u", rank);
        uint64_t h = fnv(it[i].key, r, (size_t)rn);
        snprintf(out[it[i].index], sizeof out[0], "%016llx", (unsigned long long)h);
    }
    free(it);
    return out;
}

/* ---- shared words ----------------------------------------------------- */

static const char *sev_word(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return _("error");
    case PLAN_SEV_WARNING: return _("warning");
    case PLAN_SEV_INFO: return _("info");
    default: return _("off");
    }
}

/* "FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID]", as on stderr. */
static void gcc_line(plan_buf *b, const plan_diag *g)
{
    plan_buf_puts(b, g->file);
    if (g->pos.line)
        plan_buf_printf(b, ":%u:%u", g->pos.line, g->pos.col);
    plan_buf_printf(b, ": %s: %s [%s]", sev_word(g->sev), g->message, plan_rule_get(g->rule)->id);
}

static void gcc_notes(plan_buf *b, const plan_diag *g)
{
    for (size_t j = 0; j < g->nnotes; j++) {
        plan_buf_puts(b, g->file);
        if (g->pos.line)
            plan_buf_printf(b, ":%u:%u", g->pos.line, g->pos.col);
        plan_buf_printf(b, ": %s: %s\n", _("note"), g->notes[j]);
    }
}

static void write_out(plan_buf *b, FILE *f)
{
    fwrite(b->data ? b->data : "", 1, b->len, f);
    plan_buf_free(b);
}

/* ---- SARIF 2.1.0 ---------------------------------------------------------- */

static const char *sarif_level(int sev)
{
    switch (sev) {
    case PLAN_SEV_ERROR: return "error";
    case PLAN_SEV_WARNING: return "warning";
    case PLAN_SEV_INFO: return "note";
    default: return "none";
    }
}

static void sarif_rule(plan_buf *b, const plan_rule *r)
{
    plan_buf_puts(b, "            {\n              \"id\": ");
    json_str(b, r->id);
    plan_buf_puts(b, ",\n              \"shortDescription\": {\"text\": ");
    json_str(b, _(r->title));
    plan_buf_puts(b, "},\n              \"fullDescription\": {\"text\": ");
    json_str(b, _(r->explain));
    /* The help says where the rule comes from, as `plan explain` does. */
    plan_buf help = PLAN_BUF_INIT;
    plan_buf_printf(&help, "%s: %s [%s]\n\n%s", _("Source"), _(r->source), r->verified,
                    _(r->explain));
    if (r->bad && *r->bad)
        plan_buf_printf(&help, "\n\n%s\n  %s", _("Incorrect:"), r->bad);
    if (r->good && *r->good)
        plan_buf_printf(&help, "\n\n%s\n  %s", _("Correct:"), r->good);
    plan_buf_puts(b, "},\n              \"help\": {\"text\": ");
    json_str(b, plan_buf_cstr(&help));
    plan_buf_free(&help);
    plan_buf_printf(b, "},\n              \"defaultConfiguration\": {\"level\": \"%s\"",
                    sarif_level(r->severity));
    if (r->severity == PLAN_SEV_OFF)
        plan_buf_puts(b, ", \"enabled\": false");
    plan_buf_puts(b, "},\n              \"properties\": {\"category\": ");
    json_str(b, _(plan_category_name(r->category)));
    plan_buf_puts(b, "}\n            }");
}

void cli_print_sarif(const cli_report *rep, FILE *f)
{
    const plan_diags *d = rep->diags;
    char (*fp)[17] = fingerprints(d);
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_puts(&b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                      "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                      "      \"tool\": {\n        \"driver\": {\n"
                      "          \"name\": \"plan\",\n"
                      "          \"version\": \"" PLAN_VERSION "\",\n"
                      "          \"semanticVersion\": \"" PLAN_VERSION "\",\n"
                      "          \"rules\": [\n");
    /* The rules array lists the whole catalogue in enum order, so a
     * result's ruleIndex is its rule's enum value. */
    for (int i = 0; i < PLAN_RULE_COUNT; i++) {
        sarif_rule(&b, plan_rule_get((plan_rule_id)i));
        plan_buf_puts(&b, i + 1 < PLAN_RULE_COUNT ? ",\n" : "\n");
    }
    plan_buf_puts(&b, "          ]\n        }\n      },\n");
    plan_buf_printf(&b, "      \"invocations\": [{\"executionSuccessful\": %s}],\n",
                    rep->failed_io ? "false" : "true");
    /* Our columns count code points, as editors show them. */
    plan_buf_puts(&b, "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
    for (size_t i = 0; i < d->n; i++) {
        const plan_diag *g = &d->v[i];
        plan_buf_puts(&b, i ? ",\n        {" : "\n        {");
        plan_buf_printf(&b, "\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\",\n",
                        plan_rule_get(g->rule)->id, (int)g->rule, sarif_level(g->sev));
        /* The notes (legal source, the fix) follow the message, one a line. */
        plan_buf msg = PLAN_BUF_INIT;
        plan_buf_puts(&msg, g->message);
        for (size_t j = 0; j < g->nnotes; j++)
            plan_buf_printf(&msg, "\n%s", g->notes[j]);
        plan_buf_puts(&b, "         \"message\": {\"text\": ");
        json_str(&b, plan_buf_cstr(&msg));
        plan_buf_free(&msg);
        plan_buf_puts(&b, "},\n         \"locations\": [{\"physicalLocation\": "
                          "{\"artifactLocation\": {\"uri\": \"");
        plan_buf uri = PLAN_BUF_INIT;
        put_uri(&uri, g->file);
        plan_buf_puts(&b, plan_buf_cstr(&uri));
        plan_buf_free(&uri);
        plan_buf_puts(&b, "\"}");
        if (g->pos.line) {
            plan_buf_printf(&b, ", \"region\": {\"startLine\": %u", g->pos.line);
            if (g->pos.col)
                plan_buf_printf(&b, ", \"startColumn\": %u", g->pos.col);
            plan_buf_puts(&b, "}");
        }
        plan_buf_printf(&b, "}}],\n         \"partialFingerprints\": "
                            "{\"planFingerprint/v1\": \"%s\"}}", fp[i]);
    }
    plan_buf_puts(&b, d->n ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
    free(fp);
    write_out(&b, f);
}

/* ---- JUnit XML ----------------------------------------------------------
 * One testsuite "plan"; one testcase per plan file; one <failure> per
 * error (what junitparser and Jenkins count as failures); warnings and
 * info in <system-out>; a file that could not be read is an <error>. */

typedef struct file_ref {
    const char *name;
    int slot; /* index into the testcases */
} file_ref;

static int cmp_ref(const void *a, const void *b)
{
    return strcmp(((const file_ref *)a)->name, ((const file_ref *)b)->name);
}

void cli_print_junit(const cli_report *rep, FILE *f)
{
    const plan_diags *d = rep->diags;
    /* The testcases: every input in order, then any other file a
     * diagnostic names (none today: a cross-plan finding names an input). */
    int ncase = rep->nfiles;
    const char **cases = plan_xmalloc(sizeof(char *) * (size_t)(rep->nfiles + (int)d->n + 1));
    for (int i = 0; i < rep->nfiles; i++)
        cases[i] = rep->files[i];
    file_ref *refs = plan_xmalloc(sizeof *refs * (size_t)(rep->nfiles + (int)d->n + 1));
    int nref = rep->nfiles;
    for (int i = 0; i < nref; i++)
        refs[i] = (file_ref){rep->files[i], i};
    qsort(refs, (size_t)nref, sizeof *refs, cmp_ref);
    int *slot = plan_xmalloc(sizeof(int) * (d->n ? d->n : 1));
    for (size_t i = 0; i < d->n; i++) {
        file_ref key = {d->v[i].file, 0};
        file_ref *hit = bsearch(&key, refs, (size_t)nref, sizeof *refs, cmp_ref);
        if (hit) {
            slot[i] = hit->slot;
            continue;
        }
        cases[ncase] = d->v[i].file;
        slot[i] = ncase;
        refs[nref++] = (file_ref){d->v[i].file, ncase++};
        qsort(refs, (size_t)nref, sizeof *refs, cmp_ref);
    }
    size_t failures = 0;
    int errors = 0;
    for (size_t i = 0; i < d->n; i++)
        failures += d->v[i].sev == PLAN_SEV_ERROR;
    for (int i = 0; i < rep->nfiles; i++)
        errors += rep->unread && rep->unread[i];
    /* The diagnostics of each testcase, in their (sorted) order. */
    int *first = plan_xmalloc(sizeof(int) * (size_t)(ncase + 1));
    int *next = plan_xmalloc(sizeof(int) * (d->n ? d->n : 1));
    int *last = plan_xmalloc(sizeof(int) * (size_t)(ncase + 1));
    for (int c = 0; c < ncase; c++)
        first[c] = last[c] = -1;
    for (size_t i = 0; i < d->n; i++) {
        next[i] = -1;
        if (last[slot[i]] < 0)
            first[slot[i]] = (int)i;
        else
            next[last[slot[i]]] = (int)i;
        last[slot[i]] = (int)i;
    }

    plan_buf b = PLAN_BUF_INIT, line = PLAN_BUF_INIT, out = PLAN_BUF_INIT;
    plan_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    plan_buf_printf(&b, "<testsuites name=\"plan\" tests=\"%d\" failures=\"%zu\" errors=\"%d\">\n",
                    ncase, failures, errors);
    plan_buf_printf(&b, "  <testsuite name=\"plan\" tests=\"%d\" failures=\"%zu\" errors=\"%d\" "
                        "skipped=\"0\">\n", ncase, failures, errors);
    for (int c = 0; c < ncase; c++) {
        plan_buf_puts(&b, "    <testcase classname=\"");
        xml_str(&b, cases[c], 1);
        plan_buf_puts(&b, "\" name=\"");
        xml_str(&b, cases[c], 1);
        plan_buf_puts(&b, "\"");
        int unread = c < rep->nfiles && rep->unread && rep->unread[c];
        int any_failure = 0;
        plan_buf_reset(&out);
        for (int i = first[c]; i >= 0; i = next[i])
            if (d->v[i].sev == PLAN_SEV_ERROR)
                any_failure = 1;
            else {
                plan_buf_reset(&line);
                gcc_line(&line, &d->v[i]);
                plan_buf_printf(&out, "%s\n", plan_buf_cstr(&line));
                gcc_notes(&out, &d->v[i]);
            }
        if (!unread && !any_failure && !out.len) {
            plan_buf_puts(&b, "/>\n");
            continue;
        }
        plan_buf_puts(&b, ">\n");
        if (unread) {
            plan_buf_puts(&b, "      <error type=\"io\" message=\"");
            xml_str(&b, _("the file could not be read"), 1);
            plan_buf_puts(&b, "\"/>\n");
        }
        for (int i = first[c]; i >= 0; i = next[i]) {
            const plan_diag *g = &d->v[i];
            if (g->sev != PLAN_SEV_ERROR)
                continue;
            plan_buf_reset(&line);
            gcc_line(&line, g);
            plan_buf_puts(&b, "      <failure type=\"");
            xml_str(&b, plan_rule_get(g->rule)->id, 1);
            plan_buf_puts(&b, "\" message=\"");
            xml_str(&b, plan_buf_cstr(&line), 1);
            plan_buf_puts(&b, "\">");
            plan_buf_puts(&line, "\n");
            gcc_notes(&line, g);
            xml_str(&b, plan_buf_cstr(&line), 0);
            plan_buf_puts(&b, "</failure>\n");
        }
        if (out.len) {
            plan_buf_puts(&b, "      <system-out>");
            xml_str(&b, plan_buf_cstr(&out), 0);
            plan_buf_puts(&b, "</system-out>\n");
        }
        plan_buf_puts(&b, "    </testcase>\n");
    }
    plan_buf_puts(&b, "  </testsuite>\n</testsuites>\n");
    plan_buf_free(&line);
    plan_buf_free(&out);
    free(first);
    free(next);
    free(last);
    free(slot);
    free(refs);
    free(cases);
    write_out(&b, f);
}

/* ---- GitLab Code Quality ---------------------------------------------------
 * The subset of the Code Climate issue GitLab reads
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
 * Severities: error -> major, warning -> minor, info -> info; blocker and
 * critical are left for findings worse than ours. A finding without a line
 * is reported on line 1, since GitLab needs one. */

static const char *gitlab_severity(plan_severity s)
{
    switch (s) {
    case PLAN_SEV_ERROR: return "major";
    case PLAN_SEV_WARNING: return "minor";
    default: return "info";
    }
}

void cli_print_gitlab(const cli_report *rep, FILE *f)
{
    const plan_diags *d = rep->diags;
    char (*fp)[17] = fingerprints(d);
    plan_buf b = PLAN_BUF_INIT;
    plan_buf_puts(&b, "[");
    for (size_t i = 0; i < d->n; i++) {
        const plan_diag *g = &d->v[i];
        plan_buf_puts(&b, i ? ",\n  {\"description\": " : "\n  {\"description\": ");
        json_str(&b, g->message);
        plan_buf_printf(&b, ",\n   \"check_name\": \"%s\", \"fingerprint\": \"%s\", "
                            "\"severity\": \"%s\",\n   \"location\": {\"path\": ",
                        plan_rule_get(g->rule)->id, fp[i], gitlab_severity(g->sev));
        json_str(&b, clean_path(g->file));
        plan_buf_printf(&b, ", \"lines\": {\"begin\": %u}}}", g->pos.line ? g->pos.line : 1);
    }
    plan_buf_puts(&b, d->n ? "\n]\n" : "]\n");
    free(fp);
    write_out(&b, f);
}
