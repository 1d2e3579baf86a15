// Builds NetworkData from an inp::Model, applying the input adjustments SWMM 5.2 makes
// (link.c/node.c validation, dynwave_init and flowrout_init), so that results are comparable.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "common/input_error.hpp"
#include "network/network_data.hpp"

namespace sf::network {
namespace {

using inp::LinkType;
using inp::NodeType;

/// build_xsect once per distinct section: it reads only the shape, the four numbers and the
/// SHAPE curve or transect, and a tabulated section scans 400 depths of its section factor,
/// which in a network of thousands of equal pipes costs more than many routing steps.
class XsectBuilds {
 public:
  pipe::Xsect get(const inp::Xsection& xs, const inp::Curve* sc, const inp::Transect* tr,
                  XsectTablePool& pool) {
    for (double g : xs.geom)
      if (!std::isfinite(g)) return build_xsect(xs, sc, tr, pool);  // no NaN in a map key
    const Key key{static_cast<int>(xs.shape), xs.geom, sc, tr};
    const auto it = built_.find(key);
    if (it != built_.end()) return it->second;
    const pipe::Xsect x = build_xsect(xs, sc, tr, pool);  // may throw: nothing is kept
    built_.emplace(key, x);
    return x;
  }

 private:
  using Key = std::tuple<int, std::array<double, 4>, const void*, const void*>;
  std::map<Key, pipe::Xsect> built_;
};

pipe::NodeKind node_kind(NodeType t) {
  switch (t) {
    case NodeType::Junction:
      return pipe::NodeKind::Junction;
    case NodeType::Outfall:
      return pipe::NodeKind::Outfall;
    case NodeType::Storage:
      return pipe::NodeKind::Storage;
    case NodeType::Divider:
      return pipe::NodeKind::Divider;
  }
  return pipe::NodeKind::Junction;
}

void add_curves(const inp::Model& m, NetworkData& net) {
  for (const inp::Curve& c : m.curves) {
    net.curve_start.push_back(static_cast<int>(net.curve_x.size()));
    net.curve_count.push_back(static_cast<int>(c.x.size()));
    net.curve_x.insert(net.curve_x.end(), c.x.begin(), c.x.end());
    net.curve_y.insert(net.curve_y.end(), c.y.begin(), c.y.end());
  }
}

void set_options(const inp::Model& m, NetworkData& net) {
  const inp::Options& o = m.options;
  if (o.routing != inp::RoutingModel::DynWave)
    throw InputError(InputIssue{m.source, 0, "[OPTIONS]", "FLOW_ROUTING",
                                "only DYNWAVE routing is implemented; expected DYNWAVE"});
  auto& co = net.conduit_options;
  co.damping = o.inertial_damping == inp::InertialDamping::None   ? pipe::Damping::None
               : o.inertial_damping == inp::InertialDamping::Full ? pipe::Damping::Full
                                                                  : pipe::Damping::Partial;
  switch (o.normal_flow_limited) {
    case inp::NormalFlowLimited::Slope:
      co.normal_flow = pipe::NormalFlowLimit::Slope;
      break;
    case inp::NormalFlowLimited::Froude:
      co.normal_flow = pipe::NormalFlowLimit::Froude;
      break;
    case inp::NormalFlowLimited::Both:
      co.normal_flow = pipe::NormalFlowLimit::Both;
      break;
    case inp::NormalFlowLimited::None:
      co.normal_flow = pipe::NormalFlowLimit::Neither;
      break;
  }
  const bool slot = o.surcharge_method == inp::SurchargeMethod::Slot;
  co.surcharge = slot ? pipe::Surcharge::Slot : pipe::Surcharge::Extran;
  co.crown_cutoff = slot ? pipe::kSlotCrownCutoff : pipe::kExtranCrownCutoff;
  net.allow_ponding = o.allow_ponding;
  net.min_surf_area = o.effective_min_surfarea_m2 > 0.0 ? o.effective_min_surfarea_m2
                                                        : 12.566 * pipe::kFtToM * pipe::kFtToM;
  net.head_tolerance =
      o.effective_head_tolerance_m > 0.0 ? o.effective_head_tolerance_m : 0.005 * pipe::kFtToM;
  net.max_trials = o.effective_max_trials > 0 ? o.effective_max_trials : 8;
  net.routing_step = o.routing_step_s;
  net.courant_factor = o.variable_step;
  net.min_step = std::max(std::min(o.minimum_step_s, o.routing_step_s), 0.001);
  net.rule_step = o.rule_step_s;
  net.duration = static_cast<double>(o.swmm_duration_s > 0 ? o.swmm_duration_s : o.duration_s);
  net.report_step = o.report_step_s;
  if (!o.ignore_quality)
    for (const inp::Pollutant& p : m.pollutants) {
      net.pollutant_decay.push_back(p.decay_per_s);
      net.pollutant_init.push_back(p.init_concen);
    }
}

void add_nodes(const inp::Model& m, NetworkData& net) {
  const int n = static_cast<int>(m.nodes.size());
  net.node.resize(n);
  net.node_curve.assign(n, -1);
  net.node_outfall.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    const inp::Node& nd = m.nodes[i];
    net.node_id.push_back(nd.id);
    net.node_invert.push_back(nd.invert_elev);
    net.node_init_depth.push_back(nd.init_depth);
    net.node_full_depth_as_written.push_back(nd.max_depth);
    pipe::NodeParams& p = net.node[i];
    p.kind = node_kind(nd.type);
    p.full_depth = nd.max_depth;
    p.sur_depth = nd.surcharge_depth;
    p.ponded_area = nd.ponded_area;
    if (nd.type == NodeType::Storage) {
      const inp::Storage& s = m.storages[nd.detail];
      switch (s.shape) {
        case inp::StorageShape::Tabular:
          p.storage.shape = pipe::StorageShape::Tabular;
          net.node_curve[i] = s.area_curve;
          break;
        case inp::StorageShape::Functional:
          p.storage.shape = pipe::StorageShape::Functional;
          break;
        default:
          p.storage.shape = pipe::StorageShape::Polynomial;
      }
      p.storage.a0 = s.a0;
      p.storage.a1 = s.a1;
      p.storage.a2 = s.a2;
    }
    if (nd.type == NodeType::Outfall) {
      const inp::Outfall& o = m.outfalls[nd.detail];
      OutfallSpec spec;
      spec.kind = static_cast<pipe::OutfallKind>(static_cast<int>(o.type));
      spec.fixed_stage = o.fixed_stage;
      spec.tidal_curve = o.tidal_curve;
      spec.stage_series = o.stage_series;
      spec.flap_gate = o.flap_gate;
      net.node_outfall[i] = static_cast<int>(net.outfall.size());
      net.outfall.push_back(spec);
      net.outfall_node.push_back(i);
    }
  }
}

/// Slope of a conduit with SWMM's minimum fall; negative when the outlet end is higher.
double conduit_slope(double length, double elev1, double elev2, std::vector<std::string>& warn,
                     const std::string& id, double min_slope) {
  double delta = std::fabs(elev1 - elev2);
  if (delta < pipe::kMinDeltaZ) {
    warn.push_back("WARNING 04: minimum elevation drop used for Conduit " + id);
    delta = pipe::kMinDeltaZ;
  }
  double slope =
      delta >= length ? delta / length : delta / std::sqrt(length * length - delta * delta);
  if (min_slope > 0.0 && slope < min_slope) slope = min_slope;
  return elev1 < elev2 ? -slope : slope;
}

void add_conduit(const inp::Model& m, int j, NetworkData& net) {
  const inp::Link& l = m.links[j];
  const inp::Conduit& c = m.conduits[l.detail];
  pipe::ConduitParams& cp = net.conduit[j];
  pipe::Xsect& x = net.xsect[j];
  const inp::Xsection* xs = l.xsection >= 0 ? &m.xsections[l.xsection] : nullptr;
  cp.barrels = xs ? xs->barrels : 1;
  double length = c.length;
  double roughness = c.roughness;
  double length_factor_meander = 1.0;
  if (x.shape == pipe::Shape::Irregular) {
    const inp::Transect& t = m.transects[xs->transect];
    roughness = t.n_channel;
    length_factor_meander = t.meander > 0.0 ? t.meander : 1.0;
    length = c.length / length_factor_meander;
    roughness *= std::sqrt(length_factor_meander);
  }
  if (x.shape == pipe::Shape::FilledCircular) {
    net.link_init_flow[j] = l.init_flow;
  }
  double off1 = std::max(0.0, l.offset1), off2 = std::max(0.0, l.offset2);
  if (l.offset1 < 0.0 || l.offset2 < 0.0)
    net.warnings.push_back("WARNING 03: negative offset ignored for Link " + l.id);
  if (x.shape == pipe::Shape::FilledCircular) {
    off1 += xs->geom[1];
    off2 += xs->geom[1];
  }
  int n1 = l.node1, n2 = l.node2;
  double slope = conduit_slope(length, net.node_invert[n1] + off1, net.node_invert[n2] + off2,
                               net.warnings, l.id, m.options.min_slope);
  double k_in = 0.0, k_out = 0.0, k_avg = 0.0;
  bool flap = false;
  if (l.losses >= 0) {
    const inp::Losses& ls = m.losses[l.losses];
    k_in = ls.k_entry;
    k_out = ls.k_exit;
    k_avg = ls.k_avg;
    flap = ls.flap_gate;
  }
  double q0 = l.init_flow;
  cp.direction = 1;
  if (slope < 0.0 && x.shape != pipe::Shape::Dummy) {
    std::swap(n1, n2);
    std::swap(off1, off2);
    std::swap(k_in, k_out);
    slope = -slope;
    cp.direction = -1;
    q0 = -q0;
  }
  net.node1[j] = n1;
  net.node2[j] = n2;
  cp.offset1 = off1;
  cp.offset2 = off2;
  cp.k_entry = k_in;
  cp.k_exit = k_out;
  cp.k_avg = k_avg;
  cp.flap_gate = flap;
  cp.length = length;
  cp.q_limit = l.max_flow;
  // force mains: equivalent Manning n when part full, their own law when full
  if (x.shape == pipe::Shape::ForceMain) {
    const double d = x.y_full, rough = xs->geom[1];
    if (m.options.force_main_equation == inp::ForceMainEquation::HazenWilliams) {
      cp.law = pipe::FrictionLaw::HazenWilliams;
      roughness = 1.067 / rough * std::pow(d / pipe::kFtToM / slope, 0.04);
    } else {
      cp.law = pipe::FrictionLaw::DarcyWeisbach;
      cp.fm_roughness = rough;
      const double f = pipe::darcy_friction_factor(rough, d / 4.0, 1.0e12);
      roughness = std::sqrt(f / 185.0) * std::pow(d / pipe::kFtToM, 1.0 / 6.0);
    }
  }
  // conduit lengthening for numerical stability (Rossman 2017, section 3.4.5)
  double length_factor = 1.0;
  const double lstep = m.options.lengthening_step_s;
  if (lstep > 0.0 && x.shape != pipe::Shape::Dummy) {
    double y = x.y_full;
    if (x.open) y = x.a_full / pipe::width_of_depth(x, net.tables.view(), x.y_full);
    const double v_full = x.s_full * std::sqrt(std::fabs(slope)) / roughness / x.a_full;
    const double t = std::min(m.options.routing_step_s, lstep);
    length_factor = std::max(1.0, (std::sqrt(pipe::kGravity * y) + v_full) * t / length);
  }
  cp.mod_length = length * length_factor;
  if (length_factor != 1.0) {
    slope /= length_factor;
    roughness /= std::sqrt(length_factor);
  }
  if (cp.law == pipe::FrictionLaw::HazenWilliams) {
    // g / (k C lf^0.54)^1.852 with k = 0.849 in SI (1.318 in US units)
    cp.fm_factor =
        pipe::kGravity / std::pow(0.849 * xs->geom[1] * std::pow(length_factor, 0.54), 1.852);
  } else if (cp.law == pipe::FrictionLaw::DarcyWeisbach) {
    cp.fm_factor = 1.0 / 8.0 / length_factor;
  }
  cp.rough_factor = pipe::kGravity * roughness * roughness;
  cp.beta = x.shape == pipe::Shape::Dummy ? 0.0 : std::sqrt(std::fabs(slope)) / roughness;
  net.conduit_slope[j] = slope;
  net.link_init_flow[j] = q0;
  net.link_q_full[j] = x.s_full * cp.beta;
  net.is_dummy[j] = x.shape == pipe::Shape::Dummy;
  if (xs && xs->culvert_code > 0)
    net.warnings.push_back("culvert inlet control is not simulated for Conduit " + l.id);
}

void add_regulator(const inp::Model& m, int j, NetworkData& net) {
  const inp::Link& l = m.links[j];
  RegulatorParams& r = net.regulator[j];
  pipe::ConduitParams& cp = net.conduit[j];
  const pipe::Xsect& x = net.xsect[j];
  net.node1[j] = l.node1;
  net.node2[j] = l.node2;
  cp.offset1 = std::max(0.0, l.offset1);
  cp.offset2 = cp.offset1;
  const double eq_length =
      std::max(pipe::kMinRegulatorLength,
               2.0 * m.options.routing_step_s * std::sqrt(pipe::kGravity * x.y_full));
  const auto t = net.tables.view();
  switch (l.type) {
    case LinkType::Pump: {
      const inp::Pump& p = m.pumps[l.detail];
      cp.offset1 = cp.offset2 = 0.0;
      r.pump.kind = static_cast<pipe::PumpKind>(static_cast<int>(p.kind));
      r.curve = p.curve;
      r.pump.startup_depth = p.startup_depth;
      r.pump.shutoff_depth = p.shutoff_depth;
      if (p.curve >= 0) {
        const inp::Curve& c = m.curves[p.curve];
        r.pump.x_min = c.x.front();
        r.pump.x_max = c.x.back();
        r.pump.q_full = *std::max_element(c.y.begin(), c.y.end());
        if (r.pump.kind == pipe::PumpKind::Type1 && m.nodes[l.node1].type != NodeType::Storage) {
          pipe::NodeParams& n1 = net.node[l.node1];
          n1.full_volume = std::max(n1.full_volume, r.pump.x_max);
        }
      }
      net.link_q_full[j] = r.pump.q_full;
      net.link_init_setting[j] = p.initially_on ? 1.0 : 0.0;
      return;
    }
    case LinkType::Orifice: {
      const inp::Orifice& o = m.orifices[l.detail];
      if (x.shape != pipe::Shape::Circular && x.shape != pipe::Shape::RectClosed)
        throw InputError(InputIssue{m.source, l.line, "[ORIFICES]", l.id,
                                    "orifice shape must be CIRCULAR or RECT_CLOSED"});
      r.orifice.kind =
          o.type == inp::OrificeType::Bottom ? pipe::OrificeKind::Bottom : pipe::OrificeKind::Side;
      r.orifice.cd = o.discharge_coeff;
      r.orifice.flap_gate = o.flap_gate;
      r.orifice.open_rate = o.close_time_s;
      r.orifice.eq_length = eq_length;
      pipe::orifice_coefficients(&r.orifice, x, t, 1.0);
      break;
    }
    case LinkType::Weir: {
      const inp::Weir& w = m.weirs[l.detail];
      r.weir.kind = static_cast<pipe::WeirKind>(static_cast<int>(w.type));
      r.weir.cd = w.discharge_coeff;
      r.weir.cd2 = w.end_discharge_coeff;
      r.weir.end_contractions = w.end_contractions;
      r.weir.can_surcharge = w.can_surcharge;
      r.weir.flap_gate = w.flap_gate;
      r.weir.eq_length = eq_length;
      r.curve = w.coeff_curve;
      if (r.weir.kind == pipe::WeirKind::VNotch) r.weir.side_slope = x.p1;
      if (r.weir.kind == pipe::WeirKind::Trapezoidal) r.weir.side_slope = x.p1;
      r.weir.c_surcharge = pipe::weir_surcharge_coeff(r.weir, x, t, 1.0, r.weir.cd);
      if (r.weir.kind == pipe::WeirKind::Roadway)
        net.warnings.push_back("ROADWAY weir " + l.id +
                               " is routed as a broad-crested transverse weir");
      break;
    }
    case LinkType::Outlet: {
      const inp::Outlet& o = m.outlets[l.detail];
      r.outlet.coeff = o.coeff;
      r.outlet.exponent = o.exponent;
      r.outlet.head_based = o.rating == inp::OutletRating::FunctionalHead ||
                            o.rating == inp::OutletRating::TabularHead;
      r.outlet.flap_gate = o.flap_gate;
      r.curve = o.rating_curve;
      break;
    }
    default:
      break;
  }
  // a regulator crest below the downstream invert is raised to it (SWMM WARNING 10)
  const double crest = net.node_invert[l.node1] + cp.offset1;
  if (crest < net.node_invert[l.node2]) {
    cp.offset1 = net.node_invert[l.node2] - net.node_invert[l.node1];
    cp.offset2 = cp.offset1;
    net.warnings.push_back("WARNING 10: crest of " + l.id + " raised to the outlet invert");
  }
}

void add_links(const inp::Model& m, NetworkData& net) {
  const int n = static_cast<int>(m.links.size());
  net.link_kind.resize(n);
  net.node1.resize(n);
  net.node2.resize(n);
  net.xsect.resize(n);
  net.conduit.resize(n);
  net.regulator.resize(n);
  net.link_init_flow.assign(n, 0.0);
  net.link_init_setting.assign(n, 1.0);
  net.link_q_full.assign(n, 0.0);
  net.conduit_slope.assign(n, 0.0);
  net.is_dummy.assign(n, false);
  std::vector<InputIssue> issues;
  XsectBuilds sections;
  for (int j = 0; j < n; ++j) {
    const inp::Link& l = m.links[j];
    net.link_id.push_back(l.id);
    net.link_kind[j] = static_cast<LinkKind>(static_cast<int>(l.type));
    if (l.xsection >= 0) {
      const inp::Xsection& xs = m.xsections[l.xsection];
      try {
        const inp::Curve* sc = xs.shape_curve >= 0 ? &m.curves[xs.shape_curve] : nullptr;
        const inp::Transect* tr = xs.transect >= 0 ? &m.transects[xs.transect] : nullptr;
        net.xsect[j] = sections.get(xs, sc, tr, net.tables);
      } catch (const std::invalid_argument& e) {
        issues.push_back(InputIssue{m.source, l.line, "[XSECTIONS]", l.id, e.what()});
        continue;
      }
    } else if (l.type != LinkType::Pump && l.type != LinkType::Outlet) {
      issues.push_back(InputIssue{m.source, l.line, "[XSECTIONS]", l.id,
                                  "link has no cross section; expected a line in [XSECTIONS]"});
      continue;
    }
    if (l.type == LinkType::Conduit)
      add_conduit(m, j, net);
    else
      add_regulator(m, j, net);
  }
  if (!issues.empty()) throw InputError(issues);
}

/// The layout rules of EPA SWMM 5.2's dynamic-wave validation (flowrout.c validateGeneralLayout,
/// toposort.c checkDummyLinks), on the links as written (before adverse conduits are reversed):
/// an outfall has at most one link, whatever its kind and direction (ERROR 141); a dummy conduit
/// or an ideal pump is the only link leaving its inlet node (ERROR 134), and does not leave a node
/// whose inflows all come through such links (ERROR 134). Without them an outfall's routed
/// outflow is booked once per link and the continuity error runs to hundreds of percent.
void check_layout(const inp::Model& m) {
  const std::size_t nn = m.nodes.size();
  const auto is_outfall = [&](int i) { return m.nodes[i].type == NodeType::Outfall; };
  const auto is_dummy_or_ideal = [&](const inp::Link& l) {
    if (l.type == LinkType::Pump) return m.pumps[l.detail].kind == inp::PumpCurveKind::Ideal;
    return l.type == LinkType::Conduit && l.xsection >= 0 &&
           m.xsections[l.xsection].shape == inp::XsectShape::Dummy;
  };
  std::vector<std::vector<std::string>> outfall_links(nn), leaving(nn);
  std::vector<int> dummy_inflow(nn, 0);  // 1: all inflow links dummy/ideal, -1: some are not
  for (const inp::Link& l : m.links) {
    if (is_outfall(l.node1)) outfall_links[l.node1].push_back(l.id);
    if (is_outfall(l.node2) && l.node2 != l.node1) outfall_links[l.node2].push_back(l.id);
    leaving[is_outfall(l.node1) ? l.node2 : l.node1].push_back(l.id);
    int& mark = dummy_inflow[l.node2];
    mark = is_dummy_or_ideal(l) ? (mark == 0 ? 1 : mark) : -1;
  }
  std::vector<InputIssue> issues;
  const auto join = [](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
  };
  for (std::size_t i = 0; i < nn; ++i)
    if (outfall_links[i].size() > 1)
      issues.push_back(InputIssue{
          m.source, m.nodes[i].line, "[OUTFALLS]", m.nodes[i].id,
          "outfall has " + std::to_string(outfall_links[i].size()) + " links (" +
              join(outfall_links[i]) +
              "); expected one inlet link and no outlet link (EPA SWMM ERROR 141): join the "
              "inlets at a junction upstream of the outfall"});
  for (const inp::Link& l : m.links) {
    if (!is_dummy_or_ideal(l)) continue;
    const std::string what = l.type == LinkType::Pump ? "ideal pump" : "dummy conduit";
    const inp::Node& from = m.nodes[l.node1];
    if (leaving[l.node1].size() > 1)
      issues.push_back(InputIssue{m.source, l.line, "", l.id,
                                  what + " leaves node " + from.id + " with other links (" +
                                      join(leaving[l.node1]) +
                                      "); expected it to be the only link leaving its inlet "
                                      "node (EPA SWMM ERROR 134)"});
    else if (dummy_inflow[l.node1] > 0)
      issues.push_back(InputIssue{m.source, l.line, "", l.id,
                                  what + " leaves node " + from.id +
                                      ", whose inflow links are all dummy conduits or ideal "
                                      "pumps; expected a real link between them (EPA SWMM "
                                      "ERROR 134)"});
  }
  if (!issues.empty()) throw InputError(issues);
}

/// An initial depth above the node's full depth (after raising it to the crown of its links) plus
/// its surcharge depth is refused, as EPA SWMM 5.2 does (node.c node_validate, ERROR 138): the
/// water above would appear from nowhere and break the routing continuity.
void check_initial_depths(const inp::Model& m, const NetworkData& net) {
  std::vector<InputIssue> issues;
  for (int i = 0; i < net.node_count(); ++i) {
    const pipe::NodeParams& p = net.node[i];
    const double y0 = net.node_init_depth[i], top = p.full_depth + p.sur_depth;
    if (y0 <= top) continue;
    const inp::Node& nd = m.nodes[i];
    const char* section = nd.type == NodeType::Storage   ? "[STORAGE]"
                          : nd.type == NodeType::Divider ? "[DIVIDERS]"
                          : nd.type == NodeType::Outfall ? "[OUTFALLS]"
                                                         : "[JUNCTIONS]";
    std::ostringstream msg;
    msg << "initial depth " << y0 << " m is above the node's full depth " << p.full_depth
        << " m plus its surcharge depth " << p.sur_depth << " m; expected at most " << top
        << " m (EPA SWMM ERROR 138)";
    issues.push_back(InputIssue{m.source, nd.line, section, nd.id, msg.str()});
  }
  if (!issues.empty()) throw InputError(issues);
}

/// Depth of a node's highest crown above its invert [m]. The crown elevation is invert + offset +
/// height, so the difference can come out an ulp below a full depth that was written as, or
/// raised to, that same crown; a node flooded at its full depth would then count as above its
/// crown and take EXTRAN's surcharge update instead of the free-surface one. A crown within
/// round-off of the full depth is the full depth (SWMM, computing in the model's units, has
/// the crown at or above the full depth in every node of the shared models where they meet).
double crown_depth_at(double crown_elev, double invert, double full_depth) {
  const double d = crown_elev - invert;
  return d < full_depth && full_depth - d <= 1e-12 * full_depth ? full_depth : d;
}

/// Node full depths raised to the crown of their links, crown depths, degrees, volumes.
void finish_nodes(const inp::Model& m, NetworkData& net) {
  const int nn = net.node_count(), nl = net.link_count();
  std::vector<double> crown(nn);
  for (int i = 0; i < nn; ++i) crown[i] = net.node_invert[i];
  for (int j = 0; j < nl; ++j) {
    const double yf = net.link_kind[j] == LinkKind::Pump ? 0.0 : net.xsect[j].y_full;
    const int a = net.node1[j], b = net.node2[j];
    crown[a] = std::max(crown[a], net.node_invert[a] + net.conduit[j].offset1 + yf);
    crown[b] = std::max(crown[b], net.node_invert[b] + net.conduit[j].offset2 + yf);
    // full depth at least the crown (non-storage nodes, or closed storage units)
    const bool bottom_orifice = net.link_kind[j] == LinkKind::Orifice &&
                                net.regulator[j].orifice.kind == pipe::OrificeKind::Bottom;
    if (net.link_kind[j] == LinkKind::Pump || bottom_orifice) continue;
    pipe::NodeParams& p1 = net.node[a];
    if (p1.kind != pipe::NodeKind::Storage || p1.sur_depth > 0.0)
      p1.full_depth = std::max(p1.full_depth, net.conduit[j].offset1 + yf);
    pipe::NodeParams& p2 = net.node[b];
    if ((p2.kind != pipe::NodeKind::Storage || p2.sur_depth > 0.0) &&
        net.link_kind[j] == LinkKind::Conduit)
      p2.full_depth = std::max(p2.full_depth, net.conduit[j].offset2 + yf);
  }
  std::vector<int> out_degree(nn, 0), in_links(nn, 0);
  for (int j = 0; j < nl; ++j) {
    int up = net.node1[j];
    if (net.node[up].kind == pipe::NodeKind::Outfall) up = net.node2[j];
    out_degree[up]++;
    int down = net.node1[j];
    if (net.node[down].kind != pipe::NodeKind::Outfall) down = net.node2[j];
    in_links[down]++;
  }
  for (int i = 0; i < nn; ++i) {
    pipe::NodeParams& p = net.node[i];
    p.crown_depth = crown_depth_at(crown[i], net.node_invert[i], p.full_depth);
    p.upstream_terminal = in_links[i] == 0 && out_degree[i] > 0;
    if (p.full_depth > net.node_full_depth_as_written[i] && net.node_full_depth_as_written[i] > 0.0)
      net.warnings.push_back("WARNING 02: maximum depth increased for Node " + net.node_id[i]);
    // storage units: volume at full depth; junctions keep a full volume only as TYPE1 wet wells
    if (p.kind == pipe::NodeKind::Storage) {
      const double fv = p.full_volume;
      p.full_volume = 0.0;
      p.full_volume = pipe::node_volume(p, net.curve_view(net.node_curve[i]), p.full_depth);
      if (fv > p.full_volume) p.full_volume = fv;
    }
  }
  check_initial_depths(m, net);
  // compressed node -> links table
  net.adj_start.assign(nn + 1, 0);
  for (int j = 0; j < nl; ++j) {
    net.adj_start[net.node1[j] + 1]++;
    if (net.node2[j] != net.node1[j]) net.adj_start[net.node2[j] + 1]++;
  }
  for (int i = 0; i < nn; ++i) net.adj_start[i + 1] += net.adj_start[i];
  net.adj_link.assign(net.adj_start[nn], -1);
  std::vector<int> fill(net.adj_start.begin(), net.adj_start.end() - 1);
  for (int j = 0; j < nl; ++j) {
    net.adj_link[fill[net.node1[j]]++] = j;
    if (net.node2[j] != net.node1[j]) net.adj_link[fill[net.node2[j]]++] = j;
  }
}

}  // namespace

