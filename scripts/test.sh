#!/usr/bin/env bash
# Quick start, step 2: build everything and run every test (ctest prints the summary).
#   scripts/test.sh             Release build in ./build, every test
#   scripts/test.sh --sanitize  CPU-only build with AddressSanitizer and UndefinedBehaviorSanitizer
#                               in ./build-sanitize, then the io tests and the input-error tests
#                               (docs/development.md#sanitizers)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${SPONGEFLOW_JOBS:-$(nproc)}

if [ "${1:-}" = "--sanitize" ]; then
  scripts/install-deps.sh
  flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPONGEFLOW_CUDA=OFF \
    "-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=$flags" "${launcher[@]}"
  cmake --build build-sanitize -j "$jobs"
  # Leaks inside GDAL, HDF5/netCDF and VTK (caches they free at exit, or never) are theirs.
  export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  cd build-sanitize
  # The io label (readers, writers, CLI, restart) and every error-message suite elsewhere.
  ctest --output-on-failure -j "$jobs" --timeout 1800 -L io
  ctest --output-on-failure -j "$jobs" --timeout 1800 -LE io -R 'Error|Malformed|Refused'
  exit 0
fi

scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "$jobs" --timeout 900
