#include "forecast/network_alerts.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sf::forecast {
namespace {

Exceedance envelope(const Exceedance& a, const Exceedance& b) {
  Exceedance e;
  if (a.happened() && b.happened())
    e.first_s = std::min(a.first_s, b.first_s);
  else
    e.first_s = a.happened() ? a.first_s : b.first_s;
  e.duration_s = std::max(a.duration_s, b.duration_s);
  return e;
}

void check_members(const std::vector<NetworkAlertTracker>& members) {
  if (members.empty()) throw std::invalid_argument("network alerts: no member runs");
  for (const NetworkAlertTracker& m : members)
    if (m.stations().size() != members[0].stations().size() ||
        m.outfalls().size() != members[0].outfalls().size())
      throw std::invalid_argument("network alerts: the members' networks differ");
}

}  // namespace

NetworkAlertTracker::NetworkAlertTracker(std::vector<StationSpec> stations,
                                         std::vector<OutfallSpec> outfalls, double t_start)
    : station_specs_(std::move(stations)),
      outfall_specs_(std::move(outfalls)),
      stations_(station_specs_.size()),
      outfalls_(outfall_specs_.size()),
      t_last_(t_start) {
  for (std::size_t k = 0; k < outfalls_.size(); ++k)
    outfalls_[k].max_hgl_m = outfall_specs_[k].invert_m;
}

void NetworkAlertTracker::observe(double t, const NetworkSample& s) {
  if (s.station_depth.size() != stations_.size() || s.pump_flow.size() != stations_.size() ||
      s.outfall_depth.size() != outfalls_.size() || s.outfall_flow.size() != outfalls_.size())
    throw std::invalid_argument(
        "network alerts: a sample does not match the stations and outfalls");
  const double span = std::max(0.0, t - t_last_);
  t_last_ = t;
  for (std::size_t k = 0; k < stations_.size(); ++k) {
    const StationSpec& p = station_specs_[k];
    StationAlert& a = stations_[k];
    const double d = s.station_depth[k];
    a.surcharge.observe(d >= p.full_depth_m - kDepthTolerance, t, span);
    a.flooding.observe(d >= p.flood_depth_m - kDepthTolerance, t, span);
    // The curve's largest flow to a relative 1e-6: the pump cannot deliver more.
    a.at_curve_max.observe(
        p.curve_max_flow_m3s > 0 && std::abs(s.pump_flow[k]) >= p.curve_max_flow_m3s * (1 - 1e-6),
        t, span);
    a.max_depth_m = std::max(a.max_depth_m, d);
  }
  for (std::size_t k = 0; k < outfalls_.size(); ++k) {
    const OutfallSpec& o = outfall_specs_[k];
    OutfallAlert& a = outfalls_[k];
    const double hgl = o.invert_m + s.outfall_depth[k];
    a.surcharge.observe(o.has_conduit && hgl >= o.crown_m - kDepthTolerance, t, span);
    a.max_hgl_m = std::max(a.max_hgl_m, hgl);
    a.peak_outflow_m3s = std::max(a.peak_outflow_m3s, s.outfall_flow[k]);
  }
}

std::vector<StationOutlook> station_outlook(const std::vector<NetworkAlertTracker>& members) {
  check_members(members);
  const double share = 1.0 / double(members.size());
  std::vector<StationOutlook> out(members[0].stations().size());
  for (const NetworkAlertTracker& m : members)
    for (std::size_t k = 0; k < out.size(); ++k) {
      const StationAlert& a = m.stations()[k];
      StationOutlook& o = out[k];
      o.p_surcharge += a.surcharge.happened() ? share : 0.0;
      o.p_flooding += a.flooding.happened() ? share : 0.0;
      o.p_at_curve_max += a.at_curve_max.happened() ? share : 0.0;
      o.envelope.surcharge = envelope(o.envelope.surcharge, a.surcharge);
      o.envelope.flooding = envelope(o.envelope.flooding, a.flooding);
      o.envelope.at_curve_max = envelope(o.envelope.at_curve_max, a.at_curve_max);
      o.envelope.max_depth_m = std::max(o.envelope.max_depth_m, a.max_depth_m);
    }
  return out;
}

std::vector<OutfallOutlook> outfall_outlook(const std::vector<NetworkAlertTracker>& members) {
  check_members(members);
  const double share = 1.0 / double(members.size());
  std::vector<OutfallOutlook> out(members[0].outfalls().size());
  for (std::size_t k = 0; k < out.size(); ++k)
    out[k].envelope.max_hgl_m = members[0].outfalls()[k].max_hgl_m;
  for (const NetworkAlertTracker& m : members)
    for (std::size_t k = 0; k < out.size(); ++k) {
      const OutfallAlert& a = m.outfalls()[k];
      OutfallOutlook& o = out[k];
      o.p_surcharge += a.surcharge.happened() ? share : 0.0;
      o.envelope.surcharge = envelope(o.envelope.surcharge, a.surcharge);
      o.envelope.max_hgl_m = std::max(o.envelope.max_hgl_m, a.max_hgl_m);
      o.envelope.peak_outflow_m3s = std::max(o.envelope.peak_outflow_m3s, a.peak_outflow_m3s);
    }
  return out;
}

}  // namespace sf::forecast
