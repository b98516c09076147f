#!/usr/bin/env bash
# tests/cli/hostile.sh - hostile and faulty inputs end in a clear diagnostic
# and the documented exit status (docs/format.md, "Hostile input and
# limits"), within seconds, never a crash: the limits on size, depth,
# elements, attributes and text; entity bombs and external entities; a
# plan on one line; devices; a full disk (an LD_PRELOAD shim,
# tests/cli/faultfs.c, and a real tmpfs when mount works); an interrupted
# batch leaves no temporary file and every finished output whole. Broken
# files (truncated, NUL, invalid UTF-8, FIFO, output under a file) are in
# cli.sh too.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/hostile
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
# Each case must end within SECS seconds (valgrind is tens of times slower).
SECS=${HOSTILE_SECONDS:-15}
[ -n "$WRAP" ] && SECS=600
# expect NAME STATUS PATTERN -- command...: exit status, a regex on stderr and
# stdout, and the time taken.
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    local out rc t0 t
    [ "$1" = plan ] && { shift; set -- $WRAP "$PLAN" "$@"; }
    t0=$(date +%s%N)
    out=$(timeout $((SECS * 2)) "$@" 2>&1)
    rc=$?
    t=$((($(date +%s%N) - t0) / 1000000))
    if [ "$rc" -ne "$status" ]; then
        fail=$((fail + 1)); echo "FAIL: $name: exit $rc, expected $status"; printf '%s\n' "$out" | head -3 | cut -c1-300
    elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -qE -- "$pattern"; then
        fail=$((fail + 1)); echo "FAIL: $name: output does not match /$pattern/"; printf '%s\n' "$out" | head -3 | cut -c1-300
    elif [ "$t" -gt $((SECS * 1000)) ]; then
        fail=$((fail + 1)); echo "FAIL: $name: took ${t} ms, more than $SECS s"
    else
        pass=$((pass + 1))
    fi
}
# absent NAME PATTERN -- command...: the output never matches PATTERN.
absent() {
    local name=$1 pattern=$2
    shift 3
    [ "$1" = plan ] && { shift; set -- $WRAP "$PLAN" "$@"; }
    if timeout $((SECS * 2)) "$@" 2>&1 | grep -qE -- "$pattern"; then
        fail=$((fail + 1)); echo "FAIL: $name: the output matches /$pattern/"
    else
        pass=$((pass + 1))
    fi
}
NS='xmlns="urn:x-plan:ke-hoach:1"'

