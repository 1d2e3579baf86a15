#include "meshes/zone_polygons_gdal.hpp"

#include <gdal_alg.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

#include "common/input_error.hpp"
#include "meshes/gdal_session.hpp"

namespace sf::mesh {
namespace {

InputError zone_error(const std::string& path, const std::string& why) {
  return InputError(InputIssue{path, 0, "--zones", "", why});
}

struct Handles {  // closes whatever was opened
  GDALDatasetH vector = nullptr, mem = nullptr;
  OGRSpatialReferenceH grid_srs = nullptr;
  OGRCoordinateTransformationH transform = nullptr;
  std::vector<OGRGeometryH> geometries;
  ~Handles() {
    for (OGRGeometryH g : geometries) OGR_G_DestroyGeometry(g);
    if (transform) OCTDestroyCoordinateTransformation(transform);
    if (grid_srs) OSRDestroySpatialReference(grid_srs);
    if (mem) GDALClose(mem);
    if (vector) GDALClose(vector);
  }
};

std::string zone_name(OGRFeatureH f, int index) {
  OGRFeatureDefnH defn = OGR_F_GetDefnRef(f);
  for (const char* field : {"name", "NAME", "Name", "zone", "ZONE", "id", "ID"}) {
    const int k = OGR_FD_GetFieldIndex(defn, field);
    if (k >= 0 && OGR_F_IsFieldSetAndNotNull(f, k)) return OGR_F_GetFieldAsString(f, k);
  }
  return "zone " + std::to_string(index);
}

}  // namespace

ZoneGrid rasterize_zones(const std::string& path, const Raster& grid) {
  detail::QuietGdal quiet;
  Handles h;
  h.vector = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  if (!h.vector)
    throw zone_error(path, "cannot be read as a polygon file (" +
                               detail::QuietGdal::last_message("unknown format") +
                               "); expected GeoJSON, a shapefile or a GeoPackage");
  OGRLayerH layer =
      GDALDatasetGetLayerCount(h.vector) > 0 ? GDALDatasetGetLayer(h.vector, 0) : nullptr;
  if (!layer) throw zone_error(path, "has no layer; expected polygons of zones");
  OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef(layer);
  ZoneGrid out;
  if (layer_srs && OSRIsGeographic(layer_srs) && !grid.crs_wkt.empty()) {
    // Metres in a file that claims degrees: a GeoJSON written in the DEM's projected coordinates
    // without the "crs" member, which GDAL then reads as WGS 84. Transforming them would throw
    // the zones far off the grid, or fail.
    OGREnvelope e;
    if (OGR_L_GetExtent(layer, &e, 1) == OGRERR_NONE &&
        (e.MinX < -180.0 || e.MaxX > 180.0 || e.MinY < -90.0 || e.MaxY > 90.0)) {
      out.note = path + ": no CRS is given and the coordinates (x " + std::to_string(e.MinX) +
                 " .. " + std::to_string(e.MaxX) +
                 ") cannot be longitude/latitude; they are taken in the DEM's CRS";
      layer_srs = nullptr;
    }
  }
  if (layer_srs && !grid.crs_wkt.empty()) {
    h.grid_srs = OSRNewSpatialReference(grid.crs_wkt.c_str());
    OSRSetAxisMappingStrategy(h.grid_srs, OAMS_TRADITIONAL_GIS_ORDER);
    if (!OSRIsSame(layer_srs, h.grid_srs)) {
      h.transform = OCTNewCoordinateTransformation(layer_srs, h.grid_srs);
      if (!h.transform) throw zone_error(path, "its CRS cannot be transformed into the grid's CRS");
    }
  }
  std::vector<double> burn;
  OGR_L_ResetReading(layer);
  for (OGRFeatureH f; (f = OGR_L_GetNextFeature(layer)) != nullptr;) {
    std::unique_ptr<void, void (*)(void*)> owner(f, [](void* p) { OGR_F_Destroy(p); });
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g) continue;
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type != wkbPolygon && type != wkbMultiPolygon) continue;
    OGRGeometryH copy = OGR_G_Clone(g);
    h.geometries.push_back(copy);
    if (h.transform && OGR_G_Transform(copy, h.transform) != OGRERR_NONE)
      throw zone_error(path, "a polygon cannot be transformed into the grid's CRS");
    out.names.push_back(zone_name(f, int(out.names.size()) + 1));
    burn.push_back(double(out.names.size()));
  }
  if (out.names.empty()) throw zone_error(path, "holds no polygons; expected polygons of zones");

  GDALDriverH mem = GDALGetDriverByName("MEM");
  h.mem = GDALCreate(mem, "", grid.nx, grid.ny, 1, GDT_Int32, nullptr);
  if (!h.mem) throw zone_error(path, "cannot make the zone grid in memory");
  double gt[6] = {grid.x0, grid.dx, 0.0, grid.y0 + grid.ny * grid.dx, 0.0, -grid.dx};
  GDALSetGeoTransform(h.mem, gt);
  int band = 1;
  if (GDALRasterizeGeometries(h.mem, 1, &band, int(h.geometries.size()), h.geometries.data(),
                              nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) != CE_None)
    throw zone_error(path,
                     "cannot be rasterised: " + detail::QuietGdal::last_message("GDAL error"));
  std::vector<int> north_up(grid.size());
  if (GDALRasterIO(GDALGetRasterBand(h.mem, 1), GF_Read, 0, 0, grid.nx, grid.ny, north_up.data(),
                   grid.nx, grid.ny, GDT_Int32, 0, 0) != CE_None)
    throw zone_error(path, "cannot read the rasterised zones back");
  out.zone.resize(grid.size());
  for (int j = 0; j < grid.ny; ++j)
    for (int i = 0; i < grid.nx; ++i)
      out.zone[grid.index(i, j)] = north_up[std::size_t(grid.ny - 1 - j) * grid.nx + i];
  return out;
}

}  // namespace sf::mesh
