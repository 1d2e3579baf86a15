#include "app/assess_command.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "common/input_error.hpp"
#include "sponge/capture_ratio.hpp"

namespace sf::app {
namespace {

struct EventFigures {
  double runoff_m3 = 0;        // surface outflow through the edges + LID underdrains
  double peak_runoff_m3s = 0;  // peak surface outflow (hydrograph sampled every 60 s)
  double flooded_area_m2 = 0;
  double flooded_volume_m3 = 0;
  double rain_m3 = 0;
  double continuity_pct = 0;
};

EventFigures figures(const io::RunReport& r) {
  const VolumeBalance& b = r.result.balance;
  return {b.boundary_outflow + b.underdrain,
          r.result.peak_outflow_m3s,
          r.result.flooded_area_m2,
          r.result.flooded_volume_m3,
          b.rain,
          b.continuity_error_pct()};
}

double reduction_pct(double without, double with) {
  return without > 0 ? 100.0 * (without - with) / without : 0.0;
}

std::string markdown(const std::string& name, const EventFigures& w, const EventFigures& wo,
                     double threshold) {
  char line[256];
  std::string md = "# Sponge-measure assessment: " + name + "\n\n";
  md +=
      "Same event and terrain, run with the case's sponge measures (LID) and without them (the\n"
      "same land use, infiltration and roughness). Runoff volume = surface outflow through the\n"
      "domain edges + LID underdrain flow; peak runoff from the outflow hydrograph sampled every\n"
      "60 s; flooded = maximum depth above the flood threshold.\n\n";
  md += "| figure | without sponge | with sponge | reduction |\n|---|---|---|---|\n";
  auto row = [&](const char* what, const char* unit, double a, double b) {
    std::snprintf(line, sizeof line, "| %s (%s) | %.1f | %.1f | %.1f %% |\n", what, unit, a, b,
                  reduction_pct(a, b));
    md += line;
  };
  row("runoff volume", "m3", wo.runoff_m3, w.runoff_m3);
  std::snprintf(line, sizeof line, "| peak runoff (m3/s) | %.3f | %.3f | %.1f %% |\n",
                wo.peak_runoff_m3s, w.peak_runoff_m3s,
                reduction_pct(wo.peak_runoff_m3s, w.peak_runoff_m3s));
  md += line;
  char label[64];  // not `line`: row() formats into line
  std::snprintf(label, sizeof label, "flooded area (> %.2f m)", threshold);
  row(label, "m2", wo.flooded_area_m2, w.flooded_area_m2);
  row("flooded volume", "m3", wo.flooded_volume_m3, w.flooded_volume_m3);
  std::snprintf(
      line, sizeof line,
      "\nRain: %.1f m3. Continuity errors: %.2e %% without, %.2e %% with sponge measures.\n",
      w.rain_m3, wo.continuity_pct, w.continuity_pct);
  md += line;
  return md;
}

}  // namespace

int assess_case(const RunOptions& o, std::ostream& out, std::ostream& err) {
  config::CaseConfig cfg;
  Backend backend;
  Precision precision;
  if (const int rc = prepare_case(o, cfg, backend, precision, err)) return rc;
  bool has_lid = false;
  if (cfg.soil)
    for (const auto& c : cfg.soil->model.classes) has_lid |= c.lid.kind != soil::LidKind::kNone;
  if (!has_lid) {
    err << "error: " << cfg.file
        << ": assess compares runs with and without sponge measures, but the case has none; "
           "expected [[lid]] tables referred to by [[landuse]] lid = \"...\"\n";
    return 1;
  }
  const std::filesystem::path root(cfg.output_dir);
  io::RunReport with, without;
  out << "== with sponge measures ==\n";
  if (const int rc = execute_case(cfg, backend, precision, (root / "with_sponge").string(), o.quiet,
                                  out, err, with))
    return rc;
  config::CaseConfig bare = cfg;
  for (auto& c : bare.soil->model.classes) c.lid = {};
  out << "\n== without sponge measures ==\n";
  if (const int rc = execute_case(bare, backend, precision, (root / "without_sponge").string(),
                                  o.quiet, out, err, without))
    return rc;

  const EventFigures w = figures(with), wo = figures(without);
  const std::string md = markdown(cfg.name, w, wo, cfg.flood_threshold);
  std::ofstream(root / "assessment.md") << md;
  nlohmann::json j;
  auto fig = [](const EventFigures& f) {
    return nlohmann::json{{"runoff_volume_m3", f.runoff_m3},
                          {"peak_runoff_m3s", f.peak_runoff_m3s},
                          {"flooded_area_m2", f.flooded_area_m2},
                          {"flooded_volume_m3", f.flooded_volume_m3},
                          {"rain_m3", f.rain_m3},
                          {"continuity_error_pct", f.continuity_pct}};
  };
  j["case"] = cfg.name;
  j["with_sponge"] = fig(w);
  j["without_sponge"] = fig(wo);
  j["reduction_pct"] = {
      {"runoff_volume", reduction_pct(wo.runoff_m3, w.runoff_m3)},
      {"peak_runoff", reduction_pct(wo.peak_runoff_m3s, w.peak_runoff_m3s)},
      {"flooded_area", reduction_pct(wo.flooded_area_m2, w.flooded_area_m2)},
      {"flooded_volume", reduction_pct(wo.flooded_volume_m3, w.flooded_volume_m3)}};
  std::ofstream(root / "assessment.json") << j.dump(2) << "\n";
  out << "\n" << md << "\nWritten: " << (root / "assessment.md").string() << ", assessment.json\n";
  return 0;
}

int capture_ratio_command(const CaptureRatioOptions& o, std::ostream& out, std::ostream& err) {
  try {
    const std::vector<double> days =
        soil::rain_depths_mm(soil::read_daily_rain_csv(o.daily_rain_csv));
    char line[200];
    if (o.depth_mm) {
      std::snprintf(line, sizeof line,
                    "design capture depth %.1f mm retains %.1f %% of the annual rain volume\n",
                    *o.depth_mm, 100.0 * soil::capture_ratio(days, *o.depth_mm));
      out << line;
    }
    if (o.target) {
      std::snprintf(line, sizeof line,
                    "a runoff volume capture ratio of %.1f %% needs a design depth of %.1f mm\n",
                    100.0 * *o.target, soil::design_depth_for_ratio(days, *o.target));
      out << line;
    }
    out << "(daily rain <= 2 mm excluded, per the Sponge City Technical Guide 2014; " << days.size()
        << " days read)\n";
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {
    err << "error: " << o.daily_rain_csv << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sf::app
