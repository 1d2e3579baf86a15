#include "app/capacity_coupled.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "app/capacity_max_depth.hpp"
#include "app/coupled_run.hpp"
#include "app/parallel_runs.hpp"
#include "app/run_command.hpp"
#include "app/run_interrupt.hpp"
#include "common/number_text.hpp"
#include "config/case_config.hpp"
#include "engine/simulation.hpp"
#include "network/network_engine.hpp"

namespace sf::app {
namespace {

std::string years(double p) {
  return number_text("%g", p);
}

/// What the network gives after every coupled step (it has sub-stepped to the surface's time):
/// depth, end levels and surcharge time of every conduit as network mode takes them after every
/// routing step, and the overflow outfalls' flows and loads (a CapacityOverflowProbe's observer,
/// fed as run_design_storm feeds it); at the last step, peak flows and upstream flooding from the
/// engine's statistics.
class StepRecorder {
 public:
  StepRecorder(const CapacityNetwork& net, double duration, RunObserver overflow)
      : net_(net), duration_(duration), overflow_(std::move(overflow)) {}

  /// Before the first step, with the network started.
  void start(const CoupledRun& run) {
    const network::NetworkEngine& eng = run.engine();
    peaks_.peaks = initial_conduit_peaks(net_, eng.network());
    t_ = eng.time();
    if (overflow_.after_start) overflow_.after_start(eng);
    started_ = true;
  }

  void after_step(const CoupledRun& run, double t) {
    if (!started_) return;  // cannot happen: execute_case starts before the first step
    const network::NetworkEngine& eng = run.engine();
    record_conduit_step(eng, net_, t - t_, peaks_.peaks);
    if (overflow_.after_step) overflow_.after_step(eng);
    t_ = t;
    if (t < duration_ - 1e-6) return;
    take_network_statistics(eng, net_, peaks_);  // the last step
    if (overflow_.after_finish) overflow_.after_finish(eng);
    done_ = true;
  }

  bool done() const { return done_; }
  void fill(CapacityRun& run) const {
    run.peaks = peaks_.peaks;
    run.flooding_m3 = peaks_.flooding_m3;
    run.flooded_nodes = peaks_.flooded_nodes;
    run.steps = peaks_.steps;
  }

 private:
  const CapacityNetwork& net_;
  double duration_;
  RunObserver overflow_;
  double t_ = 0;
  CapacityRun peaks_;  // the conduit peaks and the network's flooding and steps
  bool started_ = false, done_ = false;
};

double balance_value(const io::NetworkReport& n, const std::string& key) {
  for (const auto& [name, v] : n.balance_m3)
    if (name == key) return v;
  return 0.0;
}

double runoff_value(const io::NetworkReport& n, const std::string& key) {
  for (const auto& [name, v] : n.runoff_continuity)
    if (name == key) return v;
  return 0.0;
}

/// The run's error output without execute_case's "error: " prefixes, for a message of our own.
std::string failure_text(const std::string& err) {
  std::string s;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("WARNING: ", 0) == 0) continue;
    if (line.rfind("error: ", 0) == 0) line = line.substr(7);
    if (!s.empty()) s += "; ";
    s += line;
  }
  return s;
}

