#include "app/scenarios_report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <set>

#include "common/atomic_text_file.hpp"
#include "common/number_text.hpp"

namespace sf::app {
namespace {

/// One table of the report, written as Markdown and as HTML.
struct Table {
  std::string title, note;
  std::vector<std::string> head;
  std::vector<std::vector<std::string>> rows;
};

std::set<std::string> pollutants_routed(const std::vector<ScenarioRun>& runs) {
  std::set<std::string> p;
  for (const ScenarioRun& r : runs)
    for (const OutfallResult& o : r.outfalls)
      if (o.loads_kg.is_object())
        for (auto it = o.loads_kg.begin(); it != o.loads_kg.end(); ++it) p.insert(it.key());
  return p;
}

std::string load_text(const ScenarioRun& r, const std::string& p) {
  const double kg = overflow_load_kg(r, p);
  return kg < 0.0 ? "not routed" : number_text("%.1f", kg);
}

Table overflow_table(const std::vector<ScenarioRun>& runs, bool record,
                     const std::set<std::string>& pollutants) {
  Table t;
  t.title = record ? "Long rain record: overflows, flooding and capture, per variant"
                   : "Design storms: overflows, flooding and capture, per variant and storm";
  t.head = {"Variant",
            "Storm",
            "Rain (mm)",
            "Overflow (m³)",
            record ? "Overflow events per year" : "Overflow events",
            "Hours in events",
            "Longest event (h)"};
  for (const std::string& p : pollutants) t.head.push_back(p + " overflowed (kg)");
  if (pollutants.empty()) t.head.push_back("Sewage load overflowed");
  for (const char* h : {"Flooded nodes", "Flood volume (m³)", "Runoff capture ratio",
                        "Routing continuity (%)", "Runoff continuity (%)"})
    t.head.push_back(h);
  for (const ScenarioRun& r : runs) {
    if (r.record != record) continue;
    std::vector<std::string> row = {
        r.variant,
        r.storm,
        number_text("%.1f", r.rain_mm),
        number_text("%.1f", r.overflow.volume_m3),
        record ? number_text("%.1f", r.overflow.events / std::max(r.years, 1e-9))
               : number_text("%.0f", r.overflow.events),
        number_text("%.2f", r.overflow.flowing_h),
        number_text("%.2f", r.overflow.longest_event_h)};
    for (const std::string& p : pollutants) row.push_back(load_text(r, p));
    if (pollutants.empty()) row.push_back("not routed");
    row.push_back(std::to_string(r.run.flooded_nodes));
    row.push_back(number_text("%.1f", r.run.flooding_m3));
    row.push_back(number_text("%.1f %%", 100.0 * r.capture_ratio));
    row.push_back(number_text("%.3f", r.run.routing_continuity_pct));
    row.push_back(number_text("%.3f", r.run.runoff_continuity_pct));
    t.rows.push_back(row);
  }
  return t;
}

Table outfall_table(const std::vector<ScenarioRun>& runs) {
  Table t;
  t.title = "Outfalls: volume and peak flow, per variant and storm";
  t.note = "Overflow outfalls (the variant's overflow_outfalls) are marked *.";
  t.head = {"Variant",          "Storm",  "Outfall",          "Volume (m³)",
            "Peak flow (m³/s)", "Events", "Longest event (h)"};
  for (const ScenarioRun& r : runs)
    for (const OutfallResult& o : r.outfalls)
      t.rows.push_back({r.variant, r.storm, o.id + (o.overflow ? " *" : ""),
                        number_text("%.1f", o.volume_m3), number_text("%.4f", o.peak_m3s),
                        std::to_string(o.events), number_text("%.2f", o.longest_event_h)});
  return t;
}

std::string markdown(const Table& t) {
  std::string s = "## " + t.title + "\n\n";
  if (!t.note.empty()) s += t.note + "\n\n";
  auto row = [](const std::vector<std::string>& cells) {
    std::string r = "|";
    for (const std::string& c : cells) r += " " + c + " |";
    return r + "\n";
  };
  s += row(t.head);
  s += "|";
  for (std::size_t k = 0; k < t.head.size(); ++k) s += k < 2 ? "---|" : "---:|";
  s += "\n";
  for (const auto& r : t.rows) s += row(r);
  return s + "\n";
}

std::string escape(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c == '<')
      s += "&lt;";
    else if (c == '>')
      s += "&gt;";
    else if (c == '&')
      s += "&amp;";
    else
      s += c;
  }
  return s;
}

std::string html(const Table& t) {
  std::string s = "<h2>" + escape(t.title) + "</h2>\n";
  if (!t.note.empty()) s += "<p>" + escape(t.note) + "</p>\n";
  s += "<table>\n<tr>";
  for (const std::string& h : t.head) s += "<th>" + escape(h) + "</th>";
  s += "</tr>\n";
  for (const auto& r : t.rows) {
    s += "<tr>";
    for (const std::string& c : r) s += "<td>" + escape(c) + "</td>";
    s += "</tr>\n";
  }
  return s + "</table>\n";
}

