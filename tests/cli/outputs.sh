#!/usr/bin/env bash
# tests/cli/outputs.sh - the outputs of `plan compile` and `plan checklist`
# read back by real consumers: every calendar by Python's icalendar library
# (Debian python3-icalendar), every CSV by Python's csv module against the
# JSON checklist, every JSON against its JSON Schema (python3-jsonschema),
# the fact sheets of shared/domain/rules.md §8 found in the checklists, and
# every HTML rendered by headless Chromium (Debian chromium) and printed to
# an A4 PDF with no console message. A missing package is a failure that
# names the package, never a silent skip.
# Run by tests/run.sh with PLAN, WRAP, TMP; prints "cli: N passed, N failed".
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/outputs
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# Debian's python3 is the one that sees Debian's python3-* packages (a
# python3 earlier in PATH, e.g. from pyenv, would not).
PY=${PYTHON:-}
if [ -z "$PY" ]; then
    if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=$(command -v python3 || echo python3); fi
fi
# pycheck NAME SCRIPT ARGS...: a Python check; its stdout lines "ok" or
# "FAIL: …" are counted, a crash is one failure.
pycheck() {
    local name=$1 script=$2
    shift 2
    local out rc
    out=$("$PY" -c "$script" "$@" 2>&1)
    rc=$?
    local n_ok n_bad
    n_ok=$(printf '%s\n' "$out" | grep -c '^ok$')
    n_bad=$(printf '%s\n' "$out" | grep -c '^FAIL')
    pass=$((pass + n_ok))
    fail=$((fail + n_bad))
    printf '%s\n' "$out" | grep '^FAIL' | sed "s/^FAIL: /FAIL: $name: /"
    if [ "$rc" -ne 0 ] && [ "$n_bad" -eq 0 ]; then
        bad "$name: python exited $rc"
        printf '%s\n' "$out" | tail -5
    fi
}
need_py_module() {
    if "$PY" -c "import $1" 2>/dev/null; then return 0; fi
    bad "Python module '$1' is missing: install the Debian package $2 (sh scripts/install-deps.sh)"
    return 1
}

