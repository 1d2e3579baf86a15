#include "rain/storm_intensity_formula.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace sf::rain {

StormIntensityFormula StormIntensityFormula::from_q_form(double A_L_per_s_ha, double C,
                                                         double b_min, double n) {
  return StormIntensityFormula{A_L_per_s_ha / 167.0, C, b_min, n};
}

void StormIntensityFormula::validate() const {
  std::ostringstream errors;
  if (!(A1_mm_per_min > 0.0) || !std::isfinite(A1_mm_per_min))
    errors << "\n  A1 = " << A1_mm_per_min << " mm/min; expected A1 > 0";
  if (!(C >= 0.0) || !std::isfinite(C)) errors << "\n  C = " << C << "; expected C >= 0";
  if (!(b_min >= 0.0) || !std::isfinite(b_min))
    errors << "\n  b = " << b_min << " min; expected b >= 0";
  if (!(n > 0.0 && n < 1.0)) errors << "\n  n = " << n << "; expected 0 < n < 1";
  if (!errors.str().empty())
    throw std::invalid_argument("storm intensity formula q = 167 A1 (1 + C lg P) / (t + b)^n:" +
                                errors.str());
}

void StormIntensityFormula::validate_return_period(double P_years) const {
  if (!(P_years > 0.0) || !std::isfinite(P_years)) {
    std::ostringstream s;
    s << "storm intensity formula: return period P = " << P_years
      << " years; expected P > 0 (e.g. 1, 2, 3, 5, 10, 20, 50, 100)";
    throw std::invalid_argument(s.str());
  }
  if (!(1.0 + C * std::log10(P_years) > 0.0)) {
    std::ostringstream s;
    s << "storm intensity formula: return period P = " << P_years << " years with C = " << C
      << " gives 1 + C lg P <= 0; expected P > " << std::pow(10.0, -1.0 / C);
    throw std::invalid_argument(s.str());
  }
}

double StormIntensityFormula::numerator_mm(double P_years) const {
  return A1_mm_per_min * (1.0 + C * std::log10(P_years));
}

double StormIntensityFormula::mean_intensity_mm_per_min(double t_min, double P_years) const {
  return numerator_mm(P_years) / std::pow(t_min + b_min, n);
}

double StormIntensityFormula::depth_mm(double t_min, double P_years) const {
  return mean_intensity_mm_per_min(t_min, P_years) * t_min;
}

double StormIntensityFormula::q_L_per_s_ha(double t_min, double P_years) const {
  return 167.0 * mean_intensity_mm_per_min(t_min, P_years);
}

}  // namespace sf::rain
