#!/usr/bin/env bash
# tests/cli/hostile.sh - hostile and faulty inputs end in a clear diagnostic
# and the documented exit status, in bounded time, never a crash; an
# interrupted batch leaves no temporary file and every finished output whole.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/hostile
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
expect() {
    local name=$1 status=$2 pattern=$3
    shift 4
    local out rc
    [ "$1" = plan ] && { shift; set -- $WRAP "$PLAN" "$@"; }
    out=$(timeout 60 "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$status" ]; then
        fail=$((fail + 1)); echo "FAIL: $name: exit $rc, expected $status"; printf '%s\n' "$out" | head -3
    elif [ -n "$pattern" ] && ! printf '%s\n' "$out" | grep -qE -- "$pattern"; then
        fail=$((fail + 1)); echo "FAIL: $name: output does not match /$pattern/"; printf '%s\n' "$out" | head -3
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
expect "100000-deep nesting" 1 'deep.xml:1:[0-9]+: error: elements are nested more than 256 levels deep.*\[XML-LIMIT\]' -- plan check -q "$D/deep.xml"

# A 100 MB file: refused by the size limit before it is read whole.
head -c 104857600 /dev/zero | tr '\0' ' ' > "$D/big.xml"
expect "100 MB file" 1 'big.xml: error: the file is 104857600 bytes, more than the limit of 33554432 bytes.*\[XML-LIMIT\]' -- plan check -q "$D/big.xml"
rm -f "$D/big.xml"

# Devices and directories as input.
expect "a device as input" 2 'not a regular file' -- plan check /dev/zero
mkdir -p "$D/empty"
expect "a directory with no plans: a warning, exit 0" 0 'warning: .*empty: no plan files' -- plan check -q "$D/empty"
mkdir -p "$D/dir.xml"
expect "a directory named *.xml is walked, not read" 0 'no plan files' -- plan check -q "$D/dir.xml"

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
