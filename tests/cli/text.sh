#!/usr/bin/env bash
# tests/cli/text.sh - one normal form of the text (docs/text.md): every plan
# in plans/ written in NFD, or with its tone marks in the other style,
# compiles to exactly the outputs of the original; --tone-style=new gives
# one output whatever the style of the source; the diagnostics point at the
# code-point column an editor shows on lines full of Vietnamese letters.
# The transcodings are made by tests/cli/retone.py, written apart from
# plan's own code. Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/text
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
RETONE="python3 tests/cli/retone.py"

# The same outputs, file for file (every output, not only STEM.xml).
same_dirs() {
    local name=$1 a=$2 b=$3
    if [ -z "$(ls "$a" 2>/dev/null)" ]; then bad "$name: nothing compiled"; return; fi
    if diff -r -x .plan-stamps "$a" "$b" > "$D/diff" 2>&1; then ok; else bad "$name"; head -5 "$D/diff"; fi
}

# --- the reference: each plan compiled as written ------------------------
mkdir -p "$D/nfd" "$D/new"
plan compile -q plans -o "$D/o-orig" > /dev/null 2>&1 || bad "plans/ do not compile"
plan compile -q --tone-style=new plans -o "$D/o-orig-new" > /dev/null 2>&1 \
    || bad "plans/ do not compile with --tone-style=new"
