#!/usr/bin/env bash
# Coupled speed: the urban demo (250 000 cells of 2 m + the 252-conduit demo sewer with its pump
# station) under its 50-year storm, reported as simulated seconds per wall second, with the
# surface-only run of the same case for comparison (the network and the exchange cost the rest).
# Usage: bench/coupled_urban_demo.sh [BUILD_DIR] [SECONDS] [-- extra spongeflow run options]
#   e.g. bench/coupled_urban_demo.sh build 1800 -- --backend cuda
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-1800}
shift $(( $# > 2 ? 2 : $# )); [ "${1:-}" = "--" ] && shift
bin=$build/bin/spongeflow
[ -f cases/demo/data/network.inp ] || "$bin" make-demo cases/demo/data > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The storm peaks at 0.4 h: the window from the start covers the peak when seconds >= 1440.
sed -e '/^\[network\]/,/^$/d' -e 's/^network_vtk.*//' -e 's/^timeseries_interval.*//' \
  cases/urban-demo/case.toml > "$work/surface-only.toml"
sed -i "s|data_dir = \"../demo/data\"|data_dir = \"$(pwd)/cases/demo/data\"|" "$work/surface-only.toml"
common=(--set time.duration=$seconds --set output.vtk=false --set output.netcdf=false --quiet "$@")
"$bin" run cases/urban-demo/case.toml --output "$work/coupled" "${common[@]}"
"$bin" run "$work/surface-only.toml" --output "$work/surface" "${common[@]}"
/usr/bin/python3 - "$work" "$seconds" <<'PY'
import json, sys
work, seconds = sys.argv[1], float(sys.argv[2])
for name in ("coupled", "surface"):
    s = json.load(open(f"{work}/{name}/summary.json"))
    extra = ""
    if "network" in s:
        b = s["coupled_volume_balance_m3"]
        extra = (f", network {s['network']['links']} links, {s['network']['routing_steps']} routing "
                 f"steps, coupled continuity {b['continuity_error_pct']:.4f} %")
    print(f"{name:8s}: {s['backend']} {s['precision']} threads {s['threads']}: {seconds:.0f} s "
          f"simulated in {s['wall_time_s']:.1f} s wall = {seconds / s['wall_time_s']:.2f} "
          f"simulated s per wall s, {s['steps']} steps, "
          f"{s['cell_updates_per_s']:.3g} cell-updates/s{extra}")
PY
