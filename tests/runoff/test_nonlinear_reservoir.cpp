// The nonlinear reservoir dd/dt = i - alpha d^(5/3) (kernels/runoff/nonlinear_reservoir.hpp)
// against its exact solution: the time to reach depth d from a dry start is the integral
// t(d) = int_0^d dx / (i - alpha x^(5/3)), evaluated here by quadrature to 1e-10; the steady
// state is d* = (i / alpha)^(3/5) with outflow = i.
#include <gtest/gtest.h>

#include <cmath>

#include "runoff/nonlinear_reservoir.hpp"

namespace {

using sf::runoff::integrate_ponded_depth;
using sf::runoff::overland_alpha;
using sf::runoff::overland_outflow;
using sf::runoff::subarea_step;
using sf::runoff::SubareaParams;

// 1 ha impervious, width 100 m, slope 1 %, n = 0.015: alpha = k W sqrt(S) / (A n)
const double kAlpha = overland_alpha(100.0, 1.0e4, 0.01, 0.015);
const double kRain = 50.0e-3 / 3600.0;  // 50 mm/h in m/s

// t(d) by composite Simpson in u = x^(1/3)... the integrand is smooth on [0, d] for d < d*:
// plain Simpson with 200 000 panels is exact to ~1e-12 here.
double time_to_depth(double d, double i, double alpha) {
  const int n = 200000;
  const double h = d / n;
  auto g = [&](double x) { return 1.0 / (i - alpha * std::pow(x, 5.0 / 3.0)); };
  double s = g(0.0) + g(d);
  for (int k = 1; k < n; ++k) s += (k % 2 ? 4.0 : 2.0) * g(k * h);
  return s * h / 3.0;
}

TEST(NonlinearReservoir, AlphaIsManningInSwmmUnits) {
  // SWMM: 1.49 / n W / A sqrt(S) in ft; in SI the coefficient is 1.49 * 0.3048^(1/3)
  EXPECT_NEAR(sf::runoff::kSwmmManningSi, 1.49 * std::cbrt(0.3048), 1e-12);
  EXPECT_NEAR(kAlpha, 1.49 * std::cbrt(0.3048) * 100.0 / 1.0e4 * 0.1 / 0.015, 1e-15);
  EXPECT_EQ(overland_alpha(100.0, 0.0, 0.01, 0.015), 0.0);
  EXPECT_EQ(overland_alpha(100.0, 1.0e4, 0.01, 0.0), 0.0);
}

TEST(NonlinearReservoir, DepthFollowsTheExactTimeToDepth) {
  const double d_star = std::pow(kRain / kAlpha, 0.6);
  for (double frac : {0.1, 0.5, 0.9, 0.99}) {
    const double d = frac * d_star;
    const double t = time_to_depth(d, kRain, kAlpha);
    const double got = integrate_ponded_depth(0.0, kRain, kAlpha, 0.0, t);
    EXPECT_NEAR(got, d, 1e-6 * d) << "at " << frac << " of the steady depth, t = " << t << " s";
  }
}

TEST(NonlinearReservoir, SplittingTheStepChangesNothing) {
  const double t = 1800.0;
  const double whole = integrate_ponded_depth(0.0, kRain, kAlpha, 0.0, t);
  double d = 0.0;
  for (int k = 0; k < 30; ++k) d = integrate_ponded_depth(d, kRain, kAlpha, 0.0, t / 30);
  EXPECT_NEAR(d, whole, 1e-7 * whole);
}

TEST(NonlinearReservoir, SteadyStateReturnsTheRain) {
  const double d_star = std::pow(kRain / kAlpha, 0.6);
  double d = 0.0;
  SubareaParams<double> p{kAlpha, 0.015, 0.0};
  double q = 0.0;
  for (int k = 0; k < 48; ++k) q = subarea_step(d, kRain, 0.0, 0.0, p, 300.0).runoff;
  EXPECT_NEAR(d, d_star, 1e-6 * d_star);
  EXPECT_NEAR(q, kRain, 1e-5 * kRain);
  EXPECT_NEAR(overland_outflow(kAlpha, d_star, 0.0), kRain, 1e-12 * kRain);
}

TEST(NonlinearReservoir, DepressionStorageFillsBeforeAnyFlow) {
  const double ds = 2.0e-3;  // 2 mm
  SubareaParams<double> p{kAlpha, 0.015, ds};
  double d = 0.0;
  // 50 mm/h fills 2 mm in 144 s: the first 120 s step has no outflow
  EXPECT_EQ(subarea_step(d, kRain, 0.0, 0.0, p, 120.0).runoff, 0.0);
  EXPECT_NEAR(d, kRain * 120.0, 1e-15);
  // the next step: 24 s to fill, then the reservoir above ds from zero over 276 s
  const double q = subarea_step(d, kRain, 0.0, 0.0, p, 300.0).runoff;
  const double above = integrate_ponded_depth(0.0, kRain, kAlpha, 0.0, 276.0);
  EXPECT_NEAR(d, ds + above, 1e-9);
  EXPECT_NEAR(q, kAlpha * std::pow(above, 5.0 / 3.0), 1e-6 * q);
}

TEST(NonlinearReservoir, NoRoughnessDrainsWithinTheStep) {
  SubareaParams<double> p{0.0, 0.0, 1.0e-3};
  double d = 0.0;
  const auto r = subarea_step(d, kRain, 0.0, 0.0, p, 300.0);
  // 300 s at 50 mm/h = 4.1667 mm; 1 mm stays, the rest leaves over the 228 s after filling
  EXPECT_NEAR(d, 1.0e-3, 1e-15);
  EXPECT_NEAR(r.runoff * 228.0, kRain * 300.0 - 1.0e-3, 1e-12);
}

TEST(NonlinearReservoir, LossesAboveTheWaterOfferedLeaveItDry) {
  SubareaParams<double> p{kAlpha, 0.015, 0.0};
  double d = 1.0e-3;
  const auto r = subarea_step(d, 0.0, 1.0, 0.0, p, 300.0);  // huge evaporation
  EXPECT_EQ(d, 0.0);
  EXPECT_NEAR(r.evaporation * 300.0, 1.0e-3, 1e-15);  // only the ponded water evaporates
  EXPECT_EQ(r.runoff, 0.0);
}

}  // namespace
