// Reads a TOML case file into a CaseConfig, collecting every problem before it throws.
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "common/input_error.hpp"
#include "config/case_config.hpp"
#include "config/case_reader_extra.hpp"
#include "config/case_schema.hpp"
#include "config/table_reader.hpp"

namespace sf::config {
namespace {

namespace fs = std::filesystem;

constexpr double kInf = 1e300;

std::string resolve(const std::string& p, const fs::path& base, const std::string& data_dir) {
  std::string s = p;
  const std::string token = "${data}";
  if (s.rfind(token, 0) == 0) s = data_dir + s.substr(token.size());
  fs::path path(s);
  if (path.is_relative()) path = base / path;
  return path.lexically_normal().string();
}

TimeSeries series_from(const TableReader& t, const char* key, const char* times_key, bool required,
                       double scale, bool& ok) {
  ok = true;
  const auto values = t.numbers(key, required);
  if (!values) {
    ok = !required && !t.has(key);
    return {};
  }
  for (double& v : const_cast<std::vector<double>&>(*values)) v *= scale;
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

void apply_overrides(toml::table& doc, const CaseOverrides& o, std::vector<InputIssue>& issues) {
  for (const auto& [dotted, text] : o.set) {
    const auto dot = dotted.find('.');
    if (dot == std::string::npos) {
      issues.push_back({"--set", 0, "", dotted, "expected table.key=value"});
      continue;
    }
    const std::string table = dotted.substr(0, dot), key = dotted.substr(dot + 1);
    try {
      toml::table snippet = toml::parse("v = " + text);
      if (!doc.contains(table)) doc.insert(table, toml::table{});
      toml::table* t = doc.get_as<toml::table>(table);
      if (!t) {
        issues.push_back(
            {"--set", 0, "[" + table + "]", key, "cannot override keys of an array of tables"});
        continue;
      }
      t->insert_or_assign(key, *snippet.get("v"));
    } catch (const toml::parse_error& e) {
      issues.push_back(
          {"--set", 0, "[" + table + "]", key,
           "value '" + text + "' is not a TOML value: " + std::string(e.description())});
    }
  }
}

swe::EdgeKind parse_kind(const std::string& s, bool& ok) {
  ok = true;
  if (s == "wall" || s == "closed") return swe::EdgeKind::kWall;
  if (s == "free" || s == "transmissive" || s == "open") return swe::EdgeKind::kFree;
  if (s == "critical") return swe::EdgeKind::kCritical;
  if (s == "level") return swe::EdgeKind::kLevel;
  if (s == "inflow") return swe::EdgeKind::kInflow;
  ok = false;
  return swe::EdgeKind::kWall;
}

}  // namespace

std::optional<swe::Side> parse_side(const std::string& s) {
  if (s == "west") return swe::kWest;
  if (s == "east") return swe::kEast;
  if (s == "south") return swe::kSouth;
  if (s == "north") return swe::kNorth;
  return std::nullopt;
}

CaseConfig read_case_file(const std::string& path, const CaseOverrides& overrides) {
  if (!fs::exists(path)) throw InputError(InputIssue{path, 0, "", "", "case file not found"});
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw InputError(InputIssue{path, int(e.source().begin.line), "", "",
                                "not valid TOML: " + std::string(e.description())});
  }
  std::vector<InputIssue> issues;
  apply_overrides(doc, overrides, issues);

  for (auto&& [k, v] : doc) {
    const auto& tables = case_tables();
    if (std::find(tables.begin(), tables.end(), std::string(k.str())) == tables.end()) {
      std::string allowed;
      for (const std::string& t : tables) allowed += (allowed.empty() ? "" : ", ") + t;
      issues.push_back({path, int(v.source().begin.line), "", std::string(k.str()),
                        "unknown table; expected one of: " + allowed});
    }
  }

  CaseConfig c;
  c.file = path;
  const fs::path base = fs::absolute(fs::path(path)).parent_path();
  const TableReader cs(doc["case"].as_table(), "case", path, issues);
  c.name = cs.string("name").value_or(fs::path(path).parent_path().filename().string());
  c.description = cs.string("description").value_or("");
  std::string data_dir = base.string();
  if (auto d = cs.string("data_dir")) data_dir = resolve(*d, base, base.string());
  if (!overrides.data_dir.empty()) data_dir = fs::absolute(overrides.data_dir).string();
  auto path_of = [&](const TableReader& t, const char* key, bool required = false) {
    const auto s = t.string(key, required);
    return s ? resolve(*s, base, data_dir) : std::string();
  };

