#include "runoff/gage_record.hpp"

#include <limits>
#include <stdexcept>

namespace sf::runoff {
namespace {
constexpr double kOneSecond = 1.0;
constexpr double kNever = std::numeric_limits<double>::max();
}  // namespace

GageRecord::GageRecord(const inp::Model& model, const inp::RainGage& gage)
    : interval_(gage.interval_s) {
  if (gage.series < 0) return;
  const inp::TimeSeries& ts = model.timeseries[gage.series];
  double accumulated = 0.0;
  for (size_t i = 0; i < ts.t_s.size(); ++i) {
    const double v = ts.raw[i];
    double per_hour = v;  // written depth per hour (in/hr or mm/hr)
    switch (gage.format) {
      case inp::RainFormat::Intensity:
        break;
      case inp::RainFormat::Volume:
        per_hour = v / interval_ * 3600.0;
        break;
      case inp::RainFormat::Cumulative:  // a drop in the total restarts the accumulation
        per_hour = (v < accumulated ? v : v - accumulated) / interval_ * 3600.0;
        accumulated = v;
        break;
    }
    if (i > 0 && per_hour == 0.0) continue;
    entries_.push_back(Entry{ts.t_s[i], per_hour * gage.intensity_to_si});
  }
  if (!entries_.empty()) {
    has_current_ = true;
    start_ = entries_[0].start;
    end_ = start_ + interval_;
    rain_ = entries_[0].intensity;
    next_ = 1;
  }
}

double GageRecord::rain_at(double t) {
  t += kOneSecond;
  for (;;) {
    if (!has_current_ || t < start_) return 0.0;
    if (t < end_) return rain_;
    if (next_ >= entries_.size() || t < entries_[next_].start) return 0.0;
    start_ = entries_[next_].start;
    end_ = start_ + interval_;
    rain_ = entries_[next_].intensity;
    ++next_;
  }
}

double GageRecord::next_change(double t) const {
  t += kOneSecond;
  if (!has_current_) return kNever;
  if (t < start_) return start_;
  if (t < end_) return end_;
  return next_ < entries_.size() ? entries_[next_].start : kNever;
}

std::vector<double> GageRecord::position() const {
#if defined(__GLIBCXX__) && defined(__x86_64__)
  // A member added to GageRecord changes its size: save it here and in load_state (or say why it is
  // no state), then update the size. Checked where the layout is known (libstdc++, x86-64).
  static_assert(sizeof(GageRecord) == 72,
                "GageRecord grew: is the new member in its checkpoint state?");
#endif
  return {double(next_), has_current_ ? 1.0 : 0.0, start_, end_, rain_};
}

void GageRecord::set_position(const std::vector<double>& p) {
  if (p.size() != 5 || !(p[0] >= 0.0) || p[0] > double(entries_.size()))
    throw std::invalid_argument("rain gage position does not fit its record");
  next_ = std::size_t(p[0]);
  has_current_ = p[1] != 0.0;
  start_ = p[2];
  end_ = p[3];
  rain_ = p[4];
}

}  // namespace sf::runoff
