// The variables of the results file, one row each: CF name and attributes, whether it has a
// time axis, and where its values come from in sf::SurfaceSnapshot. The writer and
// docs/results-netcdf.md follow this table; add a field here and nowhere else.
#pragma once

#include <string>
#include <vector>

#include "engine/snapshot.hpp"

namespace sf::io {

/// The depth threshold behind an event map; it is written as a scalar coordinate variable with
/// standard_name flood_water_thickness (as CF asks for the flood_water threshold names) and as
/// a "threshold_depth_m" attribute of the map.
enum class DepthThreshold { kNone, kWet, kFlood, kUser };

/// How a variable is stored and when it is written.
enum class ResultRole {
  kRecord,      // (time, y, x), one record per snapshot; required in every snapshot
  kStaticMap,   // (y, x), written with the first snapshot (the bed does not change); required
  kRunningMap,  // (y, x), rewritten at every snapshot; required
  kEventMap,    // (y, x), rewritten at every snapshot; skipped while the snapshot has none
};

struct ResultVariable {
  const char* name;
  const char* standard_name;  // "" where no CF standard name fits (then long_name only)
  const char* long_name;
  const char* units;
  const char* cell_methods;  // "" for instantaneous values
  const char* comment;       // "" for none
  ResultRole role;
  bool negative_means_never;  // -1 ("the event never happened") is written as _FillValue
  DepthThreshold threshold;
  const std::vector<double> SurfaceSnapshot::*values;
};

const std::vector<ResultVariable>& result_variables();

/// Name of the scalar coordinate variable holding a threshold ("" for kNone), and its value.
std::string threshold_variable_name(DepthThreshold threshold);
double threshold_value(DepthThreshold threshold, const SurfaceSnapshot& snapshot);

}  // namespace sf::io
