// `spongeflow run CASE.toml`: read the case, run the surface model, write ParaView files and
// summary.json, print the continuity table.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "app/run_checkpoints.hpp"
#include "config/case_config.hpp"
#include "io/run_summary.hpp"

namespace sf::app {

struct RunOptions {
  std::string case_file;
  std::string backend = "cpu";
  std::string precision;   // "" = the case's, else f32 on cuda, f64 on cpu
  int threads = 0;         // 0 = OpenMP default
  std::string output_dir;  // "" = the case's
  std::string data_dir;    // "" = the case's
  std::vector<std::pair<std::string, std::string>> set;  // --set table.key=value
  bool quiet = false;
  double checkpoint_interval = 0;  // s; 0 = no checkpoints (--checkpoint-interval)
  std::string restart_file;        // --restart: continue from this checkpoint
};

/// Returns the process exit status: 0 success, 1 input error, 2 run failure, 128 + signal when
/// SIGINT (130) or SIGTERM (143) stopped the run.
int run_case(const RunOptions& options, std::ostream& out, std::ostream& err);

/// Reads and checks the case of `options` (with its overrides); 0 on success, else the exit status.
int prepare_case(const RunOptions& options, config::CaseConfig& cfg, Backend& backend,
                 Precision& precision, std::ostream& err);

class CoupledRun;
}  // namespace sf::app
namespace sf::inp {
struct Model;
}  // namespace sf::inp
namespace sf::app {

/// How `spongeflow forecast` changes a run restarted from a checkpoint (app/forecast_command.cpp).
struct RestartAdjustments {
  std::function<void(StateRecord&)> adapt_state;           // edits the state before it is loaded
  std::function<void(Simulation&, double t)> on_step_end;  // after each step
  /// After each step of a coupled run, with its network (a forecast's network alerts).
  std::function<void(const CoupledRun&, double t)> on_network_step_end;
  /// Once before the first step of a coupled run, with its network started or restored
  /// (`spongeflow capacity`: the overflow recorders' first flows).
  std::function<void(const CoupledRun&)> on_network_start;
  /// The outputs start at the checkpoint's time: no earlier results.nc or surface.pvd is continued.
  bool fresh_outputs = false;
  /// Changes the network's .inp model before the coupled run builds it (`spongeflow capacity`:
  /// the design storm as the gages' rain).
  std::function<void(inp::Model&)> edit_network_model;
};

/// Loads and runs a checked case into out_dir, filling `report`; returns the exit status (as
/// run_case).
int execute_case(const config::CaseConfig& cfg, Backend backend, Precision precision,
                 const std::string& out_dir, bool quiet, std::ostream& out, std::ostream& err,
                 io::RunReport& report, const CheckpointOptions& checkpoints = {},
                 const RestartAdjustments& adjust = {});

}  // namespace sf::app
