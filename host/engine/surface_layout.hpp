// Turns a SurfaceSetup's geometric descriptions (edge segments by coordinate range, sources by
// centre and radius) into the per-cell arrays the solver uses.
#pragma once

#include <vector>

#include "engine/surface_setup.hpp"
#include "engine/surface_solver.hpp"

namespace sf {

struct SurfaceLayout {
  SurfaceSolverInit init;
  std::vector<double> segment_length;   // active edge length of each boundary segment (m)
  std::vector<double> segment_min_bed;  // lowest bed of each segment's active edge cells (m)
  std::vector<int> source_cell_count;   // cells each source is spread over
};

/// Throws std::invalid_argument naming the segment/source when it covers no active cell.
SurfaceLayout build_surface_layout(const SurfaceSetup& setup);

}  // namespace sf
