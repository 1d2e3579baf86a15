// Per-cell soil kernel run once per surface step (operator splitting): adds the step's rain to the
// cell, then either lets the cell's land-use class infiltrate it (on the pervious share) or runs
// the cell's LID measure, and books the volumes for the mass balance. Each cell touches only its
// own entries, so the launch layer may run cells in any order without atomics.
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "soil/infiltration.hpp"
#include "soil/lid_step.hpp"

namespace sf::soil {

/// Everything the kernel needs about one land-use class (a small table indexed by class).
template <class T>
struct SoilClassParams {
  T pervious_share = T(1);  // share of the cell area that infiltrates (-), 1 - impervious share
  InfiltrationParams<T> infiltration{};
  LidParams<T> lid{};  // lid.kind != kNone: the whole cell is the measure
};

/// LID layer water per cell (m), struct of arrays; only read for cells whose class has a measure.
template <class T>
struct LidStateArrays {
  T* surface;
  T* pavement;
  T* soil;
  T* storage;
  T* dry_time;

  SF_HD LidState<T> load(std::int64_t k) const {
    return {surface[k], pavement[k], soil[k], storage[k], dry_time[k]};
  }
  SF_HD void store(std::int64_t k, const LidState<T>& s) const {
    surface[k] = s.surface;
    pavement[k] = s.pavement;
    soil[k] = s.soil;
    storage[k] = s.storage;
    dry_time[k] = s.dry_time;
  }
};

/// Volumes accumulated per cell over the run (m^3), in double whatever T is.
struct SoilVolumeArrays {
  double* infiltrated;         // into the native soil (infiltration and LID exfiltration)
  double* lid_storage_change;  // water added to (+) or taken from (-) LID layers
  double* drained;             // LID underdrain outflow, leaves the surface
  double* evaporated;          // may be null: evaporation not booked
};

template <class T>
struct CellSoilStep {
  T* h;                               // surface water depth (m), updated in place
  const std::uint8_t* active;         // null: all cells active
  const std::uint8_t* soil_class;     // class index per cell
  const SoilClassParams<T>* classes;  // class table
  InfiltrationSlots<T> infiltration;  // per-cell model state (a LID's soil keeps Green-Ampt here)
  LidStateArrays<T> lid;              // may hold null pointers when no class has a measure
  SoilVolumeArrays volumes;
  const T* rain_rate;   // per-cell rain (m/s); null: rain_rate_uniform everywhere
  T rain_rate_uniform;  // m/s
  T evap_rate;          // potential evaporation (m/s), applied to LID measures
  T dt;                 // s
  T cell_area;          // m^2

  SF_HD void operator()(std::int64_t k) const {
    if (active && active[k] == 0) return;
    const SoilClassParams<T>& c = classes[soil_class[k]];
    const T rain = max_of(rain_rate ? rain_rate[k] : rain_rate_uniform, T(0));
    const double area = double(cell_area);
    if (c.lid.kind != LidKind::kNone) {
      LidState<T> s = lid.load(k);
      GreenAmptState<T> ga = infiltration.green_ampt(k);
      const T before = s.water();
      const LidFluxes<T> f = lid_step(s, ga, c.lid, h[k], rain, evap_rate, dt);
      lid.store(k, s);
      infiltration.store(k, ga);
      h[k] = f.overflow;  // the measure took the whole surface water and gave back the overflow
      volumes.infiltrated[k] += double(f.infiltrated) * area;
      volumes.lid_storage_change[k] += (double(s.water()) - double(before)) * area;
      volumes.drained[k] += double(f.drained) * area;
      if (volumes.evaporated) volumes.evaporated[k] += double(f.evaporated) * area;
      return;
    }
    const T available = h[k] + rain * dt;
    const T capacity_taken = infiltrate_cell(infiltration, k, c.infiltration, h[k], rain, dt);
    // The impervious share sheds its water onto the pervious part only through the 2D flow, so
    // the cell loses the pervious share of what the soil would take. b <= a gives a - b >= 0
    // exactly in IEEE arithmetic, so h stays non-negative.
    const T taken = min_of(c.pervious_share * capacity_taken, available);
    h[k] = available - taken;
    volumes.infiltrated[k] += double(taken) * area;
  }
};

}  // namespace sf::soil
