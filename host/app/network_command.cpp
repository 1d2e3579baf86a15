#include "app/network_command.hpp"

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/run_interrupt.hpp"
#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"
#include "network/network_output.hpp"

namespace sf::network {

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
      if (stopped_by)
        f << "\n  *** The run stopped at t = " << eng.time() << " s (" << stop_reason
          << "): the tables above cover the simulated time up to there. ***\n";
      if (!f) throw std::runtime_error("cannot write " + opts.report_path);
    }
    if (!opts.summary_path.empty()) {
      std::ofstream f(opts.summary_path);
      if (!f) throw std::runtime_error("cannot write " + opts.summary_path);
      std::ostringstream text;
      write_summary_json(eng, text);
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(text.str());
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

}  // namespace sf::network
