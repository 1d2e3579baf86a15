// rasterize_zones: which cell belongs to which zone, for a GeoJSON in the DEM's projected metres
// with and without the "crs" member, and in longitude/latitude (transformed onto the grid).
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <fstream>
#include <string>

#include "demo/demo_dem.hpp"
#include "meshes/zone_polygons_gdal.hpp"
#include "scratch_dir.hpp"

namespace {

// A 20 x 12 grid of 1 m cells in the demo's projected CRS (CGCS2000 3-degree Gauss-Kruger).
constexpr double kX0 = 500000.0, kY0 = 3380000.0;

sf::mesh::Raster grid() {
  sf::mesh::Raster r;
  r.nx = 20;
  r.ny = 12;
  r.dx = 1.0;
  r.x0 = kX0;
  r.y0 = kY0;
  r.crs_wkt = sf::mesh::demo_crs_wkt();
  r.values.assign(r.size(), 0.0);
  r.valid.assign(r.size(), 1);
  return r;
}

/// Two zones split at x0 + 8 m: "west" over columns 0..7, "east" over 8..19.
std::string zones_geojson(const std::string& crs_member, double (*x)(double, double),
                          double (*y)(double, double)) {
  auto ring = [&](double a, double b) {
    std::string s = "[[";
    const double xs[] = {a, b, b, a, a}, ys[] = {0, 0, 12, 12, 0};
    for (int k = 0; k < 5; ++k) {
      const double px = kX0 + xs[k], py = kY0 + ys[k];
      s += (k ? "," : "") + std::string("[") + std::to_string(x(px, py)) + "," +
           std::to_string(y(px, py)) + "]";
    }
    return s + "]]";
  };
  return "{\"type\": \"FeatureCollection\"," + crs_member + " \"features\": [" +
         "{\"type\": \"Feature\", \"properties\": {\"name\": \"west\"}, \"geometry\": " +
         "{\"type\": \"Polygon\", \"coordinates\": " + ring(0, 8) + "}}," +
         "{\"type\": \"Feature\", \"properties\": {\"name\": \"east\"}, \"geometry\": " +
         "{\"type\": \"Polygon\", \"coordinates\": " + ring(8, 20) + "}}]}";
}

double same_x(double x, double) {
  return x;
}
double same_y(double, double y) {
  return y;
}

void expect_split_at_column_8(const sf::mesh::ZoneGrid& z, const sf::mesh::Raster& g) {
  ASSERT_EQ(z.names, (std::vector<std::string>{"west", "east"}));
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) EXPECT_EQ(z.zone[g.index(i, j)], i < 8 ? 1 : 2) << i << "," << j;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

TEST(ZonePolygons, ProjectedMetresWithoutCrsMemberAreTakenInTheDemCrsWithANote) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("zones.geojson");
  write(path, zones_geojson("", same_x, same_y));
  const auto g = grid();
  const auto z = sf::mesh::rasterize_zones(path, g);
  expect_split_at_column_8(z, g);  // before the fix: read as degrees, no cell in any zone
  EXPECT_NE(z.note.find("cannot be longitude/latitude"), std::string::npos) << z.note;
  EXPECT_NE(z.note.find(path), std::string::npos) << z.note;
}

TEST(ZonePolygons, ProjectedMetresWithTheirCrsMemberNeedNoNote) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("zones.geojson");
  write(path, zones_geojson(R"( "crs": {"type": "name", "properties": {"name": )"
                            R"("urn:ogc:def:crs:EPSG::4547"}},)",
                            same_x, same_y));
  const auto g = grid();
  const auto z = sf::mesh::rasterize_zones(path, g);
  expect_split_at_column_8(z, g);
  EXPECT_EQ(z.note, "");
}

// Longitude/latitude of the grid's points, by PROJ through OGR.
struct ToLonLat {
  OGRSpatialReferenceH src = OSRNewSpatialReference(sf::mesh::demo_crs_wkt().c_str());
  OGRSpatialReferenceH dst = OSRNewSpatialReference(nullptr);
  OGRCoordinateTransformationH t = nullptr;
  ToLonLat() {
    OSRImportFromEPSG(dst, 4326);
    OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(dst, OAMS_TRADITIONAL_GIS_ORDER);
    t = OCTNewCoordinateTransformation(src, dst);
  }
  ~ToLonLat() {
    OCTDestroyCoordinateTransformation(t);
    OSRDestroySpatialReference(src);
    OSRDestroySpatialReference(dst);
  }
};
ToLonLat* to_lonlat = nullptr;
double lon(double x, double y) {
  OCTTransform(to_lonlat->t, 1, &x, &y, nullptr);
  return x;
}
double lat(double x, double y) {
  OCTTransform(to_lonlat->t, 1, &x, &y, nullptr);
  return y;
}

TEST(ZonePolygons, LongitudeLatitudeIsTransformedOntoTheGrid) {
  sf::test::ScratchDir dir;
  ToLonLat transform;
  to_lonlat = &transform;
  ASSERT_NE(transform.t, nullptr);
  const std::string path = dir.file("zones.geojson");
  write(path, zones_geojson("", lon, lat));  // RFC 7946: no crs member means WGS 84
  to_lonlat = nullptr;
  const auto g = grid();
  const auto z = sf::mesh::rasterize_zones(path, g);
  expect_split_at_column_8(z, g);
  EXPECT_EQ(z.note, "");
}

}  // namespace
