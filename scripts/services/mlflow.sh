#!/usr/bin/env bash
# Starts an MLflow tracking server for the integration tests: SQLite backend and artifacts in a
# scratch folder, bound to 127.0.0.1 on a free port. Prints "PID <pid>" and
# "ENV MLEXP_TEST_MLFLOW_URL=http://127.0.0.1:<port>" once /health answers.
# MLflow lives in its own virtualenv ($MLEXP_MLFLOW_VENV, default ~/.cache/mlexp/mlflow-venv),
# created from scripts/requirements-mlflow.txt on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${MLEXP_MLFLOW_VENV:-$HOME/.cache/mlexp/mlflow-venv}
req=scripts/requirements-mlflow.txt
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv" >&2; fi
if ! cmp -s "$req" "$venv/.requirements" 2>/dev/null; then
  echo "setup: installing MLflow into $venv (first run takes a few minutes)" >&2
  "$venv/bin/python" -m pip install -q -r "$req" >&2
  cp "$req" "$venv/.requirements"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/mlexp-mlflow.XXXXXX")
port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# MLflow starts uvicorn and job-runner children. The server runs in a session of its own under a
# small supervisor whose PID is printed: killing that PID (as scripts/test.sh does) takes the whole
# group down, so no orphan is left. The job runner (huey workers) is not needed for tracking.
# The server's output goes to a file: it must not hold the pipe the test script reads.
export MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false
setsid bash -c '
  trap "trap - TERM; kill -TERM -- -\$\$ 2>/dev/null; exit 0" TERM INT HUP
  cd "$1" && "$2/bin/mlflow" server --backend-store-uri "sqlite:///$1/mlflow.db" \
    --artifacts-destination "$1/artifacts" --host 127.0.0.1 --port "$3" --workers 1 &
  wait
' mlflow-service "$work" "$venv" "$port" >"$work/server.log" 2>&1 </dev/null &
pid=$!
for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    echo "PID $pid"
    echo "ENV MLEXP_TEST_MLFLOW_URL=http://127.0.0.1:$port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "mlflow server did not start; its log:" >&2
tail -20 "$work/server.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
