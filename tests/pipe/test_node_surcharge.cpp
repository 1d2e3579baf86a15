// EXTRAN surcharge onset of one node, trial by trial, against EPA SWMM 5.2.4's own numbers.
// The inputs and results below were printed from SWMM's setNodeDepth (dynwave.c) for node
// 03y46 of ../shared/swmm/cases/subcatch_user1_cms.inp in the routing step ending at 2440 s
// (converted to SI, 6 decimals): the node crosses its crown (0.6 m) in trial 1 and from then on
// each trial adds dQ / (sum dQ/dH + fading free-surface term) to the previous trial's depth; the
// term fades as exp(-15 f) and vanishes above 1.25 x the crown, so the changes grow (12.5, 16.4,
// 23.6, 39.5, 86.1, 338.5 mm) until MAX_TRIALS stops the step at 1.117 m. pipe::node_trial must
// give the same depth from the same inputs. See docs/validation/swmm.md ("Chaotic peaks").
#include <gtest/gtest.h>

#include <cmath>

#include "pipe/node_continuity.hpp"

namespace {

using namespace sf::pipe;

struct SwmmTrial {
  int trial;
  double y_last, y_new;    // depth before and after the trial [m]
  double inflow, outflow;  // [m³/s]
  double surf_area;        // summed free-surface area (before the minimum) [m²]
  double sumdqdh;          // [m²/s]
  double old_surf_area;    // last non-surcharged area entering the trial [m²]
};

// Step ending at 2440 s: y_old 0.587685 m, old net inflow 0.070258 m³/s, dt 5 s.
constexpr double kYOld = 0.587685, kOldNet = 0.070258, kDt = 5.0;
const SwmmTrial kTrials[] = {
    {1, 0.599974, 0.600267, 0.477865, 0.410190, 26.7839, 0.14783, 29.3800},
    {2, 0.600267, 0.612796, 0.476873, 0.410190, 37.5562, 0.14791, 26.7839},
    {3, 0.612796, 0.629180, 0.476872, 0.412469, 37.5553, 0.14809, 26.7839},
    {4, 0.629180, 0.652798, 0.476858, 0.414047, 37.5548, 0.14817, 26.7839},
    {5, 0.652798, 0.692277, 0.476426, 0.415641, 37.5542, 0.14822, 26.7839},
    {6, 0.692277, 0.778374, 0.475299, 0.417881, 37.5537, 0.14829, 26.7839},
    {7, 0.778374, 1.116825, 0.472495, 0.422267, 37.5530, 0.14840, 26.7839},
};

NodeParams node_03y46() {
  NodeParams p;
  p.kind = NodeKind::Junction;
  p.full_depth = 3.38;
  p.crown_depth = 0.6;  // conduit 48 (0.6 m) leaves at the invert
  return p;
}

TEST(NodeSurcharge, OnsetTrialsMatchSwmm524) {
  const NodeParams p = node_03y46();
  for (const SwmmTrial& t : kTrials) {
    SCOPED_TRACE(t.trial);
    NodeFlows f{t.inflow, t.outflow, t.surf_area, t.sumdqdh};
    NodeState s;
    s.y_old = kYOld;
    s.y_last = t.y_last;
    s.old_net_inflow = kOldNet;
    s.old_surf_area = t.old_surf_area;
    const NodeResult r = node_trial(p, CurveView{}, f, s, /*allow_ponding=*/false,
                                    /*extran=*/true, /*min_surf_area=*/12.566, t.trial,
                                    /*omega=*/0.5, kDt);
    // the printed inputs carry 6 decimals: 2e-5 m covers their rounding
    EXPECT_NEAR(r.depth, t.y_new, 2e-5);
    EXPECT_DOUBLE_EQ(r.overflow, 0.0);
    // the free-surface trial records its area for the surcharged ones that follow
    const double recorded = t.trial == 1 ? t.surf_area : t.old_surf_area;
    EXPECT_DOUBLE_EQ(r.old_surf_area, recorded);
  }
}

// A node just below its crown after trial 0 is still a free-surface node in trial 1, one just
// above it a surcharged one: 0.1 mm of depth decides which update the rest of the step uses.
// (SWMM's 03y46 ended trial 0 at 0.599974 m; spongeflow's, from a depth 0.09 mm higher at the
// start of the step, at 0.600064 m: one more surcharged trial, a 5 cm higher spike at 2440 s.)
TEST(NodeSurcharge, CrownCrossingSwitchesTheUpdate) {
  const NodeParams p = node_03y46();
  const SwmmTrial& t = kTrials[0];
  NodeFlows f{t.inflow, t.outflow, t.surf_area, t.sumdqdh};
  NodeState s;
  s.y_old = kYOld;
  s.old_net_inflow = kOldNet;
  s.old_surf_area = t.old_surf_area;
  s.y_last = 0.599974;  // below the crown: volume balance over the area, under-relaxed
  const double below = node_trial(p, CurveView{}, f, s, false, true, 12.566, 1, 0.5, kDt).depth;
  s.y_last = 0.600064;  // above it: dH = dQ / denominator from the previous trial's depth
  const double above = node_trial(p, CurveView{}, f, s, false, true, 12.566, 1, 0.5, kDt).depth;
  EXPECT_NEAR(below, 0.600267, 2e-5);
  const double dq = t.inflow - t.outflow;
  const double denom =
      t.sumdqdh + (t.old_surf_area / kDt - t.sumdqdh) * std::exp(-15.0 * (0.600064 - 0.6) / 0.6);
  EXPECT_NEAR(above, 0.600064 + dq / denom, 1e-12);
  EXPECT_GT(above - below, 0.01);  // 0.09 mm apart before, over 1 cm after one trial
}

}  // namespace
