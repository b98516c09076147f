#!/usr/bin/env bash
# tests/cli/batch.sh - batch compile: -j N gives the same bytes as -j 1
# (outputs, stamps, messages); a second run over unchanged inputs rewrites
# nothing; touching a parent recompiles exactly it and the plans that cite
# it; a change of configuration, options or a missing output recompiles
# what it must; a failing plan never stops the batch and the summary names
# it; --depfile is a make fragment that make itself reads; the progress
# line appears on a terminal only.
# Run by tests/run.sh with PLAN, WRAP, TMP; prints "cli: N passed, N failed".
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/batch
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
P=$(cd "$(dirname "$PLAN")" && pwd)/$(basename "$PLAN")
# The stamps hold a fingerprint of the program: under valgrind or a
# sanitizer the program is the same, so nothing here depends on WRAP.

# A small repository: the five samples, a UBND plan and a Sở plan that
# implements it (tests/repo/), and 40 more plans varied from the samples
# (their own stems; a number changed so that they stay distinct).
R=$D/repo
mkdir -p "$R"
cp plans/*.xml tests/repo/ubnd-135.xml tests/repo/snv-08.xml "$R/"
for i in $(seq 1 8); do
    for f in plans/*.xml; do
        b=$(basename "$f" .xml)
        sed "s|<number>\([0-9]*\)/|<number>$i\1/|" "$f" > "$R/v$i-$b.xml"
    done
done
N=$(ls "$R"/*.xml | wc -l)

# --- 1. -j1, -j2, -j8: the same outputs, stamps and messages ---------------
for j in 1 2 8; do
    plan compile -j "$j" "$R" -o "$D/out-j$j" > "$D/j$j.out" 2> "$D/j$j.err"
    echo $? > "$D/j$j.rc"
done
for j in 2 8; do
    diff -r "$D/out-j1" "$D/out-j$j" > /dev/null && ok || bad "-j$j outputs differ from -j1"
    cmp -s "$D/j1.err" "$D/j$j.err" && ok || bad "-j$j messages differ from -j1"
    cmp -s "$D/j1.rc" "$D/j$j.rc" && ok || bad "-j$j exit status differs from -j1"
done
[ -s "$D/out-j1/.plan-stamps" ] && ok || bad "no .plan-stamps written"
grep -q "^compiled $N, up to date 0, failed 0$" "$D/j1.err" && ok || bad "first run: summary is not 'compiled $N'"
# The seeds have errors: the same messages in the same order whatever -j.
plan check -j1 tests/seeds > /dev/null 2> "$D/s1.err"
plan check -j2 tests/seeds > /dev/null 2> "$D/s2.err"
plan check --jobs=3 tests/seeds > /dev/null 2> "$D/s3.err"
cmp -s "$D/s1.err" "$D/s2.err" && cmp -s "$D/s1.err" "$D/s3.err" && ok || bad "check -j changes the messages on the seeds"
plan check -j1 --format=sarif tests/seeds > "$D/s1.sarif" 2> /dev/null
plan check -j2 --format=sarif tests/seeds > "$D/s2.sarif" 2> /dev/null
cmp -s "$D/s1.sarif" "$D/s2.sarif" && ok || bad "check -j changes the SARIF report"

# --- 2. a second run rewrites nothing ----------------------------------------
O=$D/out-j1
snap() { (cd "$O" && stat -c '%n %i %Y.%y' -- * .plan-stamps | sort) > "$1"; }
snap "$D/before"
sleep 1.1
plan compile "$R" -o "$O" > /dev/null 2> "$D/again.err"
snap "$D/after"
cmp -s "$D/before" "$D/after" && ok || bad "a second run over unchanged inputs rewrote files"
grep -q "^compiled 0, up to date $N, failed 0$" "$D/again.err" && ok || bad "second run: summary is not 'up to date $N'"

# --- 3. touching the parent recompiles it and its dependents only -----------
touch "$R/ubnd-135.xml"
plan compile -j2 "$R" -o "$O" > /dev/null 2> "$D/touch.err"
snap "$D/touched"
changed=$(diff "$D/after" "$D/touched" | sed -n 's/^> \([^ ]*\) .*/\1/p' | grep -v '^\.plan-stamps$' | sed 's/\..*//' | sort -u | tr '\n' ' ')
[ "$changed" = "snv-08 ubnd-135 " ] && ok || bad "touching ubnd-135.xml rewrote: '$changed' (expected snv-08 ubnd-135)"
diff "$D/after" "$D/touched" | grep -q '^> \.plan-stamps ' && ok || bad "the stamps were not updated after a recompile"
grep -q "^compiled 2, up to date $((N - 2)), failed 0$" "$D/touch.err" && ok || bad "touch: summary is not 'compiled 2'"
# An edit of the text (not only the time) does the same.
sed -i 's/<muc-dich>/<muc-dich> /' "$R/ubnd-135.xml"
plan compile "$R" -o "$O" > /dev/null 2> "$D/edit.err"
grep -q "^compiled 2, up to date" "$D/edit.err" && ok || bad "editing the parent did not recompile it and its dependent"
# So does an edit that keeps the size and the time: the key holds the text.
cp -p "$R/003-01-KH-VP.xml" "$D/keep.xml"
sed -i '0,/^  </s// \t</' "$R/003-01-KH-VP.xml"
touch -r "$D/keep.xml" "$R/003-01-KH-VP.xml"
[ "$(stat -c '%s %Y' "$R/003-01-KH-VP.xml")" = "$(stat -c '%s %Y' "$D/keep.xml")" ] &&
    ! cmp -s "$R/003-01-KH-VP.xml" "$D/keep.xml" && ok || bad "the same-size edit was not made"
