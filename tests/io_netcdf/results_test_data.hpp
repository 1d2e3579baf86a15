// A 4 x 3 synthetic grid in GDA94 / MGA zone 56 (EPSG:28356) with one inactive cell, and
// snapshots whose values encode the cell and the output number, so a flipped, shifted or
// stale array shows in the read-back.
#pragma once

#include <ogr_spatialref.h>

#include <cmath>
#include <cstddef>
#include <string>

#include "engine/snapshot.hpp"

namespace sf::test {

inline constexpr int kInactiveCell = 1;  // cell (i = 1, j = 0), southern row

inline std::string wkt_of_epsg(int code) {
  OGRSpatialReference srs;
  if (srs.importFromEPSG(code) != OGRERR_NONE) return "";
  char* text = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&text, options);
  std::string wkt = text ? text : "";
  CPLFree(text);
  return wkt;
}

inline GridGeometry results_grid() {
  GridGeometry g;
  g.nx = 4;
  g.ny = 3;
  g.dx = 2.0;
  g.x0 = 382250.0;
  g.y0 = 6354264.0;
  g.crs_wkt = wkt_of_epsg(28356);
  return g;
}

/// Depth at cell k of output `index`.
inline double depth_at(std::size_t k, int index) {
  return 0.01 * static_cast<double>(k) + index;
}

inline SurfaceSnapshot results_snapshot(const GridGeometry& g, int index, double time_s,
                                        bool with_event_maps = true) {
  SurfaceSnapshot s;
  s.grid = &g;
  s.index = index;
  s.time_s = time_s;
  const std::size_t n = static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny);
  s.active.assign(n, 1);
  s.active[kInactiveCell] = 0;
  for (auto* a : {&s.bed, &s.depth, &s.level, &s.u, &s.v, &s.speed, &s.max_depth}) a->resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double kd = static_cast<double>(k);
    s.bed[k] = 20.0 + 0.5 * kd;
    s.depth[k] = depth_at(k, index);
    s.level[k] = s.bed[k] + s.depth[k];
    s.u[k] = 0.25 * kd;
    s.v[k] = -0.5;
    s.speed[k] = std::hypot(s.u[k], s.v[k]);
    s.max_depth[k] = s.depth[k] + 0.125;
  }
  if (with_event_maps) {
    s.max_speed.assign(n, 0.0);
    s.max_hazard.assign(n, 0.0);
    s.time_of_max_depth.assign(n, time_s);
    s.time_first_wet.assign(n, 0.0);
    s.duration_flooded.assign(n, 0.0);
    s.duration_above_user.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      s.max_speed[k] = s.speed[k] + index;
      s.max_hazard[k] = s.max_depth[k] * (s.max_speed[k] + 0.5);
      s.duration_flooded[k] = 10.0 * index + static_cast<double>(k);
      s.duration_above_user[k] = 5.0 * index;
    }
    s.time_of_max_depth[0] = -1.0;  // cell 0 never got wet
    s.time_first_wet[0] = -1.0;
    s.wet_threshold_m = 0.001;
    s.flood_threshold_m = 0.15;
    s.user_threshold_m = 0.3;
  }
  return s;
}

}  // namespace sf::test
