#!/usr/bin/env python3
"""Model benchmarks: `mlexp train` side by side with scikit-learn 1.9, LightGBM 4.7 and XGBoost 3 (hist).

Usage:  $(scripts/venv.sh) benchmarks/models.py [--bin .build/release/mlexp] [--runs 5] [--budget 240]
                                                [--timeout 1800] [--kinds gbdt,logistic,...] [--no-memory]

Data (written once to benchmarks/data/, git-ignored): 200,000 x 20 synthetic classification
(make_classification, 10 informative) and regression (make_regression, noise 10), each split 80/20 into
train/test CSVs, plus a real table (datasets/titanic.csv without the name column, 80/20 split).
Every fit runs in its own process so peak memory (max RSS, including reading the CSV) is per run;
times are fit only (ours: `fit_seconds` of `mlexp train --json`; peers: the .fit / lgb.train call),
median of up to --runs runs, 2 threads everywhere. A side whose runs add up to more than --budget
seconds stops repeating (the table says how many runs it got), and a run past --timeout is recorded as
a timeout instead of ending the benchmark, so every row finishes on a loaded machine.
Holdout metric: ROC AUC (classification), R^2 (regression), log-loss (logistic regression, the
quantity both minimise), inertia on the test rows (k-means; run i seeds both sides' k-means++ with i, so the
median is over seeds: the iterations to converge depend on the start). ratio = our time / peer time (< 1: faster).
Memory row: gradient boosting on 1,000,000 x 20 (float64, 152.6 MB) read from raw binary files by
benchmarks/ModelBench (no CSV, so peak RSS is data + fit) and by LightGBM; `mlexp train` on the same
rows as a CSV is measured once beside it (its peak includes reading the CSV: max RSS of the process).
Peers run with OMP_WAIT_POLICY=passive when the load average exceeds the core count (--omp-wait auto):
OpenMP's spin-waiting makes LightGBM ~100x slower on a busy 2-core machine, which would flatter us.
Writes benchmarks/RESULTS-models.md.
"""
import argparse, json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data")
PY = sys.executable
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from models_peer import PEER  # noqa: E402  (the peer-side program, run in its own process)

OURS = {  # kind -> (model, --set overrides)
    "gbdt": ("gbdt", ["maxIter=100", "maxLeafNodes=31", "learningRate=0.1"]),
    "random_forest": ("random_forest", ["nEstimators=100", "maxDepth=10"]),
    "tree": ("tree", ["maxDepth=10"]),
    "logistic": ("logistic", ["maxIter=200"]),
    "kmeans": ("kmeans", ["nClusters=8"]),
}
PEERS = {"gbdt": ["lightgbm", "xgboost", "sklearn"], "random_forest": ["sklearn"], "tree": ["sklearn"],
         "logistic": ["sklearn"], "kmeans": ["sklearn"]}
# Rows in the order they run: every model on the synthetic classification set first, then the rest.
PLAN = [("gbdt", "cls"), ("logistic", "cls"), ("tree", "cls"), ("kmeans", "cls"), ("random_forest", "cls"),
        ("gbdt", "reg"), ("tree", "reg"), ("random_forest", "reg"),
        ("gbdt", "titanic"), ("logistic", "titanic"), ("tree", "titanic"), ("random_forest", "titanic")]
BIG_ROWS, BIG_FEATURES = 1_000_000, 20


