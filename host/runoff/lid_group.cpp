#include "runoff/lid_group.hpp"

#include <stdexcept>
#include <string>

namespace sf::runoff {
namespace {

constexpr double kMinRunoff = 2.31481e-8 * 0.3048;  // SWMM MIN_RUNOFF, 0.001 in/hr [m/s]
constexpr double kMinFlow = 2.3e-8 * 0.3048;        // SWMM lidproc MINFLOW [m/s]
constexpr double kUnbounded = 1e30;
constexpr std::size_t kUnitValues = 20;  // see LidGroup::state

pipe::CurveView curve_view(const inp::Model& model, int curve) {
  if (curve < 0) return {};
  const inp::Curve& c = model.curves[curve];
  return {c.x.data(), c.y.data(), static_cast<int>(c.x.size())};
}

/// A swale on a Green-Ampt subcatchment infiltrates by the subcatchment's parameters (SWMM
/// lid.c validateLidGroup, always as modified Green-Ampt in lidproc.c); ks = 0 otherwise.
soil::GreenAmptParams<double> swale_soil(const inp::Model& model, int sub,
                                         const LidProcess<double>& p) {
  const inp::InfiltrationSpec& f = model.subcatchments[sub].infiltration;
  const bool green_ampt = f.model == inp::InfiltrationModel::GreenAmpt ||
                          f.model == inp::InfiltrationModel::ModifiedGreenAmpt;
  if (p.type != LidType::kVegetativeSwale || !green_ampt) return {};
  return {f.ksat, f.suction, f.imd_max, true};
}

}  // namespace

LidGroup::LidGroup(const inp::Model& model, int sub) {
  const double dry_time = model.options.dry_days * 86400.0;
  for (const inp::LidUsage& u : model.lid_usages) {
    if (u.subcatchment != sub) continue;
    Unit unit;
    unit.process = &model.lid_controls[u.control].process;
    unit.state = lid_unit_initial_state(*unit.process, u.init_sat, dry_time);
    unit.drain_curve = curve_view(model, unit.process->drain.curve);
    unit.swale_soil = swale_soil(model, sub, *unit.process);
    if (unit.swale_soil.ks > 0.0)
      unit.state.infil = soil::green_ampt_initial_state(unit.swale_soil);
    unit.area = u.area;
    unit.width = u.width;
    unit.total_area = u.area * u.number;
    unit.from_imperv = u.from_imperv;
    unit.from_perv = u.from_perv;
    unit.to_perv = u.to_perv;
    unit.drain_node = u.drain_node;
    unit.drain_sub = u.drain_subcatchment;
    area_ += unit.total_area;
    units_.push_back(unit);
  }
  const double sub_area = model.subcatchments[sub].area;
  if (area_ > 0.999 * sub_area) area_ = sub_area;  // SWMM validateLidGroup
}

double LidGroup::stored() const {
  double v = 0.0;
  for (const Unit& u : units_)
    v += lid_unit_stored(*u.process, u.state, u.area, u.width) * u.total_area;
  return v;
}

bool LidGroup::wet_at_start() const {
  for (const Unit& u : units_)
    if (u.state.init_sat > 0.0) return true;
  return false;
}

double LidGroup::surface_depth() const {
  if (area_ <= 0.0) return 0.0;
  double v = 0.0;
  for (const Unit& u : units_) v += u.state.surface * u.process->surface.void_frac * u.total_area;
  return v / area_;
}

double LidGroup::drain_flow() const {
  double q = 0.0;
  for (const Unit& u : units_) q += u.new_drain;
  return q;
}

void LidGroup::begin_step() {
  for (Unit& u : units_) {
    u.old_drain = u.new_drain;
    u.new_drain = 0.0;
  }
}

LidStepVolumes LidGroup::step(const LidStepInput& in, int outlet_node, int outlet_sub) {
  LidStepVolumes v;
  double q_return = 0.0;
  for (Unit& u : units_) {
    const double a = u.total_area;
    if (a <= 0.0) continue;
    const double treated = (in.q_imperv * u.from_imperv + in.q_perv * u.from_perv) / a;
    v.treated += treated * a * in.dt;
    const bool covered = u.process->type == LidType::kRainBarrel && u.process->storage.covered;
    double inflow = treated + (covered ? 0.0 : in.rain);
    if (!in.has_non_lid_area) inflow += in.runon;
    const LidUnitRates<double> r =
        lid_unit_step(u.state, *u.process, u.area, u.width, inflow, in.evap, in.native_infil,
                      kUnbounded, in.dt, u.drain_curve, u.swale_soil);
    double runoff = r.surface_outflow * a, drain = r.drain * a;
    if (u.to_perv && in.has_non_lid_area) {
      q_return += runoff;
      runoff = 0.0;
      if (u.drain_node == outlet_node && u.drain_sub == outlet_sub) {
        q_return += drain;
        drain = 0.0;
      }
    }
    if (u.drain_node >= 0) v.drain_to_nodes += drain * in.dt;
    u.new_drain = drain;
    u.state.drain_flowed = drain > 0.0;
    v.evaporation += r.evaporation * a * in.dt;
    v.infiltration += r.exfiltration * a * in.dt;
    u.state.dry_time = in.rain > kMinRunoff ? 0.0 : u.state.dry_time + in.dt;
    v.surface_out += runoff * in.dt;
    if (inflow >= kMinFlow || r.surface_outflow >= kMinFlow || r.drain >= kMinFlow ||
        r.exfiltration >= kMinFlow || r.evaporation >= kMinFlow)
      v.wet = true;
  }
  flow_to_perv_ = q_return;
  return v;
}

std::vector<double> LidGroup::state() const {
  std::vector<double> v;
  v.reserve(1 + kUnitValues * units_.size());
  v.push_back(flow_to_perv_);
  for (const Unit& u : units_) {
    const LidUnitState<double>& s = u.state;
    v.insert(v.end(), {s.surface,
                       s.pave,
                       s.soil,
                       s.storage,
                       s.dry_time,
                       s.drain_flowed ? 1.0 : 0.0,
                       s.init_sat,
                       s.infil.imd,
                       s.infil.volume,
                       s.infil.upper_zone,
                       s.infil.time_to_new_event,
                       s.infil.saturated,
                       u.old_drain,
                       u.new_drain,
                       u.total_area,
                       u.area,
                       s.old_flux[0],
                       s.old_flux[1],
                       s.old_flux[2],
                       s.old_flux[3]});
  }
  return v;
}

void LidGroup::set_state(const std::vector<double>& v) {
  if (v.size() != 1 + kUnitValues * units_.size())
    throw std::invalid_argument("LID state has " + std::to_string(v.size()) + " values; expected " +
                                std::to_string(1 + kUnitValues * units_.size()) +
                                " for this model's LID units");
  flow_to_perv_ = v[0];
  for (std::size_t k = 0; k < units_.size(); ++k) {
    const double* x = v.data() + 1 + kUnitValues * k;
    Unit& u = units_[k];
    if (x[14] != u.total_area || x[15] != u.area)
      throw std::invalid_argument("LID state of unit " + std::to_string(k + 1) +
                                  " was saved for another unit size; expected the same model");
    LidUnitState<double>& s = u.state;
    s.surface = x[0];
    s.pave = x[1];
    s.soil = x[2];
    s.storage = x[3];
    s.dry_time = x[4];
    s.drain_flowed = x[5] != 0.0;
    s.init_sat = x[6];
    s.infil = {x[7], x[8], x[9], x[10], x[11]};
    u.old_drain = x[12];
    u.new_drain = x[13];
    for (int i = 0; i < 4; ++i) s.old_flux[i] = x[16 + i];
  }
}

double LidGroup::add_drain_inflows(double f, std::vector<double>& q) const {
  double sum = 0.0;
  for (const Unit& u : units_) {
    if (u.drain_node < 0) continue;
    const double x = (1.0 - f) * u.old_drain + f * u.new_drain;
    q[u.drain_node] += x;
    sum += x;
  }
  return sum;
}

}  // namespace sf::runoff
