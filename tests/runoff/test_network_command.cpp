// `spongeflow network` on a model with subcatchments: the runoff loads the outlet node, and the
// report, the summary and the console show SWMM's runoff continuity.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../app/cli_runner.hpp"

namespace {

using sf::test::run_spongeflow;

// 2 ha, 50 % impervious, Horton soil; 10 mm in 5-minute volumes: 1, 4, 3, 2 mm.
const char* kModel =
    "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nSTART_DATE 01/01/2020\nSTART_TIME 00:00\n"
    "END_DATE 01/01/2020\nEND_TIME 03:00\nWET_STEP 00:00:30\nROUTING_STEP 0:00:05\n"
    "[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n"
    "[TIMESERIES]\nR 0:00 1\nR 0:05 4\nR 0:10 3\nR 0:15 2\n"
    "[SUBCATCHMENTS]\nS1 G1 J1 2 50 120 2 0\n"
    "[SUBAREAS]\nS1 0.015 0.15 1 3 25 OUTLET\n[INFILTRATION]\nS1 40 5 3 5 0\n"
    "[JUNCTIONS]\nJ1 100 3\n[OUTFALLS]\nO1 99 FREE\n"
    "[CONDUITS]\nC1 J1 O1 200 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0\n";

TEST(RunoffNetworkCommand, ReportsRunoffContinuityAndRoutesTheRunoff) {
  const auto dir = sf::test::scratch("runoff_network_command");
  sf::test::write_file(dir / "m.inp", kModel);
  const auto r =
      run_spongeflow("network " + (dir / "m.inp").string() + " --report " +
                     (dir / "r.rpt").string() + " --summary " + (dir / "s.json").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("runoff continuity error:"), std::string::npos) << r.output;
  std::stringstream report;
  report << std::ifstream(dir / "r.rpt").rdbuf();
  EXPECT_NE(report.str().find("Runoff Quantity Continuity"), std::string::npos);
  EXPECT_NE(report.str().find("hectare-m"), std::string::npos);
  // 10 mm on 2 ha = 0.020 ha-m, 10.000 mm
  EXPECT_NE(report.str().find("Total Precipitation                 0.020       10.000"),
            std::string::npos)
      << report.str();
  const auto s = nlohmann::json::parse(std::ifstream(dir / "s.json"));
  const auto& c = s["runoff_continuity"];
  EXPECT_NEAR(c["total_precipitation_m3"].get<double>(), 200.0, 1e-9);
  const double runoff = c["surface_runoff_m3"].get<double>();
  EXPECT_GT(runoff, 50.0);   // at least a good part of the impervious half
  EXPECT_LT(runoff, 200.0);  // the soil took some
  EXPECT_LT(std::abs(c["continuity_error_pct"].get<double>()), 1.0);
  // the routed runoff leaves through the outfall (within the routing continuity)
  EXPECT_NEAR(s["outfalls"]["O1"]["volume_m3"].get<double>(), runoff, 0.02 * runoff);
}

// LID drains load the node they drain to: the bio-retention cell of data/lid/bc.inp drains to
// the subcatchment's outlet J1, the rain barrels of rb.inp to a node of their own, J2; all of it
// reaches the outfalls (O1 and O2), and the report has SWMM's LID rows. SWMM 5.2.4 volumes from the
// JSON files.
TEST(RunoffNetworkCommand, LidDrainsLoadTheirNodeAndTheContinuityHasLidRows) {
  const auto dir = sf::test::scratch("runoff_network_command_lid");
  const std::string data = std::string(SPONGEFLOW_SOURCE_DIR) + "/tests/runoff/data/lid/";
  for (const std::string name : {"bc", "rb"}) {
    const auto r =
        run_spongeflow("network " + data + name + ".inp --report " + (dir / "r.rpt").string() +
                       " --summary " + (dir / "s.json").string());
    ASSERT_EQ(r.status, 0) << r.output;
    std::stringstream report;
    report << std::ifstream(dir / "r.rpt").rdbuf();
    EXPECT_NE(report.str().find("LID Drainage"), std::string::npos) << report.str();
    const auto ref = nlohmann::json::parse(std::ifstream(data + name + ".json"))["continuity_mm"];
    const auto s = nlohmann::json::parse(std::ifstream(dir / "s.json"));
    const auto& c = s["runoff_continuity"];
    const double area = c["subcatchment_area_m2"].get<double>();
    for (const char* key : {"lid_drainage", "surface_runoff", "initial_storage"}) {
      const double swmm =
          ref.value(key == std::string("initial_storage") ? "initial_lid_storage" : key, 0.0) *
          1e-3 * area;
      EXPECT_NEAR(c[std::string(key) + "_m3"].get<double>(), swmm, 0.005 * swmm + 0.01)
          << name << " " << key;
    }
    const double loads = c["lid_drainage_m3"].get<double>() + c["surface_runoff_m3"].get<double>();
    const double out = s["outfalls"]["O1"]["volume_m3"].get<double>() +
                       s["outfalls"]["O2"]["volume_m3"].get<double>();
    // Everything reaches the outfalls. The free outfalls' depth is SWMM's enumerated critical depth
    // (kernels/pipe/critical_depth_swmm.hpp), below the exact one at these small flows, which
    // drains a little more than came in: SWMM 5.2.4's own flow-routing continuity on bc.inp is
    // -6.2 % (0.104 ML out of 0.098 ML in), ours -3.2 %.
    EXPECT_GE(out, 0.98 * loads) << name;
    EXPECT_LE(out, 1.065 * loads) << name;
  }
}

// The reader's warnings reach the console: a [LANDUSES] section, which changes nothing here (no
// buildup or washoff is simulated), is accepted and named, as SWMM accepts what it ignores.
TEST(RunoffNetworkCommand, ReaderWarningsArePrinted) {
  const auto dir = sf::test::scratch("runoff_network_command_warnings");
  sf::test::write_file(dir / "m.inp", std::string(kModel) + "[LANDUSES]\nRES 0 0 0\n");
  const auto r = run_spongeflow("network " + (dir / "m.inp").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[LANDUSES]"), std::string::npos) << r.output;
}

}  // namespace
