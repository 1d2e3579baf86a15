// Subcatchments in a coupled run (docs/coupling.md, Subcatchments): a subcatchment outside the
// DEM loads its outlet node with the same SWMM runoff as in a network run of the same .inp, the
// coupled ledger closes with that runoff inside the network's inflow, and outlines lying on
// active cells are found with the share by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "couple/coupled_simulation.hpp"
#include "couple/network_placement.hpp"
#include "couple/subcatchment_overlap.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "runoff/runoff_model.hpp"

namespace {

using namespace sf;

constexpr double kGridRain = 30.0 / 3.6e6;  // 30 mm/h on the grid (m/s)

/// A flat, walled plane of nx x ny cells of 2 m at bed 0 under a constant rain.
SurfaceSetup rained_plane(int nx, int ny, double duration) {
  SurfaceSetup s;
  s.grid.nx = nx;
  s.grid.ny = ny;
  s.grid.dx = 2.0;
  const std::size_t n = std::size_t(nx) * ny;
  s.z.assign(n, 0.0);
  s.active.assign(n, 1);
  s.h0.assign(n, 0.0);
  s.roughness_uniform = 0.015;
  s.numerics.max_dt = 1.0;
  s.duration = duration;
  s.rain = TimeSeries::constant(kGridRain);
  s.track_event_stats = false;
  return s;
}

/// J1 (rim at the ground, coupled) drains by a 0.6 m pipe to a free outfall; a base flow keeps
/// the pipe from starting empty (SWMM's scheme loses ~0.3 % of what passes while filling empty
/// pipes, an error of the network the coupled ledger would show as its own). S1, 1 ha with its
/// outline far east of the grid, drains to J1 under 30 mm/h for 40 min from its own gage. The
/// network's end is past the surface's (the coupled run sets it so: app/coupled_run.cpp).
const char* kInp = R"([OPTIONS]
FLOW_UNITS CMS
FLOW_ROUTING DYNWAVE
INFILTRATION HORTON
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 01:10
ROUTING_STEP 1
WET_STEP 00:01:00
DRY_STEP 00:05:00
REPORT_STEP 00:01:00
[RAINGAGES]
G1 INTENSITY 0:40 1.0 TIMESERIES R
[TIMESERIES]
R 0:00 30
R 0:40 0
[SUBCATCHMENTS]
S1 G1 J1 1.0 50 100 1 0
[SUBAREAS]
S1 0.015 0.15 1 3 25 OUTLET
[INFILTRATION]
S1 40 5 3 5 0
[JUNCTIONS]
J1 -1.5 1.5 0 0 0
[OUTFALLS]
O1 -1.8 FREE NO
[CONDUITS]
C1 J1 O1 30 0.013 0 0 0.1 0
[XSECTIONS]
C1 CIRCULAR 0.6 0 0 0 1
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 0.1
[Polygons]
S1 500 0
S1 600 0
S1 600 100
S1 500 100
)";

/// The subcatchment's outflow at every runoff time the engine passed (s -> m³/s).
void record_runoff(const network::NetworkEngine& net, std::map<double, double>& series) {
  const runoff::RunoffModel* r = net.forcing().runoff();
  series[r->time()] = r->outflow(0);
}

