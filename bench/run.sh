#!/bin/sh
# bench/run.sh - `make bench`: build plan with the normal flags, write the
# deterministic corpus (bench/gen-corpus.py) and print one table of
# measurements (bench/measure.py): plan check against xmllint --noout and
# xmllint --relaxng, plan compile at -j1 and -jN, peak memory at 500 and
# 5,000 files, time against plan size. docs/performance.md explains it.
#
# Environment:
#   BUILD        build directory (default build); plan is BUILD/plan
#   PLAN         use this plan binary instead of building BUILD/plan
#   BENCH_DIR    where the corpus goes (default BUILD/bench)
#   BENCH_N      number of plans (default 5000)
#   BENCH_RUNS   runs per measurement, the best is kept (default 3)
#
# Exit status: 0 when every measurement ran (missed targets are FAIL rows of
# the table, not an error); 2 when the bench itself failed.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
BENCH_DIR=${BENCH_DIR:-$BUILD/bench}
BENCH_N=${BENCH_N:-5000}
BENCH_RUNS=${BENCH_RUNS:-3}

fail() { echo "bench: error: $*" >&2; exit 2; }

command -v python3 > /dev/null || fail "python3 is not installed"
command -v xmllint > /dev/null || fail "xmllint is not installed (Debian: libxml2-utils)"
if [ -z "${PLAN:-}" ]; then
    # The normal build (CFLAGS -O2 -g from the Makefile), not a sanitizer build.
    make -s BUILD="$BUILD" all || fail "the build failed"
    PLAN=$BUILD/plan
fi
[ -x "$PLAN" ] || fail "$PLAN is not an executable"

echo "bench: writing the corpus ($BENCH_N plans) into $BENCH_DIR" >&2
python3 bench/gen-corpus.py "$BENCH_DIR" -n "$BENCH_N" >&2 || fail "bench/gen-corpus.py failed"
echo "bench: measuring, best of $BENCH_RUNS runs (a few minutes)" >&2
python3 bench/measure.py --plan "$PLAN" --corpus "$BENCH_DIR" --runs "$BENCH_RUNS" \
    || fail "bench/measure.py failed"
