#include "forecast/arrival_tracker.hpp"

#include <stdexcept>

namespace sf::forecast {

ArrivalTracker::ArrivalTracker(std::size_t cells, double threshold_m, double interval_s,
                               double t0_s)
    : arrival_(cells, -1.0), threshold_(threshold_m), interval_(interval_s), next_(t0_s) {
  if (!(interval_s > 0.0)) throw std::invalid_argument("arrival interval must be positive");
}

void ArrivalTracker::observe(double t_s, const std::vector<double>& depth_m) {
  if (depth_m.size() != arrival_.size())
    throw std::invalid_argument("arrival tracker: depth map of " + std::to_string(depth_m.size()) +
                                " cells; expected " + std::to_string(arrival_.size()));
  for (std::size_t k = 0; k < arrival_.size(); ++k)
    if (arrival_[k] < 0.0 && depth_m[k] > threshold_) arrival_[k] = t_s;
  while (next_ <= t_s) next_ += interval_;
}

void ArrivalTracker::after_step(Simulation& sim, double t_s) {
  if (t_s < next_ && t_s < sim.setup().duration) return;
  SurfaceFields f;
  sim.solver().read_fields(f);
  observe(t_s, f.h);
}

}  // namespace sf::forecast
