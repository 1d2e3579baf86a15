// Pollutant routing over one routing step, after the hydraulics (SWMM 5.2 qualrout.c; Rossman &
// Huber 2016, SWMM Reference Manual Vol. III - Water Quality, ch. 7): every node and conduit is a
// completely mixed reactor with first-order decay; non-storage nodes without volume take the
// flow-weighted mix of their inflows. Concentrations are in the pollutant's own units (mg/L,
// ug/L or #/L); mass rates are concentration x m³/s. Equations: docs/theory/water-quality.md.
// Element-major storage: element e, pollutant p at e * np + p.
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "routing/network_views.hpp"

namespace sf::network {

/// Below these a reactor counts as empty (SWMM: 1 litre, 1 mm).
inline constexpr double kQualZeroVolume = 0.0353147 * 0.3048 * 0.3048 * 0.3048;  // [m³]
inline constexpr double kQualZeroDepth = 0.003281 * 0.3048;                      // [m]
inline constexpr double kQualZeroFlow = 1e-10 * 0.3048 * 0.3048 * 0.3048;        // SWMM ZERO cfs

/// Concentration after first-order decay over dt (explicit, as SWMM): c (1 - k dt), >= 0.
SF_HD inline double decayed_concentration(double c, double k, double dt) {
  if (k == 0.0) return c;
  const double c2 = c * (1.0 - k * dt);
  return c2 > 0.0 ? c2 : 0.0;
}

/// A completely mixed reactor of volume v1 at concentration c receiving mass rate w_in with
/// flow q_in over dt: (c v1 + w_in dt) / (v1 + q_in dt), bounded by c and the inflow's
/// concentration; unchanged without inflow.
SF_HD inline double mixed_concentration(double c, double v1, double w_in, double q_in, double dt) {
  if (q_in <= kQualZeroFlow) return c;
  const double c_in = w_in / q_in;
  const double c_max = c > c_in ? c : c_in;
  double c2 = (c * v1 + w_in * dt) / (v1 + q_in * dt);
  if (c2 > c_max) c2 = c_max;
  return c2 > 0.0 ? c2 : 0.0;
}

/// The quality state on the backend's device (null pointers while np == 0).
struct QualityView {
  int np = 0;                        // pollutants
  const double* decay = nullptr;     // per pollutant [1/s]
  double* node_c = nullptr;          // nn x np, end of step
  double* node_c_old = nullptr;      // nn x np, start of step
  const double* lat_load = nullptr;  // nn x np, lateral mass inflow of the step
  double* link_c = nullptr;          // nl x np
  double* link_c_old = nullptr;      // nl x np
  double* outfall_load = nullptr;    // nn x np, cumulative load through each outfall
  // Ledger terms per element, booked like the flow ledger (half of a step's rate over that step,
  // half over the next): cumulative mass and the rate of the last step.
  double* node_out_mass = nullptr;  // leaving through outfalls and negative lateral flows
  double* node_out_rate = nullptr;
  double* node_flood_mass = nullptr;  // lost with flooding
  double* node_flood_rate = nullptr;
  double* node_reacted_mass = nullptr;  // lost to decay
  double* node_reacted_rate = nullptr;
  double* link_reacted_mass = nullptr;
  double* link_reacted_rate = nullptr;
  double* node_dropped_mass = nullptr;  // left in reactors that ran dry (counted as stored)
  double* link_dropped_mass = nullptr;
};

/// Start of a step: old quality := new quality.
struct BeginQualityStep {
  QualityView q;
  int nn;
  SF_HD void operator()(std::int64_t k) const {
    const std::int64_t node_values = std::int64_t(nn) * q.np;
    if (k < node_values)
      q.node_c_old[k] = q.node_c[k];
    else
      q.link_c_old[k - node_values] = q.link_c[k - node_values];
  }
};

/// Flow a link delivers to node i at the end of the step (0 unless i is downstream of it).
SF_HD inline double link_flow_into(const LinkView& l, int j, int i) {
  const double f = l.flow[j];
  const int down = f < 0.0 ? l.node1[j] : l.node2[j];
  return down == i ? abs_of(f) : 0.0;
}

/// New concentrations of node i (SWMM findStorageQual / findNodeQual), its outfall load and its
/// ledger terms. Links deliver the concentration they had at the start of the step.
struct NodeQuality {
  NodeView n;
  LinkView l;
  QualityView q;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int i = static_cast<int>(k);
    const pipe::NodeParams& par = n.params[i];
    const double lat = n.lat_flow[i];
    double q_in = lat > 0.0 ? lat : 0.0;
    for (int e = n.adj_start[i]; e < n.adj_start[i + 1]; ++e)
      q_in += link_flow_into(l, n.adj_link[e], i);
    const double v1 = n.volume_old[i], v2 = n.volume[i];
    const bool reactor = par.kind == pipe::NodeKind::Storage || v1 > kQualZeroVolume;
    const bool dry = v2 <= kQualZeroVolume || n.depth[i] <= kQualZeroDepth;
    // Flow leaving the system here (SWMM node_getSystemOutflow), and negative lateral flow.
    double q_out = 0.0, q_flood = 0.0;
    if (par.kind == pipe::NodeKind::Outfall) {
      if (n.outflow[i] == 0.0) q_out = n.inflow[i];
    } else if (n.volume[i] <= par.full_volume) {
      q_flood = n.overflow[i];
    }
    if (lat < 0.0) q_out -= lat;
    for (int p = 0; p < q.np; ++p) {
      const std::int64_t ip = std::int64_t(i) * q.np + p;
      double w_in = q.lat_load[ip];
      for (int e = n.adj_start[i]; e < n.adj_start[i + 1]; ++e) {
        const int j = n.adj_link[e];
        w_in += link_flow_into(l, j, i) * q.link_c_old[std::int64_t(j) * q.np + p];
      }
      const double c_old = q.node_c_old[ip];
      double c = 0.0, reacted = 0.0;
      if (reactor) {
        const double c1 = decayed_concentration(c_old, q.decay[p], dt);
        reacted = (c_old - c1) * v1 / dt;
        c = mixed_concentration(c1, v1, w_in, q_in, dt);
        if (dry && q_in <= kQualZeroFlow) {
          q.node_dropped_mass[ip] += c * v2;
          c = 0.0;
        }
      } else if (q_in > kQualZeroFlow) {
        c = w_in / q_in;
      } else {
        c = n.depth[i] > kQualZeroDepth ? c_old : 0.0;
      }
      q.node_c[ip] = c;
      if (par.kind == pipe::NodeKind::Outfall) q.outfall_load[ip] += n.inflow[i] * c * dt;
      book(q.node_out_mass, q.node_out_rate, ip, q_out * c);
      book(q.node_flood_mass, q.node_flood_rate, ip, q_flood * c);
      book(q.node_reacted_mass, q.node_reacted_rate, ip, reacted);
    }
  }

