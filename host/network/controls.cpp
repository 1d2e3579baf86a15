#include "network/controls.hpp"

#include <cmath>
#include <limits>

#include "inp/controls_expression.hpp"
#include "inp/rule_units.hpp"
#include "pipe/xsect.hpp"

namespace sf::network {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr double kDryDepth = 0.01 * inp::kMetresPerFoot;  // link_getVelocity: 0 at <= 0.01 ft
constexpr double kFudgeArea = 0.0001 * inp::kMetresPerFoot * inp::kMetresPerFoot;  // ft²

// SWMM's table_lookup: linear between points, the end values outside them.
double curve_lookup(const inp::Curve& c, double x) {
  if (c.x.empty()) return 0.0;
  if (x <= c.x[0]) return c.y[0];
  for (std::size_t k = 1; k < c.x.size(); ++k) {
    if (x > c.x[k]) continue;
    const double dx = c.x[k] - c.x[k - 1];
    if (std::fabs(dx) < 1e-6) return 0.5 * (c.y[k - 1] + c.y[k]);
    return c.y[k - 1] + (x - c.x[k - 1]) * (c.y[k] - c.y[k - 1]) / dx;
  }
  return c.y.back();
}

// SWMM's compareTimes for = and <>: equal when within half a time step.
bool within_half_step(double lhs, double rhs, double half) {
  return lhs >= rhs - half && lhs < rhs + half;
}

}  // namespace

RuleSet::RuleSet(const inp::Model& model, const Forcing& forcing)
    // SWMM starts every link's switch clock at the start DATE, midnight (link.c, link_init)
    : time_last_set_(model.links.size(), -forcing.calendar(0.0).seconds_of_day),
      units_(inp::unit_factors(model.options.flow_units)),
      m_(model),
      forcing_(forcing) {}

void RuleSet::note_switch(int link, double t) {
  if (link >= 0 && link < static_cast<int>(time_last_set_.size())) time_last_set_[link] = t;
}

double RuleSet::value_of(const inp::RuleVariable& v, const RuleInputs& in) const {
  using A = inp::RuleAttribute;
  using O = inp::RuleObject;
  if (v.object == O::Simulation) {
    switch (v.attribute) {
      case A::Time:
        return in.t;
      case A::ClockTime:
        return in.cal.seconds_of_day;
      case A::Date:
        return std::floor(in.cal.day_number);
      case A::Month:
        return in.cal.month;
      case A::Day:
        return in.cal.day_of_week;
      case A::DayOfYear:
        return in.cal.day_of_year;
      default:
        return kMissing;
    }
  }
  const int i = v.index;
  if (i < 0) return kMissing;  // GAGE premises are refused by the reader
  if (v.object == O::Node) {
    switch (v.attribute) {
      case A::Depth:
        return (*in.node_depth)[i];
      case A::MaxDepth:
        return (*in.node_full_depth)[i];
      case A::Head:
        return (*in.node_depth)[i] + (*in.node_invert)[i];
      case A::Volume:
        return (*in.node_volume)[i];
      case A::Inflow:
        return (*in.node_lateral_inflow)[i];
      default:
        return kMissing;
    }
  }
  // a link, whatever word named it (SWMM keeps only "a link" once the premise is read)
  const double setting = (*in.link_setting)[i];
  const inp::LinkType type = m_.links[i].type;
  const bool conduit = type == inp::LinkType::Conduit, pump = type == inp::LinkType::Pump;
  switch (v.attribute) {
    case A::Flow:
      return (*in.link_flow)[i];
    case A::Depth:
      return (*in.link_depth)[i];
    case A::Status:
      return conduit || pump ? setting : kMissing;
    case A::Setting:
      return pump || type == inp::LinkType::Orifice || type == inp::LinkType::Weir ? setting
                                                                                   : kMissing;
    case A::TimeOpen:
      return setting > 0.0 ? in.t - time_last_set_[i] : kMissing;
    case A::TimeClosed:
      return setting <= 0.0 ? in.t - time_last_set_[i] : kMissing;
    case A::FullFlow:
    case A::FullDepth:
    case A::Length:
    case A::Slope:
    case A::Velocity:
      break;
    default:
      return kMissing;
  }
  if (!conduit || !in.net) return kMissing;
  const NetworkData& net = *in.net;
  const pipe::ConduitParams& cp = net.conduit[i];
  switch (v.attribute) {
    case A::FullFlow:
      return net.link_q_full[i];  // per barrel, as SWMM's Link.qFull
    case A::FullDepth:
      return net.xsect[i].y_full;
    case A::Length:
      return cp.length;
    case A::Slope:
      // the slope before lengthening (the engine keeps the lengthened one)
      return cp.length > 0.0 ? net.conduit_slope[i] * cp.mod_length / cp.length
                             : net.conduit_slope[i];
    default: {  // Velocity: flow per barrel over the area at the link's depth, in the
                // conduit's own direction (SWMM's link_getVelocity of Link.newFlow)
      const double y = (*in.link_depth)[i];
      if (y <= kDryDepth) return 0.0;
      const double q = (*in.link_flow)[i] * cp.direction / cp.barrels;
      const double a = pipe::area_of_depth(net.xsect[i], net.tables.view(), y);
      return a > kFudgeArea ? q / a : 0.0;
    }
  }
}

