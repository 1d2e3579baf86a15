// Published storm-intensity formulas of a few cities, in the GB 50014-2021 form
// q = 167 A1 (1 + C lg P) / (t + b)^n. Only formulas whose constants we could trace to a named
// publication are listed; docs/rain.md gives each source and what was (not) verified.
#pragma once

#include <string>
#include <vector>

#include "rain/storm_intensity_formula.hpp"

namespace sf::rain {

struct StormFormulaPreset {
  std::string key;     // e.g. "shanghai-2017"
  std::string city;    // e.g. "Shanghai"
  std::string source;  // publication the constants come from
  StormIntensityFormula formula;
  double min_return_period_years;  // range the formula was fitted for
  double max_return_period_years;
};

/// All presets, in a fixed order.
const std::vector<StormFormulaPreset>& storm_formula_presets();

/// The preset with this key; throws std::invalid_argument listing the known keys otherwise.
const StormFormulaPreset& storm_formula_preset(const std::string& key);

}  // namespace sf::rain
