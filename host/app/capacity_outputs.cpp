#include "app/capacity_outputs.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/geojson_crs.hpp"
#include "common/atomic_text_file.hpp"
#include "common/number_text.hpp"
#include "viz/line_layer_vtp.hpp"

namespace sf::app {
namespace {

std::string period_tag(double p) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", p);
  return b;
}

/// A CSV cell in double quotes (the reasons hold commas).
std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

void write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  const std::string path = (dir / name).string();
  write_text_file_atomically(path, text, path + ".tmp");
}

double fill(const assess::ConduitCapacity& c, std::size_t k) {
  return c.peaks[k].max_depth / c.geometry.full_depth;
}

std::string capacity_csv(const CapacityResults& r) {
  const auto& P = r.classes.periods();
  std::string s = "conduit,from_node,to_node,shape,full_depth_m,length_m,slope,full_flow_m3s";
  for (double p : P) {
    const std::string t = period_tag(p);
    s += ",peak_flow_" + t + "a_m3s,fill_" + t + "a,surcharged_" + t + "a,surcharge_min_" + t + "a";
  }
  s += ",carried_return_period_a,class\n";
  for (const assess::ConduitCapacity& c : r.conduits) {
    const assess::ConduitGeometry& g = c.geometry;
    s += g.id + "," + g.upstream_node + "," + g.downstream_node + "," + g.shape + "," +
         number_text("%.3f", g.full_depth) + "," + number_text("%.2f", g.length) + "," +
         number_text("%.5f", g.slope) + "," + number_text("%.4f", g.full_flow);
    for (std::size_t k = 0; k < P.size(); ++k)
      s += "," + number_text("%.4f", c.peaks[k].peak_flow) + "," + number_text("%.3f", fill(c, k)) +
           "," + (c.surcharged[k] ? "yes" : "no") + "," +
           number_text("%.1f", c.peaks[k].surcharge_s / 60.0);
    s += "," + period_tag(c.carried_years) + "," + r.classes.class_name(c.class_index) + "\n";
  }
  return s;
}

std::string renewal_csv(const CapacityResults& r) {
  std::string s =
      "rank,conduit,from_node,to_node,full_depth_m,class,carried_return_period_a,"
      "target_return_period_a,deficit_a,peak_flow_at_target_m3s,full_flow_m3s,flow_ratio,"
      "surcharge_min_at_target,upstream_node,upstream_flood_m3,cause,reasons\n";
  const auto& P = r.classes.periods();
  std::size_t t = 0;
  while (t < P.size() && P[t] != r.target_years) ++t;
  for (const assess::RenewalEntry& e : r.renewal) {
    const assess::ConduitCapacity& c = r.conduits[e.conduit];
    const assess::ConduitGeometry& g = c.geometry;
    s += std::to_string(e.rank) + "," + g.id + "," + g.upstream_node + "," + g.downstream_node +
         "," + number_text("%.3f", g.full_depth) + "," + r.classes.class_name(c.class_index) + "," +
         period_tag(c.carried_years) + "," + period_tag(r.target_years) + "," +
         period_tag(e.deficit_years) + "," + number_text("%.4f", c.peaks[t].peak_flow) + "," +
         number_text("%.4f", g.full_flow) + "," + number_text("%.3f", e.flow_ratio) + "," +
         number_text("%.1f", e.surcharge_s / 60.0) + "," + g.upstream_node + "," +
         number_text("%.2f", e.upstream_flood_m3) + "," + e.cause + "," + quoted(e.reasons) + "\n";
  }
  return s;
}

