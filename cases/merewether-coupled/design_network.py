#!/usr/bin/env python3
"""Lays the storm sewer of the coupled Merewether case and writes network.inp and coupling.csv.

The layout (pits, pipe routes along the road centre lines) is written below by hand, traced from
the road polygon `road/RoadPolygon.csv` of the Merewether data set. Everything else follows from
the ground levels, read at run time from the data folder (never copied here):

  * rim of every pit = DEM value of the cell holding it (topography1_buildings3m.asc, the DEM the
    case runs on; all pits are on road cells, where it equals the bare earth);
  * design flow = Q_PIT for every pit upstream of a pipe, pit included (one standard grate passes
    0.6 * 0.12 m^2 * sqrt(2 g 0.1 m) = 0.10 m^3/s under 0.1 m of ponding);
  * size = smallest standard diameter that carries the design flow full (Manning, n = 0.013) at
    max(ground slope, S_MIN), never smaller than a pipe upstream; where even D_MAX does not, the
    pipe is laid at the slope that makes D_MAX carry it;
  * inverts: upstream end = rim - COVER - D, lowered to match the crown of the incoming pipes;
    downstream end = the lower of rim - COVER - D and the upstream end minus the fall the pipe
    needs (the grade at which D carries the design flow full, at least S_MIN), so a pipe that
    had to run deep (against the ground) climbs back towards the cover downstream; a
    pit's invert is that of its outgoing pipe, incoming pipes that arrive higher get an offset;
    MaxDepth = rim - invert so that the rim is the ground.

Checks (the script stops if one fails): every pit and bend lies inside the road polygon, on a
road cell of manning_n.asc (n < 0.03), outside the buildings, inside the DEM; the network is a
tree draining to the outfall; pipes fall at least S_MIN; cover >= COVER everywhere.

Usage (from the repository root; the data folder defaults to ../shared/dem/merewether):

    python3 cases/merewether-coupled/design_network.py [--data DIR] [--out DIR] [--check-inflow Q]

--check-inflow Q adds [INFLOWS] of Q m^3/s at every pit and writes network_check.inp instead (for
a standalone test of the pipes with `spongeflow network`); the case's network.inp has no inflows.
Output is deterministic: the same data give the same files byte for byte. Pure Python 3.
"""
import argparse
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "dem", "merewether"))

Q_PIT = 0.10      # m^3/s design inflow per pit
N_MANNING = 0.013  # concrete pipe
S_MIN = 0.005     # minimum pipe grade
COVER = 1.0       # m of cover over the crown
SIZES = [0.375, 0.45, 0.525, 0.6, 0.675, 0.75, 0.825, 0.9]  # m, standard RCP diameters
D_MAX = SIZES[-1]

# Pits: id -> (x, y, role). Coordinates in the DEM's CRS (UTM zone 56 south / MGA 56, m), on the
# road centre lines traced from RoadPolygon.csv. Street names are ours:
#   A  the main road along the south of the valley (SW corner -> east edge), a sag at A4
#   B  the cross street north from A to C;  C  west-east street, sag at C1
#   D  north to E;  E  west-east;  F  north to the top street J;  H  from A's east end down to E3
#   I  spur west of F3;  J  east along the top to the outfall at the east edge (lowest road point)
PITS = {
    "A1": (382282.0, 6354270.0, "inlet"),
    "A2": (382319.0, 6354308.0, "inlet"),
    "A3": (382356.5, 6354345.0, "inlet"),
    "A4": (382402.0, 6354381.3, "inlet"),    # sag of the main road
    "A6": (382480.0, 6354406.0, "inlet"),
    "A7": (382525.0, 6354421.5, "inlet"),
    "B1": (382449.0, 6354397.0, "manhole"),  # A x B
    "B2": (382442.0, 6354436.0, "inlet"),
    "B3": (382433.0, 6354471.0, "manhole"),  # B x C
    "C1": (382404.5, 6354462.2, "inlet"),    # sag of the west end of C
    "C4": (382482.0, 6354488.0, "manhole"),  # C x D
    "D2": (382475.0, 6354531.0, "manhole"),  # D x E
    "E2": (382511.0, 6354538.3, "inlet"),
    "E3": (382549.0, 6354550.0, "manhole"),  # E x F x H
    "H1": (382567.5, 6354480.0, "inlet"),
    "H2": (382560.2, 6354509.5, "inlet"),
    "F2": (382539.5, 6354587.0, "inlet"),
    "F3": (382525.5, 6354637.0, "manhole"),  # F x I x J
    "I1": (382472.0, 6354625.0, "inlet"),
    "J2": (382550.0, 6354645.5, "inlet"),
}
OUTFALL = ("O1", 382569.5, 6354648.9)  # J at the east edge, the lowest road point of the domain

