// Unit conversion factors (see units.hpp for the sources of the constants).
#include "inp/units.hpp"

#include <cmath>

namespace sf::inp {

double cubic_metres_per_second(FlowUnits units) {
  const double ft3 = kMetresPerFoot * kMetresPerFoot * kMetresPerFoot;
  switch (units) {
    case FlowUnits::CFS:
      return ft3;
    case FlowUnits::GPM:
      return kCubicMetresPerUsGallon / 60.0;
    case FlowUnits::MGD:
      return 1.0e6 * kCubicMetresPerUsGallon / kSecondsPerDay;
    case FlowUnits::CMS:
      return 1.0;
    case FlowUnits::LPS:
      return 1.0e-3;
    case FlowUnits::MLD:
      return 1.0e6 * 1.0e-3 / kSecondsPerDay;
  }
  return 1.0;
}

UnitSystem unit_system_of(FlowUnits units) {
  switch (units) {
    case FlowUnits::CFS:
    case FlowUnits::GPM:
    case FlowUnits::MGD:
      return UnitSystem::US;
    default:
      return UnitSystem::SI;
  }
}

double UnitFactors::outlet_coeff(double exponent) const {
  return flow / std::pow(length, exponent);
}

UnitFactors unit_factors(FlowUnits units) {
  UnitFactors f;
  f.flow = cubic_metres_per_second(units);
  if (unit_system_of(units) == UnitSystem::SI) {
    f.length = 1.0;
    f.area = 1.0;
    f.volume = 1.0;
    f.small_length = 1.0e-3;   // mm
    f.rate = 1.0e-3 / 3600.0;  // mm/hr
    f.weir_coeff = 1.0;
  }
  return f;
}

}  // namespace sf::inp
