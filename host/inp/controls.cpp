// [CONTROLS]: control rules (RULE / IF / AND / OR / THEN / ELSE / PRIORITY, plus named
// VARIABLEs) parsed into Rule structs with values in SI (controls.c in SWMM).
#include <cmath>
#include <unordered_map>

#include "inp/controls_expression.hpp"
#include "inp/datetime.hpp"
#include "inp/rule_units.hpp"
#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

const std::vector<const char*> kObjects = {"GAGE",    "NODE", "LINK",   "CONDUIT",   "PUMP",
                                           "ORIFICE", "WEIR", "OUTLET", "SIMULATION"};
const RuleObject kObjectCodes[] = {RuleObject::Gage,    RuleObject::Node,   RuleObject::Link,
                                   RuleObject::Conduit, RuleObject::Pump,   RuleObject::Orifice,
                                   RuleObject::Weir,    RuleObject::Outlet, RuleObject::Simulation};
const std::vector<const char*> kAttributes = {
    "DEPTH",      "MAXDEPTH", "HEAD",    "VOLUME",    "INFLOW",    "FLOW",     "FULLFLOW",
    "FULLDEPTH",  "STATUS",   "SETTING", "LENGTH",    "SLOPE",     "VELOCITY", "TIMEOPEN",
    "TIMECLOSED", "TIME",     "DATE",    "CLOCKTIME", "DAYOFYEAR", "DAY",      "MONTH"};
const RuleAttribute kAttributeCodes[] = {
    RuleAttribute::Depth,     RuleAttribute::MaxDepth,  RuleAttribute::Head,
    RuleAttribute::Volume,    RuleAttribute::Inflow,    RuleAttribute::Flow,
    RuleAttribute::FullFlow,  RuleAttribute::FullDepth, RuleAttribute::Status,
    RuleAttribute::Setting,   RuleAttribute::Length,    RuleAttribute::Slope,
    RuleAttribute::Velocity,  RuleAttribute::TimeOpen,  RuleAttribute::TimeClosed,
    RuleAttribute::Time,      RuleAttribute::Date,      RuleAttribute::ClockTime,
    RuleAttribute::DayOfYear, RuleAttribute::Day,       RuleAttribute::Month};
const std::vector<const char*> kRelations = {"=", "<>", "<", "<=", ">", ">="};

int find_word(const std::string& s, const std::vector<const char*>& words) {
  const std::string u = upper(s);
  for (size_t i = 0; i < words.size(); ++i)
    if (u == words[i]) return static_cast<int>(i);
  return -1;
}

// Which attributes each object accepts in a premise (controls.c, getPremiseVariable).
bool attribute_allowed(RuleObject o, RuleAttribute a) {
  using A = RuleAttribute;
  switch (o) {
    case RuleObject::Node:
      return a == A::Depth || a == A::MaxDepth || a == A::Head || a == A::Volume || a == A::Inflow;
    case RuleObject::Link:
    case RuleObject::Conduit:
      return a == A::Status || a == A::Depth || a == A::FullFlow || a == A::FullDepth ||
             a == A::Flow || a == A::Length || a == A::Slope || a == A::Velocity ||
             a == A::TimeOpen || a == A::TimeClosed;
    case RuleObject::Pump:
      return a == A::Flow || a == A::Setting || a == A::Status || a == A::TimeOpen ||
             a == A::TimeClosed;
    case RuleObject::Orifice:
    case RuleObject::Weir:
    case RuleObject::Outlet:
      return a == A::Flow || a == A::Setting || a == A::TimeOpen || a == A::TimeClosed;
    case RuleObject::Simulation:
      return a == A::Time || a == A::Date || a == A::ClockTime || a == A::Day || a == A::Month ||
             a == A::DayOfYear;
    case RuleObject::Gage:
      return a == A::Intensity || a == A::Rainfall;
  }
  return false;
}

class RuleParser {
 public:
  explicit RuleParser(Context& ctx) : ctx_(ctx) {}

  void line(const InputLine& line);

 private:
  enum class State { None, Rule, Premise, Then, Else, Priority };

