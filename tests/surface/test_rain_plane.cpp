// Rain on a tilted plane reaches the steady state of the kinematic wave: outflow per metre of width
// q = i L, and depth h(x) = (i x n / sqrt(S))^(3/5) (Manning, wide channel). The grid is fine
// enough that the bed drop per cell (2.5 mm) stays below the sheet depth (6-12 mm): where it does
// not, the hydrostatic reconstruction under-predicts thin-sheet depths (docs/theory/surface.md).
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace sf::test {
namespace {

class RainPlane : public testing::TestWithParam<BackendCase> {};

TEST_P(RainPlane, SteadyOutflowEqualsRainTimesLength) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  const double L = 100.0, slope = 0.01, n = 0.03, i_rain = 100.0 / 1000.0 / 3600.0;  // 100 mm/h
  const int nx = 400, ny = 3;
  SurfaceSetup s = make_grid(nx, ny, L / nx, [&](double x, double) { return slope * (L - x); });
  s.roughness_uniform = n;
  s.rain = TimeSeries::constant(i_rain);
  BoundarySegmentSpec out;
  out.name = "outlet";
  out.kind = swe::EdgeKind::kFree;
  out.side = swe::kEast;
  s.boundaries.push_back(out);
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(1800.0);
  const double v1 = sim.balance().boundary_outflow;
  sim.advance_to(2000.0);
  const VolumeBalance b = sim.balance();
  const double width = ny * (L / nx);
  const double q = (b.boundary_outflow - v1) / 200.0 / width;
  const double q_exact = i_rain * L;
  std::printf(
      "[rain-plane] %s: q = %.5e m2/s, exact %.5e, error %.2f %%, continuity %.2e %%, "
      "clamp %.2e m3, %lld steps\n",
      to_string(c.precision).c_str(), q, q_exact, 100 * (q / q_exact - 1), b.continuity_error_pct(),
      b.clamp, sim.steps());
  EXPECT_NEAR(q / q_exact, 1.0, 0.01);
  // fp32: rounding of the rain increments (dt R ~ 1e-6 m on 1e-2 m sheets) over 8000 steps.
  EXPECT_LT(std::abs(b.continuity_error_pct()), c.precision == Precision::kF64 ? 1e-9 : 2e-3);

  const SurfaceSnapshot snap = sim.snapshot(0);
  for (double x : {25.0, 50.0, 75.0}) {
    const int i = int(x / (L / nx));
    const double xc = (i + 0.5) * (L / nx);
    const double h_exact = std::pow(i_rain * xc * n / std::sqrt(slope), 0.6);
    EXPECT_NEAR(snap.depth[nx + i] / h_exact, 1.0, 0.07) << "at x = " << xc;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RainPlane, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
