// Gauge -> cell weights (Thiessen or inverse distance) and the gauge rain source built on them.
#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/input_error.hpp"
#include "rain/rain_gauges.hpp"

namespace sf::rain {

GaugeWeights compute_gauge_weights(const std::vector<RainGauge>& gauges, const GridGeometry& grid,
                                   const GaugeWeightOptions& options) {
  if (gauges.empty()) throw std::invalid_argument("rain gauges: no gauges to interpolate from");
  if (grid.nx <= 0 || grid.ny <= 0 || !(grid.dx > 0.0))
    throw std::invalid_argument("rain gauges: the target grid is empty");
  if (options.method == GaugeInterpolation::kInverseDistance && !(options.power > 0.0))
    throw std::invalid_argument("rain gauges: inverse-distance power " +
                                std::to_string(options.power) + "; expected p > 0");
  // A gauge closer than this to a cell centre gives that cell its value alone (avoids 1/0).
  const double coincident = 1e-9 * grid.dx;
  GaugeWeights w;
  w.cell_begin.reserve(grid.size() + 1);
  w.cell_begin.push_back(0);
  for (int j = 0; j < grid.ny; ++j) {
    for (int i = 0; i < grid.nx; ++i) {
      const double xc = grid.x_center(i), yc = grid.y_center(j);
      int nearest = 0;
      double nearest_d = std::numeric_limits<double>::infinity();
      for (std::size_t g = 0; g < gauges.size(); ++g) {
        const double d = std::hypot(gauges[g].x - xc, gauges[g].y - yc);
        if (d < nearest_d) nearest_d = d, nearest = static_cast<int>(g);
      }
      if (options.method == GaugeInterpolation::kThiessen || nearest_d < coincident) {
        w.gauge.push_back(nearest);
        w.weight.push_back(1.0);
      } else {
        double sum = 0.0;
        const std::size_t first = w.weight.size();
        for (std::size_t g = 0; g < gauges.size(); ++g) {
          const double wg =
              std::pow(std::hypot(gauges[g].x - xc, gauges[g].y - yc), -options.power);
          w.gauge.push_back(static_cast<int>(g));
          w.weight.push_back(wg);
          sum += wg;
        }
        for (std::size_t k = first; k < w.weight.size(); ++k) w.weight[k] /= sum;
      }
      w.cell_begin.push_back(w.weight.size());
    }
  }
  return w;
}

void apply_gauge_weights(const GaugeWeights& weights, const std::vector<double>& gauge_values,
                         std::vector<float>& cell_values) {
  const std::size_t ncell = weights.cell_begin.empty() ? 0 : weights.cell_begin.size() - 1;
  cell_values.assign(ncell, 0.0f);
  for (std::size_t c = 0; c < ncell; ++c) {
    double v = 0.0;
    for (std::size_t k = weights.cell_begin[c]; k < weights.cell_begin[c + 1]; ++k)
      v += weights.weight[k] * gauge_values[static_cast<std::size_t>(weights.gauge[k])];
    cell_values[c] = static_cast<float>(v);
  }
}

GaugeRainSource::GaugeRainSource(const std::vector<RainGauge>& gauges, GaugeSeries series,
                                 const std::string& series_file, const GridGeometry& grid,
                                 const GaugeWeightOptions& options) {
  std::vector<InputIssue> issues;
  for (const auto& g : gauges) {
    std::size_t c = 0;
    while (c < series.names.size() && series.names[c] != g.name) ++c;
    if (c == series.names.size()) {
      issues.push_back({series_file, 1, "[rain gauge series]", g.name,
                        "gauge has no column; expected one column per gauge of the gauge list"});
      continue;
    }
    rate_by_gauge_.push_back(series.rate_m_per_s[c]);
  }
  for (const auto& name : series.names) {
    bool listed = false;
    for (const auto& g : gauges) listed = listed || g.name == name;
    if (!listed)
      issues.push_back(
          {series_file, 1, "[rain gauge series]", name, "column names no gauge of the gauge list"});
  }
  if (!issues.empty()) throw InputError(issues);
  weights_ = compute_gauge_weights(gauges, grid, options);
}

GaugeRainSource GaugeRainSource::from_files(const std::string& gauges_csv,
                                            const std::string& series_csv, const GridGeometry& grid,
                                            const GaugeWeightOptions& options) {
  return GaugeRainSource(read_rain_gauges_csv(gauges_csv), read_gauge_series_csv(series_csv),
                         series_csv, grid, options);
}

void GaugeRainSource::mean_rate_on_grid(double t0_s, double t1_s,
                                        std::vector<float>& rate_m_per_s) const {
  std::vector<double> gauge_rates(rate_by_gauge_.size());
  for (std::size_t g = 0; g < gauge_rates.size(); ++g)
    gauge_rates[g] = rate_by_gauge_[g].mean(t0_s, t1_s);
  apply_gauge_weights(weights_, gauge_rates, rate_m_per_s);
}

}  // namespace sf::rain
