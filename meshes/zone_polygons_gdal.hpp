// Zones (districts, catchments, response areas) from a polygon file read through GDAL/OGR
// (GeoJSON, shapefile, GeoPackage, ...) burnt onto a raster grid: which zone each cell belongs to,
// for per-zone summaries of a forecast (docs/forecast.md).
#pragma once

#include <string>
#include <vector>

#include "meshes/raster.hpp"

namespace sf::mesh {

struct ZoneGrid {
  std::vector<std::string> names;  // zone k + 1 is names[k]
  std::vector<int> zone;           // per cell (engine orientation): 1..names.size(), 0 = none
  std::string note;                // a warning for the user (how the file's CRS was taken), or ""
};

/// Burns the polygons of the first layer of `path` onto the grid of `grid` (its size, spacing,
/// origin and CRS): a cell belongs to the polygon that contains its centre (the last one where
/// polygons overlap). Zone names come from a field `name`, `NAME`, `zone` or `id`, else "zone <n>".
/// Polygons in another CRS are transformed when both CRSs are known. A GeoJSON without a "crs"
/// member is WGS 84 by RFC 7946 (and so for GDAL); when its coordinates cannot be longitude and
/// latitude (beyond ±180/±90) they are taken in the grid's CRS instead, and `note` says so.
/// Throws sf::InputError naming the file when it cannot be read or holds no polygons.
ZoneGrid rasterize_zones(const std::string& path, const Raster& grid);

}  // namespace sf::mesh
