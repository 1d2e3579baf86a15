// inlet_exchange: hand values for each regime, continuity where the regimes meet, monotonicity
// and the sign convention (Q > 0 drains the surface into the network).
#include <gtest/gtest.h>

#include <cmath>

#include "exchange/inlet_exchange.hpp"

namespace {

using sf::couple::ExchangeRegime;
using sf::couple::inlet_exchange;
using sf::couple::InletParams;

constexpr double kG = 9.81;  // round g so the hand values below are easy to redo

/// Rim at 10 m, P = 2 m, A = 0.25 m², C_w = 0.5, C_o = 0.6: the free weir gives way to the
/// orifice at h = C_o A / (C_w P) = 0.15 m.
InletParams<double> grate() {
  InletParams<double> p;
  p.rim_elevation = 10.0;
  p.perimeter = 2.0;
  p.area = 0.25;
  p.weir_coeff = 0.5;
  p.orifice_coeff = 0.6;
  return p;
}

double q_of(double surface_level, double node_head) {
  return inlet_exchange(grate(), surface_level, node_head, kG).q;
}

TEST(InletExchange, FreeWeirForShallowWaterOverAnEmptyNetwork) {
  // 0.5 * 2 * 0.05 * sqrt(2 * 9.81 * 0.05) = 0.0495227 (orifice would give 0.14857)
  const auto e = inlet_exchange(grate(), 10.05, 9.0, kG);
  EXPECT_EQ(e.regime, ExchangeRegime::FreeWeir);
  EXPECT_NEAR(e.q, 0.0495227, 1e-6);
}

TEST(InletExchange, FreeOrificeForDeepWaterOverAnEmptyNetwork) {
  // 0.6 * 0.25 * sqrt(2 * 9.81 * 0.5) = 0.469814 (weir would give 1.566)
  const auto e = inlet_exchange(grate(), 10.5, 8.0, kG);
  EXPECT_EQ(e.regime, ExchangeRegime::FreeOrifice);
  EXPECT_NEAR(e.q, 0.469814, 1e-6);
}

TEST(InletExchange, SubmergedOrificeUsesTheHeadDifference) {
  // 0.6 * 0.25 * sqrt(2 * 9.81 * (10.5 - 10.2)) = 0.363916 (drowned weir: 1.39971)
  const auto e = inlet_exchange(grate(), 10.5, 10.2, kG);
  EXPECT_EQ(e.regime, ExchangeRegime::SubmergedOrifice);
  EXPECT_NEAR(e.q, 0.363916, 1e-6);
}

TEST(InletExchange, SubmergedWeirHasTheVillemonteReduction) {
  // 0.0495227 * (1 - (0.01 / 0.05)^1.5)^0.385 = 0.0477681 (orifice: 0.132883)
  const auto e = inlet_exchange(grate(), 10.05, 10.01, kG);
  EXPECT_EQ(e.regime, ExchangeRegime::SubmergedWeir);
  EXPECT_NEAR(e.q, 0.0477681, 1e-6);
}

TEST(InletExchange, SurchargeIsTheReversedOrifice) {
  // dry surface: -0.6 * 0.25 * sqrt(2 * 9.81 * 0.8) = -0.594273
  auto e = inlet_exchange(grate(), 10.0, 10.8, kG);
  EXPECT_EQ(e.regime, ExchangeRegime::Surcharge);
  EXPECT_NEAR(e.q, -0.594273, 1e-6);
  // ponded surface at 10.3 m: head difference 0.5 m -> -0.469814
  EXPECT_NEAR(q_of(10.3, 10.8), -0.469814, 1e-6);
  // surface level below the rim (a raised lid): the water spills at the rim, dH = 0.3 m
  EXPECT_NEAR(q_of(9.9, 10.3), -0.363916, 1e-6);
}

TEST(InletExchange, NothingMovesBelowTheRimOrAtEqualLevels) {
  EXPECT_EQ(inlet_exchange(grate(), 9.95, 9.5, kG).regime, ExchangeRegime::None);
  EXPECT_EQ(q_of(9.95, 9.5), 0.0);
  EXPECT_EQ(q_of(10.0, 10.0), 0.0);
  EXPECT_EQ(q_of(10.4, 10.4), 0.0);
  EXPECT_EQ(inlet_exchange(grate(), 10.4, 10.4, kG).regime, ExchangeRegime::None);
}

TEST(InletExchange, SignFollowsTheHeadDifference) {
  for (double hs : {10.02, 10.1, 10.3, 11.0})
    for (double hn : {9.0, 10.05, 10.2, 10.6, 11.5}) {
      const double q = q_of(hs, hn);
      if (hs > hn)
        EXPECT_GT(q, 0.0) << hs << " " << hn;
      else
        EXPECT_LT(q, 0.0) << hs << " " << hn;
    }
}

TEST(InletExchange, ContinuousWhereTheRegimesMeet) {
  const double eps = 1e-9;
  // free weir <-> free orifice at h_s = 0.15 m
  EXPECT_NEAR(q_of(10.15 - eps, 9.0), q_of(10.15 + eps, 9.0), 1e-7);
  // free <-> drowned as the node head crosses the rim, in the weir and the orifice regime
  for (double hs : {10.05, 10.5})
    EXPECT_NEAR(q_of(hs, 10.0 - eps), q_of(hs, 10.0 + eps), 1e-7) << hs;
  // drained <-> surcharge as the node head crosses the surface level, above and at the rim
  for (double level : {10.0, 10.05, 10.5})
    EXPECT_NEAR(q_of(level, level - eps), q_of(level, level + eps), 1e-7) << level;
  // surface water appearing over the rim under a surcharging node
  EXPECT_NEAR(q_of(10.0 - eps, 10.4), q_of(10.0 + eps, 10.4), 1e-7);
}

TEST(InletExchange, NoJumpAnywhereOnASweep) {
  // The largest slope on this sweep is the linearised orifice near equal levels,
  // C_o A sqrt(2 g / linear_head) = 21 m²/s; a jump would show as a far larger step.
  const double step = 1e-5;
  for (double hn : {9.0, 9.99, 10.01, 10.1, 10.3}) {
    double prev = q_of(9.9, hn);
    for (double hs = 9.9 + step; hs < 10.6; hs += step) {
      const double q = q_of(hs, hn);
      ASSERT_LT(std::fabs(q - prev), 25.0 * step) << "surface " << hs << " node " << hn;
      ASSERT_GE(q, prev - 1e-15) << "Q must grow with the surface level";
      prev = q;
    }
  }
  for (double hs : {9.9, 10.02, 10.1, 10.4}) {
    double prev = q_of(hs, 9.5);
    for (double hn = 9.5 + step; hn < 10.8; hn += step) {
      const double q = q_of(hs, hn);
      ASSERT_LT(std::fabs(q - prev), 25.0 * step) << "surface " << hs << " node " << hn;
      ASSERT_LE(q, prev + 1e-15) << "Q must fall as the node head rises";
      prev = q;
    }
  }
}

TEST(InletExchange, OrificeIsLinearBelowTheLinearHead) {
  const double at = sf::couple::orifice_flow(0.6, 0.25, 1e-3, 1e-3, kG);
  EXPECT_NEAR(sf::couple::orifice_flow(0.6, 0.25, 0.5e-3, 1e-3, kG), 0.5 * at, 1e-15);
  EXPECT_NEAR(sf::couple::orifice_flow(0.6, 0.25, -0.5e-3, 1e-3, kG), -0.5 * at, 1e-15);
  EXPECT_NEAR(at, 0.6 * 0.25 * std::sqrt(2.0 * kG * 1e-3), 1e-15);
}

TEST(InletExchange, CircularLidGeometry) {
  const auto p = sf::couple::circular_inlet(12.0, 0.6);
  EXPECT_DOUBLE_EQ(p.rim_elevation, 12.0);
  EXPECT_NEAR(p.perimeter, 1.8849556, 1e-6);
  EXPECT_NEAR(p.area, 0.2827433, 1e-6);
}

TEST(InletExchange, FloatInstantiationAgreesWithDouble) {
  InletParams<float> pf;
  pf.rim_elevation = 10.0f;
  pf.perimeter = 2.0f;
  pf.area = 0.25f;
  pf.weir_coeff = 0.5f;
  pf.orifice_coeff = 0.6f;
  EXPECT_NEAR(inlet_exchange(pf, 10.5f, 10.2f, 9.81f).q, 0.363916f, 2e-5f);
}

}  // namespace
