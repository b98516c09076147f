#!/usr/bin/env bash
# tests/run.sh - the whole test suite: unit tests (cmocka), rule cases,
# the seeds' golden diagnostics, the sample plans, schema validation,
# determinism and idempotence, CLI behaviour and the docs' examples.
# Usage: tests/run.sh UNIT-TEST-BINARIES...   (make test calls it)
# Environment: BUILD (default build), PLAN_WRAP (e.g. valgrind ...).
# Ends with the line "N passed, N failed"; exits 1 when anything failed.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PLAN="$BUILD/plan"
WRAP=${PLAN_WRAP:-}
export LANGUAGE=en LC_ALL=C.UTF-8 NO_COLOR=1 PLAN_LOCALEDIR="$PWD/$BUILD/locale"
unset LANG LC_MESSAGES
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
plan() { $WRAP "$PLAN" "$@"; }
export -f plan 2>/dev/null || true

# --- 1. unit tests ---------------------------------------------------------
for t in "$@"; do
    out=$($WRAP "$t" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    pass=$((pass + ${p:-0}))
    if [ "$rc" -ne 0 ] || [ -n "$f" ]; then
        fail=$((fail + ${f:-1}))
        printf '%s\n' "$out" | grep -E 'FAIL|ERROR|error' | head -20
        echo "FAIL: unit tests $t (exit $rc)"
    fi
done

# --- 2. rule cases: tests/cases/<RULE-ID>/ -----------------------------------
# bad*.xml must give exactly the lines of bad*.expected that carry [RULE-ID];
# good*.xml must give none. Every rule of the catalogue needs both.
plan rules | awk '{print $1}' > "$TMP/rules"
# A case is a file (bad-x.xml) or, for the rules across plans, a directory of
# plans checked together (bad-x/, expected in bad-x.expected).
while read -r id; do
    dir=tests/cases/$id
    if [ ! -d "$dir" ] || ! ls -d "$dir"/bad* >/dev/null 2>&1 || ! ls -d "$dir"/good* >/dev/null 2>&1; then
        bad "rule $id has no tests/cases/$id/ with bad* and good* cases"
        continue
    fi
    for f in "$dir"/bad*; do
        case "$f" in *.expected) continue ;; esac
        exp="${f%.xml}.expected"
        plan check -q "$f" 2>&1 | grep -F "[$id]" > "$TMP/got"
        if [ ! -f "$exp" ]; then
            bad "$f: no $exp"
        elif ! [ -s "$TMP/got" ]; then
            bad "$f: rule $id did not fire"
        elif diff -u "$exp" "$TMP/got" > "$TMP/diff"; then
            ok
        else
            bad "$f: diagnostics differ from $exp"; head -20 "$TMP/diff"
        fi
    done
    for f in "$dir"/good*; do
        if plan check -q "$f" 2>&1 | grep -qF "[$id]"; then
            bad "$f: rule $id fired on a correct plan"
            plan check -q "$f" 2>&1 | grep -F "[$id]" | head -5
        else
            ok
        fi
    done
