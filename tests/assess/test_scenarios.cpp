// `spongeflow scenarios`: the overflow totals and the runoff capture ratio against hand values,
// and the command on a tiny two-variant model whose overflow is hand-checkable: 30 mm of rain
// (2 h at 10 mm/h, then 1 h at 10 mm/h twelve hours later) on 1 ha draining to one outfall,
// all of it impervious without depression storage (300 m³ overflow, capture 0) or half of it
// pervious and infiltrating everything (150 m³, capture 0.5); two events 6 h apart or more.
// Bad SCENARIOS.toml keys are refused with the key named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "../app/cli_runner.hpp"
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

}  // namespace
