// A time series v(t) given by points, linear or stepwise between them, held constant outside.
// mean(t0, t1) integrates exactly, so forcing volumes in the mass balance are exact.
#pragma once

#include <vector>

namespace sf {

class TimeSeries {
 public:
  enum class Interpolation { kLinear, kStep };  // kStep: value[i] holds on [t[i], t[i+1])

  TimeSeries() = default;  // zero everywhere
  /// Throws std::invalid_argument when sizes differ, times are not strictly increasing or empty.
  TimeSeries(std::vector<double> times, std::vector<double> values,
             Interpolation interpolation = Interpolation::kLinear);
  static TimeSeries constant(double value);

  double value(double t) const;
  double integral(double t0, double t1) const;  // of v over [t0, t1]
  double mean(double t0, double t1) const;      // integral / (t1 - t0); value(t0) if t1 == t0
  double max_over(double t0, double t1) const;  // largest value on [t0, t1]
  TimeSeries scaled(double factor) const;
  bool empty() const { return times_.empty(); }
  const std::vector<double>& times() const { return times_; }
  const std::vector<double>& values() const { return values_; }
  Interpolation interpolation() const { return interpolation_; }

 private:
  double primitive(double t) const;  // integral from times_[0] to t (t may be outside)
  std::vector<double> times_, values_;
  Interpolation interpolation_ = Interpolation::kLinear;
};

}  // namespace sf
