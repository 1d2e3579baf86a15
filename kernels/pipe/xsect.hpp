// Cross-section geometry of conduits and regulators: area, hydraulic radius and top width as
// functions of depth, their inverses and full-flow values (Rossman 2017, section 2.4 and
// appendix A). Simple prismatic shapes are evaluated in closed form; every other shape uses a
// relative-geometry table built once on the host (host/network/xsect_tables.cpp).
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/shape.hpp"

namespace sf::pipe {

/// Geometry of one cross section. Lengths in m, areas in m².
struct Xsect {
  Shape shape = Shape::Dummy;
  bool open = false;    // open channel (no crown): no surcharge, no slot
  double y_full = 0.0;  // full depth
  double w_max = 0.0;   // maximum top width
  double yw_max = 0.0;  // depth at maximum width
  double a_full = 0.0;  // full area
  double r_full = 0.0;  // full hydraulic radius
  double s_full = 0.0;  // section factor A R^(2/3) when full [m^(8/3)]
  double s_max = 0.0;   // largest section factor over all depths
  double y_smax = 0.0;  // depth at s_max
  // Shape parameters of the closed-form shapes:
  //  trapezoid: p0 bottom width, p1 mean side slope (run/rise), p2 sum of sqrt(1+s²) of the sides
  //  triangle : p1 side slope (half top width / depth), p2 sqrt(1+s²)
  //  parabola : p1 = half top width / sqrt(full depth)
  //  power    : p1 = 1/exponent, p2 = width coefficient
  //  open rect: p1 = number of sides ignored for friction (0..2)
  double p0 = 0.0, p1 = 0.0, p2 = 0.0;
  int table = -1;      // first row of this section's relative table in the shared pool
  int table_rows = 0;  // rows at uniform relative depth 0..1; columns A/Af, R/Rf, W/Wmax
  // first row in the pool of the section's enumerated critical flows (critical_depth_swmm.hpp),
  // or -1 where they are computed when needed
  int critical_flows = -1;
  // first row in the pool of the section's relative section factors (A/Af)³ (R/Rf)², one per
  // table row (transition_depths.hpp), or -1 where they are computed when needed
  int section_factors = -1;
};

/// Shared storage of relative-geometry tables: 3 doubles per row.
struct XsectTables {
  const double* rows = nullptr;
};

namespace detail {

/// One column of a section's table over one interval, as a function of the fraction f in
/// [0, 1] of the interval: EPA SWMM 5.2's table rule (xsect.c, lookup()). Linear between the
/// interval's two rows, except in the first two intervals, where the profile curves most (a
/// circle's area grows as y^1.5, its width as y^0.5): there the quadratic through the
/// interval's rows and the next one, wherever that quadratic is positive.
struct TableSpan {
  double r0 = 0.0;  // the interval's lower row
  double d = 0.0;   // next row - r0
  double c2 = 0.0;  // half the second difference of the three rows; 0 in a linear interval

