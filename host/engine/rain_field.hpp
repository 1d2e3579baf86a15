// The engine's view of spatial rain (radar, forecasts, gauges): a field per cell that changes at
// known times. Implementations live with their file formats (host/io/netcdf, host/rain).
#pragma once

#include <vector>

namespace sf {

class RainFieldSource {
 public:
  virtual ~RainFieldSource() = default;
  /// First time after t (s since the run's start) at which the field changes; +infinity if never.
  /// Steps never straddle a change, so the rain volume of every step is exact.
  virtual double next_change(double t) const = 0;
  /// Rain rate per cell (m/s, engine orientation) valid from t until next_change(t).
  virtual void field_at(double t, std::vector<float>& rate_m_per_s) = 0;
};

}  // namespace sf
