// Design storms: GB 50014 formula, Chicago hyetograph (exact depth, peak), presets, validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

#include "rain/chicago_hyetograph.hpp"
#include "rain/storm_presets.hpp"

namespace {

using sf::rain::ChicagoParameters;
using sf::rain::StormIntensityFormula;

// Shanghai DB31/T 1043-2017 constants, written out so the test does not depend on the preset.
const StormIntensityFormula kShanghai =
    StormIntensityFormula::from_q_form(1600.0, 0.846, 7.0, 0.656);

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST(StormFormula, MeanIntensityByHand) {
  // P = 10: 1 + 0.846 lg 10 = 1.846; t = 10 min: (17)^0.656.
  const double i = 1600.0 / 167.0 * 1.846 / std::pow(17.0, 0.656);
  EXPECT_NEAR(kShanghai.mean_intensity_mm_per_min(10.0, 10.0), i, 1e-12);
  EXPECT_NEAR(kShanghai.q_L_per_s_ha(10.0, 10.0), 1600.0 * 1.846 / std::pow(17.0, 0.656), 1e-9);
  EXPECT_NEAR(kShanghai.depth_mm(60.0, 1.0), 60.0 * 1600.0 / 167.0 / std::pow(67.0, 0.656), 1e-12);
}

TEST(Chicago, TotalDepthEqualsFormulaDepth) {
  for (double step_s : {60.0, 300.0, 420.0}) {  // 420 s: the last block is shorter
    for (double r : {0.0, 0.375, 0.5, 1.0}) {
      const ChicagoParameters storm{7200.0, r, step_s, 5.0};
      const sf::TimeSeries s = sf::rain::chicago_hyetograph(kShanghai, storm);
      const double depth_m = s.integral(0.0, storm.duration_s);
      const double expected_m = kShanghai.depth_mm(120.0, 5.0) * 1e-3;
      EXPECT_NEAR(depth_m / expected_m, 1.0, 1e-9) << "step " << step_s << " r " << r;
      EXPECT_EQ(s.value(storm.duration_s + 1.0), 0.0);  // rain stops at T
    }
  }
}

TEST(Chicago, PeakBlockByHand) {
  // T = 120 min, r = 0.4: peak at 48 min, inside block [45, 50) (index 9).
  const ChicagoParameters storm{7200.0, 0.4, 300.0, 2.0};
  const double a = 1600.0 / 167.0 * (1.0 + 0.846 * std::log10(2.0));
  const auto D = [&](double t) { return a * t / std::pow(t + 7.0, 0.656); };
  // H(50) - H(45) = r D(3 / r) + (1 - r) D(2 / (1 - r)): the parts before and after the peak.
  const double block = (0.4 * D(3.0 / 0.4) + 0.6 * D(2.0 / 0.6)) / 5.0;
  const auto blocks = sf::rain::chicago_block_intensities_mm_per_min(kShanghai, storm);
  ASSERT_EQ(blocks.size(), 24u);
  const auto peak = std::max_element(blocks.begin(), blocks.end()) - blocks.begin();
  EXPECT_EQ(peak, 9);
  EXPECT_NEAR(blocks[9], block, 1e-12);
  const double peak_instant = a / std::pow(7.0, 0.656);
  EXPECT_NEAR(sf::rain::chicago_peak_intensity_mm_per_min(kShanghai, 2.0), peak_instant, 1e-12);
  EXPECT_LT(blocks[9], peak_instant);

  // Independent check of H: Simpson integration of the instantaneous Keifer-Chu curve.
  const auto instantaneous = [&](double t) {
    const double tb = t < 48.0 ? (48.0 - t) / 0.4 : (t - 48.0) / 0.6;
    return a * ((1.0 - 0.656) * tb + 7.0) / std::pow(tb + 7.0, 1.656);
  };
  const auto simpson = [&](double t0, double t1) {
    const int n = 2000;
    const double h = (t1 - t0) / n;
    double s = instantaneous(t0) + instantaneous(t1);
    for (int k = 1; k < n; ++k) s += instantaneous(t0 + k * h) * (k % 2 ? 4.0 : 2.0);
    return s * h / 3.0;
  };
  EXPECT_NEAR(blocks[3], simpson(15.0, 20.0) / 5.0, 1e-9);
  EXPECT_NEAR(blocks[15], simpson(75.0, 80.0) / 5.0, 1e-9);
  EXPECT_NEAR(blocks[9], (simpson(45.0, 48.0) + simpson(48.0, 50.0)) / 5.0, 1e-9);
}

TEST(Chicago, SeriesIsInMetresPerSecond) {
  const ChicagoParameters storm{3600.0, 0.5, 600.0, 1.0};
  const auto blocks = sf::rain::chicago_block_intensities_mm_per_min(kShanghai, storm);
  const sf::TimeSeries s = sf::rain::chicago_hyetograph(kShanghai, storm);
  EXPECT_EQ(s.interpolation(), sf::TimeSeries::Interpolation::kStep);
  EXPECT_NEAR(s.value(1500.0), blocks[2] * 1e-3 / 60.0, 1e-18);
}

TEST(StormFormula, ValidationNamesTheParameter) {
  const auto chicago = [](StormIntensityFormula f, double P) {
    return message_of([&] { sf::rain::chicago_hyetograph(f, {3600.0, 0.4, 300.0, P}); });
  };
  EXPECT_NE(chicago({-1.0, 0.8, 10.0, 0.7}, 2.0).find("A1 = -1"), std::string::npos);
  EXPECT_NE(chicago({10.0, 0.8, -3.0, 0.7}, 2.0).find("b = -3"), std::string::npos);
  EXPECT_NE(chicago({10.0, 0.8, 10.0, 1.2}, 2.0).find("n = 1.2; expected 0 < n < 1"),
            std::string::npos);
  EXPECT_NE(chicago({10.0, 0.8, 10.0, 0.7}, 0.0).find("return period P = 0"), std::string::npos);
  EXPECT_NE(chicago({10.0, 2.0, 10.0, 0.7}, 0.1).find("1 + C lg P <= 0"), std::string::npos);
  const std::string both = chicago({0.0, 0.8, 10.0, 0.0}, 2.0);
  EXPECT_NE(both.find("A1 = 0"), std::string::npos);
  EXPECT_NE(both.find("n = 0"), std::string::npos);
  EXPECT_NE(message_of([] {
              sf::rain::chicago_hyetograph(kShanghai, {3600.0, 1.5, 300.0, 2.0});
            }).find("peak position r = 1.5"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              sf::rain::chicago_hyetograph(kShanghai, {3600.0, 0.4, 0.0, 2.0});
            }).find("step = 0"),
            std::string::npos);
}

TEST(StormPresets, KnownKeysAndUnknownKey) {
  const auto& sh = sf::rain::storm_formula_preset("shanghai-2017");
  EXPECT_NEAR(sh.formula.q_L_per_s_ha(10.0, 1.0), 1600.0 / std::pow(17.0, 0.656), 1e-9);
  const auto& bj = sf::rain::storm_formula_preset("beijing-classic");
  EXPECT_NEAR(bj.formula.q_L_per_s_ha(5.0, 1.0), 2001.0 / std::pow(13.0, 0.711), 1e-9);
  for (const auto& p : sf::rain::storm_formula_presets()) {
    EXPECT_NO_THROW(p.formula.validate()) << p.key;
    EXPECT_FALSE(p.source.empty()) << p.key;
  }
  const std::string m = message_of([] { sf::rain::storm_formula_preset("atlantis"); });
  EXPECT_NE(m.find("\"atlantis\" is unknown"), std::string::npos) << m;
  EXPECT_NE(m.find("shanghai-2017"), std::string::npos) << m;
}

}  // namespace
