// Checked access to one table of a TOML case file: typed getters that record every problem
// (wrong type, out of range, unknown key) with file, line, table and key instead of throwing.
#pragma once

#include <toml++/toml.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "common/input_error.hpp"
#include "config/case_schema.hpp"

namespace sf::config {

/// Checked access to one TOML table; remembers errors instead of throwing at the first.
class TableReader {
 public:
  TableReader(const toml::table* t, std::string name, std::string file,
              std::vector<InputIssue>& issues)
      : t_(t), name_(std::move(name)), file_(std::move(file)), issues_(issues) {
    check_keys();
  }

  bool has(const char* key) const { return t_ && t_->contains(key); }

  void error(const char* key, const std::string& message) const {
    issues_.push_back({file_, line(key), "[" + name_ + "]", key, message});
  }

  std::optional<double> number(const char* key, double lo, double hi, const char* expected,
                               bool required = false) const {
    const toml::node* n = node(key, required);
    if (!n) return std::nullopt;
    const std::optional<double> v = n->value<double>();
    if (!n->is_number() || !v) {
      error(key, "found " + type_of(*n) + "; expected a number " + expected);
      return std::nullopt;
    }
    if (!std::isfinite(*v) || *v < lo || *v > hi) {
      error(key, "value " + fmt(*v) + " is out of range; expected " + expected);
      return std::nullopt;
    }
    return v;
  }

  /// number(), or the schema's documented default (case_schema.cpp) when the key is absent; a
  /// bad value is reported and the default stands in for it.
  double number_or_default(const char* key, double lo, double hi, const char* expected) const {
    return number(key, lo, hi, expected).value_or(schema_default(schema_table(), key));
  }

  /// The table's name in the schema: "lid" for the reader of "lid[2]".
  std::string schema_table() const { return name_.substr(0, name_.find('[')); }

  std::optional<std::string> string(const char* key, bool required = false) const {
    const toml::node* n = node(key, required);
    if (!n) return std::nullopt;
    if (!n->is_string()) {
      error(key, "found " + type_of(*n) + "; expected a string");
      return std::nullopt;
    }
    return n->value<std::string>();
  }

  std::optional<bool> boolean(const char* key) const {
    const toml::node* n = node(key, false);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) {
      error(key, "found " + type_of(*n) + "; expected true or false");
      return std::nullopt;
    }
    return n->value<bool>();
  }

  /// A number, or an array of numbers; returns the values (one for a number).
  std::optional<std::vector<double>> numbers(const char* key, bool required = false) const {
    const toml::node* n = node(key, required);
    if (!n) return std::nullopt;
    std::vector<double> out;
    if (n->is_number()) {
      out.push_back(*n->value<double>());
      return out;
    }
    if (const toml::array* a = n->as_array()) {
      for (const toml::node& e : *a) {
        if (!e.is_number()) {
          error(key, "array holds " + type_of(e) + "; expected numbers only");
          return std::nullopt;
        }
        out.push_back(*e.value<double>());
      }
      return out;
    }
    error(key, "found " + type_of(*n) + "; expected a number or an array of numbers");
    return std::nullopt;
  }

  const toml::node* raw(const char* key) const { return t_ ? t_->get(key) : nullptr; }
  int line(const char* key) const {
    if (t_) {
      if (const toml::node* n = t_->get(key)) return int(n->source().begin.line);
      return int(t_->source().begin.line);
    }
    return 0;
  }

 private:
  const toml::node* node(const char* key, bool required) const {
    const toml::node* n = t_ ? t_->get(key) : nullptr;
    if (!n && required) error(key, "is required but missing");
    return n;
  }

  void check_keys() const {
    if (!t_) return;
    std::string table_name = name_;
    const auto bracket = table_name.find('[');
    if (bracket != std::string::npos) table_name = table_name.substr(0, bracket);
    for (auto&& [k, v] : *t_) {
      bool known = false;
      std::string allowed;
      for (const KeySpec& s : case_schema()) {
        if (table_name != s.table) continue;
        if (k.str() == s.key) known = true;
        allowed += (allowed.empty() ? "" : ", ") + std::string(s.key);
      }
      if (!known)
        issues_.push_back({file_, int(v.source().begin.line), "[" + name_ + "]",
                           std::string(k.str()), "unknown key; expected one of: " + allowed});
    }
  }

  static std::string type_of(const toml::node& n) {
    switch (n.type()) {
      case toml::node_type::string:
        return "a string";
      case toml::node_type::integer:
        return "an integer";
      case toml::node_type::floating_point:
        return "a number";
      case toml::node_type::boolean:
        return "a boolean";
      case toml::node_type::array:
        return "an array";
      case toml::node_type::table:
        return "a table";
      default:
        return "a date/time";
    }
  }
  static std::string fmt(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
  }

  const toml::table* t_;
  std::string name_, file_;
  std::vector<InputIssue>& issues_;
};

}  // namespace sf::config
