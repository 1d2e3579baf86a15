// The CUDA instantiation of the same routing core (compiled only when the CUDA backend is on).
#include "launch/exec_cuda.cuh"
#include "network/engine_core.hpp"

namespace sf::network {

std::unique_ptr<EngineBackend> make_cuda_backend() {
  return std::make_unique<EngineCore<launch::CudaExec>>();
}

}  // namespace sf::network
