// Drainage capacity by return period. Unit: surcharge criterion, carried period and classes
// (monotone), renewal ranking. End to end (`spongeflow capacity`): one circular pipe on a slope,
// loaded by an impervious subcatchment, under Chicago storms of a hand-computed formula gets the
// class that Manning's full-flow capacity and the formula give by hand; bad command lines and
// case keys are refused naming what is wrong. Overflows (--outfalls): a constant sewage flow over
// a weir gives the volume, event, duration and load by hand, in network and in coupled mode;
// capacity.geojson names the DEM's CRS so that GDAL reads it back. Coupled mode also writes each
// run's maximum-depth grid.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "../app/cli_runner.hpp"
#include "../app/ogr_read_back.hpp"
#include "assess/conduit_capacity.hpp"

namespace {

using namespace sf::assess;
namespace fs = std::filesystem;

ConduitGeometry pipe_of(double d) {
  ConduitGeometry g;
  g.id = "C1";
  g.full_depth = d;
  g.full_flow = 1.0;
  g.crown_up = 10.0 + d;
  g.crown_down = 9.0 + d;
  return g;
}

TEST(CapacityUnit, SurchargeIsDepthAtTheCrownOrGradeLineAboveAnEndsCrown) {
  const ConduitGeometry g = pipe_of(0.5);
  EXPECT_FALSE(is_surcharged(g, 0.45, 10.45, 9.45));
  EXPECT_TRUE(is_surcharged(g, 0.5, 10.45, 9.45));        // flow depth at the crown
  EXPECT_TRUE(is_surcharged(g, 0.45, 10.52, 9.45));       // upstream level above the crown
  EXPECT_TRUE(is_surcharged(g, 0.45, 10.45, 9.52));       // downstream (backwater)
  EXPECT_FALSE(is_surcharged(g, 0.45, 10.5005, 9.5005));  // within the 1 mm tolerance
}

TEST(CapacityUnit, ClassesFollowTheTestedPeriods) {
  const CapacityClasses c({1, 2, 3, 5, 10});
  EXPECT_EQ(c.class_names(),
            (std::vector<std::string>{"< 1 a", "1-2 a", "2-3 a", "3-5 a", "5-10 a", ">= 10 a"}));
  EXPECT_EQ(c.carried({true, true, true, true, true}), 0.0);
  EXPECT_EQ(c.carried({false, false, true, true, true}), 2.0);
  EXPECT_EQ(c.carried({false, false, false, false, false}), 10.0);
  EXPECT_EQ(c.class_name(c.class_index(2.0)), "2-3 a");
  EXPECT_EQ(c.class_name(c.class_index(0.0)), "< 1 a");
  EXPECT_EQ(c.class_name(c.class_index(10.0)), ">= 10 a");
}

TEST(CapacityUnit, ClassesAreMonotone) {
  // A conduit that fails at 3 a but passes at 5 a (a numerical accident) still carries only 2 a:
  // a pipe that carries 5 a carries 3 a, so carrying is decided from the smallest period up.
  const CapacityClasses c({1, 2, 3, 5, 10});
  EXPECT_EQ(c.carried({false, false, true, false, false}), 2.0);
  // Every surcharge pattern: more surcharge never gives a higher class.
  for (int mask = 0; mask < 32; ++mask)
    for (int bit = 0; bit < 5; ++bit) {
      std::vector<bool> a(5), b(5);
      for (int k = 0; k < 5; ++k) a[k] = b[k] = (mask >> k) & 1;
      b[bit] = true;
      EXPECT_LE(c.carried(b), c.carried(a)) << mask << " " << bit;
    }
}

TEST(CapacityUnit, BadPeriodsAreRefused) {
  EXPECT_THROW(CapacityClasses({}), std::invalid_argument);
  EXPECT_THROW(CapacityClasses({1, 3, 2}), std::invalid_argument);
  EXPECT_THROW(CapacityClasses({0, 1}), std::invalid_argument);
}

TEST(CapacityUnit, RenewalRanksByDeficitThenSurchargeThenFlooding) {
  const CapacityClasses c({1, 2, 5});
  std::vector<ConduitCapacity> list;
  auto add = [&](const char* id, std::vector<bool> fails, double surcharge, double flood,
                 double peak) {
    ConduitGeometry g = pipe_of(0.5);
    g.id = id;
    std::vector<ConduitPeaks> peaks(3);
    for (int k = 0; k < 3; ++k) {
      peaks[k].max_depth = fails[k] ? 0.5 : 0.3;
      peaks[k].max_head_up = 10.3;
      peaks[k].max_head_down = 9.3;
      peaks[k].surcharge_s = surcharge;
      peaks[k].upstream_flood_m3 = flood;
      peaks[k].peak_flow = peak;
    }
    list.push_back(assess_conduit(c, g, peaks));
  };
  add("ok", {false, false, false}, 0, 0, 0.5);
  add("fails_at_5_long", {false, false, true}, 600, 0, 1.2);
  add("fails_at_1", {true, true, true}, 60, 0, 0.8);
  add("fails_at_5_short_flooding", {false, false, true}, 300, 50, 1.1);
  add("fails_at_5_short", {false, false, true}, 300, 0, 1.1);
  const std::vector<RenewalEntry> r = renewal_priority(c, list, 5);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(list[r[0].conduit].geometry.id, "fails_at_1");
  EXPECT_EQ(r[0].deficit_years, 5.0);
  EXPECT_EQ(r[0].cause, "backwater");  // 80 % of full flow yet surcharged
  EXPECT_EQ(list[r[1].conduit].geometry.id, "fails_at_5_long");
  EXPECT_EQ(r[1].cause, "capacity");
  EXPECT_EQ(list[r[2].conduit].geometry.id, "fails_at_5_short_flooding");
  EXPECT_EQ(list[r[3].conduit].geometry.id, "fails_at_5_short");
  EXPECT_EQ(r[3].rank, 4);
  EXPECT_NE(r[2].reasons.find("floods 50.0 m3"), std::string::npos) << r[2].reasons;
  EXPECT_THROW(renewal_priority(c, list, 3), std::invalid_argument);
}

// --- end to end -------------------------------------------------------------------------------

// One 0.5 m concrete pipe, 100 m long on a 1 % slope, from junction J1 to a free outfall.
constexpr double kD = 0.5, kN = 0.013, kLength = 100.0, kFall = 1.0;
// The storm-intensity formula of the test, i = A1 (1 + C lg P) / (t + b)^n (mm/min).
constexpr double kA1 = 11.98, kC = 2.0, kB = 8.0, kExp = 0.711;
constexpr double kStormMin = 60.0, kPeak = 0.4, kStepMin = 5.0;

double manning_full_flow_by_hand() {
  const double area = M_PI * kD * kD / 4.0, radius = kD / 4.0;
  return area * std::pow(radius, 2.0 / 3.0) * std::sqrt(kFall / kLength) / kN;
}

double formula_depth_mm(double P, double t_min) {
  return kA1 * (1.0 + kC * std::log10(P)) * t_min / std::pow(t_min + kB, kExp);
}

// The Chicago block holding the peak (20-25 min with the peak at 24 min), by hand:
// H(25) - H(20) = (1 - r) D(1 / (1 - r)) + r D(4 / r), in mm/min.
double peak_block_mm_per_min(double P) {
  return ((1.0 - kPeak) * formula_depth_mm(P, 1.0 / (1.0 - kPeak)) +
          kPeak * formula_depth_mm(P, 4.0 / kPeak)) /
         kStepMin;
}

// Sized so that the 2-year peak block on the catchment is 80 % of the pipe's full flow: the 5-year
// block is then 80 % x (1 + 2 lg 5) / (1 + 2 lg 2) = 120 %, far above the 107.6 % a circular pipe
// can carry with a free surface.
double catchment_area_m2() {
  return 0.8 * manning_full_flow_by_hand() / (peak_block_mm_per_min(2.0) / 60000.0);
}

std::string one_pipe_inp() {
  std::ostringstream s;
  s << "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nFLOW_ROUTING DYNWAVE\n"
       "START_DATE 01/01/2024\nSTART_TIME 00:00:00\nEND_DATE 01/01/2024\nEND_TIME 01:30:00\n"
       "REPORT_STEP 00:05:00\nWET_STEP 00:01:00\nDRY_STEP 00:05:00\nROUTING_STEP 2\n"
       "VARIABLE_STEP 0.75\n\n"
       "[RAINGAGES]\nRG1 INTENSITY 0:05 1.0 TIMESERIES PLACEHOLDER\n\n"
       "[SUBCATCHMENTS]\nS1 RG1 J1 "
    << catchment_area_m2() / 1e4
    << " 100 200 5 0\n\n"
       "[SUBAREAS]\nS1 0.011 0.03 0 0 100 OUTLET\n\n"
       "[INFILTRATION]\nS1 50 5 4 7 0\n\n"
       "[JUNCTIONS]\nJ1 10 3 0 0 0\n\n[OUTFALLS]\nO1 9 FREE NO\n\n"
       "[CONDUITS]\nC1 J1 O1 "
    << kLength << " " << kN << " 0 0 0 0\n\n[XSECTIONS]\nC1 CIRCULAR " << kD
    << " 0 0 0 1\n\n[TIMESERIES]\nPLACEHOLDER 0:00 0\n\n"
       "[COORDINATES]\nJ1 1000 2000\nO1 1100 2000\n";
  return s.str();
}

std::string one_pipe_case(const std::string& extra = "") {
  std::ostringstream s;
  s << "[grid]\ndem = \"dem.asc\"\n\n[time]\nduration = 5400\n\n[design_storm]\na1 = " << kA1
    << "\nc = " << kC << "\nb = " << kB << "\nn = " << kExp << "\nduration = " << kStormMin * 60
    << "\npeak_position = " << kPeak << "\nstep = " << kStepMin * 60
    << "\n\n[network]\ninp = \"pipe.inp\"\n\n[capacity]\ntarget_return_period = 5\n"
    << extra;
  return s.str();
}

fs::path one_pipe_folder(const std::string& name, const std::string& extra = "") {
  const fs::path dir = sf::test::scratch(name);
  sf::test::write_file(dir / "dem.asc", sf::test::ascii_grid(4, 4));
  sf::test::write_file(dir / "pipe.inp", one_pipe_inp());
  sf::test::write_file(dir / "case.toml", one_pipe_case(extra));
  return dir;
}

std::vector<std::vector<std::string>> csv_rows(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
    rows.push_back(cells);
  }
  return rows;
}

