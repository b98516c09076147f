#!/usr/bin/env bash
# tests/cli/bench.sh - the benchmark corpus (bench/gen-corpus.py): two runs
# write byte-identical files; the plans are distinct (own numbers, dates,
# provinces, signers) and clean when checked together (no error, no
# warning, no rule the sample plans in plans/ do not already raise, so no
# cross-plan finding either); the 1x and 10x plans are clean and grow as
# asked. Needs python3 and plan only. Run by tests/run.sh with PLAN, WRAP, TMP.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/bench
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
N=50

# --- deterministic: two runs, byte for byte ---------------------------------
if python3 bench/gen-corpus.py "$D/a" -n $N > "$D/gen.out" 2>&1 &&
   python3 bench/gen-corpus.py "$D/b" -n $N > /dev/null 2>&1; then ok; else
    bad "bench/gen-corpus.py failed"; cat "$D/gen.out"; fi
n=$(find "$D/a/plans" -name '*.xml' | wc -l)
[ "$n" -eq $N ] && ok || bad "gen-corpus -n $N wrote $n plans"
if diff -r "$D/a" "$D/b" > "$D/diff" 2>&1; then ok; else
    bad "two runs of gen-corpus.py differ"; head -5 "$D/diff"; fi
# A run over an earlier corpus rewrites it to the same bytes, without
# leftovers from a larger one.
python3 bench/gen-corpus.py "$D/b" -n 60 > /dev/null 2>&1
python3 bench/gen-corpus.py "$D/b" -n $N > /dev/null 2>&1
diff -r "$D/a" "$D/b" > /dev/null 2>&1 && ok || bad "regenerating over a 60-plan corpus differs"

# --- distinct plans ------------------------------------------------------------
field() { # the first <$1> of each plan, sorted, unique, counted
    for f in "$D"/a/plans/*.xml; do grep -m1 -o "<$1>[^<]*</$1>" "$f"; done | sort -u | wc -l
}
# A number is one issuer's in one year (NUM-UNIQUE, checked below): two
# provinces or years may share a number, the triple may not repeat.
ids=$(for f in "$D"/a/plans/*.xml; do
    echo "$(grep -m1 -o '<number>[^<]*' "$f") $(grep -m1 -o '<place>[^<]*' "$f") $(grep -m1 -o 'năm [0-9]*</date>' "$f")"
done | sort -u | wc -l)
[ "$ids" -eq $N ] && ok || bad "plans repeat a number of one province and year ($ids distinct of $N)"
[ "$(field number)" -gt $((N / 2)) ] && ok || bad "plan numbers barely vary ($(field number) distinct)"
[ "$(field date)" -gt 10 ] && ok || bad "issue dates barely vary ($(field date) distinct)"
[ "$(field place)" -gt 3 ] && ok || bad "provinces barely vary ($(field place) distinct)"
sig=$(for f in "$D"/a/plans/*.xml; do sed -n '/<signature>/,/<\/signature>/p' "$f" | grep -o '<name>[^<]*'; done | sort -u | wc -l)
[ "$sig" -gt 10 ] && ok || bad "signers barely vary ($sig distinct)"
for s in 000-3621-KH-SVHTTDL 001-KH-SVHTTDL 002-309-KH-UBND 003-01-KH-VP 004-32-KH-SNgV; do
    c=$(grep -l "varied from plans/$s.xml" "$D"/a/plans/*.xml | wc -l)
    [ "$c" -eq $((N / 5)) ] && ok || bad "$c plans varied from $s, expected $((N / 5))"
done

# --- clean when checked together --------------------------------------------
plan check -q "$D/a/plans" > "$D/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || { bad "plan check of the corpus: exit $rc, expected 0"; grep -m5 ': error: ' "$D/out"; }
if grep -qE ': (error|warning): ' "$D/out"; then
    bad "the corpus has errors or warnings"; grep -m5 -E ': (error|warning): ' "$D/out"
else ok; fi
plan check -q plans > "$D/samples" 2>&1
grep -oE '\[[A-Z0-9-]+\]$' "$D/samples" | sort -u > "$D/rules.samples"
grep -oE '\[[A-Z0-9-]+\]$' "$D/out" | sort -u > "$D/rules.corpus"
extra=$(comm -13 "$D/rules.samples" "$D/rules.corpus")
[ -z "$extra" ] && ok || bad "the corpus raises rules plans/ does not: $extra"
# One plan alone gives what it gives in the corpus: nothing across plans.
for f in "$D"/a/plans/0000[0-4]-*.xml; do
    plan check -q "$f" > /dev/null 2>&1 && ok || bad "plan check $f alone: not clean"
done

# --- the large plans -----------------------------------------------------------
for x in 001 010; do
    f=$D/a/large/size-${x}x.xml
    if [ ! -f "$f" ]; then bad "no $f"; continue; fi
    out=$(plan check -q "$f" 2>&1)
    rc=$?
    [ "$rc" -eq 0 ] && [ -z "$out" ] && ok ||
        { bad "size-${x}x.xml is not clean (exit $rc)"; printf '%s\n' "$out" | head -5; }
done
s1=$(wc -c < "$D/a/large/size-001x.xml")
s10=$(wc -c < "$D/a/large/size-010x.xml")
s100=$(wc -c < "$D/a/large/size-100x.xml")
[ $((s10 * 10)) -ge $((s1 * 95)) ] && [ $((s10 * 10)) -le $((s1 * 105)) ] && ok ||
    bad "size-010x.xml is $s10 bytes, not 10x $s1"
[ $((s100 * 10)) -ge $((s1 * 950)) ] && [ $((s100 * 10)) -le $((s1 * 1050)) ] && ok ||
    bad "size-100x.xml is $s100 bytes, not 100x $s1"

# --- it never deletes what it did not write -------------------------------------
mkdir -p "$D/foreign/plans"
echo keep > "$D/foreign/plans/mine.xml"
if python3 bench/gen-corpus.py "$D/foreign" -n 5 > /dev/null 2>&1; then
    bad "gen-corpus.py wrote into a directory it did not create"
else ok; fi
[ -f "$D/foreign/plans/mine.xml" ] && ok || bad "gen-corpus.py deleted a file it did not write"

echo "cli: $pass passed, $fail failed"
