#include "forecast/zone_summary.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace sf::forecast {

std::vector<ZoneSummary> summarize_zones(const ZoneInputs& in) {
  const std::size_t n = in.zone->size();
  for (const auto* a : {in.probability, in.depth_p90, in.likely_arrival})
    if (a->size() != n) throw std::invalid_argument("zone summary: a map of another size");
  if (in.spot_label->size() != n || (!in.active->empty() && in.active->size() != n))
    throw std::invalid_argument("zone summary: a map of another size");
  std::vector<ZoneSummary> out(in.names.size());
  std::vector<std::set<int>> spots(in.names.size());
  for (std::size_t k = 0; k < out.size(); ++k) out[k].name = in.names[k];
  for (std::size_t c = 0; c < n; ++c) {
    const int z = (*in.zone)[c];
    if (z < 1 || z > int(out.size()) || (!in.active->empty() && !(*in.active)[c])) continue;
    ZoneSummary& s = out[std::size_t(z - 1)];
    const double p = (*in.probability)[c], arrival = (*in.likely_arrival)[c];
    s.area_m2 += in.cell_area_m2;
    if (p >= 0.5) s.likely_flooded_m2 += in.cell_area_m2;
    if (p > 0.0) s.possibly_flooded_m2 += in.cell_area_m2;
    s.max_probability = std::max(s.max_probability, p);
    s.max_depth_p90_m = std::max(s.max_depth_p90_m, (*in.depth_p90)[c]);
    if (arrival >= 0.0 && (s.first_likely_arrival_s < 0.0 || arrival < s.first_likely_arrival_s))
      s.first_likely_arrival_s = arrival;
    if ((*in.spot_label)[c] > 0) spots[std::size_t(z - 1)].insert((*in.spot_label)[c]);
  }
  for (std::size_t k = 0; k < out.size(); ++k) out[k].alert_spots = int(spots[k].size());
  return out;
}

}  // namespace sf::forecast
