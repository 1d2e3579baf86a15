// Backend and precision choices (common/backend_choice.hpp) and what the CUDA build can tell
// about the device.
#pragma once

#include <string>

#include "common/backend_choice.hpp"

namespace sf {

/// True when this build has the CUDA backend and a CUDA device is usable now.
bool cuda_device_available();
/// True when this build contains the CUDA backend.
bool cuda_backend_built();

/// The CUDA device the backend runs on, for reports; an empty name when there is none.
struct CudaDeviceInfo {
  std::string name;
  double peak_bandwidth_gbs = 0.0;  // memory clock x bus width x 2 (double data rate), GB/s
};
CudaDeviceInfo cuda_device_info();

}  // namespace sf
