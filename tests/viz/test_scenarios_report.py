#!/usr/bin/python3
"""ctest for viz/scenarios_report.py on a small synthetic `spongeflow scenarios` folder (two
variants, a design storm and a rain record): both charts, report.md with them added once even
when run twice, report.html with both embedded and the tables kept, and exit 1 naming the folder
when it holds no scenarios output; with chromium on PATH, that the page loads headless and both
pictures decode.

Usage: test_scenarios_report.py --source-dir REPO --work-dir SCRATCH
Exit status 0 pass, 1 fail, 77 skip (this Python lacks matplotlib).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"


def run(design_storm, variant, volume, events_per_year, capture):
    return {"variant": variant, "storm": "2 a" if design_storm else "RAIN_YEAR",
            "kind": "design_storm" if design_storm else "record",
            "overflow": {"volume_m3": volume, "events": 3,
                         "events_per_year": None if design_storm else events_per_year},
            "runoff_capture_ratio": capture}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--source-dir", required=True)
    p.add_argument("--work-dir", required=True)
    a = p.parse_args()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return 77
    shutil.rmtree(a.work_dir, ignore_errors=True)
    os.makedirs(a.work_dir)
    runs = [run(True, "combined", 25000, 0, 0.2), run(True, "separated", 0, 0, 0.2),
            run(False, "combined", 410000, 31.0, 0.55), run(False, "separated", 0, 0, 0.55)]
    with open(os.path.join(a.work_dir, "scenarios.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "tiny", "runs": runs}, f)
    with open(os.path.join(a.work_dir, "report.md"), "w", encoding="utf-8") as f:
        f.write("# Scenarios: tiny\n\n## Design storms\n\n| Variant | Storm |\n|---|---|\n"
                "| combined | 2 a |\n")
    script = os.path.join(a.source_dir, "viz", "scenarios_report.py")
    failures = []
    for _ in range(2):
        done = subprocess.run([sys.executable, script, a.work_dir], capture_output=True, text=True)
        if done.returncode != 0:
            failures.append(f"exit {done.returncode}: {done.stderr}")
    md = open(os.path.join(a.work_dir, "report.md"), encoding="utf-8").read()
    page = open(os.path.join(a.work_dir, "report.html"), encoding="utf-8").read()
    for png in ("overflow_volume.png", "record_summary.png"):
        if not os.path.getsize(os.path.join(a.work_dir, png)) > 1000:
            failures.append(f"{png} missing or empty")
    if md.count("## Charts") != 1 or md.count("](record_summary.png)") != 1:
        failures.append("report.md should hold the charts once:\n" + md)
    if page.count('src="data:image/png;base64,') != 2:
        failures.append("report.html should embed two pictures")
    if "<td>combined</td><td>2 a</td>" not in page or "<title>Scenarios: tiny</title>" not in page:
        failures.append("report.html lost the table or the title")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from headless_browser import picture_widths
    try:
        widths = picture_widths(os.path.join(a.work_dir, "report.html"))
        if widths is None:
            print("headless browser check skipped: no chromium on PATH")
        elif len(widths) != 2 or min(widths) <= 0:
            failures.append(f"chromium should decode both pictures: widths {widths}")
    except RuntimeError as e:
        failures.append(str(e))
    empty = os.path.join(a.work_dir, "empty")
    os.makedirs(empty)
    done = subprocess.run([sys.executable, script, empty], capture_output=True, text=True)
    if done.returncode != 1 or empty not in done.stderr:
        failures.append(f"an empty folder: exit {done.returncode}, {done.stderr!r}")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
