#!/usr/bin/env bash
# Installs the Debian 12 packages spongeflow needs (skips what is already there).
# The CUDA toolkit is optional: when /usr/local/cuda/bin/nvcc exists the CUDA backend is built too.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libgdal-dev gdal-bin                 # DEM and raster input (GeoTIFF, ESRI ASCII)
  libnetcdf-dev netcdf-bin libudunits2-dev  # CF-netCDF rain and results
  libvtk9-dev python3-vtk9             # ParaView output; VTK's Python renders docs pictures
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev
  libthrust-dev libcub-dev             # CPU backend's Thrust when no CUDA toolkit is installed
  xvfb xauth python3-numpy             # off-screen rendering of pictures (viz/render_max_depth.py)
  python3-matplotlib                   # network hydrograph and pump plots (viz/plot_network.py)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Optional: a headless browser for the check that report.html loads and shows its images
# (tests/viz); without it those tests skip that check, so a failed install stops nothing.
optional=(chromium)
for p in "${optional[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
required=()
for p in "${missing[@]}"; do
  [[ " ${optional[*]} " == *" $p "* ]] || required+=("$p")
done
[ ${#required[@]} -eq 0 ] || $SUDO apt-get install -y -q --no-install-recommends "${required[@]}"
for p in "${optional[@]}"; do
  if [[ " ${missing[*]} " == *" $p "* ]]; then
    $SUDO apt-get install -y -q --no-install-recommends "$p" ||
      echo "install-deps: $p not installed; the report tests skip their browser check"
  fi
done
