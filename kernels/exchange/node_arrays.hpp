// The network's node arrays as the 1D-2D exchange sees them: raw pointers into the network
// backend's memory (host for OpenMP, device for CUDA), handed to the exchange kernels.
#pragma once

namespace sf::couple {

/// The network's node arrays (network node index, SI), read and written by the exchange.
struct NodeArrays {
  const double* depth = nullptr;           // m above the invert
  const double* invert = nullptr;          // m
  const double* volume = nullptr;          // stored water (m^3)
  const double* flood_volume = nullptr;    // overflowed since the start (m^3, cumulative)
  const double* outfall_volume = nullptr;  // left through each outfall since the start (m^3)
  double* inflow = nullptr;  // coupled lateral inflow (m^3/s) that the routing kernels add
  const double* node_inflow = nullptr;   // total inflow at the end of the last step (m^3/s)
  const double* node_outflow = nullptr;  // total outflow at the end of the last step (m^3/s)
};

}  // namespace sf::couple
