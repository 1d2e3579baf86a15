#include "engine/time_series.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace sf {

TimeSeries::TimeSeries(std::vector<double> times, std::vector<double> values,
                       Interpolation interpolation)
    : times_(std::move(times)), values_(std::move(values)), interpolation_(interpolation) {
  if (times_.size() != values_.size())
    throw std::invalid_argument("time series has " + std::to_string(times_.size()) + " times but " +
                                std::to_string(values_.size()) + " values");
  if (times_.empty()) throw std::invalid_argument("time series is empty");
  for (std::size_t i = 1; i < times_.size(); ++i)
    if (!(times_[i] > times_[i - 1]))
      throw std::invalid_argument("time series times must increase strictly; time " +
                                  std::to_string(times_[i]) + " follows " +
                                  std::to_string(times_[i - 1]));
}

TimeSeries TimeSeries::constant(double value) {
  return TimeSeries({0.0}, {value});
}

double TimeSeries::value(double t) const {
  if (times_.empty()) return 0.0;
  if (t <= times_.front()) return values_.front();
  if (t >= times_.back()) return values_.back();
  const auto it = std::upper_bound(times_.begin(), times_.end(), t);
  const std::size_t i = std::size_t(it - times_.begin()) - 1;
  if (interpolation_ == Interpolation::kStep) return values_[i];
  const double w = (t - times_[i]) / (times_[i + 1] - times_[i]);
  return values_[i] + w * (values_[i + 1] - values_[i]);
}

double TimeSeries::primitive(double t) const {
  const double t0 = times_.front();
  if (t <= t0) return (t - t0) * values_.front();
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < times_.size(); ++i) {
    const double a = times_[i], b = times_[i + 1];
    if (t <= a) return sum;
    const double e = std::min(t, b);
    if (interpolation_ == Interpolation::kStep) {
      sum += values_[i] * (e - a);
    } else {
      const double ve = values_[i] + (values_[i + 1] - values_[i]) * (e - a) / (b - a);
      sum += 0.5 * (values_[i] + ve) * (e - a);
    }
    if (t <= b) return sum;
  }
  return sum + (t - times_.back()) * values_.back();
}

double TimeSeries::integral(double t0, double t1) const {
  if (times_.empty()) return 0.0;
  return primitive(t1) - primitive(t0);
}

double TimeSeries::mean(double t0, double t1) const {
  if (t1 <= t0) return value(t0);
  return integral(t0, t1) / (t1 - t0);
}

double TimeSeries::max_over(double t0, double t1) const {
  if (times_.empty()) return 0.0;
  double m = std::max(value(t0), value(t1));
  for (std::size_t i = 0; i < times_.size(); ++i)
    if (times_[i] >= t0 && times_[i] <= t1) m = std::max(m, values_[i]);
  return m;
}

TimeSeries TimeSeries::scaled(double factor) const {
  if (times_.empty()) return {};
  std::vector<double> v = values_;
  for (double& x : v) x *= factor;
  return TimeSeries(times_, v, interpolation_);
}

}  // namespace sf