nlohmann::ordered_json conduit_properties(const CapacityResults& r,
                                          const assess::ConduitCapacity& c) {
  const assess::ConduitGeometry& g = c.geometry;
  nlohmann::ordered_json p;
  p["conduit"] = g.id;
  p["from_node"] = g.upstream_node;
  p["to_node"] = g.downstream_node;
  p["shape"] = g.shape;
  p["full_depth_m"] = g.full_depth;
  p["length_m"] = g.length;
  p["slope"] = g.slope;
  p["full_flow_m3s"] = g.full_flow;
  p["carried_return_period_a"] = c.carried_years;
  p["class"] = r.classes.class_name(c.class_index);
  p["class_index"] = c.class_index;
  const auto& P = r.classes.periods();
  for (std::size_t k = 0; k < P.size(); ++k) {
    p["peak_flow_" + period_tag(P[k]) + "a_m3s"] = c.peaks[k].peak_flow;
    p["fill_" + period_tag(P[k]) + "a"] = fill(c, k);
  }
  return p;
}

std::string capacity_geojson(const CapacityResults& r, const std::string& crs_wkt, int& epsg) {
  nlohmann::ordered_json fc;
  fc["type"] = "FeatureCollection";
  fc["name"] = "capacity";
  epsg = set_geojson_crs(fc, crs_wkt);
  fc["features"] = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < r.conduits.size(); ++c) {
    nlohmann::ordered_json coords = nlohmann::ordered_json::array();
    for (const inp::Point2& p : r.network.lines[c].points) coords.push_back({p.x, p.y});
    fc["features"].push_back({{"type", "Feature"},
                              {"properties", conduit_properties(r, r.conduits[c])},
                              {"geometry", {{"type", "LineString"}, {"coordinates", coords}}}});
  }
  return fc.dump(1) + "\n";
}

void write_vtp(const std::string& path, const CapacityResults& r) {
  viz::LineLayer layer;
  std::vector<double> full_flow, carried, diameter;
  std::vector<int> class_index;
  std::vector<std::string> id, class_name;
  const auto& P = r.classes.periods();
  std::vector<std::vector<double>> fills(P.size());
  for (std::size_t c = 0; c < r.conduits.size(); ++c) {
    const assess::ConduitCapacity& cc = r.conduits[c];
    const auto& pts = r.network.lines[c].points;
    std::vector<std::array<double, 3>> line;
    for (std::size_t k = 0; k < pts.size(); ++k) {
      // crown-to-crown profile in z, for a 3D look at the pipes
      const double w = pts.size() > 1 ? double(k) / double(pts.size() - 1) : 0.0;
      line.push_back(
          {pts[k].x, pts[k].y, (1.0 - w) * cc.geometry.crown_up + w * cc.geometry.crown_down});
    }
    layer.lines.push_back(line);
    full_flow.push_back(cc.geometry.full_flow);
    carried.push_back(cc.carried_years);
    diameter.push_back(cc.geometry.full_depth);
    class_index.push_back(cc.class_index);
    id.push_back(cc.geometry.id);
    class_name.push_back(r.classes.class_name(cc.class_index));
    for (std::size_t k = 0; k < P.size(); ++k) fills[k].push_back(fill(cc, k));
  }
  layer.values = {{"full_flow_m3s", full_flow},
                  {"carried_return_period_a", carried},
                  {"full_depth_m", diameter}};
  for (std::size_t k = 0; k < P.size(); ++k)
    layer.values.push_back({"fill_" + period_tag(P[k]) + "a", fills[k]});
  layer.integers = {{"class_index", class_index}};
  layer.texts = {{"conduit", id}, {"class", class_name}};
  viz::write_line_layer_vtp(path, layer);
}

/// "load_COD_kg" or "load_FC_count" (pollutants in #/L).
std::string load_column(const CapacityOverflows& o, std::size_t p) {
  return "load_" + o.pollutants[p] + (o.counts[p] ? "_count" : "_kg");
}

