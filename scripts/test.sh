#!/usr/bin/env bash
# Quick start, step 2: build everything and run every test (ctest prints the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "${SPONGEFLOW_JOBS:-$(nproc)}" --timeout 900
