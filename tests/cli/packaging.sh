#!/usr/bin/env bash
# tests/cli/packaging.sh - plan as installed: make install and uninstall with
# PREFIX and DESTDIR, the installed binary and its message catalogs, the man
# page (renders without warnings; lists every option of `plan --help` and
# `plan help COMMAND`, and plan accepts every option it lists), the bash
# completion (in step with the man page; through real readline and through
# bash-completion's loader) and the pre-commit hooks (run by pre-commit).
# Run by tests/run.sh with PLAN, WRAP, TMP. Needs man-db, groff-base,
# bash-completion and pre-commit (scripts/install-deps.sh).
set -u
PLAN=${PLAN:-build/plan}
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/packaging
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
need() { command -v "$1" > /dev/null || { bad "$1 is not installed (Debian package $2)"; return 1; }; }
PLAN_ABS=$(cd "$(dirname "$PLAN")" && pwd)/$(basename "$PLAN")
SAMPLE=plans/004-32-KH-SNgV.xml
# A plan on PATH as `plan`, for the completion and pre-commit.
mkdir -p "$D/bin"
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$WRAP" "$PLAN_ABS" > "$D/bin/plan"
chmod +x "$D/bin/plan"

# --- make install / uninstall ----------------------------------------------
# A build tree of its own, so that the suite's build/plan is never relinked;
# the caller's make flags (make asan's BUILD, -j's jobserver) stay outside.
pmake() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j"$(nproc 2>/dev/null || echo 2)" BUILD="$D/build" "$@"; }
langs=$(for p in po/*.po; do basename "$p" .po; done)
expected_files() {  # $1 = where PREFIX is in the tree listed ("usr/" or "")
    { echo "$1bin/plan"; echo "$1share/man/man1/plan.1"
      echo "$1share/bash-completion/completions/plan"
      for l in $langs; do echo "$1share/locale/$l/LC_MESSAGES/plan.mo"; done; } | sort
}
installed_files() { (cd "$1" && find . ! -type d | sed 's|^\./||' | sort); }

install_tests() {
    if ! pmake install DESTDIR="$D/x" PREFIX=/usr > "$D/make.out" 2>&1; then
        bad "make install DESTDIR=… PREFIX=/usr failed"; tail -5 "$D/make.out"; return; fi
    ok
    if diff <(expected_files usr/) <(installed_files "$D/x") > "$D/diff"; then ok; else
        bad "make install laid out other files than bin, man page, catalogs, completion"; cat "$D/diff"; fi
    [ -x "$D/x/usr/bin/plan" ] && ok || bad "the installed binary is not executable"
    cmp -s docs/plan.1 "$D/x/usr/share/man/man1/plan.1" && ok || bad "the installed man page is not docs/plan.1"
    cmp -s completions/plan.bash "$D/x/usr/share/bash-completion/completions/plan" && ok \
        || bad "the installed completion is not completions/plan.bash"
    for l in $langs; do
        msgunfmt "$D/x/usr/share/locale/$l/LC_MESSAGES/plan.mo" > "$D/$l.po" 2> /dev/null \
            && grep -q . "$D/$l.po" && ok || bad "the installed $l catalog is not a message catalog"
    done
    # The catalogs' directory compiled in is PREFIX's, not the build tree's.
    if strings -a "$D/x/usr/bin/plan" | grep -qx /usr/share/locale; then ok; else
        bad "the binary built with PREFIX=/usr does not look for catalogs in /usr/share/locale"; fi
    local v out
    v=$($WRAP "$D/x/usr/bin/plan" --version 2>&1)
    if [[ $v =~ ^plan\ [0-9]+\.[0-9]+\.[0-9]+$ ]] && [ "$v" = "$(plan --version 2>&1)" ]; then ok; else
        bad "the installed binary's --version says '$v'"; fi
    # Its LOCALEDIR does not exist under DESTDIR: point PLAN_LOCALEDIR at the
    # installed catalogs; an empty directory there gives English (the control).
    out=$(env PLAN_LOCALEDIR="$D/x/usr/share/locale" LANGUAGE=vi LC_ALL=C.UTF-8 $WRAP "$D/x/usr/bin/plan" --help 2>&1)
    printf '%s\n' "$out" | grep -q '^Cách dùng: plan' && ok \
        || bad "the installed Vietnamese catalog is not used: $(printf '%s' "$out" | head -1)"
    mkdir -p "$D/nolocale"
    out=$(env PLAN_LOCALEDIR="$D/nolocale" LANGUAGE=vi LC_ALL=C.UTF-8 $WRAP "$D/x/usr/bin/plan" --help 2>&1)
    printf '%s\n' "$out" | grep -q '^Usage: plan' && ok || bad "without a catalog the help is not in English"

    # The completion is where bash-completion's on-demand loader looks (run
    # elsewhere than here, where ./completions would also be searched).
    if [ -r /usr/share/bash-completion/bash_completion ]; then
        out=$(cd "$D" && XDG_DATA_DIRS="$D/x/usr/share" BASH_COMPLETION_USER_DIR="$D/none" PATH="$D/bin:$PATH" bash -c '
            . /usr/share/bash-completion/bash_completion
            __load_completion plan && complete -p plan' 2>&1)
        [ "$out" = "complete -F _plan plan" ] && ok || bad "bash-completion does not load the installed completion: $out"
    else
        bad "bash-completion is not installed (Debian package bash-completion)"
    fi

    # make uninstall removes exactly what make install wrote.
    echo keep > "$D/x/usr/share/man/man1/other.1"
    if pmake uninstall DESTDIR="$D/x" PREFIX=/usr > "$D/make.out" 2>&1; then ok; else
        bad "make uninstall failed"; tail -5 "$D/make.out"; fi
    out=$(installed_files "$D/x")
    [ "$out" = usr/share/man/man1/other.1 ] && ok || bad "after make uninstall: [$out], expected only the foreign usr/share/man/man1/other.1"
}

# Installed for real under a PREFIX (no DESTDIR) from the same build tree:
# main.o must be rebuilt with the new LOCALEDIR, and the installed binary
# finds its catalog by itself (no PLAN_LOCALEDIR, none next to the binary).
prefix_tests() {
    if ! pmake install PREFIX="$D/p" > "$D/make.out" 2>&1; then
        bad "make install PREFIX=… failed"; tail -5 "$D/make.out"; return; fi
    ok
    if diff <(expected_files "") <(installed_files "$D/p") > "$D/diff"; then ok; else
        bad "make install PREFIX=… laid out other files"; cat "$D/diff"; fi
    local out
    out=$(env -u PLAN_LOCALEDIR LANGUAGE=vi LC_ALL=C.UTF-8 $WRAP "$D/p/bin/plan" --help 2>&1)
    printf '%s\n' "$out" | grep -q '^Cách dùng: plan' && ok \
        || bad "an installed binary does not find its catalog in PREFIX/share/locale (stale LOCALEDIR?)"
    pmake uninstall PREFIX="$D/p" > /dev/null 2>&1
    out=$(installed_files "$D/p")
    [ -z "$out" ] && ok || bad "make uninstall PREFIX=… left: $out"
}
install_tests
prefix_tests

# --- the man page ----------------------------------------------------------
if need man man-db && need groff groff-base; then
    w=$(groff -man -Tutf8 -ww -z docs/plan.1 2>&1)
    [ -z "$w" ] && ok || bad "groff warns about docs/plan.1: $w"
    MANWIDTH=80 man --warnings -l docs/plan.1 > "$D/man.txt" 2> "$D/man.err"
    [ $? -eq 0 ] && [ ! -s "$D/man.err" ] && ok || bad "man -l docs/plan.1: $(head -3 "$D/man.err")"
    for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'SEE ALSO'; do
        grep -qx "$s" "$D/man.txt" && ok || bad "the man page has no section $s"
    done
fi
# One long line per paragraph: nothing hyphenated at a line end.
groff -man -Tutf8 -rLL=1000n -P-cbou docs/plan.1 2> /dev/null > "$D/man.wide"
section() { awk -v s="$1" '/^[A-Z]/ { on = ($0 == s) } on' "$D/man.wide"; }
[ "$(sed -n 's/.*"plan \([0-9.]*\)".*/\1/p' docs/plan.1 | head -1)" = "$(plan --version | cut -d' ' -f2)" ] \
    && ok || bad "the man page's version is not plan --version's"
for c in check compile checklist rules explain help; do
    section COMMANDS | grep -qE "^       $c( |$)" && ok || bad "the man page does not describe the command $c"
done
for e in LANGUAGE LC_ALL LC_MESSAGES LANG NO_COLOR PLAN_LOCALEDIR; do
    section ENVIRONMENT | grep -qE "^       (.*, )?$e(,|$)" && ok || bad "the man page's ENVIRONMENT lacks $e"
done
for x in 0 1 2; do
    section 'EXIT STATUS' | grep -qE "^       $x " && ok || bad "the man page's EXIT STATUS lacks $x"
done
section FILES | grep -qx '       .planrc' && ok || bad "the man page's FILES lacks .planrc"
section FILES | grep -qE '^       .*/LC_MESSAGES/plan\.mo$' && ok || bad "the man page's FILES lacks the message catalogs"
# Every kind of output compile writes is in FILES (offices as OFFICE).
plan compile -q --by-office "$SAMPLE" -o "$D/out" > /dev/null 2>&1
stem=$(basename "$SAMPLE" .xml)
n=0
for f in "$D"/out/*; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    suf=${f##*/"$stem"}
    [[ $suf == .checklist.*.ics && $suf != .checklist.ics ]] && suf=.checklist.OFFICE.ics
    section FILES | grep -qxF "       DIR/STEM$suf" && ok || bad "the man page's FILES lacks DIR/STEM$suf"
