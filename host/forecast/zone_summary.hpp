// Per-zone summaries of a forecast (districts, response areas): how much of each zone will likely
// be under water, how deep at worst, how soon, and how many alert spots touch it. Plain arrays on
// the forecast grid; the zones come rasterised (meshes/zone_polygons_gdal.hpp).
#pragma once

#include <string>
#include <vector>

namespace sf::forecast {

struct ZoneSummary {
  std::string name;
  double area_m2 = 0;                  // active cells of the zone
  double likely_flooded_m2 = 0;        // cells with P(max depth > threshold) >= 0.5
  double possibly_flooded_m2 = 0;      // cells with P > 0
  double max_probability = 0;          // highest P of its cells
  double max_depth_p90_m = 0;          // highest 90th percentile of the maximum depth
  double first_likely_arrival_s = -1;  // earliest likely arrival of its cells (s); -1 none
  int alert_spots = 0;                 // alert spots with a cell in the zone
};

struct ZoneInputs {
  const std::vector<int>* zone = nullptr;               // per cell: 1..zones, 0 outside every zone
  std::vector<std::string> names;                       // zone k + 1 is names[k]
  const std::vector<unsigned char>* active = nullptr;   // empty = every cell
  const std::vector<double>* probability = nullptr;     // P(max depth > threshold)
  const std::vector<double>* depth_p90 = nullptr;       // m
  const std::vector<double>* likely_arrival = nullptr;  // s, -1 never
  const std::vector<int>* spot_label = nullptr;         // alert spot per cell, 0 none
  double cell_area_m2 = 0;
};

/// One summary per zone, in the order of `names`. Throws std::invalid_argument when an array has
/// another size than the zone grid.
std::vector<ZoneSummary> summarize_zones(const ZoneInputs& in);

}  // namespace sf::forecast
