"""Show a coupled spongeflow run in ParaView: surface water over the bed, pipes as tubes.

Usage (ParaView's Python, Debian packages paraview + python3-paraview):
    pvpython viz/coupled_view.py RESULTS_DIR [--time T | --max] [--png OUT.png]
             [--min-depth 0.01] [--tube-radius R] [--size 1600x1200]

RESULTS_DIR holds `surface.pvd` (the .vti series) and `network.pvd` (the .vtp series) of a coupled
run. The view shows, from a top-down camera with parallel projection:
  * the bed elevation in grey;
  * water (`depth`, or `max_depth` with --max) in blues, cells shallower than --min-depth
    thresholded away;
  * the pipes as tubes coloured by `link_fill_ratio` (with --max its maximum over the whole series,
    from TemporalStatistics), laid flat slightly above the ground so that the water does not
    hide them;
  * nodes as small dark points, and nodes with `node_flooding` above 1 L/s as large magenta
    spheres (with --max: flooded at any output time).
Without --time or --max the last output time is shown; --time picks the output time nearest T
(seconds). With --png the view is saved as a screenshot (pvpython and pvbatch render off screen
when there is no display; otherwise run under xvfb-run).

From ParaView's Python shell (View > Python Shell):
    exec(open("/path/to/spongeflow/viz/coupled_view.py").read())
    show_coupled("/path/to/results")          # or show_coupled(dir, use_max=True)
The pipeline objects are named surface, network, water, pipes, nodes, flooded nodes, so they can
be changed in the Pipeline Browser afterwards; the time slider steps through the series.
"""

import argparse
import math
import os
import sys

from paraview import simple as pv

# Highest fill ratio: pale yellow to dark red, as in render_coupled.py.
FILL_RGB_POINTS = [0.0, 1.000, 0.945, 0.660,
                   0.5, 0.996, 0.698, 0.298,
                   0.8, 0.941, 0.231, 0.125,
                   1.0, 0.502, 0.000, 0.149]
WATER_RGB_POINTS = [0.0, 0.776, 0.906, 0.976,  # render_max_depth.py's depth colours
                    0.25, 0.420, 0.741, 0.898,
                    0.5, 0.129, 0.529, 0.800,
                    0.75, 0.031, 0.318, 0.651,
                    1.0, 0.031, 0.153, 0.420]
FLOOD_THRESHOLD = 1e-3  # m3/s: nodes overflowing more than this are highlighted
BIG = 1e30


def _threshold(source, array, association, lower, upper, name):
    """Threshold keeping lower <= value <= upper (ParaView 5.10+ and older property names)."""
    t = pv.Threshold(registrationName=name, Input=source)
    t.Scalars = [association, array]
    if hasattr(t, "LowerThreshold"):
        t.LowerThreshold, t.UpperThreshold = lower, upper
        if hasattr(t, "ThresholdMethod"):
            t.ThresholdMethod = "Between"
    else:
        t.ThresholdRange = [lower, upper]
    return t


def _rescaled_lut(array, rgb_points, top, title):
    lut = pv.GetColorTransferFunction(array)
    # RGBPoints are given on [0, 1]; scale the positions to [0, top].
    points = list(rgb_points)
    for k in range(0, len(points), 4):
        points[k] *= top
    lut.RGBPoints = points
    lut.ColorSpace = "Lab"
    if hasattr(lut, "AutomaticRescaleRangeMode"):
        lut.AutomaticRescaleRangeMode = "Never"  # keep the scale while the time changes
    lut.RescaleTransferFunction(0.0, top)
    bar = pv.GetScalarBar(lut)
    bar.Title = title
    bar.ComponentTitle = ""
    bar.TitleColor = bar.LabelColor = [0.15, 0.15, 0.15]
    bar.RangeLabelFormat = "%-#.2f"
    return lut


def _array_top(source, association, name, fallback=1.0):
    data = source.CellData if association == "CELLS" else source.PointData
    if name not in data.keys():
        return fallback
    lo, hi = data[name].GetRange()
    return hi if hi > 0 else fallback


def _spheres(source, diameter, name):
    """A sphere of the given diameter at every point of source."""
    glyphs = pv.Glyph(registrationName=name, Input=source, GlyphType="Sphere")
    glyphs.GlyphMode = "All Points"
    glyphs.ScaleArray = ["POINTS", "No scale array"]
    glyphs.OrientationArray = ["POINTS", "No orientation array"]
    glyphs.ScaleFactor = diameter
    glyphs.GlyphType.ThetaResolution = 16
    glyphs.GlyphType.PhiResolution = 12
    return glyphs


def _flat_colours(display):
    """Unlit: a map layer shows its colour map's colours exactly."""
    display.Ambient = 1.0
    display.Diffuse = 0.0
    display.Specular = 0.0


def _times_of(reader):
    """The reader's time steps as a list of floats (one step may come back as a number)."""
    values = reader.TimestepValues
    try:
        times = [float(t) for t in values]
    except TypeError:
        times = [float(values)] if values is not None else []
    return times or [0.0]


