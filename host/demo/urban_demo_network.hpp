// The urban demo sewer: an EPA SWMM 5 network (SI, CMS, DYNWAVE) laid out deterministically under
// the streets of the synthetic demo catchment (demo/demo_dem.hpp), with the list of nodes that
// exchange water with the surface grid. Layout rules: docs/coupling.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "couple/coupling_role.hpp"
#include "demo/demo_dem.hpp"
#include "demo/sewer_layout.hpp"

namespace sf::couple {

/// One network node that exchanges water with the surface grid.
struct CouplingPoint {
  std::string node_id;
  CouplingRole role = CouplingRole::Manhole;
  double x = 0.0, y = 0.0;     // in the DEM's CRS (m)
  std::int64_t cell = -1;      // DEM cell index j * nx + i (row 0 = south, as meshes/raster.hpp)
  double rim_elevation = 0.0;  // ground at the cell = node invert + max depth (m)
};

struct UrbanDemoNetwork {
  std::string inp_text;                        // the SWMM 5 input, parse with inp::read_inp_text
  std::string runoff_inp_text;                 // the same with subcatchments on every inlet
  std::vector<CouplingPoint> coupling_points;  // inlets, manholes, the outfall; file order
  std::vector<std::string> upstream_nodes;     // nodes no link flows into (the gully inlets)
  SewerLayout layout;                          // the design itself (sizes, inverts, flows)
};

/// Builds the network for the catchment `make_demo_catchment(demo)`. Deterministic: the same
/// options give the same text byte for byte. Throws std::invalid_argument (see lay_out_demo_sewer).
UrbanDemoNetwork make_urban_demo_network(const mesh::DemoOptions& demo = {},
                                         const UrbanNetworkOptions& options = {});
/// The same from an already built catchment (avoids building the rasters twice).
UrbanDemoNetwork make_urban_demo_network(const mesh::DemoCatchment& catchment,
                                         const mesh::DemoOptions& demo,
                                         const UrbanNetworkOptions& options = {});

/// The coupling file of the case format (docs/coupling.md): a header line node_id,role,x,y
/// (roles: inlet, manhole, outfall; x, y in the DEM's CRS).
std::string coupling_points_csv(const std::vector<CouplingPoint>& points);

}  // namespace sf::couple
