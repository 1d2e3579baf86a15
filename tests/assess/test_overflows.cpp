// Overflow events: the recorder on a hand-made flow series (volumes, event split by the
// inter-event time, time above the floor), and `spongeflow overflows` on one conduit fed two
// one-hour inflow pulses two hours apart.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "../app/cli_runner.hpp"
#include "assess/overflow_events.hpp"

namespace {

using sf::assess::OverflowRecorder;
namespace fs = std::filesystem;

// 0.5 m³/s for an hour, a 1 s ramp down, dry until 7199 s, a 1 s ramp up, 0.5 m³/s to 9000 s, a
// 1 s ramp down: volume 1800 + 900 + three ramps of 0.25 = 2700.75 m³.
void feed(OverflowRecorder& r) {
  const double t[] = {0, 3600, 3601, 7199, 7200, 9000, 9001, 10000};
  const double q[] = {0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0};
  for (int k = 0; k + 1 < 8; ++k) r.add(t[k], t[k + 1], q[k], q[k + 1]);
}

TEST(Overflows, EventsAreSplitByTheInterEventTime) {
  OverflowRecorder r(0.001, 1800.0);
  feed(r);
  EXPECT_NEAR(r.volume_m3(), 2700.75, 1e-9);
  ASSERT_EQ(r.events().size(), 2u);
  EXPECT_NEAR(r.events()[0].start_s, 0.0, 1e-9);
  EXPECT_NEAR(r.events()[0].end_s, 3600.998, 1e-9);  // the ramp crosses 0.001 m³/s
  EXPECT_NEAR(r.events()[1].start_s, 7199.002, 1e-9);
  EXPECT_NEAR(r.events()[0].volume_m3, 1800.25, 1e-9);
  EXPECT_NEAR(r.events()[1].volume_m3, 900.5, 1e-9);
  EXPECT_NEAR(r.overflow_s(), 3600.998 + (9000.998 - 7199.002), 1e-9);
  EXPECT_DOUBLE_EQ(r.peak_m3s(), 0.5);
  // A dry spell shorter than the inter-event time does not end the event.
  OverflowRecorder one(0.001, 7200.0);
  feed(one);
  ASSERT_EQ(one.events().size(), 1u);
  EXPECT_NEAR(one.events()[0].end_s - one.events()[0].start_s, 9000.998, 1e-9);
  EXPECT_NEAR(one.events()[0].volume_m3, 2700.75, 1e-9);
  EXPECT_THROW(OverflowRecorder(-1.0, 0.0), std::invalid_argument);
}

TEST(Overflows, EventLoadsSumTheStepLoadsOfTheirSteps) {
  OverflowRecorder r(0.001, 1800.0);
  const double t[] = {0, 3600, 3601, 7199, 7200, 9000, 9001, 10000};
  const double q[] = {0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0};
  // 2 kg of COD and 1e9 counts per wet step; nothing while dry
  for (int k = 0; k + 1 < 8; ++k) {
    const bool wet = q[k] > 0.0 || q[k + 1] > 0.0;
    r.add(t[k], t[k + 1], q[k], q[k + 1], {wet ? 2.0 : 0.0, wet ? 1e9 : 0.0});
  }
  ASSERT_EQ(r.events().size(), 2u);
  EXPECT_EQ(r.events()[0].loads, (std::vector<double>{4.0, 2e9}));
  EXPECT_EQ(r.events()[1].loads, (std::vector<double>{6.0, 3e9}));
  EXPECT_EQ(r.loads(), (std::vector<double>{10.0, 5e9}));
}

// J1 -> O1, 100 m of 0.6 m pipe at 1 %, inflow 0.1 m³/s from 0 to 1 h and 3 to 4 h.
std::string pulses_inp() {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2024\n"
         "START_TIME 00:00:00\nEND_DATE 01/01/2024\nEND_TIME 06:00:00\nROUTING_STEP 5\n\n"
         "[JUNCTIONS]\nJ1 10 3 0 0 0\n\n[OUTFALLS]\nO1 9 FREE NO\n\n"
         "[CONDUITS]\nC1 J1 O1 100 0.013 0 0 0 0\n\n[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\n\n"
         "[INFLOWS]\nJ1 FLOW PULSES FLOW 1.0 1.0\n\n"
         "[TIMESERIES]\nPULSES 0:00 0.1\nPULSES 1:00 0.1\nPULSES 1:01 0\nPULSES 3:00 0\n"
         "PULSES 3:01 0.1\nPULSES 4:00 0.1\nPULSES 4:01 0\n";
}

TEST(Overflows, CommandCountsTwoPulsesAtAnOutfall) {
  const fs::path dir = sf::test::scratch("overflows_pulses");
  sf::test::write_file(dir / "pulses.inp", pulses_inp());
  auto r = sf::test::run_spongeflow("overflows " + (dir / "pulses.inp").string() +
                                    " --inter-event-hours 1 --output " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  nlohmann::json j;
  std::ifstream(dir / "out" / "overflows.json") >> j;
  const auto& o1 = j["outfalls"]["O1"];
  EXPECT_EQ(o1["events"], 2);
  // Two hours of 0.1 m³/s plus the two one-minute ramps: 2 x (360 + 3) m³.
  EXPECT_NEAR(o1["volume_m3"].get<double>(), 726.0, 0.01 * 726.0);
  // The pipe drains for a few minutes after each pulse (measured 2.13 h in all), never less.
  EXPECT_GE(o1["overflow_h"].get<double>(), 2.0);
  EXPECT_LE(o1["overflow_h"].get<double>(), 2.2);
  EXPECT_NEAR(o1["peak_m3s"].get<double>(), 0.1, 0.005);  // measured 0.1029: the wave's front
  // The recorder integrates the flow the engine's ledger books at the outfall.
  EXPECT_NEAR(o1["volume_m3"].get<double>(), o1["engine_volume_m3"].get<double>(),
              1e-3 * o1["engine_volume_m3"].get<double>());
  EXPECT_LT(std::fabs(j["flow_routing_continuity_error_pct"].get<double>()), 1.0);
  // With a 3-hour inter-event time the two pulses are one event.
  r = sf::test::run_spongeflow("overflows " + (dir / "pulses.inp").string() +
                               " --inter-event-hours 3 --output " + (dir / "out3").string());
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream(dir / "out3" / "overflows.json") >> j;
  EXPECT_EQ(j["outfalls"]["O1"]["events"], 1);
  // An outfall that is not one is refused by name.
  r = sf::test::run_spongeflow("overflows " + (dir / "pulses.inp").string() +
                               " --outfalls O1,J1 --output " + (dir / "out4").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("J1: is not an outfall"), std::string::npos) << r.output;
}

TEST(Overflows, CommandReportsThePollutantLoadOfEachEvent) {
  const fs::path dir = sf::test::scratch("overflows_loads");
  // the pulses carry 200 mg/L of COD: every event's load is 0.2 kg per m³ of its volume
  sf::test::write_file(dir / "pulses.inp", pulses_inp() +
                                               "\n[POLLUTANTS]\nCOD MG/L 0 0 0 0\n"
                                               "[INFLOWS]\nJ1 COD \"\" CONCEN 1.0 1.0 200\n");
  auto r = sf::test::run_spongeflow("overflows " + (dir / "pulses.inp").string() +
                                    " --inter-event-hours 1 --output " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("COD through these outfalls"), std::string::npos) << r.output;
  nlohmann::json j;
  std::ifstream(dir / "out" / "overflows.json") >> j;
  const double volume = j["outfalls"]["O1"]["volume_m3"].get<double>();
  EXPECT_NEAR(j["outfalls"]["O1"]["loads_kg"]["COD"].get<double>(), 0.2 * volume, 0.002 * volume);
  EXPECT_NEAR(j["total"]["loads_kg"]["COD"].get<double>(), 0.2 * volume, 0.002 * volume);
  EXPECT_LT(std::fabs(j["quality_continuity_error_pct"]["COD"].get<double>()), 1.0);
  std::ifstream events(dir / "out" / "overflow_events.csv");
  std::string header, line;
  std::getline(events, header);
  EXPECT_NE(header.find(",load_COD_kg"), std::string::npos) << header;
  int rows = 0;
  while (std::getline(events, line)) {
    const double load = std::stod(line.substr(line.rfind(',') + 1));
    EXPECT_NEAR(load, 0.2 * 363.0, 0.02 * 0.2 * 363.0) << line;  // each pulse about 363 m³
    ++rows;
  }
  EXPECT_EQ(rows, 2);
}

}  // namespace
