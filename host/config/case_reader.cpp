// Reads a TOML case file into a CaseConfig, collecting every problem before it throws.
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <set>

#include "common/input_error.hpp"
#include "config/toml_file.hpp"
#include "config/case_config.hpp"
#include "config/case_reader_extra.hpp"
#include "config/case_schema.hpp"
#include "config/table_reader.hpp"
#include "core/physical_constants.hpp"
#include "engine/simulation.hpp"

namespace sf::config {
namespace {

namespace fs = std::filesystem;

constexpr double kSmallestPositive = std::numeric_limits<double>::min();

std::string format_number(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

std::string resolve(const std::string& p, const fs::path& base, const std::string& data_dir) {
  std::string s = p;
  const std::string token = "${data}";
  if (s.rfind(token, 0) == 0) s = data_dir + s.substr(token.size());
  fs::path path(s);
  if (path.is_relative()) path = base / path;
  return path.lexically_normal().string();
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

}  // namespace

CaseConfig read_case_file(const std::string& path, const CaseOverrides& overrides) {
  if (!fs::exists(path)) throw InputError(InputIssue{path, 0, "", "", "case file not found"});
  if (fs::is_directory(path))
    throw InputError(InputIssue{path, 0, "", "", "is a folder; expected a case file (case.toml)"});
  toml::table doc = config::parse_toml_file(path);
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
  c.raise_height = grid.number_or_default("raise_height", -1e4, 1e4, "between -1e4 and 1e4 m");

  const TableReader surf(doc["surface"].as_table(), "surface", path, issues);
  read_surface(surf, path_of, c);

  const TableReader num(doc["numerics"].as_table(), "numerics", path, issues);
  if (auto o = num.number("order", 1, 2, "1 or 2")) {
    if (*o != 1 && *o != 2) num.error("order", "value must be 1 or 2");
    c.order = int(*o);
  }
  // The engine refuses a Courant number above the bound that keeps depths non-negative.
  const std::string cfl_range =
      "0 < cfl <= " + format_number(kPositivityCourant) + " (the scheme's positivity bound)";
  c.cfl =
      num.number("cfl", kSmallestPositive, kPositivityCourant, cfl_range.c_str()).value_or(c.cfl);
  // 100 m s^-2 catches a gravity typed in cm s^-2.
  c.gravity =
      num.number("gravity", kSmallestPositive, 100, "> 0 and <= 100 m s^-2").value_or(kGravity);
  c.max_dt = num.number("max_dt", 1e-9, 1e6, "> 0 s").value_or(NumericsSpec{}.max_dt);
  c.dry_depth =
      num.number("dry_depth", 0, 0.1, "between 0 and 0.1 m").value_or(NumericsSpec{}.dry_depth);
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
  read_time(time, doc["time"].as_table() != nullptr, c);

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

  read_boundaries(doc, path, issues, c);
  read_sources(doc, path, issues, c);

  read_network(
      doc, path, [&](const TableReader& t, const char* k, bool req) { return path_of(t, k, req); },
      issues, c);
  read_capacity(doc, path, issues, c);
  read_waterlogging(doc, path, issues, c);

  const TableReader out(doc["output"].as_table(), "output", path, issues);
  c.output_dir = out.has("directory") ? path_of(out, "directory") : (base / "results").string();
  c.vtk = out.boolean("vtk").value_or(true);
  c.netcdf = out.boolean("netcdf").value_or(true);
  c.netcdf_float64 = out.boolean("netcdf_float64").value_or(false);
  c.network_vtk = out.boolean("network_vtk").value_or(true);
  c.timeseries_interval = out.number_or_default("timeseries_interval", 1e-3, 1e9, "> 0 s");
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
