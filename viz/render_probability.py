#!/usr/bin/python3
"""Render a forecast's probability map (probability_depth_gt_<t>m.tif) over the DEM (PNG).

Usage:
    render_probability.py PROBABILITY.tif DEM.tif OUT.png [--title TEXT] [--subtitle TEXT]

Draws P(max depth > threshold) of `spongeflow forecast` (docs/forecast.md) in five classes over a
grey hillshade of the DEM, with coordinate ticks, a scale bar, a north arrow and a colour bar
(the map page of map_page.py). Needs GDAL's and VTK's Python (Debian python3-gdal, python3-vtk9)
and numpy; run with /usr/bin/python3. Without a display it re-runs itself under `xvfb-run`.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_page as mp  # noqa: E402  (the map page: hillshade, axes, bars, PNG)
import numpy as np  # noqa: E402
from osgeo import gdal  # noqa: E402

# Probability colours: pale yellow (possible) to deep red (almost certain).
PROBABILITY_COLOURS = [
    (0.0, (1.000, 0.961, 0.702)),
    (0.25, (0.996, 0.851, 0.463)),
    (0.5, (0.992, 0.553, 0.235)),
    (0.75, (0.890, 0.102, 0.110)),
    (1.0, (0.502, 0.000, 0.149)),
]
OPACITY = 0.85


def read_south_up(path):
    """(values as (ny, nx) with row 0 = south, valid mask, x0, y0, dx) of a north-up GeoTIFF."""
    ds = gdal.Open(path)
    if ds is None:
        sys.exit(f"{path}: cannot be read by GDAL")
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = np.isfinite(values) if nodata is None else (values != nodata) & np.isfinite(values)
    gt = ds.GetGeoTransform()
    dx, ny = gt[1], ds.RasterYSize
    return np.flipud(values), np.flipud(valid), gt[0], gt[3] - ny * dx, dx


def probability_rgb(t):
    return mp.ramp_rgb(t, PROBABILITY_COLOURS)


def lookup_table():
    lut = mp.ramp_lookup_table(PROBABILITY_COLOURS)
    lut.Build()
    return lut


def render(prob_path, dem_path, png_path, title, subtitle):
    p, p_valid, x0, y0, dx = read_south_up(prob_path)
    bed, bed_valid, bx0, by0, bdx = read_south_up(dem_path)
    if bed.shape != p.shape or abs(bx0 - x0) > 1e-6 * dx or abs(by0 - y0) > 1e-6 * dx:
        sys.exit(f"{dem_path}: not on the grid of {prob_path}")
    active = p_valid & bed_valid
    ny, nx = p.shape
    cells = {"nx": nx, "ny": ny, "origin": (x0, y0), "dx": dx, "bed": bed,
             "max_depth": np.zeros_like(p), "active": active}
    rgb, _ = mp.map_rgb(cells, 1.0, 1.0)  # the grey hillshade alone
    some = active & (p > 0.0)
    rgb[some] = (1.0 - OPACITY) * rgb[some] + OPACITY * probability_rgb(p[some])
    layout = mp.map_layout(cells)
    window, page, _view, overlay = mp.map_window(cells, rgb, layout)
    mp.draw_frame_and_north_arrow(overlay, layout)
    area_ha = np.count_nonzero(active & (p >= 0.5)) * dx * dx / 1e4
    mp.draw_headings(page, layout, title,
                     subtitle or f"{os.path.basename(prob_path)}  \u00b7  area with P \u2265 0.5: "
                                 f"{area_ha:.2f} ha")
    mp.draw_map_furniture(page, cells, layout,
                          f"Cells with P = 0 are not coloured; grey: hillshade of the bed. Grid "
                          f"{nx} \u00d7 {ny} cells of {dx:g} m.")
    mp.colour_bar(page, lookup_table(), False,
                  (layout["margin_l"] + layout["map_w"] + 40, layout["margin_b"] +
                   layout["map_h"] * 0.25, 150, layout["map_h"] * 0.62), layout["font"],
                  title="Probability", labels=5)
    mp.write_png(window, png_path)
    print(f"{png_path}: {os.path.basename(prob_path)} over {os.path.basename(dem_path)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("probability", help="probability_depth_gt_<t>m.tif of a forecast")
    parser.add_argument("dem", help="the case's DEM (GeoTIFF on the same grid)")
    parser.add_argument("png", help="image to write")
    parser.add_argument("--title", default="Probability of a water depth above 0.15 m")
    parser.add_argument("--subtitle", default=None)
    args = parser.parse_args()
    for f in (args.probability, args.dem):
        if not os.path.isfile(f):
            sys.exit(f"{f}: no such file")
    if not os.environ.get("DISPLAY"):
        mp.rerun_under_xvfb(os.path.abspath(__file__))
    render(args.probability, args.dem, args.png, args.title, args.subtitle)


if __name__ == "__main__":
    main()
