// The node arrays the engine lends a 1D-2D coupler; the device views themselves are in
// kernels/routing/network_views.hpp.
#pragma once

#include "exchange/node_arrays.hpp"
#include "routing/network_views.hpp"

namespace sf::network {

/// Node arrays a 1D-2D coupler reads and writes in the backend's own memory (device memory
/// for CUDA), so that the exchange runs there too (host/couple/coupled_simulation.hpp).
struct CouplingArrays {
  bool on_device = false;  // CUDA device memory (else host memory)
  couple::NodeArrays nodes;
};

}  // namespace sf::network
