// The per-element kernels of one routing step. Each functor updates one node or one link from
// the views by calling the point functions in kernels/pipe; one thread per element, no atomics
// (node sums walk the compressed node->links table). Used by EngineCore<Exec> for every backend
// (host/network/engine_core.hpp).
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "pipe/conduit_flow.hpp"
#include "pipe/node_continuity.hpp"
#include "pipe/pump.hpp"
#include "pipe/regulators.hpp"
#include "routing/network_views.hpp"

// g++: a conduit's trial inlined whole (geometry, classification, roots) into its loop
#if defined(__GNUC__) && !defined(__CUDACC__)
#define SF_FLATTEN __attribute__((flatten))
#else
#define SF_FLATTEN
#endif

namespace sf::network {

SF_HD inline bool is_true_conduit(const LinkView& l, int j) {
  return l.kind[j] == LinkKind::Conduit && !l.dummy[j];
}

/// x / barrels; a single barrel (the usual case) skips the division, as x / 1 is x exactly.
SF_HD inline double per_barrel(double x, double barrels) {
  return barrels == 1.0 ? x : x / barrels;
}

/// SWMM skips links whose two end nodes both converged in the previous trial (from the third
/// trial on); outfalls never count as converged.
SF_HD inline bool is_bypassed(const LinkView& l, const NodeView& n, int j, int trial) {
  return trial >= 2 && n.converged[l.node1[j]] && n.converged[l.node2[j]];
}

/// Start of a step: old state := new state; flows at nodes reset to lateral inflow.
struct BeginStepNodes {
  NodeView n;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    const pipe::NodeParams& p = n.params[i];
    n.depth_old[i] = n.depth[i];
    n.volume_old[i] = n.volume[i];
    n.inflow_old[i] = n.inflow[i];
    n.old_net_inflow[i] = n.inflow[i] - n.outflow[i];
    n.converged[i] = 0;
    n.dydt[i] = 0.0;
    n.overflow[i] = 0.0;
    // A 1D-2D coupler writes its inflow on the device; it joins the lateral inflow the host set.
    // The surface delivers it as a volume per step (a constant rate over the step), so node
    // continuity must integrate it as that rectangle, not as the trapezoid of two step rates:
    // the last step's coupled inflow in the old net inflow is replaced by this step's.
    if (n.coupled_inflow) {
      n.old_net_inflow[i] += n.coupled_inflow[i] - n.coupled_inflow_old[i];
      n.coupled_inflow_old[i] = n.coupled_inflow[i];
      n.lat_flow[i] += n.coupled_inflow[i];
    }
    if (p.kind != pipe::NodeKind::Storage && n.volume[i] > p.full_volume)
      n.overflow[i] = (n.volume[i] - p.full_volume) / dt;
  }
};

struct BeginStepLinks {
  LinkView l;
  SF_HD void operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    l.flow_old[j] = l.flow[j];
    l.depth_old[j] = l.depth[j];
    l.volume_old[j] = l.volume[j];
    l.a2[j] = l.a1[j];
    l.surf1[j] = 0.0;
    l.surf2[j] = 0.0;
  }
};

/// Momentum update of every true conduit (pipe::conduit_trial).
struct ConduitTrials {
  NodeView n;
  LinkView l;
  SharedView s;
  int trial;
  double dt;
  SF_HD SF_FLATTEN void operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    if (!is_true_conduit(l, j) || is_bypassed(l, n, j, trial)) return;
    const pipe::ConduitParams& c = l.conduit[j];
    const int a = l.node1[j], b = l.node2[j];
    pipe::EndNode e1, e2;
    e1.invert = n.invert[a];
    e1.depth = n.depth[a];
    e1.is_outfall = n.params[a].kind == pipe::NodeKind::Outfall;
    e1.gated_outfall = e1.is_outfall && n.outfall_spec[n.outfall[a]].flap_gate;
    e2.invert = n.invert[b];
    e2.depth = n.depth[b];
    e2.is_outfall = n.params[b].kind == pipe::NodeKind::Outfall;
    e2.gated_outfall = e2.is_outfall && n.outfall_spec[n.outfall[b]].flap_gate;
    pipe::ConduitState st;
    st.q_old = per_barrel(l.flow_old[j], c.barrels);
    st.q_last = l.q1[j];
    st.a_old = l.a2[j];
    st.flow_class = l.flow_class[j];
    const pipe::ConduitResult r = pipe::conduit_trial(l.xsect[j], s.tables, c, s.options, st, e1,
                                                      e2, l.setting[j], trial, pipe::kOmega, dt);
    l.q1[j] = r.q;
    l.flow[j] = r.q * c.barrels;
    l.a1[j] = r.a_mid;
    l.dqdh[j] = r.dqdh;
    l.froude[j] = r.froude;
    l.flow_class[j] = r.flow_class;
    l.depth[j] = r.depth;
    l.volume[j] = r.volume;
    l.surf1[j] = r.surf_area1;
    l.surf2[j] = r.surf_area2;
    l.normal_flow[j] = r.normal_flow ? 1 : 0;
  }
};

