#!/bin/sh
# scripts/install-deps.sh - install the Debian 12 packages plan needs to build
# and test. Runs apt-get as root, or through sudo when not root.
set -e
# python3-icalendar, python3-jsonschema and chromium read the outputs back in
# tests/cli/outputs.sh; fonts-liberation2 gives Chromium a Times New Roman
# with every Vietnamese letter when it prints the HTML. libicu-dev is the
# collation oracle of tests/unit/test_collate_icu.c (never linked into plan).
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libutf8proc-dev gettext libcmocka-dev libicu-dev python3
      python3-icalendar python3-jsonschema chromium fonts-liberation2"
# tests/cli/packaging.sh renders plan(1) (man-db, groff-base), loads the
# completion (bash-completion), runs the hooks (pre-commit, git) and reads
# the YAML of docs/ci.md (python3-yaml).
PKGS="$PKGS man-db groff-base bash-completion pre-commit git python3-yaml"
# tests/cli/formats.sh reads JUnit reports with python3-junitparser and the
# SARIF and JUnit ones with the npm packages of tests/npm-packages.txt.
PKGS="$PKGS python3-junitparser"
# tests/cli/access.sh traces plan's file and network calls with strace.
PKGS="$PKGS strace"
need=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need="$need $p"
done
# Debian's npm, unless an npm is there already (NodeSource's nodejs carries
# one and conflicts with Debian's package).
command -v npm > /dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
fi
# The npm packages, pinned, into build/npm, as the user who builds (not
# through sudo); nothing is downloaded when they are there at their versions.
cd "$(dirname "$0")/.."
PKGS_NPM=$(grep -v '^#' tests/npm-packages.txt)
for pv in $PKGS_NPM; do
    f="build/npm/node_modules/${pv%@*}/package.json"
    grep -q "\"version\": *\"${pv##*@}\"" "$f" 2>/dev/null || npm_need=1
done
if [ -n "${npm_need:-}" ]; then
    mkdir -p build/npm
    npm install --no-save --no-audit --no-fund --legacy-peer-deps --ignore-scripts \
        --prefix build/npm $PKGS_NPM
fi
