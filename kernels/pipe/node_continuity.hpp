// Continuity at nodes: stored volume and surface area of junctions and storage units, the
// depth update of one Picard trial (Rossman 2017, section 3.5, eqs. 3-20 to 3-23, including
// EXTRAN's surcharge iteration) and the stage at outfalls (section 3.6).
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/curve.hpp"

namespace sf::pipe {

enum class NodeKind : int { Junction, Outfall, Storage, Divider };
enum class StorageShape : int { None, Tabular, Functional, Polynomial };

/// Area-depth relation of a storage unit: A(d) = a0 + a1 d^a2 (functional),
/// a0 + a1 d + a2 d² (cylinder, cone, paraboloid, pyramid) or a tabulated curve.
struct StorageGeometry {
  StorageShape shape = StorageShape::None;
  double a0 = 0.0, a1 = 0.0, a2 = 0.0;
};

/// Constant properties of a node needed by its continuity update.
struct NodeParams {
  NodeKind kind = NodeKind::Junction;
  double full_depth = 0.0;         // [m]
  double sur_depth = 0.0;          // surcharge depth allowed above full depth [m]
  double ponded_area = 0.0;        // [m²]
  double crown_depth = 0.0;        // crown of the highest connected link above the invert [m]
  double full_volume = 0.0;        // [m³]
  bool upstream_terminal = false;  // no inflow links (SWMM's negative degree)
  StorageGeometry storage;
};

SF_HD inline double storage_area(const StorageGeometry& g, CurveView curve, double d) {
  switch (g.shape) {
    case StorageShape::Tabular:
      return curve_lookup_extrapolated(curve, d);
    case StorageShape::Functional:
      return g.a0 + g.a1 * pow_of(d, g.a2);
    case StorageShape::Polynomial:
      return g.a0 + d * (g.a1 + d * g.a2);
    default:
      return 0.0;
  }
}

/// Volume of a node at depth d [m³]. Junctions hold no volume of their own unless given a
/// full volume (the wet well of a TYPE1 pump), which then fills linearly with depth.
SF_HD inline double node_volume(const NodeParams& p, CurveView curve, double d) {
  if (p.kind != NodeKind::Storage) {
    return p.full_depth > 0.0 ? p.full_volume * (d / p.full_depth) : 0.0;
  }
  if (d <= 0.0) return 0.0;
  if (d >= p.full_depth && p.full_volume > 0.0) return p.full_volume;
  const StorageGeometry& g = p.storage;
  switch (g.shape) {
    case StorageShape::Tabular:
      return curve_storage_volume(curve, d);
    case StorageShape::Functional:
      return g.a0 * d + g.a1 / (g.a2 + 1.0) * pow_of(d, g.a2 + 1.0);
    case StorageShape::Polynomial:
      return d * (g.a0 + d * (g.a1 / 2.0 + d * g.a2 / 3.0));
    default:
      return 0.0;
  }
}

/// Surface area of a node's own storage at depth d (0 for junctions) [m²].
SF_HD inline double node_own_area(const NodeParams& p, CurveView curve, double d,
                                  bool allow_ponding) {
  if (allow_ponding && d > p.full_depth && p.ponded_area > 0.0) return p.ponded_area;
  if (p.kind != NodeKind::Storage) return 0.0;
  return storage_area(p.storage, curve, d);
}

/// Flows gathered at a node for one trial.
struct NodeFlows {
  double inflow = 0.0;     // [m³/s]
  double outflow = 0.0;    // [m³/s]
  double surf_area = 0.0;  // own area plus the areas lent by links [m²]
  double sumdqdh = 0.0;    // sum of dQ/dH of the connected links [m²/s]
};

struct NodeState {
  double y_old = 0.0;           // depth at the end of the previous step [m]
  double y_last = 0.0;          // depth of the previous trial [m]
  double old_volume = 0.0;      // [m³]
  double old_net_inflow = 0.0;  // inflow - outflow at the end of the previous step [m³/s]
  double old_surf_area = 0.0;   // last non-surcharged surface area [m²]
};

struct NodeResult {
  double depth = 0.0;
  double volume = 0.0;
  double overflow = 0.0;       // flooding rate [m³/s]
  double old_surf_area = 0.0;  // updated non-surcharged area
  double dydt = 0.0;
};

/// One trial of the node depth update (Rossman 2017, eqs. 3-20 to 3-23): a volume balance over
/// the step with the surface area when free-surface, or the EXTRAN surcharge correction
/// dH = corr * (Qin - Qout) / sum(dQ/dH) when the node is above the crown of its pipes.
SF_HD inline NodeResult node_trial(const NodeParams& p, CurveView curve, NodeFlows f, NodeState s,
                                   bool allow_ponding, bool extran, double min_surf_area, int trial,
                                   double omega, double dt) {
  NodeResult r;
  r.old_surf_area = s.old_surf_area;
  const bool can_pond = allow_ponding && p.ponded_area > 0.0;
  const bool is_ponded = can_pond && s.y_last > p.full_depth;
  const double y_crown = p.crown_depth;
  const double surf_area = max_of(f.surf_area, min_surf_area);
  const double dq = f.inflow - f.outflow;
  const double dv = 0.5 * (s.old_net_inflow + dq) * dt;

  bool surcharged = false;
  if (extran) {
    if (is_ponded)
      surcharged = false;
    else if (p.kind == NodeKind::Storage)
      surcharged = p.sur_depth > 0.0 && s.y_last > p.full_depth;
    else
      surcharged = y_crown > 0.0 && s.y_last > y_crown;
  }
  double y_new;
  if (!surcharged) {
    y_new = s.y_old + dv / surf_area;
    if (!is_ponded) r.old_surf_area = surf_area;
    if (trial > 0) y_new = (1.0 - omega) * s.y_last + omega * y_new;
    if (is_ponded && y_new < p.full_depth) y_new = p.full_depth - kFudge;
  } else {
    // upstream terminal nodes get a 0.6 correction; near the crown the free-surface area
    // still weighs in, fading out with exp(-15 f) (Rossman 2017, eq. 3-23)
    const double corr = p.upstream_terminal ? 0.6 : 1.0;
    double denom = f.sumdqdh;
    if (s.y_last < 1.25 * y_crown) {
      const double fr = (s.y_last - y_crown) / y_crown;
      denom += (s.old_surf_area / dt - f.sumdqdh) * exp(-15.0 * fr);
    }
    const double dy = denom == 0.0 ? 0.0 : corr * dq / denom;
    y_new = s.y_last + dy;
    if (y_new < y_crown) y_new = y_crown - kFudge;
    if (can_pond && y_new > p.full_depth) y_new = p.full_depth + kFudge;
  }
  if (y_new < 0.0) y_new = 0.0;
  double y_max = p.full_depth;
  if (!can_pond) y_max += p.sur_depth;
  if (y_new > y_max) {
    if (!can_pond) {
      r.overflow = dv / dt;
      r.volume = p.full_volume;
      y_new = y_max;
    } else {
      r.volume = max_of(s.old_volume + dv, p.full_volume);
      r.overflow = (r.volume - max_of(s.old_volume, p.full_volume)) / dt;
    }
    if (r.overflow < kFudgeFlow) r.overflow = 0.0;
  } else {
    r.volume = node_volume(p, curve, y_new);
  }
  r.dydt = abs_of(y_new - s.y_old) / dt;
  r.depth = y_new;
  return r;
}

enum class OutfallKind : int { Free, Normal, Fixed, Tidal, TimeSeries };

/// Depth at an outfall (Rossman 2017, section 3.6) given the normal and critical depths of
/// its conduit, the conduit's offset z above the outfall invert, and the outfall stage
/// (elevation) for FIXED/TIDAL/TIMESERIES.
SF_HD inline double outfall_depth(OutfallKind kind, double invert, double y_norm, double y_crit,
                                  double z, double stage) {
  if (kind == OutfallKind::Free) return z > 0.0 ? 0.0 : min_of(y_norm, y_crit);
  if (kind == OutfallKind::Normal) return z > 0.0 ? 0.0 : y_norm;
  y_crit = min_of(y_crit, y_norm);
  if (y_crit + z + invert < stage) return stage - invert;
  if (z > 0.0) {
    if (stage < invert + z) return max_of(0.0, stage - invert);
    return z + y_crit;
  }
  return y_crit;
}

}  // namespace sf::pipe