for f in plans/*.xml; do
    b=$(basename "$f")
    $RETONE nfd < "$f" > "$D/nfd/$b"
    $RETONE new < "$f" > "$D/new/$b"
    # the transcodings really differ from the source
    cmp -s "$f" "$D/nfd/$b" && bad "$b: the NFD copy is the same bytes" || ok
    cmp -s "$f" "$D/new/$b" && bad "$b: the new-style copy is the same bytes" || ok
done

# --- NFD and the other tone style compile to the same outputs -------------
plan compile -q "$D/nfd" -o "$D/o-nfd" > /dev/null 2>&1 || bad "the NFD plans do not compile"
same_dirs "NFD plans compile to the outputs of the originals" "$D/o-orig" "$D/o-nfd"
plan compile -q "$D/new" -o "$D/o-new" > /dev/null 2>&1 || bad "the new-style plans do not compile"
same_dirs "new-style plans compile to the outputs of the originals" "$D/o-orig" "$D/o-new"
plan compile -q --tone-style=new "$D/new" -o "$D/o-new-new" > /dev/null 2>&1 \
    || bad "the new-style plans do not compile with --tone-style=new"
same_dirs "--tone-style=new: one output whatever the style of the source" \
    "$D/o-orig-new" "$D/o-new-new"
plan compile -q --tone-style=new "$D/nfd" -o "$D/o-nfd-new" > /dev/null 2>&1
same_dirs "--tone-style=new on NFD plans" "$D/o-orig-new" "$D/o-nfd-new"
plan compile -q --tone-style=old "$D/new" -o "$D/o-new-old" > /dev/null 2>&1
same_dirs "--tone-style=old is the default" "$D/o-orig" "$D/o-new-old"

# The two normalized plans differ in tone placement only, and no output of
# the new style has a syllable left in the old style but the Quốc hiệu.
for f in "$D"/o-orig/*.xml; do
    b=$(basename "$f")
    if $RETONE old < "$D/o-orig-new/$b" | cmp -s - "$f"; then ok; else
        bad "$b: the --tone-style=new output differs from the default in more than tone marks"; fi
    cmp -s "$D/o-orig-new/$b" "$f" && bad "$b: --tone-style=new changed nothing" || ok
    grep -q '<national-name>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</national-name>' "$D/o-orig-new/$b" \
        && ok || bad "$b: --tone-style=new rewrote the Quốc hiệu the decree prescribes"
done
for f in "$D"/o-orig-new/*; do
    grep -v 'CỘNG HÒA XÃ HỘI' "$f" > "$D/rest"
    if $RETONE new < "$D/rest" | cmp -s - "$D/rest"; then ok; else
        bad "$(basename "$f"): the --tone-style=new output still has old-style syllables"; fi
done

# --- diagnostics: the same findings, plus TEXT-TONE-STYLE where the style differs
findings() { # FILE-OR-DIR [options]: "file line col rule" without TEXT-TONE-STYLE
    plan check --format=json "$@" 2>/dev/null | python3 -c '
import json, os, sys
for d in json.load(sys.stdin):
    if d["rule"] != "TEXT-TONE-STYLE":
        print(os.path.basename(d["file"]), d["line"], d["column"], d["rule"])'
}
tone_count() {
    plan check --format=json "$@" 2>/dev/null | python3 -c '
import json, sys
print(sum(d["rule"] == "TEXT-TONE-STYLE" for d in json.load(sys.stdin)))'
}
findings plans > "$D/f-orig"
findings "$D/new" > "$D/f-new"
findings "$D/nfd" > "$D/f-nfd"
findings --tone-style=new plans > "$D/f-orig-new"
[ -s "$D/f-orig" ] && ok || bad "no findings at all on plans/: the comparison below proves nothing"
cmp -s "$D/f-orig" "$D/f-new" && ok || { bad "new-style plans: other findings than the originals"; diff "$D/f-orig" "$D/f-new" | head -5; }
cmp -s "$D/f-orig" "$D/f-nfd" && ok || { bad "NFD plans: other findings than the originals"; diff "$D/f-orig" "$D/f-nfd" | head -5; }
cmp -s "$D/f-orig" "$D/f-orig-new" && ok || { bad "--tone-style=new: other findings than the default"; diff "$D/f-orig" "$D/f-orig-new" | head -5; }
[ "$(tone_count plans)" -eq 0 ] && ok || bad "TEXT-TONE-STYLE on plans/, written in the old style"
[ "$(tone_count "$D/nfd")" -eq 0 ] && ok || bad "TEXT-TONE-STYLE on NFD text in the old style"
for f in "$D"/new/*.xml; do
    n=$(tone_count "$f")
    [ "$n" -gt 0 ] && ok || bad "$(basename "$f"): no TEXT-TONE-STYLE on a plan in the new style"
done
# under --tone-style=new, new-style plans are reported only for their Quốc
# hiệu, which keeps the decree's "HÒA"
n=$(plan check -q --tone-style=new "$D/new" 2>&1 | grep -F '[TEXT-TONE-STYLE]' | grep -vc 'the Quốc hiệu is written as NĐ 30/2020 prescribes it: "HÒA"')
[ "$n" -eq 0 ] && ok || bad "TEXT-TONE-STYLE on new-style plans under --tone-style=new, other than the Quốc hiệu"
[ "$(tone_count --tone-style=new "$D/new")" -eq "$(ls plans/*.xml | wc -l)" ] && ok \
    || bad "under --tone-style=new, a new-style Quốc hiệu is not reported once per plan"
[ "$(tone_count --tone-style=new plans)" -gt 0 ] && ok || bad "no TEXT-TONE-STYLE on old-style plans under --tone-style=new"

# TEXT-TONE-STYLE obeys -W and <?plan-ignore?> like the checks' findings.
f=$D/new/004-32-KH-SNgV.xml
[ "$(tone_count -W TEXT-TONE-STYLE=off "$f")" -eq 0 ] && ok || bad "-W TEXT-TONE-STYLE=off does not silence it"
{ head -1 "$f"; echo '<?plan-ignore TEXT-TONE-STYLE Đơn vị viết dấu thanh kiểu mới?>'; tail -n +2 "$f"; } > "$D/sup.xml"
n=$(plan check -q "$D/sup.xml" 2>&1 | grep -c 'TEXT-TONE-STYLE')
[ "$n" -eq 0 ] && ok || bad "<?plan-ignore TEXT-TONE-STYLE?> does not silence it ($n lines)"

# --- the option ------------------------------------------------------------
out=$(plan check --tone-style=modern plans 2>&1); rc=$?
[ "$rc" -eq 2 ] && printf '%s' "$out" | grep -q "unknown tone style 'modern'" && ok \
    || bad "--tone-style=modern: exit $rc, $out"
out=$(plan checklist --tone-style=new plans/000-3621-KH-SVHTTDL.xml --format=csv 2>&1); rc=$?
[ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q 'Uỷ ban' && ok \
    || bad "plan checklist --tone-style=new does not write the new style (exit $rc)"

# --- one office however its name is spelt: the checklist --------------------
# The documented example with one <from> typed without accents: a warning,
# and still one office (one calendar with --by-office, under the accented name).
awk '/^```xml$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/format.md > "$D/ex.xml"
sed 's|<from>Văn phòng Sở</from>|<from>Van phong So</from>|' "$D/ex.xml" > "$D/ex-acc.xml"
cmp -s "$D/ex.xml" "$D/ex-acc.xml" && bad "the example has no <from>Văn phòng Sở</from> to change" || ok
out=$(plan check -q "$D/ex-acc.xml" 2>&1); rc=$?
[ "$rc" -eq 0 ] && printf '%s' "$out" | grep -qF 'office name "Van phong So" matches "Văn phòng Sở"' && ok \
    || bad "a name without accents: exit $rc, no TEXT-NAME-ACCENTS warning"
plan compile -q --by-office "$D/ex.xml" -o "$D/bo-ref" > /dev/null 2>&1
plan compile -q --by-office "$D/ex-acc.xml" -o "$D/bo" > /dev/null 2>&1
n_ref=$(ls "$D"/bo-ref/ex.checklist.*.ics | wc -l)
n=$(ls "$D"/bo/ex-acc.checklist.*.ics | wc -l)
[ "$n" -eq "$n_ref" ] && [ ! -e "$D/bo/ex-acc.checklist.van-phong-so-2.ics" ] && ok \
    || bad "--by-office: $n calendars for the accent-less spelling, $n_ref for the original"
calname() { python3 -c '
import re, sys
text = re.sub(r"\r?\n[ \t]", "", open(sys.argv[1], encoding="utf-8").read())
print(re.search(r"^X-WR-CALNAME:(.*)$", text, re.M).group(1).strip())' "$1"; }
case "$(calname "$D/bo/ex-acc.checklist.van-phong-so.ics" 2>/dev/null)" in
    *"Văn phòng Sở") ok ;;
    *) bad "--by-office names the calendar after the spelling without accents" ;;
esac
[ "$(grep -c 'BEGIN:VTODO' "$D/bo/ex-acc.checklist.van-phong-so.ics")" -eq \
  "$(grep -c 'BEGIN:VTODO' "$D/bo-ref/ex.checklist.van-phong-so.ics")" ] && ok \
    || bad "--by-office: the office's calendar lost the obligation written without accents"

# --- positions on lines full of Vietnamese letters -------------------------
# A line with many multi-byte letters before the finding: the column is
# counted in code points, as an editor shows it, not in bytes.
NS='xmlns="urn:x-plan:ke-hoach:1"'
cat > "$D/pos.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<plan $NS kind="campaign">
  <header>
    <national-name>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</national-name><motto>Độc lập - Tự do - Hạnh phúc</motto>
    <issuer abbr="SNV">SỞ NỘI VỤ</issuer>
    <number>05/KH-SNV</number>
    <place>Lạng Sơn</place>
    <date>ngày 05 tháng 01 năm 2026</date>
    <doc-type>KẾ HOẠCH</doc-type>
    <subject>Phát động đợt thi đua</subject>
  </header>
  <body>
    <section number="I." role="organisation">
      <heading>TỔ CHỨC THỰC HIỆN</heading>
      <assignment mode="assign" number="1."><office>Văn phòng Sở Nội vụ tỉnh Lạng Sơn</office><task roles="lead report" due="trước ngày 30/01/2026" to="Ủy ban nhân dân tỉnh Lạng Sơn">Chủ trì, tổng hợp kết quả đợt thi đua; báo cáo Ủy ban nhân dân tỉnh trước ngày 30/01/2026.</task><task roles="nominate" to="Van phong So Noi vu tinh Lang Son">Đôn đốc việc gửi hồ sơ đề nghị khen thưởng.</task></assignment>
      <p>Các phòng, đơn vị thuộc Sở tổ chức thực hiện nghiêm túc.</p><p>Giữ gìn sức khoẻ, đoàn kết.</p>
    </section>
  </body>
</plan>
EOF
# expected column of the first occurrence of NEEDLE on line LINE, in code points
col_of() {
    python3 -c '
import sys
line = open(sys.argv[1], encoding="utf-8").read().split("\n")[int(sys.argv[2]) - 1]
print(line.index(sys.argv[3]) + 1 + int(sys.argv[4]))' "$@"
}
byte_col_of() {
    python3 -c '
import sys
line = open(sys.argv[1], "rb").read().split(b"\n")[int(sys.argv[2]) - 1]
print(line.index(sys.argv[3].encode()) + 1 + int(sys.argv[4]))' "$@"
}
plan check --format=json "$D/pos.xml" > "$D/pos.json" 2>/dev/null
plan check -q "$D/pos.xml" > "$D/pos.txt" 2>&1
at() { # RULE LINE COL: a finding of RULE there, in JSON and in GCC form
    local rule=$1 line=$2 col=$3
    if python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
sys.exit(0 if any(d["rule"] == sys.argv[2] and d["line"] == int(sys.argv[3]) and
                  d["column"] == int(sys.argv[4]) for d in a) else 1)' "$D/pos.json" "$rule" "$line" "$col"
    then ok; else bad "no $rule at $line:$col in JSON"; grep -F "[$rule]" "$D/pos.txt" | head -3; fi
    grep -qF "pos.xml:$line:$col: " "$D/pos.txt" && grep "pos.xml:$line:$col: " "$D/pos.txt" | grep -qF "[$rule]" \
        && ok || bad "no $rule at $line:$col in GCC form"
}
# TEXT-NAME-ACCENTS at the second task (after 150-odd Vietnamese letters)
c=$(col_of "$D/pos.xml" 15 '<task roles="nominate"' 0)
bc=$(byte_col_of "$D/pos.xml" 15 '<task roles="nominate"' 0)
[ "$c" -ne "$bc" ] && ok || bad "the position test line has no multi-byte letters before the finding"
at TEXT-NAME-ACCENTS 15 "$c"
# TEXT-TONE-STYLE at the content of the second <p> on line 16
at TEXT-TONE-STYLE 16 "$(col_of "$D/pos.xml" 16 'Giữ gìn' 0)"
# TEXT-TONE-STYLE at an attribute: the same line in the new style
sed -i '15s/to="Ủy ban/to="Uỷ ban/' "$D/pos.xml"
plan check --format=json "$D/pos.xml" > "$D/pos.json" 2>/dev/null
plan check -q "$D/pos.xml" > "$D/pos.txt" 2>&1
at TEXT-TONE-STYLE 15 "$(col_of "$D/pos.xml" 15 'to="Uỷ ban' 0)"
# the header: a finding after the Quốc hiệu on the same line
grep -q 'HDR-QUOCHIEU' "$D/pos.txt" && bad "the Quốc hiệu and Tiêu ngữ on one line are misread" || ok

echo "cli: $pass passed, $fail failed"
