#!/usr/bin/env bash
# Profiling benchmark: builds mlexp (release), prepares the Python side (pandas, scikit-learn for the
# synthetic CSVs) and runs benchmarks/profile.py, which times mlexp's profile against pandas'
# describe(include='all') + nunique() in one run and writes benchmarks/RESULTS-profile.md.
# Usage: benchmarks/profile.sh [--repeats 5] [--baseline OLD_MLEXP] [--train-runs 3] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(scripts/venv.sh)
swift build -c release --product mlexp >&2
exec "$PY" benchmarks/profile.py --bin .build/release/mlexp "$@"
