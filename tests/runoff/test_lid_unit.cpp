// One LID unit (kernels/runoff/lid_unit.hpp) against hand values of SWMM's layer equations
// (Rossman & Huber 2016, Vol. I sec. 6.3): a rain barrel filling and overflowing, its drain
// q = C (h - Hd)^eta, soil percolation at saturation (K = Ks), and a trench's exfiltration.
#include <gtest/gtest.h>

#include <cmath>

#include <stdexcept>

#include "inp/reader.hpp"
#include "runoff/lid_group.hpp"
#include "runoff/lid_unit.hpp"

namespace {

using sf::runoff::LidProcess;
using sf::runoff::LidType;
using sf::runoff::LidUnitState;

constexpr double kMm = 1e-3, kMmPerHour = 1e-3 / 3600.0;

LidProcess<double> barrel(double coeff) {
  LidProcess<double> p;
  p.type = LidType::kRainBarrel;
  p.storage = {1.2, 1.0, 0.0, false};
  p.drain = {coeff, 0.5, 0.0, 0.0, 0.0, 0.0, kMm, kMmPerHour};
  return p;
}

TEST(LidUnit, RainBarrelFillsThenOverflowsEverything) {
  const LidProcess<double> p = barrel(0.0);
  LidUnitState<double> s = sf::runoff::lid_unit_initial_state(p, 0.0, 0.0);
  const double i = 1e-4, dt = 60.0;  // 360 mm/h onto the barrel's 1.2 m
  for (int k = 0; k < 200; ++k) {    // 200 min: 1.2 m after exactly 200 steps
    const auto r = sf::runoff::lid_unit_step(s, p, 2.0, 1.0, i, 0.0, 0.0, 1e30, dt);
    EXPECT_NEAR(r.surface_outflow, 0.0, 1e-15);
  }
  EXPECT_NEAR(s.storage, 1.2, 1e-12);
  const auto r = sf::runoff::lid_unit_step(s, p, 2.0, 1.0, i, 0.0, 0.0, 1e30, dt);
  EXPECT_NEAR(r.surface_outflow, i, 1e-15);  // full: all inflow overflows
  EXPECT_NEAR(s.storage, 1.2, 1e-12);
}

TEST(LidUnit, RainBarrelDrainFollowsThePowerLaw) {
  const LidProcess<double> p = barrel(5.0);                                  // 5 mm/h per mm^0.5
  LidUnitState<double> s = sf::runoff::lid_unit_initial_state(p, 0.5, 0.0);  // 0.6 m of water
  const double dt = 60.0;
  const double q = 5.0 * std::sqrt(600.0) * kMmPerHour;  // C h^0.5 with h in mm
  const auto r = sf::runoff::lid_unit_step(s, p, 2.0, 1.0, 0.0, 0.0, 0.0, 1e30, dt);
  EXPECT_NEAR(r.drain, q, 1e-15);
  EXPECT_NEAR(s.storage, 0.6 - q * dt, 1e-12);
}

TEST(LidUnit, SaturatedSoilPercolatesAtKs) {
  LidProcess<double> p;
  p.type = LidType::kBioCell;
  p.soil = {0.5, 0.5, 0.2, 0.1, 50 * kMmPerHour, 10.0, 80 * kMm, 0.0};
  p.storage = {0.3, 0.6, 0.0, false};
  LidUnitState<double> s = sf::runoff::lid_unit_initial_state(p, 1.0, 0.0);  // theta = porosity
  s.storage = 0.0;
  const double dt = 60.0;
  const auto r = sf::runoff::lid_unit_step(s, p, 10.0, 2.0, 0.0, 0.0, 0.0, 1e30, dt);
  const double perc = 50 * kMmPerHour;  // K(porosity) = Ks
  EXPECT_NEAR(s.soil, 0.5 - perc * dt / 0.5, 1e-12);
  EXPECT_NEAR(s.storage, perc * dt / 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(r.drain, 0.0);
}

TEST(LidUnit, TrenchExfiltratesAtTheSeepageRate) {
  LidProcess<double> p;
  p.type = LidType::kInfiltrationTrench;
  p.storage = {1.0, 0.6, 3 * kMmPerHour, false};
  LidUnitState<double> s = sf::runoff::lid_unit_initial_state(p, 0.5, 0.0);  // 0.5 m
  const double dt = 300.0;
  const auto r = sf::runoff::lid_unit_step(s, p, 10.0, 2.0, 0.0, 0.0, 0.0, 1e30, dt);
  EXPECT_NEAR(r.exfiltration, 3 * kMmPerHour, 1e-18);
  EXPECT_NEAR(s.storage, 0.5 - 3 * kMmPerHour * dt / 0.6, 1e-12);
  EXPECT_NEAR(r.stored, 0.5 * 0.6, 1e-15);  // water at the start of the step
}

// A group's state (for checkpoints) taken back into a fresh group continues bit for bit.
TEST(LidGroup, StateTakenBackContinuesExactly) {
  const sf::inp::Model m =
      sf::inp::read_inp_file(std::string(SPONGEFLOW_SOURCE_DIR) + "/tests/runoff/data/lid/bc.inp");
  sf::runoff::LidGroup a(m, 0), b(m, 0);
  sf::runoff::LidStepInput in;
  in.q_imperv = 0.02;
  in.rain = 2e-5;
  in.evap = 5e-8;
  in.dt = 60.0;
  in.has_non_lid_area = true;
  const int node = m.subcatchments[0].outlet_node;
  for (int k = 0; k < 30; ++k) {
    a.begin_step();
    a.step(in, node, -1);
  }
  b.set_state(a.state());
  in.rain = 0.0;
  for (int k = 0; k < 30; ++k) {
    a.begin_step();
    b.begin_step();
    const auto va = a.step(in, node, -1), vb = b.step(in, node, -1);
    EXPECT_EQ(va.surface_out, vb.surface_out);
    EXPECT_EQ(va.drain_to_nodes, vb.drain_to_nodes);
    EXPECT_EQ(va.infiltration, vb.infiltration);
  }
  EXPECT_EQ(a.stored(), b.stored());
  EXPECT_GT(a.drain_flow(), 0.0);
  EXPECT_THROW(b.set_state({1.0, 2.0}), std::invalid_argument);
}

}  // namespace
