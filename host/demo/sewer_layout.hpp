// The storm sewer laid under the demo catchment's streets, as plain data: nodes with rim and
// invert, pipes with size and end inverts, the pump station. Built by lay_out_demo_sewer from the
// catchment's rasters alone (deterministic); the layout rules are in docs/coupling.md.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo_dem.hpp"

namespace sf::couple {

/// Design choices of the demo sewer (SI). Defaults are documented in docs/coupling.md.
struct UrbanNetworkOptions {
  double design_rain_mm_per_h = 36.0;     // 100 L/(s ha), a 15-min, 1-year design rain order
  double runoff_coeff_impervious = 0.90;  // roads, roofs, paving (-)
  double runoff_coeff_pervious = 0.15;    // gardens, parks (-)
  double manning_n = 0.013;               // concrete pipes (s m^-1/3)
  double cover = 1.0;                     // ground to pipe crown at the upstream manhole (m)
  double min_slope = 0.002;               // self-cleansing minimum fall (m/m)
  double min_diameter = 0.300;            // smallest sewer (m)
  double lead_diameter = 0.300;           // smallest gully lead (m)
  double lead_slope = 0.01;               // gully lead fall (m/m)
  double inlet_depth = 1.0;               // gully pot: rim to invert (m)
  double pump_min_cycle_s = 600.0;        // at most 6 starts per hour
  double pump_stop_depth = 0.3;           // wet-well depth where the pump stops (m)
  double pump_band = 1.0;                 // start level above the stop level (m)
  double duration_s = 6.0 * 3600.0;       // simulated time written to [OPTIONS] (s)
  double routing_step_s = 5.0;            // largest routing step (s), variable steps below it
  // Runoff time step while it rains (WET_STEP). SWMM books a subcatchment's runoff volume as the
  // end-of-step rate times the step, so a step long against the subcatchments' response leaves a
  // runoff continuity error: -0.92 % at 5 min, -0.04 % at 1 min on the demo subcatchments
  // (docs/capacity.md). Only network_runoff.inp has subcatchments; it is written with 60 s.
  double wet_step_s = 300.0;
  // Surcharged pipes: SLOT (Preissmann slot) keeps the nodes on the free-surface continuity and
  // roughly halves SWMM's continuity error of this network under the coupled demo storm
  // (0.46 % vs 0.75 % with EXTRAN); "EXTRAN" is SWMM's default.
  std::string surcharge_method = "SLOT";
};

enum class SewerNodeKind { Manhole, Inlet, WetWell, Outfall };

struct SewerNode {
  std::string id;
  SewerNodeKind kind = SewerNodeKind::Manhole;
  double x = 0.0, y = 0.0;  // m from the DEM's south-west corner (add Raster::x0, y0 for the CRS)
  std::int64_t cell = -1;   // DEM cell holding the node (j * nx + i)
  double rim = 0.0;         // ground (DEM) at the node (m)
  double invert = 0.0;      // m
  double max_depth = 0.0;   // invert to rim (m)
  double local_flow = 0.0;  // design runoff entering at this node (m³/s)
  // The cells draining to this inlet (nearest inlet): the demo's subcatchments.
  double drained_area = 0.0;             // m²
  double drained_impervious_area = 0.0;  // m²
  double longest_flow_path = 0.0;        // farthest drained cell centre from the inlet (m)
};

struct SewerPipe {
  std::string id;
  int from = -1, to = -1;                           // node indices, flow from -> to
  std::vector<std::pair<double, double>> vertices;  // bends between the ends (local m)
  double length = 0.0;                              // along the polyline (m)
  double diameter = 0.0;                            // m
  double invert_up = 0.0, invert_down = 0.0;        // pipe inverts at the two ends (m)
  double design_flow = 0.0;                         // rational-method flow (m³/s)
  bool is_lead = false;                             // gully lead (not a sewer length)
  double max_flow = 0.0;                            // SWMM MaxFlow cap (m³/s); 0 = none
};

/// A transverse overflow weir (SWMM [WEIRS], TRANSVERSE) between two nodes.
struct SewerWeir {
  std::string id;
  int from = -1, to = -1;         // node indices
  double crest_height = 0.0;      // crest above the from-node's invert (m)
  double opening = 0.0;           // crest to top of the weir opening (m)
  double length = 0.0;            // crest length (m)
  double discharge_coeff = 1.84;  // SI sharp-crested weir coefficient (m^0.5/s)
};

struct PumpStation {
  int wet_well = -1, outfall = -1;                  // node indices: the pump lifts ww -> outfall
  double design_flow = 0.0;                         // m³/s
  double area = 0.0;                                // wet-well plan area (m²)
  double startup_depth = 0.0, shutoff_depth = 0.0;  // m above the wet-well invert
  std::vector<std::pair<double, double>> curve;     // TYPE3: lift (m) -> flow (m³/s)
};

struct SewerLayout {
  std::vector<SewerNode> nodes;
  std::vector<SewerPipe> pipes;  // conduits only; the pump is in `pump`
  std::vector<SewerWeir> weirs;  // overflow weirs (the combined sewer's); none in the storm sewer
  PumpStation pump;
};

/// Lays the sewer out under the catchment built from `demo` (make_demo_catchment(demo)).
/// Throws std::invalid_argument when the catchment has no valley avenue on a street line or
/// no room east of the last street for the pump station.
SewerLayout lay_out_demo_sewer(const mesh::DemoCatchment& catchment, const mesh::DemoOptions& demo,
                               const UrbanNetworkOptions& options = {});

}  // namespace sf::couple
