// CUDA instantiation of the surface solver: the same template as the CPU backend.
#include "engine/surface_solver_impl.hpp"
#include "launch/exec_cuda.cuh"

namespace sf {

std::unique_ptr<SurfaceSolver> make_cuda_surface_solver(Precision precision,
                                                        const SurfaceSolverInit& init) {
  if (!cuda_device_available())
    throw std::runtime_error("the CUDA backend was built but no CUDA device is available");
  if (precision == Precision::kF32)
    return std::make_unique<SurfaceSolverImpl<float, launch::CudaExec>>(init);
  return std::make_unique<SurfaceSolverImpl<double, launch::CudaExec>>(init);
}

bool cuda_backend_built() {
  return true;
}

bool cuda_device_available() {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess) {
    cudaGetLastError();  // clear the sticky "no device" error
    return false;
  }
  return count > 0;
}

CudaDeviceInfo cuda_device_info() {
  CudaDeviceInfo info;
  if (!cuda_device_available()) return info;
  int device = 0, clock_khz = 0, bus_bits = 0;
  cudaDeviceProp prop{};
  if (cudaGetDevice(&device) != cudaSuccess ||
      cudaGetDeviceProperties(&prop, device) != cudaSuccess)
    return info;
  info.name = prop.name;
  cudaDeviceGetAttribute(&clock_khz, cudaDevAttrMemoryClockRate, device);
  cudaDeviceGetAttribute(&bus_bits, cudaDevAttrGlobalMemoryBusWidth, device);
  info.peak_bandwidth_gbs = 2.0 * clock_khz * 1e3 * (bus_bits / 8.0) / 1e9;
  return info;
}

}  // namespace sf
