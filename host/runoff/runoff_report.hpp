// SWMM's "Runoff Quantity Continuity" table of a run, in the model's units (US: acre-feet and
// inches; SI: hectare-metres and millimetres), for the network command's text report.
#pragma once

#include <ostream>

#include "inp/model.hpp"
#include "runoff/runoff_model.hpp"

namespace sf::runoff {

void write_runoff_continuity(const inp::Model& model, const RunoffTotals& totals,
                             std::ostream& out);

}  // namespace sf::runoff
