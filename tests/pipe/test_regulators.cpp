// Weir, orifice and pump formulas against hand values.
#include <gtest/gtest.h>

#include <cmath>

#include "network/xsect_tables.hpp"
#include "pipe/pump.hpp"
#include "pipe/regulators.hpp"

namespace {

using namespace sf;

pipe::Xsect rect_open(double h, double w, network::XsectTablePool& pool) {
  inp::Xsection xs;
  xs.shape = inp::XsectShape::RectOpen;
  xs.geom = {h, w, 0, 0};
  return network::build_xsect(xs, nullptr, nullptr, pool);
}

TEST(Weir, TransverseFreeFlowIsCdLh15) {
  network::XsectTablePool pool;
  const pipe::Xsect x = rect_open(1.0, 3.0, pool);
  pipe::WeirParams w;
  w.cd = 1.84;
  const pipe::RegulatorFlow r = pipe::weir_flow(w, x, pool.view(), 1.0, 10.0, 10.4, 9.0, {});
  EXPECT_NEAR(r.q, 1.84 * 3.0 * std::pow(0.4, 1.5), 1e-12);
  EXPECT_NEAR(r.dqdh, 1.5 * r.q / 0.4, 1e-9);
}

TEST(Weir, EndContractionsAndSubmergence) {
  network::XsectTablePool pool;
  const pipe::Xsect x = rect_open(1.0, 3.0, pool);
  pipe::WeirParams w;
  w.cd = 1.84;
  w.end_contractions = 2;
  const double h = 0.5;
  const pipe::RegulatorFlow free = pipe::weir_flow(w, x, pool.view(), 1.0, 0.0, h, -1.0, {});
  EXPECT_NEAR(free.q, 1.84 * (3.0 - 0.1 * 2 * h) * std::pow(h, 1.5), 1e-12);
  // Villemonte: downstream head at half the upstream head above the crest
  const pipe::RegulatorFlow sub = pipe::weir_flow(w, x, pool.view(), 1.0, 0.0, h, 0.25, {});
  EXPECT_NEAR(sub.q, free.q * std::pow(1 - std::pow(0.5, 1.5), 0.385), 1e-12);
  // reverse flow runs the other way
  EXPECT_LT(pipe::weir_flow(w, x, pool.view(), 1.0, 0.0, -1.0, h, {}).q, 0.0);
}

TEST(Weir, VNotchIsCdSh25) {
  network::XsectTablePool pool;
  inp::Xsection xs;
  xs.shape = inp::XsectShape::Triangular;
  xs.geom = {1.0, 2.0, 0, 0};  // side slope 1
  const pipe::Xsect x = network::build_xsect(xs, nullptr, nullptr, pool);
  pipe::WeirParams w;
  w.kind = pipe::WeirKind::VNotch;
  w.cd = 1.38;
  w.side_slope = x.p1;
  const pipe::RegulatorFlow r = pipe::weir_flow(w, x, pool.view(), 1.0, 0.0, 0.5, -1.0, {});
  EXPECT_NEAR(r.q, 1.38 * 1.0 * std::pow(0.5, 2.5), 1e-12);
}

TEST(Orifice, SideOrificeFullyOpenFollowsTorricelli) {
  network::XsectTablePool pool;
  const pipe::Xsect x = network::circular_xsect(0.5, pool);
  pipe::OrificeParams o;
  o.cd = 0.65;
  o.eq_length = 60.0;
  pipe::orifice_coefficients(&o, x, pool.view(), 1.0);
  // free discharge: head to the centre line
  const double h1 = 3.0, crest = 1.0;
  const pipe::RegulatorFlow r =
      pipe::orifice_flow(o, x, pool.view(), 1.0, crest, h1, 0.0, 2.0, 0.0);
  const double a = M_PI * 0.25 * 0.25;
  EXPECT_NEAR(r.q, 0.65 * a * std::sqrt(2 * pipe::kGravity * (h1 - (crest + 0.25))), 1e-9);
  // below the crown it behaves as a weir and flows less
  const pipe::RegulatorFlow low =
      pipe::orifice_flow(o, x, pool.view(), 1.0, crest, 1.3, 0.0, 0.3, 0.0);
  EXPECT_GT(low.q, 0.0);
  EXPECT_LT(low.q, r.q);
  // flap gate stops reverse flow
  o.flap_gate = true;
  EXPECT_EQ(pipe::orifice_flow(o, x, pool.view(), 1.0, crest, 0.0, 3.0, 0.0, 2.0).q, 0.0);
}

TEST(Pump, CurveTypesAndIdeal) {
  const double xs[] = {0.5, 1.0, 2.0}, ys[] = {0.1, 0.2, 0.4};
  const pipe::CurveView c{xs, ys, 3};
  pipe::PumpParams p;
  p.x_min = 0.5;
  p.x_max = 2.0;
  pipe::PumpInlet in;
  in.depth = 1.5;
  p.kind = pipe::PumpKind::Type2;  // stepwise in depth
  EXPECT_DOUBLE_EQ(pipe::pump_flow(p, c, 1.0, in).q, 0.4);
  p.kind = pipe::PumpKind::Type4;  // continuous in depth
  EXPECT_NEAR(pipe::pump_flow(p, c, 1.0, in).q, 0.3, 1e-12);
  p.kind = pipe::PumpKind::Type3;  // head curve (here decreasing flow with head is not needed)
  in.lift = 1.0;
  EXPECT_NEAR(pipe::pump_flow(p, c, 1.0, in).q, 0.2, 1e-12);
  p.kind = pipe::PumpKind::Type5;  // affinity law at speed 1.2: 1.2 Q(h / 1.44)
  EXPECT_NEAR(pipe::pump_flow(p, c, 1.2, in).q, 1.2 * pipe::curve_lookup(c, 1.0 / 1.44), 1e-12);
  p.kind = pipe::PumpKind::Ideal;
  in.available = 0.33;
  EXPECT_DOUBLE_EQ(pipe::pump_flow(p, c, 1.0, in).q, 0.33);
  EXPECT_DOUBLE_EQ(pipe::pump_flow(p, c, 0.0, in).q, 0.0);
}

// A TYPE3 pump's dQ/dH past the end of its curve is 0, where the curve is flat (SWMM
// table_getSlope): the old end-segment slope kept pulling on the inlet node's continuity.
TEST(Pump, Type3SlopeIsZeroOffTheHighEndOfTheCurve) {
  const double heads[] = {1.0, 2.0, 4.0}, flows[] = {0.5, 0.4, 0.1};
  const pipe::CurveView c{heads, flows, 3};
  pipe::PumpParams p;
  p.kind = pipe::PumpKind::Type3;
  p.x_min = 1.0;
  p.x_max = 4.0;
  pipe::PumpInlet in;
  in.lift = 3.0;  // on the curve: slope of the 2-4 m segment, reversed
  EXPECT_NEAR(pipe::pump_flow(p, c, 1.0, in).dqdh, 0.15, 1e-12);
  in.lift = 0.5;  // below the first point: the first segment's
  EXPECT_NEAR(pipe::pump_flow(p, c, 1.0, in).dqdh, 0.1, 1e-12);
  in.lift = 5.0;  // past the last point: flat, last flow
  const pipe::RegulatorFlow r = pipe::pump_flow(p, c, 1.0, in);
  EXPECT_DOUBLE_EQ(r.q, 0.1);
  EXPECT_EQ(r.dqdh, 0.0);
  EXPECT_EQ(r.flow_class, pipe::kUpDry);
}

}  // namespace
