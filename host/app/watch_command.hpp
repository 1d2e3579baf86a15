// `spongeflow forecast CASE.toml --watch INBOX --output ROOT`: the forecast loop. For every new
// nowcast that arrives in INBOX (complete files only: a name ending in .nc, not hidden, as a
// writer renames it in), the analysis run in ROOT/analysis is carried on to the nowcast's issue
// time with its observed frames, and a forecast runs from the new checkpoint into
// ROOT/cycles/NNNN-NAME; ROOT/latest points at the newest cycle; cycles beyond --keep are
// removed. A bad or late nowcast is refused with a message and the loop goes on with the
// previous forecast in place. See docs/forecast.md.
#pragma once

#include <iosfwd>
#include <string>

#include "app/forecast_command.hpp"

namespace sf::app {

struct WatchOptions {
  ForecastOptions forecast;  // case and forecast settings; state, rain and output set per cycle
  std::string inbox;
  std::string root;
  int cycles = 0;     // stop after this many forecasts; 0 = until stopped
  int keep = 6;       // cycles kept in ROOT/cycles
  double poll_s = 5;  // s between looks at the inbox
};

/// Returns 0 after --cycles forecasts, 1 for errors that stop the loop (no case, an inbox that
/// cannot be read), 128 + signal when SIGINT or SIGTERM stopped a cycle's run; a refused
/// nowcast does not stop it.
int watch_command(const WatchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
