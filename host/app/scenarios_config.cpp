#include "app/scenarios_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "common/input_error.hpp"
#include "config/toml_file.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;

/// One table of the file: typed getters that record problems with the file, line and key,
/// and refuse keys the table does not know.
class Table {
 public:
  Table(const toml::table* t, std::string name, const std::string& file,
        std::vector<InputIssue>& issues, std::initializer_list<const char*> keys)
      : t_(t), name_(std::move(name)), file_(file), issues_(issues) {
    if (!t_) return;
    for (auto&& [k, v] : *t_) {
      const std::string key(k.str());
      if (std::none_of(keys.begin(), keys.end(), [&](const char* a) { return key == a; })) {
        std::string allowed;
        for (const char* a : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(a);
        issue(key, v, "unknown key; expected one of: " + allowed);
      }
    }
  }

  void issue(const std::string& key, const toml::node& n, const std::string& message) const {
    issues_.push_back({file_, int(n.source().begin.line), "[" + name_ + "]", key, message});
  }
  void missing(const std::string& key) const {
    issues_.push_back({file_, line(), "[" + name_ + "]", key, "is required but missing"});
  }
  int line() const { return t_ ? int(t_->source().begin.line) : 0; }

  std::optional<std::string> string(const char* key, bool required = false) const {
    const toml::node* n = t_ ? t_->get(key) : nullptr;
    if (!n) {
      if (required) missing(key);
      return std::nullopt;
    }
    if (!n->is_string()) {
      issue(key, *n, "expected a string");
      return std::nullopt;
    }
    return n->value<std::string>();
  }

  std::optional<double> number(const char* key, double lo, double hi, bool required = false) const {
    const toml::node* n = t_ ? t_->get(key) : nullptr;
    if (!n) {
      if (required) missing(key);
      return std::nullopt;
    }
    const std::optional<double> v = n->value<double>();
    if (!n->is_number() || !v || !std::isfinite(*v) || *v < lo || *v > hi) {
      issue(key, *n, "expected a number from " + format(lo) + " to " + format(hi));
      return std::nullopt;
    }
    return v;
  }

  template <class T>
  std::optional<std::vector<T>> array(const char* key, bool required = false) const {
    const toml::node* n = t_ ? t_->get(key) : nullptr;
    if (!n) {
      if (required) missing(key);
      return std::nullopt;
    }
    std::vector<T> out;
    const toml::array* a = n->as_array();
    if (a)
      for (const toml::node& e : *a) {
        const std::optional<T> v = e.value<T>();
        if (!v) {
          a = nullptr;
          break;
        }
        out.push_back(*v);
      }
    if (!a) {
      issue(key, *n,
            std::is_same_v<T, std::string> ? "expected an array of strings"
                                           : "expected an array of numbers");
      return std::nullopt;
    }
    return out;
  }

  const toml::table* raw() const { return t_; }

  static std::string format(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
  }

 private:
  const toml::table* t_;
  std::string name_;
  const std::string& file_;
  std::vector<InputIssue>& issues_;
};

std::string resolve(const std::string& p, const fs::path& base, const std::string& data_dir) {
  std::string s = p;
  const std::string token = "${data}";
  if (const auto at = s.find(token); at != std::string::npos) s.replace(at, token.size(), data_dir);
  const fs::path q(s);
  return (q.is_absolute() ? q : base / q).lexically_normal().string();
}

void read_variant(const toml::table* t, int k, const fs::path& base, const std::string& data,
                  const std::string& file, std::vector<InputIssue>& issues, ScenarioVariant& v) {
  const std::string name = "variant[" + std::to_string(k + 1) + "]";
  const Table vt(t, name, file, issues,
                 {"name", "inp", "overflow_outfalls", "disconnect_impervious_pct", "tank"});
  v.line = vt.line();
  v.name = vt.string("name", true).value_or("");
  if (auto p = vt.string("inp", true)) v.inp = resolve(*p, base, data);
  v.overflow_outfalls =
      vt.array<std::string>("overflow_outfalls", true).value_or(std::vector<std::string>{});
  v.disconnect_impervious_pct = vt.number("disconnect_impervious_pct", 0, 100).value_or(0.0);
  if (const toml::node* n = t ? t->get("tank") : nullptr) {
    if (!n->is_table()) {
      vt.issue("tank", *n,
               "expected a table { node = ..., volume_m3 = ..., depth_m = ... "
               "[, pump_shutoff_m = ...] }");
      return;
    }
    const Table tt(n->as_table(), name + ".tank", file, issues,
                   {"node", "volume_m3", "depth_m", "pump_shutoff_m"});
    TankSwitch s;
    s.node = tt.string("node", true).value_or("");
    s.volume_m3 = tt.number("volume_m3", 0, 1e9, true).value_or(0.0);
    s.depth_m = tt.number("depth_m", 0.01, 100, true).value_or(1.0);
    s.pump_shutoff_m = tt.number("pump_shutoff_m", 0, 100);
    v.tank = s;
  }
}

}  // namespace

