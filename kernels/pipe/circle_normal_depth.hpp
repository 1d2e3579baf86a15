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
/// i.e. F(theta) = (theta - sin theta)^5 - (2 pi psi)³ theta² = 0. The series theta - sin theta =
/// theta³/6 (1 - theta²/20 + ...) gives the small-angle root theta0 = (2 pi 6^(5/3) psi)^(3/13);
/// ln(theta / theta0) is a smooth function of s = theta0², fitted by a polynomial of degree 6
/// (least squares on Chebyshev nodes of s in [0, 1.40], i.e. psi up to 0.0157, against a
/// 40-digit root; its leading terms are the series' s/52 + s² (1/1352 + 1/43680)) to 3.7e-12.
/// One Newton step on F then reaches rounding (1.6e-15 against 40-digit roots over psi = 10^-20 ...
/// 0.015). Below theta = 10^-3 the guess is the root to rounding and is taken as it is.
SF_HD inline double circle_angle_of_section_factor(double psi);

/// The first guess of circle_angle_of_section_factor and what its Newton step needs.
struct CircleAngleGuess {
  double theta = 0.0;
  double psi = 0.0;
  bool exact = false;  // below theta = 10^-3 the guess is the root to rounding
};

/// Relative margin that holds the root around the guess: 270 times the fit's largest error, so a
/// caller can bound the depth without the Newton step.
constexpr double kCircleGuessMargin = 1.0e-9;

SF_HD inline CircleAngleGuess circle_angle_guess(double psi) {
  using std::exp;
  using std::log;
  constexpr double kGuessOffset = 1.113263734259101;  // (3/13) ln(2 pi 6^(5/3))
  // ln(theta / theta0) = sum c_k s^k, k = 1..6 (fitted; see above)
  constexpr double c[] = {0.019230769068856551,   0.00076254093475075077, 4.4794781650052874e-05,
                          3.1218299788217524e-06, 2.1415753707903133e-07, 2.8967809942781068e-08};
  CircleAngleGuess g;
  g.psi = psi;
  const double theta0 = exp(3.0 / 13.0 * log(psi) + kGuessOffset);
  const double s = theta0 * theta0;
  double a = c[5];
  for (int k = 4; k >= 0; --k) a = a * s + c[k];
  a *= s;  // a <= 0.028: e^a by its series to a^6/720 (the next term is below 3e-15)
  g.theta =
      theta0 *
      (1.0 +
       a * (1.0 + a * (0.5 + a * (1.0 / 6.0 + a / 24.0 * (1.0 + a / 5.0 * (1.0 + a / 6.0))))));
  g.exact = g.theta < 1.0e-3;
  return g;
}

/// Newton on F from the guess: one step reaches rounding; a second is taken only if the first
/// was not below 1e-10 of the angle (it never is over the fitted range).
SF_HD inline double circle_angle_refined(const CircleAngleGuess& g) {
  if (g.exact) return g.theta;
  const double p = 2.0 * kPi * g.psi;
  const double k = p * p * p;
  double theta = g.theta;
  for (int i = 0; i < 4; ++i) {
    const double u = detail::theta_minus_sin(theta);
    const double u2 = u * u;
    const double u4 = u2 * u2;
    const double f = u4 * u - k * theta * theta;
    const double df = 5.0 * u4 * detail::one_minus_cos(theta) - 2.0 * k * theta;  // > 0
    const double step = f / df;
    theta -= step;
    if (abs_of(step) <= 1.0e-10 * theta) break;
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
