#include "app/run_command.hpp"

#include "app/coupled_run.hpp"
#include "app/run_interrupt.hpp"
#include "app/stopped_run.hpp"

#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "common/input_error.hpp"
#include "config/case_loader.hpp"
#include "engine/simulation.hpp"
#include "io/netcdf/netcdf_results_writer.hpp"
#include "io/netcdf/results_continuation.hpp"
#include "io/run_summary.hpp"
#include "viz/vtk_series_writer.hpp"

namespace sf::app {
namespace {

std::string human_time(double s) {
  char b[32];
  if (s < 120)
    std::snprintf(b, sizeof b, "%.0f s", s);
  else if (s < 7200)
    std::snprintf(b, sizeof b, "%.1f min", s / 60);
  else
    std::snprintf(b, sizeof b, "%.2f h", s / 3600);
  return b;
}

void print_progress(const Progress& p, bool tty, std::ostream& err) {
  char line[200];
  std::snprintf(line, sizeof line,
                "t = %9.1f s  %5.1f %%  dt = %7.4f s  %8.3g cell-updates/s  ETA %s", p.time_s,
                p.duration_s > 0 ? 100.0 * p.time_s / p.duration_s : 100.0, p.dt_s,
                p.cell_updates_per_s, human_time(p.eta_s).c_str());
  if (tty)
    err << "\r" << line << "   " << std::flush;
  else
    err << line << "\n";
}

/// A restarted run continues the results.nc of the run that wrote the checkpoint: it must be in
/// the output folder and hold the snapshots written up to the checkpoint.
void check_results_to_continue(const std::string& out_dir, int frames) {
  const std::string path = (std::filesystem::path(out_dir) / "results.nc").string();
  std::size_t have = 0;
  try {
    have = io::results_record_count(path);
  } catch (const std::runtime_error& e) {
    throw InputError(InputIssue{path, 0, "", "",
                                std::string("a restarted run continues this file, but it cannot "
                                            "be read (") +
                                    e.what() +
                                    "); restart in the output folder of the run that wrote the "
                                    "checkpoint"});
  }
  if (have < std::size_t(frames))
    throw InputError(InputIssue{
        path, 0, "", "",
        "holds " + std::to_string(have) + " snapshots; the checkpoint was written after snapshot " +
            std::to_string(frames) + ": restart in the output folder of the run that wrote it"});
}

}  // namespace

int execute_case(const config::CaseConfig& cfg, Backend backend, Precision precision,
                 const std::string& out_dir, bool quiet, std::ostream& out, std::ostream& err,
                 io::RunReport& report, const CheckpointOptions& checkpoints,
                 const RestartAdjustments& adjust) {
  config::LoadedCase loaded;
  try {
    loaded = config::load_case(cfg);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    err << "error: cannot create output folder " << out_dir << ": " << ec.message() << "\n";
    return 1;
  }

  report.case_name = cfg.name;
  report.case_file = cfg.file;
  report.description = cfg.description;
  report.backend = to_string(backend);
  report.precision = to_string(precision);
  report.threads = backend == Backend::kCpu ? omp_get_max_threads() : 0;
  report.order = cfg.order;
  report.flood_threshold_m = cfg.flood_threshold;
  const SurfaceSetup& setup = loaded.setup;
  report.cells = (long long)setup.grid.nx * setup.grid.ny;
  for (unsigned char a : setup.active) report.active_cells += a;
  report.cell_size_m = setup.grid.dx;
  const std::string summary_path = (std::filesystem::path(out_dir) / "summary.json").string();

  if (!quiet)
    out << "spongeflow: case '" << cfg.name << "', " << setup.grid.nx << " x " << setup.grid.ny
        << " cells of " << setup.grid.dx << " m (" << report.active_cells << " active), "
        << human_time(setup.duration) << " simulated, backend " << report.backend << " "
        << report.precision << ", order " << cfg.order << "\n";

  try {
    Simulation sim(setup, backend, precision);
    std::unique_ptr<CoupledRun> coupled;
    if (cfg.network) {
      try {
        coupled =
            std::make_unique<CoupledRun>(cfg, sim, backend, out_dir, adjust.edit_network_model);
      } catch (const InputError& e) {
        err << "error: " << e.what() << "\n";
        return 1;
      }
      const auto& w = coupled->warnings();
      for (std::size_t k = 0; k < w.size() && k < 10; ++k) err << "WARNING: " << w[k] << "\n";
      if (w.size() > 10) err << "WARNING: ... and " << w.size() - 10 << " more like these\n";
      if (!quiet)
        out << "  pipe network " << cfg.network->inp << " coupled to the surface; "
            << coupled->placement() << "\n";
    }
    RunCheckpoints saved(checkpoints, out_dir, cfg.file,
                         case_fingerprint(checkpoints.case_text_hash, setup), backend, precision);
    if (coupled) {
      CoupledRun* c = coupled.get();
      const bool fresh = adjust.fresh_outputs;
      saved.set_coupled({[c](StateRecord& r) { c->save_state(r); },
                         [c, fresh](const StateRecord& r) {
                           if (fresh)
                             c->restore_fresh(r);
                           else
                             c->restore_outputs(r);
                         }});
      if (!saved.restarting()) coupled->start_outputs();
    }
    const bool continues = saved.restarting() && !adjust.fresh_outputs;
    if (saved.restarting()) {
      try {
        saved.restore(sim, adjust.adapt_state);
        if (cfg.netcdf && continues) check_results_to_continue(out_dir, sim.cursor().next_frame);
      } catch (const InputError& e) {
        err << "error: " << e.what() << "\n";
        return 1;
      }
      if (!quiet)
        out << "  continuing from " << checkpoints.restart_file << " at t = " << sim.time()
            << " s (snapshot " << sim.cursor().next_frame << ")\n";
    }
    std::unique_ptr<viz::VtkSeriesWriter> vtk;
    std::vector<SnapshotWriter*> writers;
    if (cfg.vtk) {
      vtk = std::make_unique<viz::VtkSeriesWriter>(out_dir, "surface");
      if (continues) vtk->continue_series(sim.cursor().frame_times);
      writers.push_back(vtk.get());
      report.outputs.push_back("surface.pvd");
    }
    std::unique_ptr<io::NetcdfResultsWriter> netcdf;
    if (cfg.netcdf) {
      io::NetcdfResultsOptions nc;
      nc.title = "spongeflow results: " + cfg.name;
      nc.run_start_iso8601 = cfg.start_iso8601;
      nc.store_float64 = cfg.netcdf_float64;
      if (continues) nc.keep_records = std::size_t(sim.cursor().next_frame);
      netcdf = std::make_unique<io::NetcdfResultsWriter>(
          (std::filesystem::path(out_dir) / "results.nc").string(), nc);
      writers.push_back(netcdf.get());
      report.outputs.push_back("results.nc");
    }
    const bool tty = isatty(STDERR_FILENO);
    auto progress = [&](const Progress& p) {
      if (!quiet) print_progress(p, tty, err);
    };
    InterruptRequests interrupts;  // from here on, Ctrl-C stops at the next step boundary
    RunHooks hooks = coupled ? coupled->hooks() : RunHooks{};
    hooks.step = interrupts.checked_step(
        std::move(hooks.step), [&sim](double t_limit) { return sim.advance_step(t_limit); });
    if (checkpoints.interval_s > 0 || adjust.on_step_end || adjust.on_network_step_end)
      hooks.on_step_end = [&saved, &sim, &adjust, &coupled](double t) {
        saved.after_step(sim, t);
        if (adjust.on_step_end) adjust.on_step_end(sim, t);
        if (adjust.on_network_step_end && coupled) adjust.on_network_step_end(*coupled, t);
      };
    if (adjust.on_network_start && coupled) adjust.on_network_start(*coupled);
    const long long steps_before = continues ? sim.cursor().steps_at_start : sim.steps();
    try {
      report.result = sim.run(writers, progress, tty ? 0.5 : 10.0,
                              coupled ? cfg.timeseries_interval : 60.0, hooks);
    } catch (const std::exception& e) {
      if (tty && !quiet) err << "\n";
      const auto* interrupted = dynamic_cast<const RunInterrupted*>(&e);
      const std::string close_failures = close_writers(writers);
      report.status = interrupted ? "interrupted" : "failed";
      report.error = e.what();
      if (!close_failures.empty()) report.error += "; " + close_failures;
      report.result = stopped_run_result(sim, steps_before);
      if (coupled) {
        coupled->add_exchange(report.result.balance);
        report.network = coupled->report();
        for (const std::string& f : coupled->outputs()) report.outputs.push_back(f);
      }
      report.outputs.push_back("summary.json");
      err << (interrupted ? "spongeflow: " : "error: ") << "the run stopped at t = " << sim.time()
          << " s: " << report.error << "\n";
      try {
        io::write_run_summary(summary_path, report);
      } catch (const std::exception& summary_error) {
        err << "error: " << summary_error.what() << "\n";
      }
      err << "Files written so far are kept in " << out_dir << "\n";
      return interrupted ? 128 + interrupted->signal_number() : 2;
    }
    if (tty && !quiet) err << "\n";
    SurfaceFields f;
    sim.solver().read_fields(f);
    for (const config::GaugeCell& g : loaded.gauges) {
      const double hmax = f.hmax[std::size_t(g.cell)];
      report.gauges.push_back({g.name, g.x, g.y, g.ground, g.ground + hmax, hmax});
    }
    if (coupled) {
      coupled->add_exchange(report.result.balance);
      report.network = coupled->report();
      for (const std::string& f : coupled->outputs()) report.outputs.push_back(f);
    }
    report.outputs.push_back("summary.json");
    io::write_run_summary(summary_path, report);
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }

  const RunResult& r = report.result;
  double err_pct = r.balance.continuity_error_pct();
  char line[256];
  out << "\n" << r.balance.table(r.active_area_m2) << "\n";
  if (report.network) {
    const io::NetworkReport& n = *report.network;
    err_pct = n.continuity_error_pct;
    out << coupled_table_text(n, r.active_area_m2) << "\n";
  }
  std::snprintf(line, sizeof line,
                "  %lld steps (dt %.3g .. %.3g s) in %s wall: %.3g cell-updates/s\n"
                "  max depth %.3f m; flooded area (> %.2f m) %.0f m2\n",
                r.steps, r.min_dt_s, r.max_dt_s, human_time(r.wall_s).c_str(), r.cell_updates_per_s,
                r.max_depth_m, cfg.flood_threshold, r.flooded_area_m2);
  out << line;
  for (const io::GaugeResult& g : report.gauges) {
    std::snprintf(line, sizeof line, "  gauge %-12s peak level %.3f m (depth %.3f m)\n",
                  g.name.c_str(), g.peak_level_m, g.peak_depth_m);
    out << line;
  }
  if (r.balance.clamp_is_large())
    err << "WARNING: the depth clamp added " << r.balance.clamp
        << " m3 (more than 1e-6 of the water that entered): steps went past the positivity "
           "bound; lower numerics.cfl\n";
  if (std::abs(err_pct) > kContinuityWarningPct)
    err << "WARNING: continuity error " << err_pct << " % exceeds " << kContinuityWarningPct
        << " %: check the time step (cfl), boundaries and inputs\n";
  out << "\nResults in " << out_dir << ": open " << (cfg.vtk ? "surface.pvd" : "summary.json")
      << (cfg.vtk && report.network && cfg.network_vtk ? " and network.pvd" : "")
      << (cfg.vtk ? " in ParaView" : "") << "\n";
  return 0;
}

int prepare_case(const RunOptions& o, config::CaseConfig& cfg, Backend& backend,
                 Precision& precision, std::ostream& err) {
  try {
    backend = parse_backend(o.backend);
    config::CaseOverrides ov{o.set, o.data_dir};
    cfg = config::read_case_file(o.case_file, ov);
    if (!o.precision.empty())
      precision = parse_precision(o.precision);
    else if (cfg.precision)
      precision = *cfg.precision;
    else
      precision = backend == Backend::kCuda ? Precision::kF32 : Precision::kF64;
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  if (o.threads > 0) omp_set_num_threads(o.threads);
  if (!o.output_dir.empty()) cfg.output_dir = o.output_dir;
  return 0;
}

int run_case(const RunOptions& o, std::ostream& out, std::ostream& err) {
  config::CaseConfig cfg;
  Backend backend;
  Precision precision;
  if (const int rc = prepare_case(o, cfg, backend, precision, err)) return rc;
  CheckpointOptions checkpoints;
  checkpoints.interval_s = o.checkpoint_interval;
  checkpoints.restart_file = o.restart_file;
  try {
    checkpoints.case_text_hash = case_text_fingerprint(o.case_file, o.set);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  io::RunReport report;
  return execute_case(cfg, backend, precision, cfg.output_dir, o.quiet, out, err, report,
                      checkpoints);
}

}  // namespace sf::app
