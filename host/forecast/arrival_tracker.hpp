// Time of arrival: the first time the depth of a cell exceeds a threshold during a forecast.
// The depths are looked at every `interval` seconds of simulated time (and at the start and end),
// never inside a step, so the map is exact to that interval: a cell shown arriving at t crossed
// the threshold in (t - interval, t]. See docs/forecast.md.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/simulation.hpp"

namespace sf::forecast {

class ArrivalTracker {
 public:
  /// `cells` values; the first look is at t0 (the forecast's start).
  ArrivalTracker(std::size_t cells, double threshold_m, double interval_s, double t0_s);
  /// Records depths at time t: cells deeper than the threshold that had not arrived get t.
  void observe(double t_s, const std::vector<double>& depth_m);
  /// RunHooks::on_step_end: looks at the depths of `sim` once t reached the next look time, and
  /// at the end of the run.
  void after_step(Simulation& sim, double t_s);
  /// Per cell: time of arrival (s since the run's start), -1 where the depth never exceeded it.
  const std::vector<double>& arrival() const { return arrival_; }
  double threshold() const { return threshold_; }

 private:
  std::vector<double> arrival_;
  double threshold_, interval_, next_;
};

}  // namespace sf::forecast
