// limit_exchange: a step never takes more than the giving side holds, so depths stay >= 0.
#include <gtest/gtest.h>

#include "exchange/exchange_limiter.hpp"

namespace {

using sf::couple::limit_exchange;

TEST(ExchangeLimiter, InflowIsCappedByTheSurfaceWater) {
  // 4 m³ on the surface, 10 s step: at most 0.4 m³/s can drain
  EXPECT_DOUBLE_EQ(limit_exchange(1.0, 10.0, 4.0, 100.0), 0.4);
  EXPECT_DOUBLE_EQ(limit_exchange(0.2, 10.0, 4.0, 0.0), 0.2);  // enough water: unchanged
}

TEST(ExchangeLimiter, SurchargeIsCappedByTheNodeWater) {
  EXPECT_DOUBLE_EQ(limit_exchange(-1.0, 10.0, 100.0, 3.0), -0.3);
  EXPECT_DOUBLE_EQ(limit_exchange(-0.1, 10.0, 0.0, 3.0), -0.1);
}

TEST(ExchangeLimiter, EmptySidesGiveNothingAndSignIsKept) {
  EXPECT_EQ(limit_exchange(1.0, 10.0, 0.0, 5.0), 0.0);
  EXPECT_EQ(limit_exchange(-1.0, 10.0, 5.0, 0.0), 0.0);
  EXPECT_EQ(limit_exchange(1.0, 10.0, -2.0, 5.0), 0.0);  // negative volume = empty
  EXPECT_EQ(limit_exchange(-1.0, 10.0, 5.0, -2.0), 0.0);
  EXPECT_EQ(limit_exchange(0.0, 10.0, 5.0, 5.0), 0.0);
  EXPECT_GE(limit_exchange(0.7, 1.0, 0.3, 0.0), 0.0);
  EXPECT_LE(limit_exchange(-0.7, 1.0, 0.0, 0.3), 0.0);
}

TEST(ExchangeLimiter, ZeroStepLeavesTheRateAlone) {
  EXPECT_EQ(limit_exchange(1.5, 0.0, 0.0, 0.0), 1.5);
}

TEST(ExchangeLimiter, DepthsStayNonNegativeOverRepeatedSteps) {
  // A 2 m x 2 m cell with 5 cm of water draining into a node that holds 0.5 m³, alternating
  // with surcharge: after every limited step both volumes are >= 0 (round-off aside).
  const double area = 4.0, dt = 0.5;
  double surface = 0.05 * area, node = 0.5;
  for (int k = 0; k < 200; ++k) {
    const double q_raw = (k % 3 == 0) ? -2.0 : 1.3;
    const double q = limit_exchange(q_raw, dt, surface, node);
    surface -= q * dt;
    node += q * dt;
    ASSERT_GE(surface, -1e-15) << k;
    ASSERT_GE(node, -1e-15) << k;
  }
  EXPECT_NEAR(surface + node, 0.05 * area + 0.5, 1e-12);  // the limiter moves, never creates
}

}  // namespace
