// Values at one side of a cell face, in the face's frame: un along the axis (+x or +y),
// ut along the other axis. h (m), z (m), un/ut (m/s).
#pragma once

#include "core/hd.hpp"

namespace sf::swe {

template <class T>
struct FaceSide {
  T h;   // depth at the face (m)
  T z;   // bed elevation at the face (m)
  T un;  // velocity along the face normal axis (m/s)
  T ut;  // velocity along the tangential axis (m/s)
};

/// Numerical flux across a face, per unit face length, in the face frame (positive = along +axis).
template <class T>
struct FaceFlux {
  T mass;   // m^2/s
  T mom_n;  // normal momentum flux incl. pressure, m^3/s^2
  T mom_t;  // tangential momentum flux, m^3/s^2
};

/// Hydrostatic pressure force per unit width, g h^2 / 2 (m^3/s^2).
template <class T>
SF_HD SF_FORCEINLINE T hydrostatic_pressure(T h, T g) {
  return T(0.5) * g * h * h;
}

}  // namespace sf::swe
