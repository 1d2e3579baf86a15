// Where the pipe network of a coupled run computes. Beside a CPU surface it runs on the CPU.
// Beside a CUDA surface a large network runs on the GPU too, and a small one on the CPU with its
// node arrays copied to the device each step (node_mirror.hpp): a routing step on the GPU is
// some fifty kernel launches and two host waits whatever the network's size, which a CPU core
// beats on small networks. The rule and its numbers: docs/coupling.md, "Backends".
#pragma once

#include <string>

#include "engine/backend.hpp"

namespace sf::couple {

/// `[network] backend` of a case file: "auto" (the size rule), "cpu" or "cuda".
enum class NetworkPlacement { kAuto, kCpu, kCuda };

/// Links (conduits, pumps, weirs, orifices, outlets) from which "auto" puts the network on the
/// GPU beside a CUDA surface. Estimated, not yet measured on a GPU: about 1.5 us per link per
/// coupled step on one CPU core (bench-coupled, 1 000 to 10 000 nodes) against about 0.25 ms per
/// GPU routing step (50 launches of a few microseconds, two host waits) and 0.05 ms of node
/// copies. scripts/gpu-check.sh measures both sides at 100, 300 and 1 000 nodes.
inline constexpr int kNetworkLinksOnGpu = 200;

/// Parses "auto", "cpu" or "cuda" ("gpu" is taken for "cuda", as for the surface backend).
NetworkPlacement parse_network_placement(const std::string& s);

struct NetworkBackendChoice {
  std::string backend;  // "cpu" or "cuda", as network::NetworkEngine takes it
  std::string reason;   // one line for the run log
};

/// The network's backend beside a surface on `surface` for a network of `links` links. Throws
/// std::invalid_argument for a network on the GPU beside a surface on the CPU.
NetworkBackendChoice choose_network_backend(Backend surface, int links, NetworkPlacement want);

}  // namespace sf::couple
