#!/usr/bin/python3
"""Write a tiny synthetic coupled-results folder, laid out like a spongeflow coupled run's.

Usage:
    make_synthetic_results.py OUT_DIR

Writes surface.pvd + surface_0000N.vti (cell arrays named as viz/snapshot_to_vtk.cpp writes
them), network.pvd + network_0000N.vtp (arrays as viz/network_vtp_writer.cpp writes them) and
network_timeseries.csv (columns as the coupled run writes them), with VTK's Python and numpy,
and network.inp (only the sections render_coupled.py --inp reads).
A 240 m x 160 m valley at 2 m in UTM-sized coordinates, a street sewer with gully inlets, a
bent sewer into a wet well, a pump and an outfall on the channel; one manhole floods.
"""

import math
import os
import sys

import numpy as np
import vtk
from vtk.util import numpy_support

X0, Y0 = 500000.0, 3400000.0  # CRS-sized origin: the renderers must cope with the digits
DX, NX, NY = 2.0, 120, 80
TIMES = [0.0, 600.0, 1200.0, 1800.0]


def pvd(path, files):
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n'
                '<VTKFile type="Collection" version="0.1" byte_order="LittleEndian">\n'
                '  <Collection>\n')
        for t, name in files:
            f.write(f'    <DataSet timestep="{t:g}" group="" part="0" file="{name}"/>\n')
        f.write("  </Collection>\n</VTKFile>\n")


# ----------------------------------------------------------------------------- surface
def bed_elevation():
    x = (np.arange(NX) + 0.5) * DX
    y = (np.arange(NY) + 0.5) * DX
    xx, yy = np.meshgrid(x, y)
    bed = 12.0 - 0.02 * xx + 0.06 * np.abs(yy - 80.0)  # valley along y = 80 m, falling east
    bed[(yy > 74.0) & (yy < 86.0) & (xx > 200.0)] -= 1.5  # channel at the east end
    for bx, by in ((40, 30), (100, 30), (40, 110), (100, 110), (160, 120)):  # buildings
        bed[(np.abs(xx - bx) < 14) & (np.abs(yy - by) < 12)] += 6.0
    return bed


def surface_image(t, bed, max_so_far):
    x = (np.arange(NX) + 0.5) * DX
    y = (np.arange(NY) + 0.5) * DX
    xx, yy = np.meshgrid(x, y)
    active = np.ones((NY, NX), dtype=bool)
    active[(xx < 20) & (yy > 140)] = False  # a nodata corner
    storm = math.sin(math.pi * min(t / 1800.0, 1.0) * 0.9)
    depth = storm * (0.45 * np.exp(-((xx - 130) ** 2 + (yy - 80) ** 2) / 900.0)
                     + 0.25 * np.exp(-((xx - 60) ** 2 + (yy - 82) ** 2) / 400.0)
                     + 0.02 * np.clip(1.0 - np.abs(yy - 80.0) / 30.0, 0.0, 1.0))
    depth[bed > 14.0] = 0.0  # roofs stay dry
    max_depth = np.maximum(max_so_far, depth)
    u = 0.3 * depth
    v = np.zeros_like(depth)
    arrays = {"bed_elevation": bed, "water_level": bed + depth, "u": u, "v": v,
              "speed": np.hypot(u, v), "max_depth": max_depth}

    image = vtk.vtkImageData()
    image.SetDimensions(NX + 1, NY + 1, 1)
    image.SetOrigin(X0, Y0, 0.0)
    image.SetSpacing(DX, DX, 1.0)
    cells = image.GetCellData()

    def floats(name, values):
        a = numpy_support.numpy_to_vtk(
            np.where(active, values, np.nan).astype(np.float32).ravel(), deep=True)
        a.SetName(name)
        return a

    for name, values in arrays.items():
        cells.AddArray(floats(name, values))
    cells.SetScalars(floats("depth", depth))
    vel = np.stack([u, v, np.zeros_like(u)], axis=-1).reshape(-1, 3)
    vel[~active.ravel()] = np.nan
    va = numpy_support.numpy_to_vtk(vel.astype(np.float32), deep=True)
    va.SetName("velocity")
    cells.SetVectors(va)
    flag = numpy_support.numpy_to_vtk(active.astype(np.uint8).ravel(), deep=True)
    flag.SetName("active")
    cells.AddArray(flag)
    ghost = numpy_support.numpy_to_vtk(np.where(active, 0, 2).astype(np.uint8).ravel(), deep=True)
    ghost.SetName("vtkGhostType")
    cells.AddArray(ghost)
    return image, max_depth


