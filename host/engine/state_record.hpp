// StateRecord: the state of a run as named arrays of float32 or float64 values, free of any file
// format. The solver, the time loop, the network and the coupler put what a continuation needs
// into one record (save_state) and take it back (load_state); host/io/netcdf writes and reads it
// as checkpoint.nc. Values keep their working type, so a state read back is bit-identical.
// Counters (steps, frame index) are stored as float64, exact up to 2^53.
#pragma once

#include <cstdint>
#include <map>
#include <string>
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

}  // namespace sf
