// Control rules ([CONTROLS]) evaluated on the host once per routing step from the few values
// they reference (SWMM controls.c semantics: premises joined left to right, THEN/ELSE actions,
// the highest-priority rule wins a link, first rule on ties).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/state_record.hpp"
#include "inp/model.hpp"
#include "network/forcing.hpp"

namespace sf::network {

/// Values the rules may read, in SI.
struct RuleInputs {
  double t = 0.0;  // seconds since start
  Calendar cal;
  const std::vector<double>* node_depth = nullptr;
  const std::vector<double>* node_volume = nullptr;
  /// A node's INFLOW in a premise is its lateral inflow of the last step (external, dry-weather,
  /// runoff), as SWMM's Node.newLatFlow when rules run, not the flow arriving by pipe.
  const std::vector<double>* node_lateral_inflow = nullptr;
  const std::vector<double>* link_flow = nullptr;  // signed as in the .inp
  const std::vector<double>* link_depth = nullptr;
  const std::vector<double>* link_setting = nullptr;
  const std::vector<double>* node_invert = nullptr;
  const std::vector<double>* node_full_depth = nullptr;
  const std::vector<double>* target_setting = nullptr;  // before the rules act
  double dt = 0.0;  // routing step [s] (PID integral and derivative terms)
};

struct RuleAction {
  int link = -1;
  double setting = 0.0;
  std::string rule;
};

class RuleSet {
 public:
  RuleSet(const inp::Model& model, const Forcing& forcing);
  RuleSet(inp::Model&&, const Forcing&) = delete;  // keeps a reference: a temporary would dangle
  bool empty() const { return m_.rules.empty(); }
  /// The actions chosen this step (one per link at most).
  std::vector<RuleAction> evaluate(const RuleInputs& in) const;
  /// The PID controllers' last two errors (THEN actions before ELSE, rules in order) and the
  /// last premise's values, as `network_rule_pid` and `network_rule_premise` (checkpoints).
  void save_state(StateRecord& record) const;
  /// Throws std::invalid_argument naming the entry when it does not fit these rules.
  void load_state(const StateRecord& record);

 private:
  double value_of(const inp::RuleVariable& v, const RuleInputs& in) const;
  bool premise_true(const inp::Premise& p, const RuleInputs& in) const;
  double action_value(const inp::Action& a, const RuleInputs& in) const;
  /// SWMM's recursive PID controller; errors relative to the last premise's set point.
  double pid_setting(const inp::Action& a, const RuleInputs& in) const;
  /// Every action of the rules, in a fixed order (the order of the saved PID states).
  std::vector<const inp::Action*> all_actions() const;
  struct PidState {
    double e1 = 0.0, e2 = 0.0;
  };
  mutable std::map<const inp::Action*, PidState> pid_;
  mutable double set_point_ = 0.0, control_value_ = 0.0;
  const inp::Model& m_;
  const Forcing& forcing_;
};

}  // namespace sf::network
