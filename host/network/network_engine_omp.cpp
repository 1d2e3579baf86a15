// The OpenMP instantiation of the routing core.
#include "launch/exec_omp.hpp"
#include "network/engine_core.hpp"

namespace sf::network {

std::unique_ptr<EngineBackend> make_omp_backend() {
  return std::make_unique<EngineCore<launch::OmpExec>>();
}

#ifndef SPONGEFLOW_NETWORK_HAVE_CUDA
std::unique_ptr<EngineBackend> make_cuda_backend() {
  return nullptr;
}
#endif

}  // namespace sf::network
