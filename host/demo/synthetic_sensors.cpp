#include "demo/synthetic_sensors.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sf::demo {

std::vector<long long> deepest_separated_cells(const std::vector<double>& max_depth,
                                               const std::vector<unsigned char>& valid, int nx,
                                               double dx, int count, double spacing_m,
                                               double min_depth_m) {
  std::vector<long long> order(max_depth.size());
  std::iota(order.begin(), order.end(), 0LL);
  std::stable_sort(order.begin(), order.end(),
                   [&](long long a, long long b) { return max_depth[a] > max_depth[b]; });
  std::vector<long long> chosen;
  for (long long k : order) {
    if (int(chosen.size()) >= count || !(max_depth[k] > min_depth_m)) break;
    if (!valid.empty() && !valid[k]) continue;
    const bool apart = std::all_of(chosen.begin(), chosen.end(), [&](long long c) {
      const double di = double(k % nx - c % nx) * dx, dj = double(k / nx - c / nx) * dx;
      return di * di + dj * dj >= spacing_m * spacing_m;
    });
    if (apart) chosen.push_back(k);
  }
  return chosen;
}

std::vector<double> sensor_readings(const std::vector<double>& depth, double bias_m, double sigma_m,
                                    std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto uniform = [&] { return (double(rng()) + 0.5) / 4294967296.0; };  // (0, 1)
  std::vector<double> out;
  for (double d : depth) {
    const double noise =
        sigma_m * std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
    out.push_back(std::max(0.0, d + bias_m + noise));
  }
  return out;
}

}  // namespace sf::demo
