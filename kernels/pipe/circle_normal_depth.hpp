// Normal depth of a circular conduit at small flows from the exact circle, as EPA SWMM 5.2.4
// takes it (xsect.c: the section factor's closed form below 1.5 % of the full value, then the
// depth of that area from the circle itself): the table geometry, interpolated between rows
// 2 % of the diameter apart, puts it up to 27 % too low at 10^-5 of the full section factor.
// Equation and numbers: docs/theory/pipe-network.md ("Normal depth of a circle at small flows").
#pragma once

#include <cmath>

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/xsect.hpp"

namespace sf::pipe {

/// Section factor A R^(2/3) relative to the full one up to which a circle's normal depth is the
/// exact circle's (SWMM 5.2.4's bound, xsect.c circ_getAofS).
constexpr double kCircleExactSectionFactor = 0.015;

namespace detail {

/// 1 - x c[0] (1 - x c[1] (1 - ... (1 - x c[n-1]))): the Taylor series of sin and cos in x = t²
/// with c the reciprocals of the products of consecutive factorial factors.
template <int N>
SF_HD inline double alternating_series(double x, const double (&c)[N]) {
  double r = 1.0;
  for (int k = N - 1; k >= 0; --k) r = 1.0 - x * c[k] * r;
  return r;
}

// theta - sin(theta), 1 - cos(theta) and sin(x) for the angles of a circle's segment at up to
// 1.5 % of its full section factor (theta <= 1.19 rad; valid to 1.25 rad) by their series: no
// cancellation near the invert, no trigonometric call, the first omitted term below 10^-16 of
// the sum.
SF_HD inline double theta_minus_sin(double theta) {  // theta³/3! - theta⁵/5! + ... theta²¹/21!
  constexpr double c[] = {1.0 / 20,  1.0 / 42,  1.0 / 72,  1.0 / 110,
                          1.0 / 156, 1.0 / 210, 1.0 / 272, 1.0 / 342};
  const double t2 = theta * theta;
  return theta * t2 / 6.0 * alternating_series(t2, c);
}
SF_HD inline double one_minus_cos(double theta) {  // theta²/2! - theta⁴/4! + ... theta¹⁸/18!
  constexpr double c[] = {1.0 / 12,  1.0 / 30,  1.0 / 56,  1.0 / 90,
                          1.0 / 132, 1.0 / 182, 1.0 / 240, 1.0 / 306};
  const double t2 = theta * theta;
  return t2 / 2.0 * alternating_series(t2, c);
}
SF_HD inline double sin_small(double x) {  // |x| <= 0.35: x - x³/3! + ... x¹¹/11!
  constexpr double c[] = {1.0 / 6, 1.0 / 20, 1.0 / 42, 1.0 / 72, 1.0 / 110};
  return x * alternating_series(x * x, c);
}

}  // namespace detail

/// Segment angle theta [rad] of a circle whose section factor is psi times the full one, for
/// 0 < psi <= kCircleExactSectionFactor. With A/A_full = (theta - sin theta)/(2 pi) and
/// R/R_full = 1 - sin(theta)/theta,
///   psi = (theta - sin theta)^(5/3) / (2 pi theta^(2/3)),
/// i.e. h(theta) = ln((theta - sin theta)^5 / theta^2) - 3 ln(2 pi psi) = 0. The first guess
/// inverts the series of theta - sin theta = theta³/6 (1 - theta²/20 + theta^4/840 ...):
/// theta0 = (2 pi 6^(5/3) psi)^(3/13), theta = theta0 e^a with a = theta0²/52 +
/// theta0^4 (1/1352 + 1/43680), within 1.2e-4 of the root at psi = 0.015 and within 1e-15 below
/// theta = 10^-3 (taken as it is there); Newton on h then converges in at most two steps (one
/// logarithm each) to rounding (2e-15 against a bisection over psi = 10^-20 ... 0.015).
SF_HD inline double circle_angle_of_section_factor(double psi);

/// The first guess of circle_angle_of_section_factor and what its Newton steps need.
struct CircleAngleGuess {
  double theta = 0.0;
  double ln_psi = 0.0;
  bool exact = false;  // below theta = 10^-3 the guess is the root to rounding
};

/// Relative margin that holds the root around the guess: 8 times the guess's largest error
/// (1.2e-4, at psi = 0.015; smaller below), so a caller can bound the depth without the solve.
constexpr double kCircleGuessMargin = 1.0e-3;

SF_HD inline CircleAngleGuess circle_angle_guess(double psi) {
  using std::exp;
  using std::log;
  constexpr double kGuessOffset = 1.113263734259101;  // (3/13) ln(2 pi 6^(5/3))
  CircleAngleGuess g;
  g.ln_psi = log(psi);
  const double theta0 = exp(3.0 / 13.0 * g.ln_psi + kGuessOffset);
  const double s = theta0 * theta0;
  const double a = s / 52.0 + s * s * (1.0 / 1352.0 + 1.0 / 43680.0);
  g.theta = theta0 * (1.0 + a + 0.5 * a * a);
  g.exact = g.theta < 1.0e-3;
  return g;
}

/// Newton on h from the guess: at most two steps (one logarithm each) to rounding.
SF_HD inline double circle_angle_refined(const CircleAngleGuess& g) {
  using std::log;
  if (g.exact) return g.theta;
  constexpr double kLn2Pi = 1.8378770664093453;  // ln(2 pi)
  const double rhs = 3.0 * (g.ln_psi + kLn2Pi);
  double theta = g.theta;
  for (int i = 0; i < 20; ++i) {
    const double u = detail::theta_minus_sin(theta);
    const double u2 = u * u;
    const double h = log(u2 * u2 * u / (theta * theta)) - rhs;
    const double dh = 5.0 * detail::one_minus_cos(theta) / u - 2.0 / theta;  // > 0
    const double step = h / dh;
    theta -= step;
    // the error after a step is of the order of the step squared
    if (abs_of(step) <= 1.0e-8 * theta) break;
  }
  return theta;
}

SF_HD inline double circle_angle_of_section_factor(double psi) {
  return circle_angle_refined(circle_angle_guess(psi));
}

/// Depth [m] of a circle of diameter d_full at segment angle theta <= 1.4 rad: y = d (1 -
/// cos(theta/2)) / 2, written as d sin²(theta/4) to keep its digits near the invert.
SF_HD inline double circle_depth_of_angle(double d_full, double theta) {
  const double s = detail::sin_small(0.25 * theta);
  return d_full * s * s;
}

/// Normal depth [m] of a circle of diameter d_full whose flow needs section factor psi times the
/// full one (0 < psi <= kCircleExactSectionFactor).
SF_HD inline double circle_normal_depth_exact(double d_full, double psi) {
  return circle_depth_of_angle(d_full, circle_angle_of_section_factor(psi));
}

/// Whether x's normal depth at section factor s is the exact circle's (SWMM: circles only,
/// at or below kCircleExactSectionFactor of the full section factor).
SF_HD inline bool circle_normal_depth_is_exact(const Xsect& x, double s) {
  return x.shape == Shape::Circular && s <= kCircleExactSectionFactor * x.s_full;
}

}  // namespace sf::pipe
