// Rain hyetographs from CSV: a header line, then "time,intensity" rows; '#' starts a comment.
#pragma once

#include <string>

#include "engine/time_series.hpp"

namespace sf::io {

/// Reads time (s, multiplied by time_unit_s) and intensity (mm/h) columns; returns intensity in
/// m/s. Throws sf::InputError naming the file and line of a bad row.
TimeSeries read_hyetograph_csv(const std::string& path, double time_unit_s,
                               TimeSeries::Interpolation interpolation);

}  // namespace sf::io
