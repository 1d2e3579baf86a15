#include "app/forecast_command.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/event_map_rasters.hpp"
#include "app/forecast_network_alerts.hpp"
#include "app/forecast_observations.hpp"
#include "app/geojson_crs.hpp"
#include "app/waterlogging_tables.hpp"
#include "assess/waterlogging_spots.hpp"
#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "config/case_config.hpp"
#include "forecast/arrival_tracker.hpp"
#include "forecast/ensemble_maps.hpp"
#include "forecast/forecast_window.hpp"
#include "forecast/zone_summary.hpp"
#include "io/netcdf/checkpoint_file.hpp"
#include "io/netcdf/netcdf_rain_source.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "io/netcdf/results_event_maps.hpp"
#include "meshes/label_polygons_gdal.hpp"
#include "meshes/raster_gdal.hpp"
#include "meshes/zone_polygons_gdal.hpp"
#include "rain/grid_geometry.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;

struct Nowcast {
  std::size_t members = 1;
  bool ensemble = false;    // the file has a member dimension
  double covered_to_s = 0;  // end of its last frame (s since the case start)
};

/// The nowcast on the case's grid, its times counted from the case's start.
io::NetcdfRainSource open_nowcast(const config::CaseConfig& cfg, const std::string& path) {
  const mesh::Raster dem = mesh::read_raster(cfg.dem);
  io::NetcdfRainOptions opt;
  opt.target = rain::GridGeometry::of(dem);
  opt.start_iso8601 = cfg.start_iso8601;
  if (cfg.rain_grid && cfg.rain_grid->zero_outside)
    opt.coverage = io::NetcdfRainOptions::Coverage::kZeroOutside;
  return io::NetcdfRainSource(path, opt);
}

/// Checks that the nowcast covers the state's time. A nowcast that starts after the state (a
/// gap) or ended before it (an old file) is refused.
Nowcast check_nowcast(const config::CaseConfig& cfg, const std::string& path, double t_state,
                      double lead_s, std::ostream& err) {
  const io::NetcdfRainSource source = open_nowcast(cfg, path);
  const std::vector<io::RainFrameInfo> frames = source.frames();
  auto late = [&](const std::string& why) {
    return InputError(InputIssue{path, 0, "--rain", "", why});
  };
  const double slack = 1e-6 * std::max(1.0, std::abs(t_state));
  if (frames.front().t_start_s > t_state + slack)
    throw late("its first frame starts at t = " + std::to_string(frames.front().t_start_s) +
               " s, after the state's time t = " + std::to_string(t_state) +
               " s (times from the case start " + cfg.start_iso8601 +
               "); expected a nowcast that covers the state's time");
  if (frames.back().t_end_s <= t_state + slack)
    throw late("its last frame ends at t = " + std::to_string(frames.back().t_end_s) +
               " s, not after the state's time t = " + std::to_string(t_state) +
               " s: the nowcast is older than the state; expected a newer nowcast");
  if (frames.back().t_end_s < t_state + lead_s)
    err << "WARNING: " << path << ": the nowcast ends at t = " << frames.back().t_end_s
        << " s, before the end of the lead time (" << t_state + lead_s
        << " s); no rain is assumed after it\n";
  Nowcast n;
  n.members = source.members();
  n.ensemble = source.has_member_dimension();
  n.covered_to_s = frames.back().t_end_s;
  return n;
}

/// The case with the nowcast's member as its rain, to the end of the lead time.
config::CaseConfig forecast_case(const config::CaseConfig& analysis, const ForecastOptions& o,
                                 double t_state, std::size_t member) {
  config::CaseConfig cfg = with_nowcast_rain(analysis, o.rain, member);
  cfg.duration = t_state + o.lead_s;
  cfg.netcdf = true;  // the forecast maps are read back from results.nc
  cfg.vtk = false;    // a forecast is read as maps and alerts; results.nc holds every snapshot
  return cfg;
}

