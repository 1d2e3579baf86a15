// Conservative (area-weighted) regridding of a rain grid onto the simulation grid, as sparse
// weights computed once: rate_target[t] = sum_k weight[k] * rate_source[source[k]], with
// weight = (area of target cell t covered by source cell s) / (area of target cell t).
//  - Same CRS: the overlaps are exact products of 1D interval overlaps (both grids are
//    axis-aligned rectangles), so the rain volume over the target is conserved to round-off.
//  - Different CRS: each target cell is split into S x S equal sub-cells whose centres are
//    transformed to the source CRS and located in a source cell; each adds 1/S^2. The error is
//    that of an S^2-point midpoint rule on the cell (the fraction is exact when a source edge
//    does not cross the cell).
// Source cells are indexed in file order (row-major over the file's (y, x)), so the file's
// north-up or south-up layout needs no flip: the weights carry the orientation.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "rain/grid_geometry.hpp"

namespace sf::io {

struct RegridWeights {
  std::vector<std::size_t> target_begin;  // ntarget + 1
  std::vector<std::size_t> source;        // flat file-order index of the source cell
  std::vector<double> weight;
  std::size_t partly_covered_cells = 0;  // target cells whose weights sum to less than 1
  std::size_t uncovered_cells = 0;       // target cells with no source cell at all
};

/// Exact overlaps; edges in the target's units (metres), either direction, in file order.
RegridWeights overlap_weights_same_crs(const std::vector<double>& x_edges,
                                       const std::vector<double>& y_edges,
                                       const rain::GridGeometry& target);

/// Transforms target-CRS points (metres) in place into the source edges' coordinates; points
/// that cannot be transformed are set to NaN.
using PointTransform = std::function<void(std::vector<double>& x, std::vector<double>& y)>;

RegridWeights subsampled_weights(const std::vector<double>& x_edges,
                                 const std::vector<double>& y_edges,
                                 const rain::GridGeometry& target, int samples_per_axis,
                                 const PointTransform& to_source);

/// target = weights applied to the file-order source field (resized to the target size).
void apply_regrid_weights(const RegridWeights& weights, const std::vector<double>& source,
                          std::vector<float>& target);

}  // namespace sf::io
