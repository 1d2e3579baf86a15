#include "app/geojson_crs.hpp"

#include <fstream>
#include <stdexcept>

#include "common/atomic_text_file.hpp"
#include "meshes/crs_gdal.hpp"

namespace sf::app {

int set_geojson_crs(nlohmann::ordered_json& fc, const std::string& wkt) {
  const int code = mesh::crs_epsg_code(wkt);
  // Rebuilt member by member so that "crs" comes before the features, where readers that
  // stream the file (and people) look for it.
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : {"type", "name"})
    if (fc.contains(key)) out[key] = fc[key];
  if (code > 0)
    out["crs"] = {{"type", "name"},
                  {"properties", {{"name", "urn:ogc:def:crs:EPSG::" + std::to_string(code)}}}};
  for (auto it = fc.begin(); it != fc.end(); ++it)
    if (it.key() != "type" && it.key() != "name" && it.key() != "crs") out[it.key()] = it.value();
  fc = std::move(out);
  return code;
}

int set_geojson_file_crs(const std::string& path, const std::string& wkt) {
  nlohmann::ordered_json fc;
  {
    std::ifstream in(path);
    fc = nlohmann::ordered_json::parse(in, nullptr, false);
  }
  if (fc.is_discarded() || !fc.is_object())
    throw std::runtime_error(path + ": cannot set its CRS: not a GeoJSON object");
  const int code = set_geojson_crs(fc, wkt);
  write_text_file_atomically(path, fc.dump(1) + "\n", path + ".tmp");
  return code;
}

std::string epsg_text(int code) {
  return code > 0 ? "EPSG:" + std::to_string(code) : "";
}

}  // namespace sf::app
