#include "runoff/runoff_report.hpp"

#include <cstdio>

namespace sf::runoff {

void write_runoff_continuity(const inp::Model& model, const RunoffTotals& t, std::ostream& out) {
  const bool us = model.options.unit_system == inp::UnitSystem::US;
  const double to_volume = us ? 1.0 / 1233.48183754752 : 1.0e-4;  // m³ -> acre-ft or ha-m
  const double to_depth = us ? 1.0 / 0.0254 : 1.0e3;              // m -> in or mm
  const double area = t.area > 0.0 ? t.area : 1.0;
  char buf[160];
  auto row = [&](const char* name, double v) {
    std::snprintf(buf, sizeof buf, "  %-28s %12.3f %12.3f", name, v * to_volume,
                  v / area * to_depth);
    out << buf << "\n";
  };
  out << "  **************************        Volume        Depth\n";
  std::snprintf(buf, sizeof buf, "  Runoff Quantity Continuity   %12s %12s",
                us ? "acre-feet" : "hectare-m", us ? "inches" : "mm");
  out << buf << "\n  **************************\n";
  // SWMM prints the LID rows only when a model has them
  if (t.initial_storage > 0.0) row("Initial LID Storage", t.initial_storage);
  row("Total Precipitation", t.rainfall);
  row("Evaporation Loss", t.evaporation);
  row("Infiltration Loss", t.infiltration);
  row("Surface Runoff", t.runoff);
  if (t.lid_drainage > 0.0) row("LID Drainage", t.lid_drainage);
  row("Final Storage", t.final_storage);
  std::snprintf(buf, sizeof buf, "  %-28s %12.3f", "Continuity Error (%)",
                t.continuity_error_pct());
  out << buf << "\n\n";
}

}  // namespace sf::runoff
