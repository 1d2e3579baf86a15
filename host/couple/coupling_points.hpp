// Which network nodes exchange water with which surface cells: read from a coupling CSV (or every
// junction with coordinates), placed on the DEM grid, checked, and turned into CouplingLinks for
// CoupledSimulation. File format and defaults: docs/coupling.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "couple/coupled_simulation.hpp"
#include "couple/coupling_role.hpp"
#include "engine/snapshot.hpp"
#include "inp/model.hpp"
#include "network/network_data.hpp"

namespace sf::couple {

/// One row of a coupling CSV.
struct CouplingPointSpec {
  std::string node_id;
  CouplingRole role = CouplingRole::Manhole;
  std::optional<double> x, y;  // m, DEM CRS; default: the node's [COORDINATES]
  std::optional<double> perimeter, area, weir_coeff, orifice_coeff;  // per-point overrides
  int line = 0;                                                      // in the CSV
};

/// Reads a coupling CSV: header with node_id (required), role, x, y, perimeter, area, weir_coeff,
/// orifice_coeff in any order; '#' starts a comment. Throws sf::InputError naming file and line.
std::vector<CouplingPointSpec> read_coupling_csv(const std::string& path);

/// Exchange parameters of inlets and manholes (rim_elevation is taken from the DEM).
struct CouplingDefaults {
  InletParams<double> inlet, manhole;
};

/// The surface grid as the placement needs it.
struct CouplingGrid {
  const GridGeometry* grid = nullptr;
  const std::vector<double>* bed = nullptr;            // z per cell (m)
  const std::vector<unsigned char>* active = nullptr;  // 0 = wall
};

struct CouplingPlan {
  std::vector<CouplingLink> links;
  std::vector<CouplingRole> roles;    // per link
  std::vector<std::string> node_ids;  // per link
  std::vector<std::string> warnings;  // e.g. a rim far from the ground
};

/// Places the points on the grid. `points_file` names where the points came from in messages
/// (the CSV); without `points` every junction, divider and storage node listed in the .inp's
/// [COORDINATES] becomes a manhole. Throws sf::InputError listing every node that is unknown,
/// has no coordinates, lies outside the DEM or on an inactive cell, or has a role its kind
/// cannot take (an outfall role on a junction, an inlet on an outfall).
CouplingPlan plan_coupling(const inp::Model& model, const network::NetworkData& net,
                           const CouplingGrid& grid,
                           const std::optional<std::vector<CouplingPointSpec>>& points,
                           const std::string& points_file, const std::string& inp_file,
                           const CouplingDefaults& defaults);

}  // namespace sf::couple
