#!/usr/bin/env bash
# tests/cli/access.sh - plan uses no network and touches no file beyond its
# inputs, the configuration, the output directory and the system's own
# (shared libraries, locale data, gconv modules, the message catalogs,
# /proc/self, /dev/null, the CPU count): every file and network system call
# of check, compile and checklist is traced with strace and checked,
# including on a plan whose external entity and XInclude name local files
# and a URL. Writes must all be under the output directory.
set -u
PLAN=${PLAN:-build/plan}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/access
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
if ! command -v strace > /dev/null; then
    echo "FAIL: strace is not installed (Debian package strace): the access audit did not run"
    echo "cli: 0 passed, 1 failed"
    exit 0
fi
if ! strace -f -qq -o /dev/null true 2> "$D/strace.err"; then
    echo "FAIL: strace cannot trace here ($(head -1 "$D/strace.err")): the access audit did not run"
    echo "cli: 0 passed, 1 failed"
    exit 0
fi
ROOT=$(pwd -P)
PLANABS=$(cd "$(dirname "$PLAN")" && pwd -P)/$(basename "$PLAN")

# trace NAME DIR ALLOWED-INPUTS OUTDIR CONFIG -- ARGS...: runs plan in DIR under
# strace (not under WRAP: valgrind's own files would drown plan's) and checks
# every path it named. Returns 0 when all is allowed, 1 when not (the reasons
# in $D/why-NAME), 2 when plan itself failed.
trace() {
    local name=$1 dir=$2 inputs=$3 outdir=$4 config=$5
    shift 6
    local logs=$D/log-$name
    mkdir -p "$logs"
    (cd "$dir" && timeout 120 strace -ff -qq -y -o "$logs/t" \
        -e trace=%file,%network "$PLANABS" "$@" > /dev/null 2>&1)
    local rc=$?
    if [ "$rc" -gt 2 ]; then
        echo "plan exited $rc under strace" > "$D/why-$name"
        return 2
    fi
    ACCESS_CWD=$dir ACCESS_INPUTS=$inputs ACCESS_OUT=$outdir ACCESS_CONFIG=$config \
        ACCESS_PLAN=$PLANABS ACCESS_LOCALEDIR=${PLAN_LOCALEDIR:-} \
        python3 - "$logs" > "$D/why-$name" 2>&1 << 'EOF'
import os, re, sys

logs = sys.argv[1]
cwd = os.path.normpath(os.environ["ACCESS_CWD"])
def absp(p, base=cwd):
    return os.path.normpath(os.path.join(base, p))
inputs = [absp(p) for p in os.environ["ACCESS_INPUTS"].split(":") if p]
out = absp(os.environ["ACCESS_OUT"]) if os.environ["ACCESS_OUT"] else None
config = absp(os.environ["ACCESS_CONFIG"]) if os.environ["ACCESS_CONFIG"] else None
plan = os.environ["ACCESS_PLAN"]
# The system's own files: shared libraries, locale data and aliases, gconv
# modules, message catalogs (installed, PLAN_LOCALEDIR, next to the binary),
# /proc/self, the CPU count for -j, what glibc's malloc asks the kernel
# (threads' arenas), /dev/null.
system = ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/share/locale",
          "/usr/local/share/locale", "/etc/ld.so.cache", "/etc/ld.so.preload",
          "/etc/locale.alias", "/proc/self", "/proc/thread-self",
          "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/possible",
          "/proc/sys/vm/overcommit_memory", "/sys/kernel/mm/transparent_hugepage",
          "/dev/null", plan, os.path.join(os.path.dirname(plan), "locale")]
if os.environ.get("ACCESS_LOCALEDIR"):
    system.append(absp(os.environ["ACCESS_LOCALEDIR"]))
readable = inputs + system + ([config] if config else []) + ([out] if out else [])
# Directories that may be looked at (stat, readlink, mkdir -p of the output
# directory), not read: the ancestors of what may be read, and of the
# current directory, where .planrc and .git are searched for upward.
def ancestors(p):
    r = []
    while True:
        r.append(p)
        q = os.path.dirname(p)
        if q == p:
            return r
        p = q
looked = set()
for p in inputs + [cwd] + ([out] if out else []) + ([config] if config else []):
    looked.update(ancestors(p))
search = set()
for a in ancestors(cwd):
    search.update({os.path.join(a, ".planrc"), os.path.join(a, ".git")})

def under(p, roots):
    return any(p == r or p.startswith(r.rstrip("/") + "/") for r in roots)

network = {"socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
           "sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg",
           "getsockname", "getpeername", "setsockopt", "getsockopt", "shutdown"}
metadata = {"stat", "lstat", "newfstatat", "statx", "access", "faccessat", "faccessat2",
            "readlink", "readlinkat", "mkdir", "mkdirat", "getcwd", "chdir"}
