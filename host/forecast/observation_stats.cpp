#include "forecast/observation_stats.hpp"

#include <cmath>
#include <limits>

namespace sf::forecast {

AgreementStats agreement_stats(const std::vector<Pair>& pairs) {
  AgreementStats s;
  s.n = pairs.size();
  s.nse = std::numeric_limits<double>::quiet_NaN();
  if (pairs.empty()) return s;
  double sum_err = 0, sum_sq = 0, sum_obs = 0;
  s.peak_observed = pairs[0].observed;
  s.peak_observed_t_s = pairs[0].t_s;
  s.peak_modelled = pairs[0].modelled;
  s.peak_modelled_t_s = pairs[0].t_s;
  for (const Pair& p : pairs) {
    const double e = p.modelled - p.observed;
    sum_err += e;
    sum_sq += e * e;
    sum_obs += p.observed;
    if (p.observed > s.peak_observed) {
      s.peak_observed = p.observed;
      s.peak_observed_t_s = p.t_s;
    }
    if (p.modelled > s.peak_modelled) {
      s.peak_modelled = p.modelled;
      s.peak_modelled_t_s = p.t_s;
    }
  }
  const double n = double(pairs.size());
  s.bias = sum_err / n;
  s.rmse = std::sqrt(sum_sq / n);
  const double mean_obs = sum_obs / n;
  double spread = 0;
  for (const Pair& p : pairs) spread += (p.observed - mean_obs) * (p.observed - mean_obs);
  if (spread > 0) s.nse = 1.0 - sum_sq / spread;
  s.peak_timing_error_s = s.peak_modelled_t_s - s.peak_observed_t_s;
  return s;
}

}  // namespace sf::forecast
