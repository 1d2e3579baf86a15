#!/usr/bin/env bash
# Forecast loop on real radar rain (docs/forecast.md, "Real radar: the BoM sequence"): makes a
# 200 m x 200 m demo catchment under the Mt Stapylton radar, cuts the BoM sequence of
# ../shared/rain into two nowcasts (issued 04:00 and 04:10 UTC, 30 min lead, MEMBERS members,
# default 3) and runs two cycles of `spongeflow forecast --watch` into build/forecast-brisbane.
# Without ../shared/rain it says so and exits 0. SPONGEFLOW=path uses that binary instead of
# building; extra arguments go to `spongeflow forecast`, e.g. --threads 4.
set -euo pipefail
cd "$(dirname "$0")/../.."
radar=${RADAR:-../shared/rain/bom_radar_sequence.nc}
if [ ! -f "$radar" ]; then
  echo "forecast-brisbane: $radar is absent (the BoM radar data live in ../shared/rain, not in"
  echo "  this repository); nothing to run."
  exit 0
fi
if [ -z "${SPONGEFLOW:-}" ]; then
  [ -x build/bin/spongeflow ] || scripts/install-deps.sh
  scripts/build.sh  # incremental: brings an older build up to date
  SPONGEFLOW=build/bin/spongeflow
fi
members=${MEMBERS:-3}
lead=1800
case_dir=cases/forecast-brisbane
root=build/forecast-brisbane
[ -f "$case_dir/data/dem.tif" ] ||
  "$SPONGEFLOW" make-demo "$case_dir/data" --size 100 --crs EPSG:32756 --origin 522300 6924400
rm -rf "$root"
mkdir -p "$root/inbox" "$root/incoming"
# Issued 3600 and 4200 s after 03:00 UTC, as the storm cell reaches the catchment; written
# beside the inbox, then renamed in: the loop only ever sees complete files.
"$SPONGEFLOW" make-nowcast --radar "$radar" "$case_dir/data/dem.tif" "$root/incoming" \
  --members "$members" --cycles 2 --first-issue 3600 --cycle 600 --lead "$lead"
for f in "$root"/incoming/*.nc; do mv "$f" "$root/inbox/"; done
"$SPONGEFLOW" forecast "$case_dir/case.toml" --watch "$root/inbox" --output "$root/loop" \
  --cycles 2 --lead "$lead" --poll 1 "$@"
echo
echo "Latest forecast: $root/loop/latest (alerts, probability maps, members/, summary.json)"
