#!/usr/bin/python3
"""Render the maximum flood depth of a coupled run with its pipe network drawn on top (PNG).

Usage:
    render_coupled.py RESULTS_DIR OUT.png [--min-depth 0.01] [--max-depth AUTO] [--title TEXT]
                      [--inp MODEL.inp] [--flood-threshold 0.001]

RESULTS_DIR is a coupled run's results folder: `surface.pvd` (the .vti series of
sf::viz::VtkSeriesWriter) and `network.pvd` (the .vtp series of sf::viz::NetworkVtpSeriesWriter).
The map is the `max_depth` of the last surface dataset over a hillshade of `bed_elevation`, as in
render_max_depth.py (both draw it with map_page.py). On top: every link coloured by
its highest `link_fill_ratio` over all network snapshots (and wider when fuller), pumps, pump
stations (the node a pump draws from), outfalls, and the nodes that flooded in any snapshot
(size by peak `node_flooding`). Outfalls are the nodes that links only run into; with --inp the
.inp's [OUTFALLS] and [STORAGE] sections and ids are used instead. Needs VTK's Python (Debian
python3-vtk9) and numpy; run with /usr/bin/python3; without a display it re-runs itself under
`xvfb-run`.
"""

import argparse
import math
import os
import sys

import numpy as np
import vtk
from vtk.util import numpy_support

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_page as mp  # noqa: E402  (the map page: hillshade, axes, bars, PNG)

# Highest fill ratio: pale yellow (nearly empty) through orange to dark red (ran full); warm
# colours stand apart from the blue water and the grey hillshade.
FILL_COLOURS = [
    (0.00, (1.000, 0.945, 0.660)),
    (0.50, (0.996, 0.698, 0.298)),
    (0.80, (0.941, 0.231, 0.125)),
    (1.00, (0.502, 0.000, 0.149)),
]
FULL_FILL = 0.95  # a link at or above this fill ratio counts as having run full
WIDTH_CLASSES = [(0.5, 2.0), (FULL_FILL, 3.0), (math.inf, 4.5)]  # (fill below, line width px)
CASING = (0.12, 0.12, 0.12)
PUMP_COLOUR = (0.42, 0.18, 0.62)
OUTFALL_COLOUR = (0.0, 0.46, 0.36)
FLOOD_COLOUR = (0.86, 0.0, 0.55)
WHITE = (1.0, 1.0, 1.0)


# ----------------------------------------------------------------------------- network data
def read_vtp(path):
    reader = vtk.vtkXMLPolyDataReader()
    reader.SetFileName(path)
    reader.Update()
    poly = reader.GetOutput()
    if poly is None or poly.GetNumberOfPoints() == 0:
        sys.exit(f"{path}: no points (not a spongeflow network .vtp?)")
    return poly


def array_of(data, name, path, required=True):
    a = data.GetArray(name)
    if a is None:
        if required:
            sys.exit(f"{path}: no array '{name}' (not a spongeflow network .vtp?)")
        return None
    return numpy_support.vtk_to_numpy(a).astype(np.float64)


