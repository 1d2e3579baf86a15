#include "demo/sewer_runoff_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <string>

namespace sf::couple {
namespace {

std::string line(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string line(const char* format, ...) {
  char b[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(b, sizeof b, format, args);
  va_end(args);
  return b;
}

}  // namespace

std::string sewer_runoff_text(const SewerLayout& layout, const UrbanNetworkOptions& options,
                              const DemoRunoffOptions& r) {
  // snprintf with %f follows the C locale of the process, which spongeflow never changes.
  std::string s =
      "[RAINGAGES]\n;;Name  Format  Interval  SCF  Source\n"
      "RG1  INTENSITY  1:00  1.0  TIMESERIES  DESIGN_RAIN\n\n"
      "[SUBCATCHMENTS]\n;;Name  RainGage  Outlet  Area(ha)  %Imperv  Width(m)  %Slope  "
      "CurbLen\n";
  std::string subareas =
      "[SUBAREAS]\n;;Subcatch  N-Imperv  N-Perv  S-Imperv(mm)  S-Perv(mm)  PctZero  RouteTo\n";
  std::string infiltration =
      "[INFILTRATION]\n;;Subcatch  MaxRate(mm/h)  MinRate(mm/h)  Decay(1/h)  DryTime(d)  "
      "MaxInfil\n";
  for (const SewerNode& n : layout.nodes) {
    if (n.kind != SewerNodeKind::Inlet || n.drained_area <= 0.0) continue;
    const std::string id = "S_" + n.id;
    const double width = n.drained_area / std::max(n.longest_flow_path, 1.0);
    s += line("%s  RG1  %s  %.4f  %.2f  %.2f  %.2f  0\n", id.c_str(), n.id.c_str(),
              n.drained_area / 1e4, 100.0 * n.drained_impervious_area / n.drained_area, width,
              100.0 * r.slope);
    subareas +=
        line("%s  %.3f  %.3f  %.2f  %.2f  %.1f  OUTLET\n", id.c_str(), r.n_impervious, r.n_pervious,
             r.storage_impervious_mm, r.storage_pervious_mm, r.zero_storage_pct);
    infiltration += line("%s  %.1f  %.1f  %.2f  %.1f  0\n", id.c_str(), r.horton_f0_mm_h,
                         r.horton_fc_mm_h, r.horton_decay_per_h, r.drying_days);
  }
  s += "\n" + subareas + "\n" + infiltration + "\n";
  s += line(
      "[TIMESERIES]\n;;Name  Time(h)  Intensity(mm/h)\nDESIGN_RAIN  0:00  %.2f\nDESIGN_RAIN  "
      "1:00  0.0\n\n",
      options.design_rain_mm_per_h);
  return s;
}

}  // namespace sf::couple
