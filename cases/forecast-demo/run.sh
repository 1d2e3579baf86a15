#!/usr/bin/env bash
# Forecast demo (docs/forecast.md): two cycles of the forecast loop on the demo city. Builds when
# needed, makes the demo data and synthetic ensemble nowcasts issued 30 and 40 min into the storm,
# renames them into the loop's inbox one by one (as a radar feed would deliver them), runs
# `spongeflow forecast --watch` for two cycles into build/forecast-demo and renders the latest
# probability map. MEMBERS (default 3) and LEAD (s, default 3600) size the run: each member of
# each cycle is a forecast of LEAD seconds over 250 000 cells (LEAD=7200 MEMBERS=5 for the full
# two-hour ensemble). Extra arguments go to `spongeflow forecast`, e.g. --threads 8.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x build/bin/spongeflow ] || scripts/install-deps.sh
scripts/build.sh  # incremental: brings an older build up to date
members=${MEMBERS:-3}
lead=${LEAD:-3600}
root=build/forecast-demo
[ -f cases/demo/data/dem.tif ] || build/bin/spongeflow make-demo cases/demo/data
rm -rf "$root"
mkdir -p "$root/inbox" "$root/incoming"
# Written beside the inbox, then renamed in: the loop only ever sees complete files.
build/bin/spongeflow make-nowcast cases/demo/data/dem.tif "$root/incoming" --members "$members" \
  --cycles 2 --first-issue 1800 --cycle 600 --lead "$lead" --start 2024-07-20T14:00:00+08:00
for f in "$root"/incoming/*.nc; do mv "$f" "$root/inbox/"; done
build/bin/spongeflow forecast cases/forecast-demo/case.toml --watch "$root/inbox" \
  --output "$root/loop" --cycles 2 --lead "$lead" --poll 1 \
  --land-use cases/demo/data/land_use.tif --road-classes 1 "$@"
/usr/bin/python3 viz/render_probability.py "$root/loop/latest/probability_depth_gt_0.15m.tif" \
  cases/demo/data/dem.tif "$root/probability_0.15m.png" \
  --title "Forecast demo: probability of more than 0.15 m of water"
echo
echo "Latest forecast: $root/loop/latest (alerts.geojson, alerts.csv, probability maps, members/)"
echo "Picture: $root/probability_0.15m.png"
