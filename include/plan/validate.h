/*
 * validate.h - runs the rule checks over a built plan and applies the
 * severity controls (-W, --werror) and in-document suppressions.
 *
 * A check is a function that walks the model and calls plan_check_report
 * for each finding; it never prints. Checks live in src/validate/, one file
 * per category of the catalogue.
 */
#ifndef PLAN_VALIDATE_H
#define PLAN_VALIDATE_H

#include "plan/diag.h"
#include "plan/model.h"

typedef struct plan_validate_opts {
    /* Per-rule severity override; PLAN_SEV_OFF..ERROR, or -1 = the default. */
    int override[PLAN_RULE_COUNT];
    int werror;              /* warnings count as errors for the exit status */
} plan_validate_opts;

/* Every rule at its default severity. */
void plan_validate_opts_init(plan_validate_opts *o);

typedef struct plan_fold_cache plan_fold_cache;

typedef struct plan_check {
    const plan_doc *doc;
    plan_diags *out;
    plan_fold_cache *folds; /* the texts folded so far (plan_check_fold) */
} plan_check;

/* The matching key of s (plan_utf8_fold_ascii), computed once per
 * document however many rules ask: s must be a string of c->doc, which is
 * remembered by its address. "" for NULL. Valid until the validation of the
 * document ends. */
const char *plan_check_fold(plan_check *c, const char *s);

/* Records a finding at the rule's default severity. fmt is translated by
 * the caller (_()). Returns the diagnostic, so that notes can be added. */
plan_diag *plan_check_report(plan_check *c, plan_rule_id rule, plan_pos pos,
                             const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same at an explicit severity (rules whose severity depends on the case,
 * e.g. SECTION-SEQ: error at the top level, warning when nested). */
plan_diag *plan_check_report_sev(plan_check *c, plan_rule_id rule, plan_severity sev,
                                 plan_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Runs every check over doc and appends findings to out. Then applies the
 * options (and, later, the suppressions found in doc) to out's entries from
 * index `from` on: pass the index where this document's diagnostics start,
 * so that the builder's structural findings are treated the same way. */
void plan_validate(const plan_doc *doc, const plan_validate_opts *o, plan_diags *out,
                   size_t from);

/* Applies severity overrides to diagnostics produced before a model existed
 * (load and parse failures). */
void plan_validate_apply_opts(const plan_validate_opts *o, plan_diags *d, size_t from);

/* ---- rules across plans (src/validate/corpus.c) ----
 * Each checked plan leaves a summary; the run keeps of it only what the
 * indexes of the rules of catalogue/corpus.def need (about a hundred bytes a
 * plan, whatever its size) and reads again, through reload, the few plans a
 * rule finds something in. */
typedef struct plan_summary plan_summary;
/* What the cross-plan rules need of doc. Caller frees with plan_summary_free
 * (or hands it to plan_corpus_add). */
plan_summary *plan_summary_of(const plan_doc *doc);
/* The same without what only the comparison of two plans needs (awards):
 * enough for plan_corpus_add, cheaper. */
plan_summary *plan_summary_index_of(const plan_doc *doc);
void plan_summary_free(plan_summary *s);

/* The plans of one run, by index 0..n-1 (the caller's order of inputs). */
typedef struct plan_corpus plan_corpus;
/* Plan index's summary read again from its file (NULL when it cannot be
 * read); called by the calling thread of plan_validate_corpus. */
typedef plan_summary *(*plan_corpus_reload_fn)(void *ctx, size_t index);
plan_corpus *plan_corpus_new(size_t n, plan_corpus_reload_fn reload, void *ctx);
void plan_corpus_free(plan_corpus *c);
/* Records plan index from its summary s, which is consumed (freed). file is
 * borrowed: it must outlive c and the diagnostics of plan_validate_corpus.
 * Not thread-safe: one thread adds. */
void plan_corpus_add(plan_corpus *c, size_t index, const char *file, plan_summary *s);
/* Runs the cross-plan rules over the plans added and appends findings to
 * out, with the severity options applied. Suppressions inside plans do not
 * apply to them (a finding names two files). */
void plan_validate_corpus(plan_corpus *c, const plan_validate_opts *o, plan_diags *out);
/* The plans each plan cites that are among those added (its parents), as
 * indices: deps[i][0..ndeps[i]), each array malloc'd (NULL when empty);
 * deps and ndeps have c's n entries. */
void plan_corpus_parents(const plan_corpus *c, size_t **deps, size_t *ndeps);
/* The file the <lineage> of plan index names (docs/templates.md), as a path
 * from the current directory; NULL when it is no draft. Caller frees. A
 * draft depends on it even when its parent is not among the plans of a run. */
char *plan_corpus_lineage_file(const plan_corpus *c, size_t index);

/* The check functions, one per category file. */
void plan_check_header(plan_check *c);   /* src/validate/header.c */
void plan_check_format(plan_check *c);   /* src/validate/format.c */
void plan_check_legal(plan_check *c);    /* src/validate/legal.c */
void plan_check_content(plan_check *c);  /* src/validate/content.c */
void plan_check_award(plan_check *c);    /* src/validate/award.c */
void plan_check_dossier(plan_check *c);  /* src/validate/dossier.c */
void plan_check_org(plan_check *c);      /* src/validate/org.c */
void plan_check_lexical(plan_check *c);  /* src/validate/lexical.c */
void plan_check_textnorm(plan_check *c); /* src/validate/textnorm.c */
void plan_check_text(plan_check *c);     /* src/validate/text.c */
void plan_check_template(plan_check *c); /* src/validate/template.c */
/* Drops the findings, from index from on, about the parts of a draft that
 * still hold a placeholder (TEMPLATE-PLACEHOLDER, docs/templates.md). */
void plan_template_hold_back(plan_check *c, size_t from);

/* Walks every block of the body in document order (pre-order). */
typedef void (*plan_block_fn)(plan_check *c, const plan_block *b, void *ctx);
void plan_walk_blocks(const plan_block *first, plan_check *c, plan_block_fn fn, void *ctx);

#endif