std::string overflows_csv(const CapacityResults& r, const CapacityExtras& x) {
  const CapacityOverflows& first = x.overflows.front();
  std::string s = "return_period_a,outfall,volume_m3,events,overflow_h,longest_event_h,peak_m3s";
  for (std::size_t p = 0; p < first.pollutants.size(); ++p) s += "," + load_column(first, p);
  s += "\n";
  for (std::size_t k = 0; k < x.overflows.size(); ++k) {
    const CapacityOverflows& o = x.overflows[k];
    const std::string period = period_tag(r.runs[k].return_period_years);
    std::vector<double> total_loads(o.pollutants.size(), 0.0);
    for (std::size_t f = 0; f < o.outfalls.size(); ++f) {
      const assess::OverflowRecorder& rec = o.recorders[f];
      double longest = 0.0;
      for (const assess::OverflowEvent& e : rec.events())
        longest = std::max(longest, e.end_s - e.start_s);
      s += period + "," + o.outfalls[f] + "," + number_text("%.3f", rec.volume_m3()) + "," +
           std::to_string(rec.events().size()) + "," +
           number_text("%.4f", rec.overflow_s() / 3600.0) + "," +
           number_text("%.4f", longest / 3600.0) + "," + number_text("%.5f", rec.peak_m3s());
      for (std::size_t p = 0; p < o.pollutants.size(); ++p) {
        const double load = p < rec.loads().size() ? rec.loads()[p] : 0.0;
        total_loads[p] += load;
        s += "," + number_text("%.6g", load);
      }
      s += "\n";
    }
    // The outfalls together: events merged in time, so no single peak (left empty).
    s += period + ",all," + number_text("%.3f", o.total.volume_m3) + "," +
         std::to_string(o.total.events) + "," + number_text("%.4f", o.total.flowing_h) + "," +
         number_text("%.4f", o.total.longest_event_h) + ",";
    for (double load : total_loads) s += "," + number_text("%.6g", load);
    s += "\n";
  }
  return s;
}

std::string hydrographs_csv(const CapacityResults& r, const CapacityExtras& x) {
  std::string s = "return_period_a,time_min";
  for (const std::string& id : x.overflows.front().outfalls) s += "," + id + "_m3s";
  s += "\n";
  for (std::size_t k = 0; k < x.overflows.size(); ++k) {
    const CapacityOverflows& o = x.overflows[k];
    for (std::size_t t = 0; t < o.t_s.size(); ++t) {
      s += period_tag(r.runs[k].return_period_years) + "," + number_text("%.2f", o.t_s[t] / 60.0);
      for (const std::vector<double>& q : o.flow_m3s) s += "," + number_text("%.5f", q[t]);
      s += "\n";
    }
  }
  return s;
}

void add_overflow_summary(nlohmann::ordered_json& summary, const CapacityExtras& x) {
  summary["overflows"] = {{"outfalls", x.overflows.front().outfalls},
                          {"inter_event_h", x.inter_event_h},
                          {"min_flow_m3s", x.min_flow_m3s},
                          {"table", "capacity_overflows.csv"},
                          {"hydrographs", "capacity_overflow_hydrographs.csv"}};
  for (std::size_t k = 0; k < x.overflows.size(); ++k) {
    const CapacityOverflows& o = x.overflows[k];
    auto loads = [&](const std::vector<double>& values) {
      nlohmann::ordered_json l = nlohmann::ordered_json::object();
      for (std::size_t p = 0; p < o.pollutants.size(); ++p)
        l[o.counts[p] ? "loads_count" : "loads_kg"][o.pollutants[p]] =
            p < values.size() ? values[p] : 0.0;
      return l;
    };
    nlohmann::ordered_json j = {{"volume_m3", o.total.volume_m3},
                                {"events", o.total.events},
                                {"overflow_h", o.total.flowing_h},
                                {"longest_event_h", o.total.longest_event_h}};
    std::vector<double> total_loads(o.pollutants.size(), 0.0);
    nlohmann::ordered_json each = nlohmann::ordered_json::object();
    for (std::size_t f = 0; f < o.outfalls.size(); ++f) {
      const assess::OverflowRecorder& rec = o.recorders[f];
      each[o.outfalls[f]] = {{"volume_m3", rec.volume_m3()},
                             {"events", rec.events().size()},
                             {"overflow_h", rec.overflow_s() / 3600.0},
                             {"peak_m3s", rec.peak_m3s()}};
      each[o.outfalls[f]].update(loads(rec.loads()));
      for (std::size_t p = 0; p < std::min(total_loads.size(), rec.loads().size()); ++p)
        total_loads[p] += rec.loads()[p];
    }
    j.update(loads(total_loads));
    j["outfalls"] = std::move(each);
    summary["runs"][k]["overflow"] = std::move(j);
  }
}

}  // namespace