/// Adds the flow, lent surface area and dQ/dH of a node's link k to the node's sums.
SF_HD inline void add_link_to_node(const LinkView& l, const NodeLink& k, double* in, double* out,
                                   double* area, double* dqdh) {
  const int j = k.link;
  const double q = l.flow[j];
  if (k.at_end1) {
    if (q >= 0.0)
      *out += q;
    else
      *in -= q;
    *area += l.surf1[j] * k.barrels;
  } else {
    if (q >= 0.0)
      *in += q;
    else
      *out -= q;
    *area += l.surf2[j] * k.barrels;
  }
  if (k.adds_dqdh) *dqdh += l.dqdh[j];
}

/// Node sums over true conduits (needed by pumps and dummy links before their own update).
struct GatherConduitFlows {
  NodeView n;
  LinkView l;
  SharedView s;
  SF_HD void operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    const double lat = n.lat_flow[i];
    double in = lat >= 0.0 ? lat : 0.0;
    double out = lat < 0.0 ? -lat : 0.0;
    double area =
        pipe::node_own_area(n.params[i], s.curve(n.curve[i]), n.depth[i], s.allow_ponding);
    double dqdh = 0.0;
    for (int e = n.sum_start[i]; e < n.sum_split[i]; ++e)
      add_link_to_node(l, n.sum_link[e], &in, &out, &area, &dqdh);
    n.inflow[i] = in;
    n.outflow[i] = out;
    n.surf_area[i] = area;
    n.sumdqdh[i] = dqdh;
  }
};

