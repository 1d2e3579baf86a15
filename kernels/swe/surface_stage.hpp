// One fused pass of the finite-volume update: for each cell, the four face fluxes (hydrostatic
// reconstruction + HLLC, or the boundary state at an open edge), rain, semi-implicit bed friction,
// the velocity cut-off and, in the last stage of a step, the running maximum depth. It returns the
// cell's wave speed max(|u|,|v|) + sqrt(g h), the volumes through its domain-edge faces and any
// water a depth clamp added, so that one reduction of the launch layer gives the next CFL step and
// the stage's ledger terms in the same pass, with no per-cell accumulators: a stage that is
// rejected (order 2, see SurfaceSolverImpl::advance) leaves no trace. A face flux is computed from
// identical inputs in the same (+x / +y) frame whichever cell asks, so mass is exchanged exactly:
// the per-cell launch (operator(), one GPU thread per cell) solves each face for both its cells,
// the row sweep (sweep_rows, the CPU launch, where the step is compute-bound) solves it once and
// hands it on, with bit-identical results.
//
// Order 1: cell values at faces. Order 2: MUSCL with the monotonized-central limiter on h and z and
// minmod on u and v; first order next to dry, inactive or edge cells. Limiting h and z with the
// same odd limiter keeps a lake at rest flat (its slopes are opposite), and the face beds depend on
// the bed alone. The bed-slope source is split at the reconstructed points. Memory per cell update
// (first order, fp32): read h, qx, qy, z (16 B), active (1 B), hmax (4 B), write h, qx, qy (12 B) =
// 33 B, plus 4 B for a roughness raster. Neighbour reads hit cache.
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "swe/boundary.hpp"
#include "swe/friction.hpp"
#include "swe/hydrostatic_reconstruction.hpp"
#include "swe/limiter.hpp"
#include "swe/surface_view.hpp"

namespace sf::swe {

/// Wave speed bounding the CFL step at a wet cell: max(|u|, |v|) + c, or + 2c at a wet/dry front
/// where the front spreads at |u| + 2c (Toro 2001, sec. 10.6), so the CFL step keeps positivity
/// for cfl <= 0.5 even for water at rest between dry cells. 0 for a dry cell.
template <class T>
SF_HD inline T cell_wave_speed(T h, T qx, T qy, T g, T dry_depth, bool front) {
  if (h <= dry_depth) return T(0);
  const T c = sqrt_of(g * h);
  return max_of(abs_of(qx), abs_of(qy)) / h + (front ? T(2) * c : c);
}

/// What one cell update returns, combined over cells by StageSumsCombine.
template <class T>
struct StageSums {
  T speed = T(0);       // max wave speed of the new state (m/s)
  double clamp = 0;     // water added by clamping negative depths (m^3, weighted like the fluxes)
  double edge_out = 0;  // volume leaving through domain edges (m^3, weighted)
  double edge_in = 0;   // volume entering through domain edges (m^3, weighted)
};

struct StageSumsCombine {
  template <class T>
  SF_HD StageSums<T> operator()(const StageSums<T>& a, const StageSums<T>& b) const {
    return {max_of(a.speed, b.speed), a.clamp + b.clamp, a.edge_out + b.edge_out,
            a.edge_in + b.edge_in};
  }
};

template <class T>
struct CellFaces {
  FaceSide<T> lo, hi;  // west/south and east/north face values, axis frame
};

template <class T, int Order, bool FinalStage>
struct SurfaceStage {
  SurfaceView<T> v;
  StateIn<T> in;    // state the fluxes are computed from
  StateIn<T> base;  // state at the start of the step (Heun average), used when Order == 2
  StateOut<T> out;
  T* hmax;              // running max depth, updated when FinalStage
  EventStats<T> stats;  // updated when FinalStage and tracked
  StageParams<T> p;

  SF_HD bool inside(int i, int j) const { return i >= 0 && j >= 0 && i < v.nx && j < v.ny; }
  SF_HD std::int64_t at(int i, int j) const { return std::int64_t(j) * v.nx + i; }
  SF_HD bool open(int i, int j) const { return inside(i, j) && v.active[at(i, j)] != 0; }

  // Depth, axis velocities, bed of a cell. axis 0 = x: un = u, ut = v; axis 1 = y: un = v, ut = u.
  SF_HD FaceSide<T> cell_side(std::int64_t k, int axis) const {
    const T h = in.h[k];
    T u = T(0), w = T(0);
    if (h > v.dry_depth) {
      const T inv_h = T(1) / h;
      u = in.qx[k] * inv_h;
      w = in.qy[k] * inv_h;
    }
    return axis == 0 ? FaceSide<T>{h, v.z[k], u, w} : FaceSide<T>{h, v.z[k], w, u};
  }

