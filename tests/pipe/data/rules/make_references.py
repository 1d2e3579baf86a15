#!/usr/bin/env python3
"""Runs EPA SWMM 5.2.4 (runswmm) on the control-rule models here and keeps, per model, a small
JSON beside it: the setting of every orifice, weir and pump at each report time, read from the
binary .out file (a non-conduit link's "capacity" there is its setting). In attributes.inp each
pump's setting is a CONTROL curve y = x of one premise's controller value, so these are the
premise values SWMM compares, in the file's units. Usage: make_references.py [path/to/runswmm];
without it, the runswmm that bench/swmm_compare.py builds in ~/.cache/spongeflow/swmm-5.2.4 is
used."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "scripts"))
from swmm_out import LINK, SwmmOut  # noqa: E402
DEFAULT_RUNSWMM = Path.home() / ".cache/spongeflow/swmm-5.2.4/build/bin/Release/runswmm"
MODELS = {"attributes": 300}  # model -> report step [s]
LINK_CAPACITY = 4  # link variables: flow, depth, velocity, volume, capacity (setting)


def main():
    runswmm = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNSWMM
    for name, step in MODELS.items():
        with tempfile.TemporaryDirectory() as tmp:
            rpt, out = Path(tmp) / "m.rpt", Path(tmp) / "m.out"
            subprocess.run([str(runswmm), str(HERE / f"{name}.inp"), str(rpt), str(out)],
                           check=True, capture_output=True)
            o = SwmmOut(out)
            settings = {}
            for i, link in enumerate(o.names[LINK]):
                if link.startswith("C"):
                    continue  # conduits: capacity is the fraction full
                settings[link] = [float(f"{o.value(t, LINK, i, LINK_CAPACITY):.7g}")
                                  for t in range(o.periods)]
        ref = {
            "model": f"{name}.inp",
            "made_by": "EPA SWMM 5.2.4 runswmm via make_references.py",
            "report_step_s": step,
            "first_report_s": step,
            "settings": settings,
        }
        (HERE / f"{name}.json").write_text(json.dumps(ref, indent=1) + "\n")
        print(name, {k: v[-1] for k, v in settings.items()})


if __name__ == "__main__":
    main()