# ----------------------------------------------------------------------------- network
# Nodes: (id, x, y, invert) relative to the origin; manholes M1..M4 along the valley street,
# gully inlets G1..G3, wet well WW, outfall OF in the channel.
NODES = [
    ("M1", 30.0, 80.0, 9.0), ("M2", 80.0, 80.0, 8.0), ("M3", 130.0, 80.0, 7.0),
    ("M4", 170.0, 80.0, 6.2), ("G1", 30.0, 64.0, 9.6), ("G2", 80.0, 96.0, 8.6),
    ("G3", 130.0, 64.0, 7.6), ("WW", 190.0, 120.0, 3.0), ("OF", 225.0, 80.0, 7.0),
]
# Links: (id, node1, node2, bends, is_pump)
LINKS = [
    ("C1", "M1", "M2", [], False), ("C2", "M2", "M3", [], False), ("C3", "M3", "M4", [], False),
    ("L1", "G1", "M1", [], False), ("L2", "G2", "M2", [], False), ("L3", "G3", "M3", [], False),
    ("C4", "M4", "WW", [(180.0, 100.0), (185.0, 112.0)], False), ("P1", "WW", "OF", [], True),
]


def network_poly(t):
    ids = [n[0] for n in NODES]
    storm = math.sin(math.pi * min(t / 1800.0, 1.0) * 0.9)
    nn = len(NODES)
    points = vtk.vtkPoints()
    points.SetDataTypeToDouble()
    names = ("node_depth", "node_head", "node_invert", "node_flooding")
    pdata = {k: [] for k in names}
    node_index = []
    for i, (nid, x, y, z) in enumerate(NODES):
        points.InsertNextPoint(X0 + x, Y0 + y, z)
        depth = (0.4 + 1.2 * storm) if nid != "WW" else 0.3 + 1.0 * storm
        pdata["node_depth"].append(depth)
        pdata["node_head"].append(z + depth)
        pdata["node_invert"].append(z)
        pdata["node_flooding"].append(0.35 * storm if nid == "M3" and t >= 1200 else 0.0)
        node_index.append(i)
    verts, lines = vtk.vtkCellArray(), vtk.vtkCellArray()
    for i in range(nn):
        verts.InsertNextCell(1, [i])
    link_cells = []
    for j, (lid, a, b, bends, pump) in enumerate(LINKS):
        ia, ib = ids.index(a), ids.index(b)
        chain = [ia]
        for bx, by in bends:
            za = NODES[ia][3] + 0.5 * (NODES[ib][3] - NODES[ia][3])
            chain.append(points.InsertNextPoint(X0 + bx, Y0 + by, za))
            for k in names:
                pdata[k].append(float("nan") if k == "node_flooding" else pdata[k][ia])
            node_index.append(-1)
        chain.append(ib)
        lines.InsertNextCell(len(chain), chain)
        fill = 0.0 if pump else min(1.0, (0.15 + 0.2 * j) * (0.3 + storm))
        link_cells.append((0.8 * storm, 1.1 * storm, fill, (1 if storm > 0.5 else 0) if pump else -1, j))

    poly = vtk.vtkPolyData()
    poly.SetPoints(points)
    poly.SetVerts(verts)
    poly.SetLines(lines)
    for k in names:
        a = numpy_support.numpy_to_vtk(np.array(pdata[k], dtype=np.float64), deep=True)
        a.SetName(k)
        poly.GetPointData().AddArray(a)
    a = numpy_support.numpy_to_vtk(np.array(node_index, dtype=np.int32), deep=True)
    a.SetName("node_index")
    poly.GetPointData().AddArray(a)
    nan = float("nan")
    cols = list(zip(*([(nan, nan, nan, -1, -1)] * nn + link_cells)))
    for k, name in enumerate(("link_flow", "link_velocity", "link_fill_ratio")):
        a = numpy_support.numpy_to_vtk(np.array(cols[k], dtype=np.float64), deep=True)
        a.SetName(name)
        poly.GetCellData().AddArray(a)
    for k, name in ((3, "link_pump_status"), (4, "link_index")):
        a = numpy_support.numpy_to_vtk(np.array(cols[k], dtype=np.int32), deep=True)
        a.SetName(name)
        poly.GetCellData().AddArray(a)
    tv = vtk.vtkDoubleArray()
    tv.SetName("TimeValue")
    tv.InsertNextValue(t)
    poly.GetFieldData().AddArray(tv)
    return poly


