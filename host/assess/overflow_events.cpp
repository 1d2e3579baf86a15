#include "assess/overflow_events.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sf::assess {

OverflowRecorder::OverflowRecorder(double min_flow_m3s, double inter_event_s)
    : min_flow_(min_flow_m3s), inter_event_(inter_event_s) {
  if (!(min_flow_m3s >= 0.0) || !(inter_event_s >= 0.0))
    throw std::invalid_argument(
        "overflow events: the flow floor and the inter-event time must be "
        ">= 0");
}

namespace {

void add_loads(std::vector<double>& sum, const std::vector<double>& add) {
  if (sum.size() < add.size()) sum.resize(add.size(), 0.0);
  for (std::size_t p = 0; p < add.size(); ++p) sum[p] += add[p];
}

}  // namespace

void OverflowRecorder::add(double t0, double t1, double q0, double q1,
                           const std::vector<double>& step_loads) {
  const double dt = t1 - t0;
  if (!(dt > 0.0)) return;
  add_loads(loads_, step_loads);
  q0 = std::max(q0, 0.0);
  q1 = std::max(q1, 0.0);
  const double volume = 0.5 * (q0 + q1) * dt;
  volume_ += volume;
  const double q_max = std::max(q0, q1);
  peak_ = std::max(peak_, q_max);
  if (!(q_max > min_flow_)) return;
  // Time of the step above the floor: all of it, or the part of the linear ramp above it.
  const double q_min = std::min(q0, q1);
  const double above = q_min > min_flow_ ? dt : dt * (q_max - min_flow_) / (q_max - q_min);
  flowing_s_ += above;
  const double start = q0 > min_flow_ ? t0 : t1 - above;
  const double end = q1 > min_flow_ ? t1 : t0 + above;
  if (events_.empty() || start - events_.back().end_s > inter_event_)
    events_.push_back({start, end, 0.0, 0.0});
  OverflowEvent& e = events_.back();
  e.end_s = end;
  e.volume_m3 += volume;
  e.peak_m3s = std::max(e.peak_m3s, q_max);
  add_loads(e.loads, step_loads);
}

}  // namespace sf::assess
