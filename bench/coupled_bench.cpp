// spongeflow-bench-coupled: cost of the 1D-2D coupled step on a synthetic case that needs no
// input files: a wet plane of N cells with M manholes in chains of ten pipes under it, every
// junction exchanging with its cell through a gully inlet. Runs S coupled steps, then S steps of
// the same surface alone; the difference is what the exchange and the network routing cost.
//   spongeflow-bench-coupled [--backend cpu|cuda] [--network-backend cpu|cuda]
//                            [--precision f32|f64] [--cells N] [--nodes M] [--steps S] [--json]
// --network-backend cpu beside --backend cuda runs the network on the CPU with its node arrays
// copied to the device each step (engine/node_mirror.hpp): the measurement behind the size rule
// of couple/network_placement.hpp.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>

#include "couple/coupled_simulation.hpp"
#include "inp/reader.hpp"

namespace {

/// M junctions in chains of ten 50 m pipes on a 0.5 % fall, each chain to a free outfall.
std::string chain_network(int nodes) {
  const int chains = std::max(1, nodes / 10);
  std::ostringstream s;
  s << "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
    << "START_TIME 00:00\nEND_DATE 01/03/2020\nEND_TIME 00:00\nROUTING_STEP 1\n"
    << "VARIABLE_STEP 0.75\nREPORT_STEP 00:15\n[JUNCTIONS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < 10; ++k)
      s << "J" << c << "_" << k << " " << -1.5 - 0.25 * k << " 1.5 0 0 0\n";
  s << "[OUTFALLS]\n";
  for (int c = 0; c < chains; ++c) s << "O" << c << " -4.5 FREE NO\n";
  s << "[CONDUITS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < 10; ++k)
      s << "C" << c << "_" << k << " J" << c << "_" << k << " "
        << (k < 9 ? "J" + std::to_string(c) + "_" + std::to_string(k + 1) : "O" + std::to_string(c))
        << " 50 0.013 0 0 0 0\n";
  s << "[XSECTIONS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < 10; ++k) s << "C" << c << "_" << k << " CIRCULAR 0.6 0 0 0 1\n";
  return s.str();
}

sf::SurfaceSetup wet_plane(int n) {
  sf::SurfaceSetup s;
  s.grid.nx = s.grid.ny = n;
  s.grid.dx = 2.0;
  const std::size_t cells = std::size_t(n) * n;
  s.z.assign(cells, 0.0);
  s.active.assign(cells, 1);
  s.h0.assign(cells, 0.05);
  s.roughness_uniform = 0.02;
  s.numerics.max_dt = 1.0;
  s.duration = 1e9;
  s.track_event_stats = false;
  return s;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string backend = "cpu", network_backend, precision = "f32";
  long long cells = 1'000'000;
  int nodes = 1000, steps = 50;
  bool json = false;
  for (int a = 1; a < argc; ++a) {
    const bool has_value = a + 1 < argc;
    if (!std::strcmp(argv[a], "--backend") && has_value)
      backend = argv[++a];
    else if (!std::strcmp(argv[a], "--network-backend") && has_value)
      network_backend = argv[++a];
    else if (!std::strcmp(argv[a], "--precision") && has_value)
      precision = argv[++a];
    else if (!std::strcmp(argv[a], "--cells") && has_value)
      cells = std::atoll(argv[++a]);
    else if (!std::strcmp(argv[a], "--nodes") && has_value)
      nodes = std::atoi(argv[++a]);
    else if (!std::strcmp(argv[a], "--steps") && has_value)
      steps = std::atoi(argv[++a]);
    else if (!std::strcmp(argv[a], "--json"))
      json = true;
    else {
      std::fprintf(stderr,
                   "usage: spongeflow-bench-coupled [--backend cpu|cuda] [--network-backend "
                   "cpu|cuda] [--precision f32|f64] [--cells N] [--nodes M] [--steps S] "
                   "[--json]\n");
      return 2;
    }
  }
  try {
    const sf::Backend b = sf::parse_backend(backend);
    const sf::Precision p = sf::parse_precision(precision);
    const int n = int(std::sqrt(double(cells)));
    const sf::inp::Model model = sf::inp::read_inp_text(chain_network(nodes), "chains.inp");
    if (network_backend.empty()) network_backend = b == sf::Backend::kCuda ? "cuda" : "cpu";
    sf::network::NetworkEngine net(model, network_backend);
    sf::Simulation surface(wet_plane(n), b, p);
    std::vector<sf::couple::CouplingLink> links;
    const int m = net.network().node_count();
    for (int i = 0; i < m; ++i) {
      if (net.network().node[i].kind == sf::pipe::NodeKind::Outfall) continue;
      sf::couple::CouplingLink l;
      l.node = i;
      l.cell = (std::int64_t(i) * 7919) % (std::int64_t(n) * n);  // spread over the grid
      l.inlet.perimeter = 2.0;
      l.inlet.area = 0.15;
      links.push_back(l);
    }
    const int coupled_nodes = int(links.size());
    sf::couple::CoupledSimulation sim(surface, net, std::move(links));
    sim.step(1e9);  // warm-up: first touch, kernel load
    const int net_steps0 = net.statistics().steps;
    auto t0 = std::chrono::steady_clock::now();
    for (int s = 0; s < steps; ++s) sim.step(1e9);
    const double coupled_wall = seconds_since(t0);
    const double routing_per_step = double(net.statistics().steps - net_steps0) / steps;
    const long long coupled_retakes = surface.retakes();

    sf::Simulation alone(wet_plane(n), b, p);
    alone.advance_step(1e9);
    t0 = std::chrono::steady_clock::now();
    for (int s = 0; s < steps; ++s) alone.advance_step(1e9);
    const double surface_wall = seconds_since(t0);
    const long long alone_retakes = alone.retakes();
    const double overhead_ms = 1e3 * (coupled_wall - surface_wall) / steps;
    if (json) {
      std::printf(
          "{\"backend\": \"%s\", \"network_backend\": \"%s\", \"precision\": \"%s\", "
          "\"cells\": %lld, \"coupled_nodes\": %d, \"steps\": %d, \"coupled_steps_per_s\": %.2f, "
          "\"surface_steps_per_s\": %.2f, \"exchange_and_network_ms_per_step\": %.3f, "
          "\"routing_steps_per_coupled_step\": %.2f, \"retakes\": [%lld, %lld]}\n",
          backend.c_str(), network_backend.c_str(), precision.c_str(), (long long)n * n,
          coupled_nodes, steps, steps / coupled_wall, steps / surface_wall, overhead_ms,
          routing_per_step, coupled_retakes, alone_retakes);
    } else {
      std::printf(
          "backend %s (network %s), %s, %d x %d cells, %d coupled nodes, %d steps: %.1f coupled "
          "steps/s, %.1f surface-only steps/s, exchange + network %.3f ms per step (%.2f routing "
          "steps each; retakes %lld coupled, %lld alone)\n",
          backend.c_str(), network_backend.c_str(), precision.c_str(), n, n, coupled_nodes, steps,
          steps / coupled_wall, steps / surface_wall, overhead_ms, routing_per_step,
          coupled_retakes, alone_retakes);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