double RuleSet::user_units(double si, inp::RuleAttribute a) const {
  using A = inp::RuleAttribute;
  if (a == A::Time || a == A::ClockTime || a == A::TimeOpen || a == A::TimeClosed)
    return si / inp::kSecondsPerDay;  // SWMM's times are decimal days
  return si / inp::rule_value_si_per_unit(a, units_);
}

bool RuleSet::compare_values(double lhs, inp::Relation rel, double rhs) const {
  set_point_ = rhs;
  control_value_ = lhs;
  switch (rel) {
    case inp::Relation::Eq:
      return lhs == rhs;
    case inp::Relation::Ne:
      return lhs != rhs;
    case inp::Relation::Lt:
      return lhs < rhs;
    case inp::Relation::Le:
      return lhs <= rhs;
    case inp::Relation::Gt:
      return lhs > rhs;
    case inp::Relation::Ge:
      return lhs >= rhs;
  }
  return false;
}

bool RuleSet::premise_true(const inp::Premise& p, const RuleInputs& in) const {
  // Both sides in the .inp's units, as SWMM compares them (a right-hand variable of another
  // attribute is compared number to number, as SWMM does after its warning 11).
  using A = inp::RuleAttribute;
  if (p.expression >= 0) return expression_premise_true(p, in);
  const A attr = p.lhs.attribute;
  const double lhs = user_units(value_of(p.lhs, in), attr);
  const double rhs = p.rhs_is_variable
                         ? user_units(value_of(p.rhs_variable, in), p.rhs_variable.attribute)
                         : user_units(p.value, attr);
  if (std::isnan(lhs) || std::isnan(rhs)) return false;  // SWMM: a MISSING side is false
  if (attr != A::Time && attr != A::ClockTime && attr != A::TimeOpen && attr != A::TimeClosed)
    return compare_values(lhs, p.relation, rhs);
  // SWMM's compareTimes: = and <> within half a step, and they leave SetPoint/ControlValue
  // as they were; the other relations compare values (and set both).
  const double half = in.dt / inp::kSecondsPerDay / 2.0;
  bool result;
  if (p.relation == inp::Relation::Eq)
    result = within_half_step(lhs, rhs, half);
  else if (p.relation == inp::Relation::Ne)
    result = !within_half_step(lhs, rhs, half);
  else
    result = compare_values(lhs, p.relation, rhs);
  // TIMEOPEN/TIMECLOSED: the controller value is then the time in hours (evaluatePremise)
  if (attr == A::TimeOpen || attr == A::TimeClosed) control_value_ = lhs * 24.0;
  return result;
}

bool RuleSet::expression_premise_true(const inp::Premise& p, const RuleInputs& in) const {
  // SWMM evaluates the formula on its variables' values in the file's units, a missing one
  // entering as its MISSING code (-1e10); a result equal to that code makes the premise false.
  constexpr double kSwmmMissing = -1.0e10;
  const inp::RuleExpression& e = m_.rule_expressions[p.expression];
  std::vector<double> values(e.variables.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    const double v = value_of(e.variables[k], in);
    values[k] = std::isnan(v) ? kSwmmMissing : user_units(v, e.variables[k].attribute);
  }
  const double lhs = inp::evaluate_expression(e.ops, values);
  const double rhs = p.rhs_is_variable
                         ? user_units(value_of(p.rhs_variable, in), p.rhs_variable.attribute)
                         : p.value;  // a plain number
  if (lhs == kSwmmMissing || std::isnan(rhs)) return false;
  return compare_values(lhs, p.relation, rhs);
}

double RuleSet::action_value(const inp::Action& a, const RuleInputs& in) const {
  switch (a.kind) {
    case inp::Action::Kind::Value:
      return a.value;
    case inp::Action::Kind::TimeSeries:
      return forcing_.series_value(a.series, in.t, true);
    case inp::Action::Kind::Curve:
      // SWMM's updateActionValue: the CONTROL curve (as written) at the controller value of
      // the last value comparison, in the .inp's units
      return curve_lookup(m_.curves[a.curve], control_value_);
    case inp::Action::Kind::Pid:
      return pid_setting(a, in);
  }
  return a.value;
}

