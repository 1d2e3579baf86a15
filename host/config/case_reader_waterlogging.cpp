// Reading the [waterlogging] table: the depth, duration, risk and hazard classes of waterlogging
// spots (docs/waterlogging.md). A key the case leaves out takes the schema's default, parsed from
// the schema's own text, so that the defaults are stated once (case_schema.cpp).
#include <toml++/toml.h>

#include <cmath>
#include <string>

#include "config/case_reader_extra.hpp"
#include "config/case_schema.hpp"

namespace sf::config {
namespace {

/// The table's array defaults as TOML, e.g. depth_bounds = [0.15, 0.30, 0.50].
const toml::table& schema_defaults() {
  static const toml::table defaults = [] {
    std::string text;
    for (const KeySpec& k : case_schema())
      if (std::string(k.table) == "waterlogging" && k.default_value[0] == '[')
        text += std::string(k.key) + " = " + k.default_value + "\n";
    return toml::parse(text);
  }();
  return defaults;
}

class WaterloggingReader {
 public:
  explicit WaterloggingReader(const TableReader& t) : t_(t) {}

  const toml::array* array(const char* key) const {
    const toml::node* n = t_.raw(key);
    if (!n) n = schema_defaults().get(key);
    if (!n) return nullptr;
    if (!n->as_array()) t_.error(key, "expected an array");
    return n->as_array();
  }

  /// Class bounds: numbers >= 0, strictly increasing, at least one; scaled to SI.
  std::vector<double> bounds(const char* key, double scale) const {
    std::vector<double> out;
    const toml::array* a = array(key);
    if (!a) return out;
    for (const toml::node& e : *a) {
      const std::optional<double> v = e.value<double>();
      if (!e.is_number() || !v || !std::isfinite(*v) || *v < 0.0) {
        t_.error(key, "expected numbers >= 0");
        return {};
      }
      if (!out.empty() && !(*v * scale > out.back())) {
        t_.error(key, "bounds must increase strictly; expected e.g. [0.15, 0.30, 0.50]");
        return {};
      }
      out.push_back(*v * scale);
    }
    if (out.empty()) t_.error(key, "is empty; expected at least one class bound");
    return out;
  }

  /// One name per class: as many strings as `classes`.
  std::vector<std::string> names(const char* key, std::size_t classes,
                                 const char* bounds_key) const {
    std::vector<std::string> out;
    const toml::array* a = array(key);
    if (!a) return out;
    for (const toml::node& e : *a) {
      if (!e.is_string()) {
        t_.error(key, "expected an array of strings");
        return {};
      }
      out.push_back(*e.value<std::string>());
    }
    if (classes > 0 && out.size() != classes)
      t_.error(key, std::to_string(out.size()) + " names for " + std::to_string(classes) +
                        " classes; expected one name per entry of " + bounds_key);
    return out;
  }

  /// Rows per depth class, columns per duration class, entries 1..risk classes.
  std::vector<std::vector<int>> risk(std::size_t rows, std::size_t cols,
                                     std::size_t classes) const {
    std::vector<std::vector<int>> out;
    const toml::array* a = array("risk");
    if (!a) return out;
    const std::string shape = std::to_string(rows) + " rows (depth classes) of " +
                              std::to_string(cols) + " entries (duration classes)";
    if (a->size() != rows) {
      t_.error("risk", std::to_string(a->size()) + " rows; expected " + shape);
      return {};
    }
    for (const toml::node& row : *a) {
      const toml::array* r = row.as_array();
      if (!r || r->size() != cols) {
        t_.error("risk",
                 "a row is not an array of " + std::to_string(cols) + "; expected " + shape);
        return {};
      }
      out.emplace_back();
      for (const toml::node& e : *r) {
        const std::optional<int64_t> v = e.value<int64_t>();
        if (!e.is_integer() || !v || *v < 1 || *v > static_cast<int64_t>(classes)) {
          t_.error("risk", "entries must be whole numbers 1 to " + std::to_string(classes) +
                               " (indices into risk_names)");
          return {};
        }
        out.back().push_back(static_cast<int>(*v));
      }
    }
    return out;
  }

  std::vector<int> road_classes() const {
    std::vector<int> out;
    const toml::node* n = t_.raw("road_classes");
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (a)
      for (const toml::node& e : *a) {
        const std::optional<int64_t> v = e.value<int64_t>();
        if (!e.is_integer() || !v || *v < 0 || *v > 255) {
          a = nullptr;
          break;
        }
        out.push_back(static_cast<int>(*v));
      }
    if (!a) t_.error("road_classes", "expected an array of land-use values 0..255, e.g. [1]");
    return out;
  }

 private:
  const TableReader& t_;
};

}  // namespace

void read_waterlogging(const toml::table& doc, const std::string& file,
                       std::vector<InputIssue>& issues, CaseConfig& c) {
  const TableReader t(doc["waterlogging"].as_table(), "waterlogging", file, issues);
  const WaterloggingReader r(t);
  WaterloggingConfig& w = c.waterlogging;
  w.depth_bounds_m = r.bounds("depth_bounds", 1.0);
  w.depth_names = r.names("depth_names", w.depth_bounds_m.size(), "depth_bounds");
  w.duration_bounds_s = r.bounds("duration_bounds", 60.0);
  w.duration_names = r.names("duration_names", w.duration_bounds_s.size(), "duration_bounds");
  w.hazard_bounds_m2_s = r.bounds("hazard_bounds", 1.0);
  w.hazard_names = r.names("hazard_names", w.hazard_bounds_m2_s.size(), "hazard_bounds");
  w.risk_names = r.names("risk_names", 0, "");
  if (w.risk_names.empty()) t.error("risk_names", "is empty; expected at least one risk class");
  w.risk = r.risk(w.depth_bounds_m.size(), w.duration_bounds_s.size(), w.risk_names.size());
  w.road_classes = r.road_classes();
  w.min_area_m2 = t.number_or_default("min_area", 0, 1e12, ">= 0 m^2");
}

WaterloggingConfig waterlogging_defaults() {
  std::vector<InputIssue> issues;
  CaseConfig c;
  read_waterlogging(toml::table{}, "case schema", issues, c);
  if (!issues.empty()) throw std::logic_error("case schema: " + issues.front().format());
  return c.waterlogging;
}

}  // namespace sf::config
