#!/usr/bin/env bash
# Forecast demo (docs/forecast.md): two cycles of the forecast loop on the demo city. Builds when
# needed, makes the demo data and synthetic ensemble nowcasts issued 30 and 40 min into the storm,
# renames them into the loop's inbox one by one (as a radar feed would deliver them), makes
# synthetic depth sensors from a run of the observed storm (make-sensors), runs
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
# Synthetic depth sensors (docs/forecast.md, "Observations"): the storm as observed up to the
# second issue time, run once (the "truth"), read at four low points 150 m apart with a bias of
# +2 cm and noise of 1 cm; each cycle compares them with its analysis (observations.csv/json).
build/bin/spongeflow make-nowcast cases/demo/data/dem.tif "$root/truth-rain" --members 1 \
  --cycles 1 --first-issue 2400 --cycle 1200 --lead 300 --start 2024-07-20T14:00:00+08:00
build/bin/spongeflow run cases/forecast-demo/case.toml --output "$root/truth" --quiet \
  --set "rain.grid=\"$PWD/$root/truth-rain/nowcast_t002400.nc\"" --set time.duration=2400 \
  --set time.output_interval=60
mkdir -p "$root/sensors"
build/bin/spongeflow make-sensors "$root/truth/results.nc" "$root/sensors/depth_sensors.csv" \
  --count 4 --spacing 150 --bias 0.02 --noise 0.01
for f in "$root"/incoming/*.nc; do mv "$f" "$root/inbox/"; done
build/bin/spongeflow forecast cases/forecast-demo/case.toml --watch "$root/inbox" \
  --output "$root/loop" --cycles 2 --lead "$lead" --poll 1 --observations "$root/sensors" \
  --land-use cases/demo/data/land_use.tif --road-classes 1 "$@"
/usr/bin/python3 viz/render_probability.py "$root/loop/latest/probability_depth_gt_0.15m.tif" \
  cases/demo/data/dem.tif "$root/probability_0.15m.png" \
  --title "Forecast demo: probability of more than 0.15 m of water"
echo
echo "Latest forecast: $root/loop/latest (alerts.geojson, alerts.csv, probability maps, members/,"
echo "  observations.csv/json: the sensors against the analysis run)"
echo "Picture: $root/probability_0.15m.png"
