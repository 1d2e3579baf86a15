// A lake at rest over rough topography with emerged islands must stay at rest (well-balancing),
// at first and second order, with closed walls.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace sf::test {
namespace {

struct LakeCase {
  BackendCase backend;
  int order;
};

class LakeAtRest : public testing::TestWithParam<LakeCase> {};

SurfaceSetup rough_lake(int order) {
  // Rough bed: ripples plus two islands rising above the still level of 1.0 m.
  auto bed = [](double x, double y) {
    double z = 0.3 + 0.2 * std::sin(0.7 * x) * std::cos(0.45 * y) + 0.05 * std::sin(3.1 * x + y);
    z += 1.4 * std::exp(-((x - 12) * (x - 12) + (y - 10) * (y - 10)) / 8.0);
    z += 1.1 * std::exp(-((x - 28) * (x - 28) + (y - 22) * (y - 22)) / 12.0);
    return z;
  };
  SurfaceSetup s = make_grid(40, 32, 1.0, bed);
  set_level(s, [](double, double) { return 1.0; });
  s.roughness_uniform = 0.03;
  s.numerics.order = order;
  s.numerics.cfl = 0.45;
  return s;
}

TEST_P(LakeAtRest, StaysAtRestFor1000Steps) {
  const LakeCase c = GetParam();
  SF_SKIP_WITHOUT_DEVICE(c.backend);
  Simulation sim(rough_lake(c.order), c.backend.backend, c.backend.precision);
  for (int n = 0; n < 1000; ++n) sim.advance_to(sim.time() + 0.05);
  ASSERT_EQ(sim.steps(), 1000);
  const SurfaceSnapshot s = sim.snapshot(0);
  double umax = 0, level_err = 0;
  for (std::size_t k = 0; k < s.depth.size(); ++k) {
    umax = std::max({umax, std::abs(s.u[k]), std::abs(s.v[k])});
    if (s.depth[k] > 0) level_err = std::max(level_err, std::abs(s.level[k] - 1.0));
  }
  const bool f64 = c.backend.precision == Precision::kF64;
  EXPECT_LE(umax, f64 ? 1e-12 : 1e-5) << "max |u|, |v| after 1000 steps";
  EXPECT_LE(level_err, f64 ? 1e-12 : 1e-5) << "max |eta - 1| over wet cells";
  std::printf("[lake-at-rest] %s order %d: max|u,v| = %.3e, max|eta-1| = %.3e\n",
              to_string(c.backend.precision).c_str(), c.order, umax, level_err);
}

std::vector<LakeCase> lake_cases() {
  std::vector<LakeCase> v;
  for (const BackendCase& b : all_backends())
    for (int order : {1, 2}) v.push_back({b, order});
  return v;
}

INSTANTIATE_TEST_SUITE_P(Backends, LakeAtRest, testing::ValuesIn(lake_cases()),
                         [](const testing::TestParamInfo<LakeCase>& i) {
                           return to_string(i.param.backend.backend) + "_" +
                                  to_string(i.param.backend.precision) + "_order" +
                                  std::to_string(i.param.order);
                         });

}  // namespace
}  // namespace sf::test