  SF_HD bool wet(int i, int j) const { return open(i, j) && in.h[at(i, j)] > v.dry_depth; }

  SF_HD CellFaces<T> faces(int i, int j, int axis) const {
    const FaceSide<T> c = cell_side(at(i, j), axis);
    CellFaces<T> f{c, c};
    if (Order == 1) return f;
    const int di = axis == 0 ? 1 : 0, dj = axis == 0 ? 0 : 1;
    if (!wet(i, j) || !wet(i - di, j - dj) || !wet(i + di, j + dj)) return f;
    const FaceSide<T> m = cell_side(at(i - di, j - dj), axis);
    const FaceSide<T> q = cell_side(at(i + di, j + dj), axis);
    const T dh = monotonized_central(c.h - m.h, q.h - c.h);
    const T dz = monotonized_central(c.z - m.z, q.z - c.z);
    const T dun = minmod(c.un - m.un, q.un - c.un);
    const T dut = minmod(c.ut - m.ut, q.ut - c.ut);
    f.lo.h = c.h - T(0.5) * dh;
    f.hi.h = c.h + T(0.5) * dh;
    f.lo.z = c.z - T(0.5) * dz;
    f.hi.z = c.z + T(0.5) * dz;
    f.lo.un = c.un - T(0.5) * dun;
    f.hi.un = c.un + T(0.5) * dun;
    f.lo.ut = c.ut - T(0.5) * dut;
    f.hi.ut = c.ut + T(0.5) * dut;
    return f;
  }

  struct Accum {
    T mass = T(0), mom_n = T(0), mom_t = T(0);  // net inflow per unit length, axis frame
    T h_lo = T(0), z_lo = T(0);        // own reconstructed depth and face bed on the low face
    T h_hi = T(0), z_hi = T(0);        // ... and on the high face
    bool dry_neighbour = false;        // a face where water meets a (reconstructed) dry side
    T edge_speed = T(0);               // fastest wave of a boundary state on this axis (m/s)
    double edge_out = 0, edge_in = 0;  // volumes through domain-edge faces (m^3, weighted)
  };

  // Flux across the high (east/north) face of cell (i, j) seen from that cell, or across its low
  // face: between two open cells, at a wall (inactive neighbour) or at a domain edge. Boundary
  // volumes and speeds are booked in acc by the cell that owns the edge face.
  SF_HD SF_FORCEINLINE ReconstructedFlux<T> face_flux(int i, int j, int axis, bool high,
                                                      const CellFaces<T>& own, Accum& acc) const {
    const int di = axis == 0 ? 1 : 0, dj = axis == 0 ? 0 : 1;
    const int ni = high ? i + di : i - di, nj = high ? j + dj : j - dj;
    const FaceSide<T>& mine = high ? own.hi : own.lo;
    ReconstructedFlux<T> r;
    if (inside(ni, nj)) {
      if (v.active[at(ni, nj)] != 0) {
        const CellFaces<T> nb = faces(ni, nj, axis);
        r = high ? hydrostatic_face_flux(mine, nb.lo, v.g)
                 : hydrostatic_face_flux(nb.hi, mine, v.g);
      } else {
        r = wall_flux(mine, high);
      }
    } else {
      const int side = axis == 0 ? (high ? kEast : kWest) : (high ? kNorth : kSouth);
      const int e = axis == 0 ? j : i;
      const EdgeKind kind = static_cast<EdgeKind>(v.edge_kind[side][e]);
      const int segment = v.edge_segment[side][e];
      const T value = p.segment.value[segment];
      const T outward = high ? T(1) : T(-1);
      if (kind == EdgeKind::kWall || (kind == EdgeKind::kInflow && value <= T(0))) {
        r = wall_flux(mine, high);
      } else {
        const T coefficient = v.roughness ? v.roughness[at(i, j)] : v.roughness_uniform;
        const T slope = v.edge_slope[side] ? v.edge_slope[side][e] : T(0);
        const EdgeState<T> b =
            edge_state(kind, mine, outward, value, p.segment_depth.value[segment], slope,
                       v.friction_law, coefficient, v.g, v.dry_depth);
        r.flux = edge_flux(b, mine, outward, v.g);
        r.h_left = r.h_right = mine.h;  // the edge face's bed is the cell's own: no bed source
        r.z_face = mine.z;
        acc.edge_speed = max_of(acc.edge_speed, abs_of(b.w) + sqrt_of(v.g * b.h));
      }
      // Volume through this edge face during the stage (m^3), split by direction.
      const double vol =
          double(outward * r.flux.mass) * double(v.dx) * double(p.dt) * p.flux_weight;
      if (vol > 0)
        acc.edge_out += vol;
      else if (vol < 0)
        acc.edge_in -= vol;
    }
    return r;
  }