  // Reads a premise variable starting at tok[k]; advances k past it.
  bool variable(Row& row, size_t& k, RuleVariable& v);
  bool value(Row& row, size_t k, RuleAttribute a, double& out);
  void premise(Row& row, Premise::Join join);
  void action(Row& row, bool then_branch);
  void named_variable(Row& row);
  void expression(Row& row);
  void never_true_warning(Row& row, const RuleVariable& v);

  Context& ctx_;
  State state_ = State::None;
  Rule* rule_ = nullptr;
  bool rule_ok_ = true;
  std::unordered_map<std::string, RuleVariable> variables_;
  std::unordered_map<std::string, int> expressions_;  // name -> Model::rule_expressions
  std::unordered_map<std::string, int> rule_lines_;
};

bool RuleParser::variable(Row& row, size_t& k, RuleVariable& v) {
  if (!row.has(k)) {
    row.error("premise is incomplete; expected Object ID Attribute or SIMULATION Attribute");
    return false;
  }
  if (auto it = variables_.find(upper(row.tok(k))); it != variables_.end()) {
    v = it->second;
    ++k;
    return true;
  }
  int o = row.keyword(k, "rule object", kObjects);
  if (o < 0) return false;
  v.object = kObjectCodes[o];
  ++k;
  if (v.object != RuleObject::Simulation) {
    if (!row.has(k)) {
      row.error("object ID missing after " + row.tok(k - 1) + "; expected its ID and an attribute");
      return false;
    }
    v.id = row.tok(k);
    if (v.object == RuleObject::Node) {
      v.index = row.node(k, "node");
    } else if (v.object == RuleObject::Gage) {
      // SWMM 5.2 reads a gage's INTENSITY or its rain over the past n hours (nHR_PRECIP, kept
      // in hourly bins by the runoff clock); spongeflow's network engine does not see the gages
      row.error(
          "GAGE premises (rainfall INTENSITY or nHR_PRECIP) are not supported; expected a "
          "NODE, LINK, CONDUIT, PUMP, ORIFICE, WEIR, OUTLET or SIMULATION variable");
      return false;
    } else {
      v.index = row.link(k, "link");
    }
    ++k;
  }
  if (!row.has(k)) {
    row.error("attribute missing; expected e.g. DEPTH, FLOW, STATUS, SETTING, TIME");
    return false;
  }
  int a = row.keyword(k, "attribute", kAttributes);
  if (a < 0) return false;
  v.attribute = kAttributeCodes[a];
  if (!attribute_allowed(v.object, v.attribute)) {
    row.error("attribute " + upper(row.tok(k)) + " does not apply to " + kObjects[o] +
              "; expected an attribute of that object (see docs/network-input.md)");
    return false;
  }
  never_true_warning(row, v);
  ++k;
  return true;
}

void RuleParser::never_true_warning(Row& row, const RuleVariable& v) {
  // SWMM's getVariableValue gives MISSING (the premise is false at every step) for a link
  // attribute the link's type does not have; SWMM reads it silently, we say so.
  if (v.index < 0 || v.object == RuleObject::Node || v.object == RuleObject::Simulation) return;
  using A = RuleAttribute;
  const LinkType t = ctx_.model.links[v.index].type;
  const char* has = nullptr;
  if (v.attribute == A::Status && t != LinkType::Conduit && t != LinkType::Pump)
    has = "only conduits and pumps have a STATUS";
  else if (v.attribute == A::Setting && t != LinkType::Pump && t != LinkType::Orifice &&
           t != LinkType::Weir)
    has = "only pumps, orifices and weirs have a SETTING";
  else if ((v.attribute == A::FullFlow || v.attribute == A::FullDepth || v.attribute == A::Length ||
            v.attribute == A::Slope || v.attribute == A::Velocity) &&
           t != LinkType::Conduit)
    has = "only conduits have FULLFLOW, FULLDEPTH, LENGTH, SLOPE and VELOCITY";
  if (has)
    row.warn(std::string("premise on link ") + v.id + " is never true (" + has +
             "; SWMM 5.2.4 reads it as a missing value)");
}

