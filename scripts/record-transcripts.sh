#!/usr/bin/env bash
# Re-records the shipped transcripts (transcripts/*.jsonl) that the test suite replays:
#   - an Autopilot session (`mlexp run --model autopilot --budget 30s`: a short search keeps the replay tests
#     quick) on each shipped dataset, and a clustering
#     session (no target) on wine with its class column as the reference;
#   - a chat session against the real llama.cpp server of the client's tests (scripts/services/llama.sh),
#     skipped with a note when that server cannot start (pass --no-llm to skip it on purpose).
# Each session runs in a fresh temporary workspace holding a copy of its dataset; replay finds the
# dataset again under datasets/. Run it after any change that alters a tool's numbers: the replay tests
# fail until the transcripts are re-recorded.
#   scripts/record-transcripts.sh [--no-llm]      (MLEXP_BIN=path uses that mlexp instead of a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
llm=1
[ "${1:-}" = "--no-llm" ] && llm=0

if [ -n "${MLEXP_BIN:-}" ]; then
  bin=$(cd "$(dirname "$MLEXP_BIN")" && pwd)/$(basename "$MLEXP_BIN")
else
  swift build -c release --product mlexp >/dev/null
  bin=$repo/.build/release/mlexp
fi
mkdir -p transcripts

record_run() { # dataset target name [extra run arguments…]
  local ws; ws=$(mktemp -d)
  cp "datasets/$1" "$ws/"
  local what=(--target "$2")
  [ -z "$2" ] && what=()
  (cd "$ws" && "$bin" run "$1" "${what[@]}" "${@:4}" --model autopilot --budget 30s --transcripts out >/dev/null)
  mv "$(ls "$ws"/out/*.jsonl | head -1)" "transcripts/$3.jsonl"
  rm -rf "$ws"
  echo "recorded transcripts/$3.jsonl"
}

record_run titanic.csv survived autopilot-titanic
record_run penguins.csv species autopilot-penguins
record_run mpg.csv hwy autopilot-mpg
record_run wine.csv target autopilot-wine
# Clustering: no target, wine's class column named only as the reference (adjusted_rand).
record_run wine.csv "" autopilot-wine-clustering --reference target

if [ $llm = 1 ]; then
  services=$(scripts/services/llama.sh) || { echo "llama.cpp server unavailable: the chat transcript was not re-recorded"; exit 0; }
  pid=$(sed -n 's/^PID //p' <<<"$services")
  eval "$(sed -n 's/^ENV /export /p' <<<"$services")"
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  ws=$(mktemp -d)
  cp datasets/titanic.csv "$ws/"
  # A short conversation that a 270M model can follow: the call spelled out (load_data succeeds over
  # the wire), then what the model makes of the result; two model turns keep it within the 4096-token context.
  (cd "$ws" && printf '%s\n' \
    'Call load_data with {"path": "titanic.csv", "target": "survived"}.' |
    "$bin" chat --model "$MLEXP_TEST_LLM_MODEL" --base-url "$MLEXP_TEST_LLM_URL" --max-turns 2 --max-tokens 200 --transcripts out >/dev/null)
  mv "$(ls "$ws"/out/*.jsonl | head -1)" transcripts/llama-chat-titanic.jsonl
  rm -rf "$ws"
  echo "recorded transcripts/llama-chat-titanic.jsonl"
fi
