// The per-cell kernel on a few cells of different classes, run through the OpenMP launch layer:
// depths stay non-negative, impervious cells keep all rain, and the booked volumes close the
// balance rain = surface water + infiltrated + LID storage change + drained + evaporated.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "engine/soil_arrays.hpp"
#include "launch/exec_omp.hpp"
#include "lid_fixtures.hpp"

namespace sf::soil {
namespace {

SoilModel four_classes() {
  SoilModel m;
  LandUseClass roof{"roof"};
  roof.impervious_share = 1.0;
  LandUseClass lawn{"lawn"};
  lawn.impervious_share = 0.5;
  lawn.infiltration.model = InfiltrationModel::kHorton;
  lawn.infiltration.horton = {2e-5, 2e-6, 4.0 / 3600, horton_recovery_from_drying_time(7),
                              kNoLimit};
  LandUseClass barrel{"barrel"};
  barrel.lid = test::rain_barrel();
  LandUseClass field{"field"};
  field.infiltration.model = InfiltrationModel::kGreenAmpt;
  field.infiltration.green_ampt = {1e-6, 0.11, 0.3};
  LandUseClass rain_garden{"rain_garden"};
  rain_garden.lid = test::bioretention();
  m.classes = {roof, lawn, barrel, field, rain_garden};
  return m;
}

template <class T>
struct Harness {
  std::vector<T> h;
  SoilArrays<T, HostArray> arrays;
  CellSoilStep<T> step{};

  Harness(const SoilModel& m, const std::vector<std::uint8_t>& cls, std::vector<T> h0)
      : h(std::move(h0)), arrays(initial_soil_arrays<T>(m, cls)) {
    // 2 m cells; each test sets the rain, evaporation and step
    const T* uniform_rain = nullptr;
    step = cell_soil_step(arrays, h.data(), nullptr, uniform_rain, T(0), T(0), T(0), T(4));
  }
  const std::vector<double>& infiltrated() const { return arrays.volumes[0]; }
  const std::vector<double>& stored() const { return arrays.volumes[1]; }
  const std::vector<double>& drained() const { return arrays.volumes[2]; }
  const std::vector<double>& evaporated() const { return arrays.volumes[3]; }
  double sum(const std::vector<double>& v) const {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
  double surface_volume() const {
    double s = 0;
    for (T x : h) s += double(x) * double(step.cell_area);
    return s;
  }
};

TEST(CellSoilStep, VolumesCloseTheBalanceAndDepthsStayNonNegative) {
  Harness<double> run(four_classes(), {0, 1, 2, 3, 4, 1, 3, 0}, std::vector<double>(8, 0.0));
  run.step.dt = 30;
  run.step.evap_rate = 4e-3 / 86400;
  double rain_volume = 0;
  for (int n = 0; n < 4 * 120; ++n) {  // 2 h of 60 mm/h, then 2 h dry
    run.step.rain_rate_uniform = n < 240 ? 60e-3 / 3600 : 0.0;
    rain_volume += run.step.rain_rate_uniform * run.step.dt * run.step.cell_area * 8;
    launch::OmpExec::for_each(8, run.step);
    for (double x : run.h) ASSERT_GE(x, 0.0);
  }
  const double accounted = run.surface_volume() + run.sum(run.infiltrated()) +
                           run.sum(run.stored()) + run.sum(run.drained()) +
                           run.sum(run.evaporated());
  EXPECT_NEAR(accounted, rain_volume, 1e-12 * rain_volume);
  EXPECT_NEAR(run.h[0], 0.12, 1e-12);  // the roof keeps all 120 mm (nothing flows in this test)
  EXPECT_EQ(run.infiltrated()[0], 0.0);
  EXPECT_GT(run.infiltrated()[1], 0.0);
  EXPECT_GT(run.stored()[2], 0.0);  // the barrel holds water (its drain is still shut)
  EXPECT_EQ(run.drained()[2], 0.0);
}

TEST(CellSoilStep, ThinWaterOnAThirstySoilLeavesExactlyZero) {
  Harness<float> run(four_classes(), {1, 3}, {1e-7f, 3e-9f});
  run.step.dt = 600.0f;
  run.step.rain_rate_uniform = 0.0f;
  run.step.evap_rate = 0.0f;
  launch::OmpExec::for_each(2, run.step);
  EXPECT_GE(run.h[0], 0.0f);
  EXPECT_EQ(run.h[1], 0.0f);
  // Half the lawn is paved: its 0.1 um halves; the field takes all 3 nm.
  EXPECT_NEAR(run.h[0], 0.5e-7f, 1e-13f);
  EXPECT_NEAR(run.infiltrated()[1], 3e-9 * 4, 1e-15);
}

TEST(CellSoilStep, InactiveCellsAreLeftAlone) {
  Harness<double> run(four_classes(), {0, 0}, {0.5, 0.5});
  const std::uint8_t active[] = {1, 0};
  run.step.active = active;
  run.step.dt = 60;
  run.step.rain_rate_uniform = 1e-5;
  run.step.evap_rate = 0;
  launch::OmpExec::for_each(2, run.step);
  EXPECT_NEAR(run.h[0], 0.5 + 6e-4, 1e-15);
  EXPECT_EQ(run.h[1], 0.5);
}

}  // namespace
}  // namespace sf::soil
