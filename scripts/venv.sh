#!/usr/bin/env bash
# Creates (once) the virtualenv of reference libraries and test servers, and prints its python's path.
# Location: $MLEXP_VENV, default ~/.cache/mlexp/venv. Requirements: scripts/requirements-test.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${MLEXP_VENV:-$HOME/.cache/mlexp/venv}
req=scripts/requirements-test.txt
stamp=$venv/.requirements
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv" >&2; fi
if ! cmp -s "$req" "$stamp" 2>/dev/null; then
  echo "setup: installing Python test requirements into $venv (first run takes a few minutes)" >&2
  "$venv/bin/python" -m pip install -q --upgrade pip >&2
  "$venv/bin/python" -m pip install -q -r "$req" >&2
  # Packages whose dependencies we do not want (they would pull in unrelated tools).
  if [ -f scripts/requirements-nodeps.txt ]; then
    "$venv/bin/python" -m pip install -q --no-deps -r scripts/requirements-nodeps.txt >&2
  fi
  cp "$req" "$stamp"
fi
echo "$venv/bin/python"
