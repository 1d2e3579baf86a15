// Per-link and per-outfall parameters of the network as the routing kernels read them on the
// device (host/network/network_data.hpp builds them from an .inp model).
#pragma once

#include "pipe/node_continuity.hpp"
#include "pipe/pump.hpp"
#include "pipe/regulators.hpp"

namespace sf::network {

enum class LinkKind : int { Conduit, Pump, Orifice, Weir, Outlet };

/// Per-link regulator parameters (only the member matching the link kind is used).
struct RegulatorParams {
  pipe::WeirParams weir;
  pipe::OrificeParams orifice;
  pipe::OutletParams outlet;
  pipe::PumpParams pump;
  int curve = -1;  // pump curve, weir coefficient curve or outlet rating curve (-1: none)
};

/// One link in a node's flow sums (element_kernels.hpp, add_link_to_node), with the constants
/// the sums need, so the trial loop reads neither the link's kind nor its parameters.
struct NodeLink {
  int link = 0;
  bool at_end1 = false;   // the node is the link's node1 (else its node2)
  bool adds_dqdh = true;  // false at the outlet end of a TYPE4 pump, as SWMM sums dQ/dH
  double barrels = 1.0;   // a conduit's barrels (1 for other links)
};

/// Outfall boundary of a node.
struct OutfallSpec {
  pipe::OutfallKind kind = pipe::OutfallKind::Free;
  double fixed_stage = 0.0;  // [m]
  int tidal_curve = -1;      // curve index (x in s of day)
  int stage_series = -1;     // time series index
  bool flap_gate = false;
};

}  // namespace sf::network
