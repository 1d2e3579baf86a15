// Relative-geometry tables of cross sections, derived from each shape's geometric definition
// (width as a function of depth) by numerical integration. Where SWMM 5.2 fixes a shape's full
// area and hydraulic radius by constants (egg, horseshoe, ...) those constants are used as the
// scale, so full-flow capacities agree with SWMM (Rossman 2017, appendix A).
#include "network/xsect_tables.hpp"
#include "pipe/critical_depth_swmm.hpp"
#include "pipe/curve.hpp"
#include "pipe/transition_depths.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <tuple>

namespace sf::network {
namespace {

using pipe::Shape;
using pipe::Xsect;

constexpr int kRows = 51;       // table rows, as SWMM's tabulated shapes
constexpr int kSubsteps = 200;  // integration steps per row
// Ratio of the two Manning coefficients in SWMM's transect radius (PHI 1.486 over 1.49).
constexpr double kSwmmTransectConveyance = 1.486 / 1.49;

/// A profile's identity in the pool: shape, up to three numbers its width function depends on,
/// and the SHAPE curve it reads (or null).
using ProfileKey = std::tuple<int, double, double, double, const void*>;

/// Integrates a width profile w(eta) (width / full depth) into a table appended to the pool.
/// Returns the table and the geometric full area, hydraulic radius and maximum width (relative).
XsectProfile add_profile_table(const std::function<double(double)>& width, bool closed,
                               XsectTablePool& pool) {
  const int n = (kRows - 1) * kSubsteps;
  std::vector<double> a(kRows), p(kRows), w(kRows);
  double area = 0.0, perim = width(0.0), w_prev = width(0.0);
  a[0] = 0.0;
  p[0] = perim;
  w[0] = w_prev;
  XsectProfile full;
  full.w = w_prev;
  for (int i = 1; i <= n; ++i) {
    const double eta = static_cast<double>(i) / n;
    const double wi = width(eta);
    const double d_eta = 1.0 / n;
    area += 0.5 * (wi + w_prev) * d_eta;
    const double dw = 0.5 * (wi - w_prev);
    perim += 2.0 * std::sqrt(d_eta * d_eta + dw * dw);
    if (wi > full.w) {
      full.w = wi;
      full.yw = eta;
    }
    w_prev = wi;
    if (i % kSubsteps == 0) {
      const int row = i / kSubsteps;
      a[row] = area;
      p[row] = perim;
      w[row] = wi;
    }
  }
  full.a = area;
  const double p_full = perim + (closed ? w_prev : 0.0);
  full.r = area / p_full;
  full.table = static_cast<int>(pool.rows.size() / 3);
  for (int i = 0; i < kRows; ++i) {
    const double pi = (i == kRows - 1) ? p_full : p[i];
    const double r = pi > 0.0 ? a[i] / pi : 0.0;
    pool.rows.push_back(a[i] / full.a);
    pool.rows.push_back(r / full.r);
    pool.rows.push_back(full.w > 0.0 ? w[i] / full.w : 0.0);
  }
  return full;
}

double circle_width(double eta) {
  return 2.0 * std::sqrt(std::max(0.0, eta * (1.0 - eta)));
}

/// Standard egg (height 1.5 x width): crown radius r = H/3, invert radius r/2, side arcs 3r
/// whose centres sit level with the crown centre; widths relative to H.
double egg_width(double eta) {
  const double y = 3.0 * eta;  // in units of the crown radius
  double b;
  if (y <= 0.2)
    b = std::sqrt(std::max(0.0, 0.25 - (y - 0.5) * (y - 0.5)));
  else if (y <= 2.0)
    b = -2.0 + std::sqrt(std::max(0.0, 9.0 - (y - 2.0) * (y - 2.0)));
  else
    b = std::sqrt(std::max(0.0, 1.0 - (y - 2.0) * (y - 2.0)));
  return 2.0 * b / 3.0;
}

/// Standard horseshoe (width = height D): semicircular crown of radius D/2, side arcs and
/// invert arc of radius D.
double horseshoe_width(double eta) {
  const double y = 2.0 * eta;  // in units of D/2
  if (y >= 1.0) return std::sqrt(std::max(0.0, 1.0 - (y - 1.0) * (y - 1.0)));
  const double side = -1.0 + std::sqrt(std::max(0.0, 4.0 - (y - 1.0) * (y - 1.0)));
  const double invert = std::sqrt(std::max(0.0, 4.0 - (y - 2.0) * (y - 2.0)));
  return std::min(side, invert);  // half-width in units of D/2 = full width / D
}

double superellipse_integral(double k) {
  return std::tgamma(1.0 + 1.0 / k) * std::tgamma(1.0 + 1.0 / k) / std::tgamma(1.0 + 2.0 / k);
}

/// Two-quadrant profile for shapes SWMM only tabulates (gothic, catenary, semi-elliptical,
/// basket-handle, semi-circular, arch): a quarter ellipse from the invert up to the widest
/// point and a super-ellipse above it whose exponent reproduces the shape's full area.
std::function<double(double)> two_quadrant_profile(double w_rel, double e, double a_rel) {
  const double bottom = w_rel * e * M_PI / 4.0;
  const double need = (a_rel - bottom) / (w_rel * (1.0 - e));
  double lo = 0.3, hi = 50.0;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (superellipse_integral(mid) < need)
      lo = mid;
    else
      hi = mid;
  }
  const double k = 0.5 * (lo + hi);
  return [w_rel, e, k](double eta) {
    if (eta <= e) {
      const double t = (e - eta) / e;
      return w_rel * std::sqrt(std::max(0.0, 1.0 - t * t));
    }
    const double t = (eta - e) / (1.0 - e);
    return w_rel * std::pow(std::max(0.0, 1.0 - std::pow(t, k)), 1.0 / k);
  };
}

/// SWMM's tabulated shapes drawn as two-quadrant profiles: relative width, relative height of
/// the widest point, and SWMM's full area (x H²), full hydraulic radius (x H) and largest /
/// full section factor ratio (Rossman 2017, appendix A).
struct TwoQuadrantShape {
  Shape shape;
  double w, e, a, r, s_ratio;
};
constexpr TwoQuadrantShape kTwoQuadrantShapes[] = {
    {Shape::Gothic, 0.84, 0.45, 0.6554, 0.2269, 1.065},
    {Shape::Catenary, 0.9, 0.25, 0.70277, 0.23172, 1.05},
    {Shape::SemiElliptical, 1.0, 0.15, 0.785, 0.242, 1.045},
    {Shape::BasketHandle, 0.944, 0.2, 0.7862, 0.2464, 1.06078},
    {Shape::SemiCircular, 1.64, 0.15, 1.2697, 0.2946, 1.06637},
};

void finish_section_factor(Xsect& x, const XsectTablePool& pool, double s_max_ratio) {
  const auto t = pool.view();
  x.s_full = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
  // locate the depth of the largest section factor by scanning
  double best = 0.0, y_best = x.y_full;
  const int n = 400;
  for (int i = 1; i <= n; ++i) {
    const double y = x.y_full * i / n;
    const double s = pipe::section_factor_of_depth(x, t, y);
    if (s > best) {
      best = s;
      y_best = y;
    }
  }
  x.y_smax = y_best;
  x.s_max = s_max_ratio > 0.0 ? s_max_ratio * x.s_full : std::max(best, x.s_full);
}

/// Sets a tabulated shape from a profile, scaled by SWMM's full constants when given
/// (a_coef * H², r_coef * H, w_coef * H; 0 = use the profile's own values). The profile's table
/// is integrated once per key and shared (the key must fix the width function completely).
void tabulated(Xsect& x, double h, const ProfileKey& key,
               const std::function<double(double)>& width, bool closed, double a_coef,
               double r_coef, double w_coef, double yw_coef, double s_ratio, XsectTablePool& pool) {
  auto it = pool.profiles.find(key);
  if (it == pool.profiles.end())
    it = pool.profiles.emplace(key, add_profile_table(width, closed, pool)).first;
  const XsectProfile& f = it->second;
  x.table = f.table;
  x.table_rows = kRows;
  x.y_full = h;
  x.a_full = (a_coef > 0.0 ? a_coef : f.a) * h * h;
  x.r_full = (r_coef > 0.0 ? r_coef : f.r) * h;
  x.w_max = (w_coef > 0.0 ? w_coef : f.w) * h;
  x.yw_max = (yw_coef > 0.0 ? yw_coef : f.yw) * h;
  x.open = !closed;
  finish_section_factor(x, pool, s_ratio);
}

Xsect transect_xsect_uncached(const inp::Transect& tr, XsectTablePool& pool) {
  const std::vector<double>& st = tr.station;
  const std::vector<double>& el = tr.elevation;
  if (st.size() < 2) throw std::invalid_argument("transect " + tr.id + " has fewer than 2 points");
  const double ymax = *std::max_element(el.begin(), el.end());
  const double ymin = *std::min_element(el.begin(), el.end());
  if (ymin >= ymax) throw std::invalid_argument("transect " + tr.id + " has no depth");
  // vertical walls up to the highest point at both ends, as SWMM closes the section
  std::vector<double> xs{st.front()}, zs{ymax};
  xs.insert(xs.end(), st.begin(), st.end());
  zs.insert(zs.end(), el.begin(), el.end());
  xs.push_back(st.back());
  zs.push_back(ymax);
  const int ns = static_cast<int>(xs.size());
  const double n_ch = tr.n_channel * std::sqrt(tr.meander > 0.0 ? tr.meander : 1.0);
  std::vector<double> area(kRows, 0.0), hrad(kRows, 0.0), width(kRows, 0.0);
  for (int i = 1; i < kRows; ++i) {
    const double y = ymin + (ymax - ymin) * i / (kRows - 1);
    double a_sum = 0.0, wp_sum = 0.0, conveyance = 0.0;
    for (int k = 1; k < ns; ++k) {
      const double ylo = std::min(zs[k - 1], zs[k]), yhi = std::max(zs[k - 1], zs[k]);
      if (ylo >= y) continue;
      const double dx = xs[k] - xs[k - 1];
      double w, a, wp;
      if (y >= yhi) {
        w = dx;
        a = dx * (y - 0.5 * (ylo + yhi));
        wp = std::sqrt(dx * dx + (yhi - ylo) * (yhi - ylo));
      } else {
        w = yhi > ylo ? dx * (y - ylo) / (yhi - ylo) : 0.0;
        a = w * (y - ylo) / 2.0;
        wp = std::sqrt(w * w + (y - ylo) * (y - ylo));
      }
      a_sum += a;
      wp_sum += wp;
      area[i] += a;
      width[i] += w;
      // close a sub-area where the bed rises out of the water, at the last slice, or at a
      // bank station where the roughness changes (SWMM transect.c does the same split)
      bool close = zs[k] >= y || k == ns - 1;
      if (!close && xs[k] == tr.bank_left && tr.n_left != tr.n_channel && xs[k] != xs[k - 1])
        close = true;
      if (!close && k + 1 < ns && xs[k] == tr.bank_right && tr.n_right != tr.n_channel &&
          xs[k] != xs[k + 1])
        close = true;
      if (close && a_sum > 0.0 && wp_sum > 0.0) {
        double n = n_ch;
        if (xs[k - 1] < tr.bank_left) n = tr.n_left;
        if (xs[k] > tr.bank_right) n = tr.n_right;
        conveyance += a_sum * std::pow(a_sum / wp_sum, 2.0 / 3.0) / n;
        a_sum = 0.0;
        wp_sum = 0.0;
      }
    }
    // SWMM 5.2.4 (transect.c) sums the conveyance with Manning's 1.486 but takes the radius
    // back out with 1.49, so its transects' radii are (1.486/1.49)^1.5 = 0.99597 of the
    // composite-roughness radius; followed so that normal depths and flows match its runs.
    hrad[i] = area[i] > 0.0 ? std::pow(conveyance * n_ch * kSwmmTransectConveyance / area[i], 1.5)
                            : hrad[i - 1];
  }
  Xsect x;
  x.shape = Shape::Irregular;
  x.open = true;
  x.y_full = ymax - ymin;
  x.a_full = area.back();
  x.r_full = hrad.back();
  x.w_max = *std::max_element(width.begin(), width.end());
  x.yw_max = x.y_full;
  x.table = static_cast<int>(pool.rows.size() / 3);
  x.table_rows = kRows;
  for (int i = 0; i < kRows; ++i) {
    pool.rows.push_back(area[i] / x.a_full);
    pool.rows.push_back(hrad[i] / x.r_full);
    pool.rows.push_back(width[i] / x.w_max);
  }
  finish_section_factor(x, pool, 0.0);
  return x;
}

Xsect transect_xsect(const inp::Transect& tr, XsectTablePool& pool) {
  auto it = pool.transects.find(&tr);
  if (it == pool.transects.end())
    it = pool.transects.emplace(&tr, transect_xsect_uncached(tr, pool)).first;
  return it->second;
}

}  // namespace

