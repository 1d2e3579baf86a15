#include "io/netcdf/regrid_weights.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sf::io {
namespace {

// Index of the cell of `edges` (monotonic either way) holding v, or -1 outside.
long locate(const std::vector<double>& edges, double v) {
  if (!std::isfinite(v)) return -1;
  const bool ascending = edges.back() > edges.front();
  const double lo = ascending ? edges.front() : edges.back();
  const double hi = ascending ? edges.back() : edges.front();
  if (v < lo || v >= hi) return -1;
  const auto it = ascending ? std::upper_bound(edges.begin(), edges.end(), v)
                            : std::upper_bound(edges.begin(), edges.end(), v, std::greater<>());
  return static_cast<long>(it - edges.begin()) - 1;
}

struct Overlap {
  std::size_t source;
  double fraction;  // of the target interval
};

// For each target interval [a0 + k d, a0 + (k+1) d), the source cells overlapping it.
std::vector<std::vector<Overlap>> interval_overlaps(const std::vector<double>& edges, double a0,
                                                    double d, int n) {
  std::vector<std::vector<Overlap>> out(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    const double t0 = a0 + k * d, t1 = t0 + d;
    for (std::size_t s = 0; s + 1 < edges.size(); ++s) {
      const double s0 = std::min(edges[s], edges[s + 1]), s1 = std::max(edges[s], edges[s + 1]);
      const double overlap = std::min(t1, s1) - std::max(t0, s0);
      if (overlap > 0.0) out[static_cast<std::size_t>(k)].push_back({s, overlap / d});
    }
  }
  return out;
}

void count_coverage(RegridWeights& w, std::size_t t) {
  double sum = 0.0;
  for (std::size_t k = w.target_begin[t]; k < w.weight.size(); ++k) sum += w.weight[k];
  if (w.weight.size() == w.target_begin[t])
    ++w.uncovered_cells;
  else if (sum < 1.0 - 1e-9)
    ++w.partly_covered_cells;
}

}  // namespace

RegridWeights overlap_weights_same_crs(const std::vector<double>& x_edges,
                                       const std::vector<double>& y_edges,
                                       const rain::GridGeometry& target) {
  const auto columns = interval_overlaps(x_edges, target.x0, target.dx, target.nx);
  const auto rows = interval_overlaps(y_edges, target.y0, target.dx, target.ny);
  const std::size_t source_nx = x_edges.size() - 1;
  RegridWeights w;
  w.target_begin.reserve(target.size() + 1);
  for (int j = 0; j < target.ny; ++j) {
    for (int i = 0; i < target.nx; ++i) {
      const std::size_t t = w.target_begin.size();
      w.target_begin.push_back(w.weight.size());
      for (const Overlap& r : rows[static_cast<std::size_t>(j)])
        for (const Overlap& c : columns[static_cast<std::size_t>(i)]) {
          w.source.push_back(r.source * source_nx + c.source);
          w.weight.push_back(r.fraction * c.fraction);
        }
      count_coverage(w, t);
    }
  }
  w.target_begin.push_back(w.weight.size());
  return w;
}

RegridWeights subsampled_weights(const std::vector<double>& x_edges,
                                 const std::vector<double>& y_edges,
                                 const rain::GridGeometry& target, int samples_per_axis,
                                 const PointTransform& to_source) {
  const int S = std::max(1, samples_per_axis);
  const std::size_t source_nx = x_edges.size() - 1;
  const double share = 1.0 / (S * S), sub = target.dx / S;
  RegridWeights w;
  w.target_begin.reserve(target.size() + 1);
  std::vector<double> px, py;
  std::vector<std::pair<std::size_t, double>> cell;  // (source, weight) of one target cell
  for (int j = 0; j < target.ny; ++j) {
    // One target row at a time: nx * S * S points per transform call.
    px.clear();
    py.clear();
    for (int i = 0; i < target.nx; ++i)
      for (int b = 0; b < S; ++b)
        for (int a = 0; a < S; ++a) {
          px.push_back(target.x0 + i * target.dx + (a + 0.5) * sub);
          py.push_back(target.y0 + j * target.dx + (b + 0.5) * sub);
        }
    to_source(px, py);
    for (int i = 0; i < target.nx; ++i) {
      const std::size_t t = w.target_begin.size();
      w.target_begin.push_back(w.weight.size());
      cell.clear();
      for (int p = 0; p < S * S; ++p) {
        const std::size_t q = static_cast<std::size_t>(i * S * S + p);
        const long sx = locate(x_edges, px[q]), sy = locate(y_edges, py[q]);
        if (sx < 0 || sy < 0) continue;
        const std::size_t s =
            static_cast<std::size_t>(sy) * source_nx + static_cast<std::size_t>(sx);
        auto it =
            std::find_if(cell.begin(), cell.end(), [s](const auto& e) { return e.first == s; });
        if (it == cell.end())
          cell.emplace_back(s, share);
        else
          it->second += share;
      }
      for (const auto& [s, weight] : cell) {
        w.source.push_back(s);
        w.weight.push_back(weight);
      }
      count_coverage(w, t);
    }
  }
  w.target_begin.push_back(w.weight.size());
  return w;
}

void apply_regrid_weights(const RegridWeights& weights, const std::vector<double>& source,
                          std::vector<float>& target) {
  const std::size_t n = weights.target_begin.size() - 1;
  target.assign(n, 0.0f);
  for (std::size_t t = 0; t < n; ++t) {
    double v = 0.0;
    for (std::size_t k = weights.target_begin[t]; k < weights.target_begin[t + 1]; ++k)
      v += weights.weight[k] * source[weights.source[k]];
    target[t] = static_cast<float>(v);
  }
}

}  // namespace sf::io
