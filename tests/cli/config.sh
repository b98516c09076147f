#!/usr/bin/env bash
# tests/cli/config.sh - the project configuration (.planrc) and the baseline
# (docs/config.md): where .planrc is found and where the search stops, -W
# against the file, exclude patterns on a directory walk, every kind of
# mistake in the file (exit 2 with FILE:LINE:COL), the full example of the
# docs; a baseline written then checked, a new defect, a shifted copy, other
# languages, deterministic bytes, a fixed finding, damaged baselines.
# Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
TOP=$PWD
# The tests change directory: the binary is named from anywhere.
PLAN="$(cd "$(dirname "$PLAN")" && pwd)/$(basename "$PLAN")"
D=$TMP/config
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# at DIR command...: runs plan in DIR.
at() { (cd "$1" || exit 99; shift; plan "$@"); }
# expect NAME STATUS PATTERN -- command...: exit status and a regex on stderr+stdout
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$status" ]; then
        bad "$name: exit $rc, expected $status"; printf '%s\n' "$out" | head -5
    elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -qE -- "$pattern"; then
        bad "$name: output does not match /$pattern/"; printf '%s\n' "$out" | head -5
    else
        ok
    fi
}
# The documented example (a clean plan) and a copy with one defect.
awk '/^```xml$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/format.md > "$D/example.xml"
sed 's|<number>05/KH-SNV</number>|<number>5/KH-SNV</number>|' "$D/example.xml" > "$D/lz.xml"
cmp -s "$D/example.xml" "$D/lz.xml" && bad "the defect was not introduced into lz.xml"
# mk NUMBER DEST: the example under another number (plans checked together
# must not share one: NUM-UNIQUE); a number below 10 is the defect.
mk() { sed "s|<number>05/KH-SNV</number>|<number>$1/KH-SNV</number>|" "$D/example.xml" > "$2"; }

# --- where .planrc is found ------------------------------------------------
# A repository (R, with .git) inside a directory that has a broken .planrc:
# the search must stop at R and never read the broken one.
R=$D/top/repo
mkdir -p "$R/.git" "$R/sub/deep" "$D/top/loose/sub"
printf 'this is not a configuration\n' > "$D/top/.planrc"
cp "$D/lz.xml" "$R/sub/deep/lz.xml"
cp "$D/lz.xml" "$D/top/loose/sub/lz.xml"
expect "no .planrc in the repository: defaults" 1 'error: number 5 .*\[NUM-LEADING-ZERO\]' -- at "$R/sub/deep" check -q lz.xml
expect "the search stops at .git" 1 '' -- at "$R" check -q sub/deep/lz.xml
expect "without .git it goes up to the parent's .planrc" 2 "^plan: error: \.\./\.\./\.planrc:1:1: expected 'key = value'" -- at "$D/top/loose/sub" check -q lz.xml
expect "--no-config ignores it" 1 '\[NUM-LEADING-ZERO\]' -- at "$D/top/loose/sub" check -q --no-config lz.xml
printf '[rules]\nNUM-LEADING-ZERO = off\n' > "$R/.planrc"
expect ".planrc found two directories up" 0 '' -- at "$R/sub/deep" check -q lz.xml
out=$(at "$R/sub/deep" check -q lz.xml 2>&1)
[ -z "$out" ] && ok || bad "a rule set to off still prints: $out"
expect "--no-config: the default severity again" 1 '\[NUM-LEADING-ZERO\]' -- at "$R/sub/deep" check -q --no-config lz.xml
expect "-W beats the file (off -> error)" 1 'error: number 5 .*\[NUM-LEADING-ZERO\]' -- at "$R/sub/deep" check -q -W NUM-LEADING-ZERO=error lz.xml
expect "-W beats the file, -W after the path" 1 'error: number 5' -- at "$R/sub/deep" check -q lz.xml -WNUM-LEADING-ZERO=error
printf '[rules]\nNUM-LEADING-ZERO = warning\n' > "$R/.planrc"
expect "the file demotes an error" 0 'warning: number 5 .*\[NUM-LEADING-ZERO\]' -- at "$R" check -q sub/deep/lz.xml
expect "--werror still counts the demoted warning" 1 'warning: number 5' -- at "$R" check -q --werror sub/deep/lz.xml
expect "-W beats the file (warning -> off)" 0 '' -- at "$R" check -q -W NUM-LEADING-ZERO=off --werror sub/deep/lz.xml
expect "checklist reads the file too" 0 '' -- at "$R" checklist sub/deep/lz.xml --format=csv
printf '[rules]\nNUM-LEADING-ZERO = off\n' > "$D/alt.planrc"
expect "--config FILE from elsewhere" 0 '' -- plan check -q --config "$D/alt.planrc" "$D/lz.xml"
expect "--config=FILE" 0 '' -- plan check -q --config="$D/alt.planrc" "$D/lz.xml"
expect "compile takes --config" 0 '' -- plan compile -q --config "$D/alt.planrc" "$D/lz.xml" -o "$D/compiled"
[ -s "$D/compiled/lz.xml" ] && ok || bad "compile with --config wrote nothing"
expect "--config of a missing file" 2 "plan: error: $D/nope.planrc: no such file or directory" -- plan check -q --config "$D/nope.planrc" "$D/lz.xml"
expect "--config and --no-config" 2 'exclude each other' -- plan check -q --config "$D/alt.planrc" --no-config "$D/lz.xml"
expect "--config of a directory" 2 'is a directory' -- plan check -q --config "$D" "$D/lz.xml"

