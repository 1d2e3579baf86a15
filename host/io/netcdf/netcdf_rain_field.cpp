#include "io/netcdf/netcdf_rain_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sf::io {
namespace {
// Steps end exactly on window edges; look a hair past t so an edge belongs to the window it opens.
double nudge(double t) {
  return t + 1e-6 * std::max(1.0, std::abs(t));
}
}  // namespace

NetcdfRainField::NetcdfRainField(NetcdfRainSource source) : source_(std::move(source)) {
  for (const RainFrameInfo& f : source_.frames()) {
    edges_.push_back(f.t_start_s);
    edges_.push_back(f.t_end_s);
  }
  std::sort(edges_.begin(), edges_.end());
  edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
}

double NetcdfRainField::next_change(double t) const {
  const auto it = std::upper_bound(edges_.begin(), edges_.end(), nudge(t));
  return it == edges_.end() ? std::numeric_limits<double>::infinity() : *it;
}

void NetcdfRainField::field_at(double t, std::vector<float>& rate_m_per_s) {
  RainFrame frame = source_.frame_at(nudge(t));
  rate_m_per_s = std::move(frame.rate_m_per_s);
}

}  // namespace sf::io
