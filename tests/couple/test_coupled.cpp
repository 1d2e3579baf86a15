// The 1D-2D coupled loop on small cases whose volumes can be followed by hand: a manhole
// surcharging onto a flat plane, a flooded street draining through an inlet to an outfall, and
// an outfall pouring onto a plane. Built twice: test_coupled runs the CPU backend, and
// test_coupled_gpu (SF_COUPLED_GPU, label gpu) the CUDA backend, skipped without a device.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <ostream>
#include <string>
#include <vector>

#include "couple/coupled_simulation.hpp"
#include "couple/network_placement.hpp"
#include "engine/backend.hpp"
#include "inp/reader.hpp"

namespace {

using namespace sf;

struct Case {
  Backend backend;
  Precision precision;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << to_string(c.backend) << "_" << to_string(c.precision);
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  return to_string(info.param.backend) + "_" + to_string(info.param.precision);
}

#ifdef SF_COUPLED_GPU
const Case kCases[] = {{Backend::kCuda, Precision::kF64}, {Backend::kCuda, Precision::kF32}};
#else
const Case kCases[] = {{Backend::kCpu, Precision::kF64}, {Backend::kCpu, Precision::kF32}};
#endif

class Coupled : public testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (GetParam().backend == Backend::kCuda && !cuda_device_available())
      GTEST_SKIP() << "no CUDA device on this machine";
  }
  bool f64() const { return GetParam().precision == Precision::kF64; }
  /// A relative tolerance: `tight` in fp64, `loose` for fp32 surface depths.
  double tol(double tight, double loose) const { return f64() ? tight : loose; }
  Simulation surface(SurfaceSetup s) const {
    return Simulation(std::move(s), GetParam().backend, GetParam().precision);
  }
  std::string network_backend() const {
    return GetParam().backend == Backend::kCuda ? "cuda" : "cpu";
  }
};

/// A flat, walled plane of nx x ny cells of size dx at bed elevation 0, uniform depth h0.
SurfaceSetup flat_plane(int nx, int ny, double dx, double h0, double duration) {
  SurfaceSetup s;
  s.grid.nx = nx;
  s.grid.ny = ny;
  s.grid.dx = dx;
  const std::size_t n = std::size_t(nx) * ny;
  s.z.assign(n, 0.0);
  s.active.assign(n, 1);
  s.h0.assign(n, h0);
  s.roughness_uniform = 0.015;
  s.numerics.max_dt = 1.0;
  s.duration = duration;
  s.track_event_stats = false;
  return s;
}

/// Water on the surface from its depths (sum of h times the cell area), apart from the ledger.
double water_on_surface(Simulation& surface, const SurfaceSetup& s) {
  std::vector<std::int64_t> cells(std::size_t(s.grid.nx) * std::size_t(s.grid.ny));
  std::iota(cells.begin(), cells.end(), std::int64_t(0));
  std::vector<double> h;
  surface.solver().read_depths(cells, h);
  return std::accumulate(h.begin(), h.end(), 0.0) * s.grid.dx * s.grid.dx;
}

std::string options(int end_minutes) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 00:" +
         std::to_string(end_minutes) + ":00\nROUTING_STEP 1\nREPORT_STEP 00:01\n";
}

TEST_P(Coupled, SurfaceReadsDepthsAndAddsOrRemovesAtMostWhatIsThere) {
  Simulation surface = this->surface(flat_plane(4, 3, 2.0, 0.1, 10.0));
  SurfaceSolver& solver = surface.solver();
  const std::vector<std::int64_t> cells = {1, 5, 11};
  // +0.4 m³ adds 0.1 m on a 4 m² cell; -1 m³ empties a cell that holds 0.4 m³
  std::vector<double> applied;
  const double net = solver.add_volumes(cells, {0.4, -0.2, -1.0}, &applied);
  EXPECT_NEAR(applied[0], 0.4, 1e-6);
  EXPECT_NEAR(applied[1], -0.2, 1e-6);
  EXPECT_NEAR(applied[2], -0.4, 1e-6);
  EXPECT_NEAR(net, -0.2, 1e-6);
  std::vector<double> h;
  solver.read_depths(cells, h);
  EXPECT_NEAR(h[0], 0.2, 1e-6);
  EXPECT_NEAR(h[1], 0.05, 1e-6);
  EXPECT_EQ(h[2], 0.0);
  EXPECT_NEAR(solver.water_volume(), 12 * 0.4 - 0.2, 1e-5);
  EXPECT_NEAR(solver.exchange_volumes().added, 0.4, 1e-6);
  EXPECT_NEAR(solver.exchange_volumes().removed, 0.6, 1e-6);
}