# --- mistakes in the file: exit 2 with FILE:LINE:COL -----------------------
# cfgerr NAME 'CONTENT' 'EXPECTED LINE (exact)'
E=$D/errs
mkdir -p "$E/.git"
cp "$D/example.xml" "$E/a.xml"
cfgerr() {
    printf "$2" > "$E/.planrc"
    local out rc
    out=$(at "$E" check -q a.xml 2>&1)
    rc=$?
    if [ "$rc" -ne 2 ]; then
        bad "$1: exit $rc, expected 2"; printf '%s\n' "$out" | head -3
    elif [ "$out" != "$3" ]; then
        bad "$1: got '$out', expected '$3'"
    else
        ok
    fi
}
cfgerr "unknown key" '# c\n[paths]\nfoo = 1\n' "plan: error: .planrc:3:1: unknown key 'foo' in [paths]; known keys: exclude"
cfgerr "unknown key in [repository]" '[repository]\n  dir = x\n' "plan: error: .planrc:2:3: unknown key 'dir' in [repository]; known keys: root"
cfgerr "unknown rule" '[rules]\n# a\n# b\n# c\nNUM-LEADNG-ZERO = off\n' "plan: error: .planrc:5:1: unknown rule 'NUM-LEADNG-ZERO' in [rules]; 'plan rules' lists them"
cfgerr "unknown section" '[rule]\n' "plan: error: .planrc:1:2: unknown section [rule]; known sections: [rules], [paths], [repository]"
cfgerr "bad value" '[rules]\n\n\n\n\nNUM-SPACING = high\n' "plan: error: .planrc:6:15: bad value 'high' for NUM-SPACING: use off, info, warning or error"
cfgerr "empty value" '[rules]\nNUM-SPACING =\n' "plan: error: .planrc:2:14: bad value '' for NUM-SPACING: use off, info, warning or error"
cfgerr "a rule set twice" '[rules]\nNUM-SPACING = off\n[rules]\nNUM-SPACING = info\n' "plan: error: .planrc:4:1: rule 'NUM-SPACING' is already set on line 2"
cfgerr "a key outside any section" 'NUM-SPACING = off\n' "plan: error: .planrc:1:1: 'NUM-SPACING' is outside any section; put it under [rules], [paths] or [repository]"
cfgerr "a line that is no key" '[rules]\nNUM-SPACING off\n' "plan: error: .planrc:2:1: expected 'key = value', '[section]' or a comment"
cfgerr "text after a section" '[rules] x\n' "plan: error: .planrc:1:9: unexpected text after the section name"
cfgerr "an unclosed section" '[rules\n' "plan: error: .planrc:1:1: a section name needs a closing ']'"
cfgerr "a missing root" '[repository]\nroot = nowhere\n' "plan: error: .planrc:2:8: the repository root 'nowhere' is not a directory (it is relative to the directory of .planrc)"
cfgerr "** in a pattern" '[paths]\nexclude = a, **/drafts\n' "plan: error: .planrc:2:14: '**' is not supported in '**/drafts': a pattern without '/' matches a name at any depth"
cfgerr "exclude twice" '[paths]\nexclude = a\nexclude = b\n' "plan: error: .planrc:3:1: 'exclude' is already set on line 2; list every pattern there"
cfgerr "not UTF-8" '[rules]\n# caf\xe9\n' "plan: error: .planrc:2:6: not UTF-8 text (or a NUL byte): save the file as UTF-8"
cfgerr "column in characters" '[rules]\n# ở\nNUM-SPACING = độ\n' "plan: error: .planrc:3:15: bad value 'độ' for NUM-SPACING: use off, info, warning or error"
# The error lines quoted in docs/config.md are the ones plan prints (the
# first four cases above, in the same order).
grep -E "^plan: error: \.planrc:" docs/config.md > "$D/doc-errs"
printf '%s\n' "plan: error: .planrc:3:1: unknown key 'foo' in [paths]; known keys: exclude" \
    "plan: error: .planrc:5:1: unknown rule 'NUM-LEADNG-ZERO' in [rules]; 'plan rules' lists them" \
    "plan: error: .planrc:6:15: bad value 'high' for NUM-SPACING: use off, info, warning or error" \
    "plan: error: .planrc:1:2: unknown section [rule]; known sections: [rules], [paths], [repository]" \
    | cmp -s - "$D/doc-errs" && ok || bad "docs/config.md quotes error lines plan does not print"
