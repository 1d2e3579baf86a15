// The demo sewer with subcatchments (network_runoff.inp of `spongeflow make-demo`, the network of
// cases/capacity-demo): one subcatchment per gully inlet covering exactly the cells that sized
// the pipes, and a runoff continuity error below 0.1 % under its design rain. With the sewer's
// 5-min WET_STEP the error was -0.92 % (SWMM 5.2.4: -0.919 %); docs/capacity.md.
#include <gtest/gtest.h>

#include <cmath>

#include "demo/urban_demo_network.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"
#include "runoff/runoff_model.hpp"

namespace {

using namespace sf;

TEST(DemoRunoffNetwork, SubcatchmentsCoverTheDrainedCellsAndRunoffBalances) {
  const couple::UrbanDemoNetwork net = couple::make_urban_demo_network();
  const inp::Model model = inp::read_inp_text(net.runoff_inp_text, "network_runoff.inp");
  double drained = 0.0, impervious = 0.0;
  int inlets = 0;
  for (const couple::SewerNode& n : net.layout.nodes)
    if (n.kind == couple::SewerNodeKind::Inlet && n.drained_area > 0.0) {
      drained += n.drained_area;
      impervious += n.drained_impervious_area;
      ++inlets;
    }
  ASSERT_EQ(static_cast<int>(model.subcatchments.size()), inlets);
  double area = 0.0, impervious_area = 0.0;
  for (const inp::Subcatchment& s : model.subcatchments) {
    area += s.area;
    impervious_area += s.area * s.frac_imperv;
    EXPECT_EQ(model.nodes[s.outlet_node].id, s.id.substr(2));  // S_<inlet> drains to <inlet>
  }
  // Areas are written in ha to 4 decimals (1 m2), shares in % to 2 decimals.
  EXPECT_NEAR(area, drained, 1.0 * inlets);
  EXPECT_NEAR(impervious_area, impervious, 1e-4 * drained);
  EXPECT_DOUBLE_EQ(model.options.wet_step_s, 60.0);

  network::NetworkEngine eng(model, "cpu");
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  const runoff::RunoffModel* r = eng.forcing().runoff();
  ASSERT_NE(r, nullptr);
  const runoff::RunoffTotals t = r->totals();
  EXPECT_NEAR(t.rainfall, 0.036 * area, 1e-6 * t.rainfall);  // 36 mm/h for one hour
  EXPECT_LT(std::fabs(t.continuity_error_pct()), 0.1) << t.continuity_error_pct();
  EXPECT_LT(std::fabs(eng.mass_balance().continuity_error_pct()), 0.5);
}

}  // namespace