# Entity-expansion bomb: refused at the DOCTYPE, no expansion.
{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE plan ['
    echo '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    for i in b c d e f g h i j; do
        p=$(printf '%s' "abcdefghij" | cut -c$(( $(printf '%d' "'$i") - 97 )))
        printf '<!ENTITY %s "' "$i"; for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$p"; done; echo '">'
    done
    echo ']>'
    echo "<plan $NS><header/><body><p>&j;</p></body></plan>"
} > "$D/bomb.xml"
expect "entity bomb refused" 1 'bomb.xml:2:1: error: a DOCTYPE is not allowed.*\[XML-DOCTYPE\]' -- plan check -q "$D/bomb.xml"

# 100,000-deep nesting: the depth limit, a position, no stack overflow.
python3 -c "
import sys
sys.stdout.write('<plan $NS><header/><body>' + '<section>' * 100000 + '</section>' * 100000 + '</body></plan>\n')
" > "$D/deep.xml"
expect "100000-deep nesting" 1 'deep.xml:1:2338: error: elements are nested more than 256 levels deep.*--max-depth.*\[XML-LIMIT\]' -- plan check -q "$D/deep.xml"
rm -f "$D/deep.xml"
# --max-depth lowers the limit (libxml2 allows no more than 256 without
# XML_PARSE_HUGE, which plan never uses): the fifth level is refused where it
# starts.
printf '<plan %s>\n<header/><body>\n  <section><section><p>x</p></section></section></body></plan>\n' "$NS" > "$D/depth5.xml"
expect "--max-depth=4" 1 'depth5.xml:3:21: error: elements are nested more than 4 levels deep.*\[XML-LIMIT\]' -- plan check -q --max-depth=4 "$D/depth5.xml"
absent "--max-depth=5" '\[XML-LIMIT\]' -- plan check -q --max-depth=5 "$D/depth5.xml"
expect "--max-depth beyond libxml2's 256" 2 'max-depth takes a whole number from 1 to 256' -- plan check --max-depth=257 "$D/depth5.xml"

# More elements than --max-elements (default 1,000,000): the parse stops at
# the first one beyond, which is named by its position.
python3 -c "
import sys
sys.stdout.write('<plan $NS><header/><body>\n' + '<p/>' * 1000001 + '\n</body></plan>\n')
" > "$D/many.xml"
expect "1,000,001 elements" 1 'many.xml:2:3999989: error: the file has more than 1000000 elements.*--max-elements.*\[XML-LIMIT\]' -- plan check -q "$D/many.xml"
rm -f "$D/many.xml"
printf '<plan %s><header/><body>\n  <p>a</p><p>b</p></body></plan>\n' "$NS" > "$D/five.xml"
expect "--max-elements=4" 1 'five.xml:2:11: error: the file has more than 4 elements.*\[XML-LIMIT\]' -- plan check -q --max-elements=4 "$D/five.xml"
absent "--max-elements=5" '\[XML-LIMIT\]' -- plan check -q --max-elements=5 "$D/five.xml"
expect "--max-elements=0" 2 'max-elements takes a whole number of at least 1' -- plan check --max-elements=0 "$D/five.xml"

# One text, attribute value or comment longer than --max-text (default 1 MiB).
python3 -c "
import sys
a = 'a' * 1048577
sys.stdout.write('<plan $NS><header/><body>\n  <p>\n    ' + a + '</p></body></plan>\n')
open('$D/longattr.xml', 'w').write('<plan $NS><header/><body>\n  <section  title=\"' + a + '\"/></body></plan>\n')
open('$D/longcomment.xml', 'w').write('<plan $NS><header/><body>\n  <!--' + a + '--></body></plan>\n')
" > "$D/longtext.xml"
expect "a text of 1 MiB + 1" 1 'longtext.xml:3:5: error: a text of more than 1048576 bytes starts here.*--max-text.*\[XML-LIMIT\]' -- plan check -q "$D/longtext.xml"
absent "--max-text=2000000 takes it" '\[XML-LIMIT\]' -- plan check -q --max-text=2000000 "$D/longtext.xml"
expect "an attribute value of 1 MiB + 1" 1 "longattr.xml:2:13: error: the value of attribute 'title' is 1048577 bytes long.*--max-text.*\[XML-LIMIT\]" -- plan check -q "$D/longattr.xml"
expect "a comment of 1 MiB + 1" 1 'longcomment.xml:2:3: error: this comment or processing instruction is 1048577 bytes long.*\[XML-LIMIT\]' -- plan check -q "$D/longcomment.xml"
expect "--max-text beyond libxml2's 10000000" 2 'max-text takes a whole number from 1 to 10000000' -- plan check --max-text=10000001 "$D/longtext.xml"
rm -f "$D/longtext.xml" "$D/longattr.xml" "$D/longcomment.xml"

# A start tag with a million attributes: libxml2 would compare each with all
# before it (hours); plan counts them first and stops at the 33rd.
python3 -c "
import sys
sys.stdout.write('<plan $NS><header/><body>\n<p ' + ' '.join('a%d=\"\"' % i for i in range(1000000)) + '>x</p></body></plan>\n')
" > "$D/attrs.xml"
expect "a million attributes" 1 'attrs.xml:2:218: error: the element has more than 32 attributes.*--max-attributes.*\[XML-LIMIT\]' -- plan check -q "$D/attrs.xml"
rm -f "$D/attrs.xml"
absent "--max-attributes=34" '\[XML-LIMIT\]' -- plan check -q --max-attributes=34 tests/cases/XML-LIMIT/bad-attributes.xml

# A plan written on one line (900,000 elements, 7 MB): positions cost the
# same as on short lines, so the run stays linear.
python3 -c "
import sys
sys.stdout.write('<plan $NS><header/><body>' + '<p>x</p>' * 900000 + '</body></plan>\n')
" > "$D/oneline.xml"
expect "900,000 elements on one line" 1 'oneline.xml:1:[0-9]+: ' -- plan check -q "$D/oneline.xml"
rm -f "$D/oneline.xml"

# A file cut inside a UTF-8 character: said to be truncated, where.
printf '<plan %s>\n<header>\n<issuer>S\xe1\xbb' "$NS" > "$D/cut.xml"
expect "cut inside a character" 1 'cut.xml:3:10: error: the file ends inside a UTF-8 character \(byte 0xE1\); it is probably truncated.*\[XML-ENCODING\]' -- plan check -q "$D/cut.xml"

# A 100 MB file: refused by the size limit before it is read whole.
head -c 104857600 /dev/zero | tr '\0' ' ' > "$D/big.xml"
expect "100 MB file" 1 'big.xml: error: the file is 104857600 bytes, more than the limit of 33554432 bytes.*--max-size.*\[XML-LIMIT\]' -- plan check -q "$D/big.xml"
rm -f "$D/big.xml"

# Devices and directories as input.
expect "a device as input" 2 'not a regular file' -- plan check /dev/zero
expect "a device as output directory" 2 'plan: error: /dev/null: .*not a directory' -- plan compile -q plans/004-32-KH-SNgV.xml -o /dev/null
mkdir -p "$D/empty"
expect "a directory with no plans: a warning, exit 0" 0 'warning: .*empty: no plan files' -- plan check -q "$D/empty"
mkdir -p "$D/dir.xml"
expect "a directory named *.xml is walked, not read" 0 'no plan files' -- plan check -q "$D/dir.xml"

# Odd values the fuzzer found undefined behaviour in (caught under the
# sanitizers, which this script also runs under): a cited document's serial
# of 25 digits, an office named only by a parenthesis.
sed 's|<number>152/2025/NĐ-CP</number>|<number>1234567890123456789012345/2025/NĐ-CP</number>|' \
    plans/003-01-KH-VP.xml > "$D/longserial.xml"
expect "a serial of 25 digits" 0 '0 error\(s\), 1 warning\(s\)' -- plan check "$D/longserial.xml"
sed 's|<office>Phòng Hành chính - Quản trị</office>|<office>(ghi chú)</office>|' \
    plans/003-01-KH-VP.xml > "$D/parenoffice.xml"
expect "an office named only by a parenthesis" 0 '0 error\(s\), 0 warning\(s\)' -- plan check "$D/parenoffice.xml"

# An unreadable file (skipped when running as root, who can read anything).
if [ "$(id -u)" -ne 0 ]; then
    cp plans/004-32-KH-SNgV.xml "$D/noread.xml"; chmod 000 "$D/noread.xml"
    expect "unreadable file" 2 'permission denied' -- plan check "$D/noread.xml"
fi

# External entity: no local file's content in any output or message.
printf '<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<plan %s><header/><body><p>&x;</p></body></plan>\n' "$NS" > "$D/xxe.xml"
out=$(plan check --format=json "$D/xxe.xml" 2>&1; plan compile "$D/xxe.xml" -o "$D/xxe-out" 2>&1; cat "$D"/xxe-out/* 2>/dev/null)
host=$(cat /etc/hostname 2>/dev/null)
if [ -n "$host" ] && printf '%s' "$out" | grep -qF -- "$host"; then fail=$((fail + 1)); echo "FAIL: /etc/hostname leaked"; else pass=$((pass + 1)); fi

# A full disk: output that cannot be written is an error (exit 2), never silent.
if [ -w /dev/full ]; then
    expect "stdout on a full disk" 2 'plan: error: .*(No space|no space)' -- bash -c "$WRAP \"$PLAN\" checklist plans/004-32-KH-SNgV.xml --format=csv > /dev/full"
    expect "JSON on a full disk" 2 'plan: error: .*(No space|no space)' -- bash -c "$WRAP \"$PLAN\" check --format=json tests/seeds > /dev/full"
fi

# full_disk NAME DIR SOME -- command...: a compile of plans/ into DIR, where
# the disk fills up part way, exits 2 naming the file (or the directory) it
# could not write, leaves no temporary, and every output it left is whole:
# byte-equal to a normal run. SOME=1: some outputs are missing (not when the
# disk is found full only when the batch is flushed at the end).
plan compile -q plans -o "$D/full-ref" > /dev/null 2>&1
full_disk() {
    local name=$1 dir=$2 some=$3 out rc
    shift 4
    out=$(timeout $((SECS * 2)) "$@" 2>&1)
    rc=$?
    [ "$rc" -eq 2 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: $name: exit $rc, expected 2"; }
    if printf '%s\n' "$out" | grep -qiE "^plan: error: $dir(/[^:]+)?: no space left on (the )?device"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL: $name: no 'no space left' error naming the file"; printf '%s\n' "$out" | grep 'plan:' | head -3
    fi
    local tmps
    tmps=$(ls -A "$dir" | grep -cE '^\..+\.[A-Za-z0-9]{6}$')
    [ "$tmps" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: $name: $tmps temporary file(s) left"; }
    local whole=0 broken=0 f
    for f in "$dir"/*; do
        [ -f "$f" ] || continue
        if cmp -s "$f" "$D/full-ref/${f##*/}"; then whole=$((whole + 1)); else broken=$((broken + 1)); fi
    done
    local all
    all=$(ls "$D/full-ref" | wc -l)
    if [ "$broken" -eq 0 ] && [ "$whole" -gt 0 ] && { [ "$whole" -lt "$all" ] || [ "$some" -eq 0 ]; }; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL: $name: $whole whole and $broken partial output(s) of $all"
    fi
}
# The shim (tests/cli/faultfs.c): the disk is full after 200,000 bytes, seen
# at write(), at fsync() or only at close().
if cc -shared -fPIC -O2 -o "$D/faultfs.so" tests/cli/faultfs.c -ldl -lpthread 2> "$D/faultfs.err"; then
    # Both ways of writing an output (src/util/fsio.c): an unnamed file
    # linked into place, and a named temporary renamed (tmpfile 0: a file
    # system without O_TMPFILE; close() failing implies that one).
    for tmpfile in 1 0; do
        for op in write fsync close; do
            [ "$op" = close ] && [ "$tmpfile" = 1 ] && continue
            rm -rf "$D/full-$op"
            mkdir -p "$D/full-$op"
            dir=$(cd "$D/full-$op" && pwd -P)
            some=1
            [ "$op" = fsync ] && some=0 # outputs are flushed once, at the end (syncfs)
            full_disk "full disk at $op() (O_TMPFILE $tmpfile)" "$dir" "$some" -- env FAULTFS_DIR="$dir" \
                FAULTFS_BYTES=200000 FAULTFS_OP=$op FAULTFS_TMPFILE=$tmpfile \
                LD_PRELOAD="$D/faultfs.so" $WRAP "$PLAN" compile -q plans -o "$dir"
        done
    done
    # Without O_TMPFILE, and with room: the same outputs, replaced in place
    # by a second run, and no temporary left.
    rm -rf "$D/named"
    mkdir -p "$D/named"
    dir=$(cd "$D/named" && pwd -P)
    for run in 1 2; do
        env FAULTFS_DIR="$dir" FAULTFS_BYTES=100000000 FAULTFS_TMPFILE=0 LD_PRELOAD="$D/faultfs.so" \
            $WRAP "$PLAN" compile -q --force plans -o "$dir" > /dev/null 2>&1
    done
    same=0
    for f in "$D/full-ref"/*; do cmp -s "$f" "$dir/${f##*/}" && same=$((same + 1)); done
    [ "$same" -eq "$(ls "$D/full-ref" | wc -l)" ] && [ "$(ls -A "$dir" | grep -vc '^[^.]\|^\.plan-stamps$')" -eq 0 ] &&
        pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: named temporaries: $same outputs as expected, left: $(ls -A "$dir" | grep '^\.' | head -3)"; }
