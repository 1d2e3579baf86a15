#!/usr/bin/env python3
"""How much EPA SWMM 5.2.4's own results move when its inputs move by 0.01 %: an input ensemble.

Some shared SWMM models are chaotic at the level the regression compares: a node whose Picard
iteration does not converge (EXTRAN surcharge onset, a wet well that a TYPE1 pump empties in
one step) ends a step on whatever the last trial gave, so its peak depth or a pump's energy
jumps when an input changes in the fifth digit. This script scales every input of a model by
1 + k * STEP (k = -K..K; rain gage time series values, [INFLOWS] scale factors and [DWF]
average flows), runs SWMM
and spongeflow on every member, and reports per node (max depth), link (peak flow) and pump
(energy) the SWMM ensemble's range and the spongeflow ensemble's range. With --json it writes
the SWMM ensemble's min, max, mean and standard deviation per element, in SI units, which
tests/pipe/test_swmm_ensemble.cpp compares spongeflow's own ensemble with
(tests/pipe/data/swmm_ensemble/<case>.json).

SWMM's values come from its report (2 printed decimals of depth and energy, in the model's
units), spongeflow's from `spongeflow network --summary`. SWMM is found or built as in
bench/swmm_compare.py (--runswmm, PATH, or SWMM_SOURCE built into ~/.cache/spongeflow).

Standard library only. Example (about 1 min for the 59-pipe model on one core):
  SWMM_SOURCE=/work/.mirror/USEPA+Stormwater-Management-Model/repo \\
    bench/swmm_ensemble.py ../shared/swmm/cases/subcatch_user1_cms.inp \\
    --json tests/pipe/data/swmm_ensemble/subcatch_user1_cms.json
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import swmm_compare  # noqa: E402  (SWMM build and lookup)

FT = 0.3048
US_UNITS = {"CFS", "GPM", "MGD"}


def sections(lines):
    """Yields (section, index, fields) for every data line of an .inp file."""
    sec = ""
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("["):
            sec = s.upper()
            continue
        if not s or s.startswith(";"):
            continue
        yield sec, i, s.split()


def perturbed(text: str, factor: float) -> str:
    """The model with rain gage time series values and [INFLOWS] scale factors times factor."""
    lines = text.splitlines()
    rain_series = {f[5] for sec, _, f in sections(lines)
                   if sec == "[RAINGAGES]" and len(f) >= 6 and f[4].upper() == "TIMESERIES"}
    for sec, i, f in list(sections(lines)):
        if sec == "[TIMESERIES]" and f[0] in rain_series and len(f) >= 3:
            f[-1] = repr(float(f[-1]) * factor)
            lines[i] = "  ".join(f)
        elif sec == "[INFLOWS]" and len(f) >= 6:
            f[5] = repr(float(f[5]) * factor)  # Sfactor; Mfactor is not applied to FLOW
            lines[i] = "  ".join(f)
        elif sec == "[DWF]" and len(f) >= 3 and f[1].upper() == "FLOW":
            f[2] = repr(float(f[2]) * factor)  # average dry-weather flow
            lines[i] = "  ".join(f)
    return "\n".join(lines) + "\n"


def flow_units(text: str) -> str:
    for sec, _, f in sections(text.splitlines()):
        if sec == "[OPTIONS]" and f[0].upper() == "FLOW_UNITS":
            return f[1].upper()
    return "CFS"


def report_table(text: str, title: str):
    """Rows (lists of fields) of a SWMM report summary table."""
    i = text.find(title)
    if i < 0:
        return []
    rows, dashes = [], 0
    for line in text[i:].splitlines()[1:]:
        if line.strip().startswith("---"):
            dashes += 1
            continue
        if dashes < 2:
            continue
        if not line.strip():
            break
        rows.append(line.split())
    return rows


def swmm_results(rpt: Path, us: bool):
    text = rpt.read_text(errors="replace")
    length = FT if us else 1.0
    flow = FT**3 if us else 1.0
    nodes = {r[0]: float(r[3]) * length for r in report_table(text, "Node Depth Summary")}
    links = {r[0]: float(r[2]) * flow for r in report_table(text, "Link Flow Summary")
             if len(r) > 2}
    pumps = {r[0]: float(r[7]) for r in report_table(text, "Pumping Summary") if len(r) >= 8}
    return nodes, links, pumps


def spongeflow_results(summary: Path):
    j = json.loads(summary.read_text())
    nodes = {k: v["max_depth_m"] for k, v in j["nodes"].items()}
    links = {k: v["max_flow_m3s"] for k, v in j["links"].items()}
    pumps = {k: v["energy_kwh"] for k, v in j.get("pumps", {}).items()}
    return nodes, links, pumps


def envelope_json(env) -> str:
    """The envelope as JSON with one element per line (ranges rounded to 7 digits)."""
    parts = []
    for key, value in env.items():
        if isinstance(value, dict):
            items = [f'  {json.dumps(i)}: [' + ", ".join(f"{x:.7g}" for x in r) + "]"
                     for i, r in value.items()]
            parts.append(f' {json.dumps(key)}: {{' + ("\n" + ",\n".join(items) + "\n }" if items
                                                     else "}"))
        else:
            parts.append(f' {json.dumps(key)}: {json.dumps(value)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inp", help="SWMM .inp model")
    ap.add_argument("--members", type=int, default=10, help="K: factors 1 + k*STEP, |k| <= K")
    ap.add_argument("--step", type=float, default=1e-4, help="STEP (default 1e-4)")
    ap.add_argument("--spongeflow", default=None, help="spongeflow executable")
    ap.add_argument("--runswmm", default=None, help="runswmm executable (else PATH, else build)")
    ap.add_argument("--swmm-build", default=str(Path.home() / ".cache" / "spongeflow" /
                                                 "swmm-5.2.4"))
    ap.add_argument("--json", default=None, help="write the SWMM envelope here (SI units)")
    ap.add_argument("--top", type=int, default=12, help="rows of the printed tables")
    args = ap.parse_args()

    sf = args.spongeflow
    if not sf:
        for cand in ("build-cpu/bin/spongeflow", "build/bin/spongeflow"):
            if (swmm_compare.REPO / cand).is_file():
                sf = str(swmm_compare.REPO / cand)
                break
    if not sf or not Path(sf).is_file():
        sys.exit("spongeflow executable not found; give --spongeflow PATH")
    sf = str(Path(sf).resolve())
    runswmm = (args.runswmm or shutil.which("runswmm") or
               str(swmm_compare.build_runswmm(Path(args.swmm_build))))
    inp = Path(args.inp).resolve()
    text = inp.read_text(errors="replace")
    us = flow_units(text) in US_UNITS
    factors = [1.0 + k * args.step for k in range(-args.members, args.members + 1)]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    swmm, ours = [], []
    with tempfile.TemporaryDirectory(prefix="swmm_ensemble_") as tmp:
        for f in factors:
            member = Path(tmp) / f"m_{f:.6f}.inp"
            member.write_text(perturbed(text, f))
            rpt, out, summ = member.with_suffix(".rpt"), member.with_suffix(".out"), member.with_suffix(".json")
            ps = subprocess.run([runswmm, str(member), str(rpt), str(out)], env=env, cwd=tmp,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pf = subprocess.run([sf, "network", str(member), "--summary", str(summ)], env=env,
                                cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if ps.returncode != 0 or pf.returncode != 0:
                sys.exit(f"factor {f}: swmm rc {ps.returncode}, spongeflow rc {pf.returncode} "
                         f"{pf.stderr.strip()[-300:]}")
            swmm.append(swmm_results(rpt, us))
            ours.append(spongeflow_results(summ))
            out.unlink()
            swmm_compare.log(f"factor {f:.6f} done")

    base = factors.index(1.0) if 1.0 in factors else len(factors) // 2
    kinds = ("nodes", "links", "pumps")
    envelope = {"case": inp.stem, "factors": [min(factors), max(factors)],
                "members": len(factors), "step": args.step,
                "what": "EPA SWMM 5.2.4 report values over the input ensemble (rain gage series, "
                        "[INFLOWS] scale factors and [DWF] flows times 1 + k*step), SI units: "
                        "node max depth [m], link peak flow [m3/s], pump energy [kWh], each as "
                        "[min, max, mean, sample standard deviation]"}
    for k, kind in enumerate(kinds):
        ids = sorted(set(swmm[0][k]) & set(ours[0][k]))
        envelope[kind] = {}
        for i in ids:
            v = [m[k][i] for m in swmm]
            envelope[kind][i] = [min(v), max(v), statistics.mean(v), statistics.stdev(v)]
        rows = []
        for i in ids:
            s = [m[k][i] for m in swmm]
            o = [m[k][i] for m in ours]
            rows.append((max(s) - min(s), i, swmm[base][k][i], min(s), max(s), min(o), max(o),
                         ours[base][k][i], statistics.mean(s), statistics.mean(o)))
        rows.sort(reverse=True)
        unit = {"nodes": "m", "links": "m3/s", "pumps": "kWh"}[kind]
        print(f"\n{kind} ({unit}): widest SWMM ranges over {len(factors)} members "
              f"(factors {min(factors):.4f}..{max(factors):.4f})")
        print(f"{'id':16s} {'SWMM@1':>9s} {'SWMM min':>9s} {'SWMM max':>9s} {'sf min':>9s} "
              f"{'sf max':>9s} {'sf@1':>9s} {'mean SWMM':>10s} {'mean sf':>9s}")
        for r in rows[:args.top]:
            print(f"{r[1]:16s} " + " ".join(f"{v:9.3f}" for v in r[2:8]) +
                  f" {r[8]:10.3f} {r[9]:9.3f}")
        if kind == "nodes":
            off = sum(1 for m in swmm
                      if any(abs(m[0][i] - swmm[base][0][i]) > 0.02 for i in ids))
            print(f"SWMM members with a node max depth > 2 cm from SWMM's own unperturbed run: "
                  f"{off} of {len(factors)}")
    # how robust test_swmm_ensemble.cpp's check of one run is: each spongeflow member against
    # the SWMM envelope widened by the same tolerances (2 cm; 2 % or 1 L/s; 1 % or 0.01 kWh)
    def outside(v, r, tol):
        return (r[0] - v if v < r[0] else v - r[1] if v > r[1] else 0.0) > tol
    inside = 0
    for m in ours:
        bad = [i for i, r in envelope["nodes"].items() if outside(m[0][i], r, 0.02)]
        bad += [i for i, r in envelope["links"].items()
                if outside(m[1][i], r, max(0.02 * r[1], 0.001))]
        bad += [i for i, r in envelope["pumps"].items()
                if outside(m[2][i], r, max(0.01 * r[1], 0.01))]
        inside += not bad
    print(f"\nspongeflow members entirely within the widened SWMM envelope: {inside} of "
          f"{len(ours)}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(envelope_json(envelope))
        swmm_compare.log(f"wrote {args.json}")


if __name__ == "__main__":
    main()