CapacityRun run_one(const CoupledCapacityInput& in, const CapacityNetwork& net, std::size_t k,
                    CapacityOverflowProbe* overflow, std::string& warnings,
                    std::atomic<int>& stopped_by) {
  const auto t0 = std::chrono::steady_clock::now();
  const double P = in.periods[k];
  config::CaseOverrides ov;
  ov.set = {{"design_storm.return_period", years(P)}};
  ov.data_dir = in.data_dir;
  config::CaseConfig cfg = config::read_case_file(in.case_file, ov);
  // The run's own files: summary.json and network_timeseries.csv; no fields or series.
  cfg.vtk = cfg.netcdf = cfg.network_vtk = false;
  const std::string dir =
      (std::filesystem::path(in.output_dir) / "runs" / (years(P) + "a")).string();

  rain::ChicagoParameters storm = in.storm;
  storm.return_period_years = P;
  RestartAdjustments adjust;
  if (cfg.network->subcatchments == "load_nodes") {
    const double duration = cfg.duration;
    const rain::StormIntensityFormula formula = in.formula;
    adjust.edit_network_model = [formula, storm, duration](inp::Model& m) {
      if (!m.subcatchments.empty()) m = with_design_storm(m, formula, storm, duration);
    };
  }
  StepRecorder steps(net, cfg.duration, overflow ? overflow->observer() : RunObserver{});
  adjust.on_network_start = [&steps](const CoupledRun& run) { steps.start(run); };
  adjust.on_network_step_end = [&steps](const CoupledRun& run, double t) {
    steps.after_step(run, t);
  };
  MaxDepthField max_depth;  // the surface's at the last step
  const double duration = cfg.duration;
  adjust.on_step_end = [&max_depth, duration](Simulation& sim, double t) {
    if (t >= duration - 1e-6) max_depth = take_max_depth(sim);
  };
  std::ostringstream out, err;
  io::RunReport report;
  // the CPU, in the case's precision (fp64 unless it says otherwise)
  const Precision precision = cfg.precision ? *cfg.precision : Precision::kF64;
  const int status =
      execute_case(cfg, Backend::kCpu, precision, dir, true, out, err, report, {}, adjust);
  // SIGINT/SIGTERM stopped this run: the periods not yet started are not started (each run's
  // own handler clears the request when it ends, so it is kept here).
  if (status > 128) {
    stopped_by = status - 128;
    throw RunInterrupted(status - 128);
  }
  if (status == 1)
    throw std::invalid_argument("the coupled run of " + years(P) +
                                " a: " + failure_text(err.str()));
  if (status != 0 || !steps.done() || max_depth.empty() || !report.network)
    throw std::runtime_error("the coupled run of " + years(P) +
                             " a failed: " + failure_text(err.str()) + " (its files: " + dir + ")");
  warnings = err.str();

  CapacityRun run;
  run.return_period_years = P;
  steps.fill(run);
  run.rain_depth_mm = rain::chicago_cumulative_depth_mm(in.formula, storm, storm.duration_s / 60.0);
  const auto blocks = rain::chicago_block_intensities_mm_per_min(in.formula, storm);
  run.peak_block_mm_per_h = 60.0 * *std::max_element(blocks.begin(), blocks.end());
  const io::NetworkReport& n = *report.network;
  run.routing_continuity_pct = n.network_continuity_error_pct;
  run.runoff_continuity_pct = runoff_value(n, "continuity_error_pct");
  run.runoff_m3 = runoff_value(n, "surface_runoff_m3");
  run.rainfall_m3 = runoff_value(n, "total_precipitation_m3");
  CapacitySurface s;
  s.flood_threshold_m = cfg.flood_threshold;
  s.flooded_area_m2 = report.result.flooded_area_m2;
  s.max_depth_m = report.result.max_depth_m;
  s.flooded_volume_m3 = report.result.flooded_volume_m3;
  s.coupled_continuity_pct = n.continuity_error_pct;
  s.surface_to_network_m3 = balance_value(n, "surface_to_network");
  s.network_to_surface_m3 = balance_value(n, "network_to_surface");
  s.grid_rain_m3 = balance_value(n, "rain");
  const std::string field = "max_depth.asc";
  write_max_depth_ascii((std::filesystem::path(dir) / field).string(), max_depth);
  s.max_depth_file = "runs/" + years(P) + "a/" + field;
  run.surface = s;
  run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

}  // namespace

std::vector<CapacityRun> run_coupled_design_storms(
    const CoupledCapacityInput& in, const CapacityNetwork& net,
    std::vector<CapacityOverflowProbe>& overflow_probes, std::ostream& out, std::ostream& err) {
  // One handler for the whole command: the runs' own handlers nest inside it.
  const InterruptRequests interrupts;
  std::vector<CapacityRun> runs(in.periods.size());
  std::mutex print;
  bool warned = false;
  std::atomic<int> stopped_by{0};
  run_in_parallel(in.periods.size(), in.parallel, [&](std::size_t k) {
    if (const int s = stopped_by.load()) throw RunInterrupted(s);
    std::string warnings;
    runs[k] = run_one(in, net, k, overflow_probes.empty() ? nullptr : &overflow_probes[k], warnings,
                      stopped_by);
    const CapacityRun& r = runs[k];
    const std::lock_guard<std::mutex> lock(print);
    if (!warned) err << warnings;  // the same for every period: once
    warned = true;
    char line[320];
    std::snprintf(line, sizeof line,
                  "  %6s a: %4d flooded nodes, flooded area %8.0f m2 (> %.2f m), max depth "
                  "%6.3f m, coupled continuity %6.3f %%, routing %6.3f %%, %6.1f s\n",
                  years(r.return_period_years).c_str(), r.flooded_nodes, r.surface->flooded_area_m2,
                  r.surface->flood_threshold_m, r.surface->max_depth_m,
                  r.surface->coupled_continuity_pct, r.routing_continuity_pct, r.wall_s);
    out << line << std::flush;
  });
  return runs;
}

std::string capacity_surface_csv(const std::vector<CapacityRun>& runs) {
  std::string s =
      "return_period_a,rain_depth_mm,grid_rain_m3,flood_threshold_m,flooded_area_m2,"
      "max_depth_m,flooded_volume_m3,surface_to_network_m3,network_to_surface_m3,"
      "flooded_nodes,coupled_continuity_error_pct,flow_routing_continuity_error_pct\n";
  for (const CapacityRun& r : runs) {
    if (!r.surface) continue;
    const CapacitySurface& f = *r.surface;
    s += years(r.return_period_years) + "," + number_text("%.2f", r.rain_depth_mm) + "," +
         number_text("%.2f", f.grid_rain_m3) + "," + number_text("%.3f", f.flood_threshold_m) +
         "," + number_text("%.1f", f.flooded_area_m2) + "," + number_text("%.4f", f.max_depth_m) +
         "," + number_text("%.2f", f.flooded_volume_m3) + "," +
         number_text("%.2f", f.surface_to_network_m3) + "," +
         number_text("%.2f", f.network_to_surface_m3) + "," + std::to_string(r.flooded_nodes) +
         "," + number_text("%.4f", f.coupled_continuity_pct) + "," +
         number_text("%.4f", r.routing_continuity_pct) + "\n";
  }
  return s;
}

}  // namespace sf::app
