#!/usr/bin/env python3
"""Model benchmarks: `mlexp train` side by side with scikit-learn 1.9, LightGBM 4.7 and XGBoost 3 (hist).

Usage:  $(scripts/venv.sh) benchmarks/models.py [--bin .build/release/mlexp] [--runs 3] [--quick]

Data (written once to benchmarks/data/, git-ignored): 200,000 x 20 synthetic classification
(make_classification, 10 informative) and regression (make_regression, noise 10), each split 80/20 into
train/test CSVs, plus a real table (datasets/titanic.csv without the name column, 80/20 split).
Every fit runs in its own process so peak memory (max RSS, including reading the CSV) is per run;
times are fit only (ours: `fit_seconds` of `mlexp train --json`; peers: the .fit / lgb.train call),
median of --runs runs, 2 threads everywhere. Holdout metric: ROC AUC (classification), R^2 (regression),
inertia (k-means). ratio = our time / peer time (< 1: we are faster).
Writes benchmarks/RESULTS-models.md.
"""
import argparse, json, os, statistics, subprocess, sys, textwrap, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data")
PY = sys.executable

PEER = textwrap.dedent(r'''
import json, resource, sys, time
import numpy as np, pandas as pd
kind, lib, train, test, target, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], json.loads(sys.argv[6])
tr, te = pd.read_csv(train), pd.read_csv(test)
def prep(df, ref):
    X = df.drop(columns=[target]).copy()
    for c in X.columns:
        if not pd.api.types.is_numeric_dtype(X[c]):
            cats = sorted(ref[c].dropna().unique())
            X[c] = pd.Categorical(X[c], categories=cats).codes.astype(float)
            X.loc[X[c] < 0, c] = np.nan
    return X
Xtr, Xte = prep(tr, tr), prep(te, tr)
ytr, yte = tr[target].to_numpy(), te[target].to_numpy()
task = extra["task"]
if kind in ("logistic", "kmeans"):
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import StandardScaler
    imp = SimpleImputer(strategy="median").fit(Xtr); sc = StandardScaler().fit(imp.transform(Xtr))
    Xtr, Xte = sc.transform(imp.transform(Xtr)), sc.transform(imp.transform(Xte))
if kind in ("random_forest", "tree") and lib == "sklearn":
    Xtr, Xte = Xtr.fillna(-999), Xte.fillna(-999)
cls = task == "classification"
t = time.perf_counter()
if kind == "gbdt" and lib == "lightgbm":
    import lightgbm as lgb
    p = dict(objective="binary" if cls else "regression", num_leaves=31, learning_rate=0.1, num_threads=2, verbose=-1, min_data_in_leaf=20)
    m = lgb.train(p, lgb.Dataset(Xtr, ytr), num_boost_round=100); fit = time.perf_counter() - t; pred = m.predict(Xte)
elif kind == "gbdt" and lib == "xgboost":
    import xgboost as xgb
    M = xgb.XGBClassifier if cls else xgb.XGBRegressor
    m = M(tree_method="hist", n_estimators=100, max_leaves=31, grow_policy="lossguide", max_depth=0, learning_rate=0.1, n_jobs=2, max_bin=255).fit(Xtr, ytr)
    fit = time.perf_counter() - t; pred = m.predict_proba(Xte)[:, 1] if cls else m.predict(Xte)
elif kind == "gbdt":
    from sklearn.ensemble import HistGradientBoostingClassifier as C, HistGradientBoostingRegressor as R
    m = (C if cls else R)(max_iter=100, max_leaf_nodes=31, learning_rate=0.1, early_stopping=False).fit(Xtr, ytr)
    fit = time.perf_counter() - t; pred = m.predict_proba(Xte)[:, 1] if cls else m.predict(Xte)
elif kind == "random_forest":
    from sklearn.ensemble import RandomForestClassifier as C, RandomForestRegressor as R
    m = (C if cls else R)(n_estimators=100, max_depth=10, n_jobs=2, random_state=0).fit(Xtr, ytr)
    fit = time.perf_counter() - t; pred = m.predict_proba(Xte)[:, 1] if cls else m.predict(Xte)
elif kind == "tree":
    from sklearn.tree import DecisionTreeClassifier as C, DecisionTreeRegressor as R
    m = (C if cls else R)(max_depth=10, random_state=0).fit(Xtr, ytr)
    fit = time.perf_counter() - t; pred = m.predict_proba(Xte)[:, 1] if cls else m.predict(Xte)
elif kind == "logistic":
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(max_iter=200).fit(Xtr, ytr); fit = time.perf_counter() - t; pred = m.predict_proba(Xte)[:, 1]
elif kind == "kmeans":
    from sklearn.cluster import KMeans
    m = KMeans(n_clusters=8, n_init=1, random_state=0).fit(Xtr); fit = time.perf_counter() - t; pred = None; m.inertia_ = -m.score(Xte)  # on the test rows, as ours
from sklearn.metrics import roc_auc_score, r2_score
metric = m.inertia_ if kind == "kmeans" else (roc_auc_score(yte, pred) if cls else r2_score(yte, pred))
print(json.dumps(dict(fit=fit, metric=metric, rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
''')

