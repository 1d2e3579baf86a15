// Rain from CF-netCDF grids (radar, nowcasts, reanalyses), mapped onto the simulation grid.
// One file with a time axis, or one file per frame (a list or a glob, sorted by time), each
// frame read on demand: the whole (time, y, x) array is never held in memory.
// What is accepted and how it is converted is described in docs/rain.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rain/grid_geometry.hpp"

namespace sf::io {

struct NetcdfRainOptions {
  /// Variable to read; empty = the first variable whose standard_name is one of
  /// lwe_precipitation_rate, precipitation_flux, precipitation_amount,
  /// lwe_thickness_of_precipitation_amount, rainfall_rate, rainfall_flux, rainfall_amount,
  /// thickness_of_rainfall_amount (in that order of preference).
  std::string variable;
  /// The simulation grid (engine orientation). An empty crs_wkt means "same CRS as the file".
  rain::GridGeometry target;
  /// Simulation time 0: an ISO 8601 date-time ("2020-10-31T03:00:00Z"), read in the file's
  /// calendar, or seconds since 1970-01-01 UTC; with neither, the start of the first frame.
  std::string start_iso8601;
  std::optional<double> start_epoch_s;
  /// A target cell not fully inside the rain grid is an error (kRequireFull) or gets rain only
  /// from the part that is covered, with a warning (kZeroOutside).
  enum class Coverage { kRequireFull, kZeroOutside } coverage = Coverage::kRequireFull;
  /// Sub-cells per axis for the reprojected (different CRS) weights.
  int samples_per_axis = 4;
  /// Ensemble nowcasts: the member to read (0-based index along the member dimension, a
  /// dimension whose coordinate has standard_name = realization or that is named realization,
  /// member, ensemble_member or number). Files without one have a single member, 0.
  std::size_t member = 0;
};

/// Window of a frame in seconds since the simulation start; its rate holds on [t_start, t_end).
struct RainFrameInfo {
  double t_start_s = 0.0;
  double t_end_s = 0.0;
};

struct RainFrame {
  std::size_t index = 0;  // frame index, or kNoFrame for a dry gap
  RainFrameInfo info;
  std::vector<float> rate_m_per_s;  // target grid, engine orientation
  static constexpr std::size_t kNoFrame = static_cast<std::size_t>(-1);
};

/// Counted data problems (not errors): each bad cell is read as 0 rain.
struct RainReadWarnings {
  std::size_t missing_cells = 0;      // _FillValue, missing_value, NaN or beyond 1e30
  std::size_t negative_cells = 0;     // negative rain
  std::vector<std::string> messages;  // one line per event, naming file, variable and frame
};

class NetcdfRainSource {
 public:
  /// `path_or_glob`: a file, or a pattern with * ? [ ] matched by glob(3). Scans every file's
  /// metadata and builds the regridding weights; throws sf::InputError naming the file and the
  /// variable for anything unusable (missing time axis, wrong units, non-monotonic time, grid
  /// not covering the target, ...).
  NetcdfRainSource(const std::string& path_or_glob, const NetcdfRainOptions& options);
  NetcdfRainSource(const std::vector<std::string>& files, const NetcdfRainOptions& options);
  ~NetcdfRainSource();
  NetcdfRainSource(NetcdfRainSource&&) noexcept;
  NetcdfRainSource& operator=(NetcdfRainSource&&) noexcept;

  /// Frames in time order, windows relative to the start.
  std::vector<RainFrameInfo> frames() const;
  /// Reads frame `index` and maps it onto the target grid (rate in m/s, engine orientation).
  /// Counts bad cells in warnings() (hence not safe to call from two threads at once).
  void read_frame_on_grid(std::size_t index, std::vector<float>& rate_m_per_s) const;

  /// Streaming: the next frame in time order; throws std::out_of_range after the last.
  bool has_next_frame() const;
  RainFrame next_frame();
  /// The frame whose window holds t (seconds since start); a dry frame with index kNoFrame
  /// (covering the gap, or open-ended before the first/after the last) when none does.
  RainFrame frame_at(double t_s) const;

  const std::string& variable_name() const;
  const std::vector<std::string>& files() const;
  const RainReadWarnings& warnings() const;
  /// Calendar seconds (since 1970-01-01 in the file's calendar) of simulation time 0.
  double start_calendar_seconds() const;
  /// True when the weights came from reprojection (the file's CRS differs from the target's).
  bool reprojected() const;
  /// Ensemble members in the files (the length of the member dimension; 1 without one), and
  /// whether there is a member dimension at all.
  std::size_t members() const;
  bool has_member_dimension() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sf::io
