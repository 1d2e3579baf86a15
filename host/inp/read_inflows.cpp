// [INFLOWS] and [DWF] (inflow.c in SWMM), and the conversion of time series values by use.
#include <cmath>

#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

const char* use_name(SeriesUse u) {
  switch (u) {
    case SeriesUse::Flow:
      return "a flow";
    case SeriesUse::Stage:
      return "an outfall stage";
    case SeriesUse::Setting:
      return "a control setting";
    case SeriesUse::Concentration:
      return "a pollutant inflow";
    default:
      return "something else";
  }
}

bool check_constituent(Context& ctx, Row& row, size_t i) {
  if (upper(row.tok(i)) == "FLOW") return true;
  if (!ctx.pollutants.count(upper(row.tok(i))))
    row.error("constituent \"" + row.tok(i) +
              "\" is neither FLOW nor a pollutant; expected FLOW or a name from [POLLUTANTS]");
  return false;
}

}  // namespace

void use_series(Context& ctx, int series, SeriesUse use, double factor, int line,
                const std::string& user) {
  if (series < 0) return;
  TimeSeries& ts = ctx.model.timeseries[series];
  if (ts.use == SeriesUse::Unused) {
    ts.use = use;
    ctx.series_factor[series] = factor;
    ctx.series_first_use_line[series] = line;
    ctx.series_first_user[series] = user;
    return;
  }
  if (ctx.series_factor[series] != factor)
    ctx.error(line, user,
              "time series " + ts.id + " is used as " + use_name(use) + " here but as " +
                  use_name(ts.use) + " by " + ctx.series_first_user[series] + " (line " +
                  std::to_string(ctx.series_first_use_line[series]) +
                  ") in other units; expected one use per time series");
}

void finish_series(Context& ctx) {
  for (size_t j = 0; j < ctx.model.timeseries.size(); ++j) {
    TimeSeries& ts = ctx.model.timeseries[j];
    const double f = ctx.series_factor[j];
    for (size_t i = 0; i < ts.raw.size(); ++i) ts.value[i] = ts.raw[i] * f;
  }
}

void read_inflows(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (!row.require(3, "Node Constituent TimeSeries [Type Mfactor Sfactor Baseline Pattern]"))
      continue;
    ExternalInflow in;
    in.line = line.number;
    in.node = row.node(0, "node");
    in.constituent = row.tok(1);
    const bool flow = check_constituent(ctx, row, 1);
    if (!flow) in.pollutant = m.find_pollutant(in.constituent);
    if (!row.tok(2).empty()) in.series = row.series(2, "time series");
    if (flow) {
      in.kind = InflowKind::Flow;
      if (row.has(3)) row.keyword(3, "inflow type", {"FLOW"});
      in.mfactor = row.optional_number(4, "units factor", 1.0);
      if (in.mfactor != 1.0)
        row.warn("units factor " + row.tok(4) +
                 " is ignored for FLOW (SWMM reads FLOW in the "
                 "project's flow units); using 1.0");
      in.mfactor = 1.0;
    } else {
      int k = row.has(3) ? row.keyword(3, "inflow type", {"CONCEN", "MASS"}) : 0;
      in.kind = k == 1 ? InflowKind::Mass : InflowKind::Concentration;
      in.mfactor = row.optional_number(4, "units factor", 1.0, Bound::Positive, "a factor > 0");
    }
    in.sfactor = row.optional_number(5, "scale factor", 1.0);
    const double base = row.optional_number(6, "baseline", 0.0);
    if (row.has(7) && !row.tok(7).empty()) in.baseline_pattern = row.pattern(7, "baseline pattern");
    in.scale = in.sfactor;
    in.baseline = flow ? base * ctx.units.flow : base;
    if (flow)
      use_series(ctx, in.series, SeriesUse::Flow, ctx.units.flow, line.number,
                 in.node >= 0 ? m.nodes[in.node].id : row.id());
    else
      use_series(ctx, in.series, SeriesUse::Concentration, 1.0, line.number, row.id());
    // SWMM keeps one inflow per node and constituent: a later line replaces an earlier one.
    bool replaced = false;
    for (auto& old : m.inflows) {
      if (old.node == in.node && upper(old.constituent) == upper(in.constituent)) {
        row.warn("replaces the inflow of " + in.constituent + " given on line " +
                 std::to_string(old.line));
        old = in;
        replaced = true;
      }
    }
    if (!replaced) m.inflows.push_back(in);
  }
}

void read_dwf(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (!row.require(3, "Node Constituent Average [Pattern1 Pattern2 Pattern3 Pattern4]")) continue;
    DryWeatherInflow d;
    d.line = line.number;
    d.node = row.node(0, "node");
    d.constituent = row.tok(1);
    const bool flow = check_constituent(ctx, row, 1);
    if (!flow) d.pollutant = m.find_pollutant(d.constituent);
    const double avg = row.number(2, "average value", Bound::NonNegative, "a value >= 0");
    d.average = flow ? avg * ctx.units.flow : avg;
    for (size_t i = 3; i < row.size() && i < 7; ++i) {
      if (row.tok(i).empty()) continue;
      int p = row.pattern(i, "pattern");
      if (p >= 0) d.patterns.push_back(p);
    }
    for (size_t i = 7; i < row.size(); ++i)  // older files pad with "" fields, as SWMM ignores
      if (!row.tok(i).empty())
        row.error("pattern \"" + row.tok(i) + "\" is a 5th pattern; expected at most 4");
    bool replaced = false;
    for (auto& old : m.dry_weather_inflows) {
      if (old.node == d.node && upper(old.constituent) == upper(d.constituent)) {
        row.warn("replaces the dry-weather inflow of " + d.constituent + " given on line " +
                 std::to_string(old.line));
        old = d;
        replaced = true;
      }
    }
    if (!replaced) m.dry_weather_inflows.push_back(d);
  }
}

}  // namespace sf::inp::detail
