// Drainage capacity of conduits by return period (管网排水能力评估): whether a conduit carried a
// design storm without surcharge, the largest tested return period it carries, its class and a
// renewal priority. Pure computation on per-conduit peaks from network runs; the runs and the
// writers live in host/app. Definitions and sources: docs/capacity.md.
#pragma once

#include <string>
#include <vector>

namespace sf::assess {

/// What the capacity check needs to know about one conduit (SI).
struct ConduitGeometry {
  std::string id;
  std::string shape;      // SWMM shape name, e.g. CIRCULAR
  double full_depth = 0;  // m (the diameter of a circular pipe)
  double length = 0;      // m
  double slope = 0;       // m/m
  double full_flow = 0;   // Manning full-flow capacity of all barrels, m³/s
  double crown_up = 0;    // crown elevation at the upstream end, m
  double crown_down = 0;  // crown elevation at the downstream end, m
  std::string upstream_node, downstream_node;
};

/// Extremes of one conduit over one design-storm run (SI).
struct ConduitPeaks {
  double peak_flow = 0;          // largest |Q|, m³/s
  double max_depth = 0;          // largest flow depth in the conduit, m
  double max_head_up = 0;        // largest hydraulic grade (water level) at the upstream node, m
  double max_head_down = 0;      // the same at the downstream node, m
  double surcharge_s = 0;        // time the conduit was surcharged, s
  double upstream_flood_m3 = 0;  // volume flooded at its upstream node, m³
};

/// Water level and depth tolerance (m): a level within 1 mm of the crown counts as at the crown.
constexpr double kCrownTolerance = 1e-3;

/// Surcharged: the flow depth reached the crown, or the hydraulic grade line at either end rose
/// above that end's crown (GB 50014-2021 designs storm sewers for full gravity flow; above the
/// crown the pipe runs under pressure). Also the test applied at every step of a run.
bool is_surcharged(const ConduitGeometry& g, double depth, double head_up, double head_down);
inline bool is_surcharged(const ConduitGeometry& g, const ConduitPeaks& p) {
  return is_surcharged(g, p.max_depth, p.max_head_up, p.max_head_down);
}

/// Tested return periods (years, increasing) and the classes they bound: "< P1 a",
/// "P1-P2 a", ..., ">= Pn a". With 1, 2, 3, 5, 10 these are the classes of the issue.
class CapacityClasses {
 public:
  /// Throws std::invalid_argument unless the periods are positive and strictly increasing.
  explicit CapacityClasses(std::vector<double> return_periods);
  const std::vector<double>& periods() const { return periods_; }
  /// The largest tested period P such that the conduit was not surcharged at P nor at any
  /// smaller tested period (a conduit that fails at 2 a does not carry 3 a even if a run at 3 a
  /// happened not to surcharge it); 0 when it fails at the smallest.
  double carried(const std::vector<bool>& surcharged_by_period) const;
  /// Index of the class of a carried period: 0 = below the smallest, k = carries periods()[k-1].
  int class_index(double carried_years) const;
  /// "< 1 a", "1-2 a", ..., ">= 10 a".
  std::string class_name(int index) const;
  std::vector<std::string> class_names() const;

 private:
  std::vector<double> periods_;
};

/// One conduit's result across all runs.
struct ConduitCapacity {
  ConduitGeometry geometry;
  std::vector<ConduitPeaks> peaks;  // one per tested return period
  std::vector<bool> surcharged;     // one per tested return period
  double carried_years = 0;
  int class_index = 0;
};

ConduitCapacity assess_conduit(const CapacityClasses& classes, const ConduitGeometry& g,
                               std::vector<ConduitPeaks> peaks);

/// One row of the renewal priority list: a conduit that does not carry the target period.
struct RenewalEntry {
  int rank = 0;
  std::size_t conduit = 0;       // index into the assessed conduits
  double deficit_years = 0;      // target - carried
  double flow_ratio = 0;         // peak flow at the target period / full-flow capacity
  double surcharge_s = 0;        // surcharge time at the target period
  double upstream_flood_m3 = 0;  // flooding at the upstream node at the target period
  std::string cause;             // "capacity" (peak >= full flow) or "backwater"
  std::string reasons;           // the above in words
};

/// Conduits that do not carry `target_years` (a tested period), ranked by capacity deficit, then
/// surcharge time, then flooding at the upstream node, all at the target period. Throws
/// std::invalid_argument when target_years is not one of the tested periods.
std::vector<RenewalEntry> renewal_priority(const CapacityClasses& classes,
                                           const std::vector<ConduitCapacity>& conduits,
                                           double target_years);

}  // namespace sf::assess
