// Error collection and typed field access for the .inp reader (see context.hpp).
#include "inp/context.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sf::inp::detail {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string join_words(const std::vector<const char*>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += (i + 1 == words.size()) ? " or " : ", ";
    s += words[i];
  }
  return s;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void Context::error(int line, const std::string& field, const std::string& message) {
  if (full()) return;
  errors_.push_back(InputIssue{file, line, section, field, message});
  if (full())
    errors_.push_back(InputIssue{
        file, 0, "", "", "too many errors; stopped reporting after " + std::to_string(kMaxErrors)});
}

void Context::warn(int line, const std::string& field, const std::string& message) {
  if (warnings_) warnings_->push_back(InputIssue{file, line, section, field, message}.format());
}

void Row::error(const std::string& message) const {
  ctx_.error(number(), label(), message);
}
void Row::warn(const std::string& message) const {
  ctx_.warn(number(), label(), message);
}

bool Row::require(size_t n, const char* layout) {
  if (size() >= n) return true;
  error("found " + std::to_string(size()) + (size() == 1 ? " field" : " fields") +
        "; expected at least " + std::to_string(n) + ": " + layout);
  return false;
}

double Row::number(size_t i, const char* name, Bound bound, const char* expected, double fallback) {
  if (!has(i)) {
    error(std::string(name) + " is missing; expected " + (expected ? expected : "a number"));
    return fallback;
  }
  const std::string& t = tok(i);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (t.empty() || end == t.c_str() || *end != '\0' || !std::isfinite(v)) {
    error(std::string(name) + " \"" + t + "\" is not a number; expected " +
          (expected ? expected : "a number"));
    return fallback;
  }
  if (bound == Bound::NonNegative && v < 0.0) {
    error(std::string(name) + " " + t + " is negative; expected " +
          (expected ? expected : "a value >= 0"));
    return fallback;
  }
  if (bound == Bound::Positive && v <= 0.0) {
    error(std::string(name) + " " + t + (v < 0.0 ? " is negative" : " is zero") + "; expected " +
          (expected ? expected : "a value > 0"));
    return fallback;
  }
  return v;
}

double Row::optional_number(size_t i, const char* name, double dflt, Bound bound,
                            const char* expected, bool star_is_default) {
  if (!has(i) || (star_is_default && is_star(i))) return dflt;
  return number(i, name, bound, expected, dflt);
}

int Row::keyword(size_t i, const char* name, const std::vector<const char*>& words) {
  if (!has(i)) {
    error(std::string(name) + " is missing; expected " + join_words(words));
    return -1;
  }
  const std::string u = upper(tok(i));
  for (size_t k = 0; k < words.size(); ++k)
    if (u == words[k]) return static_cast<int>(k);
  error(std::string(name) + " \"" + tok(i) + "\" is not a known keyword; expected " +
        join_words(words));
  return -1;
}

bool Row::yes_no(size_t i, const char* name, bool dflt) {
  if (!has(i) || is_star(i)) return dflt;
  int k = keyword(i, name, {"NO", "YES"});
  return k < 0 ? dflt : k == 1;
}

int Row::lookup(const std::unordered_map<std::string, int>& index, size_t i, const char* name,
                const char* what, const char* where) {
  if (!has(i)) {
    error(std::string(name) + " is missing; expected the ID of a " + what);
    return -1;
  }
  auto it = index.find(upper(tok(i)));
  if (it != index.end()) return it->second;
  error(std::string(name) + " \"" + tok(i) + "\" is not defined; expected a " + what +
        " defined in " + where);
  return -1;
}

int Row::node(size_t i, const char* name) {
  return lookup(ctx_.model.node_index, i, name, "node",
                "[JUNCTIONS], [OUTFALLS], [STORAGE] or [DIVIDERS]");
}
int Row::link(size_t i, const char* name) {
  return lookup(ctx_.model.link_index, i, name, "link",
                "[CONDUITS], [PUMPS], [ORIFICES], [WEIRS] or [OUTLETS]");
}
int Row::curve(size_t i, const char* name) {
  return lookup(ctx_.model.curve_index, i, name, "curve", "[CURVES]");
}
int Row::series(size_t i, const char* name) {
  return lookup(ctx_.model.series_index, i, name, "time series", "[TIMESERIES]");
}
int Row::pattern(size_t i, const char* name) {
  return lookup(ctx_.model.pattern_index, i, name, "time pattern", "[PATTERNS]");
}
int Row::transect(size_t i, const char* name) {
  return lookup(ctx_.model.transect_index, i, name, "transect", "[TRANSECTS]");
}

}  // namespace sf::inp::detail
