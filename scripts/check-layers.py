#!/usr/bin/env python3
"""Checks that project includes only go down the layers of docs/development.md.

Each source folder is a component; COMPONENT_DEPS lists what each may include (directly). An
#include "..." is resolved like the compiler does: next to the including file, then in the
include roots. The check fails on an include into a component not listed (an upward or sideways
dependency), on an include that resolves in two roots (an ambiguous prefix), and on a cycle in
COMPONENT_DEPS itself. It also fails on a project header included by its bare name from beside it
(include lines name the header's folder: "io/netcdf/cf_time.hpp", not "cf_time.hpp").
Run from anywhere: scripts/check-layers.py [--graph]."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE_ROOTS = ["kernels", "host", "."]

# Component of a file: the first prefix that matches (longest first).
COMPONENTS = {
    "kernels": "kernels",
    "host/common": "common",
    "host/sponge": "sponge",
    "host/inp": "inp",
    "host/engine": "engine",
    "host/runoff": "runoff",
    "host/network": "network",
    "host/rain": "rain",
    "host/couple": "couple",
    "host/demo": "demo",
    "host/assess": "assess",
    "host/forecast": "forecast",
    "meshes": "meshes",
    "host/io/netcdf": "io",
    "host/io": "io",
    "viz": "viz",
    "host/config": "config",
    "host/app": "app",
}

# Allowed direct dependencies, bottom to top. Transitive includes need not be listed.
COMPONENT_DEPS = {
    "kernels": [],
    "common": [],
    "sponge": ["kernels", "common"],
    "inp": ["kernels", "common"],
    "engine": ["kernels", "common", "sponge"],
    "runoff": ["kernels", "common", "inp"],
    "network": ["kernels", "common", "inp", "runoff"],
    "rain": ["common", "engine"],
    "meshes": ["common"],
    "couple": ["kernels", "common", "engine", "inp", "network"],
    "demo": ["common", "meshes", "couple"],
    "assess": ["common"],
    "forecast": ["common", "engine"],
    "io": ["common", "engine", "rain", "assess"],
    "viz": ["common", "engine", "network"],
    "config": ["kernels", "common", "engine", "sponge", "rain", "meshes", "io"],
    "app": ["common", "engine", "sponge", "inp", "runoff", "network", "couple", "demo", "assess",
            "meshes", "io", "viz", "config", "forecast", "rain"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def component_of(path: Path):
    rel = path.relative_to(ROOT).as_posix()
    for prefix in sorted(COMPONENTS, key=len, reverse=True):
        if rel == prefix or rel.startswith(prefix + "/"):
            return COMPONENTS[prefix]
    return None


def resolve(including: Path, name: str):
    local = including.parent / name
    if local.is_file():
        return [local]
    return [ROOT / r / name for r in INCLUDE_ROOTS if (ROOT / r / name).is_file()]


def find_cycle(deps):
    state = {}

    def visit(c, stack):
        state[c] = 1
        for d in deps[c]:
            if state.get(d) == 1:
                return stack + [c, d]
            if d not in state:
                found = visit(d, stack + [c])
                if found:
                    return found
        state[c] = 2
        return None

    for c in deps:
        if c not in state:
            found = visit(c, [])
            if found:
                return found
    return None


def main():
    problems = []
    cycle = find_cycle(COMPONENT_DEPS)
    if cycle:
        problems.append("the allowed dependencies form a cycle: " + " -> ".join(cycle))
    graph = {}
    sources = [p for ext in ("hpp", "cpp", "cu", "cuh") for p in ROOT.glob(f"**/*.{ext}")]
    for src in sorted(sources):
        rel = src.relative_to(ROOT).as_posix()
        if rel.startswith(("build", ".deps", "tests/", "bench/")):
            continue  # tests and benchmarks sit on top and may include anything
        comp = component_of(src)
        if comp is None:
            problems.append(f"{rel}: not in any component of scripts/check-layers.py")
            continue
        text = src.read_text(encoding="utf-8", errors="replace")
        for m in INCLUDE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            targets = resolve(src, m.group(1))
            if not targets:
                continue  # a system or generated header
            if "/" not in m.group(1):
                problems.append(f"{rel}:{line}: \"{m.group(1)}\" names no folder; include it "
                                f"by its path from kernels/, host/ or the repository root")
            if len(targets) > 1:
                where = ", ".join(t.relative_to(ROOT).as_posix() for t in targets)
                problems.append(f"{rel}:{line}: \"{m.group(1)}\" is ambiguous ({where})")
            dep = component_of(targets[0])
            if dep is None or dep == comp:
                continue
            graph.setdefault(comp, set()).add(dep)
            if dep not in COMPONENT_DEPS[comp]:
                problems.append(f"{rel}:{line}: {comp} includes \"{m.group(1)}\" of {dep}, "
                                f"which {comp} may not depend on")
    if "--graph" in sys.argv:
        for c in COMPONENT_DEPS:
            print(f"{c}: {', '.join(sorted(graph.get(c, [])))}")
    for p in problems:
        print("check-layers: " + p, file=sys.stderr)
    if problems:
        print(f"check-layers: {len(problems)} problem(s); the layers are in docs/development.md",
              file=sys.stderr)
        return 1
    print(f"check-layers: {len(sources)} files, every include goes down the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
