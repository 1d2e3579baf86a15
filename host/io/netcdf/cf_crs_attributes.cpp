#include "io/netcdf/cf_crs_attributes.hpp"

#include <ogr_spatialref.h>
#include <ogr_srs_api.h>

#include <cstring>
#include <stdexcept>

namespace sf::io {
namespace {

struct ProjectionParameter {
  const char* cf_name;
  const char* gdal_name;
};

struct ProjectionMapping {
  const char* gdal_projection;
  const char* grid_mapping_name;
  std::vector<ProjectionParameter> parameters;
};

// CF 1.8 Appendix F names against GDAL's (OGC WKT1) parameter names.
const std::vector<ProjectionMapping>& projection_mappings() {
  static const std::vector<ProjectionMapping> mappings = {
      {SRS_PT_TRANSVERSE_MERCATOR,
       "transverse_mercator",
       {{"scale_factor_at_central_meridian", SRS_PP_SCALE_FACTOR},
        {"longitude_of_central_meridian", SRS_PP_CENTRAL_MERIDIAN},
        {"latitude_of_projection_origin", SRS_PP_LATITUDE_OF_ORIGIN},
        {"false_easting", SRS_PP_FALSE_EASTING},
        {"false_northing", SRS_PP_FALSE_NORTHING}}},
      {SRS_PT_LAMBERT_CONFORMAL_CONIC_2SP,
       "lambert_conformal_conic",
       {{"standard_parallel", SRS_PP_STANDARD_PARALLEL_1},
        {"standard_parallel", SRS_PP_STANDARD_PARALLEL_2},
        {"longitude_of_central_meridian", SRS_PP_CENTRAL_MERIDIAN},
        {"latitude_of_projection_origin", SRS_PP_LATITUDE_OF_ORIGIN},
        {"false_easting", SRS_PP_FALSE_EASTING},
        {"false_northing", SRS_PP_FALSE_NORTHING}}},
      {SRS_PT_ALBERS_CONIC_EQUAL_AREA,
       "albers_conical_equal_area",
       {{"standard_parallel", SRS_PP_STANDARD_PARALLEL_1},
        {"standard_parallel", SRS_PP_STANDARD_PARALLEL_2},
        {"longitude_of_central_meridian", SRS_PP_LONGITUDE_OF_CENTER},
        {"latitude_of_projection_origin", SRS_PP_LATITUDE_OF_CENTER},
        {"false_easting", SRS_PP_FALSE_EASTING},
        {"false_northing", SRS_PP_FALSE_NORTHING}}},
      {SRS_PT_LAMBERT_AZIMUTHAL_EQUAL_AREA,
       "lambert_azimuthal_equal_area",
       {{"longitude_of_projection_origin", SRS_PP_LONGITUDE_OF_CENTER},
        {"latitude_of_projection_origin", SRS_PP_LATITUDE_OF_CENTER},
        {"false_easting", SRS_PP_FALSE_EASTING},
        {"false_northing", SRS_PP_FALSE_NORTHING}}},
  };
  return mappings;
}

std::string gdal_wkt1(const OGRSpatialReference& srs) {
  char* text = nullptr;
  srs.exportToWkt(&text);
  std::string wkt = text ? text : "";
  CPLFree(text);
  return wkt;
}

const char* name_or_empty(const char* s) {
  return s ? s : "";
}

/// Appends to the previous attribute when it has the same name (standard_parallel 1 and 2).
void add_number(CfCrsAttributes& out, const std::string& name, double value) {
  if (!out.numbers.empty() && out.numbers.back().first == name)
    out.numbers.back().second.push_back(value);
  else
    out.numbers.emplace_back(name, std::vector<double>{value});
}

}  // namespace

bool CfCrsAttributes::has_grid_mapping_name() const {
  for (const auto& [name, value] : text)
    if (name == "grid_mapping_name") return true;
  return false;
}

CfCrsAttributes cf_crs_attributes(const std::string& wkt) {
  CfCrsAttributes out;
  if (wkt.empty()) return out;
  OGRSpatialReference srs;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (srs.importFromWkt(wkt.c_str()) != OGRERR_NONE)
    throw std::invalid_argument("the grid's CRS is not a WKT that GDAL can read: " +
                                wkt.substr(0, 80));

  out.text.emplace_back("crs_wkt", wkt);
  out.text.emplace_back("spatial_ref", gdal_wkt1(srs));  // the attribute GDAL itself writes

  if (!srs.IsProjected()) return out;  // a lat/lon CRS does not fit a grid spaced in metres
  const char* projection = srs.GetAttrValue("PROJECTION");
  for (const auto& mapping : projection_mappings()) {
    if (!projection || std::strcmp(projection, mapping.gdal_projection) != 0) continue;
    out.text.emplace_back("grid_mapping_name", mapping.grid_mapping_name);
    for (const auto& p : mapping.parameters)
      add_number(out, p.cf_name, srs.GetNormProjParm(p.gdal_name, 0.0));
    OGRErr err = OGRERR_NONE;
    add_number(out, "semi_major_axis", srs.GetSemiMajor(&err));
    add_number(out, "inverse_flattening", srs.GetInvFlattening(&err));
    add_number(out, "longitude_of_prime_meridian", srs.GetPrimeMeridian());
    out.text.emplace_back("projected_crs_name", name_or_empty(srs.GetAttrValue("PROJCS")));
    out.text.emplace_back("geographic_crs_name", name_or_empty(srs.GetAttrValue("GEOGCS")));
    out.text.emplace_back("horizontal_datum_name", name_or_empty(srs.GetAttrValue("DATUM")));
    break;
  }
  return out;
}

}  // namespace sf::io
