// Rain hyetographs from CSV: an optional header line, then "time,intensity" rows, in the
// dialect of common/csv_rows.hpp ('#' starts a comment).
#pragma once

#include <string>

#include "engine/time_series.hpp"

namespace sf::io {

/// Reads time (s, multiplied by time_unit_s) and intensity (mm/h) columns; returns intensity in
/// m/s. Throws sf::InputError naming the file and line of a bad row.
TimeSeries read_hyetograph_csv(const std::string& path, double time_unit_s,
                               TimeSeries::Interpolation interpolation);

}  // namespace sf::io
