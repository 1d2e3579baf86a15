// The state a run starts from, against values printed from EPA SWMM 5.2.4 (runswmm built with a
// print of its transect tables, initial link depths and first-step node depths): the hydraulic
// radius of an irregular transect, the normal depth of an initial flow in it, and the first
// step of a node whose conduit carries an initial flow.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "inp/reader.hpp"
#include "network/network_engine.hpp"
#include "network/xsect_tables.hpp"
#include "pipe/transition_depths.hpp"

namespace {

using namespace sf;

constexpr double kFt = 0.3048;  // m per ft

// Transect 91 of SWMM's EXTRAN example 8 (extran8.inp): HEC-2 stations and elevations in ft,
// one roughness 0.04, banks at 50 and 110 ft.
inp::Transect extran8_transect_91() {
  inp::Transect tr;
  tr.id = "91";
  tr.n_left = tr.n_right = tr.n_channel = 0.04;
  tr.bank_left = 50.0 * kFt;
  tr.bank_right = 110.0 * kFt;
  for (double s : {0.0, 50.0, 55.0, 100.0, 110.0, 150.0}) tr.station.push_back(s * kFt);
  for (double z : {5.0, 4.0, 1.0, 0.0, 3.0, 5.0}) tr.elevation.push_back(z * kFt);
  return tr;
}

// SWMM sums a transect's conveyance with 1.486 and takes its radius back out with 1.49
// (transect.c), so its full radius is (1.486/1.49)^1.5 of the composite-roughness radius
// (2.081374 ft here). The full radius and the normal depth of conduit 10081's initial 20 cfs are
// SWMM's: Transect[0].rFull, and Link[10081].newDepth after conduit_initState (SWMM's Newton on
// its tables stops within 1.3e-10 ft of the root here).
TEST(InitialStateSwmm, TransectRadiusAndNormalDepthAreSwmms) {
  network::XsectTablePool pool;
  const inp::Transect tr = extran8_transect_91();
  inp::Xsection irr;
  irr.shape = inp::XsectShape::Irregular;
  const pipe::Xsect x = network::build_xsect(irr, nullptr, &tr, pool);
  EXPECT_NEAR(x.a_full / (kFt * kFt), 315.0, 1e-9);
  EXPECT_NEAR(x.r_full / kFt, 2.0729982353266, 1e-9);
  // the depth of section factor Q/beta = 20 cfs / Conduit[10081].beta (ft^(8/3)); SWMM's beta
  // holds its Manning constant 1.486, not 1/0.3048^(1/3) = 1.485919, so the section factor is
  // given here rather than a flow
  const double s = 20.0 / 1.17478644444927 * std::pow(kFt, 8.0 / 3.0);
  EXPECT_NEAR(pipe::depth_of_section_factor(x, pool.view(), s) / kFt, 1.03703679005, 1e-9);
}

// One 3-ft circle of 1000 ft from J1 to J2 and one from J2 to a free outfall, each with an
// initial flow of 10 cfs, and 10 cfs of dry-weather flow into J1: a steady start. SWMM's nodes
// start with the links' initial flows as inflow and outflow (flowrout.c, initNodes), so J1's
// net inflow before the first step is -10 cfs and its first step moves it by -0.00166876 ft;
// started from a net inflow of zero it stayed where it was (4e-12 ft). (The depths themselves
// differ from SWMM's by 2e-4 ft: SWMM takes a circle's normal depth from the linear inverse of its
// section-factor table, we from the root on the geometry.)
TEST(InitialStateSwmm, FirstStepStartsFromTheInitialFlows) {
  const std::string text =
      "[OPTIONS]\nFLOW_UNITS CFS\nFLOW_ROUTING DYNWAVE\nLINK_OFFSETS DEPTH\n"
      "START_DATE 01/01/2002\nSTART_TIME 00:00:00\nEND_DATE 01/01/2002\nEND_TIME 00:10:00\n"
      "REPORT_STEP 00:01:00\nROUTING_STEP 20\n"
      "[JUNCTIONS]\nJ1 100 10 0 0 0\nJ2 99 10 0 0 0\n[OUTFALLS]\nO1 98 FREE NO\n"
      "[CONDUITS]\nC1 J1 J2 1000 0.015 0 0 10 0\nC2 J2 O1 1000 0.015 0 0 10 0\n"
      "[XSECTIONS]\nC1 CIRCULAR 3 0 0 0 1\nC2 CIRCULAR 3 0 0 0 1\n[DWF]\nJ1 FLOW 10\n";
  const inp::Model m = inp::read_inp_text(text, "first_step.inp");
  network::NetworkEngine eng(m);
  eng.start();
  const int j1 = eng.node_index("J1"), j2 = eng.node_index("J2");
  const double y1 = eng.node_depth(j1), y2 = eng.node_depth(j2);
  ASSERT_TRUE(eng.step());
  // SWMM 5.2.4: J1 1.58302482628 -> 1.58135606596 ft, J2 1.58302482628 -> 1.58342978858 ft
  EXPECT_NEAR((eng.node_depth(j1) - y1) / kFt, 1.58135606596 - 1.58302482628, 1e-6);
  EXPECT_NEAR((eng.node_depth(j2) - y2) / kFt, 1.58342978858 - 1.58302482628, 1e-6);
}

}  // namespace
