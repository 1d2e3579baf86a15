// Adapts a gauge network to the engine's RainFieldSource: gauge series are step series, so the
// field changes only at their times.
#pragma once

#include <vector>

#include "engine/rain_field.hpp"
#include "rain/rain_gauges.hpp"

namespace sf::rain {

class GaugeRainField final : public RainFieldSource {
 public:
  GaugeRainField(GaugeRainSource source, std::vector<double> change_times);
  static GaugeRainField from_files(const std::string& gauges_csv, const std::string& series_csv,
                                   const GridGeometry& grid, const GaugeWeightOptions& options);
  double next_change(double t) const override;
  void field_at(double t, std::vector<float>& rate_m_per_s) override;

 private:
  GaugeRainSource source_;
  std::vector<double> changes_;  // sorted, unique series times (s since start)
};

}  // namespace sf::rain
