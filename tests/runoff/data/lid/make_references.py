#!/usr/bin/env python3
"""Runs EPA SWMM 5.2.4 (runswmm) on the LID reference models here and keeps, per model, a small
JSON beside it: the runoff continuity rows of SWMM's report (mm over the subcatchment area), the
LID Performance Summary, and each subcatchment's runoff at every report step (CMS, read from the
binary .out file). Usage: make_references.py [path/to/runswmm]; without it, the runswmm that
bench/swmm_compare.py builds in ~/.cache/spongeflow/swmm-5.2.4 is used."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "scripts"))
from swmm_out import SUBCATCHMENT, SwmmOut  # noqa: E402
DEFAULT_RUNSWMM = Path.home() / ".cache/spongeflow/swmm-5.2.4/build/bin/Release/runswmm"
MODELS = ["bc", "rg", "gr", "it", "pp", "rb", "rd", "mixed", "us", "vs", "vsga", "bccurve"]

CONTINUITY_ROWS = {
    "Initial LID Storage": "initial_lid_storage",
    "Total Precipitation": "precipitation",
    "Evaporation Loss": "evaporation",
    "Infiltration Loss": "infiltration",
    "Surface Runoff": "surface_runoff",
    "LID Drainage": "lid_drainage",
    "Final Storage": "final_storage",
    "Continuity Error (%)": "continuity_error_pct",
}


def read_continuity(rpt: str) -> dict:
    """Depth column (mm, or inches for US models) of the Runoff Quantity Continuity table; the
    error in %."""
    block = rpt.split("Runoff Quantity Continuity", 1)[1].split("Continuity Error", 1)[0]
    block += "Continuity Error" + rpt.split("Runoff Quantity Continuity", 1)[1].split(
        "Continuity Error", 1)[1].split("\n", 1)[0]
    out = {}
    for line in block.splitlines():
        for label, key in CONTINUITY_ROWS.items():
            if line.strip().startswith(label):
                out[key] = float(line.split()[-1])
    return out


def read_lid_summary(rpt: str) -> list:
    block = rpt.split("LID Performance Summary", 1)[1]
    rows = []
    for line in block.splitlines()[8:]:
        parts = line.split()
        if len(parts) != 10:
            break
        keys = ["inflow", "evaporation", "infiltration", "surface_outflow", "drain_outflow",
                "initial_storage", "final_storage", "continuity_error_pct"]
        rows.append({"subcatchment": parts[0], "lid": parts[1],
                     **{k: float(v) for k, v in zip(keys, parts[2:])}})
    return rows


def read_out_runoff(path: Path) -> dict:
    """Each subcatchment's runoff (variable 4) at every report period."""
    out = SwmmOut(path)
    return {name: [round(out.value(p, SUBCATCHMENT, j, 4), 7) for p in range(out.periods)]
            for j, name in enumerate(out.names[SUBCATCHMENT])}


def main():
    runswmm = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNSWMM
    for name in MODELS:
        with tempfile.TemporaryDirectory() as tmp:
            rpt, out = Path(tmp) / "m.rpt", Path(tmp) / "m.out"
            subprocess.run([str(runswmm), str(HERE / f"{name}.inp"), str(rpt), str(out)],
                           check=True, capture_output=True)
            text = rpt.read_text()
            ref = {
                "model": f"{name}.inp",
                "made_by": "EPA SWMM 5.2.4 runswmm via make_references.py",
                "report_step_s": 3600,
                "continuity_mm": read_continuity(text),
                "lid_performance_mm": read_lid_summary(text),
                "runoff_cms": read_out_runoff(out),
            }
        (HERE / f"{name}.json").write_text(json.dumps(ref, indent=1) + "\n")
        print(name, ref["continuity_mm"])


if __name__ == "__main__":
    main()
