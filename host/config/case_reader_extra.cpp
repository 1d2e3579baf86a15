#include "config/case_reader_extra.hpp"

#include <map>

#include <stdexcept>

#include "config/friction_laws.hpp"
#include "io/netcdf/cf_time.hpp"
#include "rain/storm_presets.hpp"

namespace sf::config {
namespace {

constexpr double kMmPerHour = 1.0 / 1000.0 / 3600.0;  // m/s per mm/h
constexpr double kMm = 1.0 / 1000.0;                  // m per mm
constexpr double kInf = 1e300;

/// SWMM gives void ratios (voids / solids); our layers store the void fraction e / (1 + e).
double void_fraction(double ratio) {
  return ratio / (1.0 + ratio);
}

soil::LidKind parse_lid_kind(const std::string& s, bool& ok) {
  ok = true;
  if (s == "permeable_pavement") return soil::LidKind::kPermeablePavement;
  if (s == "green_roof") return soil::LidKind::kGreenRoof;
  if (s == "bioretention") return soil::LidKind::kBioretention;
  if (s == "infiltration_trench") return soil::LidKind::kInfiltrationTrench;
  if (s == "rain_barrel") return soil::LidKind::kRainBarrel;
  ok = false;
  return soil::LidKind::kNone;
}

soil::LidParams<double> read_lid(const TableReader& t) {
  soil::LidParams<double> p;
  // Absent keys take the schema's defaults (case_schema.cpp).
  auto mm = [&](const char* key) { return t.number_or_default(key, 0, 1e6, ">= 0 mm") * kMm; };
  auto share = [&](const char* key) { return t.number_or_default(key, 0, 1, "between 0 and 1"); };
  auto rate = [&](const char* key) {
    return t.number_or_default(key, 0, 1e6, ">= 0 mm/h") * kMmPerHour;
  };
  p.surface.berm_height = mm("berm");
  p.pavement.thickness = mm("pavement_thickness");
  p.pavement.void_fraction =
      void_fraction(t.number_or_default("pavement_void_ratio", 0, 1e3, ">= 0"));
  p.pavement.impervious_share = share("pavement_impervious");
  p.pavement.permeability = rate("pavement_permeability");
  p.soil.thickness = mm("soil_thickness");
  p.soil.porosity = share("porosity");
  p.soil.field_capacity = share("field_capacity");
  p.soil.wilting_point = share("wilting_point");
  p.soil.ks = rate("soil_ks");
  p.soil.conductivity_slope = t.number_or_default("conductivity_slope", 0, 1e3, ">= 0");
  p.soil.suction = mm("soil_suction");
  p.soil.initial_moisture =  // the schema's default names another key: field_capacity
      t.number("initial_moisture", 0, 1, "between 0 and 1").value_or(p.soil.field_capacity);
  p.storage.height = mm("storage_height");
  p.storage.void_fraction =
      void_fraction(t.number_or_default("storage_void_ratio", 0, 1e3, ">= 0"));
  p.storage.seepage = rate("seepage");
  p.storage.initial_fill = share("initial_fill");
  const double n = t.number_or_default("drain_exponent", 0, 10, "between 0 and 10");
  p.drain.coeff =
      soil::drain_coeff_from_swmm_si(t.number_or_default("drain_coeff", 0, 1e6, ">= 0"), n);
  p.drain.exponent = n;
  p.drain.offset = mm("drain_offset");
  p.drain.delay = t.number_or_default("drain_delay", 0, 1e4, ">= 0 h") * 3600.0;
  return p;
}

}  // namespace

void read_rain_gauges(const TableReader& rain, const PathResolver& path_of, CaseConfig& c) {
  const std::string gauges = path_of(rain, "gauges", false);
  const std::string series = path_of(rain, "gauge_series", false);
  if (gauges.empty() && series.empty()) {
    for (const char* k : {"gauge_method", "idw_power"})
      if (rain.has(k)) rain.error(k, "only applies with gauges and gauge_series");
    return;
  }
  if (gauges.empty()) rain.error("gauges", "is required with gauge_series");
  if (series.empty()) rain.error("gauge_series", "is required with gauges");
  if (rain.has("grid") || rain.has("file") || rain.has("times"))
    rain.error("gauges", "give one rain source: gauges, a grid or a hyetograph");
  RainGaugeConfig g{gauges, series, false};
  if (auto m = rain.string("gauge_method")) {
    if (*m == "idw")
      g.inverse_distance = true;
    else if (*m != "thiessen")
      rain.error("gauge_method", "'" + *m + "'; expected thiessen or idw");
  }
  g.power = rain.number_or_default("idw_power", 1e-6, 100, "> 0");
  c.rain_gauges = g;
}

namespace {

/// [rain] start is read in the rain file's calendar, known only when the file is opened; a text
/// that is an ISO 8601 date-time in none of the CF calendars is wrong in every file,
/// so it is refused here, with the case, rather than when the run loads the grid.
void check_rain_start(const TableReader& rain, const std::string& start) {
  std::string reason;
  for (const io::CfCalendar calendar :
       {io::CfCalendar::kStandard, io::CfCalendar::kProlepticGregorian, io::CfCalendar::kNoLeap,
        io::CfCalendar::kAllLeap, io::CfCalendar::k360Day, io::CfCalendar::kJulian}) {
    try {
      io::parse_iso8601_calendar_seconds(start, calendar);
      return;
    } catch (const std::invalid_argument& e) {
      if (reason.empty()) reason = e.what();
    }
  }
  rain.error("start", "\"" + start + "\" is not an ISO 8601 date-time in any CF calendar (" +
                          reason + "); expected e.g. 2020-10-31T03:00:00Z");
}

}  // namespace

void read_rain_grid(const TableReader& rain, const PathResolver& path_of, CaseConfig& c) {
  read_rain_gauges(rain, path_of, c);
  const std::string grid = path_of(rain, "grid", false);
  if (grid.empty()) {
    for (const char* k : {"variable", "start", "coverage"})
      if (rain.has(k)) rain.error(k, "only applies with a rain grid; add grid = \"file.nc\"");
    return;
  }
  if (rain.has("file") || rain.has("times") || rain.has("intensity"))
    rain.error("grid", "give either a rain grid or a hyetograph (file, times/intensity), not both");
  RainGridConfig g;
  g.path = grid;
  g.variable = rain.string("variable").value_or("");
  g.start = rain.string("start").value_or("");
  if (!g.start.empty()) check_rain_start(rain, g.start);
  if (auto cov = rain.string("coverage")) {
    if (*cov == "zero_outside")
      g.zero_outside = true;
    else if (*cov != "require")
      rain.error("coverage", "'" + *cov + "'; expected require or zero_outside");
  }
  c.rain_grid = g;
}

void read_design_storm(const toml::table& doc, const std::string& file,
                       std::vector<InputIssue>& issues, CaseConfig& c) {
  const toml::table* t = doc["design_storm"].as_table();
  if (!t) return;
  const TableReader d(t, "design_storm", file, issues);
  DesignStormConfig s;
  if (auto p = d.string("preset")) {
    s.preset = *p;
    try {
      const rain::StormIntensityFormula f = rain::storm_formula_preset(*p).formula;
      s.a1_mm_per_min = f.A1_mm_per_min;
      s.c = f.C;
      s.b_min = f.b_min;
      s.n = f.n;
    } catch (const std::exception& e) {
      d.error("preset", e.what());
    }
    for (const char* k : {"a1", "c", "b", "n"})
      if (d.has(k)) d.error(k, "cannot be combined with a preset");
  } else {
    s.a1_mm_per_min = d.number("a1", 1e-9, 1e4, "> 0 mm/min", true).value_or(0);
    s.c = d.number("c", 0, 100, ">= 0", true).value_or(0);
    s.b_min = d.number("b", 0, 1e3, ">= 0 min", true).value_or(0);
    s.n = d.number("n", 1e-9, 10, "> 0", true).value_or(0);
  }
  s.return_period_years = d.number("return_period", 0.1, 1e4, "> 0 years", true).value_or(0);
  s.duration_s = d.number("duration", 1, 1e7, "> 0 s", true).value_or(0);
  s.peak_position = d.number_or_default("peak_position", 0, 1, "between 0 and 1");
  s.step_s = d.number_or_default("step", 1, 1e5, "> 0 s");
  c.design_storm = s;
}

void read_soil(const toml::table& doc, const std::string& file, const PathResolver& path_of,
               std::vector<InputIssue>& issues, CaseConfig& c) {
  const toml::table* st = doc["soil"].as_table();
  const toml::array* classes = doc["landuse"].as_array();
  const toml::array* lids = doc["lid"].as_array();
  if (!st) {
    if (classes || lids)
      issues.push_back({file, 0, "[soil]", "land_use",
                        "[[landuse]]/[[lid]] need a [soil] table with land_use = \"raster\""});
    return;
  }
  const TableReader s(st, "soil", file, issues);
  SoilConfig cfg;
  cfg.land_use_raster = path_of(s, "land_use", true);
  cfg.evaporation_m_per_s =
      s.number_or_default("evaporation", 0, 100, ">= 0 mm/day") * kMm / 86400.0;

  std::map<std::string, soil::LidParams<double>> lid_by_name;
  if (lids) {
    int n = 0;
    for (const toml::node& node : *lids) {
      const TableReader t(node.as_table(), "lid[" + std::to_string(n++) + "]", file, issues);
      const auto name = t.string("name", true);
      bool ok = true;
      soil::LidParams<double> p = read_lid(t);
      if (auto kind = t.string("kind", true)) {
        p.kind = parse_lid_kind(*kind, ok);
        if (!ok)
          t.error("kind", "'" + *kind +
                              "'; expected permeable_pavement, green_roof, bioretention, "
                              "infiltration_trench or rain_barrel");
      }
      if (p.kind == soil::LidKind::kRainBarrel) p.storage.void_fraction = 1.0;
      if (name) {
        if (lid_by_name.count(*name)) t.error("name", "'" + *name + "' is defined twice");
        lid_by_name[*name] = p;
      }
    }
  }
  if (!classes) {
    issues.push_back({file, s.line("land_use"), "[soil]", "land_use",
                      "needs [[landuse]] tables describing each raster value"});
  } else {
    int n = 0;
    for (const toml::node& node : *classes) {
      const TableReader t(node.as_table(), "landuse[" + std::to_string(n++) + "]", file, issues);
      soil::LandUseClass lc;
      const int id = int(t.number("id", 0, 255, "an integer 0..255", true).value_or(0));
      for (int v : cfg.raster_values)
        if (v == id) t.error("id", std::to_string(id) + " is used by two classes");
      lc.name = t.string("name").value_or("class" + std::to_string(id));
      lc.manning_n = t.number_or_default("manning", 0, 1, "a Manning n >= 0");
      if (t.has("manning") && c.friction_law != swe::FrictionLaw::kManning)
        t.error("manning",
                "a class's Manning n only applies with friction = \"manning\"; this case "
                "uses friction = \"" +
                    std::string(friction_law_info(c.friction_law).name) +
                    "\": give its coefficient as [surface] roughness or "
                    "roughness_raster");
      lc.impervious_share = t.number_or_default("impervious", 0, 1, "between 0 and 1");
      const std::string model = t.string("infiltration").value_or("none");
      const double drying = t.number_or_default("drying_days", 0.01, 365, "> 0 days");
      auto& inf = lc.infiltration;
      if (model == "horton") {
        inf.model = soil::InfiltrationModel::kHorton;
        inf.horton.f0 = t.number("f0", 0, 1e4, ">= 0 mm/h", true).value_or(0) * kMmPerHour;
        inf.horton.fmin = t.number("fc", 0, 1e4, ">= 0 mm/h", true).value_or(0) * kMmPerHour;
        inf.horton.decay = t.number("decay", 0, 1e3, ">= 0 1/h", true).value_or(0) / 3600.0;
        inf.horton.recovery = soil::horton_recovery_from_drying_time(drying);
        inf.horton.max_volume =
            t.has("max_infiltration")
                ? t.number("max_infiltration", 0, 1e6, ">= 0 mm").value_or(0) * kMm
                : soil::kNoLimit;
      } else if (model == "green_ampt") {
        inf.model = soil::InfiltrationModel::kGreenAmpt;
        inf.green_ampt.suction = t.number("suction", 0, 1e5, ">= 0 mm", true).value_or(0) * kMm;
        inf.green_ampt.ks = t.number("ks", 1e-9, 1e4, "> 0 mm/h", true).value_or(0) * kMmPerHour;
        inf.green_ampt.imd_max = t.number("deficit", 0, 1, "between 0 and 1", true).value_or(0);
      } else if (model == "curve_number") {
        inf.model = soil::InfiltrationModel::kCurveNumber;
        const double cn = t.number("cn", 1e-3, 100, "0 < CN <= 100", true).value_or(100);
        inf.curve_number.s_max = soil::curve_number_retention(cn);
        inf.curve_number.initial_abstraction_ratio = 0.2;
        inf.curve_number.regen = soil::curve_number_regen_from_drying_time(drying);
      } else if (model != "none") {
        t.error("infiltration",
                "'" + model + "'; expected none, horton, green_ampt or curve_number");
      }
      if (auto lid = t.string("lid")) {
        const auto it = lid_by_name.find(*lid);
        if (it == lid_by_name.end())
          t.error("lid", "'" + *lid + "' is not a [[lid]] name");
        else
          lc.lid = it->second;
      }
      cfg.model.classes.push_back(lc);
      cfg.raster_values.push_back(id);
    }
  }
  (void)kInf;
  c.soil = cfg;
}

}  // namespace sf::config
