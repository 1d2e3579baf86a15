// Momentum update of one conduit for one Picard trial: the finite-difference St. Venant
// equation of SWMM's dynamic-wave solver (Rossman 2017, section 3.4, eqs. 3-13 to 3-16), with
// flow classification, upstream weighting, inertial damping, local losses, normal-flow
// limitation, flap gates and the EXTRAN / Preissmann-slot surcharge treatments.
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/constants.hpp"
#include "pipe/transition_depths.hpp"
#include "pipe/xsect.hpp"

namespace sf::pipe {

enum class Damping : int { None, Partial, Full };
enum class NormalFlowLimit : int { Slope, Froude, Both, Neither };
enum class Surcharge : int { Extran, Slot };
enum class FrictionLaw : int { Manning, HazenWilliams, DarcyWeisbach };

/// Options shared by all conduits.
struct ConduitOptions {
  Damping damping = Damping::Partial;
  NormalFlowLimit normal_flow = NormalFlowLimit::Both;
  Surcharge surcharge = Surcharge::Extran;
  double crown_cutoff = kExtranCrownCutoff;
};

/// Constant properties of one conduit (per barrel).
struct ConduitParams {
  double length = 0.0;        // true length (volume) [m]
  double mod_length = 0.0;    // length used in the momentum equation (lengthened) [m]
  double rough_factor = 0.0;  // g n² for Manning [m/s²·s²/m^(2/3)]; force mains: see below
  double fm_factor = 0.0;     // force main full-flow friction factor (H-W or D-W)
  double fm_roughness = 0.0;  // D-W roughness height [m]
  double beta = 0.0;          // sqrt(slope)/n: Q_normal = beta * A R^(2/3)
  double q_limit = 0.0;       // user flow limit [m³/s], 0 = none
  double k_entry = 0.0, k_exit = 0.0, k_avg = 0.0;
  double barrels = 1.0;
  double offset1 = 0.0, offset2 = 0.0;  // invert heights above the end nodes [m]
  FrictionLaw law = FrictionLaw::Manning;
  bool flap_gate = false;
  int direction = 1;  // -1 when the conduit was reversed to have a positive slope
};

/// What the conduit needs to know about one of its end nodes.
struct EndNode {
  double invert = 0.0;  // [m]
  double depth = 0.0;   // current trial depth [m]
  bool is_outfall = false;
  bool gated_outfall = false;
};

/// State carried by a conduit between trials and steps (per barrel unless noted).
struct ConduitState {
  double q_old = 0.0;   // flow at the end of the previous time step
  double q_last = 0.0;  // flow from the previous trial
  double a_old = 0.0;   // mid area at the end of the previous time step
  int flow_class = kDry;
};

/// Result of one trial.
struct ConduitResult {
  double q = 0.0;      // new flow per barrel [m³/s]
  double a_mid = 0.0;  // mid-length area [m²]
  double dqdh = 0.0;   // d(total flow)/d(head) [m²/s]
  double froude = 0.0;
  double depth = 0.0;                         // mid-length depth, at most full [m]
  double volume = 0.0;                        // total stored volume (all barrels) [m³]
  double surf_area1 = 0.0, surf_area2 = 0.0;  // per barrel [m²]
  int flow_class = kDry;
  bool normal_flow = false;
  bool full = false;  // both ends full
};

SF_HD inline double slot_width(const Xsect& x, const ConduitOptions& o, double y) {
  if (o.surcharge != Surcharge::Slot || x.open) return 0.0;
  const double yn = y / x.y_full;
  if (yn < o.crown_cutoff) return 0.0;
  // Sjoberg's slot width; 1 % of the width once the head exceeds 1.78 diameters
  if (yn > 1.78) return 0.01 * x.w_max;
  return x.w_max * 0.5423 * exp(-pow_of(yn, 2.4));
}

/// Top width a conduit lends its nodes at depth y, given the geometry g at y: the slot's width
/// in a surcharged slot, else the width at y, capped at the crown cutoff of a closed conduit
/// (the one case that needs another table lookup).
SF_HD inline double conduit_width(const Xsect& x, XsectTables t, const ConduitOptions& o, double y,
                                  const SectionGeometry& g) {
  const double ws = slot_width(x, o, y);
  if (ws > 0.0) return ws;
  if (!x.open && y / x.y_full >= o.crown_cutoff)
    return width_of_depth(x, t, o.crown_cutoff * x.y_full);
  return g.width;
}

/// Flow area at depth y given the geometry g at y: above the crown, the full area plus the slot.
SF_HD inline double conduit_area(const Xsect& x, double y, const SectionGeometry& g,
                                 double w_slot) {
  if (y >= x.y_full) return x.a_full + (y - x.y_full) * w_slot;
  return g.area;
}

/// Froude number from velocity v at depth y, given the geometry g at y (0 for empty or full
/// closed conduits).
SF_HD inline double froude_number(const Xsect& x, const SectionGeometry& g, double v, double y) {
  if (y <= kFudge) return 0.0;
  if (!x.open && x.y_full - y <= kFudge) return 0.0;
  if (g.width <= 0.0) return 0.0;
  const double hyd_depth = g.area / g.width;
  return abs_of(v) / sqrt_of(kGravity * hyd_depth);
}

/// Darcy-Weisbach friction factor (Swamee-Jain, laminar and transition ranges as SWMM).
SF_HD inline double darcy_friction_factor(double e, double hrad, double re) {
  if (re < 10.0) re = 10.0;
  if (re <= 2000.0) return 64.0 / re;
  if (re < 4000.0) {
    const double f4 = darcy_friction_factor(e, hrad, 4000.0);
    return 0.032 + (f4 - 0.032) * (re - 2000.0) / 2000.0;
  }
  double f = e / 3.7 / (4.0 * hrad);
  if (re < 1.0e10) f += 5.74 / pow_of(re, 0.9);
  f = log10(f);
  return 0.25 / f / f;
}

/// Friction term g*Sf/|v| of a full force main [1/s] (Hazen-Williams or Darcy-Weisbach).
SF_HD inline double force_main_friction(const ConduitParams& c, double v, double hrad) {
  if (c.law == FrictionLaw::HazenWilliams)
    return c.fm_factor * pow_of(v, 0.852) / pow_of(hrad, 1.1667);
  const double kViscosity = 1.1e-5 * kFtToM * kFtToM;  // water at 20 C [m²/s]
  const double re = 4.0 * hrad * v / kViscosity;
  return darcy_friction_factor(c.fm_roughness, hrad, re) * c.fm_factor * v / hrad;
}

struct FlowClassResult {
  int flow_class = kSubcritical;
  double y_min = 0.0;  // min(critical depth, normal depth), when have_depths
  double fasnh = 1.0;  // fraction of the downstream half assigned to node2
  bool have_depths = false;
};

/// Classify the flow from the end depths (Rossman 2017, table 3-2). The critical and normal
/// depths are solved only as far as the class needs them: an end depth above the upper bound of
/// one is decided without its root, and where only the smaller of the two counts, only the root
/// that can be the smaller one is solved (the class, fasnh and y_min come out the same).
SF_HD inline FlowClassResult classify_flow(const Xsect& x, XsectTables t, const ConduitParams& c,
                                           EndNode n1, EndNode n2, double q, double h1, double h2,
                                           double y1, double y2) {
  FlowClassResult r;
  double z1 = c.offset1, z2 = c.offset2;
  if (n1.is_outfall) z1 = max_of(0.0, z1 - n1.depth);
  if (n2.is_outfall) z2 = max_of(0.0, z2 - n2.depth);
  TransitionDepth norm, crit;
  const auto bounds = [&]() {
    norm = normal_depth_bound(x, t, c.beta, q);
    crit = critical_depth_bound(x, t, abs_of(q));
  };
  const auto set_smaller = [&]() {
    r.y_min = smaller_depth(crit, norm, x, t);
    r.have_depths = true;
  };
  if (y1 > kFudge && y2 > kFudge) {
    if (q < 0.0) {
      if (z1 > 0.0) {
        bounds();
        // y1 < min(y_norm, y_crit) is false once y1 exceeds either
        if (y1 > norm.upper() || y1 > crit.upper()) return r;
        set_smaller();
        if (y1 < r.y_min) r.flow_class = kUpCritical;
      }
    } else if (z2 > 0.0) {
      bounds();
      // above both transition depths: subcritical with the whole downstream half at node 2
      if (y2 > norm.upper() && y2 > crit.upper()) return r;
      // below both: critical at node 2, at the smaller of the two depths
      if (y2 < norm.lower() && y2 < crit.lower()) {
        set_smaller();
        r.flow_class = kDnCritical;
        return r;
      }
      const double y_norm = finish(norm, x, t), y_crit = finish(crit, x, t);
      r.y_min = min_of(y_crit, y_norm);
      r.have_depths = true;
      const double yc_min = min_of(y_norm, y_crit), yc_max = max_of(y_norm, y_crit);
      if (y2 < yc_min)
        r.flow_class = kDnCritical;
      else if (y2 < yc_max)
        r.fasnh = (yc_max - yc_min < kFudge) ? 0.0 : (yc_max - y2) / (yc_max - yc_min);
    }
  } else if (y1 <= kFudge && y2 <= kFudge) {
    r.flow_class = kDry;
  } else if (y2 > kFudge) {
    if (h2 < n1.invert + c.offset1)
      r.flow_class = kUpDry;
    else if (z1 > 0.0) {
      bounds();
      set_smaller();
      r.flow_class = kUpCritical;
    }
  } else {
    if (h1 < n2.invert + c.offset2)
      r.flow_class = kDnDry;
    else if (z2 > 0.0) {
      bounds();
      set_smaller();
      r.flow_class = kDnCritical;
    }
  }
  return r;
}

/// One Picard trial of the conduit momentum equation (Rossman 2017, eq. 3-15):
///   Q = (Q_old - dq2 + dq3 + dq4) / (1 + dq1 + dq5)
/// dq1 friction, dq2 water-surface slope, dq3/dq4 inertia (damped by sigma), dq5 local losses.
SF_HD inline ConduitResult conduit_trial(const Xsect& x, XsectTables t, const ConduitParams& c,
                                         const ConduitOptions& o, ConduitState s, EndNode n1,
                                         EndNode n2, double setting, int trial, double omega,
                                         double dt) {
  ConduitResult r;
  const bool closed_by_control = setting == 0.0;
  const double q_last = s.q_last;
  const double z1 = n1.invert + c.offset1, z2 = n2.invert + c.offset2;
  double h1 = max_of(n1.depth + n1.invert, z1);
  double h2 = max_of(n2.depth + n2.invert, z2);
  double y1 = max_of(h1 - z1, kFudge);
  double y2 = max_of(h2 - z2, kFudge);
  if (o.surcharge != Surcharge::Slot) {
    y1 = min_of(y1, x.y_full);
    y2 = min_of(y2, x.y_full);
  }
  const double a_old = max_of(s.a_old, kFudgeArea);
  const double length = c.mod_length;

  // --- flow class and the surface area lent to each end node (Rossman 2017, eq. 3-19)
  int flow_class = kSubcritical;
  FlowClassResult fc;
  if (!(y1 >= x.y_full && y2 >= x.y_full)) {
    fc = classify_flow(x, t, c, n1, n2, q_last, h1, h2, y1, y2);
    flow_class = fc.flow_class;
  }
  // end depths the class assigns (critical ends at min(y_c, y_n), dry ends at kFudge)
  {
    const double yc_or_n = fc.have_depths ? fc.y_min : 0.5 * (y1 + y2);
    if (flow_class == kUpCritical) {
      y1 = max_of(yc_or_n, kFudge);
      h1 = z1 + y1;
    } else if (flow_class == kDnCritical) {
      y2 = max_of(yc_or_n, kFudge);
      h2 = z2 + y2;
    } else if (flow_class == kUpDry) {
      y1 = kFudge;
    } else if (flow_class == kDnDry) {
      y2 = kFudge;
    }
  }
  r.flow_class = flow_class;
  // geometry at the ends and the middle, one table row each (both ends are >= kFudge, so the
  // middle needs no floor); ends at one depth (dry, or full) share one evaluation
  const double y_mid = 0.5 * (y1 + y2);
  const SectionGeometry g1 = geometry_at(x, t, y1);
  const bool level = y2 == y1;
  const SectionGeometry g2 = level ? g1 : geometry_at(x, t, y2);
  const SectionGeometry gm = level ? g1 : geometry_at(x, t, y_mid);

  // --- surface area lent to each end node (Rossman 2017, eq. 3-19)
  if (flow_class == kDry) {
    r.surf_area1 = kFudge * length / 2.0;
    r.surf_area2 = r.surf_area1;
  } else {
    const double w1 = conduit_width(x, t, o, y1, g1), w2 = conduit_width(x, t, o, y2, g2);
    const double wm = conduit_width(x, t, o, y_mid, gm);
    switch (flow_class) {
      case kSubcritical:
        r.surf_area1 = (w1 + wm) * length / 4.0;
        r.surf_area2 = (wm + w2) * length / 4.0 * fc.fasnh;
        break;
      case kUpCritical:
        r.surf_area2 = (wm + w2) * length * 0.5;
        break;
      case kDnCritical:
        r.surf_area1 = (w1 + wm) * length * 0.5;
        break;
      case kUpDry:
        r.surf_area2 = (wm + w2) * length / 4.0;
        if (c.offset1 <= 0.0) r.surf_area1 = (w1 + wm) * length / 4.0;
        break;
      default:  // kDnDry
        r.surf_area1 = (wm + w1) * length / 4.0;
        if (c.offset2 <= 0.0) r.surf_area2 = (w2 + wm) * length / 4.0;
    }
  }

  // --- areas and hydraulic radii at the ends and the middle
  const double a1 = conduit_area(x, y1, g1, slot_width(x, o, y1));
  const double r1 = g1.hyd_radius;
  const double a2 = conduit_area(x, y2, g2, slot_width(x, o, y2));
  double a_mid = conduit_area(x, y_mid, gm, slot_width(x, o, y_mid));
  const double r_mid = gm.hyd_radius;
  const bool is_full = y1 >= x.y_full && y2 >= x.y_full;
  r.full = is_full;

  if (flow_class == kDry || flow_class == kUpDry || flow_class == kDnDry || closed_by_control ||
      a_mid <= kFudgeArea) {
    r.a_mid = 0.5 * (a1 + a2);
    r.q = 0.0;
    r.dqdh = kGravity * dt * a_mid / length * c.barrels;
    r.froude = 0.0;
    r.depth = min_of(y_mid, x.y_full);
    r.volume = r.a_mid * c.length * c.barrels;
    return r;
  }

  double v = q_last / a_mid;
  if (abs_of(v) > kMaxVelocity) v = kMaxVelocity * (q_last < 0.0 ? -1.0 : 1.0);
  r.froude = froude_number(x, gm, v, y_mid);
  if (flow_class == kSubcritical && r.froude > 1.0) r.flow_class = kSupercritical;

  // inertial damping factor sigma from the Froude number (Rossman 2017, eq. 3-16)
  double sigma = r.froude <= 0.5 ? 1.0 : (r.froude >= 1.0 ? 0.0 : 2.0 * (1.0 - r.froude));
  // upstream weighting of area and radius (Dickinson's slope weighting)
  double rho = 1.0;
  if (!is_full && q_last > 0.0 && h1 >= h2) rho = sigma;
  const double a_wtd = a1 + (a_mid - a1) * rho;
  const double r_wtd = r1 + (r_mid - r1) * rho;
  if (o.damping == Damping::None)
    sigma = 1.0;
  else if (o.damping == Damping::Full)
    sigma = 0.0;
  if (is_full && !x.open) sigma = 0.0;

  double dq1;
  if (c.law != FrictionLaw::Manning && is_full)
    dq1 = dt * force_main_friction(c, abs_of(v), r_mid);
  else
    dq1 = dt * c.rough_factor / pow_of(r_wtd, 4.0 / 3.0) * abs_of(v);
  const double dq2 = dt * kGravity * a_wtd * (h2 - h1) / length;
  double dq3 = 0.0, dq4 = 0.0;
  if (sigma > 0.0) {
    dq3 = 2.0 * v * (a_mid - a_old) * sigma;
    dq4 = dt * v * v * (a2 - a1) / length * sigma;
  }
  double dq5 = 0.0;
  if (c.k_entry != 0.0 || c.k_exit != 0.0 || c.k_avg != 0.0) {
    const double aq = abs_of(q_last);
    double losses = 0.0;
    if (a1 > kFudgeArea) losses += c.k_entry * aq / a1;
    if (a2 > kFudgeArea) losses += c.k_exit * aq / a2;
    if (a_mid > kFudgeArea) losses += c.k_avg * aq / a_mid;
    dq5 = losses / 2.0 / length * dt;
  }
  const double denom = 1.0 + dq1 + dq5;
  double q = (s.q_old - dq2 + dq3 + dq4) / denom;
  r.dqdh = 1.0 / denom * kGravity * dt * a_wtd / length * c.barrels;

  // normal-flow limitation (Rossman 2017, section 3.4.3)
  if (q > 0.0 && o.normal_flow != NormalFlowLimit::Neither && y1 < x.y_full &&
      (r.flow_class == kSubcritical || r.flow_class == kSupercritical)) {
    const bool has_outfall = n1.is_outfall || n2.is_outfall;
    bool check = false;
    if (o.normal_flow == NormalFlowLimit::Slope || o.normal_flow == NormalFlowLimit::Both ||
        has_outfall)
      check = y1 < y2;
    if (!check &&
        (o.normal_flow == NormalFlowLimit::Froude || o.normal_flow == NormalFlowLimit::Both) &&
        !has_outfall && y1 > kFudge && y2 > kFudge)
      check = froude_number(x, g1, q / a1, y1) >= 1.0;
    if (check) {
      const double q_norm = c.beta * a1 * pow_of(r1, 2.0 / 3.0);
      if (q_norm < q) {
        q = q_norm;
        r.normal_flow = true;
      }
    }
  }
  if (trial > 0) {
    q = (1.0 - omega) * q_last + omega * q;
    if (q * q_last < 0.0) q = 0.001 * (q < 0.0 ? -1.0 : 1.0) * kFtToM * kFtToM * kFtToM;
  }
  if (c.q_limit > 0.0 && abs_of(q) > c.q_limit) q = (q < 0.0 ? -1.0 : 1.0) * c.q_limit;
  // flap gates: on the conduit (against its direction) or on an outfall it drains from
  if (c.flap_gate && q * c.direction < 0.0) q = 0.0;
  if ((q < 0.0 && n2.gated_outfall) || (q > 0.0 && n1.gated_outfall)) q = 0.0;
  // no flow out of a dry node
  if (q > kFudgeFlow && n1.depth <= kFudge) q = kFudgeFlow;
  if (q < -kFudgeFlow && n2.depth <= kFudge) q = -kFudgeFlow;

  r.a_mid = a_mid;
  r.q = q;
  r.depth = min_of(y_mid, x.y_full);
  a_mid = 0.5 * (a1 + a2);
  r.volume = a_mid * c.length * c.barrels;
  return r;
}

}  // namespace sf::pipe
