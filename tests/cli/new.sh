#!/usr/bin/env bash
# tests/cli/new.sh - `plan new` (docs/templates.md): a draft from each sample
# plan checks with nothing but its placeholders and is clean once they are
# filled in; editing the parent is reported as drift, which --update removes
# while keeping the office's text; the batch form; refusing to overwrite;
# errors with what to do and exit status 2.
# Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/new
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# The rule ids of a check's output, sorted and unique, one line.
ids() { grep -oE '\[[A-Z0-9-]+\]$' "$1" | sort -u | tr -d '[]' | tr '\n' ' '; }

# Fills every placeholder of a draft (not those of its top comment) with text
# an office would write; the date a few days after the parent's.
cp tests/cli/fill-draft.py "$D/fill.py"

# --- a draft from each sample plan ------------------------------------------
OFFICE="Trung tâm Thông tin"
for p in plans/*.xml; do
    stem=$(basename "$p" .xml)
    draft=$D/$stem.draft.xml
    plan new --from "$p" --issuer "$OFFICE" -o "$draft" > "$D/out" 2>&1
    rc=$?
    [ "$rc" -eq 0 ] && ok || { bad "plan new --from $p: exit $rc"; head -3 "$D/out"; continue; }
    n_ph=$(sed -n '/^<plan /,$p' "$draft" | grep -o '\[\[' | wc -l)
    grep -qxF "plan: wrote $draft: $n_ph placeholder(s) to fill in" "$D/out" \
        && ok || bad "$stem: plan new does not say how many placeholders the draft has"
    if command -v xmllint > /dev/null; then
        xmllint --noout --relaxng schema/plan.rng "$draft" > /dev/null 2>&1 && ok || bad "$stem: the draft is not valid against schema/plan.rng"
    fi
    # The draft checks with nothing but its placeholders: one per [[, at its column.
    plan check -q "$draft" > "$D/check" 2>&1
    rc=$?
    [ "$rc" -eq 1 ] && ok || bad "$stem: plan check on the draft: exit $rc, expected 1"
    got=$(ids "$D/check")
    [ "$got" = "TEMPLATE-PLACEHOLDER " ] && ok || { bad "$stem: the draft's findings are not only TEMPLATE-PLACEHOLDER: $got"; grep -v PLACEHOLDER "$D/check" | head -5; }
    n_found=$(grep -c '\[TEMPLATE-PLACEHOLDER\]$' "$D/check")
    [ "$n_found" -eq "$n_ph" ] && ok || bad "$stem: $n_found TEMPLATE-PLACEHOLDER findings for $n_ph placeholders"
    # Each finding points at a "[[" of the file (columns count characters).
    if python3 - "$draft" "$D/check" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
for m in re.finditer(r":(\d+):(\d+): error: .*\[TEMPLATE-PLACEHOLDER\]$", open(sys.argv[2], encoding="utf-8").read(), re.M):
    l, c = int(m.group(1)), int(m.group(2))
    assert lines[l - 1][c - 1:c + 1] == "[[", (l, c)
PY
    then ok; else bad "$stem: a TEMPLATE-PLACEHOLDER finding is not at a [["; fi
    # What it inherits: the parent as the first cited document, the period, the lineage.
    num=$(sed -n 's|.*<number[^>]*>\(.*\)</number>.*|\1|p' "$p" | head -1)
    grep -qF "<lineage number=\"$num\"" "$draft" && ok || bad "$stem: the lineage does not record $num"
    awk '/<document /{n++} n==1' "$draft" | grep -qF ">$num</number>" && ok || bad "$stem: the parent is not the first cited document"
    grep -qE '<period inherited="yes">' "$draft" && ok || bad "$stem: the period is not inherited"
    # Filled in, the draft is clean: no error or warning, and no finding its parent has not.
    cp "$draft" "$D/$stem.filled.xml"
    python3 "$D/fill.py" "$D/$stem.filled.xml" && ok || bad "$stem: could not fill the draft"
    plan check -q "$D/$stem.filled.xml" > "$D/filled" 2>&1
    rc=$?
    [ "$rc" -eq 0 ] && ok || { bad "$stem: the filled-in draft: exit $rc"; grep -v ': note:' "$D/filled" | head -5; }
    grep -qE ': (error|warning): ' "$D/filled" && { bad "$stem: the filled-in draft has errors or warnings"; head -3 "$D/filled"; } || ok
    plan check -q "$p" > "$D/parent" 2>&1
    for id in $(ids "$D/filled"); do
        grep -qF "[$id]" "$D/parent" && ok || bad "$stem: the filled-in draft has $id, its parent has not"
    done
    # The normalized plan keeps the lineage and what is inherited.
    plan compile -q --emit=xml "$D/$stem.filled.xml" -o "$D/c-$stem" > /dev/null 2>&1
    c=$D/c-$stem/$stem.filled.xml
    [ "$(grep '<lineage ' "$c")" = "$(grep '<lineage ' "$draft")" ] && ok || bad "$stem: the normalized plan does not keep the lineage"
    [ "$(grep -c 'inherited="yes"' "$c")" -eq "$(sed -n '/^<plan /,$p' "$draft" | grep -c 'inherited="yes"')" ] && ok || bad "$stem: the normalized plan does not keep inherited=yes"
done

# --- an office, its parent, an edited deadline, and --update ----------------
R=$D/repo
mkdir -p "$R/sub"
cp plans/004-32-KH-SNgV.xml "$R/parent.xml"
plan new -q --from "$R/parent.xml" --issuer "Trung tâm Thông tin đối ngoại" --abbr TTTT -o "$R/sub/draft.xml"
grep -qF 'path="../parent.xml"' "$R/sub/draft.xml" && ok || bad "the lineage path is not relative to the draft's folder"
grep -qF '<number>[[Số]]/KH-TTTT</number>' "$R/sub/draft.xml" && ok || bad "--abbr is not in the number"
# The office writes its own text and a section of its own.
python3 - "$R/sub/draft.xml" <<'PY'
import sys
f = sys.argv[1]
s = open(f, encoding="utf-8").read()
s = s.replace('<heading>Mục đích</heading>\n        <p>[[Nội dung của đơn vị cho mục này]]</p>',
              '<heading>Mục đích</heading>\n        <p>Động viên viên chức Trung tâm thi đua lập thành tích.</p>', 1)
s = s.replace('    <section number="V." role="organisation" inherited="yes">',
              '    <section number="V.">\n      <heading>HỘI THI CỦA TRUNG TÂM</heading>\n'
              '      <p>Trung tâm tổ chức hội thi tìm hiểu công tác đối ngoại.</p>\n    </section>\n'
              '    <section number="VI." role="organisation" inherited="yes">', 1)
s = s.replace('<name>[[Họ và tên người ký]]</name>', '<name>Lê Văn Bình</name>', 1)
open(f, "w", encoding="utf-8").write(s)
PY
plan check -q "$R/sub/draft.xml" > "$D/out" 2>&1
grep -qF '[TEMPLATE-DRIFT]' "$D/out" && bad "drift reported before the parent changed" || ok
# Reformatting the parent (CRLF, tabs, a comment) is not drift.
sed -e 's/^  /\t/' -e 's/$/\r/' -e '2i <!-- laid out anew -->\r' "$R/parent.xml" > "$R/parent.tmp" && mv "$R/parent.tmp" "$R/parent.xml"
plan check -q "$R/sub/draft.xml" > "$D/out" 2>&1
grep -qF '[TEMPLATE-DRIFT]' "$D/out" && bad "reformatting the parent is reported as drift" || ok
# A deadline of the parent moves: drift, naming both files, from the path and among the inputs.
sed -i 's|<due>trước ngày 15/11/2025</due>|<due>trước ngày 20/11/2025</due>|' "$R/parent.xml"
plan check -q "$R/sub/draft.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || bad "check after the parent changed: exit $rc, expected 1 (placeholders)"
line=$(grep -F '[TEMPLATE-DRIFT]' "$D/out")
[[ $line == "$R/sub/draft.xml:21:5: warning: the parent plan 32/KH-SNgV ($R/sub/../parent.xml) has changed since this draft was made from it (fingerprint "*", now "*"), so what the draft inherited may be out of date; run plan new --update $R/sub/draft.xml [TEMPLATE-DRIFT]" ]] \
    && ok || bad "drift not reported as expected: ${line:-nothing}"
plan check -q "$R/parent.xml" "$R/sub/draft.xml" 2>&1 | grep -F '[TEMPLATE-DRIFT]' > "$D/among"
grep -qF "($R/parent.xml) has changed" "$D/among" && ok || bad "drift with the parent among the inputs does not name it: $(cat "$D/among")"
LANGUAGE=vi plan check -q "$R/sub/draft.xml" 2>&1 | grep -F '[TEMPLATE-DRIFT]' | grep -qF 'đã thay đổi từ khi lập bản dự thảo này' \
    && ok || bad "the drift warning is not in Vietnamese with LANGUAGE=vi"
# --update: the drift goes, the deadline follows the parent, the office's text stays.
cp "$R/sub/draft.xml" "$D/before.xml"
plan new --update "$R/sub/draft.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || { bad "plan new --update: exit $rc"; head -3 "$D/out"; }
grep -qF "plan: updated $R/sub/draft.xml from its parent $R/sub/../parent.xml" "$D/out" && ok || bad "--update does not say what it did: $(head -1 "$D/out")"
plan check -q "$R/sub/draft.xml" > "$D/out" 2>&1
grep -qF '[TEMPLATE-DRIFT]' "$D/out" && bad "drift still reported after --update" || ok
[ "$(ids "$D/out")" = "TEMPLATE-PLACEHOLDER " ] && ok || bad "after --update, findings other than placeholders: $(ids "$D/out")"
for text in 'Động viên viên chức Trung tâm thi đua lập thành tích.' '<heading>HỘI THI CỦA TRUNG TÂM</heading>' \
            'Trung tâm tổ chức hội thi tìm hiểu công tác đối ngoại.' '<name>Lê Văn Bình</name>'; do
    grep -qF "$text" "$R/sub/draft.xml" && ok || bad "--update lost the office's text: $text"
done
# The report was due 15/11/2025, now 20/11/2025 (Thursday): three working days before, 17/11/2025.
grep -qF '>trước ngày 12/11/2025</due>' "$D/before.xml" && ok || bad "the report was not due three working days before 15/11/2025"
grep -qF '>trước ngày 17/11/2025</due>' "$R/sub/draft.xml" && ok || bad "--update did not move the report deadline to 17/11/2025"
diff "$D/before.xml" "$R/sub/draft.xml" | grep -c '^>' | grep -qx 2 && ok || bad "--update changed more than the fingerprint and the deadline"
# Once more: nothing to do, the file is not rewritten.
cp "$R/sub/draft.xml" "$D/after.xml"
plan new --update "$R/sub/draft.xml" > "$D/out" 2>&1
grep -qF "is in line with its parent" "$D/out" && ok || bad "a second --update does not say the draft is in line"
cmp -s "$D/after.xml" "$R/sub/draft.xml" && ok || bad "a second --update changed the draft"
# A section the parent renames keeps the office's text; one it drops keeps it as the office's own.
sed -i 's|<heading>Mục đích</heading>|<heading>Mục đích của đợt thi đua</heading>|' "$R/parent.xml"
plan new -q --update "$R/sub/draft.xml"
grep -A2 '<heading>Mục đích của đợt thi đua</heading>' "$R/sub/draft.xml" | grep -qF 'Động viên viên chức Trung tâm' \
    && ok || bad "a renamed section lost the office's text"
python3 - "$R/sub/draft.xml" "$R/parent.xml" <<'PY'
import re, sys
d, p = sys.argv[1:3]
s = open(d, encoding="utf-8").read()
s = re.sub(r'(<heading>NỘI DUNG THI ĐUA</heading>\n\s*<p>)\[\[[^]]*\]\]', r'\1Nội dung riêng của Trung tâm.', s, count=1)
open(d, "w", encoding="utf-8").write(s)
s = open(p, encoding="utf-8").read()
# (laid out anew above: CRLF, a tab for the first two spaces)
s = re.sub(r'\r?\n\t  <section number="II\." role="content">.*?\r?\n\t  </section>', '', s, count=1, flags=re.S)
for a, b in (("III.", "II."), ("IV.", "III."), ("V.", "IV.")):
    s = s.replace('\t  <section number="%s"' % a, '\t  <section number="%s"' % b, 1)
open(p, "w", encoding="utf-8").write(s)
PY
grep -qF '<heading>NỘI DUNG THI ĐUA</heading>' "$R/parent.xml" && bad "the test did not remove section II from the parent" || ok
plan new -q --update "$R/sub/draft.xml" && ok || bad "--update after the parent dropped a section failed"
grep -B1 -A1 '<heading>NỘI DUNG THI ĐUA</heading>' "$R/sub/draft.xml" > "$D/dropped"
grep -qF 'Nội dung riêng của Trung tâm.' "$D/dropped" && ok || bad "a section the parent dropped lost the office's text"
grep -qF 'inherited' "$D/dropped" && bad "a section the parent dropped is still marked inherited" || ok

# --- missing parent -----------------------------------------------------------
mv "$R/parent.xml" "$R/parent.moved"
plan check -q "$R/sub/draft.xml" 2>&1 | grep -F '[TEMPLATE-PARENT-MISSING]' > "$D/missing"
grep -qE "^$R/sub/draft.xml:21:[0-9]+: warning: the parent plan 32/KH-SNgV of 30/05/2025 named in <lineage> is not among the plans checked, and $R/sub/../parent.xml cannot be read there \(.*\); check the draft together with its parent, or correct path=" "$D/missing" \
    && ok || bad "a missing parent is not reported: $(cat "$D/missing")"
plan new --update "$R/sub/draft.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok || bad "--update with the parent gone: exit $rc, expected 2"
grep -qE "^$R/sub/draft.xml:21:[0-9]+: error: cannot read the parent plan $R/sub/../parent.xml: .*; correct path= in <lineage>, or put the parent back$" "$D/out" \
    && ok || bad "--update with the parent gone: $(head -1 "$D/out")"
mv "$R/parent.moved" "$R/parent.xml"

# --- the batch form -----------------------------------------------------------
printf '%s\n' '# the units of the Sở Ngoại vụ' 'Văn phòng Sở' '' 'Trung tâm Thông tin đối ngoại | TTTTĐN' > "$D/offices.txt"
plan new --from plans/004-32-KH-SNgV.xml --issuers "$D/offices.txt" -o "$D/batch" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || bad "batch: exit $rc"
[ "$(ls "$D/batch" | tr '\n' ' ')" = "trung-tam-thong-tin-doi-ngoai.xml van-phong-so.xml " ] && ok || bad "batch wrote: $(ls "$D/batch" | tr '\n' ' ')"
grep -qF '<number>[[Số]]/KH-TTTTĐN</number>' "$D/batch/trung-tam-thong-tin-doi-ngoai.xml" && ok || bad "batch: the office's code is not used"
lp=$(sed -n 's|.*<lineage [^>]*path="\([^"]*\)".*|\1|p' "$D/batch/van-phong-so.xml")
[[ $lp != /* ]] && cmp -s "$D/batch/$lp" plans/004-32-KH-SNgV.xml && ok || bad "batch: the lineage path '$lp' is not the parent relative to the draft"
plan check -q "$D/batch" > "$D/out" 2>&1
[ "$(ids "$D/out")" = "TEMPLATE-PLACEHOLDER " ] && ok || bad "batch drafts: findings other than placeholders: $(ids "$D/out")"
# Again: every file exists, nothing is written, exit 2; --force replaces them.
touch -d '2001-01-01' "$D/batch"/*.xml
plan new --from plans/004-32-KH-SNgV.xml --issuers "$D/offices.txt" -o "$D/batch" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok || bad "batch over existing files: exit $rc, expected 2"
grep -qF "$D/batch/van-phong-so.xml: already exists; choose another -o, or replace it with --force" "$D/out" && ok || bad "batch over existing files: $(head -1 "$D/out")"
[ -z "$(find "$D/batch" -type f -newer "$D/offices.txt")" ] && ok || bad "batch over existing files wrote something"
plan new -q --force --from plans/004-32-KH-SNgV.xml --issuers "$D/offices.txt" -o "$D/batch" && ok || bad "batch --force failed"
[ "$(find "$D/batch" -type f -newer "$D/offices.txt" | wc -l)" -eq 2 ] && ok || bad "batch --force did not replace the files"
printf 'Sở Nội vụ\nSỞ NỘI VỤ\n' > "$D/dup.txt"
plan new --from plans/004-32-KH-SNgV.xml --issuers "$D/dup.txt" -o "$D/dup" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$D/dup" ] && ok || bad "two offices with one file name: exit $rc, or something written"
grep -qF "$D/dup.txt:2:" "$D/out" && ok || bad "two offices with one file name: no FILE:LINE: $(head -1 "$D/out")"

# --- refusing to overwrite, errors --------------------------------------------
one=$D/one.xml
plan new -q --from plans/002-309-KH-UBND.xml --issuer "Sở Nội vụ" -o "$one" && ok || bad "plan new for the Sở Nội vụ failed"
grep -qF '<parent-body>ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN</parent-body>' "$one" && ok || bad "the superior body of a Sở is not inferred from its parent"
grep -qF '<issuer abbr="SNV"' "$one" && ok || bad "the Sở Nội vụ's code is not taken from the table of issuers"
cp "$one" "$D/one.before"
plan new --from plans/004-32-KH-SNgV.xml --issuer "Sở Nội vụ" -o "$one" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && cmp -s "$one" "$D/one.before" && ok || bad "an existing -o FILE was not refused (exit $rc)"
grep -qxF "plan: error: $one: already exists; choose another -o, or replace it with --force" "$D/out" && ok || bad "refusing to overwrite: $(head -1 "$D/out")"
plan new -q --force --from plans/004-32-KH-SNgV.xml --issuer "Sở Nội vụ" -o "$one" && ! cmp -s "$one" "$D/one.before" && ok || bad "--force did not replace the file"
cp plans/004-32-KH-SNgV.xml "$D/p.xml"
plan new --force --from "$D/p.xml" --issuer "Sở Nội vụ" -o "$D/p.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && cmp -s "$D/p.xml" plans/004-32-KH-SNgV.xml && ok || bad "plan new wrote over its parent (exit $rc)"
grep -qF "refusing to write over the parent plan" "$D/out" && ok || bad "writing over the parent: $(head -1 "$D/out")"
# A missing parent: its path and what to do.
plan new --from "$D/nowhere.xml" --issuer "Sở Nội vụ" -o "$D/x.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$D/x.xml" ] && ok || bad "a missing parent: exit $rc"
grep -qE "^plan: error: $D/nowhere.xml: cannot read the parent plan: .*; give the plan to derive the draft from with --from$" "$D/out" && ok || bad "a missing parent: $(head -1 "$D/out")"
# A parent with errors: its diagnostics with FILE:LINE:COLUMN, then what to do.
plan new --from tests/seeds/003-1-KH-VP.xml --issuer "Phòng Hành chính - Quản trị" -o "$D/x.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$D/x.xml" ] && ok || bad "a parent with errors: exit $rc"
grep -qxF 'tests/seeds/003-1-KH-VP.xml:8:13: error: number 1 is below 10 and needs a leading zero: write 01 [NUM-LEADING-ZERO]' "$D/out" && ok || bad "a parent with errors: its error is not printed with FILE:LINE:COLUMN"
grep -qE '^plan: error: tests/seeds/003-1-KH-VP.xml: the parent plan has [0-9]+ error\(s\); a draft is made only from a plan without errors: fix them first \(plan check tests/seeds/003-1-KH-VP.xml\)$' "$D/out" \
    && ok || bad "a parent with errors: $(tail -1 "$D/out")"
# A draft as parent: its placeholders are errors.
plan new --from "$D/000-3621-KH-SVHTTDL.draft.xml" --issuer "Phòng Văn hóa" -o "$D/x.xml" > "$D/out" 2>&1
[ $? -eq 2 ] && grep -qF '[TEMPLATE-PLACEHOLDER]' "$D/out" && ok || bad "a draft with placeholders was accepted as a parent"
# An -o that cannot be written.
plan new --from plans/004-32-KH-SNgV.xml --issuer "Sở Nội vụ" -o "$D/no/such/dir/x.xml" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok || bad "an unwritable -o: exit $rc"
grep -qE "^plan: error: $D/no/such/dir/x.xml: cannot write the draft: .*; choose a writable -o$" "$D/out" && ok || bad "an unwritable -o: $(head -1 "$D/out")"
# Usage errors.
for args in "--from plans/004-32-KH-SNgV.xml -o $D/x.xml" "--from plans/004-32-KH-SNgV.xml --issuer X --issuers $D/offices.txt -o $D/x" \
            "--update" "--update $D/one.xml --from plans/004-32-KH-SNgV.xml" "--bogus"; do
    # shellcheck disable=SC2086
    plan new $args > /dev/null 2>&1
    rc=$?
    [ "$rc" -eq 2 ] && ok || bad "plan new $args: exit $rc, expected 2"
done
# --update of a plan that is no draft.
plan new --update plans/004-32-KH-SNgV.xml > "$D/out" 2>&1
[ $? -eq 2 ] && grep -qF 'has no <lineage>: it was not made by plan new' "$D/out" && ok || bad "--update of a plan without lineage: $(head -1 "$D/out")"
# The help describes the command.
plan help new | grep -qF 'Usage: plan new --from PARENT.xml --issuer "OFFICE" -o FILE' && ok || bad "plan help new"

echo "cli: $pass passed, $fail failed"
