// One LID unit of a subcatchment over a runoff step, as SWMM 5.2 computes it (Rossman 2010,
// J. Water Manage. Model. R236-11; Rossman & Huber 2016, SWMM Reference Manual Vol. III, LID
// controls): the unit is a stack of surface, pavement, soil and storage layers (which ones depends
// on the type) with an optional underdrain. Each layer's level x obeys dx/dt = (in - out) / phi
// with fluxes that depend on the levels at the start of the step (surface infiltration by
// Green-Ampt, soil percolation K(theta) = Ks exp(-HCO (phi - theta)), pavement permeability,
// exfiltration to native soil, underdrain q = C (h - Hd)^eta, Manning overland flow from the
// surface), each limited so that no layer gives more than it holds or takes more than it has room
// for. Levels are then advanced by one explicit step and clamped to their physical range, as
// SWMM's lidproc.c does (it uses modpuls_solve with weight 0, i.e. one Euler step). All values
// per unit area of the LID [m, m/s]; SI throughout. See docs/theory/runoff.md "LID controls".
#pragma once

#include "core/math.hpp"
#include "pipe/curve.hpp"
#include "runoff/nonlinear_reservoir.hpp"
#include "soil/green_ampt.hpp"
#include "soil/lid_params.hpp"
#include "soil/lid_step.hpp"

