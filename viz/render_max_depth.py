#!/usr/bin/python3
"""Render the maximum flood depth of a spongeflow VTK series as a map (PNG).

Usage:
    render_max_depth.py RESULTS.pvd OUT.png [--min-depth 0.01] [--max-depth AUTO] [--title TEXT]

Loads the last dataset of the .pvd collection (the .vti files written by sf::viz::VtkSeriesWriter),
draws its `max_depth` cell field over a grey hillshade of `bed_elevation`, and adds a colour bar,
a title, coordinate ticks, a scale bar and a north arrow. Needs VTK's Python (Debian
python3-vtk9) and numpy; run with /usr/bin/python3. Without a display it re-runs itself under
`xvfb-run` (Debian xvfb) when that is installed.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_page as mp  # noqa: E402  (the map page: hillshade, axes, bars, PNG)


# ----------------------------------------------------------------------------- main
def render(pvd_path, png_path, min_depth, max_depth, title):
    cells, vti_path, time_s = mp.load_last_surface(pvd_path)
    top = mp.colour_range_top(cells["max_depth"], max_depth)
    rgb, _ = mp.map_rgb(cells, min_depth, top)
    layout = mp.map_layout(cells)
    window, page, view, overlay = mp.map_window(cells, rgb, layout)
    mp.draw_frame_and_north_arrow(overlay, layout)

    series = os.path.splitext(os.path.basename(pvd_path))[0]
    peak, flooded_ha = mp.flood_figures(cells)
    mp.draw_headings(page, layout, title or "Maximum flood depth",
                     f"{series}  \u00b7  t = {mp.duration_text(time_s)}  \u00b7  "
                     f"peak {peak:.2f} m  \u00b7  area deeper than 0.15 m: {flooded_ha:.2f} ha")
    mp.draw_map_furniture(page, cells, layout,
                          f"Cells shallower than {min_depth:g} m are not coloured; grey: hillshade "
                          f"of the bed (buildings included). Grid {cells['nx']} \u00d7 "
                          f"{cells['ny']} cells of {cells['dx']:g} m.")
    map_w, map_h = layout["map_w"], layout["map_h"]
    mp.colour_bar(page, mp.lookup_table(top), peak > top,
                  (layout["margin_l"] + map_w + 40, layout["margin_b"] + map_h * 0.25, 150,
                   map_h * 0.62), layout["font"])
    mp.write_png(window, png_path)
    print(f"{png_path}: max_depth of {os.path.basename(vti_path)} (t = {time_s:g} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pvd", help="the series' .pvd collection")
    parser.add_argument("png", help="image to write")
    parser.add_argument("--min-depth", type=float, default=0.01,
                        help="cells with a smaller max depth stay uncoloured (m, default 0.01)")
    parser.add_argument("--max-depth", type=float, default=None,
                        help="top of the colour scale (m; default: a round number near the "
                             "99.5th percentile of wet cells)")
    parser.add_argument("--title", default=None, help="title (default: Maximum flood depth)")
    args = parser.parse_args()
    if not os.path.isfile(args.pvd):
        sys.exit(f"{args.pvd}: file not found")

    mp.rerun_under_xvfb(__file__)
    render(args.pvd, args.png, args.min_depth, args.max_depth, args.title)


if __name__ == "__main__":
    main()
