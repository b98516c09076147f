/*
 * html.c - the plan as the printed document of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I (STEM.html). One self-contained page: the style is inline, there
 * is no script and no external resource (a Content-Security-Policy of
 * default-src 'none' makes sure of it), so the file opens the same offline,
 * on any machine, and prints as the paper form.
 *
 * Layout (Phụ lục I, Mục II and the table of Mục V): a two-column header,
 * the parent body and the issuer on the left (issuer bold, a short rule
 * under it), Quốc hiệu and Tiêu ngữ on the right (a rule as long as the
 * Tiêu ngữ); Số, ký hiệu on the left and the địa danh and date in italics
 * on the right; KẾ HOẠCH and the trích yếu centred and bold with a short
 * rule; the body numbered I. / 1. / a); the closing; Nơi nhận on the left
 * and the signature block on the right. A4, margins top 20 mm, bottom
 * 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt for the text, the
 * sizes of the table for the rest; page numbers from page 2, centred in the
 * top margin.
 */
#include <string.h>

#include "put.h"

static const char css[] =
    "@page{size:A4;margin:20mm 15mm 20mm 30mm;"
    "@top-center{content:counter(page);font:13pt 'Times New Roman',Times,'Liberation Serif',serif}}\n"
    "@page:first{@top-center{content:none}}\n"
    "html{background:#d9d9d9}\n"
    "body{margin:0;color:#000;font-family:'Times New Roman',Times,'Liberation Serif',"
    "'Nimbus Roman','DejaVu Serif',serif;font-size:14pt;line-height:1.25}\n"
    ".page{box-sizing:border-box;width:210mm;min-height:297mm;margin:8mm auto;"
    "padding:20mm 15mm 20mm 30mm;background:#fff;box-shadow:0 1mm 4mm rgba(0,0,0,.3)}\n"
    "@media print{html{background:none}.page{width:auto;min-height:0;margin:0;padding:0;"
    "box-shadow:none}}\n"
    "table.head,table.end{width:100%;border-collapse:collapse;table-layout:fixed}\n"
    "table.head td,table.end td{padding:0;vertical-align:top}\n"
    "table.head td{text-align:center}\n"
    "td.org{width:40%}\n"
    "td.nation{width:60%}\n"
    ".parent{font-size:13pt;text-transform:uppercase}\n"
    ".issuer{font-size:13pt;font-weight:bold;text-transform:uppercase}\n"
    ".issuer span,.subject span{display:inline-block;position:relative;padding-bottom:3pt}\n"
    ".issuer span::after,.subject span::after{content:'';position:absolute;left:30%;right:30%;"
    "bottom:0;border-top:1px solid #000}\n"
    ".qh{font-size:12pt;font-weight:bold;white-space:nowrap}\n"
    ".tn{font-size:13pt;font-weight:bold}\n"
    ".tn span{display:inline-block;border-bottom:1px solid #000;padding-bottom:1pt}\n"
    "table.head tr.num td{padding-top:6pt}\n"
    ".number{font-size:13pt}\n"
    ".date{font-style:italic}\n"
    "h1{margin:18pt 0 0;font-size:14pt;font-weight:bold;text-align:center}\n"
    ".subject{margin:0 0 12pt;font-weight:bold;text-align:center;text-indent:0}\n"
    "h2,h3,h4,h5,h6{margin:0 0 6pt;font-size:14pt;text-align:justify;text-indent:1cm;"
    "break-after:avoid;page-break-after:avoid}\n"
    "p{margin:0 0 6pt;text-align:justify;text-indent:1cm}\n"
    ".roman,.arabic{font-weight:bold;font-style:normal}\n"
    ".dotted{font-weight:bold;font-style:italic}\n"
    ".letter{font-weight:normal;font-style:italic}\n"
    "table.end{margin-top:12pt;page-break-inside:avoid;break-inside:avoid}\n"
    "td.recipients{width:45%}\n"
    "td.sign{width:55%;text-align:center}\n"
    "td.recipients p{margin:0;text-indent:0;text-align:left;font-size:11pt;line-height:1.15}\n"
    "td.recipients p.nn{font-size:12pt;font-weight:bold;font-style:italic}\n"
    "td.sign p{margin:0;text-indent:0;text-align:center;font-weight:bold}\n"
    "td.sign .space{height:24mm}\n";

