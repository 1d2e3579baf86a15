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

/// theta - sin(theta) of a segment angle theta [rad], by its series below 0.5 rad, where the
/// difference would cancel (the first omitted term is below 10^-15 of the sum there).
SF_HD inline double theta_minus_sin(double theta) {
  using std::sin;
  if (theta >= 0.5) return theta - sin(theta);
  const double t2 = theta * theta;
  // theta³/3! - theta⁵/5! + theta⁷/7! - theta⁹/9! + theta¹¹/11! - theta¹³/13!
  const double series =
      1.0 / 6.0 -
      t2 / 120.0 * (1.0 - t2 / 42.0 * (1.0 - t2 / 72.0 * (1.0 - t2 / 110.0 * (1.0 - t2 / 156.0))));
  return theta * t2 * series;
}

}  // namespace detail

/// Segment angle theta [rad] of a circle whose section factor is psi times the full one, for
/// 0 < psi <= kCircleExactSectionFactor. With A/A_full = (theta - sin theta)/(2 pi) and
/// R/R_full = 1 - sin(theta)/theta,
///   psi = (theta - sin theta)^(5/3) / (2 pi theta^(2/3)),
/// solved in logarithms, 5 ln(theta - sin theta) - 2 ln theta = 3 ln(2 pi psi), which is nearly
/// linear in ln theta (slope 13 at the invert), by Newton from the small-angle root.
SF_HD inline double circle_angle_of_section_factor(double psi) {
  using std::cos;
  using std::exp;
  using std::log;
  using std::sin;
  const double rhs = 3.0 * log(2.0 * kPi * psi);
  // theta - sin theta ~ theta³/6 gives psi ~ theta^(13/3) / (2 pi 6^(5/3))
  double x = 3.0 / 13.0 * (log(2.0 * kPi * psi) + 5.0 / 3.0 * log(6.0));  // ln theta
  for (int i = 0; i < 50; ++i) {
    const double theta = exp(x);
    const double u = detail::theta_minus_sin(theta);
    const double h = 5.0 * log(u) - 2.0 * x - rhs;
    const double s = sin(0.5 * theta);
    const double dh = 5.0 * theta * 2.0 * s * s / u - 2.0;  // dh / d(ln theta); u' = 1 - cos
    const double step = h / dh;
    x -= step;
    if (abs_of(step) <= 1.0e-14) break;
  }
  return exp(x);
}

/// Normal depth [m] of a circle of diameter d_full whose flow needs section factor psi times the
/// full one (0 < psi <= kCircleExactSectionFactor): y = d (1 - cos(theta/2)) / 2, written as
/// d sin²(theta/4) to keep its digits near the invert.
SF_HD inline double circle_normal_depth_exact(double d_full, double psi) {
  using std::sin;
  const double s = sin(0.25 * circle_angle_of_section_factor(psi));
  return d_full * s * s;
}

/// Whether x's normal depth at section factor s is the exact circle's (SWMM: circles only,
/// at or below kCircleExactSectionFactor of the full section factor).
SF_HD inline bool circle_normal_depth_is_exact(const Xsect& x, double s) {
  return x.shape == Shape::Circular && s <= kCircleExactSectionFactor * x.s_full;
}

}  // namespace sf::pipe
