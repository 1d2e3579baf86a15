// Helpers shared by the surface tests: backend/precision parameters and small synthetic setups.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <tuple>

#include "engine/backend.hpp"
#include "engine/simulation.hpp"

namespace sf::test {

struct BackendCase {
  Backend backend;
  Precision precision;
};

inline std::string case_name(const testing::TestParamInfo<BackendCase>& info) {
  return to_string(info.param.backend) + "_" + to_string(info.param.precision);
}

/// Every backend of this build in both precisions. CUDA cases skip where no GPU is present.
inline std::vector<BackendCase> all_backends() {
  std::vector<BackendCase> v = {{Backend::kCpu, Precision::kF64}, {Backend::kCpu, Precision::kF32}};
  if (cuda_backend_built()) {
    v.push_back({Backend::kCuda, Precision::kF64});
    v.push_back({Backend::kCuda, Precision::kF32});
  }
  return v;
}

#define SF_SKIP_WITHOUT_DEVICE(param)                                              \
  do {                                                                             \
    if ((param).backend == ::sf::Backend::kCuda && !::sf::cuda_device_available()) \
      GTEST_SKIP() << "no CUDA device on this machine";                            \
  } while (0)

/// A grid of nx x ny cells of size dx with bed z(x, y) at cell centres, all active.
inline SurfaceSetup make_grid(int nx, int ny, double dx,
                              const std::function<double(double, double)>& bed) {
  SurfaceSetup s;
  s.grid.nx = nx;
  s.grid.ny = ny;
  s.grid.dx = dx;
  s.z.resize(std::size_t(nx) * ny);
  s.active.assign(std::size_t(nx) * ny, 1);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) s.z[std::size_t(j) * nx + i] = bed((i + 0.5) * dx, (j + 0.5) * dx);
  s.roughness_uniform = 0.0;
  return s;
}

inline void set_level(SurfaceSetup& s, const std::function<double(double, double)>& eta) {
  const auto& g = s.grid;
  s.h0.assign(std::size_t(g.nx) * g.ny, 0.0);
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      const std::size_t k = std::size_t(j) * g.nx + i;
      s.h0[k] = std::max(0.0, eta((i + 0.5) * g.dx, (j + 0.5) * g.dx) - s.z[k]);
    }
}

}  // namespace sf::test