ScenariosConfig read_scenarios_file(const std::string& path) {
  if (!fs::is_regular_file(path))
    throw InputError(InputIssue{path, 0, "", "", "scenarios file not found; expected a TOML file"});
  toml::table doc = config::parse_toml_file(path);
  std::vector<InputIssue> issues;
  for (auto&& [k, v] : doc) {
    const std::string key(k.str());
    if (key != "scenarios" && key != "storms" && key != "overflows" && key != "variant")
      issues.push_back({path, int(v.source().begin.line), "", key,
                        "unknown table; expected scenarios, storms, overflows or [[variant]]"});
  }
  ScenariosConfig c;
  c.file = path;
  const fs::path base = fs::absolute(fs::path(path)).parent_path();
  const Table sc(doc["scenarios"].as_table(), "scenarios", path, issues,
                 {"name", "description", "case", "data_dir"});
  c.name = sc.string("name").value_or(base.filename().string());
  c.description = sc.string("description").value_or("");
  const std::string data = resolve(sc.string("data_dir").value_or("."), base, base.string());
  if (auto p = sc.string("case")) c.case_file = resolve(*p, base, data);

  const Table st(doc["storms"].as_table(), "storms", path, issues,
                 {"return_periods", "record", "record_interval", "record_days",
                  "record_drain_hours", "record_routing_step"});
  c.return_periods = st.array<double>("return_periods").value_or(std::vector<double>{});
  for (double p : c.return_periods)
    if (!(p >= 1.0 && p <= 1000.0))
      issues.push_back({path, st.line(), "[storms]", "return_periods",
                        "value " + Table::format(p) + " out of range; expected 1 to 1000 years"});
  c.record_series = st.string("record").value_or("");
  c.record_interval_s = st.number("record_interval", 60, 86400).value_or(c.record_interval_s);
  c.record_days = st.number("record_days", 0, 36600).value_or(0.0);
  c.record_drain_s = 3600.0 * st.number("record_drain_hours", 0, 240).value_or(6.0);
  c.record_routing_step_s =
      st.number("record_routing_step", 0.1, 600).value_or(c.record_routing_step_s);
  if (!c.return_periods.empty() && c.case_file.empty())
    issues.push_back({path, sc.line(), "[scenarios]", "case",
                      "is required with [storms] return_periods: the case's [design_storm] "
                      "formula makes the design storms"});
  if (c.return_periods.empty() && c.record_series.empty())
    issues.push_back({path, st.line(), "[storms]", "return_periods",
                      "no storms: expected return_periods = [...] and/or record = \"SERIES\""});

  const Table ov(doc["overflows"].as_table(), "overflows", path, issues,
                 {"inter_event_hours", "min_flow"});
  c.inter_event_h = ov.number("inter_event_hours", 0, 1000).value_or(c.inter_event_h);
  c.min_flow_m3s = ov.number("min_flow", 0, 1e3).value_or(c.min_flow_m3s);

  const toml::array* vs = doc["variant"].as_array();
  if (!vs || vs->empty())
    issues.push_back({path, 0, "[[variant]]", "", "no variants; expected [[variant]] tables"});
  std::set<std::string> names;
  for (std::size_t k = 0; vs && k < vs->size(); ++k) {
    ScenarioVariant v;
    read_variant((*vs)[k].as_table(), int(k), base, data, path, issues, v);
    if (!v.name.empty() && !names.insert(v.name).second)
      issues.push_back({path, v.line, "[[variant]]", "name",
                        "\"" + v.name + "\" is used twice; expected a unique name per variant"});
    c.variants.push_back(v);
  }
  if (!issues.empty()) throw InputError(issues);
  return c;
}

}  // namespace sf::app
