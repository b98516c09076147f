#!/usr/bin/env python3
"""bench/gen-corpus.py - the deterministic corpus of `make bench`.

Usage: bench/gen-corpus.py [OUTDIR] [-n N] [--no-large] [--plans DIR]

Writes into OUTDIR (default build-bench/corpus):
  OUTDIR/plans/NNNNN-SERIAL-KH-CODE.xml   N plans (default 5000) varied from
                                          the five sample plans in plans/
  OUTDIR/large/size-001x.xml, size-010x.xml, size-100x.xml
                                          one plan at 1x, 10x and 100x the
                                          size of plans/003-01-KH-VP.xml

Every copy is meant to be a valid, distinct plan, as a repository of real
plans would be: mostly clean (the same few infos as plans/ itself). A copy
  - takes its own number: serials increase with the date within each
    numbering series (issuer, parent body, year), so that NUM-UNIQUE and
    NUM-SEQUENCE stay quiet, and never the number of a document the sample
    plans cite (that would make it a parent and bring PARENT-* findings);
  - shifts its own dates (date of issue, deadlines, and the period where it
    is written with days) by the same number of days, inside a window per
    sample plan that keeps every ordering rule satisfied (LEGAL-DATE-ORDER,
    DOSSIER-BEFORE-END, PERIOD-* and the law in force on the date); the
    dates of cited documents never move;
  - moves to another province (the issuer's parent body, place, text) for
    the plans whose text names no provincial event; only provinces that
    exist both before and after 01/07/2025 are used;
  - is signed by another (made-up) name.
The generator uses only the standard library and random.Random(7): two runs
write byte-identical files. It only deletes *.xml files it wrote itself,
in a directory marked by the file .bench-corpus.
"""
import argparse
import datetime
import os
import random
import re
import sys

SEED = 7
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Per sample plan: the window of day shifts (inclusive) that keeps the plan
# clean, whether a period written with days moves with the plan, and
# whether the plan may move to another province. See the comments for why.
SOURCES = [
    # Issued 16/12/2025 under KH 8022/KH-UBND of 12/12/2025; the period runs
    # "tháng 10 năm 2025" to Đại hội XIV (19-23/01/2026); deadlines 30/01 and
    # 06/02/2026 must stay after Đại hội XIV and the plan before it.
    ("000-3621-KH-SVHTTDL.xml", dict(shift=(0, 14), period=False, move=True)),
    # Issued 09/6/2023 under the 2003 law (in force to 31/12/2023): the period
    # starts on the issue date; deadlines up to 20/11/2023 stay in 2023. Its
    # events are Lai Châu's own anniversaries: it stays in Lai Châu.
    ("001-KH-SVHTTDL.xml", dict(shift=(0, 30), period=True, move=False)),
    # Issued 28/11/2025 under QĐ 2437/QĐ-TTg of 04/11/2025; period "từ nay"
    # to Đại hội XIV (ends 23/01/2026); the first deadline, 06/02/2026, may
    # not come before that end (DOSSIER-BEFORE-END).
    ("002-309-KH-UBND.xml", dict(shift=(-12, 25), period=False, move=True)),
    # Issued 27/01/2026 under CV 424/UBND-VX of 18/01/2026; the period ends
    # 31/12/2026 and does not move (a year's campaign); deadlines in 2026-27.
    ("003-01-KH-VP.xml", dict(shift=(0, 30), period=False, move=True)),
    # Issued 30/5/2025 under KH 134/KH-UBND of 15/5/2025; the period starts
    # "tháng 5/2025": the issue date stays in May; the period ends "hết tháng
    # 10/2025" and the first deadline, 05/11/2025, may not come before it.
    # Its event is the Đại hội of the Lạng Sơn Party committee: it stays in
    # Lạng Sơn.
    ("004-32-KH-SNgV.xml", dict(shift=(-4, 1), period=False, move=False)),
]

# Provinces that exist both before and after 01/07/2025 (NQ 202/2025/QH15),
# so that a plan of any date may name them (src/data/provinces.c).
PROVINCES = ["Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
             "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
             "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Phan", "Đinh", "Lương", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Thu", "Ngọc", "Xuân",
          "Hồng", "Kim", "Mạnh", "Tuyết"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
         "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Phương", "Quang", "Sơn",
         "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến", "Nhàn", "Công"]

RE_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
RE_WORD_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
RE_BASIS = re.compile(r"<basis>.*?</basis>", re.S)
RE_LEAD_COMMENT = re.compile(r"\A(<\?xml[^>]*\?>\n)<!--.*?-->\n", re.S)


