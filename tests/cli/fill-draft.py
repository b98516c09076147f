#!/usr/bin/env python3
# tests/cli/fill-draft.py DRAFT - fills every placeholder of a draft made by
# `plan new` (not those of its top comment) with text an office would write;
# the date a few days after the parent's. Used by tests/cli/new.sh and
# tests/cli/batch.sh.
import datetime, re, sys
f = sys.argv[1]
s = open(f, encoding="utf-8").read()
m = re.search(r'<lineage [^>]*date="(\d+)-(\d+)-(\d+)"', s)
d = datetime.date(*map(int, m.groups())) + datetime.timedelta(days=3)
month = "%02d" % d.month if d.month < 3 else str(d.month)
fills = {
    "Số": "05", "Ký hiệu của cơ quan": "TTTT",
    "ngày … tháng … năm …": "ngày %02d tháng %s năm %d" % (d.day, month, d.year),
    "CHỨC VỤ CỦA NGƯỜI KÝ": "GIÁM ĐỐC", "Họ và tên người ký": "Nguyễn Văn An",
    "Đơn vị chủ trì": "Phòng Hành chính - Tổng hợp",
    "Nhiệm vụ: triển khai, theo dõi, đôn đốc thực hiện Kế hoạch":
        "Chủ trì triển khai, theo dõi, đôn đốc việc thực hiện Kế hoạch.",
    "Các cơ quan, đơn vị, cá nhân nhận Kế hoạch": "Các phòng thuộc Trung tâm",
    "đơn vị soạn thảo": "HCTH",
    "Nội dung của đơn vị cho mục này": "Trung tâm tổ chức thực hiện nghiêm túc, hiệu quả nội dung này.",
    "Đối tượng thi đua của đơn vị": "Công chức, viên chức và người lao động của Trung tâm.",
    "Tiêu chí thi đua của đơn vị": "Hoàn thành tốt nhiệm vụ được giao.",
}
def rep(m):
    if m.group(1) not in fills:
        sys.exit("no text for [[%s]]" % m.group(1))
    return fills[m.group(1)]
i = s.index("<plan ")
open(f, "w", encoding="utf-8").write(s[:i] + re.sub(r"\[\[(.*?)\]\]", rep, s[i:]))