typedef struct html {
    plan_buf *b;
    const plan_block *lead_in; /* a heading-less section whose number opens the next block */
} html;

static const char *style_class(int num_style)
{
    switch (num_style) {
    case PLAN_NUM_ROMAN: return "roman";
    case PLAN_NUM_DOTTED: return "dotted";
    case PLAN_NUM_LETTER: return "letter";
    default: return "arabic";
    }
}

static const char *number_of(const plan_block *b)
{
    return b->normalized ? b->normalized : b->number.s;
}

/* <p class="cls">text</p>, the text escaped. */
static void para(plan_buf *b, const char *cls, const char *text)
{
    if (cls) {
        plan_put_str(b, "<p class=\"");
        plan_put_str(b, cls);
        plan_put_mem(b, "\">", 2);
    } else
        plan_put_str(b, "<p>");
    plan_esc_xml(b, text ? text : "");
    plan_put_str(b, "</p>\n");
}

/* Opens a paragraph; a pending heading-less section number goes first. */
static void open_p(html *h)
{
    plan_put_str(h->b, "<p>");
    if (h->lead_in) {
        plan_put_str(h->b, "<span class=\"");
        plan_put_str(h->b, style_class(h->lead_in->num_style));
        plan_put_mem(h->b, "\">", 2);
        plan_esc_xml(h->b, number_of(h->lead_in));
        plan_put_str(h->b, "</span> ");
        h->lead_in = NULL;
    }
}

/* A pending number that cannot open the next block stands alone. */
static void flush_lead_in(html *h)
{
    if (!h->lead_in)
        return;
    open_p(h);
    plan_put_str(h->b, "</p>\n");
}

static void heading(html *h, int depth, int num_style, const char *num, const char *text)
{
    /* level is 1..6: one digit. */
    char level = (char)('0' + (depth + 1 > 6 ? 6 : depth + 1));
    plan_put_mem(h->b, "<h", 2);
    plan_put_chr(h->b, level);
    plan_put_str(h->b, " class=\"");
    plan_put_str(h->b, style_class(num_style));
    plan_put_mem(h->b, "\">", 2);
    if (num) {
        plan_esc_xml(h->b, num);
        plan_put_chr(h->b, ' ');
    }
    plan_esc_xml(h->b, text);
    plan_put_mem(h->b, "</h", 3);
    plan_put_chr(h->b, level);
    plan_put_mem(h->b, ">\n", 2);
}

static void section_begin(void *ctx, const plan_block *b, int depth)
{
    html *h = ctx;
    flush_lead_in(h);
    if (b->section->heading.s)
        heading(h, depth, b->num_style, number_of(b), b->section->heading.s);
    else if (number_of(b))
        h->lead_in = b;
}

static void section_end(void *ctx, const plan_block *b, int depth)
{
    html *h = ctx;
    (void)depth;
    if (h->lead_in == b)
        flush_lead_in(h);
}

/* "- text"; after a heading-less section's number the dash is dropped, as
 * a khoản opens with its text: "1. Triển khai …". */
static void dash(html *h, const char *mark, const char *text)
{
    int lead = h->lead_in != NULL;
    open_p(h);
    if (!lead) {
        plan_put_str(h->b, mark);
        plan_put_chr(h->b, ' ');
    }
    plan_esc_xml(h->b, text ? text : "");
    plan_put_str(h->b, "</p>\n");
}

