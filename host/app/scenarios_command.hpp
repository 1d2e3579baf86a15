// `spongeflow scenarios SCENARIOS.toml --output DIR [--parallel N]`: named variants of one case
// (combined vs separated sewers, sponge measures, storage tanks) on the same storms, compared
// by overflow volume, events and their durations, sewage load overflowed, flooding, peak
// outfall flows and the runoff capture ratio, with the continuity of every run. Writes
// scenarios.json, scenarios.csv, report.md and report.html. See docs/scenarios.md.
#pragma once

#include <iosfwd>
#include <string>

namespace sf::app {

struct ScenariosOptions {
  std::string scenarios_file;
  std::string output_dir;
  int parallel = 1;  // runs routed at the same time
};

/// 0 on success, 1 on bad input (printed to err), 2 when a run fails.
int scenarios_command(const ScenariosOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
