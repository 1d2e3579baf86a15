#!/usr/bin/python3
"""Plot a coupled run's network_timeseries.csv: hydrographs and pumps (two PNGs).

Usage:
    plot_network.py RESULTS_DIR/network_timeseries.csv OUT_DIR [--title TEXT] [--dpi 150]

Writes OUT_DIR/hydrographs.png (rain on an inverted axis at the top; surface -> network inlet
capture, network -> surface surcharge and outfall flows against time in minutes) and
OUT_DIR/pumps.png (each pump's flow with its running periods shaded; wet-well depths on a second
axis). The CSV has a header line and one row per sample; columns, in this order: time_s,
rain_mm_per_h, inlet_capture_m3s, surcharge_m3s, outfall_total_m3s, then pump_flow:<link> and
pump_on:<link> per pump, depth:<node> per storage node and outfall_flow:<node> per outfall.
Rain, inlet capture, surcharge and the outfall total are averages over the interval ending at
the row's time; pump flows and states, depths and outfall flows are values at that time.
Needs matplotlib (Debian python3-matplotlib); run with /usr/bin/python3. Exit status 0 on
success, 1 when the CSV cannot be read or lacks a required column (the message names the file
and the column).
"""

import argparse
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

REQUIRED = ["time_s", "rain_mm_per_h", "inlet_capture_m3s", "surcharge_m3s", "outfall_total_m3s"]
INK = "#262626"
COLOURS = {
    "rain": "#6baed6",
    "capture": "#08519c",
    "surcharge": "#d7301f",
    "outfall": "#238b45",
}
CYCLE = ["#6a3d9a", "#ff7f00", "#1f78b4", "#33a02c", "#e31a1c", "#b15928", "#a6cee3", "#fb9a99"]


class CsvError(Exception):
    pass


