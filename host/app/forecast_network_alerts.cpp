#include "app/forecast_network_alerts.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <stdexcept>

#include "common/atomic_text_file.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;
using forecast::Exceedance;
using nlohmann::ordered_json;

void place(const inp::Model& model, const std::string& node, double& x, double& y) {
  const auto it = model.map.coordinates.find(node);
  x = it == model.map.coordinates.end() ? NAN : it->second.x;
  y = it == model.map.coordinates.end() ? NAN : it->second.y;
}

/// The stations (pumps and their inlet nodes) and outfalls of the network, in link and node order.
forecast::NetworkAlertTracker make_tracker(const CoupledRun& run, double t_state,
                                           std::vector<int>& station_node,
                                           std::vector<int>& pump_link,
                                           std::vector<int>& outfall_node) {
  const network::NetworkData& net = run.engine().network();
  std::vector<forecast::StationSpec> stations;
  for (int j = 0; j < net.link_count(); ++j) {
    if (net.link_kind[j] != network::LinkKind::Pump) continue;
    const int i = net.node1[j];
    forecast::StationSpec s;
    s.pump = net.link_id[j];
    s.node = net.node_id[i];
    place(run.model(), s.node, s.x, s.y);
    s.full_depth_m = net.node[i].full_depth;
    s.flood_depth_m = net.node[i].full_depth + net.node[i].sur_depth;
    s.curve_max_flow_m3s = net.link_q_full[j];
    stations.push_back(s);
    station_node.push_back(i);
    pump_link.push_back(j);
  }
  std::vector<forecast::OutfallSpec> outfalls;
  for (int i = 0; i < net.node_count(); ++i) {
    if (net.node[i].kind != pipe::NodeKind::Outfall) continue;
    forecast::OutfallSpec o;
    o.node = net.node_id[i];
    place(run.model(), o.node, o.x, o.y);
    o.invert_m = net.node_invert[i];
    for (int j = 0; j < net.link_count(); ++j) {
      if (net.link_kind[j] != network::LinkKind::Conduit || net.xsect[j].y_full <= 0) continue;
      const double off = net.node2[j] == i   ? net.conduit[j].offset2
                         : net.node1[j] == i ? net.conduit[j].offset1
                                             : -1.0;
      if (off < 0) continue;
      const double crown = o.invert_m + off + net.xsect[j].y_full;
      o.crown_m = o.has_conduit ? std::max(o.crown_m, crown) : crown;
      o.has_conduit = true;
    }
    outfalls.push_back(o);
    outfall_node.push_back(i);
  }
  return forecast::NetworkAlertTracker(std::move(stations), std::move(outfalls), t_state);
}

std::string number(double v, const char* format = "%.4f") {
  char b[40];
  std::snprintf(b, sizeof b, format, v);
  return b;
}

/// "first,lead,duration" of an exceedance; empty fields when it never happened.
std::string times(const Exceedance& e, double t_state, bool lead) {
  if (!e.happened()) return lead ? ",," : ",";
  return number(e.first_s, "%.0f") + (lead ? "," + number(e.first_s - t_state, "%.0f") : "") + "," +
         number(e.duration_s, "%.0f");
}

/// first_NAME_s, lead_to_NAME_s and NAME_duration_s (null when it never happened): flat
/// properties, as GIS tools and dashboards read them.
void add_times(ordered_json& p, const std::string& name, const Exceedance& e, double t_state) {
  p["first_" + name + "_s"] = e.happened() ? ordered_json(e.first_s) : ordered_json(nullptr);
  p["lead_to_" + name + "_s"] =
      e.happened() ? ordered_json(e.first_s - t_state) : ordered_json(nullptr);
  p[name + "_duration_s"] = e.happened() ? ordered_json(e.duration_s) : ordered_json(nullptr);
}

ordered_json point(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return nullptr;  // no [COORDINATES] for the node
  return {{"type", "Point"}, {"coordinates", {x, y}}};
}

}  // namespace

void NetworkAlertProbe::after_step(const CoupledRun& run, double t) {
  if (!tracker_) {
    tracker_ = make_tracker(run, t_state_, station_node_, pump_link_, outfall_node_);
    sample_.station_depth.resize(station_node_.size());
    sample_.pump_flow.resize(station_node_.size());
    sample_.outfall_depth.resize(outfall_node_.size());
    sample_.outfall_flow.resize(outfall_node_.size());
  }
  const network::NetworkEngine& e = run.engine();
  for (std::size_t k = 0; k < station_node_.size(); ++k) {
    sample_.station_depth[k] = e.node_depth(station_node_[k]);
    sample_.pump_flow[k] = e.link_flow(pump_link_[k]);
  }
  for (std::size_t k = 0; k < outfall_node_.size(); ++k) {
    sample_.outfall_depth[k] = e.node_depth(outfall_node_[k]);
    sample_.outfall_flow[k] = e.node_inflow(outfall_node_[k]);
  }
  tracker_->observe(t, sample_);
}

