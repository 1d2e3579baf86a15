// StateRecord: the state of a run as named arrays of float32 or float64 values, free of any file
// format. The solver, the time loop, the network and the coupler put what a continuation needs
// into one record (save_state) and take it back (load_state); host/io/netcdf writes and reads it
// as checkpoint.nc. Values keep their working type, so a state read back is bit-identical.
// Counters (steps, frame index) are stored as float64, exact up to 2^53. Header-only, so that the
// network and runoff engines (below sf_engine in the layer table) can save their state too.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace sf {

enum class StateType : std::uint8_t { kFloat32, kFloat64 };

struct StateArray {
  StateType type = StateType::kFloat64;
  std::vector<float> f32;   // kFloat32
  std::vector<double> f64;  // kFloat64
  std::size_t size() const { return type == StateType::kFloat32 ? f32.size() : f64.size(); }
};

class StateRecord {
 public:
  void put(const std::string& name, std::vector<float> values);
  void put(const std::string& name, std::vector<double> values);
  void put_scalar(const std::string& name, double value) { put(name, std::vector<double>{value}); }
  /// Adds (replacing) an array of the given type; for readers that build a record.
  void put_array(const std::string& name, StateArray array);

  bool has(const std::string& name) const { return arrays_.count(name) != 0; }
  /// The array `name` of type T (float or double) holding exactly `count` values. An array of
  /// zero values may be absent. Throws std::invalid_argument naming the entry when it is missing,
  /// of another type or of another size.
  template <class T>
  std::vector<T> get(const std::string& name, std::size_t count) const;
  double scalar(const std::string& name) const { return get<double>(name, 1)[0]; }

  const std::map<std::string, StateArray>& arrays() const { return arrays_; }

 private:
  std::map<std::string, StateArray> arrays_;
};

/// 64-bit FNV-1a over bytes, chainable through `seed`; for case fingerprints and checksums.
std::uint64_t fnv1a64(const void* data, std::size_t size,
                      std::uint64_t seed = 14695981039346656037ull);
/// Checksum of every array of the record (names, types and values, in name order).
std::uint64_t state_checksum(const StateRecord& record);

inline void StateRecord::put(const std::string& name, std::vector<float> values) {
  StateArray a;
  a.type = StateType::kFloat32;
  a.f32 = std::move(values);
  arrays_[name] = std::move(a);
}

inline void StateRecord::put(const std::string& name, std::vector<double> values) {
  StateArray a;
  a.type = StateType::kFloat64;
  a.f64 = std::move(values);
  arrays_[name] = std::move(a);
}

inline void StateRecord::put_array(const std::string& name, StateArray array) {
  arrays_[name] = std::move(array);
}

template <class T>
std::vector<T> StateRecord::get(const std::string& name, std::size_t count) const {
  static_assert(std::is_same_v<T, float> || std::is_same_v<T, double>);
  constexpr StateType want = std::is_same_v<T, float> ? StateType::kFloat32 : StateType::kFloat64;
  const auto it = arrays_.find(name);
  if (it == arrays_.end()) {
    if (count == 0) return {};
    throw std::invalid_argument("state entry '" + name + "' is missing");
  }
  const StateArray& a = it->second;
  if (a.type != want)
    throw std::invalid_argument(
        "state entry '" + name + "' is " + (a.type == StateType::kFloat32 ? "float32" : "float64") +
        "; expected " + (want == StateType::kFloat32 ? "float32" : "float64") +
        " (a checkpoint of a run at another precision?)");
  if (a.size() != count)
    throw std::invalid_argument("state entry '" + name + "' has " + std::to_string(a.size()) +
                                " values; expected " + std::to_string(count));
  if constexpr (std::is_same_v<T, float>)
    return a.f32;
  else
    return a.f64;
}

inline std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = seed;
  for (std::size_t k = 0; k < size; ++k) {
    h ^= p[k];
    h *= 1099511628211ull;
  }
  return h;
}

inline std::uint64_t state_checksum(const StateRecord& record) {
  std::uint64_t h = fnv1a64(nullptr, 0);
  for (const auto& [name, a] : record.arrays()) {
    if (a.size() == 0) continue;  // not written to a file, so not checked either
    h = fnv1a64(name.data(), name.size(), h);
    const unsigned char type = static_cast<unsigned char>(a.type);
    h = fnv1a64(&type, 1, h);
    const std::uint64_t n = a.size();
    h = fnv1a64(&n, sizeof n, h);
    if (a.type == StateType::kFloat32)
      h = fnv1a64(a.f32.data(), a.f32.size() * sizeof(float), h);
    else
      h = fnv1a64(a.f64.data(), a.f64.size() * sizeof(double), h);
  }
  return h;
}

}  // namespace sf
