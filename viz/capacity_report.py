#!/usr/bin/python3
"""Capacity assessment report: report.md and a self-contained report.html.

Usage:
    capacity_report.py CAPACITY_DIR [--output DIR] [--waterlogging WL_DIR]
                       [--results RESULTS.nc [--case CASE.toml] [--spongeflow BIN]] [--top 20]

Reads the output folder of `spongeflow capacity` (capacity_summary.json, capacity.geojson,
renewal_priority.csv) and writes, into --output (default CAPACITY_DIR): capacity_map.png (made
with plot_capacity.py beside this script), capacity_classes.png (length per class) and
report.md + report.html. The report holds the inputs (case, network, storm formula and
hyetograph), the design storms (depth and peak block of each return period), the continuity
errors of every run, the class table, the map and the renewal priority list (first --top rows).
For coupled runs (capacity mode "coupled") it adds the flooded surface per return period (rain on
the grid, flooded area, maximum depth, flooded volume, the exchange with the network, coupled
continuity) and max_depth_map.png: the maximum depth of the largest return period whose
runs/<P>a/max_depth.asc is in the folder, with the conduits over it.
When the run named overflow outfalls (`spongeflow capacity --outfalls`), it adds their overflow
per return period (volume, events, duration, peak, pollutant loads; capacity_overflows.csv) and
overflow_hydrographs.png (each outfall's flow, one line per return period).
With --waterlogging WL_DIR (the folder of `spongeflow waterlogging`), or --results RESULTS.nc of a
surface run (this script then runs `spongeflow waterlogging` into OUTPUT/waterlogging, with the
case's [waterlogging] tables when --case is given), it adds the waterlogging spots by risk class
and the deepest spots. report.html embeds its pictures (base64 PNG) and needs no other file.
Needs matplotlib (Debian python3-matplotlib); run with /usr/bin/python3. Exit status 0 on
success, 1 when an input cannot be read (the message names the file).
"""

