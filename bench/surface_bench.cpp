// spongeflow-bench: cell-updates/s of the surface solver on a synthetic wet DEM, and the
// effective memory bandwidth (bytes moved per cell update / time per cell update).
//   spongeflow-bench --cells N --backend cpu|cuda --precision f32|f64 --order 1|2 [--steps S]
//                    [--json]   (one JSON object instead of the sentence, for scripts)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "engine/simulation.hpp"
#include "launch/device_buffer.hpp"
#include "launch/exec_omp.hpp"

namespace {

void usage() {
  std::fprintf(stderr,
               "usage: spongeflow-bench [--cells N] [--backend cpu|cuda] [--precision f32|f64]\n"
               "                        [--order 1|2] [--steps S] [--stats] [--stream] [--json]\n");
}

// Bytes each cell update must move at least: read h, qx, qy, z (4 reals), active (1 B) and hmax
// (1 real), write h, qx, qy (3 reals); second order runs two such passes (stage + final).
double bytes_per_cell_update(sf::Precision p, int order) {
  const double r = p == sf::Precision::kF32 ? 4 : 8;
  const double pass = 4 * r + 1 + 3 * r;
  return order == 1 ? pass + r : 2 * pass + r;
}

// STREAM-style triad a = b + s c through the same OpenMP launch layer: the memory bandwidth this
// machine's CPU backend can reach, to put the surface figures in proportion.
struct Triad {
  double* a;
  const double* b;
  const double* c;
  void operator()(std::int64_t k) const { a[k] = b[k] + 3.0 * c[k]; }
};

double cpu_triad_bandwidth_gbs(std::int64_t n, int repeats) {
  using Buf = sf::launch::DeviceBuffer<double, sf::launch::OmpExec>;
  Buf a(n), b(n), c(n);
  Triad t{a.data(), b.data(), c.data()};
  sf::launch::OmpExec::for_each(n, t);  // first touch
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    sf::launch::OmpExec::for_each(n, t);
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return 3.0 * 8.0 * double(n) / best / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  long long cells = 4'000'000;
  std::string backend = "cpu", precision = "f32";
  int order = 1, steps = 50;
  bool stats = false, json = false;
  for (int a = 1; a < argc; ++a) {
    auto next = [&]() -> const char* {
      if (a + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++a];
    };
    if (!std::strcmp(argv[a], "--cells"))
      cells = std::atoll(next());
    else if (!std::strcmp(argv[a], "--backend"))
      backend = next();
    else if (!std::strcmp(argv[a], "--precision"))
      precision = next();
    else if (!std::strcmp(argv[a], "--order"))
      order = std::atoi(next());
    else if (!std::strcmp(argv[a], "--steps"))
      steps = std::atoi(next());
    else if (!std::strcmp(argv[a], "--stats"))
      stats = true;
    else if (!std::strcmp(argv[a], "--json"))
      json = true;
    else if (!std::strcmp(argv[a], "--stream")) {
      std::printf(
          "cpu triad bandwidth: %.1f GB/s (3 x 8 B per element, best of 10, %lld elements)\n",
          cpu_triad_bandwidth_gbs(cells * 4, 10), cells * 4);
      return 0;
    } else {
      usage();
      return 2;
    }
  }
  try {
    const sf::Backend b = sf::parse_backend(backend);
    const sf::Precision p = sf::parse_precision(precision);
    const int n = int(std::sqrt(double(cells)));
    sf::SurfaceSetup s;
    s.grid.nx = s.grid.ny = n;
    s.grid.dx = 1.0;
    s.z.resize(std::size_t(n) * n);
    s.active.assign(s.z.size(), 1);
    s.h0.resize(s.z.size());
    // Wet everywhere: gentle waves over undulating ground, so no cell takes a dry shortcut.
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) {
        const std::size_t k = std::size_t(j) * n + i;
        s.z[k] = 0.2 * std::sin(0.01 * i) * std::cos(0.013 * j);
        s.h0[k] = 1.0 - s.z[k] + 0.1 * std::sin(0.05 * i + 0.03 * j);
      }
    s.roughness_uniform = 0.03;
    s.numerics.order = order;
    s.track_event_stats = stats;  // max speed/hazard, times, durations: extra traffic per wet cell
    s.numerics.max_dt = 1.0;
    s.duration = 1e9;
    sf::Simulation sim(s, b, p);
    sim.advance_to(sim.time() + 1e-3);  // warm-up: first touch, kernel load
    const long long steps0 = sim.steps();
    const auto t0 = std::chrono::steady_clock::now();
    while (sim.steps() - steps0 < steps) sim.advance_to(sim.time() + 1e-3 + 0.2);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double updates = double(sim.steps() - steps0) * double(n) * n;
    const double rate = updates / wall;
    const double bytes = bytes_per_cell_update(p, order);
    // On a GPU the update should be bound by memory bandwidth: the ratio to the device's peak
    // says how close it comes (0 where the peak is unknown, e.g. on the CPU backend).
    const double peak = b == sf::Backend::kCuda ? sf::cuda_device_info().peak_bandwidth_gbs : 0.0;
    const double ratio = peak > 0 ? rate * bytes / 1e9 / peak : 0.0;
    if (json) {
      std::printf(
          "{\"backend\": \"%s\", \"precision\": \"%s\", \"order\": %d, \"event_stats\": %s, "
          "\"cells\": %lld, \"steps\": %lld, \"cell_updates_per_s\": %.4e, "
          "\"bytes_per_cell_update\": %.1f, \"effective_bandwidth_gbs\": %.2f, "
          "\"peak_bandwidth_gbs\": %.1f, \"bandwidth_bound_ratio\": %.4f}\n",
          backend.c_str(), precision.c_str(), order, stats ? "true" : "false", (long long)n * n,
          sim.steps() - steps0, rate, bytes, rate * bytes / 1e9, peak, ratio);
      return 0;
    }
    std::printf(
        "backend %s, %s, order %d%s, %d x %d cells, %lld steps: %.3e cell-updates/s, "
        "%.1f B/cell-update, effective bandwidth %.1f GB/s\n",
        backend.c_str(), precision.c_str(), order, stats ? " + event stats" : "", n, n,
        sim.steps() - steps0, rate, bytes, rate * bytes / 1e9);
    if (peak > 0) std::printf("%.0f %% of the device's peak %.0f GB/s\n", 100 * ratio, peak);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
