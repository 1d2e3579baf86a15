// Regridding weights on hand-made grids: exact overlaps, subsampling, orientation.
#include <gtest/gtest.h>

#include <numeric>

#include "io/netcdf/regrid_weights.hpp"

namespace {

TEST(RegridWeights, ExactOverlapConservesAndFlipsNorthUp) {
  // Source: 2 x 2 cells of 10 m, north-up (y edges 20, 10, 0), values row-major in file order.
  const std::vector<double> xe{0, 10, 20}, ye{20, 10, 0};
  const std::vector<double> src{1, 2,   // north row
                                3, 4};  // south row
  // Target: 3 x 3 cells of 20/3 m covering the same square.
  const sf::rain::GridGeometry target{3, 3, 20.0 / 3.0, 0.0, 0.0, ""};
  const auto w = sf::io::overlap_weights_same_crs(xe, ye, target);
  EXPECT_EQ(w.partly_covered_cells + w.uncovered_cells, 0u);
  std::vector<float> out;
  sf::io::apply_regrid_weights(w, src, out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);  // south-west target cell lies in the south-west source cell
  EXPECT_FLOAT_EQ(out[8], 2.0f);  // north-east
  EXPECT_FLOAT_EQ(out[4], 2.5f);  // centre: a quarter of each
  const double volume = std::accumulate(out.begin(), out.end(), 0.0) * (400.0 / 9.0);
  EXPECT_NEAR(volume, (1 + 2 + 3 + 4) * 100.0, 1e-9);
}

TEST(RegridWeights, PartialCoverageIsCounted) {
  const std::vector<double> xe{0, 10}, ye{0, 10};
  const sf::rain::GridGeometry target{2, 1, 10.0, 5.0, 0.0, ""};
  const auto w = sf::io::overlap_weights_same_crs(xe, ye, target);
  EXPECT_EQ(w.partly_covered_cells, 1u);
  EXPECT_EQ(w.uncovered_cells, 1u);
}

TEST(RegridWeights, SubsampledIdentityMatchesExactOnAlignedGrid) {
  const std::vector<double> xe{0, 10, 20}, ye{20, 10, 0};
  const std::vector<double> src{1, 2, 3, 4};
  const sf::rain::GridGeometry target{4, 4, 5.0, 0.0, 0.0, ""};
  const auto w = sf::io::subsampled_weights(xe, ye, target, 4, [](auto&, auto&) {});
  std::vector<float> out;
  sf::io::apply_regrid_weights(w, src, out);
  EXPECT_FLOAT_EQ(out[0], 3.0f);
  EXPECT_FLOAT_EQ(out[15], 2.0f);
  EXPECT_EQ(w.partly_covered_cells + w.uncovered_cells, 0u);
}

}  // namespace
