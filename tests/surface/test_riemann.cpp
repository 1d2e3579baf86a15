// Point physics on hand-made values: HLLC consistency and symmetry, hydrostatic reconstruction at
// rest, Manning friction.
#include <gtest/gtest.h>

#include <cmath>

#include "swe/friction.hpp"
#include "swe/hydrostatic_reconstruction.hpp"
#include "swe/riemann_hllc.hpp"

namespace {
constexpr double g = 9.80665;
}

TEST(Hllc, EqualStatesGiveThePhysicalFluxExactly) {
  const auto f = sf::swe::hllc_flux(1.3, 0.7, -0.2, 1.3, 0.7, -0.2, g);
  EXPECT_EQ(f.mass, 1.3 * 0.7);
  EXPECT_DOUBLE_EQ(f.mom_n, 1.3 * 0.7 * 0.7 + 0.5 * g * 1.3 * 1.3);
  EXPECT_DOUBLE_EQ(f.mom_t, 1.3 * 0.7 * -0.2);
}

TEST(Hllc, MirroredStatesGiveZeroMassFlux) {
  // A wall: the ghost mirrors the normal velocity, so no water may cross.
  const auto f = sf::swe::hllc_flux(0.8, 1.5, 0.3, 0.8, -1.5, 0.3, g);
  EXPECT_NEAR(f.mass, 0.0, 1e-15);
  // Impinging flow raises the pressure above hydrostatic.
  EXPECT_GT(f.mom_n, 0.5 * g * 0.8 * 0.8);
}

TEST(Hllc, ReflectionSymmetry) {
  const auto a = sf::swe::hllc_flux(2.0, 0.5, 0.1, 0.5, -0.3, 0.4, g);
  const auto b = sf::swe::hllc_flux(0.5, 0.3, 0.4, 2.0, -0.5, 0.1, g);
  EXPECT_NEAR(a.mass, -b.mass, 1e-14);
  EXPECT_NEAR(a.mom_n, b.mom_n, 1e-13);
  EXPECT_NEAR(a.mom_t, -b.mom_t, 1e-14);
}

TEST(Hllc, DryBedsExchangeNothingAndDamBreakFluxIsPositive) {
  const auto dry = sf::swe::hllc_flux(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, g);
  EXPECT_EQ(dry.mass, 0.0);
  EXPECT_EQ(dry.mom_n, 0.0);
  // Dry bed on the right: speeds sL = -c0, sR = 2 c0 (Toro 2001, eq. 10.75), so the HLL mass
  // flux is -sL sR (hr - hl) / (sR - sL) = 2 c0 h0 / 3 (the exact Ritter value is 8 c0 h0 / 27).
  const auto f = sf::swe::hllc_flux(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, g);
  const double c0 = std::sqrt(g);
  EXPECT_NEAR(f.mass, 2.0 * c0 / 3.0, 1e-14);
}

TEST(HydrostaticReconstruction, LakeAtRestOverAStepIsBalanced) {
  // Left: bed 0.2, depth 0.8. Right: bed 0.5, depth 0.5. Same level 1.0, at rest.
  sf::swe::FaceSide<double> l{0.8, 0.2, 0.0, 0.0}, r{0.5, 0.5, 0.0, 0.0};
  const auto rf = sf::swe::hydrostatic_face_flux(l, r, g);
  EXPECT_EQ(rf.flux.mass, 0.0);
  EXPECT_EQ(rf.z_face, 0.5);
  EXPECT_EQ(rf.h_left, 0.5);
  EXPECT_EQ(rf.h_right, 0.5);
  EXPECT_DOUBLE_EQ(rf.flux.mom_n, 0.5 * g * 0.25);
}

TEST(HydrostaticReconstruction, EmergedIslandStaysDry) {
  sf::swe::FaceSide<double> l{0.3, 0.0, 0.0, 0.0}, r{0.0, 0.9, 0.0, 0.0};
  const auto rf = sf::swe::hydrostatic_face_flux(l, r, g);
  EXPECT_EQ(rf.flux.mass, 0.0);
  EXPECT_EQ(rf.flux.mom_n, 0.0);
  EXPECT_EQ(rf.h_left, 0.0);
  EXPECT_EQ(rf.z_face, 0.3);  // the face bed is lowered to the water surface (Chen & Noelle)
}

TEST(Friction, NeverReversesFlowAndMatchesHandValue) {
  // h = 0.1 m, q = 0.2 m2/s, n = 0.03, dt = 1 s: factor = 1 / (1 + g n^2 q / h^(7/3)).
  const double h = 0.1, q = 0.2, n = 0.03, dt = 1.0;
  const double expected = 1.0 / (1.0 + dt * g * n * n * q / std::pow(h, 7.0 / 3.0));
  const double f = sf::swe::manning_friction_factor(h, q, 0.0, n, dt, g);
  EXPECT_NEAR(f, expected, 1e-14);
  EXPECT_GT(f, 0.0);
  EXPECT_LT(f, 1.0);
  // Very shallow, fast flow: strongly damped, still positive.
  EXPECT_GT(sf::swe::manning_friction_factor(1e-5, 1.0, 1.0, 0.05, 10.0, g), 0.0);
  EXPECT_EQ(sf::swe::manning_friction_factor(0.5, 1.0, 0.0, 0.0, 1.0, g), 1.0);
}
