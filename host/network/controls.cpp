#include "network/controls.hpp"

#include <cmath>

namespace sf::network {

RuleSet::RuleSet(const inp::Model& model, const Forcing& forcing) : m_(model), forcing_(forcing) {}

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
        return 0.0;
    }
  }
  const int i = v.index;
  if (i < 0) return 0.0;
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
        return 0.0;
    }
  }
  switch (v.attribute) {
    case A::Flow:
      return (*in.link_flow)[i];
    case A::Depth:
      return (*in.link_depth)[i];
    case A::Status:
      return (*in.link_setting)[i] > 0.0 ? 1.0 : 0.0;
    case A::Setting:
      return (*in.link_setting)[i];
    default:
      return 0.0;
  }
}

bool RuleSet::premise_true(const inp::Premise& p, const RuleInputs& in) const {
  const double lhs = value_of(p.lhs, in);
  const double rhs = p.rhs_is_variable ? value_of(p.rhs_variable, in) : p.value;
  control_value_ = lhs;
  set_point_ = rhs;
  switch (p.relation) {
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

double RuleSet::action_value(const inp::Action& a, const RuleInputs& in) const {
  switch (a.kind) {
    case inp::Action::Kind::Value:
      return a.value;
    case inp::Action::Kind::TimeSeries:
      return forcing_.series_value(a.series, in.t, true);
    case inp::Action::Kind::Curve: {
      // modulated by a CONTROL curve of the controller variable: not wired (see docs)
      return a.value;
    }
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
  static_assert(sizeof(RuleSet) == 80, "RuleSet grew: is the new member in its checkpoint state?");
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
}

void RuleSet::load_state(const StateRecord& record) {
  const std::vector<const inp::Action*> actions = all_actions();
  const std::vector<double> pid = record.get<double>("network_rule_pid", 2 * actions.size());
  pid_.clear();
  for (std::size_t k = 0; k < actions.size(); ++k) pid_[actions[k]] = {pid[2 * k], pid[2 * k + 1]};
  const std::vector<double> premise = record.get<double>("network_rule_premise", 2);
  set_point_ = premise[0];
  control_value_ = premise[1];
}

}  // namespace sf::network
