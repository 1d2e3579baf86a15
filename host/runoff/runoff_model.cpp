#include "runoff/runoff_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "common/gregorian.hpp"
#include "inp/datetime.hpp"

namespace sf::runoff {
namespace {

constexpr double kNever = std::numeric_limits<double>::max();

/// Calendar month (1..12) and start of the next month [s since start] at time t.
void month_at(const inp::DateTime& start, double t, int* month, double* next_month_s) {
  inp::Date d{start.year, start.month, start.day};
  double day_start = -static_cast<double>(start.seconds_of_day);  // s of d's midnight
  // walk whole months forward: cheap (runs are months, not centuries, long)
  double month_start = day_start - (d.day - 1) * 86400.0;
  for (;;) {
    const double next = month_start + gregorian::days_in_month(d.year, d.month) * 86400.0;
    if (t < next) {
      *month = d.month;
      *next_month_s = next;
      return;
    }
    month_start = next;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
}

PerviousSoil<double> soil_of(const inp::InfiltrationSpec& f) {
  PerviousSoil<double> p;
  // SWMM: drying time (days) to 98 % recovery on an exponential curve; 0 means immediate.
  const double dry = f.dry_time_s > 0.0 ? f.dry_time_s : 1e-6;
  switch (f.model) {
    case inp::InfiltrationModel::Horton:
      p.model = PerviousModel::kHorton;
      p.horton = {f.f0, f.fmin, f.decay, -std::log(0.02) / dry,
                  f.max_volume > 0.0 ? f.max_volume : kNever};
      break;
    case inp::InfiltrationModel::ModifiedHorton:
      p.model = PerviousModel::kModifiedHorton;
      p.modified_horton = {f.f0, f.fmin, f.decay, -std::log(0.02) / dry, f.max_volume};
      break;
    case inp::InfiltrationModel::GreenAmpt:
    case inp::InfiltrationModel::ModifiedGreenAmpt:
      p.model = PerviousModel::kGreenAmpt;
      p.green_ampt = {f.ksat, f.suction, f.imd_max,
                      f.model == inp::InfiltrationModel::ModifiedGreenAmpt};
      break;
    case inp::InfiltrationModel::CurveNumber:
      p.model = PerviousModel::kCurveNumber;
      // S = 1000/CN - 10 inches (NEH-4), Ia = 0.2 S, recovery 1 / drying time
      p.curve_number = {(1000.0 / f.curve_number - 10.0) * 0.0254, 0.2, 1.0 / dry};
      break;
  }
  return p;
}

}  // namespace

std::vector<std::pair<std::string, double>> RunoffTotals::summary_rows() const {
  return {{"total_precipitation_m3", rainfall},
          {"evaporation_loss_m3", evaporation},
          {"infiltration_loss_m3", infiltration},
          {"surface_runoff_m3", runoff},
          {"lid_drainage_m3", lid_drainage},
          {"initial_storage_m3", initial_storage},
          {"final_storage_m3", final_storage},
          {"subcatchment_area_m2", area},
          {"continuity_error_pct", continuity_error_pct()}};
}

double RunoffTotals::continuity_error_pct() const {
  const double in = rainfall + initial_storage;
  if (in <= 0.0) return 0.0;
  return 100.0 * (in - evaporation - infiltration - runoff - lid_drainage - final_storage) / in;
}

RunoffModel::RunoffModel(const inp::Model& model) : m_(model) {
  const inp::Options& o = model.options;
  duration_ = static_cast<double>(o.swmm_duration_s > 0 ? o.swmm_duration_s : o.duration_s);
  wet_step_ = o.wet_step_s;
  dry_step_ = o.dry_step_s;
  for (const auto& g : model.gages) gages_.emplace_back(model, g);
  gage_rain_.assign(gages_.size(), 0.0);
  for (size_t j = 0; j < model.subcatchments.size(); ++j) {
    const inp::Subcatchment& in = model.subcatchments[j];
    Sub s;
    s.gage = in.gage;
    s.node = in.outlet_node;
    s.outlet_sub = in.outlet_subcatchment;
    s.area = in.area;
    s.non_lid_area = in.area;
    LidGroup lids(model, static_cast<int>(j));
    if (!lids.empty()) {
      s.lid = static_cast<int>(lids_.size());
      s.non_lid_area = in.area - lids.area();
      totals_.initial_storage += lids.stored();
      has_wet_lids_ = has_wet_lids_ || lids.wet_at_start();
      lids_.push_back(std::move(lids));
    }
    s.frac_imperv = in.frac_imperv;
    s.frac_area[kImperv0] = in.frac_imperv * in.frac_zero;
    s.frac_area[kImperv1] = in.frac_imperv * (1.0 - in.frac_zero);
    s.frac_area[kPerv] = 1.0 - in.frac_imperv;
    // RouteTo (SWMM subcatch_readSubareaParams): only when both kinds of area exist.
    const bool mixed = in.frac_imperv > 0.0 && in.frac_imperv < 1.0;
    if (mixed && in.route_to == inp::SubareaRouting::Impervious) {
      s.to_other[kPerv] = true;
      s.f_outlet[kPerv] = 1.0 - in.frac_routed;
    } else if (mixed && in.route_to == inp::SubareaRouting::Pervious) {
      s.to_other[kImperv0] = s.to_other[kImperv1] = true;
      s.f_outlet[kImperv0] = s.f_outlet[kImperv1] = 1.0 - in.frac_routed;
    }
    // alpha uses the whole impervious (or pervious) non-LID area for both impervious subareas
    const double a_imp = in.frac_imperv * s.non_lid_area;
    const double a_perv = (1.0 - in.frac_imperv) * s.non_lid_area;
    s.params[kImperv0] = {overland_alpha(in.width, a_imp, in.slope, in.n_imperv), in.n_imperv, 0.0};
    s.params[kImperv1] = {overland_alpha(in.width, a_imp, in.slope, in.n_imperv), in.n_imperv,
                          in.s_imperv};
    s.params[kPerv] = {overland_alpha(in.width, a_perv, in.slope, in.n_perv), in.n_perv, in.s_perv};
    s.soil = soil_of(in.infiltration);
    s.soil_state = pervious_initial_state(s.soil);
    totals_.area += in.area;
    sub_.push_back(s);
  }
}

double RunoffModel::evaporation_rate(double t) const {
  const inp::Evaporation& e = m_.evaporation;
  if (e.kind == inp::EvaporationKind::TimeSeries) {
    if (e.series < 0) return 0.0;
    const inp::TimeSeries& ts = m_.timeseries[e.series];
    double v = 0.0;
    for (size_t i = 0; i < ts.t_s.size() && ts.t_s[i] <= t; ++i) v = ts.raw[i];
    return std::max(v, 0.0) * e.rate_to_si;
  }
  int month = 1;
  double next = 0.0;
  month_at(m_.options.start, t, &month, &next);
  return e.monthly[month - 1];
}

double RunoffModel::next_evaporation_change(double t) const {
  const inp::Evaporation& e = m_.evaporation;
  if (e.kind == inp::EvaporationKind::Constant) return kNever;
  if (e.kind == inp::EvaporationKind::TimeSeries) {
    if (e.series < 0) return kNever;
    for (double x : m_.timeseries[e.series].t_s)
      if (x > t) return x;
    return kNever;
  }
  int month = 1;
  double next = 0.0;
  month_at(m_.options.start, t, &month, &next);
  return next;
}

/// SWMM runoff_getTimeStep: the wet step while it rains or water runs off, else the dry step,
/// never past the next change of rain or evaporation.
double RunoffModel::step_length(double t, bool raining) const {
  double max_step = dry_step_;
  const double te = next_evaporation_change(t) - t;
  if (te > 0.0 && te < max_step) max_step = te;
  for (const auto& g : gages_) {
    const double tr = g.next_change(t) - t;
    if (tr > 0.0 && tr < max_step) max_step = tr;
  }
  const double step = raining || has_runoff_ || has_wet_lids_ ? wet_step_ : dry_step_;
  return std::min(step, max_step);
}

void RunoffModel::advance_past(double t) {
  while (new_time_ <= t && new_time_ < duration_) step();
}

void RunoffModel::step() {
  const double now = new_time_;
  bool raining = false;
  for (size_t g = 0; g < gages_.size(); ++g) {
    gage_rain_[g] = m_.options.ignore_rainfall ? 0.0 : gages_[g].rain_at(now);
    raining = raining || gage_rain_[g] > 0.0;
  }
  const double evap = evaporation_rate(now);
  double dt = step_length(now, raining);
  old_time_ = now;
  new_time_ = now + dt;
  if (new_time_ > duration_) {
    dt = duration_ - old_time_;
    new_time_ = duration_;
  }
  for (auto& s : sub_) {
    s.old_runoff = s.new_runoff;
    s.inflow[0] = s.inflow[1] = s.inflow[2] = 0.0;
    if (s.lid >= 0) lids_[s.lid].begin_step();
  }
  // run-on from upstream subcatchments and their LID drains (last step's flows)
  for (size_t j = 0; j < sub_.size(); ++j) {
    const Sub& s = sub_[j];
    if (s.area <= 0.0) continue;
    const int k = s.outlet_sub;
    if (k >= 0 && k != static_cast<int>(j)) add_runon(k, s.old_runoff);
    if (s.lid >= 0)
      lids_[s.lid].for_each_drain_runon(static_cast<int>(j),
                                        [&](int to, double q) { add_runon(to, q); });
  }
  // run-on between the subareas of one subcatchment (last step's runoff)
  for (auto& s : sub_) {
    if (s.area <= 0.0) continue;
    if (s.frac_imperv < 1.0 && s.to_other[kImperv0]) {
      const double q =
          s.runoff[kImperv0] * s.frac_area[kImperv0] + s.runoff[kImperv1] * s.frac_area[kImperv1];
      s.inflow[kPerv] += q * (1.0 - s.f_outlet[kImperv0]) / s.frac_area[kPerv];
    }
    if (s.frac_imperv > 0.0 && s.to_other[kPerv] && s.frac_area[kImperv1] > 0.0)
      s.inflow[kImperv1] +=
          s.runoff[kPerv] * (1.0 - s.f_outlet[kPerv]) * s.frac_area[kPerv] / s.frac_area[kImperv1];
    // LID outflow returned to the pervious area
    const double perv_area = s.frac_area[kPerv] * s.non_lid_area;
    if (s.lid >= 0 && s.frac_imperv < 1.0 && perv_area > 0.0)
      s.inflow[kPerv] += lids_[s.lid].flow_to_perv() / perv_area;
  }
  has_runoff_ = false;
  has_wet_lids_ = false;
  for (auto& s : sub_) {
    if (s.area <= 0.0) continue;
    const double rain = s.gage >= 0 ? gage_rain_[s.gage] : 0.0;
    const double e = m_.evaporation.dry_only && rain > 0.0 ? 0.0 : evap;
    subcatchment_step(s, rain, e, dt);
    s.runon = 0.0;
  }
  ++steps_;
}

void RunoffModel::subcatchment_step(Sub& s, double rain, double evap, double dt) {
  double v_evap = 0.0, v_infil = 0.0, v_out = 0.0, total = 0.0;
  for (int i = kImperv0; i <= kPerv; ++i) {
    const double a = s.non_lid_area * s.frac_area[i];
    if (a == 0.0) {
      s.runoff[i] = 0.0;
      continue;
    }
    double infil = 0.0;
    if (i == kPerv)
      infil = pervious_infiltration_rate(s.soil_state, s.soil, rain, s.inflow[i], s.depth[i], dt);
    const SubareaRates<double> r =
        subarea_step(s.depth[i], rain + s.inflow[i], evap, infil, s.params[i], dt);
    s.runoff[i] = r.runoff;
    v_evap += r.evaporation * a * dt;
    v_infil += infil * a * dt;
    v_out += s.f_outlet[i] * r.runoff * a * dt;
    total += r.runoff * a;
  }
  if (s.lid >= 0) {
    const LidStepVolumes l = lid_step(s, rain, evap, v_infil, dt);
    v_evap += l.evaporation;
    v_infil += l.infiltration;
    v_out += l.surface_out - l.treated;  // treated runoff leaves through the LID units
    totals_.lid_drainage += l.drain_to_nodes;
    has_wet_lids_ = has_wet_lids_ || l.wet;
  }
  s.new_runoff = v_out / dt;
  if (total > 0.0) has_runoff_ = true;
  totals_.rainfall += rain * dt * s.area;
  totals_.evaporation += v_evap;
  totals_.infiltration += v_infil;
  // runoff sent to another subcatchment stays inside the runoff system
  if (s.node >= 0) totals_.runoff += v_out;
}

/// SWMM lid_getRunoff: the LID units of s take rain, a share of the runoff just computed on the
/// non-LID area, and report their volumes.
LidStepVolumes RunoffModel::lid_step(Sub& s, double rain, double evap, double v_infil, double dt) {
  LidGroup& g = lids_[s.lid];
  LidStepInput in;
  const double a = s.non_lid_area;
  in.has_non_lid_area = a > 0.0;
  if (in.has_non_lid_area) {
    in.q_imperv =
        (s.runoff[kImperv0] * s.frac_area[kImperv0] + s.runoff[kImperv1] * s.frac_area[kImperv1]) *
        s.f_outlet[kImperv0] * a;
    in.q_perv = s.runoff[kPerv] * s.frac_area[kPerv] * s.f_outlet[kPerv] * a;
  }
  // the native soil's rate: the non-LID area's mean, or the pervious soil under the LID water
  if (in.has_non_lid_area && s.frac_imperv < 1.0)
    in.native_infil = v_infil / a / dt;
  else
    in.native_infil =
        pervious_infiltration_rate(s.soil_state, s.soil, rain, s.runon, g.surface_depth(), dt);
  in.rain = rain;
  in.runon = s.runon;
  in.evap = evap;
  in.dt = dt;
  return g.step(in, s.node, s.outlet_sub);
}

void RunoffModel::add_runon(int k, double q) {
  Sub& r = sub_[k];
  if (r.area <= 0.0) return;
  // spread over the receiving non-LID area (SWMM subcatch_addRunonFlow)
  q /= r.non_lid_area > 0.0 ? r.non_lid_area : r.area;
  r.runon += q;
  for (double& in : r.inflow) in += q;
}

double RunoffModel::add_node_inflows(double t, std::vector<double>& q) const {
  if (sub_.empty() || new_time_ <= old_time_) return 0.0;
  const double f = std::clamp((t - old_time_) / (new_time_ - old_time_), 0.0, 1.0);
  double sum = 0.0;
  for (const Sub& s : sub_) {
    if (s.node < 0 || s.area == 0.0) continue;
    const double v = (1.0 - f) * s.old_runoff + f * s.new_runoff;
    q[s.node] += v;
    sum += v;
  }
  for (const Sub& s : sub_)
    if (s.lid >= 0 && s.area > 0.0) sum += lids_[s.lid].add_drain_inflows(f, q);
  return sum;
}

double RunoffModel::storage() const {
  double v = 0.0;
  for (const Sub& s : sub_)
    for (int i = kImperv0; i <= kPerv; ++i) v += s.depth[i] * s.frac_area[i] * s.non_lid_area;
  for (const LidGroup& g : lids_) v += g.stored();
  return v;
}

RunoffTotals RunoffModel::totals() const {
  RunoffTotals t = totals_;
  t.final_storage = storage();
  return t;
}

namespace {

// The infiltration state of a subcatchment is a plain struct of doubles: saved as they are.
using SoilState = PerviousSoilState<double>;
constexpr std::size_t kSoilValues = sizeof(SoilState) / sizeof(double);
static_assert(std::is_trivially_copyable_v<SoilState> && sizeof(SoilState) % sizeof(double) == 0);
// per subcatchment: depth, inflow and runoff of the three subareas, run-on, old and new outflow
constexpr std::size_t kSubValues = 12;

}  // namespace

void RunoffModel::save_state(StateRecord& record) const {
  std::vector<double> sub, soil(kSoilValues * sub_.size()), gages;
  for (std::size_t j = 0; j < sub_.size(); ++j) {
    const Sub& s = sub_[j];
    for (int a = 0; a < 3; ++a) sub.insert(sub.end(), {s.depth[a], s.inflow[a], s.runoff[a]});
    sub.insert(sub.end(), {s.runon, s.old_runoff, s.new_runoff});
    std::memcpy(soil.data() + j * kSoilValues, &s.soil_state, sizeof(SoilState));
  }
  for (const GageRecord& g : gages_) {
    const std::vector<double> p = g.position();
    gages.insert(gages.end(), p.begin(), p.end());
  }
  record.put("runoff_subcatchments", std::move(sub));
  record.put("runoff_soil", std::move(soil));
  record.put("runoff_gages", std::move(gages));
  record.put("runoff_gage_rain", gage_rain_);
  const RunoffTotals& t = totals_;
  record.put("runoff_clock",
             std::vector<double>{old_time_, new_time_, has_runoff_ ? 1.0 : 0.0, double(steps_),
                                 t.rainfall, t.evaporation, t.infiltration, t.runoff,
                                 t.initial_storage, t.final_storage, t.area});
  // LID units: one state per group, end to end (each group's length is fixed by the model), and
  // what the runoff clock and the continuity table carry of them between steps.
  std::vector<double> lid;
  for (const LidGroup& g : lids_) {
    const std::vector<double> v = g.state();
    lid.insert(lid.end(), v.begin(), v.end());
  }
  record.put("runoff_lid", std::move(lid));
  record.put("runoff_lid_totals", std::vector<double>{has_wet_lids_ ? 1.0 : 0.0, t.lid_drainage});
}

void RunoffModel::load_state(const StateRecord& record) {
  const std::size_t n = sub_.size();
  const std::vector<double> sub = record.get<double>("runoff_subcatchments", kSubValues * n);
  const std::vector<double> soil = record.get<double>("runoff_soil", kSoilValues * n);
  const std::vector<double> gages = record.get<double>("runoff_gages", 5 * gages_.size());
  gage_rain_ = record.get<double>("runoff_gage_rain", gages_.size());
  const std::vector<double> c = record.get<double>("runoff_clock", 11);
  std::size_t lid_values = 0;
  for (const LidGroup& g : lids_) lid_values += g.state().size();
  const std::vector<double> lid = record.get<double>("runoff_lid", lid_values);
  const std::vector<double> lid_totals = record.get<double>("runoff_lid_totals", 2);
  for (std::size_t j = 0; j < n; ++j) {
    Sub& s = sub_[j];
    const double* v = sub.data() + j * kSubValues;
    for (int a = 0; a < 3; ++a) {
      s.depth[a] = v[3 * a];
      s.inflow[a] = v[3 * a + 1];
      s.runoff[a] = v[3 * a + 2];
    }
    s.runon = v[9];
    s.old_runoff = v[10];
    s.new_runoff = v[11];
    std::memcpy(static_cast<void*>(&s.soil_state), soil.data() + j * kSoilValues,
                sizeof(SoilState));
  }
  for (std::size_t g = 0; g < gages_.size(); ++g)
    gages_[g].set_position(std::vector<double>(gages.begin() + std::ptrdiff_t(5 * g),
                                               gages.begin() + std::ptrdiff_t(5 * g + 5)));
  old_time_ = c[0];
  new_time_ = c[1];
  has_runoff_ = c[2] != 0.0;
  steps_ = int(c[3]);
  totals_.rainfall = c[4];
  totals_.evaporation = c[5];
  totals_.infiltration = c[6];
  totals_.runoff = c[7];
  totals_.initial_storage = c[8];
  totals_.final_storage = c[9];
  totals_.area = c[10];
  std::size_t at = 0;
  for (LidGroup& g : lids_) {
    const std::size_t count = g.state().size();
    g.set_state(std::vector<double>(lid.begin() + std::ptrdiff_t(at),
                                    lid.begin() + std::ptrdiff_t(at + count)));
    at += count;
  }
  has_wet_lids_ = lid_totals[0] != 0.0;
  totals_.lid_drainage = lid_totals[1];
}

}  // namespace sf::runoff