def read_network_series(pvd_path):
    """Geometry of the first snapshot and maxima over all snapshots of the series."""
    datasets = mp.pvd_datasets(pvd_path)
    geometry = None
    max_fill = peak_flooding = pump_status = None
    for time_s, path in datasets:
        if not os.path.isfile(path):
            sys.exit(f"{path}: listed in {pvd_path} but missing")
        poly = read_vtp(path)
        n_verts, n_lines = poly.GetNumberOfVerts(), poly.GetNumberOfLines()
        cells, points = poly.GetCellData(), poly.GetPointData()
        fill = np.nan_to_num(array_of(cells, "link_fill_ratio", path)[n_verts:n_verts + n_lines])
        pump = array_of(cells, "link_pump_status", path)[n_verts:n_verts + n_lines]
        flooding = np.nan_to_num(array_of(points, "node_flooding", path))
        if geometry is None:
            lines = poly.GetLines()
            offsets = numpy_support.vtk_to_numpy(lines.GetOffsetsArray()).astype(np.int64)
            conn = numpy_support.vtk_to_numpy(lines.GetConnectivityArray()).astype(np.int64)
            geometry = {
                "xyz": numpy_support.vtk_to_numpy(poly.GetPoints().GetData()).astype(np.float64),
                "lines": [conn[offsets[k]:offsets[k + 1]] for k in range(n_lines)],
                "node_index": array_of(points, "node_index", path).astype(np.int64),
                "first": path,
            }
            max_fill, peak_flooding = fill.copy(), flooding.copy()
            pump_status = np.zeros((len(datasets), n_lines))
            step = 0
        elif len(fill) != len(max_fill) or len(flooding) != len(peak_flooding):
            sys.exit(f"{path}: {n_lines} links and {len(flooding)} points, but "
                     f"{geometry['first']} has {len(max_fill)} and {len(peak_flooding)}: "
                     f"the series does not hold one network")
        else:
            max_fill = np.maximum(max_fill, fill)
            peak_flooding = np.maximum(peak_flooding, flooding)
        pump_status[step] = pump
        step += 1
    is_node = geometry["node_index"] >= 0
    geometry.update({
        "max_fill": max_fill,
        "peak_flooding": np.where(is_node, peak_flooding, 0.0),
        "is_pump": (pump_status >= 0).any(axis=0),
        "pump_on_share": (pump_status > 0).mean(axis=0),
        "snapshots": len(datasets),
        "last_time": datasets[-1][0],
    })
    return geometry


def inp_roles(inp_path):
    """{(x, y): (role, id)} for the outfalls and storage nodes of a SWMM .inp, and
    {id: (x, y)} of all coordinates."""
    sections, section = {}, None
    try:
        with open(inp_path, encoding="utf-8", errors="replace") as f:
            for raw in f:
                line = raw.split(";", 1)[0].strip()
                if not line:
                    continue
                if line.startswith("["):
                    section = line.upper()
                    continue
                sections.setdefault(section, []).append(line.split())
    except OSError as e:
        sys.exit(f"{inp_path}: cannot read: {e}")
    coords = {f[0]: (float(f[1]), float(f[2])) for f in sections.get("[COORDINATES]", [])
              if len(f) >= 3}
    roles = {}
    for section, role in (("[OUTFALLS]", "outfall"), ("[STORAGE]", "storage")):
        for f in sections.get(section, []):
            if f[0] in coords:
                roles[coords[f[0]]] = (role, f[0])
    return roles


def node_roles(net, inp_path=None):
    """Point ids of outfalls and of pump stations (a pump's upstream node), and labels."""
    xyz, lines = net["xyz"], net["lines"]
    starts = {int(l[0]) for l in lines}
    ends = {int(l[-1]) for l in lines}
    pump_stations = sorted({int(l[0]) for l, p in zip(lines, net["is_pump"]) if p})
    labels = {}
    if inp_path:
        roles = inp_roles(inp_path)
        outfalls = []
        nodes = np.flatnonzero(net["node_index"] >= 0)
        for (x, y), (role, nid) in roles.items():
            d = np.hypot(xyz[nodes, 0] - x, xyz[nodes, 1] - y)
            if d.size and d.min() < 1e-3 + 1e-9 * abs(x):
                p = int(nodes[np.argmin(d)])
                labels[p] = nid
                if role == "outfall":
                    outfalls.append(p)
    else:  # an outfall takes one link and gives none
        outfalls = sorted(p for p in ends - starts if net["node_index"][p] >= 0)
    return sorted(outfalls), pump_stations, labels


# ----------------------------------------------------------------------------- drawing
def fill_rgb(t):
    return mp.ramp_rgb(t, FILL_COLOURS)


def fill_lookup_table():
    lut = mp.ramp_lookup_table(FILL_COLOURS)
    lut.Build()
    return lut