/// Pumps, orifices, weirs, outlets and dummy conduits: flow from the end-node heads.
struct NonConduitTrials {
  NodeView n;
  LinkView l;
  SharedView s;
  int trial;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    if (is_true_conduit(l, j) || is_bypassed(l, n, j, trial)) return;
    const int a = l.node1[j], b = l.node2[j];
    const LinkKind kind = l.kind[j];
    const RegulatorParams& rp = l.regulator[j];
    const double setting = l.setting[j];
    const double h1 = n.depth[a] + n.invert[a], h2 = n.depth[b] + n.invert[b];
    const double crest = n.invert[a] + l.conduit[j].offset1;
    pipe::RegulatorFlow r;
    const bool b_gated =
        n.params[b].kind == pipe::NodeKind::Outfall && n.outfall_spec[n.outfall[b]].flap_gate;
    const bool reverse_blocked = b_gated && h2 > h1;
    if (setting == 0.0 || reverse_blocked) {
      r = pipe::RegulatorFlow{};
    } else if (kind == LinkKind::Conduit) {  // dummy: passes what reaches its inlet
      r.q = n.inflow[a] + n.overflow[a];
      const double lim = l.conduit[j].q_limit;
      if (lim > 0.0 && r.q > lim) r.q = lim;
      r.flow_class = pipe::kSubcritical;
    } else if (kind == LinkKind::Pump) {
      pipe::PumpInlet in;
      in.depth = n.depth[a];
      in.volume = n.volume[a];
      in.lift = h2 - h1;
      in.available = n.inflow[a] + n.overflow[a];
      r = pipe::pump_flow(rp.pump, s.curve(rp.curve), setting, in);
      r.q = limit_pump_to_inlet(a, rp.pump.kind, r.q);
    } else if (kind == LinkKind::Orifice) {
      r = pipe::orifice_flow(rp.orifice, l.xsect[j], s.tables, setting, crest, h1, h2, n.depth[a],
                             n.depth[b]);
    } else if (kind == LinkKind::Weir) {
      r = pipe::weir_flow(rp.weir, l.xsect[j], s.tables, setting, crest, h1, h2, s.curve(rp.curve));
    } else {
      r = pipe::outlet_flow(rp.outlet, s.curve(rp.curve), setting, crest, h1, h2, n.depth[a],
                            n.depth[b]);
    }
    double sa1 = kind == LinkKind::Orifice ? r.surf_area / 2.0 : 0.0, sa2 = sa1;
    if (r.flow_class == pipe::kUpCritical || n.params[a].kind == pipe::NodeKind::Storage) sa1 = 0.0;
    if (r.flow_class == pipe::kDnCritical || n.params[b].kind == pipe::NodeKind::Storage) sa2 = 0.0;
    double q = r.q;
    if (trial > 0 && kind != LinkKind::Pump) {
      const double q_last = l.flow[j];
      q = (1.0 - pipe::kOmega) * q_last + pipe::kOmega * q;
      if (q * q_last < 0.0)
        q = 0.001 * pipe::kFtToM * pipe::kFtToM * pipe::kFtToM * (q < 0.0 ? -1.0 : 1.0);
    }
    l.flow[j] = q;
    l.dqdh[j] = r.dqdh;
    l.depth[j] = r.depth;
    l.flow_class[j] = r.flow_class;
    l.surf1[j] = sa1;
    l.surf2[j] = sa2;
  }

  /// A pump cannot draw its inlet below empty (SWMM getModPumpFlow / node_getMaxOutflow).
  SF_HD double limit_pump_to_inlet(int a, pipe::PumpKind kind, double q) const {
    if (q == 0.0) return q;
    const pipe::NodeParams& p = n.params[a];
    if (p.kind == pipe::NodeKind::Storage || kind == pipe::PumpKind::Type1) {
      if (p.full_volume > 0.0) {
        const double q_max = n.inflow[a] + n.volume_old[a] / dt;
        if (q > q_max) q = q_max;
      }
      return q > 0.0 ? q : 0.0;
    }
    if (kind == pipe::PumpKind::Type2 || kind == pipe::PumpKind::Type3 ||
        kind == pipe::PumpKind::Type4) {
      const double net_in = n.inflow[a] - n.outflow[a] - q;
      const double vol = 0.5 * (n.old_net_inflow[a] + net_in) * dt;
      const double area = n.surf_area[a] > 0.0 ? n.surf_area[a] : 1e-12;
      if (n.depth_old[a] + vol / area <= 0.0) return n.inflow[a];
    }
    return q;
  }
};

