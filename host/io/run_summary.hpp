// summary.json of a surface run: what ran, how fast, what it found, and the volume balance.
#pragma once

#include <string>
#include <vector>

#include "engine/simulation.hpp"

namespace sf::io {

struct GaugeResult {
  std::string name;
  double x = 0, y = 0;
  double ground_m = 0, peak_level_m = 0, peak_depth_m = 0;
};

struct RunReport {
  std::string case_name, case_file, description;
  std::string backend, precision;
  int threads = 0;
  long long cells = 0, active_cells = 0;
  double cell_size_m = 0;
  int order = 1;
  std::string status = "completed";  // or "failed"
  std::string error;                 // message when failed
  double flood_threshold_m = 0.15;
  RunResult result;
  std::vector<GaugeResult> gauges;
  std::vector<std::string> outputs;  // files written, relative to the output folder
};

/// Writes the report as JSON, atomically (temporary file, then rename).
void write_run_summary(const std::string& path, const RunReport& report);

}  // namespace sf::io
