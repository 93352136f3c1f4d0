#!/usr/bin/env python3
"""Side-by-side benchmark of the evaluation/interpretation core against the Python reference.

  metrics      11 metrics on 1,000,000 rows            vs scikit-learn.metrics
  shap         TreeSHAP on the same 100-tree model      vs shap.TreeExplainer (exported tree arrays)
  permutation  permutation importance, same trees/rows/repeats vs sklearn.inspection.permutation_importance

Run from the repository root:  "$(scripts/venv.sh)" benchmarks/explain.py [--runs 5] [--no-build]
Prints medians of several runs and ratios (peer time / our time: > 1 means we are faster) and writes
benchmarks/RESULTS-explain.md. Both sides run on the same inputs, single-threaded unless a column says otherwise.
"""
import argparse, json, os, platform, subprocess, sys, tempfile, time
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); times.append(time.perf_counter() - t0)
    return float(np.median(times))


def swift(binary, kind, d, runs):
    out = subprocess.run([binary, kind, d, str(runs)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def write(d, name, a):
    np.ascontiguousarray(a, dtype="<f8").tofile(os.path.join(d, name))


def export(model, n_features):
    trees = []
    for e in model.estimators_:
        t = e[0].tree_
        trees.append({"feature": [int(f) if f >= 0 else -1 for f in t.feature], "threshold": t.threshold.tolist(),
                      "left": t.children_left.tolist(), "right": t.children_right.tolist(),
                      "value": t.value.reshape(t.node_count, -1).ravel().tolist(), "valueWidth": 1,
                      "cover": t.weighted_n_node_samples.tolist()})
    return {"trees": trees, "base": [float(model.init_.constant_.ravel()[0])], "scale": model.learning_rate, "features": n_features}


def bench_metrics(binary, runs, d):
    from sklearn import metrics as M
    rng = np.random.default_rng(0)
    n = 1_000_000
    y = rng.integers(0, 2, n); s = np.clip(0.3 * y + rng.uniform(0, 0.7, n), 0, 1)
    yr = rng.gamma(2, 3, n); pr = yr + rng.normal(0, 1, n)
    for name, a in (("y.f64", y), ("score.f64", s), ("yreg.f64", yr), ("preg.f64", pr)): write(d, name, a)
    proba = np.column_stack([1 - s, s]); lab = (s > 0.5).astype(int)
    ref = {
        "roc_auc": lambda: M.roc_auc_score(y, s), "average_precision": lambda: M.average_precision_score(y, s),
        "log_loss": lambda: M.log_loss(y, proba), "brier": lambda: M.brier_score_loss(y, s),
        "accuracy": lambda: M.accuracy_score(y, lab), "f1": lambda: M.f1_score(y, lab), "mcc": lambda: M.matthews_corrcoef(y, lab),
        "r2": lambda: M.r2_score(yr, pr), "rmse": lambda: M.root_mean_squared_error(yr, pr),
        "mae": lambda: M.mean_absolute_error(yr, pr), "median_ae": lambda: M.median_absolute_error(yr, pr),
    }
    ours = swift(binary, "metrics", d, runs)
    assert abs(ours["check_roc_auc"] - M.roc_auc_score(y, s)) < 1e-9, "roc_auc disagrees"
    return [(k, median_time(f, runs), ours[k]) for k, f in ref.items()]


def tree_model(d):
    from sklearn.ensemble import GradientBoostingRegressor
    rng = np.random.default_rng(1)
    n, f = 20000, 10
    x = rng.normal(size=(n, f))
    y = 3 * x[:, 0] + 2 * x[:, 1] * x[:, 2] + np.sin(x[:, 3]) + rng.normal(0, 0.3, n)
    m = GradientBoostingRegressor(n_estimators=100, max_depth=6, learning_rate=0.1, random_state=0).fit(x[:15000], y[:15000])
    with open(os.path.join(d, "model.json"), "w") as fh: json.dump(export(m, f), fh)
    write(d, "xtrain.f64", x[:15000]); write(d, "ytrain.f64", y[:15000])
    return m, x[15000:], y[15000:]


def bench_shap(binary, runs, d, model, xv):
    import shap
    rows = 2000
    x = xv[:rows]
    write(d, "x.f64", x)
    leaves = sum(int((e[0].tree_.feature < 0).sum()) for e in model.estimators_)
    ex = shap.TreeExplainer(model)
    peer = median_time(lambda: ex.shap_values(x), runs)
    ours = swift(binary, "shap", d, runs)
    sv = ex.shap_values(x)
    assert abs(ours["check_row0_feature0"] - sv[0, 0]) < 1e-6, "TreeSHAP values disagree"
    assert ours["max_diff_naive"] <= 1e-9, "Fast TreeSHAP v2 disagrees with Algorithm 2"
    return peer, ours["total"], ours["total_1thread"], ours["naive_1thread"], rows, leaves


def bench_permutation(binary, runs, d, model, xv, yv):
    from sklearn.inspection import permutation_importance
    write(d, "x.f64", xv); write(d, "y.f64", yv)
    peer = median_time(lambda: permutation_importance(model, xv, yv, n_repeats=5, random_state=0, scoring="r2"), runs)
    ours = swift(binary, "permutation", d, runs)
    pi = permutation_importance(model, xv, yv, n_repeats=5, random_state=0, scoring="r2")
    assert int(ours["top_feature"]) == int(np.argmax(pi.importances_mean)), "top feature disagrees"
    own = swift(binary, "permutation_model", d, runs)
    assert int(own["top_feature"]) == int(np.argmax(pi.importances_mean)), "top feature disagrees (our gbdt)"
    peer2 = median_time(lambda: permutation_importance(model, xv, yv, n_repeats=5, random_state=0, scoring="r2", n_jobs=2), runs)
    return peer, peer2, ours["total"], own, len(yv)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--config", default="release", choices=["release", "debug"], help="debug: a quick trial of the script itself")
    a = ap.parse_args()
    os.chdir(ROOT)
    if not a.no_build:
        subprocess.run(["swift", "build", "-c", a.config, "--product", "ExplainBench"], check=True)
    binary = subprocess.run(["swift", "build", "-c", a.config, "--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip() + "/ExplainBench"
    import sklearn, shap
    lines = ["# Evaluation and interpretation benchmarks", "",
             f"`\"$(scripts/venv.sh)\" benchmarks/explain.py --runs {a.runs}` (from the repository root; it builds ExplainBench in release mode) "
             f"on {platform.machine()} ({os.cpu_count()} cores, shared; load average {os.getloadavg()[0]:.1f} at the start), "
             f"scikit-learn {sklearn.__version__}, shap {shap.__version__}; medians of {a.runs} runs, single-threaded both sides unless a column says otherwise. "
             "Ratio = peer time / our time (> 1: ours faster).", ""]
    with tempfile.TemporaryDirectory() as d:
        lines += ["## Metrics on 1,000,000 rows", "", "| metric | scikit-learn (ms) | ours (ms) | ratio |", "|---|---:|---:|---:|"]
        for k, peer, ours in bench_metrics(binary, a.runs, d):
            lines.append(f"| {k} | {peer * 1e3:.1f} | {ours * 1e3:.1f} | {peer / ours:.1f}× |")
        model, xv, yv = tree_model(d)
        peer, ours, ours1, naive1, rows, leaves = bench_shap(binary, a.runs, d, model, xv)
        lines += ["", f"## TreeSHAP: 100 trees of depth 6 ({leaves} leaves), {rows} rows, 10 features", "",
                  "shap.TreeExplainer runs its C++ TreeSHAP (Algorithm 2) on one thread. Ours uses Fast TreeSHAP v2 "
                  "(per-leaf tables built once per tree) on 1 thread and on 2 (its default), checked equal to 1e-9 to "
                  "our Algorithm 2, which is timed too (1 thread).", "",
                  "| | shap.TreeExplainer | ours, Algorithm 2, 1 thread | ours, 1 thread | ours, 2 threads | ratio (1 thread) | ratio (2 threads) |",
                  "|---|---:|---:|---:|---:|---:|---:|",
                  f"| total (s) | {peer:.3f} | {naive1:.3f} | {ours1:.3f} | {ours:.3f} | {peer / ours1:.1f}× | {peer / ours:.1f}× |",
                  f"| per row per leaf (ns) | {peer / rows / leaves * 1e9:.1f} | {naive1 / rows / leaves * 1e9:.1f} | {ours1 / rows / leaves * 1e9:.1f} | {ours / rows / leaves * 1e9:.1f} | | |"]
        peer, peer2, ours, own, rows = bench_permutation(binary, a.runs, d, model, xv, yv)
        lines += ["", f"## Permutation importance: {rows} rows, 10 features, 5 repeats, r2", "",
                  "scikit-learn's `permutation_importance` on its GradientBoostingRegressor (100 trees, depth 6) against ours "
                  "on the same exported trees (TreeSHAP.rawPrediction as the predictor, 1 thread), and against the product path: "
                  f"`ModelExplainer.permutation` on our own gbdt fitted to the same rows with the same size "
                  f"(100 trees, depth ≤ 6, {int(own['leaves'])} leaves), its predict on 1 and 2 threads; scikit-learn with n_jobs=1 and 2.", "",
                  "| | scikit-learn | ours | ratio |", "|---|---:|---:|---:|",
                  f"| same exported trees, 1 thread (s) | {peer:.3f} | {ours:.3f} | {peer / ours:.1f}× |",
                  f"| our gbdt, 1 thread (s) | {peer:.3f} | {own['total_1thread']:.3f} | {peer / own['total_1thread']:.1f}× |",
                  f"| our gbdt, 2 threads (s; scikit-learn n_jobs=2) | {peer2:.3f} | {own['total_2thread']:.3f} | {peer2 / own['total_2thread']:.1f}× |"]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(ROOT, "benchmarks", "RESULTS-explain.md"), "w") as fh: fh.write(text)


if __name__ == "__main__":
    sys.exit(main())
