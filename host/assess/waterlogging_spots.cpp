#include "assess/waterlogging_spots.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sf::assess {

int ClassBands::class_of(double v) const {
  if (bounds.empty() || !(v >= bounds[0])) return 0;
  int k = 1;
  while (k < static_cast<int>(bounds.size()) && v >= bounds[k]) ++k;
  return k;
}

namespace {

void check_bands(const ClassBands& b, const std::string& what) {
  if (b.bounds.empty()) throw std::invalid_argument(what + ": no class bounds");
  if (b.names.size() != b.bounds.size())
    throw std::invalid_argument(what + ": " + std::to_string(b.bounds.size()) + " bounds but " +
                                std::to_string(b.names.size()) + " names; expected one name each");
  for (std::size_t k = 0; k < b.bounds.size(); ++k) {
    if (!std::isfinite(b.bounds[k]) || b.bounds[k] < 0.0)
      throw std::invalid_argument(what + ": bound " + std::to_string(b.bounds[k]) +
                                  " is not a finite value >= 0");
    if (k > 0 && b.bounds[k] <= b.bounds[k - 1])
      throw std::invalid_argument(what + ": bounds must increase");
  }
}

}  // namespace

void RiskTable::validate() const {
  check_bands(depth, "depth classes");
  check_bands(duration, "duration classes");
  check_bands(hazard, "hazard classes");
  if (risk.size() != depth.bounds.size())
    throw std::invalid_argument("risk table: " + std::to_string(risk.size()) +
                                " rows; expected one per depth class (" +
                                std::to_string(depth.bounds.size()) + ")");
  for (const auto& row : risk) {
    if (row.size() != duration.bounds.size())
      throw std::invalid_argument("risk table: a row has " + std::to_string(row.size()) +
                                  " entries; expected one per duration class (" +
                                  std::to_string(duration.bounds.size()) + ")");
    for (int r : row)
      if (r < 1 || r > static_cast<int>(risk_names.size()))
        throw std::invalid_argument("risk table: risk " + std::to_string(r) +
                                    " is not a risk class; expected 1 to " +
                                    std::to_string(risk_names.size()));
  }
}

namespace {

void check_size(const std::vector<double>& v, std::size_t n, const char* name, bool optional) {
  if (optional && v.empty()) return;
  if (v.size() != n)
    throw std::invalid_argument(std::string("event map ") + name + " has " +
                                std::to_string(v.size()) + " cells; expected " + std::to_string(n));
}

}  // namespace

SpotMap find_spots(const EventMaps& m, const SpotOptions& o, const RiskTable& table) {
  table.validate();
  const std::size_t n = std::size_t(m.nx) * std::size_t(m.ny);
  check_size(m.max_depth, n, "max_depth", false);
  check_size(m.time_of_max_depth, n, "time_of_max_depth", false);
  check_size(m.duration_above, n, "duration_above", false);
  check_size(m.max_hazard, n, "max_hazard", true);
  if (!m.mask.empty() && m.mask.size() != n)
    throw std::invalid_argument("spot mask has " + std::to_string(m.mask.size()) +
                                " cells; expected " + std::to_string(n));
  auto eligible = [&](std::size_t k) {
    return (m.mask.empty() || m.mask[k]) && m.max_depth[k] > o.threshold_m;
  };

  SpotMap out;
  out.label.assign(n, 0);
  out.risk.assign(n, 0);
  const double cell_area = m.dx * m.dx;
  std::vector<std::size_t> stack, members;
  std::vector<Spot> found;
  std::vector<std::vector<std::size_t>> cells_of;
  for (std::size_t seed = 0; seed < n; ++seed) {
    if (out.label[seed] != 0 || !eligible(seed)) continue;
    const int provisional = static_cast<int>(found.size()) + 1;
    members.clear();
    stack.assign(1, seed);
    out.label[seed] = provisional;
    while (!stack.empty()) {  // flood fill over faces
      const std::size_t k = stack.back();
      stack.pop_back();
      members.push_back(k);
      const int i = static_cast<int>(k % m.nx), j = static_cast<int>(k / m.nx);
      const std::size_t nb[4] = {k - 1, k + 1, k - m.nx, k + m.nx};
      const bool inside[4] = {i > 0, i + 1 < m.nx, j > 0, j + 1 < m.ny};
      for (int e = 0; e < 4; ++e)
        if (inside[e] && out.label[nb[e]] == 0 && eligible(nb[e])) {
          out.label[nb[e]] = provisional;
          stack.push_back(nb[e]);
        }
    }
    Spot s;
    s.cells = static_cast<long long>(members.size());
    s.area_m2 = double(s.cells) * cell_area;
    std::size_t deepest = members.front();
    double sum_depth = 0.0, sx = 0.0, sy = 0.0;
    for (std::size_t k : members) {
      const double h = m.max_depth[k];
      if (h > m.max_depth[deepest] || (h == m.max_depth[deepest] && k < deepest)) deepest = k;
      sum_depth += h;
      sx += m.x0 + (double(k % m.nx) + 0.5) * m.dx;
      sy += m.y0 + (double(k / m.nx) + 0.5) * m.dx;
      s.duration_above_s = std::max(s.duration_above_s, m.duration_above[k]);
      if (!m.max_hazard.empty()) s.max_hazard = std::max(s.max_hazard, m.max_hazard[k]);
    }
    s.max_depth_m = m.max_depth[deepest];
    s.mean_max_depth_m = sum_depth / double(s.cells);
    s.x = m.x0 + (double(deepest % m.nx) + 0.5) * m.dx;
    s.y = m.y0 + (double(deepest / m.nx) + 0.5) * m.dx;
    s.centroid_x = sx / double(s.cells);
    s.centroid_y = sy / double(s.cells);
    const double t = m.time_of_max_depth[deepest];
    s.time_of_max_s = std::isfinite(t) && t >= 0.0 ? t : -1.0;
    s.depth_class = table.depth.class_of(s.max_depth_m);
    s.duration_class = table.duration.class_of(s.duration_above_s);
    if (s.depth_class > 0 && s.duration_class > 0)
      s.risk = table.risk[s.depth_class - 1][s.duration_class - 1];
    if (!m.max_hazard.empty()) s.hazard_class = table.hazard.class_of(s.max_hazard);
    found.push_back(s);
    cells_of.push_back(members);
  }

  // Deepest first (ties: larger, then first found), small spots dropped, ids renumbered.
  std::vector<int> order(found.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (found[a].max_depth_m != found[b].max_depth_m)
      return found[a].max_depth_m > found[b].max_depth_m;
    return found[a].area_m2 > found[b].area_m2;
  });
  std::fill(out.label.begin(), out.label.end(), 0);
  for (int k : order) {
    Spot s = found[k];
    if (s.area_m2 < o.min_area_m2) continue;
    s.id = static_cast<int>(out.spots.size()) + 1;
    for (std::size_t c : cells_of[k]) {
      out.label[c] = s.id;
      const int dc = table.depth.class_of(m.max_depth[c]);
      const int tc = table.duration.class_of(m.duration_above[c]);
      out.risk[c] = dc > 0 && tc > 0 ? table.risk[dc - 1][tc - 1] : 0;
    }
    out.spots.push_back(s);
  }
  return out;
}

}  // namespace sf::assess
