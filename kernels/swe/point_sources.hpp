// Point and area sources/sinks Q(t) (m^3/s). Each source is spread over one or more cells with
// weights summing to 1; the kernel runs once per distinct cell (no two threads touch one cell).
// Sinks take at most the water present, so depths stay non-negative; the volumes actually added
// and removed are accumulated per cell for the mass balance.
#pragma once

#include <cstdint>

#include "core/math.hpp"

namespace sf::swe {

constexpr int kMaxPointSources = 64;

template <class T>
struct SourceRates {
  T q[kMaxPointSources];  // current discharge of each source (m^3/s), by value into the kernel
};

template <class T>
struct PointSourceStep {
  T* h;
  T* qx;
  T* qy;
  const std::int64_t* cell;  // distinct target cells
  const int* entry_begin;    // CSR: entries of cell c are [entry_begin[c], entry_begin[c+1])
  const int* entry_source;   // source index of each entry
  const T* entry_weight;     // share of that source's Q going to this cell
  double* volume_in;         // accumulated volume added per distinct cell (m^3)
  double* volume_out;        // accumulated volume removed per distinct cell (m^3)
  T cell_area;               // m^2
  T dt;                      // s
  T dry_depth;               // m
  SourceRates<T> rates;

  SF_HD void operator()(std::int64_t c) const {
    T q = T(0);
    for (int e = entry_begin[c]; e < entry_begin[c + 1]; ++e)
      q += entry_weight[e] * rates.q[entry_source[e]];
    const std::int64_t k = cell[c];
    T dh = q * dt / cell_area;
    if (dh < T(0)) dh = max_of(dh, -h[k]);
    const T h_new = h[k] + dh;
    if (dh < T(0) && h_new <= dry_depth) {  // a sink that empties the cell leaves no momentum
      qx[k] = T(0);
      qy[k] = T(0);
    }
    h[k] = h_new;
    if (dh > T(0)) volume_in[c] += double(dh) * double(cell_area);
    if (dh < T(0)) volume_out[c] -= double(dh) * double(cell_area);
  }
};

}  // namespace sf::swe
