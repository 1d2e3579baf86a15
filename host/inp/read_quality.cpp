// [POLLUTANTS] (SWMM landuse.c reads them) and the checks of the water-quality sections that are
// not simulated: buildup, washoff and treatment would change the routed loads, so a model that
// depends on them is refused rather than run with loads that are silently too small.
#include <map>
#include <vector>

#include "inp/sections.hpp"

namespace sf::inp::detail {

void register_pollutants(Context& ctx, const std::vector<SectionBlock>& sections) {
  Model& m = ctx.model;
  for (const auto& block : sections) {
    if (block.name != "POLLUTANTS") continue;
    ctx.section = "[POLLUTANTS]";
    for (const auto& line : block.lines) {
      const std::string key = upper(line.tokens[0]);
      if (auto it = m.pollutant_index.find(key); it != m.pollutant_index.end()) {
        ctx.error(line.number, line.tokens[0],
                  "duplicate pollutant name (first defined on line " +
                      std::to_string(m.pollutants[it->second].line) + "); expected unique names");
        continue;
      }
      m.pollutant_index[key] = static_cast<int>(m.pollutants.size());
      Pollutant p;
      p.id = line.tokens[0];
      p.line = line.number;
      m.pollutants.push_back(p);
    }
  }
}

void read_pollutants(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (!row.require(6, "Name Units Crain Cgw Crdii Kdecay [SnowOnly CoPollut CoFrac Cdwf Cinit]"))
      continue;
    const int k = m.find_pollutant(row.id());
    if (k < 0 || m.pollutants[k].line != line.number) continue;  // a duplicate, reported
    Pollutant& p = m.pollutants[k];
    const int u = row.keyword(1, "concentration units", {"MG/L", "UG/L", "#/L"});
    p.units = u == 1   ? ConcentrationUnits::UgPerL
              : u == 2 ? ConcentrationUnits::CountPerL
                       : ConcentrationUnits::MgPerL;
    p.rain_concen =
        row.number(2, "Crain (concentration in rain)", Bound::NonNegative, "a value >= 0");
    p.gw_concen =
        row.number(3, "Cgw (concentration in groundwater)", Bound::NonNegative, "a value >= 0");
    p.rdii_concen =
        row.number(4, "Crdii (concentration in RDII)", Bound::NonNegative, "a value >= 0");
    // SWMM allows a negative decay coefficient (first-order growth).
    p.decay_per_s = row.number(5, "Kdecay (decay coefficient, 1/days)") / 86400.0;
    p.snow_only = row.yes_no(6, "SnowOnly", false);
    if (row.has(8) && !row.is_star(7)) {
      p.co_pollutant = m.find_pollutant(row.tok(7));
      if (p.co_pollutant < 0)
        row.error("co-pollutant \"" + row.tok(7) +
                  "\" is not defined; expected a name from [POLLUTANTS] or *");
      p.co_fraction =
          row.number(8, "CoFrac (co-pollutant fraction)", Bound::NonNegative, "a value >= 0");
    }
    p.dwf_concen = row.optional_number(9, "Cdwf (concentration in dry-weather flow)", 0.0,
                                       Bound::NonNegative, "a value >= 0");
    p.init_concen = row.optional_number(10, "Cinit (initial concentration)", 0.0,
                                        Bound::NonNegative, "a value >= 0");
  }
}

namespace {

bool has_lines(const std::vector<SectionBlock>& sections, const char* name) {
  for (const auto& b : sections)
    if (b.name == name && !b.lines.empty()) return true;
  return false;
}

int header_line(const std::vector<SectionBlock>& sections, const char* name) {
  for (const auto& b : sections)
    if (b.name == name) return b.header_line;
  return 0;
}

}  // namespace

void refuse_unbuilt_quality(Context& ctx, const std::vector<SectionBlock>& sections) {
  const Model& m = ctx.model;
  if (m.pollutants.empty() || m.options.ignore_quality) return;
  // Pollutant washoff reaches the network only through subcatchments with land-use coverage.
  const bool washes_off = !m.subcatchments.empty() && has_lines(sections, "WASHOFF") &&
                          has_lines(sections, "COVERAGES");
  const std::map<std::string, bool> refused = {
      {"WASHOFF", washes_off},
      {"TREATMENT", has_lines(sections, "TREATMENT")},
  };
  for (const auto& [name, refuse] : refused) {
    if (!refuse) continue;
    ctx.section = "[" + name + "]";
    ctx.error(header_line(sections, name.c_str()), "",
              name == "WASHOFF"
                  ? "pollutant buildup and washoff are not simulated, and this model's "
                    "subcatchments would wash pollutants into the network; expected no "
                    "[WASHOFF] section (or IGNORE_QUALITY YES)"
                  : "treatment functions are not simulated, and they would change the routed "
                    "loads; expected no [TREATMENT] section (or IGNORE_QUALITY YES)");
  }
  if (m.subcatchments.empty()) return;
  for (const Pollutant& p : m.pollutants) {
    if (p.rain_concen <= 0.0) continue;
    ctx.section = "[POLLUTANTS]";
    ctx.error(p.line, p.id,
              "Crain " + format_number(p.rain_concen) +
                  ": pollutants in rain carried by subcatchment runoff are not simulated yet; "
                  "expected Crain = 0 in a model with subcatchments");
  }
}

void warn_quality_without_effect(Context& ctx) {
  const Model& m = ctx.model;
  ctx.section = "[POLLUTANTS]";
  for (const Pollutant& p : m.pollutants) {
    // As in SWMM 5.2.4, a co-pollutant adds to washoff only, which is not simulated here.
    if (p.co_pollutant >= 0)
      ctx.warn(p.line, p.id,
               "CoPollut " + m.pollutants[p.co_pollutant].id +
                   " has no effect without pollutant washoff (as in SWMM 5.2.4)");
    if (p.gw_concen > 0.0 || p.rdii_concen > 0.0)
      ctx.warn(p.line, p.id,
               "Cgw and Crdii have no effect: groundwater and RDII inflows are not simulated");
  }
}

void warn_concentration_without_flow(Context& ctx) {
  const Model& m = ctx.model;
  std::vector<char> has_flow(m.nodes.size(), 0);
  for (const ExternalInflow& in : m.inflows)
    if (in.kind == InflowKind::Flow && in.node >= 0) has_flow[std::size_t(in.node)] = 1;
  ctx.section = "[INFLOWS]";
  for (const ExternalInflow& in : m.inflows) {
    if (in.kind != InflowKind::Concentration || in.node < 0 || has_flow[std::size_t(in.node)])
      continue;
    // SWMM multiplies a CONCEN inflow by the node's external FLOW inflow (routing.c)
    ctx.warn(in.line, m.nodes[std::size_t(in.node)].id,
             "CONCEN inflow of " + in.constituent +
                 " adds no load: the node has no FLOW inflow for it to be a concentration of "
                 "(use MASS, or add a FLOW line)");
  }
}

}  // namespace sf::inp::detail
