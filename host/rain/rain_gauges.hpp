// Rain gauges: a gauge list and a rain series per gauge (CSV), spread over the simulation grid
// by Thiessen polygons (nearest gauge) or inverse-distance weighting, weights computed once.
//
// Gauge list CSV (header required; the dialect of common/csv_rows.hpp: '#' starts a comment,
// blank lines are ignored):
//   gauge,x,y            name, then x and y in metres in the simulation grid's CRS
//   G1,384120.5,6356010.0
// Series CSV: a time column (header time_s, time_min or time_h: time since the simulation
// start) and one column per gauge, named as in the gauge list (any order, all gauges present):
//   time_min,G1,G2
//   0,12.0,10.5          mean intensity in mm/h over [this time, next time)
//   60,0,0               the last row holds afterwards: end with zeros to stop the rain
// Times must increase strictly; intensities must be finite and >= 0. Every problem is reported
// (sf::InputError with file, line and column), not just the first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/time_series.hpp"
#include "rain/grid_geometry.hpp"

namespace sf::rain {

struct RainGauge {
  std::string name;
  double x = 0.0;  // m, grid CRS
  double y = 0.0;  // m, grid CRS
};

struct GaugeSeries {
  std::vector<std::string> names;        // column order of the file
  std::vector<TimeSeries> rate_m_per_s;  // one step series per column, SI
};

std::vector<RainGauge> read_rain_gauges_csv(const std::string& path);
GaugeSeries read_gauge_series_csv(const std::string& path);

enum class GaugeInterpolation {
  kThiessen,         // each cell takes the gauge nearest to its centre (ties: first listed)
  kInverseDistance,  // w_g = d_g^-p / sum_k d_k^-p over all gauges, d from the cell centre
};

struct GaugeWeightOptions {
  GaugeInterpolation method = GaugeInterpolation::kThiessen;
  double power = 2.0;  // p of inverse distance, > 0
};

/// Sparse weights, compressed by cell: cell c uses gauges gauge[k], weight[k] for k in
/// [cell_begin[c], cell_begin[c+1]); the weights of a cell sum to 1.
struct GaugeWeights {
  std::vector<std::size_t> cell_begin;
  std::vector<int> gauge;
  std::vector<double> weight;
};

/// Throws std::invalid_argument when there are no gauges, the grid is empty or p <= 0.
GaugeWeights compute_gauge_weights(const std::vector<RainGauge>& gauges, const GridGeometry& grid,
                                   const GaugeWeightOptions& options);

/// cell_values[c] = sum_k weight[k] * gauge_values[gauge[k]] (resized to the cell count).
void apply_gauge_weights(const GaugeWeights& weights, const std::vector<double>& gauge_values,
                         std::vector<float>& cell_values);

/// Gauges + their series + weights: the rain rate field of a gauge network.
class GaugeRainSource {
 public:
  /// Matches series columns to gauges by name; throws sf::InputError naming `series_file` when
  /// a gauge has no column or a column has no gauge.
  GaugeRainSource(const std::vector<RainGauge>& gauges, GaugeSeries series,
                  const std::string& series_file, const GridGeometry& grid,
                  const GaugeWeightOptions& options);
  static GaugeRainSource from_files(const std::string& gauges_csv, const std::string& series_csv,
                                    const GridGeometry& grid, const GaugeWeightOptions& options);

  /// Mean rain rate (m/s) of each cell over [t0_s, t1_s] (engine orientation).
  void mean_rate_on_grid(double t0_s, double t1_s, std::vector<float>& rate_m_per_s) const;
  const GaugeWeights& weights() const { return weights_; }

 private:
  std::vector<TimeSeries> rate_by_gauge_;  // in gauge-list order
  GaugeWeights weights_;
};

}  // namespace sf::rain