  // Books a face's flux in the sums of the cell on its low side (high == true: the face is that
  // cell's east/north face) or on its high side. Each cell books its high face first, then its low
  // face, in every launch, so that the sums are the same bits whoever solved the face.
  SF_HD void add_face(const ReconstructedFlux<T>& r, bool high, Accum& acc) const {
    const T sign = high ? T(-1) : T(1);  // outward normal is +axis on the high face
    acc.mass += sign * r.flux.mass;
    acc.mom_n += sign * r.flux.mom_n;
    acc.mom_t += sign * r.flux.mom_t;
    if ((high ? r.h_right : r.h_left) <= v.dry_depth) acc.dry_neighbour = true;
    if (high) {
      acc.h_hi = r.h_left;
      acc.z_hi = r.z_face;
    } else {
      acc.h_lo = r.h_right;
      acc.z_lo = r.z_face;
    }
  }

  SF_HD void face(int i, int j, int axis, bool high, const CellFaces<T>& own, Accum& acc) const {
    add_face(face_flux(i, j, axis, high, own, acc), high, acc);
  }

  SF_HD ReconstructedFlux<T> wall_flux(const FaceSide<T>& mine, bool high) const {
    FaceSide<T> ghost = mine;
    ghost.un = -mine.un;
    ReconstructedFlux<T> r =
        high ? hydrostatic_face_flux(mine, ghost, v.g) : hydrostatic_face_flux(ghost, mine, v.g);
    r.flux.mass = T(0);  // exactly: no water crosses a wall
    r.flux.mom_t = T(0);
    return r;
  }

  // Bed-slope source along one axis, split at the reconstructed points (Chen & Noelle 2017):
  //   -g/2 [(h*_lo + h_lo)(z_lo - z_f,lo) + (h_lo + h_hi)(z_hi - z_lo) + (h_hi + h*_hi)(z_f,hi -
  //   z_hi)]
  // It balances the pressure fluxes exactly for a lake at rest, wet or next to dry cells.
  SF_HD T bed_slope_source(const CellFaces<T>& f, const Accum& a) const {
    return -T(0.5) * v.g *
           ((a.h_lo + f.lo.h) * (f.lo.z - a.z_lo) + (f.lo.h + f.hi.h) * (f.hi.z - f.lo.z) +
            (f.hi.h + a.h_hi) * (a.z_hi - f.hi.z));
  }

  SF_HD void update_event_stats(std::int64_t k, T h, T qx, T qy) const {
    if (h <= stats.wet_threshold) return;  // dry cells: nothing to record, no memory traffic
    const T speed = sqrt_of(qx * qx + qy * qy) / h;
    if (speed > stats.max_speed[k]) stats.max_speed[k] = speed;
    const T hazard = h * (speed + T(0.5));
    if (hazard > stats.max_hazard[k]) stats.max_hazard[k] = hazard;
    if (stats.time_first_wet[k] < T(0)) stats.time_first_wet[k] = p.time_end;
    if (h > stats.flood_threshold) stats.duration_flooded[k] += p.dt;
    if (h > stats.user_threshold) stats.duration_user[k] += p.dt;
  }

  // Inactive cell: no water, no fluxes.
  SF_HD StageSums<T> inactive_cell(std::int64_t k) const {
    out.h[k] = T(0);
    out.qx[k] = T(0);
    out.qy[k] = T(0);
    return StageSums<T>{};
  }

  // One cell per call, solving all four of its faces (the CUDA launch: one thread per cell).
  SF_HD StageSums<T> operator()(std::int64_t k) const {
    // 32-bit index arithmetic: grids are limited to 2^31 cells (checked by the solver).
    const int kk = int(k), i = kk % v.nx, j = kk / v.nx;
    if (v.active[k] == 0) return inactive_cell(k);
    const CellFaces<T> fx = faces(i, j, 0);
    Accum ax;
    face(i, j, 0, true, fx, ax);
    face(i, j, 0, false, fx, ax);
    const CellFaces<T> fy = faces(i, j, 1);
    Accum ay;
    face(i, j, 1, true, fy, ay);
    face(i, j, 1, false, fy, ay);
    return update(k, fx, ax, fy, ay);
  }

