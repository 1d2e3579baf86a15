// Control-rule premises read what SWMM 5.2's rules read (controls.c, getVariableValue): a node's
// INFLOW is its lateral inflow (external, dry-weather, runoff), not the flow arriving by pipe.
#include <gtest/gtest.h>

#include <string>

#include "common/state_record.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

using namespace sf;

// J1 receives 0.05 m³/s from [INFLOWS] and drains by C1 into the wet well W, which receives
// nothing laterally. Pumps P1 (W -> O1) and P2 (W -> O2) start OFF; R1 switches P1 on when W's
// INFLOW exceeds 0.001, R2 switches P2 on when J1's INFLOW exceeds 0.04.
std::string network_with_rules() {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 00:30\n"
         "ROUTING_STEP 1\nVARIABLE_STEP 0\nREPORT_STEP 00:05:00\n"
         "[JUNCTIONS]\nJ1 1.0 2.0 0 0 0\n"
         "[STORAGE]\nW 0 4 0 FUNCTIONAL 0 0 50 0 0\n"
         "[OUTFALLS]\nO1 5 FREE NO\nO2 5 FREE NO\n"
         "[CONDUITS]\nC1 J1 W 100 0.013 0 0\n"
         "[XSECTIONS]\nC1 CIRCULAR 0.5 0 0 0\n"
         "[PUMPS]\nP1 W O1 PC OFF 0 0\nP2 W O2 PC OFF 0 0\n"
         "[CURVES]\nPC PUMP2 10 0.01\n"
         "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.05\n"
         "[CONTROLS]\n"
         "RULE R1\nIF NODE W INFLOW > 0.001\nTHEN PUMP P1 STATUS = ON\n"
         "RULE R2\nIF NODE J1 INFLOW > 0.04\nTHEN PUMP P2 STATUS = ON\n";
}

}  // namespace

TEST(RulePremises, NodeInflowIsTheLateralInflowAsInSwmm) {
  const inp::Model m = inp::read_inp_text(network_with_rules(), "rules.inp");
  network::NetworkEngine eng(m);
  const int w = eng.node_index("W"), p1 = eng.link_index("P1"), p2 = eng.link_index("P2");
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  // pipe flow has reached the wet well (its depth rose), yet its lateral inflow stayed 0
  EXPECT_GT(eng.node_depth(w), 0.05);
  EXPECT_EQ(eng.link_setting(p1), 0.0) << "R1 fired on the flow arriving by pipe";
  EXPECT_EQ(eng.link_setting(p2), 1.0) << "R2 did not fire on J1's external inflow";
}

// RULE_STEP: rules are evaluated only every RULE_STEP seconds, and the routing step lands on
// those times (SWMM routing.c). A rule due at 0.1 h acts at the first rule time after it.
TEST(RulePremises, RuleStepDelaysActionsToTheNextRuleTime) {
  auto run = [](const std::string& rule_step) {
    std::string inp = network_with_rules();
    inp.replace(inp.find("ROUTING_STEP 1\n"), 15, "ROUTING_STEP 7\nRULE_STEP " + rule_step + "\n");
    inp += "RULE R3\nIF SIMULATION TIME > 0.1\nTHEN PUMP P1 STATUS = ON\nPRIORITY 5\n";
    const inp::Model m = inp::read_inp_text(inp, "rule_step.inp");
    network::NetworkEngine eng(m);
    const int p1 = eng.link_index("P1");
    eng.start();
    while (eng.step()) {
    }
    for (const auto& a : eng.actions())
      if (a.link == p1 && a.setting == 1.0) return a.t;
    return -1.0;
  };
  // every 7 s step: the first step starting after 360 s starts at 364 s
  EXPECT_DOUBLE_EQ(run("00:00:00"), 364.0);
  // every 10 minutes: rules run at 0, 600, 1200 s, so the pump starts at 600 s
  EXPECT_DOUBLE_EQ(run("00:10:00"), 600.0);
}

namespace {

// US units: the outfall O1 has a FIXED stage 2 ft above its invert, so NODE O1 DEPTH is 2 ft at
// every step. Orifice OR1 (J1 -> O1) is set from the CONTROL curve CC of that depth.
std::string network_with_curve_rule(const std::string& premise) {
  return "[OPTIONS]\nFLOW_UNITS CFS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 00:10\n"
         "ROUTING_STEP 7\nVARIABLE_STEP 0\nREPORT_STEP 00:05:00\n"
         "[JUNCTIONS]\nJ1 100 6 0 0 0\n"
         "[OUTFALLS]\nO1 95 FIXED 97 NO\n"
         "[ORIFICES]\nOR1 J1 O1 SIDE 0 0.65 NO 0\n"
         "[XSECTIONS]\nOR1 CIRCULAR 1 0 0 0\n"
         "[CURVES]\nCC CONTROL 0 0\nCC 4 1\n"
         "[CONTROLS]\n"
         "RULE R1\nIF " +
         premise + "\nTHEN ORIFICE OR1 SETTING = CURVE CC\n";
}

double orifice_setting_after(const std::string& inp, double t) {
  const inp::Model m = inp::read_inp_text(inp, "curve.inp");
  network::NetworkEngine eng(m);
  eng.start();
  eng.step_until(t);
  return eng.link_setting(eng.link_index("OR1"));
}

}  // namespace

