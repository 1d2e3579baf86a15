// One time step of a LID / sponge measure on one cell: rain and the cell's surface water enter
// the measure's surface layer, evaporation is taken top down, then the fluxes between layers are
// applied bottom up (exfiltration and underdrain first, then soil and pavement percolation, then
// infiltration from the surface), each limited by the water its donor holds and the room its
// receiver has after the fluxes below it. This is SWMM's explicit scheme (rates from the state at
// the start of the step, Rossman & Huber 2016 Vol. I sec. 6.3) with the limits made sequential, so
// no layer can go negative or over-fill and every flux leaves one store exactly as it enters
// another: the step's balance closes to round-off whatever dt is.
#pragma once

#include "core/math.hpp"
#include "soil/green_ampt.hpp"
#include "soil/lid_params.hpp"
#include "soil/soil_math.hpp"

namespace sf::soil {

template <class T>
SF_HD inline T lid_pavement_capacity(const LidParams<T>& p) {
  return p.pavement.thickness * p.pavement.void_fraction * (T(1) - p.pavement.impervious_share);
}
template <class T>
SF_HD inline T lid_soil_capacity(const LidParams<T>& p) {
  return p.soil.thickness * p.soil.porosity;
}
template <class T>
SF_HD inline T lid_storage_capacity(const LidParams<T>& p) {
  return p.storage.height * p.storage.void_fraction;
}

/// Green-Ampt parameters for infiltration from the surface into the measure's soil layer.
template <class T>
SF_HD inline GreenAmptParams<T> lid_soil_infiltration_params(const LidParams<T>& p) {
  return {p.soil.ks, p.soil.suction, max_of(p.soil.porosity - p.soil.initial_moisture, T(0))};
}

template <class T>
SF_HD inline LidState<T> lid_initial_state(const LidParams<T>& p) {
  LidState<T> s;
  s.soil = p.soil.thickness * p.soil.initial_moisture;
  s.storage = lid_storage_capacity(p) * p.storage.initial_fill;
  return s;
}

/// Gravity drainage of the soil, K(theta) = Ks exp(-HCO (porosity - theta)) above field
/// capacity (m/s); SWMM's percolation law.
template <class T>
SF_HD inline T lid_soil_percolation_rate(const LidSoilLayer<T>& soil, T theta) {
  if (theta <= soil.field_capacity) return T(0);
  return soil.ks * exp_of(-soil.conductivity_slope * (soil.porosity - theta));
}

/// Advances one cell's measure by dt_s. ponded_depth_m is the cell's surface water, taken whole;
/// what the measure cannot hold comes back as overflow. soil_infil is the Green-Ampt state of the
/// soil surface (unused without a soil layer).
template <class T>
SF_HD inline LidFluxes<T> lid_step(LidState<T>& s, GreenAmptState<T>& soil_infil,
                                   const LidParams<T>& p, T ponded_depth_m, T rain_rate_m_s,
                                   T evap_rate_m_s, T dt_s) {
  LidFluxes<T> f;
  const bool has_pavement = p.pavement.thickness > T(0);
  const bool has_soil = p.soil.thickness > T(0);
  const bool has_storage = p.storage.height > T(0);
  const bool covered = p.kind == LidKind::kRainBarrel;

  f.rain = max_of(rain_rate_m_s, T(0)) * dt_s;
  f.from_surface = max_of(ponded_depth_m, T(0));
  s.surface += f.rain + f.from_surface;
  s.dry_time = f.rain > T(0) ? T(0) : s.dry_time + dt_s;

  // Evaporation, top down: open water, pavement pores, soil down to the wilting point, and the
  // storage only where nothing covers it (an open trench).
  T demand = max_of(evap_rate_m_s, T(0)) * dt_s;
  auto evaporate = [&](T& layer, T floor) {
    const T e = min_of(demand, max_of(layer - floor, T(0)));
    layer -= e;
    demand -= e;
    f.evaporated += e;
  };
  if (!covered) evaporate(s.surface, T(0));
  if (has_pavement) evaporate(s.pavement, T(0));
  if (has_soil) evaporate(s.soil, p.soil.wilting_point * p.soil.thickness);
  if (has_storage && !has_pavement && !has_soil && !covered) evaporate(s.storage, T(0));

  // Native soil takes at most seepage * dt in the step, from storage or from the layer above
  // when there is no storage layer.
  T native_room = max_of(p.storage.seepage, T(0)) * dt_s;
  const T storage_cap = lid_storage_capacity(p);
  if (has_storage) {
    const T x = min_of(native_room, s.storage);
    s.storage -= x;
    native_room -= x;
    f.infiltrated += x;
    const bool drain_open = p.drain.delay <= T(0) || s.dry_time >= p.drain.delay;
    if (p.drain.coeff > T(0) && drain_open) {
      const T head = s.storage / p.storage.void_fraction - p.drain.offset;
      if (head > T(0)) {
        const T q = min_of(p.drain.coeff * pow_of(head, p.drain.exponent) * dt_s,
                           head * p.storage.void_fraction);
        s.storage -= q;
        f.drained += q;
      }
    }
  }
  // Room for, and delivery of, water leaving the layer that sits on top of the storage layer.
  auto room_below = [&]() {
    return has_storage ? max_of(storage_cap - s.storage, T(0)) : native_room;
  };
  auto deliver_below = [&](T w) {
    if (has_storage) {
      s.storage += w;
    } else {
      native_room -= w;
      f.infiltrated += w;
    }
  };

  const T soil_cap = lid_soil_capacity(p);
  if (has_soil) {
    const T excess = s.soil - p.soil.field_capacity * p.soil.thickness;
    if (excess > T(0)) {
      const T rate = lid_soil_percolation_rate(p.soil, s.soil / p.soil.thickness);
      const T w = min_of(min_of(rate * dt_s, excess), room_below());
      s.soil -= w;
      deliver_below(w);
    }
  }
  if (has_pavement) {
    const T room = has_soil ? max_of(soil_cap - s.soil, T(0)) : room_below();
    const T w = min_of(min_of(s.pavement, p.pavement.permeability * dt_s), room);
    s.pavement -= w;
    if (has_soil)
      s.soil += w;
    else
      deliver_below(w);
  }

  // Infiltration from the surface into the top layer.
  T in = T(0);
  if (has_pavement) {
    const T room = max_of(lid_pavement_capacity(p) - s.pavement, T(0));
    in = min_of(min_of(s.surface, p.pavement.permeability * dt_s), room);
    s.pavement += in;
  } else if (has_soil) {
    const T room = max_of(soil_cap - s.soil, T(0));
    if (room > T(0) && s.surface > T(0)) {
      const GreenAmptParams<T> ga = lid_soil_infiltration_params(p);
      in = min_of(infiltrate(soil_infil, ga, min_of(s.surface, room), T(0), dt_s), room);
    } else if (s.surface <= T(0)) {
      infiltrate(soil_infil, lid_soil_infiltration_params(p), T(0), T(0), dt_s);  // recovery
    }
    s.soil += in;
  } else {
    in = min_of(s.surface, room_below());
    deliver_below(in);
  }
  s.surface -= in;

  const T berm = covered ? T(0) : p.surface.berm_height;  // a barrel has no open surface
  f.overflow = max_of(s.surface - berm, T(0));
  s.surface -= f.overflow;
  return f;
}

}  // namespace sf::soil
