#!/usr/bin/env bash
# tests/cli/repo.sh - repository mode: `plan check DIR` over tests/repo/, a
# UBND tỉnh plan (ubnd-135.xml), a Sở plan that implements it correctly
# (snv-08.xml), one that breaks every cross-plan rule (sngv-10.xml) and two
# plans that share one number (svhttdl-15*.xml). Each cross-plan diagnostic
# is checked line for line, names both files, and the correct plans get none.
# Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/repo
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
R=tests/repo
CROSS='\[(NUM-SEQUENCE|NUM-UNIQUE|PERIOD-WITHIN-PARENT|PARENT-DATE-ORDER|PARENT-CITED-DATE|AWARD-WITHIN-PARENT)\]$'

cat > "$D/expected" <<'EOF'
tests/repo/sngv-10.xml:19:15: error: the plan is dated 02/01/2026, before 135/KH-UBND (tests/repo/ubnd-135.xml), dated 05/01/2026, which it implements; a plan cannot implement a later document: check both dates [PARENT-DATE-ORDER]
tests/repo/sngv-10.xml:20:13: warning: the citation gives 135/KH-UBND the date 01/01/2026, but that plan (tests/repo/ubnd-135.xml) is dated 05/01/2026; correct the date in the citation [PARENT-CITED-DATE]
tests/repo/sngv-10.xml:50:7: warning: the campaign ends 30/04/2026, after its parent plan 135/KH-UBND (tests/repo/ubnd-135.xml) ends on 31/03/2026; an implementing plan runs within its parent's period [PERIOD-WITHIN-PARENT]
tests/repo/sngv-10.xml:65:7: warning: "Bằng khen của Thủ tướng Chính phủ" is given here to individuals, but its parent plan 135/KH-UBND (tests/repo/ubnd-135.xml) gives it only to collectives [AWARD-WITHIN-PARENT]
tests/repo/sngv-10.xml:70:7: warning: "Huân chương Lao động hạng Ba" is decided above every award of its parent plan 135/KH-UBND (tests/repo/ubnd-135.xml), the highest there being "Bằng khen của Thủ tướng Chính phủ"; an implementing plan proposes only what its parent provides for [AWARD-WITHIN-PARENT]
tests/repo/sngv-10.xml:75:7: warning: "Kỷ niệm chương Vì sự nghiệp Ngoại giao Việt Nam" is not among the awards of its parent plan 135/KH-UBND (tests/repo/ubnd-135.xml); an implementing plan rewards within what its parent provides for: drop it, or have it added to the parent [AWARD-WITHIN-PARENT]
tests/repo/svhttdl-15-lap.xml:9:13: error: number 15/KH-SVHTTDL of 2026 is also used by tests/repo/svhttdl-15.xml; a number and symbol belongs to one document of the year: give this plan its own number [NUM-UNIQUE]
EOF

# --- the repository as a whole: exactly the expected cross-plan lines ------
plan check -q "$R" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || bad "plan check $R: exit $rc, expected 1 (two errors)"
grep -E "$CROSS" "$D/out" > "$D/cross"
if diff -u "$D/expected" "$D/cross" > "$D/diff"; then ok; else
    bad "cross-plan diagnostics of $R differ from the expected lines"; head -20 "$D/diff"; fi
