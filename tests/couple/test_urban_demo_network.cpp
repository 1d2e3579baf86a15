// The urban demo sewer: it parses with our SWMM reader, follows its layout rules
// (docs/coupling.md), is deterministic, and runs standalone in the pipe engine with a closed mass
// balance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "demo/sewer_design.hpp"
#include "demo/urban_demo_network.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

using namespace sf;
using couple::SewerNodeKind;

/// One catchment and network for the whole suite (building the rasters takes a moment).
struct Demo {
  mesh::DemoOptions demo;
  mesh::DemoCatchment catchment = mesh::make_demo_catchment(demo);
  couple::UrbanNetworkOptions options;
  couple::UrbanDemoNetwork net = couple::make_urban_demo_network(catchment, demo, options);
};

const Demo& demo() {
  static const Demo d;  // read-only after construction
  return d;
}

TEST(UrbanDemoNetwork, ParsesWithOurReaderWithoutErrors) {
  std::vector<std::string> warnings;
  inp::Model m;
  ASSERT_NO_THROW(m = inp::read_inp_text(demo().net.inp_text, "urban_demo.inp", &warnings));
  for (const std::string& w : warnings) ADD_FAILURE() << "reader warning: " << w;
  EXPECT_EQ(m.options.flow_units, inp::FlowUnits::CMS);
  EXPECT_EQ(m.options.routing, inp::RoutingModel::DynWave);
  EXPECT_GE(m.conduits.size(), 50u);
  ASSERT_EQ(m.pumps.size(), 1u);
  EXPECT_EQ(m.pumps[0].kind, inp::PumpCurveKind::Type3);
  ASSERT_EQ(m.storages.size(), 1u);
  EXPECT_EQ(m.storages[0].shape, inp::StorageShape::Functional);
  ASSERT_EQ(m.outfalls.size(), 1u);
  for (const inp::Xsection& x : m.xsections) EXPECT_EQ(x.shape, inp::XsectShape::Circular);
  for (const inp::Node& n : m.nodes) EXPECT_EQ(m.map.coordinates.count(n.id), 1u) << n.id;
  EXPECT_FALSE(m.map.vertices.empty());  // the bend of the sewer into the wet well
}

TEST(UrbanDemoNetwork, NodesSitOnTheDemAndOnStreets) {
  const Demo& d = demo();
  const mesh::Raster& dem = d.catchment.dem;
  for (const couple::SewerNode& n : d.net.layout.nodes) {
    ASSERT_GE(n.cell, 0);
    EXPECT_DOUBLE_EQ(n.rim, dem.values[n.cell]) << n.id;
    if (n.kind == SewerNodeKind::Manhole || n.kind == SewerNodeKind::Inlet) {
      EXPECT_EQ(d.catchment.land_use.values[n.cell], double(mesh::LandUse::Road)) << n.id;
      EXPECT_NEAR(n.invert + n.max_depth, n.rim, 1e-9) << n.id;
    }
  }
  for (const couple::CouplingPoint& p : d.net.coupling_points) {
    const auto i = p.cell % dem.nx, j = p.cell / dem.nx;
    EXPECT_LE(std::fabs(p.x - dem.x_center(int(i))), 0.5 * dem.dx + 1e-9) << p.node_id;
    EXPECT_LE(std::fabs(p.y - dem.y_center(int(j))), 0.5 * dem.dx + 1e-9) << p.node_id;
  }
  // manholes at all 9 x 9 crossings, an inlet on every street segment that has road cells
  std::map<SewerNodeKind, int> count;
  for (const couple::SewerNode& n : d.net.layout.nodes) ++count[n.kind];
  EXPECT_EQ(count[SewerNodeKind::Manhole], 81);
  EXPECT_EQ(count[SewerNodeKind::Inlet], 9 * 10 + 9 * 9);
  EXPECT_EQ(count[SewerNodeKind::WetWell], 1);
  EXPECT_EQ(count[SewerNodeKind::Outfall], 1);
}

