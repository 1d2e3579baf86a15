// LID controls in subcatchments against EPA SWMM 5.2.4: one small model per LID type and one mixed
// model (tests/runoff/data/lid/, made by gen_models.py; SWMM's results beside them, made by
// make_references.py; `us` in US units). Runoff continuity rows within 0.5 % (or the report's
// rounding, 0.002 mm or 0.0006 in) and the hourly subcatchment runoff within 2 % of its peak.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "inp/reader.hpp"
#include "inp/units.hpp"
#include "runoff/runoff_model.hpp"

namespace {

const std::string kDir = std::string(SPONGEFLOW_SOURCE_DIR) + "/tests/runoff/data/lid/";

class LidAgainstSwmm : public testing::TestWithParam<const char*> {};

TEST_P(LidAgainstSwmm, TotalsAndHourlyRunoffMatch) {
  const std::string name = GetParam();
  std::ifstream in(kDir + name + ".json");
  ASSERT_TRUE(in) << kDir + name + ".json";
  const nlohmann::json ref = nlohmann::json::parse(in);
  const sf::inp::Model model = sf::inp::read_inp_file(kDir + name + ".inp");
  sf::runoff::RunoffModel runoff(model);
  const double step = ref["report_step_s"].get<double>();
  std::map<std::string, std::vector<double>> hourly;
  const auto& ref_runoff = ref["runoff_cms"];
  const size_t periods = ref_runoff.begin()->size();
  const size_t n_sub = model.subcatchments.size();
  std::vector<double> before(n_sub, 0.0);
  for (size_t p = 1; p <= periods; ++p) {
    // SWMM reports at t between the runoff times around it, weighting old and new results
    const double t = p * step;
    double t_before = runoff.time();
    while (runoff.time() < t) {
      t_before = runoff.time();
      for (size_t j = 0; j < n_sub; ++j) before[j] = runoff.reported_runoff(static_cast<int>(j));
      runoff.advance_past(runoff.time());  // one runoff step
    }
    const double f = runoff.time() > t_before ? (t - t_before) / (runoff.time() - t_before) : 1.0;
    for (size_t j = 0; j < n_sub; ++j)
      hourly[model.subcatchments[j].id].push_back((1.0 - f) * before[j] +
                                                  f * runoff.reported_runoff(static_cast<int>(j)));
  }
  runoff.advance_past(1e30);
  double worst_hourly = 0.0, worst_total = 0.0;  // fraction of the peak / of the row
  for (const auto& [id, series] : ref_runoff.items()) {
    std::vector<double> swmm = series.get<std::vector<double>>();
    for (double& q : swmm) q *= sf::inp::cubic_metres_per_second(model.options.flow_units);
    const double peak = *std::max_element(swmm.begin(), swmm.end());
    ASSERT_GT(peak, 0.0);
    for (size_t p = 0; p < swmm.size(); ++p) {
      worst_hourly = std::max(worst_hourly, std::abs(hourly[id][p] - swmm[p]) / peak);
      EXPECT_NEAR(hourly[id][p], swmm[p], 0.02 * peak) << name << " " << id << " hour " << p + 1;
    }
  }
  const sf::runoff::RunoffTotals t = runoff.totals();
  const auto& c = ref["continuity_mm"];
  // SWMM prints depths with 3 decimals, in mm (SI) or inches (US): half the last digit is the
  // report's own rounding
  const bool us = model.options.unit_system == sf::inp::UnitSystem::US;
  const double per_m = us ? 1.0 / 0.0254 : 1e3, rounding = us ? 0.0006 : 0.002;
  auto mm = [&](double v) { return v / t.area * per_m; };
  auto expect_row = [&](const char* key, double ours) {
    const double swmm = c.value(key, 0.0);
    if (swmm > 100 * rounding)
      worst_total = std::max(worst_total, std::abs(mm(ours) - swmm) / swmm);
    EXPECT_NEAR(mm(ours), swmm, std::max(0.005 * std::abs(swmm), rounding)) << name << " " << key;
  };
  expect_row("precipitation", t.rainfall);
  expect_row("initial_lid_storage", t.initial_storage);
  expect_row("evaporation", t.evaporation);
  expect_row("infiltration", t.infiltration);
  expect_row("surface_runoff", t.runoff);
  expect_row("lid_drainage", t.lid_drainage);
  expect_row("final_storage", t.final_storage);
  EXPECT_LT(std::abs(t.continuity_error_pct()), 0.1) << name;
  std::printf(
      "%s: hourly runoff within %.4f %% of the peak, totals (> 100x rounding) within %.4f %%, "
      "continuity error %.4f %%\n",
      name.c_str(), 100.0 * worst_hourly, 100.0 * worst_total, t.continuity_error_pct());
}

INSTANTIATE_TEST_SUITE_P(EachLidType, LidAgainstSwmm,
                         testing::Values("bc", "rg", "gr", "it", "pp", "rb", "rd", "mixed", "us",
                                         "vs", "vsga", "bccurve"));

}  // namespace
