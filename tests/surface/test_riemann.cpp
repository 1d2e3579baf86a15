// Point physics on hand-made values: HLLC consistency and symmetry, hydrostatic reconstruction at
// rest, the friction laws, the boundary states of open edges.
#include <gtest/gtest.h>

#include <cmath>

#include "swe/boundary.hpp"
#include "swe/friction.hpp"
#include "swe/hydrostatic_reconstruction.hpp"
#include "swe/riemann_hllc.hpp"

namespace {
constexpr double g = 9.80665;
}

TEST(Hllc, EqualStatesGiveThePhysicalFluxInEveryWaveRegion) {
  // Consistency, F(U, U) = F(U), through each branch of the solver: the star region (subcritical
  // either way, at rest) and the upwind states of supercritical flow to the right and the left.
  for (const double u : {0.7, -0.7, 0.0, 5.0, -5.0}) {
    const double h = 1.3, v = -0.2;
    const auto f = sf::swe::hllc_flux(h, u, v, h, u, v, g);
    EXPECT_NEAR(f.mass, h * u, 1e-14) << "u = " << u;
    EXPECT_NEAR(f.mom_n, h * u * u + 0.5 * g * h * h, 1e-12) << "u = " << u;
    EXPECT_NEAR(f.mom_t, h * u * v, 1e-14) << "u = " << u;
  }
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
  const auto manning = sf::swe::FrictionLaw::kManning;
  const double f = sf::swe::friction_factor(manning, n, h, q, 0.0, dt, g);
  EXPECT_NEAR(f, expected, 1e-14);
  EXPECT_GT(f, 0.0);
  EXPECT_LT(f, 1.0);
  // Very shallow, fast flow: strongly damped, still positive.
  EXPECT_GT(sf::swe::friction_factor(manning, 0.05, 1e-5, 1.0, 1.0, 10.0, g), 0.0);
  EXPECT_EQ(sf::swe::friction_factor(manning, 0.0, 0.5, 1.0, 0.0, 1.0, g), 1.0);
}

TEST(Friction, EachLawGivesItsMomentumSinkAndUniformVelocity) {
  // Momentum sink g h S_f = K q at h = 0.5 m, u = 2 m/s (q = 1 m2/s), by hand from each S_f.
  using sf::swe::FrictionLaw;
  const double h = 0.5, u = 2.0, q = h * u;
  struct Case {
    FrictionLaw law;
    double coefficient, sf;  // S_f at (h, u)
  };
  const Case cases[] = {
      {FrictionLaw::kManning, 0.03, 0.03 * 0.03 * u * u / std::pow(h, 4.0 / 3.0)},
      {FrictionLaw::kChezy, 40.0, u * u / (40.0 * 40.0 * h)},
      {FrictionLaw::kDarcyWeisbach, 0.065, 0.065 * u * u / (8 * g * h)},
      {FrictionLaw::kLaminar, 3e-6, 3e-6 * u / (g * h * h)},
      {FrictionLaw::kLinear, 0.001, 0.001 * u / g},
  };
  for (const Case& c : cases) {
    const double k = sf::swe::friction_rate(c.law, c.coefficient, h, q, g);
    EXPECT_NEAR(k * q, g * h * c.sf, 1e-12 * g * h * c.sf) << int(c.law);
    // Uniform flow on the slope S = S_f(h, u) moves at u.
    EXPECT_NEAR(sf::swe::uniform_flow_velocity(c.law, c.coefficient, h, c.sf, g), u, 1e-12)
        << int(c.law);
    EXPECT_EQ(sf::swe::friction_rate(c.law, 0.0, h, q, g), 0.0);
    EXPECT_LT(sf::swe::uniform_flow_velocity(c.law, 0.0, h, c.sf, g), 0.0);
  }
}

