/*
 * model.h - the plan as plain C structs. Built from the XML tree by
 * plan_model_build (src/model/build.c); everything lives in the document's
 * arena and dies with plan_doc_free. No libxml2 type appears here.
 *
 * Every piece of text is kept as the author wrote it (NFC, white space
 * folded) together with its position; dates, periods and notations carry
 * their resolved values next to the text.
 */
#ifndef PLAN_MODEL_H
#define PLAN_MODEL_H

#include <stddef.h>

#include "plan/diag.h"
#include "plan/load.h"
#include "plan/util.h"

/* A piece of text as written. s == NULL when the element is absent. */
typedef struct plan_text {
    const char *s;
    plan_pos pos;
} plan_text;

typedef struct plan_textlist {
    plan_text t;
    const char *note;          /* recipient: note attribute ("B/c"), else NULL */
    struct plan_textlist *next;
} plan_textlist;

typedef struct plan_date {
    int y, m, d;               /* y == 0: unknown */
} plan_date;

typedef enum plan_precision {
    PLAN_PREC_NONE = 0,        /* not resolved (vague or unparseable) */
    PLAN_PREC_DAY,
    PLAN_PREC_MONTH,
    PLAN_PREC_YEAR,
    PLAN_PREC_EVENT,           /* through the event calendar */
    PLAN_PREC_ISSUE            /* "nay": the plan's issue date */
} plan_precision;

/* A time expression as written, resolved to an interval [lo, hi]:
 * "tháng 10/2025" is [2025-10-01, 2025-10-31]; a day has lo == hi. */
typedef struct plan_when {
    plan_text text;
    plan_precision prec;
    plan_date lo, hi;
    int event;                 /* row in the event calendar, or -1 */
    int before;                /* written "trước ngày …" */
    int parse_failed;          /* text present but no form recognised */
} plan_when;

/* Số, ký hiệu (grammar: shared/domain/rules.md §5). */
typedef struct plan_notation {
    plan_text text;
    int parsed;                /* 1 when the grammar matched */
    int party;                 /* Party form "41-CT/TW" */
    const char *serial;        /* digits as written ("01", "3621") */
    long serial_num;
    int year;                  /* 0 when the notation has no year */
    const char *type_code;     /* "KH", "QĐ", NULL for a công văn */
    const char *issuer_code;   /* "SVHTTDL", "TTg", "UBND" */
    const char *sub;           /* trailing group, e.g. "TH" in UBND-TH; or NULL */
    int spaces;                /* white space inside the notation as written */
} plan_notation;

typedef enum plan_for {
    PLAN_FOR_COLLECTIVE = 1,
    PLAN_FOR_INDIVIDUAL = 2,
    PLAN_FOR_HOUSEHOLD = 4
} plan_for;

typedef enum plan_kind { PLAN_KIND_CAMPAIGN, PLAN_KIND_REGULAR } plan_kind;

typedef enum plan_relation {
    PLAN_REL_IMPLEMENTS, PLAN_REL_BASED_ON, PLAN_REL_CITED
} plan_relation;

typedef enum plan_level {
    PLAN_LEVEL_UNKNOWN = 0,
    PLAN_LEVEL_CENTRAL, PLAN_LEVEL_MINISTRY, PLAN_LEVEL_PROVINCE,
    PLAN_LEVEL_DEPARTMENT, PLAN_LEVEL_DISTRICT, PLAN_LEVEL_COMMUNE,
    PLAN_LEVEL_UNIT
} plan_level;

typedef struct plan_document {
    plan_pos pos;
    plan_relation relation;
    const char *id;            /* or NULL */
    plan_text doc_type;
    plan_notation number;      /* number.text.s == NULL when absent */
    plan_when date;            /* date.text.s == NULL when absent */
    plan_text issuer, title;
    int inherited;             /* inherited="yes": from the parent (docs/templates.md) */
    struct plan_document *next;
} plan_document;

/* <lineage> in the header of a draft made by `plan new` (docs/templates.md):
 * the parent plan it was made from and the fingerprint of the parent's
 * content then. pos.line == 0 when the plan has no lineage. */
typedef struct plan_lineage {
    plan_pos pos;
    plan_text number;          /* the parent's số, ký hiệu (attribute number) */
    plan_text date;            /* the parent's date, ISO (attribute date) */
    plan_date date_value;      /* y == 0 when absent or not a day */
    plan_text path;            /* the parent's file, relative to the draft's folder */
    plan_text fingerprint;     /* 16 hex digits as written */
    uint64_t fp;               /* its value; fp_ok == 0 when malformed */
    int fp_ok;
} plan_lineage;

typedef struct plan_header {
    plan_pos pos;
    plan_text national_name, motto, parent_body;
    plan_text issuer;
    const char *issuer_abbr;   /* attribute abbr, or NULL */
    plan_level issuer_level;   /* attribute level, else inferred */
    const char *locality;      /* attribute locality, or NULL */
    plan_notation number;
    plan_text place;
    plan_when date;
    plan_text doc_type, subject, theme;
    plan_lineage lineage;
} plan_header;

