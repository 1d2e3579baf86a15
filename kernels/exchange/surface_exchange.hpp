// Kernels of the surface side of the 1D-2D exchange: gather the depths of a list of cells, and add
// or remove a volume per cell. The lists are short (one entry per coupled cell, hundreds), so both
// run once per entry; the cells of one apply call must be distinct so no two threads share a cell.
#pragma once

#include <cstdint>

#include "core/math.hpp"

namespace sf::couple {

/// depth[c] = h[cell[c]] (m), widened to double for the host.
template <class T>
struct GatherDepths {
  const T* h;
  const std::int64_t* cell;
  double* depth;
  SF_HD void operator()(std::int64_t c) const { depth[c] = double(h[cell[c]]); }
};

/// Adds `volume` (m^3) to cell k: positive adds water, negative removes at most what is there.
/// Removal keeps the velocity (the water taken carries its own momentum), so the step's wave
/// speed bound stays valid; a cell emptied below dry_depth is left at rest. Returns the volume
/// that actually changed, from the stored depths, so a ledger sees exactly what the state holds
/// (in fp32 this differs from `volume` by rounding).
template <class T>
SF_HD inline double apply_volume(T* h, T* qx, T* qy, std::int64_t k, double volume,
                                 double cell_area, T dry_depth) {
  const T h_old = h[k];
  double dh = volume / cell_area;
  if (dh < -double(h_old)) dh = -double(h_old);
  const T h_new = max_of(T(double(h_old) + dh), T(0));
  if (dh < 0.0) {
    if (h_new <= dry_depth || !(h_old > T(0))) {
      qx[k] = T(0);
      qy[k] = T(0);
    } else {
      const T ratio = h_new / h_old;
      qx[k] *= ratio;
      qy[k] *= ratio;
    }
  }
  h[k] = h_new;
  return (double(h_new) - double(h_old)) * cell_area;
}

/// Adds volume[c] (m^3) to cell[c] (apply_volume); applied[c] is the volume that changed.
template <class T>
struct ApplyVolumes {
  T* h;
  T* qx;
  T* qy;
  const std::int64_t* cell;
  const double* volume;
  double* applied;
  double cell_area;  // m^2
  T dry_depth;       // m
  SF_HD void operator()(std::int64_t c) const {
    applied[c] = apply_volume(h, qx, qy, cell[c], volume[c], cell_area, dry_depth);
  }
};

}  // namespace sf::couple