std::string cell(const std::vector<std::vector<std::string>>& rows, std::size_t r,
                 const std::string& column) {
  for (std::size_t k = 0; k < rows[0].size(); ++k)
    if (rows[0][k] == column) return rows[r].at(k);
  ADD_FAILURE() << "no column " << column;
  return "";
}

TEST(CapacityCli, OnePipeGetsItsClassFromManningAndTheFormulaByHand) {
  const fs::path dir = one_pipe_folder("capacity_one_pipe");
  const auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                          " --return-periods 1,2,5,10 --output " +
                                          (dir / "out").string() + " --parallel 2");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto rows = csv_rows(dir / "out" / "capacity.csv");
  ASSERT_EQ(rows.size(), 2u);
  const double q_full = manning_full_flow_by_hand();
  EXPECT_NEAR(std::stod(cell(rows, 1, "full_flow_m3s")), q_full, 1e-3 * q_full);
  EXPECT_NEAR(std::stod(cell(rows, 1, "slope")), 0.01, 1e-5);
  // The runoff of a fully impervious catchment without depression storage follows the rain
  // within a minute, so the pipe's peak is the peak block's rate on the catchment (measured:
  // 0.3016 m3/s at 2 a against 0.3021 by hand).
  for (double P : {1.0, 2.0}) {
    const std::string tag = P == 1.0 ? "1" : "2";
    const double hand = peak_block_mm_per_min(P) / 60000.0 * catchment_area_m2();
    EXPECT_NEAR(std::stod(cell(rows, 1, "peak_flow_" + tag + "a_m3s")), hand, 0.01 * hand) << P;
    EXPECT_EQ(cell(rows, 1, "surcharged_" + tag + "a"), "no");
  }
  EXPECT_EQ(cell(rows, 1, "surcharged_5a"), "yes");
  EXPECT_EQ(cell(rows, 1, "surcharged_10a"), "yes");
  EXPECT_EQ(cell(rows, 1, "carried_return_period_a"), "2");
  EXPECT_EQ(cell(rows, 1, "class"), "2-5 a");

  // The storms the runs used are the formula's, to 0.1 %: depth a T / (T + b)^n, peak block.
  nlohmann::json s;
  std::ifstream(dir / "out" / "capacity_summary.json") >> s;
  ASSERT_EQ(s["runs"].size(), 4u);
  for (const auto& run : s["runs"]) {
    const double P = run["return_period_a"];
    const double depth = formula_depth_mm(P, kStormMin);
    EXPECT_NEAR(run["rain_depth_mm"].get<double>(), depth, 1e-3 * depth) << P;
    const double peak = 60.0 * peak_block_mm_per_min(P);
    EXPECT_NEAR(run["peak_block_intensity_mm_per_h"].get<double>(), peak, 1e-3 * peak) << P;
    EXPECT_LT(std::fabs(run["flow_routing_continuity_error_pct"].get<double>()), 1.0);
  }
  EXPECT_EQ(s["classes"][2]["class"], "2-5 a");
  EXPECT_EQ(s["classes"][2]["conduits"], 1);
  // Below the 5-year target: the renewal list names it, with the reason.
  const auto renewal = csv_rows(dir / "out" / "renewal_priority.csv");
  ASSERT_EQ(renewal.size(), 2u);
  EXPECT_EQ(cell(renewal, 1, "conduit"), "C1");
  EXPECT_EQ(cell(renewal, 1, "cause"), "capacity");
  for (const char* f : {"capacity.geojson", "capacity.vtp"})
    EXPECT_GT(fs::file_size(dir / "out" / f), 100u) << f;
  // An ESRI ASCII DEM without .prj: no CRS to name; no --outfalls: no overflow files.
  EXPECT_EQ(s["crs"], "");
  EXPECT_NE(r.output.find("capacity.geojson names no CRS"), std::string::npos) << r.output;
  EXPECT_FALSE(s.contains("overflows"));
  EXPECT_FALSE(fs::exists(dir / "out" / "capacity_overflows.csv"));
}

