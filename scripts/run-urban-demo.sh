#!/usr/bin/env bash
# The coupled urban demo (cases/urban-demo): the demo city, its generated storm sewer and pump
# station, a 50-year 1-hour Chicago storm. Builds when needed, makes the demo data, runs the case
# into build/urban-demo-results and renders the pictures (map with pipes, hydrographs, pumps).
# Extra arguments go to `spongeflow run`, e.g. --backend cuda or --threads 8.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bin/spongeflow ] || scripts/install-deps.sh
scripts/build.sh  # incremental: brings an older build up to date
out=build/urban-demo-results
[ -f cases/demo/data/network.inp ] || build/bin/spongeflow make-demo cases/demo/data
build/bin/spongeflow run cases/urban-demo/case.toml --output "$out" "$@"
/usr/bin/python3 viz/render_coupled.py "$out" "$out/max_depth_and_pipes.png" \
  --inp cases/demo/data/network.inp --title "Urban demo: 50-year storm, max depth and pipe fill"
/usr/bin/python3 viz/plot_network.py "$out/network_timeseries.csv" "$out"
echo
echo "ParaView: paraview $out/surface.pvd $out/network.pvd   (or pvpython viz/coupled_view.py $out)"
echo "Pictures: $out/max_depth_and_pipes.png, $out/hydrographs.png, $out/pumps.png"
