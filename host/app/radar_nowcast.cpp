#include "app/radar_nowcast.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "common/gregorian.hpp"
#include "common/input_error.hpp"
#include "io/netcdf/netcdf_rain_source.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::app {
namespace {

constexpr double kMmPerHourPerMps = 3.6e6;

/// "2020-10-31T03:00:00Z" for whole seconds since 1970-01-01 UTC (proleptic Gregorian).
std::string iso8601_utc(double epoch_s) {
  const auto s = static_cast<std::int64_t>(std::llround(epoch_s));
  const std::int64_t days = (s >= 0 ? s : s - 86399) / 86400, sod = s - days * 86400;
  const gregorian::CivilDate d = gregorian::civil_from_days(days);
  char text[40];
  std::snprintf(text, sizeof text, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)d.year, d.month,
                d.day, int(sod / 3600), int(sod / 60 % 60), int(sod % 60));
  return text;
}

/// Uniform in [-1, 1) from the generator, the same on every platform.
double symmetric(std::mt19937& rng) {
  return double(rng()) / 2147483648.0 - 1.0;
}

/// Whole number of frames in `span_s`, or -1 when it is not one.
long whole_frames(double span_s, double frame_s) {
  const double n = span_s / frame_s;
  return std::fabs(n - std::round(n)) < 1e-6 ? long(std::lround(n)) : -1;
}

/// Frame `index` of the radar on `target` (in mm/h, engine orientation).
std::vector<float> frame_on(const std::string& radar, io::NetcdfRainOptions options,
                            const rain::GridGeometry& target, std::size_t index) {
  options.target = target;
  const io::NetcdfRainSource source(radar, options);
  std::vector<float> rate;
  source.read_frame_on_grid(index, rate);
  for (float& r : rate) r = float(r * kMmPerHourPerMps);
  return rate;
}

}  // namespace

