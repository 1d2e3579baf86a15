#include "couple/coupled_simulation.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "couple/exchange_limiter.hpp"

namespace sf::couple {

CoupledSimulation::CoupledSimulation(Simulation& surface, network::NetworkEngine& network,
                                     std::vector<CouplingLink> links)
    : surface_(surface), network_(network), links_(std::move(links)) {
  const SurfaceSetup& s = surface_.setup();
  const std::int64_t n_cells = std::int64_t(s.grid.nx) * s.grid.ny;
  const int n_nodes = network_.network().node_count();
  std::map<std::int64_t, int> cell_slot;
  for (const CouplingLink& l : links_) {
    if (l.node < 0 || l.node >= n_nodes)
      throw std::invalid_argument("coupling link: node " + std::to_string(l.node) +
                                  " is not in the network");
    if (l.cell < 0 || l.cell >= n_cells || !s.active[std::size_t(l.cell)])
      throw std::invalid_argument("coupling link: cell " + std::to_string(l.cell) +
                                  " is not an active surface cell");
    auto it = cell_slot.find(l.cell);
    if (it == cell_slot.end()) {
      it = cell_slot.emplace(l.cell, int(cells_.size())).first;
      cells_.push_back(l.cell);
    }
    cell_of_link_.push_back(it->second);
    nodes_.push_back(l.node);
  }
  std::sort(nodes_.begin(), nodes_.end());
  nodes_.erase(std::unique(nodes_.begin(), nodes_.end()), nodes_.end());
  network_.set_coupled_nodes(nodes_);
  network_.start();
  node_flooded_.assign(std::size_t(n_nodes), 0);
  rate_.assign(links_.size(), 0.0);
}

double CoupledSimulation::step(double t_limit) {
  const SurfaceSetup& s = surface_.setup();
  const double area = s.grid.dx * s.grid.dx;
  SurfaceSolver& solver = surface_.solver();
  // Flood water added after the last step raised the wave speed; the CFL bound must see it.
  if (speed_stale_) surface_.refresh_wave_speed();
  const double dt_plan = surface_.planned_dt(t_limit);

  // 1. Exchange rates from the state at the start of the step (explicit coupling).
  std::vector<double> h;
  solver.read_depths(cells_, h);
  std::vector<double> out_req(cells_.size(), 0.0), in_req(cells_.size(), 0.0);
  for (std::size_t l = 0; l < links_.size(); ++l) {
    const CouplingLink& link = links_[l];
    const int c = cell_of_link_[l];
    const double level = s.z[std::size_t(link.cell)] + h[c];
    double q = inlet_exchange(link.inlet, level, network_.node_head(link.node)).q;
    // A node that overflowed in the last step is full: what enters would flood straight back.
    if (q > 0 && node_flooded_[std::size_t(link.node)]) q = 0;
    q = limit_exchange(q, dt_plan, h[c] * area, network_.node_volume(link.node));
    rate_[l] = q;
    if (q > 0) out_req[c] += q * dt_plan;
    if (q < 0) in_req[c] -= q * dt_plan;
  }
  // Several inlets in one cell share its water: scale their draws to what is there.
  std::vector<double> request(cells_.size());
  for (std::size_t c = 0; c < cells_.size(); ++c) {
    const double have = h[c] * area;
    if (out_req[c] > have && out_req[c] > 0) {
      const double f = have / out_req[c];
      for (std::size_t l = 0; l < links_.size(); ++l)
        if (cell_of_link_[l] == int(c) && rate_[l] > 0) rate_[l] *= f;
      out_req[c] = have;
    }
    request[c] = in_req[c] - out_req[c];
  }
  std::vector<double> applied;
  const double net_added = solver.add_volumes(cells_, request, &applied);
  surface_to_network_ -= net_added;
  // The network gets exactly what the surface gave: scale draws to the applied volume (they
  // differ only by fp32 rounding of the stored depth, or a clamp at an empty cell).
  for (std::size_t l = 0; l < links_.size(); ++l) {
    const int c = cell_of_link_[l];
    if (rate_[l] > 0 && out_req[c] > 0) rate_[l] *= (in_req[c] - applied[c]) / out_req[c];
  }
  bool surcharged = false;
  for (double v : in_req) surcharged = surcharged || v > 0;
  if (surcharged) surface_.refresh_wave_speed();

  // 2. The surface step; a rain field may cut it shorter than planned, so rates use the
  //    actual length and still move exactly the volumes taken above.
  const double dt = surface_.advance_step(t_limit);
  std::map<int, double> node_q;
  for (int i : nodes_) node_q[i] = 0.0;
  for (std::size_t l = 0; l < links_.size(); ++l) node_q[links_[l].node] += rate_[l] * dt_plan / dt;
  for (const auto& [i, q] : node_q) network_.set_coupled_inflow(i, q);

  // 3. The network sub-steps with its own step to the surface time.
  if (!network_.step_until(surface_.time()))
    throw std::runtime_error("the network's end time (" + std::to_string(network_.time()) +
                             " s) is before the coupled run's time " +
                             std::to_string(surface_.time()) + " s");

  // 4. Flooded water goes back to the surface cells of its node, shared equally among them.
  std::vector<double> flood(cells_.size(), 0.0);
  std::map<int, int> links_of_node;
  for (const CouplingLink& l : links_) ++links_of_node[l.node];
  bool flooded = false;
  for (int i : nodes_) {
    const double v = network_.take_flooded_volume(i);
    node_flooded_[std::size_t(i)] = v > 0 ? 1 : 0;
    if (!(v > 0)) continue;
    flooded = true;
    network_to_surface_ += v;
    for (std::size_t l = 0; l < links_.size(); ++l)
      if (links_[l].node == i) flood[cell_of_link_[l]] += v / links_of_node[i];
  }
  if (flooded) {
    surface_received_ += solver.add_volumes(cells_, flood);
    speed_stale_ = true;
  } else {
    speed_stale_ = false;
  }
  return dt;
}

void CoupledSimulation::advance_to(double t) {
  while (time() < t) step(t);
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
  const network::MassBalance& m = network_.mass_balance();
  c.network_initial = m.initial_storage;
  c.network_final = network_.storage_volume();
  c.network_inflow = m.dry_weather_inflow + m.external_inflow;
  c.outfall_outflow = m.external_outflow;
  // Flooding of uncoupled nodes leaves the system; coupled nodes hand theirs to the surface.
  const network::NetworkStatistics st = network_.statistics();
  for (std::size_t i = 0; i < st.node_flood_volume.size(); ++i)
    if (!std::binary_search(nodes_.begin(), nodes_.end(), int(i)))
      c.network_flood_lost += st.node_flood_volume[i];
  c.surface_to_network = surface_to_network_;
  c.network_received = m.surface_inflow;
  c.network_to_surface = network_to_surface_;
  c.surface_received = surface_received_;
  return c;
}

}  // namespace sf::couple
