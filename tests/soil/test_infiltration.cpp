// Infiltration point functions against closed forms: Horton's cumulative curve under ponding,
// Mein-Larson time to ponding and the integrated Green-Ampt law, NEH-4 curve-number runoff; and
// the two invariants of every model: never more than the water offered, never below zero.
#include <gtest/gtest.h>

#include <cmath>

#include "soil/infiltration.hpp"

namespace sf::soil {
namespace {

HortonParams<double> horton() {
  // f0 = 72 mm/h, fmin = 7.2 mm/h, kd = 4 /h, 7-day drying time.
  return {2e-5, 2e-6, 4.0 / 3600.0, -std::log(0.02) / (7 * 86400.0), INFINITY};
}

TEST(Horton, CumulativeInfiltrationUnderPondingMatchesClosedForm) {
  const HortonParams<double> p = horton();
  HortonState<double> s;
  double total = 0;
  const double dt = 60;
  for (int n = 1; n <= 180; ++n) {
    total += infiltrate(s, p, 1.0, 0.0, dt);  // 1 m of water: the soil limits every step
    const double t = n * dt;
    const double closed = p.fmin * t + (p.f0 - p.fmin) / p.decay * (1 - std::exp(-p.decay * t));
    ASSERT_NEAR(total, closed, 1e-12 * closed) << "t = " << t;
  }
}

TEST(Horton, LightRainAllInfiltratesAndAdvancesTheCurveByTheVolumeOnly) {
  const HortonParams<double> p = horton();
  HortonState<double> s;
  const double rain = 3e-6, dt = 60;  // 10.8 mm/h: below the capacity for the first 2600 s of curve
  double total = 0;
  for (int n = 0; n < 30; ++n) total += infiltrate(s, p, 0.0, rain, dt);
  EXPECT_NEAR(total, rain * 30 * dt, 1e-15);
  // The curve time is where F(tp) equals what went in, not the 1800 s that passed.
  EXPECT_NEAR(horton_cumulative(p, s.tp), total, 1e-10 * total);
  EXPECT_LT(s.tp, 1800.0);
}

TEST(Horton, DryWeatherRecovers98PercentInTheDryingTime) {
  const HortonParams<double> p = horton();
  HortonState<double> s;
  for (int n = 0; n < 120; ++n) infiltrate(s, p, 1.0, 0.0, 60.0);
  const double deficit0 = 1 - std::exp(-p.decay * s.tp);
  for (int n = 0; n < 7 * 24; ++n) infiltrate(s, p, 0.0, 0.0, 3600.0);
  const double deficit1 = 1 - std::exp(-p.decay * s.tp);
  EXPECT_NEAR(deficit1 / deficit0, 0.02, 1e-9);
}

TEST(Horton, MaxVolumeCapsTheCumulativeInfiltration) {
  HortonParams<double> p = horton();
  p.max_volume = 0.01;
  HortonState<double> s;
  double total = 0;
  for (int n = 0; n < 600; ++n) total += infiltrate(s, p, 1.0, 0.0, 60.0);
  EXPECT_NEAR(total, 0.01, 1e-15);
}

// Mein-Larson: under rain i > Ks ponding starts at Fp = Ks psi dtheta / (i - Ks), tp = Fp / i;
// after it t - tp = (F - Fp - c ln((F + c)/(Fp + c))) / Ks with c = psi dtheta.
TEST(GreenAmpt, TimeToPondingAndCumulativeInfiltrationMatchMeinLarson) {
  const GreenAmptParams<double> p{1e-6, 0.11, 0.3};
  const double rain = 1e-5, dt = 1.0;
  const double c = p.suction * p.imd_max;
  const double fp = p.ks * c / (rain - p.ks), tp = fp / rain;
  GreenAmptState<double> s = green_ampt_initial_state(p);
  double total = 0, t_pond = -1;
  for (int n = 1; n <= 7200; ++n) {
    const double f = infiltrate(s, p, 0.0, rain, dt);  // runoff leaves: no ponded head
    total += f;
    if (t_pond < 0 && f < rain * dt * (1 - 1e-12)) t_pond = n * dt;
  }
  EXPECT_NEAR(tp, 366.667, 1e-3);
  EXPECT_GE(t_pond, tp);
  EXPECT_LT(t_pond, tp + dt);
  const double t_of_f = tp + (total - fp - c * std::log((total + c) / (fp + c))) / p.ks;
  EXPECT_NEAR(t_of_f, 7200.0, 1e-6);
}

TEST(GreenAmpt, RainBelowKsAllInfiltratesAndDryWeatherRestoresTheDeficit) {
  const GreenAmptParams<double> p{1e-5, 0.1, 0.25};
  GreenAmptState<double> s = green_ampt_initial_state(p);
  double total = 0;
  for (int n = 0; n < 60; ++n) total += infiltrate(s, p, 0.0, 5e-6, 60.0);
  EXPECT_NEAR(total, 5e-6 * 3600, 1e-15);
  for (int n = 0; n < 10 * 24; ++n) infiltrate(s, p, 0.0, 0.0, 3600.0);
  EXPECT_EQ(s.upper_zone, 0.0);
  EXPECT_EQ(s.imd, p.imd_max);
}

TEST(CurveNumber, CumulativeRunoffMatchesNeh4) {
  const double s_max = 0.0254 * (1000.0 / 80 - 10);  // CN 80: S = 63.5 mm
  const CurveNumberParams<double> p{s_max, 0.2, 1.0 / (7 * 86400.0)};
  CurveNumberState<double> s = curve_number_initial_state(p);
  const double rain = 10e-3 / 3600, dt = 300;  // 10 mm/h for 10 h
  double runoff = 0;
  for (int n = 1; n <= 120; ++n) {
    runoff += rain * dt - infiltrate(s, p, 0.0, rain, dt);
    const double P = rain * dt * n;
    const double q = P > 0.2 * s_max ? std::pow(P - 0.2 * s_max, 2) / (P + 0.8 * s_max) : 0.0;
    ASSERT_NEAR(runoff, q, 1e-14) << "P = " << P;
  }
  EXPECT_GT(runoff, 0.04);  // 100 mm on CN 80: Q = 50.0 mm by NEH-4's table
}

// The invariants, over a ragged forcing with ponded water coming and going.
template <class State, class Params>
void check_bounds(State s, const Params& p) {
  for (int n = 0; n < 2000; ++n) {
    const double ponded = (n % 7) * 1e-3 * ((n / 50) % 2);
    const double rain = ((n / 30) % 3) * 1.5e-5;
    const double dt = 10.0 + (n % 13) * 20.0;
    const double f = infiltrate(s, p, ponded, rain, dt);
    ASSERT_GE(f, 0.0) << n;
    ASSERT_LE(f, ponded + rain * dt + 1e-18) << n;
  }
}

TEST(Infiltration, NeverNegativeNorMoreThanTheWaterOffered) {
  check_bounds(HortonState<double>{}, horton());
  const GreenAmptParams<double> ga{2e-6, 0.2, 0.35};
  check_bounds(green_ampt_initial_state(ga), ga);
  const CurveNumberParams<double> cn{0.05, 0.2, 1.0 / 86400.0};
  check_bounds(curve_number_initial_state(cn), cn);
}

TEST(Horton, CapacityIsNeverExceeded) {
  const HortonParams<double> p = horton();
  HortonState<double> s;
  for (int n = 0; n < 500; ++n) {
    const double tp = s.tp, dt = 30.0;
    const double f = infiltrate(s, p, (n % 5) * 1e-4, 1e-5, dt);
    ASSERT_LE(f, horton_increment(p, tp, dt) * (1 + 1e-12)) << n;
  }
}

TEST(Infiltration, Fp32StaysWithinBoundsAndNearFp64) {
  const HortonParams<float> pf{2e-5f, 2e-6f, 4.0f / 3600.0f, 1e-5f, INFINITY};
  HortonState<float> sf;
  double total = 0;
  for (int n = 0; n < 3600; ++n) {
    const float f = infiltrate(sf, pf, 1.0f, 0.0f, 1.0f);
    ASSERT_GE(f, 0.0f);
    total += f;
  }
  const HortonParams<double> p = horton();
  const double closed = horton_cumulative(p, 3600.0);
  EXPECT_NEAR(total, closed, 1e-5 * closed);
}

}  // namespace
}  // namespace sf::soil