else
    fail=$((fail + 1)); echo "FAIL: the fault shim does not build:"; head -3 "$D/faultfs.err"
fi
# A real full file system, when this machine lets us mount one (root, not in
# every container): a 192 KiB tmpfs.
mkdir -p "$D/tmpfs"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=192k plan-test "$D/tmpfs" 2> /dev/null; then
    full_disk "full tmpfs" "$D/tmpfs" 1 -- $WRAP "$PLAN" compile -q plans -o "$D/tmpfs"
    umount "$D/tmpfs"
else
    echo "note: hostile.sh: cannot mount a tmpfs here; the full disk was tested with the shim only"
fi

# Interrupted batch: SIGINT and SIGTERM in the middle of a compile.
mkdir -p "$D/batch"
for i in $(seq 1 400); do cp plans/004-32-KH-SNgV.xml "$D/batch/p$i.xml"; done
for sig in INT TERM; do
    rm -rf "$D/out-$sig"
    "$PLAN" compile -q "$D/batch" -o "$D/out-$sig" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do
        [ -n "$(ls "$D/out-$sig" 2>/dev/null | head -1)" ] && break
        sleep 0.05
    done
    kill -$sig $pid 2>/dev/null
    wait $pid
    rc=$?
    want=$((128 + $(kill -l $sig)))
    [ "$rc" -eq "$want" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: SIG$sig: exit $rc, expected $want"; }
    left=$(ls -a "$D/out-$sig" | grep -c '^\..*\.[A-Za-z0-9]\{6\}$')
    [ "$left" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: SIG$sig left $left temporary file(s)"; }
    broken=0
    for f in "$D/out-$sig"/*.xml; do
        [ -e "$f" ] || continue
        xmllint --noout "$f" 2>/dev/null || broken=$((broken + 1))
    done
    [ "$broken" -eq 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: SIG$sig left $broken incomplete output(s)"; }
done

echo "cli: $pass passed, $fail failed"
