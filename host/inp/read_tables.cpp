// [CURVES], [TIMESERIES] and [PATTERNS]: multi-line tables keyed by their ID (table.c and
// inflow.c in SWMM). Curve points are converted to SI by curve type; time series values are
// converted later, by use (finish_series in read_inflows.cpp).
#include <cmath>
#include <fstream>

#include "inp/datetime.hpp"
#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

const std::vector<const char*> kCurveTypes = {"STORAGE", "DIVERSION", "TIDAL", "RATING",
                                              "CONTROL", "SHAPE",     "WEIR",  "PUMP1",
                                              "PUMP2",   "PUMP3",     "PUMP4", "PUMP5"};

// SI factors of x and y for each curve type (see CurveType in model.hpp).
std::pair<double, double> curve_factors(CurveType type, const UnitFactors& u) {
  switch (type) {
    case CurveType::Storage:
      return {u.length, u.area};
    case CurveType::Diversion:
      return {u.flow, u.flow};
    case CurveType::Tidal:
      return {3600.0, u.length};  // hour of day -> s
    case CurveType::Rating:
      return {u.length, u.flow};
    case CurveType::Control:
      return {1.0, 1.0};
    case CurveType::Shape:
      return {1.0, 1.0};
    case CurveType::Weir:
      return {u.length, u.weir_coeff};
    case CurveType::Pump1:
      return {u.volume, u.flow};
    case CurveType::Pump2:
    case CurveType::Pump3:
    case CurveType::Pump4:
    case CurveType::Pump5:
      return {u.length, u.flow};
  }
  return {1.0, 1.0};
}

// Reads the time/value tokens of a series from tok[first..]: [date] time value, repeated.
// `last_date_s` carries the last date seen (s since the start), as SWMM's Tseries.lastDate.
void read_series_tokens(Row& row, const std::vector<std::string>& tok, size_t first,
                        const DateTime& start, double& last_date_s, TimeSeries& ts) {
  size_t k = first;
  while (k < tok.size()) {
    if (auto d = parse_date(tok[k])) {
      last_date_s =
          static_cast<double>(day_number(*d) - day_number(start)) * 86400.0 - start.seconds_of_day;
      ++k;
    }
    if (k >= tok.size()) {
      row.error("time missing after date \"" + tok[k - 1] + "\"; expected [date] time value");
      return;
    }
    auto clock = parse_clock_seconds(tok[k]);
    if (!clock) {
      row.error("time \"" + tok[k] +
                "\" is not a valid time; expected hh:mm[:ss] or decimal hours, after an "
                "optional MM/DD/YYYY date");
      return;
    }
    if (k + 1 >= tok.size()) {
      row.error("value missing after time \"" + tok[k] + "\"; expected [date] time value");
      return;
    }
    const std::string& vt = tok[k + 1];
    char* end = nullptr;
    double v = std::strtod(vt.c_str(), &end);
    if (vt.empty() || end == vt.c_str() || *end != '\0' || !std::isfinite(v)) {
      row.error("value \"" + vt + "\" is not a number; expected [date] time value");
      return;
    }
    ts.t_s.push_back(last_date_s + *clock);
    ts.raw.push_back(v);
    k += 2;
  }
}

std::string join_path(const std::string& dir, const std::string& file) {
  if (file.empty() || file[0] == '/' || dir.empty()) return file;
  if (file.size() > 1 && file[1] == ':') return file;  // a Windows drive path
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

void read_series_file(Context& ctx, Row& row, TimeSeries& ts) {
  ts.file = join_path(ctx.base_dir, row.tok(2));
  std::ifstream in(ts.file);
  if (!in) {
    row.error("time series file \"" + row.tok(2) + "\" cannot be opened (looked for " + ts.file +
              "); expected a readable file relative to the .inp file");
    return;
  }
  double last_date_s = 0.0;
  std::string text;
  int n = 0;
  while (std::getline(in, text)) {
    ++n;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    auto tok = split_tokens(text);
    if (tok.empty()) continue;
    InputLine fake{row.number(), tok, text};
    Row file_row(ctx, fake);
    file_row.set_label(row.id() + " (" + row.tok(2) + ":" + std::to_string(n) + ")");
    read_series_tokens(file_row, tok, 0, ctx.model.options.start, last_date_s, ts);
  }
}

}  // namespace