std::vector<std::string> write_capacity_outputs(const std::string& dir_name,
                                                const CapacityResults& r,
                                                nlohmann::ordered_json summary,
                                                const CapacityExtras& x) {
  const std::filesystem::path dir(dir_name);
  write(dir, "capacity.csv", capacity_csv(r));
  write(dir, "renewal_priority.csv", renewal_csv(r));
  int epsg = 0;
  write(dir, "capacity.geojson", capacity_geojson(r, x.crs_wkt, epsg));
  summary["crs"] = epsg_text(epsg);  // of capacity.geojson and capacity.vtp ("" = none identified)
  write_vtp((dir / "capacity.vtp").string(), r);

  summary["return_periods_a"] = r.classes.periods();
  summary["target_return_period_a"] = r.target_years;
  summary["runs"] = nlohmann::ordered_json::array();
  for (const CapacityRun& run : r.runs) {
    summary["runs"].push_back({{"return_period_a", run.return_period_years},
                               {"rain_depth_mm", run.rain_depth_mm},
                               {"peak_block_intensity_mm_per_h", run.peak_block_mm_per_h},
                               {"surface_runoff_m3", run.runoff_m3},
                               {"runoff_continuity_error_pct", run.runoff_continuity_pct},
                               {"flow_routing_continuity_error_pct", run.routing_continuity_pct},
                               {"flooding_m3", run.flooding_m3},
                               {"flooded_nodes", run.flooded_nodes},
                               {"steps", run.steps},
                               {"wall_s", run.wall_s}});
    if (run.surface)  // coupled mode: the flooded surface of the run (capacity_surface.csv)
      summary["runs"].back()["surface"] = {
          {"flood_threshold_m", run.surface->flood_threshold_m},
          {"flooded_area_m2", run.surface->flooded_area_m2},
          {"max_depth_m", run.surface->max_depth_m},
          {"flooded_volume_m3", run.surface->flooded_volume_m3},
          {"grid_rain_m3", run.surface->grid_rain_m3},
          {"surface_to_network_m3", run.surface->surface_to_network_m3},
          {"network_to_surface_m3", run.surface->network_to_surface_m3},
          {"coupled_continuity_error_pct", run.surface->coupled_continuity_pct},
          {"max_depth_file", run.surface->max_depth_file}};
  }
  const std::vector<std::string> names = r.classes.class_names();
  std::vector<int> count(names.size(), 0);
  std::vector<double> length(names.size(), 0.0);
  double total_length = 0.0;
  for (const assess::ConduitCapacity& c : r.conduits) {
    count[c.class_index] += 1;
    length[c.class_index] += c.geometry.length;
    total_length += c.geometry.length;
  }
  summary["conduits"] = r.conduits.size();
  summary["conduit_length_m"] = total_length;
  summary["classes"] = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < names.size(); ++k)
    summary["classes"].push_back(
        {{"class", names[k]},
         {"conduits", count[k]},
         {"length_m", length[k]},
         {"length_share", total_length > 0.0 ? length[k] / total_length : 0.0}});
  summary["below_target"] = r.renewal.size();
  std::vector<std::string> files = {"capacity.csv", "capacity.geojson", "capacity.vtp",
                                    "renewal_priority.csv"};
  if (!x.overflows.empty()) {
    write(dir, "capacity_overflows.csv", overflows_csv(r, x));
    write(dir, "capacity_overflow_hydrographs.csv", hydrographs_csv(r, x));
    add_overflow_summary(summary, x);
    files.insert(files.end(), {"capacity_overflows.csv", "capacity_overflow_hydrographs.csv"});
  }
  write(dir, "capacity_summary.json", summary.dump(2) + "\n");
  files.push_back("capacity_summary.json");
  return files;
}

}  // namespace sf::app
