#!/usr/bin/env bash
# tests/cli/encoding.sh - input encodings and text read in the wrong one:
# every sample plan in TCVN5712-1, VISCII, CP1258, VNI, UTF-16LE/BE with a
# byte-order mark, with CRLF, a UTF-8 BOM or decomposed (NFD) text compiles
# to the same STEM.xml as the original, and the seeds give the same
# diagnostics at the same line:column; a bad byte is reported at the same
# line:column in every encoding; a plan with a TCVN3 (or VNI) paragraph shown
# as Windows-1252 gets TEXT-MISENCODED naming the line and the likely text,
# and `plan fix-encoding` turns it back into the original, byte for byte,
# with --dry-run, backups, permissions, CRLF and BOM kept.
# Run by tests/run.sh with PLAN, WRAP, TMP. Needs python3 and iconv.
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/encoding
rm -rf "$D"
mkdir -p "$D"
export LANGUAGE=en LC_ALL=C.UTF-8 NO_COLOR=1
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
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
TR="python3 tests/cli/transcode.py"
# Replaces the first occurrence of bytes $2 by bytes $3 in file $1 (Python
# escapes, e.g. '\x00\xdc').
subst_bytes() {
    python3 -c "import sys; p, a, b = sys.argv[1:4]; e = lambda s: s.encode('latin-1').decode('unicode_escape').encode('latin-1'); d = open(p, 'rb').read(); assert e(a) in d; open(p, 'wb').write(d.replace(e(a), e(b), 1))" "$1" "$2" "$3"
}

