// The --summary JSON of a network run (SI units), written with nlohmann::json. ordered_json keeps
// elements in model order and fields in the documented order.
#include <nlohmann/json.hpp>

#include "network/network_output.hpp"

namespace sf::network {

void write_summary_json(const NetworkEngine& eng, std::ostream& out) {
  using nlohmann::ordered_json;
  const NetworkData& net = eng.network();
  const NetworkStatistics st = eng.statistics();
  const std::vector<QualityBalance> quality = eng.quality_balance();
  const std::size_t np = quality.size();
  ordered_json nodes = ordered_json::object(), links = ordered_json::object();
  ordered_json pumps = ordered_json::object(), outfalls = ordered_json::object();
  for (int i = 0; i < net.node_count(); ++i) {
    nodes[net.node_id[i]] = {{"max_depth_m", st.node_max_depth[i]},
                             {"max_hgl_m", st.node_max_depth[i] + net.node_invert[i]},
                             {"flood_volume_m3", st.node_flood_volume[i]},
                             {"hours_flooded", st.node_hours_flooded[i]}};
    if (net.node[i].kind != pipe::NodeKind::Outfall) continue;
    ordered_json outfall = {{"volume_m3", st.outfall_volume[i]}};
    // loads in kg; pollutants counted per litre (#/L) give counts under "loads_count"
    for (std::size_t p = 0; p < np; ++p) {
      const bool count = quality[p].units == inp::ConcentrationUnits::CountPerL;
      outfall[count ? "loads_count" : "loads_kg"][quality[p].pollutant] =
          st.outfall_load[std::size_t(i) * np + p];
    }
    outfalls[net.node_id[i]] = std::move(outfall);
  }
  for (int j = 0; j < net.link_count(); ++j) {
    links[net.link_id[j]] = {{"max_flow_m3s", st.link_max_flow[j]},
                             {"max_velocity_ms", st.link_max_velocity[j]}};
    if (net.link_kind[j] == LinkKind::Pump)
      pumps[net.link_id[j]] = {{"volume_m3", st.pump_volume[j]},
                               {"switches", st.pump_startups[j]},
                               {"percent_utilized", st.pump_pct_utilized[j]},
                               {"min_flow_m3s", st.pump_min_flow[j]},
                               {"avg_flow_m3s", st.pump_avg_flow[j]},
                               {"max_flow_m3s", st.link_max_flow[j]},
                               {"energy_kwh", st.pump_energy_kwh[j]},
                               {"pct_time_off_curve_low", st.pump_pct_off_curve_low[j]},
                               {"pct_time_off_curve_high", st.pump_pct_off_curve_high[j]}};
  }
  ordered_json quality_error = ordered_json::object();
  for (const QualityBalance& b : quality) quality_error[b.pollutant] = b.continuity_error_pct();
  ordered_json summary = {{"continuity_error_pct", eng.mass_balance().continuity_error_pct()},
                          {"nodes", std::move(nodes)},
                          {"links", std::move(links)},
                          {"pumps", std::move(pumps)},
                          {"outfalls", std::move(outfalls)}};
  if (np > 0) summary["quality_continuity_error_pct"] = std::move(quality_error);
  // IDs are bytes from the .inp: a byte that is not UTF-8 becomes U+FFFD instead of an exception.
  out << summary.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace sf::network
