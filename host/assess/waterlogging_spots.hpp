// Waterlogging spots (积水点) from a run's event maps: connected areas whose maximum depth
// exceeded a threshold (0.15 m on roads by default, GB 51222-2017), each with its area, deepest
// point, time of the maximum, time above the threshold and risk classes. Pure computation on
// host arrays; readers and writers live in the I/O targets. See docs/waterlogging.md.
#pragma once

#include <string>
#include <vector>

namespace sf::assess {

/// Class bands: a value v is in class k (1-based) when bounds[k-1] <= v < bounds[k], with
/// bounds[0] the lowest value that counts and the last band open above.
struct ClassBands {
  std::vector<double> bounds;
  std::vector<std::string> names;  // one per band
  /// 0 below bounds[0], else 1..bounds.size().
  int class_of(double v) const;
};

/// Risk from depth x duration: risk[d-1][t-1] for depth class d and duration class t, an index
/// into risk_names (1-based; 0 = no risk). The tables come from the case's [waterlogging] keys,
/// whose defaults the case schema states (docs/waterlogging.md).
struct RiskTable {
  ClassBands depth;     // m
  ClassBands duration;  // s above the spot threshold
  std::vector<std::vector<int>> risk;
  std::vector<std::string> risk_names;
  ClassBands hazard;  // h (|u| + 0.5) in m²/s, Defra/EA FD2320 classes
  /// Checks shapes and ordering; throws std::invalid_argument naming what is wrong.
  void validate() const;
};

/// One cell per value, row-major from the southern row (index j * nx + i), SI units.
struct EventMaps {
  int nx = 0, ny = 0;
  double dx = 0.0, x0 = 0.0, y0 = 0.0;    // south-west corner of cell (0, 0)
  std::vector<double> max_depth;          // m
  std::vector<double> time_of_max_depth;  // s since start; < 0 or NaN where never wet
  std::vector<double> duration_above;     // s above the spot threshold
  std::vector<double> max_hazard;         // m²/s; may be empty
  /// Cells that may hold a spot (active, and on roads when a land-use map says so); empty =
  /// every cell.
  std::vector<unsigned char> mask;
};

struct Spot {
  int id = 0;  // 1-based, deepest first
  long long cells = 0;
  double area_m2 = 0.0;
  double max_depth_m = 0.0;
  double mean_max_depth_m = 0.0;
  double x = 0.0, y = 0.0;  // deepest cell's centre
  double centroid_x = 0.0, centroid_y = 0.0;
  double time_of_max_s = -1.0;    // at the deepest cell
  double duration_above_s = 0.0;  // longest of its cells
  double max_hazard = -1.0;       // -1 without a hazard map
  int depth_class = 0, duration_class = 0, risk = 0, hazard_class = 0;
};

struct SpotOptions {
  double threshold_m = 0.15;
  double min_area_m2 = 0.0;  // smaller spots are dropped (labels 0)
};

struct SpotMap {
  std::vector<Spot> spots;
  std::vector<int> label;  // per cell: the spot id, 0 outside spots
  std::vector<int> risk;   // per cell: risk index from depth and duration, 0 outside spots
};

/// Spots are 4-connected (cells exchange water through faces, not corners). Throws
/// std::invalid_argument when a map has the wrong size.
SpotMap find_spots(const EventMaps& maps, const SpotOptions& options, const RiskTable& table);

}  // namespace sf::assess
