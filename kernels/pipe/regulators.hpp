// Flow through regulators — weirs, orifices, outlets — as functions of the heads at their two
// ends (Rossman 2017, chapter 6; the SWMM 5.2 engine's regulator formulas). All values in SI.
// Weir coefficients are in SI (m^0.5/s); SWMM's US coefficients differ by sqrt(0.3048).
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/curve.hpp"
#include "pipe/xsect.hpp"

namespace sf::pipe {

enum class WeirKind : int { Transverse, Sideflow, VNotch, Trapezoidal, Roadway };
enum class OrificeKind : int { Side, Bottom };

/// What a regulator (or pump) computes for one trial: flow, its derivative with respect to the
/// upstream head (used by surcharged nodes), a representative depth, the equivalent surface
/// area it lends its end nodes, and a flow class.
struct RegulatorFlow {
  double q = 0.0;          // [m³/s], signed: + from node1 to node2
  double dqdh = 0.0;       // [m²/s]
  double depth = 0.0;      // [m]
  double surf_area = 0.0;  // [m²] (orifices only)
  int flow_class = kDry;
};

struct WeirParams {
  WeirKind kind = WeirKind::Transverse;
  double cd = 0.0;   // main discharge coefficient [SI]
  double cd2 = 0.0;  // triangular ends of a trapezoidal weir [SI]
  double end_contractions = 0.0;
  double side_slope = 0.0;   // V-notch / trapezoid side slope (run/rise)
  double eq_length = 0.0;    // equivalent length for surface area [m]
  double c_surcharge = 0.0;  // orifice coefficient when the crown is submerged [m^2.5/s]
  bool can_surcharge = true;
  bool flap_gate = false;
};

struct OrificeParams {
  OrificeKind kind = OrificeKind::Side;
  double cd = 0.0;         // discharge coefficient [-]
  double c_orif = 0.0;     // cd * A(open) * sqrt(2g) [m^2.5/s]
  double c_weir = 0.0;     // equivalent weir coefficient at the critical height [m³/s]
  double h_crit = 0.0;     // head at which weir flow turns into orifice flow [m]
  double eq_length = 0.0;  // equivalent length for surface area [m]
  double open_rate = 0.0;  // time to open or close fully [s] (0 = instantly)
  bool flap_gate = false;
};

struct OutletParams {
  double coeff = 0.0;  // Q = coeff * h^exponent [SI]
  double exponent = 0.0;
  bool head_based = false;  // HEAD rating: head difference; else depth above the crest
  bool flap_gate = false;
};

/// Head loss across an ARMCO flap gate, h_L = (4/g) v² exp(-1.15 v / sqrt(h)), an empirical
/// fit in US units (ft, ft/s) that we evaluate in those units and return in m.
SF_HD inline double flap_gate_head_loss(double v, double head) {
  if (head <= 0.0) return 0.0;
  const double v_ft = v / kFtToM, h_ft = head / kFtToM;
  const double loss_ft = (4.0 / 32.2) * v_ft * v_ft * exp(-1.15 * v_ft / sqrt_of(h_ft));
  return loss_ft * kFtToM;
}

/// Villemonte's submergence correction (Rossman 2017, eq. 6-4).
SF_HD inline double villemonte_factor(double ratio, double exponent) {
  const double r = pow_of(ratio, exponent);
  return r >= 1.0 ? 0.0 : pow_of(1.0 - r, 0.385);
}

// ---------------------------------------------------------------------------------------------
// Weirs
// ---------------------------------------------------------------------------------------------

/// Open area of a weir with crest raised by (1 - setting) * y_full, at head y above the crest.
SF_HD inline double weir_open_area(const Xsect& x, XsectTables t, double setting, double y) {
  const double z = (1.0 - setting) * x.y_full;
  const double zy = min_of(z + y, x.y_full);
  return area_of_depth(x, t, zy) - area_of_depth(x, t, z);
}

struct WeirSplit {
  double q1 = 0.0, q2 = 0.0;  // central part and triangular ends [m³/s]
};

/// Free-flow weir discharge at head h over the crest (Rossman 2017, table 6-2).
SF_HD inline WeirSplit weir_free_flow(const WeirParams& w, const Xsect& x, XsectTables t,
                                      double setting, double h, double dir, double cd1) {
  WeirSplit s;
  if (h <= 0.0) return s;
  double length = x.w_max;
  WeirKind kind = w.kind;
  if (kind == WeirKind::VNotch && setting < 1.0) kind = WeirKind::Trapezoidal;
  switch (kind) {
    case WeirKind::Transverse:
    case WeirKind::Roadway:
      length = max_of(length - 0.1 * w.end_contractions * h, 0.0);
      s.q1 = cd1 * length * pow_of(h, 1.5);
      break;
    case WeirKind::Sideflow:
      length = max_of(length - 0.1 * w.end_contractions * h, 0.0);
      // a side weir behaves as a transverse weir under reverse flow; otherwise the
      // Metcalf & Eddy (1972) form Q = C L^0.83 h^1.67
      s.q1 =
          dir < 0.0 ? cd1 * length * pow_of(h, 1.5) : cd1 * pow_of(length, 0.83) * pow_of(h, 1.67);
      break;
    case WeirKind::VNotch:
      s.q1 = cd1 * w.side_slope * pow_of(h, 2.5);
      break;
    case WeirKind::Trapezoidal: {
      const double y = (1.0 - setting) * x.y_full;
      s.q1 = cd1 * width_of_depth(x, t, y) * pow_of(h, 1.5);
      s.q2 = w.cd2 * w.side_slope * pow_of(h, 2.5);
      break;
    }
  }
  return s;
}

SF_HD inline double weir_dqdh(WeirKind kind, double dir, double h, WeirSplit s) {
  if (abs_of(h) < kFudge) return 0.0;
  const double q1h = abs_of(s.q1 / h), q2h = abs_of(s.q2 / h);
  switch (kind) {
    case WeirKind::Transverse:
    case WeirKind::Roadway:
      return 1.5 * q1h;
    case WeirKind::Sideflow:
      return dir < 0.0 ? 1.5 * q1h : 1.67 * q1h;
    case WeirKind::VNotch:
      return q2h == 0.0 ? 2.5 * q1h : 1.5 * q1h + 2.5 * q2h;
    case WeirKind::Trapezoidal:
      return 1.5 * q1h + 2.5 * q2h;
  }
  return 0.0;
}

/// Weir flow with the flap-gate loss applied; also returns dq/dh.
SF_HD inline WeirSplit weir_flow_with_gate(const WeirParams& w, const Xsect& x, XsectTables t,
                                           double setting, double head, double dir, double cd1,
                                           double* dqdh) {
  WeirSplit s = weir_free_flow(w, x, t, setting, head, dir, cd1);
  if (w.flap_gate && head > 0.0) {
    const double area = weir_open_area(x, t, setting, head);
    if (area > 1e-6) {
      const double v = (s.q1 + s.q2) / area;
      head = max_of(head - flap_gate_head_loss(v, head), 0.0);
      s = weir_free_flow(w, x, t, setting, head, dir, cd1);
    }
  }
  *dqdh = weir_dqdh(w.kind, dir, head, s);
  return s;
}

/// Equivalent orifice coefficient of a surcharged weir: the free flow at a head equal to the
/// opening, divided by sqrt(half the opening).
SF_HD inline double weir_surcharge_coeff(const WeirParams& w, const Xsect& x, XsectTables t,
                                         double setting, double cd1) {
  if (setting <= 0.0) return 0.0;
  const double h = setting * x.y_full;
  const WeirSplit s = weir_free_flow(w, x, t, setting, h, 1.0, cd1);
  return (s.q1 + s.q2) / sqrt_of(h / 2.0);
}

/// Flow over a weir between heads h1 (node1) and h2 (node2); crest = node1 invert + offset.
/// cd1 is the discharge coefficient (from a curve when the weir has one: caller looks it up).
SF_HD inline RegulatorFlow weir_flow(const WeirParams& w, const Xsect& x, XsectTables t,
                                     double setting, double crest_elev, double h1, double h2,
                                     CurveView cd_curve) {
  RegulatorFlow r;
  const double dir = h1 > h2 ? 1.0 : -1.0;
  if (dir < 0.0) {
    const double tmp = h1;
    h1 = h2;
    h2 = tmp;
  }
  double hcrest = crest_elev;
  const double hcrown = hcrest + x.y_full;
  hcrest += (1.0 - setting) * x.y_full;
  double head = h1 - hcrest;
  // flap gate blocks flow against the link direction
  if (head <= kFudge || hcrest >= hcrown || (w.flap_gate && dir < 0.0)) return r;
  r.flow_class = kSubcritical;
  if (hcrest > h2) r.flow_class = dir > 0.0 ? kDnCritical : kUpCritical;
  if (h1 >= hcrown) {
    if (w.can_surcharge) {
      const double ymid = (hcrest + hcrown) / 2.0;
      head = h2 < ymid ? h1 - ymid : h1 - h2;
      const double y = hcrown - hcrest;
      double q = w.c_surcharge * sqrt_of(max_of(head, 0.0));
      if (w.flap_gate) {
        const double a = weir_open_area(x, t, setting, y);
        if (a > 0.0) {
          head = max_of(head - flap_gate_head_loss(q / a, y), 0.0);
          q = w.c_surcharge * sqrt_of(head);
        }
      }
      r.dqdh = head > 0.0 ? q / (2.0 * head) : 0.0;
      r.q = dir * q;
      r.depth = y;
      return r;
    }
    head = hcrown - hcrest;
  }
  const double cd1 = cd_curve.n > 0 ? curve_lookup(cd_curve, head) : w.cd;
  double dqdh = 0.0;
  WeirSplit s = weir_flow_with_gate(w, x, t, setting, head, dir, cd1, &dqdh);
  if (h2 > hcrest) {
    const double ratio = (h2 - hcrest) / (h1 - hcrest);
    const double power = w.kind == WeirKind::Sideflow ? 5.0 / 3.0
                         : w.kind == WeirKind::VNotch ? 2.5
                                                      : 1.5;
    s.q1 *= villemonte_factor(ratio, power);
    if (s.q2 > 0.0) s.q2 *= villemonte_factor(ratio, 2.5);
  }
  r.dqdh = dqdh;
  r.depth = min_of(h1 - hcrest, x.y_full);
  r.q = dir * (s.q1 + s.q2);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Orifices
// ---------------------------------------------------------------------------------------------

/// Coefficients of an orifice opened to `setting` (fraction of its height): c_orif, c_weir
/// and h_crit (Rossman 2017, section 6.2: weir flow below the critical height).
SF_HD inline void orifice_coefficients(OrificeParams* o, const Xsect& x, XsectTables t,
                                       double setting) {
  const double h = setting * x.y_full;
  const double f = area_of_depth(x, t, h) * sqrt_of(2.0 * kGravity);
  o->c_orif = o->cd * f;
  double hw;
  if (o->kind == OrificeKind::Bottom) {
    // critical height where orifice flow turns into weir flow: (Co/Cw)(Area/Perimeter) with
    // Cw = 0.414 for a sharp-crested weir
    const double a_over_l =
        x.shape == Shape::Circular ? h / 4.0 : (h * x.w_max) / (2.0 * (h + x.w_max));
    o->h_crit = o->cd / 0.414 * a_over_l;
    hw = o->h_crit;
  } else {
    o->h_crit = h;
    hw = h / 2.0;
  }
  o->c_weir = o->cd * sqrt_of(max_of(hw, 0.0)) * f;
}

SF_HD inline double orifice_discharge(const OrificeParams& o, const Xsect& x, XsectTables t,
                                      double setting, double head, double f, bool gate,
                                      double* dqdh) {
  double q;
  if (head == 0.0 || f <= 0.0) {
    *dqdh = 0.0;
    return 0.0;
  }
  if (f < 1.0) {
    q = o.c_weir * pow_of(f, 1.5);
    *dqdh = 1.5 * q / (f * o.h_crit);
  } else {
    q = o.c_orif * sqrt_of(head);
    *dqdh = q / (2.0 * head);
  }
  if (gate) {
    const double area = area_of_depth(x, t, setting * x.y_full);
    const double v = area > 0.0 ? q / area : 0.0;
    const double loss = flap_gate_head_loss(v, head);
    if (f < 1.0)
      f = max_of(f - loss / o.h_crit, 0.0);
    else
      head = max_of(head - loss, 0.0);
    q = orifice_discharge(o, x, t, setting, head, f, false, dqdh);
  }
  return q;
}

/// Flow through an orifice between node heads h1, h2 with node depths y1n, y2n.
SF_HD inline RegulatorFlow orifice_flow(const OrificeParams& o, const Xsect& x, XsectTables t,
                                        double setting, double crest_elev, double h1, double h2,
                                        double y1n, double y2n) {
  RegulatorFlow r;
  const double dir = h1 >= h2 ? 1.0 : -1.0;
  double y1 = y1n;
  if (dir < 0.0) {
    const double tmp = h1;
    h1 = h2;
    h2 = tmp;
    y1 = y2n;
  }
  const double hcrest = crest_elev;
  double head, f;
  if (o.kind == OrificeKind::Bottom) {
    if (h1 < hcrest)
      head = 0.0;
    else if (h2 > hcrest)
      head = h1 - h2;
    else
      head = h1 - hcrest;
    f = o.h_crit > 0.0 ? min_of(head / o.h_crit, 1.0) : 1.0;
  } else {
    const double hcrown = hcrest + x.y_full * setting;
    const double hmid = 0.5 * (hcrest + hcrown);
    f = (h1 < hcrown && hcrown > hcrest) ? (h1 - hcrest) / (hcrown - hcrest) : 1.0;
    if (f < 1.0)
      head = h1 - hcrest;
    else if (h2 < hmid)
      head = h1 - hmid;
    else
      head = h1 - h2;
  }
  if (head <= kFudge || y1 <= kFudge || (o.flap_gate && dir < 0.0)) {
    r.surf_area = kFudge * o.eq_length;
    return r;
  }
  r.flow_class = kSubcritical;
  if (hcrest > h2) r.flow_class = dir > 0.0 ? kDnCritical : kUpCritical;
  const double yopen = x.y_full * setting;
  if (o.kind == OrificeKind::Side) {
    r.depth = yopen * f;
    r.surf_area = width_of_depth(x, t, r.depth) * o.eq_length;
  } else {
    r.depth = yopen;
    r.surf_area = area_of_depth(x, t, yopen);
  }
  double q = dir * orifice_discharge(o, x, t, setting, head, f, o.flap_gate, &r.dqdh);
  if (f < 1.0 && h2 > hcrest) q *= villemonte_factor((h2 - hcrest) / (h1 - hcrest), 1.5);
  r.q = q;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Outlets (rating curves)
// ---------------------------------------------------------------------------------------------

/// Flow through an outlet with a functional (coeff * h^exp) or tabular rating.
SF_HD inline RegulatorFlow outlet_flow(const OutletParams& o, CurveView rating, double setting,
                                       double crest_elev, double h1, double h2, double y1n,
                                       double y2n) {
  RegulatorFlow r;
  const double dir = h1 >= h2 ? 1.0 : -1.0;
  double y1 = y1n;
  if (dir < 0.0) {
    const double tmp = h1;
    h1 = h2;
    h2 = tmp;
    y1 = y2n;
  }
  const double head = o.head_based ? h1 - max_of(h2, crest_elev) : h1 - crest_elev;
  if (head <= kFudge || y1 <= kFudge || (o.flap_gate && dir < 0.0)) return r;
  r.depth = head;
  r.flow_class = kSubcritical;
  const double q = rating.n > 0 ? curve_lookup(rating, head) : o.coeff * pow_of(head, o.exponent);
  r.q = dir * setting * q;
  return r;
}

}  // namespace sf::pipe
