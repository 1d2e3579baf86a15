// [OPTIONS]: every option SWMM 5.2 accepts (project.c, project_readOption), with SWMM's
// defaults for those left out (model.hpp) and the derived durations.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "inp/datetime.hpp"
#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

// Options that only matter for features we keep but do not simulate; accepted and recorded.
const std::vector<const char*> kNoYes = {"NO", "YES"};

bool read_step(Row& row, const char* name, double& out, bool allow_zero) {
  auto s = parse_clock_seconds(row.tok(1));
  if (!s || (!allow_zero && *s <= 0.0)) {
    row.error(std::string(name) + " \"" + row.tok(1) + "\" is not a valid time step; expected " +
              (allow_zero ? "hh:mm:ss or decimal hours >= 0" : "hh:mm:ss or decimal hours > 0"));
    return false;
  }
  out = std::floor(*s + 0.5);  // SWMM keeps these steps in whole seconds
  return true;
}

// ROUTING_STEP and LENGTHENING_STEP: decimal seconds, or hh:mm:ss.
bool read_seconds(Row& row, const char* name, double& out) {
  const std::string& t = row.tok(1);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (!t.empty() && end != t.c_str() && *end == '\0' && std::isfinite(v)) {
    out = v;
    return true;
  }
  if (t.find(':') != std::string::npos) {
    if (auto s = parse_clock_seconds(t)) {
      out = *s;
      return true;
    }
  }
  row.error(std::string(name) + " \"" + t +
            "\" is not a valid time step; expected seconds (e.g. 0.5) or hh:mm:ss");
  return false;
}

void read_date(Row& row, const char* name, DateTime& dt) {
  auto d = parse_date(row.tok(1));
  if (!d) {
    row.error(std::string(name) + " \"" + row.tok(1) +
              "\" is not a valid date; expected MM/DD/YYYY");
    return;
  }
  dt.year = d->year;
  dt.month = d->month;
  dt.day = d->day;
}

void read_time(Row& row, const char* name, DateTime& dt) {
  auto s = parse_clock_seconds(row.tok(1));
  if (!s || *s >= 86400.0) {
    row.error(std::string(name) + " \"" + row.tok(1) +
              "\" is not a valid time of day; expected hh:mm:ss (00:00:00 to 23:59:59)");
    return;
  }
  dt.seconds_of_day = static_cast<int>(std::floor(*s + 0.5));
}

}  // namespace