static void block(void *ctx, const plan_block *b, int depth)
{
    html *h = ctx;
    plan_buf tmp = PLAN_BUF_INIT;
    switch (b->kind) {
    case PLAN_B_P:
        open_p(h);
        plan_esc_xml(h->b, b->text.s ? b->text.s : "");
        plan_put_str(h->b, "</p>\n");
        break;
    case PLAN_B_INDICATOR:
        /* A chỉ tiêu is a sentence of the text, not a list item. */
        open_p(h);
        plan_esc_xml(h->b, b->text.s ? b->text.s : "");
        plan_put_str(h->b, "</p>\n");
        break;
    case PLAN_B_ITEM:
    case PLAN_B_TARGET:
    case PLAN_B_CRITERION:
        dash(h, "-", b->text.s);
        break;
    case PLAN_B_AWARD: {
        const plan_award *a = b->award;
        plan_award_line(a, &tmp);
        dash(h, "-", plan_buf_cstr(&tmp));
        for (const plan_textlist *s = a->standards; s; s = s->next)
            dash(h, "+", s->t.s);
        if (a->timing.s) {
            plan_buf_reset(&tmp);
            plan_put_str(&tmp, "Thời gian khen thưởng: ");
            plan_put_str(&tmp, a->timing.s);
            dash(h, "+", plan_buf_cstr(&tmp));
        }
        break;
    }
    case PLAN_B_PERIOD:
        open_p(h);
        if (b->period->p.s) {
            plan_esc_xml(h->b, b->period->p.s);
        } else {
            plan_period_line(b->period, &tmp);
            plan_esc_xml(h->b, plan_buf_cstr(&tmp));
        }
        plan_put_str(h->b, "</p>\n");
        break;
    case PLAN_B_DEADLINE: {
        const plan_deadline *dl = b->deadline;
        open_p(h);
        if (dl->p.s) {
            plan_esc_xml(h->b, dl->p.s);
        } else {
            plan_deadline_line(dl, &tmp);
            plan_esc_xml(h->b, plan_buf_cstr(&tmp));
        }
        plan_put_str(h->b, "</p>\n");
        for (const plan_dossier_item *i = dl->items; i; i = i->next)
            dash(h, "-", i->text.s);
        break;
    }
    case PLAN_B_ASSIGNMENT:
        flush_lead_in(h);
        plan_assignment_head(b, &tmp);
        /* The head carries the number: "2. Đề nghị A; B:". */
        heading(h, depth, b->num_style, NULL, plan_buf_cstr(&tmp));
        for (const plan_task *t = b->assignment->tasks; t; t = t->next)
            dash(h, "-", t->text.s);
        break;
    case PLAN_B_SECTION:
        break;
    }
    plan_buf_free(&tmp);
}

