// Ensemble maps on hand-made members: probabilities, quantiles (Hyndman-Fan 7), the likely
// arrival and per-spot probabilities.
#include <gtest/gtest.h>

#include "forecast/ensemble_maps.hpp"

namespace sf::forecast {
namespace {

// Four members, three cells: cell 0 floods in every member, cell 1 in two, cell 2 in none.
std::vector<MemberMaps> four_members() {
  return {{{0.40, 0.20, 0.05}, {600, 1200, -1}},
          {{0.35, 0.10, 0.00}, {900, -1, -1}},
          {{0.50, 0.31, 0.10}, {300, 1500, -1}},
          {{0.20, 0.00, 0.02}, {1200, -1, -1}}};
}

TEST(EnsembleMaps, ExceedanceProbabilityCountsMembersAboveTheThreshold) {
  const auto m = four_members();
  EXPECT_EQ(exceedance_probability(m, 0.15), (std::vector<double>{1.0, 0.5, 0.0}));
  EXPECT_EQ(exceedance_probability(m, 0.30), (std::vector<double>{0.75, 0.25, 0.0}));
}

TEST(EnsembleMaps, QuantilesInterpolateBetweenOrderStatistics) {
  const auto m = four_members();
  // cell 0 sorted: 0.20 0.35 0.40 0.50; median at position 1.5 -> 0.375; p90 at 2.7 -> 0.47
  const auto median = max_depth_quantile(m, 0.5), p90 = max_depth_quantile(m, 0.9);
  EXPECT_NEAR(median[0], 0.375, 1e-12);
  EXPECT_NEAR(p90[0], 0.47, 1e-12);
  EXPECT_NEAR(median[1], 0.15, 1e-12);  // 0.00 0.10 0.20 0.31
  EXPECT_NEAR(max_depth_quantile(m, 1.0)[2], 0.10, 1e-12);
  EXPECT_NEAR(max_depth_quantile(m, 0.0)[2], 0.00, 1e-12);
}

TEST(EnsembleMaps, LikelyArrivalIsWhenHalfTheMembersHaveArrived) {
  const auto m = four_members();
  // cell 0: 300 600 900 1200 -> the 2nd earliest; cell 1: 1200 1500 -> 1500; cell 2: never
  EXPECT_EQ(likely_arrival(m, 0.5), (std::vector<double>{600, 1500, -1}));
  EXPECT_EQ(likely_arrival(m, 0.75), (std::vector<double>{900, -1, -1}));
  EXPECT_EQ(likely_arrival(m, 0.25), (std::vector<double>{300, 1200, -1}));
}

TEST(EnsembleMaps, OneMemberGivesZeroOrOneAndItsOwnMaps) {
  const std::vector<MemberMaps> one{{{0.40, 0.15, 0.16}, {60, -1, 120}}};
  EXPECT_EQ(exceedance_probability(one, 0.15), (std::vector<double>{1.0, 0.0, 1.0}));
  EXPECT_EQ(max_depth_quantile(one, 0.9), one[0].max_depth);
  EXPECT_EQ(likely_arrival(one, 0.5), one[0].arrival);
}

TEST(EnsembleMaps, SpotProbabilityIsTheShareOfMembersFloodingAnyOfItsCells) {
  const auto m = four_members();
  // spot 1 = cell 0 (always), spot 2 = cells 1 and 2 (members 0 and 2 above 0.15 there)
  EXPECT_EQ(spot_probability({1, 2, 2}, 2, m, 0.15), (std::vector<double>{1.0, 0.5}));
  EXPECT_EQ(max_depth_envelope(m), (std::vector<double>{0.50, 0.31, 0.10}));
}

TEST(EnsembleMaps, MembersOfOtherSizesAreRefused) {
  auto m = four_members();
  m[2].arrival.pop_back();
  EXPECT_THROW(exceedance_probability(m, 0.15), std::invalid_argument);
  EXPECT_THROW(exceedance_probability({}, 0.15), std::invalid_argument);
}

}  // namespace
}  // namespace sf::forecast
