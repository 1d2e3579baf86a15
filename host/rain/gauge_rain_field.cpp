#include "rain/gauge_rain_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sf::rain {

GaugeRainField::GaugeRainField(GaugeRainSource source, std::vector<double> change_times)
    : source_(std::move(source)), changes_(std::move(change_times)) {
  std::sort(changes_.begin(), changes_.end());
  changes_.erase(std::unique(changes_.begin(), changes_.end()), changes_.end());
}

GaugeRainField GaugeRainField::from_files(const std::string& gauges_csv,
                                          const std::string& series_csv, const GridGeometry& grid,
                                          const GaugeWeightOptions& options) {
  GaugeSeries series = read_gauge_series_csv(series_csv);
  std::vector<double> times;
  for (const TimeSeries& s : series.rate_m_per_s)
    times.insert(times.end(), s.times().begin(), s.times().end());
  GaugeRainSource source(read_rain_gauges_csv(gauges_csv), std::move(series), series_csv, grid,
                         options);
  return GaugeRainField(std::move(source), std::move(times));
}

double GaugeRainField::next_change(double t) const {
  const auto it = std::upper_bound(changes_.begin(), changes_.end(), t);
  return it == changes_.end() ? std::numeric_limits<double>::infinity() : *it;
}

void GaugeRainField::field_at(double t, std::vector<float>& rate_m_per_s) {
  // Step series are constant until the next change; their mean over a short piece of that
  // interval is that constant value.
  const double end = next_change(t);
  const double t1 = std::isfinite(end) ? end : t + 1.0;
  source_.mean_rate_on_grid(t, t1, rate_m_per_s);
}

}  // namespace sf::rain