TEST_P(Coupled, SurchargingManholeFloodsOntoAPlaneWithoutLosingWater) {
  // One manhole, rim at the ground (invert -2 m, max depth 2 m), 50 L/s in, no way out but up.
  // It starts full: a SWMM junction stores no volume of its own (its depth rises over the
  // minimum surface area, which the ledger does not book), so filling it would cost the
  // network's continuity what this test means to show is kept.
  const inp::Model model = inp::read_inp_text(options(40) +
                                                  "[JUNCTIONS]\nJ1 -2.0 2.0 2.0 0 0\n"
                                                  "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.05\n",
                                              "manhole.inp");
  network::NetworkEngine net(model, network_backend());
  const SurfaceSetup plane = flat_plane(21, 21, 2.0, 0.0, 1800.0);
  Simulation surface = this->surface(plane);
  couple::CouplingLink link;
  link.node = net.node_index("J1");
  link.cell = 10 * 21 + 10;
  link.inlet = couple::circular_inlet(0.0, 0.6);
  couple::CoupledSimulation sim(surface, net, {link});
  sim.advance_to(1800.0);

  const couple::CoupledBalance b = sim.balance();
  // the first step books half of the inflow's start-up (SWMM's trapezoidal ledger)
  EXPECT_NEAR(b.network_inflow, 0.05 * 1800.0, 0.05);
  // By hand, apart from the ledger: 50 L/s for 1800 s is 90 m³, and a manhole that is full from
  // start to end keeps none of it, so the depths on the plane add up to 90 m³.
  EXPECT_GE(net.node_depth(link.node), 2.0 - 1e-6);
  EXPECT_NEAR(water_on_surface(surface, plane), 0.05 * 1800.0, 0.1);
  EXPECT_NEAR(b.network_to_surface, 0.05 * 1800.0, 0.1);
  EXPECT_EQ(b.surface_to_network, 0.0);  // a full manhole takes nothing back
  // what left the network arrived on the surface, to round-off
  EXPECT_NEAR(b.surface_received, b.network_to_surface, tol(1e-12, 1e-5) * b.network_to_surface);
  EXPECT_NEAR(b.surface_final - b.surface_initial, b.network_to_surface,
              tol(1e-10, 1e-5) * b.network_to_surface);
  EXPECT_NEAR(b.network_final - b.network_initial, b.network_inflow - b.network_to_surface,
              1e-9 * b.network_inflow);
  EXPECT_LT(std::fabs(b.continuity_error_pct()), tol(1e-6, 1e-3));
}