// The one-pipe network plus a combined-sewer overflow beside it: junction W1 takes a constant
// sewage flow (DWF, no pattern) of kQ with kCod of COD and spills it over a transverse weir
// (crest at W1's invert, 1 m long, Cw 1.84) to the outfall OCSO. The storm drains to O1 alone.
constexpr double kQ = 0.1, kCod = 200.0;  // m3/s, mg/L
// Over the 5400 s run: Q T, less W1's storage (a few tenths of a m3), and its COD load.
constexpr double kHandVolume = kQ * 5400.0, kHandLoadKg = kHandVolume * kCod * 1e-3;

std::string pipe_and_weir_inp() {
  std::string s = one_pipe_inp();
  auto after = [&](const std::string& line, const std::string& added) {
    const std::size_t at = s.find(line);
    ASSERT_NE(at, std::string::npos) << line;
    s.insert(at + line.size(), added);
  };
  after("J1 10 3 0 0 0\n", "W1 12 3 0 0 0\n");
  after("O1 9 FREE NO\n", "OCSO 11 FREE NO\n\n[WEIRS]\nWR1 W1 OCSO TRANSVERSE 0 1.84 NO\n");
  after(" 0 0 0 1\n", "WR1 RECT_OPEN 1 1 0 0\n");
  after("O1 1100 2000\n", "W1 1000 2100\nOCSO 1100 2100\n");
  s += "\n[POLLUTANTS]\nCOD MG/L 0 0 0 0 NO * 0 " + std::to_string(kCod) + " 0\n\n[DWF]\nW1 FLOW " +
       std::to_string(kQ) + "\nW1 COD " + std::to_string(kCod) + "\n";
  return s;
}

