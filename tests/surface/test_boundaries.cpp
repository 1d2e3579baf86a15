// Edge boundaries: an inflow hydrograph delivers exactly its volume; a fixed level fills a basin to
// that level; critical-depth outflow drains a reservoir at the critical discharge.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace sf::test {
namespace {

class Boundaries : public testing::TestWithParam<BackendCase> {};

TEST_P(Boundaries, InflowHydrographDeliversItsVolumeExactly) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  SurfaceSetup s = make_grid(40, 20, 1.0, [](double x, double) { return 0.02 * x; });
  s.roughness_uniform = 0.03;
  BoundarySegmentSpec in;
  in.name = "river";
  in.kind = swe::EdgeKind::kInflow;
  in.side = swe::kWest;
  in.from = 5.0;
  in.to = 15.0;  // cells with centres 5.5 .. 14.5 m: 10 m of edge
  in.series = TimeSeries({0, 60, 120}, {0.0, 2.0, 0.0});  // triangle: 120 m3
  s.boundaries.push_back(in);
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(180.0);
  const VolumeBalance b = sim.balance();
  const bool f64 = c.precision == Precision::kF64;
  EXPECT_NEAR(b.boundary_inflow, 120.0, f64 ? 1e-9 : 1e-3);
  EXPECT_EQ(b.boundary_outflow, 0.0);
  EXPECT_NEAR(b.final_volume, 120.0, f64 ? 1e-9 : 2e-3);
}

TEST_P(Boundaries, FixedLevelFillsABasinToThatLevel) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  SurfaceSetup s = make_grid(30, 10, 1.0, [](double x, double) { return 1.0 - 0.02 * x; });
  s.roughness_uniform = 0.02;
  BoundarySegmentSpec sea;
  sea.name = "tide";
  sea.kind = swe::EdgeKind::kLevel;
  sea.side = swe::kEast;
  sea.series = TimeSeries::constant(0.9);
  s.boundaries.push_back(sea);
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(1800.0);
  const SurfaceSnapshot snap = sim.snapshot(0);
  double worst = 0;
  for (std::size_t k = 0; k < snap.depth.size(); ++k)
    if (snap.bed[k] < 0.85) worst = std::max(worst, std::abs(snap.level[k] - 0.9));
  EXPECT_LT(worst, 1e-3) << "water level should settle at the boundary level of 0.9 m";
  const VolumeBalance b = sim.balance();
  EXPECT_LT(std::abs(b.continuity_error_pct()), c.precision == Precision::kF64 ? 1e-9 : 1e-2);
}

TEST_P(Boundaries, CriticalOutflowDrainsAtTheCriticalDischarge) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  // A flat, frictionless reservoir 1 m deep draining over its east edge: at the edge the flow is
  // critical, q = sqrt(g) (2E/3)^(3/2) with E ~ 1 m, i.e. about 1.70 m2/s at the start.
  SurfaceSetup s = make_grid(400, 3, 1.0, [](double, double) { return 0.0; });
  set_level(s, [](double, double) { return 1.0; });
  BoundarySegmentSpec out;
  out.kind = swe::EdgeKind::kCritical;
  out.side = swe::kEast;
  s.boundaries.push_back(out);
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(20.0);  // the drawdown wave has not reached the west wall (400 m at 3.1 m/s)
  const double v20 = sim.balance().boundary_outflow;
  sim.advance_to(40.0);
  const double q = (sim.balance().boundary_outflow - v20) / 20.0 / 3.0;
  // Long-time limit of the dam-break at an open edge: the edge depth is 4/9 h0, velocity 2/3 c0.
  const double q_exact = 4.0 / 9.0 * 2.0 / 3.0 * std::sqrt(9.80665);
  EXPECT_NEAR(q / q_exact, 1.0, 0.05) << "q = " << q << " m2/s";
}

INSTANTIATE_TEST_SUITE_P(Backends, Boundaries, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
