// Grid CRS (WKT) -> attributes of a CF grid-mapping variable. GDAL 3.6 has no CF exporter, so
// the common projections of urban flood grids are mapped here by hand (transverse_mercator,
// which covers UTM/MGA/British National Grid, lambert_conformal_conic, albers_conical_equal_area,
// lambert_azimuthal_equal_area); any other CRS still gets crs_wkt and spatial_ref, which QGIS,
// GDAL and xarray/rioxarray read, just no grid_mapping_name.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sf::io {

struct CfCrsAttributes {
  std::vector<std::pair<std::string, std::string>> text;
  std::vector<std::pair<std::string, std::vector<double>>> numbers;  // standard_parallel: 2
  bool has_grid_mapping_name() const;
};

/// Always crs_wkt (the WKT as given) and spatial_ref (GDAL's WKT); the CF parameters when the
/// projection is one of those above. Empty when `wkt` is empty. Throws std::invalid_argument
/// when GDAL cannot read the WKT.
CfCrsAttributes cf_crs_attributes(const std::string& wkt);

}  // namespace sf::io
