#include "engine/mass_balance.hpp"

#include <cmath>
#include <cstdio>

namespace sf {

std::string balance_table_row(const char* label, double value, double area_m2, int label_width,
                              bool percent) {
  char line[200];
  if (percent)
    std::snprintf(line, sizeof line, "  %-*s %16.6f %%\n", label_width, label, value);
  else
    std::snprintf(line, sizeof line, "  %-*s %16.3f %12.3f\n", label_width, label, value,
                  area_m2 > 0 ? 1000.0 * value / area_m2 : 0.0);
  return line;
}

bool VolumeBalance::clamp_is_large() const {
  const double through = total_in() - clamp;
  return clamp > kClampWarningFraction * (through > 0 ? through : 0.0);
}

std::string VolumeBalance::table(double area_m2) const {
  std::string s;
  auto row = [&](const char* name, double v) { s += balance_table_row(name, v, area_m2, 28); };
  s += "  Surface Flow Continuity              Volume (m3)   Depth (mm)\n";
  s += "  ---------------------------------------------------------------\n";
  row("Initial surface volume ....", initial_volume);
  row("Rainfall ..................", rain);
  row("Boundary inflow ...........", boundary_inflow);
  row("Source inflow .............", source_inflow);
  row("Boundary outflow ..........", boundary_outflow);
  row("Sink outflow ..............", source_outflow);
  row("Infiltration loss .........", infiltration);
  row("LID underdrain outflow ....", underdrain);
  row("LID evaporation ...........", evaporation);
  row("LID storage change ........", lid_storage_change);
  if (network_inflow != 0 || network_outflow != 0) {
    row("Inflow from pipe network ..", network_inflow);
    row("Outflow into pipe network .", network_outflow);
  }
  if (clamp != 0) row("Depth clamp (added) .......", clamp);
  row("Final surface volume ......", final_volume);
  s += balance_table_row("Continuity error (%) ......", continuity_error_pct(), area_m2, 28, true);
  return s;
}

}  // namespace sf
