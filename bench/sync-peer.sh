#!/usr/bin/env bash
# Sync against a peer: one data set (bench/dataset.js: 1,000 cases, 25 edits each, 5% with a
# concurrent edit of the same field, no photos) replicated by Quayside (real client, real server
# binary, loopback) and by PouchDB over the CouchDB replication protocol (express-pouchdb), both
# through the same counting proxy. Prints each run, then medians with their spread and the ratios.
#
#   bench/sync-peer.sh                                   full run (3 repeats)
#   BENCH_CASES=20 BENCH_REPEAT=1 bench/sync-peer.sh     tiny run: checks that it still works
# BENCH_SEED picks another data set; BENCH_FIGURES=FILE keeps every run's BENCH lines
# (`node bench/report.js < FILE` prints the table again). The Rust side is built in release mode
# (BENCH_PROFILE=dev: a debug build, for the test suite's tiny run; CARGO_TARGET_DIR is respected);
# the node packages are installed with `npm ci` when missing. bench/run runs this among the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

cases=${BENCH_CASES:-1000}
repeat=${BENCH_REPEAT:-3}
seed=${BENCH_SEED:-1}

check_toolchains
npm_install bench/pouchdb

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

profile=${BENCH_PROFILE:-bench}
say "building the Quayside side (profile $profile)"
# The bench executable itself, so the runs below time no cargo bookkeeping.
quayside=$(bench_executable "$profile" quayside-server sync_peer)

node bench/dataset.js --cases "$cases" --seed "$seed" >"$work/dataset.json"
export BENCH_DATASET="$work/dataset.json"
figures=${BENCH_FIGURES:-$work/figures}
[ -n "${BENCH_FIGURES:-}" ] || : >"$figures"

for run in $(seq 1 "$repeat"); do
  say "run $run of $repeat: $cases cases"
  # Alternate which side goes first, so neither always runs on a machine the other just warmed.
  if [ $((run % 2)) -eq 1 ]; then sides=(quayside pouchdb); else sides=(pouchdb quayside); fi
  for side in "${sides[@]}"; do
    if [ "$side" = quayside ]; then
      "$quayside" --bench
    else
      node bench/pouchdb/replicate.js
    fi
  done | tee -a "$figures" | grep -v '^BENCH '
done

node bench/report.js --groups sync <"$figures"
