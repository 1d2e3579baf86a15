// `spongeflow make-nowcast DEM OUTDIR`: a sequence of synthetic ensemble nowcasts
// (demo/synthetic_nowcast.hpp) on the grid of a DEM, one file per watch cycle, as CF-netCDF;
// with --radar, cut from a real radar sequence instead (app/radar_nowcast.hpp).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace sf::app {

struct MakeNowcastOptions {
  std::string radar;  // a radar sequence to cut (app/radar_nowcast.hpp); "" = synthetic storm
  std::string dem;
  std::string output_dir;
  std::size_t members = 5;
  int cycles = 3;               // files, one per issue time
  double first_issue_s = 1800;  // issue time of the first file (s after start)
  double cycle_s = 600;         // between issue times; also each file's observed period
  double lead_s = 7200;
  double frame_s = 300;
  // The storm's time 0 (the case's [time] start); "" = 2024-07-01T00:00:00Z for the synthetic
  // storm, the start of the first frame for a radar sequence.
  std::string start;
};

int make_nowcast_command(const MakeNowcastOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
