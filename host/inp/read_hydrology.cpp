// [RAINGAGES], [SUBCATCHMENTS], [SUBAREAS], [INFILTRATION] and [EVAPORATION] -> the hydrology
// part of the model (inp/hydrology.hpp), in SI. Field layouts and defaults follow SWMM 5.2's
// input format (gage.c, subcatch.c, infil.c, climate.c); units: in, in/hr, in/day, ft, acres
// for US flow units; mm, mm/hr, mm/day, m, hectares for SI ones.
#include <cmath>
#include <fstream>
#include <sstream>

#include "common/gregorian.hpp"
#include "inp/datetime.hpp"
#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

constexpr double kSquareMetresPerAcre = 4046.8564224;  // exact (43 560 ft²)
constexpr double kSquareMetresPerHectare = 1.0e4;

bool is_us(const Context& ctx) {
  return ctx.model.options.unit_system == UnitSystem::US;
}
double land_area(const Context& ctx) {
  return is_us(ctx) ? kSquareMetresPerAcre : kSquareMetresPerHectare;
}
/// in or mm -> m
double rain_depth(const Context& ctx) {
  return ctx.units.small_length;
}
/// in/hr or mm/hr -> m/s
double rain_rate(const Context& ctx) {
  return ctx.units.rate;
}

/// A rain file in SWMM's user-prepared format, one reading per line:
/// `Station Year Month Day Hour Minute Value` (';' starts a comment). The readings of `station`
/// become a time series of the model (values as written, times from the simulation start).
int read_rain_file(Context& ctx, Row& row, const std::string& name, const std::string& station) {
  const std::string path =
      !name.empty() && name[0] != '/' && !ctx.base_dir.empty() ? ctx.base_dir + "/" + name : name;
  std::ifstream in(path);
  if (!in) {
    row.error("rain file \"" + path + "\" cannot be opened; expected a readable rain file");
    return -1;
  }
  TimeSeries ts;
  ts.id = row.id() + " (rain file)";
  ts.file = path;
  ts.use = SeriesUse::Other;
  ts.line = row.number();
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    const auto cut = text.find(';');
    std::istringstream fields(text.substr(0, cut));
    std::string sta;
    if (!(fields >> sta) || sta != station) continue;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double v = 0.0;
    if (!(fields >> y >> mo >> d >> h >> mi >> v) || mo < 1 || mo > 12 || d < 1 ||
        d > gregorian::days_in_month(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59) {
      row.error("rain file " + path + " line " + std::to_string(n) +
                ": expected Station Year Month Day Hour Minute Value");
      return -1;
    }
    const DateTime at{y, mo, d, h * 3600 + mi * 60};
    ts.t_s.push_back(static_cast<double>(seconds_between(ctx.model.options.start, at)));
    ts.raw.push_back(v);
    if (ts.t_s.size() > 1 && ts.t_s.back() < ts.t_s[ts.t_s.size() - 2]) {
      row.error("rain file " + path + " line " + std::to_string(n) +
                ": readings go back in time; expected increasing dates");
      return -1;
    }
  }
  if (ts.t_s.empty()) {
    row.error("rain file " + path + " has no readings for station \"" + station +
              "\"; expected lines starting with that station ID");
    return -1;
  }
  ts.value = ts.raw;
  ctx.model.timeseries.push_back(ts);
  ctx.series_factor.push_back(1.0);
  ctx.series_first_use_line.push_back(row.number());
  ctx.series_first_user.push_back(row.id());
  return static_cast<int>(ctx.model.timeseries.size()) - 1;
}

