// Lateral inflows (external time series, baselines with patterns, dry-weather flow with
// monthly/daily/hourly/weekend patterns) and outfall stages, evaluated on the host at a time
// given in seconds since the simulation start, as SWMM's routing.c and inflow.c do.
#pragma once

#include <memory>
#include <vector>

#include "inp/model.hpp"
#include "network/network_data.hpp"
#include "runoff/runoff_model.hpp"

namespace sf::network {

/// Calendar position of a time, for patterns and control rules.
struct Calendar {
  int year = 0, month = 1, day = 1;  // month 1..12
  int day_of_week = 1;               // 1 = Sunday .. 7 = Saturday
  int day_of_year = 1;
  double seconds_of_day = 0.0;
  double day_number = 0.0;  // days since 1899-12-30 (SWMM DateTime), with fraction
};

class Forcing {
 public:
  explicit Forcing(const inp::Model& model);
  explicit Forcing(inp::Model&&) = delete;  // keeps a reference: a temporary would dangle

  Calendar calendar(double t) const;

  /// Lateral inflow of every node at time t [m³/s]; totals of positive external and
  /// dry-weather inflow, and of negative inflows (withdrawals), are returned for the ledger.
  /// Subcatchment runoff (host/runoff) is included and booked as external inflow; its runoff
  /// clock is advanced past t first, as SWMM runs runoff ahead of routing.
  void lateral_inflows(double t, std::vector<double>& q, double* external, double* dwf,
                       double* withdrawn) const;

  /// Lateral pollutant mass inflow of every node at time t (node-major, node x pollutant, in
  /// concentration units x m³/s), as SWMM 5.2 adds it (routing.c): [INFLOWS] CONCEN lines times
  /// the node's external FLOW inflow, MASS lines times Mfactor; dry-weather flow times Cdwf or
  /// its [DWF] concentration. Per pollutant totals of the dry-weather and external parts go to
  /// dwf and external (resized to the pollutant count).
  void lateral_loads(double t, std::vector<double>& w, std::vector<double>& dwf,
                     std::vector<double>& external) const;
  /// Stage elevation of every outfall node at time t (0 for other nodes) [m].
  void outfall_stages(double t, const NetworkData& net, std::vector<double>& stage) const;

  /// The subcatchments' runoff process; null when the model has no subcatchments.
  const runoff::RunoffModel* runoff() const { return runoff_.get(); }
  /// The same, to be restored from a checkpoint (NetworkEngine::load_state).
  runoff::RunoffModel* runoff() { return runoff_.get(); }

  /// Value of time series k at t; outside its range: 0, or the end values when extend.
  double series_value(int k, double t, bool extend) const;

 private:
  double pattern_factor(int p, const Calendar& c) const;
  double dwf_factor(const inp::DryWeatherInflow& d, const Calendar& c) const;
  /// Time series x scale + baseline x pattern of an [INFLOWS] line at t.
  double inflow_value(const inp::ExternalInflow& in, const Calendar& c, double t) const;
  /// External FLOW inflow per node (0 below SWMM's flow tolerance); has marks nodes with one.
  void external_flows(double t, const Calendar& c, std::vector<double>& q,
                      std::vector<char>& has) const;
  /// Dry-weather FLOW inflow per node (0 below SWMM's flow tolerance).
  void dry_weather_flows(const Calendar& c, std::vector<double>& q) const;
  const inp::Model& m_;
  double start_day_ = 0.0;  // SWMM day number of the start (with fraction)
  // Runoff is stateful but a pure function of time for routing: lateral_inflows() (const)
  // advances it, hence the owning pointer.
  std::unique_ptr<runoff::RunoffModel> runoff_;
  // per time series, the point series_value() found last: where its search starts (a hint
  // only; the point found is the same without it)
  mutable std::vector<size_t> series_hint_;
  // lateral_inflows' external flows per node, kept so that a step allocates nothing
  mutable std::vector<double> ext_scratch_;
  mutable std::vector<char> has_ext_scratch_;
  // dry_weather_flows' last result and its (month, day of week, hour), -1 before the first
  mutable long dwf_key_ = -1;
  mutable std::vector<double> dwf_flows_;
};

}  // namespace sf::network
