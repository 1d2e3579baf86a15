// The device-resident 1D-2D exchange as the coupler sees it: an object made by the surface solver
// (SurfaceSolver::make_exchange) that runs the kernels of kernels/exchange/exchange_kernels.hpp on
// the solver's state in its own execution space, with the network's node arrays handed in as raw
// pointers (of the same memory space, or of the host when the layout says they are mirrored).
// Each call returns only summed volumes.
#pragma once

#include <cstdint>
#include <vector>

#include "common/state_record.hpp"
#include "exchange/exchange_kernels.hpp"
#include "exchange/inlet_exchange.hpp"

namespace sf::couple {

/// The coupling links as the exchange kernels use them, built once on the host: links sorted by
/// cell (CSR) and grouped by network node. See ExchangeView for the meaning of each array.
struct ExchangeLayout {
  // per coupled cell
  std::vector<std::int64_t> cell;
  std::vector<double> bed;
  std::vector<int> cell_begin;  // size cell.size() + 1
  // per link, in cell order
  std::vector<int> node, slot;
  std::vector<InletParams<double>> inlet;
  std::vector<unsigned char> outfall;
  std::vector<double> share;
  // per coupled node
  std::vector<int> slot_node, slot_begin, slot_link;
  // > 0 when the network's node arrays live in the other memory space (network and surface on
  // different backends): the runner then works on a copy of that many nodes (node_mirror.hpp).
  int mirrored_nodes = 0;
};

class ExchangeRunner {
 public:
  virtual ~ExchangeRunner() = default;
  /// Rates from the state at the start of a step of planned length dt (s), applied to the cells.
  virtual DrawSums draw(const NodeArrays& nodes, double dt) = 0;
  /// Writes each coupled node's inflow (m^3/s): the volume drawn divided by the actual step dt.
  virtual void set_node_inflow(const NodeArrays& nodes, double dt) = 0;
  /// Moves new flooding of coupled nodes and new outfall discharge onto the cells.
  virtual ReturnSums hand_back(const NodeArrays& nodes) = 0;
  /// Last limited rate per link, in layout order (m^3/s); a copy back, for diagnostics only.
  virtual std::vector<double> rates() const = 0;
  /// The per-link rates and moved volumes and the per-node flood flags and volumes already handed
  /// over, as entries `exchange_*` (checkpoints).
  virtual void save_state(StateRecord& record) const = 0;
  /// Takes back a save_state of the same layout; throws std::invalid_argument naming the entry.
  virtual void load_state(const StateRecord& record) = 0;
};

}  // namespace sf::couple
