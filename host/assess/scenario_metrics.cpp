#include "assess/scenario_metrics.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace sf::assess {

OverflowTotals combine_overflows(const std::vector<const OverflowRecorder*>& outfalls,
                                 double inter_event_s) {
  OverflowTotals t;
  std::vector<std::pair<double, double>> spans;
  for (const OverflowRecorder* r : outfalls) {
    t.volume_m3 += r->volume_m3();
    for (const OverflowEvent& e : r->events()) spans.emplace_back(e.start_s, e.end_s);
  }
  std::sort(spans.begin(), spans.end());
  double start = 0, end = 0, flowing = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const auto [s, e] = spans[k];
    if (k == 0 || s - end > inter_event_s) {
      if (k > 0) t.longest_event_h = std::max(t.longest_event_h, (end - start) / 3600.0);
      ++t.events;
      start = s;
      end = e;
      flowing += e - s;
    } else {
      flowing += std::max(0.0, e - std::max(s, end));
      end = std::max(end, e);
    }
  }
  if (!spans.empty()) t.longest_event_h = std::max(t.longest_event_h, (end - start) / 3600.0);
  t.flowing_h = flowing / 3600.0;
  return t;
}

double runoff_capture_ratio(double rain_m3, double runoff_m3) {
  if (!(rain_m3 > 0.0) || !(runoff_m3 >= 0.0))
    throw std::invalid_argument("runoff capture ratio: expected rain > 0 and runoff >= 0");
  return std::clamp(1.0 - runoff_m3 / rain_m3, 0.0, 1.0);
}

}  // namespace sf::assess
