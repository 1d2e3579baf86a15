// Time windows of the frames of one rain variable in one file.
//  - A time coordinate (a coordinate variable of one of the variable's dimensions with
//    standard_name = time, axis = T or units "... since ...") gives one frame per value; a
//    scalar time variable (the BoM single-frame files' valid_time) gives one frame.
//  - Windows come from the time's `bounds`; else from a scalar `start_time` (BoM); else from the
//    step between frames: a RATE value holds from its time to the next time, an AMOUNT value
//    was accumulated since the previous time (the usual "time = end of window" convention);
//    the first/last window borrows its neighbour's step. One frame with none of these is an
//    error: its period is unknown.
#pragma once

#include <cstddef>
#include <vector>

#include "io/netcdf/cf_time.hpp"
#include "io/netcdf/rain_units.hpp"

namespace sf::io {

namespace nc {
class File;
}

struct FileFrames {
  int time_dimension = -1;  // dimension id of the time axis in the variable, or -1 (scalar time)
  CfCalendar calendar = CfCalendar::kStandard;
  std::vector<double> start_s, end_s;  // calendar seconds, one per frame in file order
};

/// Throws sf::InputError naming file and variable: no time axis, unreadable units, times not
/// strictly increasing (naming the index), or an unknown accumulation period.
FileFrames read_file_frames(const nc::File& file, int varid, const std::string& variable,
                            RainQuantity quantity);

}  // namespace sf::io
