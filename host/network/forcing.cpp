#include "network/forcing.hpp"

#include <algorithm>
#include <cmath>

#include "common/gregorian.hpp"
#include "inp/datetime.hpp"

namespace sf::network {
namespace {

constexpr double kFlowTolerance = 0.00001 * 0.3048 * 0.3048 * 0.3048;  // SWMM FLOW_TOL (cfs)

}  // namespace

Forcing::Forcing(const inp::Model& model) : m_(model) {
  const inp::DateTime& s = model.options.start;
  start_day_ = static_cast<double>(inp::day_number(s)) + s.seconds_of_day / 86400.0;
  if (!model.subcatchments.empty()) runoff_ = std::make_unique<runoff::RunoffModel>(model);
}

Calendar Forcing::calendar(double t) const {
  Calendar c;
  c.day_number = start_day_ + t / 86400.0;
  const double whole = std::floor(c.day_number + 1e-9);
  c.seconds_of_day = (c.day_number - whole) * 86400.0;
  if (c.seconds_of_day < 0.0) c.seconds_of_day = 0.0;
  const long long days = static_cast<long long>(whole);
  const gregorian::CivilDate date = gregorian::civil_from_days(days - 25569);  // 1970 is day 25569
  c.year = static_cast<int>(date.year);
  c.month = date.month;
  c.day = date.day;
  c.day_of_week = static_cast<int>((days + 6) % 7) + 1;  // 1899-12-30 was a Saturday
  c.day_of_year = inp::day_of_year(inp::Date{c.year, c.month, c.day});
  return c;
}

double Forcing::series_value(int k, double t, bool extend) const {
  const inp::TimeSeries& ts = m_.timeseries[k];
  const auto& x = ts.t_s;
  const auto& y = ts.value;
  if (x.empty()) return 0.0;
  if (t < x.front()) return extend ? y.front() : 0.0;
  // the first point from the second on with t <= x[i]: the reader refuses times that do not
  // increase, so a binary search finds the point a scan from the start would, in log time
  const auto it = std::lower_bound(x.begin() + 1, x.end(), t);
  if (it != x.end()) {
    const size_t i = static_cast<size_t>(it - x.begin());
    const double dx = x[i] - x[i - 1];
    return dx > 0.0 ? y[i - 1] + (t - x[i - 1]) / dx * (y[i] - y[i - 1]) : y[i];
  }
  if (t == x.back()) return y.back();
  return extend ? y.back() : 0.0;
}

double Forcing::pattern_factor(int p, const Calendar& c) const {
  const inp::Pattern& pat = m_.patterns[p];
  const int hour = static_cast<int>(c.seconds_of_day / 3600.0);
  auto at = [&](int i) {
    return i >= 0 && i < static_cast<int>(pat.factors.size()) ? pat.factors[i] : 1.0;
  };
  switch (pat.type) {
    case inp::PatternType::Monthly:
      return at(c.month - 1);
    case inp::PatternType::Daily:
      return at(c.day_of_week - 1);
    case inp::PatternType::Hourly:
      return at(hour);
    case inp::PatternType::Weekend:
      return (c.day_of_week == 1 || c.day_of_week == 7) ? at(hour) : 1.0;
  }
  return 1.0;
}

double Forcing::dwf_factor(const inp::DryWeatherInflow& d, const Calendar& c) const {
  int by_type[4] = {-1, -1, -1, -1};
  for (int p : d.patterns)
    if (p >= 0) by_type[static_cast<int>(m_.patterns[p].type)] = p;
  double f = 1.0;
  if (by_type[0] >= 0) f *= pattern_factor(by_type[0], c);
  if (by_type[1] >= 0) f *= pattern_factor(by_type[1], c);
  const int hourly = by_type[2], weekend = by_type[3];
  const bool is_weekend = c.day_of_week == 1 || c.day_of_week == 7;
  if (weekend >= 0) {
    if (is_weekend)
      f *= pattern_factor(weekend, c);
    else if (hourly >= 0)
      f *= pattern_factor(hourly, c);
  } else if (hourly >= 0) {
    f *= pattern_factor(hourly, c);
  }
  return f;
}

void Forcing::lateral_inflows(double t, std::vector<double>& q, double* external, double* dwf,
                              double* withdrawn) const {
  q.assign(m_.nodes.size(), 0.0);
  *external = *dwf = *withdrawn = 0.0;
  const Calendar c = calendar(t);
  std::vector<double> ext(m_.nodes.size(), 0.0);
  std::vector<bool> has_ext(m_.nodes.size(), false);
  for (const inp::ExternalInflow& in : m_.inflows) {
    if (in.kind != inp::InflowKind::Flow) continue;
    double base = in.baseline;
    if (in.baseline_pattern >= 0) base *= pattern_factor(in.baseline_pattern, c);
    const double ts = in.series >= 0 ? series_value(in.series, t, false) * in.scale : 0.0;
    ext[in.node] += ts + base;
    has_ext[in.node] = true;
  }
  for (size_t i = 0; i < ext.size(); ++i) {
    if (!has_ext[i]) continue;
    double v = ext[i];
    if (std::fabs(v) < kFlowTolerance) v = 0.0;
    q[i] += v;
    if (v >= 0.0)
      *external += v;
    else
      *withdrawn -= v;
  }
  for (const inp::DryWeatherInflow& d : m_.dry_weather_inflows) {
    if (d.constituent != "FLOW" && d.constituent != "flow") continue;
    double v = d.average * dwf_factor(d, c);
    if (std::fabs(v) < kFlowTolerance) v = 0.0;
    q[d.node] += v;
    *dwf += v;
  }
  if (runoff_) {
    runoff_->advance_past(t);
    *external += runoff_->add_node_inflows(t, q);
  }
}

void Forcing::outfall_stages(double t, const NetworkData& net, std::vector<double>& stage) const {
  stage.assign(net.node_count(), 0.0);
  for (size_t k = 0; k < net.outfall.size(); ++k) {
    const OutfallSpec& o = net.outfall[k];
    const int i = net.outfall_node[k];
    double s = net.node_invert[i];
    switch (o.kind) {
      case pipe::OutfallKind::Fixed:
        s = o.fixed_stage;
        break;
      case pipe::OutfallKind::Tidal: {
        // SWMM reads the tide curve at the first hour of the curve plus the elapsed hour
        // of the (simulation) day
        const pipe::CurveView cv = net.curve_view(o.tidal_curve);
        const double days = t / 86400.0;
        const double x = (cv.n > 0 ? cv.x[0] : 0.0) + (days - std::floor(days)) * 86400.0;
        s = pipe::curve_lookup(cv, x);
        break;
      }
      case pipe::OutfallKind::TimeSeries:
        s = series_value(o.stage_series, t, true);
        break;
      default:
        break;
    }
    stage[i] = s;
  }
}

}  // namespace sf::network
