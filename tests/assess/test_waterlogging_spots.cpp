// Waterlogging spots on small hand-made event maps: components, areas, depths, times, classes.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "assess/waterlogging_spots.hpp"

namespace {

using namespace sf::assess;

// The class tables of the tests (the documented defaults; the program reads them from the case
// schema, tests/app/test_case_waterlogging_keys.cpp).
RiskTable risk_table() {
  RiskTable t;
  t.depth = {{0.15, 0.30, 0.50}, {"0.15-0.30 m", "0.30-0.50 m", ">= 0.50 m"}};
  t.duration = {{0.0, 1800.0, 3600.0}, {"< 30 min", "30-60 min", ">= 60 min"}};
  t.risk = {{1, 1, 2}, {1, 2, 3}, {2, 3, 3}};
  t.risk_names = {"low", "medium", "high"};
  t.hazard = {{0.0, 0.75, 1.25, 2.0}, {"low", "moderate", "significant", "extreme"}};
  return t;
}

// 6 x 4 cells of 2 m, south-west corner at (100, 200). Two puddles above 0.15 m:
//   A: cells (1,1) (2,1) (2,2), max depths 0.20 0.45 0.30, the deepest at t = 1200 s
//   B: cell (5,3) alone, 0.60 m
//   C: cell (3,3), 0.16 m, diagonal to (2,2): corner neighbours are separate spots.
EventMaps puddles() {
  EventMaps m;
  m.nx = 6;
  m.ny = 4;
  m.dx = 2.0;
  m.x0 = 100.0;
  m.y0 = 200.0;
  const std::size_t n = 24;
  m.max_depth.assign(n, 0.05);
  m.time_of_max_depth.assign(n, 600.0);
  m.duration_above.assign(n, 0.0);
  auto at = [&](int i, int j) { return std::size_t(j * m.nx + i); };
  m.max_depth[at(1, 1)] = 0.20;
  m.max_depth[at(2, 1)] = 0.45;
  m.max_depth[at(2, 2)] = 0.30;
  m.time_of_max_depth[at(2, 1)] = 1200.0;
  m.duration_above[at(1, 1)] = 900.0;
  m.duration_above[at(2, 1)] = 2400.0;
  m.duration_above[at(2, 2)] = 1500.0;
  m.max_depth[at(5, 3)] = 0.60;
  m.time_of_max_depth[at(5, 3)] = 3000.0;
  m.duration_above[at(5, 3)] = 4000.0;
  m.max_depth[at(3, 3)] = 0.16;  // diagonal to (2,2)
  m.duration_above[at(3, 3)] = 60.0;
  m.max_hazard.assign(n, 0.1);
  m.max_hazard[at(2, 1)] = 0.9;
  m.max_hazard[at(5, 3)] = 2.5;
  return m;
}

}  // namespace

TEST(WaterloggingSpots, ComponentsAreFourConnectedAndOrderedDeepestFirst) {
  const SpotMap r = find_spots(puddles(), SpotOptions{}, risk_table());
  ASSERT_EQ(r.spots.size(), 3u);
  const Spot& b = r.spots[0];
  const Spot& a = r.spots[1];
  const Spot& c = r.spots[2];
  EXPECT_EQ(b.cells, 1);
  EXPECT_DOUBLE_EQ(b.max_depth_m, 0.60);
  EXPECT_DOUBLE_EQ(b.x, 100.0 + 5.5 * 2.0);
  EXPECT_DOUBLE_EQ(b.y, 200.0 + 3.5 * 2.0);
  EXPECT_EQ(a.cells, 3);
  EXPECT_DOUBLE_EQ(a.area_m2, 12.0);
  EXPECT_DOUBLE_EQ(a.max_depth_m, 0.45);
  EXPECT_NEAR(a.mean_max_depth_m, (0.20 + 0.45 + 0.30) / 3.0, 1e-15);
  EXPECT_DOUBLE_EQ(a.time_of_max_s, 1200.0);
  EXPECT_DOUBLE_EQ(a.duration_above_s, 2400.0);
  EXPECT_DOUBLE_EQ(a.centroid_x, 100.0 + (1.5 + 2.5 + 2.5) / 3.0 * 2.0);
  EXPECT_DOUBLE_EQ(a.centroid_y, 200.0 + (1.5 + 1.5 + 2.5) / 3.0 * 2.0);
  EXPECT_EQ(c.cells, 1);  // (3,3) only touches A by a corner
  EXPECT_DOUBLE_EQ(c.max_depth_m, 0.16);
  EXPECT_EQ(r.label[1 * 6 + 2], a.id);
  EXPECT_EQ(r.label[3 * 6 + 3], c.id);
  EXPECT_EQ(r.label[0], 0);
}

TEST(WaterloggingSpots, DepthAndDurationGiveTheRiskOfTheTable) {
  const SpotMap r = find_spots(puddles(), SpotOptions{}, risk_table());
  // B: 0.60 m (deep), 4000 s (>= 60 min) -> high; hazard 2.5 -> extreme
  EXPECT_EQ(r.spots[0].depth_class, 3);
  EXPECT_EQ(r.spots[0].duration_class, 3);
  EXPECT_EQ(r.spots[0].risk, 3);
  EXPECT_EQ(r.spots[0].hazard_class, 4);
  // A: 0.45 m (0.30-0.50), 2400 s (30-60 min) -> medium; hazard 0.9 -> moderate
  EXPECT_EQ(r.spots[1].depth_class, 2);
  EXPECT_EQ(r.spots[1].duration_class, 2);
  EXPECT_EQ(r.spots[1].risk, 2);
  EXPECT_EQ(r.spots[1].hazard_class, 2);
  // per cell: (1,1) 0.20 m for 900 s -> low
  EXPECT_EQ(r.risk[1 * 6 + 1], 1);
  EXPECT_EQ(r.risk[0], 0);
}

TEST(WaterloggingSpots, MaskThresholdAndMinimumArea) {
  EventMaps m = puddles();
  m.mask.assign(24, 1);
  m.mask[1 * 6 + 2] = 0;  // (2,1) is not a road: A splits into (1,1) and (2,2)
  SpotOptions o;
  o.min_area_m2 = 4.0;
  SpotMap r = find_spots(m, o, risk_table());
  EXPECT_EQ(r.spots.size(), 4u);
  o.min_area_m2 = 8.0;  // every spot is now one cell of 4 m²
  r = find_spots(m, o, risk_table());
  EXPECT_TRUE(r.spots.empty());
  o = SpotOptions{};
  o.threshold_m = 0.5;
  r = find_spots(puddles(), o, risk_table());
  ASSERT_EQ(r.spots.size(), 1u);
  EXPECT_DOUBLE_EQ(r.spots[0].max_depth_m, 0.60);
}

TEST(WaterloggingSpots, BadTablesAndMapsAreRefusedWithTheReason) {
  RiskTable t = risk_table();
  t.risk.pop_back();
  EXPECT_THROW(
      {
        try {
          find_spots(puddles(), SpotOptions{}, t);
        } catch (const std::invalid_argument& e) {
          EXPECT_NE(std::string(e.what()).find("expected one per depth class (3)"),
                    std::string::npos);
          throw;
        }
      },
      std::invalid_argument);
  t = risk_table();
  t.depth.bounds = {0.3, 0.15, 0.5};
  EXPECT_THROW(find_spots(puddles(), SpotOptions{}, t), std::invalid_argument);
  EventMaps m = puddles();
  m.duration_above.pop_back();
  EXPECT_THROW(find_spots(m, SpotOptions{}, risk_table()), std::invalid_argument);
}
