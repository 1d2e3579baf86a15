#include "engine/surface_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace sf {
namespace {

// Cells over which a free edge's local bed slope is measured, inwards from the edge cell.
constexpr int kSlopeCells = 5;

/// Bed slope falling towards the edge at edge cell (i, j), over up to kSlopeCells active cells
/// inwards (0 when none); (di, dj) points inwards.
double local_bed_slope(const SurfaceSetup& s, int i, int j, int di, int dj) {
  const GridGeometry& g = s.grid;
  const double z_edge = s.z[std::size_t(j) * g.nx + i];
  int m = 0;
  double z_in = z_edge;
  for (int step = 1; step <= kSlopeCells; ++step) {
    const int ii = i + step * di, jj = j + step * dj;
    if (ii < 0 || jj < 0 || ii >= g.nx || jj >= g.ny) break;
    const std::size_t k = std::size_t(jj) * g.nx + ii;
    if (!s.active[k]) break;
    m = step;
    z_in = s.z[k];
  }
  return m > 0 ? (z_in - z_edge) / (m * g.dx) : 0.0;
}

void assign_edges(const SurfaceSetup& s, SurfaceLayout& out) {
  const GridGeometry& g = s.grid;
  auto& init = out.init;
  if (s.boundaries.size() > 32)
    throw std::invalid_argument("at most 32 boundary segments are supported, got " +
                                std::to_string(s.boundaries.size()));
  for (int side = 0; side < 4; ++side) {
    const int len = side < 2 ? g.ny : g.nx;
    init.edge_kind[side].assign(len, std::uint8_t(swe::EdgeKind::kWall));
    init.edge_segment[side].assign(len, 0);
    init.edge_slope[side].assign(len, 0.0);
  }
  out.segment_length.assign(s.boundaries.size(), 0.0);
  out.segment_min_bed.assign(s.boundaries.size(), std::numeric_limits<double>::infinity());
  for (std::size_t b = 0; b < s.boundaries.size(); ++b) {
    const BoundarySegmentSpec& seg = s.boundaries[b];
    if (seg.kind == swe::EdgeKind::kFree &&
        (!(seg.min_slope > 0) || (!std::isnan(seg.slope) && !(seg.slope > 0))))
      throw std::invalid_argument("boundary '" + seg.name +
                                  "': a free edge needs a slope > 0 and a min_slope > 0");
    const int side = seg.side;
    const int len = side < 2 ? g.ny : g.nx;
    int covered = 0;
    for (int e = 0; e < len; ++e) {
      const double c = side < 2 ? g.y0 + (e + 0.5) * g.dx : g.x0 + (e + 0.5) * g.dx;
      if (c < seg.from || c > seg.to) continue;
      const int i = side == swe::kWest ? 0 : side == swe::kEast ? g.nx - 1 : e;
      const int j = side == swe::kSouth ? 0 : side == swe::kNorth ? g.ny - 1 : e;
      init.edge_kind[side][e] = std::uint8_t(seg.kind);
      init.edge_segment[side][e] = std::uint8_t(b);
      const std::size_t k = std::size_t(j) * g.nx + i;
      if (!s.active[k]) continue;
      ++covered;
      out.segment_min_bed[b] = std::min(out.segment_min_bed[b], s.z[k]);
      if (seg.kind == swe::EdgeKind::kFree) {
        const int di = side == swe::kWest ? 1 : side == swe::kEast ? -1 : 0;
        const int dj = side == swe::kSouth ? 1 : side == swe::kNorth ? -1 : 0;
        const double slope = std::isnan(seg.slope) ? local_bed_slope(s, i, j, di, dj) : seg.slope;
        init.edge_slope[side][e] = std::max(slope, seg.min_slope);
      }
    }
    if (covered == 0)
      throw std::invalid_argument("boundary '" + seg.name + "' covers no active edge cell");
    out.segment_length[b] = covered * g.dx;
    init.segment_is_level[b] = seg.kind == swe::EdgeKind::kLevel;
  }
}

void assign_sources(const SurfaceSetup& s, SurfaceLayout& out) {
  const GridGeometry& g = s.grid;
  if (s.sources.size() > 64)
    throw std::invalid_argument("at most 64 point sources are supported, got " +
                                std::to_string(s.sources.size()));
  std::map<std::int64_t, std::vector<std::pair<int, double>>> by_cell;
  out.source_cell_count.assign(s.sources.size(), 0);
  for (std::size_t q = 0; q < s.sources.size(); ++q) {
    const SourceSpec& src = s.sources[q];
    std::vector<std::int64_t> cells;
    if (src.radius <= 0.0) {
      const int i = int(std::floor((src.x - g.x0) / g.dx));
      const int j = int(std::floor((src.y - g.y0) / g.dx));
      if (i >= 0 && j >= 0 && i < g.nx && j < g.ny && s.active[std::size_t(j) * g.nx + i])
        cells.push_back(std::int64_t(j) * g.nx + i);
    } else {
      for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
          const double dx = g.x0 + (i + 0.5) * g.dx - src.x, dy = g.y0 + (j + 0.5) * g.dx - src.y;
          const std::int64_t k = std::int64_t(j) * g.nx + i;
          if (dx * dx + dy * dy <= src.radius * src.radius && s.active[k]) cells.push_back(k);
        }
    }
    if (cells.empty())
      throw std::invalid_argument("source '" + src.name + "' at (" + std::to_string(src.x) + ", " +
                                  std::to_string(src.y) + ") lies on no active cell of the grid");
    out.source_cell_count[q] = int(cells.size());
    for (std::int64_t k : cells) by_cell[k].push_back({int(q), 1.0 / double(cells.size())});
  }
  auto& init = out.init;
  if (by_cell.empty()) return;
  init.source_entry_begin.push_back(0);
  for (const auto& [cell, entries] : by_cell) {
    init.source_cells.push_back(cell);
    for (const auto& [src, w] : entries) {
      init.source_entry_source.push_back(src);
      init.source_entry_weight.push_back(w);
    }
    init.source_entry_begin.push_back(int(init.source_entry_source.size()));
  }
}

}  // namespace

