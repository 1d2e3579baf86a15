#!/usr/bin/env python3
"""Where a network's flow-routing continuity error comes from, node by node, in spongeflow and in
EPA SWMM 5.2.4 side by side (docs/validation/swmm.md, "The TYPE1 wet well's continuity").

Both programs route the model with the report step set to the routing step (fixed steps only):
spongeflow through bench's spongeflow-step-dump, SWMM through runswmm and its .out (read by
swmm_out.py). Each node's control volume is its own volume plus half of every conduit at it;
over each step its error is

    0.5 (net_old + net_new) dt - Δ(own + ½ Σ conduit volumes) - 0.5 (flood_old + flood_new) dt

with net the lateral inflow plus the link flows in minus out (outfalls: 0, their inflow is the
system's outflow). The node errors add up to the system's continuity error (the routing
ledger's trapezoids), so the table shows which node loses or gains the volume, in m³, and
--until shows when. SWMM's .out has no t = 0 record: spongeflow's initial state stands in
for SWMM's (both start from the .inp's initial depths).

With --members K the model's inputs are scaled by 1 + k·STEP (|k| <= K, as bench/swmm_ensemble.py
does) and the table gives each node's mean and standard deviation over the members, which tells
a systematic difference from a chaotic one.

Standard library only. Example (pump_type1_wetwell, 21 members, about 20 s):
  bench/node_balance.py ../shared/swmm/cases/pump_type1_wetwell.inp --members 10
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import swmm_compare  # noqa: E402  (SWMM build and lookup)
from swmm_ensemble import perturbed, sections  # noqa: E402
from swmm_out import read_out  # noqa: E402

FT3 = 0.3048 ** 3
# flow unit -> (m³/s per unit, m³ per .out volume unit)
UNITS = {"CFS": (FT3, FT3), "GPM": (FT3 / 448.831, FT3), "MGD": (1.547229 * FT3, FT3),
         "CMS": (1.0, 1.0), "LPS": (1e-3, 1.0), "MLD": (1e3 / 86400.0, 1.0)}


def model_facts(text):
    """Flow units, routing step (s), outfall names, every link's ends and the conduits' names."""
    units, step, outfalls, ends, conduits = "CFS", None, set(), {}, set()
    for sec, _, f in sections(text.splitlines()):
        key = f[0].upper()
        if sec == "[OPTIONS]" and key == "FLOW_UNITS":
            units = f[1].upper()
        elif sec == "[OPTIONS]" and key == "ROUTING_STEP":
            parts = [float(p) for p in f[1].split(":")]
            step = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
        elif sec == "[OPTIONS]" and key == "VARIABLE_STEP" and float(f[1]) > 0:
            sys.exit("node_balance.py needs fixed routing steps (VARIABLE_STEP 0)")
        elif sec == "[OUTFALLS]":
            outfalls.add(f[0])
        elif sec in ("[CONDUITS]", "[PUMPS]", "[ORIFICES]", "[WEIRS]", "[OUTLETS]"):
            ends[f[0]] = (f[1], f[2])
            if sec == "[CONDUITS]":
                conduits.add(f[0])
    if step is None:
        sys.exit("no ROUTING_STEP in [OPTIONS]")
    return units, step, outfalls, ends, conduits


def with_report_step(text, step):
    """The model with REPORT_STEP = the routing step, reporting every node and link."""
    hms = f"{int(step) // 3600:02d}:{int(step) % 3600 // 60:02d}:{int(step) % 60:02d}"
    out, seen = [], False
    for line in text.splitlines():
        if line.strip().upper().startswith("REPORT_STEP"):
            line, seen = f"REPORT_STEP {hms}", True
        out.append(line)
    if not seen:
        out.insert(next(i for i, l in enumerate(out) if l.strip().upper() == "[OPTIONS]") + 1,
                   f"REPORT_STEP {hms}")
    return "\n".join(out) + "\n[REPORT]\nNODES ALL\nLINKS ALL\n"


def read_dump(path):
    steps, nodes, links, ledger = [], [], [], None
    for line in open(path):
        t = line.split()
        if t[0] == "nodes":
            nodes = t[1:]
        elif t[0] == "links":
            links = t[1:]
        elif t[0] == "t":
            steps.append({"t": float(t[1])})
        elif t[0] == "ledger":
            ledger = [float(x) for x in t[1:]]
        else:
            steps[-1][t[0]] = [float(x) for x in t[1:]]
    states = [{"vol": s["node_volume"], "flood": s["node_overflow"], "lat": s["node_lat_flow"],
               "q": s["link_flow"], "lvol": s["link_volume"], "t": s["t"]} for s in steps]
    return nodes, links, states, ledger


def swmm_states(out, units, step, initial, nodes, links):
    """SWMM's states in SI, in spongeflow's node and link order, after spongeflow's initial one."""
    qf, vf = UNITS[units]
    ni = [out["nodes"].index(n) for n in nodes]
    li = [out["links"].index(j) for j in links]
    states = [initial]
    for k, (nv, lv) in enumerate(zip(out["node"], out["link"])):
        states.append({"t": (k + 1) * step, "vol": [nv[i][2] * vf for i in ni],
                       "flood": [nv[i][5] * qf for i in ni], "lat": [nv[i][3] * qf for i in ni],
                       "q": [lv[j][0] * qf for j in li], "lvol": [lv[j][3] * vf for j in li]})
    return states


