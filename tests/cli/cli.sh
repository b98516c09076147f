#!/usr/bin/env bash
# tests/cli/cli.sh - the command line as a user meets it: exit statuses,
# one-line diagnostics for broken inputs, JSON output, compile outputs,
# atomic writes, help and version. Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/cli
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
# expect NAME STATUS PATTERN -- command...: exit status and a regex on stderr+stdout
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$status" ]; then
        fail=$((fail + 1)); echo "FAIL: $name: exit $rc, expected $status"; printf '%s\n' "$out" | head -5
    elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -qE -- "$pattern"; then
        fail=$((fail + 1)); echo "FAIL: $name: output does not match /$pattern/"; printf '%s\n' "$out" | head -5
    else
        pass=$((pass + 1))
    fi
}
NS='xmlns="urn:x-plan:ke-hoach:1"'
# The documented example (a clean plan), and a copy with one defect: number 5 without its zero.
awk '/^```xml$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/format.md > "$D/example.xml"
sed 's|<number>05/KH-SNV</number>|<number>5/KH-SNV</number>|' "$D/example.xml" > "$D/lz.xml"

# --- broken inputs: one diagnostic line with a position and a rule id -------
printf '' > "$D/empty.xml"
expect "empty file" 1 '^.*empty.xml:1:1: error: the file is empty.*\[XML-SYNTAX\]$' -- plan check -q "$D/empty.xml"
head -c 300 plans/004-32-KH-SNgV.xml > "$D/truncated.xml"
expect "truncated file" 1 'truncated.xml:[0-9]+:[0-9]+: error: the XML is not well formed.*\[XML-SYNTAX\]' -- plan check -q "$D/truncated.xml"
expect "truncated: a note says what to do" 1 'note: the file may be truncated' -- plan check -q "$D/truncated.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<plan %s><header/><body><p>&x;</p></body></plan>\n' "$NS" > "$D/doctype.xml"
expect "doctype refused" 1 'doctype.xml:2:1: error: a DOCTYPE is not allowed.*\[XML-DOCTYPE\]' -- plan check -q "$D/doctype.xml"
out=$(plan check --format=json "$D/doctype.xml" 2>&1; plan compile -q "$D/doctype.xml" -o "$D/dt" 2>&1; cat "$D"/dt/* 2>/dev/null)
if printf '%s' "$out" | grep -q 'root:'; then fail=$((fail + 1)); echo "FAIL: /etc/passwd content leaked"; else pass=$((pass + 1)); fi
printf '<plan %s><header/><body><p>&bomb;</p></body></plan>\n' "$NS" > "$D/entity.xml"
expect "undeclared entity" 1 'entity.xml:1:[0-9]+: error: .*\[XML-SYNTAX\]' -- plan check -q "$D/entity.xml"
expect "missing path" 2 "plan: error: $D/nope.xml: no such file or directory" -- plan check "$D/nope.xml"
mkfifo "$D/fifo.xml" 2>/dev/null && \
expect "a FIFO is refused" 2 'not a regular file' -- plan check "$D/fifo.xml"
printf '<plan %s>\n<header/>\n<body><p>ab\x00c</p></body></plan>\n' "$NS" > "$D/nul.xml"
expect "NUL byte" 1 'nul.xml:3:[0-9]+: error: NUL byte.*\[XML-ENCODING\]' -- plan check -q "$D/nul.xml"
printf '<plan %s>\n<header/>\n<body><p>ab\xffc</p></body></plan>\n' "$NS" > "$D/badutf8.xml"
expect "invalid UTF-8" 1 'badutf8.xml:3:12: error: invalid UTF-8 byte 0xFF.*\[XML-ENCODING\]' -- plan check -q "$D/badutf8.xml"
expect "size limit" 1 'more than the limit.*\[XML-LIMIT\]' -- plan check -q --max-size=100 plans/004-32-KH-SNgV.xml
printf '<kehoach/>\n' > "$D/root.xml"
expect "wrong root" 1 'root.xml:1:1: error: the root element must be <plan>.*\[XML-NAMESPACE\]' -- plan check -q "$D/root.xml"
python3 -c "print('<plan $NS><header/><body>' + '<section>'*300 + '</section>'*300 + '</body></plan>')" > "$D/deep.xml" 2>/dev/null && \
expect "deep nesting" 1 '\[XML-LIMIT\]' -- plan check -q "$D/deep.xml"

# --- exit statuses and formats --------------------------------------------
expect "plans/ are clean" 0 '' -- plan check -q plans
expect "seeds have errors" 1 '' -- plan check -q tests/seeds
expect "no input" 2 'no input' -- plan check
expect "unknown option" 2 "unknown option '--bogus'" -- plan check --bogus plans
expect "unknown command" 2 "unknown command 'chek'" -- plan chek plans
expect "unknown rule in -W" 2 "unknown rule 'NOPE'" -- plan check -W NOPE=off plans
expect "the defect is an error" 1 'error: number 5 .*\[NUM-LEADING-ZERO\]' -- plan check -q "$D/lz.xml"
expect "-W off silences a rule" 0 '' -- plan check -q -W NUM-LEADING-ZERO=off "$D/lz.xml"
expect "-W demotes an error" 0 'warning: number 5' -- plan check -q -W NUM-LEADING-ZERO=warning "$D/lz.xml"
expect "--werror with a warning" 1 'warning: number 5' -- plan check -q --werror -W NUM-LEADING-ZERO=warning "$D/lz.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<?plan-ignore NUM-LEADING-ZERO Văn thư đã cấp số 5 theo sổ đăng ký?>\n' > "$D/sup.xml"
tail -n +2 "$D/lz.xml" >> "$D/sup.xml"
expect "a suppression with a reason silences the finding" 0 '' -- plan check -q "$D/sup.xml"
plan compile -q "$D/sup.xml" -o "$D/supout" >/dev/null 2>&1
grep -q '^<?plan-ignore NUM-LEADING-ZERO Văn thư' "$D/supout/sup.xml" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: the suppression is not kept in the normalized plan"; }
plan check --format=json "$D/lz.xml" > "$D/out.json" 2>/dev/null
if python3 -c "
import json,sys
a=json.load(open('$D/out.json'))
assert isinstance(a,list) and a, a
for d in a:
    assert set(['file','line','column','severity','rule','message']) <= set(d), d
assert any(d['rule']=='NUM-LEADING-ZERO' and d['line']==8 and d['column']==13 and d['severity']=='error' for d in a), a
" 2>"$D/json.err"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: JSON output"; cat "$D/json.err"; fi
plan check --format=json plans/004-32-KH-SNgV.xml > "$D/clean.json" 2>/dev/null
if python3 -c "
import json
a=json.load(open('$D/clean.json'))
assert isinstance(a,list) and all(d['severity']!='error' for d in a), a
"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: JSON of a clean plan has errors or is not JSON"; fi
expect "the documented example has no findings at all: JSON []" 0 '^\[\]$' -- plan check --format=json "$D/example.xml"

# --- compile ---------------------------------------------------------------
expect "compile needs -o" 2 'needs an output directory' -- plan compile plans
expect "compile writes STEM.xml" 0 '' -- plan compile -q plans/004-32-KH-SNgV.xml -o "$D/out"
[ -s "$D/out/004-32-KH-SNgV.xml" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: no output written"; }
ls -a "$D/out" | grep -q '^\.' && [ "$(ls -a "$D/out" | grep -c '^\..*XXXX\|\.xml\.')" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: a temporary file was left in the output directory"; }
cp plans/004-32-KH-SNgV.xml "$D/in.xml"
expect "never write over an input" 2 'refusing to write over an input' -- plan compile -q "$D/in.xml" -o "$D"
cmp -s "$D/in.xml" plans/004-32-KH-SNgV.xml && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: the input was modified"; }
# A link to an input where an output goes is replaced, never written
# through: the input keeps its bytes (and its one name).
mkdir -p "$D/links" "$D/lout"
cp plans/004-32-KH-SNgV.xml "$D/links/004-32-KH-SNgV.xml"
ln -s "$D/links/004-32-KH-SNgV.xml" "$D/lout/004-32-KH-SNgV.xml"
ln "$D/links/004-32-KH-SNgV.xml" "$D/lout/004-32-KH-SNgV.md"
expect "compile over links to an input" 0 '' -- plan compile -q "$D/links/004-32-KH-SNgV.xml" -o "$D/lout"
cmp -s "$D/links/004-32-KH-SNgV.xml" plans/004-32-KH-SNgV.xml && [ ! -L "$D/lout/004-32-KH-SNgV.xml" ] &&
    [ "$(stat -c %h "$D/links/004-32-KH-SNgV.xml")" -eq 1 ] && grep -q '^# ' "$D/lout/004-32-KH-SNgV.md" &&
    pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: a link to an input in the output directory was written through"; }
touch "$D/afile"
expect "output under a regular file" 2 'not a directory' -- plan compile -q plans/004-32-KH-SNgV.xml -o "$D/afile/sub"
expect "a plan with errors writes nothing" 1 '' -- plan compile -q "$D/lz.xml" -o "$D/none"
[ ! -e "$D/none/lz.xml" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: output written for a plan with errors"; }

# --- rules, explain, help, version ---------------------------------------
expect "rules lists ids" 0 '^NUM-LEADING-ZERO +error' -- plan rules
expect "explain" 0 'Source: NĐ 30/2020/NĐ-CP' -- plan explain NUM-LEADING-ZERO
expect "explain unknown" 2 "unknown rule 'NOPE'" -- plan explain NOPE
expect "--help" 0 'Usage: plan COMMAND' -- plan --help
expect "help check" 0 'Usage: plan check' -- plan help check
expect "--version" 0 '^plan [0-9]+\.[0-9]+\.[0-9]+$' -- plan --version
expect "Vietnamese help" 0 'Cách dùng' -- env LANGUAGE=vi LC_ALL=C.UTF-8 "$PLAN" --help
expect "Vietnamese from the build tree, no PLAN_LOCALEDIR" 1 'lỗi: số 5 nhỏ hơn 10' -- env -u PLAN_LOCALEDIR LANGUAGE=vi LC_ALL=C.UTF-8 "$PLAN" check -q "$D/lz.xml"
expect "English when no Vietnamese locale is asked for" 1 'error: number 5 is below 10' -- env -u PLAN_LOCALEDIR -u LANGUAGE LC_ALL=C.UTF-8 "$PLAN" check -q "$D/lz.xml"
expect "LANG=vi with a UTF-8 locale" 1 'lỗi: số 5' -- env -u PLAN_LOCALEDIR -u LC_ALL LANGUAGE=vi LANG=C.UTF-8 "$PLAN" check -q "$D/lz.xml"

echo "cli: $pass passed, $fail failed"
