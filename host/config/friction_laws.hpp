// The friction laws a case file can name ([surface] friction), with the name, unit and range of
// each law's coefficient as messages and docs state them (kernels/swe/friction.hpp has the laws).
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "swe/friction.hpp"

namespace sf::config {

struct FrictionLawInfo {
  const char* name;  // spelling in the case file
  swe::FrictionLaw law;
  const char* coefficient;  // e.g. "a Chezy C"
  const char* unit;         // of the coefficient
  double max;               // largest accepted coefficient
  bool positive;            // Chezy: C = 0 would silently mean "no friction", so C > 0
};

inline constexpr double kNoMax = std::numeric_limits<double>::infinity();

inline constexpr FrictionLawInfo kFrictionLaws[] = {
    // n beyond 1 s m^-1/3 is a typing error (dense vegetation is about 0.2).
    {"manning", swe::FrictionLaw::kManning, "a Manning n", "s m^-1/3", 1.0, false},
    {"chezy", swe::FrictionLaw::kChezy, "a Chezy C", "m^1/2 s^-1", kNoMax, true},
    {"darcy_weisbach", swe::FrictionLaw::kDarcyWeisbach, "a Darcy-Weisbach f", "(dimensionless)",
     kNoMax, false},
    {"laminar", swe::FrictionLaw::kLaminar, "a laminar kappa", "m^2 s^-1", kNoMax, false},
    {"linear", swe::FrictionLaw::kLinear, "a linear tau", "s^-1", kNoMax, false},
};

inline const FrictionLawInfo& friction_law_info(swe::FrictionLaw law) {
  for (const FrictionLawInfo& f : kFrictionLaws)
    if (f.law == law) return f;
  return kFrictionLaws[0];
}

inline std::optional<swe::FrictionLaw> parse_friction_law(const std::string& name) {
  for (const FrictionLawInfo& f : kFrictionLaws)
    if (name == f.name) return f.law;
  return std::nullopt;
}

/// "a Chezy C > 0 m^1/2 s^-1", "a Manning n >= 0 and <= 1 s m^-1/3": the accepted range in words.
inline std::string friction_coefficient_range(const FrictionLawInfo& f) {
  std::string s = std::string(f.coefficient) + (f.positive ? " > 0" : " >= 0");
  if (f.max < kNoMax) {
    std::string m = std::to_string(f.max);
    m.erase(m.find_last_not_of('0') + 1);
    if (m.back() == '.') m.pop_back();
    s += " and <= " + m;
  }
  return s + " " + f.unit;
}

/// Smallest accepted coefficient for TableReader::number (which accepts values >= lo).
inline double friction_coefficient_min(const FrictionLawInfo& f) {
  return f.positive ? std::numeric_limits<double>::min() : 0.0;
}

}  // namespace sf::config