void read_gage(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  const int k = m.find_gage(row.id());
  if (k < 0 || m.gages[k].line != line.number) return;  // a repeated ID: reported when registered
  RainGage& g = m.gages[k];
  if (!row.require(6, "Name Format Interval SCF TIMESERIES Series | FILE File Station Units"))
    return;
  const int format = row.keyword(1, "format", {"INTENSITY", "VOLUME", "CUMULATIVE"});
  if (format >= 0) g.format = static_cast<RainFormat>(format);
  // SWMM takes decimal hours or h:mm and rounds to whole seconds.
  const auto interval = parse_clock_seconds(row.tok(2));
  if (!interval || *interval <= 0.0)
    row.error("interval \"" + row.tok(2) + "\" is not a time; expected decimal hours or h:mm > 0");
  else
    g.interval_s = std::floor(*interval + 0.5);
  g.snow_catch = row.number(3, "snow catch factor SCF");
  const int source = row.keyword(4, "data source", {"TIMESERIES", "FILE"});
  if (source == 1) {  // FILE name station units
    if (!row.require(8, "Name Format Interval SCF FILE File Station IN|MM")) return;
    const int units = row.keyword(7, "rain units", {"IN", "MM"});
    if (units < 0) return;
    g.intensity_to_si = (units == 0 ? 0.0254 : 1.0e-3) / 3600.0;
    g.series = read_rain_file(ctx, row, row.tok(5), row.tok(6));
    return;
  }
  if (source != 0) return;
  g.series = row.series(5, "rain time series");
  g.intensity_to_si = rain_rate(ctx);
  use_series(ctx, g.series, SeriesUse::Other, 1.0, line.number, g.id);
}

void read_subcatchment(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  const int k = m.find_subcatchment(row.id());
  if (k < 0 || m.subcatchments[k].line != line.number) return;
  Subcatchment& s = m.subcatchments[k];
  if (!row.require(8, "Name RainGage Outlet Area %Imperv Width %Slope CurbLength [SnowPack]"))
    return;
  s.gage = m.find_gage(row.tok(1));
  if (s.gage < 0)
    row.error("rain gage \"" + row.tok(1) + "\" is not defined; expected a gage of [RAINGAGES]");
  s.outlet_node = m.find_node(row.tok(2));
  s.outlet_subcatchment = m.find_subcatchment(row.tok(2));
  if (s.outlet_node >= 0 && s.outlet_subcatchment >= 0)
    row.error("outlet \"" + row.tok(2) +
              "\" names both a node and a subcatchment; expected one object with that ID");
  else if (s.outlet_node < 0 && s.outlet_subcatchment < 0)
    row.error("outlet \"" + row.tok(2) +
              "\" is not defined; expected a node or a subcatchment of the model");
  s.area = row.number(3, "area", Bound::NonNegative) * land_area(ctx);
  s.frac_imperv = std::fmin(row.number(4, "%Imperv", Bound::NonNegative), 100.0) / 100.0;
  s.width = row.number(5, "width", Bound::NonNegative) * ctx.units.length;
  s.slope = row.number(6, "%Slope", Bound::NonNegative) / 100.0;
  s.curb_length = row.number(7, "curb length", Bound::NonNegative);
  if (row.has(8))
    row.error("snow pack \"" + row.tok(8) +
              "\": snowmelt is not simulated; expected no SnowPack field");
}

void read_subarea(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  if (!row.require(7, "Subcatchment N-Imperv N-Perv S-Imperv S-Perv PctZero RouteTo [PctRouted]"))
    return;
  const int k = m.find_subcatchment(row.id());
  if (k < 0) {
    row.error("subcatchment is not defined; expected a subcatchment of [SUBCATCHMENTS]");
    return;
  }
  Subcatchment& s = m.subcatchments[k];
  s.has_subareas = true;
  s.n_imperv = row.number(1, "N-Imperv", Bound::NonNegative);
  s.n_perv = row.number(2, "N-Perv", Bound::NonNegative);
  s.s_imperv = row.number(3, "S-Imperv", Bound::NonNegative) * rain_depth(ctx);
  s.s_perv = row.number(4, "S-Perv", Bound::NonNegative) * rain_depth(ctx);
  s.frac_zero = row.number(5, "PctZero", Bound::NonNegative) / 100.0;
  const int r = row.keyword(6, "RouteTo", {"OUTLET", "IMPERVIOUS", "PERVIOUS"});
  if (r >= 0) s.route_to = static_cast<SubareaRouting>(r);
  s.frac_routed = 1.0;
  if (row.has(7)) {
    const double pct = row.number(7, "PctRouted", Bound::NonNegative, "a percentage 0..100");
    if (pct > 100.0) row.error("PctRouted " + row.tok(7) + " is above 100; expected 0..100");
    s.frac_routed = std::fmin(pct, 100.0) / 100.0;
  }
}

