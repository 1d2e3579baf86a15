#include "io/netcdf/cf_grid_mapping.hpp"

#include <ogr_spatialref.h>

#include <sstream>

#include "common/input_error.hpp"
#include "io/netcdf/netcdf_file.hpp"

namespace sf::io {
namespace {

std::string to_wkt(const OGRSpatialReference& srs) {
  char* text = nullptr;
  srs.exportToWkt(&text);
  std::string wkt = text ? text : "";
  CPLFree(text);
  return wkt;
}

bool import_wkt(OGRSpatialReference& srs, const std::string& wkt) {
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return !wkt.empty() && srs.importFromWkt(wkt.c_str()) == OGRERR_NONE;
}

}  // namespace

std::string crs_wkt_from_grid_mapping(const nc::File& file, const std::string& variable,
                                      const std::string& mapping_name,
                                      double false_offset_to_metres) {
  const auto fail = [&](const std::string& message) {
    return InputError(InputIssue{file.path(), 0, "[rain]", variable,
                                 "grid_mapping \"" + mapping_name + "\": " + message});
  };
  const int varid = file.find_variable(mapping_name);
  if (varid < 0) throw fail("no such variable in the file; expected a CF grid-mapping variable");

  OGRSpatialReference srs;
  for (const char* key : {"crs_wkt", "spatial_ref"}) {
    if (auto wkt = file.text_attribute(varid, key)) {
      if (import_wkt(srs, *wkt)) return to_wkt(srs);
      throw fail(std::string(key) + " is not a WKT that GDAL understands");
    }
  }
  const std::string name = file.text_attribute(varid, "grid_mapping_name").value_or("");
  const auto number = [&](const char* key, double fallback) {
    const auto v = file.number_attribute(varid, key);
    return v.empty() ? fallback : v.front();
  };
  const auto required = [&](const char* key) {
    const auto v = file.number_attribute(varid, key);
    if (v.empty()) throw fail(std::string("attribute ") + key + " is missing for " + name);
    return v.front();
  };
  std::ostringstream proj;
  proj.precision(15);
  if (name == "albers_conical_equal_area" || name == "lambert_conformal_conic") {
    const auto parallels = file.number_attribute(varid, "standard_parallel");
    if (parallels.empty()) throw fail("attribute standard_parallel is missing for " + name);
    proj << "+proj=" << (name[0] == 'a' ? "aea" : "lcc") << " +lat_1=" << parallels.front()
         << " +lat_2=" << parallels.back()
         << " +lat_0=" << required("latitude_of_projection_origin")
         << " +lon_0=" << required("longitude_of_central_meridian");
  } else if (name == "transverse_mercator") {
    proj << "+proj=tmerc +lat_0=" << required("latitude_of_projection_origin")
         << " +lon_0=" << required("longitude_of_central_meridian")
         << " +k=" << number("scale_factor_at_central_meridian", 1.0);
  } else if (name == "lambert_azimuthal_equal_area") {
    proj << "+proj=laea +lat_0=" << required("latitude_of_projection_origin")
         << " +lon_0=" << required("longitude_of_projection_origin");
  } else if (name == "polar_stereographic" || name == "stereographic") {
    const bool polar = name[0] == 'p';
    proj << "+proj=stere +lat_0=" << required("latitude_of_projection_origin") << " +lon_0="
         << (polar ? required("straight_vertical_longitude_from_pole")
                   : required("longitude_of_projection_origin"));
    const auto ts = file.number_attribute(varid, "standard_parallel");
    if (!ts.empty())
      proj << " +lat_ts=" << ts.front();
    else
      proj << " +k=" << number("scale_factor_at_projection_origin", 1.0);
  } else if (name == "mercator") {
    proj << "+proj=merc +lon_0=" << required("longitude_of_projection_origin");
    const auto ts = file.number_attribute(varid, "standard_parallel");
    if (!ts.empty())
      proj << " +lat_ts=" << ts.front();
    else
      proj << " +k=" << number("scale_factor_at_projection_origin", 1.0);
  } else if (name == "latitude_longitude") {
    proj << "+proj=longlat";
  } else {
    throw fail("grid_mapping_name \"" + name +
               "\" is not supported; expected albers_conical_equal_area, transverse_mercator, "
               "lambert_conformal_conic, lambert_azimuthal_equal_area, polar_stereographic, "
               "stereographic, mercator or latitude_longitude (or a crs_wkt attribute)");
  }
  if (name != "latitude_longitude")
    proj << " +x_0=" << number("false_easting", 0.0) * false_offset_to_metres
         << " +y_0=" << number("false_northing", 0.0) * false_offset_to_metres << " +units=m";
  const auto a = file.number_attribute(varid, "semi_major_axis");
  const auto b = file.number_attribute(varid, "semi_minor_axis");
  const auto rf = file.number_attribute(varid, "inverse_flattening");
  const auto radius = file.number_attribute(varid, "earth_radius");
  if (!a.empty() && !b.empty())
    proj << " +a=" << a.front() << " +b=" << b.front();
  else if (!a.empty() && !rf.empty())
    proj << " +a=" << a.front() << " +rf=" << rf.front();
  else if (!radius.empty())
    proj << " +R=" << radius.front();
  else if (!a.empty())
    proj << " +R=" << a.front();
  else
    proj << " +ellps=WGS84";
  proj << " +no_defs";
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (srs.importFromProj4(proj.str().c_str()) != OGRERR_NONE)
    throw fail("GDAL/PROJ refused the projection built from its attributes: " + proj.str());
  return to_wkt(srs);
}

double crs_linear_unit_metres(const std::string& wkt) {
  OGRSpatialReference srs;
  if (!import_wkt(srs, wkt) || srs.IsGeographic()) return 1.0;
  return srs.GetLinearUnits();
}

bool crs_is_geographic(const std::string& wkt) {
  OGRSpatialReference srs;
  return import_wkt(srs, wkt) && srs.IsGeographic();
}

bool crs_same(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  OGRSpatialReference sa, sb;
  return import_wkt(sa, a) && import_wkt(sb, b) && sa.IsSame(&sb);
}

}  // namespace sf::io