/// One member's run and what the ensemble needs of it.
struct MemberRun {
  forecast::MemberMaps maps;
  std::optional<forecast::NetworkAlertTracker> network;  // a coupled case's stations and outfalls
  io::ResultsEventMaps events;
  double wall_s = 0;
  double continuity_error_pct = 0;
};

void write_map(const fs::path& path, const assess::EventMaps& grid, const std::string& crs,
               const std::vector<double>& values, const std::vector<unsigned char>& valid) {
  mesh::Raster r = results_grid_raster(grid, crs);
  r.values = values;
  r.valid.assign(valid.begin(), valid.end());
  mesh::write_raster_geotiff(path.string(), r, mesh::RasterSampleType::Float32);
}

/// Time of arrival as seconds after the state's time; nodata where it never arrived.
void write_arrival_map(const fs::path& path, const io::ResultsEventMaps& ev,
                       const std::vector<double>& arrival, double t_state) {
  std::vector<double> lead(arrival.size(), 0.0);
  std::vector<unsigned char> valid(arrival.size(), 0);
  for (std::size_t k = 0; k < arrival.size(); ++k) {
    valid[k] = (ev.maps.mask.empty() || ev.maps.mask[k]) && arrival[k] >= 0.0;
    if (valid[k]) lead[k] = arrival[k] - t_state;
  }
  write_map(path, ev.maps, ev.crs_wkt, lead, valid);
}

int run_member(const config::CaseConfig& cfg, Backend backend, Precision precision,
               const fs::path& dir, const ForecastOptions& o, const CheckpointOptions& checkpoints,
               double t_state, std::ostream& out, std::ostream& err, MemberRun& run) {
  std::optional<forecast::ArrivalTracker> tracker;
  RestartAdjustments adjust;
  adjust.fresh_outputs = true;
  adjust.adapt_state = [&](StateRecord& record) {
    const auto h = record.arrays().find("surface_h");
    const std::size_t cells = h == record.arrays().end() ? 0 : h->second.size();
    forecast::start_forecast_window(record, cells);
    forecast::start_network_window(record);
    tracker.emplace(cells, cfg.flood_threshold, o.arrival_interval_s, t_state);
    tracker->observe(t_state, forecast::record_depths(record, cells));
  };
  adjust.on_step_end = [&](Simulation& sim, double t) { tracker->after_step(sim, t); };
  NetworkAlertProbe probe(t_state);
  if (cfg.network)
    adjust.on_network_step_end = [&](const CoupledRun& c, double t) { probe.after_step(c, t); };
  io::RunReport report;
  const int rc = execute_case(cfg, backend, precision, dir.string(), o.run.quiet, out, err, report,
                              checkpoints, adjust);
  if (rc != 0) return rc;
  run.wall_s = report.result.wall_s;
  // A coupled run's error is that of the coupled system (surface and network together).
  run.continuity_error_pct = report.network ? report.network->continuity_error_pct
                                            : report.result.balance.continuity_error_pct();
  run.events =
      io::read_results_event_maps((dir / "results.nc").string(), io::DurationMap::kFloodThreshold);
  const assess::EventMaps& m = run.events.maps;
  run.maps.max_depth = m.max_depth;
  for (std::size_t k = 0; k < m.max_depth.size(); ++k)
    if (!m.mask.empty() && !m.mask[k]) run.maps.max_depth[k] = 0.0;
  run.maps.arrival = tracker->arrival();
  run.network = probe.tracker();
  write_map(dir / "forecast_max_depth.tif", m, run.events.crs_wkt, m.max_depth, m.mask);
  write_arrival_map(dir / "time_of_arrival.tif", run.events, run.maps.arrival, t_state);
  return 0;
}

