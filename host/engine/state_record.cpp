#include "engine/state_record.hpp"

#include <stdexcept>
#include <type_traits>

namespace sf {

void StateRecord::put(const std::string& name, std::vector<float> values) {
  StateArray a;
  a.type = StateType::kFloat32;
  a.f32 = std::move(values);
  arrays_[name] = std::move(a);
}

void StateRecord::put(const std::string& name, std::vector<double> values) {
  StateArray a;
  a.type = StateType::kFloat64;
  a.f64 = std::move(values);
  arrays_[name] = std::move(a);
}

void StateRecord::put_array(const std::string& name, StateArray array) {
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

template std::vector<float> StateRecord::get<float>(const std::string&, std::size_t) const;
template std::vector<double> StateRecord::get<double>(const std::string&, std::size_t) const;

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = seed;
  for (std::size_t k = 0; k < size; ++k) {
    h ^= p[k];
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t state_checksum(const StateRecord& record) {
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
