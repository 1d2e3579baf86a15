// Raster files <-> sf::mesh::Raster through GDAL (GeoTIFF, ESRI ASCII grid and the other
// single-band rasters GDAL reads). Only this library links GDAL; the engine sees plain Rasters.
#pragma once

#include <string>

#include "meshes/raster.hpp"

namespace sf::mesh {

/// Reads band 1 of a north-up (or south-up) raster into engine orientation (row 0 = south).
/// Nodata cells, NaN values and cells masked by GDAL get valid = 0. Cells must be square and the
/// raster must not be rotated. Throws sf::InputError naming the file when it is missing,
/// unreadable, truncated, non-square or rotated.
Raster read_raster(const std::string& path);

/// read_raster() plus a check that the grid matches `reference` (size, cell size, origin), so
/// roughness, mask or rain grids line up with the DEM cell for cell. `what` names the input in
/// messages (e.g. "surface.manning"); all mismatches are reported together.
Raster read_raster_like(const std::string& path, const Raster& reference, const std::string& what);

/// Sample type stored in a written GeoTIFF.
enum class RasterSampleType {
  Float64,  // exact copy of the values (default)
  Float32,  // half the size; ~7 significant digits
  Byte,     // masks and classes 0..254; nodata is stored as 255
};

/// Writes a north-up, DEFLATE-compressed GeoTIFF of `raster` (invalid cells get the nodata
/// value: -9999 for floats, 255 for Byte). The file appears under its final name only when
/// complete (written to a temporary name, then renamed). Throws std::runtime_error on failure.
void write_raster_geotiff(const std::string& path, const Raster& raster,
                          RasterSampleType type = RasterSampleType::Float64);

}  // namespace sf::mesh
