#!/usr/bin/env bash
# Every benchmark, side by side with its peer library, in one go (`make bench`). Each script builds what
# it needs in release mode, prepares its Python side in the shared virtualenv (scripts/venv.sh), prints
# medians and ratios, and rewrites its benchmarks/RESULTS-*.md. Slow: tens of minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(scripts/venv.sh)
echo "== CSV loading vs pandas and pyarrow";           benchmarks/csv_load.sh --repeats 5 --out benchmarks/RESULTS-csv.md
echo "== profiling vs pandas describe + nunique";    benchmarks/profile.sh --repeats 5 --train-runs 3
echo "== models vs scikit-learn, LightGBM, XGBoost";   "$PY" benchmarks/models.py --bin .build/release/mlexp --runs 5 --budget 90
echo "== metrics, permutation importance, TreeSHAP";   "$PY" benchmarks/explain.py --runs 5
echo "== transcript replay";                           benchmarks/replay.sh
