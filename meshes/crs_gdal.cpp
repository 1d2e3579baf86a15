#include "meshes/crs_gdal.hpp"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <cstdlib>
#include <stdexcept>

#include "meshes/gdal_session.hpp"

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

namespace {

int epsg_authority(const OGRSpatialReference& srs) {
  const char* name = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  return name && code && EQUAL(name, "EPSG") ? std::atoi(code) : 0;
}

}  // namespace

int crs_epsg_code(const std::string& wkt) {
  if (wkt.empty()) return 0;
  OGRSpatialReference srs;
  if (srs.importFromWkt(wkt.c_str()) != OGRERR_NONE) return 0;
  if (const int code = epsg_authority(srs)) return code;
  OGRSpatialReference identified(srs);
  if (identified.AutoIdentifyEPSG() == OGRERR_NONE)
    if (const int code = epsg_authority(identified)) return code;
  // AutoIdentifyEPSG knows only UTM and a few geographic CRSs; FindMatches asks PROJ's database.
  // PROJ rates an equivalent CRS 70-100 % by its name and 50 % when only the axis order differs,
  // as for an ESRI .prj (easting first) of a northing-first EPSG CRS such as 4547; GeoJSON and GIS
  // readers take x = easting either way, so 50 % is a match. Below that the definitions differ.
  int count = 0;
  int* confidence = nullptr;
  OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidence);
  int code = 0;
  if (matches && count > 0 && confidence[0] >= 50 && (count == 1 || confidence[1] < confidence[0]))
    code = epsg_authority(*OGRSpatialReference::FromHandle(matches[0]));
  OSRFreeSRSArray(matches);
  CPLFree(confidence);
  return code;
}

std::string raster_crs_wkt(const std::string& path) {
  const detail::QuietGdal quiet;  // "" is the answer for an unreadable file
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  if (!ds) return "";
  const char* wkt = GDALGetProjectionRef(ds);
  std::string out = wkt ? wkt : "";
  GDALClose(ds);
  return out;
}

}  // namespace sf::mesh