def polylines_2d(renderer, paths, colours, width):
    """Polylines in display pixels, one RGB colour (0..1) per path."""
    if not paths:
        return
    points, cells = vtk.vtkPoints(), vtk.vtkCellArray()
    for path in paths:
        ids = [points.InsertNextPoint(x, y, 0.0) for x, y in path]
        cells.InsertNextCell(len(ids), ids)
    poly = vtk.vtkPolyData()
    poly.SetPoints(points)
    poly.SetLines(cells)
    rgb = numpy_support.numpy_to_vtk(
        (np.asarray(colours).reshape(-1, 3) * 255.0 + 0.5).astype(np.uint8), deep=True)
    rgb.SetName("colour")
    poly.GetCellData().SetScalars(rgb)
    mapper = vtk.vtkPolyDataMapper2D()
    mapper.SetInputData(poly)
    mapper.SetColorModeToDirectScalars()
    mapper.SetScalarModeToUseCellData()
    actor = vtk.vtkActor2D()
    actor.SetMapper(mapper)
    actor.GetProperty().SetLineWidth(width)
    renderer.AddActor2D(actor)


def circle(x, y, r, n=24):
    return [(x + r * math.cos(2 * math.pi * k / n), y + r * math.sin(2 * math.pi * k / n))
            for k in range(n)]


def marker(renderer, kind, x, y, size):
    """A filled marker with a white rim, centred at display pixel (x, y)."""
    if kind == "pump":
        h = size / 2.0
        outline = [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]
        colour = PUMP_COLOUR
    elif kind == "outfall":  # a triangle pointing down, like water leaving
        h = size / 2.0
        outline = [(x - h, y + 0.6 * h), (x + h, y + 0.6 * h), (x, y - h)]
        colour = OUTFALL_COLOUR
    else:
        outline = circle(x, y, size / 2.0)
        colour = FLOOD_COLOUR
    mp.shapes(renderer, polygons=[outline], colour=colour)
    mp.shapes(renderer, lines=[outline + [outline[0]]], colour=WHITE, width=1.5)
    if kind == "pump":
        mp.text(renderer, "P", x, y, max(int(size * 0.7), 8), bold=True, colour=WHITE,
                 justify="center", vjust="center")


def width_of(fill):
    return next(w for below, w in WIDTH_CLASSES if fill < below)


def flood_radius(peak, largest):
    return 3.0 + 7.0 * math.sqrt(max(peak, 0.0) / largest) if largest > 0 else 4.0


def draw_network(overlay, cells, layout, net, outfalls, pump_stations, labels, flood_threshold):
    def display_path(line):
        px, py = mp.to_display(cells, layout, net["xyz"][line, 0], net["xyz"][line, 1])
        return list(zip(px.tolist(), py.tolist()))

    pipes = [(float(f), k) for k, f in enumerate(net["max_fill"]) if not net["is_pump"][k]]
    pipes.sort()  # fuller links drawn last, on top
    # Casings first (one dark line 2 px wider under every link), then the colours by class.
    for lo, (below, width) in zip([-math.inf] + [b for b, _ in WIDTH_CLASSES], WIDTH_CLASSES):
        group = [k for f, k in pipes if lo <= f < below]
        polylines_2d(overlay, [display_path(net["lines"][k]) for k in group],
                     [CASING] * len(group), width + 2.0)
    pumps = [k for k, p in enumerate(net["is_pump"]) if p]
    polylines_2d(overlay, [display_path(net["lines"][k]) for k in pumps], [CASING] * len(pumps),
                 5.0)
    for lo, (below, width) in zip([-math.inf] + [b for b, _ in WIDTH_CLASSES], WIDTH_CLASSES):
        group = [(f, k) for f, k in pipes if lo <= f < below]
        polylines_2d(overlay, [display_path(net["lines"][k]) for _, k in group],
                     [fill_rgb(min(f, 1.0)) for f, _ in group], width)
    polylines_2d(overlay, [display_path(net["lines"][k]) for k in pumps],
                 [PUMP_COLOUR] * len(pumps), 3.0)

    font = layout["font"]
    flooded = np.flatnonzero(net["peak_flooding"] > flood_threshold)
    largest = float(net["peak_flooding"][flooded].max()) if flooded.size else 0.0
    for p in sorted(flooded, key=lambda p: -net["peak_flooding"][p]):  # small ones on top
        x, y = mp.to_display(cells, layout, net["xyz"][p, 0], net["xyz"][p, 1])
        marker(overlay, "flood", float(x), float(y), 2.0 * flood_radius(net["peak_flooding"][p],
                                                                       largest))
    for kind, nodes in (("outfall", outfalls), ("pump", pump_stations)):
        for p in nodes:
            x, y = mp.to_display(cells, layout, net["xyz"][p, 0], net["xyz"][p, 1])
            marker(overlay, kind, float(x), float(y), 17.0)
            if p in labels:  # right of the marker, or left of it near the map's east edge
                width = 0.62 * (font - 4) * len(labels[p])
                right_edge = layout["margin_l"] + layout["map_w"]
                east = float(x) + 12 + width > right_edge
                label = mp.text(overlay, labels[p], float(x) + (-12 if east else 12),
                                 float(y) + (6 if kind == "pump" else -8), font - 4,
                                 colour=mp.INK, justify="right" if east else "left",
                                 vjust="bottom" if kind == "pump" else "top")
                label.GetTextProperty().SetBackgroundColor(*WHITE)  # readable over the map
                label.GetTextProperty().SetBackgroundOpacity(0.8)
    return flooded, largest