  SF_HD double at(double f) const {
    const double y = r0 + f * d;
    if (c2 == 0.0) return y;
    const double y2 = y + f * (f - 1.0) * c2;
    return y2 > 0.0 ? y2 : y;
  }
  /// d(at)/df, of the branch at() takes at f
  SF_HD double slope_at(double f) const {
    if (c2 == 0.0) return d;
    const double y2 = r0 + f * d + f * (f - 1.0) * c2;
    return y2 > 0.0 ? d + (2.0 * f - 1.0) * c2 : d;
  }
  /// at(f) / f for a column that is 0 at the lower row (r0 == 0), finite as f -> 0, and its
  /// derivative: the column divided by the depth, for equations that vanish at the invert.
  SF_HD double over_f(double f) const {
    if (c2 == 0.0) return d;
    const double q = d + (f - 1.0) * c2;
    return q > 0.0 ? q : d;
  }
  SF_HD double over_f_slope(double f) const {
    if (c2 == 0.0) return 0.0;
    return d + (f - 1.0) * c2 > 0.0 ? c2 : 0.0;
  }
  /// The fraction where at() reaches v, for r0 < v <= r0 + d on a rising column: the inverse
  /// of at() on the branch it takes (the quadratic's root that starts at the lower row).
  SF_HD double fraction_of(double v) const {
    const double e = v - r0;
    if (e <= 0.0) return 0.0;
    if (c2 != 0.0) {
      // c2 f² + b f - e = 0 with b = d - c2, written for no cancellation at small c2
      const double b = d - c2;
      const double disc = b * b + 4.0 * c2 * e;
      if (disc >= 0.0) {
        const double den = b + sqrt_of(disc);
        if (den > 0.0) {
          const double f = 2.0 * e / den;
          if (f >= 0.0 && f <= 1.0) return f;
        }
      }
    }
    return d > 0.0 ? min_of(1.0, e / d) : 0.0;
  }
};

/// Column col of interval i (rows i and i+1) of a section's table.
SF_HD inline TableSpan table_span(const Xsect& x, XsectTables t, int i, int col) {
  const double* r = t.rows + 3 * (x.table + i) + col;
  TableSpan s;
  s.r0 = r[0];
  s.d = r[3] - r[0];
  if (i < 2 && i + 2 < x.table_rows) s.c2 = 0.5 * r[0] - r[3] + 0.5 * r[6];
  return s;
}

/// Column col of a section's table at relative depth eta in [0, 1].
SF_HD inline double table_at(const Xsect& x, XsectTables t, double eta, int col) {
  if (eta <= 0.0) return t.rows[3 * x.table + col];
  const int last = x.table_rows - 1;
  if (eta >= 1.0) return t.rows[3 * (x.table + last) + col];
  const double pos = eta * last;
  int i = static_cast<int>(pos);
  if (i >= last) i = last - 1;
  return table_span(x, t, i, col).at(pos - i);
}

SF_HD inline double rect_closed_hyd_radius_of_area(const Xsect& x, double a) {
  if (a <= 0.0) return 0.0;
  double p = x.w_max + 2.0 * a / x.w_max;
  const double f = a / x.a_full;
  if (f > kRectAlfMax) p += (f - kRectAlfMax) / (1.0 - kRectAlfMax) * x.w_max;
  return a / p;
}

}  // namespace detail

SF_HD inline bool uses_table(Shape s) {
  return !(s == Shape::Dummy || s == Shape::RectClosed || s == Shape::RectOpen ||
           s == Shape::Trapezoidal || s == Shape::Triangular || s == Shape::Parabolic ||
           s == Shape::PowerFunc);
}

/// Flow area at depth y (0 <= y <= y_full; clamped) [m²].
SF_HD inline double area_of_depth(const Xsect& x, XsectTables t, double y) {
  if (y <= 0.0) return 0.0;
  if (y >= x.y_full) y = x.y_full;
  switch (x.shape) {
    case Shape::Dummy:
      return 0.0;
    case Shape::RectClosed:
    case Shape::RectOpen:
      return y * x.w_max;
    case Shape::Trapezoidal:
      return (x.p0 + x.p1 * y) * y;
    case Shape::Triangular:
      return y * y * x.p1;
    case Shape::Parabolic:
      return 4.0 / 3.0 * x.p1 * y * sqrt_of(y);
    case Shape::PowerFunc:
      return x.p2 * pow_of(y, x.p1 + 1.0);
    default:
      return x.a_full * detail::table_at(x, t, y / x.y_full, 0);
  }
}

/// Top width of the water surface at depth y [m].
SF_HD inline double width_of_depth(const Xsect& x, XsectTables t, double y) {
  if (y <= 0.0) y = 0.0;
  if (y >= x.y_full) y = x.y_full;
  switch (x.shape) {
    case Shape::Dummy:
      return 0.0;
    case Shape::RectClosed:
    case Shape::RectOpen:
      return x.w_max;
    case Shape::Trapezoidal:
      return x.p0 + 2.0 * x.p1 * y;
    case Shape::Triangular:
      return 2.0 * x.p1 * y;
    case Shape::Parabolic:
      return 2.0 * x.p1 * sqrt_of(y);
    case Shape::PowerFunc:
      return (x.p1 + 1.0) * x.p2 * pow_of(y, x.p1);
    default:
      return x.w_max * detail::table_at(x, t, y / x.y_full, 2);
  }
}

/// Hydraulic radius (area / wetted perimeter) at depth y [m].
SF_HD inline double hyd_radius_of_depth(const Xsect& x, XsectTables t, double y) {
  if (y <= 0.0) return 0.0;
  if (y >= x.y_full) return x.r_full;
  switch (x.shape) {
    case Shape::Dummy:
      return 0.0;
    case Shape::RectClosed:
      return detail::rect_closed_hyd_radius_of_area(x, y * x.w_max);
    case Shape::RectOpen:
      return y * x.w_max / (x.w_max + (2.0 - x.p1) * y);
    case Shape::Trapezoidal:
      return (x.p0 + x.p1 * y) * y / (x.p0 + y * x.p2);
    case Shape::Triangular:
      return y * x.p1 / (2.0 * x.p2);
    case Shape::Parabolic: {
      // perimeter of y = (x/p1)^2 ... written with the half-width b = p1 sqrt(y)
      const double b = x.p1 * sqrt_of(y);
      if (b <= 0.0) return 0.0;
      const double r = 2.0 * y / b;
      const double s = sqrt_of(1.0 + r * r);
      const double perim = b * (s + log(r + s) / r);
      return area_of_depth(x, t, y) / perim;
    }
    case Shape::PowerFunc: {
      // wetted perimeter by 20-panel integration of the side slope
      const int n = 20;
      const double dy = y / n;
      double perim = 0.0;
      double w0 = 0.0;
      for (int i = 1; i <= n; ++i) {
        const double w1 = x.p2 * pow_of(dy * i, x.p1);
        const double dx = w1 - w0;
        perim += 2.0 * sqrt_of(dx * dx + dy * dy);
        w0 = w1;
      }
      return area_of_depth(x, t, y) / perim;
    }
    default:
      return x.r_full * detail::table_at(x, t, y / x.y_full, 1);
  }
}

/// Depth holding flow area a (inverse of area_of_depth) [m].
SF_HD inline double depth_of_area(const Xsect& x, XsectTables t, double a) {
  if (a <= 0.0) return 0.0;
  if (a >= x.a_full) return x.y_full;
  switch (x.shape) {
    case Shape::Dummy:
      return 0.0;
    case Shape::RectClosed:
    case Shape::RectOpen:
      return a / x.w_max;
    case Shape::Trapezoidal:
      if (x.p1 == 0.0) return a / x.p0;
      return (sqrt_of(x.p0 * x.p0 + 4.0 * x.p1 * a) - x.p0) / (2.0 * x.p1);
    case Shape::Triangular:
      return sqrt_of(a / x.p1);
    case Shape::Parabolic:
      return pow_of(3.0 / 4.0 * a / x.p1, 2.0 / 3.0);
    case Shape::PowerFunc:
      return pow_of(a / x.p2, 1.0 / (x.p1 + 1.0));
    default: {
      // the table's area column is monotonic: bisection on rows, then the inverse of
      // table_at's rule in the interval (the quadratic's root in the first two)
      const double f = a / x.a_full;
      int lo = 0, hi = x.table_rows - 1;
      while (hi - lo > 1) {
        const int mid = (lo + hi) >> 1;  // lo, hi >= 0: a shift, not a division
        if (t.rows[3 * (x.table + mid)] < f)
          lo = mid;
        else
          hi = mid;
      }
      const double frac = detail::table_span(x, t, lo, 0).fraction_of(f);
      return x.y_full * (lo + frac) / (x.table_rows - 1);
    }
  }
}

/// Area, hydraulic radius and top width of a section at one depth.
struct SectionGeometry {
  double area = 0.0;        // [m²]
  double hyd_radius = 0.0;  // [m]
  double width = 0.0;       // [m]
};

/// area_of_depth, hyd_radius_of_depth and width_of_depth at depth y in one call: a tabulated
/// section locates its table row once and interpolates the three columns there (the same
/// arithmetic as the three functions, so the same values bit for bit).
SF_HD inline SectionGeometry geometry_at(const Xsect& x, XsectTables t, double y) {
  SectionGeometry g;
  if (!uses_table(x.shape)) {
    g.area = area_of_depth(x, t, y);
    g.hyd_radius = hyd_radius_of_depth(x, t, y);
    g.width = width_of_depth(x, t, y);
    return g;
  }
  const int last = x.table_rows - 1;
  const double* r = t.rows + 3 * x.table;
  if (y <= 0.0) {  // no area or radius; the width of the invert row
    g.width = x.w_max * r[2];
    return g;
  }
  const double eta = y >= x.y_full ? 1.0 : y / x.y_full;
  if (eta >= 1.0) {  // the top row; a full section has its full hydraulic radius
    r += 3 * last;
    g.area = x.a_full * r[0];
    g.hyd_radius = y >= x.y_full ? x.r_full : x.r_full * r[1];
    g.width = x.w_max * r[2];
    return g;
  }
  const double pos = eta * last;
  int i = static_cast<int>(pos);
  if (i >= last) i = last - 1;
  const double f = pos - i;
  if (i >= 2) {  // past the first two intervals the rule is linear: TableSpan::at's arithmetic
    r += 3 * i;
    g.area = x.a_full * (r[0] + f * (r[3] - r[0]));
    g.hyd_radius = x.r_full * (r[1] + f * (r[4] - r[1]));
    g.width = x.w_max * (r[2] + f * (r[5] - r[2]));
    return g;
  }
  g.area = x.a_full * detail::table_span(x, t, i, 0).at(f);
  g.hyd_radius = x.r_full * detail::table_span(x, t, i, 1).at(f);
  g.width = x.w_max * detail::table_span(x, t, i, 2).at(f);
  return g;
}

/// Section factor A R^(2/3) at depth y [m^(8/3)] (Manning: Q = beta * S).
SF_HD inline double section_factor_of_depth(const Xsect& x, XsectTables t, double y) {
  const double r = hyd_radius_of_depth(x, t, y);
  return area_of_depth(x, t, y) * pow_of(r, 2.0 / 3.0);
}

}  // namespace sf::pipe
