// The order in which independent runs start on a few workers: the longest first (Graham's LPT
// rule, 1969), so that one long run started last does not keep one worker busy alone at the end.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace sf::app {

/// Indices of `cost` from the largest to the smallest; equal costs keep their index order.
inline std::vector<std::size_t> longest_first(const std::vector<double>& cost) {
  std::vector<std::size_t> order(cost.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  return order;
}

}  // namespace sf::app
