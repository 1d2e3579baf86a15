// Writes a rain nowcast as CF-1.8 netCDF: rain rate (mm h-1, lwe_precipitation_rate) over
// (realization, time, y, x), a time axis with bounds, projected x/y cell centres and the grid's
// CRS; what `spongeflow make-nowcast` produces and `spongeflow forecast` reads back through
// NetcdfRainSource (docs/forecast.md). Written as <path>.part and renamed when complete, so a
// folder watched for nowcasts never sees half a file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sf::io {

struct RainNowcast {
  int nx = 0, ny = 0;                   // grid, engine orientation (row 0 = south)
  double dx = 0.0, x0 = 0.0, y0 = 0.0;  // cell size, south-west corner (m)
  std::string crs_wkt;                  // "" = none
  std::string reference_iso8601;        // time units: seconds since this instant
  std::vector<double> frame_start_s;    // each frame's start (s since the reference)
  double frame_s = 300.0;  // each frame's length (s): its window [start, start + frame_s)
  std::size_t members = 1;
  bool member_dimension = true;      // false: a deterministic nowcast over (time, y, x)
  std::size_t observed_frames = 0;   // the first frames are observations, the same in every member
  std::vector<float> rate_mm_per_h;  // members x frames x ny x nx, engine orientation
  std::string title = "spongeflow rain nowcast";
};

/// A nowcast laid on `grid`: any raster-like struct with nx, ny, dx, x0, y0 and crs_wkt.
template <class Grid>
RainNowcast rain_nowcast_on(const Grid& grid) {
  RainNowcast n;
  n.nx = grid.nx;
  n.ny = grid.ny;
  n.dx = grid.dx;
  n.x0 = grid.x0;
  n.y0 = grid.y0;
  n.crs_wkt = grid.crs_wkt;
  return n;
}

/// Throws std::runtime_error naming the file when it cannot be written, std::invalid_argument
/// when the sizes do not agree.
void write_rain_nowcast(const std::string& path, const RainNowcast& nowcast);

/// The global attribute observed_frames of a nowcast (how many of its first frames are
/// observations); 0 when absent. Throws sf::InputError naming the file when it cannot be read.
std::size_t read_observed_frames(const std::string& path);

}  // namespace sf::io
