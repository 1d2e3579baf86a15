// Network alerts of a forecast (docs/forecast.md, "Pump stations and outfalls"): which pump
// stations surcharge or flood and which outfalls surcharge in the forecast window, when first,
// for how long and how high, from the network's state after each step. Plain values: the app
// reads them off the engine (app/forecast_network_alerts.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sf::forecast {

/// A pump station: a pump and its inlet (wet-well) node.
struct StationSpec {
  std::string pump, node;
  double x = 0, y = 0;            // the node's [COORDINATES] (map units)
  double full_depth_m = 0;        // surcharged at or above it
  double flood_depth_m = 0;       // full depth + surcharge depth: overflowing at or above it
  double curve_max_flow_m3s = 0;  // the pump curve's largest flow (0: no curve)
};

/// An outfall and the crown of the conduits entering it.
struct OutfallSpec {
  std::string node;
  double x = 0, y = 0;
  double invert_m = 0;       // elevation of the outfall's invert
  double crown_m = 0;        // highest crown of a conduit at the outfall (elevation)
  bool has_conduit = false;  // no conduit ends at it (only pumps, weirs, ...): never surcharged
};

/// When a condition held: the first observation at which it held, and the time it held, each
/// observation standing for the interval since the one before.
struct Exceedance {
  double first_s = -1;  // -1: never
  double duration_s = 0;
  bool happened() const { return first_s >= 0; }
  void observe(bool holds, double t, double span) {
    if (!holds) return;
    if (first_s < 0) first_s = t;
    duration_s += span;
  }
};

struct StationAlert {
  Exceedance surcharge, flooding, at_curve_max;
  double max_depth_m = 0;
};

struct OutfallAlert {
  Exceedance surcharge;
  double max_hgl_m = 0;  // elevation
  double peak_outflow_m3s = 0;
};

/// The network state the tracker looks at after each step, in the order of the specs.
struct NetworkSample {
  std::vector<double> station_depth, pump_flow;     // per station (m, m³/s)
  std::vector<double> outfall_depth, outfall_flow;  // per outfall
};

/// Depths within this of a limit count as at it (the engine holds a flooding node at its limit).
constexpr double kDepthTolerance = 1e-6;  // m

class NetworkAlertTracker {
 public:
  NetworkAlertTracker(std::vector<StationSpec> stations, std::vector<OutfallSpec> outfalls,
                      double t_start);
  /// The state at t (the first call may be at t_start: the state the forecast starts from).
  /// Throws std::invalid_argument when a sample's sizes do not match the specs.
  void observe(double t, const NetworkSample& s);

  const std::vector<StationSpec>& station_specs() const { return station_specs_; }
  const std::vector<OutfallSpec>& outfall_specs() const { return outfall_specs_; }
  const std::vector<StationAlert>& stations() const { return stations_; }
  const std::vector<OutfallAlert>& outfalls() const { return outfalls_; }

 private:
  std::vector<StationSpec> station_specs_;
  std::vector<OutfallSpec> outfall_specs_;
  std::vector<StationAlert> stations_;
  std::vector<OutfallAlert> outfalls_;
  double t_last_;
};

/// One element over the members of an ensemble: the share of members in which it surcharged
/// (flooded, ran at its curve's maximum), and the envelope: the earliest first time, the longest
/// duration, the highest level and flow.
struct StationOutlook {
  double p_surcharge = 0, p_flooding = 0, p_at_curve_max = 0;
  StationAlert envelope;
};
struct OutfallOutlook {
  double p_surcharge = 0;
  OutfallAlert envelope;
};

/// Combines the members' trackers (all of the same network). Throws std::invalid_argument when
/// there are none or they differ in size.
std::vector<StationOutlook> station_outlook(const std::vector<NetworkAlertTracker>& members);
std::vector<OutfallOutlook> outfall_outlook(const std::vector<NetworkAlertTracker>& members);

}  // namespace sf::forecast
