#!/usr/bin/env python3
"""Runs EPA SWMM 5.2.4 (runswmm) on the water-quality reference models here and keeps, per model,
a small JSON beside it: the load through each outfall (Outfall Loading Summary: kg, or log10 of
the count for #/L pollutants, as SWMM prints them), the Quality Routing Continuity error per
pollutant, and the concentration of every pollutant at a few nodes at each report time (read
from the binary .out file). Usage: make_references.py [path/to/runswmm]; without it, the
runswmm that bench/swmm_compare.py builds in ~/.cache/spongeflow/swmm-5.2.4 is used."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "scripts"))
from swmm_out import NODE, SwmmOut  # noqa: E402
DEFAULT_RUNSWMM = Path.home() / ".cache/spongeflow/swmm-5.2.4/build/bin/Release/runswmm"
# model -> nodes whose concentration series are kept
MODELS = {
    "dwf": ["J2", "J3"],
    "combined": ["CSO", "RIVER_IN", "I1"],
    "tank": ["TANK"],
    "mass": ["J1", "J2"],
}


def table_rows(rpt: str, title: str):
    """Data rows of a SWMM report table: the lines between the 2nd and 3rd dashed rule."""
    lines = rpt.split(title, 1)[1].splitlines()
    rules = [k for k, line in enumerate(lines) if line.strip().startswith("-----")]
    return lines[rules[0] + 1:rules[1]], lines[rules[1] + 1:rules[2]]


def read_outfall_loads(rpt: str, pollutants: list) -> dict:
    _, rows = table_rows(rpt, "Outfall Loading Summary")
    out = {}
    for line in rows:
        parts = line.split()
        if not parts:
            continue
        loads = parts[-len(pollutants):]
        out[parts[0]] = {p: float(v) for p, v in zip(pollutants, loads)}
    return out


def read_quality_continuity(rpt: str, pollutants: list) -> dict:
    block = rpt.split("Quality Routing Continuity", 1)[1]
    line = next(l for l in block.splitlines() if l.strip().startswith("Continuity Error"))
    values = line.split()[-len(pollutants):]
    return {p: float(v) for p, v in zip(pollutants, values)}


def read_out(path: Path, keep_nodes: list):
    """Pollutant names, units codes and each kept node's concentrations per report period."""
    out = SwmmOut(path)
    series = {node: {p: [] for p in out.pollutants} for node in keep_nodes}
    for t in range(out.periods):
        for node in keep_nodes:
            i = out.names[NODE].index(node)
            for k, p in enumerate(out.pollutants):  # node variables: 6 hydraulic, then pollutants
                series[node][p].append(float(f"{out.value(t, NODE, i, 6 + k):.6g}"))
    return out.pollutants, out.pollutant_units, series


def main():
    runswmm = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNSWMM
    for name, keep in MODELS.items():
        with tempfile.TemporaryDirectory() as tmp:
            rpt, out = Path(tmp) / "m.rpt", Path(tmp) / "m.out"
            subprocess.run([str(runswmm), str(HERE / f"{name}.inp"), str(rpt), str(out)],
                           check=True, capture_output=True)
            text = rpt.read_text(encoding="latin-1")
            pollutants, units, series = read_out(out, keep)
            ref = {
                "model": f"{name}.inp",
                "made_by": "EPA SWMM 5.2.4 runswmm via make_references.py",
                "report_step_s": 900,
                "pollutants": pollutants,
                "log10_count": [p for p, u in zip(pollutants, units) if u == 2],
                "outfall_loads": read_outfall_loads(text, pollutants),
                "quality_continuity_error_pct": read_quality_continuity(text, pollutants),
                "node_concentration": series,
            }
        (HERE / f"{name}.json").write_text(json.dumps(ref, indent=1) + "\n")
        print(name, ref["outfall_loads"], ref["quality_continuity_error_pct"])


if __name__ == "__main__":
    main()
