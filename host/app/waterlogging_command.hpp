// `spongeflow waterlogging [RESULTS.nc] [--case CASE.toml] --output DIR`: waterlogging spots
// (积水点) and their risk classes from a finished (or stopped) run's event maps, as GeoJSON, CSV,
// a risk GeoTIFF and a JSON summary. The class tables are the case's [waterlogging] keys (the
// schema's defaults without a case). See docs/waterlogging.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sf::app {

struct WaterloggingOptions {
  std::string case_file;   // optional: its [waterlogging] tables, land use and results folder
  std::string results_nc;  // "" = results.nc in the case's output folder
  std::string output_dir;
  std::string threshold = "flood";  // "flood" or "user": which of the run's duration maps
  double min_area_m2 = -1.0;        // < 0: the case's [waterlogging] min_area
  std::string land_use;             // optional raster on the results grid
  std::vector<int> road_classes;    // land-use values that count as roads (needs land_use)
};

int waterlogging_command(const WaterloggingOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