std::vector<std::string> inputs(const ScenariosConfig& cfg, const std::vector<ScenarioRun>& runs,
                                double wall_s) {
  std::vector<std::string> lines = {"Scenarios file: " + cfg.file, "Case: " + cfg.case_file};
  for (const ScenarioVariant& v : cfg.variants) {
    std::string l = "Variant " + v.name + ": " + v.inp;
    if (v.disconnect_impervious_pct > 0.0)
      l += "; sponge: " + number_text("%.0f", v.disconnect_impervious_pct) +
           " % of impervious runoff over pervious ground";
    if (v.tank) {
      l += "; storage tank of " + number_text("%.0f", v.tank->volume_m3) + " m³ at " + v.tank->node;
      if (v.tank->pump_shutoff_m)
        l += ", its pumps stopping at " + number_text("%.2f", *v.tank->pump_shutoff_m) + " m";
    }
    std::string outs;
    for (const std::string& o : v.overflow_outfalls) outs += (outs.empty() ? "" : ", ") + o;
    lines.push_back(l + "; overflow outfalls: " + (outs.empty() ? "none" : outs));
  }
  if (!cfg.return_periods.empty()) {
    std::string p;
    for (double r : cfg.return_periods) p += (p.empty() ? "" : ", ") + number_text("%g", r);
    lines.push_back(
        "Design storms: Chicago hyetographs of the case's storm-intensity formula, "
        "return periods " +
        p + " a");
  }
  if (!cfg.record_series.empty())
    lines.push_back("Rain record: time series " + cfg.record_series + " of each .inp, interval " +
                    number_text("%g", cfg.record_interval_s) + " s, routing step up to " +
                    number_text("%g", cfg.record_routing_step_s) + " s");
  lines.push_back("Overflow events: flow above " + number_text("%g", cfg.min_flow_m3s) +
                  " m³/s, separated by at least " + number_text("%g", cfg.inter_event_h) +
                  " h dry");
  double worst = 0.0;
  for (const ScenarioRun& r : runs)
    worst = std::max(
        {worst, std::fabs(r.run.routing_continuity_pct), std::fabs(r.run.runoff_continuity_pct)});
  lines.push_back(std::to_string(runs.size()) + " runs in " + number_text("%.0f", wall_s) +
                  " s; largest continuity error " + number_text("%.3f", worst) + " %");
  return lines;
}

nlohmann::ordered_json run_json(const ScenarioRun& r) {
  nlohmann::ordered_json j;
  j["variant"] = r.variant;
  j["storm"] = r.storm;
  j["kind"] = r.record ? "record" : "design_storm";
  if (!r.record) j["return_period_years"] = r.return_period_years;
  j["simulated_years"] = r.years;
  j["rain_mm"] = r.rain_mm;
  j["rain_m3"] = r.run.rainfall_m3;
  j["runoff_m3"] = r.run.runoff_m3;
  j["runoff_capture_ratio"] = r.capture_ratio;
  j["overflow"] = {{"volume_m3", r.overflow.volume_m3},
                   {"events", r.overflow.events},
                   {"events_per_year",
                    r.record ? nlohmann::ordered_json(r.overflow.events / std::max(r.years, 1e-9))
                             : nlohmann::ordered_json()},
                   {"hours_in_events", r.overflow.flowing_h},
                   {"longest_event_h", r.overflow.longest_event_h}};
  nlohmann::ordered_json loads = nlohmann::ordered_json::object();
  for (const OutfallResult& o : r.outfalls)
    if (o.overflow && o.loads_kg.is_object())
      for (auto it = o.loads_kg.begin(); it != o.loads_kg.end(); ++it)
        loads[it.key()] = overflow_load_kg(r, it.key());
  j["overflow"]["loads_kg"] = loads.empty() ? nlohmann::ordered_json("not routed") : loads;
  j["flooded_nodes"] = r.run.flooded_nodes;
  j["flood_volume_m3"] = r.run.flooding_m3;
  j["routing_continuity_pct"] = r.run.routing_continuity_pct;
  j["runoff_continuity_pct"] = r.run.runoff_continuity_pct;
  j["steps"] = r.run.steps;
  j["wall_s"] = r.run.wall_s;
  for (const OutfallResult& o : r.outfalls) {
    nlohmann::ordered_json e = {
        {"overflow", o.overflow},       {"volume_m3", o.volume_m3},
        {"peak_m3s", o.peak_m3s},       {"events", o.events},
        {"hours_flowing", o.flowing_h}, {"longest_event_h", o.longest_event_h}};
    if (o.loads_kg.is_object()) e["loads_kg"] = o.loads_kg;
    j["outfalls"][o.id] = e;
  }
  return j;
}