bool RuleParser::value(Row& row, size_t k, RuleAttribute a, double& out) {
  using A = RuleAttribute;
  const std::string& t = row.tok(k);
  const UnitFactors& u = ctx_.units;
  switch (a) {
    case A::Status: {
      int s = find_word(t, {"OFF", "ON"});
      if (s < 0) s = find_word(t, {"CLOSED", "OPEN"});
      if (s < 0) {
        row.error("status \"" + t + "\" is not a status; expected ON, OFF, OPEN or CLOSED");
        return false;
      }
      out = s;
      return true;
    }
    case A::Time:
    case A::ClockTime:
    case A::TimeOpen:
    case A::TimeClosed:
      if (auto s = parse_clock_seconds(t)) {
        out = *s;
        return true;
      }
      row.error("time \"" + t + "\" is not a time; expected hh:mm[:ss] or decimal hours");
      return false;
    case A::Date:
      if (auto d = parse_date(t)) {
        out = static_cast<double>(day_number(*d));
        return true;
      }
      row.error("date \"" + t + "\" is not a date; expected MM/DD/YYYY");
      return false;
    case A::DayOfYear:
      if (auto d = parse_month_day(t)) {
        out = day_of_year(*d);
        return true;
      }
      break;
    default:
      break;
  }
  double v = row.number(k, "value");
  if (a == A::Day && (v < 1 || v > 7))
    row.error("day " + t + " is out of range; expected 1 (Sunday) to 7");
  if (a == A::Month && (v < 1 || v > 12))
    row.error("month " + t + " is out of range; expected 1 to 12");
  if (a == A::DayOfYear && (v < 1 || v > 365))
    row.error("day of year " + t + " is out of range; expected MM/DD or 1 to 365");
  out = v * rule_value_si_per_unit(a, u);
  return true;
}

void RuleParser::premise(Row& row, Premise::Join join) {
  Premise p;
  p.join = join;
  p.line = row.number();
  size_t k = 1;
  if (auto it = expressions_.find(upper(row.tok(1))); it != expressions_.end()) {
    // an EXPRESSION on the left: its right-hand value is a plain number (SWMM addPremise)
    if (it->second < 0) return;  // its formula was reported
    p.expression = it->second;
    p.lhs.attribute = RuleAttribute::Unknown;
    k = 2;
  } else if (!variable(row, k, p.lhs)) {
    return;
  }
  if (!row.has(k)) {
    row.error("premise has no relation; expected =, <>, <, <=, > or >= and a value");
    return;
  }
  int rel = row.keyword(k, "relation", kRelations);
  if (rel < 0) return;
  p.relation = static_cast<Relation>(rel);
  ++k;
  if (!row.has(k)) {
    row.error("premise has no right-hand side; expected a value or another variable");
    return;
  }
  p.value_text = row.tok(k);
  const std::string u = upper(row.tok(k));
  if (variables_.count(u) || (find_word(u, kObjects) >= 0 && u != "SIMULATION") ||
      u == "SIMULATION") {
    p.rhs_is_variable = true;
    if (!variable(row, k, p.rhs_variable)) return;
    if (p.expression < 0 && !variables_.count(u) && p.rhs_variable.attribute != p.lhs.attribute)
      row.warn("WARNING 11: non-matching attributes in Control Rule " + rule_->id +
               " (the two sides are compared as numbers in the file's units, as SWMM does)");
  } else {
    if (!value(row, k, p.lhs.attribute, p.value)) return;
    ++k;
  }
  if (row.has(k))
    row.error("unexpected \"" + row.tok(k) + "\" after the premise; expected one premise per line");
  rule_->premises.push_back(p);
}

