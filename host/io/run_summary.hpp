// summary.json of a surface run: what ran, how fast, what it found, and the volume balance.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/defaults.hpp"
#include "engine/simulation.hpp"

namespace sf::io {

struct GaugeResult {
  std::string name;
  double x = 0, y = 0;
  double ground_m = 0, peak_level_m = 0, peak_depth_m = 0;
};

/// One network element's results: named values in SI units (m, m³, m³/s, h).
struct ElementResult {
  std::string id;
  std::vector<std::pair<std::string, double>> values;
};

/// The pipe network of a coupled run (docs/coupling.md).
struct NetworkReport {
  std::string inp_file, backend;
  int nodes = 0, links = 0, coupled_points = 0;
  long long steps = 0;
  std::vector<std::pair<std::string, double>> balance_m3;  // coupled system ledger, in order
  double continuity_error_pct = 0;                         // the coupled system
  double network_continuity_error_pct = 0;                 // the pipes alone (SWMM's ledger)
  /// SWMM's runoff continuity of the .inp's subcatchments (m³, area m², error %), in order;
  /// empty without subcatchments loading the nodes.
  std::vector<std::pair<std::string, double>> runoff_continuity;
  std::vector<ElementResult> pumps, outfalls, flooded_nodes, surcharged_conduits;
};

struct RunReport {
  std::string case_name, case_file, description;
  std::string backend, precision;
  int threads = 0;
  long long cells = 0, active_cells = 0;
  double cell_size_m = 0;
  int order = 1;
  std::string status = "completed";  // "failed" (an error midway) or "interrupted" (a signal)
  std::string error;                 // message when failed or interrupted
  double flood_threshold_m = kDefaultFloodThreshold;
  RunResult result;
  std::vector<GaugeResult> gauges;
  std::vector<std::string> outputs;  // files written, relative to the output folder
  std::optional<NetworkReport> network;
};

/// Writes the report as JSON, atomically (temporary file, then rename). Throws
/// std::runtime_error with the system's reason; no temporary file is left behind.
void write_run_summary(const std::string& path, const RunReport& report);

}  // namespace sf::io