def make_data(memory):
    import numpy as np, pandas as pd
    from sklearn.datasets import make_classification, make_regression
    os.makedirs(DATA, exist_ok=True)
    paths = {}
    for name, maker in [("cls", lambda: make_classification(n_samples=200_000, n_features=20, n_informative=10, random_state=0)),
                        ("reg", lambda: make_regression(n_samples=200_000, n_features=20, n_informative=10, noise=10, random_state=0))]:
        tr, te = os.path.join(DATA, f"{name}_train.csv"), os.path.join(DATA, f"{name}_test.csv")
        if not os.path.exists(te):
            X, y = maker()
            df = pd.DataFrame(X, columns=[f"f{i}" for i in range(20)]); df["target"] = y
            df.iloc[:160_000].to_csv(tr, index=False); df.iloc[160_000:].to_csv(te, index=False)
        paths[name] = (tr, te)
    tr, te = os.path.join(DATA, "titanic_train.csv"), os.path.join(DATA, "titanic_test.csv")
    if not os.path.exists(te):
        df = pd.read_csv(os.path.join(ROOT, "datasets", "titanic.csv")).drop(columns=["name"])
        order = np.random.default_rng(0).permutation(len(df)); cut = int(len(df) * 0.8)
        df.iloc[order[:cut]].to_csv(tr, index=False); df.iloc[order[cut:]].to_csv(te, index=False)
    paths["titanic"] = (tr, te)
    if memory:
        big = [os.path.join(DATA, f) for f in ("big_x.f64", "big_y.f64", "big_train.csv", "big_test.csv")]
        if not all(os.path.exists(p) for p in big):
            X, y = make_classification(n_samples=BIG_ROWS + 20_000, n_features=BIG_FEATURES, n_informative=10, random_state=1)
            np.asfortranarray(X[:BIG_ROWS]).T.tofile(big[0])  # column-major, as FeatureMatrix stores it
            y[:BIG_ROWS].astype(np.float64).tofile(big[1])
            df = pd.DataFrame(X, columns=[f"f{i}" for i in range(BIG_FEATURES)]); df["target"] = y
            df.iloc[BIG_ROWS:].to_csv(big[3], index=False); df.iloc[:BIG_ROWS].to_csv(big[2], index=False)
        paths["big"] = big
    return paths


def run_ours(binary, kind, train, test, target, timeout, seed=0):
    model, sets = OURS[kind]
    if kind == "kmeans": sets = sets + [f"seed={seed}"]
    cmd = ["/usr/bin/time", "-f", "RSS %M", binary, "train", train, "--target", target, "--model", model,
           "--test", test, "--threads", "2", "--json"]
    for s in sets: cmd += ["--set", s]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0: raise RuntimeError(f"mlexp failed: {p.stderr[-400:]}")
    j = json.loads(p.stdout.strip().splitlines()[-1])
    rss = next(float(l.split()[1]) / 1024 for l in p.stderr.splitlines() if l.startswith("RSS"))
    m = j["metrics"]
    metric = m.get("inertia") if kind == "kmeans" else m.get("log_loss") if kind == "logistic" else m.get("roc_auc", m.get("r2"))
    return dict(fit=float(j["fit_seconds"]), metric=metric, rss_mb=rss)


def peer_env(a):
    """OpenMP's default spin-waiting collapses under load (LightGBM: 100× slower on a busy 2-core machine);
    passive waiting is what a shared machine gets in practice. On a quiet machine the default is kept."""
    return {**os.environ, "OMP_WAIT_POLICY": a.omp_wait} if a.omp_wait else None


