#include "app/run_checkpoints.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "common/input_error.hpp"
#include "io/netcdf/checkpoint_file.hpp"

namespace sf::app {
namespace {

std::uint64_t hash_string(const std::string& s, std::uint64_t h) {
  const std::uint64_t n = s.size();
  h = fnv1a64(&n, sizeof n, h);
  return fnv1a64(s.data(), s.size(), h);
}

/// The first multiple of the interval after t.
double next_multiple(double t, double interval) {
  return (std::floor(t / interval) + 1.0) * interval;
}

}  // namespace

std::uint64_t case_text_fingerprint(const std::string& case_file,
                                    const std::vector<std::pair<std::string, std::string>>& set) {
  std::ifstream in(case_file, std::ios::binary);
  if (!in) throw InputError(InputIssue{case_file, 0, "", "", "cannot be read"});
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::uint64_t h = hash_string(text, fnv1a64(nullptr, 0));
  for (const auto& [key, value] : set) {
    if (key == "time.duration") continue;  // a continued run may go further
    h = hash_string(key, h);
    h = hash_string(value, h);
  }
  return h;
}

std::uint64_t case_fingerprint(std::uint64_t text_hash, const SurfaceSetup& setup) {
  const GridGeometry& g = setup.grid;
  const double geometry[5] = {double(g.nx), double(g.ny), g.dx, g.x0, g.y0};
  std::uint64_t h = fnv1a64(geometry, sizeof geometry, text_hash);
  h = fnv1a64(setup.z.data(), setup.z.size() * sizeof(double), h);
  return fnv1a64(setup.active.data(), setup.active.size(), h);
}

RunCheckpoints::RunCheckpoints(CheckpointOptions options, std::string out_dir,
                               std::string case_file, std::uint64_t case_hash, Backend backend,
                               Precision precision)
    : options_(std::move(options)),
      path_((std::filesystem::path(out_dir) / "checkpoint.nc").string()),
      case_file_(std::move(case_file)),
      case_hash_(case_hash),
      backend_(backend),
      precision_(precision) {
  if (options_.interval_s > 0) next_ = options_.interval_s;
}

void RunCheckpoints::restore(Simulation& sim, const std::function<void(StateRecord&)>& adapt) {
  const std::string& file = options_.restart_file;
  io::Checkpoint c = io::read_checkpoint(file);
  auto refuse = [&](const std::string& field, const std::string& why) {
    return InputError(InputIssue{file, 0, "checkpoint", field, why});
  };
  // Said before the fingerprint: the case files of the two differ anyway, this says how.
  const bool coupled_checkpoint = c.state.has("network_clock");
  if (coupled_checkpoint && !coupled_.restore)
    throw refuse("network_clock",
                 "was written by a coupled run (a case with [network]); this case has no "
                 "pipe network");
  if (!coupled_checkpoint && coupled_.restore)
    throw refuse("network_clock",
                 "was written by a surface-only run; this case couples a pipe network "
                 "([network]), whose state the checkpoint does not hold");
  if (c.header.case_hash != case_hash_)
    throw refuse("case_hash",
                 "was written for another case or grid (" + c.header.case_file + ", fingerprint " +
                     io::hash_text(c.header.case_hash) + "); this run is " + case_file_ +
                     ", fingerprint " + io::hash_text(case_hash_) +
                     ": the case file, its --set overrides (other than time.duration) and the DEM "
                     "must be those of the run that wrote it");
  if (c.header.precision != to_string(precision_))
    throw refuse("precision", "was written by a " + c.header.precision + " run; this run is " +
                                  to_string(precision_) + " (give --precision " +
                                  c.header.precision + ")");
  if (!(c.header.time_s < sim.setup().duration))
    throw refuse("time_s", "its state is at t = " + std::to_string(c.header.time_s) +
                               " s, not before the end of this run (" +
                               std::to_string(sim.setup().duration) +
                               " s); raise [time] duration to continue it");
  try {
    if (adapt) adapt(c.state);
    sim.load_state(c.state);
    if (coupled_.restore) coupled_.restore(c.state);
  } catch (const std::invalid_argument& e) {
    throw refuse("", std::string("does not fit this run: ") + e.what());
  }
  if (options_.interval_s > 0) next_ = next_multiple(sim.time(), options_.interval_s);
}

void RunCheckpoints::after_step(Simulation& sim, double t) {
  if (!(options_.interval_s > 0) || t < next_) return;
  StateRecord record;
  sim.save_state(record);
  if (coupled_.save) coupled_.save(record);
  io::CheckpointHeader h;
  h.case_file = case_file_;
  h.case_hash = case_hash_;
  h.precision = to_string(precision_);
  h.backend = to_string(backend_);
  h.time_s = t;
  io::write_checkpoint(path_, h, record);
  ++written_;
  next_ = next_multiple(t, options_.interval_s);
}

}  // namespace sf::app
