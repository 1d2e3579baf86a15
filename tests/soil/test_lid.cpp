// LID measures: the exact water balance of every kind over a storm and a dry spell, layers kept
// within [0, capacity], and two single-cell results checked by hand.
#include <gtest/gtest.h>

#include <vector>

#include "lid_fixtures.hpp"
#include "soil/lid_step.hpp"

namespace sf::soil {
namespace {

struct Totals {
  double rain = 0, from_surface = 0, infiltrated = 0, evaporated = 0, drained = 0, overflow = 0;
};

// Runs one cell: `storm_s` of rain at `rain`, then dry; the cell's surface water is the overflow
// of the previous step (nothing flows away), so run-on re-enters the measure.
Totals run(const LidParams<double>& p, LidState<double>& s, double rain, double storm_s,
           double total_s, double evap, double dt) {
  GreenAmptState<double> ga = green_ampt_initial_state(lid_soil_infiltration_params(p));
  Totals t;
  double h = 0;
  const double pave_cap = lid_pavement_capacity(p), soil_cap = lid_soil_capacity(p),
               stor_cap = lid_storage_capacity(p);
  for (double time = 0; time < total_s - 1e-9; time += dt) {
    const double before = s.water();
    const LidFluxes<double> f = lid_step(s, ga, p, h, time < storm_s ? rain : 0.0, evap, dt);
    h = f.overflow;
    const double in = f.rain + f.from_surface;
    const double out = f.infiltrated + f.evaporated + f.drained + f.overflow;
    EXPECT_NEAR(s.water() - before, in - out, 1e-14) << "t = " << time;
    EXPECT_GE(s.surface, 0.0);
    EXPECT_GE(s.pavement, 0.0);
    EXPECT_LE(s.pavement, pave_cap + 1e-15);
    EXPECT_GE(s.soil, 0.0);
    EXPECT_LE(s.soil, soil_cap + 1e-15);
    EXPECT_GE(s.storage, 0.0);
    EXPECT_LE(s.storage, stor_cap + 1e-15);
    EXPECT_GE(f.overflow, 0.0);
    EXPECT_GE(f.drained, 0.0);
    EXPECT_GE(f.infiltrated, 0.0);
    t.rain += f.rain;
    t.from_surface += f.from_surface;
    t.infiltrated += f.infiltrated;
    t.evaporated += f.evaporated;
    t.drained += f.drained;
    t.overflow += f.overflow;
  }
  return t;
}

class LidBalance : public ::testing::TestWithParam<int> {};

TEST_P(LidBalance, StormAndDrySpellCloseTheBalanceAndKeepLayersInBounds) {
  const LidParams<double> kinds[] = {test::permeable_pavement(), test::green_roof(),
                                     test::bioretention(), test::infiltration_trench(),
                                     test::rain_barrel()};
  const LidParams<double>& p = kinds[GetParam()];
  LidState<double> s = lid_initial_state(p);
  const double w0 = s.water();
  // 80 mm/h for 2 h, then 22 h dry with 5 mm/day potential evaporation.
  const Totals t = run(p, s, 80e-3 / 3600, 7200, 86400, 5e-3 / 86400, 60);
  EXPECT_NEAR(t.rain, 0.16, 1e-12);
  // The last overflow is still on the surface, not lost: it was never taken back.
  const double net_in = t.rain + t.from_surface - t.overflow;
  EXPECT_NEAR(s.water() - w0, net_in - t.infiltrated - t.evaporated - t.drained, 1e-12);
  EXPECT_GT(t.infiltrated + t.drained + s.water() - w0, 0.0);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, LidBalance, ::testing::Range(0, 5));

// Rain barrel, 0.2 m deep, under 50 mm/h for 6 h (300 mm): full after 4 h, 100 mm overflow, no
// drainage until 12 h after the rain; then a constant 36 mm/h.
TEST(RainBarrel, FillsOverflowsAndDrainsAfterTheDelay) {
  const LidParams<double> p = test::rain_barrel();
  LidState<double> s = lid_initial_state(p);
  GreenAmptState<double> ga{};
  const double dt = 60, rain = 50e-3 / 3600;
  double overflow = 0, drained = 0;
  for (int n = 0; n < 360; ++n) {
    const LidFluxes<double> f = lid_step(s, ga, p, 0.0, rain, 0.0, dt);
    overflow += f.overflow;
    drained += f.drained;
    if (n == 119) {
      EXPECT_NEAR(s.storage, 0.1, 1e-12);  // after 2 h: half full
    }
  }
  EXPECT_NEAR(s.storage, 0.2, 1e-12);
  EXPECT_NEAR(overflow, 0.1, 1e-12);
  EXPECT_EQ(drained, 0.0);
  // Dry steps: dry_time reaches the 12 h delay on dry step 720, which is the first to drain.
  int open_steps = 0;
  for (int n = 1; n <= 720 + 99; ++n) {
    const LidFluxes<double> f = lid_step(s, ga, p, 0.0, 0.0, 0.0, dt);
    if (n < 720) {
      ASSERT_EQ(f.drained, 0.0) << n;
    }
    if (f.drained > 0) ++open_steps;
  }
  EXPECT_EQ(open_steps, 100);
  EXPECT_NEAR(s.storage, 0.2 - 100 * 1e-5 * dt, 1e-12);  // 60 mm drained in 100 min
}

// Bioretention cell without storage on a soil at field capacity, Ks above the rain rate, native
// soil taking 36 mm/h: 60 mm/h for 30 min all enters the soil (1 mm a step); from the second step
// on the excess over field capacity seeps at 0.6 mm a step. After step n <= 30 the soil holds
// n - 0.6 (n - 1) mm above field capacity; 30 mm have seeped out 50 min after the start.
TEST(Bioretention, BlockOfRainInfiltratesAndSeepsAsComputedByHand) {
  LidParams<double> p;
  p.kind = LidKind::kBioretention;
  p.surface = {0.15};
  p.soil = {0.5, 0.5, 0.2, 0.1, 1e-4, 0.0, 0.1, 0.2};  // HCO 0: percolation capacity = Ks
  p.storage = {0.0, 1.0, 36e-3 / 3600, 0.0};
  LidState<double> s = lid_initial_state(p);
  GreenAmptState<double> ga = green_ampt_initial_state(lid_soil_infiltration_params(p));
  const double fc_water = 0.2 * 0.5, dt = 60;
  double infiltrated = 0, overflow = 0;
  for (int n = 1; n <= 60; ++n) {
    const LidFluxes<double> f = lid_step(s, ga, p, 0.0, n <= 30 ? 60e-3 / 3600 : 0.0, 0.0, dt);
    infiltrated += f.infiltrated;
    overflow += f.overflow;
    if (n == 20) {
      EXPECT_NEAR(s.soil - fc_water, (20 - 0.6 * 19) * 1e-3, 1e-12);
    }
    if (n == 30) {
      EXPECT_NEAR(s.soil - fc_water, (30 - 0.6 * 29) * 1e-3, 1e-12);
    }
  }
  EXPECT_EQ(overflow, 0.0);
  EXPECT_NEAR(s.surface, 0.0, 1e-15);
  EXPECT_NEAR(infiltrated, 0.030, 1e-12);
  EXPECT_NEAR(s.soil, fc_water, 1e-12);
}

TEST(Bioretention, IntenseRainPondsBehindTheBermThenOverflows) {
  LidParams<double> p = test::bioretention();
  p.drain.coeff = 0;
  p.storage.seepage = 0;
  LidState<double> s = lid_initial_state(p);
  // 200 mm/h for 3 h = 600 mm on a cell with (0.5 - 0.2) 0.6 + 0.3 0.4 = 300 mm of room below.
  const Totals t = run(p, s, 200e-3 / 3600, 3 * 3600, 3 * 3600, 0.0, 60);
  EXPECT_NEAR(s.surface, 0.15, 1e-12);  // the berm is full
  EXPECT_GT(t.overflow, 0.0);
  EXPECT_LE(s.soil, lid_soil_capacity(p) + 1e-15);
}

}  // namespace
}  // namespace sf::soil
