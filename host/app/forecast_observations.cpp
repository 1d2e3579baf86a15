#include "app/forecast_observations.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "app/observation_comparison.hpp"
#include "common/input_error.hpp"
#include "forecast/state_correction.hpp"
#include "io/netcdf/checkpoint_file.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;

/// The latest depth or level reading of each surface sensor in [t_state - window, t_state], as
/// a depth at its cell.
std::vector<forecast::CorrectionPoint> correction_points(const io::SensorSet& set,
                                                         const std::vector<SensorSite>& sites,
                                                         double t_state, double window_s) {
  std::vector<forecast::CorrectionPoint> points;
  for (std::size_t k = 0; k < set.sensors.size(); ++k) {
    const io::Sensor& s = set.sensors[k];
    if (!s.at_point || s.kind == io::SensorKind::kFlow) continue;
    const io::Reading* latest = nullptr;
    for (const io::Reading& r : set.readings)
      if (r.sensor == k && r.t_s <= t_state && r.t_s >= t_state - window_s) latest = &r;
    if (!latest) continue;
    const double depth =
        s.kind == io::SensorKind::kLevel ? latest->value - sites[k].ground_m : latest->value;
    points.push_back({sites[k].cell, std::max(0.0, depth)});
  }
  return points;
}

ObservedState observe(const config::CaseConfig& cfg, const ForecastOptions& o, double t_state,
                      const std::string& out_dir, std::ostream& out) {
  ObservedState r;
  r.state = o.state;
  const io::SensorSet set = io::read_sensor_observations(o.observations, cfg.start_iso8601);
  const std::string run_dir = fs::path(o.state).parent_path().string();
  forecast::CorrectionGrid grid;
  const std::vector<SensorSite> sites =
      locate_sensors(cfg, set, run_dir.empty() ? "." : run_dir, &grid);
  const fs::path results = fs::path(run_dir.empty() ? "." : run_dir) / "results.nc";
  if (fs::exists(results)) {
    const std::vector<ComparisonRow> rows =
        compare_with_run(set, sites, results.parent_path().string(), t_state);
    r.summary =
        write_comparison(out_dir, set, sites, rows, results.parent_path().string(), t_state);
    print_comparison(r.summary, out);
  } else {
    r.summary["note"] = "no results.nc beside the state: nothing compared";
    out << "observations: no " << results.string() << " beside the state; nothing compared\n";
  }
  r.summary["source"] = o.observations;
  if (!o.correct_state) return r;

  io::Checkpoint cp = io::read_checkpoint(o.state);
  const std::vector<forecast::CorrectionPoint> points =
      correction_points(set, sites, t_state, o.correction_window_s);
  const forecast::CorrectionResult c =
      forecast::correct_state(cp.state, grid, points, o.correction_radius_m, cfg.dry_depth);
  fs::create_directories(out_dir);
  r.state = (fs::path(out_dir) / "corrected_state.nc").string();
  io::write_checkpoint(r.state, cp.header, cp.state);
  nlohmann::ordered_json j;
  j["radius_m"] = o.correction_radius_m;
  j["window_s"] = o.correction_window_s;
  j["sensors_used"] = std::count(c.applied.begin(), c.applied.end(), true);
  j["sensors_dry_in_model"] = std::count(c.applied.begin(), c.applied.end(), false);
  j["cells_changed"] = c.cells_changed;
  j["volume_added_m3"] = c.volume_added_m3;
  j["volume_removed_m3"] = c.volume_removed_m3;
  j["state"] = r.state;
  r.summary["state_correction"] = j;
  char line[200];
  std::snprintf(line, sizeof line,
                "state correction: %lld cell(s) near %ld sensor(s): +%.3f m3, -%.3f m3 (booked in "
                "the initial volume)\n",
                c.cells_changed, long(j["sensors_used"].get<long>()), c.volume_added_m3,
                c.volume_removed_m3);
  out << line;
  return r;
}

}  // namespace

std::optional<ObservedState> observe_analysis(const config::CaseConfig& cfg,
                                              const ForecastOptions& o, double t_state,
                                              std::ostream& out, std::ostream& err) {
  try {
    return observe(cfg, o, t_state, o.output_dir, out);
  } catch (const InputError& e) {
    if (!o.observations_warn_only) throw;
    err << "WARNING: " << e.what() << "\nWARNING: this forecast goes on without observations\n";
    return std::nullopt;
  }
}

}  // namespace sf::app
