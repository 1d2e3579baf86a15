// Critical and normal depth of a cross section: the roots of
//   A³/W = Q²/g                 (critical flow, Rossman 2017, eq. 3-17)
//   A R^(2/3) = Q / beta         (Manning normal flow)
// on the same geometry functions as xsect.hpp. Tabulated shapes are searched row by row first
// (the geometry is linear in depth between two rows), so the root is bracketed in one table
// interval and found there by regula falsi with the Illinois modification (Dowell & Jarratt
// 1971), which converges superlinearly on these smooth functions. The normal-depth equation is
// cubed, A³R² = (Q/beta)³, so no power with a fractional exponent is evaluated at all. See
// docs/theory/pipe-network.md ("Critical and normal depth").
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/xsect.hpp"

namespace sf::pipe {

namespace detail {

/// Root of f in [a, b] where f(a) < 0 <= f(b): Illinois regula falsi, stopped when the
/// bracket is narrower than tol. A non-finite or out-of-bracket estimate falls back to
/// bisection, so the bracket always shrinks.
template <class F>
SF_HD inline double illinois_root(const F& f, double a, double b, double fa, double fb,
                                  double tol) {
  int kept = 0;  // which end was kept last time: -1 left, +1 right
  double c = 0.5 * (a + b);
  for (int i = 0; i < 100 && b - a > tol; ++i) {
    c = (a * fb - b * fa) / (fb - fa);
    if (!(c > a && c < b)) c = 0.5 * (a + b);
    const double fc = f(c);
    if (fc < 0.0) {
      a = c;
      fa = fc;
      if (kept == 1) fb *= 0.5;
      kept = 1;
    } else {
      b = c;
      fb = fc;
      if (kept == -1) fa *= 0.5;
      kept = -1;
    }
  }
  return c;
}

/// Table rows as relative area, hydraulic radius and width at row i.
SF_HD inline const double* table_row(const Xsect& x, XsectTables t, int i) {
  return t.rows + 3 * (x.table + i);
}

/// A³/W - c along one table interval (relative values), with the fraction f in [0, 1].
struct CriticalInInterval {
  const double* r0;
  double c;
  SF_HD double operator()(double f) const {
    const double a = r0[0] + f * (r0[3] - r0[0]);
    const double w = r0[2] + f * (r0[5] - r0[2]);
    return a * a * a - c * w;
  }
};

/// A³R² - c along one table interval (relative values).
struct SectionFactorInInterval {
  const double* r0;
  double c;
  SF_HD double operator()(double f) const {
    const double a = r0[0] + f * (r0[3] - r0[0]);
    const double r = r0[1] + f * (r0[4] - r0[1]);
    return a * a * a * r * r - c;
  }
};

/// A³/W - q²/g of a closed-form shape at depth y.
struct CriticalOfDepth {
  const Xsect* x;
  XsectTables t;
  double q2g;
  SF_HD double operator()(double y) const {
    const double w = width_of_depth(*x, t, y);
    const double a = area_of_depth(*x, t, y);
    return w > 0.0 ? a * a * a / w - q2g : (a > 0.0 ? 1.0e300 : -q2g);
  }
};

/// A³R² - s³ of a closed-form shape at depth y.
struct SectionFactorOfDepth {
  const Xsect* x;
  XsectTables t;
  double s3;
  SF_HD double operator()(double y) const {
    const double a = area_of_depth(*x, t, y);
    const double r = hyd_radius_of_depth(*x, t, y);
    return a * a * a * r * r - s3;
  }
};

constexpr double kRootTolerance = 1.0e-13;  // of the full depth (or of one table interval)

/// Critical depth of a tabulated section: c = q²/g · Wmax / Afull³ in relative units.
SF_HD inline double critical_depth_tabulated(const Xsect& x, XsectTables t, double q2g) {
  const double c = q2g * x.w_max / (x.a_full * x.a_full * x.a_full);
  const int last = x.table_rows - 1;
  // below(i): A³/W < c at row i (an empty row counts as below, a zero width above water as
  // above) — the same predicate as a bisection on depth
  auto below = [&](int i) {
    const double* r = table_row(x, t, i);
    if (r[0] <= 0.0) return true;
    return r[2] > 0.0 && r[0] * r[0] * r[0] < c * r[2];
  };
  if (below(last)) return x.y_full;
  int lo = 0, hi = last;
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    if (below(mid))
      lo = mid;
    else
      hi = mid;
  }
  const double* r0 = table_row(x, t, lo);
  double f;
  if (r0[0] <= 0.0 && r0[2] <= 0.0) {
    // an interval starting with zero width and area: A³/W = f² a1³/w1 there
    const double a1 = r0[3], w1 = r0[5];
    f = w1 > 0.0 ? min_of(1.0, sqrt_of(c * w1 / (a1 * a1 * a1))) : 1.0;
  } else {
    const CriticalInInterval g{r0, c};
    f = illinois_root(g, 0.0, 1.0, g(0.0), g(1.0), kRootTolerance);
  }
  return x.y_full * (lo + f) / last;
}

/// Depth of section factor s on the rising branch [0, y_hi] of a tabulated section.
SF_HD inline double depth_of_section_factor_tabulated(const Xsect& x, XsectTables t, double s,
                                                      double y_hi) {
  const double c = s * s * s / (x.a_full * x.a_full * x.a_full * x.r_full * x.r_full);
  const int last = x.table_rows - 1;
  const double pos_hi = y_hi / x.y_full * last;
  int lo = 0, hi = min_of(static_cast<int>(pos_hi), last);
  const auto value = [&](int i) {
    const double* r = table_row(x, t, i);
    return r[0] * r[0] * r[0] * r[1] * r[1];
  };
  if (value(hi) < c) {
    // the root lies in the partial interval [hi, pos_hi] or not at all
    if (hi == last || pos_hi <= hi) return y_hi;
    lo = hi;
  } else {
    while (hi - lo > 1) {
      const int mid = (lo + hi) / 2;
      if (value(mid) < c)
        lo = mid;
      else
        hi = mid;
    }
  }
  const SectionFactorInInterval g{table_row(x, t, lo), c};
  const double f_hi = min_of(1.0, pos_hi - lo);
  const double g_hi = g(f_hi);
  if (g_hi < 0.0) return x.y_full * (lo + f_hi) / last;
  const double f = illinois_root(g, 0.0, f_hi, g(0.0), g_hi, kRootTolerance);
  return x.y_full * (lo + f) / last;
}

}  // namespace detail