void read_curves(Context& ctx, const SectionBlock& block) {
  auto& curves = ctx.model.curves;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    int j = ctx.model.find_curve(row.id());
    if (j < 0) continue;  // cannot happen: registered beforehand
    Curve& c = curves[j];
    size_t first = 1;
    if (line.number == c.line) {  // first line of the curve: its type
      if (!row.require(2, "Name Type [X Y ...]")) continue;
      int k = row.keyword(1, "curve type", kCurveTypes);
      if (k >= 0) c.type = static_cast<CurveType>(k);
      first = 2;
    }
    if ((row.size() - first) % 2 != 0) {
      row.error("odd number of values (" + std::to_string(row.size() - first) +
                "); expected X Y pairs");
      continue;
    }
    const auto [fx, fy] = curve_factors(c.type, ctx.units);
    for (size_t i = first; i + 1 < row.size(); i += 2) {
      double x = row.number(i, "X value");
      double y = row.number(i + 1, "Y value");
      if (!c.x.empty() && x * fx <= c.x.back()) {
        row.error("X value " + row.tok(i) +
                  " does not increase; expected X values in ascending order");
      }
      c.x.push_back(x * fx);
      c.y.push_back(y * fy);
    }
  }
  for (const auto& c : curves) {
    if (c.x.empty()) ctx.error(c.line, c.id, "curve has no points; expected at least one X Y pair");
  }
}

void read_timeseries(Context& ctx, const SectionBlock& block) {
  const DateTime& start = ctx.model.options.start;
  std::vector<double> last_date_s(ctx.model.timeseries.size(), 0.0);
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    int j = ctx.model.find_series(row.id());
    if (j < 0) continue;
    TimeSeries& ts = ctx.model.timeseries[j];
    if (upper(row.tok(row.size() > 1 ? 1 : 0)) == "FILE") {
      if (!row.require(3, "Name FILE path")) continue;
      read_series_file(ctx, row, ts);
      continue;
    }
    if (!row.require(3, "Name [Date] Time Value [[Date] Time Value ...]")) continue;
    read_series_tokens(row, line.tokens, 1, start, last_date_s[j], ts);
  }
  for (auto& ts : ctx.model.timeseries) {
    ts.value = ts.raw;
    for (size_t i = 1; i < ts.t_s.size(); ++i) {
      if (ts.t_s[i] <= ts.t_s[i - 1]) {
        ctx.error(ts.line, ts.id,
                  "time " + format_number(ts.t_s[i] / 3600.0) +
                      " h after the start is not later than the previous point (" +
                      format_number(ts.t_s[i - 1] / 3600.0) +
                      " h); expected times in ascending order");
        break;
      }
    }
    if (ts.t_s.empty())
      ctx.error(ts.line, ts.id, "time series has no points; expected time value pairs");
  }
}

void read_patterns(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    int j = ctx.model.find_pattern(row.id());
    if (j < 0) continue;
    Pattern& p = ctx.model.patterns[j];
    size_t first = 1;
    if (line.number == p.line) {
      if (!row.require(2, "Name Type Factor1 Factor2 ...")) continue;
      int k = row.keyword(1, "pattern type", {"MONTHLY", "DAILY", "HOURLY", "WEEKEND"});
      if (k >= 0) p.type = static_cast<PatternType>(k);
      first = 2;
    }
    for (size_t i = first; i < row.size(); ++i)
      p.factors.push_back(row.number(i, "factor", Bound::NonNegative, "a multiplier >= 0", 1.0));
  }
  // SWMM (inflow_readDwfPattern) stores up to 24 factors for every type, each preset to 1.0, and
  // uses only the first 12/7/24: models with extra or missing factors run there, so they run here
  // with the factors SWMM would use, and a warning says what was dropped or filled.
  static const char* kNames[] = {"MONTHLY", "DAILY", "HOURLY", "WEEKEND"};
  for (auto& p : ctx.model.patterns) {
    const size_t expected = p.type == PatternType::Monthly ? 12
                            : p.type == PatternType::Daily ? 7
                                                           : 24;
    const size_t given = p.factors.size();
    if (given == expected) continue;
    const std::string head = std::string(kNames[static_cast<int>(p.type)]) + " pattern has " +
                             std::to_string(given) + " factors; expected " +
                             std::to_string(expected) + "; ";
    if (given > expected) {
      ctx.warn(p.line, p.id,
               head + "SWMM uses the first " + std::to_string(expected) + " and so does this run");
      p.factors.resize(expected);
    } else {
      ctx.warn(p.line, p.id,
               head + "SWMM uses 1.0 for the missing " + std::to_string(expected - given) +
                   " and so does this run");
      p.factors.resize(expected, 1.0);
    }
  }
}

}  // namespace sf::inp::detail