import argparse
import base64
import csv
import html
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402  (matplotlib's own dependency)
from matplotlib.collections import LineCollection  # noqa: E402

sys.dont_write_bytecode = True  # importing the sibling leaves no __pycache__ beside it
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plot_capacity  # noqa: E402

INK = "#262626"


def read_csv(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        raise plot_capacity.InputProblem(f"{path}: cannot read: {e.strerror}") from e


def class_chart(summary, png):
    classes = summary["classes"]
    colours = plot_capacity.class_colours(len(classes))
    fig, ax = plt.subplots(figsize=(7, 3.2))
    lengths = [c["length_m"] / 1000.0 for c in classes]
    bars = ax.bar([c["class"] for c in classes], lengths, color=colours, edgecolor=INK,
                  linewidth=0.5)
    for b, c in zip(bars, classes):
        ax.text(b.get_x() + b.get_width() / 2, b.get_height(), f"{c['conduits']}",
                ha="center", va="bottom", fontsize=8, color=INK)
    ax.set_ylabel("conduit length (km)")
    ax.set_xlabel("largest return period carried without surcharge (numbers: conduits)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(png, dpi=130)
    plt.close(fig)


def table(header, rows):
    """A Markdown table."""
    out = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    for r in rows:
        out += "| " + " | ".join(str(v) for v in r) + " |\n"
    return out


def waterlogging_part(wl_dir, top):
    summary = plot_capacity.read_json(os.path.join(wl_dir, "waterlogging.json"))
    spots = read_csv(os.path.join(wl_dir, "waterlogging_spots.csv"))
    md = "## Waterlogging spots\n\n"
    md += (f"{summary['spots']} spots deeper than {summary['threshold_m']:g} m"
           f"{' on roads' if summary.get('roads_only') else ''}, "
           f"{summary['area_m2']:.0f} m² in all (results: `{summary['results']}`).\n\n")
    md += table(["risk", "spots", "area (m²)"],
                [[k, v["spots"], f"{v['area_m2']:.0f}"] for k, v in summary["by_risk"].items()])
    md += "\nDeepest spots:\n\n"
    md += table(["id", "x (m)", "y (m)", "max depth (m)", "time of max (min)",
                 "above threshold (min)", "area (m²)", "risk"],
                [[s["id"], s["x_m"], s["y_m"], s["max_depth_m"],
                  f"{float(s['time_of_max_s']) / 60:.0f}",
                  f"{float(s['duration_above_s']) / 60:.0f}", s["area_m2"], s["risk"]]
                 for s in spots[:top]])
    return md


def overflow_chart(hydrographs, outfalls, png):
    """One panel per overflow outfall, its flow over time, one line per return period."""
    periods = []
    for row in hydrographs:
        if row["return_period_a"] not in periods:
            periods.append(row["return_period_a"])
    fig, axes = plt.subplots(len(outfalls), 1, figsize=(7, 1.2 + 2.2 * len(outfalls)),
                             sharex=True, squeeze=False)
    colours = plt.get_cmap("viridis_r")([0.15 + 0.75 * k / max(1, len(periods) - 1)
                                         for k in range(len(periods))])
    for ax, outfall in zip(axes[:, 0], outfalls):
        for colour, p in zip(colours, periods):
            rows = [r for r in hydrographs if r["return_period_a"] == p]
            ax.plot([float(r["time_min"]) for r in rows],
                    [float(r[outfall + "_m3s"]) for r in rows], color=colour, lw=1.2,
                    label=f"{p} a")
        ax.set_ylabel("flow (m³/s)")
        ax.set_title(outfall, fontsize=9, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    axes[0, 0].legend(frameon=False, fontsize=8, title="return period", title_fontsize=8)
    axes[-1, 0].set_xlabel("time since the storm began (min)")
    fig.tight_layout()
    fig.savefig(png, dpi=130)
    plt.close(fig)


def overflow_part(summary, rows, image):
    """The overflow table (one row per return period and outfall, then the outfalls together)
    and the hydrograph picture."""
    o = summary["overflows"]
    loads = [c for c in rows[0] if c.startswith("load_")] if rows else []

    def load_header(c):
        name, unit = c[len("load_"):].rsplit("_", 1)
        return f"{name} ({'kg' if unit == 'kg' else 'count'})"

    md = ("## Overflows by return period\n\n"
          f"Overflow outfalls: {', '.join(o['outfalls'])}. An event is flow above "
          f"{o['min_flow_m3s']:g} m³/s; events less than {o['inter_event_h']:g} h apart are one; "
          "the row `all` takes the outfalls together (events merged in time). Overflow (h) is an "
          "outfall's time with flow (for `all`: the time its merged events cover); an event lasts "
          "from its first to its last flow.\n\n")
    md += table(["return period (a)", "outfall", "volume (m³)", "events", "overflow (h)",
                 "longest event (h)", "peak (m³/s)"] + [load_header(c) for c in loads],
                [[r["return_period_a"], r["outfall"], f"{float(r['volume_m3']):.0f}",
                  r["events"], f"{float(r['overflow_h']):.2f}",
                  f"{float(r['longest_event_h']):.2f}",
                  f"{float(r['peak_m3s']):.3f}" if r["peak_m3s"] else "",
                  *[f"{float(r[c]):.1f}" for c in loads]] for r in rows])
    md += f"\n![Overflow hydrographs by return period]({image})\n"
    return md


def read_ascii_grid(path):
    """An ESRI ASCII grid (the coupled runs' max_depth.asc): (values as a north-up numpy array
    with NaN for nodata, (west, east, south, north))."""
    try:
        with open(path, encoding="utf-8") as f:
            head = {}
            for _ in range(6):
                key, value = f.readline().split()
                head[key.lower()] = float(value)
            values = np.loadtxt(f, ndmin=2)
    except OSError as e:
        raise plot_capacity.InputProblem(f"{path}: cannot read: {e.strerror}") from e
    except (ValueError, KeyError) as e:
        raise plot_capacity.InputProblem(f"{path}: not an ESRI ASCII grid: {e}") from e
    nx, ny, dx = int(head["ncols"]), int(head["nrows"]), head["cellsize"]
    if values.shape != (ny, nx):
        raise plot_capacity.InputProblem(f"{path}: {values.shape[0]} x {values.shape[1]} values, "
                                         f"expected {ny} x {nx}")
    values[values == head.get("nodata_value", -9999.0)] = np.nan
    x0, y0 = head["xllcorner"], head["yllcorner"]
    return values, (x0, x0 + nx * dx, y0, y0 + ny * dx)


def largest_surface_run(summary, folder):
    """The run of the largest return period whose maximum-depth grid is in `folder` (coupled
    mode), or None."""
    runs = [r for r in summary["runs"] if r.get("surface", {}).get("max_depth_file")]
    runs = [r for r in runs if os.path.isfile(os.path.join(folder, r["surface"]["max_depth_file"]))]
    return max(runs, key=lambda r: r["return_period_a"]) if runs else None


def max_depth_map(run, folder, features, png, min_depth=0.01):
    """The maximum depth of one coupled run (cells shallower than min_depth left white, inactive
    cells grey, the colours up to a round depth at the wet cells' 99th percentile) with the
    conduits drawn over it."""
    depth, extent = read_ascii_grid(os.path.join(folder, run["surface"]["max_depth_file"]))
    fig, ax = plt.subplots(figsize=(9, 7.5))
    inactive = np.where(np.isnan(depth), 1.0, np.nan)
    ax.imshow(inactive, extent=extent, cmap="Greys", vmin=0, vmax=2.5, interpolation="nearest")
    wet = depth >= min_depth  # False for NaN too
    shown = np.ma.masked_where(~wet, depth)
    # The scale's top: a round depth at the 99th percentile of the wet cells, so that a few deep
    # pits do not wash out the streets; deeper cells take the top colour (the bar's arrow).
    deepest = float(depth[wet].max()) if wet.any() else 0.0
    p99 = float(np.percentile(depth[wet], 99)) if wet.any() else 0.0
    top = next((v for v in (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0) if v >= p99),
               p99)
    image = ax.imshow(shown, extent=extent, cmap="YlGnBu", vmin=0.0, vmax=top,
                      interpolation="nearest")
    ax.add_collection(LineCollection([[(x, y) for x, y in pts] for pts, _, _ in features],
                                     colors=INK, linewidths=0.6, alpha=0.7))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect("equal")
    ax.ticklabel_format(useOffset=False, style="plain")
    ax.tick_params(labelsize=7, colors=INK)
    bar = fig.colorbar(image, ax=ax, shrink=0.7, extend="max" if deepest > top else "neither")
    bar.set_label("maximum depth (m)")
    s = run["surface"]
    ax.set_title(f"Maximum depth, {run['return_period_a']:g}-year storm (coupled run): "
                 f"{s['flooded_area_m2']:.0f} m² deeper than {s['flood_threshold_m']:g} m, "
                 f"max {s['max_depth_m']:.2f} m", fontsize=9, color=INK, loc="left")
    ax.text(0.0, -0.08, f"White: shallower than {min_depth:g} m; grey: outside the grid's active "
            "cells; lines: the conduits.", transform=ax.transAxes, fontsize=7, color=INK,
            va="top")
    fig.savefig(png, dpi=130, bbox_inches="tight")
    plt.close(fig)


def report_markdown(summary, renewal, top, images, wl_md, overflow_md="", surface_run=None):
    f = summary["formula"]
    s = summary["storm"]
    formula = (f"preset `{f['preset']}`: " if f.get("preset") else "") + (
        f"q = 167 × {f['a1_mm_per_min']:.4g} (1 + {f['c']:g} lg P) / (t + {f['b_min']:g})"
        f"^{f['n']:g} L/(s·ha)")
    md = f"# Drainage capacity assessment: {summary['case']}\n\n## Inputs\n\n"
    md += table(["item", "value"], [
        ["case file", f"`{summary['case_file']}`"],
        ["network", f"`{summary['network']}` ({summary['conduits']} conduits, "
                    f"{summary['conduit_length_m'] / 1000:.2f} km)"],
        ["mode", summary["mode"] + (" (the storm on the 2D surface, the sewer coupled to it)"
                                    if summary["mode"] == "coupled" else
                                    " (pipes loaded by the subcatchments' SWMM runoff)")],
        ["storm-intensity formula (GB 50014-2021)", formula],
        ["design storm", f"Chicago hyetograph, {s['duration_s'] / 60:g} min, peak at r = "
                         f"{s['peak_position']:g}, {s['step_s'] / 60:g}-min blocks"],
        ["simulated per storm", f"{summary['simulated_s'] / 60:g} min"],
        ["surcharge", summary["surcharge_criterion"]],
        ["renewal target", f"{summary['target_return_period_a']:g} a"],
    ])
    md += "\n## Design storms and continuity of every run\n\n"
    md += table(["return period (a)", "rain (mm)", "peak block (mm/h)", "runoff (m³)",
                 "runoff continuity (%)", "routing continuity (%)", "flooded nodes",
                 "flooding (m³)", "run time (s)"],
                [[f"{r['return_period_a']:g}", f"{r['rain_depth_mm']:.1f}",
                  f"{r['peak_block_intensity_mm_per_h']:.1f}", f"{r['surface_runoff_m3']:.0f}",
                  f"{r['runoff_continuity_error_pct']:.3f}",
                  f"{r['flow_routing_continuity_error_pct']:.3f}", r["flooded_nodes"],
                  f"{r['flooding_m3']:.0f}", f"{r['wall_s']:.1f}"] for r in summary["runs"]])
    if overflow_md:
        md += "\n" + overflow_md
    surface = [r for r in summary["runs"] if "surface" in r]
    if surface:  # coupled mode: the flooded streets of every storm (capacity_surface.csv)
        md += "\n## Flooded surface per storm (coupled runs)\n\n"
        def m3(v):  # whole m³, three figures below 100 m³ (small grids)
            return f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}"

        md += table(["return period (a)", "rain on the grid (m³)", "flooded area (m²)",
                     "max depth (m)", "flooded volume (m³)", "surface → network (m³)",
                     "network → surface (m³)", "coupled continuity (%)"],
                    [[f"{r['return_period_a']:g}", m3(r["surface"]["grid_rain_m3"]),
                      f"{r['surface']['flooded_area_m2']:.0f}",
                      f"{r['surface']['max_depth_m']:.3f}",
                      m3(r["surface"]["flooded_volume_m3"]),
                      m3(r["surface"]["surface_to_network_m3"]),
                      m3(r["surface"]["network_to_surface_m3"]),
                      f"{r['surface']['coupled_continuity_error_pct']:.3f}"] for r in surface])
        md += (f"\nFlooded: cells whose maximum depth exceeded "
               f"{surface[0]['surface']['flood_threshold_m']:g} m; flooded volume: the sum over "
               "those cells of maximum depth × cell area (capacity_surface.csv).\n")
        if surface_run:
            md += (f"\nMaximum depth of the {surface_run['return_period_a']:g}-year storm, the "
                   f"largest with its grid (`{surface_run['surface']['max_depth_file']}`):\n\n"
                   f"![Maximum depth of the largest storm]({images['max_depth']})\n")
    md += "\n## Capacity classes\n\n"
    md += table(["class", "conduits", "length (km)", "share of length"],
                [[c["class"], c["conduits"], f"{c['length_m'] / 1000:.2f}",
                  f"{100 * c['length_share']:.1f} %"] for c in summary["classes"]])
    md += f"\n![Capacity classes by length]({images['chart']})\n\n"
    md += f"![Capacity map]({images['map']})\n\n"
    md += (f"## Renewal priority\n\n{len(renewal)} conduits do not carry the target of "
           f"{summary['target_return_period_a']:g} a; ranked by capacity deficit, then surcharge "
           f"time, then flooding at their upstream node (all at the target). First {top}:\n\n")
    md += table(["rank", "conduit", "diameter (m)", "class", "peak / full flow",
                 "surcharged (min)", "upstream flooding (m³)", "cause", "reasons"],
                [[r["rank"], r["conduit"], r["full_depth_m"], r["class"], r["flow_ratio"],
                  r["surcharge_min_at_target"], r["upstream_flood_m3"], r["cause"],
                  r["reasons"]] for r in renewal[:top]])
    if wl_md:
        md += "\n" + wl_md
    return md


def markdown_to_html(md, images, out_dir, title="Drainage capacity assessment"):
    """The report's own Markdown subset (headings, tables, images, paragraphs) as HTML, with the
    images embedded."""
    body, rows = [], []

    def flush_table():
        if not rows:
            return
        body.append("<table>")
        for k, r in enumerate(rows):
            tag = "th" if k == 0 else "td"
            body.append("<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in r) + "</tr>")
        body.append("</table>")
        rows.clear()

    def inline(text):
        out, parts = "", html.escape(text).split("`")
        for k, p in enumerate(parts):
            out += f"<code>{p}</code>" if k % 2 else p
        return out

    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= {"-"} for c in cells):
                rows.append([inline(c) for c in cells])
            continue
        flush_table()
        if line.startswith("!["):
            alt, name = line[2:].split("](")
            with open(os.path.join(out_dir, name.rstrip(")")), "rb") as f:
                data = base64.b64encode(f.read()).decode()
            body.append(f'<p><img alt="{html.escape(alt)}" src="data:image/png;base64,{data}"></p>')
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
        elif line.strip():
            body.append(f"<p>{inline(line)}</p>")
    flush_table()
    style = ("body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#262626}"
             "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
             "td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}"
             "th{background:#eee}img{max-width:100%}code{background:#f4f4f4}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{style}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def run_waterlogging(args, out_dir):
    wl_dir = os.path.join(out_dir, "waterlogging")
    exe = args.spongeflow or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                          "build", "bin", "spongeflow")
    cmd = [exe, "waterlogging", args.results, "--output", wl_dir]
    if args.case:
        cmd += ["--case", args.case]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise plot_capacity.InputProblem(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
    return wl_dir


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="output folder of spongeflow capacity")
    parser.add_argument("--output", default=None, help="report folder (default: the same)")
    parser.add_argument("--waterlogging", default=None, help="folder of spongeflow waterlogging")
    parser.add_argument("--results", default=None, help="results.nc of a surface run")
    parser.add_argument("--case", default=None, help="case whose [waterlogging] tables to use")
    parser.add_argument("--spongeflow", default=None, help="spongeflow executable")
    parser.add_argument("--top", type=int, default=20, help="rows of the priority list shown")
    args = parser.parse_args()
    out_dir = args.output or args.folder
    try:
        os.makedirs(out_dir, exist_ok=True)
        features, summary = plot_capacity.read_capacity(args.folder)
        renewal = read_csv(os.path.join(args.folder, "renewal_priority.csv"))
        images = {"map": "capacity_map.png", "chart": "capacity_classes.png"}
        plot_capacity.draw_map(features, summary, os.path.join(out_dir, images["map"]), None, 150)
        class_chart(summary, os.path.join(out_dir, images["chart"]))
        surface_run = largest_surface_run(summary, args.folder)
        if surface_run:  # coupled mode: the largest storm's flooded streets
            images["max_depth"] = "max_depth_map.png"
            max_depth_map(surface_run, args.folder, features,
                          os.path.join(out_dir, images["max_depth"]))
        overflow_md = ""
        if summary.get("overflows"):
            images["overflows"] = "overflow_hydrographs.png"
            overflow_chart(read_csv(os.path.join(args.folder, summary["overflows"]["hydrographs"])),
                           summary["overflows"]["outfalls"],
                           os.path.join(out_dir, images["overflows"]))
            overflow_md = overflow_part(
                summary, read_csv(os.path.join(args.folder, summary["overflows"]["table"])),
                images["overflows"])
        wl_dir = args.waterlogging
        if args.results:
            wl_dir = run_waterlogging(args, out_dir)
        wl_md = waterlogging_part(wl_dir, 10) if wl_dir else ""
        md = report_markdown(summary, renewal, args.top, images, wl_md, overflow_md, surface_run)
        write_atomically(os.path.join(out_dir, "report.md"), md)
        write_atomically(os.path.join(out_dir, "report.html"),
                         markdown_to_html(md, images, out_dir))
    except plot_capacity.InputProblem as e:
        print(f"capacity_report: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"capacity_report: {e.filename or out_dir}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"{out_dir}/report.md and report.html: {summary['conduits']} conduits, "
          f"{len(renewal)} below the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
