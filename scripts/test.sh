#!/usr/bin/env bash
# Quick start, step 2: build everything and run every test (ctest prints the summary).
#   scripts/test.sh             Release build in ./build, every test
#   scripts/test.sh --sanitize  CPU-only build with AddressSanitizer and UndefinedBehaviorSanitizer
#                               in ./build-sanitize of the executables of the io label, then those
#                               tests (readers, writers, input errors, CLI, restart) but the
#                               regression ones (docs/development.md#sanitizers)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${SPONGEFLOW_JOBS:-$(nproc)}

if [ "${1:-}" = "--sanitize" ]; then
  scripts/install-deps.sh
  # -fno-sanitize=null: Thrust (CCCL, thrust/detail/reference.h) binds a reference through a null
  # execution-policy pointer by design, on every parallel loop of 4096 cells or more; GCC's UBSan
  # takes no per-file exclusion. A null dereference of ours still stops the run (ASan: SEGV).
  flags="-fsanitize=address,undefined -fno-sanitize=null -fno-sanitize-recover=all"
  flags="$flags -fno-omit-frame-pointer"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPONGEFLOW_CUDA=OFF \
    "-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=$flags" "${launcher[@]}"
  # The executables of the io label (tests/*/CMakeLists.txt) and the program they run.
  cmake --build build-sanitize -j "$jobs" --target spongeflow test_cli test_restart test_inp \
    test_io_demo test_io_raster test_io_vtk test_netcdf_results test_rain sf_pipe_summary_json \
    test_couple_network_vtp test_network_state
  # Leaks inside GDAL, HDF5/netCDF and VTK (caches they free at exit, or never) are theirs.
  export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  cd build-sanitize
  # Every input-error suite has the io label; the regression cases are whole runs (minutes each
  # under the sanitizers) that add no reader or writer of their own.
  ctest --output-on-failure -j "$jobs" --timeout 1800 -L io -LE 'regression|gpu'
  exit 0
fi

scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "$jobs" --timeout 900