def read_timeseries(path):
    """{column: numpy array} in file order, checked for the required columns."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        raise CsvError(f"{path}: cannot read: {e.strerror or e}")
    except UnicodeDecodeError:
        raise CsvError(f"{path}: not a text file")
    if not rows or not any(c.strip() for c in rows[0]):
        raise CsvError(f"{path}: empty file (expected a header line starting with time_s)")
    header = [c.strip() for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CsvError(f"{path}: missing column{'s' if len(missing) > 1 else ''} "
                       f"{', '.join(repr(c) for c in missing)} (header: {','.join(header)})")
    for name in header:
        if ":" in name:
            kind = name.split(":", 1)[0]
            if kind not in ("pump_flow", "pump_on", "depth", "outfall_flow"):
                print(f"{path}: note: column '{name}' is not one this script plots",
                      file=sys.stderr)
    values = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise CsvError(f"{path}:{line_no}: {len(row)} fields; the header has {len(header)}")
        try:
            values.append([float(c) for c in row])
        except ValueError:
            bad = next(c for c in row if not _is_number(c))
            col = header[row.index(bad)]
            raise CsvError(f"{path}:{line_no}: column '{col}': '{bad}' is not a number")
    if not values:
        raise CsvError(f"{path}: no data rows after the header")
    table = np.array(values, dtype=np.float64)
    return {name: table[:, k] for k, name in enumerate(header)}


def _is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def columns_of(data, prefix):
    """[(id, array)] of the columns named prefix:<id>, in file order."""
    return [(name.split(":", 1)[1], a) for name, a in data.items()
            if name.startswith(prefix + ":")]


def style(ax):
    ax.grid(True, color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=INK)


def hydrographs(data, out_path, title, dpi):
    # Rain, capture, surcharge and the outfall total are averages over the interval that ends at
    # the row's time (the run books volumes between samples): each holds over (t[k-1], t[k]],
    # drawn as steps. The per-outfall flows are values at the row's time, drawn as lines.
    t = data["time_s"] / 60.0
    fig, (ax_rain, ax) = plt.subplots(
        2, 1, sharex=True, figsize=(10, 6.4), gridspec_kw={"height_ratios": [1, 3], "hspace": 0.06})

    # Rain: bars hanging from the top, as on a hyetograph above a hydrograph.
    rain = data["rain_mm_per_h"]
    if len(t) > 1:
        ax_rain.bar(t[:-1], rain[1:], width=np.diff(t), align="edge", color=COLOURS["rain"],
                    edgecolor="none")
    ax_rain.set_ylim(max(float(rain.max()) * 1.15, 1.0), 0.0)
    ax_rain.set_ylabel("Rain\n(mm/h)", color=INK)
    style(ax_rain)
    ax_rain.spines["bottom"].set_visible(False)
    ax_rain.tick_params(axis="x", length=0)

    ax.step(t, data["inlet_capture_m3s"], where="pre", color=COLOURS["capture"], linewidth=2.0,
            label="inlet capture (surface \u2192 network)")
    ax.step(t, data["surcharge_m3s"], where="pre", color=COLOURS["surcharge"], linewidth=2.0,
            label="surcharge (network \u2192 surface)")
    ax.fill_between(t, 0.0, data["surcharge_m3s"], step="pre", color=COLOURS["surcharge"],
                    alpha=0.12, linewidth=0)
    outfalls = columns_of(data, "outfall_flow")
    ax.step(t, data["outfall_total_m3s"], where="pre", color=COLOURS["outfall"], linewidth=2.0,
            label="outfalls, total" if len(outfalls) > 1 else
            f"outfall {outfalls[0][0]}" if outfalls else "outfalls, total")
    if len(outfalls) > 1:
        for k, (node, flow) in enumerate(outfalls):
            ax.plot(t, flow, color=COLOURS["outfall"], linewidth=1.0,
                    linestyle=["--", ":", "-."][k % 3], label=f"outfall {node}")
    ax.set_xlabel("Time (min)", color=INK)
    ax.set_ylabel("Flow (m\u00b3/s)", color=INK)
    ax.set_xlim(float(t[0]), float(t[-1]) if t[-1] > t[0] else float(t[0]) + 1.0)
    ax.set_ylim(bottom=0.0)
    style(ax)
    ax.legend(loc="best", frameon=False)

    dt = np.diff(data["time_s"])  # interval averages times their intervals: the booked volumes
    volumes = {k: float(np.sum(data[k][1:] * dt)) for k in REQUIRED[1:]}
    ax_rain.set_title(title or "Exchange between surface and pipe network", loc="left",
                      fontsize=14, fontweight="bold", color=INK)
    fig.text(0.125, 0.015,
             f"Totals: rain {volumes['rain_mm_per_h'] / 3600.0:.1f} mm; inlet capture "
             f"{volumes['inlet_capture_m3s']:,.0f} m\u00b3, surcharge "
             f"{volumes['surcharge_m3s']:,.0f} m\u00b3, outfalls "
             f"{volumes['outfall_total_m3s']:,.0f} m\u00b3. Rates are averages over each "
             f"sample interval.", fontsize=9, color="#555555")
    fig.savefig(out_path, dpi=dpi, bbox_inches="tight")
    plt.close(fig)


def running_periods(t, on):
    """[(start, end)] of the runs of samples with `on` set; a state holds until the next
    sample (the last one for one more interval)."""
    step = float(t[-1] - t[-2]) if len(t) > 1 else 1.0
    periods, start = [], None
    for k, state in enumerate(on):
        if state and start is None:
            start = t[k]
        elif not state and start is not None:
            periods.append((float(start), float(t[k])))
            start = None
    if start is not None:
        periods.append((float(start), float(t[-1]) + step))
    return periods


def pumps(data, out_path, title, dpi):
    t = data["time_s"] / 60.0
    flows = columns_of(data, "pump_flow")
    states = dict(columns_of(data, "pump_on"))
    wells = columns_of(data, "depth")
    fig, ax = plt.subplots(figsize=(10, 5.2))
    style(ax)
    handles = []
    for k, (link, flow) in enumerate(flows):
        colour = CYCLE[k % len(CYCLE)]
        on = states.get(link)
        if on is not None:
            # Running periods: from each sample where the pump is on to the next sample.
            for t0, t1 in running_periods(t, on > 0.5):
                ax.axvspan(t0, t1, alpha=0.13, color=colour, linewidth=0)
            starts = len(running_periods(t, on > 0.5))
            label = f"pump {link} ({starts} start{'s' if starts != 1 else ''}; shaded: on)"
        else:
            label = f"pump {link}"
        handles += ax.step(t, flow, where="post", color=colour, linewidth=2.0, label=label)
    ax.set_xlabel("Time (min)", color=INK)
    ax.set_ylabel("Pump flow (m\u00b3/s)", color=INK)
    ax.set_xlim(float(t[0]), float(t[-1]) if t[-1] > t[0] else float(t[0]) + 1.0)
    ax.set_ylim(bottom=0.0, top=max([float(f.max()) for _, f in flows] + [0.0]) * 1.15 or 1.0)
    if wells:
        ax2 = ax.twinx()
        for k, (node, depth) in enumerate(wells):
            handles += ax2.plot(t, depth, color="#08306b", linewidth=1.6,
                                linestyle=["--", ":", "-."][k % 3], label=f"wet well {node} depth")
        ax2.set_ylabel("Wet-well depth (m)", color="#08306b")
        ax2.set_ylim(bottom=0.0, top=max(float(d.max()) for _, d in wells) * 1.15 or 1.0)
        ax2.spines["top"].set_visible(False)
        ax2.tick_params(colors="#08306b")
    if not flows and not wells:
        ax.text(0.5, 0.5, "no pumps and no storage nodes in this network", ha="center",
                va="center", transform=ax.transAxes, color="#555555", fontsize=12)
    if handles:
        ax.legend(handles=handles, loc="upper right", frameon=False)
    ax.set_title(title or "Pumps and wet wells", loc="left", fontsize=14, fontweight="bold",
                 color=INK)
    fig.savefig(out_path, dpi=dpi, bbox_inches="tight")
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", help="network_timeseries.csv of a coupled run")
    parser.add_argument("out_dir", help="folder for hydrographs.png and pumps.png (created)")
    parser.add_argument("--title", default=None,
                        help="prefix for both titles (default: none)")
    parser.add_argument("--dpi", type=float, default=150.0, help="resolution (default 150)")
    args = parser.parse_args()
    try:
        data = read_timeseries(args.csv)
    except CsvError as e:
        print(f"plot_network: {e}", file=sys.stderr)
        return 1
    try:
        os.makedirs(args.out_dir, exist_ok=True)
    except OSError as e:
        print(f"plot_network: {args.out_dir}: cannot create the folder: {e.strerror}",
              file=sys.stderr)
        return 1
    prefix = f"{args.title}: " if args.title else ""
    outputs = [(hydrographs, "hydrographs.png",
                prefix + "Exchange between surface and pipe network"),
               (pumps, "pumps.png", prefix + "Pumps and wet wells")]
    for draw, name, title in outputs:
        path = os.path.join(args.out_dir, name)
        try:
            draw(data, path, title, args.dpi)
        except OSError as e:
            print(f"plot_network: {path}: cannot write: {e.strerror or e}", file=sys.stderr)
            return 1
        print(f"{path}: written from {args.csv} ({len(data['time_s'])} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
