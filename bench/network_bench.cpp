// spongeflow-bench-network: wall time and steps/s of the pipe-network engine on the largest
// shared SWMM case and on a generated network of >= 10,000 conduits.
// Usage: spongeflow-bench-network [backend=cpu|cuda] [chains=100] [links_per_chain=100] [hours=1]
//                                 [write_inp=FILE]
// With write_inp the generated network is also written as a SWMM .inp (for bench/swmm_compare.py).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "demo/chain_network.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

void run(const std::string& label, const sf::inp::Model& m, const std::string& backend) {
  const auto t0 = std::chrono::steady_clock::now();
  sf::network::NetworkEngine eng(m, backend);
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto st = eng.statistics();
  std::printf(
      "%-28s %6d nodes %6d links  %7d steps  %8.2f s  %9.1f steps/s  %.2f trials/step  "
      "continuity %.3f %%  [%s]\n",
      label.c_str(), eng.network().node_count(), eng.network().link_count(), st.steps, wall,
      st.steps / wall, st.steps ? st.total_trials / st.steps : 0.0,
      eng.mass_balance().continuity_error_pct(), eng.backend_name().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string backend = argc > 1 ? argv[1] : "cpu";
  const int chains = argc > 2 ? std::atoi(argv[2]) : 100;
  const int per_chain = argc > 3 ? std::atoi(argv[3]) : 100;
  const int hours = argc > 4 ? std::atoi(argv[4]) : 1;
  try {
    const std::filesystem::path big = std::filesystem::path(SPONGEFLOW_SHARED_DIR_BENCH) /
                                      "swmm/cases/network_user4_hydraulic.inp";
    if (std::filesystem::exists(big))
      run("network_user4_hydraulic", sf::inp::read_inp_file(big.string()), backend);
    else
      std::printf("shared case %s not found; skipped\n", big.string().c_str());
    const std::string gen_text = sf::demo::chain_network_inp(chains, per_chain, hours);
    if (argc > 5) {
      std::ofstream out(argv[5]);
      out << gen_text;
      if (!out) throw std::runtime_error(std::string("cannot write ") + argv[5]);
    }
    const sf::inp::Model gen = sf::inp::read_inp_text(gen_text, "generated.inp");
    run("generated " + std::to_string(chains * per_chain) + " links", gen, backend);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
