// Overflow events at an outfall (溢流): from the outfall's flow over time, the volume, the events
// (flow above a floor, events closer than an inter-event time merged into one) and their
// durations, for combined-sewer overflow (CSO) statistics. Pure computation on a flow series fed
// step by step; see docs/capacity.md, "Overflows".
#pragma once

#include <cstddef>
#include <vector>

namespace sf::assess {

struct OverflowEvent {
  double start_s = 0, end_s = 0;  // first and last time with flow above the floor
  double volume_m3 = 0;
  double peak_m3s = 0;
  std::vector<double> loads;  // pollutant loads of the event (kg, or counts), one per pollutant
};

class OverflowRecorder {
 public:
  /// min_flow: flows at or below it (m³/s) count as no overflow; inter_event_s: a dry spell
  /// shorter than this does not end an event. Throws std::invalid_argument for negative values.
  OverflowRecorder(double min_flow_m3s, double inter_event_s);

  /// One step from t0 to t1 with flow q0 at t0 and q1 at t1 (linear in between), carrying
  /// step_loads of each pollutant (kg or counts; empty without pollutants). Steps must follow
  /// each other in time.
  void add(double t0, double t1, double q0, double q1, const std::vector<double>& step_loads = {});

  const std::vector<OverflowEvent>& events() const { return events_; }
  double volume_m3() const { return volume_; }      // all flow, events or not
  double overflow_s() const { return flowing_s_; }  // time with flow above the floor
  double peak_m3s() const { return peak_; }
  /// Loads of all flow, events or not (one per pollutant, sized by the first step with loads).
  const std::vector<double>& loads() const { return loads_; }

 private:
  double min_flow_, inter_event_;
  std::vector<OverflowEvent> events_;
  double volume_ = 0, flowing_s_ = 0, peak_ = 0;
  std::vector<double> loads_;
};

}  // namespace sf::assess