/// Completes the node sums with the non-conduit links, then sets the depth of every node:
/// outfalls from their link's flow, the others by pipe::node_trial. Returns 1 when the node's
/// depth changed by more than the head tolerance.
struct UpdateNodes {
  NodeView n;
  LinkView l;
  SharedView s;
  int trial;
  double dt;
  SF_HD int operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    double in = n.inflow[i], out = n.outflow[i], area = n.surf_area[i], dqdh = n.sumdqdh[i];
    for (int e = n.sum_split[i]; e < n.sum_start[i + 1]; ++e)
      add_link_to_node(l, n.sum_link[e], &in, &out, &area, &dqdh);
    n.inflow[i] = in;
    n.outflow[i] = out;
    n.surf_area[i] = area;
    n.sumdqdh[i] = dqdh;
    const pipe::NodeParams& p = n.params[i];
    if (p.kind == pipe::NodeKind::Outfall) {
      set_outfall_depth(i);
      return 0;
    }
    pipe::NodeFlows f{in, out, area, dqdh};
    pipe::NodeState st;
    st.y_old = n.depth_old[i];
    st.y_last = n.depth[i];
    st.old_volume = n.volume_old[i];
    st.old_net_inflow = n.old_net_inflow[i];
    st.old_surf_area = n.old_surf_area[i];
    const bool extran = s.options.surcharge == pipe::Surcharge::Extran;
    const pipe::NodeResult r = pipe::node_trial(p, s.curve(n.curve[i]), f, st, s.allow_ponding,
                                                extran, s.min_surf_area, trial, pipe::kOmega, dt);
    n.depth[i] = r.depth;
    n.volume[i] = r.volume;
    n.overflow[i] = r.overflow;
    n.old_surf_area[i] = r.old_surf_area;
    n.dydt[i] = r.dydt;
    const bool ok = abs_of(st.y_last - r.depth) <= s.head_tolerance;
    n.converged[i] = ok ? 1 : 0;
    return ok ? 0 : 1;
  }

  SF_HD void set_outfall_depth(int i) const {
    if (n.adj_start[i + 1] == n.adj_start[i]) return;
    // SWMM's link loop leaves the last connected link in charge
    const int j = n.adj_link[n.adj_start[i + 1] - 1];
    const bool at_end2 = l.node2[j] == i;
    const double z = at_end2 ? l.conduit[j].offset2 : l.conduit[j].offset1;
    const OutfallSpec& o = n.outfall_spec[n.outfall[i]];
    // outfall_depth reads the normal depth of a NORMAL outfall, min(y_norm, y_crit) of every
    // other, and neither for a FREE or NORMAL one whose conduit enters above its invert: only
    // the roots that count are solved (smaller_depth gives min_of of the two exactly)
    double y_norm = 0.0, y_crit = 0.0;
    const bool above_invert =
        z > 0.0 && (o.kind == pipe::OutfallKind::Free || o.kind == pipe::OutfallKind::Normal);
    if (l.kind[j] == LinkKind::Conduit && !l.dummy[j] && !above_invert) {
      const pipe::Xsect& x = l.xsect[j];
      const double q = abs_of(per_barrel(l.flow[j], l.conduit[j].barrels));
      const pipe::TransitionDepth norm =
          pipe::normal_depth_bound(x, s.tables, l.conduit[j].beta, q);
      if (o.kind == pipe::OutfallKind::Normal) {
        y_norm = pipe::finish(norm, x, s.tables);
      } else {
        y_norm = y_crit =
            pipe::smaller_depth(pipe::critical_depth_bound(x, s.tables, q), norm, x, s.tables);
      }
    }
    n.depth[i] = pipe::outfall_depth(o.kind, n.invert[i], y_norm, y_crit, z, n.stage[i]);
  }
};

/// Flow leaving the system through outfall i at the end of the step (0 while water enters).
SF_HD inline double outfall_discharge(const NodeView& n, int i) {
  return n.outflow[i] == 0.0 ? n.inflow[i] : 0.0;
}

/// Flows leaving the system this step: outfalls and flooding (SWMM node_getSystemOutflow).
struct SystemOutflow {
  NodeView n;
  SF_HD OutflowTotals operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    OutflowTotals t;
    if (n.params[i].kind == pipe::NodeKind::Outfall) {
      if (n.outflow[i] == 0.0)
        t.outfall = outfall_discharge(n, i);
      else if (n.inflow[i] == 0.0)
        t.backflow = n.outflow[i];
    } else if (n.volume[i] <= n.params[i].full_volume) {
      t.flooding = n.overflow[i];
    }
    if (n.coupled_inflow) t.coupled = n.coupled_inflow[i];
    return t;
  }
};

/// 1D-2D coupling: the volume through each outfall, booked over the step like the ledger books
/// the system outflow (trapezoid of the end-of-step rates), so a coupler that moves it onto the
/// surface keeps the coupled continuity exact.
struct BookOutfallVolumes {
  NodeView n;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    if (n.params[i].kind != pipe::NodeKind::Outfall) return;
    const double q = outfall_discharge(n, i);
    n.outfall_booked[i] += 0.5 * (n.outfall_rate_last[i] + q) * dt;
    n.outfall_rate_last[i] = q;
  }
};

/// Largest stable step of a conduit (Courant condition, Rossman 2017, eq. 3-18), as -t so a
/// max-reduction yields the minimum.
struct NegLinkCourantStep {
  LinkView l;
  double courant;
  double t_max;
  SF_HD double operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    if (l.kind[j] != LinkKind::Conduit) return -t_max;
    const pipe::ConduitParams& c = l.conduit[j];
    const double q = per_barrel(abs_of(l.flow[j]), c.barrels);
    if (q <= pipe::kFudgeFlow || l.a1[j] <= pipe::kFudgeArea || l.froude[j] <= 0.01) return -t_max;
    double t = per_barrel(l.volume[j], c.barrels) / q;
    t *= c.mod_length / c.length;
    t *= l.froude[j] / (1.0 + l.froude[j]) * courant;
    return -(t < t_max ? t : t_max);
  }
};

