#!/bin/sh
# scripts/install-deps.sh - install the Debian 12 packages plan needs to build
# and test. Runs apt-get as root, or through sudo when not root.
set -e
# python3-icalendar, python3-jsonschema and chromium read the outputs back in
# tests/cli/outputs.sh; fonts-liberation2 gives Chromium a Times New Roman
# with every Vietnamese letter when it prints the HTML.
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libutf8proc-dev gettext libcmocka-dev python3
      python3-icalendar python3-jsonschema chromium fonts-liberation2"
need=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need="$need $p"
done
[ -z "$need" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
