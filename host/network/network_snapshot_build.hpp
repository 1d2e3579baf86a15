// Copies the engine's current state into a NetworkSnapshot for the writers (host arrays, SI).
// Called at output times only: it reads every node and link back from the backend.
#pragma once

#include <vector>

#include "network/network_snapshot.hpp"
#include "inp/model.hpp"
#include "network/network_engine.hpp"

namespace sf::network {

/// Node positions and link bends come from the model's [COORDINATES] / [VERTICES] (nodes
/// without coordinates are put at the origin). `node_flooding` (m³/s per node) may be empty.
NetworkSnapshot make_network_snapshot(const NetworkEngine& engine, const inp::Model& model,
                                      int index, double time_s,
                                      const std::vector<double>& node_flooding = {});

}  // namespace sf::network
