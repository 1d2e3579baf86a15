// NetworkEngine::save_state / load_state without files: an engine continued from another's state
// at mid-run takes the same steps bit for bit to the end (depths, flows, statistics, ledger,
// control actions), on a network with a Courant-limited step, a PID-controlled orifice, an
// orifice set once before the checkpoint (its coefficients follow), a pump on its start/stop depths
// and a subcatchment under changing rain; a record saved again right after loading is the record
// loaded; the state of another network is refused naming the entry.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"

namespace {

using namespace sf;

std::string network_inp(const std::string& extra_junction = "") {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nINFILTRATION HORTON\n"
         "START_DATE 01/01/2020\nSTART_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 01:00\n"
         "ROUTING_STEP 5\nVARIABLE_STEP 0.75\nMINIMUM_STEP 0.5\nWET_STEP 00:01:00\n"
         "[RAINGAGES]\nG1 INTENSITY 0:05 1.0 TIMESERIES R\n"
         "[TIMESERIES]\nR 0:00 20\nR 0:05 90\nR 0:10 40\nR 0:15 5\n"
         "[SUBCATCHMENTS]\nS1 G1 J1 2 60 150 2 0\n"
         "[SUBAREAS]\nS1 0.015 0.15 1 3 25 OUTLET\n[INFILTRATION]\nS1 40 5 3 5 0\n"
         "[JUNCTIONS]\nJ1 2.0 3.0 0 0 0\n" +
         extra_junction +
         "[STORAGE]\nW 0 4 0 FUNCTIONAL 0 0 20 0 0\n"
         "[OUTFALLS]\nO1 5 FREE NO\nO2 -1 FREE NO\nO3 -1 FREE NO\n"
         "[CONDUITS]\nC1 J1 W 100 0.013 0 0\n"
         "[XSECTIONS]\nC1 CIRCULAR 0.5 0 0 0\nOR1 CIRCULAR 0.3 0 0 0\nOR2 CIRCULAR 0.2 0 0 0\n"
         "[ORIFICES]\nOR1 W O2 SIDE 0 0.65 NO 0\nOR2 W O3 SIDE 0.1 0.65 NO 0\n"
         "[PUMPS]\nP1 W O1 PC OFF 0.6 0.2\n"
         "[CURVES]\nPC PUMP2 10 0.04\n"
         "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.03\n"
         "[CONTROLS]\n"
         "RULE R1\nIF NODE W DEPTH > 0.4\nTHEN ORIFICE OR1 SETTING = PID 0.5 0.2 0.05\n"
         "ELSE ORIFICE OR1 SETTING = 0.1\n"
         "RULE R2\nIF SIMULATION TIME > 0.2\nTHEN ORIFICE OR2 SETTING = 0.3\n";
}

void expect_same_bits(const std::vector<double>& a, const std::vector<double>& b,
                      const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  if (a.empty()) return;  // memcmp takes no null pointer, even for no bytes
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0) << what;
}

TEST(NetworkState, AnEngineContinuedFromAnothersStateTakesTheSameSteps) {
  const inp::Model m = inp::read_inp_text(network_inp(), "state.inp");
  network::NetworkEngine a(m), b(m);
  a.start();
  while (a.time() < 1500.0) ASSERT_TRUE(a.step());
  ASSERT_FALSE(a.actions().empty()) << "the rule never acted before the checkpoint";
  StateRecord record;
  a.save_state(record);
  b.start();
  b.load_state(record);

  // Saved again at once, the state is the one loaded, entry for entry and bit for bit.
  StateRecord again;
  b.save_state(again);
  ASSERT_EQ(record.arrays().size(), again.arrays().size());
  for (const auto& [name, x] : record.arrays()) {
    ASSERT_TRUE(again.has(name)) << name;
    expect_same_bits(x.f64, again.arrays().at(name).f64, name.c_str());
  }
  EXPECT_TRUE(record.has("runoff_clock"));
  EXPECT_TRUE(record.has("network_rule_pid"));

  bool more = true;
  int steps = 0;
  std::vector<double> da, db, qa, qb;
  while (more) {
    more = a.step();
    ASSERT_EQ(more, b.step());
    ++steps;
    ASSERT_EQ(a.time(), b.time()) << "step " << steps;
    a.interpolated_state(a.time(), da, qa);
    b.interpolated_state(b.time(), db, qb);
    expect_same_bits(da, db, "node depths");
    expect_same_bits(qa, qb, "link flows");
  }
  a.finish();
  b.finish();
  EXPECT_GT(steps, 100);
  const network::NetworkStatistics sa = a.statistics(), sb = b.statistics();
  expect_same_bits(sa.node_max_depth, sb.node_max_depth, "max depths");
  expect_same_bits(sa.pump_volume, sb.pump_volume, "pump volumes");
  expect_same_bits(sa.link_max_flow, sb.link_max_flow, "max flows");
  EXPECT_EQ(sa.pump_startups, sb.pump_startups);
  EXPECT_EQ(sa.steps, sb.steps);
  EXPECT_EQ(sa.min_step, sb.min_step);
  EXPECT_GT(sa.pump_volume[std::size_t(a.link_index("P1"))], 0.0) << "the pump never ran";
  const network::MassBalance& ma = a.mass_balance();
  const network::MassBalance& mb = b.mass_balance();
  EXPECT_EQ(ma.external_inflow, mb.external_inflow);
  EXPECT_EQ(ma.external_outflow, mb.external_outflow);
  EXPECT_EQ(ma.final_storage, mb.final_storage);
  ASSERT_EQ(a.actions().size(), b.actions().size());
  for (std::size_t k = 0; k < a.actions().size(); ++k) {
    EXPECT_EQ(a.actions()[k].setting, b.actions()[k].setting) << k;
    EXPECT_EQ(a.actions()[k].rule, b.actions()[k].rule) << k;
  }
  const runoff::RunoffTotals ra = a.forcing().runoff()->totals(),
                             rb = b.forcing().runoff()->totals();
  EXPECT_EQ(ra.runoff, rb.runoff);
  EXPECT_EQ(ra.infiltration, rb.infiltration);
  EXPECT_GT(ra.runoff, 0.0);
}

TEST(NetworkState, TheStateOfAnotherNetworkIsRefusedNamingTheEntry) {
  const inp::Model m = inp::read_inp_text(network_inp(), "state.inp");
  const inp::Model bigger = inp::read_inp_text(network_inp("J2 1.5 3.0 0 0 0\n"), "bigger.inp");
  network::NetworkEngine a(m), b(bigger);
  a.start();
  for (int k = 0; k < 10; ++k) a.step();
  StateRecord record;
  a.save_state(record);
  b.start();
  try {
    b.load_state(record);
    FAIL() << "the state of a network of 5 nodes was loaded into one of 6";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'network_node_depth' has 5 values; expected 6"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
