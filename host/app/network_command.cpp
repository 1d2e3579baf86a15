#include "app/network_command.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/command_line_checks.hpp"
#include "app/program_info.hpp"
#include "app/run_interrupt.hpp"
#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"
#include "network/network_output.hpp"
#include "runoff/runoff_report.hpp"

namespace sf::network {
namespace {

/// The engine's summary, with SWMM's runoff continuity when the model has subcatchments.
nlohmann::ordered_json summary_json(const NetworkEngine& eng) {
  std::ostringstream text;
  write_summary_json(eng, text);
  auto summary = nlohmann::ordered_json::parse(text.str());
  if (const runoff::RunoffModel* r = eng.forcing().runoff()) {
    const runoff::RunoffTotals t = r->totals();
    nlohmann::ordered_json rows;
    for (const auto& [name, value] : t.summary_rows()) rows[name] = value;
    summary["runoff_continuity"] = rows;
  }
  return summary;
}

}  // namespace

CLI::App* add_network_subcommand(CLI::App& app, NetworkCommandOptions& opts) {
  CLI::App* cmd = app.add_subcommand("network", "Run an EPA SWMM 5 .inp pipe network on its own");
  cmd->add_option("model", opts.inp_path, "SWMM input file (MODEL.inp)")->required();
  cmd->add_option("--report", opts.report_path, "Write a SWMM-style text report");
  cmd->add_option("--summary", opts.summary_path, "Write a JSON summary in SI units");
  cmd->add_option("--timeseries", opts.timeseries_path,
                  "Write node depths and link flows at the report step");
  cmd->add_option("--backend", opts.backend, "cpu or cuda")
      ->check(sf::app::one_of({"cpu", "cuda"}));
  return cmd;
}

int run_network_command(const NetworkCommandOptions& opts, std::ostream& out, std::ostream& err) {
  try {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::string> warnings;
    const inp::Model model = inp::read_inp_file(opts.inp_path, &warnings);
    // what SWMM would accept with a warning is accepted here with the same warning
    for (const std::string& w : warnings) err << "warning: " << w << "\n";
    NetworkEngine eng(model, opts.backend);
    std::ofstream ts_file;
    std::unique_ptr<TimeseriesCsv> ts;
    if (!opts.timeseries_path.empty()) {
      ts_file.open(opts.timeseries_path);
      if (!ts_file) throw std::runtime_error("cannot write " + opts.timeseries_path);
      ts = std::make_unique<TimeseriesCsv>(eng, ts_file);
    }
    // From here on, SIGINT/SIGTERM stop the routing at the next step boundary; the outputs are
    // written as usual, saying where the run stopped, and the exit status is 128 + signal.
    const app::InterruptRequests interrupts;
    eng.start();
    int stopped_by = 0;
    while (eng.step()) {
      if (ts) ts->after_step();
      if ((stopped_by = interrupts.requested())) break;
    }
    eng.finish();
    const std::string stop_reason =
        stopped_by ? app::RunInterrupted(stopped_by).what() : std::string();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!opts.report_path.empty()) {
      std::ofstream f(opts.report_path);
      if (!f) throw std::runtime_error("cannot write " + opts.report_path);
      write_text_report(model, eng, f);
      if (const runoff::RunoffModel* r = eng.forcing().runoff()) {
        f << "\n";
        runoff::write_runoff_continuity(model, r->totals(), f);
      }
      if (stopped_by)
        f << "\n  *** The run stopped at t = " << eng.time() << " s (" << stop_reason
          << "): the tables above cover the simulated time up to there. ***\n";
      if (!f) throw std::runtime_error("cannot write " + opts.report_path);
    }
    if (!opts.summary_path.empty()) {
      std::ofstream f(opts.summary_path);
      if (!f) throw std::runtime_error("cannot write " + opts.summary_path);
      nlohmann::ordered_json j = summary_json(eng);
      j["status"] = stopped_by ? "interrupted" : "completed";
      if (stopped_by) {
        j["error"] = stop_reason;
        j["stopped_at_s"] = eng.time();
      }
      f << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      if (!f) throw std::runtime_error("cannot write " + opts.summary_path);
    }
    const NetworkStatistics st = eng.statistics();
    const double ce = eng.mass_balance().continuity_error_pct();
    out << "network " << opts.inp_path << ": " << eng.network().node_count() << " nodes, "
        << eng.network().link_count() << " links, " << st.steps << " steps on "
        << eng.backend_name() << " in " << wall << " s\n";
    if (const runoff::RunoffModel* r = eng.forcing().runoff())
      out << "runoff continuity error: " << r->totals().continuity_error_pct() << " % ("
          << model.subcatchments.size() << " subcatchments, surface runoff " << r->totals().runoff
          << " m3)\n";
    out << "flow routing continuity error: " << ce << " %\n";
    if (std::fabs(ce) > 1.0) err << "warning: continuity error " << ce << " % exceeds 1 %\n";
    if (stopped_by) {
      err << "spongeflow: the run stopped at t = " << eng.time() << " s: " << stop_reason << "\n";
      return 128 + stopped_by;
    }
    return 0;
  } catch (const InputError& e) {
    err << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
}

int network_command_main(int argc, char** argv) {
  CLI::App app{sf::app::kProgramDescription};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(sf::app::kProgramVersion));
  NetworkCommandOptions opts;
  add_network_subcommand(app, opts);
  if (const auto status = sf::app::parse_command_line(app, argc, argv, std::cerr)) return *status;
  return run_network_command(opts, std::cout, std::cerr);
}

}  // namespace sf::network