/// capacity_overflows.csv of the weir case at 1 and 5 a: one event of 1.5 h at OCSO (and in
/// all), kQ over the 5400 s run less what W1 stores, and its COD load, by hand.
void expect_hand_overflow_rows(const std::vector<std::vector<std::string>>& rows) {
  const double volume = kHandVolume, load_kg = kHandLoadKg;
  ASSERT_EQ(rows.size(), 5u);  // header, then OCSO and all for 1 a and 5 a
  for (std::size_t row : {1u, 2u, 3u, 4u}) {
    EXPECT_EQ(cell(rows, row, "outfall"), row % 2 ? "OCSO" : "all");
    EXPECT_EQ(cell(rows, row, "return_period_a"), row < 3 ? "1" : "5");
    EXPECT_NEAR(std::stod(cell(rows, row, "volume_m3")), volume, 0.002 * volume) << row;
    EXPECT_EQ(cell(rows, row, "events"), "1") << row;
    EXPECT_NEAR(std::stod(cell(rows, row, "overflow_h")), 1.5, 0.002) << row;
    EXPECT_NEAR(std::stod(cell(rows, row, "longest_event_h")), 1.5, 0.002) << row;
    EXPECT_NEAR(std::stod(cell(rows, row, "load_COD_kg")), load_kg, 0.005 * load_kg) << row;
  }
}