def run_peer(kind, lib, train, test, target, task, timeout, seed=0, env=None):
    p = subprocess.run([PY, "-c", PEER, kind, lib, train, test, target, json.dumps(dict(task=task, seed=seed))],
                       capture_output=True, text=True, timeout=timeout, env=env)
    if p.returncode != 0: raise RuntimeError(f"{lib} {kind} failed: {p.stderr[-400:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def repeat(a, fn):
    """Median of up to a.runs runs (run i gets seed i), fewer when they add up past a.budget seconds; None
    fields on a failure. The metric is the median too (it varies with the seed for k-means only)."""
    rs, spent, error = [], 0.0, None
    for i in range(a.runs):
        t = time.perf_counter()
        try:
            rs.append(fn(i))
        except subprocess.TimeoutExpired:
            error = f"timeout ({a.timeout}s)"; break
        except RuntimeError as e:
            error = str(e).splitlines()[-1][:120] if str(e) else "failed"; break
        spent += time.perf_counter() - t
        if spent > a.budget: break
    if not rs: return dict(fit=None, metric=None, rss_mb=None, runs=0, error=error)
    return dict(fit=statistics.median(r["fit"] for r in rs), metric=statistics.median(r["metric"] for r in rs),
                rss_mb=max(r["rss_mb"] for r in rs), runs=len(rs), error=error)


def memory_row(a, big):
    """Gradient boosting on 1M x 20: ModelBench and LightGBM on the raw floats, then `mlexp train` on the CSV."""
    bench = os.path.join(os.path.dirname(a.bin), "ModelBench")
    if not os.path.exists(bench):
        subprocess.run(["swift", "build", "-c", "release", "--product", "ModelBench"], cwd=ROOT, check=True)
        bench = os.path.join(ROOT, ".build", "release", "ModelBench")
    x, y, train, test = big
    def ours(_):
        p = subprocess.run([bench, x, y, str(BIG_ROWS), str(BIG_FEATURES), "2"], capture_output=True, text=True, timeout=a.timeout)
        if p.returncode != 0: raise RuntimeError(p.stderr[-300:])
        j = json.loads(p.stdout.strip().splitlines()[-1])
        return dict(fit=j["fit_seconds"], metric=j["train_auc"], rss_mb=j["peak_rss_mb"], load_mb=j["rss_after_load_mb"])
    def peer(_):
        p = subprocess.run([PY, "-c", PEER, "gbdt_raw", "lightgbm", x, y, str(BIG_ROWS), json.dumps(dict(task="classification"))],
                           capture_output=True, text=True, timeout=a.timeout, env=peer_env(a))
        if p.returncode != 0: raise RuntimeError(p.stderr[-300:])
        return json.loads(p.stdout.strip().splitlines()[-1])
    memory_runs = argparse.Namespace(**{**vars(a), "runs": min(a.runs, 3)})
    o, l = repeat(memory_runs, ours), repeat(memory_runs, peer)
    c = repeat(argparse.Namespace(**{**vars(a), "runs": 1}), lambda i: run_ours(a.bin, "gbdt", train, test, "target", a.timeout))
    return dict(ours=o, lightgbm=l, csv=c, data_mb=BIG_ROWS * BIG_FEATURES * 8 / 1_048_576)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "mlexp"))
    ap.add_argument("--runs", type=int, default=5, help="runs per side (median)")
    ap.add_argument("--budget", type=float, default=240, help="seconds of runs per side before it stops repeating")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before one run counts as a timeout")
    ap.add_argument("--kinds", default="gbdt,logistic,tree,kmeans,random_forest", help="comma-separated model kinds")
    ap.add_argument("--data", default="cls,reg,titanic", help="comma-separated data sets")
    ap.add_argument("--no-memory", action="store_true", help="skip the 1M x 20 memory row")
    ap.add_argument("--omp-wait", choices=["auto", "passive", "active", "default"], default="auto",
                    help="OMP_WAIT_POLICY for the peers; auto: passive when the load average exceeds the cores")
    a = ap.parse_args()
    if a.omp_wait == "auto":
        a.omp_wait = "PASSIVE" if os.getloadavg()[0] > (os.cpu_count() or 1) else None
    elif a.omp_wait == "default":
        a.omp_wait = None
    else:
        a.omp_wait = a.omp_wait.upper()
    a.bin = os.path.abspath(a.bin)
    if not os.path.exists(a.bin):
        subprocess.run(["swift", "build", "-c", "release", "--product", "mlexp"], cwd=ROOT, check=True)
    paths = make_data(not a.no_memory)
    kinds, sets = a.kinds.split(","), a.data.split(",")
    rows, memory = [], None
    for kind, data in PLAN:
        if kind not in kinds or data not in sets: continue
        train, test = paths[data]
        target = "survived" if data == "titanic" else "target"
        task = "regression" if data == "reg" else "classification"
        ours = repeat(a, lambda i: run_ours(a.bin, kind, train, test, target, a.timeout, i))
        for lib in PEERS[kind]:
            peer = repeat(a, lambda i: run_peer(kind, lib, train, test, target, task, a.timeout, i, peer_env(a)))
            rows.append((kind, data, lib, ours, peer))
            write_results(rows, memory, a)
            print(f"{kind:13} {data:8} ours {fmt(ours['fit'], 3)}s {fmt(ours['metric'], 4)} | "
                  f"{lib:8} {fmt(peer['fit'], 3)}s {fmt(peer['metric'], 4)} | ratio {ratio(ours, peer)}", flush=True)
    if not a.no_memory:
        memory = memory_row(a, paths["big"])
        print("memory", json.dumps(memory), flush=True)
    write_results(rows, memory, a)
    print("wrote benchmarks/RESULTS-models.md")