def node_errors(nodes, links, states, facts, until):
    """Each node's volume-balance error summed over the steps up to `until` (m³)."""
    _, _, outfalls, link_ends, conduits = facts
    idx = {n: i for i, n in enumerate(nodes)}
    ends = [(j, idx[link_ends[name][0]], idx[link_ends[name][1]]) for j, name in enumerate(links)]
    halves = [[j for j, a, b in ends if links[j] in conduits and i in (a, b)]
              for i in range(len(nodes))]

    def net(s, i):
        if nodes[i] in outfalls:
            return 0.0
        v = s["lat"][i]
        for j, a, b in ends:
            if a == i:
                v -= s["q"][j]
            if b == i:
                v += s["q"][j]
        return v

    def held(s, i):
        return s["vol"][i] + sum(0.5 * s["lvol"][j] for j in halves[i])

    err = [0.0] * len(nodes)
    for k in range(1, len(states)):
        s0, s1 = states[k - 1], states[k]
        if s1["t"] > until + 1e-6:
            break
        dt = s1["t"] - s0["t"]
        for i in range(len(nodes)):
            err[i] += (0.5 * (net(s0, i) + net(s1, i)) * dt - (held(s1, i) - held(s0, i))
                       - 0.5 * (s0["flood"][i] + s1["flood"][i]) * dt)
    return err


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inp", help="SWMM .inp model with fixed routing steps")
    ap.add_argument("--members", type=int, default=0, help="K: inputs times 1 + k*STEP, |k| <= K")
    ap.add_argument("--step", type=float, default=1e-4, help="STEP (default 1e-4)")
    ap.add_argument("--until", type=float, default=1e30, help="sum the errors up to this time (s)")
    ap.add_argument("--dump", default=str(swmm_compare.REPO / "build-cpu/bench/spongeflow-step-dump"),
                    help="spongeflow-step-dump executable")
    ap.add_argument("--runswmm", default=None, help="runswmm executable (else PATH, else build)")
    ap.add_argument("--swmm-build", default=str(Path.home() / ".cache" / "spongeflow" /
                                                 "swmm-5.2.4"))
    args = ap.parse_args()
    if not Path(args.dump).is_file():
        sys.exit(f"{args.dump} not found; build the target spongeflow-step-dump or give --dump")
    runswmm = (args.runswmm or shutil.which("runswmm") or
               str(swmm_compare.build_runswmm(Path(args.swmm_build))))
    text = Path(args.inp).read_text(errors="replace")
    facts = model_facts(text)
    units, step = facts[0], facts[1]
    base = with_report_step(text, step)
    env = dict(os.environ, OMP_NUM_THREADS="1")
    runs = {"spongeflow": [], "SWMM": []}
    cont = {"spongeflow": [], "SWMM": []}
    with tempfile.TemporaryDirectory(prefix="node_balance_") as tmp:
        for k in range(-args.members, args.members + 1):
            member = Path(tmp) / "m.inp"
            member.write_text(perturbed(base, 1.0 + k * args.step))
            subprocess.run([runswmm, str(member), str(member.with_suffix(".rpt")),
                            str(member.with_suffix(".out"))], check=True, env=env, cwd=tmp,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([args.dump, str(member), str(member.with_suffix(".txt"))], check=True,
                           env=env)
            nodes, links, ours, ledger = read_dump(member.with_suffix(".txt"))
            swmm = swmm_states(read_out(member.with_suffix(".out")), units, step, ours[0], nodes,
                               links)
            runs["spongeflow"].append(node_errors(nodes, links, ours, facts, args.until))
            runs["SWMM"].append(node_errors(nodes, links, swmm, facts, args.until))
            cont["spongeflow"].append(ledger[-1])
            rpt = member.with_suffix(".rpt").read_text(errors="replace")
            m = re.search(r"Flow Routing Continuity.*?Continuity Error \(%\) \.+\s+(-?[\d.]+)",
                          rpt, re.S)
            cont["SWMM"].append(float(m.group(1)))

    def stats(v):
        return statistics.mean(v), (statistics.stdev(v) if len(v) > 1 else 0.0)

    n = 2 * args.members + 1
    print(f"{Path(args.inp).name}: node volume-balance errors (m³) up to "
          f"{'the end' if args.until >= 1e29 else f't = {args.until:.0f} s'}, "
          f"{n} member{'s' if n > 1 else ''} (mean, sd)")
    print(f"{'node':16s} {'spongeflow':>20s} {'SWMM':>20s} {'difference':>11s}")
    rows = list(range(len(nodes))) + [None]
    for i in rows:
        o = [sum(r) if i is None else r[i] for r in runs["spongeflow"]]
        s = [sum(r) if i is None else r[i] for r in runs["SWMM"]]
        (mo, so), (ms, ss) = stats(o), stats(s)
        print(f"{'total' if i is None else nodes[i]:16s} {mo:11.2f} ({so:6.2f}) {ms:11.2f} "
              f"({ss:6.2f}) {mo - ms:11.2f}")
    for prog in ("spongeflow", "SWMM"):
        m, s = stats(cont[prog])
        print(f"continuity error {prog:10s}: mean {m:.3f} %, sd {s:.3f} %, "
              f"min {min(cont[prog]):.3f} %, max {max(cont[prog]):.3f} %")


if __name__ == "__main__":
    main()
