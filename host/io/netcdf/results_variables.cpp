#include "io/netcdf/results_variables.hpp"

namespace sf::io {

// Standard names checked against the CF standard name table (version 77): the flood_water_*
// and ground_level_altitude names were added for flood simulations in 2016. No standard name
// is given where the CF definition differs from what is stored:
// - u, v are along the grid's x/y axes, which in a projected CRS are not exactly east/north
//   (meridian convergence), so eastward_/northward_flood_water_velocity would be wrong;
// - flood_water_duration_above_threshold is the span from the first rise to the last fall
//   below the threshold, while the engine accumulates only the time spent above it;
// - the hazard rating has no CF name.
const std::vector<ResultVariable>& result_variables() {
  using S = SurfaceSnapshot;
  static const std::vector<ResultVariable> table = {
      {"depth", "flood_water_thickness", "water depth", "m", "", "", ResultRole::kRecord, false,
       DepthThreshold::kNone, &S::depth},
      {"water_level", "water_surface_height_above_reference_datum",
       "water surface elevation (bed elevation + depth)", "m", "",
       "same vertical datum as bed_elevation, that of the DEM", ResultRole::kRecord, false,
       DepthThreshold::kNone, &S::level},
      {"u", "", "depth-averaged velocity along the x axis of the grid", "m s-1", "",
       "positive towards increasing x; 0 where the cell is dry", ResultRole::kRecord, false,
       DepthThreshold::kNone, &S::u},
      {"v", "", "depth-averaged velocity along the y axis of the grid", "m s-1", "",
       "positive towards increasing y (north on the grid); 0 where the cell is dry",
       ResultRole::kRecord, false, DepthThreshold::kNone, &S::v},
      {"bed_elevation", "ground_level_altitude", "bed (ground) elevation", "m", "",
       "in the vertical datum of the DEM", ResultRole::kStaticMap, false, DepthThreshold::kNone,
       &S::bed},
      {"max_depth", "flood_water_thickness", "maximum water depth since the start", "m",
       "time: maximum", "", ResultRole::kRunningMap, false, DepthThreshold::kNone, &S::max_depth},
      {"max_speed", "flood_water_speed", "maximum depth-averaged speed since the start", "m s-1",
       "time: maximum", "", ResultRole::kEventMap, false, DepthThreshold::kNone, &S::max_speed},
      {"max_hazard", "", "maximum flood hazard rating h (|u| + 0.5) since the start", "m2 s-1",
       "time: maximum",
       "depth x (speed + 0.5 m s-1): the hazard rating of Defra/Environment Agency R&D report "
       "FD2320/TR2, Flood Risks to People Phase 2 (HR Wallingford, 2006), without the debris "
       "factor",
       ResultRole::kEventMap, false, DepthThreshold::kNone, &S::max_hazard},
      {"time_of_max_depth", "time_of_maximum_flood_depth",
       "time of the maximum water depth, seconds since the start of the run", "s", "",
       "_FillValue where the cell never got wet", ResultRole::kEventMap, true,
       DepthThreshold::kNone, &S::time_of_max_depth},
      {"time_of_first_wetting", "time_when_flood_water_rises_above_threshold",
       "time when the depth first exceeded the wet threshold, seconds since the start of the run",
       "s", "", "_FillValue where the cell never got wet", ResultRole::kEventMap, true,
       DepthThreshold::kWet, &S::time_first_wet},
      {"duration_above_flood_threshold", "", "total time with the depth above the flood threshold",
       "s", "", "", ResultRole::kEventMap, false, DepthThreshold::kFlood, &S::duration_flooded},
      {"duration_above_user_threshold", "", "total time with the depth above the user threshold",
       "s", "", "", ResultRole::kEventMap, false, DepthThreshold::kUser, &S::duration_above_user},
  };
  return table;
}

std::string threshold_variable_name(DepthThreshold threshold) {
  switch (threshold) {
    case DepthThreshold::kWet:
      return "wet_threshold";
    case DepthThreshold::kFlood:
      return "flood_threshold";
    case DepthThreshold::kUser:
      return "user_threshold";
    case DepthThreshold::kNone:
      break;
  }
  return "";
}

double threshold_value(DepthThreshold threshold, const SurfaceSnapshot& snapshot) {
  switch (threshold) {
    case DepthThreshold::kWet:
      return snapshot.wet_threshold_m;
    case DepthThreshold::kFlood:
      return snapshot.flood_threshold_m;
    case DepthThreshold::kUser:
      return snapshot.user_threshold_m;
    case DepthThreshold::kNone:
      break;
  }
  return 0.0;
}

}  // namespace sf::io
