// Labelled regions of a grid -> polygons in a GeoJSON or GeoPackage file (chosen by the
// extension), one feature per label with its attributes. GDAL's
// GDALPolygonize traces the cell edges, 4-connected like the labels of assess::find_spots.
#pragma once

#include <string>
#include <vector>

#include "raster.hpp"

namespace sf::mesh {

/// Attributes of each label, by column; values[c][label - 1].
struct LabelAttributes {
  std::vector<std::string> real_names;
  std::vector<std::vector<double>> real_values;
  std::vector<std::string> text_names;
  std::vector<std::vector<std::string>> text_values;
};

/// Writes the regions of `labels` (values 1..n are region ids; 0 and invalid cells are outside)
/// as polygons with an integer field `id` and the attributes, in the raster's CRS. The file
/// appears under its name only when complete. Throws std::runtime_error naming the file.
void write_label_polygons(const std::string& path, const Raster& labels,
                          const LabelAttributes& attributes);

}  // namespace sf::mesh
