#include "forecast/forecast_window.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace sf::forecast {
namespace {

/// Calls edit(values) on the entry `name` in its own precision (float or double), if present.
template <class Edit>
void edit_entry(StateRecord& record, const std::string& name, std::size_t cells, Edit edit) {
  if (!record.has(name)) return;
  StateArray a = record.arrays().at(name);
  if (a.size() != cells)
    throw std::invalid_argument("state entry '" + name + "' has " + std::to_string(a.size()) +
                                " values; expected " + std::to_string(cells));
  if (a.type == StateType::kFloat32)
    edit(a.f32);
  else
    edit(a.f64);
  record.put_array(name, std::move(a));
}

}  // namespace

std::vector<double> record_depths(const StateRecord& record, std::size_t cells) {
  const auto it = record.arrays().find("surface_h");
  if (it == record.arrays().end() || it->second.size() != cells)
    throw std::invalid_argument("state entry 'surface_h' is missing or has not " +
                                std::to_string(cells) + " values");
  const StateArray& a = it->second;
  std::vector<double> out(cells);
  for (std::size_t k = 0; k < cells; ++k)
    out[k] = a.type == StateType::kFloat32 ? double(a.f32[k]) : a.f64[k];
  return out;
}

double record_time(const StateRecord& record) {
  return record.get<double>("clock", 8)[0];
}

void start_forecast_window(StateRecord& record, std::size_t cells) {
  const double t = record_time(record);
  const std::vector<double> h = record_depths(record, cells);

  // Event maps of the forecast window: the maximum so far is the depth now.
  edit_entry(record, "surface_hmax", cells, [&](auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    for (std::size_t k = 0; k < cells; ++k) v[k] = T(h[k]);
  });
  edit_entry(record, "surface_time_of_max_depth", cells, [&](auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    for (std::size_t k = 0; k < cells; ++k) v[k] = h[k] > 0.0 ? T(t) : T(-1);
  });
  for (const char* name : {"surface_max_speed", "surface_max_hazard", "surface_duration_flooded",
                           "surface_duration_user"})
    edit_entry(record, name, cells, [](auto& v) { std::fill(v.begin(), v.end(), 0); });
  edit_entry(record, "surface_time_first_wet", cells,
             [](auto& v) { std::fill(v.begin(), v.end(), -1); });

  // Rain: the nowcast is read from the state's time on (a field the analysis run read from its
  // observations may not be carried past the checkpoint). A state saved without a rain grid
  // starts with a dry field that is replaced at once.
  if (record.has("rain_field_window")) {
    std::vector<double> w = record.get<double>("rain_field_window", 3);
    w[0] = std::min(w[0], t);
    record.put("rain_field_window", std::move(w));
  } else {
    record.put("rain_field", std::vector<float>(cells, 0.0f));
    record.put("rain_field_window", std::vector<double>{t, 0.0, 0.0});
  }

  // Outputs start afresh at the state's time: an initial snapshot, then the regular output
  // times of the case; the hydrograph of the forecast only.
  std::vector<double> cursor = record.get<double>("run_cursor", 9);
  cursor[0] = 0;              // not started: run() writes the state at t as its first snapshot
  cursor[1] = 0;              // snapshot index
  cursor[7] = cursor[8] = 0;  // peak outflow and its time
  record.put("run_cursor", std::move(cursor));
  record.put("run_hydrograph", std::vector<double>{});
  record.put("run_frame_times", std::vector<double>{});
}

void start_network_window(StateRecord& record) {
  if (!record.has("network_node_depth")) return;
  auto from = [&](const char* max_name, const char* now_name, bool zero) {
    if (!record.has(max_name) || !record.has(now_name)) return;
    const std::vector<double> now =
        record.get<double>(now_name, record.arrays().at(now_name).size());
    std::vector<double> peak = record.get<double>(max_name, now.size());
    for (std::size_t k = 0; k < peak.size(); ++k) peak[k] = zero ? 0.0 : std::abs(now[k]);
    record.put(max_name, std::move(peak));
  };
  // Node depths and inflows are not negative; link flows are signed.
  from("network_node_max_depth", "network_node_depth", false);
  from("network_node_max_inflow", "network_node_inflow", false);
  from("network_link_max_flow", "network_link_flow", false);
  from("network_link_max_velocity", "network_link_flow", true);
}

}  // namespace sf::forecast
