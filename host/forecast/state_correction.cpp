#include "forecast/state_correction.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace sf::forecast {

CorrectionResult correct_depths(std::vector<double>& h, const CorrectionGrid& grid,
                                const std::vector<CorrectionPoint>& points, double radius_m,
                                double dry_depth_m) {
  CorrectionResult r;
  struct Active {
    int i, j;
    double d;
  };
  std::vector<Active> used;
  for (const CorrectionPoint& p : points) {
    const bool wet = p.cell >= 0 && std::size_t(p.cell) < h.size() && h[p.cell] > dry_depth_m;
    const double d = wet ? p.observed_depth_m - h[p.cell] : 0.0;
    r.innovation_m.push_back(wet ? d : p.observed_depth_m - (p.cell >= 0 ? h[p.cell] : 0.0));
    r.applied.push_back(wet);
    if (wet) used.push_back({int(p.cell % grid.nx), int(p.cell / grid.nx), d});
  }
  const double r2max = radius_m * radius_m;
  // Sum of weights and weighted innovations per cell, over the wet cells within the radius that
  // the sensor's cell reaches through wet cells (4-connected): the pool the sensor stands in,
  // not a film of water across a dry kerb or wall.
  std::vector<double> wsum(h.size(), 0.0), wd(h.size(), 0.0);
  std::vector<int> seen(h.size(), -1);
  std::vector<long long> queue;
  for (std::size_t s = 0; s < used.size(); ++s) {
    const Active& a = used[s];
    queue.assign(1, (long long)a.j * grid.nx + a.i);
    seen[std::size_t(queue[0])] = int(s);
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const long long k = queue[q];
      const int i = int(k % grid.nx), j = int(k / grid.nx);
      const double rx = (i - a.i) * grid.dx, ry = (j - a.j) * grid.dx;
      const double rr = rx * rx + ry * ry;
      const double w = (r2max - rr) / (r2max + rr);
      wsum[std::size_t(k)] += w;
      wd[std::size_t(k)] += w * a.d;
      const int ni[4] = {i - 1, i + 1, i, i}, nj[4] = {j, j, j - 1, j + 1};
      for (int n = 0; n < 4; ++n) {
        if (ni[n] < 0 || nj[n] < 0 || ni[n] >= grid.nx || nj[n] >= grid.ny) continue;
        const long long m = (long long)nj[n] * grid.nx + ni[n];
        const double mx = (ni[n] - a.i) * grid.dx, my = (nj[n] - a.j) * grid.dx;
        if (seen[std::size_t(m)] == int(s) || !(h[std::size_t(m)] > dry_depth_m) ||
            mx * mx + my * my >= r2max)
          continue;
        seen[std::size_t(m)] = int(s);
        queue.push_back(m);
      }
    }
  }
  const double area = grid.dx * grid.dx;
  for (std::size_t k = 0; k < h.size(); ++k) {
    if (wsum[k] <= 0.0 || !(h[k] > dry_depth_m)) continue;
    const double corrected = std::max(0.0, h[k] + wd[k] / std::max(1.0, wsum[k]));
    const double dv = (corrected - h[k]) * area;
    if (dv > 0) r.volume_added_m3 += dv;
    if (dv < 0) r.volume_removed_m3 -= dv;
    if (corrected != h[k]) ++r.cells_changed;
    h[k] = corrected;
  }
  return r;
}

namespace {

/// Multiplies entry `name` (if present) by factor[k] in its own precision.
void scale_entry(StateRecord& record, const std::string& name, const std::vector<double>& factor) {
  if (!record.has(name)) return;
  StateArray a = record.arrays().at(name);
  if (a.size() != factor.size())
    throw std::invalid_argument("state entry '" + name + "' has " + std::to_string(a.size()) +
                                " values; expected " + std::to_string(factor.size()));
  for (std::size_t k = 0; k < factor.size(); ++k) {
    if (factor[k] == 1.0) continue;
    if (a.type == StateType::kFloat32)
      a.f32[k] = float(a.f32[k] * factor[k]);
    else
      a.f64[k] *= factor[k];
  }
  record.put_array(name, std::move(a));
}

}  // namespace

CorrectionResult correct_state(StateRecord& record, const CorrectionGrid& grid,
                               const std::vector<CorrectionPoint>& points, double radius_m,
                               double dry_depth_m) {
  const std::size_t cells = std::size_t(grid.nx) * std::size_t(grid.ny);
  const auto it = record.arrays().find("surface_h");
  if (it == record.arrays().end() || it->second.size() != cells)
    throw std::invalid_argument("state entry 'surface_h' is missing or has not " +
                                std::to_string(cells) + " values");
  StateArray h = it->second;
  const bool f32 = h.type == StateType::kFloat32;
  std::vector<double> before(cells);
  for (std::size_t k = 0; k < cells; ++k) before[k] = f32 ? double(h.f32[k]) : h.f64[k];
  std::vector<double> after = before;
  CorrectionResult r = correct_depths(after, grid, points, radius_m, dry_depth_m);

  // Store in the record's precision and count the volume of what was stored.
  r.volume_added_m3 = r.volume_removed_m3 = 0;
  r.cells_changed = 0;
  std::vector<double> factor(cells, 1.0);
  const double area = grid.dx * grid.dx;
  for (std::size_t k = 0; k < cells; ++k) {
    if (f32) {
      h.f32[k] = float(after[k]);
      after[k] = double(h.f32[k]);
    } else {
      h.f64[k] = after[k];
    }
    if (after[k] == before[k]) continue;
    ++r.cells_changed;
    const double dv = (after[k] - before[k]) * area;
    (dv > 0 ? r.volume_added_m3 : r.volume_removed_m3) += std::abs(dv);
    factor[k] = before[k] > 0 ? after[k] / before[k] : 0.0;
  }
  record.put_array("surface_h", std::move(h));
  scale_entry(record, "surface_qx", factor);
  scale_entry(record, "surface_qy", factor);
  std::vector<double> clock = record.get<double>("clock", 8);
  clock[6] += r.volume_added_m3 - r.volume_removed_m3;  // the initial-volume ledger
  record.put("clock", std::move(clock));
  return r;
}

}  // namespace sf::forecast