/// Cell-wise envelope of the members' event maps (deepest member's time of maximum), on which
/// the alert spots are found: every spot any member predicts lies in it.
void merge_events(assess::EventMaps& env, const assess::EventMaps& m) {
  for (std::size_t k = 0; k < env.max_depth.size(); ++k) {
    if (m.max_depth[k] > env.max_depth[k]) {
      env.max_depth[k] = m.max_depth[k];
      env.time_of_max_depth[k] = m.time_of_max_depth[k];
    }
    env.duration_above[k] = std::max(env.duration_above[k], m.duration_above[k]);
    if (!env.max_hazard.empty()) env.max_hazard[k] = std::max(env.max_hazard[k], m.max_hazard[k]);
  }
}

std::string threshold_text(double t) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", t);
  return b;
}

struct Alerts {
  assess::SpotMap spots;
  std::vector<double> probability;  // per spot
  assess::RiskTable table;          // the case's [waterlogging] tables (forecast_command)
};

std::string risk_name(const Alerts& a, int risk) {
  return risk >= 1 && risk <= int(a.table.risk_names.size()) ? a.table.risk_names[risk - 1] : "";
}

std::string alerts_csv(const Alerts& a, double t_state) {
  std::string s =
      "id,x_m,y_m,centroid_x_m,centroid_y_m,area_m2,cells,max_depth_m,time_of_max_s,"
      "lead_to_max_s,probability,risk\n";
  char line[400];
  for (std::size_t k = 0; k < a.spots.spots.size(); ++k) {
    const assess::Spot& p = a.spots.spots[k];
    std::snprintf(line, sizeof line, "%d,%.2f,%.2f,%.2f,%.2f,%.1f,%lld,%.4f,%.0f,%.0f,%.3f,%s\n",
                  p.id, p.x, p.y, p.centroid_x, p.centroid_y, p.area_m2, p.cells, p.max_depth_m,
                  p.time_of_max_s, p.time_of_max_s - t_state, a.probability[k],
                  risk_name(a, p.risk).c_str());
    s += line;
  }
  return s;
}

void write_alert_polygons(const fs::path& path, const Alerts& a, const io::ResultsEventMaps& ev,
                          double t_state) {
  mesh::Raster labels = results_grid_raster(ev.maps, ev.crs_wkt);
  labels.values.assign(a.spots.label.begin(), a.spots.label.end());
  labels.valid.assign(labels.values.size(), 1);
  mesh::LabelAttributes attr;
  attr.real_names = {"area_m2", "max_depth_m", "time_of_max_s", "lead_to_max_s", "probability",
                     "x_m",     "y_m"};
  attr.real_values.assign(attr.real_names.size(), {});
  attr.text_names = {"risk"};
  attr.text_values.assign(1, {});
  for (std::size_t k = 0; k < a.spots.spots.size(); ++k) {
    const assess::Spot& p = a.spots.spots[k];
    const double reals[] = {
        p.area_m2, p.max_depth_m, p.time_of_max_s, p.time_of_max_s - t_state, a.probability[k], p.x,
        p.y};
    for (std::size_t c = 0; c < attr.real_names.size(); ++c)
      attr.real_values[c].push_back(reals[c]);
    attr.text_values[0].push_back(risk_name(a, p.risk));
  }
  mesh::write_label_polygons(path.string(), labels, attr);
}

/// Adds `section` as "forecast" to summary.json in `dir` (made by the run when deterministic).
void write_forecast_summary(const fs::path& dir, const nlohmann::ordered_json& section) {
  const fs::path path = dir / "summary.json";
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (fs::exists(path)) {
    std::ifstream in(path);
    j = nlohmann::ordered_json::parse(in, nullptr, false);
    if (j.is_discarded()) j = nlohmann::ordered_json::object();
  }
  j["forecast"] = section;
  write_text_file_atomically(path.string(), j.dump(2) + "\n", path.string() + ".tmp");
}

