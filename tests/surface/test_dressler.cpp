// Dressler's dam break with Chezy friction (Dressler 1952; SWASHES 4.1.3): 6 m of water behind a
// dam at x = 1000 m of a 2000 m dry channel, C = 40 m^1/2/s. The first-order friction correction
// of Ritter's solution is exact to O(1/C^2) upstream of the tip; the tip itself is modelled, so the
// depth is compared upstream of it, at both orders, with the mass of the closed channel.
#include <gtest/gtest.h>

#include <cstdio>

#include "channel_run.hpp"

namespace sf::test {
namespace {

class Dressler : public testing::TestWithParam<BackendCase> {};

TEST_P(Dressler, ChezyDamBreakMatchesTheCorrectedRarefaction) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  const double hl = 6.0, x0 = 1000.0, chezy = 40.0, t = 30.0, dx = 2.0;
  const int n = 1000;
  DresslerSolution ex(hl, x0, chezy, kGravity);
  const double x_tip = ex.tip_start(t);
  double l1[3] = {0, 0, 0};
  for (int order : {1, 2}) {
    SurfaceSetup s = channel(n, dx, [](double) { return 0.0; });
    s.friction_law = swe::FrictionLaw::kChezy;
    s.roughness_uniform = chezy;
    s.numerics.order = order;
    s.h0.assign(n, 0.0);
    for (int i = 0; i < n; ++i) s.h0[i] = (i + 0.5) * dx < x0 ? hl : 0.0;
    Simulation sim(s, c.backend, c.precision);
    sim.advance_to(t);
    const SurfaceSnapshot snap = sim.snapshot(0);
    l1[order] = l1_depth_error(snap, dx, [&](double x) { return ex.depth(x, t); }, 500.0, x_tip);
    const double mass = std::abs(sim.balance().final_volume / (hl * x0 * dx) - 1.0);
    std::printf("[dressler] %s order %d: L1 on [500, %.1f] m = %.3e m, mass error %.1e\n",
                to_string(c.precision).c_str(), order, x_tip, l1[order], mass);
    EXPECT_LT(mass, c.precision == Precision::kF64 ? 1e-10 : 1e-5);
  }
  EXPECT_LT(l1[1], 0.035);  // measured 2.48e-2 m
  EXPECT_LT(l1[2], 0.009);  // measured 6.4e-3 m

}

INSTANTIATE_TEST_SUITE_P(Backends, Dressler, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
