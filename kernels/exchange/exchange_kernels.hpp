// Kernels of the device-resident 1D-2D exchange (docs/coupling.md, "Coupled time loop"). They run
// in the surface solver's execution space on the surface state (T = float or double) and on the
// network's node arrays (always double) in the same memory space, so no per-node or per-cell
// array crosses to the host: each pass returns at most a few summed volumes.
// Per coupled cell one thread handles all links of that cell (links sorted by cell, CSR), so
// several inlets in one cell share its water without atomics; per-node work walks the links of
// one node (a second CSR).
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "exchange/exchange_limiter.hpp"
#include "exchange/inlet_exchange.hpp"
#include "exchange/node_arrays.hpp"
#include "exchange/surface_exchange.hpp"
#include "swe/surface_stage.hpp"

namespace sf::couple {

/// The coupling links on the device: sorted by cell (CSR cell_begin) and grouped by coupled
/// node ("slot", CSR slot_begin into slot_link), plus the exchange state kept between steps.
struct ExchangeView {
  // per coupled cell
  const std::int64_t* cell = nullptr;  // j * nx + i
  const double* bed = nullptr;         // bed elevation (m, absolute, as the inlet's rim)
  const int* cell_begin = nullptr;     // links of cell c: cell_begin[c] .. cell_begin[c + 1]
  // per link (in cell order)
  const int* node = nullptr;  // network node
  const int* slot = nullptr;  // coupled-node slot
  const InletParams<double>* inlet = nullptr;
  const unsigned char* outfall = nullptr;  // 1: the node's outfall discharges onto the cell
  const double* share = nullptr;           // 1 / (links of this node and kind)
  double* rate = nullptr;                  // last limited rate (m^3/s, > 0 surface -> network)
  double* moved = nullptr;                 // volume moved this step (m^3, > 0 into the node)
  // per coupled-node slot
  const int* slot_node = nullptr;
  const int* slot_begin = nullptr;  // links of slot s: slot_link[slot_begin[s] .. [s + 1]]
  const int* slot_link = nullptr;
  unsigned char* flooded = nullptr;  // the node overflowed in the last step
  double* flood_taken = nullptr;     // flood_volume already handed to the surface (m^3)
  double* outfall_taken = nullptr;   // outfall_volume already handed to the surface (m^3)
};

/// The surface state and cell geometry the exchange writes to.
template <class T>
struct SurfaceCells {
  T* h = nullptr;
  T* qx = nullptr;
  T* qy = nullptr;
  double cell_area = 0.0;  // m^2
  T dry_depth = T(0);      // m
  T g = T(kGravity);       // m/s^2, replaced by the solver's gravity
  /// Wave speed of cell k as the surface step bounds it, taken as a wet/dry front (the larger
  /// bound) since the neighbours are not looked at.
  SF_HD double speed(std::int64_t k) const {
    return double(swe::cell_wave_speed(h[k], qx[k], qy[k], g, dry_depth, true));
  }
};

/// Volumes of one draw pass (m^3): net change of the surface cells (< 0 drained), and water
/// added through lids (surcharge), which raises the wave speed.
/// `speed` is the largest wave speed of a cell that gained water (m/s), so the surface can raise
/// its CFL bound without re-measuring the whole grid; it combines by max, the volumes by sum.
struct DrawSums {
  double net = 0.0;
  double added = 0.0;
  double speed = 0.0;
  SF_HD DrawSums operator+(const DrawSums& o) const {
    return {net + o.net, added + o.added, max_of(speed, o.speed)};
  }
};

/// Volumes of one hand-back pass (m^3): taken from the network and added to the cells, for
/// flooding of coupled nodes and for coupled outfalls.
struct ReturnSums {
  double flood_taken = 0.0, flood_received = 0.0;
  double outfall_taken = 0.0, outfall_received = 0.0;
  double speed = 0.0;  // largest wave speed of a cell that gained water (m/s), as DrawSums
  SF_HD ReturnSums operator+(const ReturnSums& o) const {
    return {flood_taken + o.flood_taken, flood_received + o.flood_received,
            outfall_taken + o.outfall_taken, outfall_received + o.outfall_received,
            max_of(speed, o.speed)};
  }
};

/// What a full (overflowing) node can take from the surface without flooding it straight back:
/// the rate its links carry away less what they and other lateral inflows bring, at the end of
/// the last network step (m^3/s, >= 0). node inflow and outflow include the coupled inflow.
SF_HD inline double node_room(const NodeArrays& n, int i) {
  return max_of(n.inflow[i] - (n.node_inflow[i] - n.node_outflow[i]), 0.0);
}

/// One coupled cell at the start of a step: each inlet's rate from the cell's water level and its
/// node's head (inlet_exchange), limited over dt (limit_exchange) by the cell's water and the
/// node's volume; draws scaled to what the cell holds when several inlets share it; the volumes
/// applied to the cell at once; draws rescaled to the volume the cell actually gave, so the
/// network receives exactly what the surface lost. A node that overflowed in the last step takes
/// at most its room (node_room): it is full, and what enters beyond what its pipes carry away
/// floods straight back. (Taking nothing instead switches the inflow of a full junction on and
/// off every step; a surcharged junction stores no water, so SWMM's node continuity then books
/// the pipes' outflow in the off steps from nowhere and creates water.) Outfall links do not use
/// the inlet law.
template <class T>
struct DrawThroughInlets {
  SurfaceCells<T> s;
  ExchangeView x;
  NodeArrays n;
  double dt;  // the planned step (s)
  SF_HD DrawSums operator()(std::int64_t c) const {
    const std::int64_t k = x.cell[c];
    const double h = double(s.h[k]);
    const double have = h * s.cell_area;
    const double level = x.bed[c] + h;
    const int l0 = x.cell_begin[c], l1 = x.cell_begin[c + 1];
    double out_req = 0.0, in_req = 0.0;
    for (int l = l0; l < l1; ++l) {
      double q = 0.0;
      if (!x.outfall[l]) {
        const int i = x.node[l];
        q = inlet_exchange(x.inlet[l], level, n.depth[i] + n.invert[i]).q;
        if (q > 0.0 && x.flooded[x.slot[l]]) q = min_of(q, node_room(n, i) * x.share[l]);
        q = limit_exchange(q, dt, have, n.volume[i]);
      }
      x.rate[l] = q;
      if (q > 0.0) out_req += q * dt;
      if (q < 0.0) in_req -= q * dt;
    }
    if (out_req > have && out_req > 0.0) {  // several inlets share the cell's water
      const double f = have / out_req;
      for (int l = l0; l < l1; ++l)
        if (x.rate[l] > 0.0) x.rate[l] *= f;
      out_req = have;
    }
    double applied = 0.0;
    if (in_req > 0.0 || out_req > 0.0)
      applied = apply_volume(s.h, s.qx, s.qy, k, in_req - out_req, s.cell_area, s.dry_depth);
    // Draws differ from the applied volume only by fp32 rounding of the stored depth or a clamp
    // at an empty cell; the network gets what the surface gave.
    const double f = out_req > 0.0 ? (in_req - applied) / out_req : 1.0;
    for (int l = l0; l < l1; ++l) {
      if (x.rate[l] > 0.0) x.rate[l] *= f;
      x.moved[l] = x.rate[l] * dt;
    }
    return {applied, in_req, in_req > 0.0 ? s.speed(k) : 0.0};
  }
};

/// After the surface step of actual length dt: each coupled node's lateral inflow (m^3/s) is the
/// volume its links moved divided by dt, written where the routing kernels read it.
struct SetNodeInflow {
  ExchangeView x;
  NodeArrays n;
  double dt;
  SF_HD void operator()(std::int64_t s) const {
    double v = 0.0;
    for (int e = x.slot_begin[s]; e < x.slot_begin[s + 1]; ++e) v += x.moved[x.slot_link[e]];
    n.inflow[x.slot_node[s]] = v / dt;
  }
};

/// After the network step: the volume each coupled node overflowed since the last hand-back
/// (flood_volume - flood_taken), or for outfall links the volume its outfall discharged, goes to
/// the node's cells, shared equally among its links of that kind. Reads the taken totals; the
/// node pass TakeOver updates them afterwards (cells of one node are handled by several threads).
template <class T>
struct HandBackToCells {
  SurfaceCells<T> s;
  ExchangeView x;
  NodeArrays n;
  SF_HD ReturnSums operator()(std::int64_t c) const {
    ReturnSums r;
    for (int l = x.cell_begin[c]; l < x.cell_begin[c + 1]; ++l) {
      const int i = x.node[l], sl = x.slot[l];
      if (x.outfall[l])
        r.outfall_taken += (n.outfall_volume[i] - x.outfall_taken[sl]) * x.share[l];
      else
        r.flood_taken += (n.flood_volume[i] - x.flood_taken[sl]) * x.share[l];
    }
    const double add = r.flood_taken + r.outfall_taken;
    if (!(add > 0.0)) return r;
    const double applied = apply_volume(s.h, s.qx, s.qy, x.cell[c], add, s.cell_area, s.dry_depth);
    // in fp64 applied == add to round-off; the split only matters for fp32 rounding
    r.flood_received = applied * (r.flood_taken / add);
    r.outfall_received = applied - r.flood_received;
    r.speed = s.speed(x.cell[c]);
    return r;
  }
};

/// Per coupled node after HandBackToCells: marks what was handed over, and whether the node
/// overflowed in this step (it then takes at most its room in the next).
struct TakeOver {
  ExchangeView x;
  NodeArrays n;
  SF_HD void operator()(std::int64_t s) const {
    const int i = x.slot_node[s];
    x.flooded[s] = n.flood_volume[i] - x.flood_taken[s] > 0.0 ? 1 : 0;
    x.flood_taken[s] = n.flood_volume[i];
    x.outfall_taken[s] = n.outfall_volume[i];
  }
};

}  // namespace sf::couple
