// `spongeflow run CASE.toml`: read the case, run the surface model, write ParaView files and
// summary.json, print the continuity table.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace sf::app {

struct RunOptions {
  std::string case_file;
  std::string backend = "cpu";
  std::string precision;  // "" = the case's, else f32 on cuda, f64 on cpu
  int threads = 0;        // 0 = OpenMP default
  std::string output_dir; // "" = the case's
  std::string data_dir;   // "" = the case's
  std::vector<std::pair<std::string, std::string>> set;  // --set table.key=value
  bool quiet = false;
};

/// Returns the process exit status: 0 success, 1 input error, 2 run failure.
int run_case(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
