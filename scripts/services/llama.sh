#!/usr/bin/env bash
# Integration service: a real llama.cpp server (xllamacpp from PyPI) with gemma-3-270m and a
# tool-aware chat template, on 127.0.0.1 and a free port, in the background. Prints
#   PID <pid>
#   ENV MLEXP_TEST_LLM_URL=http://127.0.0.1:<port>/v1
#   ENV MLEXP_TEST_LLM_MODEL=<model id>
# once the server answers (scripts/test.sh reads these). Also handy by hand, e.g. to record a
# transcript: eval "$(scripts/services/llama.sh | sed -n 's/^ENV /export /p')".
# The server's log goes to ${MLEXP_CACHE:-~/.cache/mlexp}/llama-server.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${MLEXP_TEST_PYTHON:-$(scripts/venv.sh)}
cache=${MLEXP_CACHE:-$HOME/.cache/mlexp}
mkdir -p "$cache"
log=$cache/llama-server.log
: >"$log"
nohup "$py" scripts/llm_server.py --model gemma3 --port 0 "$@" >"$log" 2>&1 </dev/null &
pid=$!
for _ in $(seq 1 600); do
  if grep -q 'READY http' "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "llama.sh: the llama.cpp server exited while starting: $(tail -3 "$log")" >&2
    exit 1
  fi
  sleep 0.5
done
# llama.cpp's own log lines share the file and can start on the READY line (a timestamp before it, or
# its next message glued after it), so the line is matched anywhere, up to the model id.
read -r _ url model _ < <(grep -m1 -o 'READY http://[^ ]* [^ (]*' "$log") || true
if [ -z "${url:-}" ]; then
  echo "llama.sh: the llama.cpp server did not start within 300 s: $(tail -3 "$log")" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "PID $pid"
echo "ENV MLEXP_TEST_LLM_URL=$url/v1"
echo "ENV MLEXP_TEST_LLM_MODEL=$model"