const std::vector<const char*> kInfilWords = {"HORTON", "MODIFIED_HORTON", "GREEN_AMPT",
                                              "MODIFIED_GREEN_AMPT", "CURVE_NUMBER"};

void read_infiltration(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  if (!row.require(2, "Subcatchment p1 p2 ... [Method]")) return;
  const int k = m.find_subcatchment(row.id());
  if (k < 0) {
    row.error("subcatchment is not defined; expected a subcatchment of [SUBCATCHMENTS]");
    return;
  }
  Subcatchment& s = m.subcatchments[k];
  InfiltrationSpec& f = s.infiltration;
  f = InfiltrationSpec{};
  f.model = m.options.infiltration;
  size_t n = row.size();
  // SWMM 5.2 lets the last token name the method for this subcatchment.
  const std::string last = upper(row.tok(n - 1));
  for (size_t w = 0; w < kInfilWords.size(); ++w)
    if (last == kInfilWords[w]) {
      f.model = static_cast<InfiltrationModel>(w);
      --n;
    }
  s.has_infiltration = true;
  // fields needed before the optional method keyword (Row::require would count the keyword)
  auto need = [&](size_t k, const char* layout) {
    if (n >= k) return true;
    row.error("found " + std::to_string(n) + " fields; expected at least " + std::to_string(k) +
              ": " + layout);
    return false;
  };
  switch (f.model) {
    case InfiltrationModel::Horton:
    case InfiltrationModel::ModifiedHorton: {
      if (!need(5, "Subcatchment MaxRate MinRate Decay DryTime [MaxInfil]")) return;
      f.f0 = row.number(1, "MaxRate", Bound::NonNegative) * rain_rate(ctx);
      f.fmin = row.number(2, "MinRate", Bound::NonNegative) * rain_rate(ctx);
      f.decay = row.number(3, "Decay", Bound::NonNegative) / 3600.0;
      f.dry_time_s = row.number(4, "DryTime", Bound::NonNegative) * kSecondsPerDay;
      f.max_volume =
          (n > 5 ? row.number(5, "MaxInfil", Bound::NonNegative) : 0.0) * rain_depth(ctx);
      if (f.f0 < f.fmin)
        row.error("MaxRate " + row.tok(1) + " is below MinRate " + row.tok(2) +
                  "; expected MaxRate >= MinRate");
      break;
    }
    case InfiltrationModel::GreenAmpt:
    case InfiltrationModel::ModifiedGreenAmpt: {
      if (!need(4, "Subcatchment Suction Ksat IMD")) return;
      f.suction = row.number(1, "suction head", Bound::NonNegative) * rain_depth(ctx);
      f.ksat = row.number(2, "Ksat", Bound::Positive, "a conductivity > 0") * rain_rate(ctx);
      f.imd_max = row.number(3, "IMD", Bound::NonNegative, "a moisture deficit 0..1");
      if (f.imd_max > 1.0) row.error("IMD " + row.tok(3) + " is above 1; expected 0..1");
      break;
    }
    case InfiltrationModel::CurveNumber: {
      if (!need(4, "Subcatchment CurveNo Ksat DryTime")) return;
      f.curve_number = std::fmin(std::fmax(row.number(1, "curve number"), 10.0), 99.0);
      row.number(2, "Ksat (unused)");
      f.dry_time_s =
          row.number(3, "DryTime", Bound::Positive, "a drying time > 0 days") * kSecondsPerDay;
      break;
    }
  }
}

