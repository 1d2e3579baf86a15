// Coordinate reference systems given by users ("EPSG:32756", a WKT or PROJ string) as WKT.
#pragma once

#include <string>

namespace sf::mesh {

/// Throws std::invalid_argument naming the text when GDAL/PROJ cannot interpret it.
std::string crs_wkt_from_user_text(const std::string& text);

}  // namespace sf::mesh
