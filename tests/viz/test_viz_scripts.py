#!/usr/bin/python3
"""ctest for the Python pictures: render_coupled.py, render_max_depth.py and plot_network.py on a
tiny synthetic coupled-results folder (make_synthetic_results.py), plus their errors on bad input.

Usage: test_viz_scripts.py --source-dir REPO --work-dir SCRATCH
Exit status 0 pass, 1 fail, 77 skip (this Python lacks vtk, numpy or matplotlib, or there is
neither a display nor xvfb-run).
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # imports below leave no __pycache__ in the source tree
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"  # nor do the scripts run from here

SKIP = 77
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)
    return condition


def run(args, retries=0):
    """Runs a script with this Python; returns (status, stdout, stderr)."""
    for attempt in range(retries + 1):
        p = subprocess.run([sys.executable] + args, capture_output=True, text=True, timeout=240)
        # xvfb-run -a can race with another test starting a server at the same moment.
        if p.returncode == 0 or "X server" not in p.stderr + p.stdout or attempt == retries:
            return p.returncode, p.stdout, p.stderr


def image_stats(png):
    """(width, height, distinct colours) of a PNG, read with VTK."""
    import numpy as np
    import vtk
    from vtk.util import numpy_support

    reader = vtk.vtkPNGReader()
    reader.SetFileName(png)
    reader.Update()
    image = reader.GetOutput()
    w, h, _ = image.GetDimensions()
    pixels = numpy_support.vtk_to_numpy(image.GetPointData().GetScalars())
    pixels = pixels.reshape(w * h, -1)[:, :3]
    return w, h, pixels


def count_near(pixels, rgb01, tol=20):
    import numpy as np
    target = np.array([round(c * 255) for c in rgb01])
    return int(np.count_nonzero(np.abs(pixels.astype(int) - target).max(axis=1) <= tol))


def check_png(png, min_bytes, min_colours):
    import numpy as np
    if not check(os.path.isfile(png), f"{png} was not written"):
        return None
    size = os.path.getsize(png)
    check(size >= min_bytes, f"{png}: {size} bytes, expected at least {min_bytes}")
    w, h, pixels = image_stats(png)
    colours = len(np.unique(pixels, axis=0))
    check(colours >= min_colours, f"{png}: {colours} distinct colours (all one colour?), expected "
                                  f"at least {min_colours}")
    return pixels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()

    missing = []
    for module in ("numpy", "vtk", "matplotlib"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        print(f"SKIP: {sys.executable} lacks {', '.join(missing)} (Debian python3-numpy, "
              f"python3-vtk9, python3-matplotlib)")
        return SKIP
    if not os.environ.get("DISPLAY") and not shutil.which("xvfb-run"):
        print("SKIP: no DISPLAY and no xvfb-run (Debian xvfb) for VTK's off-screen rendering")
        return SKIP

    viz = os.path.join(args.source_dir, "viz")
    sys.path.insert(0, os.path.join(args.source_dir, "tests", "viz"))
    import make_synthetic_results

    work = os.path.abspath(args.work_dir)
    shutil.rmtree(work, ignore_errors=True)
    results = os.path.join(work, "results")
    make_synthetic_results.write_all(results)

    # render_coupled.py: the map with the network on top.
    png = os.path.join(work, "coupled.png")
    status, out, err = run([os.path.join(viz, "render_coupled.py"), results, png], retries=1)
    if check(status == 0, f"render_coupled.py exited {status}:\n{out}{err}"):
        pixels = check_png(png, 30_000, 200)
        if pixels is not None:
            sys.path.insert(0, viz)
            import render_coupled
            check(count_near(pixels, render_coupled.FLOOD_COLOUR) >= 30,
                  f"{png}: no flooded-node marker (colour {render_coupled.FLOOD_COLOUR})")
            check(count_near(pixels, render_coupled.PUMP_COLOUR, 12) >= 30,
                  f"{png}: no pump or pump-station marker (colour {render_coupled.PUMP_COLOUR})")
            check(count_near(pixels, render_coupled.FILL_COLOURS[-1][1], 12) >= 30,
                  f"{png}: no link drawn as having run full")

    # --inp: outfalls and storage nodes by the .inp's sections, labelled with their ids.
    png = os.path.join(work, "coupled_inp.png")
    status, out, err = run([os.path.join(viz, "render_coupled.py"), results, png, "--inp",
                            os.path.join(results, "network.inp")], retries=1)
    check(status == 0 and "outfalls: OF;" in out and "pump stations: WW;" in out,
          f"render_coupled.py --inp: status {status}, output {out!r}{err!r}")

    # render_max_depth.py keeps working after its helpers were shared.
    png = os.path.join(work, "max_depth.png")
    status, out, err = run([os.path.join(viz, "render_max_depth.py"),
                            os.path.join(results, "surface.pvd"), png], retries=1)
    if check(status == 0, f"render_max_depth.py exited {status}:\n{out}{err}"):
        check_png(png, 30_000, 200)

    # render_coupled.py without a network series: a clear error.
    surface_only = os.path.join(work, "surface-only")
    os.makedirs(surface_only)
    for name in os.listdir(results):
        if name.startswith("surface"):
            shutil.copy(os.path.join(results, name), surface_only)
    status, out, err = run([os.path.join(viz, "render_coupled.py"), surface_only,
                            os.path.join(work, "none.png")])
    check(status != 0 and "network.pvd" in err,
          f"render_coupled.py without network.pvd: status {status}, stderr {err!r}")

    # plot_network.py: both plots.
    csv = os.path.join(results, "network_timeseries.csv")
    plots = os.path.join(work, "plots")
    status, out, err = run([os.path.join(viz, "plot_network.py"), csv, plots])
    if check(status == 0, f"plot_network.py exited {status}:\n{out}{err}"):
        for name in ("hydrographs.png", "pumps.png"):
            check_png(os.path.join(plots, name), 20_000, 50)

    # A CSV without time_s: non-zero status, the file and the column named, no traceback.
    with open(csv) as f:
        lines = f.read().splitlines()
    bad = os.path.join(work, "no_time.csv")
    with open(bad, "w") as f:
        f.write("\n".join([lines[0].replace("time_s,", "t,", 1)] + lines[1:]) + "\n")
    status, out, err = run([os.path.join(viz, "plot_network.py"), bad, plots])
    check(status != 0, f"plot_network.py on a CSV without time_s exited 0")
    check("time_s" in err and bad in err, f"plot_network.py: stderr does not name {bad} and "
                                          f"time_s: {err!r}")
    check("Traceback" not in err, f"plot_network.py crashed on a CSV without time_s: {err}")

    # A CSV with text in a number column: non-zero status, the line named.
    bad = os.path.join(work, "text.csv")
    with open(bad, "w") as f:
        fields = lines[3].split(",")
        fields[1] = "oops"
        f.write("\n".join(lines[:3] + [",".join(fields)] + lines[4:]) + "\n")
    status, out, err = run([os.path.join(viz, "plot_network.py"), bad, plots])
    check(status != 0 and f"{bad}:4" in err and "rain_mm_per_h" in err and "Traceback" not in err,
          f"plot_network.py on a malformed row: status {status}, stderr {err!r}")

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("viz scripts: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
