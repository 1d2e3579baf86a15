#include "app/observation_comparison.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "common/atomic_text_file.hpp"
#include "common/csv_rows.hpp"
#include "common/input_error.hpp"
#include "config/case_loader.hpp"
#include "forecast/observation_stats.hpp"
#include "io/netcdf/results_point_series.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const io::Sensor& s, const std::string& message) {
  throw InputError(InputIssue{s.where, 0, "", "", "sensor '" + s.id + "': " + message});
}

/// The header of the run's network_timeseries.csv; empty when the run had no network.
std::vector<std::string> network_columns(const std::string& run_dir) {
  const fs::path csv = fs::path(run_dir) / "network_timeseries.csv";
  if (!fs::exists(csv)) return {};
  const std::vector<csv::Row> rows = csv::read_rows(csv.string());
  return rows.empty() ? std::vector<std::string>{} : rows[0].cells;
}

std::string network_column(const io::Sensor& s, const std::vector<std::string>& columns,
                           const std::string& run_dir) {
  const std::string file = (fs::path(run_dir) / "network_timeseries.csv").string();
  if (columns.empty())
    fail(s, "names a network " + std::string(s.link.empty() ? "node" : "link") +
                ", but the run in " + run_dir + " has no pipe network time series (" + file + ")");
  if (s.kind == io::SensorKind::kLevel)
    fail(s, "a water level at node '" + s.node +
                "' needs the node's invert, which the network time series does not hold; "
                "expected the reading as a depth (kind depth)");
  std::vector<std::string> wanted;
  if (s.kind == io::SensorKind::kDepth) wanted = {"depth:" + s.node};
  if (s.kind == io::SensorKind::kFlow)
    wanted = s.link.empty() ? std::vector<std::string>{"outfall_flow:" + s.node}
                            : std::vector<std::string>{"pump_flow:" + s.link};
  for (const std::string& w : wanted)
    for (const std::string& c : columns)
      if (c == w) return c;
  fail(s, "'" + (s.link.empty() ? s.node : s.link) + "' has no column in " + file +
              " (it records storage-node depths, pump flows and outfall flows); expected one of "
              "those");
}

}  // namespace

std::vector<SensorSite> locate_sensors(const config::CaseConfig& cfg, const io::SensorSet& set,
                                       const std::string& run_dir, forecast::CorrectionGrid* grid) {
  // The grid, active cells and bed exactly as the run has them: the case's own loader, without
  // its rain (not needed to place points) and gauges.
  config::CaseConfig surface = cfg;
  surface.rain_grid.reset();
  surface.rain_gauges.reset();
  surface.gauges.clear();
  const config::LoadedCase loaded = config::load_case(surface);
  if (grid) {
    const GridGeometry& g = loaded.setup.grid;
    *grid = forecast::CorrectionGrid{g.nx, g.ny, g.x0, g.y0, g.dx};
  }
  const std::vector<std::string> columns = network_columns(run_dir);
  std::vector<SensorSite> sites;
  for (const io::Sensor& s : set.sensors) {
    SensorSite site;
    if (s.at_point) {
      const std::optional<config::GaugeCell> cell =
          config::locate_gauge(loaded.setup, config::GaugeConfig{s.id, s.x, s.y});
      if (!cell)
        fail(s, "the point (" + std::to_string(s.x) + ", " + std::to_string(s.y) +
                    ") is not on an active cell of " + cfg.dem +
                    "; expected x, y inside the DEM, in its CRS");
      site.cell = cell->cell;
      site.ground_m = cell->ground;
    } else {
      site.column = network_column(s, columns, run_dir);
    }
    sites.push_back(site);
  }
  return sites;
}

std::vector<ComparisonRow> compare_with_run(const io::SensorSet& set,
                                            const std::vector<SensorSite>& sites,
                                            const std::string& run_dir, double until_s) {
  std::vector<long long> cells;
  for (const SensorSite& s : sites)
    if (s.cell >= 0) cells.push_back(s.cell);
  io::PointSeries surface;
  if (!cells.empty())
    surface = io::read_results_depth_at((fs::path(run_dir) / "results.nc").string(), cells);

  // Network columns as series over the time series' own times.
  std::vector<double> net_t;
  std::vector<std::vector<double>> net_values(sites.size());
  bool any_network = false;
  for (const SensorSite& s : sites) any_network = any_network || !s.column.empty();
  if (any_network) {
    const std::string file = (fs::path(run_dir) / "network_timeseries.csv").string();
    const std::vector<csv::Row> rows = csv::read_rows(file);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      double t = 0;
      if (!csv::parse_number(rows[r].cells[0], t)) continue;
      net_t.push_back(t);
      for (std::size_t k = 0; k < sites.size(); ++k) {
        if (sites[k].column.empty()) continue;
        std::size_t c = 0;
        while (c < rows[0].cells.size() && rows[0].cells[c] != sites[k].column) ++c;
        double v = std::nan("");
        if (c < rows[r].cells.size()) csv::parse_number(rows[r].cells[c], v);
        net_values[k].push_back(v);
      }
    }
  }

  std::vector<std::size_t> series_of(sites.size(), 0);  // index into surface.depth
  for (std::size_t k = 0, n = 0; k < sites.size(); ++k)
    if (sites[k].cell >= 0) series_of[k] = n++;
  std::vector<ComparisonRow> rows;
  for (const io::Reading& r : set.readings) {
    if (r.t_s > until_s) continue;
    const SensorSite& site = sites[r.sensor];
    double m = 0;
    if (site.cell >= 0) {
      m = io::interpolate_in_time(surface.times_s, surface.depth[series_of[r.sensor]], r.t_s);
      if (set.sensors[r.sensor].kind == io::SensorKind::kLevel) m += site.ground_m;
    } else {
      m = io::interpolate_in_time(net_t, net_values[r.sensor], r.t_s);
    }
    if (std::isfinite(m)) rows.push_back({r.sensor, r.t_s, r.value, m});
  }
  return rows;
}