# A file that parses: BOM, CRLF, comments, indentation, inline comments.
printf '\xef\xbb\xbf; comment\r\n[rules]   # trailing comment\r\n\r\n   NUM-LEADING-ZERO   =   off   ; why\r\n[paths]\r\nexclude =\r\n  x\r\n' > "$E/.planrc"
cp "$D/lz.xml" "$E/lz.xml"
expect "BOM, CRLF, comments and indentation are accepted" 0 '' -- at "$E" check -q lz.xml

# --- exclude on a directory walk -------------------------------------------
X=$D/x
mkdir -p "$X/.git" "$X/plans/drafts/deeper" "$X/plans/archive/2023" "$X/plans/archive/2024" "$X/plans/ok"
mk 11 "$X/plans/a.xml"
mk 12 "$X/plans/ok/b.xml"
mk 3 "$X/plans/drafts/deeper/c.xml"
mk 4 "$X/plans/d.draft.xml"
mk 6 "$X/plans/archive/2023/e.xml"
mk 13 "$X/plans/archive/2024/f.xml"
cat > "$X/.planrc" <<'EOF'
[paths]
exclude = drafts,
    *.draft.xml  # any depth
    ./plans/archive/2023/
EOF
expect "without exclusions the walk finds 6 plans" 1 '^6 file\(s\)' -- at "$X" check --no-config plans
expect "exclude leaves 3 of them" 0 '^3 file\(s\): 0 error' -- at "$X" check plans
expect "exclude is relative to the root, from a subdirectory too" 0 '^3 file\(s\): 0 error' -- at "$X/plans" check .
expect "exclude with an absolute path to the directory" 0 '^3 file\(s\): 0 error' -- at "$D" check "$X/plans" --config "$X/.planrc"
out=$(at "$X" check plans 2>&1)
printf '%s\n' "$out" | grep -qE 'drafts|d\.draft|2023' && bad "an excluded file was checked: $out" || ok
expect "a file named on the command line is checked even when excluded" 1 'c.xml:[0-9]+:[0-9]+: error: .*NUM-LEADING-ZERO' -- at "$X" check -q plans/drafts/deeper/c.xml
# [repository] root moves the base of the patterns.
mkdir -p "$X/conf"
printf '[repository]\nroot = ../plans\n[paths]\nexclude = archive/2023, drafts, *.draft.xml\n' > "$X/conf/planrc"
expect "[repository] root: patterns relative to it" 0 '^3 file\(s\): 0 error' -- at "$X" check --config conf/planrc plans
printf '[paths]\nexclude = archive/2023, drafts, *.draft.xml\n' > "$X/conf/planrc2"
expect "without root, patterns are relative to the file's directory" 1 '^4 file\(s\): 1 error' -- at "$X" check --config conf/planrc2 plans

