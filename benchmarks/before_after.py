#!/usr/bin/env python3
"""Before / after a refactor: two mlexp binaries and the peer library, run in alternation (before, after,
peer; before, after, peer; …) on the model rows of models.py, so that a change of load hits all three
alike. Prints, per row, the median fit time of each and the ratios after / before and each / peer.
A behaviour-preserving change should show after / before within noise and the same metric.
Usage: before_after.py --before OLD/mlexp --after .build/release/mlexp [--rounds 5]
       [--kinds gbdt,logistic,tree,kmeans] [--data cls,reg] [--out FILE.md]
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402  (the rows, the data and the runners of the model benchmark)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--kinds", default="gbdt,logistic,tree,kmeans")
    ap.add_argument("--data", default="cls,reg")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out")
    a = ap.parse_args()
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"} if os.getloadavg()[0] > (os.cpu_count() or 1) else None
    paths = models.make_data(False)
    kinds, sets = a.kinds.split(","), a.data.split(",")
    lines = [
        f"Rounds: {a.rounds}, alternated (before, after, peer). Load average at start: {os.getloadavg()[0]:.1f}.",
        "",
        "| model | data | peer | before s | after s | after / before | before / peer | after / peer | metric before | metric after |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, data in models.PLAN:
        if kind not in kinds or data not in sets: continue
        train, test = paths[data]
        target = "survived" if data == "titanic" else "target"
        task = "regression" if data == "reg" else "classification"
        lib = models.PEERS[kind][0]
        before, after, peer = [], [], []
        for i in range(a.rounds):
            before.append(models.run_ours(os.path.abspath(a.before), kind, train, test, target, a.timeout, i))
            after.append(models.run_ours(os.path.abspath(a.after), kind, train, test, target, a.timeout, i))
            peer.append(models.run_peer(kind, lib, train, test, target, task, a.timeout, i, env))
        b, f, p = (statistics.median(r["fit"] for r in rs) for rs in (before, after, peer))
        mb, ma = statistics.median(r["metric"] for r in before), statistics.median(r["metric"] for r in after)
        line = (f"| {kind} | {data} | {lib} | {b:.3f} | {f:.3f} | {f / b:.2f} | {b / p:.2f} | {f / p:.2f} | "
                f"{mb:.4f} | {ma:.4f} |")
        lines.append(line)
        print(line, flush=True)
    lines.append(f"\nLoad average at end: {os.getloadavg()[0]:.1f}.")
    if a.out:
        with open(a.out, "w") as fh: fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
