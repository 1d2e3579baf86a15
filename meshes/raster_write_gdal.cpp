// write_raster_geotiff: sf::mesh::Raster (engine orientation) -> north-up compressed GeoTIFF.
#include <cpl_string.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "meshes/gdal_session.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::mesh {
namespace {

constexpr double kFloatNodata = -9999.0;  // the ESRI convention, understood by every GIS
constexpr double kByteNodata = 255.0;

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw std::runtime_error(path + ": cannot write GeoTIFF: " + message);
}

GDALDataType gdal_type(RasterSampleType type) {
  switch (type) {
    case RasterSampleType::Float32:
      return GDT_Float32;
    case RasterSampleType::Byte:
      return GDT_Byte;
    case RasterSampleType::Float64:
      break;
  }
  return GDT_Float64;
}

void check_consistent(const std::string& path, const Raster& r) {
  if (r.nx <= 0 || r.ny <= 0 || !(r.dx > 0.0)) fail(path, "raster has an empty grid");
  if (r.values.size() != r.size() || r.valid.size() != r.size())
    fail(path, "raster arrays hold " + std::to_string(r.values.size()) + " values and " +
                   std::to_string(r.valid.size()) +
                   " flags; expected nx * ny = " + std::to_string(r.size()));
}

/// Rows flipped to north-up, nodata substituted for invalid cells.
std::vector<double> north_up_values(const Raster& r, double nodata) {
  std::vector<double> out(r.size());
  for (int row = 0; row < r.ny; ++row) {
    const int j = r.ny - 1 - row;
    for (int i = 0; i < r.nx; ++i) {
      const std::size_t k = r.index(i, j);
      out[static_cast<std::size_t>(row) * r.nx + i] = r.valid[k] ? r.values[k] : nodata;
    }
  }
  return out;
}

/// Writes the whole file at `file`; error messages name `path`, the name the user asked for.
void write_geotiff_file(const std::string& file, const std::string& path, const Raster& raster,
                        RasterSampleType type) {
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  if (!driver) fail(path, "GDAL was built without the GTiff driver");

  CPLStringList options;
  options.AddNameValue("COMPRESS", "DEFLATE");
  // Predictors make DEM-like data compress several times better: 3 = floating point.
  options.AddNameValue("PREDICTOR", type == RasterSampleType::Byte ? "2" : "3");
  options.AddNameValue("TILED", "YES");

  detail::DatasetHandle ds(
      GDALCreate(driver, file.c_str(), raster.nx, raster.ny, 1, gdal_type(type), options.List()));
  if (!ds) fail(path, detail::QuietGdal::last_message("GDALCreate failed"));

  const double north = raster.y0 + raster.dx * raster.ny;
  double gt[6] = {raster.x0, raster.dx, 0.0, north, 0.0, -raster.dx};
  GDALSetGeoTransform(ds.get(), gt);
  if (!raster.crs_wkt.empty() && GDALSetProjection(ds.get(), raster.crs_wkt.c_str()) != CE_None)
    fail(path, "CRS not understood (" + detail::QuietGdal::last_message("bad WKT") + ")");

  const double nodata = type == RasterSampleType::Byte ? kByteNodata : kFloatNodata;
  GDALRasterBandH band = GDALGetRasterBand(ds.get(), 1);
  GDALSetRasterNoDataValue(band, nodata);
  std::vector<double> rows = north_up_values(raster, nodata);
  if (GDALRasterIO(band, GF_Write, 0, 0, raster.nx, raster.ny, rows.data(), raster.nx, raster.ny,
                   GDT_Float64, 0, 0) != CE_None)
    fail(path, detail::QuietGdal::last_message("write failed"));
  CPLErrorReset();
  ds.reset();  // flushes and closes
  if (CPLGetLastErrorType() >= CE_Failure)
    fail(path, detail::QuietGdal::last_message("closing the file failed"));
}

}  // namespace

void write_raster_geotiff(const std::string& path, const Raster& raster, RasterSampleType type) {
  check_consistent(path, raster);
  detail::QuietGdal quiet;
  // A temporary name first, so a crash never leaves a half-written file under the real name.
  const std::string tmp = path + ".tmp";
  std::error_code ec;
  try {
    write_geotiff_file(tmp, path, raster, type);
  } catch (...) {
    std::filesystem::remove(tmp, ec);
    throw;
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) fail(path, "cannot rename " + tmp + ": " + ec.message());
}

}  // namespace sf::mesh
