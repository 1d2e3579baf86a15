// Volume limiter of the surface <-> network exchange: one coupling step never moves more water
// than the giving side holds, so neither the surface depth nor the node depth goes negative.
#pragma once

#include "core/math.hpp"

namespace sf::couple {

/// Limits an exchange rate q (m³/s, > 0 surface -> network, the inlet_exchange sign) over a
/// step dt (s):
/// - q > 0 is capped at surface_volume / dt, the water standing in the surface cell(s) that
///   feed the inlet (m³: depth times cell area);
/// - q < 0 is capped at node_volume_available / dt, the water the node can give up this step
///   (m³: e.g. its stored volume, or the volume above the rim for a surcharging manhole).
/// Room in the node is not limited here: the network's node continuity turns water above the
/// full depth into flooding, which the coupler hands back to the surface, so the total is kept.
/// Negative volumes count as empty. dt <= 0 moves no water, so q is returned unchanged.
template <class T>
SF_HD inline T limit_exchange(T q, T dt, T surface_volume, T node_volume_available) {
  if (!(dt > T(0))) return q;
  if (q > T(0)) return min_of(q, max_of(surface_volume, T(0)) / dt);
  if (q < T(0)) return max_of(q, -max_of(node_volume_available, T(0)) / dt);
  return q;
}

}  // namespace sf::couple
