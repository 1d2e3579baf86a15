// Backend and precision choices, parsed from user text in one place.
#pragma once

#include <stdexcept>
#include <string>

namespace sf {

enum class Backend { kCpu, kCuda };
enum class Precision { kF32, kF64 };

inline std::string to_string(Backend b) {
  return b == Backend::kCpu ? "cpu" : "cuda";
}
inline std::string to_string(Precision p) {
  return p == Precision::kF32 ? "f32" : "f64";
}

/// Parses "cpu" / "cuda"; throws std::invalid_argument naming the allowed values.
inline Backend parse_backend(const std::string& s) {
  if (s == "cpu") return Backend::kCpu;
  if (s == "cuda" || s == "gpu") return Backend::kCuda;
  throw std::invalid_argument("unknown backend '" + s + "'; expected cpu or cuda");
}

inline Precision parse_precision(const std::string& s) {
  if (s == "f32" || s == "float" || s == "single") return Precision::kF32;
  if (s == "f64" || s == "double") return Precision::kF64;
  throw std::invalid_argument("unknown precision '" + s + "'; expected f32 or f64");
}

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
