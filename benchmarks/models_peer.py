"""The peer side of benchmarks/models.py, as a program text that runs in its own process (so its peak
RSS is its own): `python -c PEER KIND LIB TRAIN TEST TARGET '{"task": ...}'` fits scikit-learn,
LightGBM or XGBoost with the same hyper-parameters as `mlexp train` and prints one JSON line
(fit seconds, holdout metric, max RSS in MB). KIND gbdt_raw reads the raw float64 files of the memory
row instead (TRAIN: column-major features, TEST: labels, TARGET: rows) and reports the training AUC.
"""

PEER = r'''
import json, resource, sys, time
import numpy as np, pandas as pd
kind, lib, train, test, target, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], json.loads(sys.argv[6])
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if kind == "gbdt_raw":
    import lightgbm as lgb
    from sklearn.metrics import roc_auc_score
    rows = int(target)
    X = np.fromfile(train).reshape(-1, rows).T  # a Fortran-ordered view, no copy
    y = np.fromfile(test)
    t = time.perf_counter()
    m = lgb.train(dict(objective="binary", num_leaves=31, learning_rate=0.1, num_threads=2, verbose=-1, min_data_in_leaf=20),
                  lgb.Dataset(X, y), num_boost_round=100)
    fit = time.perf_counter() - t
    peak = rss()
    auc = roc_auc_score(y[:100_000], m.predict(X[:100_000]))
    print(json.dumps(dict(fit=fit, metric=auc, rss_mb=peak)))
    sys.exit(0)
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
# Every library is imported before the clock starts (the branches below re-import from the module cache):
# only the fit is timed, as `fit_seconds` is on our side.
import sklearn.ensemble, sklearn.tree, sklearn.linear_model, sklearn.cluster  # noqa: E401
if lib == "lightgbm":
    import lightgbm
if lib == "xgboost":
    import xgboost
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
    m = LogisticRegression(max_iter=200).fit(Xtr, ytr); fit = time.perf_counter() - t; pred = m.predict_proba(Xte)
elif kind == "kmeans":
    from sklearn.cluster import KMeans
    m = KMeans(n_clusters=8, n_init=1, random_state=extra.get("seed", 0)).fit(Xtr); fit = time.perf_counter() - t; pred = None
from sklearn.metrics import log_loss, roc_auc_score, r2_score
if kind == "kmeans":
    metric = -m.score(Xte)  # inertia of the test rows, as ours
elif kind == "logistic":
    metric = log_loss(yte, pred)
else:
    metric = roc_auc_score(yte, pred) if cls else r2_score(yte, pred)
print(json.dumps(dict(fit=fit, metric=metric, rss_mb=rss())))
'''
