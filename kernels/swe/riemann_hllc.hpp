// HLLC approximate Riemann solver for the 2D shallow-water equations in the normal direction
// (Toro, Shock-Capturing Methods for Free-Surface Shallow Flows, Wiley 2001, ch. 10), with the
// two-rarefaction wave-speed estimates and the dry-bed speeds of the same chapter.
#pragma once

#include "core/math.hpp"
#include "swe/face_state.hpp"

namespace sf::swe {

/// Physical flux of a state (h, un, ut).
template <class T>
SF_HD SF_FORCEINLINE FaceFlux<T> physical_flux(T h, T un, T ut, T g) {
  const T q = h * un;
  return {q, q * un + hydrostatic_pressure(h, g), q * ut};
}

/// Flux between left state (hl, ul, vl) and right state (hr, ur, vr); u normal, v tangential.
template <class T>
SF_HD SF_FORCEINLINE FaceFlux<T> hllc_flux(T hl, T ul, T vl, T hr, T ur, T vr, T g) {
  if (hl <= T(0) && hr <= T(0)) return {T(0), T(0), T(0)};
  // Identical states: return the physical flux exactly, so a lake at rest stays bitwise at rest.
  if (hl == hr && ul == ur && vl == vr) return physical_flux(hl, ul, vl, g);

  const T cl = sqrt_of(g * hl);
  const T cr = sqrt_of(g * hr);
  T sl, sr;
  if (hl <= T(0)) {  // dry bed on the left: rarefaction front
    sl = ur - T(2) * cr;
    sr = ur + cr;
  } else if (hr <= T(0)) {  // dry bed on the right
    sl = ul - cl;
    sr = ul + T(2) * cl;
  } else {
    const T u_star = T(0.5) * (ul + ur) + cl - cr;
    const T c_star = T(0.5) * (cl + cr) + T(0.25) * (ul - ur);
    sl = min_of(ul - cl, u_star - c_star);
    sr = max_of(ur + cr, u_star + c_star);
  }

  if (sl >= T(0)) return physical_flux(hl, ul, vl, g);
  if (sr <= T(0)) return physical_flux(hr, ur, vr, g);

  const FaceFlux<T> fl = physical_flux(hl, ul, vl, g);
  const FaceFlux<T> fr = physical_flux(hr, ur, vr, g);
  const T inv = T(1) / (sr - sl);
  const T mass = (sr * fl.mass - sl * fr.mass + sl * sr * (hr - hl)) * inv;
  const T mom_n = (sr * fl.mom_n - sl * fr.mom_n + sl * sr * (hr * ur - hl * ul)) * inv;

  // Contact (shear) wave speed s* = num / denom; the tangential velocity is upwinded across it,
  // so only the sign of s* matters and no division is needed.
  const T denom = hr * (ur - sr) - hl * (ul - sl);
  const T num = sl * hr * (ur - sr) - sr * hl * (ul - sl);
  const bool star_right = denom == T(0) || (num >= T(0)) == (denom > T(0));
  const T mom_t = mass * (star_right ? vl : vr);
  return {mass, mom_n, mom_t};
}

}  // namespace sf::swe