  const TableReader grid(doc["grid"].as_table(), "grid", path, issues);
  if (!doc["grid"].as_table())
    issues.push_back({path, 0, "[grid]", "dem", "is required but missing (no [grid] table)"});
  c.dem = path_of(grid, "dem", doc["grid"].as_table() != nullptr);
  c.active_mask = path_of(grid, "active_mask");
  c.raise_mask = path_of(grid, "raise_mask");
  c.raise_height = grid.number("raise_height", -1e4, 1e4, "between -1e4 and 1e4 m").value_or(0);

  const TableReader surf(doc["surface"].as_table(), "surface", path, issues);
  c.manning = surf.number("manning", 0, 1, "a Manning n >= 0 and <= 1 s m^-1/3").value_or(0.03);
  c.manning_raster = path_of(surf, "manning_raster");
  c.initial_depth = surf.number("initial_depth", 0, 1e4, ">= 0 m").value_or(0);
  c.initial_level = surf.number("initial_level", -1e5, 1e5, "a level in m");
  if (c.initial_level && surf.has("initial_depth"))
    surf.error("initial_level", "cannot be combined with initial_depth; give one of them");
  c.initial_depth_raster = path_of(surf, "initial_depth_raster");
  c.flood_threshold = surf.number("flood_threshold", 0, 1e3, ">= 0 m").value_or(0.15);
  c.user_threshold = surf.number("user_threshold", 0, 1e3, ">= 0 m").value_or(0.3);

  const TableReader num(doc["numerics"].as_table(), "numerics", path, issues);
  if (auto o = num.number("order", 1, 2, "1 or 2")) {
    if (*o != 1 && *o != 2) num.error("order", "value must be 1 or 2");
    c.order = int(*o);
  }
  if (auto cfl = num.number("cfl", -kInf, kInf, "in (0, 1)")) {
    if (!(*cfl > 0 && *cfl < 1))
      num.error("cfl", "value " + std::to_string(*cfl) +
                           " is out of range; expected 0 < cfl < 1 (0.5 is a safe choice)");
    c.cfl = *cfl;
  }
  c.max_dt = num.number("max_dt", 1e-9, 1e6, "> 0 s").value_or(10);
  c.dry_depth = num.number("dry_depth", 0, 0.1, "between 0 and 0.1 m").value_or(1e-6);
  if (auto p = num.string("precision")) {
    try {
      c.precision = parse_precision(*p);
    } catch (const std::invalid_argument& e) {
      num.error("precision", e.what());
    }
  }

  const TableReader time(doc["time"].as_table(), "time", path, issues);
  if (!doc["time"].as_table())
    issues.push_back({path, 0, "[time]", "duration", "is required but missing (no [time] table)"});
  c.duration =
      time.number("duration", 1e-9, 1e10, "> 0 s", doc["time"].as_table() != nullptr).value_or(0);
  c.output_interval = time.number("output_interval", 1e-9, 1e10, "> 0 s").value_or(c.duration);
  c.start_iso8601 = time.string("start").value_or("");

  const TableReader rain(doc["rain"].as_table(), "rain", path, issues);
  const double mm_h = 1.0 / 1000.0 / 3600.0;
  double time_unit = 1.0;
  if (auto u = rain.string("time_unit")) {
    if (*u == "s")
      time_unit = 1;
    else if (*u == "min")
      time_unit = 60;
    else if (*u == "h")
      time_unit = 3600;
    else
      rain.error("time_unit", "'" + *u + "' is not a time unit; expected s, min or h");
  }
  auto interp = TimeSeries::Interpolation::kStep;
  if (auto i = rain.string("interpolation")) {
    if (*i == "linear")
      interp = TimeSeries::Interpolation::kLinear;
    else if (*i != "step")
      rain.error("interpolation", "'" + *i + "'; expected step or linear");
  }
  c.rain_time_unit = time_unit;
  c.rain_interpolation = interp;
  const std::string rain_file = path_of(rain, "file");
  read_rain_grid(
      rain, [&](const TableReader& t, const char* k, bool req) { return path_of(t, k, req); }, c);
  if (!rain_file.empty() && (rain.has("times") || rain.has("intensity")))
    rain.error("file", "give either a file or inline times/intensity, not both");
  if (!rain_file.empty()) {
    c.rain_source = rain_file;  // read by the case loader (host/io), which knows CSV
  } else if (rain.has("times") || rain.has("intensity")) {
    const auto t = rain.numbers("times", true);
    const auto v = rain.numbers("intensity", true);
    if (t && v) {
      std::vector<double> ts = *t, vs = *v;
      bool ok = true;
      for (double& x : ts) x *= time_unit;
      for (double& x : vs) {
        if (x < 0) ok = false;
        x *= mm_h;
      }
      if (!ok) rain.error("intensity", "holds a negative value; expected intensities >= 0 mm/h");
      try {
        if (ok) c.rain = TimeSeries(ts, vs, interp);
        c.rain_source = "inline";
      } catch (const std::invalid_argument& e) {
        rain.error("times", e.what());
      }
    }
  }