OUT=$D/out
STEMS=""
for f in plans/*.xml; do STEMS="$STEMS $(basename "$f" .xml)"; done

# --- compile writes all seven files for every plan, and the per-office calendars
plan compile -q --by-office plans -o "$OUT" > /dev/null 2> "$D/err" && ok || { bad "plan compile --by-office plans failed"; head "$D/err"; }
for s in $STEMS; do
    for ext in xml json md html checklist.csv checklist.md checklist.ics; do
        [ -s "$OUT/$s.$ext" ] && ok || bad "$s.$ext was not written"
    done
    ls "$OUT/$s".checklist.*.ics > /dev/null 2>&1 && ok || bad "$s: --by-office wrote no office calendar"
done
plan compile -q --by-office plans -o "$D/again" > /dev/null 2>&1
diff -r "$OUT" "$D/again" > /dev/null && ok || bad "two compiles with --by-office differ"
ls -A "$OUT" | grep -v '^\.plan-stamps$' | grep -qE '^\.' && bad "a temporary file was left in $OUT" || ok

# --- --emit picks a subset; unknown names are usage errors
plan compile -q --emit=json,checklist.ics plans/004-32-KH-SNgV.xml -o "$D/emit" > /dev/null 2>&1 && ok || bad "--emit=json,checklist.ics failed"
got=$(cd "$D/emit" 2>/dev/null && ls | tr '\n' ' ')
[ "$got" = "004-32-KH-SNgV.checklist.ics 004-32-KH-SNgV.json " ] && ok || bad "--emit=json,checklist.ics wrote: $got"
plan compile -q --emit=pdf plans/004-32-KH-SNgV.xml -o "$D/emit2" > "$D/err" 2>&1
[ $? -eq 2 ] && grep -q "unknown output 'pdf'" "$D/err" && ok || { bad "--emit=pdf is not a usage error"; head -3 "$D/err"; }
[ ! -e "$D/emit2/004-32-KH-SNgV.xml" ] && ok || bad "--emit=pdf still wrote outputs"

# --- plan checklist prints the same bytes compile writes
for s in $STEMS; do
    for fmt in csv md ics; do
        ext=$fmt
        plan checklist -q "plans/$s.xml" --format=$fmt > "$D/$s.$fmt" 2> /dev/null
        cmp -s "$D/$s.$fmt" "$OUT/$s.checklist.$ext" && ok || bad "plan checklist --format=$fmt $s differs from STEM.checklist.$ext"
    done
    plan checklist -q "plans/$s.xml" --format=json > "$OUT/$s.checklist.json" 2> /dev/null && ok || bad "plan checklist --format=json $s failed"
done
plan checklist plans/004-32-KH-SNgV.xml --format=pdf > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "checklist --format=pdf is not a usage error"
plan checklist plans/004-32-KH-SNgV.xml plans/003-01-KH-VP.xml > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "checklist with two files is not a usage error"
plan checklist -q tests/cases/NUM-LEADING-ZERO/bad.xml > "$D/bad.md" 2> /dev/null
[ $? -eq 1 ] && [ ! -s "$D/bad.md" ] && ok || bad "checklist of a plan with errors: exit 1 and no output expected"
plan help checklist | grep -q 'Usage: plan checklist' && ok || bad "plan help checklist"

# --- JSON: the model and the checklist against their schemas
if need_py_module jsonschema python3-jsonschema; then
pycheck "json schema" '
import glob, json, sys
import jsonschema
d = sys.argv[1]
everything = sorted(glob.glob(d + "/*.json"))
for schema_file, checklist in (("schema/plan.schema.json", False),
                               ("schema/checklist.schema.json", True)):
    schema = json.load(open(schema_file))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    files = [f for f in everything if f.endswith(".checklist.json") == checklist]
    if not files:
        print("FAIL: no JSON file for " + schema_file)
    for f in files:
        errs = list(v.iter_errors(json.load(open(f, encoding="utf-8"))))
        if errs:
            print("FAIL: %s: %s at %s" % (f, errs[0].message[:200], list(errs[0].path)))
        else:
            print("ok")
' "$OUT"
fi

# --- iCalendar: parsed by the icalendar library; VTODO count, UIDs, DUE
if need_py_module icalendar python3-icalendar; then
pycheck "icalendar" '
import glob, json, os, sys, datetime
import icalendar
d = sys.argv[1]
def check_raw(f, raw):
    bad = []
    if not raw.endswith(b"\r\n"): bad.append("does not end in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for i, l in enumerate(lines):
        if len(l) > 75: bad.append("line %d has %d octets" % (i + 1, len(l)))
        if b"\n" in l or b"\r" in l: bad.append("bare LF or CR on line %d" % (i + 1))
        try: l.decode("utf-8")
        except UnicodeDecodeError: bad.append("line %d splits a UTF-8 character" % (i + 1))
    return bad
for jf in sorted(glob.glob(d + "/*.checklist.json")):
    stem = os.path.basename(jf)[:-len(".checklist.json")]
    cl = json.load(open(jf, encoding="utf-8"))
    obs = cl["obligations"]
    f = d + "/" + stem + ".checklist.ics"
    raw = open(f, "rb").read()
    problems = check_raw(f, raw)
    print("FAIL: %s: %s" % (f, "; ".join(problems[:3])) if problems else "ok")
    cal = icalendar.Calendar.from_ical(raw)
    print("ok" if str(cal.get("VERSION")) == "2.0" and cal.get("PRODID") else "FAIL: %s: VERSION or PRODID" % f)
    todos = cal.walk("VTODO")
    print("ok" if len(todos) == len(obs) else "FAIL: %s: %d VTODO, %d obligations" % (f, len(todos), len(obs)))
    uids = [str(t["UID"]) for t in todos]
    print("ok" if len(set(uids)) == len(uids) else "FAIL: %s: duplicate UIDs" % f)
    print("ok" if uids == [o["uid"] for o in obs] else "FAIL: %s: UIDs differ from the JSON checklist" % f)
    stamp = cl["plan"]["date"].replace("-", "") + "T000000Z" if cl["plan"]["date"] else "19700101T000000Z"
    for t, o in zip(todos, obs):
        due = t.get("DUE")
        if o["due"]:
            want = datetime.date.fromisoformat(o["due"])
            if due is None or due.dt != want or isinstance(due.dt, datetime.datetime):
                print("FAIL: %s: %s: DUE %s, expected DATE %s" % (f, o["uid"], due and due.dt, want)); continue
        else:
            if due is not None:
                print("FAIL: %s: %s: a DUE on an obligation without a fixed date" % (f, o["uid"])); continue
            if "Không có thời hạn cố định" not in str(t["DESCRIPTION"]):
                print("FAIL: %s: %s: no note that the date is not fixed" % (f, o["uid"])); continue
        if t["DTSTAMP"].to_ical().decode() != stamp:
            print("FAIL: %s: DTSTAMP %s, expected %s" % (f, t["DTSTAMP"].to_ical(), stamp)); continue
        if str(t["SUMMARY"]) != o["what"]:
            print("FAIL: %s: SUMMARY %r" % (f, str(t["SUMMARY"]))); continue
        if str(t["RELATED-TO"]) != cl["plan"]["uid"]:
            print("FAIL: %s: RELATED-TO %s" % (f, t["RELATED-TO"])); continue
        if not str(t["ORGANIZER"]).startswith("urn:x-plan:"):
            print("FAIL: %s: ORGANIZER %s" % (f, t["ORGANIZER"])); continue
        att = t.get("ATTENDEE") or []
        if not isinstance(att, list): att = [att]
        chairs = [a.params.get("CN") for a in att if a.params.get("ROLE") == "CHAIR"]
        if chairs != o["lead"][:len(chairs)] or (o["lead"] and not chairs):
            print("FAIL: %s: %s: CHAIR attendees %s, lead %s" % (f, o["uid"], chairs, o["lead"])); continue
        cats = t["CATEGORIES"]
        cats = [str(c) for c in (cats.cats if hasattr(cats, "cats") else cats.to_ical().decode().split(","))]
        if o["kind"] not in cats:
            print("FAIL: %s: CATEGORIES %s lack %s" % (f, cats, o["kind"])); continue
        print("ok")
    # The per-office calendars: each holds only the obligations the office
    # leads or coordinates, every one of them, with the same UIDs.
    offices = sorted(glob.glob(d + "/" + stem + ".checklist.*.ics"))
    covered = set()
    for of in offices:
        raw = open(of, "rb").read()
        problems = check_raw(of, raw)
        ocal = icalendar.Calendar.from_ical(raw)
        otodos = ocal.walk("VTODO")
        name = str(ocal.get("X-WR-CALNAME")).split(" – ")[-1]
        slug = os.path.basename(of)[len(stem) + len(".checklist."):-len(".ics")]
        ok = not problems and otodos and all(str(t["UID"]) in uids for t in otodos)
        for t in otodos:
            att = t.get("ATTENDEE") or []
            if not isinstance(att, list): att = [att]
            if not any(str(a) == "urn:x-plan:office:" + slug
                       for a in att if a.params.get("ROLE") in ("CHAIR", "REQ-PARTICIPANT")):
                ok = False
            covered.add(str(t["UID"]))
        print("ok" if ok else "FAIL: %s: office calendar %r is wrong (%s)" % (of, name, "; ".join(problems[:2])))
    led = {o["uid"] for o in obs if o["lead"] or o["coordinate"]}
    print("ok" if covered == led else "FAIL: %s: the office calendars miss %d obligations" % (stem, len(led - covered)))
' "$OUT"
fi

# --- CSV: RFC 4180 with a BOM and CRLF, read back with the csv module
pycheck "csv" '
import csv, glob, io, json, os, sys
d = sys.argv[1]
for jf in sorted(glob.glob(d + "/*.checklist.json")):
    stem = os.path.basename(jf)[:-len(".checklist.json")]
    obs = json.load(open(jf, encoding="utf-8"))["obligations"]
    f = d + "/" + stem + ".checklist.csv"
    raw = open(f, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        print("FAIL: %s: no UTF-8 byte-order mark" % f)
    elif raw.replace(b"\r\n", b"").count(b"\n") or not raw.endswith(b"\r\n"):
        print("FAIL: %s: line ends are not CRLF" % f)
    else:
        print("ok")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True))
    head, rows = rows[0], rows[1:]
    if head[:2] != ["Hạn", "Ghi trong kế hoạch"] or len(head) != 12:
        print("FAIL: %s: header %s" % (f, head)); continue
    if len(rows) != len(obs):
        print("FAIL: %s: %d rows, %d obligations" % (f, len(rows), len(obs))); continue
    for r, o in zip(rows, obs):
        want = [o["due"] or "", o["due_text"] or "", "có" if o["fixed"] else "không", o["kind_label"],
                o["kind"], o["what"], "; ".join(o["lead"]), "; ".join(o["coordinate"]), o["to"] or "",
                o["section"] or "", str(o["line"]), o["uid"]]
        print("ok" if r == want else "FAIL: %s: row %s differs from the JSON %s" % (f, r, want))
' "$OUT"

# --- the fact sheets (shared/domain/rules.md §8) in the checklists
pycheck "fact sheets" '
import json, sys, unicodedata
d = sys.argv[1]
def fold(s):
    return unicodedata.normalize("NFC", s or "").casefold()
def find(stem, what, **want):
    obs = json.load(open(d + "/" + stem + ".checklist.json", encoding="utf-8"))["obligations"]
    for o in obs:
        if "kind" in want and o["kind"] not in want["kind"]: continue
        if "due" in want and o["due"] != want["due"]: continue
        if "fixed" in want and o["fixed"] != want["fixed"]: continue
        if "lead" in want and not any(fold(want["lead"]) in fold(l) for l in o["lead"]): continue
        if "to" in want and fold(want["to"]) not in fold(o["to"]): continue
        if "due_text" in want and fold(want["due_text"]) not in fold(o["due_text"]): continue
        print("ok"); return
    print("FAIL: %s: %s not in the checklist (%s)" % (stem, what, want))
# 8.1 seed 000: period 01/10/2025 - 23/01/2026 (the event); Văn phòng Sở
# reports to Sở Nội vụ; the phòng, đơn vị take part.
find("000-3621-KH-SVHTTDL", "campaign start", kind=["campaign-start"], due="2025-10-01")
find("000-3621-KH-SVHTTDL", "campaign end at Đại hội XIV", kind=["campaign-end"], due="2026-01-23")
find("000-3621-KH-SVHTTDL", "Văn phòng Sở reports to Sở Nội vụ", kind=["report"], lead="Văn phòng Sở", to="Sở Nội vụ")
find("000-3621-KH-SVHTTDL", "the phòng, đơn vị thuộc Sở", lead="Các phòng, đơn vị thuộc Sở")
# 8.2 seed 001: the campaign ends 30/10/2023; Văn phòng Sở "chủ trì theo
# dõi, đôn đốc … báo cáo"; units and the district Phòng/Trung tâm report.
find("001-KH-SVHTTDL", "campaign end", kind=["campaign-end"], due="2023-10-30")
find("001-KH-SVHTTDL", "Văn phòng Sở reports", kind=["report"], lead="Văn phòng Sở")
find("001-KH-SVHTTDL", "the phòng, đơn vị trực thuộc Sở report", kind=["report"], lead="các phòng, đơn vị trực thuộc Sở")
find("001-KH-SVHTTDL", "the district Phòng Văn hóa và Thông tin", lead="Phòng Văn hóa và Thông tin")
# 8.3 seed 002: period to Đại hội XIV (23/01/2026); Sở Nội vụ (cơ quan
# thường trực) advises UBND tỉnh on the tổng kết; dossiers go to Sở Nội vụ.
find("002-309-KH-UBND", "campaign end at Đại hội XIV", kind=["campaign-end"], due="2026-01-23")
find("002-309-KH-UBND", "Sở Nội vụ reports to UBND tỉnh", kind=["report"], lead="Sở Nội vụ", to="UBND tỉnh")
find("002-309-KH-UBND", "dossier to Sở Nội vụ", kind=["dossier"], to="Sở Nội vụ")
find("002-309-KH-UBND", "Thủ trưởng các cơ quan, tổ chức, đơn vị", lead="Thủ trưởng các cơ quan, tổ chức, đơn vị")
# 8.4 seed 003: Phòng Hành chính - Quản trị reports to Ủy ban nhân dân tỉnh;
# the phòng, ban, đơn vị; awards "vào dịp tổng kết" have no fixed date.
find("003-01-KH-VP", "Phòng Hành chính - Quản trị reports to UBND tỉnh", kind=["report"], lead="Phòng Hành chính - Quản trị", to="Ủy ban nhân dân tỉnh")
find("003-01-KH-VP", "the phòng, ban chuyên môn, đơn vị trực thuộc", lead="Các phòng, ban chuyên môn, các đơn vị trực thuộc")
find("003-01-KH-VP", "an obligation with no fixed date (vào dịp tổng kết)", fixed=False, due_text="vào dịp tổng kết")
# 8.5 seed 004: period 01/05/2025 - 31/10/2025; the dossier goes to Văn
# phòng Sở (bộ phận thường trực Hội đồng TĐKT); Văn phòng Sở leads.
find("004-32-KH-SNgV", "campaign start", kind=["campaign-start"], due="2025-05-01")
find("004-32-KH-SNgV", "campaign end", kind=["campaign-end"], due="2025-10-31")
find("004-32-KH-SNgV", "dossier to Văn phòng Sở", kind=["dossier"], to="Văn phòng Sở (bộ phận thường trực Hội đồng Thi đua - Khen thưởng Sở)", fixed=True)
find("004-32-KH-SNgV", "Văn phòng Sở leads", lead="Văn phòng Sở")
' "$OUT"

# --- the checklist order: date (no date last), then office (Vietnamese), then line
pycheck "order" '
import glob, json, sys
for jf in sorted(glob.glob(sys.argv[1] + "/*.checklist.json")):
    obs = json.load(open(jf, encoding="utf-8"))["obligations"]
    dates = [o["due"] or "9999" for o in obs]
    print("ok" if dates == sorted(dates) else "FAIL: %s: not sorted by date" % jf)
' "$OUT"

# --- HTML: self-contained, the decree's date, rendered by Chromium to an A4 PDF
for s in $STEMS; do
    h=$OUT/$s.html
    if grep -qiE '<script|<link|<img|<iframe|src=|url\(|https?:' "$h"; then
        bad "$s.html refers to something outside itself"; grep -oiE '<script|<link|<img|<iframe|src=|url\(|https?:[^" ]*' "$h" | head -3
    else ok; fi
    grep -q "default-src 'none'" "$h" && ok || bad "$s.html has no Content-Security-Policy"
    grep -q '@page{size:A4;margin:20mm 15mm 20mm 30mm' "$h" && ok || bad "$s.html: no A4 page with the decree's margins"
done
grep -q 'Lào Cai, ngày 27 tháng 01 năm 2026' "$OUT/003-01-KH-VP.html" && ok || bad "003: the date lacks the decree's leading zero (tháng 01)"
grep -q 'Lạng Sơn, ngày 30 tháng 5 năm 2025' "$OUT/004-32-KH-SNgV.html" && ok || bad "004: the date should read ngày 30 tháng 5 năm 2025"
grep -q '<h2 class="roman">I\. ' "$OUT/004-32-KH-SNgV.html" && ok || bad "004: no section I. heading"

CHROME=""
for c in chromium chromium-browser; do command -v "$c" > /dev/null && { CHROME=$c; break; }; done
if [ -z "$CHROME" ]; then
    bad "chromium is not installed: the HTML was not rendered (install the Debian package chromium: sh scripts/install-deps.sh)"
elif ! "$PY" -c 'import re' 2>/dev/null; then
    bad "python3 is needed to read the PDF"
else
    for s in $STEMS; do
        prof=$(mktemp -d "$D/chrome.XXXXXX")
        timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
            --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
            --enable-logging=stderr --v=0 --no-pdf-header-footer \
            --print-to-pdf="$D/$s.pdf" "file://$(cd "$OUT" && pwd)/$s.html" > "$D/$s.chrome" 2>&1
        rc=$?
        if [ "$rc" -ne 0 ] || [ ! -s "$D/$s.pdf" ]; then
            bad "chromium could not print $s.html (exit $rc)"; tail -3 "$D/$s.chrome"
            continue
        fi
        # No script runs and nothing is loaded, so any console message is
        # a fault (a blocked resource, a CSP violation).
        if grep -q 'CONSOLE' "$D/$s.chrome"; then
            bad "$s.html: console messages in Chromium"; grep 'CONSOLE' "$D/$s.chrome" | head -3
        else ok; fi
        pycheck "pdf $s" '
import re, sys
pdf = open(sys.argv[1], "rb").read()
boxes = re.findall(rb"/MediaBox\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\]", pdf)
if not boxes:
    print("FAIL: no MediaBox in the PDF")
for b in boxes:
    w, h = float(b[2]) - float(b[0]), float(b[3]) - float(b[1])
    print("ok" if abs(w - 595.3) < 2 and abs(h - 841.9) < 2 else "FAIL: page is %.1f x %.1f pt, not A4 (595 x 842)" % (w, h))
    break
pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
print("ok" if pages >= 1 and len(boxes) >= pages else "FAIL: %d pages, %d MediaBox" % (pages, len(boxes)))
' "$D/$s.pdf"
        rm -rf "$prof"
    done
fi

echo "cli: $pass passed, $fail failed"
