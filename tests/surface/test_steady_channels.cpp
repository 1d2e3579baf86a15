// Steady 1D flows with exact solutions (SWASHES, Delestre et al. 2013): MacDonald's channels with
// Manning and Darcy-Weisbach friction and rain, the bumps of Goutal & Maurel, uniform flow leaving
// through a free edge, critical flow over an outlet. Each runs at both orders from rest (or from
// still water) to steady state through the open boundaries under test, and asserts the L1 depth
// error against the exact profile and the run's continuity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "channel_run.hpp"

namespace sf::test {
namespace {

struct SteadyResult {
  double l1 = 0;          // m
  double continuity = 0;  // |error| as a fraction of the inflow plus initial storage
  double change = 0;      // max |dh| over the last 10 % of the run (m): steadiness
  SurfaceSnapshot snap;
};

/// Runs `s` for `duration` s and measures against `exact` on [x0, x1].
SteadyResult run_to_steady(const SurfaceSetup& s, const BackendCase& c, double duration,
                           const std::function<double(double)>& exact, double x0, double x1) {
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(0.9 * duration);
  const SurfaceSnapshot before = sim.snapshot(0);
  sim.advance_to(duration);
  SteadyResult r;
  r.snap = sim.snapshot(1);
  for (std::size_t k = 0; k < before.depth.size(); ++k)
    r.change = std::max(r.change, std::abs(r.snap.depth[k] - before.depth[k]));
  r.l1 = l1_depth_error(r.snap, s.grid.dx, exact, x0, x1);
  r.continuity = continuity_fraction(sim);
  EXPECT_LE(sim.balance().clamp, 1e-6 * sim.balance().total_in());
  return r;
}

/// Odd-even (sawtooth) amplitude of the depth error over the cells whose centres lie in [x0, x1]
/// (m): the median of |e(i+1) - 2 e(i) + e(i-1)| / 4, e = h - h_exact. A smooth error gives about
/// dx^2 |e''| / 4; an alternating error of amplitude a gives a. The median ignores the few cells at
/// the bed's kinks, the critical section and a shock, where the exact profile is not smooth.
double sawtooth(const SurfaceSnapshot& s, double dx, const std::function<double(double)>& exact,
                double x0, double x1) {
  std::vector<double> curvature;
  auto e = [&](std::size_t k) { return s.depth[k] - exact((double(k) + 0.5) * dx); };
  for (std::size_t i = 1; i + 1 < s.depth.size(); ++i) {
    const double x = (double(i) + 0.5) * dx;
    if (x >= x0 && x <= x1) curvature.push_back(std::abs(e(i + 1) - 2 * e(i) + e(i - 1)) / 4);
  }
  std::nth_element(curvature.begin(), curvature.begin() + curvature.size() / 2, curvature.end());
  return curvature[curvature.size() / 2];
}

// fp32: thousands of steps of rounding in the depth updates of a channel through which several
// times its volume flows.
double mass_tolerance(const BackendCase& c) {
  return c.precision == Precision::kF64 ? 1e-10 : 1e-4;
}

struct MacDonaldCase {
  const char* name;
  MacDonald1D (*make)(double g);
  double l1_order1, l1_order2;  // m, bounds on dx = L / 200 (about 1.3 x the measured errors)
};

class MacDonald : public testing::TestWithParam<BackendCase> {};

void run_macdonald(const BackendCase& c, const MacDonaldCase& mc) {
  const MacDonald1D ex = mc.make(kGravity);
  const MacDonaldBoundary bc = ex.boundary();
  const int n = 200;
  const double L = ex.length(), dx = L / n;
  for (int order : {1, 2}) {
    SurfaceSetup s = channel(n, dx, [&](double x) { return ex.bed(x); });
    s.friction_law = solver_law(ex.law());
    s.roughness_uniform = ex.coefficient();
    s.numerics.order = order;
    s.rain = TimeSeries::constant(ex.rain());
    // Start from the exact depth at rest: the flow has to build up through the boundaries.
    s.h0.resize(n);
    for (int i = 0; i < n; ++i) s.h0[i] = ex.depth((i + 0.5) * dx);
    BoundarySegmentSpec in = edge(swe::EdgeKind::kInflow, swe::kWest,
                                  TimeSeries::constant(bc.q_in * dx));  // width dx
    if (bc.inflow_depth_imposed) in.inflow_depth = TimeSeries::constant(bc.inflow_depth);
    s.boundaries.push_back(in);
    s.boundaries.push_back(bc.outflow_depth_imposed
                               ? edge(swe::EdgeKind::kLevel, swe::kEast,
                                      TimeSeries::constant(ex.bed(L) + bc.outflow_depth))
                               : edge(swe::EdgeKind::kFree, swe::kEast));
    const double duration = L > 500 ? 4000.0 : 600.0;
    const SteadyResult r = run_to_steady(
        s, c, duration, [&](double x) { return ex.depth(x); }, 0.0, L);
    std::printf("[macdonald] %-22s %s order %d: L1 %.3e m, continuity %.1e, last change %.1e m\n",
                mc.name, to_string(c.precision).c_str(), order, r.l1, r.continuity, r.change);
    EXPECT_LT(r.l1, order == 1 ? mc.l1_order1 : mc.l1_order2) << mc.name << " order " << order;
    EXPECT_LT(r.continuity, mass_tolerance(c)) << mc.name << " order " << order;
  }
}

TEST_P(MacDonald, SteadyProfilesWithManningDarcyWeisbachAndRain) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  const MacDonaldCase cases[] = {
      {"long subcritical", macdonald_long_subcritical, 0.0085, 0.006},
      {"long supercritical", macdonald_long_supercritical, 0.045, 0.012},
      {"long sub->super", macdonald_long_sub_to_super, 0.008, 0.003},
      {"long super->sub jump", macdonald_long_super_to_sub_jump, 0.011, 0.006},
      {"short sub->super", macdonald_short_sub_to_super, 0.0027, 6e-4},
      {"short with shock", macdonald_short_shock, 0.0055, 0.0022},
      {"subcritical rain DW", macdonald_long_subcritical_rain, 0.0057, 0.005},
      {"supercritical rain DW", macdonald_long_supercritical_rain, 0.035, 0.0075},
  };
  for (const MacDonaldCase& mc : cases) run_macdonald(c, mc);
}

class Bumps : public testing::TestWithParam<BackendCase> {};

TEST_P(Bumps, SubcriticalTranscriticalAndShock) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  struct Case {
    const char* name;
    BumpCase kind;
    double l1_order1, l1_order2;
  };
  const Case cases[] = {
      {"subcritical", BumpCase::Subcritical, 0.0015, 1.1e-4},
      {"transcritical", BumpCase::TranscriticalNoShock, 0.0026, 2.2e-4},
      {"shock", BumpCase::TranscriticalShock, 0.0018, 6.2e-4},
  };
  const int n = 250;
  const double dx = 25.0 / n;
  for (const Case& bc : cases) {
    const BumpSolution ex(bc.kind, kGravity);
    for (int order : {1, 2}) {
      SurfaceSetup s = channel(n, dx, bump_bed);
      s.numerics.order = order;
      // Still water at the downstream level (SWASHES' initial state), or 0.66 m.
      const double level = bc.kind == BumpCase::TranscriticalNoShock ? 0.66 : ex.h_downstream;
      set_level(s, [&](double, double) { return level; });
      s.boundaries.push_back(
          edge(swe::EdgeKind::kInflow, swe::kWest, TimeSeries::constant(ex.q * dx)));
      s.boundaries.push_back(
          bc.kind == BumpCase::TranscriticalNoShock
              ? edge(swe::EdgeKind::kFree, swe::kEast)
              : edge(swe::EdgeKind::kLevel, swe::kEast, TimeSeries::constant(ex.h_downstream)));
      const SteadyResult r = run_to_steady(
          s, c, 300.0, [&](double x) { return ex.depth(x); }, 0.0, 25.0);
      // Over the bump (8 to 12 m). With minmod on h and eta the order-2 profiles alternated by
      // 4e-4 m (transcritical), 2e-4 m (shock) and 6e-5 m (subcritical); order 1 gives 3e-6 m.
      const double saw = sawtooth(
          r.snap, dx, [&](double x) { return ex.depth(x); }, 8.3, 11.7);
      std::printf(
          "[bump] %-13s %s order %d: L1 %.3e m, sawtooth %.1e m, continuity %.1e, last "
          "change %.1e m\n",
          bc.name, to_string(c.precision).c_str(), order, r.l1, saw, r.continuity, r.change);
      EXPECT_LT(r.l1, order == 1 ? bc.l1_order1 : bc.l1_order2) << bc.name << " order " << order;
      EXPECT_LT(saw, 2e-5) << bc.name << " order " << order;
      EXPECT_LT(r.continuity, mass_tolerance(c)) << bc.name;
    }
  }
}

