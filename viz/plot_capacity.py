#!/usr/bin/python3
"""Map of a capacity assessment: every conduit coloured by its capacity class (PNG).

Usage:
    plot_capacity.py CAPACITY_DIR [--output PNG] [--title TEXT] [--dpi 150]

Reads CAPACITY_DIR/capacity.geojson and capacity_summary.json written by `spongeflow capacity`
and writes CAPACITY_DIR/capacity_map.png (or --output): conduits as lines in the network's
coordinates, coloured from red (carries less than the smallest tested return period) to green
(carries the largest), wider for larger pipes, with a legend of the classes (number and length of
conduits in each), a scale bar and the target return period of the renewal list. Needs
matplotlib (Debian python3-matplotlib); run with /usr/bin/python3. Exit status 0 on success, 1
when an input cannot be read (the message names the file).
"""

import argparse
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

INK = "#262626"
# Red (fails the smallest storm) through amber to green (carries the largest): colour-blind
# safer than a rainbow, and the order reads as worse -> better.
CLASS_COLOURS = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac", "#053061"]


class InputProblem(Exception):
    pass


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise InputProblem(f"{path}: cannot read: {e.strerror}") from e
    except json.JSONDecodeError as e:
        raise InputProblem(f"{path}: not JSON: {e}") from e


def class_colours(n):
    """n colours from the palette, spread over its whole range."""
    if n == 1:
        return [CLASS_COLOURS[0]]
    return [CLASS_COLOURS[round(k * (len(CLASS_COLOURS) - 1) / (n - 1))] for k in range(n)]


def read_capacity(folder):
    """(features, summary) of a capacity folder; each feature (points, class index, depth)."""
    summary = read_json(os.path.join(folder, "capacity_summary.json"))
    gj = read_json(os.path.join(folder, "capacity.geojson"))
    features = []
    for f in gj.get("features", []):
        try:
            p = f["properties"]
            features.append((f["geometry"]["coordinates"], int(p["class_index"]),
                             float(p["full_depth_m"])))
        except (KeyError, TypeError, ValueError) as e:
            raise InputProblem(f"{folder}/capacity.geojson: a feature lacks {e}") from e
    if not features:
        raise InputProblem(f"{folder}/capacity.geojson: no conduits")
    return features, summary


def nice_length(span):
    """A round scale-bar length about a fifth of the span (1, 2 or 5 x 10^k m)."""
    raw = span / 5.0
    k = 10 ** math.floor(math.log10(raw))
    return min((m * k for m in (1, 2, 5, 10)), key=lambda v: abs(v - raw))


def draw_map(features, summary, png, title, dpi):
    classes = summary["classes"]
    colours = class_colours(len(classes))
    fig, ax = plt.subplots(figsize=(9, 8))
    segments = [[(x, y) for x, y in pts] for pts, _, _ in features]
    widths = [0.8 + 2.2 * min(d, 2.0) for _, _, d in features]
    lc = LineCollection(segments, colors=[colours[c] for _, c, _ in features], linewidths=widths,
                        capstyle="round")
    ax.add_collection(lc)
    xs = [x for s in segments for x, _ in s]
    ys = [y for s in segments for _, y in s]
    pad = 0.04 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    ax.set_aspect("equal")
    ax.ticklabel_format(useOffset=False, style="plain")
    ax.tick_params(labelsize=7, colors=INK)
    for s in ax.spines.values():
        s.set_color("#999999")
    handles = [Line2D([0], [0], color=colours[k], lw=4,
                      label=f"{c['class']}: {c['conduits']} conduits, {c['length_m'] / 1000:.2f} km")
               for k, c in enumerate(classes)]
    ax.legend(handles=handles, title="Largest return period carried without surcharge",
              loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize=8,
              title_fontsize=8, frameon=False)
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    bar = nice_length(span)
    x0, y0 = ax.get_xlim()[0] + 0.04 * span, ax.get_ylim()[0] + 0.03 * span
    ax.plot([x0, x0 + bar], [y0, y0], color=INK, lw=3)
    ax.text(x0 + bar / 2, y0 + 0.01 * span, f"{bar:g} m", ha="center", va="bottom", fontsize=8,
            color=INK)
    periods = ", ".join(f"{p:g}" for p in summary["return_periods_a"])
    storm = summary.get("storm", {})
    note = (f"Chicago design storms of {storm.get('duration_s', 0) / 60:g} min, peak at "
            f"r = {storm.get('peak_position', 0):g}, return periods {periods} a. "
            f"{summary.get('below_target', 0)} of {summary.get('conduits', 0)} conduits below the "
            f"target of {summary.get('target_return_period_a', 0):g} a.")
    ax.set_title(title or f"Drainage capacity: {summary.get('case', '')}", fontsize=11,
                 color=INK, loc="left")
    ax.text(0.0, -0.25, note, transform=ax.transAxes, fontsize=7, color=INK, va="top")
    fig.savefig(png, dpi=dpi, bbox_inches="tight")
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="output folder of spongeflow capacity")
    parser.add_argument("--output", default=None, help="PNG path (default FOLDER/capacity_map.png)")
    parser.add_argument("--title", default=None, help="map title")
    parser.add_argument("--dpi", type=float, default=150.0, help="resolution (default 150)")
    args = parser.parse_args()
    png = args.output or os.path.join(args.folder, "capacity_map.png")
    try:
        features, summary = read_capacity(args.folder)
        draw_map(features, summary, png, args.title, args.dpi)
    except InputProblem as e:
        print(f"plot_capacity: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"plot_capacity: {png}: cannot write: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"{png}: {len(features)} conduits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
