// Shared state of one read: the model being built, unit factors, the error list (up to 100,
// like SWMM) and warnings; plus Row, which reads typed fields from one line and reports
// problems in the project's message shape "file:line: [SECTION] ID: what; expected what".
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/input_error.hpp"
#include "inp/model.hpp"
#include "inp/tokenizer.hpp"
#include "inp/units.hpp"

namespace sf::inp::detail {

inline constexpr size_t kMaxErrors = 100;  // SWMM stops after 100 input errors (input.c)

std::string upper(std::string s);

class Context {
 public:
  Context(std::string file, std::string base_dir, std::vector<std::string>* warnings)
      : file(std::move(file)), base_dir(std::move(base_dir)), warnings_(warnings) {}

  std::string file;      // name used in messages
  std::string base_dir;  // folder for relative file references
  std::string section;   // current section as "[NAME]"
  Model model;
  UnitFactors units;

  // Upper-cased names defined in sections that are kept but not simulated; used to check
  // references to them (outfall route-to, pollutant inflows, STREET cross-sections, rules).
  std::unordered_set<std::string> subcatchments, pollutants, gages, streets;
  /// SI factor of each time series' values, set by its first user (see use_series).
  std::vector<double> series_factor;
  std::vector<int> series_first_use_line;
  std::vector<std::string> series_first_user;

  void error(int line, const std::string& field, const std::string& message);
  void warn(int line, const std::string& field, const std::string& message);
  bool full() const { return errors_.size() >= kMaxErrors; }
  const std::vector<InputIssue>& errors() const { return errors_; }
  const char* length_unit() const {
    return model.options.unit_system == UnitSystem::US ? "ft" : "m";
  }

 private:
  std::vector<InputIssue> errors_;
  std::vector<std::string>* warnings_;
};

enum class Bound { Any, NonNegative, Positive };

/// Typed access to the tokens of one data line; every problem becomes an error naming the
/// line, the section, the object ID and the field.
class Row {
 public:
  Row(Context& ctx, const InputLine& line) : ctx_(ctx), line_(line) {}

  const std::string& id() const { return line_.tokens[0]; }
  int number() const { return line_.number; }
  size_t size() const { return line_.tokens.size(); }
  bool has(size_t i) const { return i < line_.tokens.size(); }
  const std::string& tok(size_t i) const { return line_.tokens[i]; }
  bool is_star(size_t i) const { return has(i) && tok(i) == "*"; }
  /// Label of the object for messages (the first token unless set).
  void set_label(std::string label) { label_ = std::move(label); }

  /// Errors when fewer than n tokens: "found 4 fields; expected at least 7: <layout>".
  bool require(size_t n, const char* layout);
  /// A number; on error returns `fallback` after reporting.
  double number(size_t i, const char* name, Bound bound = Bound::Any,
                const char* expected = nullptr, double fallback = 0.0);
  /// An optional number: `dflt` when the token is absent (or "*" when star_is_default).
  double optional_number(size_t i, const char* name, double dflt, Bound bound = Bound::Any,
                         const char* expected = nullptr, bool star_is_default = true);
  /// Index of tok(i) among `words` (case-insensitive, exact); -1 and an error otherwise.
  int keyword(size_t i, const char* name, const std::vector<const char*>& words);
  /// YES/NO; `dflt` when absent or "*".
  bool yes_no(size_t i, const char* name, bool dflt);
  int node(size_t i, const char* name);
  int link(size_t i, const char* name);
  int curve(size_t i, const char* name);
  int series(size_t i, const char* name);
  int pattern(size_t i, const char* name);
  int transect(size_t i, const char* name);

  void error(const std::string& message) const;
  void warn(const std::string& message) const;

 private:
  int lookup(const std::unordered_map<std::string, int>& index, size_t i, const char* name,
             const char* what, const char* where);
  const std::string& label() const { return label_.empty() ? id() : label_; }

  Context& ctx_;
  const InputLine& line_;
  std::string label_;
};

/// "a, b or c" for messages.
std::string join_words(const std::vector<const char*>& words);
/// Shortest text that gives back the same double (for messages).
std::string format_number(double v);

}  // namespace sf::inp::detail
