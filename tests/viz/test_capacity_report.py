#!/usr/bin/python3
"""ctest for viz/plot_capacity.py and viz/capacity_report.py on a small synthetic capacity folder
(three conduits in three classes, two below the target, one overflow outfall) and a
waterlogging folder: the map, the report's tables (the overflow table among them), the HTML with
its pictures embedded (no other file needed), the report without overflows, the report of coupled
runs (their flooded-surface table and the maximum-depth map of the largest storm with a grid),
and the message on a folder without capacity results; with chromium on PATH, that the page loads
headless and every picture decodes.

Usage: test_capacity_report.py --source-dir REPO --work-dir SCRATCH
Exit status 0 pass, 1 fail, 77 skip (this Python lacks matplotlib).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def synthetic_overflows(folder, summary):
    """One overflow outfall CSO1 with COD: per return period a row and the outfalls together, and
    a triangular hydrograph (peak 0.2 p m3/s at 60 min)."""
    summary["overflows"] = {"outfalls": ["CSO1"], "inter_event_h": 6.0, "min_flow_m3s": 0.001,
                            "table": "capacity_overflows.csv",
                            "hydrographs": "capacity_overflow_hydrographs.csv"}
    table = ("return_period_a,outfall,volume_m3,events,overflow_h,longest_event_h,peak_m3s,"
             "load_COD_kg\n")
    series = "return_period_a,time_min,CSO1_m3s\n"
    for p in (1, 2, 5):
        volume = 0.2 * p * 3600.0 / 2  # triangle from 30 to 90 min
        for outfall, peak in (("CSO1", f"{0.2 * p:.5f}"), ("all", "")):
            table += f"{p},{outfall},{volume:.3f},1,1.0000,1.0000,{peak},{volume * 0.1:.6g}\n"
        for t in range(0, 181, 5):
            q = max(0.0, 0.2 * p * (1 - abs(t - 60) / 30.0))
            series += f"{p},{t:.2f},{q:.5f}\n"
    write(os.path.join(folder, "capacity_overflows.csv"), table)
    write(os.path.join(folder, "capacity_overflow_hydrographs.csv"), series)


def synthetic_surface(folder, summary):
    """Coupled mode: each run's flooded surface, and maximum-depth grids (8 x 6 cells of 50 m
    from (0, -100), the south-west cell inactive) for 1 a and 2 a; 5 a has none, so the report maps
    2 a, whose deepest cell (0.8 m) is in the north-east corner."""
    summary["mode"] = "coupled"
    for r in summary["runs"]:
        p = r["return_period_a"]
        r["surface"] = {"flood_threshold_m": 0.15, "flooded_area_m2": 2500.0 * p,
                        "max_depth_m": 0.4 * p, "flooded_volume_m3": 300.0 * p,
                        "grid_rain_m3": 1200.0 + p, "surface_to_network_m3": 900.0 + p,
                        "network_to_surface_m3": 10.0 * p, "coupled_continuity_error_pct": 0.012,
                        "max_depth_file": f"runs/{p}a/max_depth.asc"}
        if p == 5:
            continue
        os.makedirs(os.path.join(folder, "runs", f"{p}a"))
        rows = []
        for j in range(6):  # north row first
            row = [f"{0.4 * p * (i + (5 - j)) / 12:.4f}" for i in range(8)]
            if j == 5:
                row[0] = "-9999"
            rows.append(" ".join(row))
        write(os.path.join(folder, "runs", f"{p}a", "max_depth.asc"),
              "ncols 8\nnrows 6\nxllcorner 0\nyllcorner -100\ncellsize 50\n"
              "NODATA_value -9999\n" + "\n".join(rows) + "\n")


def synthetic_capacity(folder, overflows=True, coupled=False):
    os.makedirs(folder)
    classes = ["< 1 a", "1-2 a", "2-5 a", ">= 5 a"]
    conduits = [("C1", 0, 0.3, [[0, 0], [100, 0]]), ("C2", 1, 0.5, [[100, 0], [200, 50]]),
                ("C3", 3, 0.8, [[200, 50], [300, 50]])]
    features = [{"type": "Feature",
                 "properties": {"conduit": c, "class": classes[k], "class_index": k,
                                "full_depth_m": d},
                 "geometry": {"type": "LineString", "coordinates": pts}}
                for c, k, d, pts in conduits]
    write(os.path.join(folder, "capacity.geojson"),
          json.dumps({"type": "FeatureCollection", "features": features}))
    runs = [{"return_period_a": p, "rain_depth_mm": 40.0 + p, "peak_block_intensity_mm_per_h": 100.0,
             "surface_runoff_m3": 1000.0, "runoff_continuity_error_pct": -0.05,
             "flow_routing_continuity_error_pct": 0.02, "flooding_m3": 0.0, "flooded_nodes": 0,
             "steps": 100, "wall_s": 0.5} for p in (1, 2, 5)]
    summary = {"case": "synthetic", "case_file": "case.toml", "network": "net.inp",
               "mode": "network",
               "formula": {"preset": "", "a1_mm_per_min": 10.0, "c": 0.8, "b_min": 8.0, "n": 0.7},
               "storm": {"kind": "Chicago", "duration_s": 7200, "peak_position": 0.4,
                         "step_s": 300},
               "simulated_s": 10800, "surcharge_criterion": "depth or level above the crown",
               "return_periods_a": [1, 2, 5], "target_return_period_a": 2, "runs": runs,
               "conduits": 3, "conduit_length_m": 312.0,
               "classes": [{"class": c, "conduits": n, "length_m": l, "length_share": l / 312.0}
                           for c, n, l in zip(classes, [1, 1, 0, 1], [100.0, 112.0, 0.0, 100.0])],
               "below_target": 2}
    if overflows:
        synthetic_overflows(folder, summary)
    if coupled:
        synthetic_surface(folder, summary)
    write(os.path.join(folder, "capacity_summary.json"), json.dumps(summary))
    write(os.path.join(folder, "renewal_priority.csv"),
          "rank,conduit,from_node,to_node,full_depth_m,class,carried_return_period_a,"
          "target_return_period_a,deficit_a,peak_flow_at_target_m3s,full_flow_m3s,flow_ratio,"
          "surcharge_min_at_target,upstream_node,upstream_flood_m3,cause,reasons\n"
          "1,C1,J1,J2,0.300,< 1 a,0,2,2,0.2,0.1,2.000,30.0,J1,12.50,capacity,\"pipe too small\"\n"
          "2,C2,J2,J3,0.500,1-2 a,1,2,1,0.3,0.4,0.750,5.0,J2,0.00,backwater,\"held up\"\n")


def synthetic_waterlogging(folder):
    os.makedirs(folder)
    write(os.path.join(folder, "waterlogging.json"), json.dumps(
        {"results": "results.nc", "threshold_m": 0.15, "roads_only": True, "spots": 1,
         "area_m2": 40.0, "by_risk": {"low": {"spots": 0, "area_m2": 0.0},
                                      "high": {"spots": 1, "area_m2": 40.0}}}))
    write(os.path.join(folder, "waterlogging_spots.csv"),
          "id,x_m,y_m,max_depth_m,time_of_max_s,duration_above_s,area_m2,risk\n"
          "1,150.00,20.00,0.6200,3000,4200,40.0,high\n")


def browser_check(out, pictures):
    """With a headless Chromium (Debian chromium) on PATH: report.html loads offline and all
    `pictures` decode (naturalWidth > 0). Skipped without one."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from headless_browser import picture_widths
    try:
        values = picture_widths(os.path.join(out, "report.html"))
    except RuntimeError as e:
        check(False, str(e))
        return
    if values is None:
        print("headless browser check skipped: no chromium on PATH")
        return
    check(len(values) == pictures and all(v > 0 for v in values),
          f"chromium decodes all {pictures} pictures: widths {values}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("skipped: this Python lacks matplotlib")
        return 77
    shutil.rmtree(args.work_dir, ignore_errors=True)
    cap = os.path.join(args.work_dir, "capacity")
    wl = os.path.join(args.work_dir, "waterlogging")
    synthetic_capacity(cap)
    synthetic_waterlogging(wl)
    viz = os.path.join(args.source_dir, "viz")
    out = os.path.join(args.work_dir, "report")
    p = subprocess.run([sys.executable, os.path.join(viz, "capacity_report.py"), cap, "--output",
                        out, "--waterlogging", wl], capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f"capacity_report.py exit {p.returncode}: {p.stderr}")
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    check("| < 1 a | 1 | 0.10 | 32.1 % |" in md, "class table row of '< 1 a'")
    check("| 1 | C1 | 0.300 | < 1 a | 2.000 | 30.0 | 12.50 | capacity | pipe too small |" in md,
          "first row of the renewal list")
    check("| high | 1 | 40 |" in md, "waterlogging spots by risk")
    check("| 5 | 45.0 | 100.0 |" in md, "storm of the 5-year run")
    check("| return period (a) | outfall | volume (m³) | events | overflow (h) | "
          "longest event (h) | peak (m³/s) | COD (kg) |" in md, "overflow table header")
    check("| 5 | CSO1 | 1800 | 1 | 1.00 | 1.00 | 1.000 | 180.0 |" in md,
          "overflow row of CSO1 at 5 a")
    check("| 5 | all | 1800 | 1 | 1.00 | 1.00 |  | 180.0 |" in md, "overflow row of all at 5 a")
    page = open(os.path.join(out, "report.html"), encoding="utf-8").read()
    images = re.findall(r'<img [^>]*src="([^"]*)"', page)
    check(len(images) == 3, f"three pictures in report.html, found {len(images)}")
    check("<th>outfall</th>" in page and "<td>CSO1</td>" in page, "HTML overflow table")
    check(all(src.startswith("data:image/png;base64,") for src in images),
          "every picture embedded as a data URL")
    check("<th>rank</th>" in page and "<td>C2</td>" in page, "HTML tables")
    for png in ("capacity_map.png", "capacity_classes.png", "overflow_hydrographs.png"):
        path = os.path.join(out, png)
        check(os.path.exists(path) and os.path.getsize(path) > 10000, f"{png} written")
    browser_check(out, 3)
    # Without --outfalls: no overflow section, two pictures.
    plain = os.path.join(args.work_dir, "capacity_plain")
    synthetic_capacity(plain, overflows=False)
    out_plain = os.path.join(args.work_dir, "report_plain")
    p = subprocess.run([sys.executable, os.path.join(viz, "capacity_report.py"), plain,
                        "--output", out_plain], capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f"capacity_report.py without overflows: exit {p.returncode}")
    md = open(os.path.join(out_plain, "report.md"), encoding="utf-8").read()
    check("Overflows" not in md and md.count("![") == 2, "no overflow part without outfalls")
    # Coupled mode: the flooded-surface table and the map of the largest storm with a grid.
    coupled = os.path.join(args.work_dir, "capacity_coupled")
    synthetic_capacity(coupled, coupled=True)
    out_coupled = os.path.join(args.work_dir, "report_coupled")
    p = subprocess.run([sys.executable, os.path.join(viz, "capacity_report.py"), coupled,
                        "--output", out_coupled], capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, f"capacity_report.py on coupled runs: exit {p.returncode}: {p.stderr}")
    md = open(os.path.join(out_coupled, "report.md"), encoding="utf-8").read()
    check("| return period (a) | rain on the grid (m³) | flooded area (m²) | max depth (m) | "
          "flooded volume (m³) | surface → network (m³) | network → surface (m³) | "
          "coupled continuity (%) |" in md, "surface table header")
    check("| 5 | 1205 | 12500 | 2.000 | 1500 | 905 | 50 | 0.012 |" in md, "surface row at 5 a")
    check("Maximum depth of the 2-year storm, the largest with its grid "
          "(`runs/2a/max_depth.asc`)" in md, "the map is of 2 a, the largest with a grid")
    check("![Maximum depth of the largest storm](max_depth_map.png)" in md, "map in report.md")
    check("| 5 | CSO1 | 1800 | 1 | 1.00 | 1.00 | 1.000 | 180.0 |" in md,
          "coupled runs keep the overflow table")
    png = os.path.join(out_coupled, "max_depth_map.png")
    check(os.path.exists(png) and os.path.getsize(png) > 10000, "max_depth_map.png written")
    page = open(os.path.join(out_coupled, "report.html"), encoding="utf-8").read()
    check(len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) == 4,
          "four pictures embedded in the coupled report")
    check("<th>flooded area (m²)</th>" in page and "<td>12500</td>" in page,
          "HTML surface table")
    browser_check(out_coupled, 4)
    # The grid as read: north-up, nodata as NaN, the extent from the header.
    sys.path.insert(0, viz)
    import capacity_report
    depth, extent = capacity_report.read_ascii_grid(
        os.path.join(coupled, "runs", "2a", "max_depth.asc"))
    check(extent == (0.0, 400.0, -100.0, 200.0), f"extent {extent}")
    check(depth.shape == (6, 8) and abs(depth[0, 7] - 0.8) < 1e-9 and depth[5, 0] != depth[5, 0],
          f"north-east corner 0.8 m, south-west cell nodata: {depth[0, 7]}, {depth[5, 0]}")
    # A folder without capacity results: exit 1 naming the missing file.
    p = subprocess.run([sys.executable, os.path.join(viz, "plot_capacity.py"), wl],
                       capture_output=True, text=True, timeout=60)
    check(p.returncode == 1 and "capacity_summary.json: cannot read" in p.stderr,
          f"plot_capacity.py on a waterlogging folder: exit {p.returncode}, {p.stderr}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
