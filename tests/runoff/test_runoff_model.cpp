// Whole runoff process (host/runoff/runoff_model.hpp) on small models read from .inp text: an
// impervious subcatchment under constant rain against the exact nonlinear-reservoir solution,
// rain-gage formats, run-on and subarea routing, and the runoff continuity balance.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "inp/reader.hpp"
#include "runoff/runoff_model.hpp"

namespace {

using sf::inp::Model;
using sf::inp::read_inp_text;
using sf::runoff::RunoffModel;

std::string model_text(const std::string& options, const std::string& hydrology) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 06:00\n" +
         options +
         "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n"
         "[CONDUITS]\nC1 J1 O1 400 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n" +
         hydrology;
}

double time_to_depth(double d, double i, double alpha) {
  const int n = 20000;
  const double h = d / n;
  auto g = [&](double x) { return 1.0 / (i - alpha * std::pow(x, 5.0 / 3.0)); };
  double s = g(0.0) + g(d);
  for (int k = 1; k < n; ++k) s += (k % 2 ? 4.0 : 2.0) * g(k * h);
  return s * h / 3.0;
}

// The depth with time_to_depth(d) = t, by bisection below the steady depth.
double exact_depth(double t, double i, double alpha) {
  double lo = 0.0, hi = std::pow(i / alpha, 0.6);
  for (int k = 0; k < 60; ++k) {
    const double mid = 0.5 * (lo + hi);
    (time_to_depth(mid, i, alpha) < t ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

TEST(RunoffModel, ImperviousSubcatchmentFollowsTheExactReservoir) {
  // 1 ha, all impervious without depression storage, width 100 m, slope 1 %, n 0.015, under
  // 50 mm/h for 3 h; runoff steps of 60 s.
  const Model m = read_inp_text(model_text("WET_STEP 00:01:00\nDRY_STEP 01:00:00\n",
                                           "[RAINGAGES]\nG1 INTENSITY 1:00 1.0 TIMESERIES R\n"
                                           "[TIMESERIES]\nR 0 50\nR 1 50\nR 2 50\nR 3 0\n"
                                           "[SUBCATCHMENTS]\nS1 G1 J1 1 100 100 1 0\n"
                                           "[SUBAREAS]\nS1 0.015 0.1 0 0 100 OUTLET\n"
                                           "[INFILTRATION]\nS1 0 0 0 1 0\n"),
                                "t.inp");
  RunoffModel r(m);
  const double i = 50.0e-3 / 3600.0;
  const double alpha = sf::runoff::overland_alpha(100.0, 1.0e4, 0.01, 0.015);
  for (double t : {300.0, 600.0, 900.0, 1800.0}) {  // short of steady state, where t(d) -> inf
    r.advance_past(t - 1.0);
    ASSERT_NEAR(r.time(), t, 1e-9);
    const double d = exact_depth(t, i, alpha);
    const double q = alpha * std::pow(d, 5.0 / 3.0) * 1.0e4;  // m³/s
    EXPECT_NEAR(r.outflow(0), q, 1e-6 * q)
        << "t = " << t << ", d/d* = " << d / std::pow(i / alpha, 0.6);
  }
  // interpolation between the last two runoff times, as SWMM loads nodes
  std::vector<double> lat(m.nodes.size(), 0.0);
  r.advance_past(3600.0);  // old 3600, new 3660 (the clock passes 3600)
  const double q0 = r.outflow(0);
  const double sum = r.add_node_inflows(3630.0, lat);
  EXPECT_GT(q0, 0.0);
  EXPECT_DOUBLE_EQ(sum, lat[m.find_node("J1")]);
}

// Rain totals of a gage written three ways: 1, 2 and 0.5 mm in three 5-minute intervals.
double rain_total_mm(const std::string& format, const std::string& values) {
  const Model m = read_inp_text(
      model_text("WET_STEP 00:01:00\nDRY_STEP 01:00:00\n",
                 "[RAINGAGES]\nG1 " + format + " 0:05 1.0 TIMESERIES R\n[TIMESERIES]\n" + values +
                     "[SUBCATCHMENTS]\nS1 G1 J1 1 100 100 1 0\n"
                     "[SUBAREAS]\nS1 0.015 0.1 0 0 100 OUTLET\n"),
      "t.inp");
  RunoffModel r(m);
  r.advance_past(1.0e9);
  return r.totals().rainfall / 1.0e4 * 1.0e3;
}

TEST(RunoffModel, GageFormatsGiveTheSameRain) {
  EXPECT_NEAR(rain_total_mm("INTENSITY", "R 0:00 12\nR 0:05 24\nR 0:10 6\n"), 3.5, 1e-9);
  EXPECT_NEAR(rain_total_mm("VOLUME", "R 0:00 1\nR 0:05 2\nR 0:10 0.5\n"), 3.5, 1e-9);
  EXPECT_NEAR(rain_total_mm("CUMULATIVE", "R 0:00 1\nR 0:05 3\nR 0:10 3.5\n"), 3.5, 1e-9);
  // a zero entry is a dry interval; a gap is dry too
  EXPECT_NEAR(rain_total_mm("VOLUME", "R 0:00 1\nR 0:05 0\nR 0:30 2\n"), 3.0, 1e-9);
}

TEST(RunoffModel, RainFileReadingsAreTheGagesRecord) {
  // SWMM's user-prepared rain file: Station Year Month Day Hour Minute Value; only STA1 counts.
  const auto dir = std::filesystem::temp_directory_path() / "sf_runoff_rain_file";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "rain.dat") << "; station yyyy mm dd hh mm value\n"
                                     "STA1 2020 1 1 0 0 1.0\nSTA2 2020 1 1 0 0 9.0\n"
                                     "STA1 2020 1 1 0 5 2.0\nSTA1 2020 1 1 0 10 0.5\n";
  const std::string text = model_text("WET_STEP 00:01:00\nDRY_STEP 01:00:00\n",
                                      "[RAINGAGES]\nG1 VOLUME 0:05 1.0 FILE rain.dat STA1 IN\n"
                                      "[SUBCATCHMENTS]\nS1 G1 J1 1 100 100 1 0\n"
                                      "[SUBAREAS]\nS1 0.015 0.1 0 0 100 OUTLET\n");
  const Model m = read_inp_text(text, "t.inp", nullptr, dir.string());
  RunoffModel r(m);
  r.advance_past(1.0e9);
  // 3.5 inches (the file's own units, whatever the model's) on 1 ha
  EXPECT_NEAR(r.totals().rainfall, 3.5 * 0.0254 * 1.0e4, 1e-9);
  std::filesystem::remove_all(dir);
}

// Two subcatchments in series with every subarea kind, Horton soil, depression storage,
// evaporation and routing between subareas.
const char* kTwoSubcatchments =
    "[EVAPORATION]\nCONSTANT 3.0\nDRY_ONLY NO\n"
    "[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n"
    "[TIMESERIES]\nR 0:00 1\nR 0:05 4\nR 0:10 6\nR 0:15 3\nR 0:20 1\nR 0:25 0.5\n"
    "[SUBCATCHMENTS]\nUP G1 DOWN 2 40 80 5 0\nDOWN G1 J1 3 60 150 2 0\n"
    "[SUBAREAS]\nUP 0.012 0.15 1.5 4 25 PERVIOUS 60\nDOWN 0.015 0.2 2 5 10 IMPERVIOUS 50\n"
    "[INFILTRATION]\nUP 60 6 4 7 0\nDOWN 40 4 3 5 0\n";

TEST(RunoffModel, RunoffContinuityClosesBelowOneTenthOfAPercent) {
  const Model m = read_inp_text(
      model_text("WET_STEP 00:00:15\nDRY_STEP 01:00:00\n", kTwoSubcatchments), "t.inp");
  RunoffModel r(m);
  r.advance_past(1.0e9);
  const auto t = r.totals();
  EXPECT_NEAR(t.rainfall, 15.5e-3 * 5.0e4, 1e-9);  // 15.5 mm on 5 ha
  EXPECT_GT(t.infiltration, 0.2 * t.rainfall);
  EXPECT_GT(t.evaporation, 0.0);
  EXPECT_GT(t.runoff, 0.2 * t.rainfall);
  EXPECT_LT(std::fabs(t.continuity_error_pct()), 0.1);
}

TEST(RunoffModel, RunOnReachesTheNodeOnlyThroughTheDownstreamSubcatchment) {
  const Model m = read_inp_text(
      model_text("WET_STEP 00:00:15\nDRY_STEP 01:00:00\n", kTwoSubcatchments), "t.inp");
  RunoffModel r(m);
  std::vector<double> lat(m.nodes.size(), 0.0);
  double volume = 0.0;
  for (double t = 0.0; t < 6 * 3600.0; t += 5.0) {
    r.advance_past(t);
    lat.assign(lat.size(), 0.0);
    volume += r.add_node_inflows(t, lat) * 5.0;
  }
  const auto tot = r.totals();
  // the routed volume equals the runoff booked to nodes (the trapezoids of a 5 s routing step)
  EXPECT_NEAR(volume, tot.runoff, 2e-3 * tot.runoff);
  EXPECT_EQ(lat[m.find_node("O1")], 0.0);
}

}  // namespace
