// Ensemble products of a forecast, cell by cell over the members' maps: the probability that
// the maximum depth exceeds a threshold, percentiles of the maximum depth and the likely time
// of arrival. Members are equally likely (a nowcast ensemble's members are exchangeable
// realisations, e.g. STEPS / pysteps). Methods and sources: docs/forecast.md.
#pragma once

#include <cstddef>
#include <vector>

namespace sf::forecast {

/// Per-member maps of one forecast, one value per cell.
struct MemberMaps {
  std::vector<double> max_depth;  // m
  std::vector<double> arrival;    // s since the run's start; < 0 where never above threshold
};

/// Fraction of members whose maximum depth exceeds threshold_m, per cell (0..1).
std::vector<double> exceedance_probability(const std::vector<MemberMaps>& members,
                                           double threshold_m);

/// The q-quantile (0..1) of the members' maximum depths per cell, interpolated linearly between
/// order statistics (Hyndman & Fan 1996, definition 7): q = 0.5 is the median.
std::vector<double> max_depth_quantile(const std::vector<MemberMaps>& members, double q);

/// Likely time of arrival per cell: the earliest time by which at least `probability` of the
/// members have arrived (the ceil(probability * M)-th earliest arrival); -1 where fewer members
/// ever arrive.
std::vector<double> likely_arrival(const std::vector<MemberMaps>& members, double probability);

/// Cell-wise maximum of the members' maximum depths: the envelope within which every spot that
/// any member predicts lies.
std::vector<double> max_depth_envelope(const std::vector<MemberMaps>& members);

/// For each spot (labels 1..spots, 0 outside): the fraction of members in which at least one of
/// its cells exceeds threshold_m.
std::vector<double> spot_probability(const std::vector<int>& label, int spots,
                                     const std::vector<MemberMaps>& members, double threshold_m);

}  // namespace sf::forecast
