// Conversion factors from a .inp file's units to SI. The factors are exact SI definitions
// (NIST SP 811): 1 ft = 0.3048 m, 1 in = 0.0254 m, 1 US gal = 3.785411784e-3 m³.
// SWMM itself converts SI input to US units internally with rounded factors (swmm5.c Ucf/Qcf,
// e.g. 0.02832 m³/ft³); we go straight to SI, so results differ from SWMM's by < 0.01 %.
#pragma once

#include "inp/model.hpp"

namespace sf::inp {

inline constexpr double kMetresPerFoot = 0.3048;                   // exact, by definition
inline constexpr double kMetresPerInch = 0.0254;                   // exact
inline constexpr double kCubicMetresPerUsGallon = 3.785411784e-3;  // exact (231 in³)
inline constexpr double kSecondsPerDay = 86400.0;

/// m³/s per one unit of the given flow units.
double cubic_metres_per_second(FlowUnits units);

/// US for CFS/GPM/MGD, SI for CMS/LPS/MLD (SWMM's rule, project.c).
UnitSystem unit_system_of(FlowUnits units);

/// Everything needed to turn a number written in the file into SI.
struct UnitFactors {
  double length = kMetresPerFoot;                                    // ft or m -> m
  double area = kMetresPerFoot * kMetresPerFoot;                     // ft² or m² -> m²
  double volume = kMetresPerFoot * kMetresPerFoot * kMetresPerFoot;  // ft³ or m³ -> m³
  double flow = 1.0;                                                 // flow units -> m³/s
  double small_length = kMetresPerInch;   // in or mm -> m (D-W roughness, suction)
  double rate = kMetresPerInch / 3600.0;  // in/hr or mm/hr -> m/s (seepage, Ksat)
  /// Weir discharge coefficient (ft^0.5/s or m^0.5/s) -> m^0.5/s. Weir laws are
  /// Q = C L h^1.5 (and C S h^2.5, C L^0.83 h^1.67): the powers of length sum to 2.5 while Q
  /// is length³/s, so C scales with length^0.5.
  double weir_coeff = 0.5520869497;  // sqrt(0.3048)

  /// Outlet Q = a h^b: a (flow units per length^b) -> SI.
  double outlet_coeff(double exponent) const;
};

UnitFactors unit_factors(FlowUnits units);

}  // namespace sf::inp
