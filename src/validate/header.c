/*
 * header.c - the checks of the header category (catalogue/header.def):
 * Quốc hiệu and Tiêu ngữ, the issuer and its parent, số/ký hiệu, place and
 * date, tên loại and trích yếu (NĐ 30/2020/NĐ-CP, Phụ lục I).
 */
#include <string.h>

#include "plan/i18n.h"
#include "plan/validate.h"

static void num_leading_zero(plan_check *c)
{
    const plan_notation *n = &c->doc->header.number;
    if (!n->parsed || n->serial_num >= 10 || n->serial_num < 1 || strlen(n->serial) >= 2)
        return;
    plan_diag *g = plan_check_report(c, PLAN_RULE_NUM_LEADING_ZERO, n->text.pos,
                                     _("number %s is below 10 and needs a leading zero: "
                                       "write 0%s"),
                                     n->serial, n->serial);
    plan_diag_note(g, _("NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, khoản 3 điểm c: \"với những số "
                        "nhỏ hơn 10 phải ghi thêm số 0 phía trước\""));
}

void plan_check_header(plan_check *c)
{
    num_leading_zero(c);
}
