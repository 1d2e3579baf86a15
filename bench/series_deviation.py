#!/usr/bin/env python3
"""Largest deviation of every series of two `spongeflow network --timeseries` CSV files (or two
folders of them, matched by name), relative to each series' peak |value| in the first file.
Prints per file the worst series and its deviation, and the worst overall. For checking that a
numerical change moves results only in the last digits. Standard library only.
  bench/series_deviation.py A.csv B.csv
  bench/series_deviation.py DIR_A DIR_B"""
import csv, sys
from pathlib import Path


def read(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0], [[float(v) for v in r] for r in rows[1:]]


def deviation(a, b):
    """(worst relative deviation, its column name, rows differ) of two CSV files."""
    ha, ra = read(a)
    hb, rb = read(b)
    if ha != hb:
        return float("inf"), "header differs", True
    if len(ra) != len(rb):
        return float("inf"), f"{len(ra)} rows against {len(rb)}", True
    worst, name = 0.0, ""
    for c in range(1, len(ha)):
        peak = max(abs(r[c]) for r in ra)
        d = max(abs(x[c] - y[c]) for x, y in zip(ra, rb))
        rel = d / peak if peak > 0 else (0.0 if d == 0 else float("inf"))
        if rel > worst:
            worst, name = rel, ha[c]
    return worst, name, False


def main():
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = [(a, b)] if a.is_file() else [(f, b / f.name) for f in sorted(a.glob("*.csv"))]
    overall = 0.0
    for x, y in pairs:
        if not y.is_file():
            print(f"{x.name}: missing in {b}")
            continue
        worst, name, _ = deviation(x, y)
        overall = max(overall, worst)
        print(f"{x.stem:34s} {worst:9.2e}  {name}")
    print(f"largest deviation relative to the series' peak: {overall:.2e}")


if __name__ == "__main__":
    main()
