"""The map page shared by render_max_depth.py and render_coupled.py (VTK's Python and numpy).

A spongeflow surface series (.pvd of .vti) read into numpy, its maximum depth drawn over a grey
hillshade of the bed, and the furniture of a printed map: coordinate ticks, scale bar, north
arrow, colour bars, headings; written off screen to PNG. Not a script: the two renderers import
it from beside themselves.
"""

import math
import os
import shutil
import sys
import xml.etree.ElementTree as ET

import numpy as np
import vtk
from vtk.util import numpy_support

# Depth colours: light blue for shallow sheet flow to dark navy for deep ponding.
DEPTH_COLOURS = [
    (0.00, (0.776, 0.906, 0.976)),
    (0.25, (0.420, 0.741, 0.898)),
    (0.50, (0.129, 0.529, 0.800)),
    (0.75, (0.031, 0.318, 0.651)),
    (1.00, (0.031, 0.153, 0.420)),
]
WATER_OPACITY = 0.88
NODATA_GREY = 0.96  # inactive cells: near-white, like the page
INK = (0.15, 0.15, 0.15)


# ----------------------------------------------------------------------------- data
def pvd_datasets(pvd_path):
    """[(time in s, file path)] of a .pvd collection in time order (a time listed twice: the
    later entry)."""
    try:
        root = ET.parse(pvd_path).getroot()
    except (OSError, ET.ParseError) as e:
        sys.exit(f"{pvd_path}: cannot read the collection: {e}")
    base = os.path.dirname(os.path.abspath(pvd_path))
    by_time = {}
    for d in root.iter("DataSet"):
        by_time[float(d.get("timestep", "0"))] = os.path.join(base, d.get("file"))
    if not by_time:
        sys.exit(f"{pvd_path}: the collection lists no dataset (did the run write a snapshot?)")
    return sorted(by_time.items())


def last_dataset(pvd_path):
    """(file path, time in s) of the last dataset listed in a .pvd collection."""
    time_s, path = pvd_datasets(pvd_path)[-1]
    return path, time_s


def read_cells(vti_path):
    """Grid geometry and the cell arrays as (ny, nx) numpy arrays, row 0 = south."""
    reader = vtk.vtkXMLImageDataReader()
    reader.SetFileName(vti_path)
    reader.Update()
    image = reader.GetOutput()
    nx, ny = image.GetDimensions()[0] - 1, image.GetDimensions()[1] - 1
    if nx < 1 or ny < 1:
        sys.exit(f"{vti_path}: no cells (not a spongeflow .vti?)")
    cells = image.GetCellData()

    def array(name, required=True):
        a = cells.GetArray(name)
        if a is None:
            if required:
                sys.exit(f"{vti_path}: no cell array '{name}'")
            return None
        return numpy_support.vtk_to_numpy(a).astype(np.float64).reshape(ny, nx)

    bed = array("bed_elevation")
    max_depth = array("max_depth")
    active = array("active", required=False)
    active = np.isfinite(bed) if active is None else (active > 0) & np.isfinite(bed)
    return {
        "nx": nx,
        "ny": ny,
        "origin": image.GetOrigin()[:2],
        "dx": image.GetSpacing()[0],
        "bed": bed,
        "max_depth": np.where(active, np.nan_to_num(max_depth), 0.0),
        "active": active,
    }


# ----------------------------------------------------------------------------- colours
def hillshade(z, dx, azimuth_deg=315.0, altitude_deg=45.0, exaggeration=2.0):
    """Lambertian hillshade in [0, 1] (light from the north-west, as on printed maps)."""
    dz_dy, dz_dx = np.gradient(z * exaggeration, dx)
    slope = np.arctan(np.hypot(dz_dx, dz_dy))
    aspect = np.arctan2(-dz_dx, dz_dy)  # direction the slope faces, clockwise from north
    az, alt = math.radians(azimuth_deg), math.radians(altitude_deg)
    shade = np.sin(alt) * np.cos(slope) + np.cos(alt) * np.sin(slope) * np.cos(az - aspect)
    return np.clip(shade, 0.0, 1.0)


def ramp_rgb(t, ramp):
    """A colour ramp [(stop, (r, g, b)), ...] interpolated at t in [0, 1] (any shape): (..., 3)."""
    stops = np.array([s for s, _ in ramp])
    colours = np.array([c for _, c in ramp])
    return np.stack([np.interp(t, stops, colours[:, c]) for c in range(3)], axis=-1)