done
[ "$n" -ge 8 ] && ok || bad "plan compile --by-office wrote $n files"

# The option entries of OPTIONS: "COMMANDS<TAB>FORM" per form, COMMANDS the
# commands its subsection names ("General options": the global ones).
section OPTIONS | awk '
    /^   [^ ]/ { cmds = ""; h = $0
        if (h ~ /General/) cmds = "global"
        n = split(h, w, /[ ,]+/)
        for (i = 1; i <= n; i++) if (w[i] ~ /^(check|compile|checklist|rules|explain)$/) cmds = cmds " " w[i]
        next }
    /^       -/ { sub(/^       /, ""); sub(/  .*/, ""); k = split($0, f, /, /)
        for (i = 1; i <= k; i++) print cmds "\t" f[i] }' | sed 's/^ //' > "$D/entries"
for c in check compile checklist rules global; do
    grep -qE "(^| )$c( |	)" "$D/entries" && ok || bad "no option entries for $c found in the man page"
done
# The option names, and the values of --format for each command.
optname() { [[ $1 =~ ^(--[a-z][a-z-]*|--|-[A-Za-z]) ]] && printf '%s\n' "${BASH_REMATCH[1]}"; }
man_opts() {  # $1 = command: its option names (with the shared ones)
    while IFS=$'\t' read -r cmds form; do
        [[ " $cmds " == *" $1 "* ]] && optname "$form"
    done < "$D/entries" | sort -u
}
man_formats() {
    while IFS=$'\t' read -r cmds form; do
        [[ " $cmds " == *" $1 "* && $form == --format=* ]] && tr '|' '\n' <<< "${form#--format=}"
    done < "$D/entries" | sort -u
}

