// `spongeflow make-nowcast --radar SEQUENCE DEM OUTDIR`: cuts a real radar sequence (CF-netCDF
// with a time axis, e.g. the BoM Rainfields sequence of ../shared/rain) into watch-loop nowcasts
// on the DEM's grid, one file per issue time T: the radar frames of the cycle before T are the
// observed part (observed_frames), the frames from T to T + lead are the "forecast". That
// forecast is the radar's own later frames, a perfect-prognosis extrapolation (an upper bound on
// nowcast skill); members > 1 displace it by a random motion error times the lead time, the
// position error of extrapolation nowcasts (docs/forecast.md, "Real radar").
#pragma once

#include <iosfwd>

#include "app/nowcast_command.hpp"

namespace sf::app {

/// Motion error of the displaced members: each velocity component is uniform in
/// [-kRadarMotionErrorMps, +kRadarMotionErrorMps] (m/s), drawn once per member.
constexpr double kRadarMotionErrorMps = 1.0;

/// Uses options.radar, dem, output_dir, members, cycles, first_issue_s, cycle_s, lead_s and
/// start ("" = the start of the radar's first frame); the frame length is the radar's.
/// Returns 1 with a message naming the file for a sequence too short for the cycles asked or
/// issue times off the radar's frame edges; throws sf::InputError for an unusable file.
int make_radar_nowcast_command(const MakeNowcastOptions& options, std::ostream& out,
                               std::ostream& err);

}  // namespace sf::app