void read_options(Context& ctx, const SectionBlock& block) {
  Options& o = ctx.model.options;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    const std::string key = upper(row.id());
    if (!row.require(2, "Option Value")) continue;
    o.as_written[key] = row.tok(1);
    if (key == "FLOW_UNITS") {
      int k = row.keyword(1, "FLOW_UNITS", {"CFS", "GPM", "MGD", "CMS", "LPS", "MLD"});
      if (k >= 0) {
        o.flow_units = static_cast<FlowUnits>(k);
        o.unit_system = unit_system_of(o.flow_units);
      }
    } else if (key == "INFILTRATION") {
      int k = row.keyword(
          1, "INFILTRATION",
          {"HORTON", "MODIFIED_HORTON", "GREEN_AMPT", "MODIFIED_GREEN_AMPT", "CURVE_NUMBER"});
      if (k >= 0) o.infiltration = static_cast<InfiltrationModel>(k);
    } else if (key == "FLOW_ROUTING") {
      // SWMM also accepts its older names NF/KW/EKW/DW (keywords.c, OldRouteModelWords).
      int k = row.keyword(
          1, "FLOW_ROUTING",
          {"NONE", "STEADY", "KINWAVE", "XKINWAVE", "DYNWAVE", "NF", "KW", "EKW", "DW"});
      static const RoutingModel kModels[] = {
          RoutingModel::None,     RoutingModel::Steady,  RoutingModel::KinWave,
          RoutingModel::XKinWave, RoutingModel::DynWave, RoutingModel::Steady,
          RoutingModel::KinWave,  RoutingModel::KinWave, RoutingModel::DynWave};
      if (k == 0)
        o.ignore_routing = true;
      else if (k > 0)
        o.routing = kModels[k];
    } else if (key == "LINK_OFFSETS") {
      int k = row.keyword(1, "LINK_OFFSETS", {"DEPTH", "ELEVATION"});
      if (k >= 0) o.link_offsets = static_cast<LinkOffsets>(k);
    } else if (key == "FORCE_MAIN_EQUATION") {
      int k = row.keyword(1, "FORCE_MAIN_EQUATION", {"H-W", "D-W"});
      if (k >= 0) o.force_main_equation = static_cast<ForceMainEquation>(k);
    } else if (key == "INERTIAL_DAMPING") {
      int k = row.keyword(1, "INERTIAL_DAMPING", {"NONE", "PARTIAL", "FULL"});
      if (k >= 0) o.inertial_damping = static_cast<InertialDamping>(k);
    } else if (key == "NORMAL_FLOW_LIMITED") {
      int k = row.keyword(1, "NORMAL_FLOW_LIMITED", {"SLOPE", "FROUDE", "BOTH", "NONE"});
      if (k >= 0) o.normal_flow_limited = static_cast<NormalFlowLimited>(k);
    } else if (key == "SURCHARGE_METHOD") {
      int k = row.keyword(1, "SURCHARGE_METHOD", {"EXTRAN", "SLOT"});
      if (k >= 0) o.surcharge_method = static_cast<SurchargeMethod>(k);
    } else if (key == "ALLOW_PONDING") {
      o.allow_ponding = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "SKIP_STEADY_STATE") {
      o.skip_steady_state = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_RAINFALL") {
      o.ignore_rainfall = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_SNOWMELT") {
      o.ignore_snowmelt = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_GROUNDWATER") {
      o.ignore_groundwater = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_RDII") {
      o.ignore_rdii = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_ROUTING") {
      o.ignore_routing = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "IGNORE_QUALITY") {
      o.ignore_quality = row.keyword(1, key.c_str(), kNoYes) == 1;
    } else if (key == "SLOPE_WEIGHTING") {
      row.keyword(1, key.c_str(), kNoYes);  // deprecated in SWMM 5; accepted, recorded only
    } else if (key == "COMPATIBILITY") {
      row.keyword(1, key.c_str(), {"3", "4", "5"});  // not used by SWMM 5.2; recorded only
    } else if (key == "TEMPDIR") {
      // a folder for SWMM's scratch files: nothing to do
    } else if (key == "START_DATE") {
      read_date(row, "START_DATE", o.start);
    } else if (key == "START_TIME") {
      read_time(row, "START_TIME", o.start);
    } else if (key == "END_DATE") {
      read_date(row, "END_DATE", o.end);
    } else if (key == "END_TIME") {
      read_time(row, "END_TIME", o.end);
    } else if (key == "REPORT_START_DATE") {
      read_date(row, "REPORT_START_DATE", o.report_start);
    } else if (key == "REPORT_START_TIME") {
      read_time(row, "REPORT_START_TIME", o.report_start);
    } else if (key == "SWEEP_START" || key == "SWEEP_END") {
      auto d = parse_month_day(row.tok(1));
      if (!d)
        row.error(key + " \"" + row.tok(1) + "\" is not a valid day; expected MM/DD");
      else
        (key == "SWEEP_START" ? o.sweep_start_day_of_year : o.sweep_end_day_of_year) =
            day_of_year(*d);
    } else if (key == "START_DRY_DAYS" || key == "DRY_DAYS") {
      o.dry_days = row.number(1, key.c_str(), Bound::NonNegative, "a number of days >= 0");
    } else if (key == "WET_STEP") {
      read_step(row, "WET_STEP", o.wet_step_s, false);
    } else if (key == "DRY_STEP") {
      read_step(row, "DRY_STEP", o.dry_step_s, false);
    } else if (key == "REPORT_STEP") {
      read_step(row, "REPORT_STEP", o.report_step_s, false);
    } else if (key == "RULE_STEP") {
      read_step(row, "RULE_STEP", o.rule_step_s, true);
    } else if (key == "ROUTING_STEP") {
      double s = 0.0;
      if (read_seconds(row, "ROUTING_STEP", s)) {
        if (s <= 0.0)
          row.error("ROUTING_STEP " + row.tok(1) + " is not positive; expected seconds > 0");
        else
          o.routing_step_s = s;
      }
    } else if (key == "LENGTHENING_STEP") {
      double s = 0.0;
      if (read_seconds(row, "LENGTHENING_STEP", s)) o.lengthening_step_s = std::max(0.0, s);
    } else if (key == "MINIMUM_STEP") {
      o.minimum_step_s =
          row.number(1, "MINIMUM_STEP", Bound::NonNegative, "seconds >= 0", o.minimum_step_s);
    } else if (key == "VARIABLE_STEP") {
      double v = row.number(1, "VARIABLE_STEP", Bound::NonNegative, "a factor from 0 to 2",
                            o.variable_step);
      if (v > 2.0)
        row.error("VARIABLE_STEP " + row.tok(1) + " is above 2; expected a factor from 0 to 2");
      else
        o.variable_step = v;
    } else if (key == "MIN_SURFAREA") {
      o.min_surfarea_m2 = row.number(1, "MIN_SURFAREA", Bound::NonNegative, "an area >= 0");
    } else if (key == "MIN_SLOPE") {
      double v = row.number(1, "MIN_SLOPE", Bound::NonNegative, "a slope in percent, 0 to 100");
      if (v >= 100.0)
        row.error("MIN_SLOPE " + row.tok(1) +
                  " is 100 or more; expected a slope in percent below 100");
      else
        o.min_slope = v / 100.0;
    } else if (key == "MAX_TRIALS") {
      o.max_trials =
          static_cast<int>(row.number(1, "MAX_TRIALS", Bound::NonNegative, "a count >= 0"));
    } else if (key == "HEAD_TOLERANCE") {
      o.head_tolerance_m = row.number(1, "HEAD_TOLERANCE", Bound::NonNegative, "a length >= 0");
    } else if (key == "SYS_FLOW_TOL") {
      o.sys_flow_tol =
          row.number(1, "SYS_FLOW_TOL", Bound::NonNegative, "a percent >= 0", 5.0) / 100.0;
    } else if (key == "LAT_FLOW_TOL") {
      o.lat_flow_tol =
          row.number(1, "LAT_FLOW_TOL", Bound::NonNegative, "a percent >= 0", 5.0) / 100.0;
    } else if (key == "THREADS") {
      o.threads = static_cast<int>(row.number(1, "THREADS", Bound::NonNegative, "a count >= 0", 1));
    } else {
      row.error("option \"" + row.id() +
                "\" is not a SWMM 5.2 option; expected one of FLOW_UNITS, "
                "FLOW_ROUTING, START_DATE, ROUTING_STEP, ... (see docs/network-input.md)");
    }
  }
}