# Every option (and value of an option) in the help is in the man page, for
# the same command; `plan --help` against every command's options.
help_opts() {  # options of a help text on stdin, "NAME" or "NAME=v1|v2"
    grep -v 'except' | grep -oE '(^|[[:space:],(\[])(--[a-z][a-z-]*|-[A-Za-z])(=[a-z.|]+)?' \
        | sed -E 's/^[[:space:],(\[]//' | sort -u
}
allopts=$(cut -f2 "$D/entries" | while read -r f; do optname "$f"; done | sort -u)
check_help() {  # $1 = help command line, $2 = the man page's options, $3 = command for values
    local o name
    for o in $(LANGUAGE=en plan $1 2>&1 | help_opts); do
        name=${o%%=*}
        if grep -qxF -- "$name" <<< "$2"; then ok; else bad "'plan $1' mentions $name, the man page does not (for ${3:-any command})"; continue; fi
        [[ $o == *=* ]] || continue
        for v in $(tr '|' ' ' <<< "${o#*=}"); do
            if [ "$name" = --format ] && [ -n "$3" ]; then
                man_formats "$3" | grep -qxF -- "$v" && ok || bad "'plan $1' mentions $name=$v, the man page does not (for $3)"
            else
                grep -qE -- "(^| )$name=([a-z.]+\|)*$v(\||,| |$)" "$D/man.wide" && ok || bad "'plan $1' mentions $name=$v, the man page does not"
            fi
        done
    done
}
check_help --help "$allopts" ""
for c in check compile checklist; do check_help "help $c" "$(man_opts "$c")" "$c"; done