void RuleParser::action(Row& row, bool then_branch) {
  Action a;
  a.line = row.number();
  if (!row.require(6, "THEN|ELSE|AND Object ID Attribute = Value")) return;
  int o = row.keyword(1, "action object", {"CONDUIT", "PUMP", "ORIFICE", "WEIR", "OUTLET"});
  if (o < 0) return;
  static const RuleObject kCodes[] = {RuleObject::Conduit, RuleObject::Pump, RuleObject::Orifice,
                                      RuleObject::Weir, RuleObject::Outlet};
  static const LinkType kTypes[] = {LinkType::Conduit, LinkType::Pump, LinkType::Orifice,
                                    LinkType::Weir, LinkType::Outlet};
  a.object = kCodes[o];
  a.id = row.tok(2);
  a.link = row.link(2, "link");
  if (a.link >= 0 && ctx_.model.links[a.link].type != kTypes[o]) {
    row.error("link " + a.id + " is not a " + upper(row.tok(1)) + "; expected a link of that type");
    return;
  }
  int attr = row.keyword(3, "action attribute", {"STATUS", "SETTING"});
  if (attr < 0) return;
  a.attribute = attr == 0 ? RuleAttribute::Status : RuleAttribute::Setting;
  if (row.tok(4) != "=") {
    row.error("\"" + row.tok(4) +
              "\" found where \"=\" belongs; expected Object ID Attribute = Value");
    return;
  }
  const bool conduit = a.object == RuleObject::Conduit, pump = a.object == RuleObject::Pump;
  if ((conduit && a.attribute != RuleAttribute::Status) ||
      (!conduit && !pump && a.attribute == RuleAttribute::Status)) {
    row.error(upper(row.tok(3)) + " cannot be set for a " + upper(row.tok(1)) +
              "; expected STATUS for conduits, STATUS or SETTING for pumps, SETTING otherwise");
    return;
  }
  size_t end = 6;
  if (a.attribute == RuleAttribute::Status) {
    int s = find_word(row.tok(5), conduit ? std::vector<const char*>{"CLOSED", "OPEN"}
                                          : std::vector<const char*>{"OFF", "ON"});
    if (s < 0) {
      row.error("status \"" + row.tok(5) + "\" is not valid; expected " +
                (conduit ? "OPEN or CLOSED" : "ON or OFF"));
      return;
    }
    a.value = s;
  } else {
    const std::string kind = upper(row.tok(5));
    if (kind == "CURVE") {
      if (!row.require(7, "... SETTING = CURVE Name")) return;
      a.kind = Action::Kind::Curve;
      a.curve = row.curve(6, "control curve");
      // SWMM looks the curve up as written; only CONTROL curves are kept so here
      if (a.curve >= 0 && ctx_.model.curves[a.curve].type != CurveType::Control) {
        row.error("curve " + row.tok(6) +
                  " is not a CONTROL curve; expected a curve of type "
                  "CONTROL (controller value, setting)");
        return;
      }
      end = 7;
    } else if (kind == "TIMESERIES") {
      if (!row.require(7, "... SETTING = TIMESERIES Name")) return;
      a.kind = Action::Kind::TimeSeries;
      a.series = row.series(6, "time series");
      use_series(ctx_, a.series, SeriesUse::Setting, 1.0, row.number(), "rule " + rule_->id);
      end = 7;
    } else if (kind == "PID") {
      if (!row.require(9, "... SETTING = PID Kp Ki Kd")) return;
      a.kind = Action::Kind::Pid;
      a.kp = row.number(6, "Kp");
      a.ki = row.number(7, "Ki");
      a.kd = row.number(8, "Kd");
      end = 9;
    } else {
      a.value = row.number(5, "setting", Bound::NonNegative, "a setting >= 0");
      if (!pump && a.value > 1.0)
        row.error("setting " + row.tok(5) + " is above 1; expected a fraction open from 0 to 1");
    }
  }
  if (row.has(end))
    row.error("unexpected \"" + row.tok(end) + "\" after the action; expected one action per line");
  (then_branch ? rule_->then_actions : rule_->else_actions).push_back(a);
}

void RuleParser::named_variable(Row& row) {
  // VARIABLE name = Object ID Attribute | VARIABLE name = SIMULATION Attribute
  if (!row.require(5, "VARIABLE Name = Object ID Attribute")) return;
  if (row.tok(2) != "=") {
    row.error("\"" + row.tok(2) + "\" found where \"=\" belongs; expected VARIABLE Name = ...");
    return;
  }
  if (find_word(row.tok(1), kAttributes) >= 0) {
    row.error("variable name " + row.tok(1) + " is an attribute word; expected another name");
    return;
  }
  RuleVariable v;
  size_t k = 3;
  if (!variable(row, k, v)) return;
  variables_[upper(row.tok(1))] = v;
}

