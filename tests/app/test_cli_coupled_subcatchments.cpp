// `[network] subcatchments` in coupled runs (docs/coupling.md, Subcatchments): "load_nodes" loads
// the outlet node with SWMM runoff and shows its continuity in summary.json and the text table,
// the coupled ledger closing with it; "ignore" (the default) leaves the subcatchments out and
// says so; an outline on the DEM is warned about with its share; bad values and a network with
// no node on the DEM are refused naming the file.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

namespace fs = std::filesystem;

/// J1 (rim 0.5 m under the ground) under the 8 m x 6 m DEM drains by a 0.3 m pipe to an outfall
/// east of it; a base flow keeps the pipe from starting empty. S1, 0.5 ha, drains to J1 under
/// its own gage's 20 mm/h for the first 10 min; `polygon` is its outline.
std::string network_inp(const std::string& polygon, bool coordinates = true) {
  std::string s = R"([OPTIONS]
FLOW_UNITS CMS
FLOW_ROUTING DYNWAVE
INFILTRATION HORTON
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 00:20
ROUTING_STEP 1
WET_STEP 00:00:30
[RAINGAGES]
G1 INTENSITY 0:10 1.0 TIMESERIES R
[TIMESERIES]
R 0:00 20
R 0:10 0
[SUBCATCHMENTS]
S1 G1 J1 0.5 60 70 1 0
[SUBAREAS]
S1 0.015 0.15 1 3 25 OUTLET
[INFILTRATION]
S1 40 5 3 5 0
[JUNCTIONS]
J1 8.0 1.5 0 0 0
[OUTFALLS]
O1 7.0 FREE NO
[CONDUITS]
C1 J1 O1 40 0.013 0 0 0.05 0
[XSECTIONS]
C1 CIRCULAR 0.3 0 0 0 1
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 0.05
)";
  if (coordinates) s += "[COORDINATES]\nJ1 1004.5 2003.5\nO1 1044.5 2003.5\n";
  return s + "[Polygons]\n" + polygon;
}

const char* kOutside = "S1 1100 2000\nS1 1170 2000\nS1 1170 2070\nS1 1100 2070\n";
// 4 m x 6 m, the west half of the DEM (8 x 6 cells of 1 m from (1000, 2000)), and as much off it
const char* kHalfOnTheDem = "S1 996 2000\nS1 1004 2000\nS1 1004 2006\nS1 996 2006\n";

fs::path coupled_case(const std::string& name, const std::string& network_keys,
                      const std::string& inp) {
  const fs::path dir = scratch(name);
  write_file(dir / "dem.asc", ascii_grid(8, 6));
  write_file(dir / "net.inp", inp);
  write_file(dir / "case.toml",
             "[grid]\ndem = \"dem.asc\"\n[time]\nduration = 900\n"
             "[rain]\ntimes = [0, 10]\nintensity = [20, 0]\n"
             "time_unit = \"min\"\n[output]\nvtk = false\nnetcdf = false\n"
             "[network]\ninp = \"net.inp\"\n" +
                 network_keys);
  return dir / "case.toml";
}

nlohmann::json summary_of(const fs::path& out) {
  nlohmann::json j;
  std::ifstream(out / "summary.json") >> j;
  return j;
}

TEST(CliCoupledSubcatchments, LoadNodesBooksTheRunoffAndShowsItsContinuity) {
  const fs::path c = coupled_case("coupled_subcatch_load", "subcatchments = \"load_nodes\"\n",
                                  network_inp(kOutside));
  const fs::path out = c.parent_path() / "out";
  const auto r = run_spongeflow("run " + c.string() + " --threads 1 --output " + out.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("Subcatchment Runoff Continuity"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("take the rain of the .inp's gages"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("lies on active DEM cells"), std::string::npos) << r.output;
  const nlohmann::json s = summary_of(out);
  ASSERT_TRUE(s["network"].contains("runoff_continuity")) << s.dump(1);
  const auto& rc = s["network"]["runoff_continuity"];
  // 20 mm/h for 10 min on 0.5 ha: 16.67 m³ of rain on the subcatchment
  EXPECT_NEAR(rc["total_precipitation_m3"].get<double>(), 20e-3 / 6.0 * 5000.0, 1e-6);
  // 60 % impervious: a good part of it runs off within the 15 min, not more than fell
  EXPECT_GT(rc["surface_runoff_m3"].get<double>(), 0.2 * 20e-3 / 6.0 * 5000.0);
  EXPECT_LT(rc["surface_runoff_m3"].get<double>(), 20e-3 / 6.0 * 5000.0);
  EXPECT_LT(std::fabs(rc["continuity_error_pct"].get<double>()), 0.5);
  const auto& b = s["coupled_volume_balance_m3"];
  // the runoff enters through the network's inflow: base flow (0.05 m³/s x 900 s) plus runoff
  EXPECT_NEAR(b["subcatchment_runoff"].get<double>(), rc["surface_runoff_m3"].get<double>(), 1e-12);
  EXPECT_NEAR(b["network_inflow"].get<double>(), 45.0 + b["subcatchment_runoff"].get<double>(),
              0.02 * b["subcatchment_runoff"].get<double>());
  EXPECT_LT(std::fabs(b["continuity_error_pct"].get<double>()), 0.1) << b.dump(1);
}

TEST(CliCoupledSubcatchments, IgnoreIsTheDefaultAndSaysSo) {
  const fs::path c = coupled_case("coupled_subcatch_ignore", "", network_inp(kOutside));
  const fs::path out = c.parent_path() / "out";
  const auto r = run_spongeflow("run " + c.string() + " --threads 1 --output " + out.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("its 1 subcatchments are left out"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("Subcatchment Runoff Continuity"), std::string::npos) << r.output;
  const nlohmann::json s = summary_of(out);
  EXPECT_FALSE(s["network"].contains("runoff_continuity")) << s.dump(1);
  EXPECT_FALSE(s["coupled_volume_balance_m3"].contains("subcatchment_runoff"));
  // only the base flow enters the network from the .inp
  EXPECT_NEAR(s["coupled_volume_balance_m3"]["network_inflow"].get<double>(), 45.0, 0.1);
}

TEST(CliCoupledSubcatchments, AnOutlineOnTheDemIsWarnedWithItsShare) {
  const fs::path c = coupled_case("coupled_subcatch_overlap", "subcatchments = \"load_nodes\"\n",
                                  network_inp(kHalfOnTheDem));
  const auto r = run_spongeflow("run " + c.string() + " --threads 1 --output " +
                                (c.parent_path() / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  // 4 x 6 cells of the 8 x 6 m outline's 48 m²
  EXPECT_NE(r.output.find("subcatchment S1 loads its outlet node and 50 % of its outline (24 of "
                          "48 m2) lies on active DEM cells"),
            std::string::npos)
      << r.output;
}

TEST(CliCoupledSubcatchments, BadValueAndNoCoupledNodeAreRefused) {
  fs::path c =
      coupled_case("coupled_subcatch_bad", "subcatchments = \"both\"\n", network_inp(kOutside));
  auto r = run_spongeflow("run " + c.string() + " --output " + (c.parent_path() / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("case.toml:14: [network] subcatchments"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("expected \"ignore\" or \"load_nodes\""), std::string::npos) << r.output;
  c = coupled_case("coupled_no_points", "", network_inp(kOutside, false));
  r = run_spongeflow("run " + c.string() + " --output " + (c.parent_path() / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("net.inp"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("no network node is coupled to the surface"), std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace sf::test
