#include "app/network_command.hpp"

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"
#include "network/network_output.hpp"
#include "runoff/runoff_report.hpp"

namespace sf::network {
namespace {

/// The network summary with SWMM's runoff continuity added (m³ and %), when there is runoff.
void write_summary(const NetworkEngine& eng, std::ostream& out) {
  const runoff::RunoffModel* r = eng.forcing().runoff();
  if (!r) {
    write_summary_json(eng, out);
    return;
  }
  std::ostringstream text;
  write_summary_json(eng, text);
  auto summary = nlohmann::ordered_json::parse(text.str());
  const runoff::RunoffTotals t = r->totals();
  summary["runoff_continuity"] = {{"total_precipitation_m3", t.rainfall},
                                  {"evaporation_loss_m3", t.evaporation},
                                  {"infiltration_loss_m3", t.infiltration},
                                  {"surface_runoff_m3", t.runoff},
                                  {"final_storage_m3", t.final_storage},
                                  {"subcatchment_area_m2", t.area},
                                  {"continuity_error_pct", t.continuity_error_pct()}};
  out << summary.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace

int run_network_command(const NetworkCommandOptions& opts, std::ostream& out, std::ostream& err) {
  try {
    const auto t0 = std::chrono::steady_clock::now();
    const inp::Model model = inp::read_inp_file(opts.inp_path);
    NetworkEngine eng(model, opts.backend);
    std::ofstream ts_file;
    std::unique_ptr<TimeseriesCsv> ts;
    if (!opts.timeseries_path.empty()) {
      ts_file.open(opts.timeseries_path);
      if (!ts_file) throw std::runtime_error("cannot write " + opts.timeseries_path);
      ts = std::make_unique<TimeseriesCsv>(eng, ts_file);
    }
    eng.start();
    while (eng.step())
      if (ts) ts->after_step();
    eng.finish();
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
    }
    if (!opts.summary_path.empty()) {
      std::ofstream f(opts.summary_path);
      if (!f) throw std::runtime_error("cannot write " + opts.summary_path);
      write_summary(eng, f);
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
    return 0;
  } catch (const InputError& e) {
    err << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace sf::network
