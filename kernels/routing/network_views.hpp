// Struct-of-arrays views of the network state on the backend's device, passed by value into
// the routing kernels (routing/element_kernels.hpp). Plain pointers only.
#pragma once

#include "pipe/conduit_flow.hpp"
#include "pipe/curve.hpp"
#include "routing/element_params.hpp"

namespace sf::network {

struct NodeView {
  int n = 0;
  const pipe::NodeParams* params = nullptr;
  const double* invert = nullptr;
  const int* curve = nullptr;    // storage curve (-1)
  const int* outfall = nullptr;  // outfall index (-1)
  const OutfallSpec* outfall_spec = nullptr;
  const int* adj_start = nullptr;
  const int* adj_link = nullptr;
  // the same table for the node sums (network_data.hpp, NodeLinkSums)
  const int* sum_start = nullptr;
  const int* sum_split = nullptr;
  const NodeLink* sum_link = nullptr;
  // state
  double* depth = nullptr;
  double* depth_old = nullptr;
  double* volume = nullptr;
  double* volume_old = nullptr;
  double* lat_flow = nullptr;
  double* inflow = nullptr;
  double* outflow = nullptr;
  double* inflow_old = nullptr;
  double* overflow = nullptr;
  double* old_net_inflow = nullptr;
  double* surf_area = nullptr;
  double* old_surf_area = nullptr;
  double* sumdqdh = nullptr;
  double* dydt = nullptr;
  double* stage = nullptr;  // outfall stage elevation for this step [m]
  int* converged = nullptr;
  // statistics
  double* max_depth = nullptr;
  double* flood_volume = nullptr;
  double* time_flooded = nullptr;
  double* outfall_volume = nullptr;
  double* max_inflow = nullptr;
  // 1D-2D coupling (null unless nodes are coupled): lateral inflow written by the coupler's
  // device kernels [m³/s], and each outfall's discharge booked as the ledger books it
  double* coupled_inflow = nullptr;
  double* coupled_inflow_old = nullptr;  // [m³/s] the coupled inflow of the previous step
  double* outfall_booked = nullptr;      // [m³] since the start, trapezoidal like the ledger
  double* outfall_rate_last = nullptr;   // [m³/s] at the end of the previous step
};

struct LinkView {
  int n = 0;
  const LinkKind* kind = nullptr;
  const int* node1 = nullptr;
  const int* node2 = nullptr;
  const pipe::Xsect* xsect = nullptr;
  const pipe::ConduitParams* conduit = nullptr;
  const RegulatorParams* regulator = nullptr;
  const unsigned char* dummy = nullptr;
  // state
  double* flow = nullptr;
  double* flow_old = nullptr;
  double* depth = nullptr;
  double* depth_old = nullptr;
  double* volume = nullptr;
  double* volume_old = nullptr;
  double* q1 = nullptr;  // last trial flow per barrel (conduits)
  double* a1 = nullptr;  // mid area of the last trial
  double* a2 = nullptr;  // mid area at the end of the previous step
  double* froude = nullptr;
  double* dqdh = nullptr;
  double* surf1 = nullptr;
  double* surf2 = nullptr;
  double* setting = nullptr;
  int* flow_class = nullptr;
  int* normal_flow = nullptr;
  // statistics
  double* max_flow = nullptr;
  double* max_velocity = nullptr;
  double* pump_volume = nullptr;
  double* pump_startups = nullptr;
  double* time_on = nullptr;
  // pump statistics beyond volume and time on (SWMM's Pumping Summary)
  double* pump_min_flow = nullptr;  // least flow while running (set on the first running step)
  double* pump_flow_sum = nullptr;  // sum of the running steps' flows, for SWMM's step average
  double* pump_periods = nullptr;   // running steps
  double* pump_off_low = nullptr;   // running time below the curve's first point [s]
  double* pump_off_high = nullptr;  // running time beyond the curve's last point [s]
  double* pump_energy = nullptr;    // energy given to the water [kWh]
};

struct SharedView {
  pipe::XsectTables tables;
  const double* curve_x = nullptr;
  const double* curve_y = nullptr;
  const int* curve_start = nullptr;
  const int* curve_count = nullptr;
  pipe::ConduitOptions options;
  bool allow_ponding = false;
  double min_surf_area = 0.0;
  double head_tolerance = 0.0;

  SF_HD pipe::CurveView curve(int c) const {
    if (c < 0) return pipe::CurveView{};
    return pipe::CurveView{curve_x + curve_start[c], curve_y + curve_start[c], curve_count[c]};
  }
};

/// System outflows of one step (summed over nodes by a reduction) [m³/s], and the coupled
/// inflow the step used, so the ledger books exactly what the kernels saw.
struct OutflowTotals {
  double outfall = 0.0;   // leaving through outfalls
  double backflow = 0.0;  // entering through outfalls (counted as external inflow)
  double flooding = 0.0;  // lost from flooded nodes
  double coupled = 0.0;   // net lateral inflow from a 1D-2D coupler (not an outflow)
  SF_HD OutflowTotals operator+(const OutflowTotals& o) const {
    OutflowTotals r;
    r.outfall = outfall + o.outfall;
    r.backflow = backflow + o.backflow;
    r.flooding = flooding + o.flooding;
    r.coupled = coupled + o.coupled;
    return r;
  }
};

}  // namespace sf::network
