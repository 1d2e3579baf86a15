#!/usr/bin/env python3
"""Side-by-side wall time of `spongeflow network` and EPA SWMM 5.2.4 (`runswmm`) on .inp files.

Runs both programs on every .inp of a folder (default ../shared/swmm/cases), PAIRS back-to-back
pairs each (SWMM then spongeflow), single-threaded (OMP_NUM_THREADS=1; the cases set THREADS 1),
and prints per model: the median wall times, the median of the per-pair ratios spongeflow/SWMM
(< 1: spongeflow is faster), both step counts, and at the end the median ratio over all models
and over the models where SWMM runs >= 1 s. With --cpu-time every run is timed by its CPU time
(user + system of the child, from getrusage) instead of wall time, both programs alike.

SWMM is taken from PATH (`runswmm`) or --runswmm, else built from source (Release) into a folder
outside the repository (--swmm-build, default ~/.cache/spongeflow/swmm-5.2.4). The source is
SWMM_SOURCE (a source tree, or a git directory holding the v5.2.4 tag, e.g. a bare mirror), or
else `git clone --depth 1 --branch v5.2.4` of the public repository.

SWMM's report has no step count; it is the routed duration over its "Average Time Step"
(printed to 0.01 s, so within about 0.2 % for steps of a few seconds).

Standard library only. Example:
  bench/swmm_compare.py --spongeflow build-cpu/bin/spongeflow
  SWMM_SOURCE=/path/to/Stormwater-Management-Model.git bench/swmm_compare.py --markdown
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SWMM_URL = "https://github.com/USEPA/Stormwater-Management-Model"
SWMM_TAG = "v5.2.4"
REPO = Path(__file__).resolve().parent.parent


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def swmm_source(dest: Path) -> Path:
    """A SWMM 5.2.4 source tree: SWMM_SOURCE (tree or git dir) or a shallow clone into dest."""
    src = os.environ.get("SWMM_SOURCE")
    if src:
        src_path = Path(src).expanduser().resolve()
        if (src_path / "CMakeLists.txt").is_file() and (src_path / "src").is_dir():
            return src_path
        if (src_path / "HEAD").is_file() or (src_path / ".git").exists():
            tree = dest / "source"
            if not (tree / "CMakeLists.txt").is_file():
                tree.mkdir(parents=True, exist_ok=True)
                log(f"extracting {SWMM_TAG} from {src_path}")
                git_dir = src_path / ".git" if (src_path / ".git").is_dir() else src_path
                archive = subprocess.run(["git", f"--git-dir={git_dir}", "archive", SWMM_TAG],
                                         check=True, stdout=subprocess.PIPE).stdout
                subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            return tree
        sys.exit(f"SWMM_SOURCE={src}: neither a SWMM source tree nor a git directory")
    tree = dest / "source"
    if not (tree / "CMakeLists.txt").is_file():
        log(f"cloning {SWMM_URL} {SWMM_TAG}")
        subprocess.run(["git", "clone", "--depth", "1", "--branch", SWMM_TAG, SWMM_URL, str(tree)],
                       check=True)
    return tree


def build_runswmm(build_root: Path) -> Path:
    """Builds runswmm (Release) under build_root unless it is there already."""
    built = find_runswmm(build_root / "build")
    if built:
        return built
    if REPO in build_root.resolve().parents:
        sys.exit(f"--swmm-build {build_root} is inside the repository; choose a folder outside it")
    build_root.mkdir(parents=True, exist_ok=True)
    src = swmm_source(build_root)
    build = build_root / "build"
    log(f"building EPA SWMM {SWMM_TAG} (Release) in {build}")
    subprocess.run(["cmake", "-S", str(src), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build), "--target", "runswmm", "-j",
                    str(os.cpu_count() or 1)], check=True, stdout=subprocess.DEVNULL)
    built = find_runswmm(build)
    if not built:
        sys.exit(f"runswmm not found under {build} after the build")
    return built


def find_runswmm(build: Path):
    if not build.is_dir():
        return None
    found = [p for p in build.rglob("runswmm") if p.is_file() and os.access(p, os.X_OK)]
    return found[0] if found else None


def timed(cmd, env, cwd, cpu_time=False):
    """(seconds, completed process): wall time, or with cpu_time the child's user + system time
    (its rusage), which other jobs on a shared machine disturb less."""
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if cpu_time:
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime, p
    return time.perf_counter() - t0, p


def seconds(hms: str) -> float:
    h, m, s = (float(v) for v in hms.split(":"))
    return 3600 * h + 60 * m + s


def swmm_steps(rpt: Path):
    """Routing steps from a SWMM report: routed duration / average time step."""
    text = rpt.read_text(errors="replace")
    avg = re.search(r"Average Time Step\s*:\s*([\d.]+)", text)
    dates = re.findall(r"(Starting|Ending) Date \.+ (\S+ \d+:\d+:\d+)", text)
    if not avg or len(dates) < 2:
        return None
    from datetime import datetime
    fmt = "%m/%d/%Y %H:%M:%S"
    start = datetime.strptime(dates[0][1], fmt)
    end = datetime.strptime(dates[1][1], fmt)
    return round((end - start).total_seconds() / float(avg.group(1)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spongeflow", default=None, help="spongeflow executable")
    ap.add_argument("--cases", default=str(REPO.parent / "shared" / "swmm" / "cases"),
                    help="folder of .inp files (default ../shared/swmm/cases)")
    ap.add_argument("--pairs", type=int, default=3, help="back-to-back pairs per model (3)")
    ap.add_argument("--runswmm", default=None, help="runswmm executable (else PATH, else build)")
    ap.add_argument("--swmm-build", default=str(Path.home() / ".cache" / "spongeflow" /
                                                 "swmm-5.2.4"),
                    help="where SWMM is built when not installed (outside the repository)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--cpu-time", action="store_true",
                    help="time each run by its CPU time (user + system, the child's rusage) "
                         "instead of wall time: steadier on a shared machine")
    args = ap.parse_args()

    sf = args.spongeflow
    if not sf:
        for cand in ("build-cpu/bin/spongeflow", "build/bin/spongeflow"):
            if (REPO / cand).is_file():
                sf = str(REPO / cand)
                break
    if not sf or not Path(sf).is_file():
        sys.exit("spongeflow executable not found; give --spongeflow PATH")
    sf = str(Path(sf).resolve())  # the runs start in a temporary folder
    runswmm = args.runswmm or shutil.which("runswmm") or str(build_runswmm(Path(args.swmm_build)))
    runswmm = str(Path(runswmm).resolve())
    cases = sorted(Path(args.cases).resolve().glob("*.inp"))
    if not cases:
        sys.exit(f"no .inp files in {args.cases}")

    env = dict(os.environ, OMP_NUM_THREADS="1")
    rows = []
    with tempfile.TemporaryDirectory(prefix="swmm_compare_") as tmp:
        for inp in cases:
            name = inp.stem
            rpt, out = Path(tmp) / f"{name}.rpt", Path(tmp) / f"{name}.out"
            sf_rpt = Path(tmp) / f"{name}.sf.rpt"
            t_swmm, t_sf, ratios = [], [], []
            steps_swmm = steps_sf = None
            error = ""
            for _ in range(args.pairs):
                ts, ps = timed([runswmm, str(inp), str(rpt), str(out)], env, tmp, args.cpu_time)
                tf, pf = timed([sf, "network", str(inp), "--report", str(sf_rpt)], env, tmp,
                               args.cpu_time)
                if ps.returncode != 0 or pf.returncode != 0:
                    error = (f"swmm rc {ps.returncode}, spongeflow rc {pf.returncode}: " +
                             (pf.stdout.strip().splitlines() or [""])[-1])
                    break
                t_swmm.append(ts)
                t_sf.append(tf)
                ratios.append(tf / ts)
                m = re.search(r"(\d+) steps on", pf.stdout)
                steps_sf = int(m.group(1)) if m else None
                steps_swmm = swmm_steps(rpt)
            rows.append(dict(name=name, error=error, swmm=statistics.median(t_swmm) if t_swmm else None,
                             sf=statistics.median(t_sf) if t_sf else None,
                             ratio=statistics.median(ratios) if ratios else None,
                             steps_swmm=steps_swmm, steps_sf=steps_sf))
            r = rows[-1]
            log(f"{name}: " + (r["error"] or f"swmm {r['swmm']:.3f} s, spongeflow {r['sf']:.3f} s, "
                                              f"ratio {r['ratio']:.2f}"))

    def steps_diff(r):
        if not r["steps_swmm"] or r["steps_sf"] is None:
            return "n/a"
        return f"{100.0 * (r['steps_sf'] - r['steps_swmm']) / r['steps_swmm']:+.1f} %"

    ok = [r for r in rows if not r["error"]]
    print(f"times: {'CPU (user + system)' if args.cpu_time else 'wall'} seconds")
    if args.markdown:
        print("| model | SWMM 5.2.4 [s] | spongeflow [s] | ratio | steps SWMM | steps spongeflow | "
              "steps diff |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            if r["error"]:
                print(f"| {r['name']} | | | failed: {r['error']} | | | |")
                continue
            print(f"| {r['name']} | {r['swmm']:.3f} | {r['sf']:.3f} | {r['ratio']:.2f} | "
                  f"{r['steps_swmm'] or 'n/a'} | {r['steps_sf'] or 'n/a'} | {steps_diff(r)} |")
    else:
        print(f"{'model':34s} {'SWMM s':>8s} {'sf s':>8s} {'ratio':>6s} {'steps SWMM':>11s} "
              f"{'steps sf':>9s} {'diff':>8s}")
        for r in rows:
            if r["error"]:
                print(f"{r['name']:34s} failed: {r['error']}")
                continue
            print(f"{r['name']:34s} {r['swmm']:8.3f} {r['sf']:8.3f} {r['ratio']:6.2f} "
                  f"{str(r['steps_swmm'] or 'n/a'):>11s} {str(r['steps_sf'] or 'n/a'):>9s} "
                  f"{steps_diff(r):>8s}")
    if ok:
        print(f"\nmedian ratio spongeflow/SWMM over {len(ok)} models: "
              f"{statistics.median(r['ratio'] for r in ok):.2f}")
        long = [r for r in ok if r["swmm"] >= 1.0]
        if long:
            print(f"median ratio over the {len(long)} models where SWMM takes >= 1 s: "
                  f"{statistics.median(r['ratio'] for r in long):.2f}")
    return 0 if len(ok) == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
