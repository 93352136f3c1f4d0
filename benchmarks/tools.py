#!/usr/bin/env python3
"""Tools at scale: each agent tool call of an `mlexp run --model autopilot` session, timed from the session's
transcript, beside the Python a data scientist would write for the same answer, at 100,000 and 1,000,000 rows
x 20 columns (18 numeric from make_classification, 2 categorical), in one run.

Usage:  $(scripts/venv.sh) benchmarks/tools.py --bin .build/release/mlexp [--sizes 100000,1000000] [--runs 3]
        [--budget 2m] [--py-resamples 100] [--out benchmarks/RESULTS-tools.md]

Ours: `mlexp run data.csv --target y --model autopilot --budget B` in a fresh folder, --runs times; each tool's
duration_ms comes from the session transcript (a tool called several times: its slowest call), then
`mlexp export notebook` and `mlexp export html` timed as processes.
Theirs, on the same CSV (fits not timed; the split, the folds and the models are theirs):
  load_data       pd.read_csv + stratified train_test_split + describe(include='all') + nunique() + duplicated()
  compute_metrics the 500-resample bootstrap of roc_auc, accuracy, f1, average_precision, log_loss (sklearn metrics
                  on resampled indices) of 5-fold out-of-fold logistic predictions, plus a 1,000-resample paired
                  bootstrap of the roc_auc difference with HistGradientBoosting's; beyond --py-resamples resamples
                  per loop the loops are timed on --py-resamples and scaled linearly (said in the table)
  explain_model   sklearn permutation_importance (5 repeats, roc_auc) of HistGradientBoosting on 5,000 training
                  rows, partial_dependence (kind='both', 20-point grid, 1,000 rows) of the top 3, error slices
                  (accuracy by quartile of every numeric column, pandas groupby) and shap's TreeExplainer on 200 rows
Medians over --runs; ratio = Python / mlexp (> 1: mlexp faster). Writes the Markdown table to --out (text below
the notes marker is kept).
"""
import argparse, glob, json, os, platform, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data")
NOTES = "<!-- notes: kept when the table is rewritten -->"
TOOLS = ["load_data", "compute_metrics", "explain_model", "export notebook", "export html"]


def make_csv(rows):
    """The tools-scale check's table (make_classification, 18 numeric + region + plan), cached."""
    import numpy as np, pandas as pd
    from sklearn.datasets import make_classification
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"tools_{rows}.csv")
    if not os.path.exists(path):
        X, y = make_classification(n_samples=rows, n_features=18, n_informative=8, random_state=7)
        df = pd.DataFrame(X.round(5), columns=[f"x{i}" for i in range(18)])
        rng = np.random.default_rng(7)
        df["region"] = rng.choice(["north", "south", "east", "west", "centre"], len(df))
        df["plan"] = np.where(df["x0"] > 0.5, "pro", rng.choice(["basic", "plus"], len(df)))
        df["y"] = y
        df.to_csv(path, index=False)
    return path


