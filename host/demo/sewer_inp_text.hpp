// Writes a SewerLayout as EPA SWMM 5 input text (SI: CMS, metres; DYNWAVE routing).
#pragma once

#include <string>

#include "demo/sewer_layout.hpp"

namespace sf::couple {

/// The .inp text of `layout`; coordinates are shifted by (x0, y0) into the DEM's CRS.
/// No inflows are written: the coupler (or a test) adds them. Numbers are written with the
/// classic locale, so the text is the same on every machine.
std::string sewer_inp_text(const SewerLayout& layout, double x0, double y0,
                           const UrbanNetworkOptions& options);

}  // namespace sf::couple
