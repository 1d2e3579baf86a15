#include "label_polygons_gdal.hpp"

#include <gdal_alg.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

#include "gdal_session.hpp"

namespace sf::mesh {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw std::runtime_error(path + ": cannot write polygons: " + message);
}

std::string driver_for(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".geojson" || ext == ".json") return "GeoJSON";
  if (ext == ".gpkg") return "GPKG";
  fail(path, "unknown extension \"" + ext + "\"; expected .geojson or .gpkg");
}

struct Datasets {  // closes whatever was opened, in reverse order
  GDALDatasetH mem = nullptr, traced = nullptr, out = nullptr;
  OGRSpatialReferenceH srs = nullptr;
  ~Datasets() {
    if (out) GDALClose(out);
    if (traced) GDALClose(traced);
    if (mem) GDALClose(mem);
    if (srs) OSRDestroySpatialReference(srs);
  }
};

}  // namespace

void write_label_polygons(const std::string& path, const Raster& labels,
                          const LabelAttributes& attrs) {
  detail::QuietGdal quiet;
  if (labels.nx <= 0 || labels.ny <= 0 || labels.values.size() != labels.size())
    fail(path, "the label grid is empty or its values do not fill it");
  const std::string driver_name = driver_for(path);
  const std::filesystem::path final_path(path);
  const std::string tmp = (final_path.parent_path() /
                           (final_path.stem().string() + ".part" + final_path.extension().string()))
                              .string();
  std::error_code ec;
  std::filesystem::remove(tmp, ec);

  Datasets d;
  GDALDriverH mem_driver = GDALGetDriverByName("MEM");
  d.mem = GDALCreate(mem_driver, "", labels.nx, labels.ny, 1, GDT_Int32, nullptr);
  if (!d.mem) fail(path, quiet.last_message("cannot create an in-memory grid"));
  double gt[6] = {labels.x0, labels.dx, 0.0, labels.y0 + labels.ny * labels.dx, 0.0, -labels.dx};
  GDALSetGeoTransform(d.mem, gt);
  std::vector<std::int32_t> north_up(labels.size());
  for (int row = 0; row < labels.ny; ++row)
    for (int i = 0; i < labels.nx; ++i) {
      const std::size_t k = labels.index(i, labels.ny - 1 - row);
      const bool inside = labels.valid.empty() || labels.valid[k];
      north_up[std::size_t(row) * labels.nx + i] =
          inside ? static_cast<std::int32_t>(labels.values[k]) : 0;
    }
  GDALRasterBandH band = GDALGetRasterBand(d.mem, 1);
  if (GDALRasterIO(band, GF_Write, 0, 0, labels.nx, labels.ny, north_up.data(), labels.nx,
                   labels.ny, GDT_Int32, 0, 0) != CE_None)
    fail(path, quiet.last_message("cannot fill the in-memory grid"));

  // Trace into an in-memory layer first: sequential writers (GeoJSON) cannot update features.
  GDALDriverH vector_mem = GDALGetDriverByName("Memory");
  if (!vector_mem) fail(path, "GDAL was built without the Memory driver");
  d.traced = GDALCreate(vector_mem, "", 0, 0, 0, GDT_Unknown, nullptr);
  if (!d.traced) fail(path, quiet.last_message("cannot create an in-memory layer"));
  if (!labels.crs_wkt.empty()) {
    d.srs = OSRNewSpatialReference(labels.crs_wkt.c_str());
    if (d.srs) OSRSetAxisMappingStrategy(d.srs, OAMS_TRADITIONAL_GIS_ORDER);
  }
  OGRLayerH traced = GDALDatasetCreateLayer(d.traced, "traced", d.srs, wkbPolygon, nullptr);
  OGRFieldDefnH label_field = OGR_Fld_Create("id", OFTInteger);
  OGR_L_CreateField(traced, label_field, TRUE);
  OGR_Fld_Destroy(label_field);
  // Mask = the band itself: cells of label 0 make no polygon.
  if (GDALPolygonize(band, band, traced, 0, nullptr, nullptr, nullptr) != CE_None)
    fail(path, quiet.last_message("polygon tracing failed"));

  GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
  if (!driver) fail(path, "GDAL was built without the " + driver_name + " driver");
  d.out = GDALCreate(driver, tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!d.out) fail(path, quiet.last_message("cannot create the file"));
  OGRLayerH layer = GDALDatasetCreateLayer(d.out, "spots", d.srs, wkbPolygon, nullptr);
  if (!layer) fail(path, quiet.last_message("cannot create the layer"));
  auto add_field = [&](const std::string& name, OGRFieldType type) {
    OGRFieldDefnH f = OGR_Fld_Create(name.c_str(), type);
    const OGRErr e = OGR_L_CreateField(layer, f, TRUE);
    OGR_Fld_Destroy(f);
    if (e != OGRERR_NONE) fail(path, quiet.last_message("cannot create field " + name));
  };
  add_field("id", OFTInteger);
  for (const auto& name : attrs.real_names) add_field(name, OFTReal);
  for (const auto& name : attrs.text_names) add_field(name, OFTString);

  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  OGR_L_ResetReading(traced);
  while (OGRFeatureH in = OGR_L_GetNextFeature(traced)) {
    const int label = OGR_F_GetFieldAsInteger(in, 0);
    OGRFeatureH f = OGR_F_Create(defn);
    OGR_F_SetGeometry(f, OGR_F_GetGeometryRef(in));
    OGR_F_SetFieldInteger(f, 0, label);
    for (std::size_t c = 0; c < attrs.real_names.size(); ++c)
      if (label >= 1 && std::size_t(label) <= attrs.real_values[c].size())
        OGR_F_SetFieldDouble(f, int(1 + c), attrs.real_values[c][label - 1]);
    for (std::size_t c = 0; c < attrs.text_names.size(); ++c)
      if (label >= 1 && std::size_t(label) <= attrs.text_values[c].size())
        OGR_F_SetFieldString(f, int(1 + attrs.real_names.size() + c),
                             attrs.text_values[c][label - 1].c_str());
    const OGRErr e = OGR_L_CreateFeature(layer, f);
    OGR_F_Destroy(f);
    OGR_F_Destroy(in);
    if (e != OGRERR_NONE) fail(path, quiet.last_message("cannot write a polygon"));
  }
  GDALClose(d.out);
  d.out = nullptr;
  if (CPLGetLastErrorType() >= CE_Failure)
    fail(path, quiet.last_message("the driver reported an error while closing"));
  std::filesystem::rename(tmp, final_path, ec);
  if (ec) fail(path, "cannot move " + tmp + " into place: " + ec.message());
}

}  // namespace sf::mesh
