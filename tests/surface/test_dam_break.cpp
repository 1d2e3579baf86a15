// Dam breaks against exact solutions: Ritter (dry bed) and Stoker (wet bed), on a 100 m channel,
// dam at x0 = 50 m, upstream depth 1 m, t = 5 s (no wave reaches the ends). L1 depth error per
// metre of channel, and its decrease from dx to dx/2.
#include <gtest/gtest.h>

#include <cmath>

#include "analytic_solutions.hpp"
#include "test_support.hpp"

namespace sf::test {
namespace {

constexpr double kLength = 100.0, kDam = 50.0, kTime = 5.0, kG = 9.80665;

template <class Exact>
double dam_break_l1(const BackendCase& c, int order, int nx, double h_down, Exact exact) {
  const double dx = kLength / nx;
  SurfaceSetup s = make_grid(nx, 3, dx, [](double, double) { return 0.0; });
  set_level(s, [&](double x, double) { return x < kDam ? 1.0 : h_down; });
  s.numerics.order = order;
  s.numerics.cfl = 0.45;
  s.numerics.gravity = kG;
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(kTime);
  const SurfaceSnapshot snap = sim.snapshot(0);
  double err = 0;
  for (int i = 0; i < nx; ++i) err += std::abs(snap.depth[nx + i] - exact((i + 0.5) * dx)) * dx;
  return err / kLength;
}

struct Result {
  double coarse, fine, rate;
};

template <class Exact>
Result convergence(const BackendCase& c, int order, double h_down, Exact exact) {
  Result r;
  r.coarse = dam_break_l1(c, order, 200, h_down, exact);
  r.fine = dam_break_l1(c, order, 400, h_down, exact);
  r.rate = std::log2(r.coarse / r.fine);
  return r;
}

class DamBreak : public testing::TestWithParam<BackendCase> {};

TEST_P(DamBreak, RitterDryBed) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  auto exact = [](double x) { return ritter_depth(x, kTime, kDam, 1.0, kG); };
  for (int order : {1, 2}) {
    const Result r = convergence(c, order, 0.0, exact);
    std::printf("[ritter] %s order %d: L1(dx=0.5) = %.3e m, L1(dx=0.25) = %.3e m, rate %.2f\n",
                to_string(c.precision).c_str(), order, r.coarse, r.fine, r.rate);
    EXPECT_LT(r.fine, order == 1 ? 6e-3 : 3e-3);
    EXPECT_GT(r.rate, order == 1 ? 0.6 : 0.7);
  }
}

TEST_P(DamBreak, StokerWetBed) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  const StokerSolution stoker(1.0, 0.1, kDam, kG);
  auto exact = [&](double x) { return stoker.depth(x, kTime); };
  for (int order : {1, 2}) {
    const Result r = convergence(c, order, 0.1, exact);
    std::printf("[stoker] %s order %d: L1(dx=0.5) = %.3e m, L1(dx=0.25) = %.3e m, rate %.2f\n",
                to_string(c.precision).c_str(), order, r.coarse, r.fine, r.rate);
    EXPECT_LT(r.fine, order == 1 ? 6e-3 : 3e-3);
    EXPECT_GT(r.rate, order == 1 ? 0.6 : 0.7);
  }
}

TEST(StokerSolution, MiddleStateMatchesPublishedValue) {
  // hl = 1, hr = 0.1 gives hm = 0.3965 m (e.g. Delestre et al. 2013, SWASHES, sec. 4.1.2).
  const StokerSolution s(1.0, 0.1, 0.0, kG);
  EXPECT_NEAR(s.hm, 0.3965, 5e-4);
}

INSTANTIATE_TEST_SUITE_P(Backends, DamBreak, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