def fmt(v, digits):
    return "—" if v is None else f"{v:.{digits}f}"


def ratio(o, p):
    return "—" if o["fit"] is None or p["fit"] is None else f"{o['fit'] / p['fit']:.2f}"


def write_results(rows, memory, a):
    metric_name = lambda kind, data: ("inertia" if kind == "kmeans" else "log-loss" if kind == "logistic"
                                      else "R²" if data == "reg" else "AUC")
    flags = f"--runs {a.runs} --budget {a.budget:g} --timeout {a.timeout:g}"
    omp = f"peers with OMP_WAIT_POLICY={a.omp_wait} (--omp-wait; auto picks PASSIVE when the load average exceeds the cores)" if a.omp_wait else "peers with OpenMP's default waiting"
    lines = ["# Model benchmarks", "",
             f"Command: `$(scripts/venv.sh) benchmarks/models.py --bin .build/release/mlexp {flags}` "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores; machine shared with other "
             "builds, so absolute times are noisy: compare the ratios, measured in the same run; " + omp + ").", "",
             "Fit time only (median of the runs shown; a side stops repeating once its runs exceed the budget), 2 threads; "
             "peak memory is the process's max RSS including reading the CSV. ratio = ours / peer (< 1: mlexp is faster).", "",
             "| model | data | peer | ours s | peer s | ratio | ours metric | peer metric | metric | ours MB | peer MB | runs |",
             "|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|"]
    for kind, data, lib, o, p in rows:
        note = "; ".join(f"{who}: {r['error']}" for who, r in (("ours", o), (lib, p)) if r["error"])
        lines.append(f"| {kind} | {data} | {lib} | {fmt(o['fit'], 3)} | {fmt(p['fit'], 3)} | {ratio(o, p)} | "
                     f"{fmt(o['metric'], 4)} | {fmt(p['metric'], 4)} | {metric_name(kind, data)} | {fmt(o['rss_mb'], 0)} | "
                     f"{fmt(p['rss_mb'], 0)} | {o['runs']}/{p['runs']}{' ' + note if note else ''} |")
    if memory:
        o, l, c, d = memory["ours"], memory["lightgbm"], memory["csv"], memory["data_mb"]
        lines += ["", "## Memory: gradient boosting on 1,000,000 × 20", "",
                  f"Float64 data: {d:.1f} MB; the bound is 2× that, {2 * d:.0f} MB. Same hyper-parameters as above, 2 threads.", "",
                  "| run | fit s | peak MB | peak / data | metric |", "|---|---:|---:|---:|---|",
                  f"| mlexp (benchmarks/ModelBench: raw floats, then fit) | {fmt(o['fit'], 2)} | {fmt(o['rss_mb'], 0)} | "
                  f"{fmt(o['rss_mb'] and o['rss_mb'] / d, 2)} | train AUC {fmt(o['metric'], 4)} |",
                  f"| LightGBM (same raw floats, lgb.train) | {fmt(l['fit'], 2)} | {fmt(l['rss_mb'], 0)} | "
                  f"{fmt(l['rss_mb'] and l['rss_mb'] / d, 2)} | train AUC {fmt(l['metric'], 4)} |",
                  f"| `mlexp train` on the CSV (reading it included) | {fmt(c['fit'], 2)} | {fmt(c['rss_mb'], 0)} | "
                  f"{fmt(c['rss_mb'] and c['rss_mb'] / d, 2)} | test AUC {fmt(c['metric'], 4)} |"]
    lines += ["", f"Binary: `{os.path.relpath(a.bin, ROOT)}`."]
    path = os.path.join(ROOT, "benchmarks", "RESULTS-models.md")
    # Keep the section benchmarks/text_models.py writes (between its markers).
    old = open(path).read() if os.path.exists(path) else ""
    begin, end = "<!-- text-gbdt:begin -->", "<!-- text-gbdt:end -->"
    if begin in old and end in old:
        lines += ["", old[old.index(begin):old.index(end) + len(end)]]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
