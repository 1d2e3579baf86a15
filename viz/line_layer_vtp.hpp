// One VTK XML PolyData file (.vtp) of polylines with named per-line values: a map layer such as
// the conduits of a capacity assessment coloured by class. Written like every spongeflow VTK file
// (compressed, under a temporary name, then renamed).
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace sf::viz {

struct LineLayer {
  /// Per line, its points (x, y, z) in the CRS.
  std::vector<std::vector<std::array<double, 3>>> lines;
  /// Cell data: name -> one value per line.
  std::vector<std::pair<std::string, std::vector<double>>> values;
  std::vector<std::pair<std::string, std::vector<int>>> integers;
  std::vector<std::pair<std::string, std::vector<std::string>>> texts;
};

/// Throws std::invalid_argument when a field has not one value per line, std::runtime_error
/// when the file cannot be written.
void write_line_layer_vtp(const std::string& path, const LineLayer& layer);

}  // namespace sf::viz
