// Surface <-> network exchange at one inlet or manhole: the weir/orifice linking equations of
// dual-drainage models (Chen, Djordjevic, Leandro & Savic 2007; Rubinato et al. 2017) as point
// functions, with a switch between regimes that is continuous everywhere (docs/coupling.md).
// Sign convention: Q > 0 drains the surface into the network, Q < 0 is surcharge onto the surface.
#pragma once

#include "core/math.hpp"

namespace sf::couple {

/// One surface-network connection (a gully inlet or a manhole lid). SI units.
template <class T>
struct InletParams {
  T rim_elevation = T(0);  // crest of the weir / plane of the orifice (m), usually the ground
  T perimeter = T(0);      // weir crest length P: the wetted perimeter of the opening (m)
  T area = T(0);           // orifice area A: the open area of the grate or lid (m²)
  // Discharge coefficients (-). The defaults are the textbook sharp-crested weir (~0.5-0.6) and
  // vena-contracta orifice (~0.6) values used by Chen et al. (2007); laboratory calibrations of
  // real grates scatter widely (Rubinato et al. 2017, J. Hydrol. 552:421-432; Rubinato et al.
  // 2018, J. Hydroinf. 20(3):564, found 0.115-0.372 for C_w and 0.349-2.038 for C_o on ten
  // grate designs), so a case should set them per inlet type.
  T weir_coeff = T(0.56);    // C_w
  T orifice_coeff = T(0.6);  // C_o
  // Below this head difference (m) the orifice law sqrt(2 g dH) is replaced by the straight line
  // through 0 and its value at dH = linear_head, so dQ/dH stays finite when the two water
  // levels meet (an infinite derivative there makes explicit coupling oscillate).
  T linear_head = T(1e-3);
};

/// Which law gave the exchange; Surcharge is the only one with Q < 0.
enum class ExchangeRegime : int {
  None,              // both levels at or below the rim, or equal
  FreeWeir,          // network below the rim, shallow surface water spills over the crest
  FreeOrifice,       // network below the rim, deep surface water: the opening throttles
  SubmergedWeir,     // network above the rim but below the surface, weir with Villemonte factor
  SubmergedOrifice,  // network above the rim but below the surface, orifice on the difference
  Surcharge          // network above the surface (and the rim): outflow through the orifice
};

template <class T>
struct Exchange {
  T q = T(0);  // m³/s, > 0 surface -> network
  ExchangeRegime regime = ExchangeRegime::None;
};

/// Free weir over the rim: Q = C_w P h sqrt(2 g h), h = surface head over the rim (m)
/// (Chen et al. 2007, eq. for surface-to-sewer flow with free sewer surface).
template <class T>
SF_HD inline T free_weir_flow(T weir_coeff, T perimeter, T head_over_rim, T g) {
  if (!(head_over_rim > T(0))) return T(0);
  return weir_coeff * perimeter * head_over_rim * sqrt_of(T(2) * g * head_over_rim);
}

/// Orifice law with sign: Q = sign(dH) C_o A sqrt(2 g |dH|), linear for |dH| < linear_head.
template <class T>
SF_HD inline T orifice_flow(T orifice_coeff, T area, T head_difference, T linear_head, T g) {
  const T dh = abs_of(head_difference);
  T root;
  if (dh < linear_head)
    root = sqrt_of(T(2) * g * linear_head) * (dh / linear_head);
  else
    root = sqrt_of(T(2) * g * dh);
  const T q = orifice_coeff * area * root;
  return head_difference < T(0) ? -q : q;
}

/// Villemonte (1947, Eng. News-Record 139:866-869) reduction of a weir drowned from downstream:
/// Q_sub / Q_free = (1 - (h_down / h_up)^1.5)^0.385, heads over the crest; 1 for a free crest.
template <class T>
SF_HD inline T villemonte_factor(T head_up, T head_down) {
  if (!(head_down > T(0))) return T(1);
  if (!(head_down < head_up)) return T(0);
  const T r = head_down / head_up;
  return pow_of(T(1) - r * sqrt_of(r), T(0.385));
}

/// Exchange between a surface water level and a network node head (both m above datum).
///
/// Regimes, with h_s = surface_level - rim and h_n = node_head - rim:
/// - h_s <= 0 and h_n <= 0: nothing.
/// - node_head >= surface_level (so h_n > 0): surcharge, -C_o A sqrt(2 g (node_head - max(surface
///   level, rim))): water leaves the lid and spreads on the surface (Chen et al. 2007).
/// - h_n <= 0 < h_s: free inflow, min(weir, orifice on h_s): the weir holds for shallow water,
///   the opening's area takes over once h_s > C_o A / (C_w P) (Chen et al. 2007).
/// - 0 < h_n < h_s: drowned inflow, min(weir * Villemonte factor, orifice on h_s - h_n).
/// Each branch is continuous and every branch boundary is a level where the two adjoining laws
/// agree (h_n = 0: the Villemonte factor is 1; node_head = surface_level: both laws give 0), so
/// Q(surface_level, node_head) is continuous, monotone increasing in the surface level and
/// decreasing in the node head.
template <class T>
SF_HD inline Exchange<T> inlet_exchange(const InletParams<T>& p, T surface_level, T node_head,
                                        T g = T(kGravity)) {
  Exchange<T> e;
  const T h_s = surface_level - p.rim_elevation;
  const T h_n = node_head - p.rim_elevation;
  if (!(h_s > T(0)) && !(h_n > T(0))) return e;

  if (node_head >= surface_level) {
    const T outside = max_of(surface_level, p.rim_elevation);
    e.q = -orifice_flow(p.orifice_coeff, p.area, node_head - outside, p.linear_head, g);
    e.regime = e.q < T(0) ? ExchangeRegime::Surcharge : ExchangeRegime::None;
    return e;
  }

  const T weir_free = free_weir_flow(p.weir_coeff, p.perimeter, h_s, g);
  const bool drowned = h_n > T(0);
  const T weir = drowned ? weir_free * villemonte_factor(h_s, h_n) : weir_free;
  const T orifice =
      orifice_flow(p.orifice_coeff, p.area, drowned ? h_s - h_n : h_s, p.linear_head, g);
  if (weir <= orifice) {
    e.q = weir;
    e.regime = drowned ? ExchangeRegime::SubmergedWeir : ExchangeRegime::FreeWeir;
  } else {
    e.q = orifice;
    e.regime = drowned ? ExchangeRegime::SubmergedOrifice : ExchangeRegime::FreeOrifice;
  }
  if (!(e.q > T(0))) e.regime = ExchangeRegime::None;
  return e;
}

/// The inlet of a circular manhole lid of the given diameter (m): P = pi D, A = pi D² / 4.
template <class T>
SF_HD inline InletParams<T> circular_inlet(T rim_elevation, T diameter) {
  constexpr T pi = T(3.14159265358979323846);
  InletParams<T> p;
  p.rim_elevation = rim_elevation;
  p.perimeter = pi * diameter;
  p.area = T(0.25) * pi * diameter * diameter;
  return p;
}

}  // namespace sf::couple