// SWMM's updateActionValue: SETTING = CURVE looks the curve up at the controller value of the
// last value comparison, in the file's units (2 ft here: setting 0.5, not 0.6096 m -> 0.1524).
TEST(RuleCurves, CurveActionReadsTheControllerValueInFileUnits) {
  EXPECT_NEAR(orifice_setting_after(network_with_curve_rule("NODE O1 DEPTH > 0"), 14.0), 0.5,
              1e-12);
}

// A premise of which SWMM gets a missing value is false and leaves the controller value alone;
// a time premise "=" does not set it either: here the last value comparison is the depth.
TEST(RuleCurves, MissingAndTimeEqualPremisesKeepTheControllerValue) {
  // OR1 has no STATUS in SWMM (missing): that premise is false and the controller value stays
  // 2 ft (were it OR1's setting 0, "= OFF" would hold and set it to 0); "<>" is a time test
  EXPECT_NEAR(
      orifice_setting_after(network_with_curve_rule("NODE O1 DEPTH > 0\nAND LINK OR1 STATUS = OFF\n"
                                                    "OR SIMULATION TIME <> 5:00"),
                            14.0),
      0.5, 1e-12);
  EXPECT_NEAR(orifice_setting_after(
                  network_with_curve_rule("NODE O1 DEPTH > 0\nAND SIMULATION TIME <> 5:00"), 14.0),
              0.5, 1e-12);
}

// SWMM's compareTimes: TIME = and CLOCKTIME = hold within half a routing step of the time.
TEST(RulePremises, TimeEqualsHoldsWithinHalfAStep) {
  std::string inp = network_with_rules();
  inp.replace(inp.find("ROUTING_STEP 1\n"), 15, "ROUTING_STEP 7\n");
  inp += "RULE R3\nIF SIMULATION TIME = 0.1\nTHEN PUMP P1 STATUS = ON\nPRIORITY 5\n";
  const inp::Model m = inp::read_inp_text(inp, "time_eq.inp");
  network::NetworkEngine eng(m);
  const int p1 = eng.link_index("P1");
  eng.start();
  while (eng.step()) {
  }
  double t_on = -1.0;
  for (const auto& a : eng.actions())
    if (a.link == p1 && a.setting == 1.0 && t_on < 0.0) t_on = a.t;
  // steps start at 357 and 364 s: 357 is within 3.5 s of 360
  EXPECT_DOUBLE_EQ(t_on, 357.0);
}

// TIMEOPEN counts from the step in which the link switched (SWMM routing.c); the switch times
// travel in checkpoints, so an engine continued from another's state switches P2 at the same
// time. P1 opens at 361 s (TIME > 0.1 h is first true at the step starting at 361 s), P2 when
// P1 has been open 5 minutes: at 661 s.
TEST(RulePremises, TimeOpenCountsFromTheSwitchAndSurvivesACheckpoint) {
  std::string inp = network_with_rules();
  inp = inp.substr(0, inp.find("[CONTROLS]\n")) +
        "[CONTROLS]\nRULE R1\nIF SIMULATION TIME > 0.1\nTHEN PUMP P1 STATUS = ON\n"
        "RULE R2\nIF PUMP P1 TIMEOPEN >= 0:05\nTHEN PUMP P2 STATUS = ON\n";
  const inp::Model m = inp::read_inp_text(inp, "timeopen.inp");
  network::NetworkEngine a(m), b(m);
  const int p2 = a.link_index("P2");
  a.start();
  while (a.time() < 500.0) ASSERT_TRUE(a.step());
  StateRecord record;
  a.save_state(record);
  EXPECT_TRUE(record.has("network_rule_time_last_set"));
  b.start();
  b.load_state(record);
  auto p2_on = [p2](network::NetworkEngine& e) {
    while (e.step()) {
    }
    for (const auto& act : e.actions())
      if (act.link == p2 && act.setting == 1.0) return act.t;
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(p2_on(a), 661.0);
  EXPECT_DOUBLE_EQ(p2_on(b), 661.0);
}
