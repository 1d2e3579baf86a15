// The network as the engine stores it: plain arrays of SI values built from an inp::Model,
// with the input adjustments SWMM 5.2 makes before routing (minimum conduit fall, node full
// depths raised to the highest crown, regulator crests, conduits reversed to a positive slope,
// conduit lengthening). Backend-neutral: the engine copies these arrays to its device.
#pragma once

#include <string>
#include <vector>

#include "inp/model.hpp"
#include "network/xsect_tables.hpp"
#include "pipe/conduit_flow.hpp"
#include "pipe/node_continuity.hpp"
#include "pipe/pump.hpp"
#include "pipe/regulators.hpp"
#include "routing/element_params.hpp"

namespace sf::network {

struct NetworkData {
  // --- nodes
  std::vector<std::string> node_id;
  std::vector<pipe::NodeParams> node;
  std::vector<double> node_invert;      // [m]
  std::vector<double> node_init_depth;  // [m]
  std::vector<int> node_curve;          // storage curve index (-1)
  std::vector<int> node_outfall;        // index into outfall (-1)
  std::vector<OutfallSpec> outfall;
  std::vector<int> outfall_node;
  std::vector<double> node_full_depth_as_written;  // before SWMM's crown adjustment [m]

  // --- links
  std::vector<std::string> link_id;
  std::vector<LinkKind> link_kind;
  std::vector<int> node1, node2;
  std::vector<pipe::Xsect> xsect;
  std::vector<pipe::ConduitParams> conduit;
  std::vector<RegulatorParams> regulator;
  std::vector<double> link_init_flow;     // [m³/s] (after a possible reversal)
  std::vector<double> link_init_setting;  // 0..1 (pumps may start off)
  std::vector<double> link_q_full;        // full normal flow (conduits), largest curve flow (pumps)
  std::vector<double> conduit_slope;      // [-]
  std::vector<bool> is_dummy;

  // --- node -> links table (compressed): links of node i are adj_link[adj_start[i] ..
  // adj_start[i+1]-1]
  std::vector<int> adj_start, adj_link;

  // --- shared tables
  XsectTablePool tables;
  std::vector<double> curve_x, curve_y;
  std::vector<int> curve_start, curve_count;

  // --- options (effective values)
  pipe::ConduitOptions conduit_options;
  bool allow_ponding = false;
  double min_surf_area = 0.0;   // [m²]
  double head_tolerance = 0.0;  // [m]
  int max_trials = 8;
  double routing_step = 0.0;    // fixed or maximum step [s]
  double courant_factor = 0.0;  // VARIABLE_STEP (0 = fixed step)
  double min_step = 0.5;        // [s]
  double rule_step = 0.0;       // RULE_STEP: control rules every this many s (0 = every step)
  double duration = 0.0;        // simulated length [s]
  double report_step = 0.0;     // [s]

  // --- pollutants routed (none when the model has none or sets IGNORE_QUALITY)
  std::vector<double> pollutant_decay;  // first-order decay [1/s]
  std::vector<double> pollutant_init;   // initial concentration in wet nodes and links

  /// Adjustments made (SWMM's warnings), for the report.
  std::vector<std::string> warnings;

  int node_count() const { return static_cast<int>(node.size()); }
  int link_count() const { return static_cast<int>(link_kind.size()); }
  int pollutant_count() const { return static_cast<int>(pollutant_decay.size()); }
  pipe::CurveView curve_view(int c) const {
    if (c < 0) return {};
    return {curve_x.data() + curve_start[c], curve_y.data() + curve_start[c], curve_count[c]};
  }
};

/// The node -> links table as the node sums of a trial walk it: node i's true conduits are
/// links[start[i] .. split[i]-1] and its other links links[split[i] .. start[i+1]-1], each part in
/// the order of adj_link (so the sums add in the same order).
struct NodeLinkSums {
  std::vector<int> start, split;
  std::vector<NodeLink> links;
};
NodeLinkSums node_link_sums(const NetworkData& net);

/// Builds the network from a model read by sf::inp. Throws sf::InputError for inputs the
/// engine cannot route (e.g. unsupported shapes), naming the object.
NetworkData build_network(const inp::Model& model);

/// Recomputes the settings-dependent coefficients of an orifice or weir (after a control
/// action), as SWMM's link_setSetting does.
void update_regulator_coefficients(NetworkData& net, int link, double setting);

}  // namespace sf::network
