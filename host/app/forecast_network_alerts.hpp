// The pump stations and outfalls of a coupled forecast (docs/forecast.md, "Pump stations and
// outfalls"): reads each member's network after every step into a forecast::NetworkAlertTracker,
// then writes network_alerts.csv (every station and outfall) and adds the ones with a predicted
// surcharge to alerts.geojson as points at their [COORDINATES].
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/coupled_run.hpp"
#include "forecast/network_alerts.hpp"

namespace sf::app {

/// One member's probe: RestartAdjustments::on_network_step_end of its run.
class NetworkAlertProbe {
 public:
  explicit NetworkAlertProbe(double t_state) : t_state_(t_state) {}
  void after_step(const CoupledRun& run, double t);
  /// The tracker once the run took a step (else none).
  const std::optional<forecast::NetworkAlertTracker>& tracker() const { return tracker_; }

 private:
  double t_state_;
  std::vector<int> station_node_, pump_link_, outfall_node_;
  std::optional<forecast::NetworkAlertTracker> tracker_;
  forecast::NetworkSample sample_;
};

/// network_alerts.csv in `dir`: one row per pump station and outfall of the members' networks.
void write_network_alerts_csv(const std::filesystem::path& dir,
                              const std::vector<forecast::NetworkAlertTracker>& members,
                              double t_state);

/// Adds a Point feature per pump station or outfall with a predicted surcharge (in any member)
/// to the GeoJSON `path` (written before by the spot alerts); returns how many.
int add_network_alert_points(const std::filesystem::path& path,
                             const std::vector<forecast::NetworkAlertTracker>& members,
                             double t_state);

}  // namespace sf::app
