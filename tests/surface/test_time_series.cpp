#include <gtest/gtest.h>

#include <stdexcept>

#include "engine/time_series.hpp"

using sf::TimeSeries;

TEST(TimeSeries, LinearValuesAndExactIntegral) {
  TimeSeries s({0, 10, 20}, {0, 10, 0});
  EXPECT_DOUBLE_EQ(s.value(5), 5);
  EXPECT_DOUBLE_EQ(s.value(-1), 0);
  EXPECT_DOUBLE_EQ(s.value(30), 0);
  EXPECT_DOUBLE_EQ(s.integral(0, 20), 100);  // triangle
  EXPECT_DOUBLE_EQ(s.integral(5, 15), 75);
  EXPECT_DOUBLE_EQ(s.mean(0, 10), 5);
  EXPECT_DOUBLE_EQ(s.integral(20, 30), 0);
}

TEST(TimeSeries, StepHoldsEachValueOverItsInterval) {
  TimeSeries s({0, 60, 120}, {1, 3, 0}, TimeSeries::Interpolation::kStep);
  EXPECT_DOUBLE_EQ(s.value(59.9), 1);
  EXPECT_DOUBLE_EQ(s.value(60), 3);
  EXPECT_DOUBLE_EQ(s.integral(30, 90), 30 * 1 + 30 * 3);
  EXPECT_DOUBLE_EQ(s.integral(0, 200), 60 + 180);
}

TEST(TimeSeries, RejectsTimesThatDoNotIncrease) {
  EXPECT_THROW(TimeSeries({0, 10, 10}, {1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(TimeSeries({0, 10}, {1}), std::invalid_argument);
}