plan compile "$R" -o "$O" > /dev/null 2> "$D/same.err"
grep -q "^compiled 1, up to date" "$D/same.err" && ok || bad "an edit keeping size and time was not recompiled: $(tail -1 "$D/same.err")"

# --- 4. what else recompiles -------------------------------------------------
rm "$O/003-01-KH-VP.html"
plan compile "$R" -o "$O" > /dev/null 2> "$D/rm.err"
grep -q "^compiled 1, up to date" "$D/rm.err" && [ -s "$O/003-01-KH-VP.html" ] && ok || bad "a deleted output was not written again"
plan compile --force "$R" -o "$O" > /dev/null 2> "$D/force.err"
grep -q "^compiled $N, up to date 0" "$D/force.err" && ok || bad "--force did not recompile everything"
plan compile -W AWARD-STANDARD=off "$R" -o "$O" > /dev/null 2> "$D/opt.err"
grep -q "^compiled $N, up to date 0" "$D/opt.err" && ok || bad "a changed -W did not recompile everything"
plan compile --emit=xml,json "$R" -o "$D/emit" > /dev/null 2>&1
plan compile --emit=xml "$R" -o "$D/emit" > /dev/null 2> "$D/emit.err"
grep -q "^compiled $N, up to date 0" "$D/emit.err" && ok || bad "a changed --emit did not recompile everything"
# The configuration is part of the key.
mkdir -p "$D/cfg"
cp -r "$R" "$D/cfg/plans"
printf '[rules]\nAWARD-STANDARD = off\n' > "$D/cfg/.planrc"
(cd "$D/cfg" && "$P" compile plans -o out > /dev/null 2>&1)
printf '[rules]\nAWARD-STANDARD = warning\n' > "$D/cfg/.planrc"
(cd "$D/cfg" && "$P" compile plans -o out > /dev/null 2> err)
grep -q "^compiled $N, up to date 0" "$D/cfg/err" && ok || bad "a changed .planrc did not recompile everything"

