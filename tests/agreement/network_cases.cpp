// Pipe-network cases for the CPU-against-CUDA agreement (the network engine is f64): a single
// pipe to a free outfall, a generated network of chains under a variable step, a wet well whose
// pump cycles on its start-up and shut-off depths (the controls' state read back each step), and
// every SWMM 5.2 regression case found in the shared folder.
#include <filesystem>
#include <string>

#include "agreement.hpp"
#include "demo/chain_network.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace sf::agreement {
namespace {

const char* const kHeader =
    "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
    "START_TIME 00:00\nEND_DATE 01/01/2020\n";

std::string single_pipe() {
  return std::string(kHeader) +
         "END_TIME 02:00\nROUTING_STEP 20\nREPORT_STEP 00:15\n"
         "[JUNCTIONS]\nJ1 10.0 3 0 0 0\nJ2 9.0 3 0 0 0\n[OUTFALLS]\nO1 8.0 FREE NO\n"
         "[CONDUITS]\nC1 J1 J2 1000 0.013 0 0 0 0\nC2 J2 O1 1000 0.013 0 0 0 0\n"
         "[XSECTIONS]\nC1 CIRCULAR 1.0 0 0 0 1\nC2 CIRCULAR 1.0 0 0 0 1\n"
         "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.4\n";
}

/// A 50 m² wet well filled at 0.05 m³/s, pumped at 0.10 m³/s from 2.0 m down to 1.0 m.
std::string cycling_pump() {
  return std::string(kHeader) +
         "END_TIME 02:00\nROUTING_STEP 1\nVARIABLE_STEP 0\nREPORT_STEP 00:05:00\n"
         "[STORAGE]\nW 0 4 1.0 FUNCTIONAL 0 0 50 0 0\n[OUTFALLS]\nO1 5.0 FREE NO\n"
         "[PUMPS]\nP1 W O1 PC2 OFF 2.0 1.0\n[CURVES]\nPC2 PUMP2 5.0 0.10\n"
         "[INFLOWS]\nW FLOW \"\" FLOW 1.0 1.0 0.05\n";
}

/// Runs the model on one backend, sampling all depths and flows every `samples`-th of the run.
struct Trace {
  std::vector<double> depth, flow, ledger;
  int steps = 0;
};

Trace run(const inp::Model& m, const std::string& backend) {
  network::NetworkEngine e(m, backend);
  e.start();
  Trace t;
  constexpr int kSamples = 24;
  const double end = e.network().duration;
  std::vector<double> d, q;
  for (int s = 1; s <= kSamples; ++s) {
    e.step_until(end * s / kSamples);
    e.interpolated_state(e.time(), d, q);
    t.depth.insert(t.depth.end(), d.begin(), d.end());
    t.flow.insert(t.flow.end(), q.begin(), q.end());
  }
  e.finish();
  const network::MassBalance& b = e.mass_balance();
  t.ledger = {b.external_inflow, b.external_outflow, b.flooding, b.final_storage};
  t.steps = e.statistics().steps;
  return t;
}

Comparison compare_model(const std::string& name, const inp::Model& m) {
  const Trace cpu = run(m, "cpu"), gpu = run(m, "cuda");
  Difference depth, flow, ledger;
  depth.add(cpu.depth, gpu.depth);
  flow.add(cpu.flow, gpu.flow);
  ledger.add(cpu.ledger, gpu.ledger);
  Comparison c = compare(name, Precision::kF64, {depth, flow, ledger});
  if (cpu.steps != gpu.steps)
    c.note = "step counts differ: cpu " + std::to_string(cpu.steps) + ", cuda " +
             std::to_string(gpu.steps);
  return c;
}

}  // namespace

std::vector<Comparison> network_agreement(const std::string& swmm_case_dir) {
  std::vector<Comparison> out;
  out.push_back(compare_model("network/single_pipe", inp::read_inp_text(single_pipe(), "pipe")));
  out.push_back(compare_model("network/chains_10x20",
                              inp::read_inp_text(demo::chain_network_inp(10, 20, 1), "g")));
  out.push_back(compare_model("network/cycling_pump", inp::read_inp_text(cycling_pump(), "w")));
  namespace fs = std::filesystem;
  if (swmm_case_dir.empty() || !fs::is_directory(swmm_case_dir)) return out;
  std::vector<fs::path> cases;
  for (const auto& f : fs::directory_iterator(swmm_case_dir))
    if (f.path().extension() == ".inp") cases.push_back(f.path());
  std::sort(cases.begin(), cases.end());
  for (const fs::path& f : cases) {
    try {
      out.push_back(
          compare_model("network/swmm/" + f.stem().string(), inp::read_inp_file(f.string())));
    } catch (const std::exception& e) {
      Comparison c;
      c.name = "network/swmm/" + f.stem().string();
      c.tolerance = tolerance_for(Precision::kF64);
      c.note = e.what();
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace sf::agreement
