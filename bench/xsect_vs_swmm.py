#!/usr/bin/env python3
"""Compares spongeflow's relative cross-section geometry with EPA SWMM 5.2's tables.

For each shape SWMM tabulates (circle, egg, horseshoe, gothic, catenary, semi-elliptical,
basket-handle, semi-circular, ellipses, arch) it reads A/A_full, R/R_full and W/W_max over
depth as SWMM 5.2.4 does (xsect.c: lookup() with its quadratic first two intervals; the area
of gothic, catenary, semi-elliptical and semi-circular sections by invLookup() of their
Y-of-A table, their radius as (S/A)^1.5 from the S-of-A table) and prints the largest
differences from spongeflow's geometry (bench/xsect_table_dump.cpp, geometry_at()).

SWMM's xsect.dat is read from the path given (e.g. from a checkout of
USEPA/Stormwater-Management-Model, src/solver/xsect.dat); it is not part of this repository,
and nothing in the tests or CI needs this script.

Usage:
  bench/xsect_vs_swmm.py PATH/TO/xsect.dat build-cpu/bench/spongeflow-xsect-dump [--rows]
"""
import argparse
import collections
import re
import subprocess
import sys


def read_tables(path):
    """All `double NAME[n] = {...}` arrays of xsect.dat, by name."""
    text = open(path, encoding="latin-1").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    tables = {}
    for m in re.finditer(r"double\s+(\w+)\s*\[\s*\d+\s*\]\s*=\s*\{([^}]*)\}", text):
        tables[m.group(1)] = [float(v) for v in m.group(2).split(",") if v.strip()]
    return tables


def lookup(x, t):
    """SWMM's lookup(): linear between rows, quadratic in the first two intervals where
    positive."""
    n = len(t)
    delta = 1.0 / (n - 1)
    i = int(x / delta)
    if i >= n - 1:
        return t[-1]
    x0, x1 = i * delta, (i + 1) * delta
    y = t[i] + (x - x0) * (t[i + 1] - t[i]) / delta
    if i < 2:
        y2 = y + (x - x0) * (x - x1) / (delta * delta) * (t[i] / 2 - t[i + 1] + t[i + 2] / 2)
        if y2 > 0.0:
            y = y2
    return max(y, 0.0)


def inv_lookup(y, t):
    """SWMM's invLookup(): the linear inverse of a rising table (a last maximum third from the
    end handled as SWMM does)."""
    n = len(t)
    dx = 1.0 / (n - 1)
    m = n - 2 if t[n - 3] > t[n - 1] else n
    if m < n and y > t[n - 1]:
        if y >= t[n - 3]:
            return (m - 1) * dx
        i = n - 2 if y <= t[n - 2] else n - 3
    else:
        i = 0
        while i + 1 < m and t[i + 1] <= y:
            i += 1
    if i >= m - 1:
        return (m - 1) * dx
    dy = t[i + 1] - t[i]
    return i * dx if dy == 0.0 else i * dx + (y - t[i]) * dx / dy


# shape -> the names of its tables in xsect.dat (SWMM's spelling)
SHAPES = collections.OrderedDict([
    ("CIRCULAR", dict(A="A_Circ", R="R_Circ", W="W_Circ")),
    ("EGG", dict(A="A_Egg", R="R_Egg", W="W_Egg")),
    ("HORSESHOE", dict(A="A_Horseshoe", R="R_Horseshoe", W="W_Horseshoe")),
    ("GOTHIC", dict(Y="Y_Gothic", S="S_Gothic", W="W_Gothic")),
    ("CATENARY", dict(Y="Y_Catenary", S="S_Catenary", W="W_Catenary")),
    ("SEMIELLIPTICAL", dict(Y="Y_SemiEllip", S="S_SemiEllip", W="W_SemiEllip")),
    ("BASKETHANDLE", dict(A="A_Baskethandle", R="R_Baskethandle", W="W_BasketHandle")),
    ("SEMICIRCULAR", dict(Y="Y_SemiCirc", S="S_SemiCirc", W="W_SemiCirc")),
    ("HORIZ_ELLIPSE", dict(A="A_HorizEllipse", R="R_HorizEllipse", W="W_HorizEllipse")),
    ("VERT_ELLIPSE", dict(A="A_VertEllipse", R="R_VertEllipse", W="W_VertEllipse")),
    ("ARCH", dict(A="A_Arch", R="R_Arch", W="W_Arch")),
])