# Each expected line, one by one, so that a failure names the rule.
while IFS= read -r line; do
    rule=${line##*[}
    grep -qxF -- "$line" "$D/out" && ok || bad "missing ${rule%]} line: ${line%%: *}"
done < "$D/expected"
# Every rule across plans is exercised here except NUM-SEQUENCE (its own cases).
for id in PARENT-DATE-ORDER PARENT-CITED-DATE PERIOD-WITHIN-PARENT AWARD-WITHIN-PARENT NUM-UNIQUE; do
    grep -qF "[$id]" "$D/cross" && ok || bad "rule $id did not fire on $R"
done
# Each diagnostic is in one file and names the other one.
while IFS= read -r line; do
    here=${line%%:*}
    others=$(printf '%s\n' "${line#*: }" | grep -oE 'tests/repo/[a-z0-9-]+\.xml' | grep -vxF "$here" | sort -u | wc -l)
    [ "$others" -eq 1 ] && ok || bad "does not name exactly one other file: $line"
done < "$D/cross"
# The correct plans get nothing at all: the parent, the correct child, and
# the first holder of the shared number.
for f in ubnd-135.xml snv-08.xml svhttdl-15.xml; do
    if grep -q "^$R/$f:" "$D/out"; then bad "$f is correct but got:"; grep "^$R/$f:" "$D/out" | head -5
    else ok; fi
done
# Notes give each finding its source.
grep -qE "^$R/sngv-10.xml:19:15: note: logic: a plan cannot implement" "$D/out" && ok || bad "PARENT-DATE-ORDER has no note with its source"
grep -qE "^$R/svhttdl-15-lap.xml:9:13: note: NĐ 30/2020/NĐ-CP, Phụ lục I" "$D/out" && ok || bad "NUM-UNIQUE has no note with its source"

# --- the same files in another order give the same output -----------------
plan check -q $(ls "$R"/*.xml | sort -r) > "$D/rev" 2>&1
cmp -s "$D/out" "$D/rev" && ok || { bad "the order of the inputs changes the output"; diff "$D/out" "$D/rev" | head -5; }

# --- a plan checked without its parent: nothing to compare ----------------
plan check -q "$R/sngv-10.xml" > "$D/alone" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || bad "sngv-10.xml alone: exit $rc, expected 0"
grep -qE "$CROSS" "$D/alone" && bad "a cross-plan rule fired on one plan alone" || ok
# The parent and the bad child only: the child's findings, no duplicate number.
plan check -q "$R/ubnd-135.xml" "$R/sngv-10.xml" 2>&1 | grep -E "$CROSS" > "$D/pair"
grep -F 'sngv-10.xml' "$D/expected" | cmp -s - "$D/pair" && ok || bad "parent and child alone: unexpected cross-plan lines"
# The same file given twice is not a duplicate number, and nothing is reported twice.
plan check -q "$R/svhttdl-15.xml" "$R/svhttdl-15.xml" 2>&1 | grep -qF '[NUM-UNIQUE]' && bad "a file given twice is reported as a duplicate number" || ok
plan check -q "$R" "$R"/*.xml 2>&1 | grep -E "$CROSS" > "$D/twice"
cmp -s "$D/expected" "$D/twice" && ok || { bad "every file given twice: the cross-plan lines differ"; diff "$D/expected" "$D/twice" | head -5; }

# --- severity controls apply to the rules across plans --------------------
plan check -q -W NUM-UNIQUE=off -W PARENT-DATE-ORDER=warning "$R" > "$D/w" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || bad "-W NUM-UNIQUE=off -W PARENT-DATE-ORDER=warning: exit $rc, expected 0"
grep -qF '[NUM-UNIQUE]' "$D/w" && bad "-W NUM-UNIQUE=off did not silence it" || ok
grep -qE '^tests/repo/sngv-10.xml:19:15: warning: .*\[PARENT-DATE-ORDER\]$' "$D/w" && ok || bad "-W PARENT-DATE-ORDER=warning did not apply"
plan check -q --werror -W NUM-UNIQUE=off -W PARENT-DATE-ORDER=off "$R" > /dev/null 2>&1
[ $? -eq 1 ] && ok || bad "--werror does not count the cross-plan warnings"

# --- JSON: the same findings, each naming the other file ------------------
plan check --format=json "$R" > "$D/json" 2>/dev/null
if python3 - "$D/json" <<'PY'
import json, re, sys
cross = {"NUM-UNIQUE", "PERIOD-WITHIN-PARENT", "PARENT-DATE-ORDER", "PARENT-CITED-DATE",
         "AWARD-WITHIN-PARENT", "NUM-SEQUENCE"}
found = [d for d in json.load(open(sys.argv[1])) if d["rule"] in cross]
assert len(found) == 7, len(found)
for d in found:
    others = set(re.findall(r"tests/repo/[a-z0-9-]+\.xml", d["message"])) - {d["file"]}
    assert len(others) == 1, d
    assert d["line"] > 0 and d["column"] > 0, d
assert sorted(d["severity"] for d in found).count("error") == 2, found
PY
then ok; else bad "JSON output of $R"; fi

echo "cli: $pass passed, $fail failed"