# Pipes: (id, from, to, bends along the road centre line). Listed upstream first.
PIPES = [
    ("P_A1", "A1", "A2", [(382299.0, 6354286.0)]),
    ("P_A2", "A2", "A3", [(382345.0, 6354332.0)]),
    ("P_A3", "A3", "A4", [(382368.0, 6354358.0), (382384.0, 6354373.0)]),
    ("P_A4", "A4", "B1", [(382409.0, 6354384.5), (382431.0, 6354390.5)]),
    ("P_A7", "A7", "A6", [(382520.0, 6354420.0), (382489.0, 6354408.5)]),
    ("P_A6", "A6", "B1", [(382457.0, 6354399.5)]),
    ("P_B1", "B1", "B2", [(382445.0, 6354425.0)]),
    ("P_B2", "B2", "B3", [(382439.0, 6354447.0), (382434.0, 6354468.0)]),
    ("P_C1", "C1", "B3", [(382415.0, 6354465.0)]),
    ("P_B3", "B3", "C4", [(382450.0, 6354478.0), (382467.0, 6354482.0)]),
    ("P_C4", "C4", "D2", [(382479.0, 6354503.0), (382475.0, 6354516.0)]),
    ("P_D2", "D2", "E2", [(382502.0, 6354536.0)]),
    ("P_E2", "E2", "E3", [(382520.0, 6354540.5), (382537.0, 6354545.0)]),
    ("P_H1", "H1", "H2", []),
    ("P_H2", "H2", "E3", [(382551.0, 6354546.0)]),
    ("P_E3", "E3", "F2", [(382545.0, 6354565.0)]),
    ("P_F2", "F2", "F3", [(382537.5, 6354595.0), (382528.0, 6354628.0)]),
    ("P_I1", "I1", "F3", [(382500.0, 6354632.0), (382522.0, 6354637.0)]),
    ("P_F3", "F3", "J2", [(382528.0, 6354640.5)]),
    ("P_J2", "J2", "O1", []),
]


class Grid:
    def __init__(self, path):
        hdr, rows = {}, []
        with open(path) as f:
            for line in f:
                t = line.split()
                if not t:
                    continue
                if t[0][0].isalpha():
                    hdr[t[0].lower()] = float(t[1])
                else:
                    rows.append([float(v) for v in t])
        self.nx, self.ny = int(hdr["ncols"]), int(hdr["nrows"])
        self.x0, self.y0, self.dx = hdr["xllcorner"], hdr["yllcorner"], hdr["cellsize"]
        self.nodata = hdr.get("nodata_value", -9999.0)
        self.rows = rows  # north row first
        if len(rows) != self.ny or any(len(r) != self.nx for r in rows):
            sys.exit(f"{path}: not {self.ny} rows of {self.nx} values")

    def at(self, x, y):
        i = math.floor((x - self.x0) / self.dx)
        j = math.floor((y - self.y0) / self.dx)  # from the south, as the engine counts
        if not (0 <= i < self.nx and 0 <= j < self.ny):
            return None
        return self.rows[self.ny - 1 - j][i]