done < "$TMP/rules"
for dir in tests/cases/*/; do
    id=$(basename "$dir")
    grep -qx "$id" "$TMP/rules" || bad "tests/cases/$id names no rule of the catalogue"
done

# --- 3. the seeds as issued: golden diagnostics, exit status 1 when errors --
plan check -q tests/seeds > /dev/null 2>&1
[ $? -eq 1 ] && ok || bad "plan check tests/seeds/ does not exit 1"
for f in tests/seeds/*.xml; do
    exp="${f%.xml}.expected"
    plan check -q "$f" > "$TMP/out" 2>&1
    rc=$?
    want=0
    grep -q ': error: ' "$TMP/out" && want=1
    [ "$rc" -eq "$want" ] && ok || bad "$f: exit status $rc, expected $want"
    if [ -f "$exp" ] && diff -u "$exp" "$TMP/out" > "$TMP/diff"; then ok; else
        bad "$f: diagnostics differ from $exp"; head -20 "$TMP/diff" 2>/dev/null; fi
    if grep -vE '^[^:]+:[0-9]+:[0-9]+: (error|warning|info|note): .*' "$TMP/out" | grep -q .; then
        bad "$f: a diagnostic line without file:line:col"
    elif grep -E ': (error|warning|info): ' "$TMP/out" | grep -vqE ' \[[A-Z0-9-]+\]$'; then
        bad "$f: a diagnostic line without a rule id"
    else ok; fi
done

# --- 4. the sample plans: no errors, schema-valid, deterministic, idempotent
plan check -q plans > "$TMP/out" 2>&1 && ok || { bad "plan check plans/ is not clean"; head "$TMP/out"; }
plan compile -q plans -o "$TMP/o1" > /dev/null 2>&1 && ok || bad "plan compile plans/ failed"
plan compile -q plans -o "$TMP/o2" > /dev/null 2>&1
diff -r "$TMP/o1" "$TMP/o2" > /dev/null && ok || bad "two compiles of plans/ differ"
mkdir -p "$TMP/n"
cp "$TMP"/o1/*.xml "$TMP/n/" 2>/dev/null
plan compile -q "$TMP/n" -o "$TMP/o3" > /dev/null 2>&1
for f in "$TMP"/o1/*.xml; do
    cmp -s "$f" "$TMP/o3/$(basename "$f")" && ok || bad "compiling $(basename "$f") again changed it"
done
if command -v xmllint > /dev/null; then
    for f in plans/*.xml tests/seeds/*.xml "$TMP"/o1/*.xml; do
        xmllint --noout --relaxng schema/plan.rng "$f" > /dev/null 2>&1 && ok || bad "$f is not valid against schema/plan.rng"
    done
else
    bad "xmllint is not installed: schema validation not run"
fi
for f in tests/golden/*; do
    [ -e "$f" ] || continue
    base=$(basename "$f")
    cmp -s "$f" "$TMP/o1/$base" && ok || bad "golden $base differs from the compiled output"
done

# --- 5. every full plan shown in the documentation compiles cleanly -------
n=0
mkdir -p "$TMP/doc"
for doc in README.md docs/*.md; do
    # docs/rules.md shows incorrect plans on purpose.
    [ -f "$doc" ] && [ "$doc" != docs/rules.md ] || continue
    awk -v dir="$TMP/doc" -v base="$(basename "$doc" .md)" '
        /^```xml$/ { inside = 1; n++; file = sprintf("%s/%s-%02d.xml", dir, base, n); first = 1; next }
        /^```$/    { inside = 0; next }
        inside     { if (first && $0 !~ /^<\?xml/) inside = 0; else print > file; first = 0 }
    ' "$doc"
done
for f in "$TMP"/doc/*.xml; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    plan check -q "$f" > "$TMP/out" 2>&1 && ok || { bad "documentation example $(basename "$f") has errors"; head -5 "$TMP/out"; }
    xmllint --noout --relaxng schema/plan.rng "$f" > /dev/null 2>&1 && ok || bad "documentation example $(basename "$f") is not schema-valid"
done
[ "$n" -gt 0 ] && ok || bad "no full plan example found in the documentation"
# Diagnostics quoted in the README are what plan prints.
grep -E '^tests/seeds/[^:]+\.xml:[0-9]+:[0-9]+: ' README.md | while IFS= read -r line; do
    f=${line%%:*}
    if plan check "$f" 2>&1 | grep -qxF -- "$line"; then echo ok; else echo "bad: $line"; fi
done > "$TMP/readme"
while IFS= read -r r; do
    case "$r" in ok) ok ;; *) bad "README quotes a diagnostic plan does not print: ${r#bad: }" ;; esac
done < "$TMP/readme"

# --- 6. inputs the fuzzer found: a clean exit (0, 1 or 2), never a crash ---
for f in tests/fuzz/crashes/*; do
    [ -f "$f" ] || continue
    plan check -q "$f" > /dev/null 2>&1
    rc=$?
    [ "$rc" -le 2 ] && ok || bad "$f: plan check crashed (exit $rc)"
    plan compile -q "$f" -o "$TMP/fuzz" > /dev/null 2>&1
    rc=$?
    [ "$rc" -le 2 ] && ok || bad "$f: plan compile crashed (exit $rc)"
done

# --- 7. CLI and hostile-input tests --------------------------------------
for t in tests/cli/*.sh; do
    [ -e "$t" ] || continue
    out=$(PLAN="$PLAN" WRAP="$WRAP" TMP="$TMP" bash "$t" 2>&1)
    p=$(printf '%s\n' "$out" | sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(printf '%s\n' "$out" | sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    pass=$((pass + ${p:-0}))
    fail=$((fail + ${f:-1}))
    printf '%s\n' "$out" | grep '^FAIL' || true
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