typedef enum plan_block_kind {
    PLAN_B_SECTION, PLAN_B_P, PLAN_B_ITEM, PLAN_B_INDICATOR, PLAN_B_TARGET,
    PLAN_B_CRITERION, PLAN_B_AWARD, PLAN_B_PERIOD, PLAN_B_DEADLINE,
    PLAN_B_ASSIGNMENT
} plan_block_kind;

/* Section roles (attribute role). */
enum {
    PLAN_ROLE_PURPOSES = 1 << 0, PLAN_ROLE_REQUIREMENTS = 1 << 1,
    PLAN_ROLE_CONTENT = 1 << 2, PLAN_ROLE_TARGETS = 1 << 3,
    PLAN_ROLE_CRITERIA = 1 << 4, PLAN_ROLE_AWARDS = 1 << 5,
    PLAN_ROLE_PERIOD = 1 << 6, PLAN_ROLE_DOSSIER = 1 << 7,
    PLAN_ROLE_SOLUTIONS = 1 << 8, PLAN_ROLE_ORGANISATION = 1 << 9,
    PLAN_ROLE_THEME = 1 << 10, PLAN_ROLE_OTHER = 1 << 11
};

/* Task roles (attribute roles). */
enum {
    PLAN_TASK_LEAD = 1 << 0, PLAN_TASK_COORDINATE = 1 << 1,
    PLAN_TASK_ADVISE = 1 << 2, PLAN_TASK_MONITOR = 1 << 3,
    PLAN_TASK_GUIDE = 1 << 4, PLAN_TASK_REPORT = 1 << 5,
    PLAN_TASK_APPRAISE = 1 << 6, PLAN_TASK_COMMUNICATE = 1 << 7,
    PLAN_TASK_IMPLEMENT = 1 << 8, PLAN_TASK_NOMINATE = 1 << 9,
    PLAN_TASK_SUPERVISE = 1 << 10
};

struct plan_block;

typedef struct plan_section {
    plan_text heading;
    unsigned roles;
    int depth;                 /* 1 for a section directly under body */
} plan_section;

enum { PLAN_NUM_NONE, PLAN_NUM_ROMAN, PLAN_NUM_ARABIC, PLAN_NUM_DOTTED,
       PLAN_NUM_LETTER, PLAN_NUM_BAD };

typedef struct plan_indicator {
    const char *value;         /* as written, or NULL */
    plan_pos value_pos;
    double amount;             /* parsed value */
    int amount_ok;
    const char *unit, *comparison;
    struct plan_indicator *next;
    struct plan_block *block;
} plan_indicator;

typedef struct plan_quota {
    plan_pos pos;
    unsigned for_mask;
    plan_text text;
    long count;
    int count_ok;
    struct plan_quota *next;
} plan_quota;

typedef enum plan_award_mode { PLAN_AWARD_GRANT, PLAN_AWARD_PROPOSE } plan_award_mode;

typedef struct plan_award {
    plan_pos pos;
    plan_award_mode mode;
    unsigned for_mask;         /* 0 when not stated */
    plan_text name, authority, timing;
    plan_quota *quotas;
    plan_textlist *standards;
    struct plan_award *next;
    struct plan_block *block;
} plan_award;

typedef struct plan_period {
    plan_pos pos;
    plan_text p;
    plan_when start, end;      /* text.s == NULL when not stated */
    struct plan_period *next;
    struct plan_block *block;
} plan_period;

typedef enum plan_deadline_kind {
    PLAN_DL_DOSSIER, PLAN_DL_REPORT, PLAN_DL_PROPOSAL, PLAN_DL_REVIEW,
    PLAN_DL_PLAN, PLAN_DL_OTHER
} plan_deadline_kind;

typedef struct plan_dossier_item {
    plan_text text;
    const char *form, *source; /* attributes, or NULL */
    plan_pos form_pos;
    struct plan_dossier_item *next;
} plan_dossier_item;

typedef struct plan_deadline {
    plan_pos pos;
    plan_deadline_kind kind;
    plan_text p, what, from, to;
    plan_dossier_item *items;
    plan_when due;             /* due.text.s == NULL when no time is given */
    struct plan_deadline *next;
    struct plan_block *block;
} plan_deadline;

typedef struct plan_task {
    plan_pos pos;
    unsigned roles;
    plan_text text;
    plan_when due;             /* from attribute due; text.s NULL if absent */
    const char *to;
    struct plan_task *next;
} plan_task;

typedef enum plan_assign_mode {
    PLAN_ASSIGN_UNSTATED, PLAN_ASSIGN_ASSIGN, PLAN_ASSIGN_REQUEST
} plan_assign_mode;

typedef struct plan_assignment {
    plan_pos pos;
    plan_assign_mode mode;
    plan_textlist *offices;
    plan_task *tasks;
    struct plan_assignment *next;
    struct plan_block *block;
} plan_assignment;