TEST_P(Coupled, FloodedStreetDrainsThroughAnInletToAFreeOutfall) {
  // A 160 m x 40 m street under 10 cm of water (640 m³); one double gully inlet in the middle, a
  // 0.6 m pipe 30 m long at 1 % to a free outfall carrying a 0.2 m³/s base flow from the start.
  // The base flow keeps the pipe from starting empty: SWMM's scheme loses a volume of the order
  // of 0.3 % of what passes when it fills empty pipes (see test_network_small.cpp), a network
  // error the coupled ledger would show as its own.
  const inp::Model model =
      inp::read_inp_text(options(40) +
                             "[JUNCTIONS]\nJ1 -1.5 1.5 0 0 0\n[OUTFALLS]\nO1 -1.8 FREE NO\n"
                             "[CONDUITS]\nC1 J1 O1 30 0.013 0 0 0.2 0\n"
                             "[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\n"
                             "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.2\n",
                         "street.inp");
  network::NetworkEngine net(model, network_backend());
  const SurfaceSetup street = flat_plane(80, 20, 2.0, 0.1, 1800.0);
  Simulation surface = this->surface(street);
  couple::CouplingLink link;
  link.node = net.node_index("J1");
  link.cell = 10 * 80 + 40;
  link.inlet.rim_elevation = 0.0;
  link.inlet.perimeter = 4.0;  // two 0.5 m x 0.5 m grates side by side
  link.inlet.area = 0.3;
  couple::CoupledSimulation sim(surface, net, {link});
  sim.advance_to(1800.0);

  const couple::CoupledBalance b = sim.balance();
  const double drained = b.surface_initial - b.surface_final;
  EXPECT_GT(drained, 200.0);
  // the surface lost exactly what it handed to the network (less anything flooded back)
  EXPECT_NEAR(drained, b.surface_to_network - b.surface_received,
              tol(1e-9, 1e-5) * b.surface_initial);
  EXPECT_NEAR(b.network_received, b.surface_to_network, 1e-3 * b.surface_to_network);
  EXPECT_LT(std::fabs(b.continuity_error_pct()), 0.1);
  // By hand, apart from the ledger: the street held 160 m x 40 m x 0.1 m = 640 m³; what its
  // depths lost plus the 0.2 m³/s x 1800 s base flow left through the outfall, give or take what
  // the pipe holds more or less at the end than at the start (at most its full volume).
  EXPECT_NEAR(b.surface_initial, 640.0, tol(1e-9, 1e-5) * 640.0);
  const double drained_by_depths = 640.0 - water_on_surface(surface, street);
  EXPECT_NEAR(drained_by_depths, drained, tol(1e-9, 1e-5) * 640.0);
  const double pipe_full_m3 = std::acos(-1.0) * 0.3 * 0.3 * 30.0;
  EXPECT_NEAR(b.outfall_outflow, drained_by_depths + 0.2 * 1800.0, pipe_full_m3);
}

TEST_P(Coupled, OutfallPoursOntoAPlaneAndTheWaterStaysInTheSystem) {
  // A 50 m² wet well 2 m full, pumped at a constant 50 L/s into a free outfall coupled onto a
  // flat walled plane: all the network's water leaves through the outfall and arrives on the
  // surface. No conduits, so the network's own ledger is exact (a storage node books its volume
  // by the same trapezoid as the outflow) and the coupled continuity shows the hand-over alone.
  const inp::Model model = inp::read_inp_text(
      options(40) +
          "[STORAGE]\nW -3.0 4 2.0 FUNCTIONAL 0 0 50 0 0\n[OUTFALLS]\nO1 0.0 FREE NO\n"
          "[PUMPS]\nP1 W O1 PC ON 0 0\n[CURVES]\nPC PUMP2 5.0 0.05\n",
      "outfall.inp");
  network::NetworkEngine net(model, network_backend());
  const SurfaceSetup plane = flat_plane(21, 21, 2.0, 0.0, 1800.0);
  Simulation surface = this->surface(plane);
  couple::CouplingLink link;
  link.node = net.node_index("O1");
  link.cell = 10 * 21 + 4;
  link.outfall = true;
  couple::CoupledSimulation sim(surface, net, {link});
  sim.advance_to(1800.0);

  const couple::CoupledBalance b = sim.balance();
  EXPECT_NEAR(b.outfall_to_surface, 0.05 * 1800.0, 0.1);  // the pump ran all along
  EXPECT_NEAR(b.outfall_received, b.outfall_to_surface, tol(1e-12, 1e-5) * b.outfall_to_surface);
  EXPECT_NEAR(b.surface_final - b.surface_initial, b.outfall_to_surface,
              tol(1e-10, 1e-5) * b.outfall_to_surface);
  EXPECT_NEAR(b.network_initial - b.network_final, b.outfall_to_surface,
              1e-9 * b.outfall_to_surface);
  EXPECT_NEAR(b.outfall_outflow, 0.0, 1e-9 * b.outfall_to_surface);  // nothing left the system
  EXPECT_EQ(b.network_to_surface, 0.0);
  EXPECT_EQ(b.surface_to_network, 0.0);
  // the network's per-outfall statistic (end-of-step rates) agrees to the ledger's trapezoid
  const network::NetworkStatistics st = net.statistics();
  EXPECT_NEAR(st.outfall_volume[std::size_t(link.node)], b.outfall_to_surface,
              1e-3 * b.outfall_to_surface);
  EXPECT_EQ(sim.exchange_rates(), std::vector<double>(1, 0.0));  // no inlet law at an outfall
  EXPECT_LT(std::fabs(b.continuity_error_pct()), tol(1e-6, 1e-3));
  // By hand, apart from the ledger: the well held 50 m² x 2 m = 100 m³; 50 L/s for 1800 s takes
  // 90 m³ out, leaving 10 m³, 0.2 m deep, and puts 90 m³ on the plane.
  EXPECT_NEAR(b.network_initial, 100.0, 1e-9);
  EXPECT_NEAR(net.node_depth(net.node_index("W")), 0.2, 2e-3);
  EXPECT_NEAR(water_on_surface(surface, plane), 90.0, 0.1);
}