  read_design_storm(doc, path, issues, c);
  if (c.design_storm && (!c.rain_source.empty() || c.rain_grid))
    issues.push_back({path, 0, "[design_storm]", "", "cannot be combined with [rain]; give one"});
  read_soil(
      doc, path, [&](const TableReader& t, const char* k, bool req) { return path_of(t, k, req); },
      issues, c);

  if (const toml::array* arr = doc["boundary"].as_array()) {
    int n = 0;
    for (const toml::node& node : *arr) {
      const std::string label = "boundary[" + std::to_string(n) + "]";
      const TableReader b(node.as_table(), label, path, issues);
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
        if (!ok) b.error("type", "'" + *t + "'; expected wall, free, critical, level or inflow");
      }
      bool ok = true;
      if (bc.kind == swe::EdgeKind::kLevel)
        bc.series = series_from(b, "level", "times", true, 1, ok);
      if (bc.kind == swe::EdgeKind::kInflow)
        bc.series = series_from(b, "discharge", "times", true, 1, ok);
      c.boundaries.push_back(bc);
      ++n;
    }
  } else if (doc.contains("boundary")) {
    issues.push_back({path, int(doc["boundary"].node()->source().begin.line), "", "boundary",
                      "expected an array of tables written [[boundary]]"});
  }

  if (const toml::array* arr = doc["source"].as_array()) {
    int n = 0;
    for (const toml::node& node : *arr) {
      const TableReader s(node.as_table(), "source[" + std::to_string(n) + "]", path, issues);
      SourceConfig sc;
      sc.name = s.string("name").value_or("source" + std::to_string(n));
      sc.x = s.number("x", -kInf, kInf, "a coordinate in m", true).value_or(0);
      sc.y = s.number("y", -kInf, kInf, "a coordinate in m", true).value_or(0);
      sc.radius = s.number("radius", 0, 1e6, ">= 0 m").value_or(0);
      bool ok;
      sc.discharge = series_from(s, "discharge", "times", true, 1, ok);
      c.sources.push_back(sc);
      ++n;
    }
  } else if (doc.contains("source")) {
    issues.push_back({path, int(doc["source"].node()->source().begin.line), "", "source",
                      "expected an array of tables written [[source]]"});
  }

  read_network(
      doc, path, [&](const TableReader& t, const char* k, bool req) { return path_of(t, k, req); },
      issues, c);

  const TableReader out(doc["output"].as_table(), "output", path, issues);
  c.output_dir = out.has("directory") ? path_of(out, "directory") : (base / "results").string();
  c.vtk = out.boolean("vtk").value_or(true);
  c.netcdf = out.boolean("netcdf").value_or(true);
  c.network_vtk = out.boolean("network_vtk").value_or(true);
  c.timeseries_interval =
      out.number("timeseries_interval", 1e-3, 1e9, "> 0 s").value_or(c.timeseries_interval);
  if (!c.network)
    for (const char* k : {"network_vtk", "timeseries_interval"})
      if (out.has(k)) out.error(k, "only applies to a case with a [network] table");
  if (const toml::node* g = out.raw("gauges")) {
    const toml::array* a = g->as_array();
    bool ok = a != nullptr;
    if (a)
      for (const toml::node& e : *a) {
        const toml::array* p = e.as_array();
        if (!p || p->size() != 2 || !(*p)[0].is_number() || !(*p)[1].is_number()) {
          ok = false;
          break;
        }
        c.gauges.push_back({"gauge" + std::to_string(c.gauges.size()), *(*p)[0].value<double>(),
                            *(*p)[1].value<double>()});
      }
    if (!ok) out.error("gauges", "expected an array of [x, y] pairs of numbers");
  }
  if (const toml::node* names = out.raw("gauge_names")) {
    const toml::array* a = names->as_array();
    if (!a || a->size() != c.gauges.size())
      out.error("gauge_names", "expected an array of strings, one per gauge");
    else
      for (std::size_t i = 0; i < a->size(); ++i)
        if (auto s = (*a)[i].value<std::string>()) c.gauges[i].name = *s;
  }

  if (!issues.empty()) throw InputError(issues);
  return c;
}

}  // namespace sf::config
