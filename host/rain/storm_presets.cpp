#include "rain/storm_presets.hpp"

#include <stdexcept>

namespace sf::rain {

const std::vector<StormFormulaPreset>& storm_formula_presets() {
  // Constants as published in the q form (A = 167 A1, L/(s ha)). See docs/rain.md, "Presets".
  static const std::vector<StormFormulaPreset> presets = {
      {"shanghai-2017", "Shanghai",
       "DB31/T 1043-2017 Storm intensity formula and design rainfall pattern standard (Shanghai), "
       "total formula q = 1600 (1 + 0.846 lg P) / (t + 7.0)^0.656",
       StormIntensityFormula::from_q_form(1600.0, 0.846, 7.0, 0.656), 1.0, 100.0},
      {"beijing-classic", "Beijing",
       "Classic Beijing formula q = 2001 (1 + 0.811 lg P) / (t + 8)^0.711 as tabulated in the "
       "Water Supply and Drainage Design Handbook (vol. 5) and GB 50014 teaching material; "
       "superseded for new designs by DB11/T 969-2016",
       StormIntensityFormula::from_q_form(2001.0, 0.811, 8.0, 0.711), 1.0, 100.0},
  };
  return presets;
}

const StormFormulaPreset& storm_formula_preset(const std::string& key) {
  std::string known;
  for (const auto& p : storm_formula_presets()) {
    if (p.key == key) return p;
    known += (known.empty() ? "" : ", ") + p.key;
  }
  throw std::invalid_argument("storm formula preset \"" + key + "\" is unknown; expected one of " +
                              known);
}

}  // namespace sf::rain
