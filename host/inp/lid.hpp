// LID controls of a model ([LID_CONTROLS]) and their placement in subcatchments ([LID_USAGE]),
// in SI, as SWMM 5.2 reads them (lid.c). Included by hydrology.hpp; read by read_lid.cpp,
// simulated by host/runoff/lid_group.*. See docs/theory/runoff.md "LID controls".
#pragma once

#include <string>

#include "runoff/lid_unit.hpp"

namespace sf::inp {

struct LidControl {
  std::string id;
  runoff::LidProcess<double> process;  // layers in SI; alphas and derived values set on finish
  double surface_roughness = 0.0, surface_slope = 0.0;  // Manning n [-], slope [m/m]
  double drain_mat_roughness = 0.0;
  int line = 0;
};

/// One [LID_USAGE] line: `number` identical units of a control in a subcatchment.
struct LidUsage {
  int subcatchment = -1;
  int control = -1;
  int number = 0;
  double area = 0.0;         // of one unit [m²]
  double width = 0.0;        // of one unit's outflow face [m]
  double init_sat = 0.0;     // initial saturation [-]
  double from_imperv = 0.0;  // share of the impervious area's runoff treated [-]
  double from_perv = 0.0;    // share of the pervious area's runoff treated [-]
  bool to_perv = false;      // outflow returned to the pervious area
  int drain_node = -1;       // underdrain target; both -1 = the subcatchment's outlet
  int drain_subcatchment = -1;
  int line = 0;
};

}  // namespace sf::inp
