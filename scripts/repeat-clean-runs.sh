#!/usr/bin/env bash
# Issue 19's "the same answer every run": clones this repository afresh N times at one commit (HEAD
# when it starts, so commits made meanwhile are not mixed in), runs exactly
# what CI runs (.ci/run) in each clone, one after another, and appends one line per run to a log:
# start time, commit, exit code, minutes, test files and tests passed or failed. Run it on a quiet
# machine (the timing suites read other load as long tasks).
# usage: bash scripts/repeat-clean-runs.sh [runs=10] [log=test-results/clean-runs.log]
set -uo pipefail
runs=${1:-10}
log=${2:-test-results/clean-runs.log}
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse --short HEAD)
full=$(git -C "$repo" rev-parse HEAD)
mkdir -p "$(dirname "$log")"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/clean-run-XXXXXX)
  git clone -q "$repo" "$dir/repo" && git -C "$dir/repo" checkout -q "$full"
  start=$(date -u +%FT%TZ); t0=$(date +%s)
  (cd "$dir/repo" && bash .ci/run) > "$dir/run.log" 2>&1
  code=$?
  minutes=$(( ($(date +%s) - t0) / 60 ))
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$dir/run.log" | grep -E '^ +(Test Files|Tests) ' | tr -s ' ' | paste -sd';' -)
  echo "$start $commit run $i/$runs exit $code ${minutes} min ${summary}" | tee -a "$log"
  # Keep the whole output of a failed run to read; a passing one is removed.
  if [ "$code" -eq 0 ]; then rm -rf "$dir"; else echo "  kept: $dir/run.log" | tee -a "$log"; fi
done
