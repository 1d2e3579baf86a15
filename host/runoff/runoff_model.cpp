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

double RunoffTotals::continuity_error_pct() const {
  const double in = rainfall + initial_storage;
  if (in <= 0.0) return 0.0;
  return 100.0 * (in - evaporation - infiltration - runoff - final_storage) / in;
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
    // alpha uses the whole impervious (or pervious) area for both impervious subareas
    const double a_imp = in.frac_imperv * in.area, a_perv = (1.0 - in.frac_imperv) * in.area;
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
  const double step = raining || has_runoff_ ? wet_step_ : dry_step_;
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
  }
  // run-on from upstream subcatchments (their last outflow, spread over the receiving area)
  for (size_t j = 0; j < sub_.size(); ++j) {
    const Sub& s = sub_[j];
    const int k = s.outlet_sub;
    if (k < 0 || k == static_cast<int>(j) || sub_[k].area <= 0.0) continue;
    const double q = s.old_runoff / sub_[k].area;
    sub_[k].runon += q;
    for (double& in : sub_[k].inflow) in += q;
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
  }
  has_runoff_ = false;
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
    const double a = s.area * s.frac_area[i];
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
  s.new_runoff = v_out / dt;
  if (total > 0.0) has_runoff_ = true;
  totals_.rainfall += rain * dt * s.area;
  totals_.evaporation += v_evap;
  totals_.infiltration += v_infil;
  // runoff sent to another subcatchment stays inside the runoff system
  if (s.node >= 0) totals_.runoff += v_out;
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
  return sum;
}

double RunoffModel::storage() const {
  double v = 0.0;
  for (const Sub& s : sub_)
    for (int i = kImperv0; i <= kPerv; ++i) v += s.depth[i] * s.frac_area[i] * s.area;
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
}

void RunoffModel::load_state(const StateRecord& record) {
  const std::size_t n = sub_.size();
  const std::vector<double> sub = record.get<double>("runoff_subcatchments", kSubValues * n);
  const std::vector<double> soil = record.get<double>("runoff_soil", kSoilValues * n);
  const std::vector<double> gages = record.get<double>("runoff_gages", 5 * gages_.size());
  gage_rain_ = record.get<double>("runoff_gage_rain", gages_.size());
  const std::vector<double> c = record.get<double>("runoff_clock", 11);
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
}

}  // namespace sf::runoff
