#!/usr/bin/env bash
# npm run bench:peers: the shared side-by-side benchmark (../shared/bench) with our runtime's adapter
# (test/bench/peers/assessment-studio) beside the peers.
#
# The bench is run from a private copy (node_modules/.cache/shared-bench) rather than in ../shared/bench
# itself: run.sh writes node_modules/, dist/ and its results beside itself, and ../shared/ is read by other
# work going on in parallel. The copy is refreshed from ../shared/bench on every run (its node_modules kept).
# Environment: BENCH_ROUNDS, BENCH_ONLY as in ../shared/bench/README.md.
# The tables land in node_modules/.cache/shared-bench/results.md; copy the rows into test/bench/RESULTS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${BENCH_SHARED:-$root/../shared/bench}"
copy="$root/node_modules/.cache/shared-bench"
[ -f "$src/run.sh" ] || { echo "shared bench not found at $src (set BENCH_SHARED)"; exit 1; }
mkdir -p "$copy"
# Refresh everything but the installed dependencies and the build output.
(cd "$src" && tar cf - --exclude=./node_modules --exclude=./dist --exclude=./results-raw .) | (cd "$copy" && tar xf -)
chmod -R u+w "$copy"
export BENCH_EXTRA_ADAPTERS="$root/test/bench/peers${BENCH_EXTRA_ADAPTERS:+:$BENCH_EXTRA_ADAPTERS}"
bash "$copy/run.sh"
echo "results: $copy/results.md"
