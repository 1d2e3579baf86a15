// A rain gage's record as SWMM reads it (gage.c): each time-series entry starts an interval of
// the gage's recording length with a constant intensity; zero entries (after the first) are
// skipped, so time between intervals is dry. The record is walked forward in time like SWMM's.
#pragma once

#include <vector>

#include "inp/model.hpp"

namespace sf::runoff {

class GageRecord {
 public:
  GageRecord() = default;
  /// The gage's record from its time series (values converted to intensities in m/s).
  GageRecord(const inp::Model& model, const inp::RainGage& gage);

  /// Moves to time t [s since start] (never backwards) and returns the intensity [m/s] of the
  /// step that starts there (SWMM looks one second past t).
  double rain_at(double t);
  /// The next time after t at which the intensity may change [s]; a huge value when none.
  double next_change(double t) const;

  /// Where the walk through the record stands (five numbers), for checkpoints.
  std::vector<double> position() const;
  /// Goes back to a position() of a record of the same series; throws std::invalid_argument when
  /// it cannot be one.
  void set_position(const std::vector<double>& p);

 private:
  struct Entry {
    double start;      // s since the simulation start
    double intensity;  // m/s
  };
  bool next_entry();
  std::vector<Entry> entries_;  // the first entry, then every non-zero one
  double interval_ = 3600.0;
  size_t next_ = 0;  // index of the entry after the current interval
  bool has_current_ = false;
  double start_ = 0.0, end_ = 0.0, rain_ = 0.0;
};

}  // namespace sf::runoff
