#!/usr/bin/env bash
# GPU check: builds the engine-only configuration on a machine with CUDA, CMake and ninja, runs
# the CUDA tests (ctest -L gpu), the CPU-against-CUDA agreement check and the benchmarks, and
# writes gpu-check.json (figures) and gpu-check.log under $OUT (default build-gpu-check/results).
# Sized to finish within 8 minutes on one H100/H200, build included (docs/performance.md).
#
#   scripts/gpu-check.sh            # GoogleTest from $SPONGEFLOW_GTEST_SOURCE_DIR or .deps/googletest
#   SPONGEFLOW_CUDA_ARCH=90 SPONGEFLOW_JOBS=8 scripts/gpu-check.sh   # instead of native, nproc
#
# Exit status: 0 the checks ran and passed, or there is no GPU here (one line says so, nothing
# is built); 1 a test, an agreement case or a benchmark failed; 2 the build could not be made
# (no CUDA toolkit, configure or compile error).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/build-gpu-check/results}
build=${SPONGEFLOW_GPU_BUILD:-$root/build-gpu-check/build}

gpu_name=""
if command -v nvidia-smi >/dev/null 2>&1; then
  gpu_name=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -n 1)
fi
if [ -z "$gpu_name" ]; then
  echo "gpu-check: no NVIDIA GPU on this machine (nvidia-smi lists none); nothing to check"
  exit 0
fi

mkdir -p "$out" "$build"
log=$out/gpu-check.log
: >"$log"
say() { echo "$*" | tee -a "$log"; }
# Runs a command with its output in the log; a time limit where coreutils' timeout exists.
run_logged() {
  local limit=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$limit" "$@" 2>&1 | tee -a "$log"
  else
    "$@" 2>&1 | tee -a "$log"
  fi
  return "${PIPESTATUS[0]}"
}
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/["\\]/\\&/g')"; }

say "gpu-check on $gpu_name, $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
nvcc=${CUDACXX:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
if [ ! -x "$nvcc" ]; then
  say "gpu-check: a GPU but no CUDA compiler (nvcc not on PATH nor in /usr/local/cuda/bin)"
  exit 2
fi

# GoogleTest: an installed one, a source tree named by the caller, or .deps/googletest (a copy of
# Debian's /usr/src/googletest carried with the tree). Without any, only the agreement check.
gtest_dir=${SPONGEFLOW_GTEST_SOURCE_DIR:-}
[ -z "$gtest_dir" ] && [ -f "$root/.deps/googletest/CMakeLists.txt" ] && gtest_dir=$root/.deps/googletest
gtest_args=(-DSPONGEFLOW_REQUIRE_GTEST=OFF)
[ -n "$gtest_dir" ] && gtest_args+=("-DSPONGEFLOW_GTEST_SOURCE_DIR=$gtest_dir")

start=$SECONDS
say "== configure and build (engine only, CUDA for this GPU)"
run_logged 120 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSPONGEFLOW_WITH_IO=OFF -DSPONGEFLOW_CUDA=ON -DCMAKE_CUDA_COMPILER="$nvcc" \
  -DCMAKE_CUDA_ARCHITECTURES="${SPONGEFLOW_CUDA_ARCH:-native}" "${gtest_args[@]}" >/dev/null || exit 2
targets=(spongeflow-bench spongeflow-bench-coupled spongeflow-agreement)
have_gtests=0
if grep -q "test_coupled_gpu" "$build/build.ninja" 2>/dev/null; then
  targets+=(test_surface_property test_surface_analytic test_coupled_gpu)
  have_gtests=1
else
  say "no GoogleTest found: the CUDA GoogleTest suites are not built (agreement and benchmarks run)"
fi
run_logged "${SPONGEFLOW_BUILD_LIMIT_S:-300}" cmake --build "$build" -j "${SPONGEFLOW_JOBS:-$(nproc)}" --target "${targets[@]}" >/dev/null || exit 2
build_s=$((SECONDS - start))
say "built in ${build_s} s"

failures=0
tests_passed=0 tests_failed=0 tests_skipped=0
if [ "$have_gtests" = 1 ]; then
  say "== ctest -L gpu"
  # The agreement check runs on its own below, with its JSON.
  (cd "$build" && run_logged 240 ctest -L gpu -E agreement_cpu_cuda --output-on-failure -j 4 \
    --timeout 200) \
    >"$out/ctest.txt"
  summary=$(grep -E "tests passed, [0-9]+ tests failed out of" "$out/ctest.txt" | tail -n 1)
  total=$(echo "$summary" | sed -E 's/.*out of ([0-9]+).*/\1/')
  tests_failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) tests failed.*/\1/')
  tests_skipped=$(grep -c '\*\*\*Skipped' "$out/ctest.txt" || true)
  if [ -z "$summary" ]; then
    tests_failed=1 total=1
  fi
  tests_passed=$((total - tests_failed - tests_skipped))
  rm -f "$out/ctest.txt"
  [ "$tests_failed" = 0 ] || failures=$((failures + 1))
