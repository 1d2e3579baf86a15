// The 1D-2D coupled time loop (surface and network on the CPU or CUDA, or a small network on the
// CPU beside a CUDA surface): the surface grid leads with its CFL step, the sewer network
// sub-steps to the surface time after each surface step, and water crosses at the coupling points
// through the inlet laws of kernels/exchange/inlet_exchange.hpp, computed where both states live
// (kernels/exchange/exchange_kernels.hpp). Time-stepping choice and ledger: docs/coupling.md.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/exchange_runner.hpp"
#include "engine/simulation.hpp"
#include "exchange/inlet_exchange.hpp"
#include "network/network_engine.hpp"

namespace sf::couple {

/// One surface <-> network connection: a network node, the surface cell above it (j * nx + i)
/// and the inlet that links them. Several points may share a cell. With `outfall` set, the node
/// is a SWMM outfall whose discharge is poured onto the cell (the inlet is not used).
struct CouplingLink {
  int node = -1;
  std::int64_t cell = -1;
  InletParams<double> inlet;
  bool outfall = false;
};

/// Volumes (m^3) since the start of the coupled run. Exchange volumes are transfers inside the
/// system and cancel; they are listed to show how much water crossed.
struct CoupledBalance {
  // surface
  double surface_initial = 0, surface_final = 0;
  double rain = 0, boundary_inflow = 0, boundary_outflow = 0, source_inflow = 0, source_outflow = 0,
         infiltration = 0, other_surface_losses = 0;  // underdrain, evap, LID
  double surface_clamp = 0;  // water the surface's depth clamp added (VolumeBalance::clamp)
  // network
  double network_initial = 0, network_final = 0;
  double network_inflow = 0;      // dry-weather and external inflows of the .inp
  double outfall_outflow = 0;     // through uncoupled outfalls and withdrawals (leaves)
  double network_flood_lost = 0;  // flooding of uncoupled nodes (leaves the system)
  // exchange, as each side saw it
  double surface_to_network = 0;  // removed from the surface cells
  double network_received = 0;    // booked by the network (MassBalance::surface_inflow)
  double network_to_surface = 0;  // flooded volume taken from coupled nodes
  double surface_received = 0;    // added to the surface cells
  double outfall_to_surface = 0;  // discharged by coupled outfalls (as the network books it)
  double outfall_received = 0;    // of which added to the surface cells

  double total_in() const {
    return surface_initial + network_initial + rain + boundary_inflow + source_inflow +
           network_inflow + surface_clamp;
  }
  /// Water poured out by coupled outfalls stays in the system (it is on the surface), so it is
  /// not in outfall_outflow.
  double total_out() const {
    return surface_final + network_final + boundary_outflow + source_outflow + infiltration +
           other_surface_losses + outfall_outflow + network_flood_lost;
  }
  /// 100 * (in - out) / in (SWMM's definition); 0 when nothing entered.
  double continuity_error_pct() const {
    const double in = total_in();
    return in > 0 ? 100.0 * (in - total_out()) / in : 0.0;
  }
};

class CoupledSimulation {
 public:
  /// Takes both engines, not yet started; marks the coupled nodes (no ponding) and starts the
  /// network. The network's end time must cover the surface duration. A network on the CPU beside
  /// a CUDA surface is coupled through a copy of its node arrays on the device (node_mirror.hpp);
  /// `copy_node_arrays` forces that copy when both share a memory space (tests run the path on the
  /// CPU). A CUDA network beside a CPU surface is refused.
  CoupledSimulation(Simulation& surface, network::NetworkEngine& network,
                    std::vector<CouplingLink> links, bool copy_node_arrays = false);

  /// One surface step not past t_limit, the network brought to the same time; returns dt (s).
  double step(double t_limit);
  /// Steps until t (s since start).
  void advance_to(double t);
  double time() const { return surface_.time(); }
  CoupledBalance balance();
  /// Last exchange rate per link (m^3/s, > 0 surface -> network, before flooding is returned;
  /// 0 for outfall links). Read back from the exchange's memory on each call.
  const std::vector<double>& exchange_rates() const;

  // Checkpoints (docs/checkpoints.md). The surface's own state is Simulation::save_state's.
  /// The network's state, the exchange's and the exchanged totals (`coupler_totals`).
  void save_state(StateRecord& record) const;
  /// Takes back a save_state of the same case, after construction. Throws std::invalid_argument
  /// naming the entry that is missing or does not fit.
  void load_state(const StateRecord& record);

 private:
  couple::NodeArrays node_arrays();

  Simulation& surface_;
  network::NetworkEngine& network_;
  std::vector<CouplingLink> links_;
  std::vector<int> nodes_;          // distinct coupled nodes
  std::vector<std::size_t> order_;  // links in the exchange's (cell) order: index into links_
  std::unique_ptr<ExchangeRunner> exchange_;
  mutable std::vector<double> rate_;
  double surface_to_network_ = 0, network_to_surface_ = 0, surface_received_ = 0;
  double outfall_to_surface_ = 0, outfall_received_ = 0;
};

}  // namespace sf::couple
