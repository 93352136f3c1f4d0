#!/usr/bin/env bash
# Replay speed: (1) the overhead per event of replaying (parsing, comparing, rendering) on a long synthetic
# transcript, with tools that answer at once (benchmarks/ReplayBench, median of several runs; goal < 1 ms
# per event); (2) `mlexp replay --instant` of each shipped transcript against the time its recorded
# session took and its tools' training time. Writes benchmarks/RESULTS-replay.md.
#   benchmarks/replay.sh [calls=5000] [runs=5]     (SCRATCH=.build-checks reuses another release build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-5000}
runs=${2:-5}
scratch=${SCRATCH:-.build}
swift build -c release --product ReplayBench --scratch-path "$scratch" >/dev/null
swift build -c release --product mlexp --scratch-path "$scratch" >/dev/null
bin=$scratch/release
out=benchmarks/RESULTS-replay.md
bench=$("$bin/ReplayBench" "$calls" "$runs")
{
  echo "# Replay benchmark"
  echo
  echo "Machine: $(uname -sm), $(nproc 2>/dev/null || sysctl -n hw.ncpu) cores; $(date -u +%Y-%m-%dT%H:%MZ). Command: \`benchmarks/replay.sh $calls $runs\`."
  echo
  echo "## Overhead per event (long synthetic transcript, instant tools)"
  echo
  echo '```'
  echo "$bench"
  echo '```'
  echo
  echo "## Shipped transcripts: replay (re-running every tool) vs the recorded session"
  echo
  echo "Replay (s): the time \`mlexp replay\` reports for the session (loop, tools re-run, comparison); process"
  echo "(s): the whole command's wall time, start-up and reading the transcript included."
  echo
  echo "| transcript | replay (s) | process (s) | recorded session (s) | recorded tools (s) | verdict |"
  echo "|---|---|---|---|---|---|"
  for t in transcripts/*.jsonl; do
    start=$(date +%s.%N)
    output=$("$bin/mlexp" replay "$t" --instant 2>&1) || true
    end=$(date +%s.%N)
    verdict=$(grep -E '^(✓|✗)' <<<"$output" | head -1 | cut -c1-70) || true
    line=$(grep -m1 '^Replay took' <<<"$output") || true
    inner=$(sed -E 's/^Replay took ([0-9.]+) s.*/\1/' <<<"$line")
    rec=$(sed -E 's/.*session took ([0-9.]+) s.*/\1/' <<<"$line")
    tools=$(sed -E 's/.*its tools ([0-9.]+) s.*/\1/' <<<"$line")
    printf '| %s | %s | %.2f | %s | %s | %s |\n' "$(basename "$t")" "$inner" "$(echo "$end - $start" | bc)" "$rec" "$tools" "$verdict"
  done
} >"$out"
cat "$out"
