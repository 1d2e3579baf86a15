// The synthetic demo catchment: deterministic to the bit, and shaped like an urban catchment
// (streets below blocks, buildings on the mask, a fall towards the outlet on the east edge).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "demo/demo_dem.hpp"

namespace {

using sf::mesh::LandUse;

/// FNV-1a over the values rounded to micrometres: stable against last-bit differences, but any
/// real change of the generator changes it.
std::uint64_t checksum(const sf::mesh::Raster& r) {
  std::uint64_t h = 1469598103934665603ULL;
  for (double v : r.values) {
    const auto q = static_cast<std::uint64_t>(std::llround(v * 1e6));
    for (int b = 0; b < 8; ++b) {
      h ^= (q >> (8 * b)) & 0xffU;
      h *= 1099511628211ULL;
    }
  }
  return h;
}

const sf::mesh::DemoCatchment& demo() {
  static const sf::mesh::DemoCatchment c = sf::mesh::make_demo_catchment();
  return c;
}

LandUse use_at(const sf::mesh::DemoCatchment& c, std::size_t k) {
  return static_cast<LandUse>(static_cast<int>(c.land_use.values[k]));
}

TEST(DemoCatchment, ChecksumsArePinned) {
  // Update these only on purpose, when the demo is meant to change (and say so in the commit).
  EXPECT_EQ(checksum(demo().dem), 16539036070542315732ULL);
  EXPECT_EQ(checksum(demo().manning), 15595095281323049539ULL);
  EXPECT_EQ(checksum(demo().land_use), 3742560503336535895ULL);
}

TEST(DemoCatchment, GridIsOneSquareKilometreInTheLocalCrs) {
  const auto& dem = demo().dem;
  EXPECT_EQ(dem.nx, 500);
  EXPECT_EQ(dem.ny, 500);
  EXPECT_EQ(dem.dx, 2.0);
  EXPECT_NE(dem.crs_wkt.find("\"EPSG\",\"4547\"]]"), std::string::npos);
  for (const auto* r : {&demo().ground, &demo().buildings, &demo().manning, &demo().land_use}) {
    EXPECT_EQ(r->nx, dem.nx);
    EXPECT_EQ(r->ny, dem.ny);
    EXPECT_EQ(r->x0, dem.x0);
    EXPECT_EQ(r->y0, dem.y0);
    EXPECT_EQ(r->values.size(), dem.size());
  }
}

TEST(DemoCatchment, ClassesManningAndBuildingsAgree) {
  const auto& c = demo();
  int counts[7] = {};
  for (std::size_t k = 0; k < c.dem.size(); ++k) {
    const LandUse use = use_at(c, k);
    ++counts[static_cast<int>(use)];
    EXPECT_EQ(c.manning.values[k], sf::mesh::demo_manning(use));
    const bool building = c.buildings.values[k] == 1.0;
    EXPECT_EQ(building, use == LandUse::Roof);
    EXPECT_EQ(c.dem.values[k], building ? c.ground.values[k] + 10.0 : c.ground.values[k]);
  }
  for (int use = 1; use <= 6; ++use) EXPECT_GT(counts[use], 0) << "land use " << use;
  EXPECT_EQ(sf::mesh::demo_manning(LandUse::Road), 0.015);
  EXPECT_EQ(sf::mesh::demo_manning(LandUse::Roof), 0.012);
  EXPECT_EQ(sf::mesh::demo_manning(LandUse::Park), 0.035);
  const double built = static_cast<double>(counts[2]) / static_cast<double>(c.dem.size());
  EXPECT_GT(built, 0.15);  // a dense urban area, not a field
  EXPECT_LT(built, 0.6);
}

TEST(DemoCatchment, StreetsLieBelowTheFootpathsBesideThem) {
  // Across each kerb (road cell next to paving, same row): the gutter is kerb_height lower,
  // give or take the fall of the terrain over one cell.
  const auto& c = demo();
  int kerbs = 0;
  for (int j = 0; j < c.ground.ny; ++j)
    for (int i = 0; i + 1 < c.ground.nx; ++i) {
      const std::size_t a = c.ground.index(i, j), b = c.ground.index(i + 1, j);
      if (use_at(c, a) == LandUse::Road && use_at(c, b) == LandUse::Paved) {
        EXPECT_LT(c.ground.values[a], c.ground.values[b] - 0.1) << "i " << i << " j " << j;
        ++kerbs;
      }
    }
  EXPECT_GT(kerbs, 1000);
}

TEST(DemoCatchment, GroundFallsTowardsTheOutletOnTheEastEdge) {
  const auto& c = demo();
  const auto& g = c.ground;
  // The outlet segment lies on the east edge, inside the domain, where the ground is lowest.
  EXPECT_EQ(c.outlet.side, "east");
  EXPECT_GT(c.outlet.from, g.y0);
  EXPECT_LT(c.outlet.to, g.y0 + g.ny * g.dx);
  const double lowest = *std::min_element(g.values.begin(), g.values.end());
  const int j_outlet = static_cast<int>((0.5 * (c.outlet.from + c.outlet.to) - g.y0) / g.dx);
  EXPECT_EQ(g.values[g.index(g.nx - 1, j_outlet)], lowest);
  EXPECT_EQ(use_at(c, g.index(g.nx - 1, j_outlet)), LandUse::Channel);
  EXPECT_NEAR(c.outlet.bed_level, lowest, 0.05);

  // Mean ground falls from west to east, about 0.6 % overall.
  auto column_mean = [&](int i) {
    double s = 0.0;
    for (int j = 0; j < g.ny; ++j) s += g.values[g.index(i, j)];
    return s / g.ny;
  };
  const double fall = (column_mean(0) - column_mean(g.nx - 60)) / ((g.nx - 60) * g.dx);
  EXPECT_GT(fall, 0.004);
  EXPECT_LT(fall, 0.01);
  // The channel bed falls all the way to the edge.
  for (int i = 1; i < g.nx; ++i) {
    const std::size_t k = g.index(i, j_outlet), w = g.index(i - 1, j_outlet);
    if (use_at(c, k) == LandUse::Channel && use_at(c, w) == LandUse::Channel) {
      EXPECT_LT(g.values[k], g.values[w]);
    }
  }
}

TEST(DemoCatchment, SmallerOptionsWorkAndBadOptionsThrow) {
  sf::mesh::DemoOptions o;
  o.nx = 90;
  o.ny = 60;
  o.dx = 1.0;
  const auto c = sf::mesh::make_demo_catchment(o);
  EXPECT_EQ(c.dem.size(), 5400u);
  o.dx = 0.0;
  EXPECT_THROW(sf::mesh::make_demo_catchment(o), std::invalid_argument);
}

}  // namespace