def inside_polygon(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def q_full(d, s):
    """Manning full-bore flow of a circular pipe (m^3/s)."""
    area = math.pi * d * d / 4.0
    return area / N_MANNING * (d / 4.0) ** (2.0 / 3.0) * math.sqrt(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="Merewether data folder")
    ap.add_argument("--out", default=HERE, help="folder for network.inp and coupling.csv")
    ap.add_argument("--check-inflow", type=float, default=None,
                    help="write network_check.inp with this inflow (m^3/s) at every pit")
    a = ap.parse_args()

    dem = Grid(os.path.join(a.data, "topography1_buildings3m.asc"))
    manning = Grid(os.path.join(a.data, "manning_n.asc"))
    buildings = Grid(os.path.join(a.data, "buildings_mask.asc"))
    with open(os.path.join(a.data, "road", "RoadPolygon.csv")) as f:
        road = [tuple(float(v) for v in line.split(",")[:2]) for line in f if line.strip()]

    xy = {k: (v[0], v[1]) for k, v in PITS.items()}
    xy[OUTFALL[0]] = (OUTFALL[1], OUTFALL[2])

    problems = []

    def check_point(name, x, y):
        z = dem.at(x, y)
        if z is None or z == dem.nodata:
            problems.append(f"{name} ({x}, {y}) is outside the DEM")
            return
        if not inside_polygon(x, y, road):
            problems.append(f"{name} ({x}, {y}) is outside the road polygon")
        if manning.at(x, y) >= 0.03:
            problems.append(f"{name} ({x}, {y}) is not on a road cell of manning_n")
        if buildings.at(x, y) != 0:
            problems.append(f"{name} ({x}, {y}) is in a building")

    for k, (x, y) in xy.items():
        check_point(k, x, y)
    for pid, _, _, bends in PIPES:
        for b in bends:
            check_point(f"bend of {pid}", *b)
    ground = {k: dem.at(*p) for k, p in xy.items()}

    # the tree: one outgoing pipe per pit, every pit drains to the outfall
    out_pipe, in_pipes = {}, {k: [] for k in xy}
    for p in PIPES:
        pid, a_, b_, _ = p
        if a_ in out_pipe:
            problems.append(f"{a_} has two outgoing pipes")
        out_pipe[a_] = p
        in_pipes[b_].append(p)
    for k in PITS:
        seen, n = set(), k
        while n != OUTFALL[0]:
            if n in seen or n not in out_pipe:
                problems.append(f"{k} does not drain to {OUTFALL[0]}")
                break
            seen.add(n)
            n = out_pipe[n][2]
    if problems:
        sys.exit("design checks failed:\n  " + "\n  ".join(problems))

    def upstream_pits(node):
        return 1 + sum(upstream_pits(p[1]) for p in in_pipes[node]) if node in PITS else 0

    # size and lay the pipes, upstream first (PIPES is in that order)
    design = {}  # pid -> dict
    invert = {}
    for pid, n1, n2, bends in PIPES:
        pts = [xy[n1]] + bends + [xy[n2]]
        length = sum(math.dist(p, q) for p, q in zip(pts, pts[1:]))
        q = Q_PIT * upstream_pits(n1)
        s_ground = (ground[n1] - ground[n2]) / length
        s = max(s_ground, S_MIN)
        d_up = max([design[p[0]]["D"] for p in in_pipes[n1]], default=SIZES[0])
        d = next((d for d in SIZES if d >= d_up and q_full(d, s) >= q), None)
        if d is None:
            d = D_MAX
            s = max(s, (q / q_full(D_MAX, 1.0)) ** 2)
        inv1 = ground[n1] - COVER - d
        for p in in_pipes[n1]:  # crown matching
            e = design[p[0]]
            inv1 = min(inv1, e["inv2"] + e["D"] - d)
        invert[n1] = inv1
        # the fall it needs: the grade at which D carries Q (at least S_MIN); a pipe that ran
        # deep climbs back to the cover where the ground falls faster than that
        s_need = max(S_MIN, (q / q_full(d, 1.0)) ** 2)
        inv2 = min(inv1 - s_need * length, ground[n2] - COVER - d)
        design[pid] = dict(n1=n1, n2=n2, L=length, Q=q, D=d, inv1=inv1, inv2=inv2, pts=pts,
                           s_ground=s_ground)
    o = OUTFALL[0]
    invert[o] = min(design[p[0]]["inv2"] for p in in_pipes[o])

    for pid, e in design.items():
        slope = (e["inv1"] - e["inv2"]) / e["L"]
        e["slope"] = slope
        e["cap"] = q_full(e["D"], slope)
        e["off2"] = e["inv2"] - invert[e["n2"]]
        if slope < S_MIN - 1e-9:
            problems.append(f"{pid} falls {slope:.4f} < {S_MIN}")
        if e["cap"] < e["Q"] - 1e-9:
            problems.append(f"{pid} carries {e['cap']:.3f} < design {e['Q']:.3f} m3/s")
        for end, node in (("inv1", e["n1"]), ("inv2", e["n2"])):
            if ground[node] - e[end] - e["D"] < COVER - 1e-9:
                problems.append(f"{pid} has less than {COVER} m cover at {node}")
    if problems:
        sys.exit("design checks failed:\n  " + "\n  ".join(problems))

    r3 = lambda v: f"{v:.3f}"
    lines = [
        "[TITLE]",
        ";;Storm sewer of the coupled Merewether case (spongeflow), laid along the roads of the ARR",
        ";;Project 15 Merewether data set. Generated by cases/merewether-coupled/design_network.py:",
        f";;design {Q_PIT} m3/s per pit, n {N_MANNING}, grade >= {S_MIN}, cover {COVER} m, rims at the DEM.",
        "",
        "[OPTIONS]",
        "FLOW_UNITS           CMS",
        "INFILTRATION         HORTON",
        "FLOW_ROUTING         DYNWAVE",
        "LINK_OFFSETS         DEPTH",
        "START_DATE           01/01/2020",
        "START_TIME           00:00:00",
        "REPORT_START_DATE    01/01/2020",
        "REPORT_START_TIME    00:00:00",
        "END_DATE             01/01/2020",
        "END_TIME             02:00:00",
        "REPORT_STEP          00:01:00",
        "WET_STEP             00:05:00",
        "DRY_STEP             01:00:00",
        "ROUTING_STEP         1",
        "VARIABLE_STEP        0.75",
        "MINIMUM_STEP         0.5",
        "INERTIAL_DAMPING     PARTIAL",
        "NORMAL_FLOW_LIMITED  BOTH",
        "SURCHARGE_METHOD     EXTRAN",
        "",
        "[JUNCTIONS]",
        ";;Name  Elevation  MaxDepth  InitDepth  SurDepth  Aponded",
    ]
    for k in PITS:
        lines.append(f"{k:<6} {r3(invert[k]):>9} {r3(ground[k] - invert[k]):>9} 0 0 0")
    lines += ["", "[OUTFALLS]", ";;Name  Elevation  Type  Gated",
              f"{o:<6} {r3(invert[o]):>9} FREE NO", "", "[CONDUITS]",
              ";;Name  From  To  Length  Roughness  InOffset  OutOffset  InitFlow  MaxFlow"]
    for pid, e in design.items():
        lines.append(f"{pid:<6} {e['n1']:<4} {e['n2']:<4} {e['L']:7.2f} {N_MANNING} 0 "
                     f"{r3(e['off2'])} 0 0")
    lines += ["", "[XSECTIONS]", ";;Link  Shape  Geom1  Geom2  Geom3  Geom4  Barrels"]
    for pid, e in design.items():
        lines.append(f"{pid:<6} CIRCULAR {e['D']:.3f} 0 0 0 1")
    if a.check_inflow is not None:
        lines += ["", "[INFLOWS]", ";;Node  Constituent  TimeSeries  Type  Mfactor  Sfactor  Baseline"]
        for k in PITS:
            lines.append(f'{k:<6} FLOW "" FLOW 1.0 1.0 {a.check_inflow}')
    lines += ["", "[REPORT]", "INPUT NO", "CONTROLS NO", "NODES ALL", "LINKS ALL", "",
              "[COORDINATES]", ";;Node  X-Coord  Y-Coord"]
    for k, (x, y) in xy.items():
        lines.append(f"{k:<6} {x:.2f} {y:.2f}")
    lines += ["", "[VERTICES]", ";;Link  X-Coord  Y-Coord"]
    for pid, _, _, bends in PIPES:
        for x, y in bends:
            lines.append(f"{pid:<6} {x:.2f} {y:.2f}")
    text = "\n".join(lines) + "\n"

    os.makedirs(a.out, exist_ok=True)
    name = "network.inp" if a.check_inflow is None else "network_check.inp"
    with open(os.path.join(a.out, name), "w", newline="\n") as f:
        f.write(text)
    if a.check_inflow is None:
        csv = ["# Surface exchange points of network.inp (x, y from its [COORDINATES]).",
               "# inlet: road gully (grate); manhole: junction pit; outfall: returns its outflow",
               "# to the surface cell at the east edge. Generated by design_network.py.",
               "node_id,role"]
        csv += [f"{k},{v[2]}" for k, v in PITS.items()] + [f"{o},outfall"]
        with open(os.path.join(a.out, "coupling.csv"), "w", newline="\n") as f:
            f.write("\n".join(csv) + "\n")

    # design table on stderr
    total = sum(e["L"] for e in design.values())
    print(f"{len(PITS)} pits, 1 outfall, {len(PIPES)} pipes, {total:.0f} m of pipe", file=sys.stderr)
    print(f"{'pipe':6} {'from':4} {'to':4} {'L':>6} {'Q':>5} {'D':>5} {'S_gnd':>7} {'S':>7} "
          f"{'Qfull':>6} {'depth1':>6} {'depth2':>6}", file=sys.stderr)
    for pid, e in design.items():
        print(f"{pid:6} {e['n1']:4} {e['n2']:4} {e['L']:6.1f} {e['Q']:5.2f} {e['D']:5.3f} "
              f"{e['s_ground']:7.4f} {e['slope']:7.4f} {e['cap']:6.2f} "
              f"{ground[e['n1']] - e['inv1']:6.2f} {ground[e['n2']] - e['inv2']:6.2f}",
              file=sys.stderr)
    for k in list(PITS) + [o]:
        print(f"  {k:4} ground {ground[k]:7.3f} invert {invert[k]:7.3f} depth "
              f"{ground[k] - invert[k]:5.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
