// The demo sewer's subcatchments as EPA SWMM 5 input sections: every gully inlet drains the
// cells nearest to it (the same split that sized the pipes), as one subcatchment with the
// impervious share of its land use, one rain gage and a placeholder design rain. Appended to the
// sewer's .inp this gives a network that SWMM's runoff loads on its own (network_runoff.inp,
// cases/capacity-demo). Parameters: docs/capacity.md.
#pragma once

#include <string>

#include "demo/sewer_layout.hpp"

namespace sf::couple {

/// Overland-flow parameters of the demo subcatchments (SWMM [SUBAREAS], [INFILTRATION]).
struct DemoRunoffOptions {
  double slope = 0.01;          // overland slope (m/m): typical lot grading
  double n_impervious = 0.015;  // Manning n of roads, roofs, paving (as cases/urban-demo)
  double n_pervious = 0.035;    // Manning n of gardens and parks
  double storage_impervious_mm = 1.5;
  double storage_pervious_mm = 5.0;
  double zero_storage_pct = 25.0;  // share of the impervious area without depression storage
  double horton_f0_mm_h = 76.0;    // loam (SWMM manual's typical Horton values)
  double horton_fc_mm_h = 13.0;
  double horton_decay_per_h = 4.0;
  double drying_days = 7.0;
};

/// [RAINGAGES], [SUBCATCHMENTS], [SUBAREAS], [INFILTRATION] and [TIMESERIES] for `layout`'s
/// inlets; the rain is `options.design_rain_mm_per_h` for one hour (the rain the pipes were
/// sized for), which `spongeflow capacity` replaces by its design storms.
std::string sewer_runoff_text(const SewerLayout& layout, const UrbanNetworkOptions& options,
                              const DemoRunoffOptions& runoff = {});

}  // namespace sf::couple
