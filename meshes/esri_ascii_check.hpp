// Strict check of an ESRI ASCII grid before GDAL reads it. GDAL's AAIGrid driver reads "1o.050"
// as 1 and lets a row with one value too many shift every row after it; a DEM cell 9 m too deep
// must be an error naming the line, row and column instead.
#pragma once

#include <string>

namespace sf::mesh {

/// Checks the header (ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter, cellsize or dx and
/// dy, optional NODATA_value; each once, each a valid number) and that the data are nrows lines of
/// ncols numbers. Throws sf::InputError naming the file, the line and the field, or the row and
/// column, with what was expected; up to kMaxAsciiGridIssues problems are reported together.
void check_esri_ascii_grid(const std::string& path);

/// Problems listed before the check stops reading a file.
constexpr int kMaxAsciiGridIssues = 10;

}  // namespace sf::mesh
