// SWMM-style text report: flow routing continuity, node depths, flooding, link flows, pumps
// and outfall loading, in the .inp's units (US: ft, CFS, 10^6 gal; SI: m, CMS, 10^6 ltr).
#include <cmath>
#include <cstdio>
#include <string>

#include "network/network_output.hpp"

namespace sf::network {

void write_text_report(const inp::Model& model, const NetworkEngine& eng, std::ostream& out) {
  const NetworkData& net = eng.network();
  const NetworkStatistics st = eng.statistics();
  const MassBalance& mb = eng.mass_balance();
  const bool us = model.options.unit_system == inp::UnitSystem::US;
  const double len = model.length_to_user, flow = model.flow_to_user;
  const double vol = us ? 1.0 / 3785.411784 : 1.0 / 1000.0;  // m³ -> 10^6 gal or 10^6 ltr
  const char* lu = us ? "ft" : "m";
  const char* vu = us ? "10^6 gal" : "10^6 ltr";
  char buf[256];
  auto line = [&](const char* fmt, auto... a) {
    std::snprintf(buf, sizeof buf, fmt, a...);
    out << buf << "\n";
  };
  out << "  spongeflow network report (SWMM 5.2 compatible dynamic wave)\n\n";
  out << "  **************************\n  Flow Routing Continuity\n  **************************\n";
  line("  %-28s %12.3f %s", "Dry Weather Inflow", mb.dry_weather_inflow * vol, vu);
  line("  %-28s %12.3f %s", "External Inflow", mb.external_inflow * vol, vu);
  line("  %-28s %12.3f %s", "External Outflow", mb.external_outflow * vol, vu);
  line("  %-28s %12.3f %s", "Flooding Loss", mb.flooding * vol, vu);
  line("  %-28s %12.3f %s", "Initial Stored Volume", mb.initial_storage * vol, vu);
  line("  %-28s %12.3f %s", "Final Stored Volume", mb.final_storage * vol, vu);
  line("  %-28s %12.3f", "Continuity Error (%)", mb.continuity_error_pct());
  const std::vector<QualityBalance> quality = eng.quality_balance();
  const std::size_t np = quality.size();
  // SWMM's report units: kg (SI) or lbs (US), log10 of the count for #/L pollutants
  auto load_text = [&](double kg, inp::ConcentrationUnits u) {
    if (u == inp::ConcentrationUnits::CountPerL) return kg > 0.0 ? std::log10(kg) : 0.0;
    return us ? kg / 0.45359237 : kg;
  };
  auto load_unit = [&](const QualityBalance& b) {
    return b.units == inp::ConcentrationUnits::CountPerL ? "LogN" : us ? "lbs" : "kg";
  };
  if (np > 0) {
    out << "\n  **************************\n  Quality Routing Continuity\n"
           "  **************************\n";
    std::string head = "  " + std::string(28, ' ');
    std::string units = head;
    for (const QualityBalance& b : quality) {
      std::snprintf(buf, sizeof buf, " %14s", b.pollutant.c_str());
      head += buf;
      std::snprintf(buf, sizeof buf, " %14s", load_unit(b));
      units += buf;
    }
    out << head << "\n" << units << "\n";
    const std::pair<const char*, double QualityBalance::*> rows[] = {
        {"Dry Weather Inflow", &QualityBalance::dry_weather_inflow},
        {"External Inflow", &QualityBalance::external_inflow},
        {"External Outflow", &QualityBalance::outflow},
        {"Flooding Loss", &QualityBalance::flooding},
        {"Mass Reacted", &QualityBalance::reacted},
        {"Initial Stored Mass", &QualityBalance::initial_storage},
        {"Final Stored Mass", &QualityBalance::final_storage}};
    for (const auto& [label, member] : rows) {
      std::string row = "  ";
      std::snprintf(buf, sizeof buf, "%-28s", label);
      row += buf;
      for (const QualityBalance& b : quality) {
        std::snprintf(buf, sizeof buf, " %14.3f", load_text(b.*member, b.units));
        row += buf;
      }
      out << row << "\n";
    }
    std::string row = "  ";
    std::snprintf(buf, sizeof buf, "%-28s", "Continuity Error (%)");
    row += buf;
    for (const QualityBalance& b : quality) {
      std::snprintf(buf, sizeof buf, " %14.3f", b.continuity_error_pct());
      row += buf;
    }
    out << row << "\n";
  }
  out << "\n  Routing steps: " << st.steps
      << ", average trials per step: " << (st.steps ? st.total_trials / st.steps : 0.0)
      << ", steps not converging: " << st.unconverged_steps << "\n\n";
  out << "  ******************\n  Node Depth Summary\n  ******************\n";
  line("  %-24s %12s %12s", "Node", (std::string("Max Depth ") + lu).c_str(),
       (std::string("Max HGL ") + lu).c_str());
  for (int i = 0; i < net.node_count(); ++i)
    line("  %-24s %12.2f %12.2f", net.node_id[i].c_str(), st.node_max_depth[i] * len,
         (st.node_max_depth[i] + net.node_invert[i]) * len);
  out << "\n  *********************\n  Node Flooding Summary\n  *********************\n";
  int flooded = 0;
  for (int i = 0; i < net.node_count(); ++i) {
    if (st.node_flood_volume[i] <= 0.0) continue;
    line("  %-24s %10.2f h %12.3f %s", net.node_id[i].c_str(), st.node_hours_flooded[i],
         st.node_flood_volume[i] * vol, vu);
    ++flooded;
  }
  if (!flooded) out << "  No nodes were flooded.\n";
  out << "\n  *****************\n  Link Flow Summary\n  *****************\n";
  for (int j = 0; j < net.link_count(); ++j)
    line("  %-24s max |flow| %12.3f  max velocity %8.2f", net.link_id[j].c_str(),
         st.link_max_flow[j] * flow, st.link_max_velocity[j] * len);
  out << "\n  ***************\n  Pumping Summary\n  ***************\n";
  constexpr const char* kFlowUnitNames[] = {"CFS", "GPM", "MGD", "CMS", "LPS", "MLD"};
  const std::string fu = kFlowUnitNames[static_cast<int>(model.options.flow_units)];
  line("  %-24s %8s %9s %9s %9s %9s %10s %9s %6s %6s", "Pump", "% Util.", "Start-Ups",
       ("Min " + fu).c_str(), ("Avg " + fu).c_str(), ("Max " + fu).c_str(), vu, "kWh", "%Low",
       "%High");
  for (int j = 0; j < net.link_count(); ++j) {
    if (net.link_kind[j] != LinkKind::Pump) continue;
    line("  %-24s %8.2f %9d %9.3f %9.3f %9.3f %10.3f %9.2f %6.1f %6.1f", net.link_id[j].c_str(),
         st.pump_pct_utilized[j], st.pump_startups[j], st.pump_min_flow[j] * flow,
         st.pump_avg_flow[j] * flow, st.link_max_flow[j] * flow, st.pump_volume[j] * vol,
         st.pump_energy_kwh[j], st.pump_pct_off_curve_low[j], st.pump_pct_off_curve_high[j]);
  }
  out << "  (% Low / % High: share of the running time below the pump curve's first point or "
         "beyond its last)\n";
  out << "\n  ***********************\n  Outfall Loading Summary\n  ***********************\n";
  // pollutant columns line up under a header as wide as a row's volume part
  std::snprintf(buf, sizeof buf, "  %-24s total volume %12.3f %s", "", 0.0, vu);
  std::string head(std::string(buf).size(), ' ');
  for (const QualityBalance& b : quality) {
    std::snprintf(buf, sizeof buf, " %15s", (b.pollutant + " " + load_unit(b)).c_str());
    head += buf;
  }
  if (np > 0) out << head << "\n";
  for (int i = 0; i < net.node_count(); ++i) {
    if (net.node[i].kind != pipe::NodeKind::Outfall) continue;
    std::snprintf(buf, sizeof buf, "  %-24s total volume %12.3f %s", net.node_id[i].c_str(),
                  st.outfall_volume[i] * vol, vu);
    std::string row = buf;
    for (std::size_t p = 0; p < np; ++p) {
      std::snprintf(buf, sizeof buf, " %15.3f",
                    load_text(st.outfall_load[std::size_t(i) * np + p], quality[p].units));
      row += buf;
    }
    out << row << "\n";
  }
}

}  // namespace sf::network
