// Writes the state of a network after every routing step, for volume-balance studies
// (bench/node_balance.py): node depth, volume, overflow and lateral inflow, link flow and volume,
// in SI units and full precision, then the run's flow-routing ledger.
//   spongeflow-step-dump MODEL.inp OUT.txt
// Format, one record per line: "nodes ID...", "links ID...", then per step "t SECONDS" followed
// by one line per array ("node_depth v...", ...), and at the end "ledger external_inflow
// external_outflow flooding initial_storage final_storage continuity_error_pct" (m³, %).
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "common/state_record.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

void write_array(std::FILE* f, const char* name, const std::vector<double>& v) {
  std::fprintf(f, "%s", name);
  for (double x : v) std::fprintf(f, " %.17g", x);
  std::fprintf(f, "\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s MODEL.inp OUT.txt\n", argv[0]);
    return 1;
  }
  try {
    const sf::inp::Model model = sf::inp::read_inp_file(argv[1]);
    sf::network::NetworkEngine eng(model, "cpu");
    eng.start();
    const sf::network::NetworkData& net = eng.network();
    const std::size_t nn = net.node_id.size(), nl = net.link_id.size();
    std::FILE* f = std::fopen(argv[2], "w");
    if (!f) {
      std::fprintf(stderr, "cannot write %s\n", argv[2]);
      return 1;
    }
    std::fprintf(f, "nodes");
    for (const auto& id : net.node_id) std::fprintf(f, " %s", id.c_str());
    std::fprintf(f, "\nlinks");
    for (const auto& id : net.link_id) std::fprintf(f, " %s", id.c_str());
    std::fprintf(f, "\n");
    // the checkpoint record holds every routing buffer under network_<name>
    const auto dump = [&]() {
      sf::StateRecord r;
      eng.save_state(r);
      std::fprintf(f, "t %.17g\n", eng.time());
      for (const char* k : {"node_depth", "node_volume", "node_overflow", "node_lat_flow"})
        write_array(f, k, r.get<double>(std::string("network_") + k, nn));
      for (const char* k : {"link_flow", "link_volume"})
        write_array(f, k, r.get<double>(std::string("network_") + k, nl));
    };
    dump();
    while (eng.step()) dump();
    eng.finish();
    const sf::network::MassBalance& mb = eng.mass_balance();
    std::fprintf(f, "ledger %.17g %.17g %.17g %.17g %.17g %.17g\n", mb.external_inflow,
                 mb.external_outflow, mb.flooding, mb.initial_storage, mb.final_storage,
                 mb.continuity_error_pct());
    std::fclose(f);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
