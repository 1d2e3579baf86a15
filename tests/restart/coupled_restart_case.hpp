// The coupled restart tests' case: the restart case (restart_case.hpp) with a small sewer under
// it: two junctions taking water through their inlets, a steady inflow, a wet well whose pump
// starts and stops on its depths and by a rule, an outfall (the inflow makes J1 overflow onto the
// surface within 30 s); optionally a subcatchment with its
// own rain gage (Horton infiltration) draining to the first junction.
#pragma once

#include <string>

#include "restart_case.hpp"

namespace sf::test {

inline std::string coupled_network_inp(bool subcatchment, bool extra_junction = false) {
  std::string inp = R"([OPTIONS]
FLOW_UNITS CMS
FLOW_ROUTING DYNWAVE
INFILTRATION HORTON
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 01:00
ROUTING_STEP 1
WET_STEP 00:00:10
[JUNCTIONS]
J1 8.0 1.75 0 0 0
J2 7.7 1.75 0 0 0
)";
  if (extra_junction) inp += "J3 7.6 1.8 0 0 0\n";
  inp += R"([STORAGE]
W 6.5 2.5 0 FUNCTIONAL 0 0 3 0 0
[OUTFALLS]
O1 6.0 FREE NO
[CONDUITS]
C1 J1 J2 30 0.013 0 0 0 0
C2 J2 W 15 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 0.4 0 0 0 1
C2 CIRCULAR 0.4 0 0 0 1
[PUMPS]
P1 W O1 PC2 OFF 0.4 0.1
[CURVES]
PC2 PUMP2 1.0 0.03
PC2 2.0 0.05
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 0.3
[CONTROLS]
RULE R1
IF NODE W DEPTH > 1.2
THEN PUMP P1 STATUS = ON
[COORDINATES]
J1 1020.5 2030.5
J2 1050.5 2030.5
W 1065.5 2030.5
O1 1078.5 2030.5
)";
  if (extra_junction) inp += "J3 1040.5 2040.5\n";
  if (subcatchment)
    inp += R"([RAINGAGES]
G1 INTENSITY 0:01 1.0 TIMESERIES R
[TIMESERIES]
R 0:00 60
R 0:01 120
R 0:02 20
[SUBCATCHMENTS]
S1 G1 J1 0.5 40 70 2 0
[SUBAREAS]
S1 0.015 0.15 1 3 25 OUTLET
[INFILTRATION]
S1 40 5 3 5 0
)";
  return inp;
}

/// The restart case coupled to coupled_network_inp(subcatchment) in the same folder.
inline fs::path write_coupled_restart_case(const std::string& name, bool subcatchment) {
  // the subcatchment lies off the grid (no outline): it loads J1 only when asked to
  const fs::path c =
      write_restart_case(name, 80, 60,
                         std::string("[network]\ninp = \"net.inp\"\n") +
                             (subcatchment ? "subcatchments = \"load_nodes\"\n" : ""));
  write_file(c.parent_path() / "net.inp", coupled_network_inp(subcatchment));
  return c;
}

}  // namespace sf::test