TEST(CoupledSubcatchments, OutsideTheDemTheyLoadTheirNodeAsInANetworkRun) {
  const double T = 3600.0;
  const inp::Model model = inp::read_inp_text(kInp, "outside.inp");

  // the network alone
  network::NetworkEngine alone(model, "cpu");
  alone.start();
  std::map<double, double> runoff_alone;
  while (alone.time() < T - 1e-9 && alone.step_until(std::min(T, alone.time() + 1.0)))
    record_runoff(alone, runoff_alone);

  // coupled: J1 under the middle of a 20 m x 20 m rained plane
  network::NetworkEngine net(model, "cpu");
  const SurfaceSetup plane = rained_plane(10, 10, T);
  Simulation surface(plane, Backend::kCpu, Precision::kF64);
  couple::CouplingLink link;
  link.node = net.node_index("J1");
  link.cell = 5 * 10 + 5;
  link.inlet = couple::circular_inlet(0.0, 0.6);
  couple::CoupledSimulation sim(surface, net, {link});
  std::map<double, double> runoff_coupled;
  while (sim.time() < T) {
    sim.step(T);
    record_runoff(net, runoff_coupled);
  }

  // The runoff process does not see who routes: the same outflow at the same runoff times, bit
  // for bit, so the node receives the same nonlinear-reservoir inflow series.
  ASSERT_GT(runoff_alone.size(), 55u);
  EXPECT_EQ(runoff_coupled, runoff_alone);
  const runoff::RunoffTotals ta = alone.forcing().runoff()->totals();
  const runoff::RunoffTotals tc = net.forcing().runoff()->totals();
  EXPECT_EQ(tc.runoff, ta.runoff);
  // By hand: 30 mm/h for 40 min on 1 ha is 200 m³; half of it is impervious, so at least 100 m³
  // minus the depression storage (1 mm x 75 % of 0.5 ha) runs off.
  EXPECT_NEAR(tc.rainfall, 200.0, 1e-6);
  EXPECT_GT(tc.runoff, 100.0 - 3.75 - 1.0);
  EXPECT_LT(std::fabs(tc.continuity_error_pct()), 0.1);

  // The coupled ledger books the runoff in the network's inflow (the routing ledger's external
  // inflow): base flow plus runoff, to what the runoff clock ran ahead (< one 60 s step).
  const couple::CoupledBalance b = sim.balance();
  const double base = 0.1 * T;
  EXPECT_NEAR(b.network_inflow, base + tc.runoff, 0.01 * tc.runoff);
  EXPECT_NEAR(b.rain, kGridRain * T * 400.0, 1e-9 * b.rain);
  EXPECT_GT(b.surface_to_network, 0.5 * b.rain);  // the plane drains through J1
  EXPECT_LT(std::fabs(b.continuity_error_pct()), 0.1);
}

TEST(CoupledSubcatchments, OutlinesOnActiveCellsAreFoundWithTheirShare) {
  // 10 x 10 cells of 2 m from (0, 0); one cell under S_half is inactive.
  GridGeometry g;
  g.nx = 10;
  g.ny = 10;
  g.dx = 2.0;
  std::vector<double> z(100, 0.0);
  std::vector<unsigned char> active(100, 1);
  active[std::size_t(7) * 10 + 7] = 0;
  const couple::CouplingGrid grid{&g, &z, &active};
  const inp::Model model = inp::read_inp_text(
      "[OPTIONS]\nFLOW_UNITS CMS\nINFILTRATION HORTON\nEND_TIME 01:00\n[RAINGAGES]\nG1 INTENSITY "
      "0:05 1.0 "
      "TIMESERIES R\n[TIMESERIES]\nR 0:00 0\n[SUBCATCHMENTS]\nS_half G1 J1 0.04 50 20 1 0\n"
      "S_out G1 J1 1 50 100 1 0\nS_none G1 J1 1 50 100 1 0\n[SUBAREAS]\n"
      "S_half 0.015 0.15 1 3 25 OUTLET\nS_out 0.015 0.15 1 3 25 OUTLET\n"
      "S_none 0.015 0.15 1 3 25 OUTLET\n[INFILTRATION]\nS_half 40 5 3 5 0\nS_out 40 5 3 5 0\n"
      "S_none 40 5 3 5 0\n[JUNCTIONS]\nJ1 0 1 0 0 0\n[OUTFALLS]\nO1 -1 FREE NO\n"
      "[CONDUITS]\nC1 J1 O1 10 0.013 0 0 0 0\n[XSECTIONS]\nC1 CIRCULAR 0.3 0 0 0 1\n"
      "[Polygons]\nS_half 10 10\nS_half 30 10\nS_half 30 30\nS_half 10 30\n"
      "S_out 100 100\nS_out 120 100\nS_out 110 120\n",
      "overlap.inp");
  const auto found = couple::subcatchments_on_grid(model, grid);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "S_half");
  // outline 20 m x 20 m; on the grid the quarter 10..20 x 10..20 m: 25 cell centres, one of
  // them inactive: 24 x 4 m² = 96 m², 24 % of the outline
  EXPECT_DOUBLE_EQ(found[0].outline_area_m2, 400.0);
  EXPECT_DOUBLE_EQ(found[0].overlap_m2, 96.0);
  EXPECT_DOUBLE_EQ(found[0].share(), 0.24);
  const std::string w = couple::overlap_warning(found[0], "overlap.inp");
  EXPECT_NE(w.find("subcatchment S_half"), std::string::npos) << w;
  EXPECT_NE(w.find("24 % of its outline (96 of 400 m2)"), std::string::npos) << w;
}

}  // namespace
