// Units of control-rule values. The reader keeps a premise's value in SI (host/inp/controls.cpp);
// SWMM compares values, and looks CONTROL curves up, in the file's units, which the rule engine
// restores (host/network/controls.cpp). One table serves both directions.
#pragma once

#include "inp/model.hpp"
#include "inp/units.hpp"

namespace sf::inp {

/// SI per file unit of a rule attribute's value: length, volume or flow; 1 for the others.
inline double rule_value_si_per_unit(RuleAttribute a, const UnitFactors& u) {
  using A = RuleAttribute;
  switch (a) {
    case A::Depth:
    case A::MaxDepth:
    case A::Head:
    case A::FullDepth:
    case A::Length:
    case A::Velocity:
      return u.length;
    case A::Volume:
      return u.volume;
    case A::Inflow:
    case A::Flow:
    case A::FullFlow:
      return u.flow;
    default:
      return 1.0;
  }
}

}  // namespace sf::inp
