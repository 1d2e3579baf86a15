// Checkpoints of `spongeflow run`: --checkpoint-interval writes checkpoint.nc into the output
// folder at the first step boundary at or after each multiple of the interval; --restart FILE
// continues a run from one. A checkpoint belongs to one case: its fingerprint (the case file's
// bytes, the --set overrides but time.duration, the grid and the DEM values) and the precision
// must match, or the restart is refused naming the file and the reason. docs/checkpoints.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/backend.hpp"
#include "engine/simulation.hpp"

namespace sf::app {

struct CheckpointOptions {
  double interval_s = 0;             // 0: no checkpoints
  std::string restart_file;          // "": a fresh run
  std::uint64_t case_text_hash = 0;  // case_text_fingerprint() of the case and its overrides
};

/// Fingerprint of the case file's bytes and the --set overrides other than time.duration (so that
/// a run can be continued past its end). Throws sf::InputError when the file cannot be read.
std::uint64_t case_text_fingerprint(const std::string& case_file,
                                    const std::vector<std::pair<std::string, std::string>>& set);
/// Adds the grid (size, spacing, origin), the DEM values and the active mask to `text_hash`.
std::uint64_t case_fingerprint(std::uint64_t text_hash, const SurfaceSetup& setup);

/// A part of the run beside the surface whose state goes into the same checkpoint: the coupled
/// network (CoupledRun::save_state / restore_outputs).
struct CheckpointPart {
  std::function<void(StateRecord&)> save;
  std::function<void(const StateRecord&)> restore;
};

class RunCheckpoints {
 public:
  RunCheckpoints(CheckpointOptions options, std::string out_dir, std::string case_file,
                 std::uint64_t case_hash, Backend backend, Precision precision);

  bool restarting() const { return !options_.restart_file.empty(); }
  /// A coupled run: the network's part is saved and restored with the surface's.
  void set_coupled(CheckpointPart part) { coupled_ = std::move(part); }
  /// The one entry point of a restart: reads the restart file and loads it into `sim` (and the
  /// coupled part, when set); `adapt`, when given, edits the state first (a forecast starts its
  /// own window from it: app/forecast_command.cpp). Throws sf::InputError naming the file when it is unreadable,
  /// damaged, of another case or grid, of another precision, or of a coupled run for a surface
  /// run (or the reverse).
  void restore(Simulation& sim, const std::function<void(StateRecord&)>& adapt = {});
  /// RunHooks::on_step_end: writes checkpoint.nc once t reached the next checkpoint time.
  void after_step(Simulation& sim, double t);
  const std::string& path() const { return path_; }
  int written() const { return written_; }

 private:
  CheckpointOptions options_;
  std::string path_;  // <out_dir>/checkpoint.nc
  std::string case_file_;
  std::uint64_t case_hash_;
  Backend backend_;
  Precision precision_;
  CheckpointPart coupled_;  // empty for a surface-only run
  double next_ = 0;         // next checkpoint time (s)
  int written_ = 0;
};

}  // namespace sf::app