Xsect circular_xsect(double diameter, XsectTablePool& pool) {
  inp::Xsection xs;
  xs.shape = inp::XsectShape::Circular;
  xs.geom = {diameter, 0.0, 0.0, 0.0};
  return build_xsect(xs, nullptr, nullptr, pool);
}

namespace {

/// The section's geometry and relative table, without the critical flows.
Xsect section_geometry(const inp::Xsection& xs, const inp::Curve* shape_curve,
                       const inp::Transect* transect, XsectTablePool& pool) {
  Xsect x;
  x.shape = xs.shape;
  const double h = xs.geom[0], g2 = xs.geom[1], g3 = xs.geom[2], g4 = xs.geom[3];
  auto analytic_full = [&x]() {
    x.a_full = pipe::area_of_depth(x, {}, x.y_full);
    x.r_full = pipe::hyd_radius_of_depth(x, {}, x.y_full * (1.0 - 1e-12));
  };
  switch (x.shape) {
    case Shape::Dummy:
      x.y_full = x.w_max = x.a_full = x.r_full = x.s_full = x.s_max = 1e-6 * 0.3048;
      x.open = false;
      return x;
    case Shape::Circular:
    case Shape::ForceMain:
      tabulated(x, h, {int(Shape::Circular), 0, 0, 0, nullptr}, circle_width, true, M_PI / 4.0,
                0.25, 1.0, 0.5, x.shape == Shape::Circular ? 1.08 : 1.06949, pool);
      if (x.shape == Shape::ForceMain) x.s_full = x.a_full * std::pow(x.r_full, 0.63);
      return x;
    case Shape::FilledCircular: {
      const double f = g2 / h;  // filled fraction of the diameter
      const double sb = circle_width(f);
      // widths relative to the open height h - g2, so the unit-height integration is to scale
      tabulated(
          x, h - g2, {int(x.shape), f, 0, 0, nullptr},
          [f](double eta) { return circle_width(f + eta * (1.0 - f)) / (1.0 - f); }, true, 0.0, 0.0,
          0.0, 0.0, 1.08, pool);
      const double theta = 2.0 * std::acos(1.0 - 2.0 * f);
      const double a_bot = h * h / 8.0 * (theta - std::sin(theta));
      x.a_full = M_PI / 4.0 * h * h - a_bot;
      x.r_full = x.a_full / (M_PI * h - h * theta / 2.0 + sb * h);
      x.w_max = h;
      x.yw_max = std::max(0.0, 0.5 * h - g2);
      finish_section_factor(x, pool, 1.08);
      return x;
    }
    case Shape::RectClosed:
      x.y_full = h;
      x.w_max = g2;
      x.yw_max = h;
      x.a_full = h * g2;
      x.r_full = x.a_full / (2.0 * (h + g2));
      x.s_full = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      {
        const double a_max = pipe::kRectAlfMax * x.a_full;
        x.s_max = a_max * std::pow(a_max / (g2 + 2.0 * a_max / g2), 2.0 / 3.0);
        x.s_max = std::max(x.s_max, x.s_full);
        x.y_smax = a_max / g2;
      }
      return x;
    case Shape::RectOpen:
      x.open = true;
      x.y_full = h;
      x.w_max = g2;
      x.yw_max = h;
      x.p1 = g3;
      x.a_full = h * g2;
      x.r_full = x.a_full / ((2.0 - g3) * h + g2);
      x.s_full = x.s_max = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      x.y_smax = h;
      return x;
    case Shape::Trapezoidal:
      x.open = true;
      x.y_full = h;
      x.yw_max = h;
      x.p0 = g2;
      x.p1 = 0.5 * (g3 + g4);
      x.p2 = std::sqrt(1.0 + g3 * g3) + std::sqrt(1.0 + g4 * g4);
      x.w_max = g2 + h * (g3 + g4);
      x.a_full = (g2 + x.p1 * h) * h;
      x.r_full = x.a_full / (g2 + h * x.p2);
      x.s_full = x.s_max = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      x.y_smax = h;
      return x;
    case Shape::Triangular:
      x.open = true;
      x.y_full = h;
      x.yw_max = h;
      x.w_max = g2;
      x.p1 = g2 / h / 2.0;
      x.p2 = std::sqrt(1.0 + x.p1 * x.p1);
      x.a_full = h * h * x.p1;
      x.r_full = x.a_full / (2.0 * h * x.p2);
      x.s_full = x.s_max = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      x.y_smax = h;
      return x;
    case Shape::Parabolic:
      x.open = true;
      x.y_full = h;
      x.yw_max = h;
      x.w_max = g2;
      x.p1 = g2 / 2.0 / std::sqrt(h);
      analytic_full();
      x.s_full = x.s_max = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      x.y_smax = h;
      return x;
    case Shape::PowerFunc:
      x.open = true;
      x.y_full = h;
      x.yw_max = h;
      x.w_max = g2;
      x.p1 = 1.0 / g3;
      x.p2 = g2 / (x.p1 + 1.0) / std::pow(h, x.p1);
      analytic_full();
      x.s_full = x.s_max = x.a_full * std::pow(x.r_full, 2.0 / 3.0);
      x.y_smax = h;
      return x;
    case Shape::RectTriangular: {
      const double wb = g2 / h, yb = g3 / h;
      tabulated(
          x, h, {int(x.shape), wb, yb, 0, nullptr},
          [wb, yb](double eta) { return wb * std::min(1.0, eta / yb); }, true, 0, 0, 0, 0, 0.0,
          pool);
      return x;
    }
    case Shape::RectRound: {
      const double rb = std::max(g3, g2 / 2.0);
      const double theta = 2.0 * std::asin(g2 / 2.0 / rb);
      const double yb = rb * (1.0 - std::cos(theta / 2.0));
      tabulated(
          x, h, {int(x.shape), h, g2, g3, nullptr},
          [=](double eta) {
            const double y = eta * h;
            if (y >= yb) return g2 / h;
            const double d = rb - y;
            return 2.0 * std::sqrt(std::max(0.0, rb * rb - d * d)) / h;
          },
          true, 0, 0, 0, 0, 0.0, pool);
      return x;
    }
    case Shape::ModBasket: {
      const double rb = std::max(g3, g2 / 2.0);
      const double theta = 2.0 * std::asin(g2 / 2.0 / rb);
      const double yb = rb * (1.0 - std::cos(theta / 2.0));
      tabulated(
          x, h, {int(x.shape), h, g2, g3, nullptr},
          [=](double eta) {
            const double y = eta * h;
            if (y <= h - yb) return g2 / h;
            const double d = y - (h - rb);
            return 2.0 * std::sqrt(std::max(0.0, rb * rb - d * d)) / h;
          },
          true, 0, 0, 0, 0, 0.0, pool);
      return x;
    }
    case Shape::HorizEllipse:
    case Shape::VertEllipse: {
      if (g2 <= 0.0)
        throw std::invalid_argument(
            "standard elliptical pipe size codes are not supported; give the height and width");
      const double w = g2 / h;
      const bool horiz = x.shape == Shape::HorizEllipse;
      tabulated(
          x, h, {int(x.shape), w, 0, 0, nullptr}, [w](double eta) { return w * circle_width(eta); },
          true, horiz ? 1.2692 : 1.2692 * w * w, horiz ? 0.3061 : 0.3061 * w, w, 0.48, 1.0, pool);
      return x;
    }
    case Shape::Arch: {
      if (g2 <= 0.0)
        throw std::invalid_argument(
            "standard arch pipe size codes are not supported; give the height and width");
      const double w = g2 / h;
      tabulated(x, h, {int(x.shape), w, 0, 0, nullptr}, two_quadrant_profile(w, 0.28, 0.7879 * w),
                true, 0.7879 * w, 0.2991, w, 0.28, 1.0, pool);
      return x;
    }
    case Shape::Egg:
      tabulated(x, h, {int(x.shape), 0, 0, 0, nullptr}, egg_width, true, 0.5105, 0.1931, 2.0 / 3.0,
                0.64, 1.065, pool);
      return x;
    case Shape::Horseshoe:
      tabulated(x, h, {int(x.shape), 0, 0, 0, nullptr}, horseshoe_width, true, 0.8293, 0.2538, 1.0,
                0.5, 1.077, pool);
      return x;
    case Shape::Gothic:
    case Shape::Catenary:
    case Shape::SemiElliptical:
    case Shape::BasketHandle:
    case Shape::SemiCircular:
      for (const TwoQuadrantShape& q : kTwoQuadrantShapes)
        if (q.shape == x.shape)
          tabulated(x, h, {int(x.shape), 0, 0, 0, nullptr}, two_quadrant_profile(q.w, q.e, q.a),
                    true, q.a, q.r, q.w, q.e, q.s_ratio, pool);
      return x;
    case Shape::Irregular:
      if (!transect) throw std::invalid_argument("IRREGULAR section without a transect");
      return transect_xsect(*transect, pool);
    case Shape::Custom: {
      if (!shape_curve || shape_curve->x.size() < 2)
        throw std::invalid_argument("CUSTOM section without a usable SHAPE curve");
      const inp::Curve c = *shape_curve;
      tabulated(
          x, h, {int(x.shape), 0, 0, 0, shape_curve},
          [c](double eta) {
            const pipe::CurveView v{c.x.data(), c.y.data(), static_cast<int>(c.x.size())};
            return pipe::curve_lookup(v, eta);
          },
          true, 0, 0, 0, 0, 0.0, pool);
      return x;
    }
    case Shape::Street:
      throw std::invalid_argument("STREET cross sections are not simulated");
  }
  throw std::invalid_argument("unknown cross-section shape");
}

/// Tabulates SWMM's enumerated critical flows of x (pipe::critical_depth_enumerated) in the pool
/// and sets x.critical_flows, when x uses the enumeration.
void add_critical_flows(Xsect& x, XsectTablePool& pool) {
  if (!pipe::critical_depth_by_enumeration(x)) return;
  constexpr int kValues = pipe::kCriticalFlowSteps + 1;
  std::vector<double> qc(kValues);
  for (int i = 0; i < kValues; ++i) qc[i] = pipe::detail::computed_critical_flow(x, pool.view(), i);
  x.critical_flows = static_cast<int>(pool.rows.size() / 3);
  pool.rows.insert(pool.rows.end(), qc.begin(), qc.end());
  pool.rows.resize(pool.rows.size() + (3 - kValues % 3) % 3, 0.0);  // whole rows of 3
}

/// Appends the relative section factor of every table row of a tabulated section to the pool,
/// once per table, and sets x.section_factors.
void add_section_factors(Xsect& x, XsectTablePool& pool) {
  if (!pipe::uses_table(x.shape) || x.table < 0) return;
  const auto known = pool.section_factors.find(x.table);
  if (known != pool.section_factors.end()) {
    x.section_factors = known->second;
    return;
  }
  std::vector<double> sf(x.table_rows);
  for (int i = 0; i < x.table_rows; ++i)
    sf[i] = pipe::detail::computed_section_factor_of_row(x, pool.view(), i);
  x.section_factors = static_cast<int>(pool.rows.size() / 3);
  pool.rows.insert(pool.rows.end(), sf.begin(), sf.end());
  pool.rows.resize(pool.rows.size() + (3 - x.table_rows % 3) % 3, 0.0);  // whole rows of 3
  pool.section_factors.emplace(x.table, x.section_factors);
}

}  // namespace

Xsect build_xsect(const inp::Xsection& xs, const inp::Curve* shape_curve,
                  const inp::Transect* transect, XsectTablePool& pool) {
  Xsect x = section_geometry(xs, shape_curve, transect, pool);
  add_critical_flows(x, pool);
  add_section_factors(x, pool);
  return x;
}

}  // namespace sf::network
