// Adapts a CF-netCDF rain source to the engine's RainFieldSource: frames are piecewise constant
// over their windows, so the field changes only at window edges.
#pragma once

#include <memory>
#include <vector>

#include "engine/rain_field.hpp"
#include "io/netcdf/netcdf_rain_source.hpp"

namespace sf::io {

class NetcdfRainField final : public RainFieldSource {
 public:
  explicit NetcdfRainField(NetcdfRainSource source);
  double next_change(double t) const override;
  void field_at(double t, std::vector<float>& rate_m_per_s) override;
  const NetcdfRainSource& source() const { return source_; }

 private:
  NetcdfRainSource source_;
  std::vector<double> edges_;  // every window start and end, sorted, unique (s since start)
};

}  // namespace sf::io
