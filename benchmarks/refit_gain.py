#!/usr/bin/env python3
"""What refitting on the sealed rows too is worth, measured with scikit-learn before building it: on each table,
HistGradientBoosting fitted on 80 % of a split's training part (what a session's model saw: its sealed test split
held 20 %) against the same model fitted on all of it, both scored on the split's held-out 20 %; mean gain and its
standard error over SPLITS splits × 4 inner cuts. Run it in quality.py's virtualenv after quality.py has extracted
the tables:  ~/.cache/mlexp/venv-automl/bin/python benchmarks/refit_gain.py [SPLITS]
"""
import os
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import f1_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import quality  # noqa: E402  (the split and the seed of the quality benchmark)

TABLES = [
    ("carseats", "benchmarks/data/unseen_carseats.csv", "Sales", "regression"),
    ("college", "benchmarks/data/unseen_college.csv", "Private", "binary"),
    ("hitters", "benchmarks/data/unseen_hitters.csv", "Salary", "regression"),
    ("credit", "benchmarks/data/unseen_credit.csv", "Balance", "regression"),
    ("auto", "benchmarks/data/unseen_auto.csv", "mpg", "regression"),
    ("boston", "benchmarks/data/unseen_boston.csv", "medv", "regression"),
    ("anes96", "benchmarks/data/unseen_anes96.csv", "vote", "binary"),
    ("breast_cancer", "benchmarks/data/unseen_breast_cancer.csv", "target", "binary"),
    ("diabetes", "benchmarks/data/unseen_diabetes.csv", "target", "regression"),
    ("caravan", "benchmarks/data/caravan.csv", "Purchase", "binary"),
    ("wage", "benchmarks/data/wage.csv", "wage", "regression"),
    ("affairs", "benchmarks/data/affairs.csv", "had_affair", "binary"),
]


def score(task, model, X, truth, positive):
    if task == "regression":
        return r2_score(truth, model.predict(X))
    if task == "binary":
        column = list(model.classes_.astype(str)).index(positive)
        return roc_auc_score((truth.astype(str) == positive).astype(int), model.predict_proba(X)[:, column])
    return f1_score(truth.astype(str), pd.Series(model.predict(X)).astype(str), average="macro")


def main():
    warnings.filterwarnings("ignore")
    splits = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    ws = tempfile.mkdtemp()
    for name, path, target, task in TABLES:
        gains = []
        for k in range(splits):
            tr, ho, n = quality.split(path, target, task, ws, quality.SEED + k)
            X, y = tr.drop(columns=[target]), tr[target]
            Xh = ho.drop(columns=[target])
            for c in X.columns:
                if X[c].dtype == object:
                    X[c] = X[c].astype("category")
                    Xh[c] = pd.Categorical(Xh[c], categories=X[c].cat.categories)
            positive = sorted(y.astype(str).unique())[-1]
            kind = HistGradientBoostingRegressor if task == "regression" else HistGradientBoostingClassifier

            def fitted(rows):
                return kind(categorical_features="from_dtype", random_state=0).fit(X.iloc[rows], y.iloc[rows])

            full = score(task, fitted(np.arange(len(X))), Xh, ho[target], positive)
            for inner in range(4):
                part = train_test_split(np.arange(len(X)), test_size=0.2, random_state=inner,
                                        stratify=None if task == "regression" else y)[0]
                gains.append(full - score(task, fitted(part), Xh, ho[target], positive))
        print(f"{name:14s} {n:6d} rows  refit gain {np.mean(gains):+.4f} ± {np.std(gains) / np.sqrt(len(gains)):.4f}",
              flush=True)


if __name__ == "__main__":
    main()