fi

say "== CPU-against-CUDA agreement"
agreement_json=$build/agreement.json
rm -f "$agreement_json"
run_logged 180 "$build/tests/agreement/spongeflow-agreement" --json "$agreement_json" ||
  failures=$((failures + 1))
[ -f "$agreement_json" ] ||
  echo '{"passed": 0, "failed": 1, "cases": [], "note": "no result, see the log"}' >"$agreement_json"

say "== surface benchmarks"
bench_lines=()
for cells in 10000000 100000000; do
  for precision in f32 f64; do
    for order in 1 2; do
      if [ $((SECONDS - start)) -gt 400 ]; then
        say "skipped $cells cells $precision order $order: the 8-minute budget is nearly spent"
        continue
      fi
      steps=$([ "$cells" = 10000000 ] && echo 100 || echo 20)
      line=$(run_logged 90 "$build/bench/spongeflow-bench" --backend cuda --cells "$cells" \
        --precision "$precision" --order "$order" --steps "$steps" --json | grep '^{') ||
        failures=$((failures + 1))
      [ -n "$line" ] && bench_lines+=("$line")
    done
  done
done

say "== coupled exchange benchmark"
coupled_lines=()
for backend in cuda cpu; do
  if [ $((SECONDS - start)) -gt 440 ]; then
    say "skipped the coupled benchmark on $backend: the 8-minute budget is nearly spent"
    continue
  fi
  line=$(run_logged 90 "$build/bench/spongeflow-bench-coupled" --backend "$backend" \
    --precision f32 --cells 4000000 --nodes 1000 --steps 50 --json | grep '^{') ||
    failures=$((failures + 1))
  [ -n "$line" ] && coupled_lines+=("$line")
done

say "== network placement beside a CUDA surface (couple/network_placement.hpp)"
for nodes in 100 300 1000; do
  for network in cpu cuda; do
    if [ $((SECONDS - start)) -gt 455 ]; then
      say "skipped placement $nodes nodes on $network: the 8-minute budget is nearly spent"
      continue
    fi
    line=$(run_logged 60 "$build/bench/spongeflow-bench-coupled" --backend cuda \
      --network-backend "$network" --precision f32 --cells 1000000 --nodes "$nodes" --steps 100 \
      --json | grep '^{') || failures=$((failures + 1))
    [ -n "$line" ] && coupled_lines+=("$line")
  done
done

join() {
  local IFS=,
  echo "$*"
}
{
  echo "{"
  echo "  \"gpu\": $(json_string "$gpu_name"),"
  echo "  \"commit\": $(json_string "$(git rev-parse HEAD 2>/dev/null || echo unknown)"),"
  echo "  \"build_seconds\": $build_s,"
  echo "  \"total_seconds\": $((SECONDS - start)),"
  echo "  \"ctest_gpu\": {\"built\": $([ $have_gtests = 1 ] && echo true || echo false), \"passed\": $tests_passed, \"failed\": $tests_failed, \"skipped\": $tests_skipped},"
  echo "  \"agreement\": $(cat "$agreement_json"),"
  echo "  \"surface_benchmarks\": [$(join "${bench_lines[@]}")],"
  echo "  \"coupled_benchmarks\": [$(join "${coupled_lines[@]}")],"
  echo "  \"failures\": $failures"
  echo "}"
} >"$out/gpu-check.json"
say "wrote $out/gpu-check.json and $log in $((SECONDS - start)) s; $failures failed step(s)"
[ "$failures" = 0 ]