OURS = {  # kind -> (model, --set overrides)
    "gbdt": ("gbdt", ["maxIter=100", "maxLeafNodes=31", "learningRate=0.1"]),
    "random_forest": ("random_forest", ["nEstimators=100", "maxDepth=10"]),
    "tree": ("tree", ["maxDepth=10"]),
    "logistic": ("logistic", ["maxIter=200"]),
    "kmeans": ("kmeans", ["nClusters=8"]),
}
PEERS = {"gbdt": ["lightgbm", "xgboost", "sklearn"], "random_forest": ["sklearn"], "tree": ["sklearn"],
         "logistic": ["sklearn"], "kmeans": ["sklearn"]}


def make_data():
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
    return paths


def run_ours(binary, kind, train, test, target):
    model, sets = OURS[kind]
    cmd = ["/usr/bin/time", "-f", "RSS %M", binary, "train", train, "--target", target, "--model", model,
           "--test", test, "--threads", "2", "--json"]
    for s in sets: cmd += ["--set", s]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    if p.returncode != 0: raise SystemExit(f"mlexp failed: {p.stderr[-400:]}")
    j = json.loads(p.stdout.strip().splitlines()[-1])
    rss = next(float(l.split()[1]) / 1024 for l in p.stderr.splitlines() if l.startswith("RSS"))
    m = j["metrics"]
    metric = m.get("inertia") if kind == "kmeans" else m.get("roc_auc", m.get("r2"))
    return dict(fit=float(j["fit_seconds"]), metric=metric, rss_mb=rss)


def run_peer(kind, lib, train, test, target, task):
    p = subprocess.run([PY, "-c", PEER, kind, lib, train, test, target, json.dumps(dict(task=task))],
                       capture_output=True, text=True, timeout=3600)
    if p.returncode != 0: raise SystemExit(f"{lib} {kind} failed: {p.stderr[-400:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def median_of(runs, fn):
    rs = [fn() for _ in range(runs)]
    return dict(fit=statistics.median(r["fit"] for r in rs), metric=rs[0]["metric"], rss_mb=max(r["rss_mb"] for r in rs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "mlexp"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="gbdt and logistic on the synthetic classification set only")
    ap.add_argument("--kinds", default="gbdt,random_forest,logistic,tree,kmeans", help="comma-separated model kinds")
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        subprocess.run(["swift", "build", "-c", "release", "--product", "mlexp"], cwd=ROOT, check=True)
    paths = make_data()
    plan = []
    for kind in a.kinds.split(","):
        for data in ["cls", "reg", "titanic"]:
            if kind == "logistic" and data == "reg": continue
            if kind == "kmeans" and data != "cls": continue
            if a.quick and (kind not in ("gbdt", "logistic") or data != "cls"): continue
            plan.append((kind, data))
    rows = []
    for kind, data in plan:
        train, test = paths[data]
        target = "survived" if data == "titanic" else "target"
        task = "regression" if data == "reg" else "classification"
        ours = median_of(a.runs, lambda: run_ours(a.bin, kind, train, test, target))
        for lib in PEERS[kind]:
            peer = median_of(a.runs, lambda: run_peer(kind, lib, train, test, target, task))
            row = (kind, data, lib, ours, peer, ours["fit"] / peer["fit"])
            rows.append(row)
            write_results(rows, a)
            print(f"{kind:13} {data:8} ours {ours['fit']:7.3f}s {ours['metric']:.4f} {ours['rss_mb']:6.0f}MB | "
                  f"{lib:8} {peer['fit']:7.3f}s {peer['metric']:.4f} {peer['rss_mb']:6.0f}MB | ratio {row[5]:.2f}", flush=True)
    write_results(rows, a)
    print("wrote benchmarks/RESULTS-models.md")


def write_results(rows, a):
    metric_name = lambda kind, data: "inertia" if kind == "kmeans" else ("R²" if data == "reg" else "AUC")
    lines = ["# Model benchmarks", "",
             f"Command: `$(scripts/venv.sh) benchmarks/models.py --runs {a.runs}{' --quick' if a.quick else ''}` "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores; machine shared with other builds, so absolute times are noisy).",
             "", "Fit time only (median of runs), 2 threads; peak memory is the process's max RSS including reading the CSV.",
             "ratio = ours / peer (< 1: mlexp is faster).", "",
             "| model | data | peer | ours s | peer s | ratio | ours metric | peer metric | metric | ours MB | peer MB |",
             "|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|"]
    for kind, data, lib, o, p, r in rows:
        lines.append(f"| {kind} | {data} | {lib} | {o['fit']:.3f} | {p['fit']:.3f} | {r:.2f} | {o['metric']:.4f} | {p['metric']:.4f} | "
                     f"{metric_name(kind, data)} | {o['rss_mb']:.0f} | {p['rss_mb']:.0f} |")
    lines += ["", f"Binary: `{os.path.relpath(a.bin, ROOT)}`."]
    with open(os.path.join(ROOT, "benchmarks", "RESULTS-models.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
