// CPU (OpenMP) instantiation of the surface solver.
#include "engine/surface_solver_impl.hpp"
#include "launch/exec_omp.hpp"

namespace sf {

std::unique_ptr<SurfaceSolver> make_cpu_surface_solver(Precision precision,
                                                       const SurfaceSolverInit& init) {
  if (precision == Precision::kF32)
    return std::make_unique<SurfaceSolverImpl<float, launch::OmpExec>>(init);
  return std::make_unique<SurfaceSolverImpl<double, launch::OmpExec>>(init);
}

}  // namespace sf