TEST(UrbanDemoNetwork, SewersFallHaveCoverAndGrowDownstream) {
  const Demo& d = demo();
  const auto& nodes = d.net.layout.nodes;
  const auto& o = d.options;
  int sewers = 0;
  for (const couple::SewerPipe& p : d.net.layout.pipes) {
    const double slope = (p.invert_up - p.invert_down) / p.length;
    EXPECT_GE(p.invert_up - nodes[p.from].invert, -1e-9) << p.id;  // offsets >= 0
    EXPECT_GE(p.invert_down - nodes[p.to].invert, -1e-9) << p.id;
    if (p.is_lead) {
      EXPECT_NEAR(slope, o.lead_slope, 1e-9) << p.id;
      continue;
    }
    ++sewers;
    EXPECT_GE(slope, o.min_slope - 1e-9) << p.id;
    EXPECT_LE(p.invert_up + p.diameter, nodes[p.from].rim - o.cover + 1e-9) << p.id;
    EXPECT_LE(p.invert_down + p.diameter, nodes[p.to].rim - o.cover + 1e-9) << p.id;
    EXPECT_GE(couple::manning_full_flow(p.diameter, o.manning_n, slope), p.design_flow) << p.id;
    for (const couple::SewerPipe& up : d.net.layout.pipes)
      if (up.to == p.from && !up.is_lead) {
        EXPECT_GE(p.diameter, up.diameter) << up.id << " -> " << p.id;
        EXPECT_GT(p.design_flow, up.design_flow) << up.id << " -> " << p.id;
        EXPECT_LE(p.invert_up + p.diameter, up.invert_down + up.diameter + 1e-9) << p.id;
      }
  }
  EXPECT_GE(sewers, 50);
  // the rational method over the whole street catchment: ~0.8 km² at C ~ 0.7 and 36 mm/h
  EXPECT_GT(d.net.layout.pump.design_flow, 4.0);
  EXPECT_LT(d.net.layout.pump.design_flow, 10.0);
}

TEST(UrbanDemoNetwork, IsDeterministic) {
  const Demo& d = demo();
  const couple::UrbanDemoNetwork again =
      couple::make_urban_demo_network(d.catchment, d.demo, d.options);
  EXPECT_EQ(again.inp_text, d.net.inp_text);
  EXPECT_EQ(couple::coupling_points_csv(again.coupling_points),
            couple::coupling_points_csv(d.net.coupling_points));
}

TEST(UrbanDemoNetwork, CouplingListNamesEveryInletManholeAndTheOutfall) {
  const Demo& d = demo();
  const std::string csv = couple::coupling_points_csv(d.net.coupling_points);
  EXPECT_EQ(csv.rfind("node_id,role,x,y\n", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 81 + 171 + 1);
  std::set<std::string> ids;
  for (const auto& p : d.net.coupling_points) ids.insert(p.node_id);
  EXPECT_EQ(ids.size(), d.net.coupling_points.size());
  EXPECT_EQ(ids.count("OUT_CHANNEL"), 1u);
  EXPECT_EQ(d.net.upstream_nodes.size(), 171u);  // every gully inlet, nothing else
}

TEST(UrbanDemoNetwork, RunsStandaloneWithContinuityBelowOnePercent) {
  couple::UrbanNetworkOptions options = demo().options;
  options.duration_s = 3.0 * 3600.0;
  const couple::UrbanDemoNetwork net =
      couple::make_urban_demo_network(demo().catchment, demo().demo, options);
  inp::Model m = inp::read_inp_text(net.inp_text, "urban_demo.inp");
  // 5 L/s into every gully inlet: 0.86 m³/s in all, about an eighth of the design flow
  const double q_inlet = 0.005;
  for (const std::string& id : net.upstream_nodes) {
    inp::ExternalInflow in;
    in.node = m.find_node(id);
    ASSERT_GE(in.node, 0) << id;
    in.constituent = "FLOW";
    in.baseline = q_inlet;
    m.inflows.push_back(in);
  }
  network::NetworkEngine engine(m, "cpu");
  engine.start();
  while (engine.step()) {
  }
  engine.finish();
  const network::MassBalance& mb = engine.mass_balance();
  const double inflow = q_inlet * double(net.upstream_nodes.size()) * options.duration_s;
  EXPECT_NEAR(mb.external_inflow, inflow, 1e-3 * inflow);
  EXPECT_GT(mb.external_outflow, 0.5 * inflow) << "the pump must lift most of it out";
  EXPECT_LT(mb.flooding, 1e-3 * inflow) << "a design-sized sewer must not flood at 1/8 load";
  EXPECT_LT(std::fabs(mb.continuity_error_pct()), 1.0);
  const network::NetworkStatistics st = engine.statistics();
  const int pump = engine.link_index("PS_PUMP");
  ASSERT_GE(pump, 0);
  EXPECT_GE(st.pump_startups.at(pump), 1);  // the wet well filled to the start level
  EXPECT_NEAR(st.pump_volume.at(pump), mb.external_outflow, 1e-6 * inflow);
}

}  // namespace
