#include "network/forcing.hpp"

#include <algorithm>
#include <cmath>

#include "common/gregorian.hpp"
#include "inp/datetime.hpp"

namespace sf::network {
namespace {

constexpr double kFlowTolerance = 0.00001 * 0.3048 * 0.3048 * 0.3048;  // SWMM FLOW_TOL (cfs)

}  // namespace

Forcing::Forcing(const inp::Model& model) : m_(model), series_hint_(model.timeseries.size(), 1) {
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
  // increase, so a binary search finds the point a scan from the start would, in log time.
  // Routing asks at increasing times, so the point found last time, or the next one, is
  // usually it again: checked first, the same point either way.
  size_t& hint = series_hint_[static_cast<size_t>(k)];
  const auto found_at = [&](size_t i) {
    return i >= 1 && i < x.size() && t <= x[i] && (i == 1 || x[i - 1] < t);
  };
  auto it = x.end();
  if (found_at(hint))
    it = x.begin() + static_cast<std::ptrdiff_t>(hint);
  else if (found_at(hint + 1))
    it = x.begin() + static_cast<std::ptrdiff_t>(hint + 1);
  else
    it = std::lower_bound(x.begin() + 1, x.end(), t);
  if (it != x.end()) {
    const size_t i = static_cast<size_t>(it - x.begin());
    hint = i;
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

double Forcing::inflow_value(const inp::ExternalInflow& in, const Calendar& c, double t) const {
  double base = in.baseline;
  if (in.baseline_pattern >= 0) base *= pattern_factor(in.baseline_pattern, c);
  const double ts = in.series >= 0 ? series_value(in.series, t, false) * in.scale : 0.0;
  return ts + base;
}

void Forcing::external_flows(double t, const Calendar& c, std::vector<double>& q,
                             std::vector<char>& has) const {
  q.assign(m_.nodes.size(), 0.0);
  has.assign(m_.nodes.size(), 0);
  for (const inp::ExternalInflow& in : m_.inflows) {
    if (in.kind != inp::InflowKind::Flow) continue;
    q[in.node] += inflow_value(in, c, t);
    has[in.node] = 1;
  }
  for (double& v : q)
    if (std::fabs(v) < kFlowTolerance) v = 0.0;
}

void Forcing::dry_weather_flows(const Calendar& c, std::vector<double>& q) const {
  // the factors change only with the month, the day of the week and the hour: the flows of the
  // last call are reused while those stay the same
  const int hour = static_cast<int>(c.seconds_of_day / 3600.0);
  const long key = (long(c.month) * 8 + c.day_of_week) * 24 + hour;
  if (key == dwf_key_ && dwf_flows_.size() == m_.nodes.size()) {
    q.assign(dwf_flows_.begin(), dwf_flows_.end());
    return;
  }
  q.assign(m_.nodes.size(), 0.0);
  for (const inp::DryWeatherInflow& d : m_.dry_weather_inflows) {
    if (d.pollutant >= 0) continue;
    double v = d.average * dwf_factor(d, c);
    if (std::fabs(v) < kFlowTolerance) v = 0.0;
    q[d.node] += v;
  }
  dwf_key_ = key;
  dwf_flows_.assign(q.begin(), q.end());
}

void Forcing::lateral_inflows(double t, std::vector<double>& q, double* external, double* dwf,
                              double* withdrawn) const {
  *external = *dwf = *withdrawn = 0.0;
  const Calendar c = calendar(t);
  std::vector<double>& ext = ext_scratch_;
  std::vector<char>& has_ext = has_ext_scratch_;
  external_flows(t, c, ext, has_ext);
  dry_weather_flows(c, q);
  for (size_t i = 0; i < ext.size(); ++i) {
    *dwf += q[i];
    if (!has_ext[i]) continue;
    q[i] += ext[i];
    if (ext[i] >= 0.0)
      *external += ext[i];
    else
      *withdrawn -= ext[i];
  }
  if (runoff_) {
    runoff_->advance_past(t);
    *external += runoff_->add_node_inflows(t, q);
  }
}

void Forcing::lateral_loads(double t, std::vector<double>& w, std::vector<double>& dwf,
                            std::vector<double>& external) const {
  const size_t np = m_.pollutants.size();
  w.assign(m_.nodes.size() * np, 0.0);
  dwf.assign(np, 0.0);
  external.assign(np, 0.0);
  if (np == 0) return;
  const Calendar c = calendar(t);
  std::vector<double> q_ext, q_dwf;
  std::vector<char> has_ext;
  external_flows(t, c, q_ext, has_ext);
  dry_weather_flows(c, q_dwf);
  for (const inp::ExternalInflow& in : m_.inflows) {
    if (in.pollutant < 0 || q_ext[in.node] < 0.0) continue;  // withdrawals carry no load in
    double v = inflow_value(in, c, t);
    // CONCEN: times the node's external flow; MASS: mass units/s -> concentration x m³/s
    v *= in.kind == inp::InflowKind::Mass ? in.mfactor / 1000.0 : q_ext[in.node];
    w[in.node * np + in.pollutant] += v;
    external[in.pollutant] += v;
  }
  for (size_t i = 0; i < q_dwf.size(); ++i) {
    if (q_dwf[i] <= 0.0) continue;
    for (size_t p = 0; p < np; ++p) {
      const double v = q_dwf[i] * m_.pollutants[p].dwf_concen;
      w[i * np + p] += v;
      dwf[p] += v;
    }
  }
  for (const inp::DryWeatherInflow& d : m_.dry_weather_inflows) {
    if (d.pollutant < 0 || q_dwf[d.node] <= 0.0) continue;
    // a [DWF] concentration replaces the pollutant's default Cdwf at this node
    const double v =
        q_dwf[d.node] * (d.average * dwf_factor(d, c) - m_.pollutants[d.pollutant].dwf_concen);
    w[d.node * np + d.pollutant] += v;
    dwf[d.pollutant] += v;
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
