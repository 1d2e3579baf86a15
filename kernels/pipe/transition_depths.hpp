// Critical and normal depth of a cross section: the roots of
//   A³/W = Q²/g                 (critical flow, Rossman 2017, eq. 3-17)
//   A R^(2/3) = Q / beta         (Manning normal flow)
// on the same geometry functions as xsect.hpp. Tabulated shapes are searched row by row first,
// so the root is bracketed in one table interval, where both equations are polynomials of the
// fraction f of the interval (the geometry is linear in f there, or quadratic in the first two
// intervals as table_at's SWMM rule makes it): a safeguarded Newton iteration from the secant
// point finds the root in a few steps. The
// closed-form shapes without an explicit root use regula falsi with the Illinois modification
// (Dowell & Jarratt 1971) on depth. The normal-depth equation is cubed, A³R² = (Q/beta)³, so no
// power with a fractional exponent is evaluated at all. See docs/theory/pipe-network.md
// ("Critical and normal depth").
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/circle_normal_depth.hpp"
#include "pipe/constants.hpp"
#include "pipe/critical_depth_swmm.hpp"
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

/// (A/Af)³ (R/Rf)² at table row i, as computed (the pool holds these values, made by this
/// function when the network is built).
SF_HD inline double computed_section_factor_of_row(const Xsect& x, XsectTables t, int i) {
  const double* row = table_row(x, t, i);
  return row[0] * row[0] * row[0] * row[1] * row[1];
}

/// (A/Af)³ (R/Rf)² at table row i: from the section's tabulated values when it has them (one
/// load instead of a chain of four products in each step of the row search).
SF_HD inline double section_factor_of_row(const Xsect& x, XsectTables t, int i) {
  return x.section_factors >= 0 ? t.rows[3 * x.section_factors + i]
                                : computed_section_factor_of_row(x, t, i);
}

/// A function's value and derivative at one point.
struct ValueSlope {
  double value = 0.0;
  double slope = 0.0;
};

/// Root of g in [lo, hi] where g(lo) < 0 <= g(hi), for g smooth in the bracket (a polynomial in
/// a table interval): Newton from the secant point, each iterate kept inside the shrinking
/// bracket (bisection where a Newton step would leave it or the slope vanishes), stopped once
/// a step is below tol. Near the root the error squares each step, so the last step's size
/// bounds the error by far less than tol.
template <class G>
SF_HD inline double newton_in_bracket(const G& g, double lo, double hi, double g_lo, double g_hi,
                                      double tol) {
  double f = lo - g_lo * (hi - lo) / (g_hi - g_lo);
  if (!(f > lo && f < hi)) f = 0.5 * (lo + hi);
  for (int i = 0; i < 100; ++i) {
    const ValueSlope v = g(f);
    if (v.value < 0.0)
      lo = f;
    else if (v.value > 0.0)
      hi = f;
    else
      return f;
    // (a converged step may round onto the bracket end it came from: that is not an escape)
    double next = f - v.value / v.slope;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const double step = next - f;
    f = next;
    if (abs_of(step) <= tol || hi - lo <= tol) break;
  }
  return f;
}

/// A³/W - c along one table interval (relative values), multiplied by W: A³ - c W, with the
/// fraction f in [0, 1], and its derivative in f. Columns follow table_at's rule (quadratic in
/// the first two intervals).
struct CriticalInInterval {
  TableSpan a, w;
  double c;
  SF_HD double operator()(double f) const { return slope(f).value; }
  SF_HD ValueSlope slope(double f) const {
    const double av = a.at(f), wv = w.at(f);
    return {av * av * av - c * wv, 3.0 * av * av * a.slope_at(f) - c * w.slope_at(f)};
  }
};

/// The same in an interval starting with zero area and width (a pointed invert), divided by
/// the fraction f: with A = f a~(f), W = f w~(f), A³/W = c becomes f² a~³ - c w~ = 0, which is
/// negative at f = 0 instead of vanishing there.
struct CriticalFromPointedInvert {
  TableSpan a, w;
  double c;
  SF_HD double operator()(double f) const { return slope(f).value; }
  SF_HD ValueSlope slope(double f) const {
    const double av = a.over_f(f), wv = w.over_f(f);
    const double a3 = av * av * av;
    return {f * f * a3 - c * wv,
            2.0 * f * a3 + 3.0 * f * f * av * av * a.over_f_slope(f) - c * w.over_f_slope(f)};
  }
};