TEST(CapacityCli, OverflowOfAConstantFlowOverAWeirByHandAndTheGeoJsonCrs) {
  const fs::path dir = one_pipe_folder("capacity_overflow");
  sf::test::write_file(dir / "pipe.inp", pipe_and_weir_inp());
  sf::test::write_file(dir / "dem.prj", sf::test::esri_prj_epsg_4547());
  const auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                          " --return-periods 1,5 --output " +
                                          (dir / "out").string() + " --outfalls OCSO");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
  // By hand: the weir passes the inflow once W1 holds the head h = (Q / 1.84)^(2/3) = 0.14 m
  // over the crest, about 0.2 m3 at SWMM's minimum surface area, within a few seconds. So over
  // the 5400 s run: one event of 1.5 h, volume Q T = 540 m3 less that storage, peak Q, and a COD
  // load of Q T kCod = 108 kg. The storm (on O1's side) changes none of it.
  const auto rows = csv_rows(dir / "out" / "capacity_overflows.csv");
  expect_hand_overflow_rows(rows);
  EXPECT_NEAR(std::stod(cell(rows, 1, "peak_m3s")), kQ, 0.01 * kQ);
  nlohmann::json s;
  std::ifstream(dir / "out" / "capacity_summary.json") >> s;
  EXPECT_EQ(s["overflows"]["outfalls"], nlohmann::json::array({"OCSO"}));
  for (const auto& run : s["runs"]) {
    EXPECT_NEAR(run["overflow"]["volume_m3"].get<double>(), kHandVolume, 0.002 * kHandVolume);
    EXPECT_NEAR(run["overflow"]["loads_kg"]["COD"].get<double>(), kHandLoadKg, 0.005 * kHandLoadKg);
  }
  // The hydrograph: t = 0 and the first routing step (2 s at most) past each whole minute, each
  // at Q once the weir runs (after the first minute).
  const auto q = csv_rows(dir / "out" / "capacity_overflow_hydrographs.csv");
  ASSERT_EQ(q.size(), 1u + 2u * 91u);
  for (std::size_t k = 1; k < q.size(); ++k) {
    const double minute = std::stod(cell(q, k, "time_min"));
    EXPECT_NEAR(minute, double((k - 1) % 91), 0.05) << "row " << k;
    if (minute < 1.0) continue;
    ASSERT_NEAR(std::stod(cell(q, k, "OCSO_m3s")), kQ, 0.01 * kQ) << "row " << k;
  }

  // capacity.geojson: in the DEM's metres, with the EPSG code identified from the ESRI .prj
  // (no AUTHORITY nodes) in the legacy "crs" member that GDAL reads back.
  EXPECT_EQ(s["crs"], "EPSG:4547");
  const sf::test::OgrReadBack back =
      sf::test::read_back_with_ogr((dir / "out" / "capacity.geojson").string());
  ASSERT_TRUE(back.opened);
  EXPECT_EQ(back.epsg, 4547);
  EXPECT_EQ(back.features, 1);
  EXPECT_DOUBLE_EQ(back.min_x, 1000.0);  // C1 from J1 (1000, 2000) to O1 (1100, 2000)
  EXPECT_DOUBLE_EQ(back.max_x, 1100.0);
  EXPECT_DOUBLE_EQ(back.min_y, 2000.0);
}

