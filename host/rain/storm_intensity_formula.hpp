// The Chinese storm-intensity formula of GB 50014-2021 (Standard for design of outdoor wastewater
// engineering), clause 4.1.9:   q = 167 A1 (1 + C lg P) / (t + b)^n
//   q  mean storm intensity over duration t, L/(s ha)
//   t  rain duration, min;  P  design return period, years
//   A1 rain force parameter (mm/min; "the 1-year, 1-minute intensity" before the b/n shaping)
//   C  return-period coefficient;  b  duration offset, min;  n  duration exponent.
// 167 is the standard's rounded conversion 1 mm/min = 166.67 L/(s ha), so the mean intensity in
// mm/min is exactly i = A1 (1 + C lg P) / (t + b)^n; we compute i and never go through q.
#pragma once

#include <string>

namespace sf::rain {

struct StormIntensityFormula {
  double A1_mm_per_min = 0.0;  // > 0
  double C = 0.0;              // >= 0
  double b_min = 0.0;          // >= 0 (and > 0 for the Chicago curve, whose peak is a / b^n)
  double n = 0.0;              // in (0, 1): the Chicago curve needs n < 1 to stay positive

  /// Builds the formula from the q-form constant A = 167 A1 that most city tables publish.
  static StormIntensityFormula from_q_form(double A_L_per_s_ha, double C, double b_min, double n);

  /// Throws std::invalid_argument naming every parameter out of range.
  void validate() const;
  /// Throws std::invalid_argument unless P > 0 and 1 + C lg P > 0.
  void validate_return_period(double P_years) const;

  /// a = A1 (1 + C lg P), the numerator for return period P (mm/min * min^n).
  double numerator_mm(double P_years) const;
  /// Mean intensity over a rain of duration t (mm/min).
  double mean_intensity_mm_per_min(double t_min, double P_years) const;
  /// Depth of that rain, i(t) * t (mm).
  double depth_mm(double t_min, double P_years) const;
  /// The standard's q (L/(s ha)) = 167 i.
  double q_L_per_s_ha(double t_min, double P_years) const;
};

}  // namespace sf::rain