nlohmann::ordered_json write_comparison(const std::string& out_dir, const io::SensorSet& set,
                                        const std::vector<SensorSite>& sites,
                                        const std::vector<ComparisonRow>& rows,
                                        const std::string& run_dir, double until_s) {
  std::string csv = "sensor,kind,time_s,observed,modelled,error\n";
  char line[256];
  std::vector<std::vector<forecast::Pair>> pairs(set.sensors.size());
  for (const ComparisonRow& r : rows) {
    const io::Sensor& s = set.sensors[r.sensor];
    std::snprintf(line, sizeof line, ",%s,%.3f,%.6g,%.6g,%.6g\n", io::sensor_kind_name(s.kind),
                  r.t_s, r.observed, r.modelled, r.modelled - r.observed);
    csv += s.id + line;
    pairs[r.sensor].push_back({r.t_s, r.observed, r.modelled});
  }
  auto number = [](double v) { return std::isfinite(v) ? nlohmann::ordered_json(v) : nullptr; };
  nlohmann::ordered_json sensors = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < set.sensors.size(); ++k) {
    const io::Sensor& s = set.sensors[k];
    const forecast::AgreementStats st = forecast::agreement_stats(pairs[k]);
    nlohmann::ordered_json j;
    j["kind"] = io::sensor_kind_name(s.kind);
    j["unit"] = s.kind == io::SensorKind::kFlow ? "m3/s" : "m";
    if (s.at_point) {
      j["x"] = s.x;
      j["y"] = s.y;
      j["cell"] = sites[k].cell;
      j["ground_m"] = sites[k].ground_m;
    } else {
      if (!s.node.empty()) j["node"] = s.node;
      if (!s.link.empty()) j["link"] = s.link;
      j["column"] = sites[k].column;
    }
    j["n"] = st.n;
    if (st.n > 0) {
      j["bias"] = st.bias;
      j["rmse"] = st.rmse;
      j["nse"] = number(st.nse);
      j["peak_observed"] = st.peak_observed;
      j["peak_observed_time_s"] = st.peak_observed_t_s;
      j["peak_modelled"] = st.peak_modelled;
      j["peak_modelled_time_s"] = st.peak_modelled_t_s;
      j["peak_timing_error_s"] = st.peak_timing_error_s;
    }
    sensors[s.id] = j;
  }
  nlohmann::ordered_json doc;
  doc["run"] = run_dir;
  doc["until_s"] = until_s;
  doc["readings_compared"] = rows.size();
  doc["sensors"] = sensors;
  const fs::path dir(out_dir);
  fs::create_directories(dir);
  write_text_file_atomically((dir / "observations.csv").string(), csv,
                             (dir / "observations.csv").string() + ".tmp");
  write_text_file_atomically((dir / "observations.json").string(), doc.dump(2) + "\n",
                             (dir / "observations.json").string() + ".tmp");
  return doc;
}

void print_comparison(const nlohmann::ordered_json& doc, std::ostream& out) {
  char line[200];
  out << "observations: " << doc["readings_compared"].get<std::size_t>()
      << " reading(s) against the run up to t = " << doc["until_s"].get<double>() << " s\n";
  for (const auto& [id, s] : doc["sensors"].items()) {
    if (s["n"].get<std::size_t>() == 0) {
      out << "  " << id << ": no readings in the run\n";
      continue;
    }
    std::snprintf(
        line, sizeof line,
        "  %-12s %-5s n %4zu  bias %+.3g  RMSE %.3g  NSE %s  peak %.3g vs %.3g (%+.0f s)\n",
        id.c_str(), s["kind"].get<std::string>().c_str(), s["n"].get<std::size_t>(),
        s["bias"].get<double>(), s["rmse"].get<double>(),
        s["nse"].is_null() ? "-" : std::to_string(s["nse"].get<double>()).c_str(),
        s["peak_observed"].get<double>(), s["peak_modelled"].get<double>(),
        s["peak_timing_error_s"].get<double>());
    out << line;
  }
}

}  // namespace sf::app