TEST(CapacityCli, OverflowOutfallsThatAreNotOutfallsAreRefused) {
  const fs::path dir = one_pipe_folder("capacity_bad_outfalls");
  const auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                          " --return-periods 1,5 --output " +
                                          (dir / "out").string() + " --outfalls J1,NOPE,O1");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("J1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("is not an outfall of"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("NOPE"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("no such node in"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "capacity.csv"));
}

// --- coupled mode --------------------------------------------------------------------------

// The one pipe again, coupled: J1 sits under the lowest cell of a 4 m x 4 m walled DEM whose
// ground is its rim (13 m), the outfall lies off the DEM (not coupled); its subcatchment lies
// off the DEM too and loads J1 ("load_nodes"), with the design storm as its gage's rain, and the
// grid takes the same storm.
fs::path coupled_pipe_folder(const std::string& name, bool coordinates = true) {
  const fs::path dir = sf::test::scratch(name);
  sf::test::write_file(dir / "dem.asc", sf::test::ascii_grid(4, 4, 13.0));
  std::string inp = one_pipe_inp();
  inp = inp.substr(0, inp.find("[COORDINATES]"));
  if (coordinates) inp += "[COORDINATES]\nJ1 1003.5 2000.5\nO1 1100 2000\n";
  sf::test::write_file(dir / "pipe.inp", inp);
  std::string c = one_pipe_case("mode = \"coupled\"\n");
  c.replace(c.find("inp = \"pipe.inp\"\n"), 17,
            "inp = \"pipe.inp\"\nsubcatchments = \"load_nodes\"\n");
  sf::test::write_file(dir / "case.toml", c);
  return dir;
}

