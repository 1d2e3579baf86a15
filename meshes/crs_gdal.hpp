// Coordinate reference systems given by users ("EPSG:32756", a WKT or PROJ string) as WKT.
#pragma once

#include <string>

namespace sf::mesh {

/// Throws std::invalid_argument naming the text when GDAL/PROJ cannot interpret it.
std::string crs_wkt_from_user_text(const std::string& text);

/// The EPSG code of the CRS `wkt`, 0 when there is none: the WKT's own EPSG authority, else the
/// code GDAL identifies (OSRAutoIdentifyEPSG, then the best FindMatches candidate when it is
/// unique with at least 50 % confidence: equivalent, perhaps but for the axis order), so an ESRI
/// .prj without AUTHORITY nodes still gets its code. An empty or unreadable WKT gives 0.
int crs_epsg_code(const std::string& wkt);

/// The CRS of the raster file `path` as WKT, read from its header alone (no pixels); "" when it
/// has none or GDAL cannot open it.
std::string raster_crs_wkt(const std::string& path);

}  // namespace sf::mesh