# --- the full example of docs/config.md ------------------------------------
awk '/^```ini$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/config.md > "$D/doc.planrc"
[ -s "$D/doc.planrc" ] && ok || bad "no \`\`\`ini example in docs/config.md"
DX=$D/docx
mkdir -p "$DX/.git" "$DX/plans/drafts" "$DX/archive/2023"
cp "$D/doc.planrc" "$DX/.planrc"
cp tests/seeds/003-1-KH-VP.xml "$DX/plans/"
mk 3 "$DX/plans/drafts/lz.xml"
mk 4 "$DX/archive/2023/lz.xml"
expect "the documented .planrc parses" 1 '' -- at "$DX" check -q plans archive
out=$(at "$DX" check -q plans archive 2>&1)
printf '%s\n' "$out" | grep -q 'NUM-SPACING\]$' && bad "documented .planrc: NUM-SPACING is not off" || ok
printf '%s\n' "$out" | grep -q 'info: .*\[NOINHAN-SUPERIOR\]$' && ok || bad "documented .planrc: NOINHAN-SUPERIOR is not info"
printf '%s\n' "$out" | grep -q 'lz.xml' && bad "documented .planrc: drafts and archive/2023 not excluded" || ok
out=$(at "$DX" check -q --no-config plans 2>&1)
printf '%s\n' "$out" | grep -q 'NUM-SPACING\]$' && ok || bad "seed 003 has no NUM-SPACING finding to silence: the test proves nothing"

