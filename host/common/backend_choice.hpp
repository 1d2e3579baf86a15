// Backend and precision choices, parsed from user text in one place for the surface solver, the
// network engine and the command line (host/engine/backend.hpp adds what needs the CUDA build).
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

/// Parses "cpu" / "cuda" ("gpu" is taken for "cuda"); throws std::invalid_argument naming the
/// allowed values.
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

}  // namespace sf
