#!/bin/sh
# scripts/run-samples.sh - the main job on the sample plans: install the
# build dependencies if they are missing, build, check every plan in plans/
# and compile them into out/.
set -e
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -s
echo "== plan check plans/"
build/plan check plans/
echo "== plan compile plans/ -o out/"
build/plan compile plans/ -o out/
ls -l out/