namespace sf::runoff {

enum class LidType {
  kBioCell,
  kRainGarden,
  kGreenRoof,
  kInfiltrationTrench,
  kPermeablePavement,
  kRainBarrel,
  kRooftopDisconnection,
  kVegetativeSwale
};

template <class T>
struct LidSurface {
  T thickness;          // berm height [m]
  T void_frac;          // 1 - vegetation volume fraction [-]
  T alpha;              // kSwmmManningSi sqrt(slope) / n [m^(1/3)/s]; 0 = no Manning outflow
  bool can_overflow;    // water above the berm leaves within the step
  T side_slope = T(0);  // vegetative swale: run over rise of its side walls [-]
};

template <class T>
struct LidStorage {
  T thickness;   // [m]; 0 = no storage layer
  T void_frac;   // [-]
  T ksat;        // exfiltration (seepage) rate to native soil [m/s]
  bool covered;  // a covered rain barrel takes no rain
};

/// Underdrain q = coeff (h / depth_unit - offset)^expon * rate_unit [m/s]: SWMM takes the
/// coefficient in the model's rain units (in/hr or mm/hr per in^expon or mm^expon).
template <class T>
struct LidDrain {
  T coeff;  // as written; for rooftop disconnection the roof drain capacity
  T expon;
  T offset;        // drain height above the storage bottom [m]
  T delay;         // rain barrel: dry time before the drain opens [s]
  T h_open;        // head that opens a closed drain [m]; 0 = always open
  T h_close;       // head that closes an open drain [m]
  T depth_unit;    // m per in or mm
  T rate_unit;     // m/s per in/hr or mm/hr
  int curve = -1;  // control curve (model curve index) scaling the flow by the head; -1 = none
};

template <class T>
struct LidDrainMat {
  T thickness;  // [m]
  T void_frac;  // [-]
  T alpha;      // Manning factor of the mat as for the surface [m^(1/3)/s]; 0 = passes percolation
};

template <class T>
struct LidProcess {
  LidType type = LidType::kBioCell;
  LidSurface<T> surface{T(0), T(1), T(0), true};
  soil::LidPavementLayer<T> pavement{};  // thickness, void fraction, impervious share, perm.
  soil::LidSoilLayer<T> soil{};          // initial_moisture unused (set by the unit)
  LidStorage<T> storage{T(0), T(1), T(0), false};
  LidDrain<T> drain{};
  LidDrainMat<T> drain_mat{};
};

/// State of one unit: levels as SWMM keeps them (surface and pavement water depth in the layer
/// [m], soil moisture theta [-], storage water height [m]).
template <class T>
struct LidUnitState {
  T surface = T(0);
  T pave = T(0);
  T soil = T(0);
  T storage = T(0);
  T dry_time = T(0);          // since the last rain [s], for a rain barrel's drain delay
  bool drain_flowed = false;  // the drain ran last step (h_open vs h_close)
  T init_sat = T(0);          // initial saturation [-], fixes the Green-Ampt deficit
  soil::GreenAmptState<T> infil{};
  T old_flux[4] = {T(0), T(0), T(0), T(0)};  // last step's level rates (swale's Puls weighting)
};

/// Rates over the step [m/s per unit LID area] and the stored water at its start [m].
template <class T>
struct LidUnitRates {
  T surface_outflow = T(0);
  T evaporation = T(0);
  T exfiltration = T(0);
  T drain = T(0);
  T stored = T(0);
};

/// Green-Ampt parameters of the soil surface: SWMM's modified Green-Ampt with the deficit of the
/// initial saturation (lid.c validateLidGroup).
template <class T>
SF_HD inline soil::GreenAmptParams<T> lid_surface_infiltration(const LidProcess<T>& p, T init_sat) {
  return {p.soil.ks, p.soil.suction, (p.soil.porosity - p.soil.wilting_point) * (T(1) - init_sat),
          true};
}

template <class T>
SF_HD inline LidUnitState<T> lid_unit_initial_state(const LidProcess<T>& p, T init_sat,
                                                    T dry_time) {
  LidUnitState<T> s;
  if (p.soil.thickness > T(0))
    s.soil = p.soil.wilting_point + init_sat * (p.soil.porosity - p.soil.wilting_point);
  if (p.storage.thickness > T(0)) s.storage = init_sat * p.storage.thickness;
  s.dry_time = dry_time;
  s.init_sat = init_sat;
  if (p.soil.thickness > T(0))
    s.infil = soil::green_ampt_initial_state(lid_surface_infiltration(p, init_sat));
  return s;
}

/// Cross-section of a vegetative swale (lidproc.c swaleFluxRates): the unit's width is the top
/// width of the full swale, at least 0.5 ft; the bottom is at least 0.5 ft wide, the side slope
/// made steeper where the berm height would leave less; the length is area / top width.
template <class T>
struct SwaleSection {
  T bottom, side, length;
};

template <class T>
SF_HD inline SwaleSection<T> swale_section(const LidProcess<T>& p, T area, T full_width) {
  const T min_width = T(0.5 * 0.3048);
  const T top = max_of(full_width, min_width);
  SwaleSection<T> g{top - T(2) * p.surface.side_slope * p.surface.thickness, p.surface.side_slope,
                    area / top};
  if (g.bottom < min_width) {
    g.bottom = min_width;
    g.side = T(0.5) * (top - min_width) / p.surface.thickness;
  }
  return g;
}

/// Water in a swale of water depth `depth` per unit of its area [m].
template <class T>
SF_HD inline T swale_volume(const LidProcess<T>& p, const SwaleSection<T>& g, T area, T depth) {
  return g.length * depth * (g.bottom + g.side * depth) * p.surface.void_frac / area;
}

/// Water held by a unit of area `area` and width `full_width` [m per unit area].
template <class T>
SF_HD inline T lid_unit_stored(const LidProcess<T>& p, const LidUnitState<T>& s, T area,
                               T full_width) {
  if (p.type == LidType::kVegetativeSwale)
    return swale_volume(p, swale_section(p, area, full_width), area,
                        min_of(s.surface, p.surface.thickness));
  T v =
      s.surface * p.surface.void_frac + s.soil * p.soil.thickness + s.storage * p.storage.void_frac;
  v += s.pave * p.pavement.void_fraction * (T(1) - p.pavement.impervious_share);
  return v;
}

namespace lid_detail {

constexpr double kZeroFt = 3.048e-11;  // SWMM ZERO, 1e-10 ft

/// The fluxes of one evaluation (SWMM's file-scope variables in lidproc.c), per unit area.
template <class T>
struct Flux {
  T inflow, infil, surf_evap, surf_out;
  T pave_evap, pave_perc;
  T soil_evap, soil_perc;
  T stor_evap, exfil, drain;
  T surf_vol, pave_vol, soil_vol, stor_vol;
};

template <class T>
struct Ctx {
  const LidProcess<T>& p;
  const LidUnitState<T>& s;
  T evap, dt, full_width, area, max_native_infil;
  pipe::CurveView drain_curve;  // the drain's control curve; n = 0 for none
};

constexpr double kPulsTolerance = 0.00328 * 0.3048;  // SWMM STOPTOL, 1 mm
constexpr int kPulsMaxSteps = 20;

/// Evaporation taken top down (lidproc.c getEvapRates): none below the surface while the surface
/// infiltrates.
template <class T>
SF_HD inline void evap_rates(Flux<T>& f, const Ctx<T>& c, T surf, T pave, T soil, T stor,
                             T perv_frac) {
  T avail = c.evap;
  f.surf_evap = max_of(min_of(avail, surf / c.dt), T(0));
  avail = max_of(avail - f.surf_evap, T(0)) * perv_frac;
  if (f.infil > T(0)) {
    f.pave_evap = f.soil_evap = f.stor_evap = T(0);
    return;
  }
  f.pave_evap = min_of(avail, pave / c.dt);
  avail = max_of(avail - f.pave_evap, T(0));
  f.soil_evap = min_of(avail, soil / c.dt);
  avail = max_of(avail - f.soil_evap, T(0));
  f.stor_evap = min_of(avail, stor / c.dt);
}

/// Manning outflow of water above the berm over the unit's width, at most the excess in a step.
template <class T>
SF_HD inline T surface_outflow(const Ctx<T>& c, T depth) {
  const T delta = depth - c.p.surface.thickness;
  if (delta < T(0) || c.area <= T(0)) return T(0);
  const T q = c.p.surface.alpha * pow_of(delta, T(kManningExponent)) * c.full_width / c.area;
  return min_of(q, delta / c.dt);
}

/// Percolation out of the soil, at most its water above field capacity less its evaporation.
template <class T>
SF_HD inline T limited_soil_perc(const Flux<T>& f, const Ctx<T>& c, T theta) {
  const soil::LidSoilLayer<T>& sl = c.p.soil;
  const T room = max_of((theta - sl.field_capacity) * sl.thickness, T(0)) / c.dt - f.soil_evap;
  return max_of(min_of(soil::lid_soil_percolation_rate(sl, theta), room), T(0));
}

/// Stored volumes, evaporation and percolation of a surface-soil-storage column (bio-retention
/// cell, rain garden, green roof): no storage evaporation under a saturated soil.
template <class T>
SF_HD inline void soil_column_rates(Flux<T>& f, const Ctx<T>& c, T surf, T theta, T stor) {
  const LidProcess<T>& p = c.p;
  f.surf_vol = surf * p.surface.void_frac;
  f.soil_vol = theta * p.soil.thickness;
  f.stor_vol = stor * p.storage.void_frac;
  evap_rates(f, c, f.surf_vol, T(0), f.soil_vol - p.soil.wilting_point * p.soil.thickness,
             f.stor_vol, T(1));
  if (theta >= p.soil.porosity) f.stor_evap = T(0);
  f.soil_perc = limited_soil_perc(f, c, theta);
}

template <class T>
SF_HD inline T exfil_rate(const Ctx<T>& c) {
  if (c.p.storage.ksat <= T(0) || c.max_native_infil <= T(0)) return T(0);
  return min_of(c.p.storage.ksat, c.max_native_infil);
}

/// Underdrain rate with the head over the drain (lidproc.c getStorageDrainRate): a full storage
/// layer adds the saturated part of the soil, then pavement and surface water above it.
template <class T>
SF_HD inline T drain_rate(const Ctx<T>& c, T stor, T theta, T pave, T surf) {
  const LidProcess<T>& p = c.p;
  T head = stor;
  if (stor >= p.storage.thickness) {
    if (p.soil.thickness > T(0)) {
      if (theta > p.soil.field_capacity) {
        head += (theta - p.soil.field_capacity) / (p.soil.porosity - p.soil.field_capacity) *
                p.soil.thickness;
        if (theta >= p.soil.porosity) {
          if (p.pavement.thickness > T(0)) {
            head += pave;
            if (pave >= p.pavement.thickness) head += surf;
          } else {
            head += surf;
          }
        }
      }
    } else if (p.pavement.thickness > T(0)) {
      head += pave;
      if (pave >= p.pavement.thickness) head += surf;
    }
  }
  if (!c.s.drain_flowed && head <= p.drain.h_open) return T(0);
  if (c.s.drain_flowed && head <= p.drain.h_close) return T(0);
  head -= p.drain.offset;
  if (head <= T(kZeroFt)) return T(0);
  // SWMM evaluates the drain equation and its control curve with the head in in or mm
  const T head_user = head / p.drain.depth_unit;
  T q = p.drain.coeff * pow_of(head_user, p.drain.expon);
  if (c.drain_curve.n > 0) q *= T(pipe::curve_lookup(c.drain_curve, double(head_user)));
  return q * p.drain.rate_unit;
}

template <class T>
SF_HD inline void roof(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const T depth = x[0];
  evap_rates(f, c, depth, T(0), T(0), T(0), T(1));
  f.surf_vol = depth;
  f.infil = T(0);
  f.surf_out = c.p.surface.alpha > T(0) ? surface_outflow(c, depth) : T(0);
  f.drain = min_of(c.p.drain.coeff * c.p.drain.rate_unit, f.surf_out);
  f.surf_out -= f.drain;
  dx[0] = f.inflow - f.surf_evap - f.drain - f.surf_out;
}

template <class T>
SF_HD inline void green_roof(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidProcess<T>& p = c.p;
  const T surf = x[0], theta = x[2], stor = x[3];
  const T soil_th = p.soil.thickness, stor_th = p.storage.thickness;
  const T phi = p.soil.porosity, stor_void = p.storage.void_frac;
  soil_column_rates(f, c, surf, theta, stor);
  f.exfil = T(0);
  // drainage mat: Manning flow through the mat, or whatever percolates when it has no roughness
  f.drain = f.soil_perc;
  if (p.drain_mat.alpha > T(0) && c.area > T(0))
    f.drain = p.drain_mat.alpha * pow_of(stor, T(kManningExponent)) * c.full_width / c.area *
              p.drain_mat.void_frac;
  if (theta >= phi && stor >= stor_th) {
    const T r = min_of(f.soil_perc, f.drain);
    f.soil_perc = f.drain = r;
    f.infil = min_of(f.infil, r);
  } else {
    T r = stor * stor_void / c.dt - f.stor_evap;
    if (stor >= stor_th) r += f.soil_perc;
    f.drain = min_of(f.drain, max_of(r, T(0)));
    f.soil_perc = min_of(f.soil_perc, (stor_th - stor) * stor_void / c.dt + f.drain + f.stor_evap);
    f.infil = min_of(f.infil, (phi - theta) * soil_th / c.dt + f.soil_perc + f.soil_evap);
  }
  f.surf_out = surface_outflow(c, surf);
  dx[0] = (f.inflow - f.surf_evap - f.infil - f.surf_out) / p.surface.void_frac;
  dx[2] = (f.infil - f.soil_evap - f.soil_perc) / soil_th;
  dx[3] = (f.soil_perc - f.stor_evap - f.drain) / stor_void;
}

/// Limits exfiltration and drain by what a storage layer holds (shared by the bio-retention
/// cell, trench and pavement branches of lidproc.c); `in` is the flow into the storage.
template <class T>
SF_HD inline void limit_storage_outflows(Flux<T>& f, const Ctx<T>& c, T stor, T in) {
  const LidProcess<T>& p = c.p;
  f.exfil = max_of(min_of(f.exfil, in - f.stor_evap + stor * p.storage.void_frac / c.dt), T(0));
  if (f.drain > T(0)) {
    T r = -f.exfil - f.stor_evap;
    if (stor >= p.storage.thickness) r += in;
    if (p.drain.offset <= stor) r += (stor - p.drain.offset) * p.storage.void_frac / c.dt;
    f.drain = min_of(f.drain, max_of(r, T(0)));
  }
}

template <class T>
SF_HD inline void bio_cell(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidProcess<T>& p = c.p;
  const T surf = x[0], theta = x[2], stor = x[3];
  const T soil_th = p.soil.thickness, stor_th = p.storage.thickness;
  const T phi = p.soil.porosity, stor_void = p.storage.void_frac;
  soil_column_rates(f, c, surf, theta, stor);
  f.exfil = exfil_rate(c);
  f.drain = p.drain.coeff > T(0) ? drain_rate(c, stor, theta, T(0), surf) : T(0);
  if (stor_th == T(0)) {
    f.stor_evap = T(0);
    const T r = min_of(f.soil_perc, f.exfil);
    f.soil_perc = f.exfil = r;
    f.infil = min_of(f.infil, (phi - theta) * soil_th / c.dt + f.soil_perc + f.soil_evap);
  } else if (theta >= phi && stor >= stor_th) {
    T r = f.exfil + f.drain;
    if (f.soil_perc < r) {
      r = f.soil_perc;
      if (r > f.exfil) {
        f.drain = r - f.exfil;
      } else {
        f.exfil = r;
        f.drain = T(0);
      }
    } else {
      f.soil_perc = r;
    }
    f.infil = min_of(f.infil, r);
  } else {
    limit_storage_outflows(f, c, stor, f.soil_perc);
    f.soil_perc =
        min_of(f.soil_perc, f.exfil + f.drain + f.stor_evap + (stor_th - stor) * stor_void / c.dt);
    f.infil = min_of(f.infil, (phi - theta) * soil_th / c.dt + f.soil_perc + f.soil_evap);
  }
  f.surf_out = surface_outflow(c, surf);
  dx[0] = (f.inflow - f.surf_evap - f.infil - f.surf_out) / p.surface.void_frac;
  dx[2] = (f.infil - f.soil_evap - f.soil_perc) / soil_th;
  dx[3] = stor_th == T(0) ? T(0) : (f.soil_perc - f.stor_evap - f.exfil - f.drain) / stor_void;
}

template <class T>
SF_HD inline void trench(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidProcess<T>& p = c.p;
  const T surf = x[0], stor = x[3];
  const T stor_th = p.storage.thickness, stor_void = p.storage.void_frac;
  f.surf_vol = surf * p.surface.void_frac;
  f.stor_vol = stor * stor_void;
  evap_rates(f, c, f.surf_vol, T(0), T(0), f.stor_vol, T(1));
  if (surf > T(0)) f.stor_evap = T(0);
  T in = f.inflow + f.surf_vol / c.dt;
  f.exfil = exfil_rate(c);
  f.drain = p.drain.coeff > T(0) ? drain_rate(c, stor, T(0), T(0), surf) : T(0);
  limit_storage_outflows(f, c, stor, in);
  in = min_of(in, (stor_th - stor) * stor_void / c.dt + f.exfil + f.stor_evap + f.drain);
  f.infil = in;
  f.surf_out = surface_outflow(c, surf);
  dx[0] = (f.inflow - f.surf_evap - in - f.surf_out) / p.surface.void_frac;
  dx[3] = (in - f.stor_evap - f.exfil - f.drain) / stor_void;
}

template <class T>
SF_HD inline void pavement(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidProcess<T>& p = c.p;
  const T surf = x[0], pave = x[1], theta = x[2], stor = x[3];
  const T perv_frac = T(1) - p.pavement.impervious_share;
  const T pave_void = p.pavement.void_fraction * perv_frac, pave_th = p.pavement.thickness;
  const T soil_th = p.soil.thickness, phi = p.soil.porosity;
  const T stor_th = p.storage.thickness, stor_void = p.storage.void_frac;
  f.surf_vol = surf * p.surface.void_frac;
  f.pave_vol = pave * pave_void;
  f.soil_vol = theta * soil_th;
  f.stor_vol = stor * stor_void;
  evap_rates(f, c, f.surf_vol, f.pave_vol, f.soil_vol - p.soil.wilting_point * soil_th, f.stor_vol,
             perv_frac);
  if (pave >= pave_th || (soil_th > T(0) && theta >= phi)) f.stor_evap = T(0);
  f.infil = f.inflow + f.surf_vol / c.dt;
  f.pave_perc = p.pavement.permeability * perv_frac;
  f.infil = min_of(f.infil, f.pave_perc);
  f.pave_perc = min_of(f.pave_perc, max_of(f.pave_vol / c.dt + f.infil - f.pave_evap, T(0)));
  if (soil_th > T(0)) {
    f.soil_perc = limited_soil_perc(f, c, theta);
  } else {
    f.soil_perc = f.pave_perc;
  }
  f.exfil = exfil_rate(c);
  f.drain = p.drain.coeff > T(0) ? drain_rate(c, stor, theta, pave, surf) : T(0);
  if (soil_th == T(0) && stor >= stor_th && pave >= pave_th) {
    const T r = f.stor_evap + f.drain + f.exfil;
    if (f.pave_perc > r) {
      f.pave_perc = r;
    } else {
      f.exfil = min_of(f.exfil, f.pave_perc);
      f.drain = f.pave_perc - f.exfil;
    }
    f.soil_perc = f.pave_perc;
    f.infil = min_of(f.infil, f.pave_perc);
  } else if (soil_th > T(0) && stor >= stor_th && theta >= phi && pave >= pave_th) {
    T r = f.exfil + f.drain;
    r = f.soil_perc < r ? f.soil_perc : min_of(r, f.pave_perc);
    if (r > f.exfil) {
      f.drain = r - f.exfil;
    } else {
      f.exfil = r;
      f.drain = T(0);
    }
    f.soil_perc = f.pave_perc = r;
    f.infil = min_of(f.infil, f.pave_perc);
  } else if (soil_th > T(0) && stor >= stor_th && theta >= phi) {
    const T r = f.drain + f.exfil;
    if (f.soil_perc > r) {
      f.soil_perc = r;
    } else {
      f.exfil = min_of(f.exfil, f.soil_perc);
      f.drain = f.soil_perc - f.exfil;
    }
    f.pave_perc = min_of(f.pave_perc, f.soil_perc);
    f.infil = min_of(f.infil, (pave_th - pave) * pave_void / c.dt + f.pave_perc + f.pave_evap);
  } else if (soil_th > T(0) && pave >= pave_th && theta >= phi) {
    f.pave_perc = min_of(f.pave_perc, f.soil_perc);
    f.soil_perc = f.pave_perc;
    f.infil = min_of(f.infil, f.pave_perc);
    f.exfil = min_of(f.exfil, max_of(f.stor_vol / c.dt + f.soil_perc - f.stor_evap, T(0)));
  } else {
    f.exfil = min_of(f.exfil, max_of(f.soil_perc - f.stor_evap + f.stor_vol / c.dt, T(0)));
    if (f.drain > T(0)) {
      T r = -f.exfil - f.stor_evap;
      if (stor >= stor_th) r += f.soil_perc;
      if (p.drain.offset <= stor) r += (stor - p.drain.offset) * stor_void / c.dt;
      f.drain = min_of(f.drain, max_of(r, T(0)));
    }
    T r = max_of((stor_th - stor) * stor_void / c.dt + f.stor_evap + f.drain + f.exfil, T(0));
    if (soil_th > T(0)) {
      f.soil_perc = min_of(f.soil_perc, r);
      r = (phi - theta) * soil_th / c.dt + f.soil_perc;
    }
    f.pave_perc = min_of(f.pave_perc, r);
    f.infil = min_of(f.infil, (pave_th - pave) * pave_void / c.dt + f.pave_perc + f.pave_evap);
  }
  f.surf_out = surface_outflow(c, surf);
  dx[0] = f.inflow - f.surf_evap - f.infil - f.surf_out;
  dx[1] = (f.infil - f.pave_evap - f.pave_perc) / pave_void;
  T storage_in = f.pave_perc;
  if (soil_th > T(0)) {
    dx[2] = (f.pave_perc - f.soil_evap - f.soil_perc) / soil_th;
    storage_in = f.soil_perc;
  } else {
    f.soil_perc = T(0);
  }
  dx[3] = (storage_in - f.stor_evap - f.exfil - f.drain) / stor_void;
}

template <class T>
SF_HD inline void barrel(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidProcess<T>& p = c.p;
  const T stor = x[3];
  f.stor_vol = stor;
  f.infil = f.surf_out = f.drain = T(0);
  if (p.drain.delay == T(0) || c.s.dry_time >= p.drain.delay) {
    const T head = stor - p.drain.offset;
    if (head > T(0)) f.drain = min_of(drain_rate(c, stor, T(0), T(0), T(0)), head / c.dt);
  }
  const T in = min_of(f.inflow, (p.storage.thickness - stor) / c.dt + f.drain);
  f.infil = in;
  dx[0] = f.inflow - in;
  dx[3] = in - f.drain;
}

/// Vegetative swale (lidproc.c swaleFluxRates): a trapezoidal channel, Manning flow along it,
/// infiltration into the native soil and evaporation over its wetted top; a full swale spills
/// any net inflow. Rates per unit of LID area; dx[0] is the rate of change of the water depth.
template <class T>
SF_HD inline void swale(Flux<T>& f, const Ctx<T>& c, const T* x, T* dx) {
  const LidSurface<T>& sf = c.p.surface;
  const SwaleSection<T> g = swale_section(c.p, c.area, c.full_width);
  const T depth = min_of(x[0], sf.thickness);
  const T surf_area = g.length * (g.bottom + T(2) * g.side * depth);
  const T flow_area = depth * (g.bottom + g.side * depth) * sf.void_frac;
  const T volume = g.length * flow_area;
  const T evap = min_of(c.evap * surf_area, volume / c.dt);
  const T exfil = f.infil * surf_area;
  T out = T(0);
  if (depth > T(kZeroFt) && flow_area >= T(kZeroFt)) {
    const T radius = flow_area / (g.bottom + T(2) * depth * sqrt_of(T(1) + g.side * g.side));
    out = sf.alpha * flow_area * pow_of(radius, T(2.0 / 3.0));
  }
  T dvdt = f.inflow * c.area - evap - exfil - out;
  if (depth == sf.thickness && dvdt > T(0)) {
    out += dvdt;
    dvdt = T(0);
  }
  f.surf_evap = evap / c.area;
  f.exfil = exfil / c.area;
  f.surf_out = out / c.area;
  f.surf_vol = volume / c.area;
  dx[0] = dvdt / surf_area;
  dx[1] = dx[2] = dx[3] = T(0);
}

/// SWMM's modified Puls step (lidproc.c modpuls_solve, weight 1/2) for swales: the levels at the
/// end of the step from the mean of last step's rates and the rates at the iterate, repeated
/// until no level moves more than 1 mm (at most 19 evaluations). f keeps the last evaluation.
template <class T>
SF_HD inline void swale_puls_step(Flux<T>& f, const Ctx<T>& c, T* x, T* dx, const T* lo,
                                  const T* hi) {
  T x_old[4], x_prev[4];
  for (int i = 0; i < 4; ++i) x_old[i] = x_prev[i] = x[i];
  const Flux<T> start = f;
  for (int step = 1; step < kPulsMaxSteps; ++step) {
    f = start;
    swale(f, c, x, dx);
    bool converged = true;
    for (int i = 0; i < 4; ++i) {
      x[i] = x_old[i] + (T(0.5) * c.s.old_flux[i] + T(0.5) * dx[i]) * c.dt;
      x[i] = max_of(min_of(x[i], hi[i]), lo[i]);
      if (abs_of(x[i] - x_prev[i]) > T(kPulsTolerance)) converged = false;
      x_prev[i] = x[i];
    }
    if (converged) return;
  }
}

}  // namespace lid_detail

/// Advances a unit of area `area` [m²] and width `full_width` [m] by dt: `inflow` is rain plus
/// run-on onto it [m/s], `evap` the potential evaporation [m/s], `native_infil` the native soil's
/// infiltration rate, which SWMM uses as the surface's infiltration where there is no soil layer
/// (it only decides there whether storage water evaporates) [m/s]. max_native_infil bounds
/// exfiltration (SWMM: the groundwater's room; without groundwater unbounded). A swale on a
/// Green-Ampt subcatchment infiltrates by its own Green-Ampt state with the subcatchment's
/// parameters `swale_soil` (ks = 0: by native_infil). `drain_curve` is the drain's control curve.
template <class T>
SF_HD inline LidUnitRates<T> lid_unit_step(LidUnitState<T>& s, const LidProcess<T>& p, T area,
                                           T full_width, T inflow, T evap, T native_infil,
                                           T max_native_infil, T dt,
                                           pipe::CurveView drain_curve = {},
                                           soil::GreenAmptParams<T> swale_soil = {}) {
  using namespace lid_detail;
  Flux<T> f{};
  f.inflow = inflow;
  const Ctx<T> c{p, s, evap, dt, full_width, area, max_native_infil, drain_curve};
  if (p.type == LidType::kPermeablePavement)
    f.infil = T(0);
  else if (p.soil.thickness > T(0) && p.soil.ks > T(0))
    f.infil =
        soil::infiltrate(s.infil, lid_surface_infiltration(p, s.init_sat), s.surface, inflow, dt) /
        dt;
  else if (p.type == LidType::kVegetativeSwale && swale_soil.ks > T(0))
    f.infil = soil::infiltrate(s.infil, swale_soil, s.surface, inflow, dt) / dt;
  else
    f.infil = native_infil;
  // levels: surface, pavement, soil moisture, storage; lower and upper bounds
  T x[4] = {s.surface, s.pave, s.soil, s.storage};
  T dx[4] = {T(0), T(0), T(0), T(0)};
  const T big = T(1e30);
  T lo[4] = {T(0), T(0), T(0), T(0)}, hi[4] = {big, big, big, big};
  if (p.soil.thickness > T(0)) {
    lo[2] = p.soil.wilting_point;
    hi[2] = p.soil.porosity;
  }
  if (p.pavement.thickness > T(0)) hi[1] = p.pavement.thickness;
  if (p.storage.thickness > T(0)) hi[3] = p.storage.thickness;
  switch (p.type) {
    case LidType::kBioCell:
    case LidType::kRainGarden:
      bio_cell(f, c, x, dx);
      break;
    case LidType::kGreenRoof:
      green_roof(f, c, x, dx);
      break;
    case LidType::kInfiltrationTrench:
      trench(f, c, x, dx);
      break;
    case LidType::kPermeablePavement:
      pavement(f, c, x, dx);
      break;
    case LidType::kRainBarrel:
      barrel(f, c, x, dx);
      break;
    case LidType::kRooftopDisconnection:
      roof(f, c, x, dx);
      break;
    case LidType::kVegetativeSwale:
      swale_puls_step(f, c, x, dx, lo, hi);
      break;
  }
  if (p.type != LidType::kVegetativeSwale)
    for (int i = 0; i < 4; ++i) x[i] = max_of(min_of(x[i] + dx[i] * dt, hi[i]), lo[i]);
  for (int i = 0; i < 4; ++i) s.old_flux[i] = dx[i];
  if (p.surface.can_overflow || full_width == T(0)) {
    const T delta = x[0] - p.surface.thickness;
    if (delta > T(0)) {
      x[0] = p.surface.thickness;
      f.surf_out += delta * p.surface.void_frac / dt;
    }
  }
  s.surface = x[0];
  s.pave = x[1];
  s.soil = x[2];
  s.storage = x[3];
  LidUnitRates<T> r;
  r.surface_outflow = f.surf_out;
  r.evaporation = f.surf_evap + f.pave_evap + f.soil_evap + f.stor_evap;
  r.exfiltration = f.exfil;
  r.drain = f.drain;
  r.stored = f.surf_vol + f.pave_vol + f.soil_vol + f.stor_vol;
  return r;
}

}  // namespace sf::runoff