NetworkData build_network(const inp::Model& model) {
  NetworkData net;
  set_options(model, net);
  add_curves(model, net);
  check_layout(model);
  add_nodes(model, net);
  add_links(model, net);
  finish_nodes(model, net);
  return net;
}

NodeLinkSums node_link_sums(const NetworkData& net) {
  const int nn = net.node_count();
  NodeLinkSums s;
  s.start.assign(net.adj_start.begin(), net.adj_start.end());
  s.split.assign(nn, 0);
  s.links.reserve(net.adj_link.size());
  for (int i = 0; i < nn; ++i) {
    for (int pass = 0; pass < 2; ++pass) {  // true conduits first, then the other links
      if (pass == 1) s.split[i] = static_cast<int>(s.links.size());
      for (int e = net.adj_start[i]; e < net.adj_start[i + 1]; ++e) {
        const int j = net.adj_link[e];
        const bool conduit = net.link_kind[j] == LinkKind::Conduit;
        if ((conduit && !net.is_dummy[j]) != (pass == 0)) continue;
        NodeLink k;
        k.link = j;
        k.at_end1 = net.node1[j] == i;
        k.adds_dqdh = k.at_end1 || !(net.link_kind[j] == LinkKind::Pump &&
                                     net.regulator[j].pump.kind == pipe::PumpKind::Type4);
        k.barrels = conduit ? net.conduit[j].barrels : 1.0;
        s.links.push_back(k);
      }
    }
  }
  return s;
}

void update_regulator_coefficients(NetworkData& net, int j, double setting) {
  const auto t = net.tables.view();
  RegulatorParams& r = net.regulator[j];
  if (net.link_kind[j] == LinkKind::Orifice) {
    pipe::orifice_coefficients(&r.orifice, net.xsect[j], t, setting);
  } else if (net.link_kind[j] == LinkKind::Weir) {
    if (!r.weir.can_surcharge || r.weir.kind == pipe::WeirKind::Roadway) return;
    r.weir.c_surcharge = pipe::weir_surcharge_coeff(r.weir, net.xsect[j], t, setting, r.weir.cd);
  }
}

}  // namespace sf::network
