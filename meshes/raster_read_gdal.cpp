// read_raster / read_raster_like: GDAL dataset -> sf::mesh::Raster in engine orientation.
#include <cpl_string.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "common/input_error.hpp"
#include "meshes/esri_ascii_check.hpp"
#include "meshes/gdal_session.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::mesh {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw InputError(InputIssue{path, 0, "", "", message});
}

std::string format_number(double v) {
  std::ostringstream s;
  s.precision(15);  // cell sizes such as 0.99993681000029 must show in full
  s << v;
  return s.str();
}

std::string size_text(int nx, int ny) {
  return std::to_string(nx) + " x " + std::to_string(ny) + " cells";
}

/// GDAL nests messages ("f, band 1: IReadBlock failed ...: f, band 1: File short ..."); the
/// innermost one is the reason a user can act on.
std::string innermost_reason(const std::string& gdal_message) {
  const std::string marker = "band 1: ";
  const std::size_t at = gdal_message.rfind(marker);
  std::string reason =
      at == std::string::npos ? gdal_message : gdal_message.substr(at + marker.size());
  while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
  return reason;
}

bool has_asc_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".asc";
}

GDALDatasetH open_dataset(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail(path, "raster file not found");
  if (std::filesystem::is_directory(path, ec))
    fail(path, "is a folder; expected a raster file (GeoTIFF or ESRI ASCII grid)");

  CPLStringList open_options;
  GDALDriverH driver = GDALIdentifyDriver(path.c_str(), nullptr);
  const bool esri_ascii =
      driver ? std::string(GDALGetDriverShortName(driver)) == "AAIGrid" : has_asc_extension(path);
  if (esri_ascii) {
    // GDAL would read "1o.050" as 1 and shift rows after a long one: check the text first.
    check_esri_ascii_grid(path);
    // ESRI ASCII grids hold decimal text: keep every digit (GDAL would pick Float32).
    open_options.AddNameValue("DATATYPE", "Float64");
  }

  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr,
                               open_options.List(), nullptr);
  if (!ds)
    fail(path, "cannot be read as a raster (" +
                   detail::QuietGdal::last_message("format not recognised by GDAL") +
                   "); expected a GeoTIFF or an ESRI ASCII grid");
  return ds;
}

struct GridFromTransform {
  double dx = 0.0;
  double x0 = 0.0, y0 = 0.0;
  bool north_up = true;  // first stored row is the northern one
};

GridFromTransform grid_from_transform(const std::string& path, GDALDatasetH ds, int ny) {
  double gt[6];
  if (GDALGetGeoTransform(ds, gt) != CE_None)
    fail(path, "has no georeferencing (no geotransform); expected a georeferenced raster");
  if (gt[2] != 0.0 || gt[4] != 0.0)
    fail(path, "raster is rotated (geotransform terms " + format_number(gt[2]) + ", " +
                   format_number(gt[4]) + "); expected a north-up grid without rotation");
  const double sx = gt[1];
  const double sy = std::fabs(gt[5]);
  // Relative tolerance: header text and float round-off, far below anything physical.
  if (!(sx > 0.0) || gt[5] == 0.0)
    fail(path, "cell size " + format_number(sx) + " m by " + format_number(gt[5]) +
                   " m; expected a cell size > 0");
  if (std::fabs(sx - sy) > 1e-9 * sx)
    fail(path, "cells are not square: " + format_number(sx) + " m (x) by " + format_number(sy) +
                   " m (y); expected equal cell sizes (resample the raster to square cells)");
  GridFromTransform g;
  g.dx = sx;  // kept exactly as stored
  g.x0 = gt[0];
  g.north_up = gt[5] < 0.0;
  g.y0 = g.north_up ? gt[3] + gt[5] * ny : gt[3];
  return g;
}

/// NaN or infinity where the file declares no nodata is a broken export, not a missing cell:
/// refused with the count and the first cell, so it cannot turn into an inactive hole silently.
void refuse_non_finite_values(const std::string& path, const Raster& r, const GridFromTransform& g,
                              const std::vector<double>& stored,
                              const std::vector<std::uint8_t>& mask) {
  std::size_t count = 0, first = 0;
  for (std::size_t k = 0; k < stored.size(); ++k)
    if (mask[k] != 0 && !std::isfinite(stored[k]) && count++ == 0) first = k;
  if (count == 0) return;
  const int row = int(first / std::size_t(r.nx)), col = int(first % std::size_t(r.nx));
  const int j = g.north_up ? r.ny - 1 - row : row;
  fail(path, std::to_string(count) + (count == 1 ? " cell holds" : " cells hold") +
                 " NaN or infinity (first at row " + std::to_string(row + 1) + ", column " +
                 std::to_string(col + 1) + ", x = " + format_number(r.x_center(col)) +
                 ", y = " + format_number(r.y_center(j)) +
                 "); expected numbers, with missing cells set to the nodata value");
}

}  // namespace