void finish_options(Context& ctx) {
  Options& o = ctx.model.options;
  ctx.units = unit_factors(o.flow_units);
  // Lengths were read before the flow units could be known for sure (OPTIONS may come in
  // several blocks); convert the length-valued options now.
  o.min_surfarea_m2 = std::max(0.0, o.min_surfarea_m2) * ctx.units.area;
  o.head_tolerance_m = std::max(0.0, o.head_tolerance_m) * ctx.units.length;
  const double ft = kMetresPerFoot;
  o.effective_min_surfarea_m2 = o.min_surfarea_m2 > 0.0 ? o.min_surfarea_m2 : 12.566 * ft * ft;
  o.effective_head_tolerance_m = o.head_tolerance_m > 0.0 ? o.head_tolerance_m : 0.005 * ft;
  o.effective_max_trials = o.max_trials > 0 ? o.max_trials : 8;

  // SWMM: END defaults to the start date at 00:00; REPORT_START to the start (project.c).
  if (o.as_written.count("END_DATE") == 0) {
    o.end.year = o.start.year;
    o.end.month = o.start.month;
    o.end.day = o.start.day;
  }
  if (o.as_written.count("REPORT_START_DATE") == 0) {
    o.report_start.year = o.start.year;
    o.report_start.month = o.start.month;
    o.report_start.day = o.start.day;
  }
  if (o.as_written.count("REPORT_START_TIME") == 0)
    o.report_start.seconds_of_day = o.start.seconds_of_day;
  o.duration_s = seconds_between(o.start, o.end);
  o.swmm_duration_s = swmm_duration_seconds(o.start, o.end);
  o.report_start_offset_s = std::max<std::int64_t>(0, seconds_between(o.start, o.report_start));
  const std::string saved = ctx.section;
  ctx.section = "[OPTIONS]";
  if (o.duration_s <= 0)
    ctx.error(0, "END_DATE/END_TIME",
              to_string(o.end) + " is not after the start " + to_string(o.start) +
                  "; expected an end after the start");
  else if (seconds_between(o.report_start, o.end) <= 0)
    ctx.error(0, "REPORT_START_DATE/REPORT_START_TIME",
              to_string(o.report_start) + " is not before the end " + to_string(o.end) +
                  "; expected a report start before the end");
  if (o.report_step_s < o.routing_step_s)
    ctx.error(0, "REPORT_STEP",
              format_number(o.report_step_s) + " s is shorter than ROUTING_STEP " +
                  format_number(o.routing_step_s) +
                  " s; expected a report step >= the routing step");
  if (o.routing == RoutingModel::DynWave && o.minimum_step_s > o.routing_step_s)
    ctx.warn(0, "MINIMUM_STEP",
             "minimum step is larger than ROUTING_STEP; SWMM lowers it to the routing step");
  ctx.section = saved;
  ctx.model.length_to_user = 1.0 / ctx.units.length;
  ctx.model.flow_to_user = 1.0 / ctx.units.flow;
}

}  // namespace sf::inp::detail
