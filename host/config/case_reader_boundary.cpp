// Reading the [[boundary]] and [[source]] arrays of a case file: edge segments with their kind and
// series, and point sources. Problems are appended to `issues`.
#include <limits>
#include <optional>
#include <string>

#include "config/case_reader_extra.hpp"

namespace sf::config {
namespace {

constexpr double kInf = 1e300;

std::optional<swe::Side> parse_side(const std::string& s) {
  if (s == "west") return swe::kWest;
  if (s == "east") return swe::kEast;
  if (s == "south") return swe::kSouth;
  if (s == "north") return swe::kNorth;
  return std::nullopt;
}

swe::EdgeKind parse_kind(const std::string& s, bool& ok) {
  ok = true;
  if (s == "wall" || s == "closed") return swe::EdgeKind::kWall;
  // "transmissive" is kept for old cases; it now means the normal-depth open edge.
  if (s == "free" || s == "open" || s == "transmissive") return swe::EdgeKind::kFree;
  if (s == "critical") return swe::EdgeKind::kCritical;
  if (s == "level") return swe::EdgeKind::kLevel;
  if (s == "inflow") return swe::EdgeKind::kInflow;
  ok = false;
  return swe::EdgeKind::kWall;
}

/// Keys that describe one kind of edge only; given on another kind they would be ignored.
struct KindKey {
  const char* key;
  swe::EdgeKind kind;
  swe::EdgeKind also;  // a second kind the key applies to (times: level and inflow)
};
constexpr KindKey kKindKeys[] = {
    {"level", swe::EdgeKind::kLevel, swe::EdgeKind::kLevel},
    {"discharge", swe::EdgeKind::kInflow, swe::EdgeKind::kInflow},
    {"depth", swe::EdgeKind::kInflow, swe::EdgeKind::kInflow},
    {"slope", swe::EdgeKind::kFree, swe::EdgeKind::kFree},
    {"min_slope", swe::EdgeKind::kFree, swe::EdgeKind::kFree},
    {"times", swe::EdgeKind::kLevel, swe::EdgeKind::kInflow},
};

const char* kind_name(swe::EdgeKind k) {
  switch (k) {
    case swe::EdgeKind::kWall:
      return "wall";
    case swe::EdgeKind::kFree:
      return "free";
    case swe::EdgeKind::kCritical:
      return "critical";
    case swe::EdgeKind::kLevel:
      return "level";
    case swe::EdgeKind::kInflow:
      return "inflow";
  }
  return "?";
}

void reject_keys_of_other_kinds(const TableReader& b, swe::EdgeKind kind, const std::string& type) {
  for (const KindKey& k : kKindKeys) {
    if (!b.has(k.key) || k.kind == kind || k.also == kind) continue;
    std::string kinds = "\"" + std::string(kind_name(k.kind)) + "\"";
    if (k.also != k.kind) kinds += " or \"" + std::string(kind_name(k.also)) + "\"";
    b.error(k.key, "only applies to boundaries of type = " + kinds + "; this one is type = \"" +
                       type + "\"");
  }
}

/// kFree: the energy slope of the flow leaving the edge (NaN = the local bed slope) and its floor.
void read_free_edge(const TableReader& b, BoundaryConfig& bc) {
  constexpr double kTiny = std::numeric_limits<double>::min();
  if (auto s = b.number("slope", kTiny, kInf, "an energy slope > 0 (m/m)")) bc.slope = *s;
  if (auto m = b.number("min_slope", kTiny, kInf, "a slope > 0 (m/m)")) bc.min_slope = *m;
}

/// kInflow: the discharge (m^3/s) and, for a supercritical inflow, its depth (m).
void read_inflow_edge(const TableReader& b, BoundaryConfig& bc) {
  bool ok = true;
  bc.series = read_series(b, "discharge", "times", true, ok);
  bc.inflow_depth = read_series(b, "depth", "times", false, ok);
  for (double d : bc.inflow_depth.values())
    if (!(d > 0)) {
      b.error("depth", "holds " + std::to_string(d) + "; expected inflow depths > 0 m");
      break;
    }
}

}  // namespace

TimeSeries read_series(const TableReader& t, const char* key, const char* times_key, bool required,
                       bool& ok) {
  ok = true;
  const auto values = t.numbers(key, required);
  if (!values) {
    ok = !required && !t.has(key);
    return {};
  }
  if (values->size() == 1 && !t.raw(key)->is_array()) return TimeSeries::constant(values->front());
  const auto times = t.numbers(times_key, true);
  if (!times) {
    ok = false;
    return {};
  }
  try {
    return TimeSeries(*times, *values);
  } catch (const std::invalid_argument& e) {
    t.error(times_key, e.what());
    ok = false;
    return {};
  }
}

void read_boundaries(const toml::table& doc, const std::string& file,
                     std::vector<InputIssue>& issues, CaseConfig& c) {
  const toml::array* arr = doc["boundary"].as_array();
  if (!arr) {
    if (doc.contains("boundary"))
      issues.push_back({file, int(doc["boundary"].node()->source().begin.line), "", "boundary",
                        "expected an array of tables written [[boundary]]"});
    return;
  }
  int n = 0;
  for (const toml::node& node : *arr) {
    const TableReader b(node.as_table(), "boundary[" + std::to_string(n) + "]", file, issues);
    BoundaryConfig bc;
    bc.name = b.string("name").value_or("boundary" + std::to_string(n));
    if (auto s = b.string("side", true)) {
      if (auto side = parse_side(*s))
        bc.side = *side;
      else
        b.error("side", "'" + *s + "' is not an edge; expected west, east, south or north");
    }
    if (auto from = b.number("from", -kInf, kInf, "a coordinate in m")) bc.from = *from;
    if (auto to = b.number("to", -kInf, kInf, "a coordinate in m")) bc.to = *to;
    if (bc.to < bc.from) b.error("to", "is smaller than from; expected from <= to");
    if (auto t = b.string("type", true)) {
      bool ok;
      bc.kind = parse_kind(*t, ok);
      if (!ok) {
        b.error("type", "'" + *t + "'; expected wall, free, critical, level or inflow");
      } else {
        reject_keys_of_other_kinds(b, bc.kind, *t);
        bool series_ok = true;
        if (bc.kind == swe::EdgeKind::kLevel)
          bc.series = read_series(b, "level", "times", true, series_ok);
        if (bc.kind == swe::EdgeKind::kInflow) read_inflow_edge(b, bc);
        if (bc.kind == swe::EdgeKind::kFree) read_free_edge(b, bc);
      }
    }
    c.boundaries.push_back(bc);
    ++n;
  }
}

void read_sources(const toml::table& doc, const std::string& file, std::vector<InputIssue>& issues,
                  CaseConfig& c) {
  const toml::array* arr = doc["source"].as_array();
  if (!arr) {
    if (doc.contains("source"))
      issues.push_back({file, int(doc["source"].node()->source().begin.line), "", "source",
                        "expected an array of tables written [[source]]"});
    return;
  }
  int n = 0;
  for (const toml::node& node : *arr) {
    const TableReader s(node.as_table(), "source[" + std::to_string(n) + "]", file, issues);
    SourceConfig sc;
    sc.name = s.string("name").value_or("source" + std::to_string(n));
    sc.x = s.number("x", -kInf, kInf, "a coordinate in m", true).value_or(0);
    sc.y = s.number("y", -kInf, kInf, "a coordinate in m", true).value_or(0);
    sc.radius = s.number_or_default("radius", 0, 1e6, ">= 0 m");
    bool ok;
    sc.discharge = read_series(s, "discharge", "times", true, ok);
    c.sources.push_back(sc);
    ++n;
  }
}

}  // namespace sf::config