void write_ensemble_maps(const fs::path& dir, const std::vector<forecast::MemberMaps>& members,
                         const ForecastOptions& o, const io::ResultsEventMaps& ev, double t_state,
                         nlohmann::ordered_json& outputs) {
  const std::vector<unsigned char>& mask = ev.maps.mask;
  for (double t : o.thresholds) {
    const std::string name = "probability_depth_gt_" + threshold_text(t) + "m.tif";
    write_map(dir / name, ev.maps, ev.crs_wkt, forecast::exceedance_probability(members, t), mask);
    outputs.push_back(name);
  }
  write_map(dir / "max_depth_median.tif", ev.maps, ev.crs_wkt,
            forecast::max_depth_quantile(members, 0.5), mask);
  write_map(dir / "max_depth_p90.tif", ev.maps, ev.crs_wkt,
            forecast::max_depth_quantile(members, 0.9), mask);
  write_arrival_map(dir / "time_of_arrival_likely.tif", ev, forecast::likely_arrival(members, 0.5),
                    t_state);
  for (const char* f : {"max_depth_median.tif", "max_depth_p90.tif", "time_of_arrival_likely.tif"})
    outputs.push_back(f);
}

/// zones.csv: per zone, from the probability of exceeding the alert threshold, the 90th
/// percentile of the maximum depth and the likely arrival (a deterministic forecast is its own
/// 0/1 probability and percentile).
void write_zone_summaries(const fs::path& dir, const mesh::ZoneGrid& zones,
                          const std::vector<forecast::MemberMaps>& members,
                          const io::ResultsEventMaps& ev, const Alerts& alerts, double threshold_m,
                          double t_state) {
  const std::vector<double> p = forecast::exceedance_probability(members, threshold_m);
  const std::vector<double> p90 = forecast::max_depth_quantile(members, 0.9);
  const std::vector<double> arrival = forecast::likely_arrival(members, 0.5);
  forecast::ZoneInputs in;
  in.zone = &zones.zone;
  in.names = zones.names;
  in.active = &ev.maps.mask;
  in.probability = &p;
  in.depth_p90 = &p90;
  in.likely_arrival = &arrival;
  in.spot_label = &alerts.spots.label;
  in.cell_area_m2 = ev.maps.dx * ev.maps.dx;
  std::string csv =
      "zone,name,area_m2,likely_flooded_m2,possibly_flooded_m2,max_probability,"
      "max_depth_p90_m,first_likely_arrival_lead_s,alert_spots\n";
  char line[200];
  int k = 0;
  for (const forecast::ZoneSummary& z : forecast::summarize_zones(in)) {
    std::string name = z.name;
    std::replace(name.begin(), name.end(), ',', ' ');
    std::snprintf(
        line, sizeof line, "%d,%s,%.1f,%.1f,%.1f,%.3f,%.4f,%.0f,%d\n", ++k, name.c_str(), z.area_m2,
        z.likely_flooded_m2, z.possibly_flooded_m2, z.max_probability, z.max_depth_p90_m,
        z.first_likely_arrival_s < 0 ? -1.0 : z.first_likely_arrival_s - t_state, z.alert_spots);
    csv += line;
  }
  write_text_file_atomically((dir / "zones.csv").string(), csv,
                             (dir / "zones.csv").string() + ".tmp");
}

std::string member_folder(std::size_t m) {
  char b[32];
  std::snprintf(b, sizeof b, "m%03zu", m);
  return b;
}

}  // namespace

config::CaseConfig with_nowcast_rain(config::CaseConfig cfg, const std::string& nowcast,
                                     std::size_t member) {
  cfg.rain = TimeSeries{};
  cfg.rain_source = "inline";
  cfg.design_storm.reset();
  cfg.rain_gauges.reset();
  config::RainGridConfig grid;
  grid.path = nowcast;
  grid.zero_outside = cfg.rain_grid && cfg.rain_grid->zero_outside;
  grid.member = member;
  cfg.rain_grid = grid;
  return cfg;
}

