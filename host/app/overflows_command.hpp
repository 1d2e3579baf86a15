// `spongeflow overflows MODEL.inp --output DIR [--outfalls A,B] [--inter-event-hours 6]
// [--min-flow 0.001]`: runs a SWMM network and reports, per outfall and in total, the overflow
// volume, the number of overflow events and their durations (combined-sewer overflows, CSO).
// See docs/capacity.md, "Overflows".
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sf::app {

struct OverflowOptions {
  std::string inp_path;
  std::string output_dir;
  std::vector<std::string> outfalls;  // empty = every outfall
  double inter_event_hours = 6.0;
  double min_flow_m3s = 0.001;
};

/// 0 on success, 1 on bad input (printed to err), 2 when the run fails.
int overflows_command(const OverflowOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
