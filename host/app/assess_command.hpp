// `spongeflow assess CASE.toml`: the event with and without the case's sponge measures, and the
// reductions engineers report (runoff volume, peak runoff, flooded area and volume).
// `spongeflow capture-ratio DAILY.csv`: annual runoff volume capture ratio (年径流总量控制率).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "app/run_command.hpp"

namespace sf::app {

int assess_case(const RunOptions& options, std::ostream& out, std::ostream& err);

struct CaptureRatioOptions {
  std::string daily_rain_csv;
  std::optional<double> depth_mm;  // report the ratio captured by this design depth
  std::optional<double> target;    // report the design depth for this ratio (0..1)
};

int capture_ratio_command(const CaptureRatioOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
