// Synthetic depth sensors for the forecast demo (docs/forecast.md, "Observations"): the deepest
// low points of a run, far enough apart, read at every output time with a fixed bias and
// Gaussian noise, as a stand-in for the kerb-side depth sensors of an urban monitoring network.
// Deterministic: the noise comes from a fixed-seed std::mt19937 through a hand-written
// Box-Muller transform (no implementation-defined distributions).
#pragma once

#include <cstdint>
#include <vector>

namespace sf::demo {

/// The `count` cells with the largest values of `max_depth` (where `valid`), each at least
/// `spacing_m` from those chosen before it (cell centres on a grid of `nx` columns of `dx` m),
/// deepest first; cells not deeper than `min_depth_m` are not chosen.
std::vector<long long> deepest_separated_cells(const std::vector<double>& max_depth,
                                               const std::vector<unsigned char>& valid, int nx,
                                               double dx, int count, double spacing_m,
                                               double min_depth_m);

/// depth + bias + noise (standard deviation `sigma_m`), never below 0, for each value.
std::vector<double> sensor_readings(const std::vector<double>& depth, double bias_m, double sigma_m,
                                    std::uint32_t seed);

}  // namespace sf::demo