void read_evaporation_line(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Evaporation& e = m.evaporation;
  Row row(ctx, line);
  const int kind = row.keyword(
      0, "evaporation source",
      {"CONSTANT", "MONTHLY", "TIMESERIES", "TEMPERATURE", "FILE", "RECOVERY", "DRY_ONLY"});
  const double rate = ctx.units.small_length / kSecondsPerDay;  // in/day or mm/day -> m/s
  e.rate_to_si = rate;
  switch (kind) {
    case 0:
      if (!row.require(2, "CONSTANT rate")) return;
      e.kind = EvaporationKind::Constant;
      e.monthly.fill(row.number(1, "evaporation rate", Bound::NonNegative) * rate);
      break;
    case 1:
      if (!row.require(13, "MONTHLY Jan Feb ... Dec")) return;
      e.kind = EvaporationKind::Monthly;
      for (int i = 0; i < 12; ++i)
        e.monthly[i] = row.number(1 + i, "monthly evaporation rate", Bound::NonNegative) * rate;
      break;
    case 2:
      if (!row.require(2, "TIMESERIES Series")) return;
      e.kind = EvaporationKind::TimeSeries;
      e.series = row.series(1, "evaporation time series");
      use_series(ctx, e.series, SeriesUse::Other, 1.0, line.number, "[EVAPORATION]");
      break;
    case 3:
    case 4:
      row.error(std::string(kind == 3 ? "TEMPERATURE" : "FILE") +
                " evaporation needs climate data, which is not read yet; expected CONSTANT, "
                "MONTHLY or TIMESERIES");
      break;
    case 5:
      row.warn("RECOVERY pattern is ignored (infiltration recovers at its nominal rate)");
      break;
    case 6:
      e.dry_only = row.yes_no(1, "DRY_ONLY", false);
      break;
    default:
      break;
  }
}

}  // namespace

void register_hydrology(Context& ctx, const std::vector<SectionBlock>& sections) {
  Model& m = ctx.model;
  for (const auto& block : sections) {
    const bool gages = block.name == "RAINGAGES", subs = block.name == "SUBCATCHMENTS";
    if (!gages && !subs) continue;
    ctx.section = "[" + block.name + "]";
    auto& index = gages ? m.gage_index : m.subcatchment_index;
    for (const auto& line : block.lines) {
      const std::string key = upper(line.tokens[0]);
      if (auto it = index.find(key); it != index.end()) {
        const int first = gages ? m.gages[it->second].line : m.subcatchments[it->second].line;
        ctx.error(line.number, line.tokens[0],
                  std::string("duplicate ") + (gages ? "rain gage" : "subcatchment") +
                      " ID (first defined on line " + std::to_string(first) +
                      "); expected unique IDs");
        continue;
      }
      if (gages) {
        index[key] = static_cast<int>(m.gages.size());
        m.gages.push_back(RainGage{});
        m.gages.back().id = line.tokens[0];
        m.gages.back().line = line.number;
      } else {
        index[key] = static_cast<int>(m.subcatchments.size());
        m.subcatchments.push_back(Subcatchment{});
        m.subcatchments.back().id = line.tokens[0];
        m.subcatchments.back().line = line.number;
      }
    }
  }
}

void read_raingages(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_gage(ctx, line);
}
void read_subcatchments(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_subcatchment(ctx, line);
}
void read_subareas(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_subarea(ctx, line);
}
void read_infiltration(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_infiltration(ctx, line);
}
void read_evaporation(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_evaporation_line(ctx, line);
}

void finish_hydrology(Context& ctx) {
  Model& m = ctx.model;
  ctx.section = "[SUBCATCHMENTS]";
  for (auto& s : m.subcatchments) {
    if (!s.has_subareas)
      ctx.error(s.line, s.id, "has no [SUBAREAS] line; expected one per subcatchment");
    if (!s.has_infiltration) {
      // SWMM leaves such a subcatchment without infiltration.
      s.infiltration = InfiltrationSpec{};  // Horton with zero rates: nothing infiltrates
      if (s.frac_imperv < 1.0)
        ctx.warn(s.line, s.id, "has no [INFILTRATION] line; its pervious area will not infiltrate");
    }
  }
  const Evaporation& e = m.evaporation;
  bool evaporates = e.kind == EvaporationKind::TimeSeries;
  for (double r : e.monthly) evaporates = evaporates || r > 0.0;
  if (evaporates && !m.storages.empty()) {
    ctx.section = "[EVAPORATION]";
    ctx.warn(0, "", "storage-unit evaporation is not simulated yet (only subcatchments evaporate)");
  }
}

}  // namespace sf::inp::detail
