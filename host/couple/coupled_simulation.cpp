#include "couple/coupled_simulation.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace sf::couple {

namespace {

/// The links in cell order, grouped by node: what the exchange kernels walk. order[p] is the
/// index in `links` of the link at position p.
ExchangeLayout make_layout(const std::vector<CouplingLink>& links, const std::vector<int>& nodes,
                           const SurfaceSetup& s, std::vector<std::size_t>& order) {
  order.resize(links.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return links[a].cell < links[b].cell; });
  ExchangeLayout x;
  std::vector<int> of_kind(nodes.size() * 2, 0);  // links per (slot, outfall)
  for (std::size_t p = 0; p < order.size(); ++p) {
    const CouplingLink& l = links[order[p]];
    if (x.cell.empty() || x.cell.back() != l.cell) {
      x.cell.push_back(l.cell);
      x.bed.push_back(s.z[std::size_t(l.cell)]);
      x.cell_begin.push_back(int(p));
    }
    const int slot = int(std::lower_bound(nodes.begin(), nodes.end(), l.node) - nodes.begin());
    x.node.push_back(l.node);
    x.slot.push_back(slot);
    x.inlet.push_back(l.inlet);
    x.outfall.push_back(l.outfall ? 1 : 0);
    ++of_kind[std::size_t(slot) * 2 + (l.outfall ? 1 : 0)];
  }
  x.cell_begin.push_back(int(order.size()));
  for (std::size_t p = 0; p < order.size(); ++p)
    x.share.push_back(1.0 / of_kind[std::size_t(x.slot[p]) * 2 + x.outfall[p]]);
  x.slot_node = nodes;
  x.slot_begin.assign(nodes.size() + 1, 0);
  for (int slot : x.slot) ++x.slot_begin[std::size_t(slot) + 1];
  for (std::size_t k = 0; k < nodes.size(); ++k) x.slot_begin[k + 1] += x.slot_begin[k];
  x.slot_link.resize(order.size());
  std::vector<int> fill(x.slot_begin.begin(), x.slot_begin.end() - 1);
  for (std::size_t p = 0; p < order.size(); ++p) x.slot_link[fill[x.slot[p]]++] = int(p);
  return x;
}

}  // namespace

CoupledSimulation::CoupledSimulation(Simulation& surface, network::NetworkEngine& network,
                                     std::vector<CouplingLink> links, bool copy_node_arrays)
    : surface_(surface), network_(network), links_(std::move(links)) {
  const SurfaceSetup& s = surface_.setup();
  const std::int64_t n_cells = std::int64_t(s.grid.nx) * s.grid.ny;
  const network::NetworkData& net = network_.network();
  const int n_nodes = net.node_count();
  for (const CouplingLink& l : links_) {
    if (l.node < 0 || l.node >= n_nodes)
      throw std::invalid_argument("coupling link: node " + std::to_string(l.node) +
                                  " is not in the network");
    if (l.cell < 0 || l.cell >= n_cells || !s.active[std::size_t(l.cell)])
      throw std::invalid_argument("coupling link: cell " + std::to_string(l.cell) +
                                  " is not an active surface cell");
    if (l.outfall && net.node[std::size_t(l.node)].kind != pipe::NodeKind::Outfall)
      throw std::invalid_argument("coupling link: node " + std::to_string(l.node) +
                                  " is marked outfall but is not an outfall node");
    nodes_.push_back(l.node);
  }
  std::sort(nodes_.begin(), nodes_.end());
  nodes_.erase(std::unique(nodes_.begin(), nodes_.end()), nodes_.end());
  network_.set_coupled_nodes(nodes_);
  network_.start();
  const bool surface_on_device = surface_.solver().backend() == Backend::kCuda;
  const bool network_on_device = network_.coupling_arrays().on_device;
  if (network_on_device && !surface_on_device)
    throw std::invalid_argument(
        "a coupled run cannot put the network on the GPU beside a surface on the CPU (surface " +
        to_string(surface_.solver().backend()) + ", network " + network_.backend_name() + ")");
  ExchangeLayout layout = make_layout(links_, nodes_, s, order_);
  if (copy_node_arrays || network_on_device != surface_on_device) layout.mirrored_nodes = n_nodes;
  exchange_ = surface_.solver().make_exchange(layout);
  rate_.assign(links_.size(), 0.0);
}

NodeArrays CoupledSimulation::node_arrays() {
  return network_.coupling_arrays().nodes;
}

