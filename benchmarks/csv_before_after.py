#!/usr/bin/env python3
"""Before / after a change to the CSV reader: mlexp binaries alternated, a fresh process per load
(`mlexp profile FILE --bench-load 1`, the load call only), so that a change of machine load hits every binary
alike. Prints per file and binary the median wall and CPU seconds and the ratios to the first binary.
Usage: csv_before_after.py BEFORE/mlexp,AFTER/mlexp [FILE,FILE,...] [ROUNDS]
       (files default to benchmarks/data/{flights,mixed_200k_21,floats_1m_10}.csv, made by csv_load.py)
"""
import json
import os
import statistics
import subprocess
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
DEFAULT = ",".join(os.path.join(DATA, f) for f in ("flights.csv", "mixed_200k_21.csv", "floats_1m_10.csv"))


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    bins = sys.argv[1].split(",")
    files = (sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else DEFAULT).split(",")
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    times = {(b, f): ([], []) for b in bins for f in files}
    for _ in range(rounds):
        for f in files:
            for b in bins:
                out = subprocess.run([b, "profile", f, "--bench-load", "1"], capture_output=True, text=True,
                                     check=True).stdout
                d = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
                times[(b, f)][0].extend(d["seconds"])
                times[(b, f)][1].extend(d["cpu"])
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {rounds} loads per binary and file")
    for f in files:
        base = None
        for b in bins:
            wall, cpu = (statistics.median(x) for x in times[(b, f)])
            base = base or (wall, cpu)
            print(f"{os.path.basename(f):22s} {b:40s} wall {wall:.3f} s  cpu {cpu:.3f} s  "
                  f"wall/first {wall / base[0]:.3f}  cpu/first {cpu / base[1]:.3f}")


if __name__ == "__main__":
    main()