def _nearest_time(times, wanted):
    return min(times, key=lambda t: abs(t - wanted)) if times else 0.0


def show_coupled(results_dir, time=None, use_max=False, png=None, min_depth=0.01,
                 tube_radius=None, size=(1600, 1200)):
    """Builds the pipeline and the view; returns the render view."""
    surface_pvd = os.path.join(results_dir, "surface.pvd")
    network_pvd = os.path.join(results_dir, "network.pvd")
    for path in (surface_pvd, network_pvd):
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: not found (a coupled run's results folder holds "
                                    f"surface.pvd and network.pvd)")

    surface = pv.PVDReader(registrationName="surface", FileName=surface_pvd)
    network = pv.PVDReader(registrationName="network", FileName=network_pvd)
    scene = pv.GetAnimationScene()
    scene.UpdateAnimationUsingDataTimeSteps()
    times = _times_of(surface)
    show_time = times[-1] if (time is None or use_max) else _nearest_time(times, time)
    scene.AnimationTime = show_time

    view = pv.GetActiveViewOrCreate("RenderView")
    view.ViewSize = list(size)
    view.ViewTime = show_time
    view.Background = [1.0, 1.0, 1.0]
    if hasattr(view, "UseColorPaletteForBackground"):
        view.UseColorPaletteForBackground = 0
    view.OrientationAxesVisibility = 0

    # Bed: grey by elevation, at z = 0 (the .vti is a flat 2D grid).
    surface.UpdatePipeline(show_time)
    bed_display = pv.Show(surface, view)
    # Surface, not the Slice default of 2D images: it is drawn in depth order with the rest and
    # drops the cells flagged hidden (nodata, walls) by the vtkGhostType array.
    bed_display.SetRepresentationType("Surface")
    pv.ColorBy(bed_display, ("CELLS", "bed_elevation"))
    bed_lut = pv.GetColorTransferFunction("bed_elevation")
    bed_lut.ApplyPreset("Grayscale", True)
    lo, hi = surface.CellData["bed_elevation"].GetRange()
    bed_lut.RescaleTransferFunction(lo - 0.6 * (hi - lo), hi)  # no black: keep it light
    _flat_colours(bed_display)
    bed_lut.NanColor = [1.0, 1.0, 1.0]
    if hasattr(bed_lut, "NanOpacity"):
        bed_lut.NanOpacity = 0.0
    bed_display.SetScalarBarVisibility(view, False)

    # Water: depth (or the running maximum) above min_depth, lifted a little against z-fighting.
    depth_array = "max_depth" if use_max else "depth"
    water = _threshold(surface, depth_array, "CELLS", min_depth, BIG, "water")
    water_display = pv.Show(water, view)
    pv.ColorBy(water_display, ("CELLS", depth_array))
    # One scale for every time: the running maximum at the last time, up to the next 0.1 m.
    surface.UpdatePipeline(times[-1])
    deepest = _array_top(surface, "CELLS", "max_depth")
    surface.UpdatePipeline(show_time)
    depth_top = max(math.ceil(deepest * 10.0 - 1e-9) / 10.0, 0.1)
    _rescaled_lut(depth_array, WATER_RGB_POINTS, depth_top,
                  "Max depth (m)" if use_max else "Depth (m)")
    water_display.Position = [0.0, 0.0, 0.2]
    _flat_colours(water_display)
    water_display.SetScalarBarVisibility(view, True)

    # Network: max over time with --max; flattened to z = lift so that it lies above the ground.
    bounds = surface.GetDataInformation().GetBounds()
    extent = max(bounds[1] - bounds[0], bounds[3] - bounds[2])
    radius = tube_radius if tube_radius else 0.003 * extent
    lift = 0.5 + 2.0 * radius
    net = network
    fill_array, flood_array, index_array = "link_fill_ratio", "node_flooding", "link_index"
    if use_max:
        net = pv.TemporalStatistics(registrationName="network maxima", Input=network)
        net.ComputeAverage = 0
        net.ComputeMinimum = 0
        net.ComputeStandardDeviation = 0
        net.ComputeMaximum = 1
        # Its output holds only the statistics, each named <array>_maximum.
        fill_array, flood_array, index_array = ("link_fill_ratio_maximum",
                                                "node_flooding_maximum", "link_index_maximum")
    flat = pv.Calculator(registrationName="network, flat", Input=net)
    flat.Function = f"coordsX*iHat + coordsY*jHat + {lift}*kHat"
    flat.CoordinateResults = 1
    flat.ResultArrayName = "flat_coordinates"

    pipes = pv.Tube(registrationName="pipes", Input=flat)
    pipes.Radius = radius
    pipes.NumberofSides = 12
    pipes.Capping = 1
    pipes_display = pv.Show(pipes, view)
    pv.ColorBy(pipes_display, ("CELLS", fill_array))
    _rescaled_lut(fill_array, FILL_RGB_POINTS, 1.0,
                  "Max fill ratio (-)" if use_max else "Fill ratio (-)")
    pipes_display.SetScalarBarVisibility(view, True)
    pipes_display.Specular = 0.3

    # Nodes are the vertex cells (link_index is -1 on them, >= 0 on the links), drawn as sphere
    # glyphs: real geometry, which stays in front under a parallel projection (point sprites
    # "rendered as spheres" can vanish behind the ground there).
    nodes = _threshold(flat, index_array, "CELLS", -1.5, -0.5, "nodes")
    node_glyphs = _spheres(nodes, 2.6 * radius, "node spheres")
    nodes_display = pv.Show(node_glyphs, view)
    nodes_display.ColorArrayName = [None, ""]  # one solid colour
    nodes_display.AmbientColor = nodes_display.DiffuseColor = [0.15, 0.15, 0.15]

    flooded = _threshold(nodes, flood_array, "POINTS", FLOOD_THRESHOLD, BIG, "flooded nodes")
    flooded_glyphs = _spheres(flooded, 7.0 * radius, "flooded node spheres")
    flooded_display = pv.Show(flooded_glyphs, view)
    flooded_display.ColorArrayName = [None, ""]
    flooded_display.AmbientColor = flooded_display.DiffuseColor = [0.86, 0.0, 0.55]
    flooded_display.Position = [0.0, 0.0, 2.0 * radius]  # above the other nodes

    # Title: what is shown and when.
    if use_max:
        caption = "Maximum depth and maximum pipe fill ratio over the run; magenta: flooded nodes"
    else:
        caption = (f"t = {show_time / 60.0:.0f} min: depth and pipe fill ratio; "
                   f"magenta: flooding nodes")
    title = pv.Text(registrationName="title", Text=caption)
    title_display = pv.Show(title, view)
    title_display.WindowLocation = "Upper Left Corner"
    title_display.FontSize = 22
    title_display.Color = [0.15, 0.15, 0.15]

    # Top-down camera, north up, parallel projection (after a first render: paraview.simple
    # resets the camera on a view's first render).
    pv.Render(view)
    cx, cy = 0.5 * (bounds[0] + bounds[1]), 0.5 * (bounds[2] + bounds[3])
    # The map fills 80 % of the width from the left (the colour bars stand on the right) and
    # leaves room above for the title.
    w_m, h_m = bounds[1] - bounds[0], bounds[3] - bounds[2]
    scale = 0.5 * max(1.15 * h_m, w_m / 0.80 * size[1] / size[0])
    visible_w = 2.0 * scale * size[0] / size[1]
    cx = bounds[0] - 0.04 * visible_w + 0.5 * visible_w
    pv.SetActiveView(view)
    view.CameraFocalPoint = [cx, cy, 0.0]
    view.CameraPosition = [cx, cy, 10.0 * extent]
    view.CameraViewUp = [0.0, 1.0, 0.0]
    view.CameraParallelProjection = 1
    view.CameraParallelScale = scale
    pv.SetActiveSource(water)
    pv.Render(view)

    if png:
        pv.SaveScreenshot(png, view, ImageResolution=list(size))
        print(f"{png}: {'maxima' if use_max else f't = {show_time:g} s'} of {results_dir}")
    return view


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="coupled results folder (surface.pvd, network.pvd)")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--time", type=float, default=None,
                      help="output time to show (s; the nearest written one; default: last)")
    when.add_argument("--max", action="store_true",
                      help="show max_depth and the maximum fill ratio and flooding over the run")
    parser.add_argument("--png", default=None, help="save a screenshot to this file")
    parser.add_argument("--min-depth", type=float, default=0.01,
                        help="water shallower than this is not drawn (m, default 0.01)")
    parser.add_argument("--tube-radius", type=float, default=None,
                        help="pipe tube radius (m; default 0.3 %% of the domain's extent)")
    parser.add_argument("--size", default="1600x1200", help="image size WxH (default 1600x1200)")
    args = parser.parse_args(argv)
    try:
        size = tuple(int(v) for v in args.size.lower().split("x"))
        assert len(size) == 2 and min(size) > 0
    except (ValueError, AssertionError):
        parser.error(f"--size {args.size}: expected WIDTHxHEIGHT, e.g. 1600x1200")
    try:
        show_coupled(args.results, time=args.time, use_max=args.max, png=args.png,
                     min_depth=args.min_depth, tube_radius=args.tube_radius, size=size)
    except FileNotFoundError as e:
        print(f"coupled_view: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len([a for a in sys.argv[1:] if a]) == 0:
        # ParaView's GUI runs scripts with no arguments: leave the function for the user.
        print("coupled_view: call show_coupled('/path/to/results') "
              "(options: time=SECONDS, use_max=True, png='out.png')")
    else:
        status = main(sys.argv[1:])
        # Leave without tearing down the render window: under xvfb-run, ParaView 5.11's X11
        # window raises GLXBadContext at interpreter exit, which turns a good run into status 1.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
