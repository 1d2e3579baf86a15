// The rain variable's horizontal grid: 1D x/y (projected, m or km through UDUNITS) or lon/lat
// coordinates, cell edges and CRS. Coordinate values are cell CENTRES (CF); edges come from
// the `bounds` variables when present, otherwise half-way between centres (the end cells
// mirror their neighbour). North-up and south-up files are both fine: edges keep file order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sf::io {

namespace nc {
class File;
}
class UnitSystem;

struct SourceGrid {
  std::size_t nx = 0, ny = 0;
  std::vector<double> x_edges,
      y_edges;  // nx+1 / ny+1, file order; metres, or degrees if geographic
  bool geographic = false;
  std::string crs_wkt;  // empty when the file names no grid mapping (and is not lon/lat)
  std::string x_name, y_name;

  /// True when both grids have the same size and edges (to 1e-6 of a cell).
  bool same_as(const SourceGrid& other) const;
};

/// Reads the grid of `variable` (its last two dimensions must be y then x). Throws
/// sf::InputError naming file and variable when coordinates are missing or unusable.
SourceGrid read_source_grid(const nc::File& file, int varid, const std::string& variable,
                            const UnitSystem& units);

}  // namespace sf::io
