#include "app/capacity_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <ostream>

#include "app/capacity_coupled.hpp"
#include "app/capacity_outputs.hpp"
#include "app/capacity_overflows.hpp"
#include "app/capacity_runs.hpp"
#include "app/command_outputs.hpp"
#include "app/overflows_command.hpp"
#include "app/parallel_runs.hpp"
#include "app/run_interrupt.hpp"
#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "config/case_config.hpp"
#include "inp/reader.hpp"
#include "meshes/crs_gdal.hpp"

namespace sf::app {
namespace {

std::string years(double p) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", p);
  return b;
}

/// Routes every design storm, `parallel` at a time, each with its share of the OpenMP threads.
std::vector<CapacityRun> run_all(const inp::Model& model, const CapacityNetwork& net,
                                 const rain::StormIntensityFormula& formula,
                                 rain::ChicagoParameters storm, double duration_s,
                                 const std::vector<double>& periods, int parallel,
                                 std::ostream& out,
                                 std::vector<CapacityOverflowProbe>& overflow_probes) {
  std::vector<CapacityRun> runs(periods.size());
  std::mutex print;
  run_in_parallel(periods.size(), parallel, [&](std::size_t k) {
    rain::ChicagoParameters s = storm;
    s.return_period_years = periods[k];
    const inp::Model m = with_design_storm(model, formula, s, duration_s);
    runs[k] =
        run_design_storm(m, net, periods[k],
                         overflow_probes.empty() ? RunObserver{} : overflow_probes[k].observer());
    runs[k].rain_depth_mm = rain::chicago_cumulative_depth_mm(formula, s, s.duration_s / 60.0);
    const auto blocks = rain::chicago_block_intensities_mm_per_min(formula, s);
    runs[k].peak_block_mm_per_h = 60.0 * *std::max_element(blocks.begin(), blocks.end());
    const std::lock_guard<std::mutex> lock(print);
    char line[256];
    std::snprintf(line, sizeof line,
                  "  %6s a: rain %6.1f mm, %4d flooded nodes, routing continuity %6.3f %%, "
                  "runoff continuity %6.3f %%, %5.1f s\n",
                  years(periods[k]).c_str(), runs[k].rain_depth_mm, runs[k].flooded_nodes,
                  runs[k].routing_continuity_pct, runs[k].runoff_continuity_pct, runs[k].wall_s);
    out << line << std::flush;
  });
  return runs;
}

}  // namespace

