// Agreement of a model with one sensor's readings (docs/forecast.md, "Observations"): bias,
// root-mean-square error, Nash-Sutcliffe efficiency and the peaks with their timing.
#pragma once

#include <cstddef>
#include <vector>

namespace sf::forecast {

struct Pair {
  double t_s = 0;       // time of the reading (s since the case start)
  double observed = 0;  // reading
  double modelled = 0;  // model at the same time and place
};

struct AgreementStats {
  std::size_t n = 0;
  double bias = 0;  // mean(modelled - observed)
  double rmse = 0;  // sqrt(mean((modelled - observed)^2))
  /// 1 - sum((m - o)^2) / sum((o - mean(o))^2) (Nash & Sutcliffe 1970); NaN when the readings
  /// do not vary (the efficiency is undefined) or n = 0.
  double nse = 0;
  double peak_observed = 0, peak_observed_t_s = 0;  // the largest reading (first if tied)
  double peak_modelled = 0, peak_modelled_t_s = 0;  // the largest modelled value at reading times
  double peak_timing_error_s = 0;                   // peak_modelled_t_s - peak_observed_t_s
};

/// Statistics over the pairs (any order); all zero (nse NaN) for none.
AgreementStats agreement_stats(const std::vector<Pair>& pairs);

}  // namespace sf::forecast