# --- 1. every encoding compiles to the same normalized plan -----------------
encodings="TCVN5712-1 VISCII CP1258 VNI UTF-16LE UTF-16BE"
variants="crlf bom crlf-bom nfd"
for f in plans/*.xml; do
    stem=$(basename "$f" .xml)
    plan compile -q --emit=xml "$f" -o "$D/c/orig" > /dev/null 2>&1 || { bad "$f does not compile"; continue; }
    for enc in $encodings $variants; do
        mkdir -p "$D/in/$enc"
        case $enc in
            crlf) $TR UTF-8 "$f" "$D/in/$enc/$stem.xml" --crlf ;;
            bom) $TR UTF-8 "$f" "$D/in/$enc/$stem.xml" --bom ;;
            crlf-bom) $TR UTF-8 "$f" "$D/in/$enc/$stem.xml" --crlf --bom ;;
            nfd) $TR UTF-8 "$f" "$D/in/$enc/$stem.xml" --nfd ;;
            *) $TR "$enc" "$f" "$D/in/$enc/$stem.xml" ;;
        esac > /dev/null || { bad "transcoding $f to $enc failed"; continue; }
        cmp -s "$f" "$D/in/$enc/$stem.xml" && { bad "$enc: the transcoded $stem.xml is the original"; continue; }
        if plan compile -q --emit=xml "$D/in/$enc/$stem.xml" -o "$D/c/$enc" > "$D/out" 2>&1 &&
            cmp -s "$D/c/orig/$stem.xml" "$D/c/$enc/$stem.xml"; then ok; else
            bad "$stem.xml in $enc does not compile to the same STEM.xml"; head -3 "$D/out"
            diff "$D/c/orig/$stem.xml" "$D/c/$enc/$stem.xml" 2>&1 | head -4; fi
    done
done
# The legacy files really are legacy: TCVN3's "ở" is the byte 0xEB, VNI's
# "ở" is "ôû", CP1258 writes ộ as ô and a combining dot (0xF2).
grep -q "$(printf 'S\xeb ')" "$D/in/TCVN5712-1/002-309-KH-UBND.xml" && ok || bad "the TCVN5712-1 file has no 0xEB for ở"
grep -q "$(printf 'S\xf4\xfb ')" "$D/in/VNI/002-309-KH-UBND.xml" && ok || bad "the VNI file has no ôû for ở"
grep -q "$(printf '\xf4\xf2')" "$D/in/CP1258/002-309-KH-UBND.xml" && ok || bad "the CP1258 file has no combining dot"
head -c 2 "$D/in/UTF-16LE/002-309-KH-UBND.xml" | cmp -s - <(printf '\xff\xfe') && ok || bad "UTF-16LE without its byte-order mark"

# --- 2. the seeds: the same diagnostics, at the same line:column -----------
# With them, the documented example with a number (without its leading zero)
# after Vietnamese on the same line: its column counts "SỞ NỘI VỤ" as 9
# characters however the letters are encoded (the 5 is at 7:51).
awk '/^```xml$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/format.md |
    sed -z 's|</issuer>\n    <number>05/KH-SNV|</issuer> <number>5/KH-SNV|' > "$D/pos.xml"
expect "the position after Vietnamese text" 1 "pos.xml:7:51: error: number 5 is below 10" -- plan check -q "$D/pos.xml"
compared=0
for f in tests/seeds/*.xml "$D/pos.xml"; do
    stem=$(basename "$f" .xml)
    plan check -q "$f" > "$D/want" 2>&1
    sed -i "s|^$f:|F:|" "$D/want"
    for enc in $encodings $variants; do
        mkdir -p "$D/seeds/$enc"
        g=$D/seeds/$enc/$stem.xml
        case $enc in
            crlf) n=$($TR UTF-8 "$f" "$g" --crlf) ;;
            bom) n=$($TR UTF-8 "$f" "$g" --bom) ;;
            crlf-bom) n=$($TR UTF-8 "$f" "$g" --crlf --bom) ;;
            nfd) n=$($TR UTF-8 "$f" "$g" --nfd) ;;
            *) n=$($TR "$enc" "$f" "$g") ;;
        esac
        # A character reference (&#x201C; for a character the encoding
        # lacks) moves the columns after it: such files are not compared.
        [ "$n" = 0 ] || continue
        compared=$((compared + 1))
        plan check -q "$g" 2>&1 | sed "s|^$g:|F:|" > "$D/got"
        if diff "$D/want" "$D/got" > "$D/diff"; then ok; else
            bad "$stem in $enc: other diagnostics or positions than in UTF-8"; head -6 "$D/diff"; fi
    done
done
[ "$compared" -ge 40 ] && ok || bad "only $compared transcoded seeds could be compared"

# --- 3. a bad byte: the same line:column in every encoding ----------------
# Line 3 is '<p>Sở Văn hóa @</p>': the "@" (column 15) becomes a byte the
# encoding does not have. TCVN5712-1 and VISCII give every byte a character.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<plan xmlns="urn:x-plan:ke-hoach:1">\n<p>Sở Văn hóa @</p>\n</plan>\n' > "$D/at.xml"
for spec in 'UTF-8|@|\xff' 'CP1258|@|\x81' 'VNI|@|\x93' 'UTF-16LE|@\x00|\x00\xdc' 'UTF-16BE|\x00@|\xdc\x00'; do
    IFS='|' read -r enc from to <<< "$spec"
    for le in lf crlf; do
        g=$D/at-$enc-$le.xml
        if [ "$le" = crlf ]; then $TR "$enc" "$D/at.xml" "$g" --crlf > /dev/null; else $TR "$enc" "$D/at.xml" "$g" > /dev/null; fi
        subst_bytes "$g" "$from" "$to"
        expect "a bad byte in $enc ($le) is at 3:15" 1 "^$g:3:15: error: .*\[XML-ENCODING\]$" -- plan check -q "$g"
    done
done
expect "the bad byte is named" 1 'byte 0x81 is not valid CP1258' -- plan check -q "$D/at-CP1258-lf.xml"
printf '<?xml version="1.0" encoding="TCVN5712-1"?>\n<a>Sở</a>\n' > "$D/mislabel.xml"
expect "UTF-8 declared as TCVN5712-1" 1 "mislabel.xml:2:5: error: the XML declaration says TCVN5712-1, but the file is UTF-8" -- plan check -q "$D/mislabel.xml"
printf '<?xml version="1.0" encoding="x-nope"?>\n<a/>\n' > "$D/nope.xml"
expect "unknown encoding" 1 "nope.xml:1:1: error: unknown encoding 'X-NOPE'" -- plan check -q "$D/nope.xml"
$TR UTF-16LE "$D/at.xml" "$D/bomclash.xml" > /dev/null
expect "--encoding against the byte-order mark" 1 "error: --encoding=VISCII, but the file starts with a UTF-16LE byte-order mark" -- plan check -q --encoding=VISCII "$D/bomclash.xml"

# --- 4. a TCVN3 paragraph shown as Windows-1252 ---------------------------
src=plans/002-309-KH-UBND.xml
mangle() { iconv -f UTF-8 -t TCVN5712-1 | iconv -f LATIN1 -t UTF-8; }
# The first paragraph whose letters the ".Vn" fonts have as bytes (VN3 has
# no capital with a tone: such a capital would come back small).
line=
while IFS=: read -r n text; do
    if printf '%s' "$text" | iconv -f UTF-8 -t TCVN5712-1 2>/dev/null | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x80-\xa0]'; then continue; fi
    printf '%s' "$text" | iconv -f UTF-8 -t TCVN5712-1 > /dev/null 2>&1 || continue
    line=$n
    break
done < <(grep -n '^ *<p>[^<]*[^ -~][^<]*</p>$' "$src")
[ -n "$line" ] && ok || bad "no paragraph of $src fits TCVN3"
orig_line=$(sed -n "${line}p" "$src")
para=${orig_line#*<p>}
para=${para%</p>}
{ head -n $((line - 1)) "$src"; sed -n "${line}p" "$src" | mangle; tail -n +$((line + 1)) "$src"; } > "$D/m.xml"
cp "$D/m.xml" "$D/m.orig"
! cmp -s "$src" "$D/m.xml" && ok || bad "the paragraph was not mangled"
plan check -q "$D/m.xml" > "$D/m.out" 2>&1
w=$(grep -F '[TEXT-MISENCODED]' "$D/m.out")
[ "$(printf '%s\n' "$w" | grep -c .)" = 1 ] && ok || bad "expected one TEXT-MISENCODED warning: $w"
[[ $w == "$D/m.xml:$line:"*": warning: text in TCVN3 shown as Windows-1252: \""* ]] && ok || bad "the warning does not name line $line: $w"
likely=${w#*is likely \"}
likely=${likely%\" \[TEXT-MISENCODED\]}
likely=${likely%…}
[ ${#likely} -ge 40 ] && [[ $para == *"$likely"* ]] && ok || bad "the likely text is not the original paragraph: '$likely'"
grep -qF "note: repair it in place with: plan fix-encoding $D/m.xml" "$D/m.out" && ok || bad "no note naming plan fix-encoding"
plan check -q "$src" 2>&1 | grep -qF '[TEXT-MISENCODED]' && bad "the original plan gets TEXT-MISENCODED" || ok

# --dry-run: the change as diff -U0 prints it, nothing written.
expect "fix-encoding --dry-run" 0 "" -- plan fix-encoding --dry-run "$D/m.xml"
plan fix-encoding --dry-run -q "$D/m.xml" > "$D/dry.out" 2>&1
diff -U0 "$D/m.xml" "$src" | tail -n +3 > "$D/dry.want"
tail -n +3 "$D/dry.out" | cmp -s - "$D/dry.want" && ok || { bad "--dry-run does not print the change as diff -U0"; diff <(tail -n +3 "$D/dry.out") "$D/dry.want" | head -5; }
grep -q "^@@ -$line +$line @@\$" "$D/dry.out" && ok || bad "--dry-run does not give the line number $line"
cmp -s "$D/m.xml" "$D/m.orig" && ok || bad "--dry-run changed the file"
if command -v patch > /dev/null; then
    cp "$D/m.orig" "$D/patched.xml"
    patch -s "$D/patched.xml" < "$D/dry.out" && cmp -s "$D/patched.xml" "$src" && ok || bad "patch does not apply the --dry-run output"
fi
ls "$D"/m.xml.bak* > /dev/null 2>&1 && bad "--dry-run made a backup" || ok

# The repair: the original back, byte for byte; a backup; the same mode.
chmod 640 "$D/m.xml"
expect "fix-encoding repairs" 0 "1 run\(s\), [0-9]+ word\(s\) repaired; the original is in .*m\.xml\.bak" -- plan fix-encoding "$D/m.xml"
cmp -s "$D/m.xml" "$src" && ok || { bad "the repaired plan is not the original"; diff "$D/m.xml" "$src" | head -4; }
cmp -s "$D/m.xml.bak" "$D/m.orig" && ok || bad "the backup is not the file as it was"
[ "$(stat -c %a "$D/m.xml")" = 640 ] && ok || bad "the repair changed the file's mode to $(stat -c %a "$D/m.xml")"
plan check -q "$D/m.xml" 2>&1 | grep -qF '[TEXT-MISENCODED]' && bad "the repaired plan still gets TEXT-MISENCODED" || ok
expect "nothing left to repair" 0 "nothing to repair" -- plan fix-encoding "$D/m.xml"
[ ! -e "$D/m.xml.bak.1" ] && ok || bad "a backup was made with nothing to repair"
ls -a "$D" | grep -q '^\.m\.xml\.' && bad "a temporary file was left" || ok

# Backups are never overwritten: FILE.bak.1 next, and refusal when all are taken.
cp "$D/m.orig" "$D/m.xml"
expect "a second repair" 0 "m\.xml\.bak\.1" -- plan fix-encoding "$D/m.xml"
cmp -s "$D/m.xml.bak" "$D/m.orig" && cmp -s "$D/m.xml.bak.1" "$D/m.orig" && ok || bad "FILE.bak was overwritten or FILE.bak.1 is wrong"
cp "$D/m.orig" "$D/m.xml"
for i in $(seq 2 99); do : > "$D/m.xml.bak.$i"; done
expect "no free backup name" 2 "no free backup name" -- plan fix-encoding "$D/m.xml"
cmp -s "$D/m.xml" "$D/m.orig" && ok || bad "the file was changed although no backup could be made"

# CRLF and a byte-order mark stay; only the words change.
$TR UTF-8 "$D/m.orig" "$D/crlf.xml" --crlf --bom > /dev/null
$TR UTF-8 "$src" "$D/crlf.want" --crlf --bom > /dev/null
expect "repair of a CRLF file with a BOM" 0 "" -- plan fix-encoding -q "$D/crlf.xml"
cmp -s "$D/crlf.xml" "$D/crlf.want" && ok || bad "the CRLF/BOM file did not come back byte for byte"

# Through a symbolic link: the link stays, its target is repaired.
mkdir -p "$D/real"
cp "$D/m.orig" "$D/real/p.xml"
ln -sf real/p.xml "$D/link.xml"
expect "repair through a symbolic link" 0 "" -- plan fix-encoding -q "$D/link.xml"
[ -L "$D/link.xml" ] && cmp -s "$D/real/p.xml" "$src" && ok || bad "the link was replaced or its target not repaired"

# The same paragraph in VNI.
vni_para=$(printf '%s' "$orig_line" | python3 -c "
import sys; sys.path.insert(0, 'tests/cli'); sys.argv = ['x']
exec(open('tests/cli/transcode.py').read().split('def main')[0])
s = sys.stdin.read(); print(''.join(vni_char(c).decode('latin-1') for c in s), end='')")
{ head -n $((line - 1)) "$src"; printf '%s\n' "$vni_para"; tail -n +$((line + 1)) "$src"; } > "$D/v.xml"
expect "a VNI paragraph" 0 "^$D/v.xml:$line:[0-9]+: warning: text in VNI shown as Windows-1252" -- plan check -q -W TEXT-TONE-STYLE=off "$D/v.xml"
expect "fix-encoding of the VNI paragraph" 0 "" -- plan fix-encoding -q "$D/v.xml"
cmp -s "$D/v.xml" "$src" && ok || bad "the VNI paragraph did not come back"

# Errors: no file, a directory, a file not in UTF-8, a file that does not load.
expect "fix-encoding of a missing file" 2 "no such file" -- plan fix-encoding "$D/none.xml"
expect "fix-encoding of a directory" 2 "is a directory" -- plan fix-encoding "$D/real"
expect "fix-encoding of a TCVN5712-1 file" 2 "the file is in TCVN5712-1; fix-encoding repairs UTF-8 files only" -- plan fix-encoding "$D/in/TCVN5712-1/002-309-KH-UBND.xml"
expect "fix-encoding of invalid UTF-8" 1 "at-UTF-8-lf.xml:3:15: error: invalid UTF-8" -- plan fix-encoding "$D/at-UTF-8-lf.xml"
expect "fix-encoding without a file" 2 "takes one or more plan files" -- plan fix-encoding
expect "fix-encoding with an unknown option" 2 "unknown option '--bogus'" -- plan fix-encoding --bogus "$D/m.xml"
expect "help fix-encoding" 0 "Usage: plan fix-encoding" -- plan help fix-encoding
expect "fix-encoding in the command list" 0 "fix-encoding FILE" -- plan --help
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$D/ro"; cp "$D/m.orig" "$D/ro/p.xml"; chmod 555 "$D/ro"
    expect "fix-encoding in a read-only directory" 2 "permission denied" -- plan fix-encoding "$D/ro/p.xml"
    cmp -s "$D/ro/p.xml" "$D/m.orig" && ok || bad "the file in a read-only directory changed"
    chmod 755 "$D/ro"
fi

echo "cli: $pass passed, $fail failed"