double RuleSet::pid_setting(const inp::Action& a, const RuleInputs& in) const {
  const double tolerance = 0.0001;
  const double dt_min = in.dt / 60.0;
  double e0 = set_point_ - control_value_;
  if (std::fabs(e0) > 1e-6) e0 = set_point_ != 0.0 ? e0 / set_point_ : e0 / control_value_;
  PidState& st = pid_[&a];
  if (std::fabs(e0 - st.e1) < tolerance) st.e1 = st.e2 = 0.0;
  const double p = e0 - st.e1;
  const double i = a.ki == 0.0 ? 0.0 : e0 * dt_min / a.ki;
  const double d = dt_min > 0.0 ? a.kd * (e0 - 2.0 * st.e1 + st.e2) / dt_min : 0.0;
  double update = a.kp * (p + i + d);
  if (std::fabs(update) < tolerance) update = 0.0;
  double setting = (*in.target_setting)[a.link] + update;
  st.e2 = st.e1;
  st.e1 = e0;
  if (setting < 0.0) setting = 0.0;
  if (a.object != inp::RuleObject::Pump && setting > 1.0) setting = 1.0;
  return setting;
}

std::vector<RuleAction> RuleSet::evaluate(const RuleInputs& in) const {
  std::vector<RuleAction> chosen;
  std::vector<double> chosen_priority;
  for (const inp::Rule& r : m_.rules) {
    bool result = true;
    for (size_t k = 0; k < r.premises.size(); ++k) {
      const inp::Premise& p = r.premises[k];
      if (k == 0)
        result = premise_true(p, in);
      else if (p.join == inp::Premise::Join::Or) {
        if (!result) result = premise_true(p, in);
      } else {
        if (!result) break;
        result = premise_true(p, in);
      }
    }
    const std::vector<inp::Action>& acts = result ? r.then_actions : r.else_actions;
    for (const inp::Action& a : acts) {
      if (a.link < 0) continue;
      RuleAction act{a.link, action_value(a, in), r.id};
      bool found = false;
      for (size_t c = 0; c < chosen.size(); ++c) {
        if (chosen[c].link != a.link) continue;
        found = true;
        if (r.priority > chosen_priority[c]) {
          chosen[c] = act;
          chosen_priority[c] = r.priority;
        }
      }
      if (!found) {
        chosen.push_back(act);
        chosen_priority.push_back(r.priority);
      }
    }
  }
  return chosen;
}

std::vector<const inp::Action*> RuleSet::all_actions() const {
  std::vector<const inp::Action*> all;
  for (const inp::Rule& r : m_.rules) {
    for (const inp::Action& a : r.then_actions) all.push_back(&a);
    for (const inp::Action& a : r.else_actions) all.push_back(&a);
  }
  return all;
}

void RuleSet::save_state(StateRecord& record) const {
#if defined(__GLIBCXX__) && defined(__x86_64__)
  // A member added to RuleSet changes its size: save it here and in load_state (or say why it is
  // no state), then update the size. Checked where the layout is known (libstdc++, x86-64).
  static_assert(sizeof(RuleSet) == 160, "RuleSet grew: is the new member in its checkpoint state?");
#endif
  std::vector<double> pid;
  for (const inp::Action* a : all_actions()) {
    const auto it = pid_.find(a);
    const PidState st = it == pid_.end() ? PidState{} : it->second;
    pid.push_back(st.e1);
    pid.push_back(st.e2);
  }
  record.put("network_rule_pid", std::move(pid));
  record.put("network_rule_premise", std::vector<double>{set_point_, control_value_});
  record.put("network_rule_time_last_set", time_last_set_);
  // units_ is no state: it follows from the model
}

void RuleSet::load_state(const StateRecord& record) {
  const std::vector<const inp::Action*> actions = all_actions();
  const std::vector<double> pid = record.get<double>("network_rule_pid", 2 * actions.size());
  pid_.clear();
  for (std::size_t k = 0; k < actions.size(); ++k) pid_[actions[k]] = {pid[2 * k], pid[2 * k + 1]};
  const std::vector<double> premise = record.get<double>("network_rule_premise", 2);
  set_point_ = premise[0];
  control_value_ = premise[1];
  if (record.has("network_rule_time_last_set"))
    time_last_set_ = record.get<double>("network_rule_time_last_set", time_last_set_.size());
}

}  // namespace sf::network
