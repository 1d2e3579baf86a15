#!/usr/bin/python3
"""Scenarios report with charts: report.md and a self-contained report.html.

Usage:
    scenarios_report.py SCENARIOS_DIR

Reads the output folder of `spongeflow scenarios` (scenarios.json and the tables of its
report.md) and writes into it: overflow_volume.png (overflow volume per variant and storm),
record_summary.png (with a rain record: overflow events per year and runoff capture ratio per
variant), then report.md with the charts added and report.html with them embedded (base64 PNG;
the page needs no other file), through capacity_report.py's page writer. Needs matplotlib
(Debian python3-matplotlib); run with /usr/bin/python3. Exit status 0 on success, 1 when an input
cannot be read (the message names the file).
"""

import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.dont_write_bytecode = True  # importing the sibling leaves no __pycache__ beside it
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capacity_report  # noqa: E402

INK = "#262626"
COLOURS = ["#4c72b0", "#55a868", "#c44e52", "#8172b2", "#ccb974", "#64b5cd"]
CHARTS_HEADING = "## Charts"


def overflow_chart(runs, variants, png):
    storms = list(dict.fromkeys(r["storm"] for r in runs))
    fig, axes = plt.subplots(1, len(storms), figsize=(3.2 * len(storms) + 1, 3.4), squeeze=False)
    for ax, storm in zip(axes[0], storms):
        vol = {r["variant"]: r["overflow"]["volume_m3"] / 1000.0 for r in runs
               if r["storm"] == storm}
        ax.bar(range(len(variants)), [vol.get(v, 0.0) for v in variants],
               color=COLOURS[:len(variants)] * 2, edgecolor=INK, linewidth=0.5)
        ax.set_xticks(range(len(variants)), variants, rotation=30, ha="right", fontsize=8)
        ax.set_title(storm, fontsize=9)
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].set_ylabel("Overflow volume (1000 m³)")
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def record_chart(runs, variants, png):
    rec = {r["variant"]: r for r in runs if r["kind"] == "record"}
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.4))
    x = range(len(variants))
    a.bar(x, [rec[v]["overflow"]["events_per_year"] for v in variants],
          color=COLOURS[:len(variants)] * 2, edgecolor=INK, linewidth=0.5)
    a.set_ylabel("Overflow events per year")
    b.bar(x, [100.0 * rec[v]["runoff_capture_ratio"] for v in variants],
          color=COLOURS[:len(variants)] * 2, edgecolor=INK, linewidth=0.5)
    b.set_ylabel("Runoff capture ratio (%)")
    for ax in (a, b):
        ax.set_xticks(list(x), variants, rotation=30, ha="right", fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    folder = sys.argv[1]
    try:
        with open(os.path.join(folder, "scenarios.json"), encoding="utf-8") as f:
            summary = json.load(f)
        with open(os.path.join(folder, "report.md"), encoding="utf-8") as f:
            md = f.read()
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: {folder}: cannot read the scenarios output: {e}", file=sys.stderr)
        return 1
    runs = summary["runs"]
    variants = list(dict.fromkeys(r["variant"] for r in runs))
    images = ["overflow_volume.png"]
    overflow_chart(runs, variants, os.path.join(folder, images[0]))
    if any(r["kind"] == "record" for r in runs):
        images.append("record_summary.png")
        record_chart(runs, variants, os.path.join(folder, images[1]))
    md = md.split("\n" + CHARTS_HEADING + "\n")[0].rstrip("\n") + "\n\n" + CHARTS_HEADING + "\n\n"
    md += "".join(f"![{name[:-4].replace('_', ' ')}]({name})\n\n" for name in images)
    capacity_report.write_atomically(os.path.join(folder, "report.md"), md)
    page = capacity_report.markdown_to_html(md, images, folder,
                                            title="Scenarios: " + summary.get("name", ""))
    capacity_report.write_atomically(os.path.join(folder, "report.html"), page)
    print(f"wrote {', '.join(images)}, report.md and report.html in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
