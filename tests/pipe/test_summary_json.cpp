// The --summary JSON of a network run (host/network/summary_json.cpp): the documented keys in
// their order (docs/network-output.md), elements in model order, pumps and outfalls only where
// they are, and every number read back equal to the engine's statistics (no digits lost).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "inp/reader.hpp"
#include "network/network_engine.hpp"
#include "network/network_output.hpp"

namespace {

using namespace sf;
using nlohmann::ordered_json;

// Inflow at J1, conduit C1 into the wet well W, pump P1 to the outfall O1 (CMS, 30 min).
const char* kModel =
    "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
    "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 00:30\nROUTING_STEP 1\n"
    "REPORT_STEP 00:05:00\n"
    "[JUNCTIONS]\nJ1 2.0 3.0 0 0 0\n"
    "[STORAGE]\nW 0 4 1.5 FUNCTIONAL 0 0 50 0 0\n"
    "[OUTFALLS]\nO1 5.0 FREE NO\n"
    "[CONDUITS]\nC1 J1 W 100 0.013 0 0 0 0\n"
    "[XSECTIONS]\nC1 CIRCULAR 0.5 0 0 0 1\n"
    "[PUMPS]\nP1 W O1 PC2 ON 1.6 1.0\n"
    "[CURVES]\nPC2 PUMP2 1.0 0.05\nPC2 2.0 0.10\nPC2 5.0 0.15\n"
    "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.08\n";

std::vector<std::string> keys(const ordered_json& o) {
  std::vector<std::string> k;
  for (const auto& item : o.items()) k.push_back(item.key());
  return k;
}

TEST(SummaryJson, KeysInOrderAndNumbersReadBackExactly) {
  const inp::Model m = inp::read_inp_text(kModel, "summary.inp");
  network::NetworkEngine eng(m);
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  std::ostringstream out;
  network::write_summary_json(eng, out);
  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1) << "one line";

  const ordered_json s = ordered_json::parse(text);
  const network::NetworkData& net = eng.network();
  const network::NetworkStatistics st = eng.statistics();
  EXPECT_EQ(keys(s), (std::vector<std::string>{"continuity_error_pct", "nodes", "links", "pumps",
                                               "outfalls"}));
  EXPECT_EQ(s["continuity_error_pct"].get<double>(), eng.mass_balance().continuity_error_pct());

  ASSERT_EQ(static_cast<int>(s["nodes"].size()), net.node_count());
  int i = 0;
  for (const auto& item : s["nodes"].items()) {
    EXPECT_EQ(item.key(), net.node_id[i]);
    const ordered_json& n = item.value();
    EXPECT_EQ(keys(n), (std::vector<std::string>{"max_depth_m", "max_hgl_m", "flood_volume_m3",
                                                 "hours_flooded"}));
    EXPECT_EQ(n["max_depth_m"].get<double>(), st.node_max_depth[i]);
    EXPECT_EQ(n["max_hgl_m"].get<double>(), st.node_max_depth[i] + net.node_invert[i]);
    EXPECT_EQ(n["flood_volume_m3"].get<double>(), st.node_flood_volume[i]);
    EXPECT_EQ(n["hours_flooded"].get<double>(), st.node_hours_flooded[i]);
    ++i;
  }

  ASSERT_EQ(static_cast<int>(s["links"].size()), net.link_count());
  int j = 0;
  for (const auto& item : s["links"].items()) {
    EXPECT_EQ(item.key(), net.link_id[j]);
    EXPECT_EQ(keys(item.value()), (std::vector<std::string>{"max_flow_m3s", "max_velocity_ms"}));
    EXPECT_EQ(item.value()["max_flow_m3s"].get<double>(), st.link_max_flow[j]);
    EXPECT_EQ(item.value()["max_velocity_ms"].get<double>(), st.link_max_velocity[j]);
    ++j;
  }

  const int p = eng.link_index("P1");
  ASSERT_EQ(keys(s["pumps"]), std::vector<std::string>{"P1"});
  EXPECT_GT(st.pump_volume[p], 0.0);
  EXPECT_EQ(s["pumps"]["P1"]["volume_m3"].get<double>(), st.pump_volume[p]);
  ASSERT_TRUE(s["pumps"]["P1"]["switches"].is_number_integer());
  EXPECT_EQ(s["pumps"]["P1"]["switches"].get<int>(), st.pump_startups[p]);

  const int o = eng.node_index("O1");
  ASSERT_EQ(keys(s["outfalls"]), std::vector<std::string>{"O1"});
  EXPECT_GT(st.outfall_volume[o], 0.0);
  EXPECT_EQ(s["outfalls"]["O1"]["volume_m3"].get<double>(), st.outfall_volume[o]);
}

}  // namespace