SurfaceLayout build_surface_layout(const SurfaceSetup& s) {
  const GridGeometry& g = s.grid;
  const std::size_t n = std::size_t(g.nx) * std::size_t(g.ny);
  if (g.nx <= 0 || g.ny <= 0 || !(g.dx > 0))
    throw std::invalid_argument("grid must have positive size and cell size");
  if (s.z.size() != n || s.active.size() != n)
    throw std::invalid_argument("bed elevation and active mask must have nx*ny values");
  if (!s.roughness.empty() && s.roughness.size() != n)
    throw std::invalid_argument("roughness raster must have nx*ny values");
  if (!s.h0.empty() && s.h0.size() != n)
    throw std::invalid_argument("initial depth must have nx*ny values");

  SurfaceLayout out;
  auto& init = out.init;
  init.nx = g.nx;
  init.ny = g.ny;
  init.dx = g.dx;
  init.z = s.z;
  init.active.assign(s.active.begin(), s.active.end());
  init.friction_law = s.friction_law;
  init.roughness = s.roughness;
  init.roughness_uniform = s.roughness_uniform;
  init.h0 = s.h0;
  init.qx0 = s.qx0;
  init.qy0 = s.qy0;
  init.order = s.numerics.order;
  init.dry_depth = s.numerics.dry_depth;
  init.gravity = s.numerics.gravity;
  if (s.soil) {
    if (s.soil->cell_class.size() != n)
      throw std::invalid_argument("soil class raster must have nx*ny values");
    for (std::uint8_t c : s.soil->cell_class)
      if (c >= s.soil->model.classes.size())
        throw std::invalid_argument("a cell's soil class index " + std::to_string(c) +
                                    " has no entry in the class table");
    init.soil =
        SurfaceSolverInit::Soil{s.soil->model, s.soil->cell_class, s.soil->evaporation_rate};
  }
  init.track_event_stats = s.track_event_stats;
  init.wet_threshold = s.wet_threshold;
  init.flood_threshold = s.flood_threshold;
  init.user_threshold = s.user_threshold;
  assign_edges(s, out);
  assign_sources(s, out);
  return out;
}

}  // namespace sf
