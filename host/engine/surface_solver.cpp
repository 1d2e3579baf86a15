// The one place where the backend is chosen.
#include "engine/surface_solver.hpp"

namespace sf {

std::unique_ptr<SurfaceSolver> make_surface_solver(Backend backend, Precision precision,
                                                   const SurfaceSolverInit& init) {
  if (backend == Backend::kCuda) return make_cuda_surface_solver(precision, init);
  return make_cpu_surface_solver(precision, init);
}

}  // namespace sf