def draw_legend(page, left, top, font, n_flooded, largest, n_pumps, n_outfalls):
    """Legend rows downwards from (left, top), display pixels."""
    mp.text(page, "Pipe network", left, top, font + 2, bold=True, vjust="top")
    y = top - 2.4 * font
    rows = [(f"fill < {WIDTH_CLASSES[0][0]:g}", 0.25),
            (f"fill {WIDTH_CLASSES[0][0]:g}\u2013{FULL_FILL:g}", 0.75),
            (f"ran full (\u2265 {FULL_FILL:g})", 1.0)]
    for label, fill in rows:
        w = width_of(fill)
        polylines_2d(page, [[(left, y), (left + 34, y)]], [CASING], w + 2.0)
        polylines_2d(page, [[(left, y), (left + 34, y)]], [fill_rgb(fill)], w)
        mp.text(page, label, left + 46, y, font - 2, vjust="center")
        y -= 1.7 * font
    if n_pumps:
        polylines_2d(page, [[(left, y), (left + 34, y)]], [CASING], 5.0)
        polylines_2d(page, [[(left, y), (left + 34, y)]], [PUMP_COLOUR], 3.0)
        mp.text(page, "pump", left + 46, y, font - 2, vjust="center")
        y -= 1.9 * font
        marker(page, "pump", left + 17, y, 17.0)
        mp.text(page, "pump station (wet well)", left + 46, y, font - 2, vjust="center")
        y -= 1.9 * font
    if n_outfalls:
        marker(page, "outfall", left + 17, y, 17.0)
        mp.text(page, "outfall", left + 46, y, font - 2, vjust="center")
        y -= 1.9 * font
    if n_flooded:
        for r, label in ((flood_radius(largest, largest), f"flooded node, peak {largest:.3g} m\u00b3/s"),
                         (flood_radius(0.0, largest), "flooded node, small peak")):
            marker(page, "flood", left + 17, y, 2.0 * r)
            mp.text(page, label, left + 46, y, font - 2, vjust="center")
            y -= max(1.9 * font, 2.0 * r + 6)
    else:
        mp.text(page, "no node flooded", left, y, font - 2, vjust="center",
                 colour=(0.45, 0.45, 0.45))