class OpenEdges : public testing::TestWithParam<BackendCase> {};

TEST_P(OpenEdges, FreeEdgeOfAMildChannelLeavesAtNormalDepth) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  // 500 m at slope 1e-3, Manning 0.03, q = 1 m2/s: uniform flow at the normal depth everywhere,
  // including the last cell before the free edge (the old transmissive edge backed water up).
  const double slope = 1e-3, n_manning = 0.03, q = 1.0, dx = 5.0;
  const int n = 100;
  const double hn = normal_depth(q, slope, FrictionLaw::Manning, n_manning, kGravity);
  for (int order : {1, 2}) {
    SurfaceSetup s = channel(n, dx, [&](double x) { return slope * (n * dx - x); });
    s.roughness_uniform = n_manning;
    s.numerics.order = order;
    s.boundaries.push_back(edge(swe::EdgeKind::kInflow, swe::kWest, TimeSeries::constant(q * dx)));
    s.boundaries.push_back(edge(swe::EdgeKind::kFree, swe::kEast));
    const SteadyResult r = run_to_steady(
        s, c, 6000.0, [&](double) { return hn; }, 0.0, n * dx);
    const double last = r.snap.depth[n - 1];
    std::printf("[normal-depth] %s order %d: hn %.4f m, last cell %.4f m, L1 %.2e m\n",
                to_string(c.precision).c_str(), order, hn, last, r.l1);
    EXPECT_NEAR(last / hn, 1.0, 0.02);
    EXPECT_LT(r.l1, 0.02 * hn);
    EXPECT_LT(r.continuity, mass_tolerance(c));
  }
}

