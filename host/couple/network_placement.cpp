#include "couple/network_placement.hpp"

#include <stdexcept>

namespace sf::couple {

NetworkPlacement parse_network_placement(const std::string& s) {
  if (s == "auto") return NetworkPlacement::kAuto;
  if (s == "cpu") return NetworkPlacement::kCpu;
  if (s == "cuda" || s == "gpu") return NetworkPlacement::kCuda;
  throw std::invalid_argument("unknown network backend '" + s + "'; expected auto, cpu or cuda");
}

NetworkBackendChoice choose_network_backend(Backend surface, int links, NetworkPlacement want) {
  const std::string size = std::to_string(links) + " links";
  if (surface == Backend::kCpu) {
    if (want == NetworkPlacement::kCuda)
      throw std::invalid_argument(
          "[network] backend = \"cuda\" needs the surface on the GPU too (--backend cuda)");
    return {"cpu", "network on the CPU with the surface (" + size + ")"};
  }
  if (want == NetworkPlacement::kCpu)
    return {"cpu", "network on the CPU beside the CUDA surface, as the case asks (" + size + ")"};
  if (want == NetworkPlacement::kCuda)
    return {"cuda", "network on the GPU with the surface, as the case asks (" + size + ")"};
  if (links >= kNetworkLinksOnGpu)
    return {"cuda", "network on the GPU with the surface (" + size +
                        " >= " + std::to_string(kNetworkLinksOnGpu) + ")"};
  return {"cpu", "network on the CPU beside the CUDA surface (" + size + " < " +
                     std::to_string(kNetworkLinksOnGpu) + ": a GPU routing step costs more)"};
}

}  // namespace sf::couple