# Every option of the man page is accepted by plan, for its command(s):
# each form with sample values for its placeholders, on a clean plan.
: > "$D/planrc"
plan check -q --write-baseline "$D/baseline" "$SAMPLE" > /dev/null 2>&1
sample_form() {  # $1 = form with one alternative: prints the argv words
    local f=$1 rest
    f=${f//RULE-ID=SEVERITY/NUM-LEADING-ZERO=warning}
    f=${f//NAME/UTF-8}
    f=${f//BYTES/1000000}
    f=${f//LEVELS/256}
    f=${f//COUNT/1000000}
    f=${f//LIST/xml,json}
    f=${f//JOBS/2}
    # Any other placeholder has no sample value yet.
    rest=${f//NUM-LEADING-ZERO/}; rest=${rest//UTF-8/}; rest=${rest//DIR/}; rest=${rest//FILE/}
    [[ $rest =~ [A-Z]{2,} ]] && return 1
    f=${f//DIR/$D/accept}
    case $f in
        --config[\ =]FILE) f=${f/FILE/$D/planrc} ;;
        --baseline[\ =]FILE) f=${f/FILE/$D/baseline} ;;
        --write-baseline[\ =]FILE) f=${f/FILE/$D/baseline.new} ;;
        --depfile[\ =]FILE) f=${f/FILE/$D/deps.d} ;;
        *FILE*) return 1 ;;
    esac
    printf '%s\n' "$f"
}
while IFS=$'\t' read -r cmds form; do
    alts=$form
    if [[ $form =~ ^(-[^=]*=)(.*\|.*)$ ]]; then
        alts=$(tr '|' '\n' <<< "${BASH_REMATCH[2]}" | sed "s/^/${BASH_REMATCH[1]}/")
    fi
    while read -r alt; do
        if ! words=$(sample_form "$alt"); then bad "no sample value for the man page's '$alt'"; continue; fi
        read -ra w <<< "$words"   # an option, and its value when separate
        for c in $cmds; do
            case $c in
                global) args=("${w[@]}") ;;
                rules) args=(rules "${w[@]}") ;;
                compile) args=(compile)
                         # -o first: after "--" it would be a path.
                         [[ $words == -o* || $words == --output=* ]] || args+=(-o "$D/accept")
                         args+=("${w[@]}" "$SAMPLE") ;;
                *) args=("$c" "${w[@]}" "$SAMPLE") ;;
            esac
            plan "${args[@]}" > "$D/accept.out" 2>&1
            rc=$?
            [ "$rc" -eq 0 ] && ok || { bad "the man page lists '$alt' for $c, but 'plan ${args[*]}' exits $rc"; head -2 "$D/accept.out"; }
        done
    done <<< "$alts"
done < "$D/entries"

# --- bash completion -------------------------------------------------------
# Calls _plan as bash would, with COMP_WORDS split at blanks and at '='.
complete_words() {
    PATH="$D/bin:$PATH" bash -c '
        . completions/plan.bash
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _plan
        printf "%s\n" "${COMPREPLY[@]}" | sort' bash "$@"
}
expect_completion() {  # $1 = name, $2 = expected replies (newline-separated), then the words
    local name=$1 want=$2 got
    shift 2
    got=$(complete_words "$@")
    if [ "$got" = "$(printf '%s\n' "$want" | sort)" ]; then ok; else
        bad "completion: $name: got [$(echo $got)], expected [$(echo $want)]"; fi
}
expect_completion "commands" $'check\nchecklist' plan ch
expect_completion "global options" $'--help\n--version' plan -
expect_completion "help topics" $'check\ncompile\nchecklist' plan help c
expect_completion "check's formats" "$(man_formats check)" plan check --format =
expect_completion "checklist's formats" "$(man_formats checklist)" plan checklist --format =
expect_completion "rules' formats" "$(man_formats rules)" plan rules --format = ''
expect_completion "a format's prefix" 'json' plan checklist --format = js
expect_completion "a rule id" 'NUM-LEADING-ZERO' plan explain NUM-LEADING-Z
expect_completion "every rule id" "$(plan rules | awk '{print $1}')" plan explain ''
expect_completion "-W rule id" 'NUM-LEADING-ZERO=' plan check -W NUM-LEADING-Z
expect_completion "-W severity" 'warning' plan check -W NUM-LEADING-ZERO = w
expect_completion "--emit list" 'xml,checklist.ics' plan compile --emit = xml,checklist.i
mkdir -p "$D/comp/sub.d"
: > "$D/comp/a.xml"
: > "$D/comp/b.txt"
expect_completion "paths: plans and directories" "$D/comp/a.xml"$'\n'"$D/comp/sub.d" plan check "$D/comp/"
expect_completion "-o: directories" "$D/comp/sub.d" plan compile -o "$D/comp/"
expect_completion "--config: any file" "$D/comp/b.txt" plan check --config "$D/comp/b"
expect_completion "--config=: any file" "$D/comp/b.txt" plan check --config = "$D/comp/b"
expect_completion "--output=: directories" "$D/comp/sub.d" plan compile --output = "$D/comp/"
# Its option lists and the man page's, both ways.
for c in check compile checklist; do
    got=$(complete_words plan "$c" - | sed 's/=$//' | sort -u)
    want=$(man_opts "$c")
    if [ "$got" = "$want" ]; then ok; else
        bad "completion of 'plan $c -' differs from the man page's options:"; diff <(echo "$want") <(echo "$got") | grep '^[<>]'; fi
