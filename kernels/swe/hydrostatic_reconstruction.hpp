// Hydrostatic reconstruction at a face, in the subcell form of Chen & Noelle (2017, SIAM J. Numer.
// Anal. 55(2):758-784), which extends Audusse et al. (2004, SIAM J. Sci. Comput. 25:2050):
//   z_f = min(max(z_L, z_R), min(eta_L, eta_R)),  h*_L = min(eta_L - z_f, h_L),  likewise h*_R.
// A lake at rest gives zero net flux (with the matching bed-slope source of surface_stage.hpp) and
// depths stay non-negative. Thin sheets on slopes steeper than h/dx keep the full gravity forcing,
// but the flux into the reconstructed dry side still over-estimates slow sheets' discharge
// (Delestre et al. 2012, C. R. Acad. Sci. Paris Ser. I 350:677); see docs/theory/surface.md.
#pragma once

#include "core/math.hpp"
#include "swe/face_state.hpp"
#include "swe/riemann_hllc.hpp"

namespace sf::swe {

template <class T>
struct ReconstructedFlux {
  FaceFlux<T> flux;  // numerical flux between the reconstructed states (face frame)
  T h_left;          // h*_L, reconstructed depth on the left side (m)
  T h_right;         // h*_R
  T z_face;          // z_f, the face bed elevation (m)
};

template <class T>
SF_HD SF_FORCEINLINE ReconstructedFlux<T> hydrostatic_face_flux(const FaceSide<T>& l,
                                                                const FaceSide<T>& r, T g) {
  const T eta_l = l.h + l.z, eta_r = r.h + r.z;
  const T zf = min_of(max_of(l.z, r.z), min_of(eta_l, eta_r));
  ReconstructedFlux<T> out;
  out.h_left = max_of(T(0), min_of(eta_l - zf, l.h));
  out.h_right = max_of(T(0), min_of(eta_r - zf, r.h));
  out.z_face = zf;
  out.flux = hllc_flux(out.h_left, l.un, l.ut, out.h_right, r.un, r.ut, g);
  return out;
}

}  // namespace sf::swe
