// Self-checks of the SWASHES reference solutions in analytic_solutions.hpp (no solver involved):
// every exact/reference solution is checked against the equations it claims to solve, and
// against the numbers SWASHES itself publishes where we have them.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analytic_solutions.hpp"

namespace sf::test {
namespace {

constexpr double kG = 9.81;  // SWASHES' gravity; solutions take g as a parameter

double momentum_function(double q, double h, double g) {
  return q * q / h + 0.5 * g * h * h;
}
double froude(double q, double h, double g) {
  return std::abs(q) / (h * std::sqrt(g * h));
}

// ------------------------------------------------------------------ friction / normal depth ---

TEST(ReferenceSolutions, NormalDepthBalancesFriction) {
  struct Law {
    FrictionLaw law;
    double coef;
  };
  const Law laws[] = {{FrictionLaw::Manning, 0.033},
                      {FrictionLaw::Chezy, 40.0},
                      {FrictionLaw::DarcyWeisbach, 0.093},
                      {FrictionLaw::Laminar, 3e-6},
                      {FrictionLaw::Linear, 1e-3}};
  for (const double g : {9.81, 9.80665}) {
    for (const Law& l : laws) {
      for (const double q : {0.05, 2.0}) {
        for (const double slope : {1e-4, 0.02}) {
          const double h = normal_depth(q, slope, l.law, l.coef, g);
          ASSERT_GT(h, 0.0);
          // Uniform flow: g h S0 = g h S_f.
          const double sf = friction_slope(l.law, l.coef, h, q / h, g);
          EXPECT_NEAR(sf / slope, 1.0, 1e-12) << int(l.law) << " q=" << q << " S=" << slope;
        }
      }
    }
  }
  EXPECT_TRUE(std::isnan(normal_depth(1.0, 1e-3, FrictionLaw::None, 0.0, kG)));
}

TEST(ReferenceSolutions, FrictionLawDefinitions) {
  const double h = 0.7, u = -1.3, g = 9.80665;
  EXPECT_DOUBLE_EQ(friction_slope(FrictionLaw::Manning, 0.03, h, u, g),
                   0.03 * 0.03 * u * std::abs(u) / std::pow(h, 4.0 / 3.0));
  EXPECT_DOUBLE_EQ(friction_slope(FrictionLaw::Chezy, 40, h, u, g), u * std::abs(u) / (1600 * h));
  EXPECT_DOUBLE_EQ(friction_slope(FrictionLaw::DarcyWeisbach, 0.1, h, u, g),
                   0.1 * u * std::abs(u) / (8 * g * h));
  EXPECT_DOUBLE_EQ(friction_slope(FrictionLaw::Laminar, 1e-3, h, u, g), 1e-3 * u / (g * h * h));
  EXPECT_DOUBLE_EQ(friction_slope(FrictionLaw::Linear, 1e-3, h, u, g), 1e-3 * u / g);
  EXPECT_EQ(friction_slope(FrictionLaw::Manning, 0.03, 0.0, u, g), 0.0);
  // Chezy C and Manning n agree when C = h^(1/6)/n.
  EXPECT_NEAR(friction_slope(FrictionLaw::Chezy, std::pow(h, 1.0 / 6.0) / 0.03, h, u, g),
              friction_slope(FrictionLaw::Manning, 0.03, h, u, g), 1e-15);
}

TEST(ReferenceSolutions, CriticalDepthHasUnitFroude) {
  for (const double q : {0.18, 1.53, 4.42}) {
    const double hc = critical_depth(q, kG);
    EXPECT_NEAR(froude(q, hc, kG), 1.0, 1e-14);
  }
}

TEST(ReferenceSolutions, BernoulliDepthPicksTheBranch) {
  const double q = 1.53, hc = critical_depth(q, kG);
  for (const double E : {1.5 * hc * 1.0000001, 1.5 * hc * 1.01, 2.0, 10.0}) {
    const double sub = bernoulli_depth(q, E, false, kG);
    const double sup = bernoulli_depth(q, E, true, kG);
    EXPECT_GE(sub, hc);
    EXPECT_LE(sup, hc);
    EXPECT_NEAR(sub + q * q / (2 * kG * sub * sub), E, 1e-13 * E);
    EXPECT_NEAR(sup + q * q / (2 * kG * sup * sup), E, 1e-13 * E);
  }
  EXPECT_DOUBLE_EQ(bernoulli_depth(q, 1.5 * hc, true, kG), hc);
}

// ----------------------------------------------------------------------------------- bumps ---

double bump_energy(const BumpSolution& b, double x) {
  const double h = b.depth(x);
  return b.q * b.q / (2 * b.g * h * h) + h + b.bed(x);
}

TEST(ReferenceSolutions, BumpSubcriticalKeepsEnergy) {
  for (const double g : {9.81, 9.80665}) {
    const BumpSolution b(BumpCase::Subcritical, g);
    EXPECT_DOUBLE_EQ(b.depth(25.0), 2.0);
    double worst = 0;
    for (int i = 0; i <= 2500; ++i) {
      const double x = 0.01 * i;
      worst = std::max(worst, std::abs(bump_energy(b, x) - b.energy_upstream));
      EXPECT_LT(froude(b.q, b.depth(x), g), 1.0);
    }
    EXPECT_LT(worst, 1e-10);
    // Shallowest at the bump top, below the downstream depth (subcritical flow dips over it).
    EXPECT_LT(b.depth(10.0), b.depth(9.0));
    EXPECT_LT(b.depth(10.0), 2.0);
  }
  EXPECT_NEAR(bump_depth(10.0, 4.42, 2.0, BumpCase::Subcritical, kG),
              BumpSolution(BumpCase::Subcritical, kG).depth(10.0), 0.0);
}

TEST(ReferenceSolutions, BumpTranscriticalIsCriticalAtTheTop) {
  const BumpSolution b(BumpCase::TranscriticalNoShock, kG);
  EXPECT_NEAR(froude(b.q, b.depth(10.0), kG), 1.0, 1e-12);
  double worst = 0;
  for (int i = 0; i <= 2500; ++i) {
    const double x = 0.01 * i;
    worst = std::max(worst, std::abs(bump_energy(b, x) - b.energy_upstream));
    const double fr = froude(b.q, b.depth(x), kG);
    if (x < 9.99) {
      EXPECT_LT(fr, 1.0) << x;
    } else if (x > 10.01) {
      EXPECT_GT(fr, 1.0) << x;
    }
  }
  EXPECT_LT(worst, 1e-10);
  // Continuous through the critical point.
  EXPECT_NEAR(b.depth(10.0 - 1e-7), b.depth(10.0 + 1e-7), 1e-3);
}

TEST(ReferenceSolutions, BumpShockConjugateDepths) {
  const BumpSolution b(BumpCase::TranscriticalShock, kG);
  const double h1 = b.h_shock_upstream, h2 = b.h_shock_downstream;
  // Stationary hydraulic jump: equal momentum function (Rankine-Hugoniot with zero speed).
  EXPECT_NEAR(momentum_function(b.q, h1, kG) / momentum_function(b.q, h2, kG), 1.0, 1e-10);
  // Belanger relation h2/h1 = (sqrt(1 + 8 Fr1^2) - 1)/2.
  const double fr1 = froude(b.q, h1, kG);
  EXPECT_NEAR(h2 / h1, 0.5 * (std::sqrt(1 + 8 * fr1 * fr1) - 1), 1e-9);
  EXPECT_GT(fr1, 1.0);
  EXPECT_LT(froude(b.q, h2, kG), 1.0);
  // SWASHES places the jump on the downhill side at x ~ 11.7 m.
  EXPECT_GT(b.x_shock, 11.6);
  EXPECT_LT(b.x_shock, 11.7);
  // Energy dissipated by the jump, kept on each side; critical at the top; depths on both sides.
  EXPECT_GT(b.energy_upstream, b.energy_downstream);
  EXPECT_NEAR(froude(b.q, b.depth(10.0), kG), 1.0, 1e-12);
  for (int i = 0; i <= 2500; ++i) {
    const double x = 0.01 * i;
    const double e = x < b.x_shock ? b.energy_upstream : b.energy_downstream;
    EXPECT_NEAR(bump_energy(b, x), e, 1e-10) << x;
  }
  EXPECT_NEAR(b.depth(b.x_shock - 1e-9), h1, 1e-6);
  EXPECT_NEAR(b.depth(b.x_shock + 1e-9), h2, 1e-6);
  EXPECT_DOUBLE_EQ(b.depth(25.0), 0.33);
}

// ------------------------------------------------------------------------------- MacDonald ---

struct NamedMacDonald {
  const char* name;
  MacDonald1D (*make)(double);
};
const NamedMacDonald kMacDonald[] = {
    {"long_subcritical", macdonald_long_subcritical},
    {"long_supercritical", macdonald_long_supercritical},
    {"long_sub_to_super", macdonald_long_sub_to_super},
    {"long_super_to_sub_jump", macdonald_long_super_to_sub_jump},
    {"short_sub_to_super", macdonald_short_sub_to_super},
    {"short_shock", macdonald_short_shock},
    {"long_subcritical_rain", macdonald_long_subcritical_rain},
    {"long_supercritical_rain", macdonald_long_supercritical_rain},
};

// Steady momentum residual d/dx(q^2/h + g h^2/2) + g h dz/dx + g h S_f, by central differences
// of the exact h, q and of the integrated bed, divided by g h (slope units).
double momentum_residual(const MacDonald1D& m, double x, double d) {
  const double g = m.gravity();
  auto flux = [&](double s) { return momentum_function(m.discharge(s), m.depth(s), g); };
  const double h = m.depth(x), q = m.discharge(x);
  const double r = (flux(x + d) - flux(x - d)) / (2 * d) +
                   g * h * (m.bed(x + d) - m.bed(x - d)) / (2 * d) +
                   g * h * friction_slope(m.law(), m.coefficient(), h, q / h, g);
  return r / (g * h);
}

TEST(ReferenceSolutions, MacDonaldBedSolvesSteadyMomentum) {
  for (const double g : {9.81, 9.80665}) {
    for (const NamedMacDonald& c : kMacDonald) {
      const MacDonald1D m = c.make(g);
      const double L = m.length(), d = 1e-3 * L / 1000.0 * 10;  // 1 cm (long), 1 mm (short)
      EXPECT_NEAR(m.bed(L), 0.0, 1e-14) << c.name;
      double worst = 0, scale = 0;
      for (int i = 1; i < 1000; ++i) {
        const double x = L * i / 1000.0;
        if (!std::isnan(m.x_jump()) && std::abs(x - m.x_jump()) < 2 * d) continue;
        worst = std::max(worst, std::abs(momentum_residual(m, x, d)));
        scale = std::max(scale, std::abs(m.bed_slope(x)));
        // Mass: q' = R exactly.
        ASSERT_NEAR(m.discharge(x), m.boundary().q_in + m.rain() * x, 1e-12);
      }
      EXPECT_LT(worst, 1e-7 * std::max(scale, 1e-3)) << c.name << " g=" << g;
      // The bed converges: 4x fewer panels changes it by < 1e-9 m.
      const MacDonald1D coarse(m.profile(), m.law(), m.coefficient(), m.boundary().q_in, m.rain(),
                               g, 5000);
      for (int i = 0; i <= 100; ++i) {
        const double x = L * i / 100.0;
        EXPECT_NEAR(coarse.bed(x), m.bed(x), 1e-9) << c.name << " x=" << x;
      }
    }
  }
}

TEST(ReferenceSolutions, MacDonaldRegimesAndBoundaryConditions) {
  const double hc = std::cbrt(4.0 / kG);
  // Published profiles at the channel ends (SWASHES 3.1.2).
  const MacDonald1D sub = macdonald_long_subcritical(kG);
  EXPECT_NEAR(sub.depth(0.0), hc * (1 + 0.5 * std::exp(-4.0)), 1e-15);
  EXPECT_NEAR(sub.depth(0.0), 0.748324, 1e-6);
  MacDonaldBoundary b = sub.boundary();
  EXPECT_FALSE(b.inflow_depth_imposed);
  EXPECT_TRUE(b.outflow_depth_imposed);
  EXPECT_DOUBLE_EQ(b.outflow_depth, sub.depth(1000.0));

  const MacDonald1D sup = macdonald_long_supercritical(kG);
  b = sup.boundary();
  EXPECT_TRUE(b.inflow_depth_imposed);
  EXPECT_FALSE(b.outflow_depth_imposed);
  for (int i = 0; i <= 100; ++i)
    EXPECT_GT(froude(sup.discharge(10.0 * i), sup.depth(10.0 * i), kG), 1.0);

  // Smooth transcritical profiles are critical where SWASHES puts the control section.
  const MacDonald1D t1 = macdonald_long_sub_to_super(kG);
  EXPECT_NEAR(froude(2.0, t1.depth(500.0), kG), 1.0, 1e-12);
  EXPECT_FALSE(t1.boundary().inflow_depth_imposed);
  EXPECT_FALSE(t1.boundary().outflow_depth_imposed);
  const MacDonald1D t2 = macdonald_short_sub_to_super(kG);
  EXPECT_NEAR(froude(2.0, t2.depth(50.0), kG), 1.0, 1e-12);
  EXPECT_FALSE(t2.boundary().outflow_depth_imposed);

  // Rain: q goes from q_in to q_in + R L.
  const MacDonald1D rain = macdonald_long_subcritical_rain(kG);
  EXPECT_DOUBLE_EQ(rain.boundary().q_out, 2.0);
  for (int i = 0; i <= 100; ++i)
    EXPECT_LT(froude(rain.discharge(10.0 * i), rain.depth(10.0 * i), kG), 1.0);
  const MacDonald1D rain_sup = macdonald_long_supercritical_rain(kG);
  for (int i = 0; i <= 100; ++i)
    EXPECT_GT(froude(rain_sup.discharge(10.0 * i), rain_sup.depth(10.0 * i), kG), 1.0);
}

TEST(ReferenceSolutions, MacDonaldJumpsAreConjugate) {
  for (const double g : {9.81, 9.80665}) {
    for (const MacDonald1D& m : {macdonald_long_super_to_sub_jump(g), macdonald_short_shock(g)}) {
      const double xj = m.x_jump(), q = m.discharge(xj);
      const double h1 = m.depth(xj - 1e-9), h2 = m.depth(xj);
      EXPECT_GT(froude(q, h1, g), 1.0);
      EXPECT_LT(froude(q, h2, g), 1.0);
      // The published coefficients carry 6 digits.
      EXPECT_NEAR(momentum_function(q, h1, g) / momentum_function(q, h2, g), 1.0, 2e-6);
      // The bed is continuous through the jump.
      EXPECT_NEAR(m.bed(xj - 1e-9), m.bed(xj + 1e-9), 1e-8);
      EXPECT_TRUE(m.boundary().inflow_depth_imposed || m.profile() == MacDonaldProfile::ShortShock);
      EXPECT_TRUE(m.boundary().outflow_depth_imposed);
    }
  }
  const double hc = std::cbrt(4.0 / kG);
  const MacDonald1D s = macdonald_short_shock(kG);
  EXPECT_NEAR(s.depth(200.0 / 3.0 - 1e-9), 2.0 / 3.0 * hc, 1e-9);
  EXPECT_NEAR(s.depth(200.0 / 3.0), 1.4305 * hc, 1e-12);
  EXPECT_NEAR(s.depth(0.0), 4.0 / 3.0 * hc, 1e-12);
}

// -------------------------------------------------------------------------------- Dressler ---

// SWASHES 1.05 output, `swashes 1 3 1 3 200` (Dressler, 200 cells of 10 m; the file says t = 40 s
// but the values are those of t = 39.9 s), rarefaction part: x, h, u.
struct SwashesPoint {
  double x, h, u;
};
const SwashesPoint kSwashesDressler[] = {{695, 5.985456, 0.01860768}, {705, 5.855928, 0.1853318},
                                         {755, 5.236217, 1.008249},   {855, 4.135627, 2.567789},
                                         {955, 3.219041, 3.897529},   {1005, 2.829871, 4.398206},
                                         {1055, 2.487443, 4.71243},   {1075, 2.363811, 4.765038}};

TEST(ReferenceSolutions, DresslerReproducesSwashesOutput) {
  const DresslerSolution d(6.0, 1000.0, 40.0, 9.81);
  const double t = 39.9;
  for (const SwashesPoint& p : kSwashesDressler) {
    EXPECT_NEAR(d.depth(p.x, t), p.h, 2e-6) << p.x;
    EXPECT_NEAR(d.velocity(p.x, t), p.u, 2e-6) << p.x;
  }
  for (int i = 0; i < 69; ++i) EXPECT_DOUBLE_EQ(d.depth(5.0 + 10.0 * i, t), 6.0);
  // SWASHES' tip velocity is the grid maximum of u_co (4.771637); ours the exact maximum.
  EXPECT_NEAR(d.tip_velocity(t), 4.771637, 2e-5);
  EXPECT_NEAR(d.tip_start(t), 1084.6, 0.1);
  EXPECT_DOUBLE_EQ(d.velocity(1200.0, t), d.tip_velocity(t));
  // The free functions agree with the object (and with each other across parameter changes).
  EXPECT_DOUBLE_EQ(dressler_depth(1200.0, t, 6.0, 1000.0, 40.0, 9.81), d.depth(1200.0, t));
  EXPECT_NE(dressler_depth(1200.0, t, 6.0, 1000.0, 80.0, 9.81), d.depth(1200.0, t));
  EXPECT_DOUBLE_EQ(dressler_velocity(955.0, t, 6.0, 1000.0, 40.0, 9.81), d.velocity(955.0, t));
}

// Residuals of the frictional SWE (Chezy) for h_co, u_co at -0.9 <= xi <= 0 (behind the tip for
// every C used), scaled by h/t and c0/t.
double dressler_residual(const DresslerSolution& d, double t) {
  const double e = 1e-3, g = d.g, c0 = std::sqrt(g * d.hl);
  double worst = 0;
  for (int i = 0; i <= 90; ++i) {
    const double x = d.x0 + (-0.9 + 0.01 * i) * c0 * t;
    auto h = [&](double xx, double tt) { return d.corrected_depth(xx, tt); };
    auto u = [&](double xx, double tt) { return d.corrected_velocity(xx, tt); };
    const double hh = h(x, t), uu = u(x, t);
    const double ht = (h(x, t + e) - h(x, t - e)) / (2 * e),
                 hx = (h(x + e, t) - h(x - e, t)) / (2 * e);
    const double ut = (u(x, t + e) - u(x, t - e)) / (2 * e),
                 ux = (u(x + e, t) - u(x - e, t)) / (2 * e);
    const double mass = ht + uu * hx + hh * ux;
    const double mom = ut + uu * ux + g * hx + g * uu * std::abs(uu) / (d.C * d.C * hh);
    worst = std::max({worst, std::abs(mass) / (hh / t), std::abs(mom) / (c0 / t)});
  }
  return worst;
}

// Same for Ritter's frictionless solution: the whole friction term is left over, O(g/C^2).
double ritter_residual(double C, double t) {
  const double g = kG, c0 = std::sqrt(g * 6.0);
  double worst = 0;
  for (int i = 0; i <= 90; ++i) {
    const double xi = -0.9 + 0.01 * i, u = 2.0 / 3.0 * c0 * (1 + xi);
    const double h = std::pow(2.0 / 3.0 * c0 * (1 - 0.5 * xi), 2) / g;
    worst = std::max(worst, std::abs(g * u * u / (C * C * h)) / (c0 / t));
  }
  return worst;
}

TEST(ReferenceSolutions, DresslerCorrectionIsFirstOrderInFriction) {
  // The corrected solution solves the Chezy SWE up to O((g/C^2)^2): doubling C divides the
  // residual by ~16, while the friction term Ritter leaves over only drops by 4.
  const double t = 40.0;
  const double r40 = dressler_residual(DresslerSolution(6.0, 1000.0, 40.0, kG), t);
  const double r80 = dressler_residual(DresslerSolution(6.0, 1000.0, 80.0, kG), t);
  const double r160 = dressler_residual(DresslerSolution(6.0, 1000.0, 160.0, kG), t);
  EXPECT_GT(r40 / r80, 12.0);
  EXPECT_GT(r80 / r160, 14.0);
  EXPECT_LT(r40, 0.3 * ritter_residual(40.0, t));
  EXPECT_NEAR(ritter_residual(40.0, t) / ritter_residual(80.0, t), 4.0, 1e-9);
}

TEST(ReferenceSolutions, DresslerTendsToRitter) {
  const double t = 40.0;
  auto l1 = [&](double C) {
    const DresslerSolution d(6.0, 1000.0, C, kG);
    double err = 0;
    for (int i = 0; i < 2000; ++i) {
      const double x = i + 0.5;
      err += std::abs(d.depth(x, t) - ritter_depth(x, t, 1000.0, 6.0, kG));
    }
    return err / 2000.0;
  };
  const double e40 = l1(40.0), e400 = l1(400.0), e4000 = l1(4000.0);
  EXPECT_GT(e40, 10 * e400);
  EXPECT_GT(e400, 10 * e4000);
  EXPECT_LT(e4000, 1e-4);
  // Frictionless limit of the velocity too.
  const DresslerSolution d(6.0, 1000.0, 1e6, kG);
  EXPECT_NEAR(d.velocity(1100.0, t), 2.0 / 3.0 * (std::sqrt(kG * 6.0) + 100.0 / t), 1e-6);
}

TEST(ReferenceSolutions, DresslerTipConservesVolume) {
  // With h_l = 6, C = 40 the C1 quadratic tip can hold the missing volume up to t ~ 39 s; later
  // the shortest monotone tip is used and holds a little more (4e-5 of the volume at 40 s).
  for (const double t : {10.0, 20.0, 40.0}) {
    const DresslerSolution d(6.0, 1000.0, 40.0, kG);
    const double c = d.front(t), xt = d.tip_start(t);
    EXPECT_GT(c, xt);
    EXPECT_LT(c, 1000.0 + 2.0 * std::sqrt(kG * 6.0) * t);
    const int n = 400000;
    double v = 0;
    for (int i = 0; i < n; ++i) v += d.depth(2000.0 * (i + 0.5) / n, t) * 2000.0 / n;
    EXPECT_NEAR(v / 6000.0, 1.0, 1e-4) << t;
    // Depth is continuous at the tip start and vanishes past the front.
    EXPECT_NEAR(d.depth(xt - 1e-7, t), d.depth(xt + 1e-7, t), 1e-5);
    EXPECT_EQ(d.depth(c + 1e-6, t), 0.0);
    EXPECT_EQ(d.velocity(c + 1e-6, t), 0.0);
  }
}

// --------------------------------------------------------------------------------- Sampson ---

TEST(ReferenceSolutions, SampsonSolvesLinearFrictionSwe) {
  const SampsonLinearFriction s;  // SWASHES parameters
  const double e = 1e-2, ex = 1e-1;
  double worst_mass = 0, worst_mom = 0;
  for (const double t : {500.0, 1500.0, 3000.0, 5000.0}) {
    for (int i = 1; i < 50; ++i) {
      const double x = 0.5 * s.L + (i - 25) * 60.0;  // well inside the wet region
      const double h = s.depth(x, t);
      ASSERT_GT(h, 0.5);
      const double u = s.velocity(t);
      const double ht = (s.depth(x, t + e) - s.depth(x, t - e)) / (2 * e);
      const double hx = (s.depth(x + ex, t) - s.depth(x - ex, t)) / (2 * ex);
      const double ut = (s.velocity(t + e) - s.velocity(t - e)) / (2 * e);
      const double etax = (s.surface(x + ex, t) - s.surface(x - ex, t)) / (2 * ex);
      worst_mass = std::max(worst_mass, std::abs(ht + u * hx) / (s.h0 * s.p()));
      worst_mom = std::max(worst_mom, std::abs(ut + s.g * etax + s.tau * u) / (s.B * s.p()));
    }
  }
  EXPECT_LT(worst_mass, 1e-8);
  EXPECT_LT(worst_mom, 1e-8);
}

}  // namespace
}  // namespace sf::test