# ----------------------------------------------------------------------------- main
def render(results_dir, png_path, min_depth, max_depth, title, inp_path, flood_threshold):
    surface_pvd = os.path.join(results_dir, "surface.pvd")
    network_pvd = os.path.join(results_dir, "network.pvd")
    for path, what in ((surface_pvd, "surface series"), (network_pvd, "network series")):
        if not os.path.isfile(path):
            sys.exit(f"{path}: not found (the {what} of a coupled run; for a surface-only run "
                     f"use render_max_depth.py)")
    cells, vti_path, time_s = mp.load_last_surface(surface_pvd)
    net = read_network_series(network_pvd)
    outfalls, pump_stations, labels = node_roles(net, inp_path)

    top = mp.colour_range_top(cells["max_depth"], max_depth)
    rgb, _ = mp.map_rgb(cells, min_depth, top)
    layout = mp.map_layout(cells, margin_r=420)
    window, page, view, overlay = mp.map_window(cells, rgb, layout)
    flooded, largest = draw_network(overlay, cells, layout, net, outfalls, pump_stations, labels,
                                    flood_threshold)
    mp.draw_frame_and_north_arrow(overlay, layout)

    peak, flooded_ha = mp.flood_figures(cells)
    n_links = len(net["lines"])
    n_full = int(np.count_nonzero((net["max_fill"] >= FULL_FILL) & ~net["is_pump"]))
    mp.draw_headings(
        page, layout, title or "Maximum flood depth and pipe network",
        f"t = {mp.duration_text(time_s)}  \u00b7  peak depth {peak:.2f} m  \u00b7  deeper than "
        f"0.15 m: {flooded_ha:.2f} ha  \u00b7  {n_links} links, {n_full} ran full  \u00b7  "
        f"{len(flooded)} node{'s' if len(flooded) != 1 else ''} flooded")
    mp.draw_map_furniture(
        page, cells, layout,
        f"Pipes: highest fill ratio (flow depth / full depth) and node flooding over "
        f"{net['snapshots']} network snapshots.\nWater: max depth, cells under {min_depth:g} m "
        f"not coloured; grey: hillshade. Grid {cells['nx']} \u00d7 {cells['ny']} cells of "
        f"{cells['dx']:g} m.")

    font, map_w, map_h = layout["font"], layout["map_w"], layout["map_h"]
    left = layout["margin_l"] + map_w + 36
    bar_top = layout["margin_b"] + map_h
    bar_h = min(map_h * 0.42, 420.0)
    mp.colour_bar(page, mp.lookup_table(top), peak > top,
                   (left, bar_top - bar_h, 150, bar_h), font)
    mp.colour_bar(page, fill_lookup_table(), False, (left + 190, bar_top - bar_h, 150, bar_h),
                   font, title="Max fill ratio (-)")
    draw_legend(page, left, bar_top - bar_h - 2.5 * font, font, len(flooded), largest,
                len(pump_stations), len(outfalls))
    mp.write_png(window, png_path)
    def named(nodes):
        return ", ".join(labels.get(p, f"node {net['node_index'][p]}") for p in nodes) or "none"

    print(f"{png_path}: max_depth of {os.path.basename(vti_path)} (t = {time_s:g} s) with "
          f"{n_links} links over {net['snapshots']} network snapshots; outfalls: "
          f"{named(outfalls)}; pump stations: {named(pump_stations)}; flooded nodes: "
          f"{len(flooded)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="the coupled run's results folder (surface.pvd, network.pvd)")
    parser.add_argument("png", help="image to write")
    parser.add_argument("--min-depth", type=float, default=0.01,
                        help="cells with a smaller max depth stay uncoloured (m, default 0.01)")
    parser.add_argument("--max-depth", type=float, default=None,
                        help="top of the depth colour scale (m; default: a round number near "
                             "the 99.5th percentile of wet cells)")
    parser.add_argument("--title", default=None,
                        help="title (default: Maximum flood depth and pipe network)")
    parser.add_argument("--inp", default=None,
                        help="the network's SWMM .inp: outfalls and storage nodes by section, "
                             "labelled with their ids (default: outfalls from the topology)")
    parser.add_argument("--flood-threshold", type=float, default=1e-3,
                        help="a node counts as flooded above this peak overflow (m3/s, "
                             "default 0.001)")
    args = parser.parse_args()
    if not os.path.isdir(args.results):
        sys.exit(f"{args.results}: not a folder (give the coupled run's results folder)")
    if args.inp and not os.path.isfile(args.inp):
        sys.exit(f"{args.inp}: file not found")

    mp.rerun_under_xvfb(__file__)
    render(args.results, args.png, args.min_depth, args.max_depth, args.title, args.inp,
           args.flood_threshold)


if __name__ == "__main__":
    main()
