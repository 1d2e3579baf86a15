#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, make the demo data and run the demo case.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/bin/spongeflow make-demo cases/demo/data
build/bin/spongeflow run cases/demo/case.toml --output build/demo-results
echo
echo "ParaView files: $(pwd)/build/demo-results/surface.pvd"
echo "  paraview build/demo-results/surface.pvd   (colour by 'depth' or 'max_depth', press Play)"