TEST_P(Coupled, InletsSharingACellShareItsWaterAndAnOutfallNeedsAnOutfallNode) {
  // Two wide inlets in one cell holding 1 mm (4 L), each into an empty junction draining to its
  // free outfall: together they could take far more in a step than the cell holds.
  const inp::Model model = inp::read_inp_text(
      options(5) +
          "[JUNCTIONS]\nJ1 -1.5 1.5 0 0 0\nJ2 -1.5 1.5 0 0 0\n"
          "[OUTFALLS]\nO1 -1.8 FREE NO\nO2 -1.8 FREE NO\n"
          "[CONDUITS]\nC1 J1 O1 30 0.013 0 0 0 0\nC2 J2 O2 30 0.013 0 0 0 0\n"
          "[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\nC2 CIRCULAR 0.6 0 0 0 1\n",
      "shared.inp");
  network::NetworkEngine net(model, network_backend());
  Simulation surface = this->surface(flat_plane(5, 5, 2.0, 0.001, 300.0));
  couple::CouplingLink a;
  a.node = net.node_index("J1");
  a.cell = 12;
  a.inlet.perimeter = 40.0;
  a.inlet.area = 10.0;
  couple::CouplingLink b = a;
  b.node = net.node_index("J2");
  {
    couple::CouplingLink wrong = a;
    wrong.outfall = true;  // J1 is a junction
    network::NetworkEngine other(model, network_backend());
    EXPECT_THROW(couple::CoupledSimulation(surface, other, {wrong}), std::invalid_argument);
  }
  couple::CoupledSimulation sim(surface, net, {a, b});
  const double dt = sim.step(300.0);
  const std::vector<double> q = sim.exchange_rates();
  ASSERT_EQ(q.size(), 2u);
  EXPECT_GT(q[0], 0.0);
  EXPECT_NEAR(q[0], q[1], 1e-12 * q[0]);  // equal inlets share equally
  // the planned step equals dt here (no rain field): together they took the cell's water
  EXPECT_NEAR((q[0] + q[1]) * dt, 0.001 * 4.0, tol(1e-12, 1e-6));
  EXPECT_NEAR(sim.balance().surface_to_network, 0.001 * 4.0, tol(1e-12, 1e-6));
}