Raster read_raster(const std::string& path) {
  detail::QuietGdal quiet;
  detail::DatasetHandle ds(open_dataset(path));

  Raster r;
  r.source = path;
  r.nx = GDALGetRasterXSize(ds.get());
  r.ny = GDALGetRasterYSize(ds.get());
  if (GDALGetRasterCount(ds.get()) < 1 || r.nx <= 0 || r.ny <= 0)
    fail(path, "holds no raster band; expected a single-band grid");
  const GridFromTransform g = grid_from_transform(path, ds.get(), r.ny);
  r.dx = g.dx;
  r.x0 = g.x0;
  r.y0 = g.y0;
  if (const char* wkt = GDALGetProjectionRef(ds.get())) r.crs_wkt = wkt;

  GDALRasterBandH band = GDALGetRasterBand(ds.get(), 1);
  std::vector<double> stored(r.size());
  std::vector<std::uint8_t> mask(r.size());
  CPLErrorReset();
  if (GDALRasterIO(band, GF_Read, 0, 0, r.nx, r.ny, stored.data(), r.nx, r.ny, GDT_Float64, 0, 0) !=
      CE_None)
    fail(path, "cannot read the values of band 1 (" +
                   innermost_reason(detail::QuietGdal::last_message("read error")) +
                   "); the header promises " + size_text(r.nx, r.ny) +
                   ", so the file may be truncated or miss a row");
  // GDAL's mask band folds nodata values, NaN nodata and internal masks into one answer.
  if (GDALRasterIO(GDALGetMaskBand(band), GF_Read, 0, 0, r.nx, r.ny, mask.data(), r.nx, r.ny,
                   GDT_Byte, 0, 0) != CE_None)
    fail(path, "cannot read the nodata mask of band 1 (" +
                   detail::QuietGdal::last_message("read error") + ")");

  refuse_non_finite_values(path, r, g, stored, mask);
  r.values.resize(r.size());
  r.valid.resize(r.size());
  for (int row = 0; row < r.ny; ++row) {
    const int j = g.north_up ? r.ny - 1 - row : row;  // engine row 0 is the southern row
    for (int i = 0; i < r.nx; ++i) {
      const std::size_t from = static_cast<std::size_t>(row) * r.nx + i;
      const std::size_t to = r.index(i, j);
      r.values[to] = stored[from];
      r.valid[to] = (mask[from] != 0 && std::isfinite(stored[from])) ? 1 : 0;
    }
  }
  return r;
}

Raster read_raster_like(const std::string& path, const Raster& reference, const std::string& what) {
  Raster r = read_raster(path);
  const std::string ref_name = reference.source.empty() ? "the reference grid" : reference.source;
  std::vector<InputIssue> issues;
  auto mismatch = [&](const std::string& message) {
    issues.push_back(InputIssue{path, 0, "", what, message + " to match " + ref_name});
  };
  if (r.nx != reference.nx || r.ny != reference.ny)
    mismatch("raster is " + size_text(r.nx, r.ny) + "; expected " +
             size_text(reference.nx, reference.ny));
  if (std::fabs(r.dx - reference.dx) > 1e-9 * reference.dx)
    mismatch("cell size is " + format_number(r.dx) + " m; expected " + format_number(reference.dx) +
             " m");
  // A thousandth of a cell: header rounding passes, a shift by any real distance does not.
  const double tol = 1e-3 * reference.dx;
  if (std::fabs(r.x0 - reference.x0) > tol || std::fabs(r.y0 - reference.y0) > tol)
    mismatch("lower-left corner is (" + format_number(r.x0) + ", " + format_number(r.y0) +
             "); expected (" + format_number(reference.x0) + ", " + format_number(reference.y0) +
             ")");
  if (!issues.empty()) throw InputError(std::move(issues));
  return r;
}

}  // namespace sf::mesh