int make_radar_nowcast_command(const MakeNowcastOptions& o, std::ostream& out, std::ostream& err) {
  const mesh::Raster dem = mesh::read_raster(o.dem);
  const rain::GridGeometry grid = rain::GridGeometry::of(dem);
  io::NetcdfRainOptions ro;
  ro.target = grid;
  ro.start_iso8601 = o.start;
  const io::NetcdfRainSource radar(o.radar, ro);
  const std::string start = o.start.empty() ? iso8601_utc(radar.start_calendar_seconds()) : o.start;
  ro.start_iso8601 = start;

  // The frames must be one regular series, so that the cycles cut whole frames.
  const std::vector<io::RainFrameInfo> frames = radar.frames();
  const double frame_s = frames[0].t_end_s - frames[0].t_start_s;
  for (std::size_t k = 0; k < frames.size(); ++k)
    if (std::fabs(frames[k].t_end_s - frames[k].t_start_s - frame_s) > 1e-6 ||
        std::fabs(frames[k].t_start_s - (frames[0].t_start_s + double(k) * frame_s)) > 1e-6) {
      err << "error: " << o.radar << ": frame " << k << " breaks the regular series of frames of "
          << frame_s << " s; a radar sequence to cut into nowcasts needs equal, gapless frames\n";
      return 1;
    }
  const long cycle_frames = whole_frames(o.cycle_s, frame_s);
  const long lead_frames = long(std::ceil(o.lead_s / frame_s - 1e-9));
  if (cycle_frames < 1) {
    err << "error: --cycle " << o.cycle_s << " s is not a whole number of the radar's " << frame_s
        << " s frames (" << o.radar << ")\n";
    return 1;
  }
  // The first frame on the case clock (a --start after the radar's start drops earlier frames).
  long first_frame = 0;
  while (first_frame < long(frames.size()) && frames[std::size_t(first_frame)].t_start_s < -1e-6)
    ++first_frame;
  // Check every cycle before writing any file. The first nowcast's observed part is every frame
  // from time 0 to its issue time (so that the watch loop's analysis gets the whole storm so
  // far); each later one's is the cycle since the previous issue.
  std::vector<long> issue_frames, observed_frames;
  for (int c = 0; c < o.cycles; ++c) {
    const double issue_s = o.first_issue_s + c * o.cycle_s;
    const long k = whole_frames(issue_s - frames[0].t_start_s, frame_s);
    if (k < 0) {
      err << "error: issue time " << issue_s << " s (cycle " << c + 1
          << ") is not on an edge of the radar's frames (every " << frame_s << " s from "
          << frames[0].t_start_s << " s after " << start << ", " << o.radar << ")\n";
      return 1;
    }
    const long observed = c == 0 ? k - first_frame : cycle_frames;
    if (observed < 1 || k - observed < first_frame || k + lead_frames > long(frames.size())) {
      err << "error: " << o.radar << " has " << frames.size() << " frames of " << frame_s << " s ("
          << frames[0].t_start_s << " to " << frames.back().t_end_s << " s after " << start
          << "); cycle " << c + 1 << " (issued at " << issue_s << " s) needs frames from "
          << (c == 0 ? std::max(0.0, frames[0].t_start_s) : issue_s - o.cycle_s) << " to "
          << issue_s + double(lead_frames) * frame_s << " s\n";
      return 1;
    }
    issue_frames.push_back(k);
    observed_frames.push_back(observed);
  }

  std::error_code ec;
  std::filesystem::create_directories(o.output_dir, ec);
  if (ec) {
    err << "error: cannot create output folder " << o.output_dir << ": " << ec.message() << "\n";
    return 1;
  }
  const std::size_t cells = grid.size();
  for (int c = 0; c < o.cycles; ++c) {
    const long k_issue = issue_frames[std::size_t(c)], observed = observed_frames[std::size_t(c)];
    const std::size_t per_member = std::size_t(observed + lead_frames) * cells;
    const double issue_s = o.first_issue_s + c * o.cycle_s;
    io::RainNowcast n = io::rain_nowcast_on(grid);
    n.reference_iso8601 = start;
    n.frame_s = frame_s;
    n.members = o.members;
    n.observed_frames = std::size_t(observed);
    n.rate_mm_per_h.assign(o.members * per_member, 0.0f);
    std::vector<float> rate;
    for (long k = k_issue - observed; k < k_issue + lead_frames; ++k) {
      n.frame_start_s.push_back(frames[std::size_t(k)].t_start_s);
      radar.read_frame_on_grid(std::size_t(k), rate);
      const std::size_t offset = std::size_t(k - (k_issue - observed)) * cells;
      for (std::size_t m = 0; m < o.members; ++m)
        for (std::size_t i = 0; i < cells; ++i)
          n.rate_mm_per_h[m * per_member + offset + i] = float(rate[i] * kMmPerHourPerMps);
    }
    // Members 1.. see the forecast frames displaced by a motion error (du, dv) times the lead
    // (the frame's mid-time minus the issue time): rain at p is the radar's at p - (du, dv) lead,
    // i.e. the radar read on the grid moved by -(du, dv) lead.
    std::mt19937 rng(14u + std::uint32_t(c));  // fixed: the same members every time
    for (std::size_t m = 1; m < o.members; ++m) {
      const double du = kRadarMotionErrorMps * symmetric(rng);
      const double dv = kRadarMotionErrorMps * symmetric(rng);
      for (long j = 0; j < lead_frames; ++j) {
        const double lead = (double(j) + 0.5) * frame_s;
        rain::GridGeometry moved = grid;
        moved.x0 -= du * lead;
        moved.y0 -= dv * lead;
        std::vector<float> shifted;
        try {
          shifted = frame_on(o.radar, ro, moved, std::size_t(k_issue + j));
        } catch (const InputError& e) {
          err << "error: member " << m << " of the nowcast issued at " << issue_s
              << " s, displaced by (" << du * lead << ", " << dv * lead << ") m at lead " << lead
              << " s, leaves the radar grid: " << e.what() << "\n";
          return 1;
        }
        std::copy(shifted.begin(), shifted.end(),
                  n.rate_mm_per_h.begin() +
                      std::ptrdiff_t(m * per_member + std::size_t(observed + j) * cells));
      }
    }
    char name[64];
    std::snprintf(name, sizeof name, "nowcast_t%06.0f.nc", issue_s);
    char issued[96];
    std::snprintf(issued, sizeof issued, ", issued %g s after ", issue_s);
    n.title = "spongeflow nowcast cut from the radar sequence " +
              std::filesystem::path(o.radar).filename().string() + issued + start +
              "; forecast frames = the radar's own later frames (perfect prognosis)" +
              (o.members > 1 ? ", members 1.. displaced by a motion error growing with lead" : "");
    const std::string path = (std::filesystem::path(o.output_dir) / name).string();
    io::write_rain_nowcast(path, n);
    out << "wrote " << path << " (issued t = " << issue_s << " s, " << observed << " observed + "
        << lead_frames << " forecast radar frames of " << frame_s << " s, " << o.members
        << " members)\n";
  }
  if (radar.warnings().missing_cells + radar.warnings().negative_cells > 0)
    err << "warning: " << o.radar << ": " << radar.warnings().missing_cells << " missing and "
        << radar.warnings().negative_cells << " negative radar values read as 0 rain\n";
  return 0;
}

}  // namespace sf::app
