// Optional correction of a hot-start surface state near depth and water-level sensors
// (docs/forecast.md, "Correcting the state"): the difference between the reading and the model
// at the sensor's cell is spread over the wet cells within a radius with Cressman (1959)
// weights, a one-pass nudging of the state toward the observations.
#pragma once

#include <vector>

#include "common/state_record.hpp"

namespace sf::forecast {

struct CorrectionGrid {
  int nx = 0, ny = 0;
  double x0 = 0, y0 = 0, dx = 1;  // south-west corner and cell size (m); cell k = j * nx + i
};

struct CorrectionPoint {
  long long cell = -1;          // the sensor's cell
  double observed_depth_m = 0;  // the reading as a depth at that cell
};

struct CorrectionResult {
  std::vector<double> innovation_m;  // per point: observed - modelled depth at its cell
  std::vector<bool> applied;         // false where the model is dry at the sensor's cell
  double volume_added_m3 = 0;
  double volume_removed_m3 = 0;
  long long cells_changed = 0;
};

/// Corrects the depths `h` (one per cell) in place: for every wet cell k (h > dry_depth_m) that
/// a sensor's cell reaches through wet cells (4-connected) within the radius,
///   dh_k = sum_s w_ks d_s / max(1, sum_s w_ks),  w_ks = (R^2 - r^2) / (R^2 + r^2) for r < R,
/// d_s the innovation of sensor s (points at dry cells are not used), r the distance between
/// cell centres; then h_k = max(0, h_k + dh_k). Dry cells, and wet cells cut off from the
/// sensor by dry ones, are left alone: water is not put where the model has none, nor moved
/// across a dry kerb. With one sensor the corrected depth at its cell is the reading.
CorrectionResult correct_depths(std::vector<double>& h, const CorrectionGrid& grid,
                                const std::vector<CorrectionPoint>& points, double radius_m,
                                double dry_depth_m);

/// The correction applied to a saved state (a checkpoint's record): surface_h corrected (in its
/// own precision; the volumes are those of the stored values), surface_qx and surface_qy scaled
/// by h_new / h_old so that velocities are kept, and the run's initial-volume ledger changed by
/// the net volume, so that the continuity of the run from the state stays closed with the
/// correction counted, and reported, as water it started with.
CorrectionResult correct_state(StateRecord& record, const CorrectionGrid& grid,
                               const std::vector<CorrectionPoint>& points, double radius_m,
                               double dry_depth_m);

}  // namespace sf::forecast