  // Rows [j0, j1) in order, solving each face between two open cells once (the CPU launch): a
  // cell's west flux is its west neighbour's east flux, kept from the previous cell, and its south
  // flux is the north flux of the cell below, kept in north[i] (nx entries, scratch owned by the
  // caller) from the previous row of the block. The first row of a block solves its south faces
  // itself, so blocks are independent. Same functions, same arguments, same order of the sums as
  // operator(): every field comes out bit for bit the same.
  StageSums<T> sweep_rows(int j0, int j1, ReconstructedFlux<T>* north) const {
    StageSums<T> sums;
    const StageSumsCombine combine;
    for (int j = j0; j < j1; ++j) {
      ReconstructedFlux<T> west{};
      for (int i = 0; i < v.nx; ++i) {
        const std::int64_t k = at(i, j);
        if (v.active[k] == 0) {
          sums = combine(sums, inactive_cell(k));
          continue;
        }
        const CellFaces<T> fx = faces(i, j, 0);
        Accum ax;
        const ReconstructedFlux<T> east = face_flux(i, j, 0, true, fx, ax);
        add_face(east, true, ax);
        if (i > 0 && v.active[k - 1] != 0)
          add_face(west, false, ax);
        else
          face(i, j, 0, false, fx, ax);
        west = east;
        const CellFaces<T> fy = faces(i, j, 1);
        Accum ay;
        const ReconstructedFlux<T> up = face_flux(i, j, 1, true, fy, ay);
        add_face(up, true, ay);
        if (j > j0 && v.active[k - v.nx] != 0)
          add_face(north[i], false, ay);
        else
          face(i, j, 1, false, fy, ay);
        north[i] = up;
        sums = combine(sums, update(k, fx, ax, fy, ay));
      }
    }
    return sums;
  }

  // The cell's new state from its reconstructions and the sums of its four faces.
  SF_HD StageSums<T> update(std::int64_t k, const CellFaces<T>& fx, const Accum& ax,
                            const CellFaces<T>& fy, const Accum& ay) const {
    StageSums<T> sums;
    const T g = v.g, dt = p.dt, r = dt / v.dx;
    const T sx = bed_slope_source(fx, ax);
    const T sy = bed_slope_source(fy, ay);

    const T rain = v.rain ? v.rain[k] : p.rain_rate;
    T h = in.h[k] + r * (ax.mass + ay.mass) + dt * rain;
    T qx = in.qx[k] + r * (ax.mom_n + ay.mom_t + sx);
    T qy = in.qy[k] + r * (ay.mom_n + ax.mom_t + sy);
    if (h < T(0)) {  // roundoff or a step beyond the positivity bound: book what the clamp adds
      sums.clamp = -double(h) * double(v.dx) * double(v.dx) * p.flux_weight;
      h = T(0);
    }

    if (h > v.dry_depth) {
      const T coefficient = v.roughness ? v.roughness[k] : v.roughness_uniform;
      const T factor = friction_factor(v.friction_law, coefficient, h, qx, qy, dt, g);
      qx *= factor;
      qy *= factor;
    } else {
      qx = T(0);
      qy = T(0);
    }

    if (FinalStage && Order == 2) {  // Heun: average of the step's start and the second stage
      h = T(0.5) * (base.h[k] + h);
      qx = T(0.5) * (base.qx[k] + qx);
      qy = T(0.5) * (base.qy[k] + qy);
      if (h <= v.dry_depth) qx = qy = T(0);
    }
    out.h[k] = h;
    out.qx[k] = qx;
    out.qy[k] = qy;
    if (FinalStage) {
      if (h > hmax[k]) {
        hmax[k] = h;
        if (stats.time_of_max_depth) stats.time_of_max_depth[k] = p.time_end;
      }
      if (stats.max_speed) update_event_stats(k, h, qx, qy);
    }

    sums.speed =
        max_of(cell_wave_speed(h, qx, qy, g, v.dry_depth, ax.dry_neighbour || ay.dry_neighbour),
               max_of(ax.edge_speed, ay.edge_speed));
    sums.edge_out = ax.edge_out + ay.edge_out;
    sums.edge_in = ax.edge_in + ay.edge_in;
    return sums;
  }
};

}  // namespace sf::swe