def die(msg):
    sys.stderr.write("gen-corpus.py: %s\n" % msg)
    sys.exit(2)


def slash(d):
    """A date as the plans write it (NĐ 30/2020: a zero before days below 10
    and months 1 and 2)."""
    return "%02d/%s/%d" % (d.day, "%02d" % d.month if d.month < 3 else str(d.month), d.year)


def words(d):
    return "ngày %02d tháng %s năm %d" % (
        d.day, "%02d" % d.month if d.month < 3 else str(d.month), d.year)


def to_date(m):
    return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))


class Source:
    """One sample plan and what the generator needs to know about it."""

    def __init__(self, path, cfg):
        with open(path, encoding="utf-8", newline="") as f:
            self.text = f.read()
        self.name = os.path.basename(path)
        self.cfg = cfg
        t = self.text
        self.number = re.search(r"<header>.*?<number>([^<]*)</number>", t, re.S).group(1)
        m = re.fullmatch(r"(\d+)/(KH-[A-Za-z]+)", self.number)
        if not m:
            die("%s: number %r is not SERIAL/KH-CODE" % (self.name, self.number))
        self.symbol = m.group(2)
        self.issue = to_date(RE_WORD_DATE.search(
            re.search(r"<header>.*?<date>([^<]*)</date>", t, re.S).group(1)))
        self.province = re.search(r"<place>([^<]*)</place>", t).group(1)
        self.signer = re.search(r"<signature>.*?<name>([^<]*)</name>", t, re.S).group(1)
        basis = RE_BASIS.search(t)
        self.cited_dates = {to_date(m) for m in RE_SLASH_DATE.finditer(basis.group(0))}
        # The plan's own dates: issue, deadlines, and the period when it moves.
        own = {self.issue}
        for m in re.finditer(r"<due>([^<]*)</due>|due=\"([^\"]*)\"", t):
            for d in RE_SLASH_DATE.finditer(m.group(1) or m.group(2)):
                own.add(to_date(d))
        if cfg["period"]:
            for m in re.finditer(r"<(start|end)>([^<]*)</\1>", t):
                for d in RE_SLASH_DATE.finditer(m.group(2)):
                    own.add(to_date(d))
        clash = own & self.cited_dates
        if clash:
            die("%s: own dates also cited: %s" % (self.name, sorted(clash)))
        self.own = own

    def render(self, shift, province, signer, number, note):
        """The text of a copy: dates shifted, moved to province, signed by
        signer, numbered number, its editorial comment replaced by note."""
        t = RE_LEAD_COMMENT.sub(lambda m: m.group(1) + "<!-- %s -->\n" % note, self.text, 1)
        delta = datetime.timedelta(days=shift)

        def shift_slash(m):
            d = to_date(m)
            return slash(d + delta) if d in self.own else m.group(0)

        def shift_words(m):
            d = to_date(m)
            return words(d + delta) if d in self.own else m.group(0)

        def outside_basis(s):
            s = RE_SLASH_DATE.sub(shift_slash, s)
            s = RE_WORD_DATE.sub(shift_words, s)
            return s.replace(self.number, number)

        if shift or number != self.number:
            b = RE_BASIS.search(t)
            t = outside_basis(t[:b.start()]) + b.group(0) + outside_basis(t[b.end():])
        if province != self.province:
            old, new = self.province, province
            t = re.sub(r"%s|%s" % (re.escape(old), re.escape(old.upper())),
                       lambda m: new if m.group(0) == old else new.upper(), t)
        t = re.sub(r"(<signature>.*?<name>)[^<]*(</name>)",
                   lambda m: m.group(1) + signer + m.group(2), t, 1, re.S)
        return t


def issuer_key(text):
    """Who numbers the plan: issuer and parent-body lines, as NUM-SEQUENCE
    groups plans (src/validate/corpus.c)."""
    h = re.search(r"<header>.*?</header>", text, re.S).group(0)
    iss = re.search(r"<issuer[^>]*>([^<]*)</issuer>", h).group(1)
    par = re.search(r"<parent-body>([^<]*)</parent-body>", h)
    return iss + "|" + (par.group(1) if par else "")


