#!/usr/bin/env python3
"""Profiling benchmark: mlexp's DataProfile vs pandas' describe(include='all') + nunique(), in one run.

Usage:  benchmarks/profile.sh [--repeats 5] [--baseline OLD_MLEXP] [--train-runs 3] [--out benchmarks/RESULTS-profile.md]
   or:  $(scripts/venv.sh) benchmarks/profile.py --bin .build/release/mlexp [same options]

Files: the 1,000,000 x 20 (+ target) classification CSV of the models benchmark (benchmarks/data/big_train.csv,
written by models.py's make_data the first time), its 160,000 x 20 sibling (cls_train.csv), and the shipped
datasets (titanic, penguins, mpg, wine). Each side loads the file once in its own process, then times the
profile --repeats times (median wall and CPU seconds, all threads): ours is `mlexp profile FILE --target T
--bench-profile N` (every column's type, missing and distinct counts, min/max/mean/std/quartiles/skewness,
top levels, the target's task and balance, duplicates, near-copies and the leakage probe); pandas' is
`df.describe(include='all')` plus `df.nunique()` (count, mean, std, min, quartiles, max, unique, top, freq:
less than ours). ratio = pandas / mlexp (> 1: mlexp faster). --baseline runs a second mlexp binary (e.g.
one built from an older commit) in the same run, so before/after figures share the machine's load.
--train-runs N also times `mlexp train big_train.csv --target target --model gbdt --json` N times and reports
the median time before the fit (process wall time minus fit_seconds: reading, profiling, screening, splitting).
Writes the Markdown table to --out (text below its notes marker is kept).
"""
import argparse, json, os, platform, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

PANDAS = """
import json, sys, time, pandas as pd
path, repeats = sys.argv[1], int(sys.argv[2])
df = pd.read_csv(path)
wall, cpu = [], []
for _ in range(repeats):
    t, c = time.perf_counter(), time.process_time()
    d = df.describe(include='all'); u = df.nunique()
    wall.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
print(json.dumps(dict(rows=len(df), columns=df.shape[1], seconds=wall, cpu=cpu)))
"""


NOTES = "<!-- notes: kept when the table is rewritten -->"


def files():
    from models import make_data  # the models benchmark's deterministic CSVs (sklearn make_classification)
    paths = make_data(memory=True)
    out = [("big_train.csv", paths["big"][2], "target"), ("cls_train.csv", paths["cls"][0], "target")]
    for name, target in [("titanic.csv", "survived"), ("penguins.csv", "species"), ("mpg.csv", "hwy"), ("wine.csv", "target")]:
        out.append((name, os.path.join(ROOT, "datasets", name), target))
    return out


def child(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {p.stderr[-600:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def ours(binary, path, target, repeats):
    return child([binary, "profile", path, "--target", target, "--bench-profile", str(repeats)])


def pandas(path, repeats):
    return child([sys.executable, "-c", PANDAS, path, str(repeats)])


def train_prefit(binary, path, runs):
    """Median seconds of `mlexp train` spent outside the fit (wall of the process minus fit_seconds)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        j = child([binary, "train", path, "--target", "target", "--model", "gbdt", "--json"])
        wall = time.perf_counter() - t
        out.append((wall - j["fit_seconds"], wall))
    return statistics.median(o[0] for o in out), statistics.median(o[1] for o in out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/mlexp"))
    ap.add_argument("--baseline", help="a second mlexp binary (e.g. an older commit) measured in the same run")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--train-runs", type=int, default=0)
    ap.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "RESULTS-profile.md"))
    a = ap.parse_args()
    load = os.getloadavg()[0]
    rows, paths = [], files()
    for name, path, target in paths:
        r = dict(file=name, ours=ours(a.bin, path, target, a.repeats), pandas=pandas(path, a.repeats))
        if a.baseline:
            r["baseline"] = ours(a.baseline, path, target, a.repeats)
        rows.append(r)
        m = {k: statistics.median(r[k]["seconds"]) for k in ("ours", "pandas", "baseline") if k in r}
        print(f"{name}: " + ", ".join(f"{k} {v:.4f} s" for k, v in m.items()) + f", pandas/mlexp {m['pandas'] / m['ours']:.2f}x", flush=True)
    train = []
    if a.train_runs:
        big = paths[0][1]
        for label, binary in [("mlexp", a.bin)] + ([("baseline", a.baseline)] if a.baseline else []):
            prefit, wall = train_prefit(binary, big, a.train_runs)
            train.append((label, prefit, wall))
            print(f"train gbdt {label}: {prefit:.2f} s before the fit, {wall:.2f} s in all", flush=True)
    write(a, rows, train, load)


def write(a, rows, train, load):
    import pandas as pd
    med = statistics.median
    lines = [
        "# Profiling: mlexp vs pandas",
        "",
        f"Command: `benchmarks/profile.sh --repeats {a.repeats}" + (" --baseline OLD_MLEXP" if a.baseline else "")
        + (f" --train-runs {a.train_runs}" if a.train_runs else "") + "` (see benchmarks/profile.py for what each side computes).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, pandas {pd.__version__}. "
        f"Median of {a.repeats} profiles after one load, each side in its own process, in one run. "
        f"Load average at start: {load:.1f}, end: {os.getloadavg()[0]:.1f} (the machine is shared; compare within a row).",
        "",
        "| file | rows × cols | mlexp s (wall) | mlexp CPU s | pandas s (wall) | pandas CPU s | pandas / mlexp (wall) |"
        + (" before s (wall) | before / after |" if a.baseline else ""),
        "|---|---|---|---|---|---|---|" + ("---|---|" if a.baseline else ""),
    ]
    for r in rows:
        o, p = r["ours"], r["pandas"]
        line = (f"| {r['file']} | {o['rows']:,} × {o['columns']} | {med(o['seconds']):.4f} | {med(o['cpu']):.4f} | "
                f"{med(p['seconds']):.4f} | {med(p['cpu']):.4f} | {med(p['seconds']) / med(o['seconds']):.2f}× |")
        if "baseline" in r:
            b = r["baseline"]
            line += f" {med(b['seconds']):.4f} | {med(b['seconds']) / med(o['seconds']):.2f}× |"
        lines.append(line)
    if train:
        lines += ["", f"`mlexp train big_train.csv --target target --model gbdt --json`, median of {a.train_runs} runs:", "",
                  "| binary | before the fit s | whole command s |", "|---|---|---|"]
        lines += [f"| {label} | {prefit:.2f} | {wall:.2f} |" for label, prefit, wall in train]
    # Hand-written notes below the marker survive a re-run.
    notes = ""
    if os.path.exists(a.out):
        old = open(a.out).read()
        if NOTES in old:
            notes = old[old.index(NOTES):]
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n\n" + (notes or NOTES + "\n"))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