int capacity_command(const CapacityOptions& o, std::ostream& out, std::ostream& err) {
  return exit_status_of(err, [&]() {
    const auto t0 = std::chrono::steady_clock::now();
    const assess::CapacityClasses classes(o.return_periods);  // checks the periods
    // Each tested period replaces the case's own return period; the first stands in for it, so
    // a capacity case need not state one.
    config::CaseOverrides ov;
    ov.set = {{"design_storm.return_period", years(o.return_periods.front())}};
    ov.data_dir = o.data_dir;
    const config::CaseConfig cfg = config::read_case_file(o.case_file, ov);
    std::vector<InputIssue> issues;
    if (!cfg.network)
      issues.push_back({o.case_file, 0, "[network]", "inp",
                        "a capacity assessment needs the pipe network: [network] inp = MODEL.inp"});
    if (!cfg.design_storm)
      issues.push_back({o.case_file, 0, "[design_storm]", "",
                        "a capacity assessment needs the storm-intensity formula: a "
                        "[design_storm] table with preset or a1, c, b, n, and duration"});
    const auto& P = classes.periods();
    if (std::find(P.begin(), P.end(), cfg.capacity.target_return_period_years) == P.end())
      issues.push_back({o.case_file, 0, "[capacity]", "target_return_period",
                        years(cfg.capacity.target_return_period_years) +
                            " a is not one of the tested return periods; expected one of "
                            "--return-periods"});
    if (cfg.design_storm && cfg.design_storm->duration_s > cfg.duration + 1e-9)
      issues.push_back({o.case_file, 0, "[time]", "duration",
                        "the run (" + years(cfg.duration) + " s) is shorter than the storm (" +
                            years(cfg.design_storm->duration_s) +
                            " s); expected the storm plus time for the network to drain"});
    if (!issues.empty()) throw InputError(issues);

    const config::DesignStormConfig& ds = *cfg.design_storm;
    rain::StormIntensityFormula formula{ds.a1_mm_per_min, ds.c, ds.b_min, ds.n};
    rain::ChicagoParameters storm;
    storm.duration_s = ds.duration_s;
    storm.peak_position = ds.peak_position;
    storm.step_s = ds.step_s;
    try {
      formula.validate();
      for (double p : P) formula.validate_return_period(p);
    } catch (const std::invalid_argument& e) {
      throw InputError(InputIssue{o.case_file, 0, "[design_storm]", "", e.what()});
    }

    const bool coupled = cfg.capacity.mode == "coupled";
    const inp::Model model = inp::read_inp_file(cfg.network->inp);
    CapacityResults r{
        classes, capacity_network(model), {}, {}, {}, cfg.capacity.target_return_period_years};
    if (r.network.conduits.empty())
      throw InputError(
          InputIssue{cfg.network->inp, 0, "[CONDUITS]", "", "no closed conduits to assess"});
    // Overflow outfalls: one probe per storm, recording while the storm runs.
    const OverflowOptions overflow_defaults;
    CapacityExtras extras;
    std::vector<CapacityOverflowProbe> probes;
    if (!o.outfalls.empty()) {
      check_overflow_outfalls(model, o.outfalls);
      for (std::size_t k = 0; k < P.size(); ++k)
        probes.emplace_back(o.outfalls, overflow_defaults.min_flow_m3s,
                            overflow_defaults.inter_event_hours * 3600.0);
      extras.inter_event_h = overflow_defaults.inter_event_hours;
      extras.min_flow_m3s = overflow_defaults.min_flow_m3s;
    }
    // The network's coordinates are taken to be in the DEM's CRS (the map's background).
    if (!cfg.dem.empty()) extras.crs_wkt = mesh::raster_crs_wkt(cfg.dem);
    if (!make_output_folder(o.output_dir, err)) return 1;
    out << "capacity of " << r.network.conduits.size() << " conduits of " << cfg.network->inp
        << " under " << P.size() << " design storms (" << ds.duration_s / 60.0
        << " min Chicago, r = " << ds.peak_position << "), " << o.parallel << " at a time\n";
    if (coupled) {
      out << "coupled with the surface (" << cfg.dem
          << "); subcatchments: " << cfg.network->subcatchments << "; each run's summary.json in "
          << o.output_dir << "/runs/\n";
      try {
        r.runs = run_coupled_design_storms(
            {o.case_file, o.data_dir, o.output_dir, formula, storm, P, o.parallel}, r.network,
            probes, out, err);
      } catch (const RunInterrupted& e) {
        err << "spongeflow: " << e.what() << ": the capacity runs stopped; each run's files so "
            << "far are in " << o.output_dir << "/runs/\n";
        return 128 + e.signal_number();
      }
    } else {
      r.runs = run_all(model, r.network, formula, storm, cfg.duration, P, o.parallel, out, probes);
    }
    for (const CapacityOverflowProbe& p : probes) extras.overflows.push_back(p.result());

    for (std::size_t c = 0; c < r.network.conduits.size(); ++c) {
      std::vector<assess::ConduitPeaks> peaks;
      for (const CapacityRun& run : r.runs) peaks.push_back(run.peaks[c]);
      r.conduits.push_back(assess::assess_conduit(classes, r.network.conduits[c], peaks));
    }
    r.renewal = assess::renewal_priority(classes, r.conduits, r.target_years);

    nlohmann::ordered_json summary;
    summary["case"] = cfg.name;
    summary["case_file"] = o.case_file;
    summary["network"] = cfg.network->inp;
    summary["mode"] = cfg.capacity.mode;
    summary["formula"] = {{"preset", ds.preset},
                          {"a1_mm_per_min", ds.a1_mm_per_min},
                          {"c", ds.c},
                          {"b_min", ds.b_min},
                          {"n", ds.n}};
    summary["storm"] = {{"kind", "Chicago"},
                        {"duration_s", ds.duration_s},
                        {"peak_position", ds.peak_position},
                        {"step_s", ds.step_s}};
    summary["simulated_s"] = cfg.duration;
    summary["surcharge_criterion"] =
        "flow depth reaches the crown, or the water level at either end node rises above that "
        "end's crown (tolerance 1 mm)";
    std::vector<std::string> files = write_capacity_outputs(o.output_dir, r, summary, extras);
    if (coupled) {
      const std::string path =
          (std::filesystem::path(o.output_dir) / "capacity_surface.csv").string();
      write_text_file_atomically(path, capacity_surface_csv(r.runs), path + ".tmp");
      files.push_back("capacity_surface.csv");
    }

    const std::vector<std::string> names = classes.class_names();
    std::vector<int> count(names.size(), 0);
    for (const assess::ConduitCapacity& c : r.conduits) ++count[c.class_index];
    out << "classes (largest return period carried without surcharge):\n";
    for (std::size_t k = 0; k < names.size(); ++k) {
      char line[128];
      std::snprintf(line, sizeof line, "  %-10s %5d conduits\n", names[k].c_str(), count[k]);
      out << line;
    }
    out << r.renewal.size() << " conduits below the target of " << years(r.target_years)
        << " a (renewal_priority.csv)\n";
    double worst = 0.0;
    for (const CapacityRun& run : r.runs)
      worst = std::max({worst, std::fabs(run.routing_continuity_pct),
                        std::fabs(run.runoff_continuity_pct),
                        run.surface ? std::fabs(run.surface->coupled_continuity_pct) : 0.0});
    out << "wrote";
    for (const std::string& f : files) out << " " << f;
    out << " in " << o.output_dir << " ("
        << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
        << " s)\nmap: python3 viz/plot_capacity.py " << o.output_dir << "\n";
    out.flush();
    if (worst > 1.0) err << "warning: a continuity error of " << worst << " % exceeds 1 %\n";
    if (mesh::crs_epsg_code(extras.crs_wkt) == 0)
      err << "warning: no EPSG code for the DEM's CRS (" << cfg.dem
          << "); capacity.geojson names no CRS and GIS readers will take its metres for WGS 84 "
             "degrees\n";
    return 0;
  });
}

}  // namespace sf::app
