// `spongeflow capacity CASE.toml --return-periods 1,2,3,5,10 --output DIR [--parallel N]
// [--outfalls O1,O2]`:
// the drainage capacity of every conduit by return period (管网排水能力评估), its class, a
// renewal priority list, and the files that show them. See docs/capacity.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sf::app {

struct CapacityOptions {
  std::string case_file;
  std::vector<double> return_periods;  // years, as given
  std::string output_dir;
  int parallel = 1;      // design storms routed at the same time
  std::string data_dir;  // "" = the case's
  /// Overflow outfalls to report per storm (docs/capacity.md, "Overflows by return period");
  /// events are split by 6 h without flow above 0.001 m3/s, as `spongeflow overflows` does.
  std::vector<std::string> outfalls;
};

/// 0 on success, 1 on bad input (printed to err), 2 when a run fails.
int capacity_command(const CapacityOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