static void header(plan_buf *b, const plan_doc *d)
{
    const plan_header *h = &d->header;
    plan_buf tmp = PLAN_BUF_INIT;
    plan_put_str(b, "<table class=\"head\" role=\"presentation\">\n<tr>\n<td class=\"org\">");
    if (h->parent_body.s) {
        plan_put_str(b, "<div class=\"parent\">");
        plan_esc_xml(b, h->parent_body.s);
        plan_put_str(b, "</div>");
    }
    if (h->issuer.s) {
        plan_put_str(b, "<div class=\"issuer\"><span>");
        plan_esc_xml(b, h->issuer.s);
        plan_put_str(b, "</span></div>");
    }
    plan_put_str(b, "</td>\n<td class=\"nation\">");
    plan_put_str(b, "<div class=\"qh\">");
    plan_esc_xml(b, h->national_name.s ? h->national_name.s : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    plan_put_str(b, "</div><div class=\"tn\"><span>");
    plan_esc_xml(b, h->motto.s ? h->motto.s : "Độc lập - Tự do - Hạnh phúc");
    plan_put_str(b, "</span></div></td>\n</tr>\n<tr class=\"num\">\n<td class=\"org number\">");
    plan_number_line(d, &tmp);
    plan_esc_xml(b, plan_buf_cstr(&tmp));
    plan_put_str(b, "</td>\n<td class=\"nation date\">");
    plan_buf_reset(&tmp);
    plan_place_date(d, &tmp);
    plan_esc_xml(b, plan_buf_cstr(&tmp));
    plan_put_str(b, "</td>\n</tr>\n</table>\n");
    plan_buf_free(&tmp);
}

static void closing(plan_buf *b, const plan_doc *d)
{
    if (!d->has_signature && !d->has_recipients)
        return;
    plan_put_str(b, "<table class=\"end\" role=\"presentation\">\n<tr>\n<td class=\"recipients\">");
    if (d->has_recipients) {
        plan_put_str(b, "\n<p class=\"nn\">Nơi nhận:</p>\n");
        for (const plan_textlist *t = d->recipients; t; t = t->next) {
            plan_put_str(b, "<p>- ");
            plan_esc_xml(b, t->t.s ? t->t.s : "");
            if (t->note) {
                plan_put_str(b, " (");
                plan_esc_xml(b, t->note);
                plan_put_chr(b, ')');
            }
            plan_put_str(b, ";</p>\n");
        }
        if (d->archive.s) {
            plan_put_str(b, "<p>- ");
            plan_esc_xml(b, d->archive.s);
            plan_put_str(b, "</p>\n");
        }
    }
    plan_put_str(b, "</td>\n<td class=\"sign\">");
    if (d->has_signature) {
        plan_put_chr(b, '\n');
        for (const plan_textlist *t = d->capacities; t; t = t->next)
            para(b, NULL, t->t.s);
        if (d->sign_title.s)
            para(b, NULL, d->sign_title.s);
        plan_put_str(b, "<div class=\"space\"></div>\n");
        if (d->sign_name.s)
            para(b, NULL, d->sign_name.s);
    }
    plan_put_str(b, "</td>\n</tr>\n</table>\n");
}

void plan_emit_html(const plan_doc *d, plan_buf *out)
{
    const plan_header *h = &d->header;
    html st = {out, NULL};
    plan_put_str(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    plan_put_str(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'\">\n");
    plan_put_str(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    plan_put_str(out, "<title>");
    plan_esc_xml(out, h->doc_type.s ? h->doc_type.s : "KẾ HOẠCH");
    if (h->number.text.s) {
        plan_put_str(out, " ");
        plan_esc_xml(out, h->number.text.s);
    }
    if (h->subject.s) {
        plan_put_str(out, ": ");
        plan_esc_xml(out, h->subject.s);
    }
    plan_put_str(out, "</title>\n<style>\n");
    plan_put_str(out, css);
    plan_put_str(out, "</style>\n</head>\n<body>\n<main class=\"page\">\n");
    header(out, d);
    plan_put_str(out, "<h1>");
    plan_esc_xml(out, h->doc_type.s ? h->doc_type.s : "KẾ HOẠCH");
    plan_put_str(out, "</h1>\n");
    if (h->subject.s) {
        plan_put_str(out, "<p class=\"subject\"><span>");
        plan_esc_xml(out, h->subject.s);
        plan_put_str(out, "</span></p>\n");
    }
    for (const plan_textlist *t = d->basis_text; t; t = t->next)
        para(out, NULL, t->t.s);
    if (!plan_theme_in_basis(d)) {
        plan_put_str(out, "<p>Chủ đề: “");
        plan_esc_xml(out, h->theme.s);
        plan_put_str(out, "”</p>\n");
    }
    static const plan_visitor v = {section_begin, section_end, block};
    plan_walk(d->body, &v, &st);
    flush_lead_in(&st);
    for (const plan_textlist *t = d->closing; t; t = t->next)
        para(out, NULL, t->t.s);
    closing(out, d);
    plan_put_str(out, "</main>\n</body>\n</html>\n");
}