done
# Through real readline: '=' splits words there.
if python3 - "$D/bin" > "$D/pty.out" 2>&1 <<'EOF'
import os, pty, select, sys, time
env = dict(os.environ, PS1='$ ', PATH=sys.argv[1] + ':' + os.environ['PATH'],
           INPUTRC='/dev/null', TERM='dumb')
pid, fd = pty.fork()
if pid == 0:
    os.execve('/bin/bash', ['bash', '--norc', '--noprofile', '-i'], env)
# Type a line, TAB, then Ctrl-A and "echo " so that bash prints the line.
os.write(fd, b'. completions/plan.bash\nplan check --format=sar\t\x01echo \n'
             b'plan explain NUM-LEADING-Z\t\x01echo \nexit\n')
out, end = b'', time.time() + 60
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        try:
            d = os.read(fd, 4096)
        except OSError:
            break
        if not d:
            break
        out += d
lines = out.decode(errors='replace').replace('\r', '\n').split('\n')
ok = 'plan check --format=sarif' in lines and 'plan explain NUM-LEADING-ZERO' in lines
print('completed' if ok else 'not completed: %r' % out[-400:])
sys.exit(0 if ok else 1)
EOF
then ok; else bad "completion through readline: $(cat "$D/pty.out")"; fi

# --- pre-commit ------------------------------------------------------------
if need pre-commit pre-commit && need git git; then
    pre-commit validate-manifest .pre-commit-hooks.yaml > "$D/pc.out" 2>&1 && ok || bad "pre-commit rejects .pre-commit-hooks.yaml: $(cat "$D/pc.out")"
    G=(git -c user.name=test -c user.email=test@example.org -c init.defaultBranch=main -c commit.gpgsign=false)
    mkdir -p "$D/hooks" "$D/repo"
    cp .pre-commit-hooks.yaml "$D/hooks/"
    (cd "$D/hooks" && "${G[@]}" init -q && "${G[@]}" add . && "${G[@]}" commit -qm hooks)
    rev=$(git -C "$D/hooks" rev-parse HEAD)
    printf 'repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: plan-check\n  - id: plan-check-all\n' "$D/hooks" "$rev" \
        > "$D/repo/.pre-commit-config.yaml"
    cp "$SAMPLE" "$D/repo/"
    echo 'not a plan' > "$D/repo/notes.txt"
    (cd "$D/repo" && "${G[@]}" init -q && "${G[@]}" add .)
    run_hooks() { (cd "$D/repo" && PATH="$D/bin:$PATH" PRE_COMMIT_HOME="$D/pc-home" pre-commit run --all-files) > "$D/pc.out" 2>&1; }
    run_hooks && ok || { bad "pre-commit hooks fail on a clean plan (and a text file)"; tail -5 "$D/pc.out"; }
    sed 's|<number>32/KH-SNgV</number>|<number>3/KH-SNgV</number>|' "$SAMPLE" > "$D/repo/bad.xml"
    (cd "$D/repo" && "${G[@]}" add bad.xml)
    run_hooks
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$(grep -cE '^(\./)?bad\.xml:[0-9]+:[0-9]+: error: .*\[NUM-LEADING-ZERO\]$' "$D/pc.out")" -eq 2 ] \
        && grep -q '^- hook id: plan-check$' "$D/pc.out" && grep -q '^- hook id: plan-check-all$' "$D/pc.out"; then ok; else
        bad "pre-commit hooks do not fail on a plan with an error (exit $rc)"; tail -8 "$D/pc.out"; fi
fi

# --- docs/ci.md: its YAML parses, and its plan commands work ------------
# The files its plan commands write are those the examples upload; they run
# in a repository of clean plans, then in one with an error.
if python3 -c 'import yaml' 2> /dev/null; then
    python3 - docs/ci.md > "$D/ci.cmds" 2> "$D/ci.err" <<'EOF'
