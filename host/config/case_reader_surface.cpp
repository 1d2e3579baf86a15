// Reading the [surface] table of a case file: the friction law and its coefficient, the initial
// water and flow, and the flood thresholds. Problems are appended to the reader's issues.
#include "config/case_reader_extra.hpp"
#include "config/friction_laws.hpp"

namespace sf::config {
namespace {

/// friction, roughness / roughness_raster, and the older manning / manning_raster (Manning only).
void read_friction(const TableReader& surf, const PathResolver& path_of, CaseConfig& c) {
  const bool manning_keys = surf.has("manning") || surf.has("manning_raster");
  const bool roughness_keys = surf.has("roughness") || surf.has("roughness_raster");
  bool law_known = true;
  if (auto name = surf.string("friction")) {
    if (auto law = parse_friction_law(*name)) {
      c.friction_law = *law;
    } else {
      law_known = false;
      surf.error("friction",
                 "'" + *name +
                     "' is not a friction law; expected manning, chezy, darcy_weisbach, "
                     "laminar or linear");
    }
  }
  const FrictionLawInfo& info = friction_law_info(c.friction_law);
  if (manning_keys && roughness_keys) {
    const char* key = surf.has("roughness") ? "roughness" : "roughness_raster";
    surf.error(key, std::string("cannot be combined with ") +
                        (surf.has("manning") ? "manning" : "manning_raster") +
                        " (which always gives a Manning n); give the coefficient once");
  } else if (manning_keys && c.friction_law != swe::FrictionLaw::kManning) {
    surf.error("friction", "'" + std::string(info.name) + "' cannot be combined with " +
                               (surf.has("manning") ? "manning" : "manning_raster") +
                               ", which gives a Manning n; give " + info.coefficient + " in " +
                               info.unit + " as roughness or roughness_raster");
  }
  const char* uniform_key = manning_keys ? "manning" : "roughness";
  const char* raster_key = manning_keys ? "manning_raster" : "roughness_raster";
  c.roughness_raster_key = raster_key;
  c.roughness_raster = path_of(surf, raster_key, false);
  // manning always holds a Manning n, whatever friction says (that conflict is reported above).
  const FrictionLawInfo& coefficient =
      manning_keys ? friction_law_info(swe::FrictionLaw::kManning) : info;
  const std::string range = friction_coefficient_range(coefficient);
  const auto uniform = law_known ? surf.number(uniform_key, friction_coefficient_min(coefficient),
                                               coefficient.max, range.c_str())
                                 : surf.number(uniform_key, 0, kNoMax, ">= 0");
  if (uniform) c.roughness = *uniform;
  if (c.friction_law != swe::FrictionLaw::kManning && law_known && !surf.has("roughness") &&
      !surf.has("roughness_raster") && !manning_keys)
    surf.error("roughness", "is required with friction = \"" + std::string(info.name) +
                                "\"; give " + info.coefficient + " in " + info.unit +
                                " (roughness) or a raster of it (roughness_raster)");
}

/// Initial velocity (m/s) or unit discharge (m^2/s) rasters; they need initial water.
void read_initial_flow(const TableReader& surf, const PathResolver& path_of, CaseConfig& c) {
  c.initial_u_raster = path_of(surf, "initial_u_raster", false);
  c.initial_v_raster = path_of(surf, "initial_v_raster", false);
  c.initial_qx_raster = path_of(surf, "initial_qx_raster", false);
  c.initial_qy_raster = path_of(surf, "initial_qy_raster", false);
  const char* velocity = surf.has("initial_u_raster")   ? "initial_u_raster"
                         : surf.has("initial_v_raster") ? "initial_v_raster"
                                                        : nullptr;
  const char* discharge = surf.has("initial_qx_raster")   ? "initial_qx_raster"
                          : surf.has("initial_qy_raster") ? "initial_qy_raster"
                                                          : nullptr;
  if (velocity && discharge)
    surf.error(discharge, std::string("cannot be combined with ") + velocity +
                              "; give the initial flow either as velocities (initial_u_raster, "
                              "initial_v_raster) or as unit discharges (initial_qx_raster, "
                              "initial_qy_raster)");
  const char* flow = velocity ? velocity : discharge;
  const bool water = c.initial_depth > 0 || c.initial_level || !c.initial_depth_raster.empty();
  if (flow && !water)
    surf.error(flow,
               "needs initial water to move; give initial_depth, initial_level or "
               "initial_depth_raster");
}

}  // namespace

void read_surface(const TableReader& surf, const PathResolver& path_of, CaseConfig& c) {
  read_friction(surf, path_of, c);
  c.initial_depth = surf.number_or_default("initial_depth", 0, 1e4, ">= 0 m");
  c.initial_level = surf.number("initial_level", -1e5, 1e5, "a level in m");
  if (c.initial_level && surf.has("initial_depth"))
    surf.error("initial_level", "cannot be combined with initial_depth; give one of them");
  c.initial_depth_raster = path_of(surf, "initial_depth_raster", false);
  read_initial_flow(surf, path_of, c);
  c.flood_threshold =
      surf.number("flood_threshold", 0, 1e3, ">= 0 m").value_or(kDefaultFloodThreshold);
  c.user_threshold =
      surf.number("user_threshold", 0, 1e3, ">= 0 m").value_or(kDefaultUserThreshold);
}

}  // namespace sf::config