/// A³R² - c along one table interval (relative values), and its derivative in f.
struct SectionFactorInInterval {
  TableSpan a, r;
  double c;
  SF_HD double operator()(double f) const { return slope(f).value; }
  SF_HD ValueSlope slope(double f) const {
    const double av = a.at(f), rv = r.at(f);
    const double da = a.slope_at(f), dr = r.slope_at(f);
    return {av * av * av * rv * rv - c, av * av * rv * (3.0 * da * rv + 2.0 * av * dr)};
  }
};

/// The interval equations of table interval i of a section.
SF_HD inline CriticalInInterval critical_in_interval(const Xsect& x, XsectTables t, int i,
                                                     double c) {
  return {table_span(x, t, i, 0), table_span(x, t, i, 2), c};
}
SF_HD inline SectionFactorInInterval section_factor_in_interval(const Xsect& x, XsectTables t,
                                                                int i, double c) {
  return {table_span(x, t, i, 0), table_span(x, t, i, 1), c};
}

/// The slope form of an interval function, for newton_in_bracket.
template <class F>
struct WithSlope {
  F f;
  SF_HD ValueSlope operator()(double x) const { return f.slope(x); }
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

/// A transition depth of a tabulated section after the row search: either the depth itself
/// (`found`) or the table interval [lo, lo + f_hi] (in rows) holding it, with the equation's
/// constant c. `upper` bounds the depth from above, so a caller that only compares a depth
/// with it can often skip the root solve in the interval (finish()).
struct TableRoot {
  bool found = true;
  double upper = 0.0;  // the depth when found, else y_full (lo + f_hi) / last [m]
  double lower = 0.0;  // the depth when found, else y_full lo / last [m]
  int lo = 0;
  double f_hi = 1.0;
  double c = 0.0;
};

/// Row search for the critical depth of a tabulated section: c = q²/g · Wmax / Afull³ in
/// relative units.
SF_HD inline TableRoot critical_depth_rows(const Xsect& x, XsectTables t, double q2g) {
  TableRoot r;
  r.c = q2g * x.w_max / (x.a_full * x.a_full * x.a_full);
  const double c = r.c;
  const int last = x.table_rows - 1;
  // below(i): A³/W < c at row i (an empty row counts as below, a zero width above water as
  // above) — the same predicate as a bisection on depth
  auto below = [&](int i) {
    const double* row = table_row(x, t, i);
    if (row[0] <= 0.0) return true;
    return row[2] > 0.0 && row[0] * row[0] * row[0] < c * row[2];
  };
  if (below(last)) {
    r.upper = r.lower = x.y_full;
    return r;
  }
  int lo = 0, hi = last;
  while (hi - lo > 1) {
    const int mid = (lo + hi) >> 1;  // lo, hi >= 0: a shift, not a division
    if (below(mid))
      lo = mid;
    else
      hi = mid;
  }
  r.found = false;
  r.lo = lo;
  r.upper = x.y_full * (lo + 1.0) / last;
  r.lower = x.y_full * lo / last;
  return r;
}

/// Critical depth in the interval found by critical_depth_rows.
SF_HD inline double critical_depth_in_rows(const Xsect& x, XsectTables t, const TableRoot& b) {
  if (b.found) return b.upper;
  const int last = x.table_rows - 1;
  const double* r0 = table_row(x, t, b.lo);
  double f;
  if (r0[0] <= 0.0 && r0[2] <= 0.0) {
    // an interval starting with zero width and area: solve A³/W = c divided by f
    const CriticalFromPointedInvert g{table_span(x, t, b.lo, 0), table_span(x, t, b.lo, 2), b.c};
    const double g0 = g(0.0), g1 = g(1.0);
    if (g0 >= 0.0)
      f = 0.0;
    else if (g1 <= 0.0)
      f = 1.0;
    else
      f = newton_in_bracket(WithSlope<CriticalFromPointedInvert>{g}, 0.0, 1.0, g0, g1,
                            kRootTolerance);
  } else {
    const CriticalInInterval g = critical_in_interval(x, t, b.lo, b.c);
    f = newton_in_bracket(WithSlope<CriticalInInterval>{g}, 0.0, 1.0, g(0.0), g(1.0),
                          kRootTolerance);
  }
  return x.y_full * (b.lo + f) / last;
}

/// Row search for the depth of section factor s on the rising branch [0, y_hi] of a tabulated
/// section.
SF_HD inline TableRoot section_factor_rows(const Xsect& x, XsectTables t, double s, double y_hi) {
  TableRoot r;
  r.c = s * s * s / (x.a_full * x.a_full * x.a_full * x.r_full * x.r_full);
  const double c = r.c;
  const int last = x.table_rows - 1;
  const double pos_hi = y_hi / x.y_full * last;
  int lo = 0, hi = min_of(static_cast<int>(pos_hi), last);
  const auto value = [&](int i) { return section_factor_of_row(x, t, i); };
  if (value(hi) < c) {
    // the root lies in the partial interval [hi, pos_hi] or not at all
    if (hi == last || pos_hi <= hi) {
      r.upper = r.lower = y_hi;
      return r;
    }
    lo = hi;
  } else {
    while (hi - lo > 1) {
      const int mid = (lo + hi) >> 1;  // lo, hi >= 0: a shift, not a division
      if (value(mid) < c)
        lo = mid;
      else
        hi = mid;
    }
  }
  r.found = false;
  r.lo = lo;
  r.f_hi = min_of(1.0, pos_hi - lo);
  r.upper = x.y_full * (lo + r.f_hi) / last;
  r.lower = x.y_full * lo / last;
  return r;
}

/// Depth of section factor in the interval found by section_factor_rows.
SF_HD inline double section_factor_depth_in_rows(const Xsect& x, XsectTables t,
                                                 const TableRoot& b) {
  if (b.found) return b.upper;
  const int last = x.table_rows - 1;
  const SectionFactorInInterval g = section_factor_in_interval(x, t, b.lo, b.c);
  const double g_hi = g(b.f_hi);
  if (g_hi < 0.0) return b.upper;
  const double f = newton_in_bracket(WithSlope<SectionFactorInInterval>{g}, 0.0, b.f_hi, g(0.0),
                                     g_hi, kRootTolerance);
  return x.y_full * (b.lo + f) / last;
}

}  // namespace detail