void write_network_alerts_csv(const fs::path& dir,
                              const std::vector<forecast::NetworkAlertTracker>& members,
                              double t_state) {
  std::string csv =
      "kind,id,node,x,y,probability_surcharge,first_surcharge_s,lead_to_surcharge_s,"
      "surcharge_duration_s,max_depth_m,full_depth_m,probability_flooding,first_flooding_s,"
      "flooding_duration_s,probability_at_curve_max,first_at_curve_max_s,at_curve_max_duration_s,"
      "max_hgl_m,crown_m,peak_outflow_m3s\n";
  if (!members.empty()) {
    const auto stations = forecast::station_outlook(members);
    const auto outfalls = forecast::outfall_outlook(members);
    const auto& ss = members[0].station_specs();
    const auto& os = members[0].outfall_specs();
    for (std::size_t k = 0; k < stations.size(); ++k) {
      const forecast::StationOutlook& o = stations[k];
      csv += "pump_station," + ss[k].pump + "," + ss[k].node + "," + number(ss[k].x, "%.3f") + "," +
             number(ss[k].y, "%.3f") + "," + number(o.p_surcharge, "%.3f") + "," +
             times(o.envelope.surcharge, t_state, true) + "," + number(o.envelope.max_depth_m) +
             "," + number(ss[k].full_depth_m) + "," + number(o.p_flooding, "%.3f") + "," +
             times(o.envelope.flooding, t_state, false) + "," + number(o.p_at_curve_max, "%.3f") +
             "," + times(o.envelope.at_curve_max, t_state, false) + ",,,\n";
    }
    for (std::size_t k = 0; k < outfalls.size(); ++k) {
      const forecast::OutfallOutlook& o = outfalls[k];
      csv += "outfall," + os[k].node + "," + os[k].node + "," + number(os[k].x, "%.3f") + "," +
             number(os[k].y, "%.3f") + "," + number(o.p_surcharge, "%.3f") + "," +
             times(o.envelope.surcharge, t_state, true) + ",,,,,,,,," +
             number(o.envelope.max_hgl_m) + "," + (os[k].has_conduit ? number(os[k].crown_m) : "") +
             "," + number(o.envelope.peak_outflow_m3s, "%.5f") + "\n";
    }
  }
  const fs::path path = dir / "network_alerts.csv";
  write_text_file_atomically(path.string(), csv, path.string() + ".tmp");
}

int add_network_alert_points(const fs::path& path,
                             const std::vector<forecast::NetworkAlertTracker>& members,
                             double t_state) {
  if (members.empty()) return 0;
  ordered_json j;
  {
    std::ifstream in(path);
    j = ordered_json::parse(in, nullptr, false);
  }
  if (j.is_discarded() || !j.is_object())
    throw std::runtime_error(path.string() +
                             ": cannot add the network alerts: not a GeoJSON object");
  if (!j.contains("features")) j["features"] = ordered_json::array();
  ordered_json& features = j["features"];
  int added = 0;
  // A point feature whose properties start with kind, id, node and the surcharge's probability
  // and times; `more` adds the element's own.
  auto add = [&](const char* kind, const std::string& id, const std::string& node, double x,
                 double y, double p_surcharge, const Exceedance& surcharge,
                 const std::function<void(ordered_json&)>& more) {
    ordered_json p = {{"kind", kind}, {"id", id}, {"node", node}, {"probability", p_surcharge}};
    add_times(p, "surcharge", surcharge, t_state);
    more(p);
    features.push_back({{"type", "Feature"}, {"properties", p}, {"geometry", point(x, y)}});
    ++added;
  };
  const auto stations = forecast::station_outlook(members);
  const auto& ss = members[0].station_specs();
  for (std::size_t k = 0; k < stations.size(); ++k) {
    const forecast::StationOutlook& o = stations[k];
    if (o.p_surcharge > 0)
      add("pump_station", ss[k].pump, ss[k].node, ss[k].x, ss[k].y, o.p_surcharge,
          o.envelope.surcharge, [&](ordered_json& p) {
            p["max_depth_m"] = o.envelope.max_depth_m;
            p["full_depth_m"] = ss[k].full_depth_m;
            p["probability_flooding"] = o.p_flooding;
            add_times(p, "flooding", o.envelope.flooding, t_state);
            p["probability_at_curve_max"] = o.p_at_curve_max;
            add_times(p, "at_curve_max", o.envelope.at_curve_max, t_state);
          });
  }
  const auto outfalls = forecast::outfall_outlook(members);
  const auto& os = members[0].outfall_specs();
  for (std::size_t k = 0; k < outfalls.size(); ++k) {
    const forecast::OutfallOutlook& o = outfalls[k];
    if (o.p_surcharge > 0)
      add("outfall", os[k].node, os[k].node, os[k].x, os[k].y, o.p_surcharge, o.envelope.surcharge,
          [&](ordered_json& p) {
            p["max_hgl_m"] = o.envelope.max_hgl_m;
            p["crown_m"] = os[k].crown_m;
            p["peak_outflow_m3s"] = o.envelope.peak_outflow_m3s;
          });
  }
  write_text_file_atomically(path.string(), j.dump(1) + "\n", path.string() + ".tmp");
  return added;
}

}  // namespace sf::app
