// Built instead of surface_backend_cuda.cu when this build has no CUDA compiler.
#include <stdexcept>

#include "engine/surface_solver.hpp"

namespace sf {

std::unique_ptr<SurfaceSolver> make_cuda_surface_solver(Precision, const SurfaceSolverInit&) {
  throw std::runtime_error(
      "this spongeflow build has no CUDA backend (nvcc was not found at configure time); "
      "use --backend cpu or rebuild with -DSPONGEFLOW_CUDA=ON");
}

bool cuda_backend_built() {
  return false;
}
bool cuda_device_available() {
  return false;
}
CudaDeviceInfo cuda_device_info() {
  return {};
}

}  // namespace sf
