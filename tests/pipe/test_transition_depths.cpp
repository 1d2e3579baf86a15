// Critical and normal depth (kernels/pipe/transition_depths.hpp) against a reference bisection
// of the same equations on the same geometry (the method used before, 50-60 halvings), for every
// shape: near-empty, mid, near-full flows and flows above full capacity. Near-circular sections
// take SWMM's enumerated critical depth (pipe/critical_depth_swmm.hpp) instead of the root.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "inp/reader.hpp"
#include "network/network_data.hpp"
#include "network/xsect_tables.hpp"
#include "pipe/conduit_flow.hpp"
#include "pipe/transition_depths.hpp"
#include "pipe/xsect.hpp"

namespace {

using namespace sf;
using S = inp::XsectShape;

// Reference: bisection on depth of q²/g = A³/W, 60 halvings.
double bisection_critical_depth(const pipe::Xsect& x, pipe::XsectTables t, double q) {
  const double q2g = q * q / pipe::kGravity;
  const double af = pipe::area_of_depth(x, t, x.y_full);
  const double wf = pipe::width_of_depth(x, t, x.y_full);
  if (wf > 0.0 && af * af * af / wf < q2g) return x.y_full;
  double lo = 0.0, hi = x.y_full;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    const double a = pipe::area_of_depth(x, t, mid);
    const double w = pipe::width_of_depth(x, t, mid);
    if (w > 0.0 && a * a * a / w < q2g)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

// Reference for a circle of diameter d at section factor psi times the full one: bisection on
// the segment angle theta of psi = (theta - sin theta)^(5/3) / (2 pi theta^(2/3)) (the exact
// segment: A/A_full = (theta - sin theta) / 2 pi, R/R_full = 1 - sin theta / theta), 100
// halvings, then y = d (1 - cos(theta / 2)) / 2.
double exact_circle_normal_depth(double d, double psi) {
  double lo = 0.0, hi = M_PI;
  for (int i = 0; i < 100; ++i) {
    const double th = 0.5 * (lo + hi);
    const double p =
        std::pow(th - std::sin(th), 5.0 / 3.0) / (2.0 * M_PI) / std::pow(th, 2.0 / 3.0);
    if (p < psi)
      lo = th;
    else
      hi = th;
  }
  return d * (1.0 - std::cos(0.25 * (lo + hi))) / 2.0;
}

// Reference: bisection on depth of A R^(2/3) = Q/beta below the largest section factor (the
// flow limited to beta * s_max first, as normal_depth does); full from the full section factor
// up in open shapes, circles and force mains (SWMM's circ_getAofS), from the largest in the
// other closed shapes; a circle at or below 1.5 % of its full section factor is the exact circle
// (as in SWMM 5.2.4).
double bisection_normal_depth(const pipe::Xsect& x, pipe::XsectTables t, double beta, double q) {
  const double s = std::min(q, beta * x.s_max) / beta;
  const bool circle = x.shape == pipe::Shape::Circular || x.shape == pipe::Shape::ForceMain;
  if (x.open || circle ? s >= x.s_full : s >= x.s_max) return x.y_full;
  if (x.shape == pipe::Shape::Circular && s > 0.0 && s <= 0.015 * x.s_full)
    return exact_circle_normal_depth(x.y_full, s / x.s_full);
  double lo = 0.0, hi = x.open ? x.y_full : x.y_smax;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (pipe::section_factor_of_depth(x, t, mid) < s)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

struct NamedSection {
  S shape;
  inp::Xsection xs;
};

std::vector<NamedSection> every_shape() {
  const S shapes[] = {
      S::Circular,     S::FilledCircular, S::RectClosed,  S::RectOpen,       S::Trapezoidal,
      S::Triangular,   S::Parabolic,      S::PowerFunc,   S::RectTriangular, S::RectRound,
      S::ModBasket,    S::HorizEllipse,   S::VertEllipse, S::Arch,           S::Egg,
      S::Horseshoe,    S::Gothic,         S::Catenary,    S::SemiElliptical, S::BasketHandle,
      S::SemiCircular, S::ForceMain};
  std::vector<NamedSection> out;
  for (S s : shapes) {
    inp::Xsection xs;
    xs.shape = s;
    xs.geom = {2.0, 1.5, 0.5, 1.0};
    if (s == S::FilledCircular) xs.geom[1] = 0.3;
    if (s == S::RectRound || s == S::ModBasket) xs.geom[2] = 1.0;
    if (s == S::ForceMain) xs.geom[1] = 120.0;
    if (s == S::Trapezoidal) xs.geom = {1.5, 0.0, 1.0, 2.0};  // zero bottom width: a V
    out.push_back({s, xs});
  }
  // a trapezoid with a bottom, and an irregular channel
  inp::Xsection trap;
  trap.shape = S::Trapezoidal;
  trap.geom = {1.2, 2.0, 0.5, 1.5};
  out.push_back({S::Trapezoidal, trap});
  return out;
}

inp::Transect v_channel() {
  inp::Transect tr;
  tr.id = "V";
  tr.n_left = tr.n_right = tr.n_channel = 0.03;
  tr.bank_left = 2.0;
  tr.bank_right = 8.0;
  tr.station = {0.0, 2.0, 4.0, 5.0, 6.0, 8.0, 10.0};
  tr.elevation = {3.0, 2.0, 1.0, 0.0, 0.5, 2.0, 3.5};
  return tr;
}

// Flows from a trickle to twice the full-flow capacity.
std::vector<double> test_flows(double q_full) {
  std::vector<double> q{1e-9 * q_full, 1e-6 * q_full, 1e-3 * q_full};
  for (int i = 1; i <= 40; ++i) q.push_back(q_full * 0.025 * i);
  for (double f : {0.999, 1.0, 1.001, 1.05, 1.2, 2.0}) q.push_back(f * q_full);
  return q;
}

void expect_matches_bisection(const pipe::Xsect& x, pipe::XsectTables t, const char* what) {
  const double beta = std::sqrt(0.002) / 0.014;
  const double q_norm_full = beta * x.s_full;
  for (double q : test_flows(q_norm_full)) {
    EXPECT_NEAR(pipe::normal_depth(x, t, beta, q), bisection_normal_depth(x, t, beta, q),
                1e-9 * x.y_full)
        << what << " normal depth at q = " << q;
  }
  // critical flow when full: Q² = g A³/W at a tenth below the crown
  const double a9 = pipe::area_of_depth(x, t, 0.9 * x.y_full);
  const double w9 = pipe::width_of_depth(x, t, 0.9 * x.y_full);
  const double q_crit = std::sqrt(pipe::kGravity * a9 * a9 * a9 / w9);
  // near-circular sections take SWMM's enumerated depth instead of the root
  // (test_critical_depth_swmm.cpp checks it against SWMM)
  const bool enumerated = pipe::critical_depth_by_enumeration(x);
  for (double q : test_flows(q_crit)) {
    const double ref = enumerated ? (q > 0.0 ? pipe::critical_depth_enumerated(x, t, q) : 0.0)
                                  : bisection_critical_depth(x, t, q);
    EXPECT_NEAR(pipe::critical_depth(x, t, q), ref, 1e-9 * x.y_full)
        << what << " critical depth at q = " << q;
  }
}

TEST(TransitionDepths, EveryShapeMatchesBisection) {
  for (const NamedSection& s : every_shape()) {
    network::XsectTablePool pool;
    const pipe::Xsect x = network::build_xsect(s.xs, nullptr, nullptr, pool);
    expect_matches_bisection(x, pool.view(), ("shape " + std::to_string(int(s.shape))).c_str());
  }
}

// The network tabulates each table's section factors (A/Af)³(R/Rf)² once per row
// (add_section_factors in xsect_tables.cpp); the normal depth must come out exactly as when
// the row search computes them on the fly.
TEST(TransitionDepths, TabulatedSectionFactorsGiveTheSameNormalDepthsBitForBit) {
  int tabulated = 0;
  for (const NamedSection& s : every_shape()) {
    network::XsectTablePool pool;
    const pipe::Xsect built = network::build_xsect(s.xs, nullptr, nullptr, pool);
    if (!pipe::uses_table(built.shape)) {
      EXPECT_EQ(built.section_factors, -1) << int(s.shape);
      continue;
    }
    ++tabulated;
    ASSERT_GE(built.section_factors, 0) << int(s.shape);
    pipe::Xsect on_the_fly = built;
    on_the_fly.section_factors = -1;
    const auto t = pool.view();
    for (int i = 0; i < built.table_rows; ++i)
      EXPECT_EQ(t.rows[3 * built.section_factors + i],
                pipe::detail::computed_section_factor_of_row(on_the_fly, t, i));
    const double beta = std::sqrt(0.002) / 0.014;
    for (double q : test_flows(beta * built.s_full))
      EXPECT_EQ(pipe::normal_depth(built, t, beta, q), pipe::normal_depth(on_the_fly, t, beta, q))
          << int(s.shape) << " q = " << q;
  }
  EXPECT_GE(tabulated, 10);
  // a second section on the same relative table shares its tabulated values
  network::XsectTablePool pool;
  const pipe::Xsect a = network::circular_xsect(0.8, pool);
  const pipe::Xsect b = network::circular_xsect(1.2, pool);
  ASSERT_EQ(a.table, b.table);
  EXPECT_EQ(a.section_factors, b.section_factors);
}

// The bounds classify_flow decides from before any root solve in a table interval must hold
// the depth finish() returns, and smaller_depth() must give exactly min_of of the two depths:
// the flow class, fasnh and the depths used then come out bit for bit as with full solves.
TEST(TransitionDepths, BoundsHoldTheDepthAndTheSmallerIsExact) {
  const double beta = std::sqrt(0.002) / 0.014;
  for (const NamedSection& s : every_shape()) {
    network::XsectTablePool pool;
    const pipe::Xsect x = network::build_xsect(s.xs, nullptr, nullptr, pool);
    const pipe::XsectTables t = pool.view();
    for (double q : test_flows(beta * x.s_full)) {
      const pipe::TransitionDepth n = pipe::normal_depth_bound(x, t, beta, q);
      const pipe::TransitionDepth c = pipe::critical_depth_bound(x, t, q);
      const double yn = pipe::finish(n, x, t), yc = pipe::finish(c, x, t);
      const std::string what = "shape " + std::to_string(int(s.shape)) + " q " + std::to_string(q);
      EXPECT_EQ(yn, pipe::normal_depth(x, t, beta, q)) << what;
      EXPECT_EQ(yc, pipe::critical_depth(x, t, q)) << what;
      EXPECT_LE(n.lower(), yn) << what;
      EXPECT_GE(n.upper(), yn) << what;
      EXPECT_LE(c.lower(), yc) << what;
      EXPECT_GE(c.upper(), yc) << what;
      EXPECT_EQ(pipe::smaller_depth(c, n, x, t), sf::min_of(yc, yn)) << what;
      // a table interval is one row: the bounds are that close, not just any bracket
      if (pipe::uses_table(x.shape)) {
        EXPECT_LE(n.upper() - n.lower(), x.y_full / 50 * (1 + 1e-12));
      }
    }
  }
}

// In a table interval both equations are polynomials of the fraction f of the interval; the
// Newton iteration there must reach the root to rounding (a few 1e-15 of the interval, the
// precision of the depth itself), not just to the 1e-13 stopping width of a bracketing method.
// Reference: 200 halvings of f on the same interval polynomial. Where the polynomial is flat
// (the section factor near its maximum) the root is only defined to its rounding noise over
// its slope, which widens the tolerance there.
TEST(TransitionDepths, TableRootsAreExactToRounding) {
  const double beta = std::sqrt(0.002) / 0.014;
  const double kTol = 2e-14;  // of the interval
  const auto bisect = [](const auto& g, double hi) {
    double lo = 0.0;
    for (int i = 0; i < 200; ++i) {
      const double mid = 0.5 * (lo + hi);
      (g(mid) < 0.0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  };
  int solved = 0;
  for (const NamedSection& s : every_shape()) {
    network::XsectTablePool pool;
    const pipe::Xsect x = network::build_xsect(s.xs, nullptr, nullptr, pool);
    if (!pipe::uses_table(x.shape)) continue;
    const pipe::XsectTables t = pool.view();
    const int last = x.table_rows - 1;
    for (int k = 1; k <= 400; ++k) {
      const double q = beta * x.s_full * 1.2 * k / 400.0;
      const std::string what = "shape " + std::to_string(int(s.shape)) + " q " + std::to_string(q);
      const pipe::TransitionDepth n = pipe::normal_depth_bound(x, t, beta, q);
      if (!n.rows.found && !n.circle) {  // (a circle's small flows: the exact circle's test)
        const pipe::detail::SectionFactorInInterval g =
            pipe::detail::section_factor_in_interval(x, t, n.rows.lo, n.rows.c);
        if (g(n.rows.f_hi) >= 0.0) {
          const double f = pipe::finish(n, x, t) / x.y_full * last - n.rows.lo;
          const double noise = 16.0 * DBL_EPSILON * g.c / std::abs(g.slope(f).slope);
          EXPECT_NEAR(f, bisect(g, n.rows.f_hi), kTol + noise) << what << " normal";
          ++solved;
        }
      }
      const pipe::TransitionDepth c = pipe::critical_depth_bound(x, t, q);
      const double* r0 = pipe::detail::table_row(x, t, c.rows.lo);
      if (!c.rows.found && !(r0[0] <= 0.0 && r0[2] <= 0.0)) {
        const pipe::detail::CriticalInInterval g =
            pipe::detail::critical_in_interval(x, t, c.rows.lo, c.rows.c);
        const double f = pipe::finish(c, x, t) / x.y_full * last - c.rows.lo;
        const double noise = 16.0 * DBL_EPSILON * g.c / std::abs(g.slope(f).slope);
        EXPECT_NEAR(f, bisect(g, 1.0), kTol + noise) << what << " critical";
        ++solved;
      }
    }
  }
  EXPECT_GT(solved, 2000);
}

// Low flows put both depths in the first two table intervals, where the geometry follows
// SWMM's quadratic lookup (xsect.hpp, TableSpan): the interval solves must find the roots of
// that same geometry, as the bisection on area_of_depth, width_of_depth and
// hyd_radius_of_depth does, for flows from 1e-9 of the full flow to where the depths leave the
// third row.
TEST(TransitionDepths, FirstTwoIntervalsMatchBisection) {
  const double beta = std::sqrt(0.002) / 0.014;
  std::vector<NamedSection> sections = every_shape();
  int in_quadratic = 0;
  for (const NamedSection& s : sections) {
    network::XsectTablePool pool;
    const pipe::Xsect x = network::build_xsect(s.xs, nullptr, nullptr, pool);
    if (!pipe::uses_table(x.shape)) continue;
    const pipe::XsectTables t = pool.view();
    const std::string what = "shape " + std::to_string(int(s.shape));
    const double dy = x.y_full / (x.table_rows - 1);
    for (int k = 0; k <= 300; ++k) {
      const double q = beta * x.s_full * std::pow(10.0, -9.0 + 7.0 * k / 300.0);
      const double yn = pipe::normal_depth(x, t, beta, q);
      if (yn > 3.0 * dy) break;
      if (yn < 2.0 * dy) ++in_quadratic;
      EXPECT_NEAR(yn, bisection_normal_depth(x, t, beta, q), 1e-12 * x.y_full)
          << what << " normal depth at q = " << q;
    }
    for (int k = 0; k <= 300; ++k) {
      const double q = std::pow(10.0, -9.0 + 8.0 * k / 300.0);
      if (pipe::critical_depth_by_enumeration(x)) break;  // not a root (critical_depth_swmm)
      const double yc = pipe::critical_depth(x, t, q);
      if (yc > 3.0 * dy) break;
      EXPECT_NEAR(yc, bisection_critical_depth(x, t, q), 1e-12 * x.y_full)
          << what << " critical depth at q = " << q;
    }
  }
  EXPECT_GT(in_quadratic, 500);
}

// The same for a wide irregular V channel (40 m wide, 1 m deep, so its critical depth is a root
// of A³/W = Q²/g, not SWMM's enumeration), whose invert is a point (zero area and width at the
// first row) and whose banks kink at 3 cm, inside the second table interval.
TEST(TransitionDepths, PointedInvertCriticalDepthInTheFirstIntervals) {
  network::XsectTablePool pool;
  inp::Transect tr;
  tr.id = "WIDE_V";
  tr.n_left = tr.n_right = tr.n_channel = 0.03;
  tr.bank_left = 0.0;
  tr.bank_right = 40.0;
  tr.station = {0.0, 10.0, 20.0, 30.0, 40.0};
  tr.elevation = {1.0, 0.3, 0.0, 0.03, 1.0};
  inp::Xsection irr;
  irr.shape = S::Irregular;
  const pipe::Xsect x = network::build_xsect(irr, nullptr, &tr, pool);
  const pipe::XsectTables t = pool.view();
  ASSERT_FALSE(pipe::critical_depth_by_enumeration(x));
  const double dy = x.y_full / (x.table_rows - 1);
  int first = 0;
  for (int k = 0; k <= 400; ++k) {
    const double q = std::pow(10.0, -9.0 + 9.0 * k / 400.0);
    const double yc = pipe::critical_depth(x, t, q);
    if (yc > 3.0 * dy) break;
    if (yc < dy) ++first;
    EXPECT_NEAR(yc, bisection_critical_depth(x, t, q), 1e-12 * x.y_full) << "q = " << q;
  }
  EXPECT_GT(first, 50);
}

TEST(TransitionDepths, IrregularAndCustomMatchBisection) {
  network::XsectTablePool pool;
  const inp::Transect tr = v_channel();
  inp::Xsection irr;
  irr.shape = S::Irregular;
  const pipe::Xsect xi = network::build_xsect(irr, nullptr, &tr, pool);
  expect_matches_bisection(xi, pool.view(), "irregular");
  // a custom shape with a flat bottom and a pointed top
  inp::Curve c;
  c.x = {0.0, 0.3, 0.7, 1.0};
  c.y = {0.5, 1.0, 1.0, 0.0};
  inp::Xsection cus;
  cus.shape = S::Custom;
  cus.geom = {1.8, 0, 0, 0};
  const pipe::Xsect xc = network::build_xsect(cus, &c, nullptr, pool);
  expect_matches_bisection(xc, pool.view(), "custom");
}

// SWMM 5.2.4 takes a circle's normal depth at small flows (section factor at most 1.5 % of the
// full one) from the exact circle (xsect.c: circ_getAofS, then circ_getYofA below 4 % of the
// full area), not from its tables. At psi = S/S_full = 1e-4 and 1e-3 the exact depths are
// 0.0082739 and 0.024055 of the diameter; the root of the interpolated table geometry gave
// 0.0075738 (-8.5 %) and 0.023983 (-0.3 %).
TEST(TransitionDepths, CircleAtSmallFlowsIsTheExactCircle) {
  network::XsectTablePool pool;
  const double d = 0.9;
  const pipe::Xsect c = network::circular_xsect(d, pool);
  const pipe::XsectTables t = pool.view();
  const double beta = std::sqrt(0.003) / 0.013;
  EXPECT_NEAR(exact_circle_normal_depth(1.0, 1e-4), 0.0082739, 1e-7);
  EXPECT_NEAR(exact_circle_normal_depth(1.0, 1e-3), 0.024055, 1e-6);
  for (double psi : {1e-9, 1e-6, 1e-4, 1e-3, 3e-3, 0.01, 0.015}) {
    const double q = beta * c.s_full * psi;
    const double yn = pipe::normal_depth(c, t, beta, q);
    EXPECT_NEAR(yn / exact_circle_normal_depth(d, psi), 1.0, 1e-12) << "psi " << psi;
    // the depth of the same section factor in the table geometry, which it replaces
    const pipe::Xsect table_only = [&] {
      pipe::Xsect x = c;
      x.shape = pipe::Shape::ForceMain;  // the circle's table without the exact branch
      x.s_full = c.s_full;
      return x;
    }();
    if (psi == 1e-4) {
      EXPECT_NEAR(yn / d, 0.0082739, 1e-7);
      EXPECT_NEAR(pipe::normal_depth(table_only, t, beta, q) / d, 0.0075738, 1e-6);
    }
  }
  // above 1.5 % of the full section factor: the root on the table geometry, as before
  const double q = beta * c.s_full * 0.02;
  EXPECT_NEAR(pipe::normal_depth(c, t, beta, q), bisection_normal_depth(c, t, beta, q), 1e-12);
  // the exact circle's depth is continuous with the table's within 0.16 % at the switch
  const double y_exact = pipe::normal_depth(c, t, beta, beta * c.s_full * 0.015);
  const double y_table = pipe::normal_depth(c, t, beta, beta * c.s_full * 0.015 * (1 + 1e-12));
  EXPECT_NEAR(y_table / y_exact, 1.0, 1.6e-3);
  EXPECT_LT(y_table, y_exact);
}

// classify_flow and the outfalls decide from the bounds of a circle's exact normal depth at
// small flows before its Newton step (the first guess +- kCircleGuessMargin): they must hold
// the depth finish() returns at every flow below the switch, and be tight enough to decide.
TEST(TransitionDepths, CircleGuessBoundsHoldTheExactDepth) {
  network::XsectTablePool pool;
  const double d = 0.6;
  const pipe::Xsect c = network::circular_xsect(d, pool);
  const pipe::XsectTables t = pool.view();
  const double beta = std::sqrt(0.004) / 0.013;
  int deferred = 0;
  for (double psi = 0.999 * pipe::kCircleExactSectionFactor; psi > 1e-22; psi *= 0.97) {
    const double q = beta * c.s_full * psi;
    const pipe::TransitionDepth n = pipe::normal_depth_bound(c, t, beta, q);
    const double yn = pipe::finish(n, c, t);
    EXPECT_EQ(yn, pipe::normal_depth(c, t, beta, q)) << psi;
    EXPECT_LE(n.lower(), yn) << psi;
    EXPECT_GE(n.upper(), yn) << psi;
    EXPECT_LE(n.upper() - n.lower(), 4.1e-9 * yn) << psi;  // y ~ theta²: twice the margin each way
    // (the reference's theta - sin theta cancels below psi ~ 1e-7)
    if (psi > 1e-7) EXPECT_NEAR(yn / exact_circle_normal_depth(d, psi), 1.0, 1e-12) << psi;
    if (n.circle) ++deferred;
  }
  // the Newton steps are deferred above theta = 1e-3 (psi ~ 1.6e-14), not below
  EXPECT_GT(deferred, 500);
}

TEST(TransitionDepths, HandValues) {
  network::XsectTablePool pool;
  inp::Xsection tr;
  tr.shape = S::Trapezoidal;
  tr.geom = {2.0, 3.0, 2.0, 2.0};  // bottom 3 m, side slopes 2:1
  const pipe::Xsect x = network::build_xsect(tr, nullptr, nullptr, pool);
  // critical depth of 0.5 m: A = 2 m², W = 5 m, Q = sqrt(g A³/W)
  const double q = std::sqrt(pipe::kGravity * 8.0 / 5.0);
  EXPECT_NEAR(pipe::critical_depth(x, {}, q), 0.5, 1e-12);
  // normal depth of 1 m: A = 5 m², P = 3 + 2 sqrt(5) m
  const double beta = 1.0 / 0.02 * std::sqrt(0.001);
  const double qn = beta * 5.0 * std::pow(5.0 / (3.0 + 2.0 * std::sqrt(5.0)), 2.0 / 3.0);
  EXPECT_NEAR(pipe::normal_depth(x, {}, beta, qn), 1.0, 1e-12);
  // a circle half full carries Q = beta (pi d²/8) (d/4)^(2/3) within the table's accuracy
  const pipe::Xsect c = network::circular_xsect(1.0, pool);
  const double qh = beta * M_PI / 8.0 * std::pow(0.25, 2.0 / 3.0);
  EXPECT_NEAR(pipe::normal_depth(c, pool.view(), beta, qh), 0.5, 1e-3);
  // zero flow and dummies give zero depth; flows above the largest section factor are full
  EXPECT_EQ(pipe::normal_depth(c, pool.view(), beta, 0.0), 0.0);
  EXPECT_EQ(pipe::critical_depth(c, pool.view(), 0.0), 0.0);
  EXPECT_EQ(pipe::normal_depth(c, pool.view(), beta, 10.0 * beta * c.s_max), c.y_full);
}

}  // namespace

namespace {

// Conduit 8061 of the shared model pump_type1_wetwell: a 4-ft circle, 300 ft long, n = 0.004,
// written without fall (SWMM's minimum drop of 0.001 ft gives it its slope), so it is full at
// only 8.523 cfs. EPA SWMM 5.2.4, traced in its second trial of the step ending at 11 380 s,
// classified it at q = 8.55354527 cfs with the wet well end at y2 = 3.42463315 ft: normal depth 4
// ft (the full depth: circ_getAofS gives the full area for any section factor from the full one
// up), critical depth 0.847634393 ft, SUBCRITICAL with fasnh = (4 - y2) / (4 - 0.8476) =
// 0.182519074 of the downstream half's surface area lent to the wet well. spongeflow took the
// shallower root of A R^(2/3) = Q/beta there (3.28 ft, y2 above it: fasnh 1).
TEST(TransitionDepths, CircleAboveItsFullFlowIsFullAsInSwmm) {
  const std::string text =
      "[OPTIONS]\nFLOW_UNITS CFS\nFLOW_ROUTING DYNWAVE\nLINK_OFFSETS DEPTH\nEND_TIME 01:00\n"
      "[JUNCTIONS]\nJ1 112.3 42.7 0 0 0\nWW 73.6 42.7 0 0 0\n[OUTFALLS]\nO1 60 FREE NO\n"
      "[CONDUITS]\nC1 J1 WW 300 0.004 0 38.7 0 0\nC2 WW O1 100 0.013 0 0 0 0\n"
      "[XSECTIONS]\nC1 CIRCULAR 4 0 0 0 1\nC2 CIRCULAR 1 0 0 0 1\n";
  const network::NetworkData net = network::build_network(inp::read_inp_text(text, "c8061.inp"));
  const pipe::Xsect& x = net.xsect[0];
  const pipe::ConduitParams& c = net.conduit[0];
  const pipe::XsectTables t = net.tables.view();
  constexpr double ft = 0.3048, cfs = ft * ft * ft;
  EXPECT_NEAR(c.beta * x.s_full / cfs, 8.523, 0.001);  // full-pipe Manning flow

  // from the full flow up to the largest (1.08 q_full) and beyond: the full depth
  for (double f : {1.0, 1.0001, 1.0009, 1.02, 1.0757, 1.079, 1.2})
    EXPECT_EQ(pipe::normal_depth(x, t, c.beta, f * c.beta * x.s_full), x.y_full) << f;
  // just below the full flow, the one root of the rising branch (0.82 D at 0.999 q_full)
  const double y999 = pipe::normal_depth(x, t, c.beta, 0.999 * c.beta * x.s_full);
  EXPECT_NEAR(y999 / x.y_full, 0.8196, 0.002);

  pipe::EndNode n1, n2;
  n1.invert = 112.3 * ft;
  n2.invert = 73.6 * ft;
  const double q = 8.55354527 * cfs, y1 = x.y_full, y2 = 3.42463315 * ft;
  const pipe::FlowClassResult fc =
      pipe::classify_flow(x, t, c, n1, n2, q, n1.invert + y1, n2.invert + c.offset2 + y2, y1, y2);
  EXPECT_EQ(fc.flow_class, pipe::kSubcritical);
  // SWMM's enumeration on its printed tables; ours reads the exact circle's rows (0.847352)
  EXPECT_NEAR(pipe::critical_depth(x, t, q) / ft, 0.847634393, 5e-4);
  EXPECT_NEAR(fc.fasnh, 0.182519074, 1e-4);
}

}  // namespace
