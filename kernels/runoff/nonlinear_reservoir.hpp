// SWMM's nonlinear reservoir for one subarea of a subcatchment (Rossman & Huber 2016, Vol. I
// sec. 3.2): the ponded depth d obeys  dd/dt = i - alpha (d - ds)^(5/3)  for d > ds, where i is
// the net inflow rate (rain + run-on - evaporation - infiltration), ds the depression storage and
// alpha = k W / (A n) sqrt(S) comes from Manning's equation for sheet flow of width W over the
// subarea's area A. The outflow per unit area is q = alpha (d - ds)^(5/3).
#pragma once

#include "core/math.hpp"

namespace sf::runoff {

/// SWMM's Manning coefficient for overland flow, 1.49 ft^(1/3)/s (subcatch.c MCOEFF), written in
/// SI: 1.49 * 0.3048^(1/3) = 1.002747 m^(1/3)/s. SWMM uses 1.49 instead of 1.486 even for SI
/// input, so this (not 1.0) reproduces its runoff; the difference is 0.27 %.
constexpr double kSwmmManningSi = 1.0027467336135041;

constexpr double kManningExponent = 5.0 / 3.0;

/// alpha [m^(-2/3) s^-1] of a subarea; 0 when it has no area or no roughness (then runoff is
/// instantaneous, see subarea_step).
template <class T>
SF_HD inline T overland_alpha(T width_m, T subarea_area_m2, T slope, T manning_n) {
  if (subarea_area_m2 <= T(0) || manning_n <= T(0)) return T(0);
  return T(kSwmmManningSi) * width_m / subarea_area_m2 * sqrt_of(slope) / manning_n;
}

/// q = alpha (d - ds)^(5/3) per unit area [m/s]; 0 at or below depression storage.
template <class T>
SF_HD inline T overland_outflow(T alpha, T depth, T dstore) {
  const T x = depth - dstore;
  return x > T(0) ? alpha * pow_of(x, T(kManningExponent)) : T(0);
}

/// Integrates dd/dt = i - alpha max(d - ds, 0)^(5/3) over dt from d0 with an embedded
/// Runge-Kutta 4(5) pair (Cash & Karp 1990) and step-size control on the relative error
/// `tol`; returns the depth at the end. The right side is smooth for d > ds and the flow only
/// drains what is above ds, so the solution never crosses below ds from above.
template <class T>
SF_HD inline T integrate_ponded_depth(T d0, T inflow, T alpha, T dstore, T dt, T tol = T(1e-8)) {
  auto f = [&](T d) { return inflow - overland_outflow(alpha, d, dstore); };
  // Cash-Karp coefficients (Cash & Karp, ACM TOMS 16(3), 1990, table 5)
  const T b21 = T(0.2), b31 = T(3.0 / 40.0), b32 = T(9.0 / 40.0), b41 = T(0.3), b42 = T(-0.9),
          b43 = T(1.2), b51 = T(-11.0 / 54.0), b52 = T(2.5), b53 = T(-70.0 / 27.0),
          b54 = T(35.0 / 27.0), b61 = T(1631.0 / 55296.0), b62 = T(175.0 / 512.0),
          b63 = T(575.0 / 13824.0), b64 = T(44275.0 / 110592.0), b65 = T(253.0 / 4096.0);
  const T c1 = T(37.0 / 378.0), c3 = T(250.0 / 621.0), c4 = T(125.0 / 594.0),
          c6 = T(512.0 / 1771.0);
  const T dc1 = c1 - T(2825.0 / 27648.0), dc3 = c3 - T(18575.0 / 48384.0),
          dc4 = c4 - T(13525.0 / 55296.0), dc5 = T(-277.0 / 14336.0), dc6 = c6 - T(0.25);
  T d = d0, t = T(0), h = dt;
  for (int it = 0; it < 100000 && t < dt; ++it) {
    if (t + h > dt) h = dt - t;
    const T k1 = h * f(d);
    const T k2 = h * f(d + b21 * k1);
    const T k3 = h * f(d + b31 * k1 + b32 * k2);
    const T k4 = h * f(d + b41 * k1 + b42 * k2 + b43 * k3);
    const T k5 = h * f(d + b51 * k1 + b52 * k2 + b53 * k3 + b54 * k4);
    const T k6 = h * f(d + b61 * k1 + b62 * k2 + b63 * k3 + b64 * k4 + b65 * k5);
    const T err = abs_of(dc1 * k1 + dc3 * k3 + dc4 * k4 + dc5 * k5 + dc6 * k6);
    const T scale = abs_of(d) + abs_of(k1) + T(1e-30);
    const T ratio = err / (scale * tol);
    if (ratio <= T(1) || h <= dt * T(1e-9)) {
      d = max_of(d + c1 * k1 + c3 * k3 + c4 * k4 + c6 * k6, T(0));
      t += h;
      // grow by at most 5x (standard safety factor 0.9 and exponent 1/5)
      h = ratio > T(1.9e-4) ? T(0.9) * h * pow_of(ratio, T(-0.2)) : T(5) * h;
    } else {
      h = max_of(T(0.9) * h * pow_of(ratio, T(-0.25)), T(0.1) * h);
    }
  }
  return d;
}

template <class T>
struct SubareaParams {
  T alpha;   // see overland_alpha [m^(-2/3) s^-1]
  T n;       // Manning n; 0 = runoff leaves within the step
  T dstore;  // depression storage [m]
};

/// Losses and outflow of one subarea over a step [m/s, per unit subarea area].
template <class T>
struct SubareaRates {
  T evaporation;
  T runoff;
};

/// One runoff step of a subarea (SWMM subcatch.c getSubareaRunoff): `inflow` is rain plus
/// run-on [m/s]; `infiltration` the rate the soil takes [m/s] (0 for impervious subareas);
/// `evaporation` the potential rate [m/s]. Evaporation takes only ponded water. Updates depth.
template <class T>
SF_HD inline SubareaRates<T> subarea_step(T& depth, T inflow, T evaporation, T infiltration,
                                          const SubareaParams<T>& p, T dt, T tol = T(1e-8)) {
  SubareaRates<T> r{T(0), T(0)};
  const T surface = depth / dt;
  r.evaporation = min_of(surface, evaporation);
  T t_runoff = dt;
  if (r.evaporation + infiltration >= surface + inflow) {
    depth = T(0);
  } else {
    const T ix = inflow - r.evaporation - infiltration;  // net rate into the pond
    if (depth + ix * dt <= p.dstore) {
      depth += ix * dt;  // depression storage not yet full: no flow
    } else {
      T tx = dt;
      const T gap = p.dstore - depth;
      if (gap > T(0) && ix > T(0)) {  // fill the depression storage first
        tx -= gap / ix;
        depth = p.dstore;
      }
      if (p.alpha > T(0) && tx > T(0))
        depth = integrate_ponded_depth(depth, ix, p.alpha, p.dstore, tx, tol);
      else
        depth += ix * max_of(tx, T(0));
      t_runoff = tx;
    }
    depth = max_of(depth, T(0));
  }
  const T excess = depth - p.dstore;
  if (excess > T(3.048e-11)) {  // SWMM ZERO = 1e-10 ft
    if (p.n > T(0)) {
      r.runoff = p.alpha * pow_of(excess, T(kManningExponent));
    } else {  // no roughness: everything above storage leaves within the step
      r.runoff = excess / t_runoff;
      depth = p.dstore;
    }
  }
  return r;
}

}  // namespace sf::runoff
