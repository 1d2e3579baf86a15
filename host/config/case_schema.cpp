#include "config/case_schema.hpp"

namespace sf::config {

const std::vector<KeySpec>& case_schema() {
  static const std::vector<KeySpec> keys = {
      {"case", "name", "string", "file name", "-", "Name used in messages and summary.json"},
      {"case", "description", "string", "-", "-", "Free text shown in the summary"},
      {"case", "data_dir", "path", "case folder", "-",
       "Folder that `${data}` in other paths stands for; `spongeflow run --data DIR` overrides it"},

      {"grid", "dem", "path", "required", "m",
       "Bed elevation raster (GeoTIFF or ESRI ASCII grid, square cells); nodata cells are "
       "inactive walls"},
      {"grid", "active_mask", "path", "-", "-",
       "Raster on the DEM grid: cells with value 0 become inactive walls (e.g. buildings)"},
      {"grid", "raise_mask", "path", "-", "-",
       "Raster on the DEM grid: cells with value 1 are raised by `raise_height` (buildings as "
       "blocks)"},
      {"grid", "raise_height", "number", "0", "m", "Height added to cells of `raise_mask`"},

      {"surface", "manning", "number", "0.03", "s m^-1/3", "Uniform Manning roughness (>= 0)"},
      {"surface", "manning_raster", "path", "-", "s m^-1/3",
       "Manning roughness raster on the DEM grid; replaces `manning`"},
      {"surface", "initial_depth", "number", "0", "m", "Uniform initial water depth"},
      {"surface", "initial_level", "number", "-", "m",
       "Initial water level: depth = max(0, level - bed); excludes `initial_depth`"},
      {"surface", "initial_depth_raster", "path", "-", "m", "Initial depth raster on the DEM grid"},
      {"surface", "flood_threshold", "number", "0.15", "m",
       "Depth above which a cell counts as flooded in the summary"},

      {"numerics", "order", "integer", "1", "-",
       "1 = first order; 2 = MUSCL (minmod) in space and Heun in time"},
      {"numerics", "cfl", "number", "0.5", "-", "Courant number, 0 < cfl < 1"},
      {"numerics", "max_dt", "number", "10", "s", "Largest time step"},
      {"numerics", "dry_depth", "number", "1e-6", "m",
       "Depth below which velocities are set to zero"},
      {"numerics", "precision", "string", "f64 (cpu), f32 (cuda)", "-",
       "Real type of the state: f32 or f64; `--precision` overrides"},

      {"time", "duration", "number", "required", "s", "Simulated duration"},
      {"time", "output_interval", "number", "duration", "s",
       "Interval between ParaView snapshots (the initial and final states are always written)"},

      {"rain", "file", "path", "-", "-",
       "CSV hyetograph: columns time (s, or minutes with `time_unit`) and intensity (mm/h)"},
      {"rain", "times", "array", "-", "s (or time_unit)", "Inline hyetograph times"},
      {"rain", "intensity", "array", "-", "mm/h", "Inline hyetograph intensities (>= 0)"},
      {"rain", "interpolation", "string", "step", "-",
       "step: each intensity holds until the next time; linear: straight lines between points"},
      {"rain", "time_unit", "string", "s", "-", "Unit of rain times: s, min or h"},

      {"boundary", "name", "string", "boundary<N>", "-", "Name used in messages and the summary"},
      {"boundary", "side", "string", "required", "-", "Domain edge: west, east, south or north"},
      {"boundary", "from", "number", "edge start", "m",
       "Start of the segment along the edge (y for west/east, x for south/north, in the DEM's "
       "CRS)"},
      {"boundary", "to", "number", "edge end", "m", "End of the segment along the edge"},
      {"boundary", "type", "string", "required", "-",
       "wall, free (transmissive outflow), critical (outflow at critical depth), level (fixed "
       "water level) or inflow (discharge hydrograph)"},
      {"boundary", "level", "number or array", "-", "m",
       "Water level for type = level: a number, or an array matching `times`"},
      {"boundary", "discharge", "number or array", "-", "m^3/s",
       "Inflow for type = inflow over the whole segment: a number or an array matching `times`"},
      {"boundary", "times", "array", "-", "s", "Times of a level or discharge series"},

      {"source", "name", "string", "source<N>", "-", "Name used in messages and the summary"},
      {"source", "x", "number", "required", "m", "Centre easting in the DEM's CRS"},
      {"source", "y", "number", "required", "m", "Centre northing in the DEM's CRS"},
      {"source", "radius", "number", "0", "m",
       "0 = the cell containing (x, y); otherwise spread over all cells with centres within it"},
      {"source", "discharge", "number or array", "required", "m^3/s",
       "Discharge (negative = sink): a number or an array matching `times`"},
      {"source", "times", "array", "-", "s", "Times of the discharge series"},

      {"output", "directory", "path", "results", "-",
       "Output folder, relative to the case file; `--output` overrides"},
      {"output", "vtk", "boolean", "true", "-", "Write ParaView files (.vti series + .pvd)"},
      {"output", "gauges", "array", "-", "m",
       "Points [[x, y], ...] whose peak water level is reported in summary.json"},
      {"output", "gauge_names", "array", "-", "-", "Names of the gauges"},
  };
  return keys;
}

const std::vector<std::string>& case_tables() {
  static const std::vector<std::string> tables = {"case", "grid", "surface", "numerics", "time",
                                                  "rain", "boundary", "source", "output"};
  return tables;
}

std::string case_schema_markdown() {
  std::string md;
  std::string current;
  for (const KeySpec& k : case_schema()) {
    if (current != k.table) {
      current = k.table;
      const bool array = current == "boundary" || current == "source";
      md += "\n### " + std::string(array ? "[[" : "[") + current + (array ? "]]" : "]") + "\n\n";
      md += "| key | type | default | unit | meaning |\n|---|---|---|---|---|\n";
    }
    md += "| `" + std::string(k.key) + "` | " + k.type + " | " + k.default_value + " | " + k.unit +
          " | " + k.description + " |\n";
  }
  return md;
}

}  // namespace sf::config