/// Critical depth for flow q: q²/g = A³/W (Rossman 2017, eq. 3-17); at most the full depth.
SF_HD inline double critical_depth(const Xsect& x, XsectTables t, double q) {
  const double q2g = q * q / kGravity;
  if (q2g <= 0.0 || x.shape == Shape::Dummy) return 0.0;
  double y;
  switch (x.shape) {
    case Shape::RectOpen:
    case Shape::RectClosed:
      y = cbrt_of(q2g / (x.w_max * x.w_max));
      break;
    case Shape::Triangular:
      y = pow_of(2.0 * q2g / (x.p1 * x.p1), 0.2);
      break;
    case Shape::Parabolic:
      y = pow_of(27.0 / 32.0 * q2g / (x.p1 * x.p1), 0.25);
      break;
    case Shape::PowerFunc:
      y = pow_of(q2g * (x.p1 + 1.0) / (x.p2 * x.p2), 1.0 / (2.0 * x.p1 + 3.0));
      break;
    default: {
      if (uses_table(x.shape)) return detail::critical_depth_tabulated(x, t, q2g);
      const detail::CriticalOfDepth g{&x, t, q2g};
      const double g_full = g(x.y_full);
      if (g_full < 0.0) return x.y_full;
      y = detail::illinois_root(g, 0.0, x.y_full, -q2g, g_full, detail::kRootTolerance * x.y_full);
    }
  }
  return min_of(y, x.y_full);
}

/// Depth whose section factor A R^(2/3) is s, taking the shallower root for closed shapes; a
/// section factor at or above the full value of an open shape, or above the largest value of
/// a closed one, gives the full depth (as SWMM does).
SF_HD inline double depth_of_section_factor(const Xsect& x, XsectTables t, double s) {
  if (s <= 0.0 || x.shape == Shape::Dummy) return 0.0;
  if (x.open ? s >= x.s_full : s >= x.s_max) return x.y_full;
  const double y_hi = x.open ? x.y_full : x.y_smax;
  if (uses_table(x.shape)) return detail::depth_of_section_factor_tabulated(x, t, s, y_hi);
  const detail::SectionFactorOfDepth g{&x, t, s * s * s};
  const double g_hi = g(y_hi);
  if (g_hi < 0.0) return y_hi;
  return detail::illinois_root(g, 0.0, y_hi, -g.s3, g_hi, detail::kRootTolerance * x.y_full);
}

/// Normal depth of flow q per barrel (0 for dummies).
SF_HD inline double normal_depth(const Xsect& x, XsectTables t, double beta, double q) {
  q = abs_of(q);
  if (beta <= 0.0 || q <= 0.0) return 0.0;
  const double q_max = x.s_max * beta;
  if (q > q_max) q = q_max;
  return depth_of_section_factor(x, t, q / beta);
}

}  // namespace sf::pipe