writing = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND")
arg = re.compile(r'(?:(AT_FDCWD|\d+)<([^>]*)>, )?"((?:[^"\\]|\\.)*)"')
bad = []
opened_input = False
for f in sorted(os.listdir(logs)):
    for line in open(os.path.join(logs, f), encoding="utf-8", errors="replace"):
        m = re.match(r"(\w+)\((.*)", line)
        if not m:
            continue
        call, rest = m.groups()
        if call in network:
            bad.append("network: " + line.strip())
            continue
        if call in ("execve", "getcwd"):
            continue
        args = list(arg.finditer(rest))
        if call in ("readlink", "readlinkat"):
            args = args[:1]  # the second string is the link's content
        for a in args:
            base = a.group(2) if a.group(1) and a.group(1) != "AT_FDCWD" else cwd
            if a.group(1) == "AT_FDCWD" and a.group(2):
                base = a.group(2)
            if a.group(3) == "":
                continue  # AT_EMPTY_PATH: the descriptor itself, opened before
            if call in ("link", "linkat") and a.start() == args[0].start() and \
                    re.fullmatch(r"/proc/self/fd/\d+", a.group(3)):
                continue  # an unnamed file (O_TMPFILE) by its descriptor, opened before
            p = absp(a.group(3), base)
            writes = call in ("rename", "renameat", "renameat2", "unlink", "unlinkat",
                              "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink",
                              "chmod", "fchmodat", "truncate", "creat") or \
                (call in ("open", "openat") and writing.search(rest))
            if writes and call in ("mkdir", "mkdirat") and out and p in ancestors(out):
                continue  # mkdir -p of the output directory
            if writes:
                if not (out and under(p, [out])):
                    bad.append("write outside the output directory: " + line.strip())
            elif under(p, readable) or p in search:
                if call in ("open", "openat") and under(p, inputs) and p.endswith(".xml"):
                    opened_input = True
            elif call in metadata and p in looked:
                pass
            else:
                bad.append("stray access: " + line.strip())
if inputs and not opened_input:
    bad.append("no input file was opened: the trace saw nothing of the run")
for b in bad[:20]:
    print(b)
sys.exit(1 if bad else 0)
EOF
}
clean() {
    if trace "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL: access: $1:"; head -5 "$D/why-$1"
    fi
}

# The repository itself: inputs in plans/ and tests/seeds/, no .planrc (the
# search stops at .git).
clean check-plans "$ROOT" "plans" "" "" -- check plans
clean check-seeds-sarif "$ROOT" "tests/seeds" "" "" -- check --format=sarif tests/seeds
clean compile-plans "$ROOT" "plans" "$D/out" "" -- compile plans -o "$D/out"
clean compile-again "$ROOT" "plans" "$D/out" "" -- compile plans -o "$D/out"
clean checklist "$ROOT" "plans/004-32-KH-SNgV.xml" "" "" -- checklist --format=ics plans/004-32-KH-SNgV.xml

# A project with its .planrc, messages in Vietnamese, a nested output directory.
P=$D/proj
mkdir -p "$P/.git" "$P/plans/sub"
cp plans/000-3621-KH-SVHTTDL.xml plans/001-KH-SVHTTDL.xml "$P/plans/"
cp plans/004-32-KH-SNgV.xml "$P/plans/sub/"
printf '[rules]\nNUM-SPACING = off\n[paths]\nexclude = drafts\n' > "$P/.planrc"
LANGUAGE=vi clean project-check "$P" "plans" "" ".planrc" -- check plans
LANGUAGE=vi clean project-compile "$P" "plans" "build/out/a" ".planrc" -- compile plans -o build/out/a

# A hostile plan: an external entity naming a local file and a URL, an XInclude.
H=$D/hostile
mkdir -p "$H"
cat > "$H/xxe.xml" << 'EOF'
<?xml version="1.0"?>
<!DOCTYPE plan [<!ENTITY x SYSTEM "file:///etc/hostname"><!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>
<plan xmlns="urn:x-plan:ke-hoach:1"><header/><body><p>&x;&y;</p></body></plan>
EOF
cat > "$H/xinclude.xml" << 'EOF'
<?xml version="1.0"?>
<plan xmlns="urn:x-plan:ke-hoach:1" xmlns:xi="http://www.w3.org/2001/XInclude"><header/><body><xi:include href="/etc/hostname" parse="text"/><xi:include href="http://127.0.0.1:9/x"/></body></plan>
EOF
clean hostile-check "$ROOT" "$H" "" "" -- check "$H"
clean hostile-compile "$ROOT" "$H" "$D/hout" "" -- compile "$H" -o "$D/hout"

# The audit itself notices a stray read: a run given a file it was not told
# about fails the check (otherwise this test could never fail).
trace self-test "$ROOT" "plans/004-32-KH-SNgV.xml" "" "" -- \
    check plans/004-32-KH-SNgV.xml tests/seeds/003-1-KH-VP.xml
if [ $? -eq 1 ] && grep -q '^stray access: .*tests/seeds/003-1-KH-VP.xml' "$D/why-self-test"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAIL: access: the audit did not notice a read outside the inputs"
fi
# ... and a write outside the output directory.
trace self-test-write "$ROOT" "plans" "$D/elsewhere" "" -- compile plans -o "$D/out-self"
if [ $? -eq 1 ] && grep -q '^write outside the output directory: ' "$D/why-self-test-write"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAIL: access: the audit did not notice a write outside the output directory"
fi

echo "cli: $pass passed, $fail failed"