double nowcast_issue_time(const config::CaseConfig& cfg, const std::string& path) {
  const std::size_t observed = io::read_observed_frames(path);
  const std::vector<io::RainFrameInfo> frames = open_nowcast(cfg, path).frames();
  return observed == 0 ? frames.front().t_start_s
                       : frames[std::min(observed, frames.size()) - 1].t_end_s;
}

int forecast_command(const ForecastOptions& o, std::ostream& out, std::ostream& err) {
  config::CaseConfig cfg;
  Backend backend;
  Precision precision;
  if (const int rc = prepare_case(o.run, cfg, backend, precision, err)) return rc;
  if (cfg.start_iso8601.empty()) {
    err << "error: " << cfg.file
        << ": [time] start: missing; a forecast places the nowcast's times on the case's clock, "
           "so the case needs its start date-time (e.g. start = \"2024-07-01T00:00:00Z\")\n";
    return 1;
  }
  CheckpointOptions checkpoints;
  checkpoints.restart_file = o.state;
  double t_state = 0;
  Nowcast nowcast;
  std::optional<mesh::ZoneGrid> zones;  // read before the runs: a bad file is refused at once
  // Sensors against the analysis run, and the state to start from (maybe a corrected copy).
  std::optional<ObservedState> observed;
  try {
    checkpoints.case_text_hash = case_text_fingerprint(o.run.case_file, o.run.set);
    t_state = io::read_checkpoint(o.state).header.time_s;
    nowcast = check_nowcast(cfg, o.rain, t_state, o.lead_s, err);
    if (!o.zones.empty()) {
      zones = mesh::rasterize_zones(o.zones, mesh::read_raster(cfg.dem));
      if (!zones->note.empty()) err << "warning: " << zones->note << "\n";
    }
    if (!o.observations.empty()) observed = observe_analysis(cfg, o, t_state, out, err);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  if (observed) checkpoints.restart_file = observed->state;
  const fs::path root(o.output_dir);
  if (!o.run.quiet)
    out << "spongeflow forecast: state at t = " << t_state << " s from " << o.state << ", lead "
        << o.lead_s << " s, " << nowcast.members << " member(s) of " << o.rain << "\n";

  std::vector<forecast::MemberMaps> members;
  std::vector<forecast::NetworkAlertTracker> networks;  // coupled: per member
  std::optional<io::ResultsEventMaps> envelope;
  nlohmann::ordered_json member_json = nlohmann::ordered_json::array();
  double wall = 0;
  for (std::size_t m = 0; m < nowcast.members; ++m) {
    const fs::path dir = nowcast.ensemble ? root / "members" / member_folder(m) : root;
    MemberRun run;
    if (nowcast.ensemble && !o.run.quiet)
      out << "\n--- member " << m + 1 << " of " << nowcast.members << " (" << dir.string() << ")\n";
    const int rc = run_member(forecast_case(cfg, o, t_state, m), backend, precision, dir, o,
                              checkpoints, t_state, out, err, run);
    if (rc != 0) return rc;
    wall += run.wall_s;
    member_json.push_back({{"member", m},
                           {"folder", fs::relative(dir, root).string()},
                           {"wall_time_s", run.wall_s},
                           {"speed_up", run.wall_s > 0 ? o.lead_s / run.wall_s : 0.0},
                           {"continuity_error_pct", run.continuity_error_pct}});
    if (!envelope)
      envelope = run.events;
    else
      merge_events(envelope->maps, run.events.maps);
    members.push_back(std::move(run.maps));
    if (run.network) networks.push_back(std::move(*run.network));
  }

  nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
  if (nowcast.ensemble) write_ensemble_maps(root, members, o, *envelope, t_state, outputs);

  Alerts alerts;
  alerts.table = risk_table(cfg.waterlogging);
  assess::EventMaps spot_maps = envelope->maps;
  if (!o.land_use.empty()) spot_maps.mask = road_mask(o.land_use, o.road_classes, spot_maps);
  assess::SpotOptions so;
  so.threshold_m = envelope->threshold_m;
  so.min_area_m2 = o.min_area_m2;
  alerts.spots = assess::find_spots(spot_maps, so, alerts.table);
  alerts.probability = forecast::spot_probability(
      alerts.spots.label, int(alerts.spots.spots.size()), members, so.threshold_m);
  write_text_file_atomically((root / "alerts.csv").string(), alerts_csv(alerts, t_state),
                             (root / "alerts.csv").string() + ".tmp");
  write_alert_polygons(root / "alerts.geojson", alerts, *envelope, t_state);
  int network_alerts = 0;
  if (cfg.network) {
    network_alerts = add_network_alert_points(root / "alerts.geojson", networks, t_state);
    write_network_alerts_csv(root, networks, t_state);
  }
  set_geojson_file_crs((root / "alerts.geojson").string(), envelope->crs_wkt);
  outputs.push_back("alerts.geojson");
  outputs.push_back("alerts.csv");
  if (cfg.network) outputs.push_back("network_alerts.csv");
  if (zones) {
    write_zone_summaries(root, *zones, members, *envelope, alerts, so.threshold_m, t_state);
    outputs.push_back("zones.csv");
  }

  const double speed_up = wall > 0 ? o.lead_s * double(nowcast.members) / wall : 0.0;
  nlohmann::ordered_json section;
  section["state"] = o.state;
  section["state_time_s"] = t_state;
  section["nowcast"] = o.rain;
  section["nowcast_end_s"] = nowcast.covered_to_s;
  section["lead_s"] = o.lead_s;
  section["members"] = nowcast.members;
  section["threshold_m"] = so.threshold_m;
  section["arrival_interval_s"] = o.arrival_interval_s;
  section["roads_only"] = !o.land_use.empty();
  section["wall_time_s"] = wall;
  section["speed_up"] = speed_up;
  section["ensemble_speed_up"] = wall > 0 ? o.lead_s / wall : 0.0;
  section["alerts"] = alerts.spots.spots.size();
  if (cfg.network) section["network_alerts"] = network_alerts;
  if (zones) section["zones"] = zones->names.size();
  if (observed) section["observations"] = observed->summary;
  section["outputs"] = outputs;
  section["member_runs"] = member_json;
  write_forecast_summary(root, section);

  char line[300];
  std::snprintf(line, sizeof line,
                "\nforecast: %.0f s of lead time x %zu member(s) in %.1f s wall: %.1fx faster than "
                "real time per member (the ensemble %.1fx)\n",
                o.lead_s, nowcast.members, wall, speed_up, wall > 0 ? o.lead_s / wall : 0.0);
  out << line;
  std::snprintf(line, sizeof line, "%zu alert spot(s) deeper than %.2f m%s\n",
                alerts.spots.spots.size(), so.threshold_m, o.land_use.empty() ? "" : " on roads");
  out << line;
  for (std::size_t k = 0; k < alerts.spots.spots.size() && k < 10; ++k) {
    const assess::Spot& p = alerts.spots.spots[k];
    std::snprintf(line, sizeof line,
                  "  %4d  x %10.1f  y %10.1f  max %.2f m in %5.1f min  %8.0f m2  P = %.2f\n", p.id,
                  p.x, p.y, p.max_depth_m, (p.time_of_max_s - t_state) / 60.0, p.area_m2,
                  alerts.probability[k]);
    out << line;
  }
  if (cfg.network) {
    std::snprintf(line, sizeof line,
                  "%d pump station(s) and outfall(s) with a predicted surcharge\n", network_alerts);
    out << line;
  }
  out << "Forecast in " << root.string() << ": alerts.geojson, alerts.csv"
      << (nowcast.ensemble ? ", probability maps, members/"
                           : ", forecast_max_depth.tif, "
                             "time_of_arrival.tif, results.nc")
      << ", summary.json\n";
  return 0;
}

}  // namespace sf::app
