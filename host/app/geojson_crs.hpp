// The coordinate reference of the GeoJSON files spongeflow writes (capacity.geojson,
// waterlogging_spots.geojson, the forecast's alerts.geojson). They stay in the DEM's projected
// coordinates, like every other output, and name that CRS in the legacy GeoJSON 2008 "crs" member
// (`urn:ogc:def:crs:EPSG::XXXX`), which GDAL, QGIS and ParaView's GDAL reader honour; RFC 7946
// readers that ignore it would take the metres for degrees. See docs/visualisation.md, "GeoJSON
// coordinates".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sf::app {

/// Sets the "crs" member of the FeatureCollection `fc` (placed after "type" and "name") for the
/// CRS `wkt`, or removes it when the CRS has no EPSG code (mesh::crs_epsg_code). Returns the
/// code, 0 without one.
int set_geojson_crs(nlohmann::ordered_json& fc, const std::string& wkt);

/// set_geojson_crs on the GeoJSON file `path` (written before, e.g. by GDAL), rewritten
/// atomically. Throws std::runtime_error naming the file when it is not a GeoJSON object.
int set_geojson_file_crs(const std::string& path, const std::string& wkt);

/// "EPSG:XXXX" for the summaries, "" without a code.
std::string epsg_text(int code);

}  // namespace sf::app