def ours(binary, csv, budget):
    """Seconds per tool (slowest call) of one session, and the exports' wall seconds."""
    work = tempfile.mkdtemp(prefix="mlexp-tools-")
    try:
        shutil.copy(csv, os.path.join(work, "data.csv"))
        p = subprocess.run([binary, "run", "data.csv", "--target", "y", "--model", "autopilot", "--budget", budget],
                           cwd=work, capture_output=True, text=True)
        # 1: the session stopped when its budget was spent (its tools' timings are still the ones to read).
        if p.returncode not in (0, 1) or not glob.glob(os.path.join(work, "transcripts", "*.jsonl")):
            raise SystemExit(f"mlexp run failed ({p.returncode}): {p.stderr[-600:]}")
        out = {}
        for f in glob.glob(os.path.join(work, "transcripts", "*.jsonl")):
            for line in open(f):
                d = json.loads(line)
                if d.get("role") == "tool":
                    out[d["name"]] = max(out.get(d["name"], 0), d.get("duration_ms", 0) / 1000)
        for kind, file in (("notebook", "x.ipynb"), ("html", "x.html")):
            t = time.perf_counter()
            subprocess.run([binary, "export", kind, "--out", file], cwd=work, capture_output=True, check=True)
            out[f"export {kind}"] = time.perf_counter() - t
            out[f"export {kind} KB"] = os.path.getsize(os.path.join(work, file)) / 1024
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def python_side(csv, py_resamples):
    """Seconds of the Python equivalents (see the module's docstring), and the bootstrap's scale factor."""
    import numpy as np, pandas as pd
    from sklearn.model_selection import train_test_split, cross_val_predict, StratifiedKFold
    from sklearn.linear_model import LogisticRegression
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.inspection import permutation_importance, partial_dependence
    from sklearn.metrics import roc_auc_score, accuracy_score, f1_score, average_precision_score, log_loss
    out = {}
    t = time.perf_counter()
    df = pd.read_csv(csv)
    train, test = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=42)
    train.describe(include="all"); train.nunique(); train.duplicated().sum()
    out["load_data"] = time.perf_counter() - t

    X = pd.get_dummies(train.drop(columns=["y"]), columns=["region", "plan"], dtype=float).to_numpy()
    y = train["y"].to_numpy()
    folds = StratifiedKFold(5, shuffle=True, random_state=42)
    p_lin = cross_val_predict(LogisticRegression(max_iter=200), X, y, cv=folds, method="predict_proba")[:, 1]
    hgb = HistGradientBoostingClassifier(random_state=42)
    p_hgb = cross_val_predict(hgb, X, y, cv=folds, method="predict_proba")[:, 1]
    hgb.fit(X, y)

    rng = np.random.default_rng(13)
    n = len(y)
    full = {"ci": 500, "paired": 1000}
    done = {k: min(v, py_resamples) for k, v in full.items()}
    t = time.perf_counter()
    for _ in range(done["ci"]):
        i = rng.integers(0, n, n)
        yt, pt = y[i], p_lin[i]
        roc_auc_score(yt, pt); accuracy_score(yt, pt > 0.5); f1_score(yt, pt > 0.5)
        average_precision_score(yt, pt); log_loss(yt, pt)
    ci = (time.perf_counter() - t) * full["ci"] / done["ci"]
    t = time.perf_counter()
    for _ in range(done["paired"]):
        i = rng.integers(0, n, n)
        roc_auc_score(y[i], p_hgb[i]) - roc_auc_score(y[i], p_lin[i])
    out["compute_metrics"] = ci + (time.perf_counter() - t) * full["paired"] / done["paired"]
    out["bootstrap scaled"] = done != full

    sample = np.random.default_rng(0).permutation(n)[:5000]
    Xs, ys = X[sample], y[sample]
    t = time.perf_counter()
    imp = permutation_importance(hgb, Xs, ys, n_repeats=5, scoring="roc_auc", random_state=0)
    top = np.argsort(-imp.importances_mean)[:3]
    for j in top:
        partial_dependence(hgb, Xs[:1000], [j], kind="both", grid_resolution=20)
    pred = hgb.predict(Xs)
    frame = pd.DataFrame(Xs[:, :18]); frame["ok"] = pred == ys
    for c in range(18):
        frame.groupby(pd.qcut(frame[c], 4, duplicates="drop"), observed=True)["ok"].mean()
    try:
        import shap
        shap.TreeExplainer(hgb).shap_values(Xs[:200])
    except ImportError:
        pass
    out["explain_model"] = time.perf_counter() - t
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/mlexp"))
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", default="2m")
    ap.add_argument("--py-resamples", type=int, default=100)
    ap.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "RESULTS-tools.md"))
    a = ap.parse_args()
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    results = []
    for rows in [int(s) for s in a.sizes.split(",")]:
        csv = make_csv(rows)
        mine = [ours(a.bin, csv, a.budget) for _ in range(a.runs)]
        theirs = python_side(csv, a.py_resamples)
        med = {k: statistics.median(m[k] for m in mine if k in m) for k in mine[0]}
        results.append((rows, med, theirs))
        print(f"{rows:,} rows: " + ", ".join(f"{k} {med.get(k, float('nan')):.2f} s / {theirs.get(k, float('nan')):.2f} s"
                                             for k in TOOLS if k in med), flush=True)
    write(a, results, load)


def write(a, results, load):
    import sklearn, pandas as pd
    lines = [
        "# Tools at scale: mlexp's tool calls vs the Python equivalent",
        "",
        f"Command: `$(scripts/venv.sh) benchmarks/tools.py --bin .build/release/mlexp --sizes {a.sizes} --runs {a.runs} "
        f"--budget {a.budget} --py-resamples {a.py_resamples}` (what each side computes: the script's docstring).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with a local LLM server and other builds; "
        f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}, pandas {pd.__version__}. "
        f"mlexp: median of {a.runs} sessions (a tool called several times: its slowest call); Python: one run. "
        f"`uptime` load average at start {' / '.join(load)}, at end "
        f"{' / '.join(open('/proc/loadavg').read().split()[:3])}: the machine is shared and noisy, compare within a row.",
        "",
        "| rows | tool | mlexp s | Python s | Python / mlexp |",
        "|---|---|---|---|---|",
    ]
    for rows, med, theirs in results:
        for k in TOOLS:
            if k not in med:
                continue
            p = theirs.get(k)
            note = " (bootstrap loops scaled)" if k == "compute_metrics" and theirs.get("bootstrap scaled") else ""
            ratio = f"{p / med[k]:.1f}×" if p else "–"
            size = f" ({med[k + ' KB']:.0f} KB)" if k + " KB" in med else ""
            lines.append(f"| {rows:,} | {k}{size} | {med[k]:.2f} | {f'{p:.2f}' if p else '–'}{note} | {ratio} |")
    notes = ""
    if os.path.exists(a.out):
        old = open(a.out).read()
        if NOTES in old:
            notes = old[old.index(NOTES):]
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n\n" + (notes or NOTES + "\n"))


if __name__ == "__main__":
    main()
