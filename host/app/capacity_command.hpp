// `spongeflow capacity CASE.toml --return-periods 1,2,3,5,10 --output DIR [--parallel N]`:
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
};

/// 0 on success, 1 on bad input (printed to err), 2 when a run fails.
int capacity_command(const CapacityOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