import re, sys, yaml
text = open(sys.argv[1], encoding='utf-8').read()
blocks = [yaml.safe_load(b) for b in re.findall(r'^```yaml\n(.*?)^```$', text, re.S | re.M)]
def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
def plan_lines(x):
    return [l.strip() for s in strings(x) for l in s.split('\n') if l.strip().startswith('plan ')]
def written(lines, fmt):
    for l in lines:
        m = re.match(r'plan check --format=%s \. > (\S+)' % fmt, l)
        if m:
            return m.group(1)
    sys.exit('no "plan check --format=%s . > FILE"' % fmt)
gh = next(b for b in blocks if isinstance(b, dict) and 'jobs' in b)
gl = next(b for b in blocks if isinstance(b, dict) and 'plans' in b)
pc = next(b for b in blocks if isinstance(b, dict) and 'repos' in b)
up = [s for j in gh['jobs'].values() for s in j['steps'] if 'upload-sarif' in s.get('uses', '')]
assert up and up[0]['with']['sarif_file'] == written(plan_lines(gh), 'sarif'), 'upload-sarif uploads another file'
assert gh['permissions']['security-events'] == 'write', 'upload-sarif needs security-events: write'
rep = gl['plans']['artifacts']['reports']
assert rep['codequality'] == written(plan_lines(gl), 'gitlab'), 'codequality is another file'
assert rep['junit'] == written(plan_lines(gl), 'junit'), 'junit is another file'
hooks = [h['id'] for h in pc['repos'][0]['hooks']]
ids = [h['id'] for h in yaml.safe_load(open('.pre-commit-hooks.yaml'))]
assert set(hooks) <= set(ids), 'the pre-commit example names a hook that does not exist'
for l in plan_lines(gh) + plan_lines(gl):
    print(l)
EOF
    [ $? -eq 0 ] && ok || bad "docs/ci.md: $(tail -1 "$D/ci.err")"
    [ "$(grep -c . "$D/ci.cmds")" -ge 5 ] && ok || bad "docs/ci.md: fewer plan commands than expected"
    mkdir -p "$D/ci-clean/plans" "$D/ci-bad/plans"
    cp plans/*.xml "$D/ci-clean/plans/"
    cp plans/*.xml "$D/ci-bad/plans/"
    sed 's|<number>32/KH-SNgV</number>|<number>3/KH-SNgV</number>|' "$SAMPLE" > "$D/ci-bad/$SAMPLE"
    for repo in ci-clean ci-bad; do
        while IFS= read -r cmd; do
            (cd "$D/$repo" && PATH="$D/bin:$PATH" sh -c "$cmd") > /dev/null 2>&1
            rc=$?
            # The report lines accept findings; the gate fails on them.
            want=0
            [ "$repo" = ci-bad ] && [[ $cmd != *">"* ]] && want=1
            [ "$rc" -eq "$want" ] && ok || bad "docs/ci.md in $repo: '$cmd' exits $rc, expected $want"
        done < "$D/ci.cmds"
        if python3 - "$D/$repo" "$repo" "$D/ci.cmds" > "$D/ci.out" 2>&1 <<'EOF'
import json, re, sys, xml.dom.minidom
d, repo = sys.argv[1], sys.argv[2]
files = dict(re.findall(r'^plan check --format=(\w+) \. > (\S+)', open(sys.argv[3]).read(), re.M))
sarif = json.load(open(d + '/' + files['sarif']))
assert sarif['version'] == '2.1.0', sarif.get('version')
cq = json.load(open(d + '/' + files['gitlab']))
assert isinstance(cq, list), 'the Code Quality report is not a list'
failures = xml.dom.minidom.parse(d + '/' + files['junit']).getElementsByTagName('failure')
if repo == 'ci-bad':
    assert any(r.get('ruleId') == 'NUM-LEADING-ZERO' for r in sarif['runs'][0]['results']), 'no finding in SARIF'
    assert any(i.get('check_name') == 'NUM-LEADING-ZERO' for i in cq), 'no finding in Code Quality'
    assert failures, 'no failure in JUnit'
else:
    assert not failures, 'a failure in JUnit for clean plans'
EOF
        then ok; else bad "docs/ci.md in $repo: the reports: $(tail -1 "$D/ci.out")"; fi
    done
else
    bad "python3-yaml is not installed (Debian package python3-yaml)"
fi

echo "cli: $pass passed, $fail failed"