# --- baseline --------------------------------------------------------------
B=$D/b
mkdir -p "$B/.git" "$B/plans/dup"
cp tests/seeds/*.xml "$B/plans/"
cp "$D/example.xml" "$B/plans/example.xml"
# Two plans with one number: a finding across plans (NUM-UNIQUE) to baseline too.
cp tests/seeds/004-32-KH-SNgV.xml "$B/plans/dup/copy.xml"
expect "the findings before a baseline" 1 ': error: ' -- at "$B" check -q plans
expect "--write-baseline: the exit status as usual" 1 ': error: ' -- at "$B" check -q --write-baseline=.plan-baseline plans
BL=$B/.plan-baseline
head -1 "$BL" | grep -qx '# plan baseline 1' && ok || bad "the baseline has no header line"
n=$(grep -vc '^#' "$BL")
want=$(at "$B" check -q plans 2>&1 | grep -cE ': (error|warning|info): ')
[ "$n" -gt 0 ] && [ "$n" -eq "$want" ] && ok || bad "the baseline has $n entries for $want findings"
grep -qP '^plans/dup/copy\.xml\tNUM-UNIQUE\t[0-9a-f]{16}\t1$' "$BL" && ok || bad "the finding across plans is not in the baseline"
grep -qP '\t2$' "$BL" && ok || bad "no second occurrence of a key: the counter is not exercised"
grep -vP '^#|^plans/[^\t]+\t[A-Z0-9-]+\t[0-9a-f]{16}\t[1-9][0-9]*$' "$BL" | grep -q . && bad "a baseline line of the wrong form" || ok
expect "with the baseline: exit 0" 0 "baseline \.plan-baseline: $n finding\(s\) not shown, 0 no longer occur" -- at "$B" check --baseline .plan-baseline plans
out=$(at "$B" check --baseline .plan-baseline plans 2>&1)
printf '%s\n' "$out" | grep -qE ': (error|warning|info|note): ' && bad "a baselined finding is printed: $(printf '%s' "$out" | head -2)" || ok
expect "with the baseline, JSON is []" 0 '^\[\]$' -- at "$B" check --format=json --baseline .plan-baseline plans
expect "the baseline works from a subdirectory" 0 '0 error' -- at "$B/plans" check --baseline=../.plan-baseline .
# Determinism: same bytes twice, from another directory, in another order,
# in another language.
at "$B" check -q --write-baseline="$D/bl2" plans > /dev/null 2>&1
cmp -s "$BL" "$D/bl2" && ok || bad "two baselines of the same plans differ"
at "$B/plans" check -q --write-baseline="$D/bl3" dup 004-32-KH-SNgV.xml 003-1-KH-VP.xml 002-309-KH-UBND.xml 001-KH-SVHTTDL.xml 000-3621-KH-SVHTTDL.xml example.xml > /dev/null 2>&1
cmp -s "$BL" "$D/bl3" && ok || bad "the baseline depends on the directory or the order of the arguments"
(cd "$B" && LANGUAGE=vi plan check -q --write-baseline="$D/bl-vi" plans > "$D/vi.out" 2>&1)
grep -q 'lỗi: ' "$D/vi.out" && ok || bad "the Vietnamese run did not print Vietnamese"
cmp -s "$BL" "$D/bl-vi" && ok || bad "a baseline written in Vietnamese differs from the English one"
ls -a "$B" "$D" | grep -q 'plan-baseline\.\|bl2\.' && bad "a temporary file was left next to the baseline" || ok
# A copy with a new defect: only that finding is reported.
C=$D/c
mkdir -p "$C"
cp -r "$B/.git" "$B/plans" "$BL" "$C/"
sed -i 's|<number>05/KH-SNV</number>|<number>5/KH-SNV</number>|' "$C/plans/example.xml"
expect "a new defect is reported" 1 '^plans/example\.xml:[0-9]+:[0-9]+: error: number 5 .*\[NUM-LEADING-ZERO\]$' -- at "$C" check --baseline .plan-baseline plans
out=$(at "$C" check -q --baseline .plan-baseline plans 2>&1 | grep -E ': (error|warning|info): ')
[ "$(printf '%s\n' "$out" | grep -c .)" -eq 1 ] && ok || bad "more than the new finding is reported: $out"
# A shifted copy: blank lines inserted at the top of the body of every plan,
# lines re-indented: every finding stays baselined.
S=$D/s
mkdir -p "$S"
cp -r "$B/.git" "$B/plans" "$BL" "$S/"
for f in $(find "$S/plans" -name '*.xml'); do
    awk 'NR == 3 { print ""; print ""; print "" } { sub(/^  /, "\t") } 1' "$f" > "$f.t" && mv "$f.t" "$f"
done
cmp -s "$S/plans/003-1-KH-VP.xml" "$B/plans/003-1-KH-VP.xml" && bad "the shifted copy is not shifted"
at "$S" check -q plans 2>&1 | grep -q '^plans/003-1-KH-VP.xml:11:12: error: .*NUM-LEADING-ZERO' && ok || bad "the shifted copy does not move the finding to 11:12"
expect "a shifted copy stays baselined" 0 "$n finding\(s\) not shown, 0 no longer occur" -- at "$S" check --baseline .plan-baseline plans
# Fixed since: the entry no longer occurs.
F=$D/f
mkdir -p "$F"
cp -r "$B/.git" "$B/plans" "$BL" "$F/"
sed -i 's|<number>1 /KH-VP</number>|<number>01/KH-VP</number>|' "$F/plans/003-1-KH-VP.xml"
expect "a fixed finding: 2 entries no longer occur (NUM-LEADING-ZERO, NUM-SPACING)" 0 "$((n - 2)) finding\(s\) not shown, 2 no longer occur" -- at "$F" check --baseline .plan-baseline plans
expect "entries of files not checked do not count as gone" 0 'no longer occur' -- at "$F" check --baseline .plan-baseline plans/example.xml
at "$F" check --baseline .plan-baseline plans/example.xml 2>&1 | grep -q ' 0 finding(s) not shown, 0 no longer occur' && ok || bad "files not checked counted as gone"
# The occurrence counter: un-accept the second of two identical findings.
grep -vP '\t2$' "$BL" > "$D/bl-no2"
k=$(grep -cP '\t2$' "$BL")
out=$(at "$B" check -q --baseline "$D/bl-no2" plans 2>&1 | grep -cE ': (error|warning|info): ')
[ "$out" -eq "$k" ] && ok || bad "deleting $k second occurrence(s) reports $out finding(s)"
# --write-baseline with --baseline: the new file records everything.
at "$C" check -q --baseline .plan-baseline --write-baseline=new-baseline plans > /dev/null 2>&1
[ "$(grep -vc '^#' "$C/new-baseline")" -eq $((n + 1)) ] && ok || bad "--write-baseline with --baseline does not record every finding"
expect "and then the new baseline accepts the new defect" 0 '' -- at "$C" check -q --baseline new-baseline plans
# The documented baseline lines are what plan writes at the top of this repository.
plan check -q --write-baseline="$D/seed003" tests/seeds/003-1-KH-VP.xml > /dev/null 2>&1
grep -P '^tests/seeds/003-1-KH-VP\.xml\t' docs/config.md > "$D/doc-bl"
[ -s "$D/doc-bl" ] && grep -qvxFf "$D/seed003" "$D/doc-bl" && bad "docs/config.md shows baseline lines plan does not write" || { [ -s "$D/doc-bl" ] && ok || bad "no baseline lines in docs/config.md"; }
# Damaged or missing baselines, and where the options belong.
printf 'plans/a.xml\tNUM-SPACING\t0123456789abcdef\t1\n' > "$D/nohdr"
expect "a baseline without its header" 2 "plan: error: $D/nohdr:1: not a plan baseline" -- at "$B" check -q --baseline "$D/nohdr" plans
expect "the same message in Vietnamese names the header" 2 "không phải tệp mốc của plan: dòng đầu tiên phải là '# plan baseline 1'" -- env LANGUAGE=vi LC_ALL=C.UTF-8 bash -c "cd '$B' && $WRAP '$PLAN' check -q --baseline '$D/nohdr' plans"
printf '# plan baseline 1\n\nplans/a.xml\tNUM-SPACING\t0123456789abcdef\t1\nplans/a.xml\tNUM-SPACING\txyz\t1\n' > "$D/badline"
expect "a baseline line of the wrong form" 2 "plan: error: $D/badline:4: expected FILE, RULE, FINGERPRINT" -- at "$B" check -q --baseline "$D/badline" plans
printf '# plan baseline 1\nplans/a.xml\tNUM-SPACING\t0123456789abcdef\t0\n' > "$D/zero"
expect "occurrence 0" 2 "$D/zero:2: expected" -- at "$B" check -q --baseline "$D/zero" plans
printf '# plan baseline 1\nplans/a.xml\tNUM-SPACING\t0123456789abcdef\t1\textra\n' > "$D/extra"
expect "a fifth field" 2 "$D/extra:2: expected" -- at "$B" check -q --baseline "$D/extra" plans
: > "$D/emptybl"
expect "an empty baseline" 2 'the file is empty' -- at "$B" check -q --baseline "$D/emptybl" plans
expect "a missing baseline" 2 "plan: error: $D/none: no such file or directory" -- at "$B" check -q --baseline "$D/none" plans
expect "a baseline that cannot be written" 2 "plan: error: $D/nodir/bl: no such file or directory" -- at "$B" check -q --write-baseline "$D/nodir/bl" plans
expect "compile does not take --baseline" 2 "options of 'plan check'" -- plan compile -q --baseline "$BL" "$D/example.xml" -o "$D/co"
expect "checklist does not take --baseline" 2 "unknown option '--baseline" -- plan checklist --baseline="$BL" "$D/example.xml"
expect "help check lists the options" 0 '--write-baseline=FILE' -- plan help check
expect "help check lists --config" 0 '--no-config' -- plan help check

echo "cli: $pass passed, $fail failed"
