#include "io/run_summary.hpp"

#include <nlohmann/json.hpp>

#include "common/atomic_text_file.hpp"

namespace sf::io {

void write_run_summary(const std::string& path, const RunReport& r) {
  using nlohmann::json;
  const VolumeBalance& b = r.result.balance;
  json j;
  j["case"] = r.case_name;
  j["case_file"] = r.case_file;
  if (!r.description.empty()) j["description"] = r.description;
  j["status"] = r.status;
  if (!r.error.empty()) j["error"] = r.error;
  j["backend"] = r.backend;
  j["precision"] = r.precision;
  j["threads"] = r.threads;
  j["order"] = r.order;
  j["cells"] = r.cells;
  j["active_cells"] = r.active_cells;
  j["cell_size_m"] = r.cell_size_m;
  j["steps"] = r.result.steps;
  j["simulated_s"] = r.result.simulated_s;
  j["wall_time_s"] = r.result.wall_s;
  j["cell_updates_per_s"] = r.result.cell_updates_per_s;
  j["min_dt_s"] = r.result.min_dt_s;
  j["max_dt_s"] = r.result.max_dt_s;
  j["max_depth_m"] = r.result.max_depth_m;
  j["flood_threshold_m"] = r.flood_threshold_m;
  j["flooded_area_m2"] = r.result.flooded_area_m2;
  j["flooded_volume_m3"] = r.result.flooded_volume_m3;
  j["runoff_volume_m3"] = b.boundary_outflow + b.underdrain;
  j["peak_outflow_m3s"] = r.result.peak_outflow_m3s;
  j["time_of_peak_outflow_s"] = r.result.time_of_peak_outflow_s;
  json hydro = json::array();
  for (const auto& [t, q] : r.result.outflow_hydrograph) hydro.push_back({t, q});
  j["outflow_hydrograph_s_m3s"] = hydro;
  j["active_area_m2"] = r.result.active_area_m2;
  j["volume_balance_m3"] = {{"initial_volume", b.initial_volume},
                            {"rain", b.rain},
                            {"boundary_inflow", b.boundary_inflow},
                            {"source_inflow", b.source_inflow},
                            {"boundary_outflow", b.boundary_outflow},
                            {"sink_outflow", b.source_outflow},
                            {"infiltration", b.infiltration},
                            {"lid_underdrain", b.underdrain},
                            {"lid_evaporation", b.evaporation},
                            {"lid_storage_change", b.lid_storage_change},
                            {"network_inflow", b.network_inflow},
                            {"network_outflow", b.network_outflow},
                            {"depth_clamp", b.clamp},
                            {"final_volume", b.final_volume},
                            {"continuity_error_pct", b.continuity_error_pct()}};
  json gauges = json::object();
  for (const GaugeResult& g : r.gauges)
    gauges[g.name] = {{"x", g.x},
                      {"y", g.y},
                      {"ground_m", g.ground_m},
                      {"peak_level_m", g.peak_level_m},
                      {"peak_depth_m", g.peak_depth_m}};
  j["gauges"] = gauges;
  j["outputs"] = r.outputs;
  if (r.network) {
    const NetworkReport& n = *r.network;
    auto elements = [](const std::vector<ElementResult>& list) {
      json o = json::object();
      for (const ElementResult& e : list) {
        json v = json::object();
        for (const auto& [name, value] : e.values) v[name] = value;
        o[e.id] = v;
      }
      return o;
    };
    json bal = json::object();
    for (const auto& [name, v] : n.balance_m3) bal[name] = v;
    bal["continuity_error_pct"] = n.continuity_error_pct;
    j["network"] = {{"inp_file", n.inp_file},
                    {"backend", n.backend},
                    {"nodes", n.nodes},
                    {"links", n.links},
                    {"coupled_points", n.coupled_points},
                    {"routing_steps", n.steps},
                    {"network_continuity_error_pct", n.network_continuity_error_pct},
                    {"pumps", elements(n.pumps)},
                    {"outfalls", elements(n.outfalls)},
                    {"flooded_nodes", elements(n.flooded_nodes)},
                    {"surcharged_conduits", elements(n.surcharged_conduits)}};
    if (!n.runoff_continuity.empty()) {
      json rc = json::object();
      for (const auto& [name, v] : n.runoff_continuity) rc[name] = v;
      j["network"]["runoff_continuity"] = rc;
    }
    j["coupled_volume_balance_m3"] = bal;
  }

  write_text_file_atomically(path, j.dump(2) + "\n", path + ".tmp");
}

}  // namespace sf::io
