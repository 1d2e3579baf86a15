#include "meshes/crs_gdal.hpp"

#include <ogr_spatialref.h>

#include <stdexcept>

namespace sf::mesh {

std::string crs_wkt_from_user_text(const std::string& text) {
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
    throw std::invalid_argument("'" + text +
                                "' is not a coordinate reference system GDAL knows; "
                                "expected e.g. EPSG:32756, a WKT or a PROJ string");
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string out = wkt ? wkt : "";
  CPLFree(wkt);
  return out;
}

}  // namespace sf::mesh
