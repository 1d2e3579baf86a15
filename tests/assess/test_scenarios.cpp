// `spongeflow scenarios`: the overflow totals and the runoff capture ratio against hand values,
// and the command on a tiny two-variant model whose overflow is hand-checkable: 30 mm of rain
// (2 h at 10 mm/h, then 1 h at 10 mm/h twelve hours later) on 1 ha draining to one outfall,
// all of it impervious without depression storage (300 m³ overflow, capture 0) or half of it
// pervious and infiltrating everything (150 m³, capture 0.5); two events 6 h apart or more.
// A storage tank whose storm pump stops just below its start level (tank.pump_shutoff_m) sends
// the stored water to the plant instead of the river, by the hand volume below.
// Bad SCENARIOS.toml keys are refused with the key named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "../app/cli_runner.hpp"
#include "app/run_order.hpp"
#include "assess/scenario_metrics.hpp"

namespace {

namespace fs = std::filesystem;
using sf::assess::OverflowRecorder;

TEST(ScenarioMetrics, CaptureRatioIsTheShareOfRainNotRunOff) {
  EXPECT_DOUBLE_EQ(sf::assess::runoff_capture_ratio(1000.0, 250.0), 0.75);
  EXPECT_DOUBLE_EQ(sf::assess::runoff_capture_ratio(1000.0, 0.0), 1.0);
  EXPECT_THROW(sf::assess::runoff_capture_ratio(0.0, 0.0), std::invalid_argument);
}

TEST(ScenarioMetrics, OverlappingEventsOfTwoOutfallsCountOnce) {
  OverflowRecorder a(0.0, 3600.0), b(0.0, 3600.0);
  a.add(0, 1000, 1, 1);       // 0-1000 s: 1000 m³
  b.add(500, 2000, 2, 2);     // 500-2000 s, overlaps a: 3000 m³
  b.add(2000, 20000, 0, 0);   // dry
  b.add(20000, 21000, 1, 1);  // a second event, 18 000 s later: 1000 m³
  const sf::assess::OverflowTotals t = sf::assess::combine_overflows({&a, &b}, 3600.0);
  EXPECT_DOUBLE_EQ(t.volume_m3, 5000.0);
  EXPECT_EQ(t.events, 2);
  EXPECT_NEAR(t.flowing_h, 3000.0 / 3600.0, 1e-12);  // 0-2000 s and 20 000-21 000 s
  EXPECT_NEAR(t.longest_event_h, 2000.0 / 3600.0, 1e-12);
}

std::string tiny_inp(double pct_impervious) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nFLOW_ROUTING DYNWAVE\n"
         "START_DATE 01/01/2024\nSTART_TIME 00:00:00\nEND_DATE 01/01/2024\nEND_TIME 01:00:00\n"
         "WET_STEP 00:01:00\nDRY_STEP 00:05:00\nROUTING_STEP 5\n\n"
         "[RAINGAGES]\nRG1 INTENSITY 1:00 1.0 TIMESERIES REC\n\n"
         "[SUBCATCHMENTS]\nS1 RG1 J1 1.0 " +
         std::to_string(pct_impervious) +
         " 100 1 0\n\n[SUBAREAS]\nS1 0.015 0.1 0 0 100 OUTLET\n\n"
         "[INFILTRATION]\nS1 1000 1000 4 7 0\n\n"
         "[JUNCTIONS]\nJ1 10 3 0 0 0\n\n[OUTFALLS]\nO_RIVER 9 FREE NO\n\n"
         "[CONDUITS]\nC1 J1 O_RIVER 100 0.013 0 0 0 0\n\n[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\n\n"
         "[TIMESERIES]\nREC 01/01/2024 00:00 10\nREC 01/01/2024 01:00 10\nREC 01/01/2024 02:00 0\n"
         "REC 01/01/2024 14:00 10\nREC 01/01/2024 15:00 0\n";
}

const char* kScenarios = R"([scenarios]
name = "tiny"

[storms]
record = "REC"
record_drain_hours = 6

[overflows]
inter_event_hours = 6

[[variant]]
name = "paved"
inp = "paved.inp"
overflow_outfalls = ["O_RIVER"]

[[variant]]
name = "half-green"
inp = "green.inp"
overflow_outfalls = ["O_RIVER"]
)";