/// Step at which a node would change its depth by a quarter of its crown depth.
struct NegNodeDepthStep {
  NodeView n;
  double t_max;
  SF_HD double operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    const pipe::NodeParams& p = n.params[i];
    if (p.kind == pipe::NodeKind::Outfall) return -t_max;
    const double y = n.depth[i], yc = p.crown_depth;
    if (y <= pipe::kFudge || y + pipe::kFudge >= yc) return -t_max;
    const double max_dy = yc * 0.25;
    if (max_dy < pipe::kFudge || n.dydt[i] < pipe::kFudge) return -t_max;
    const double t = max_dy / n.dydt[i];
    return -(t < t_max ? t : t_max);
  }
};

/// Both limits in one reduction over links then nodes: index k < l.n is link k, the rest node
/// k - l.n. The minimum of all of them and t_max equals SWMM's link limit followed by the node
/// limit under it, since a minimum does not depend on grouping or order.
struct NegStableStep {
  NegLinkCourantStep links;
  NegNodeDepthStep nodes;
  SF_HD double operator()(std::int64_t k) const {
    return k < links.l.n ? links(k) : nodes(k - links.l.n);
  }
};

/// Per-step statistics (SWMM stats.c): maxima, flooding, pump and outfall volumes.
struct UpdateNodeStats {
  NodeView n;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    const pipe::NodeParams& p = n.params[i];
    if (n.depth[i] > n.max_depth[i]) n.max_depth[i] = n.depth[i];
    if (n.inflow[i] > n.max_inflow[i]) n.max_inflow[i] = n.inflow[i];
    if (p.kind != pipe::NodeKind::Outfall) {
      if (n.volume[i] > p.full_volume || n.overflow[i] > 0.0) {
        n.time_flooded[i] += dt;
        n.flood_volume[i] += n.overflow[i] * dt;
      }
    } else {
      n.outfall_volume[i] += n.inflow[i] * dt;
    }
  }
};

struct UpdateLinkStats {
  NodeView n;
  LinkView l;
  SharedView s;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    const double q = abs_of(l.flow[j]);
    if (q > l.max_flow[j]) l.max_flow[j] = q;
    if (l.kind[j] == LinkKind::Conduit && !l.dummy[j] && l.depth[j] > 0.01 * pipe::kFtToM) {
      const double a = pipe::area_of_depth(l.xsect[j], s.tables, l.depth[j]);
      if (a > pipe::kFudgeArea) {
        const double v = per_barrel(q, l.conduit[j].barrels) / a;
        if (v > l.max_velocity[j]) l.max_velocity[j] = v;
      }
    }
    if (l.kind[j] == LinkKind::Pump && q > pipe::kMinRunoffFlow) {
      l.pump_volume[j] += q * dt;
      l.time_on[j] += dt;
      if (abs_of(l.flow_old[j]) < pipe::kMinRunoffFlow) l.pump_startups[j] += 1.0;
      if (l.pump_periods[j] == 0.0 || q < l.pump_min_flow[j]) l.pump_min_flow[j] = q;
      l.pump_flow_sum[j] += q;
      l.pump_periods[j] += 1.0;
      if (l.flow_class[j] == pipe::kDnDry) l.pump_off_low[j] += dt;
      if (l.flow_class[j] == pipe::kUpDry) l.pump_off_high[j] += dt;
      const int a = l.node1[j], b = l.node2[j];
      const double lift = (n.invert[b] + n.depth[b]) - (n.invert[a] + n.depth[a]);
      l.pump_energy[j] += pump_power_kw(q, abs_of(lift)) * dt / 3600.0;
    }
  }

  /// Hydraulic power of lifting q through dh, as SWMM 5.2 reports it: its horsepower formula
  /// (q [cfs] * dh [ft] / 8.814, i.e. 62.4 lb/ft³ of water) times 0.7457 kW per hp.
  SF_HD static double pump_power_kw(double q, double dh) {
    constexpr double kCfs = pipe::kFtToM * pipe::kFtToM * pipe::kFtToM;
    return q / kCfs * (dh / pipe::kFtToM) / 8.814 * 0.7457;
  }
};

}  // namespace sf::network
