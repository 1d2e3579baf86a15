#include "config/case_schema.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/physical_constants.hpp"
#include "engine/simulation.hpp"

namespace sf::config {

namespace {

std::string format_number(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

}  // namespace

const std::vector<KeySpec>& case_schema() {
  // Texts built from the engine's constants, so that the reference follows them.
  static const std::string gravity_default = format_number(kGravity);
  static const std::string cfl_meaning =
      "Courant number, 0 < cfl <= " + format_number(kPositivityCourant) +
      " (the positivity bound of the scheme)";
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

      {"surface", "friction", "string", "manning", "-",
       "Bed friction law: manning, chezy, darcy_weisbach, laminar or linear (see the notes)"},
      {"surface", "roughness", "number", "0.03 (manning); required otherwise", "unit of the law",
       "Uniform coefficient of the friction law: Manning n (s m^-1/3, 0..1), Chezy C "
       "(m^1/2 s^-1, > 0), Darcy-Weisbach f (dimensionless, >= 0), laminar kappa (m^2 s^-1, "
       ">= 0) or linear tau (s^-1, >= 0)"},
      {"surface", "roughness_raster", "path", "-", "unit of the law",
       "Raster of the friction coefficient on the DEM grid, same ranges; replaces `roughness`"},
      {"surface", "manning", "number", "0.03", "s m^-1/3",
       "Uniform Manning n (0..1); means friction = manning and excludes `roughness`"},
      {"surface", "manning_raster", "path", "-", "s m^-1/3",
       "Manning n raster on the DEM grid; replaces `manning`; means friction = manning and "
       "excludes `roughness_raster`"},
      {"surface", "initial_depth", "number", "0", "m", "Uniform initial water depth"},
      {"surface", "initial_level", "number", "-", "m",
       "Initial water level: depth = max(0, level - bed); excludes `initial_depth`"},
      {"surface", "initial_depth_raster", "path", "-", "m", "Initial depth raster on the DEM grid"},
      {"surface", "initial_u_raster", "path", "at rest", "m/s",
       "Initial eastward velocity raster on the DEM grid; the unit discharge is depth x "
       "velocity with the initial depth. Needs initial water; excludes `initial_qx/qy_raster`"},
      {"surface", "initial_v_raster", "path", "at rest", "m/s",
       "Initial northward velocity raster on the DEM grid (as `initial_u_raster`)"},
      {"surface", "initial_qx_raster", "path", "at rest", "m^2/s",
       "Initial eastward unit discharge raster on the DEM grid; 0 on dry cells. Needs initial "
       "water; excludes `initial_u/v_raster`"},
      {"surface", "initial_qy_raster", "path", "at rest", "m^2/s",
       "Initial northward unit discharge raster on the DEM grid (as `initial_qx_raster`)"},
      {"surface", "flood_threshold", "number", "0.15", "m",
       "Depth above which a cell counts as flooded in the summary"},
      {"surface", "user_threshold", "number", "0.3", "m",
       "Second depth threshold: duration above it is mapped in the netCDF results"},

      {"numerics", "order", "integer", "1", "-",
       "1 = first order; 2 = MUSCL (limited depth, bed and velocities) in space and Heun in time"},
      {"numerics", "cfl", "number", "0.5", "-", cfl_meaning.c_str()},
      {"numerics", "max_dt", "number", "10", "s", "Largest time step"},
      {"numerics", "dry_depth", "number", "1e-6", "m",
       "Depth below which velocities are set to zero"},
      {"numerics", "gravity", "number", gravity_default.c_str(), "m s^-2",
       "Gravitational acceleration of the surface flow (> 0 and <= 100); the default is "
       "standard gravity"},
      {"numerics", "precision", "string", "f64 (cpu), f32 (cuda)", "-",
       "Real type of the state: f32 or f64; `--precision` overrides"},

      {"time", "duration", "number", "required", "s", "Simulated duration (at most 1e10 s)"},
      {"time", "start", "string", "-", "-",
       "Simulation start as ISO 8601 date-time to the whole second (e.g. "
       "2024-07-01T08:00:00+08:00), checked when the case is read: time axis of the netCDF "
       "results, and the rain grid's start when [rain] start is not given"},
      {"time", "output_interval", "number", "duration", "s",
       "Interval between snapshots, at least 0.01 s and at most 10000 snapshots per run (the "
       "initial and final states are always written)"},

      {"rain", "file", "path", "-", "-",
       "CSV hyetograph: columns time (s, or minutes with `time_unit`) and intensity (mm/h)"},
      {"rain", "times", "array", "-", "s (or time_unit)", "Inline hyetograph times"},
      {"rain", "intensity", "array", "-", "mm/h", "Inline hyetograph intensities (>= 0)"},
      {"rain", "interpolation", "string", "step", "-",
       "step: each intensity holds until the next time; linear: straight lines between points"},
      {"rain", "time_unit", "string", "s", "-", "Unit of rain times: s, min or h"},
      {"rain", "grid", "path", "-", "-",
       "CF-netCDF rain grid (file or glob of files, e.g. radar frames): found by standard_name, "
       "units through udunits2, reprojected and regridded (area-weighted) onto the DEM grid"},
      {"rain", "variable", "string", "by standard_name", "-", "Rain variable in the netCDF file"},
      {"rain", "start", "string", "first frame", "-",
       "Simulation start as ISO 8601 date-time in the rain file's calendar, e.g. "
       "2020-10-31T03:00:00Z"},
      {"rain", "gauges", "path", "-", "-",
       "Rain gauge list CSV (gauge,x,y in the DEM's CRS); with gauge_series (docs/rain.md)"},
      {"rain", "gauge_series", "path", "-", "-",
       "Gauge rain CSV: time_s|time_min|time_h then one mm/h column per gauge (step series)"},
      {"rain", "gauge_method", "string", "thiessen", "-",
       "Spreading of gauge rain over cells: thiessen or idw (inverse distance)"},
      {"rain", "idw_power", "number", "2", "-", "Exponent p of inverse-distance weighting"},
      {"rain", "coverage", "string", "require", "-",
       "require: the rain grid must cover the DEM; zero_outside: uncovered cells get no rain"},

      {"design_storm", "preset", "string", "-", "-",
       "Storm-intensity formula preset: shanghai-2017 or beijing-classic (docs/rain.md)"},
      {"design_storm", "a1", "number", "-", "mm/min",
       "A1 of q = 167 A1 (1 + C lg P) / (t + b)^n (GB 50014); with c, b, n instead of a preset"},
      {"design_storm", "c", "number", "-", "-", "C of the storm-intensity formula"},
      {"design_storm", "b", "number", "-", "min", "b of the storm-intensity formula"},
      {"design_storm", "n", "number", "-", "-", "n of the storm-intensity formula"},
      {"design_storm", "return_period", "number", "required", "a", "Return period P (years)"},
      {"design_storm", "duration", "number", "required", "s", "Storm duration"},
      {"design_storm", "peak_position", "number", "0.4", "-",
       "Chicago hyetograph peak position r (0..1)"},
      {"design_storm", "step", "number", "300", "s", "Hyetograph block length"},

      {"soil", "land_use", "path", "required", "-",
       "Raster of land-use class values on the DEM grid (each value an [[landuse]] id)"},
      {"soil", "evaporation", "number", "0", "mm/day", "Potential evaporation from LID measures"},

      {"landuse", "id", "integer", "required", "-", "Value of this class in the land_use raster"},
      {"landuse", "name", "string", "class<id>", "-", "Name used in messages"},
      {"landuse", "manning", "number", "0.03", "s m^-1/3",
       "Manning n of the class (used where no manning_raster or roughness_raster is given); only "
       "with friction = manning"},
      {"landuse", "impervious", "number", "0", "-",
       "Impervious share of the cell (0..1); only the rest infiltrates"},
      {"landuse", "infiltration", "string", "none", "-",
       "none, horton, green_ampt or curve_number"},
      {"landuse", "f0", "number", "-", "mm/h", "Horton maximum infiltration rate"},
      {"landuse", "fc", "number", "-", "mm/h", "Horton minimum infiltration rate"},
      {"landuse", "decay", "number", "-", "1/h", "Horton decay constant"},
      {"landuse", "max_infiltration", "number", "no limit", "mm",
       "Horton maximum cumulative infiltration"},
      {"landuse", "drying_days", "number", "7", "days",
       "Time for a fully saturated soil to recover (Horton, curve number)"},
      {"landuse", "suction", "number", "-", "mm", "Green-Ampt suction head"},
      {"landuse", "ks", "number", "-", "mm/h", "Green-Ampt saturated hydraulic conductivity"},
      {"landuse", "deficit", "number", "-", "-", "Green-Ampt initial moisture deficit (0..1)"},
      {"landuse", "cn", "number", "-", "-", "SCS curve number (0 < CN <= 100)"},
      {"landuse", "lid", "string", "-", "-",
       "Name of a [[lid]] sponge measure covering every cell of this class"},

      {"lid", "name", "string", "required", "-", "Name referred to by [[landuse]] lid"},
      {"lid", "kind", "string", "required", "-",
       "permeable_pavement, green_roof, bioretention, infiltration_trench or rain_barrel"},
      {"lid", "berm", "number", "0", "mm", "Surface berm height (water held before overflow)"},
      {"lid", "pavement_thickness", "number", "0", "mm", "Pavement layer thickness"},
      {"lid", "pavement_void_ratio", "number", "0.15", "-", "Pavement void ratio (voids/solids)"},
      {"lid", "pavement_impervious", "number", "0", "-", "Share of solid pavers (0..1)"},
      {"lid", "pavement_permeability", "number", "0", "mm/h", "Pavement permeability"},
      {"lid", "soil_thickness", "number", "0", "mm", "Engineered soil layer thickness"},
      {"lid", "porosity", "number", "0.5", "-", "Soil porosity (volume fraction)"},
      {"lid", "field_capacity", "number", "0.2", "-", "Soil field capacity (volume fraction)"},
      {"lid", "wilting_point", "number", "0.1", "-", "Soil wilting point (volume fraction)"},
      {"lid", "soil_ks", "number", "0", "mm/h", "Soil saturated hydraulic conductivity"},
      {"lid", "conductivity_slope", "number", "10", "-", "Slope of log K against moisture"},
      {"lid", "soil_suction", "number", "0", "mm", "Soil suction head (Green-Ampt)"},
      {"lid", "initial_moisture", "number", "field_capacity", "-", "Initial soil moisture"},
      {"lid", "storage_height", "number", "0", "mm", "Storage layer height"},
      {"lid", "storage_void_ratio", "number", "0.75", "-",
       "Storage void ratio (voids/solids); rain barrels are 1 (all void) whatever is given"},
      {"lid", "seepage", "number", "0", "mm/h", "Exfiltration into the native soil"},
      {"lid", "initial_fill", "number", "0", "-", "Initial share of the storage that is full"},
      {"lid", "drain_coeff", "number", "0", "mm/h per mm^n",
       "Underdrain coefficient C in q = C (h - offset)^n (SWMM's SI form); 0 = no drain"},
      {"lid", "drain_exponent", "number", "0.5", "-", "Underdrain exponent n"},
      {"lid", "drain_offset", "number", "0", "mm", "Underdrain height above the storage bottom"},
      {"lid", "drain_delay", "number", "6", "h", "Rain barrel: dry time before the drain opens"},

      {"boundary", "name", "string", "boundary<N>", "-", "Name used in messages and the summary"},
      {"boundary", "side", "string", "required", "-", "Domain edge: west, east, south or north"},
      {"boundary", "from", "number", "edge start", "m",
       "Start of the segment along the edge (y for west/east, x for south/north, in the DEM's "
       "CRS)"},
      {"boundary", "to", "number", "edge end", "m", "End of the segment along the edge"},
      {"boundary", "type", "string", "required", "-",
       "wall, free (open edge with normal-depth outflow; also open, transmissive), critical "
       "(outflow at critical depth), level (water level outside) or inflow (discharge "
       "hydrograph); see the notes"},
      {"boundary", "level", "number or array", "-", "m",
       "Water level for type = level: a number, or an array matching `times`"},
      {"boundary", "discharge", "number or array", "-", "m^3/s",
       "Inflow for type = inflow over the whole segment: a number or an array matching `times`"},
      {"boundary", "depth", "number or array", "critical depth", "m",
       "Type = inflow: depth (> 0) of a supercritical inflow, a number or an array matching "
       "`times`; ignored while the inflow is subcritical"},
      {"boundary", "slope", "number", "local bed slope", "m/m",
       "Type = free: energy slope (> 0) of the uniform flow leaving the edge"},
      {"boundary", "min_slope", "number", "1e-3", "m/m",
       "Type = free: smallest energy slope (> 0) used on the edge, a floor for flat or adverse "
       "beds"},
      {"boundary", "times", "array", "-", "s", "Times of a level, discharge or depth series"},

      {"source", "name", "string", "source<N>", "-", "Name used in messages and the summary"},
      {"source", "x", "number", "required", "m", "Centre easting in the DEM's CRS"},
      {"source", "y", "number", "required", "m", "Centre northing in the DEM's CRS"},
      {"source", "radius", "number", "0", "m",
       "0 = the cell containing (x, y); otherwise spread over all cells with centres within it"},
      {"source", "discharge", "number or array", "required", "m^3/s",
       "Discharge (negative = sink): a number or an array matching `times`"},
      {"source", "times", "array", "-", "s", "Times of the discharge series"},

      {"network", "inp", "path", "required", "-",
       "EPA SWMM 5 input of the pipe network (conduits, pumps, storage, outfalls...); its "
       "[COORDINATES] are in the DEM's CRS. The run couples it to the surface (docs/coupling.md)"},
      {"network", "coupling", "path", "every junction", "-",
       "CSV of surface-coupled nodes: node_id, role (inlet, manhole or outfall), optional x, y "
       "and per-point perimeter, area, weir_coeff, orifice_coeff; default: every junction and "
       "storage node in [COORDINATES] is a manhole"},
      {"network", "inlet_perimeter", "number", "2.0", "m",
       "Weir crest length of a gully inlet grate (its open perimeter)"},
      {"network", "inlet_area", "number", "0.12", "m^2", "Open area of a gully inlet grate"},
      {"network", "inlet_weir_coeff", "number", "0.56", "-",
       "Weir discharge coefficient of gully inlets (Chen et al. 2007)"},
      {"network", "inlet_orifice_coeff", "number", "0.6", "-",
       "Orifice discharge coefficient of gully inlets"},
      {"network", "manhole_perimeter", "number", "2.2", "m",
       "Weir crest length of a manhole (0.7 m lid: pi x 0.7)"},
      {"network", "manhole_area", "number", "0.38", "m^2", "Open area of a manhole lid"},
      {"network", "manhole_weir_coeff", "number", "0.56", "-",
       "Weir discharge coefficient of manholes"},
      {"network", "manhole_orifice_coeff", "number", "0.6", "-",
       "Orifice discharge coefficient of manholes"},
      {"network", "backend", "string", "auto", "-",
       "Where the network computes beside the surface: \"auto\" (with a CUDA surface, on the GPU "
       "from 200 links, below that on the CPU), \"cpu\" or \"cuda\" (docs/coupling.md, Backends)"},
      {"network", "subcatchments", "string", "ignore", "-",
       "What a coupled run does with the .inp's [SUBCATCHMENTS]: \"ignore\" (the grid takes the "
       "case's rain; the subcatchments are left out) or \"load_nodes\" (their SWMM runoff, from "
       "the .inp's gages, enters their outlet nodes as in a network run): for areas outside the "
       "DEM only, or the rain is counted twice (docs/coupling.md, Subcatchments)"},

      {"capacity", "mode", "string", "network", "-",
       "How `spongeflow capacity` loads the pipes: network (the [network] .inp alone, loaded by "
       "its subcatchments' runoff) or coupled (each design storm on the grid, and on the gages "
       "with [network] subcatchments = \"load_nodes\"; the network coupled to the surface)"},
      {"capacity", "target_return_period", "number", "3", "a",
       "Design return period the renewal priority list checks every conduit against (one of "
       "the tested periods; GB 50014-2021 table 4.1.3 sets 2-5 a for most urban districts, more "
       "for important areas)"},

      {"waterlogging", "depth_bounds", "array", "[0.15, 0.30, 0.50]", "m",
       "Lower bounds of the depth classes of waterlogging spots, increasing; the first is the "
       "least depth that counts (GB 51222-2017: 0.15 m on roads)"},
      {"waterlogging", "depth_names", "array", "[\"0.15-0.30 m\", \"0.30-0.50 m\", \">= 0.50 m\"]",
       "-", "Names of the depth classes, one per bound"},
      {"waterlogging", "duration_bounds", "array", "[0, 30, 60]", "min",
       "Lower bounds of the classes of time above the spot threshold, increasing"},
      {"waterlogging", "duration_names", "array", "[\"< 30 min\", \"30-60 min\", \">= 60 min\"]",
       "-", "Names of the duration classes, one per bound"},
      {"waterlogging", "risk", "array", "[[1, 1, 2], [1, 2, 3], [2, 3, 3]]", "-",
       "Risk class of each depth class (rows) and duration class (columns), as 1-based indices "
       "into risk_names"},
      {"waterlogging", "risk_names", "array", "[\"low\", \"medium\", \"high\"]", "-",
       "Names of the risk classes"},
      {"waterlogging", "hazard_bounds", "array", "[0, 0.75, 1.25, 2.0]", "m^2/s",
       "Lower bounds of the hazard classes of h (|u| + 0.5) (Defra/EA FD2320 without its "
       "debris factor)"},
      {"waterlogging", "hazard_names", "array",
       "[\"low\", \"moderate\", \"significant\", \"extreme\"]", "-", "Names of the hazard classes"},
      {"waterlogging", "road_classes", "array", "-", "-",
       "Values of the [soil] land_use raster that are roads: spots are then kept on roads only "
       "(`--road-classes` overrides)"},
      {"waterlogging", "min_area", "number", "0", "m^2",
       "Spots smaller than this are dropped (`--min-area` overrides)"},

      {"output", "directory", "path", "results", "-",
       "Output folder, relative to the case file; `--output` overrides"},
      {"output", "vtk", "boolean", "true", "-", "Write ParaView files (.vti series + .pvd)"},
      {"output", "netcdf", "boolean", "true", "-",
       "Write CF-1.8 netCDF results (results.nc: depth, level, u, v per output time; maps of "
       "maximum depth, speed, hazard, times and durations; docs/results-netcdf.md)"},
      {"output", "netcdf_float64", "boolean", "false", "-",
       "Store the fields of results.nc as 64-bit floats (twice the size) instead of 32-bit"},
      {"output", "gauges", "array", "-", "m",
       "Points [[x, y], ...] whose peak water level is reported in summary.json"},
      {"output", "gauge_names", "array", "-", "-", "Names of the gauges"},
      {"output", "network_vtk", "boolean", "true", "-",
       "With [network]: write the pipe network as a ParaView series (network.pvd + .vtp) at "
       "every output time"},
      {"output", "timeseries_interval", "number", "60", "s",
       "With [network]: interval of network_timeseries.csv (exchange, pumps, wet wells, "
       "outfalls)"},
  };
  return keys;
}

double schema_default(const std::string& table, const std::string& key) {
  for (const KeySpec& k : case_schema()) {
    if (table != k.table || key != k.key) continue;
    char* end = nullptr;
    const double value = std::strtod(k.default_value, &end);
    if (end == k.default_value || *end != '\0')
      throw std::logic_error("case schema: [" + table + "] " + key + " has the default \"" +
                             k.default_value + "\", not a number");
    return value;
  }
  throw std::logic_error("case schema: no key [" + table + "] " + key);
}

const std::vector<std::string>& case_tables() {
  static const std::vector<std::string> tables = {
      "case",    "grid", "surface",  "numerics", "time",    "rain",     "design_storm", "soil",
      "landuse", "lid",  "boundary", "source",   "network", "capacity", "waterlogging", "output"};
  return tables;
}

std::string case_schema_markdown() {
  std::string md;
  std::string current;
  for (const KeySpec& k : case_schema()) {
    if (current != k.table) {
      current = k.table;
      const bool array =
          current == "boundary" || current == "source" || current == "landuse" || current == "lid";
      md += "\n### " + std::string(array ? "[[" : "[") + current + (array ? "]]" : "]") + "\n\n";
      if (const char* note = case_table_note(current)) md += std::string(note) + "\n\n";
      md += "| key | type | default | unit | meaning |\n|---|---|---|---|---|\n";
    }
    md += "| `" + std::string(k.key) + "` | " + k.type + " | " + k.default_value + " | " + k.unit +
          " | " + k.description + " |\n";
  }
  return md;
}

}  // namespace sf::config