std::string csv(const std::vector<ScenarioRun>& runs) {
  std::string s =
      "variant,storm,kind,rain_mm,overflow_m3,overflow_events,events_per_year,hours_in_events,"
      "longest_event_h,flooded_nodes,flood_m3,runoff_capture_ratio,routing_continuity_pct,"
      "runoff_continuity_pct\n";
  for (const ScenarioRun& r : runs)
    s += r.variant + "," + r.storm + "," + (r.record ? "record" : "design_storm") + "," +
         number_text("%.2f", r.rain_mm) + "," + number_text("%.3f", r.overflow.volume_m3) + "," +
         std::to_string(r.overflow.events) + "," +
         (r.record ? number_text("%.3f", r.overflow.events / std::max(r.years, 1e-9)) : "") + "," +
         number_text("%.3f", r.overflow.flowing_h) + "," +
         number_text("%.3f", r.overflow.longest_event_h) + "," +
         std::to_string(r.run.flooded_nodes) + "," + number_text("%.3f", r.run.flooding_m3) + "," +
         number_text("%.5f", r.capture_ratio) + "," +
         number_text("%.4f", r.run.routing_continuity_pct) + "," +
         number_text("%.4f", r.run.runoff_continuity_pct) + "\n";
  return s;
}

}  // namespace

double overflow_load_kg(const ScenarioRun& r, const std::string& pollutant) {
  double kg = 0.0;
  bool routed = false;
  for (const OutfallResult& o : r.outfalls) {
    if (!o.loads_kg.is_object() || o.loads_kg.empty()) continue;  // no pollutants routed
    routed = true;
    if (o.overflow && o.loads_kg.contains(pollutant)) kg += o.loads_kg[pollutant].get<double>();
  }
  return routed ? kg : -1.0;
}

std::vector<std::string> write_scenarios_outputs(const std::string& dir, const ScenariosConfig& cfg,
                                                 const std::vector<ScenarioRun>& runs,
                                                 double wall_s) {
  const std::set<std::string> pollutants = pollutants_routed(runs);
  std::vector<Table> tables;
  if (!cfg.record_series.empty()) tables.push_back(overflow_table(runs, true, pollutants));
  if (!cfg.return_periods.empty()) tables.push_back(overflow_table(runs, false, pollutants));
  tables.push_back(outfall_table(runs));
  const std::vector<std::string> in = inputs(cfg, runs, wall_s);
  const std::string note =
      "Runoff capture ratio = 1 - surface runoff / rain on the subcatchments (年径流总量控制率 "
      "of the simulated period). Overflow = flow at the variant's overflow outfalls. Sewage "
      "loads come from the engine's pollutant routing when it routes them (\"not routed\" "
      "otherwise). Definitions: docs/scenarios.md.";

  std::string md = "# Scenarios: " + cfg.name + "\n\n";
  if (!cfg.description.empty()) md += cfg.description + "\n\n";
  md += "## Inputs\n\n";
  for (const std::string& l : in) md += "- " + l + "\n";
  md += "\n" + note + "\n\n";
  for (const Table& t : tables) md += markdown(t);

  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenarios: " +
      escape(cfg.name) +
      "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
      "table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #999;"
      "padding:3px 6px;font-size:90%}th{background:#eee}td{text-align:right}"
      "td:first-child,td:nth-child(2){text-align:left}</style></head><body>\n<h1>Scenarios: " +
      escape(cfg.name) + "</h1>\n";
  if (!cfg.description.empty()) h += "<p>" + escape(cfg.description) + "</p>\n";
  h += "<h2>Inputs</h2>\n<ul>\n";
  for (const std::string& l : in) h += "<li>" + escape(l) + "</li>\n";
  h += "</ul>\n<p>" + escape(note) + "</p>\n";
  for (const Table& t : tables) h += html(t);
  h += "</body></html>\n";

  nlohmann::ordered_json j;
  j["name"] = cfg.name;
  j["description"] = cfg.description;
  j["scenarios_file"] = cfg.file;
  j["case_file"] = cfg.case_file;
  j["return_periods"] = cfg.return_periods;
  j["record"] = cfg.record_series;
  j["inter_event_h"] = cfg.inter_event_h;
  j["min_flow_m3s"] = cfg.min_flow_m3s;
  j["wall_s"] = wall_s;
  j["runs"] = nlohmann::ordered_json::array();
  for (const ScenarioRun& r : runs) j["runs"].push_back(run_json(r));

  std::vector<std::string> names;
  for (const auto& [name, text] :
       {std::pair<std::string, std::string>{"scenarios.json", j.dump(2) + "\n"},
        {"scenarios.csv", csv(runs)},
        {"report.md", md},
        {"report.html", h}}) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    write_text_file_atomically(path, text, path + ".tmp");
    names.push_back(name);
  }
  return names;
}

}  // namespace sf::app