// Runs of 3, 3, 3, 4 and 5 h on two workers end after 11 h in file order, after 10 h when the
// longest start first.
TEST(ScenarioRuns, TheLongestRunsStartFirst) {
  EXPECT_EQ(sf::app::longest_first({3, 3, 3, 4, 5}), (std::vector<std::size_t>{4, 3, 0, 1, 2}));
  EXPECT_EQ(sf::app::longest_first({2, 7, 2}), (std::vector<std::size_t>{1, 0, 2}));
  EXPECT_TRUE(sf::app::longest_first({}).empty());
}

TEST(ScenariosCommand, TwoVariantsOverflowTheirHandVolumes) {
  const fs::path dir = sf::test::scratch("scenarios_tiny");
  sf::test::write_file(dir / "paved.inp", tiny_inp(100));
  sf::test::write_file(dir / "green.inp", tiny_inp(50));
  sf::test::write_file(dir / "scenarios.toml", kScenarios);
  const auto r = sf::test::run_spongeflow("scenarios " + (dir / "scenarios.toml").string() +
                                          " --output " + (dir / "out").string() + " --parallel 2");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(dir / "out" / "scenarios.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  ASSERT_EQ(j["runs"].size(), 2u);
  for (const auto& run : j["runs"]) {
    const bool paved = run["variant"] == "paved";
    const double hand = paved ? 300.0 : 150.0;  // 30 mm on 1 ha, impervious share
    EXPECT_NEAR(run["rain_mm"].get<double>(), 30.0, 1e-6);
    EXPECT_NEAR(run["overflow"]["volume_m3"].get<double>(), hand, 0.015 * hand) << run.dump();
    EXPECT_EQ(run["overflow"]["events"], 2) << run.dump();
    // The record runs to its last point's hour (16 h; the 6 h drain is not counted).
    EXPECT_NEAR(run["overflow"]["events_per_year"].get<double>(), 2.0 * 8760.0 / 16.0, 1e-6);
    EXPECT_NEAR(run["runoff_capture_ratio"].get<double>(), paved ? 0.0 : 0.5, 0.01);
    EXPECT_LT(std::fabs(run["routing_continuity_pct"].get<double>()), 1.0);
    EXPECT_EQ(run["overflow"]["loads_kg"], "not routed");
  }
  for (const char* f : {"report.md", "report.html", "scenarios.csv"})
    EXPECT_TRUE(fs::exists(dir / "out" / f)) << f;
  std::ifstream md(dir / "out" / "report.md");
  const std::string text((std::istreambuf_iterator<char>(md)), {});
  EXPECT_NE(text.find("| paved | REC |"), std::string::npos) << text;
}

TEST(ScenariosCommand, UnknownKeysAreRefusedByName) {
  const fs::path dir = sf::test::scratch("scenarios_bad_keys");
  sf::test::write_file(dir / "paved.inp", tiny_inp(100));
  std::string bad = kScenarios;
  bad.replace(bad.find("record_drain_hours"), 18, "record_drain_hour");
  bad.replace(bad.find("overflow_outfalls = [\"O_RIVER\"]\n\n[[variant]]"), 0,
              "tank_volume = 300\n");
  sf::test::write_file(dir / "scenarios.toml", bad);
  auto r = sf::test::run_spongeflow("scenarios " + (dir / "scenarios.toml").string() +
                                    " --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("record_drain_hour"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("tank_volume"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("unknown key"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "scenarios.json"));
  // An overflow outfall that is not an outfall of the network is named too.
  std::string wrong = kScenarios;
  wrong.replace(wrong.find("[\"O_RIVER\"]"), 11, "[\"J1\"]");
  sf::test::write_file(dir / "green.inp", tiny_inp(50));
  sf::test::write_file(dir / "scenarios.toml", wrong);
  r = sf::test::run_spongeflow("scenarios " + (dir / "scenarios.toml").string() + " --output " +
                               (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("\"J1\" is not an outfall"), std::string::npos) << r.output;
}

// A wet well of 100 m² plus a 300 m³ tank over 1 m (400 m² in all) takes 30 mm/h for 2 h from
// 1 ha of pavement (0.0833 m³/s). The plant pipe takes 0.01 m³/s; the storm pump lifts
// 0.05 m³/s to the river from 1.0 m of depth. After the rain the well falls at 0.06 m³/s, the
// pump's 5/6 of it going to the river: from 1.0 m down to its own shutoff 0.2 m that is
// 5/6 · 400 · 0.8 = 266.7 m³; down to 0.9 m only 33.3 m³. Stopping the pump at 0.9 m keeps
// 5/6 · 400 · 0.7 = 233.3 m³ from the river, which the plant takes instead.
std::string wet_well_inp() {
  return "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nFLOW_ROUTING DYNWAVE\n"
         "START_DATE 01/01/2024\nSTART_TIME 00:00:00\nEND_DATE 01/01/2024\nEND_TIME 01:00:00\n"
         "WET_STEP 00:01:00\nDRY_STEP 00:05:00\nROUTING_STEP 5\n\n"
         "[RAINGAGES]\nRG1 INTENSITY 1:00 1.0 TIMESERIES REC\n\n"
         "[SUBCATCHMENTS]\nS1 RG1 WW 1.0 100 100 1 0\n\n"
         "[SUBAREAS]\nS1 0.015 0.1 0 0 100 OUTLET\n\n[INFILTRATION]\nS1 3 3 4 7 0\n\n"
         "[STORAGE]\nWW 10 3 0 FUNCTIONAL 0 0 100 0 0\n\n"
         "[OUTFALLS]\nO_RIVER 12 FREE NO\nO_PLANT 8 FREE NO\n\n"
         "[CONDUITS]\nC_PLANT WW O_PLANT 10 0.013 0 0 0 0.01\n\n"
         "[XSECTIONS]\nC_PLANT CIRCULAR 0.3 0 0 0 1\n\n"
         "[PUMPS]\nP_STORM WW O_RIVER P_CURVE OFF 1.0 0.2\n\n"
         "[CURVES]\nP_CURVE PUMP2 0 0.05\nP_CURVE 5 0.05\n\n"
         "[TIMESERIES]\nREC 01/01/2024 00:00 30\nREC 01/01/2024 01:00 30\n"
         "REC 01/01/2024 02:00 0\n";
}

TEST(ScenariosCommand, TankPumpShutoffKeepsTheStoredWaterFromTheRiver) {
  const fs::path dir = sf::test::scratch("scenarios_tank_pump");
  sf::test::write_file(dir / "ww.inp", wet_well_inp());
  const std::string head =
      "[scenarios]\nname = \"tank\"\n\n[storms]\nrecord = \"REC\"\nrecord_drain_hours = 14\n\n"
      "[[variant]]\nname = \"tank\"\ninp = \"ww.inp\"\noverflow_outfalls = [\"O_RIVER\"]\n"
      "tank = { node = \"WW\", volume_m3 = 300, depth_m = 1.0 }\n\n"
      "[[variant]]\nname = \"tank+shutoff\"\ninp = \"ww.inp\"\noverflow_outfalls = [\"O_RIVER\"]\n"
      "tank = { node = \"WW\", volume_m3 = 300, depth_m = 1.0, pump_shutoff_m = ";
  sf::test::write_file(dir / "scenarios.toml", head + "0.9 }\n");
  auto r = sf::test::run_spongeflow("scenarios " + (dir / "scenarios.toml").string() +
                                    " --output " + (dir / "out").string() + " --parallel 2");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(dir / "out" / "scenarios.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  ASSERT_EQ(j["runs"].size(), 2u);
  double overflow[2] = {0.0, 0.0};
  for (const auto& run : j["runs"])
    overflow[run["variant"] == "tank" ? 0 : 1] = run["overflow"]["volume_m3"].get<double>();
  EXPECT_NEAR(overflow[0] - overflow[1], 233.3, 0.05 * 233.3) << j.dump();
  EXPECT_GT(overflow[1], 0.0);  // the pump still lifts what the tank cannot hold
  std::ifstream md(dir / "out" / "report.md");
  const std::string report((std::istreambuf_iterator<char>(md)), {});
  EXPECT_NE(report.find("storage tank of 300 m³ at WW, its pumps stopping at 0.90 m"),
            std::string::npos)
      << report;

  // A shutoff at or above the pump's startup depth is refused, naming the key and the pump.
  sf::test::write_file(dir / "scenarios.toml", head + "1.0 }\n");
  r = sf::test::run_spongeflow("scenarios " + (dir / "scenarios.toml").string() + " --output " +
                               (dir / "bad").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("tank.pump_shutoff_m"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"P_STORM\""), std::string::npos) << r.output;
}

}  // namespace