TEST(CapacityCli, CoupledRunsGiveTheNetworkClassesWhileTheSurfaceStaysDry) {
  const fs::path dir = coupled_pipe_folder("capacity_coupled_one_pipe");
  auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                    " --return-periods 1,2,5,10 --output " +
                                    (dir / "out").string() + " --parallel 2");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto rows = csv_rows(dir / "out" / "capacity.csv");
  ASSERT_EQ(rows.size(), 2u);
  // The same classes as network mode (OnePipeGetsItsClassFromManningAndTheFormulaByHand): the
  // grid's 16 m² add 0.2 % to the pipe's 0.76 ha; not surcharged at 1 and 2 a, surcharged at 5
  // and 10 a, class 2-5 a, and the 2-year peak still the hand rational peak to 1 %.
  for (const char* tag : {"1", "2"})
    EXPECT_EQ(cell(rows, 1, std::string("surcharged_") + tag + "a"), "no");
  for (const char* tag : {"5", "10"})
    EXPECT_EQ(cell(rows, 1, std::string("surcharged_") + tag + "a"), "yes");
  EXPECT_EQ(cell(rows, 1, "class"), "2-5 a");
  const double hand = peak_block_mm_per_min(2.0) / 60000.0 * catchment_area_m2();
  EXPECT_NEAR(std::stod(cell(rows, 1, "peak_flow_2a_m3s")), hand, 0.01 * hand);

  // The surface per period stays dry by the 0.15 m criterion: its rain drains through J1, which
  // surcharges at 5 a (its level above the crown, not yet at the rim) and overflows onto its cell
  // only at 10 a (measured: 0.26 m3, 9.6 cm deep at most).
  const auto surface = csv_rows(dir / "out" / "capacity_surface.csv");
  ASSERT_EQ(surface.size(), 5u);
  for (std::size_t k = 1; k <= 4; ++k) {
    const std::string P = cell(surface, k, "return_period_a");
    EXPECT_LT(std::fabs(std::stod(cell(surface, k, "coupled_continuity_error_pct"))), 0.1) << P;
    // the grid's rain: the storm's depth on its 16 m²
    EXPECT_NEAR(std::stod(cell(surface, k, "grid_rain_m3")),
                formula_depth_mm(std::stod(P), kStormMin) * 1e-3 * 16.0, 0.01)
        << P;
    EXPECT_EQ(std::stod(cell(surface, k, "flooded_area_m2")), 0.0) << P;
    EXPECT_LT(std::stod(cell(surface, k, "max_depth_m")), 0.15) << P;
    if (k <= 3)
      EXPECT_EQ(cell(surface, k, "network_to_surface_m3"), "0.00") << P;
    else
      EXPECT_GT(std::stod(cell(surface, k, "network_to_surface_m3")), 0.1) << P;
  }
  nlohmann::json s;
  std::ifstream(dir / "out" / "capacity_summary.json") >> s;
  EXPECT_EQ(s["mode"], "coupled");
  ASSERT_EQ(s["runs"].size(), 4u);
  EXPECT_TRUE(s["runs"][3].contains("surface")) << s["runs"][3].dump(1);
  EXPECT_TRUE(fs::exists(dir / "out" / "runs" / "5a" / "summary.json"));

  // Each run's maximum depth as an ESRI ASCII grid on the DEM's cells (north row first): its
  // largest value is the run's max depth, in J1's cell (the south-east one) where the 10-year
  // storm floods out of J1.
  for (std::size_t k = 1; k <= 4; ++k) {
    const std::string P = cell(surface, k, "return_period_a");
    EXPECT_EQ(s["runs"][k - 1]["surface"]["max_depth_file"], "runs/" + P + "a/max_depth.asc");
    std::ifstream grid(dir / "out" / "runs" / (P + "a") / "max_depth.asc");
    ASSERT_TRUE(grid) << P;
    std::string key;
    double value = 0;
    std::vector<double> header;
    for (int h = 0; h < 6 && grid >> key >> value; ++h) header.push_back(value);
    ASSERT_EQ(header, (std::vector<double>{4, 4, 1000, 2000, 1, -9999})) << P;
    std::vector<double> depth;
    while (grid >> value) depth.push_back(value);
    ASSERT_EQ(depth.size(), 16u) << P;
    const auto deepest = std::max_element(depth.begin(), depth.end());
    EXPECT_NEAR(*deepest, std::stod(cell(surface, k, "max_depth_m")), 1e-4) << P;
    if (P == "10") {
      EXPECT_EQ(deepest - depth.begin(), 15) << P;
      EXPECT_GT(*deepest, 0.05) << P;
    }
  }
}

// The weir of OverflowOfAConstantFlowOverAWeirByHandAndTheGeoJsonCrs in the coupled case: W1 and
// OCSO have no coordinates, so they stay off the surface, and the overflow is the same by hand
// (one event of 1.5 h, 540 m3, peak 0.1 m3/s, 108 kg COD) now recorded after every coupled step.
TEST(CapacityCli, CoupledRunsRecordTheOverflowOfAConstantFlowOverAWeirByHand) {
  const fs::path dir = coupled_pipe_folder("capacity_coupled_overflow");
  std::string inp = pipe_and_weir_inp();
  inp = inp.substr(0, inp.find("[COORDINATES]")) +
        "[COORDINATES]\nJ1 1003.5 2000.5\nO1 1100 2000\n" + inp.substr(inp.find("\n[POLLUTANTS]"));
  sf::test::write_file(dir / "pipe.inp", inp);
  const auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                          " --return-periods 1,5 --output " +
                                          (dir / "out").string() + " --outfalls OCSO");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto rows = csv_rows(dir / "out" / "capacity_overflows.csv");
  expect_hand_overflow_rows(rows);
  // The peak: Q, but for the weir's start, where W1's level overshoots the crest's head for a
  // moment (measured 0.10049 and 0.10101 m3/s at 1 and 5 a; 0.10068 in network mode).
  EXPECT_NEAR(std::stod(cell(rows, 1, "peak_m3s")), kQ, 0.02 * kQ);
  EXPECT_NEAR(std::stod(cell(rows, 3, "peak_m3s")), kQ, 0.02 * kQ);
  nlohmann::json s;
  std::ifstream(dir / "out" / "capacity_summary.json") >> s;
  EXPECT_EQ(s["mode"], "coupled");
  EXPECT_EQ(s["overflows"]["outfalls"], nlohmann::json::array({"OCSO"}));
  ASSERT_EQ(s["runs"].size(), 2u);
  for (const auto& run : s["runs"]) {
    EXPECT_NEAR(run["overflow"]["volume_m3"].get<double>(), kHandVolume, 0.002 * kHandVolume);
    EXPECT_NEAR(run["overflow"]["loads_kg"]["COD"].get<double>(), kHandLoadKg, 0.005 * kHandLoadKg);
    EXPECT_LT(std::fabs(run["surface"]["coupled_continuity_error_pct"].get<double>()), 0.1);
  }
  // The hydrograph: t = 0 and the first coupled step past each of the 90 minutes (within the
  // surface's step of a few seconds, not drifting), each at Q once the weir runs.
  const auto q = csv_rows(dir / "out" / "capacity_overflow_hydrographs.csv");
  ASSERT_EQ(q.size(), 1u + 2u * 91u);
  for (std::size_t k = 1; k < q.size(); ++k) {
    const double minute = std::stod(cell(q, k, "time_min"));
    EXPECT_NEAR(minute, double((k - 1) % 91), 0.25) << "row " << k;
    if (minute < 1.0) continue;
    ASSERT_NEAR(std::stod(cell(q, k, "OCSO_m3s")), kQ, 0.01 * kQ) << "row " << k;
  }
}

