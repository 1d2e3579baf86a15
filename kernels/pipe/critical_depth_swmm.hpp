// Critical depth as EPA SWMM 5.2.4 computes it for sections that are close to a circle
// (xsect.c, getYcritEnum): the critical flow Qc(y) = A sqrt(g A / W) at 25 equal steps of
// depth, searched from a first guess, with the depth interpolated *linearly in Qc* between two
// steps. This is not the root of A³/W = Q²/g (at low flows it is about half of it in a circle),
// but it is what SWMM's outfall depths and flow classes use; docs/theory/pipe-network.md
// ("Critical and normal depth") and docs/validation/swmm.md ("Critical depth") give the effect.
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/xsect.hpp"

namespace sf::pipe {

/// SWMM uses the enumeration for every shape without a closed form of its critical depth (not
/// rectangle, triangle, parabola, power function) whose A_full / (pi/4 y_full²) is in [0.5, 2].
SF_HD inline bool critical_depth_by_enumeration(const Xsect& x) {
  switch (x.shape) {
    case Shape::Dummy:
    case Shape::RectOpen:
    case Shape::RectClosed:
    case Shape::Triangular:
    case Shape::Parabolic:
    case Shape::PowerFunc:
      return false;
    default: {
      const double ratio = x.a_full / (kPi / 4.0 * x.y_full * x.y_full);
      return ratio >= 0.5 && ratio <= 2.0;
    }
  }
}

/// Depth steps of the enumeration: critical flows at y_full i / 25, i = 0..25.
constexpr int kCriticalFlowSteps = 25;

namespace detail {

/// Critical flow at depth y [m³/s] (0 where the top width is 0).
SF_HD inline double critical_flow_at(const Xsect& x, XsectTables t, double y) {
  const double a = area_of_depth(x, t, y), w = width_of_depth(x, t, y);
  return w > 0.0 ? a * sqrt_of(kGravity * a / w) : 0.0;
}

/// Critical flow at step i of the enumeration, as computed (the pool's table holds these values,
/// made by this function when the network is built).
SF_HD inline double computed_critical_flow(const Xsect& x, XsectTables t, int i) {
  return critical_flow_at(x, t, i * (x.y_full / kCriticalFlowSteps));
}

/// Critical flow at step i: from the section's table when it has one.
SF_HD inline double critical_flow_of_step(const Xsect& x, XsectTables t, int i) {
  return x.critical_flows >= 0 ? t.rows[3 * x.critical_flows + i] : computed_critical_flow(x, t, i);
}

}  // namespace detail

/// SWMM 5.2.4's enumerated critical depth for flow q > 0 [m], at most the full depth.
SF_HD inline double critical_depth_enumerated(const Xsect& x, XsectTables t, double q) {
  constexpr int kSteps = kCriticalFlowSteps;
  const double dy = x.y_full / kSteps;
  // first guess: the critical depth of an equivalent circle, 1.01 (q²/g / D)^(1/4). It only
  // picks the step the search starts from; the critical flows rise with depth, so the bracket
  // found, and the depth, do not depend on it (sqrt(sqrt()) for pow(, 1/4) costs a fraction)
  double y0 = 1.01 * sqrt_of(sqrt_of(q * q / kGravity / x.y_full));
  if (y0 >= x.y_full) y0 = 0.97 * x.y_full;
  const int i1 = static_cast<int>(y0 / dy);
  double q0 = detail::critical_flow_of_step(x, t, i1);
  double yc;
  if (q0 < q) {  // search upwards for the first step whose critical flow reaches q
    yc = x.y_full;
    for (int i = i1 + 1; i <= kSteps; ++i) {
      const double qc = detail::critical_flow_of_step(x, t, i);
      if (qc >= q) {
        yc = ((q - q0) / (qc - q0) + (i - 1)) * dy;
        break;
      }
      q0 = qc;
    }
  } else {  // search downwards for the first step whose critical flow is below q
    yc = 0.0;
    for (int i = i1 - 1; i >= 0; --i) {
      const double qc = detail::critical_flow_of_step(x, t, i);
      if (qc < q) {
        yc = ((q - qc) / (q0 - qc) + i) * dy;
        break;
      }
      q0 = qc;
    }
  }
  return min_of(yc, x.y_full);
}

}  // namespace sf::pipe