TEST(EdgeState, CriticalFreeLevelAndInflowStatesByHand) {
  using namespace sf::swe;
  // Still water 1 m deep: R = 2 sqrt(g). Critical: c_b = R/3, h_b = 4/9 m.
  const FaceSide<double> still{1.0, 0.0, 0.0, 0.0};
  const EdgeState<double> crit = edge_state(EdgeKind::kCritical, still, 1.0, 0.0, 0.0, 0.0,
                                            FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_NEAR(crit.h, 4.0 / 9.0, 1e-14);
  EXPECT_NEAR(crit.w, std::sqrt(g * crit.h), 1e-14);
  // Free edge, Manning n = 0.03 on S = 1e-3: U(h) + 2 sqrt(g h) = 2 sqrt(g), subcritical.
  const EdgeState<double> free =
      edge_state(EdgeKind::kFree, still, 1.0, 0.0, 0.0, 1e-3, FrictionLaw::kManning, 0.03, g, 1e-6);
  EXPECT_NEAR(std::cbrt(free.h * free.h) * std::sqrt(1e-3) / 0.03, free.w, 1e-12);
  EXPECT_NEAR(free.w + 2 * std::sqrt(g * free.h), 2 * std::sqrt(g), 1e-6);
  EXPECT_LT(free.w, std::sqrt(g * free.h));
  EXPECT_GT(free.w, 0.0);
  // A steep slope makes uniform flow supercritical: the edge is critical instead.
  const EdgeState<double> steep =
      edge_state(EdgeKind::kFree, still, -1.0, 0.0, 0.0, 0.5, FrictionLaw::kManning, 0.03, g, 1e-6);
  EXPECT_NEAR(steep.h, 4.0 / 9.0, 1e-14);
  // No free edge ever lets water in: an inward current gives an outflowing or empty state.
  const FaceSide<double> inward{1.0, 0.0, -0.5, 0.0};
  EXPECT_GE(
      edge_state(EdgeKind::kFree, inward, 1.0, 0.0, 0.0, 1e-3, FrictionLaw::kManning, 0.03, g, 1e-6)
          .w,
      0.0);
  // Level 1.2 m over a still interior 1 m deep: h_b = 1.2, inflow w = 2 sqrt(g) - 2 sqrt(1.2 g).
  const EdgeState<double> lev =
      edge_state(EdgeKind::kLevel, still, 1.0, 1.2, 0.0, 0.0, FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_EQ(lev.h, 1.2);
  EXPECT_NEAR(lev.w, 2 * std::sqrt(g) - 2 * std::sqrt(1.2 * g), 1e-14);
  // A level over a dry interior feeds it at critical depth 2/3 of the outside depth.
  const FaceSide<double> dry{0.0, 0.0, 0.0, 0.0};
  const EdgeState<double> fill =
      edge_state(EdgeKind::kLevel, dry, 1.0, 0.9, 0.0, 0.0, FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_NEAR(fill.h, 0.6, 1e-14);
  EXPECT_NEAR(fill.w, -std::sqrt(0.6 * g), 1e-14);
  // Inflow q = 1 m2/s into still water 1 m deep: subcritical, -q/h + 2 sqrt(g h) = 2 sqrt(g).
  const EdgeState<double> in = edge_state(EdgeKind::kInflow, still, -1.0, 1.0, 0.0, 0.0,
                                          FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_NEAR(in.h * in.w, -1.0, 1e-12);
  EXPECT_NEAR(-1.0 / in.h + 2 * std::sqrt(g * in.h), 2 * std::sqrt(g), 1e-6);
  // Into a dry channel the inflow is supercritical: the critical depth, or the depth given.
  const EdgeState<double> into_dry =
      edge_state(EdgeKind::kInflow, dry, -1.0, 1.0, 0.0, 0.0, FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_NEAR(into_dry.h, std::cbrt(1.0 / g), 1e-14);
  const EdgeState<double> given =
      edge_state(EdgeKind::kInflow, dry, -1.0, 1.0, 0.2, 0.0, FrictionLaw::kManning, 0.0, g, 1e-6);
  EXPECT_EQ(given.h, 0.2);
  EXPECT_NEAR(given.w, -5.0, 1e-14);
}