def make_plans(sources, n, rng, cited_keys):
    """n copies: (file name, text). Serials are given per numbering series in
    the order of the dates, after every copy has its date."""
    copies = []
    for i in range(n):
        src = sources[i % len(sources)]
        lo, hi = src.cfg["shift"]
        shift = rng.randint(lo, hi)
        province = rng.choice(PROVINCES) if src.cfg["move"] else src.province
        signer = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)))
        draft = src.render(0, province, src.signer, src.number, "")
        date = src.issue + datetime.timedelta(days=shift)
        copies.append(dict(i=i, src=src, shift=shift, province=province, signer=signer,
                           date=date, series=(issuer_key(draft), src.symbol, date.year)))
    by_series = {}
    for c in copies:
        by_series.setdefault(c["series"], []).append(c)
    for series in sorted(by_series):
        group = sorted(by_series[series], key=lambda c: (c["date"], c["i"]))
        serial = rng.randint(1, 40)
        for c in group:
            while True:
                num = "%02d/%s" % (serial, c["src"].symbol)
                serial += rng.randint(1, 6)
                if num not in cited_keys:
                    break
            c["number"] = num
    out = []
    for c in copies:
        src = c["src"]
        note = "bench corpus: plan %d, varied from plans/%s by bench/gen-corpus.py" % (
            c["i"], src.name)
        text = src.render(c["shift"], c["province"], c["signer"], c["number"], note)
        name = "%05d-%s.xml" % (c["i"], c["number"].replace("/", "-"))
        out.append((name, text))
    return out


# ---- the large plans: 003 with its repeatable parts repeated --------------

OFFICE_KINDS = ["Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Khoa giáo - Văn xã",
                "Phòng Nội chính", "Phòng Kiểm soát thủ tục hành chính", "Trung tâm Thông tin",
                "Phòng Quản trị - Tài vụ", "Trung tâm Phục vụ hành chính công"]
THEMES = ["cải cách hành chính", "chuyển đổi số", "tiếp công dân", "phòng, chống thiên tai",
          "xây dựng nông thôn mới", "giảm nghèo bền vững", "phát triển du lịch",
          "bảo vệ môi trường", "an toàn giao thông", "thu hút đầu tư"]


def block(k, rng, due):
    """The k-th repeated block of the large plan: one content item, one
    criterion, one assignment (an office with two tasks), one report deadline
    and one recipient, each with its own text."""
    office = "%s - Tổ công tác %d" % (OFFICE_KINDS[k % len(OFFICE_KINDS)], k)
    theme = THEMES[k % len(THEMES)]
    theme2 = THEMES[rng.randrange(len(THEMES))]
    d = slash(due)
    item = ("        <item>Tổ công tác %d đẩy mạnh thi đua trong lĩnh vực %s, gắn với %s; "
            "xây dựng ít nhất %d mô hình, cách làm hay được nhân rộng trong cơ quan.</item>\n"
            % (k, theme, theme2, 1 + k % 5))
    crit = ("          <criterion for=\"collective\">Tổ công tác %d hoàn thành %d%% chỉ tiêu về "
            "%s được giao năm 2026, không để xảy ra sai sót trong tham mưu.</criterion>\n"
            % (k, 90 + k % 11, theme))
    assign = ("      <assignment mode=\"assign\" number=\"{n}.\">\n"
              "        <office>{o}</office>\n"
              "        <task roles=\"implement\">triển khai nội dung thi đua về {t} trong phạm vi "
              "được giao; đăng ký chỉ tiêu thi đua với Phòng Hành chính - Quản trị.</task>\n"
              "        <task roles=\"report\" due=\"trước ngày {d}\" to=\"Phòng Hành chính - Quản "
              "trị\">Báo cáo kết quả thi đua về {t} của {o}.</task>\n"
              "      </assignment>\n")
    report = ("        <deadline kind=\"report\">\n"
              "          <p>{o} gửi báo cáo kết quả thi đua về {t} về Phòng Hành chính - Quản "
              "trị trước ngày {d}.</p>\n"
              "          <what>Báo cáo kết quả thi đua về {t} của {o}</what>\n"
              "          <from>{o}</from>\n"
              "          <to>Phòng Hành chính - Quản trị</to>\n"
              "          <due>trước ngày {d}</due>\n"
              "        </deadline>\n")
    recip = "    <recipient>%s</recipient>\n" % office
    return item, crit, (assign, dict(o=office, t=theme, d=d)), report.format(o=office, t=theme, d=d), recip


