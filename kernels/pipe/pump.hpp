// Pump curves TYPE1..TYPE5 and the IDEAL pump (Rossman 2017, section 6.5). A pump's flow
// depends on its inlet node (volume or depth) or on the head it lifts against.
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"
#include "pipe/curve.hpp"
#include "pipe/regulators.hpp"

namespace sf::pipe {

enum class PumpKind : int { Type1, Type2, Type3, Type4, Type5, Ideal };

struct PumpParams {
  PumpKind kind = PumpKind::Ideal;
  double x_min = 0.0, x_max = 0.0;  // range of the curve's x values (SI)
  double q_full = 0.0;              // largest flow on the curve [m³/s]
  double startup_depth = 0.0;       // inlet depth that switches the pump on [m] (0 = none)
  double shutoff_depth = 0.0;       // inlet depth that switches it off [m] (0 = none)
};

/// Inputs of a pump evaluation.
struct PumpInlet {
  double depth = 0.0;      // inlet node depth [m]
  double volume = 0.0;     // inlet node volume [m³] (TYPE1)
  double lift = 0.0;       // outlet head - inlet head [m] (TYPE3, TYPE5)
  double available = 0.0;  // inlet node inflow + overflow [m³/s] (IDEAL)
};

/// Pump flow at the given setting (0 = off, 1 = on, or a speed ratio for TYPE5).
/// flow_class records whether the operating point is off the curve (kUpDry above the last
/// point, kDnDry below the first) for the pump summary.
SF_HD inline RegulatorFlow pump_flow(const PumpParams& p, CurveView curve, double setting,
                                     PumpInlet in) {
  RegulatorFlow r;
  r.flow_class = kSubcritical;
  if (setting == 0.0) return r;
  double q = 0.0;
  switch (p.kind) {
    case PumpKind::Ideal:
      q = in.available;
      break;
    case PumpKind::Type1:
      q = curve_interval_lookup(curve, in.volume);
      if (in.volume < p.x_min) r.flow_class = kDnDry;
      if (in.volume > p.x_max) r.flow_class = kUpDry;
      break;
    case PumpKind::Type2:
      q = curve_interval_lookup(curve, in.depth);
      if (in.depth < p.x_min) r.flow_class = kDnDry;
      if (in.depth > p.x_max) r.flow_class = kUpDry;
      break;
    case PumpKind::Type3:
    case PumpKind::Type5: {
      // affinity laws: Q(h, s) = s Q1(h / s²) for a speed ratio s
      const double s = p.kind == PumpKind::Type5 ? setting : 1.0;
      const double head = max_of(in.lift / s / s, 0.0);
      q = curve_lookup(curve, head);
      if (p.kind == PumpKind::Type5) q *= s;
      // flow falls as the lift grows: dq/dh of the inlet head is minus the curve slope
      r.dqdh = -curve_slope(curve, head) / s;
      if (head < p.x_min) r.flow_class = kDnDry;
      if (head > p.x_max) r.flow_class = kUpDry;
      break;
    }
    case PumpKind::Type4: {
      const double dh = 0.001 * kFtToM;
      q = curve_lookup(curve, in.depth);
      r.dqdh = (curve_lookup(curve, in.depth + dh) - q) / dh;
      if (in.depth < p.x_min) r.flow_class = kDnDry;
      if (in.depth > p.x_max) r.flow_class = kUpDry;
      break;
    }
  }
  if (q < 0.0) q = 0.0;
  // TYPE5 already carries the speed in the affinity law; the others scale by the setting
  r.q = p.kind == PumpKind::Type5 ? q : q * setting;
  return r;
}

}  // namespace sf::pipe