# ----------------------------------------------------------------------------- CSV
def timeseries_csv(path):
    cols = ["time_s", "rain_mm_per_h", "inlet_capture_m3s", "surcharge_m3s", "outfall_total_m3s",
            "pump_flow:P1", "pump_on:P1", "depth:WW", "outfall_flow:OF"]
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        pump_on = 0
        for k in range(0, 61):
            t = 60.0 * k
            rain = 60.0 * math.exp(-((t - 900.0) / 420.0) ** 2)
            capture = 0.012 * rain * (1.0 - math.exp(-t / 300.0))
            surcharge = max(0.0, capture - 0.5) * 0.6
            depth = 0.3 + 1.1 * math.sin(math.pi * min(t / 2400.0, 1.0)) ** 2
            if depth > 1.3:
                pump_on = 1
            elif depth < 0.5:
                pump_on = 0
            flow = 0.8 * pump_on
            f.write(f"{t:g},{rain:.4f},{capture:.5f},{surcharge:.5f},{flow:.5f},"
                    f"{flow:.5f},{pump_on},{depth:.4f},{flow:.5f}\n")


def inp_text():
    """The sections of a SWMM .inp that render_coupled.py --inp reads (node roles, coordinates)."""
    lines = ["[JUNCTIONS]"] + [f"{n[0]} {n[3]} 3.0" for n in NODES if n[0] not in ("WW", "OF")]
    lines += ["", "[OUTFALLS]", "OF 7.0 FREE", "", "[STORAGE]", "WW 3.0 4.0 0 FUNCTIONAL 0 0 900",
              "", "[COORDINATES]", ";;Node X Y"]
    lines += [f"{n[0]} {X0 + n[1]:.3f} {Y0 + n[2]:.3f}" for n in NODES]
    return "\n".join(lines) + "\n"


def write_all(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    bed = bed_elevation()
    max_depth = np.zeros_like(bed)
    surf, net = [], []
    for k, t in enumerate(TIMES):
        image, max_depth = surface_image(t, bed, max_depth)
        w = vtk.vtkXMLImageDataWriter()
        w.SetFileName(os.path.join(out_dir, f"surface_{k:05d}.vti"))
        w.SetInputData(image)
        w.Write()
        surf.append((t, f"surface_{k:05d}.vti"))
        w = vtk.vtkXMLPolyDataWriter()
        w.SetFileName(os.path.join(out_dir, f"network_{k:05d}.vtp"))
        w.SetInputData(network_poly(t))
        w.Write()
        net.append((t, f"network_{k:05d}.vtp"))
    pvd(os.path.join(out_dir, "surface.pvd"), surf)
    pvd(os.path.join(out_dir, "network.pvd"), net)
    timeseries_csv(os.path.join(out_dir, "network_timeseries.csv"))
    with open(os.path.join(out_dir, "network.inp"), "w") as f:
        f.write(inp_text())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write_all(sys.argv[1])
    print(f"{sys.argv[1]}: synthetic coupled results written")
