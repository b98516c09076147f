/*
 * emit.h - renderers. Each output format is one file in src/emit; all share
 * the walker and helpers of common.c and the escaping module escape.c. The
 * checklist (checklist.c) is built once from the model and rendered by its
 * own files. Output is byte-for-byte deterministic: no time stamps, no
 * random ids, stable order.
 */
#ifndef PLAN_EMIT_H
#define PLAN_EMIT_H

#include "plan/model.h"
#include "plan/util.h"

/* The normalized plan (STEM.xml): canonical order and indentation, NFC
 * text, resolved attributes, sections renumbered. Valid against
 * schema/plan.rng and a valid input: emitting it again gives the same bytes. */
void plan_emit_xml(const plan_doc *doc, plan_buf *out);

/* The whole model as JSON (STEM.json): every part of the plan, dates
 * resolved to ISO, notations parsed, sections renumbered; keys in a fixed
 * order, absent parts as null. The shape is docs/json.md and
 * schema/plan.schema.json. */
void plan_emit_json(const plan_doc *doc, plan_buf *out);

/* The plan as readable Markdown (STEM.md), in the order of the document. */
void plan_emit_markdown(const plan_doc *doc, plan_buf *out);

/* The plan as the printed document of NĐ 30/2020/NĐ-CP, Phụ lục I
 * (STEM.html): one self-contained page (inline CSS, no script, no external
 * resource), A4 print layout with the decree's margins and type sizes. */
void plan_emit_html(const plan_doc *doc, plan_buf *out);

/* ---- the checklist (src/emit/checklist*.c) ---- */

/* What an obligation is; plan_ob_kind_name gives the name the outputs use
 * ("campaign-start", "dossier" …). The order breaks ties in sorting. */
typedef enum plan_ob_kind {
    PLAN_OB_CAMPAIGN_START, PLAN_OB_CAMPAIGN_END, PLAN_OB_DOSSIER, PLAN_OB_REPORT,
    PLAN_OB_PROPOSAL, PLAN_OB_REVIEW, PLAN_OB_PLAN, PLAN_OB_TASK, PLAN_OB_OTHER
} plan_ob_kind;

/* One thing the plan obliges an office to do, by a date or without one. */
typedef struct plan_obligation {
    plan_ob_kind kind;
    plan_date due;             /* y == 0: no fixed date */
    plan_precision prec;       /* how the date was given; NONE when no date */
    const char *due_text;      /* the time expression as written, or NULL */
    const char *what;
    const char **lead;         /* chủ trì: the offices that must act */
    size_t nlead;
    const char **coordinate;   /* phối hợp */
    size_t ncoordinate;
    const char *to;            /* to whom the result goes, or NULL */
    const char *section;       /* "IV.3." (normalized numbers), or NULL */
    unsigned line;             /* where in the source */
    const char *uid;           /* stable id: plan id, kind, line, what */
} plan_obligation;

typedef struct plan_checklist {
    plan_arena *arena;         /* owns the strings made here */
    plan_obligation *v;        /* sorted: date (none last), office, line */
    size_t n;
    const char *plan_id;       /* slug of notation, year and place, or of the file stem */
    const char *file;          /* the input's base name */
    const plan_doc *doc;       /* borrowed */
} plan_checklist;

/* Builds the checklist of doc: campaign start and end (periods), every
 * deadline block, every task with a due date or the report role, every
 * award with a timing. The checklist borrows doc's strings: free it with
 * plan_checklist_free before plan_doc_free. */
void plan_checklist_build(const plan_doc *doc, plan_checklist *out);
void plan_checklist_free(plan_checklist *c);

/* "campaign-start", "dossier" …; and the Vietnamese label. Static strings. */
const char *plan_ob_kind_name(plan_ob_kind k);
const char *plan_ob_kind_label(plan_ob_kind k);

/* The offices that have a calendar of their own (--by-office): every
 * office that leads or coordinates an obligation, in Vietnamese order,
 * each with a file-name slug unique within the checklist. Arrays and
 * strings live in c's arena. Returns the count. */
size_t plan_checklist_offices(const plan_checklist *c, const char ***names,
                              const char ***slugs);

/* "Kế hoạch số 32/KH-SNgV ngày 30/05/2025 của SỞ NGOẠI VỤ" (the parts the
 * plan has; "Kế hoạch FILE" when it has none of them). */
void plan_checklist_title(const plan_checklist *c, plan_buf *out);

/* 1 when an office as written in the plan is the office named office:
 * names are compared without a trailing parenthesis ("Văn phòng Sở (bộ
 * phận thường trực …)" is Văn phòng Sở), case and spaces folded. */
int plan_checklist_office_is(const char *name, const char *office);
/* The office's slug (its name without the parenthesis), "office" when
 * nothing is left: names the calendar file and the office's URI. */
void plan_office_slug(const char *name, plan_buf *out);