# --- 5. a failing plan never stops the batch ----------------------------------
F=$D/fail
mkdir -p "$F"
cp plans/*.xml "$F/"
cp tests/seeds/003-1-KH-VP.xml "$F/zz-seed-003.xml"
printf '<ke-hoach' > "$F/aa-truncated.xml"
plan compile -j2 "$F" -o "$D/fail-out" > /dev/null 2> "$D/fail.err"
rc=$?
[ "$rc" -eq 1 ] && ok || bad "a batch with failing plans exits $rc, expected 1"
grep -q "^compiled 5, up to date 0, failed 2$" "$D/fail.err" && ok || bad "the summary does not count 5 compiled and 2 failed"
grep -q "^  failed: $F/aa-truncated.xml (1 error(s))$" "$D/fail.err" && ok || bad "the summary does not name the truncated plan"
grep -q "^  failed: $F/zz-seed-003.xml ([0-9]* error(s))$" "$D/fail.err" && ok || bad "the summary does not name the seed with errors"
[ -s "$D/fail-out/004-32-KH-SNgV.html" ] && ok || bad "the plan after a failing one was not compiled"
[ ! -e "$D/fail-out/zz-seed-003.xml" ] && ok || bad "a plan with errors got outputs"
! grep -q "zz-seed-003" "$D/fail-out/.plan-stamps" && ok || bad "a failing plan was stamped as up to date"
plan compile "$F" -o "$D/fail-out" > /dev/null 2> "$D/fail2.err"
grep -q "^compiled 0, up to date 5, failed 2$" "$D/fail2.err" && ok || bad "failing plans are not tried again on the next run"

# Inputs of the same name would write the same outputs: every pair is named,
# the later input's pairs after the earlier's, and nothing is written.
S=$D/same
mkdir -p "$S/a" "$S/b" "$S/c"
for x in a b c; do cp plans/003-01-KH-VP.xml "$S/$x/x.xml"; done
plan compile "$S/c/x.xml" plans/004-32-KH-SNgV.xml "$S/a/x.xml" "$S/b/x.xml" -o "$S/out" \
    > /dev/null 2> "$S/err"
rc=$?
msg="two inputs have the same name; their outputs would collide"
printf 'plan: error: %s, %s: %s\n' "$S/c/x.xml" "$S/a/x.xml" "$msg" "$S/c/x.xml" "$S/b/x.xml" \
    "$msg" "$S/a/x.xml" "$S/b/x.xml" "$msg" > "$S/want"
[ "$rc" -eq 2 ] && ok || bad "inputs of the same name: exit $rc, expected 2"
cmp -s "$S/want" "$S/err" && ok || bad "inputs of the same name: $(head -3 "$S/err")"
[ -z "$(ls -A "$S/out" 2> /dev/null)" ] && ok || bad "inputs of the same name: outputs were written"

# --- 6. --depfile --------------------------------------------------------------
plan compile --force "$R" -o "$O" --depfile "$D/plans.d" > /dev/null 2>&1
grep -q "^ $R/ubnd-135.xml" "$D/plans.d" && ok || bad "the depfile does not list the parent"
awk -v o="$O/snv-08.checklist.ics:" -v p=" $R/ubnd-135.xml" '
    $0 ~ o { inrule = 1 } inrule && $0 == p { found = 1 } /^$/ { inrule = 0 }
    END { exit !found }' "$D/plans.d" && ok || bad "snv-08's outputs do not depend on its parent ubnd-135.xml"
if command -v make > /dev/null; then
    # The depfile gives the prerequisites; a pattern rule gives the recipe.
    printf 'include %s\n%s/%%.html:\n\t@echo remake $@\n' "$D/plans.d" "$O" > "$D/Makefile"
    make -n -f "$D/Makefile" "$O/snv-08.html" "$O/003-01-KH-VP.html" > "$D/make1.out" 2>&1
    ! grep -q remake "$D/make1.out" && ok || bad "make thinks the fresh outputs are out of date: $(cat "$D/make1.out")"
    sleep 1.1
    touch "$R/ubnd-135.xml"
    make -n -f "$D/Makefile" "$O/snv-08.html" "$O/003-01-KH-VP.html" > "$D/make2.out" 2>&1
    grep -q "remake $O/snv-08.html" "$D/make2.out" && ok || bad "make does not remake snv-08.html after its parent changed"
    grep -q "remake $O/003-01-KH-VP.html" "$D/make2.out" && bad "make remakes an unrelated output" || ok
else
    bad "make is not installed (Debian package make)"
fi

# --- 6b. a draft depends on the parent its lineage names -------------------
L=$D/lineage
mkdir -p "$L/parent" "$L/drafts"
cp plans/004-32-KH-SNgV.xml "$L/parent/"
plan new -q --from "$L/parent/004-32-KH-SNgV.xml" --issuer "Trung tâm Thông tin đối ngoại" \
    --abbr TTTT -o "$L/drafts/draft.xml" > /dev/null 2>&1
python3 tests/cli/fill-draft.py "$L/drafts/draft.xml" > /dev/null 2>&1
plan compile "$L/drafts" -o "$L/out" --depfile "$L/d.d" > /dev/null 2> "$L/1.err"
grep -q "^compiled 1, up to date 0, failed 0$" "$L/1.err" && ok || { bad "the filled-in draft did not compile"; tail -3 "$L/1.err"; }
grep -q "^ $L/drafts/../parent/004-32-KH-SNgV.xml" "$L/d.d" && ok || bad "the depfile does not list the draft's parent outside the inputs"
plan compile "$L/drafts" -o "$L/out" > /dev/null 2> "$L/2.err"
grep -q "^compiled 0, up to date 1" "$L/2.err" && ok || bad "an unchanged draft was compiled again"
sleep 1.1
sed -i 's|<muc-dich>|<muc-dich> |' "$L/parent/004-32-KH-SNgV.xml"
plan compile "$L/drafts" -o "$L/out" > /dev/null 2> "$L/3.err"
grep -q "^compiled 1, up to date 0" "$L/3.err" && ok || bad "a draft was not compiled again after its parent (outside the inputs) changed"

# --- 7. options, progress line ---------------------------------------------------
plan compile -j 0 plans -o "$D/x" > /dev/null 2> "$D/j0.err"
[ $? -eq 2 ] && grep -q "\-j takes a number of parallel jobs from 1 to 256, not '0'" "$D/j0.err" && ok || bad "-j 0 is not a usage error"
plan check plans -j > /dev/null 2> "$D/jnone.err"
[ $? -eq 2 ] && grep -q "\-j needs a number of parallel jobs, from 1 to 256" "$D/jnone.err" && ok || bad "-j without a number is not a usage error that says so"
plan check -jx plans > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "-jx is not a usage error"
grep -q $'\r' "$D/j1.err" && bad "a progress line was written to a file" || ok
if command -v script > /dev/null; then
    B=$D/big
    mkdir -p "$B"
    for i in $(seq 1 200); do for f in plans/*.xml; do cp "$f" "$B/$i-$(basename "$f")"; done; done
    # Standard output on a terminal but standard error in a file: no progress line.
    script -qec "'$P' check -j1 '$B' 2> '$D/tty.err'" /dev/null > /dev/null 2>&1
    grep -q '^1000 file(s): ' "$D/tty.err" && ! grep -q $'\r' "$D/tty.err" && ok || bad "a progress line went to a file although standard output is a terminal"
    # Now with standard error on the terminal; PLAN_PROGRESS_AFTER=0: from the
    # first plan, however fast the machine.
    script -qec "PLAN_PROGRESS_AFTER=0 '$P' check -j1 -W AWARD-STANDARD=off -W LEGAL-LAW-REGIME=off -W EVENT-AFTER-END=off -W DOSSIER-CONTENTS=off -W PERIOD-START-BEFORE-ISSUE=off -W NUM-UNIQUE=off '$B'" "$D/typescript" > /dev/null 2>&1
    grep -q $'\r.*\[ *[0-9]*/1000\] checking' "$D/typescript" && ok || bad "no progress line on a terminal"
    grep -q $'^1000 file(s): 0 error(s)' <(sed $'s/.*\r\x1b\\[K//' "$D/typescript") && ok || bad "the summary after a progress line is not on a line of its own"
    # A short run on a terminal (five plans, well under half a second): none.
    script -qec "'$P' check plans" "$D/typescript2" > /dev/null 2>&1
    grep -q '5 file(s): ' "$D/typescript2" && ! grep -q $'\r\x1b' "$D/typescript2" && ok || bad "a short run showed a progress line"
else
    bad "script is not installed (Debian package bsdutils)"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
