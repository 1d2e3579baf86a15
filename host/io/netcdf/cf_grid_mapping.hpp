// CF grid mapping -> CRS as WKT through GDAL's OGRSpatialReference. A crs_wkt (or GDAL's
// spatial_ref) attribute on the grid-mapping variable wins; otherwise the CF attributes are
// turned into a PROJ string (GDAL 3.6 has no CF importer). Supported grid_mapping_name values:
// albers_conical_equal_area, transverse_mercator, lambert_conformal_conic,
// lambert_azimuthal_equal_area, polar_stereographic, stereographic, mercator,
// latitude_longitude. The figure of the earth comes from semi_major_axis with semi_minor_axis
// or inverse_flattening, or earth_radius; with none of them WGS 84 is assumed.
#pragma once

#include <string>

namespace sf::io {

namespace nc {
class File;
}

/// WKT of the grid mapping variable `mapping_name` referenced by `variable`. Throws
/// sf::InputError naming file and variable when it is missing or not supported.
/// `false_offset_to_metres` scales false_easting/false_northing (given in x/y units by CF).
std::string crs_wkt_from_grid_mapping(const nc::File& file, const std::string& variable,
                                      const std::string& mapping_name,
                                      double false_offset_to_metres);

/// Metres per linear unit of a projected CRS (1 for geographic or empty WKT).
double crs_linear_unit_metres(const std::string& wkt);
/// True for a geographic (lat/lon) CRS.
bool crs_is_geographic(const std::string& wkt);
/// True when both describe the same CRS (also when both are empty).
bool crs_same(const std::string& a, const std::string& b);

}  // namespace sf::io
