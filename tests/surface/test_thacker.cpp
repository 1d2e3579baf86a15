// Thacker's planar surface in a paraboloid: a moving shoreline over curved terrain, compared with
// the exact solution after one full period on two grids, first and second order.
#include <gtest/gtest.h>

#include <cmath>

#include "analytic_solutions.hpp"
#include "test_support.hpp"

namespace sf::test {
namespace {

double thacker_l1(const BackendCase& c, int order, int n) {
  const ThackerPlanar ex;
  const double dx = ex.L / n;
  SurfaceSetup s = make_grid(n, n, dx, [&](double x, double y) { return ex.bed(x, y); });
  s.numerics.gravity = ex.g;
  s.numerics.order = order;
  s.numerics.cfl = 0.45;
  s.h0.resize(std::size_t(n) * n);
  s.qx0.resize(s.h0.size());
  s.qy0.resize(s.h0.size());
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const std::size_t k = std::size_t(j) * n + i;
      s.h0[k] = ex.depth((i + 0.5) * dx, (j + 0.5) * dx, 0.0);
      s.qx0[k] = s.h0[k] * ex.u(0.0);
      s.qy0[k] = s.h0[k] * ex.v(0.0);
    }
  Simulation sim(s, c.backend, c.precision);
  const double T = ex.period();
  sim.advance_to(T);
  const SurfaceSnapshot snap = sim.snapshot(0);
  double err = 0;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      err += std::abs(snap.depth[std::size_t(j) * n + i] -
                      ex.depth((i + 0.5) * dx, (j + 0.5) * dx, T));
  return err * dx * dx / (ex.L * ex.L);
}

class Thacker : public testing::TestWithParam<BackendCase> {};

TEST_P(Thacker, OnePeriodSecondOrderConvergesFaster) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  double rate[3] = {0, 0, 0}, fine[3] = {0, 0, 0};
  for (int order : {1, 2}) {
    const double e1 = thacker_l1(c, order, 80), e2 = thacker_l1(c, order, 160);
    rate[order] = std::log2(e1 / e2);
    fine[order] = e2;
    std::printf("[thacker] %s order %d: L1(dx=0.05) = %.3e m, L1(dx=0.025) = %.3e m, rate %.2f\n",
                to_string(c.precision).c_str(), order, e1, e2, rate[order]);
  }
  EXPECT_LT(fine[1], 2e-3);
  EXPECT_LT(fine[2], 1.5e-4);
  EXPECT_LT(fine[2], fine[1]);
  EXPECT_GT(rate[2], rate[1]);
  EXPECT_GT(rate[1], 0.5);
}

INSTANTIATE_TEST_SUITE_P(Backends, Thacker, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