/* Renderers. For the calendar, office == NULL gives every obligation;
 * otherwise only those the office (a name from plan_checklist_offices)
 * leads or coordinates. */
void plan_emit_checklist_csv(const plan_checklist *c, plan_buf *out);
void plan_emit_checklist_md(const plan_checklist *c, plan_buf *out);
void plan_emit_checklist_json(const plan_checklist *c, plan_buf *out);
void plan_emit_checklist_ics(const plan_checklist *c, const char *office, plan_buf *out);

/* ---- shared by the renderers (src/emit/common.c) ---- */

/* A visitor over the body tree, in document order. */
typedef struct plan_visitor {
    void (*section_begin)(void *ctx, const plan_block *b, int depth);
    void (*section_end)(void *ctx, const plan_block *b, int depth);
    void (*block)(void *ctx, const plan_block *b, int depth); /* every non-section block */
} plan_visitor;
void plan_walk(const plan_block *first, const plan_visitor *v, void *ctx);

/* The normalized numbers from the top of the body down to b, joined:
 * "IV.2.1.a)" (a dotted number replaces its parent's). Appends nothing
 * when no enclosing block is numbered. */
void plan_section_path(const plan_block *b, plan_buf *out);
/* "day", "month", "year", "event", "issue-date" or "none". */
const char *plan_precision_name(plan_precision p);
/* "05/11/2025" (day and month with two digits). */
void plan_date_vi(plan_date d, plan_buf *out);
/* "ngày 05 tháng 01 năm 2026": NĐ 30's leading zeros (day < 10, months 1
 * and 2). */
void plan_date_vi_long(plan_date d, plan_buf *out);
/* "Lạng Sơn, ngày 30 tháng 5 năm 2025": the place and the resolved date
 * with NĐ 30's zeros; the date as written when it was not resolved; blanks
 * ("ngày … tháng … năm …") when the plan has none. */
void plan_place_date(const plan_doc *d, plan_buf *out);
/* "Số: 32/KH-SNgV"; "Số: …/KH-ABBR" when the plan has no number yet. */
void plan_number_line(const plan_doc *d, plan_buf *out);
/* "tập thể, cá nhân" for a for-mask. */
void plan_for_words(unsigned mask, plan_buf *out);
/* 1 when the plan has no theme or a basis paragraph already quotes it
 * (renderers then do not print it twice). */
int plan_theme_in_basis(const plan_doc *d);
/* Sentences the printed renderers share (plain text, not escaped):
 * "Tặng Giấy khen … (thẩm quyền: …; số lượng: 01 tập thể).";
 * a deadline without its own paragraph ("Báo cáo … của X gửi về Y, thời
 * hạn: …."); a period without one ("Thời gian thi đua: từ … đến …."); an
 * assignment's lead-in ("2. Đề nghị A; B:"). */
void plan_award_line(const plan_award *a, plan_buf *out);
void plan_deadline_line(const plan_deadline *dl, plan_buf *out);
void plan_period_line(const plan_period *p, plan_buf *out);
void plan_assignment_head(const plan_block *b, plan_buf *out);
/* Accent-free, lower-case ASCII with hyphens between words, at most max
 * bytes (cut at a hyphen when possible): "Sở Nội vụ" -> "so-noi-vu". */
void plan_slug(const char *s, size_t max, plan_buf *out);

/* ---- escaping (src/emit/escape.c) ---- */
/* XML text: & < > escaped; in attributes also ". HTML uses the same. */
void plan_esc_xml(plan_buf *b, const char *s);
void plan_esc_xml_attr(plan_buf *b, const char *s);
/* JSON string contents (without the quotes). */
void plan_esc_json(plan_buf *b, const char *s);
/* A JSON string with its quotes, or null when s is NULL. */
void plan_json_str(plan_buf *b, const char *s);
/* Markdown inline text: characters that would start emphasis, code,
 * links, HTML or table cells are backslash-escaped; at_line_start also
 * guards what would open a heading, list, quote or rule. */
void plan_esc_md(plan_buf *b, const char *s, int at_line_start);
/* One CSV field (RFC 4180): quoted when it holds , " CR or LF (quotes
 * doubled); a leading = + @ is prefixed with ' so that spreadsheet
 * programs do not run it as a formula. */
void plan_esc_csv(plan_buf *b, const char *s);
/* iCalendar TEXT value (RFC 5545 3.3.11): \ ; , and newlines escaped. */
void plan_esc_ics_text(plan_buf *b, const char *s);
/* iCalendar parameter value, always quoted; " ^ and newlines encoded
 * as RFC 6868 (^' ^^ ^n), other control characters dropped. */
void plan_esc_ics_param(plan_buf *b, const char *s);
/* Appends one iCalendar content line folded at 75 octets (RFC 5545 3.1)
 * without splitting a UTF-8 character, ending in CRLF. */
void plan_ics_line(plan_buf *b, const char *line, size_t n);

#endif