def ramp_lookup_table(ramp, top=1.0):
    """A 256-colour vtkLookupTable of a ramp over [0, top] (for colour bars)."""
    lut = vtk.vtkLookupTable()
    lut.SetNumberOfTableValues(256)
    lut.SetRange(0.0, top)
    for k, c in enumerate(ramp_rgb(np.linspace(0.0, 1.0, 256), ramp)):
        lut.SetTableValue(k, *c, 1.0)
    return lut


def depth_rgb(t):
    """DEPTH_COLOURS interpolated at t in [0, 1] (any shape); returns (..., 3)."""
    return ramp_rgb(t, DEPTH_COLOURS)


def nice_step(span, target_ticks):
    """A 1-2-5 step giving about target_ticks intervals over span."""
    raw = span / max(target_ticks, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * power >= raw:
            return m * power
    return 10.0 * power


def colour_range_top(depths, requested):
    if requested is not None:
        return requested
    wet = depths[depths > 0.0]
    if wet.size == 0:
        return 1.0
    top = float(np.percentile(wet, 99.5))
    return max(nice_step(top, 1) * math.ceil(top / nice_step(top, 1)), 0.05)


def map_rgb(cells, min_depth, top):
    z = np.where(cells["active"], cells["bed"], np.nanmedian(cells["bed"][cells["active"]]))
    shade = hillshade(z, cells["dx"])
    lo, hi = np.percentile(z[cells["active"]], [2, 98])
    height = np.clip((z - lo) / max(hi - lo, 1e-9), 0.0, 1.0)
    grey = 0.30 + 0.55 * shade + 0.12 * height  # relief from the shade, a hint of height
    rgb = np.repeat(np.clip(grey, 0.0, 1.0)[..., None], 3, axis=-1)

    depth = cells["max_depth"]
    wet = (depth >= min_depth) & cells["active"]
    water = depth_rgb(np.clip(depth / top, 0.0, 1.0))
    rgb[wet] = (1.0 - WATER_OPACITY) * rgb[wet] + WATER_OPACITY * water[wet]
    rgb[~cells["active"]] = NODATA_GREY
    return rgb, wet


def rgb_image(rgb, cells):
    """vtkImageData with one RGB point per cell centre, j = 0 at the south."""
    ny, nx = rgb.shape[:2]
    data = numpy_support.numpy_to_vtk(
        np.ascontiguousarray((rgb.reshape(-1, 3) * 255.0 + 0.5).astype(np.uint8)), deep=True
    )
    data.SetName("rgb")
    image = vtk.vtkImageData()
    image.SetDimensions(nx, ny, 1)
    image.SetSpacing(cells["dx"], cells["dx"], 1.0)
    # Relative to the south-west corner: float32 rendering would blur UTM-sized coordinates.
    image.SetOrigin(0.5 * cells["dx"], 0.5 * cells["dx"], 0.0)
    image.GetPointData().SetScalars(data)
    return image


def lookup_table(top):
    lut = ramp_lookup_table(DEPTH_COLOURS, top)
    lut.SetAboveRangeColor(*DEPTH_COLOURS[-1][1], 1.0)
    lut.UseAboveRangeColorOn()
    lut.Build()
    return lut


# ----------------------------------------------------------------------------- 2D drawing
def text(renderer, string, x, y, size, bold=False, colour=INK, justify="left", vjust="bottom"):
    actor = vtk.vtkTextActor()
    actor.SetInput(string)
    p = actor.GetTextProperty()
    p.SetFontFamilyToArial()
    p.SetFontSize(size)
    p.SetBold(bold)
    p.SetColor(*colour)
    getattr(p, {"left": "SetJustificationToLeft", "center": "SetJustificationToCentered",
                "right": "SetJustificationToRight"}[justify])()
    getattr(p, {"bottom": "SetVerticalJustificationToBottom",
                "center": "SetVerticalJustificationToCentered",
                "top": "SetVerticalJustificationToTop"}[vjust])()
    actor.SetDisplayPosition(int(x), int(y))
    renderer.AddActor2D(actor)
    return actor


def shapes(renderer, lines=(), polygons=(), colour=INK, width=1.0):
    """Lines and filled polygons in display pixels."""
    points, line_cells, poly_cells = vtk.vtkPoints(), vtk.vtkCellArray(), vtk.vtkCellArray()
    for path, cells in ((p, line_cells) for p in lines):
        ids = [points.InsertNextPoint(x, y, 0.0) for x, y in path]
        cells.InsertNextCell(len(ids), ids)
    for path in polygons:
        ids = [points.InsertNextPoint(x, y, 0.0) for x, y in path]
        poly_cells.InsertNextCell(len(ids), ids)
    poly = vtk.vtkPolyData()
    poly.SetPoints(points)
    poly.SetLines(line_cells)
    poly.SetPolys(poly_cells)
    mapper = vtk.vtkPolyDataMapper2D()
    mapper.SetInputData(poly)
    actor = vtk.vtkActor2D()
    actor.SetMapper(mapper)
    actor.GetProperty().SetColor(*colour)
    actor.GetProperty().SetLineWidth(width)
    renderer.AddActor2D(actor)


def format_coordinate(v, step):
    decimals = max(0, -int(math.floor(math.log10(step)))) if step < 1 else 0
    return f"{v:,.{decimals}f}".replace(",", "\u2009")  # thin space between thousands


def draw_axes(renderer, cells, box, font):
    """Easting ticks below the map, northing ticks left of it, in the grid's CRS."""
    left, bottom, width, height = box
    x0, y0 = cells["origin"]
    w_m, h_m = cells["nx"] * cells["dx"], cells["ny"] * cells["dx"]
    px_per_m = width / w_m
    step = nice_step(max(w_m, h_m), 5)
    ticks = []
    e = math.ceil(x0 / step) * step
    while e <= x0 + w_m + 1e-9:
        px = left + (e - x0) * px_per_m
        ticks.append([(px, bottom), (px, bottom - 6)])
        text(renderer, format_coordinate(e, step), px, bottom - 9, font, justify="center",
             vjust="top", colour=(0.35, 0.35, 0.35))
        e += step
    n = math.ceil(y0 / step) * step
    while n <= y0 + h_m + 1e-9:
        py = bottom + (n - y0) * px_per_m
        ticks.append([(left, py), (left - 6, py)])
        if py - bottom > 4.0 * font:  # keep clear of the easting label at the corner
            label = text(renderer, format_coordinate(n, step), left - 10, py, font,
                         justify="center", vjust="bottom", colour=(0.35, 0.35, 0.35))
            label.GetTextProperty().SetOrientation(90.0)
        n += step
    shapes(renderer, lines=ticks, colour=(0.35, 0.35, 0.35))
    text(renderer, "Easting (m)", left + width / 2, bottom - 9 - 2.2 * font, font,
         justify="center", vjust="top", colour=(0.35, 0.35, 0.35))
    label = text(renderer, "Northing (m)", left - 14 - 2.4 * font, bottom + height / 2, font,
                 justify="center", vjust="bottom", colour=(0.35, 0.35, 0.35))
    label.GetTextProperty().SetOrientation(90.0)


def draw_scale_bar(renderer, x, y, px_per_m, map_width_m, font):
    length = nice_step(map_width_m / 4.0, 1)
    seg = length / 2.0 * px_per_m
    boxes = [[(x + k * seg, y), (x + (k + 1) * seg, y), (x + (k + 1) * seg, y + 7),
              (x + k * seg, y + 7)] for k in range(2)]
    shapes(renderer, polygons=[boxes[0]], colour=INK)
    shapes(renderer, polygons=[boxes[1]], colour=(1.0, 1.0, 1.0))
    shapes(renderer, lines=[boxes[1] + [boxes[1][0]], boxes[0] + [boxes[0][0]]], colour=INK)
    for k, value in enumerate((0.0, length / 2.0, length)):
        label = f"{value:g}" + (" m" if k == 2 else "")
        text(renderer, label, x + k * seg, y + 11, font, justify="center")


def draw_north_arrow(renderer, x, y, size, font):
    shapes(renderer, polygons=[[(x, y + size), (x - size * 0.32, y), (x, y + size * 0.28)]],
           colour=INK)
    shapes(renderer, polygons=[[(x, y + size), (x, y + size * 0.28), (x + size * 0.32, y)]],
           colour=(1.0, 1.0, 1.0))
    shapes(renderer, lines=[[(x, y + size), (x + size * 0.32, y), (x, y + size * 0.28),
                             (x - size * 0.32, y), (x, y + size)]], colour=INK)
    text(renderer, "N", x, y + size + 3, font, bold=True, justify="center")


def colour_bar(renderer, lut, show_above, box, font, title="Max depth (m)", labels=6):
    left, bottom, width, height = box
    bar = vtk.vtkScalarBarActor()
    bar.SetLookupTable(lut)
    bar.SetNumberOfLabels(labels)
    bar.SetLabelFormat("%-#4.2f")
    bar.SetTitle(title)
    bar.SetVerticalTitleSeparation(10)
    bar.SetBarRatio(0.28)
    # A swatch above the bar (no annotation) when some cells are deeper than the scale's top.
    bar.SetDrawAboveRangeSwatch(show_above)
    bar.DrawAnnotationsOff()  # no "Above" label with a leader line into the map
    bar.UnconstrainedFontSizeOn()
    for p, size in ((bar.GetTitleTextProperty(), font + 2), (bar.GetLabelTextProperty(), font)):
        p.SetFontFamilyToArial()
        p.SetFontSize(size)
        p.SetColor(*INK)
        p.SetShadow(False)
        p.SetItalic(False)
    bar.GetTitleTextProperty().SetBold(True)
    bar.GetLabelTextProperty().SetBold(False)
    bar.GetPositionCoordinate().SetCoordinateSystemToDisplay()
    bar.GetPositionCoordinate().SetValue(left, bottom)
    bar.SetMaximumWidthInPixels(int(width))
    bar.SetMaximumHeightInPixels(int(height))
    bar.SetPosition2(width, height)
    bar.GetPosition2Coordinate().SetCoordinateSystemToDisplay()
    bar.GetPosition2Coordinate().SetReferenceCoordinate(None)
    bar.GetPosition2Coordinate().SetValue(left + width, bottom + height)
    renderer.AddActor2D(bar)


def duration_text(seconds):
    """1200 -> '20 min', 500 -> '8 min 20 s', 5400 -> '1 h 30 min'."""
    if seconds < 120:
        return f"{seconds:g} s"
    total = int(round(seconds))
    h, m, s = total // 3600, total // 60 % 60, total % 60
    parts = [f"{h} h"] if h else []
    parts += [f"{m} min"] if m else []
    parts += [f"{s} s"] if s and not h else []
    return " ".join(parts)


# ----------------------------------------------------------------------------- page
# A map page is a white window with the map (one image pixel per cell, true aspect) in a box,
# panels around it, and three layers: page (text, colour bars), view (the map image), overlay
# (drawn over the map, display pixels).
def load_last_surface(pvd_path):
    """(cells, .vti path, time in s) of the last dataset of a surface series."""
    vti_path, time_s = last_dataset(pvd_path)
    return read_cells(vti_path), vti_path, time_s


def map_layout(cells, margin_l=95, margin_r=260, margin_t=120, margin_b=105, map_size=1000,
               font=16):
    """Pixel layout: the map's longer side is map_size pixels, margins around it."""
    w_m, h_m = cells["nx"] * cells["dx"], cells["ny"] * cells["dx"]
    map_w = map_size if w_m >= h_m else int(round(map_size * w_m / h_m))
    map_h = int(round(map_w * h_m / w_m))
    return {
        "w_m": w_m, "h_m": h_m, "map_w": map_w, "map_h": map_h,
        "margin_l": margin_l, "margin_r": margin_r, "margin_t": margin_t, "margin_b": margin_b,
        "win_w": margin_l + map_w + margin_r, "win_h": margin_b + map_h + margin_t, "font": font,
    }


def to_display(cells, layout, x, y):
    """Display pixels of CRS coordinates x, y (numbers or numpy arrays) on the map."""
    x0, y0 = cells["origin"]
    px = layout["margin_l"] + (np.asarray(x) - x0) * (layout["map_w"] / layout["w_m"])
    py = layout["margin_b"] + (np.asarray(y) - y0) * (layout["map_h"] / layout["h_m"])
    return px, py


def map_window(cells, rgb, layout):
    """The window with its page, view (the map image, in place) and overlay renderers."""
    margin_l, margin_b = layout["margin_l"], layout["margin_b"]
    map_w, map_h, win_w, win_h = layout["map_w"], layout["map_h"], layout["win_w"], layout["win_h"]
    w_m, h_m = layout["w_m"], layout["h_m"]
    page = vtk.vtkRenderer()
    page.SetBackground(1.0, 1.0, 1.0)
    page.SetLayer(0)
    view = vtk.vtkRenderer()
    view.SetLayer(1)
    view.SetBackground(1.0, 1.0, 1.0)
    view.SetViewport(margin_l / win_w, margin_b / win_h, (margin_l + map_w) / win_w,
                     (margin_b + map_h) / win_h)
    view.InteractiveOff()

    actor = vtk.vtkImageActor()
    actor.GetMapper().SetInputData(rgb_image(rgb, cells))
    actor.InterpolateOff()  # one cell = one sharp square
    view.AddActor(actor)
    camera = view.GetActiveCamera()
    camera.ParallelProjectionOn()
    camera.SetFocalPoint(w_m / 2.0, h_m / 2.0, 0.0)
    camera.SetPosition(w_m / 2.0, h_m / 2.0, 10.0 * max(w_m, h_m))
    camera.SetViewUp(0.0, 1.0, 0.0)
    camera.SetParallelScale(h_m / 2.0)
    view.ResetCameraClippingRange()

    overlay = vtk.vtkRenderer()  # on top of the map: frame, north arrow (and the network)
    overlay.SetLayer(2)
    overlay.InteractiveOff()

    window = vtk.vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetNumberOfLayers(3)
    window.AddRenderer(page)
    window.AddRenderer(view)
    window.AddRenderer(overlay)
    window.SetSize(win_w, win_h)
    window.SetMultiSamples(8)
    return window, page, view, overlay


def draw_frame_and_north_arrow(overlay, layout):
    margin_l, margin_b = layout["margin_l"], layout["margin_b"]
    map_w, map_h = layout["map_w"], layout["map_h"]
    frame = [(margin_l, margin_b), (margin_l + map_w, margin_b),
             (margin_l + map_w, margin_b + map_h), (margin_l, margin_b + map_h),
             (margin_l, margin_b)]
    shapes(overlay, lines=[frame], colour=(0.3, 0.3, 0.3), width=1.5)
    draw_north_arrow(overlay, margin_l + map_w - 34, margin_b + map_h - 62, 38, layout["font"])


def draw_headings(page, layout, title, subtitle):
    text(page, title, layout["margin_l"], layout["win_h"] - 28, 28, bold=True, vjust="top")
    text(page, subtitle, layout["margin_l"], layout["win_h"] - 68, layout["font"] + 1,
         colour=(0.3, 0.3, 0.3), vjust="top")


def draw_map_furniture(page, cells, layout, footnote):
    """Coordinate ticks, scale bar and the footnote at the bottom right."""
    font = layout["font"]
    box = (layout["margin_l"], layout["margin_b"], layout["map_w"], layout["map_h"])
    draw_axes(page, cells, box, font - 3)
    draw_scale_bar(page, layout["margin_l"] + 4, 14, layout["map_w"] / layout["w_m"],
                   layout["w_m"], font - 2)
    text(page, footnote, layout["win_w"] - 14, 14, font - 4, colour=(0.45, 0.45, 0.45),
         justify="right")


def flood_figures(cells):
    """(peak max depth in m, area deeper than 0.15 m in ha) over the active cells."""
    cell_area = cells["dx"] ** 2
    flooded_ha = np.count_nonzero((cells["max_depth"] >= 0.15) & cells["active"]) * cell_area / 1e4
    peak = float(cells["max_depth"][cells["active"]].max()) if cells["active"].any() else 0.0
    return peak, flooded_ha


def write_png(window, png_path):
    window.Render()
    grab = vtk.vtkWindowToImageFilter()
    grab.SetInput(window)
    grab.SetInputBufferTypeToRGB()
    grab.ReadFrontBufferOff()
    grab.Update()
    writer = vtk.vtkPNGWriter()
    writer.SetFileName(png_path)
    writer.SetInputConnection(grab.GetOutputPort())
    writer.Write()
    window.Finalize()


def rerun_under_xvfb(script_path):
    """VTK here draws through X; with no display, run the script again inside a virtual one
    (when xvfb-run is installed). Returns only when no re-run happened."""
    if not os.environ.get("DISPLAY") and not os.environ.get("SF_RENDER_NO_XVFB"):
        xvfb = shutil.which("xvfb-run")
        if xvfb:
            os.environ["SF_RENDER_NO_XVFB"] = "1"
            os.execv(xvfb, [xvfb, "-a", "-s", "-screen 0 1920x1400x24", sys.executable,
                            os.path.abspath(script_path)] + sys.argv[1:])