/* One node of the body tree. The specific part is the pointer matching kind. */
typedef struct plan_block {
    plan_block_kind kind;
    plan_pos pos;
    struct plan_block *parent;       /* NULL directly under body */
    struct plan_block *first, *last; /* children (sections only) */
    struct plan_block *next;         /* next sibling */
    plan_text text;                  /* p, item, indicator, target, criterion */
    /* Numbering (sections and assignments): */
    plan_text number;                /* as written (attribute written, else number) */
    const char *normalized;          /* renumbered "I.", "1.", "2.1.", "a)"; NULL if unnumbered */
    int num_style;                   /* PLAN_NUM_* of the written number */
    int num_value;                   /* the written number's value; 0 if none */
    unsigned for_mask;               /* target, criterion */
    const char *form, *source;       /* item attributes */
    int inherited;                   /* inherited="yes" (section, period, award, deadline):
                                      * plan new --update replaces it (docs/templates.md) */
    plan_section *section;
    plan_indicator *indicator;
    plan_award *award;
    plan_period *period;
    plan_deadline *deadline;
    plan_assignment *assignment;
    struct plan_pi *pis;             /* processing instructions standing before it */
} plan_block;

/* A processing instruction <?plan-… …?>. Suppressions are written
 * <?plan-ignore RULE-ID reason?> before the root element (the whole file) or
 * right before a block of the body (that block and everything in it). */
typedef struct plan_pi {
    plan_pos pos;
    const char *target;        /* "plan-ignore" */
    const char *data;          /* "RULE-ID reason" */
    int doc_level;             /* before the root element */
    int misplaced;             /* neither before the root nor before a block */
    struct plan_block *block;  /* the block it stands before, or NULL */
    struct plan_pi *next;      /* all PIs of the document, in order */
    struct plan_pi *next_here; /* the PIs standing before the same block */
} plan_pi;

typedef struct plan_doc {
    plan_arena *arena;
    plan_source *src;          /* owned: the loaded text and its line map */
    const char *file;          /* the name used in diagnostics */
    plan_pos pos;              /* the root element */
    plan_kind kind;
    int kind_explicit;
    plan_header header;
    int has_basis;
    plan_pos basis_pos;
    plan_document *documents;
    plan_textlist *basis_text;
    plan_block *body;          /* first top-level block */
    plan_pos body_pos;
    plan_pos body_end;         /* where what follows the body starts (or the end of the file) */
    plan_textlist *closing;
    int has_signature;
    plan_pos signature_pos;
    plan_textlist *capacities;
    plan_text sign_title, sign_name;
    int has_recipients;
    plan_pos recipients_pos;
    plan_textlist *recipients;
    plan_text archive;
    plan_pi *pis;
    /* Flat lists in document order, for the checks and the emitters. */
    plan_award *awards;
    plan_period *periods;
    plan_deadline *deadlines;
    plan_assignment *assignments;
    plan_indicator *indicators;
} plan_doc;

/* Frees a document, its arena and its source. NULL is allowed. */
void plan_doc_free(plan_doc *doc);

struct plan_xml;
/* Builds the model from a parsed tree. Takes ownership of src (freed with
 * the document). Structural problems (unknown or missing elements, bad
 * attribute values) go to d; the returned document is always usable, with
 * absent parts left NULL. file is the name used in diagnostics. */
plan_doc *plan_model_build(plan_source *src, const struct plan_xml *x, plan_diags *d);

/* Load, parse and build in one step. Returns PLAN_OK and *out; or
 * PLAN_BAD_DOCUMENT (diagnostics in d, *out NULL); or PLAN_ERR_IO (errno). */
int plan_doc_read(const char *path, const plan_load_opts *opts, plan_diags *d,
                  plan_doc **out);
/* The same from memory (tests, fuzzing). */
int plan_doc_read_bytes(const char *bytes, size_t n, const char *name,
                        const plan_load_opts *opts, plan_diags *d, plan_doc **out);

/* The XML namespace of the plan language. */
#define PLAN_NS "urn:x-plan:ke-hoach:1"

/* Resolves a time expression as written (see docs/format.md, "Dates and
 * periods"). issue is the plan's date (y == 0 if unknown); as_end chooses
 * the end of a month or year for "tháng 10/2025" when the caller needs a
 * point. Fills w->prec, lo, hi, event, before, parse_failed. */
void plan_when_resolve(plan_when *w, plan_date issue);

/* Parses a notation (Số, ký hiệu) into n; n->text must be set. Strings are
 * allocated in the arena. */
void plan_notation_parse(plan_arena *a, plan_notation *n);

/* Calendar helpers. */
int plan_date_valid(plan_date d);
int plan_date_cmp(plan_date a, plan_date b);      /* <0, 0, >0 */
int plan_days_in_month(int y, int m);
/* "2025-10-31" into buf (at least 11 bytes); "" when unknown. */
void plan_date_iso(plan_date d, char *buf);

/* Section-number helpers. */
int plan_roman_value(const char *s, size_t n);    /* 0 when not Roman */
const char *plan_roman(int v);                     /* static string, 1..39 */
/* The Vietnamese list letter for 1-based i: a b c d đ e g h i k … */
const char *plan_viet_letter(int i);

#endif