/// A critical or normal depth that may still need its root solve in a table interval, or a
/// circle's exact normal depth its Newton steps: `upper` and `lower` bound it (both are the
/// depth itself when `rows.found`, always for closed-form shapes).
struct TransitionDepth {
  detail::TableRoot rows;
  bool critical = false;  // which equation rows belongs to
  bool circle = false;    // a circle's exact normal depth from `guess` (circle_normal_depth.hpp)
  CircleAngleGuess guess;
  SF_HD double upper() const { return rows.upper; }
  SF_HD double lower() const { return rows.lower; }
  SF_HD void set(double y) { rows.upper = rows.lower = y; }
};

/// Critical depth for flow q: q²/g = A³/W (Rossman 2017, eq. 3-17); at most the full depth.
/// Tabulated sections stop after the row search (finish() completes it).
SF_HD inline TransitionDepth critical_depth_bound(const Xsect& x, XsectTables t, double q) {
  TransitionDepth d;
  d.critical = true;
  const double q2g = q * q / kGravity;
  if (q2g <= 0.0 || x.shape == Shape::Dummy) return d;
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
      // near-circular sections: SWMM's enumeration, not the root (critical_depth_swmm.hpp)
      if (critical_depth_by_enumeration(x)) {
        d.set(critical_depth_enumerated(x, t, q));
        return d;
      }
      if (uses_table(x.shape)) {
        d.rows = detail::critical_depth_rows(x, t, q2g);
        return d;
      }
      const detail::CriticalOfDepth g{&x, t, q2g};
      const double g_full = g(x.y_full);
      if (g_full < 0.0) {
        d.set(x.y_full);
        return d;
      }
      y = detail::illinois_root(g, 0.0, x.y_full, -q2g, g_full, detail::kRootTolerance * x.y_full);
    }
  }
  d.set(min_of(y, x.y_full));
  return d;
}

/// Shapes whose depth of section factor is the full depth from the full section factor up: open
/// shapes (the section factor rises to the top), and circles and force mains as EPA SWMM 5.2.4
/// has them (xsect.c circ_getAofS gives the full area from s/s_full = 1 up, though A R^(2/3)
/// peaks at 1.076 s_full at 0.94 of the diameter and meets s_full again at 0.82).
SF_HD inline bool full_from_full_section_factor(const Xsect& x) {
  return x.open || x.shape == Shape::Circular || x.shape == Shape::ForceMain;
}

