#!/bin/sh
# scripts/run-tests.sh - every test: install the dependencies if missing,
# build, and run the suite (unit, rule cases, seeds, samples, schema, CLI,
# documentation examples). Ends with "N passed, N failed".
set -e
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -s test