void RuleParser::expression(Row& row) {
  // EXPRESSION name = formula of VARIABLE names defined above it (SWMM controls_addExpression)
  if (!row.require(4, "EXPRESSION Name = Formula")) return;
  if (row.tok(2) != "=") {
    row.error("\"" + row.tok(2) + "\" found where \"=\" belongs; expected EXPRESSION Name = ...");
    return;
  }
  RuleExpression e;
  e.name = row.tok(1);
  row.set_label(e.name);
  e.line = row.number();
  for (size_t k = 3; k < row.size(); ++k) e.formula += (k > 3 ? " " : "") + row.tok(k);
  std::vector<std::string> names;
  auto lookup = [&](const std::string& name) {
    const std::string u = upper(name);
    const auto it = variables_.find(u);
    if (it == variables_.end()) return -1;
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == u) return static_cast<int>(i);
    names.push_back(u);
    e.variables.push_back(it->second);
    return static_cast<int>(names.size()) - 1;
  };
  std::string why;
  auto ops = parse_expression(e.formula, lookup, why);
  if (!ops) {
    expressions_[upper(e.name)] = -1;  // known, but reported: premises on it say no more
    row.error("math expression \"" + e.formula + "\" cannot be read: " + why +
              "; expected numbers, VARIABLE names, + - * / ^, parentheses and functions (e.g. "
              "SQRT(x), LOG(x))");
    return;
  }
  e.ops = std::move(*ops);
  expressions_[upper(e.name)] = static_cast<int>(ctx_.model.rule_expressions.size());
  ctx_.model.rule_expressions.push_back(std::move(e));
}

void RuleParser::line(const InputLine& line) {
  Row row(ctx_, line);
  const std::string key = upper(row.id());
  if (rule_) row.set_label(rule_->id);
  if (key == "RULE") {
    if (!row.require(2, "RULE Name")) return;
    const std::string id = row.tok(1);
    row.set_label(id);
    if (auto it = rule_lines_.find(upper(id)); it != rule_lines_.end())
      row.error("duplicate rule name (first defined on line " + std::to_string(it->second) +
                "); expected unique rule names");
    rule_lines_[upper(id)] = line.number;
    ctx_.model.rules.push_back(Rule{});
    rule_ = &ctx_.model.rules.back();
    rule_->id = id;
    rule_->line = line.number;
    state_ = State::Rule;
    return;
  }
  if (key == "VARIABLE") return named_variable(row);
  if (key == "EXPRESSION") return expression(row);
  if (!rule_) {
    row.error("\"" + row.id() + "\" before any RULE; expected RULE Name first");
    return;
  }
  if (key == "IF") {
    if (state_ != State::Rule)
      return row.error(
          "IF must follow the RULE line; expected RULE, IF, AND/OR, THEN, ELSE, PRIORITY");
    premise(row, Premise::Join::If);
    state_ = State::Premise;
  } else if (key == "AND" || key == "OR") {
    if (state_ == State::Premise) {
      premise(row, key == "AND" ? Premise::Join::And : Premise::Join::Or);
    } else if (key == "AND" && (state_ == State::Then || state_ == State::Else)) {
      action(row, state_ == State::Then);
    } else {
      row.error(key + " out of place; expected it after IF (premise) or after THEN/ELSE (action)");
    }
  } else if (key == "THEN") {
    if (state_ != State::Premise)
      return row.error("THEN without a premise; expected IF ... before THEN");
    action(row, true);
    state_ = State::Then;
  } else if (key == "ELSE") {
    if (state_ != State::Then) return row.error("ELSE without THEN; expected THEN ... before ELSE");
    action(row, false);
    state_ = State::Else;
  } else if (key == "PRIORITY") {
    if (state_ != State::Then && state_ != State::Else)
      return row.error("PRIORITY before the actions; expected it after THEN/ELSE");
    rule_->priority = row.number(1, "priority");
    state_ = State::Priority;
  } else {
    row.error("\"" + row.id() +
              "\" is not a rule keyword; expected RULE, IF, AND, OR, THEN, ELSE, "
              "PRIORITY or VARIABLE");
  }
}

}  // namespace

void read_controls(Context& ctx, const SectionBlock& block) {
  // Rules are pushed into a vector while a pointer to the last one is held: reserve first.
  ctx.model.rules.reserve(ctx.model.rules.size() + block.lines.size());
  RuleParser parser(ctx);
  for (const auto& line : block.lines) parser.line(line);
  for (const auto& r : ctx.model.rules)
    if (r.then_actions.empty())
      ctx.error(r.line, r.id, "rule has no THEN action; expected IF ... THEN ...");
}

}  // namespace sf::inp::detail