TEST_P(Coupled, NetworkNodesCopiedAcrossMemorySpacesGiveTheSameRun) {
  // A street draining through an inlet, a surcharging manhole flooding back and an outfall
  // pouring onto the plane: every exchange pass reads or writes the node arrays. The run with the
  // network's nodes copied into the surface's memory space (node_mirror.hpp: a small network on
  // the CPU beside a CUDA surface) must equal the run that reads them in place: bit for bit on
  // the CPU, where the copy is forced; to round-off between a CPU and a CUDA network on a GPU.
  const inp::Model model = inp::read_inp_text(
      options(10) +
          "[JUNCTIONS]\nJ1 -1.5 1.5 0 0 0\nJ2 -2.0 2.0 2.0 0 0\n[OUTFALLS]\nO1 -1.8 FREE NO\n"
          "[CONDUITS]\nC1 J1 O1 30 0.013 0 0 0.2 0\n[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\n"
          "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.2\nJ2 FLOW \"\" FLOW 1.0 1.0 0.05\n",
      "mirror.inp");
  struct Run {
    couple::CoupledBalance balance;
    std::vector<double> depth;
  };
  auto run = [&](const std::string& network_backend, bool copy) {
    network::NetworkEngine net(model, network_backend);
    Simulation surface = this->surface(flat_plane(40, 20, 2.0, 0.1, 600.0));
    couple::CouplingLink inlet;
    inlet.node = net.node_index("J1");
    inlet.cell = 10 * 40 + 10;
    inlet.inlet.perimeter = 4.0;
    inlet.inlet.area = 0.3;
    couple::CouplingLink manhole;
    manhole.node = net.node_index("J2");
    manhole.cell = 10 * 40 + 30;
    manhole.inlet = couple::circular_inlet(0.0, 0.6);
    couple::CouplingLink outfall;
    outfall.node = net.node_index("O1");
    outfall.cell = 5 * 40 + 20;
    outfall.outfall = true;
    couple::CoupledSimulation sim(surface, net, {inlet, manhole, outfall}, copy);
    sim.advance_to(600.0);
    return Run{sim.balance(), surface.snapshot(0).depth};
  };
  const Run direct = run(network_backend(), false);
  EXPECT_GT(direct.balance.surface_to_network, 10.0);
  EXPECT_GT(direct.balance.network_to_surface, 10.0);
  EXPECT_GT(direct.balance.outfall_to_surface, 10.0);
  if (GetParam().backend == Backend::kCpu) {
    const Run copied = run("cpu", true);
    EXPECT_EQ(copied.depth, direct.depth);
    EXPECT_EQ(copied.balance.surface_to_network, direct.balance.surface_to_network);
    EXPECT_EQ(copied.balance.network_to_surface, direct.balance.network_to_surface);
    EXPECT_EQ(copied.balance.outfall_to_surface, direct.balance.outfall_to_surface);
    EXPECT_EQ(copied.balance.network_final, direct.balance.network_final);
  } else {
    const Run beside = run("cpu", false);  // copied because the memory spaces differ
    const double rel = tol(1e-9, 1e-4);
    EXPECT_NEAR(beside.balance.surface_to_network, direct.balance.surface_to_network,
                rel * direct.balance.surface_to_network);
    EXPECT_NEAR(beside.balance.network_to_surface, direct.balance.network_to_surface,
                rel * direct.balance.network_to_surface);
    EXPECT_NEAR(beside.balance.outfall_to_surface, direct.balance.outfall_to_surface,
                rel * direct.balance.outfall_to_surface);
    EXPECT_LT(std::fabs(beside.balance.continuity_error_pct()), tol(1e-6, 1e-3));
  }
}

#ifndef SF_COUPLED_GPU  // host logic only: once, in the CPU build
TEST(NetworkPlacement, SmallNetworksStayOnTheCpuBesideACudaSurface) {
  using couple::NetworkPlacement;
  const int at = couple::kNetworkLinksOnGpu;
  EXPECT_EQ(couple::choose_network_backend(Backend::kCuda, at - 1, NetworkPlacement::kAuto).backend,
            "cpu");
  EXPECT_EQ(couple::choose_network_backend(Backend::kCuda, at, NetworkPlacement::kAuto).backend,
            "cuda");
  EXPECT_EQ(
      couple::choose_network_backend(Backend::kCpu, 100 * at, NetworkPlacement::kAuto).backend,
      "cpu");
  EXPECT_EQ(couple::choose_network_backend(Backend::kCuda, 1, NetworkPlacement::kCuda).backend,
            "cuda");
  EXPECT_EQ(
      couple::choose_network_backend(Backend::kCuda, 100 * at, NetworkPlacement::kCpu).backend,
      "cpu");
  EXPECT_THROW(couple::choose_network_backend(Backend::kCpu, 10, NetworkPlacement::kCuda),
               std::invalid_argument);
  EXPECT_EQ(couple::parse_network_placement("gpu"), NetworkPlacement::kCuda);
  EXPECT_THROW(couple::parse_network_placement("fpga"), std::invalid_argument);
}
#endif

INSTANTIATE_TEST_SUITE_P(Backends, Coupled, testing::ValuesIn(kCases), case_name);

}  // namespace
