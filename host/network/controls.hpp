// Control rules ([CONTROLS]) evaluated on the host once per routing step from the few values
// they reference (SWMM controls.c semantics: premises joined left to right, THEN/ELSE actions,
// the highest-priority rule wins a link, first rule on ties).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/state_record.hpp"
#include "inp/model.hpp"
#include "inp/units.hpp"
#include "network/forcing.hpp"
#include "network/network_data.hpp"

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
  /// Link types and conduit geometry (FULLFLOW, FULLDEPTH, LENGTH, SLOPE, VELOCITY, and which
  /// links have a STATUS or a SETTING); null: those premises are never true.
  const NetworkData* net = nullptr;
  double dt = 0.0;  // routing step [s] (PID integral and derivative terms, time tolerances)
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
  /// The engine tells when a link switches between closed (setting 0) and open, as SWMM sets
  /// Link.timeLastSet (routing.c): TIMEOPEN and TIMECLOSED count from there (from the start
  /// for a link never switched: midnight of the start date, as SWMM).
  void note_switch(int link, double t);
  /// The PID controllers' last two errors (THEN actions before ELSE, rules in order), the
  /// last premise's values (SWMM's SetPoint and ControlValue, in the .inp's units) and the
  /// links' switch times, as `network_rule_pid`, `network_rule_premise` and
  /// `network_rule_time_last_set` (checkpoints; a checkpoint without the last one counts from
  /// the start).
  void save_state(StateRecord& record) const;
  /// Throws std::invalid_argument naming the entry when it does not fit these rules.
  void load_state(const StateRecord& record);

 private:
  /// The variable's value in SI, or NaN where SWMM's getVariableValue gives MISSING (e.g. the
  /// SETTING of a conduit, TIMEOPEN of a closed link): a premise with a missing side is false.
  double value_of(const inp::RuleVariable& v, const RuleInputs& in) const;
  /// An SI value in the units SWMM compares it in (the .inp's units; times in days).
  double user_units(double si, inp::RuleAttribute a) const;
  bool premise_true(const inp::Premise& p, const RuleInputs& in) const;
  /// A premise whose left side is an EXPRESSION (SWMM mathexpr_eval of named variables).
  bool expression_premise_true(const inp::Premise& p, const RuleInputs& in) const;
  /// SWMM's compareValues: records the set point and the controller value, then compares.
  bool compare_values(double lhs, inp::Relation rel, double rhs) const;
  double action_value(const inp::Action& a, const RuleInputs& in) const;
  /// SWMM's recursive PID controller; errors relative to the last premise's set point.
  double pid_setting(const inp::Action& a, const RuleInputs& in) const;
  /// Every action of the rules, in a fixed order (the order of the saved PID states).
  std::vector<const inp::Action*> all_actions() const;
  struct PidState {
    double e1 = 0.0, e2 = 0.0;
  };
  mutable std::map<const inp::Action*, PidState> pid_;
  // SWMM's SetPoint and ControlValue: the last value comparison's sides, in the .inp's units
  // (CONTROL curves are looked up with the controller value; the PID error is relative).
  mutable double set_point_ = 0.0, control_value_ = 0.0;
  std::vector<double> time_last_set_;  // per link [s since start]
  inp::UnitFactors units_;
  const inp::Model& m_;
  const Forcing& forcing_;
};

}  // namespace sf::network
