// Critical depth of near-circular sections as EPA SWMM 5.2.4 computes it (getYcritEnum, 25
// depth steps, linear in the critical flow): pipe::critical_depth against values printed from
// SWMM's link_getYcrit while it ran the shared models pump_type1_wetwell (conduit 8061, a 4-ft
// circle) and subcatch_user1_cms (conduit 1, a 4.95-m circle, whose FREE outfall takes this
// depth). The exact root of A³/W = Q²/g, used before, is about twice SWMM's value at the low
// flows (0.0131 ft instead of 0.0066 ft at 0.0134 cfs).
#include <gtest/gtest.h>

#include <cmath>

#include "network/xsect_tables.hpp"
#include "pipe/critical_depth_swmm.hpp"
#include "pipe/transition_depths.hpp"

namespace {

using namespace sf;

constexpr double kFt = 0.3048, kCfs = kFt * kFt * kFt;

struct SwmmValue {
  double q_cfs, yc_ft;
};

void expect_swmm_values(double diameter_m, const SwmmValue* v, int n) {
  network::XsectTablePool pool;
  const pipe::Xsect x = network::circular_xsect(diameter_m, pool);
  ASSERT_TRUE(pipe::critical_depth_by_enumeration(x));
  for (int i = 0; i < n; ++i) {
    const double yc = pipe::critical_depth(x, pool.view(), v[i].q_cfs * kCfs) / kFt;
    // our circle table is integrated from the geometry, SWMM's is printed to 4-5 digits: 0.5 %
    EXPECT_NEAR(yc, v[i].yc_ft, 0.005 * v[i].yc_ft) << "q = " << v[i].q_cfs << " cfs";
  }
}

TEST(CriticalDepthSwmm, FourFootCircleMatchesSwmm524) {
  const SwmmValue v[] = {{0.0134028751, 0.00684755694}, {0.0494156337, 0.0252465506},
                         {0.113750823, 0.0581155333},   {0.391008129, 0.173422231},
                         {2.12980676, 0.412399409},     {6.97185445, 0.763438209},
                         {13.5416262, 1.07392958},      {22.971745, 1.41227528}};
  expect_swmm_values(4.0 * kFt, v, sizeof(v) / sizeof(v[0]));
}

TEST(CriticalDepthSwmm, OutletPipeOfUserOneMatchesSwmm524) {
  const SwmmValue v[] = {{0.433764278, 0.0270891948},
                         {0.571983824, 0.0357212017},
                         {0.866965214, 0.0541432081},
                         {0.98786729, 0.0616937144}};
  expect_swmm_values(4.95, v, sizeof(v) / sizeof(v[0]));
}

// Between two of the 25 steps the depth is linear in the critical flow, and on the steps it is
// the depth whose critical flow that is (both search directions).
TEST(CriticalDepthSwmm, LinearInCriticalFlowBetweenSteps) {
  network::XsectTablePool pool;
  const pipe::Xsect x = network::circular_xsect(1.0, pool);
  const pipe::XsectTables t = pool.view();
  const double dy = x.y_full / 25.0;
  for (int i = 1; i < 25; ++i) {
    const double q_lo = pipe::detail::critical_flow_at(x, t, (i - 1) * dy);
    const double q_hi = pipe::detail::critical_flow_at(x, t, i * dy);
    EXPECT_NEAR(pipe::critical_depth_enumerated(x, t, q_hi), i * dy, 1e-12) << i;
    const double q_mid = 0.25 * q_lo + 0.75 * q_hi;
    EXPECT_NEAR(pipe::critical_depth_enumerated(x, t, q_mid), (i - 0.25) * dy, 1e-12) << i;
  }
  // more than the critical flow when full: the full depth
  EXPECT_EQ(pipe::critical_depth_enumerated(x, t, 1e3), x.y_full);
}

// Which sections SWMM enumerates: near-circular ones; a wide trapezoid and the closed-form
// shapes keep the root.
TEST(CriticalDepthSwmm, OnlyNearCircularSectionsAreEnumerated) {
  network::XsectTablePool pool;
  EXPECT_TRUE(pipe::critical_depth_by_enumeration(network::circular_xsect(2.0, pool)));
  pipe::Xsect trapezoid;
  trapezoid.shape = pipe::Shape::Trapezoidal;
  trapezoid.y_full = 1.0;
  trapezoid.a_full = 6.0;  // e.g. 3 m bottom, side slopes 3:1
  EXPECT_FALSE(pipe::critical_depth_by_enumeration(trapezoid));
  // a trapezoid SWMM does enumerate gets the enumerated depth
  pipe::Xsect narrow = trapezoid;
  narrow.p0 = 0.5;  // bottom width
  narrow.p1 = 0.5;  // side slope
  narrow.w_max = 1.5;
  narrow.a_full = 1.0;
  ASSERT_TRUE(pipe::critical_depth_by_enumeration(narrow));
  EXPECT_DOUBLE_EQ(pipe::critical_depth(narrow, {}, 0.3),
                   pipe::critical_depth_enumerated(narrow, {}, 0.3));
}

// The network tabulates each enumerated section's 26 critical flows once (add_critical_flows);
// the enumeration must give exactly what it gives computing them on the fly.
TEST(CriticalDepthSwmm, TabulatedCriticalFlowsGiveTheSameDepthsBitForBit) {
  network::XsectTablePool pool;
  inp::Xsection egg;
  egg.shape = inp::XsectShape::Egg;
  egg.geom = {1.5, 0, 0, 0};
  for (const pipe::Xsect& built :
       {network::circular_xsect(0.8, pool), network::build_xsect(egg, nullptr, nullptr, pool)}) {
    ASSERT_GE(built.critical_flows, 0);
    pipe::Xsect on_the_fly = built;
    on_the_fly.critical_flows = -1;
    const auto t = pool.view();
    for (int i = 0; i <= pipe::kCriticalFlowSteps; ++i)
      EXPECT_EQ(t.rows[3 * built.critical_flows + i],
                pipe::detail::computed_critical_flow(on_the_fly, t, i));
    for (double q = 1e-6; q < 20.0; q *= 1.37)
      EXPECT_EQ(pipe::critical_depth_enumerated(built, t, q),
                pipe::critical_depth_enumerated(on_the_fly, t, q))
          << q;
  }
  // a rectangle has a closed form and no table
  inp::Xsection rect;
  rect.shape = inp::XsectShape::RectClosed;
  rect.geom = {1.0, 2.0, 0, 0};
  EXPECT_EQ(network::build_xsect(rect, nullptr, nullptr, pool).critical_flows, -1);
}

// The enumeration's first guess only picks where the search starts: the critical flows of the
// steps below the crown rise with depth in every enumerated shape, so any start finds the same
// bracket (the guess is computed as sqrt(sqrt()) rather than pow(, 1/4)).
TEST(CriticalDepthSwmm, CriticalFlowsRiseBelowTheCrownSoTheStartDoesNotMatter) {
  using S = inp::XsectShape;
  int enumerated = 0;
  for (S shape : {S::Circular, S::Egg, S::Horseshoe, S::HorizEllipse, S::VertEllipse, S::Arch,
                  S::BasketHandle, S::Gothic, S::Catenary, S::SemiElliptical, S::ModBasket}) {
    network::XsectTablePool pool;
    inp::Xsection xs;
    xs.shape = shape;
    xs.geom = {1.5, 1.2, 0.5, 0};
    const pipe::Xsect x = network::build_xsect(xs, nullptr, nullptr, pool);
    if (!pipe::critical_depth_by_enumeration(x)) continue;
    ++enumerated;
    const auto t = pool.view();
    for (int i = 1; i < pipe::kCriticalFlowSteps; ++i)
      EXPECT_GT(pipe::detail::computed_critical_flow(x, t, i),
                pipe::detail::computed_critical_flow(x, t, i - 1))
          << static_cast<int>(shape) << " step " << i;
  }
  EXPECT_GE(enumerated, 5);
}

}  // namespace
