// Pollutant routing against EPA SWMM 5.2.4 on four small models of our own
// (tests/pipe/data/quality/: dry-weather flow with patterns, a combined sewer with an overflow
// weir, a storage tank with decay, MASS inflows with ug/L and #/L pollutants; SWMM's results
// beside them, made by make_references.py). Outfall loads within 1 % (the bar is 5 %),
// the quality continuity error within 0.1 percentage points of SWMM's, and the concentration at
// a few nodes at every report time within 2 % of the series' peak.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

const std::string kDir = std::string(SPONGEFLOW_SOURCE_DIR) + "/tests/pipe/data/quality/";

nlohmann::json reference(const std::string& name) {
  std::ifstream in(kDir + name + ".json");
  if (!in) throw std::runtime_error("cannot read " + kDir + name + ".json");
  return nlohmann::json::parse(in);
}

bool is_count(const nlohmann::json& ref, const std::string& pollutant) {
  const auto& c = ref["log10_count"];
  return std::find(c.begin(), c.end(), pollutant) != c.end();
}

class QualityAgainstSwmm : public testing::TestWithParam<const char*> {
 protected:
  const std::string name = GetParam();
  const nlohmann::json ref = reference(name);
  const sf::inp::Model model = sf::inp::read_inp_file(kDir + name + ".inp");
};

TEST_P(QualityAgainstSwmm, OutfallLoadsAndContinuityMatch) {
  sf::network::NetworkEngine eng(model);
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  const int np = eng.pollutant_count();
  ASSERT_EQ(np, static_cast<int>(ref["pollutants"].size()));
  const std::vector<double> loads = eng.outfall_loads();
  double worst = 0.0;  // largest relative difference of a load (of log10 for counts)
  for (const auto& [outfall, by_pollutant] : ref["outfall_loads"].items()) {
    const int i = eng.node_index(outfall);
    ASSERT_GE(i, 0) << outfall;
    for (int p = 0; p < np; ++p) {
      const std::string id = model.pollutants[p].id;
      const double swmm = by_pollutant[id].get<double>();
      double ours = loads[static_cast<size_t>(i * np + p)];
      if (is_count(ref, id)) {
        ours = std::log10(ours);  // SWMM reports log10 of the count
        EXPECT_NEAR(ours, swmm, std::log10(1.01)) << name << " " << outfall << " " << id;
        worst = std::max(worst, std::pow(10.0, std::abs(ours - swmm)) - 1.0);
      } else {
        worst = std::max(worst, std::abs(ours - swmm) / swmm);
        EXPECT_NEAR(ours, swmm, 0.01 * swmm + 0.0005) << name << " " << outfall << " " << id;
      }
    }
  }
  std::printf("%s: largest outfall load difference to SWMM 5.2.4: %.4f %%\n", name.c_str(),
              100.0 * worst);
  const std::vector<sf::network::QualityBalance> balance = eng.quality_balance();
  for (const auto& b : balance)
    EXPECT_NEAR(b.continuity_error_pct(), ref["quality_continuity_error_pct"][b.pollutant], 0.1)
        << name << " " << b.pollutant;
}

TEST_P(QualityAgainstSwmm, NodeConcentrationsMatchAtReportTimes) {
  sf::network::NetworkEngine eng(model);
  eng.start();
  const double step = ref["report_step_s"].get<double>();
  const auto& series = ref["node_concentration"];
  const size_t periods = series.begin()->begin()->size();
  std::map<std::string, std::vector<std::vector<double>>> ours;
  for (size_t k = 1; k <= periods; ++k) {
    eng.step_until(k * step);  // SWMM's first report is one report step after the start
    for (const auto& [node, by_pollutant] : series.items()) {
      auto& rows = ours[node];
      rows.resize(model.pollutants.size());
      for (size_t p = 0; p < model.pollutants.size(); ++p)
        rows[p].push_back(eng.node_concentration(eng.node_index(node), static_cast<int>(p)));
    }
  }
  for (const auto& [node, by_pollutant] : series.items()) {
    for (size_t p = 0; p < model.pollutants.size(); ++p) {
      const std::vector<double> swmm =
          by_pollutant[model.pollutants[p].id].get<std::vector<double>>();
      const double peak = *std::max_element(swmm.begin(), swmm.end());
      double worst = 0.0;
      for (size_t k = 0; k < swmm.size(); ++k)
        worst = std::max(worst, std::abs(ours[node][p][k] - swmm[k]) / peak);
      EXPECT_LT(worst, 0.02) << name << " " << node << " " << model.pollutants[p].id;
      std::printf("%s %s %s: largest difference %.3f %% of the peak\n", name.c_str(), node.c_str(),
                  model.pollutants[p].id.c_str(), 100.0 * worst);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Models, QualityAgainstSwmm,
                         testing::Values("dwf", "combined", "tank", "mass"));

}  // namespace
