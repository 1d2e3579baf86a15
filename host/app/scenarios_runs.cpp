#include "app/scenarios_runs.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

#include "app/outfall_recorders.hpp"
#include "common/input_error.hpp"
#include "network/network_engine.hpp"
#include "network/network_output.hpp"

namespace sf::app {
namespace {

constexpr double kMmPerHour = 1e-3 / 3600.0;  // m/s
constexpr double kYearS = 365.0 * 86400.0;

InputError variant_error(const std::string& file, const ScenarioVariant& v, const std::string& key,
                         const std::string& message) {
  return InputError(InputIssue{file, v.line, "[[variant]] " + v.name, key, message});
}

/// The tank's pumps stop at `shutoff` instead of their own shutoff depth: they lift only what
/// rises above it, and the stored water leaves through the node's other links.
void set_tank_pump_shutoff(inp::Model& m, int node, double shutoff, const std::string& file,
                           const ScenarioVariant& v) {
  int changed = 0;
  for (const inp::Link& l : m.links) {
    if (l.type != inp::LinkType::Pump || l.node1 != node) continue;
    inp::Pump& p = m.pumps[l.detail];
    if (p.startup_depth <= 0.0)
      throw variant_error(file, v, "tank.pump_shutoff_m",
                          "pump \"" + l.id +
                              "\" has no startup depth in the .inp (it is not switched by the "
                              "depth of its wet well), so it has no shutoff depth to change");
    if (shutoff >= p.startup_depth) {
      std::ostringstream startup;
      startup << p.startup_depth;
      throw variant_error(file, v, "tank.pump_shutoff_m",
                          "must be below the startup depth " + startup.str() + " m of pump \"" +
                              l.id +
                              "\" (a pump that stops at or above the "
                              "depth where it starts would never run)");
    }
    p.shutoff_depth = shutoff;
    ++changed;
  }
  if (changed == 0)
    throw variant_error(file, v, "tank.pump_shutoff_m",
                        "no pump draws from \"" + v.tank->node + "\" in " + v.inp);
}

}  // namespace

inp::Model with_variant_switches(const inp::Model& model, const ScenarioVariant& v,
                                 const std::string& file) {
  inp::Model m = model;
  for (const std::string& id : v.overflow_outfalls) {
    const int n = m.find_node(id);
    if (n < 0 || m.nodes[n].type != inp::NodeType::Outfall)
      throw variant_error(file, v, "overflow_outfalls",
                          "\"" + id + "\" is not an outfall of " + v.inp);
  }
  if (v.disconnect_impervious_pct > 0.0) {
    if (m.subcatchments.empty())
      throw variant_error(file, v, "disconnect_impervious_pct",
                          v.inp + " has no subcatchments to disconnect");
    for (inp::Subcatchment& s : m.subcatchments) {
      s.route_to = inp::SubareaRouting::Pervious;
      s.frac_routed = v.disconnect_impervious_pct / 100.0;
    }
  }
  if (v.tank) {
    const int n = m.find_node(v.tank->node);
    auto st = std::find_if(m.storages.begin(), m.storages.end(),
                           [&](const inp::Storage& s) { return s.node == n; });
    if (n < 0 || st == m.storages.end() || st->shape == inp::StorageShape::Tabular)
      throw variant_error(file, v, "tank.node",
                          "\"" + v.tank->node +
                              "\" is not a storage node with a FUNCTIONAL or "
                              "analytic shape in " +
                              v.inp + "; a tank adds plan area to one");
    st->a0 += v.tank->volume_m3 / v.tank->depth_m;
    if (v.tank->pump_shutoff_m) set_tank_pump_shutoff(m, n, *v.tank->pump_shutoff_m, file, v);
  }
  return m;
}

inp::Model with_rain_record(const inp::Model& model, const std::string& series, double interval_s,
                            double record_s, double drain_s, double max_step_s) {
  const int k = model.find_series(series);
  if (k < 0)
    throw InputError(InputIssue{model.source, 0, "[TIMESERIES]", series,
                                "no such time series; [storms] record names the rain record, a "
                                "[TIMESERIES] of every variant's .inp"});
  if (model.subcatchments.empty() || model.gages.empty())
    throw InputError(InputIssue{model.source, 0, "[SUBCATCHMENTS]", "",
                                "the network has no subcatchments with rain gages to take the "
                                "rain record"});
  inp::Model m = model;
  inp::TimeSeries& ts = m.timeseries[k];
  ts.value = ts.raw;  // intensities in mm/h, as written
  ts.use = inp::SeriesUse::Other;
  for (inp::RainGage& g : m.gages) {
    g.format = inp::RainFormat::Intensity;
    g.interval_s = interval_s;
    g.series = k;
    g.intensity_to_si = kMmPerHour;
  }
  const double end = std::max(record_s, ts.t_s.back() + interval_s) + drain_s;
  m.options.duration_s = static_cast<std::int64_t>(std::llround(end));
  m.options.swmm_duration_s = m.options.duration_s;
  m.options.ignore_rainfall = false;
  m.options.routing_step_s = max_step_s;
  return m;
}

ScenarioRun run_scenario(const inp::Model& model, const ScenarioVariant& v,
                         const ScenariosConfig& cfg) {
  ScenarioRun out;
  out.variant = v.name;
  std::vector<std::string> ids;
  std::unique_ptr<OutfallRecorders> outfalls;
  nlohmann::ordered_json summary;
  RunObserver obs;
  obs.after_start = [&](const network::NetworkEngine& eng) {
    const network::NetworkData& net = eng.network();
    std::vector<int> nodes;
    for (int i = 0; i < net.node_count(); ++i)
      if (net.node_outfall[i] >= 0) {
        nodes.push_back(i);
        ids.push_back(net.node_id[i]);
      }
    outfalls =
        std::make_unique<OutfallRecorders>(nodes, cfg.min_flow_m3s, cfg.inter_event_h * 3600.0);
    outfalls->start(eng);
  };
  obs.after_step = [&](const network::NetworkEngine& eng) { outfalls->step(eng); };
  obs.after_finish = [&](const network::NetworkEngine& eng) {
    std::ostringstream s;
    network::write_summary_json(eng, s);
    summary = nlohmann::ordered_json::parse(s.str());
  };
  out.run = run_design_storm(model, CapacityNetwork{}, 0.0, obs);
  out.years = (model.options.duration_s - cfg.record_drain_s) / kYearS;  // records only

  const std::vector<assess::OverflowRecorder>& rec = outfalls->recorders();
  std::vector<const assess::OverflowRecorder*> overflow;
  for (std::size_t k = 0; k < rec.size(); ++k) {
    OutfallResult r;
    r.id = ids[k];
    r.overflow = std::find(v.overflow_outfalls.begin(), v.overflow_outfalls.end(), r.id) !=
                 v.overflow_outfalls.end();
    r.volume_m3 = rec[k].volume_m3();
    r.peak_m3s = rec[k].peak_m3s();
    r.flowing_h = rec[k].overflow_s() / 3600.0;
    r.events = int(rec[k].events().size());
    for (const assess::OverflowEvent& e : rec[k].events())
      r.longest_event_h = std::max(r.longest_event_h, (e.end_s - e.start_s) / 3600.0);
    const auto& o = summary["outfalls"];
    if (o.is_object() && o.contains(r.id) && o[r.id].contains("loads_kg"))
      r.loads_kg = o[r.id]["loads_kg"];
    if (r.overflow) overflow.push_back(&rec[k]);
    out.outfalls.push_back(std::move(r));
  }
  out.overflow = assess::combine_overflows(overflow, cfg.inter_event_h * 3600.0);
  double area = 0.0;
  for (const inp::Subcatchment& s : model.subcatchments) area += s.area;
  out.rain_mm = area > 0.0 ? 1e3 * out.run.rainfall_m3 / area : 0.0;
  out.capture_ratio = out.run.rainfall_m3 > 0.0
                          ? assess::runoff_capture_ratio(out.run.rainfall_m3, out.run.runoff_m3)
                          : 0.0;
  return out;
}

}  // namespace sf::app
