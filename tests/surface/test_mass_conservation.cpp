// With closed walls and no forcing, the water volume must not change: a violent dam break over
// bumpy terrain with wet/dry fronts, first and second order.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace sf::test {
namespace {

class MassConservation : public testing::TestWithParam<BackendCase> {};

TEST_P(MassConservation, ClosedBoxKeepsItsVolume) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  for (int order : {1, 2}) {
    SurfaceSetup s = make_grid(60, 40, 0.5, [](double x, double y) {
      return 0.1 * std::sin(0.8 * x) * std::sin(0.6 * y) + 0.6 * std::exp(-(x - 20) * (x - 20) / 4);
    });
    set_level(s, [](double x, double) { return x < 10 ? 1.0 : 0.05; });
    s.roughness_uniform = 0.02;
    s.numerics.order = order;
    Simulation sim(s, c.backend, c.precision);
    const double v0 = sim.balance().final_volume;
    sim.advance_to(20.0);
    const VolumeBalance b = sim.balance();
    const double rel = std::abs(b.final_volume - v0) / v0;
    const double tol = c.precision == Precision::kF64 ? 1e-12 : 1e-5;
    EXPECT_LE(rel, tol) << "order " << order << " after " << sim.steps() << " steps";
    EXPECT_EQ(b.boundary_outflow, 0.0);
    EXPECT_LE(std::abs(b.continuity_error_pct()), 100 * tol);
    std::printf("[mass] %s order %d: %lld steps, relative volume error %.3e\n",
                to_string(c.precision).c_str(), order, sim.steps(), rel);
  }
}

TEST_P(MassConservation, DepthNeverNegativeAndSymmetryKept) {
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  // A radially symmetric column collapsing in a square box stays symmetric in x and y.
  SurfaceSetup s = make_grid(41, 41, 0.5, [](double, double) { return 0.0; });
  set_level(s, [](double x, double y) {
    const double r2 = (x - 10.25) * (x - 10.25) + (y - 10.25) * (y - 10.25);
    return r2 < 16 ? 2.0 : 0.0;
  });
  s.numerics.order = 2;
  Simulation sim(s, c.backend, c.precision);
  sim.advance_to(3.0);
  const SurfaceSnapshot snap = sim.snapshot(0);
  double asym = 0, hmin = 0;
  for (int j = 0; j < 41; ++j)
    for (int i = 0; i < 41; ++i) {
      const double a = snap.depth[j * 41 + i];
      hmin = std::min(hmin, a);
      asym = std::max(asym, std::abs(a - snap.depth[j * 41 + (40 - i)]));
      asym = std::max(asym, std::abs(a - snap.depth[(40 - j) * 41 + i]));
      asym = std::max(asym, std::abs(a - snap.depth[i * 41 + j]));
    }
  EXPECT_GE(hmin, 0.0);
  EXPECT_LE(asym, c.precision == Precision::kF64 ? 1e-10 : 1e-4);
}

TEST_P(MassConservation, SourceOnDryGroundNeverClipsDepth) {
  // A 1 m3/s source into one cell of dry, flat ground: the step bound for sources and the front
  // speed |u| + 2c keep every depth non-negative, so no water is created by clipping.
  const BackendCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c);
  for (int order : {1, 2}) {
    SurfaceSetup s = make_grid(41, 41, 1.0, [](double, double) { return 0.0; });
    s.numerics.order = order;
    s.numerics.max_dt = 10.0;
    s.roughness_uniform = 0.02;
    SourceSpec src;
    src.name = "manhole";
    src.x = 20.5;
    src.y = 20.5;
    src.discharge = TimeSeries::constant(1.0);
    s.sources.push_back(src);
    Simulation sim(s, c.backend, c.precision);
    sim.advance_to(60.0);
    const VolumeBalance b = sim.balance();
    EXPECT_NEAR(b.source_inflow, 60.0, c.precision == Precision::kF64 ? 1e-9 : 1e-3);
    EXPECT_LE(std::abs(b.continuity_error_pct()), c.precision == Precision::kF64 ? 1e-10 : 1e-3)
        << "order " << order;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MassConservation, testing::ValuesIn(all_backends()), case_name);

}  // namespace
}  // namespace sf::test
