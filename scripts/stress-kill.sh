#!/usr/bin/env bash
# kill -9 at random points of an Autopilot session, then resume it (issue 16). For each trial: a fresh
# workspace with titanic.csv, `mlexp run … --model autopilot` killed with SIGKILL after a random delay
# within an uninterrupted session's duration; then the store (`mlexp runs --json` opens it), the log
# (`mlexp log --verify`, when one was written) and the transcript (whole JSON lines but a cut last one;
# listed by `mlexp runs --sessions`) are checked; then `mlexp run … --resume` must end with exit 0, a log
# that verifies and equals the uninterrupted session's log byte for byte (same experiments, numbers, run ids).
#   scripts/stress-kill.sh [TRIALS] [SEED]     (default 50 trials, seed 16; the release build, or MLEXP_BIN)
set -uo pipefail
cd "$(dirname "$0")/.."
trials=${1:-50}
RANDOM=${2:-16}
if [ -n "${MLEXP_BIN:-}" ]; then
  bin=$(cd "$(dirname "$MLEXP_BIN")" && pwd)/$(basename "$MLEXP_BIN")
else
  swift build -c release --product mlexp >/dev/null || { echo "stress: release build failed"; exit 1; }
  bin=$(pwd)/.build/release/mlexp
fi
data=$(pwd)/datasets/titanic.csv
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
args=(run titanic.csv --target survived --model autopilot)

mkdir "$work/reference" && cp "$data" "$work/reference/"
start=$(date +%s%N)
(cd "$work/reference" && "$bin" "${args[@]}" >out.txt 2>&1) || { echo "stress: the uninterrupted session failed"; exit 1; }
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "uninterrupted session: ${duration_ms} ms"

passed=0
for i in $(seq 1 "$trials"); do
  ws=$work/t$i; mkdir "$ws"; cp "$data" "$ws/"
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (duration_ms + 1) ))
  (cd "$ws" && exec "$bin" "${args[@]}" >a.out 2>&1) &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  problems=""
  (cd "$ws" && "$bin" runs --json >/dev/null 2>&1) || problems="$problems store;"
  if [ -f "$ws/.mlexp/log.json" ]; then (cd "$ws" && "$bin" log --verify >/dev/null 2>&1) || problems="$problems log-verify;"; fi
  for t in "$ws"/transcripts/*.jsonl; do
    [ -f "$t" ] || continue
    python3 - "$t" <<'PY' || problems="$problems transcript;"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
whole = lines[:-1]  # the text after the last newline may be a line cut by the kill
for line in whole:
    json.loads(line)
PY
    (cd "$ws" && "$bin" runs --sessions | grep -q "$(basename "$t")") || problems="$problems transcript-listed;"
  done
  (cd "$ws" && "$bin" "${args[@]}" --resume >b.out 2>&1) || problems="$problems resume-exit;"
  (cd "$ws" && "$bin" log --verify >/dev/null 2>&1) || problems="$problems resumed-log-verify;"
  cmp -s "$ws/EXPERIMENTS.md" "$work/reference/EXPERIMENTS.md" || problems="$problems log-differs;"
  if [ -z "$problems" ]; then passed=$((passed + 1)); status=ok; else status="FAILED:$problems"; fi
  echo "trial $i: kill at ${delay_ms} ms: $status"
  [ -z "$problems" ] && rm -rf "$ws"
done
echo "stress-kill: $passed/$trials trials passed (kill -9 then --resume; log equal to the uninterrupted session's)"
[ "$passed" -eq "$trials" ]
