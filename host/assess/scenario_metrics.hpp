// Numbers that compare drainage scenarios (雨污分流 / CSO plans): overflow totals over a set of
// outfalls, events per year, and the volume capture ratio of runoff (年径流总量控制率) of a
// simulated period. Pure computation; definitions and sources in docs/scenarios.md.
#pragma once

#include <vector>

#include "assess/overflow_events.hpp"

namespace sf::assess {

/// Overflow of several outfalls taken together.
struct OverflowTotals {
  double volume_m3 = 0;
  int events = 0;        // events of the outfalls together (merged when they overlap in time)
  double flowing_h = 0;  // time with overflow at any of them
  double longest_event_h = 0;
};

/// Merges the events of several outfalls (an event at any outfall is a system overflow; events
/// closer than `inter_event_s` join, as OverflowRecorder does for one outfall) and adds volumes.
OverflowTotals combine_overflows(const std::vector<const OverflowRecorder*>& outfalls,
                                 double inter_event_s);

/// Volume capture ratio of runoff over a simulated period (0..1): the share of the rain on the
/// catchment that does not leave it as surface runoff to the drainage system,
///   1 - runoff / rain,
/// the definition of the Sponge City Technical Guide (住建部 2014, §2) and GB 50014-2021
/// (年径流总量控制率: rain controlled on site by infiltration, storage and evaporation, as a
/// share of the year's rain). Throws std::invalid_argument for rain <= 0 or runoff < 0.
double runoff_capture_ratio(double rain_m3, double runoff_m3);

}  // namespace sf::assess
