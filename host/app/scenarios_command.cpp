#include "app/scenarios_command.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <ostream>

#include "app/command_outputs.hpp"
#include "app/parallel_runs.hpp"
#include "app/run_order.hpp"
#include "app/scenarios_report.hpp"
#include "app/scenarios_runs.hpp"
#include "common/input_error.hpp"
#include "common/number_text.hpp"
#include "config/case_config.hpp"
#include "inp/reader.hpp"

namespace sf::app {
namespace {

/// One run to make: a variant on a storm (return period, or the record when rp == 0).
struct Job {
  std::size_t variant;
  double return_period = 0.0;
};

/// The case's storm-intensity formula and Chicago storm; InputError when it has none.
struct DesignStorms {
  rain::StormIntensityFormula formula;
  rain::ChicagoParameters storm;
  double run_s = 0.0;
};

DesignStorms design_storms(const ScenariosConfig& c) {
  config::CaseOverrides ov;
  ov.set = {{"design_storm.return_period", std::to_string(c.return_periods.front())}};
  const config::CaseConfig cfg = config::read_case_file(c.case_file, ov);
  if (!cfg.design_storm)
    throw InputError(InputIssue{c.case_file, 0, "[design_storm]", "",
                                "[storms] return_periods needs the case's storm-intensity "
                                "formula: a [design_storm] table with preset or a1, c, b, n"});
  const config::DesignStormConfig& ds = *cfg.design_storm;
  DesignStorms d{{ds.a1_mm_per_min, ds.c, ds.b_min, ds.n}, {}, cfg.duration};
  d.storm.duration_s = ds.duration_s;
  d.storm.peak_position = ds.peak_position;
  d.storm.step_s = ds.step_s;
  try {
    d.formula.validate();
    for (double p : c.return_periods) d.formula.validate_return_period(p);
  } catch (const std::invalid_argument& e) {
    throw InputError(InputIssue{c.case_file, 0, "[design_storm]", "", e.what()});
  }
  if (ds.duration_s > cfg.duration + 1e-9)
    throw InputError(InputIssue{c.case_file, 0, "[time]", "duration",
                                "the run is shorter than the design storm; expected the storm "
                                "plus time for the network to drain"});
  return d;
}

}  // namespace

int scenarios_command(const ScenariosOptions& o, std::ostream& out, std::ostream& err) {
  return exit_status_of(err, [&]() {
    const auto t0 = std::chrono::steady_clock::now();
    const ScenariosConfig cfg = read_scenarios_file(o.scenarios_file);
    std::optional<DesignStorms> ds;
    if (!cfg.return_periods.empty()) ds = design_storms(cfg);
    std::vector<inp::Model> models;
    for (const ScenarioVariant& v : cfg.variants)
      models.push_back(with_variant_switches(inp::read_inp_file(v.inp), v, cfg.file));
    std::vector<Job> jobs;     // reported in this order
    std::vector<double> cost;  // what a run costs, roughly: the records first, then by size
    const auto size = [&](std::size_t v) {
      return double(models[v].nodes.size() + models[v].links.size());
    };
    for (std::size_t v = 0; v < models.size(); ++v)
      if (!cfg.record_series.empty()) {
        with_rain_record(models[v], cfg.record_series, cfg.record_interval_s, 0, 0, 1);  // checks
        jobs.push_back({v, 0.0});
        cost.push_back(1e9 + size(v));
      }
    for (double p : cfg.return_periods)
      for (std::size_t v = 0; v < models.size(); ++v) {
        jobs.push_back({v, p});
        cost.push_back(size(v));
      }
    const std::vector<std::size_t> start_order = longest_first(cost);
    if (!make_output_folder(o.output_dir, err)) return 1;
    out << "scenarios " << cfg.name << ": " << cfg.variants.size() << " variants x "
        << (cfg.return_periods.size() + (cfg.record_series.empty() ? 0 : 1)) << " storms, "
        << o.parallel << " runs at a time (rain records first, the largest network first)\n"
        << std::flush;

    std::vector<ScenarioRun> runs(jobs.size());
    std::mutex print;
    run_in_parallel(jobs.size(), o.parallel, [&](std::size_t i) {
      const std::size_t k = start_order[i];
      const Job& j = jobs[k];
      const ScenarioVariant& v = cfg.variants[j.variant];
      inp::Model m;
      if (j.return_period > 0.0) {
        rain::ChicagoParameters s = ds->storm;
        s.return_period_years = j.return_period;
        m = with_design_storm(models[j.variant], ds->formula, s, ds->run_s);
      } else {
        m = with_rain_record(models[j.variant], cfg.record_series, cfg.record_interval_s,
                             cfg.record_days * 86400.0, cfg.record_drain_s,
                             cfg.record_routing_step_s);
      }
      ScenarioRun r = run_scenario(m, v, cfg);
      r.record = j.return_period <= 0.0;
      r.return_period_years = j.return_period;
      r.storm = r.record ? cfg.record_series : number_text("%g a", j.return_period);
      const std::lock_guard<std::mutex> lock(print);
      char line[320];
      std::snprintf(line, sizeof line,
                    "  %-22s %-10s rain %7.1f mm, overflow %10.1f m3 in %4d events, flooding "
                    "%8.1f m3, continuity %6.3f %% (runoff %6.3f %%), %6.1f s\n",
                    v.name.c_str(), r.storm.c_str(), r.rain_mm, r.overflow.volume_m3,
                    r.overflow.events, r.run.flooding_m3, r.run.routing_continuity_pct,
                    r.run.runoff_continuity_pct, r.run.wall_s);
      out << line << std::flush;
      runs[k] = std::move(r);
    });
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::vector<std::string> files = write_scenarios_outputs(o.output_dir, cfg, runs, wall);
    double worst = 0.0;
    for (const ScenarioRun& r : runs)
      worst = std::max(
          {worst, std::fabs(r.run.routing_continuity_pct), std::fabs(r.run.runoff_continuity_pct)});
    out << "wrote";
    for (const std::string& f : files) out << " " << f;
    out << " in " << o.output_dir << " (" << wall << " s)\ncharts: python3 viz/scenarios_report.py "
        << o.output_dir << "\n";
    out.flush();
    if (worst > 1.0) err << "warning: a continuity error of " << worst << " % exceeds 1 %\n";
    return 0;
  });
}

}  // namespace sf::app
