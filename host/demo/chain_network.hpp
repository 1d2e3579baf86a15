// A synthetic SWMM network of parallel pipe chains, for benchmarks and backend agreement checks:
// `chains` chains of `per_chain` 100 m, 1 m circular pipes falling 0.1 m each to a free outfall,
// a triangular hydrograph (0.5 m3/s at 15 min, 0.1 m3/s after an hour) into every tenth junction,
// routed with SWMM's variable step.
#pragma once

#include <string>

namespace sf::demo {

/// EPA SWMM 5 input text of the chains, simulated for `hours` hours.
std::string chain_network_inp(int chains, int per_chain, int hours);

}  // namespace sf::demo