/// Backwater (M2) profile of a flat channel with Manning friction that ends in a critical outlet at
/// x = L: from dh/dx = -S_f / (1 - Fr^2), x(h) = L - (F(h) - F(hc)) with
/// F(h) = (3/13 h^(13/3) - 3/4 (q^2/g) h^(4/3)) / (n^2 q^2) (Chow 1959, ch. 10, direct
/// integration).
struct CriticalOutletProfile {
  double q, n, L, g;
  double hc() const { return std::cbrt(q * q / g); }
  double F(double h) const {
    return (3.0 / 13.0 * std::pow(h, 13.0 / 3.0) - 0.75 * q * q / g * std::pow(h, 4.0 / 3.0)) /
           (n * n * q * q);
  }
  double depth(double x) const {  // F is increasing above hc: bisection
    const double target = F(hc()) + (L - x);
    double lo = hc(), hi = 10.0 * hc();
    for (int it = 0; it < 200; ++it) {
      const double mid = 0.5 * (lo + hi);
      (F(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  }
};

TEST_P(OpenEdges, CriticalOutletControlsTheBackwaterCurve) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  // q = 1 m2/s along a flat 300 m channel (Manning 0.03) over a critical edge: the whole
  // subcritical profile hangs on the critical depth the edge sets.
  const double q = 1.0, dx = 1.5;
  const int n = 200;
  const CriticalOutletProfile ex{q, 0.03, n * dx, kGravity};
  for (int order : {1, 2}) {
    SurfaceSetup s = channel(n, dx, [](double) { return 0.0; });
    s.roughness_uniform = ex.n;
    s.numerics.order = order;
    set_level(s, [&](double, double) { return ex.depth(0.0); });
    s.boundaries.push_back(edge(swe::EdgeKind::kInflow, swe::kWest, TimeSeries::constant(q * dx)));
    s.boundaries.push_back(edge(swe::EdgeKind::kCritical, swe::kEast));
    const SteadyResult r = run_to_steady(
        s, c, 3000.0, [&](double x) { return ex.depth(x); }, 0.0, ex.L);
    std::printf(
        "[critical-outlet] %s order %d: h(0) %.4f m (exact %.4f), last cell %.4f (exact "
        "%.4f, hc %.4f), L1 %.2e m\n",
        to_string(c.precision).c_str(), order, r.snap.depth[0], ex.depth(0.5 * dx),
        r.snap.depth[n - 1], ex.depth(ex.L - 0.5 * dx), ex.hc(), r.l1);
    EXPECT_LT(r.l1, 0.003);  // measured 1.6e-3 (order 1), 3.3e-4 (order 2)
    EXPECT_NEAR(r.snap.depth[0] / ex.depth(0.5 * dx), 1.0, 0.005);
    EXPECT_LT(r.continuity, mass_tolerance(c));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MacDonald, testing::ValuesIn(all_backends()), case_name);
INSTANTIATE_TEST_SUITE_P(Backends, Bumps, testing::ValuesIn(all_backends()), case_name);
INSTANTIATE_TEST_SUITE_P(Backends, OpenEdges, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