double CoupledSimulation::step(double t_limit) {
  const double dt_plan = surface_.planned_dt(t_limit);
  const NodeArrays nodes = node_arrays();

  // 1. Exchange rates from the state at the start of the step (explicit coupling), applied to
  //    the cells at once, on the device; only the summed volumes come back.
  const DrawSums drawn = exchange_->draw(nodes, dt_plan);
  surface_to_network_ -= drawn.net;
  // Water added through lids can only speed up the cells it went into; the CFL bound must see it.
  if (drawn.added > 0) surface_.raise_wave_speed(drawn.speed);

  // 2. The surface step; a rain field may cut it shorter than planned, so the network's inflow
  //    uses the actual length and still moves exactly the volumes taken above.
  const double dt = surface_.advance_step(t_limit);
  exchange_->set_node_inflow(nodes, dt);

  // 3. The network sub-steps with its own step to the surface time.
  if (!network_.step_until(surface_.time()))
    throw std::runtime_error("the network's end time (" + std::to_string(network_.time()) +
                             " s) is before the coupled run's time " +
                             std::to_string(surface_.time()) + " s");

  // 4. Flooding of coupled nodes and discharge of coupled outfalls go to their cells.
  const ReturnSums back = exchange_->hand_back(node_arrays());
  network_to_surface_ += back.flood_taken;
  surface_received_ += back.flood_received;
  outfall_to_surface_ += back.outfall_taken;
  outfall_received_ += back.outfall_received;
  if (back.flood_received + back.outfall_received > 0) surface_.raise_wave_speed(back.speed);
  return dt;
}

void CoupledSimulation::advance_to(double t) {
  while (time() < t) step(t);
}

const std::vector<double>& CoupledSimulation::exchange_rates() const {
  const std::vector<double> by_cell = exchange_->rates();
  for (std::size_t p = 0; p < order_.size(); ++p) rate_[order_[p]] = by_cell[p];
  return rate_;
}

CoupledBalance CoupledSimulation::balance() {
  CoupledBalance c;
  const VolumeBalance b = surface_.balance();
  c.surface_initial = b.initial_volume;
  c.surface_final = b.final_volume;
  c.rain = b.rain;
  c.boundary_inflow = b.boundary_inflow;
  c.boundary_outflow = b.boundary_outflow;
  c.source_inflow = b.source_inflow;
  c.source_outflow = b.source_outflow;
  c.infiltration = b.infiltration;
  c.other_surface_losses = b.underdrain + b.evaporation + b.lid_storage_change;
  c.surface_clamp = b.clamp;
  const network::MassBalance& m = network_.mass_balance();
  c.network_initial = m.initial_storage;
  c.network_final = network_.storage_volume();
  c.network_inflow = m.dry_weather_inflow + m.external_inflow;
  // Coupled outfalls pour onto the surface: their discharge, booked by the network exactly as
  // its ledger books the outflow, stays in the system.
  c.outfall_outflow = m.external_outflow - outfall_to_surface_;
  // Flooding of uncoupled nodes leaves the system; coupled nodes hand theirs to the surface.
  const network::NetworkStatistics st = network_.statistics();
  for (std::size_t i = 0; i < st.node_flood_volume.size(); ++i)
    if (!std::binary_search(nodes_.begin(), nodes_.end(), int(i)))
      c.network_flood_lost += st.node_flood_volume[i];
  c.surface_to_network = surface_to_network_;
  c.network_received = m.surface_inflow;
  c.network_to_surface = network_to_surface_;
  c.surface_received = surface_received_;
  c.outfall_to_surface = outfall_to_surface_;
  c.outfall_received = outfall_received_;
  return c;
}

void CoupledSimulation::save_state(StateRecord& record) const {
#if defined(__GLIBCXX__) && defined(__x86_64__)
  // A member added to CoupledSimulation changes its size: save it here and in load_state (or say
  // why it is no state), then update the size. Checked where the layout is known (libstdc++,
  // x86-64).
  static_assert(sizeof(CoupledSimulation) == 160,
                "CoupledSimulation grew: is the new member in its checkpoint state?");
#endif
  network_.save_state(record);
  exchange_->save_state(record);
  record.put("coupler_totals",
             std::vector<double>{surface_to_network_, network_to_surface_, surface_received_,
                                 outfall_to_surface_, outfall_received_});
}

void CoupledSimulation::load_state(const StateRecord& record) {
  network_.load_state(record);
  exchange_->load_state(record);
  const std::vector<double> t = record.get<double>("coupler_totals", 5);
  surface_to_network_ = t[0];
  network_to_surface_ = t[1];
  surface_received_ = t[2];
  outfall_to_surface_ = t[3];
  outfall_received_ = t[4];
}

}  // namespace sf::couple