  SF_HD void book(double* mass, double* last_rate, std::int64_t ip, double rate) const {
    mass[ip] += 0.5 * (last_rate[ip] + rate) * dt;
    last_rate[ip] = rate;
  }
};

/// New concentrations of link j (SWMM findLinkQual, dynamic wave): a conduit is a completely
/// mixed reactor fed by its upstream node with the inflow that also explains its change of
/// volume; other links and dummy conduits carry their upstream node's water.
struct LinkQuality {
  NodeView n;
  LinkView l;
  QualityView q;
  double dt;
  SF_HD void operator()(std::int64_t k) const {
    const int j = static_cast<int>(k);
    const int up = l.flow[j] < 0.0 ? l.node2[j] : l.node1[j];
    const bool conduit = l.kind[j] == LinkKind::Conduit && !l.dummy[j];
    const double v1 = l.volume_old[j], v2 = l.volume[j];
    double q_in = abs_of(l.q1[j]) * l.conduit[j].barrels + (v2 - v1) / dt;
    if (q_in < 0.0) q_in = 0.0;
    const bool dry = v2 < kQualZeroVolume || l.depth[j] <= kQualZeroDepth;
    for (int p = 0; p < q.np; ++p) {
      const std::int64_t jp = std::int64_t(j) * q.np + p;
      const double c_up = q.node_c[std::int64_t(up) * q.np + p];
      if (!conduit) {
        q.link_c[jp] = c_up;
        continue;
      }
      const double c_old = q.link_c_old[jp];
      const double c1 = decayed_concentration(c_old, q.decay[p], dt);
      const double reacted = (c_old - c1) * v1 / dt;
      double c = mixed_concentration(c1, v1, c_up * q_in, q_in, dt);
      if (dry) {
        q.link_dropped_mass[jp] += c * v2;
        c = 0.0;
      }
      q.link_c[jp] = c;
      q.link_reacted_mass[jp] += 0.5 * (q.link_reacted_rate[jp] + reacted) * dt;
      q.link_reacted_rate[jp] = reacted;
    }
  }
};

}  // namespace sf::network