def make_large(src, factor, rng):
    """Plan 003 grown to about factor times its size by repeated blocks."""
    # Each its own number (checked together, they would share one otherwise).
    number = "%02d/%s" % (factor, src.symbol)
    base = src.render(0, src.province, src.signer, number,
                      "bench corpus: plans/%s at %dx its size, by bench/gen-corpus.py"
                      % (src.name, factor))
    if factor == 1:
        return base
    # Blocks until the plan reaches factor times the size of base.
    want = factor * len(base.encode())
    size = len(base.encode())
    items, crits, assigns, reports, recips = [], [], [], [], []
    k = 0
    while size < want:
        k += 1
        # Report deadlines from March to December 2026, after the issue date
        # (27/01/2026) and within the year's campaign.
        due = datetime.date(2026, 3, 1) + datetime.timedelta(days=k % 290)
        it, cr, (asg, fields), rep, rc = block(k, rng, due)
        parts = (it, cr, asg.format(n=2 + k, **fields), rep, rc)
        for lst, x in zip((items, crits, assigns, reports, recips), parts):
            lst.append(x)
        size += sum(len(x.encode()) for x in parts)
    nblocks = k
    t = base

    def before_line_of(i):
        """Where the line holding index i starts."""
        return t.rindex("\n", 0, i) + 1

    # Content items after the last item of II.3, criteria after the last
    # collective criterion, assignments before V.3 (renumbered), report
    # deadlines at the end of V.3, recipients before the archive line.
    i = before_line_of(t.index("</section>", t.index("<item>Phối hợp cùng các cơ quan")))
    t = t[:i] + "".join(items) + t[i:]
    i = before_line_of(t.index("</section>", t.rindex("<criterion for=\"collective\">")))
    t = t[:i] + "".join(crits) + t[i:]
    i = before_line_of(t.index("<section number=\"3.\" role=\"other\">"))
    t = t[:i] + "".join(assigns) + t[i:].replace(
        "<section number=\"3.\" role=\"other\">",
        "<section number=\"%d.\" role=\"other\">" % (3 + nblocks), 1)
    i = before_line_of(t.index("</section>", t.rindex("<deadline kind=\"report\">")))
    t = t[:i] + "".join(reports) + t[i:]
    i = before_line_of(t.index("<archive>"))
    t = t[:i] + "".join(recips) + t[i:]
    return t


def prepare(outdir):
    os.makedirs(outdir, exist_ok=True)
    marker = os.path.join(outdir, ".bench-corpus")
    entries = [e for e in os.listdir(outdir) if e != ".bench-corpus"]
    if entries and not os.path.exists(marker):
        die("%s is not empty and was not written by gen-corpus.py; give another directory"
            % outdir)
    with open(marker, "w") as f:
        f.write("written by bench/gen-corpus.py; its *.xml files are rewritten on each run\n")
    for sub in ("plans", "large"):
        d = os.path.join(outdir, sub)
        os.makedirs(d, exist_ok=True)
        for e in os.listdir(d):
            if e.endswith(".xml"):
                os.remove(os.path.join(d, e))


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Write the deterministic benchmark corpus.")
    ap.add_argument("outdir", nargs="?", default=os.path.join("build-bench", "corpus"))
    ap.add_argument("-n", type=int, default=5000, help="number of plans (default 5000)")
    ap.add_argument("--no-large", action="store_true", help="skip the 1x/10x/100x plans")
    ap.add_argument("--plans", default=os.path.join(ROOT, "plans"),
                    help="the sample plans (default plans/ of the repository)")
    a = ap.parse_args()
    if a.n < 0:
        die("-n must not be negative")
    sources = [Source(os.path.join(a.plans, name), cfg) for name, cfg in SOURCES]
    cited = set()
    for s in sources:
        b = RE_BASIS.search(s.text).group(0)
        cited.update(x.replace(" ", "") for x in re.findall(r"<number>([^<]*)</number>", b))
    rng = random.Random(SEED)
    prepare(a.outdir)
    total = 0
    for name, text in make_plans(sources, a.n, rng, cited):
        write(os.path.join(a.outdir, "plans", name), text)
        total += len(text.encode())
    print("gen-corpus: %d plans, %d KB in %s/plans" % (a.n, total // 1024, a.outdir))
    if not a.no_large:
        src = next(s for s in sources if s.name.startswith("003-"))
        for factor in (1, 10, 100):
            text = make_large(src, factor, random.Random(SEED + factor))
            path = os.path.join(a.outdir, "large", "size-%03dx.xml" % factor)
            write(path, text)
            print("gen-corpus: %s, %d KB" % (path, len(text.encode()) // 1024))


if __name__ == "__main__":
    main()