def swmm_geometry(names, tables, eta):
    """SWMM's (A/A_full, R/R_full, W/W_max) at relative depth eta (xsect_getAofY, getRofY,
    getWofY)."""
    if "A" in names:
        a = lookup(eta, tables[names["A"]])
        r = lookup(eta, tables[names["R"]])
    else:
        a = inv_lookup(eta, tables[names["Y"]])
        s = lookup(a, tables[names["S"]])
        r = (s / a) ** 1.5 if a > 0.0 and s > 0.0 else 0.0
    return a, r, lookup(eta, tables[names["W"]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("xsect_dat", help="SWMM 5.2's src/solver/xsect.dat")
    ap.add_argument("dump", help="the spongeflow-xsect-dump executable")
    ap.add_argument("--rows", action="store_true",
                    help="also print both geometries at every 0.05 of the depth")
    args = ap.parse_args()
    tables = read_tables(args.xsect_dat)
    ours = collections.defaultdict(list)
    out = subprocess.run([args.dump], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines()[1:]:
        shape, eta, a, r, w = line.split(",")
        ours[shape].append((float(eta), float(a), float(r), float(w)))

    print("Largest differences ours - SWMM (relative: ours/SWMM - 1 at eta = y/y_full >= 0.1;"
          " absolute: of the full value, over all depths);")
    print("'>1%' = share of depths 0.1..1 where the relative difference exceeds 1 %.\n")
    print(f"{'shape':15s} {'col':3s} {'max rel (eta)':>18s} {'>1%':>5s} "
          f"{'max rel eta<0.1 (eta)':>22s} {'max abs (eta)':>18s}")
    for shape, names in SHAPES.items():
        if shape not in ours:
            continue
        for col, label in ((1, "A"), (2, "R"), (3, "W")):
            rel = (0.0, 0.0)
            rel_low = (0.0, 0.0)
            ab = (0.0, 0.0)
            over = total = 0
            for row in ours[shape]:
                eta = row[0]
                v_ours = row[col]
                v_swmm = swmm_geometry(names, tables, eta)[col - 1]
                d = v_ours - v_swmm
                if abs(d) > abs(ab[0]):
                    ab = (d, eta)
                if v_swmm <= 0.0:
                    continue
                e = v_ours / v_swmm - 1.0
                if eta >= 0.1:
                    total += 1
                    over += abs(e) > 0.01
                    if abs(e) > abs(rel[0]):
                        rel = (e, eta)
                elif eta >= 0.01 and abs(e) > abs(rel_low[0]):
                    rel_low = (e, eta)
            print(f"{shape:15s} {label:3s} {100 * rel[0]:+8.2f}% ({rel[1]:.3f})"
                  f" {100.0 * over / max(total, 1):4.0f}% {100 * rel_low[0]:+11.2f}% ({rel_low[1]:.3f})"
                  f" {ab[0]:+9.4f} ({ab[1]:.3f})")
        if args.rows:
            print(f"  {'eta':>5s} {'A ours':>8s} {'A SWMM':>8s} {'R ours':>8s} {'R SWMM':>8s}"
                  f" {'W ours':>8s} {'W SWMM':>8s}")
            for row in ours[shape][::50]:
                s = swmm_geometry(names, tables, row[0])
                print(f"  {row[0]:5.2f} {row[1]:8.4f} {s[0]:8.4f} {row[2]:8.4f} {s[1]:8.4f}"
                      f" {row[3]:8.4f} {s[2]:8.4f}")
    print("\nSWMM's own consistency: its A/A_full against the area of its width table,"
          " integrated (trapezoids, 10 000 steps) and divided by its value at the crown:")
    print(f"{'shape':15s} {'max rel eta>=0.1 (eta)':>24s} {'>1%':>5s} {'max abs (eta)':>18s}")
    for shape, names in SHAPES.items():
        n = 10000
        w = [lookup(k / n, tables[names["W"]]) for k in range(n + 1)]
        cum = [0.0]
        for k in range(n):
            cum.append(cum[-1] + 0.5 * (w[k] + w[k + 1]) / n)
        rel = (0.0, 0.0)
        ab = (0.0, 0.0)
        over = total = 0
        for k in range(0, n + 1, 10):
            eta = k / n
            a_w = cum[k] / cum[-1]
            a = swmm_geometry(names, tables, eta)[0]
            if abs(a - a_w) > abs(ab[0]):
                ab = (a - a_w, eta)
            if eta >= 0.1 and a_w > 0.0:
                e = a / a_w - 1.0
                total += 1
                over += abs(e) > 0.01
                if abs(e) > abs(rel[0]):
                    rel = (e, eta)
        print(f"{shape:15s} {100 * rel[0]:+14.2f}% ({rel[1]:.3f}) {100.0 * over / max(total, 1):4.0f}%"
              f" {ab[0]:+9.4f} ({ab[1]:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