/// Depth whose section factor A R^(2/3) is s, taking the shallower root for the other closed
/// shapes; a section factor at or above the full value of an open shape, a circle or a force
/// main, or above the largest value of another closed one, gives the full depth. A circle at
/// small flows takes the exact circle's depth (circle_normal_depth.hpp). Tabulated sections stop
/// after the row search (finish() completes it).
SF_HD inline TransitionDepth section_factor_depth_bound(const Xsect& x, XsectTables t, double s) {
  TransitionDepth d;
  if (s <= 0.0 || x.shape == Shape::Dummy) return d;
  if (full_from_full_section_factor(x) ? s >= x.s_full : s >= x.s_max) {
    d.set(x.y_full);
    return d;
  }
  if (circle_normal_depth_is_exact(x, s)) {
    // small flows in a circle: SWMM's exact circle, bounded by its first guess; finish() takes
    // the Newton steps where the depth itself is needed
    d.guess = circle_angle_guess(s / x.s_full);
    if (d.guess.exact) {
      d.set(circle_depth_of_angle(x.y_full, d.guess.theta));
    } else {
      d.circle = true;
      d.rows.found = false;
      // y = D sin²(theta/4) with sin(x)/x falling: an angle (1 +- m) times the guess's has a
      // depth within (1 +- m)² of the guess's depth
      const double y = circle_depth_of_angle(x.y_full, d.guess.theta);
      d.rows.lower = y * ((1.0 - kCircleGuessMargin) * (1.0 - kCircleGuessMargin));
      d.rows.upper = y * ((1.0 + kCircleGuessMargin) * (1.0 + kCircleGuessMargin));
    }
    return d;
  }
  const double y_hi = x.open ? x.y_full : x.y_smax;
  if (uses_table(x.shape)) {
    d.rows = detail::section_factor_rows(x, t, s, y_hi);
    return d;
  }
  const detail::SectionFactorOfDepth g{&x, t, s * s * s};
  const double g_hi = g(y_hi);
  d.set(g_hi < 0.0
            ? y_hi
            : detail::illinois_root(g, 0.0, y_hi, -g.s3, g_hi, detail::kRootTolerance * x.y_full));
  return d;
}

/// Normal depth of flow q per barrel (0 for dummies), as a bound to finish().
SF_HD inline TransitionDepth normal_depth_bound(const Xsect& x, XsectTables t, double beta,
                                                double q) {
  q = abs_of(q);
  if (beta <= 0.0 || q <= 0.0) return TransitionDepth{};
  const double q_max = x.s_max * beta;
  if (q > q_max) q = q_max;
  return section_factor_depth_bound(x, t, q / beta);
}

/// The depth itself (the root solve in the table interval where one is left).
SF_HD inline double finish(const TransitionDepth& d, const Xsect& x, XsectTables t) {
  if (d.rows.found) return d.rows.upper;
  if (d.circle) return circle_depth_of_angle(x.y_full, circle_angle_refined(d.guess));
  return d.critical ? detail::critical_depth_in_rows(x, t, d.rows)
                    : detail::section_factor_depth_in_rows(x, t, d.rows);
}

/// min(a, b) of two depths, solving only the root that can be the smaller one when their
/// bounds do not overlap (the same value as min_of of the two finished depths).
SF_HD inline double smaller_depth(const TransitionDepth& a, const TransitionDepth& b,
                                  const Xsect& x, XsectTables t) {
  if (a.upper() < b.lower()) return finish(a, x, t);
  if (b.upper() < a.lower()) return finish(b, x, t);
  return min_of(finish(a, x, t), finish(b, x, t));
}

SF_HD inline double critical_depth(const Xsect& x, XsectTables t, double q) {
  return finish(critical_depth_bound(x, t, q), x, t);
}

SF_HD inline double depth_of_section_factor(const Xsect& x, XsectTables t, double s) {
  return finish(section_factor_depth_bound(x, t, s), x, t);
}

SF_HD inline double normal_depth(const Xsect& x, XsectTables t, double beta, double q) {
  return finish(normal_depth_bound(x, t, beta, q), x, t);
}

}  // namespace sf::pipe