TEST(CapacityCli, CoupledModeRefusesACaseWithoutDemOrCouplingPoints) {
  fs::path dir = coupled_pipe_folder("capacity_coupled_no_dem");
  std::string c = one_pipe_case("mode = \"coupled\"\n");
  sf::test::write_file(dir / "case.toml", c.substr(c.find("[time]")));
  auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                    " --return-periods 1,5 --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("[grid] dem"), std::string::npos) << r.output;
  dir = coupled_pipe_folder("capacity_coupled_no_points", false);
  r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                               " --return-periods 1,5 --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("pipe.inp"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("no network node is coupled to the surface"), std::string::npos)
      << r.output;
}

TEST(CapacityCli, BadReturnPeriodsAreRefused) {
  const fs::path dir = one_pipe_folder("capacity_bad_periods");
  const std::string base = "capacity " + (dir / "case.toml").string() + " --output " +
                           (dir / "out").string() + " --return-periods ";
  auto r = sf::test::run_spongeflow(base + "1,3,2,5");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("strictly increasing"), std::string::npos) << r.output;
  r = sf::test::run_spongeflow(base + "1,x");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("--return-periods"), std::string::npos) << r.output;
  r = sf::test::run_spongeflow(base + "0,1");
  EXPECT_EQ(r.status, 1) << r.output;
  // The renewal target (5 a) must be one of the tested periods.
  r = sf::test::run_spongeflow(base + "1,2,3");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("target_return_period"), std::string::npos) << r.output;
  r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() + " --output " +
                               (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("--return-periods"), std::string::npos) << r.output;
  r = sf::test::run_spongeflow(base + "1,2,5 --parallel 0");
  EXPECT_EQ(r.status, 1) << r.output;
}

TEST(CapacityCli, BadCapacityKeysAreRefusedNamingKeyAndLine) {
  fs::path dir = one_pipe_folder("capacity_bad_mode", "mode = \"surface\"\n");
  auto r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                                    " --return-periods 1,5 --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("case.toml:21: [capacity] mode"), std::string::npos) << r.output;
  dir = one_pipe_folder("capacity_no_subcatchments");
  std::string inp = one_pipe_inp();
  inp = inp.substr(0, inp.find("[RAINGAGES]")) + inp.substr(inp.find("[JUNCTIONS]"));
  sf::test::write_file(dir / "pipe.inp", inp);
  r = sf::test::run_spongeflow("capacity " + (dir / "case.toml").string() +
                               " --return-periods 1,5 --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("no subcatchments"), std::string::npos) << r.output;
}

}  // namespace
