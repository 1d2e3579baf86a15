#include "app/nowcast_command.hpp"

#include <cstdio>
#include <filesystem>
#include <ostream>

#include "app/radar_nowcast.hpp"
#include "demo/synthetic_nowcast.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::app {

int make_nowcast_command(const MakeNowcastOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.radar.empty()) return make_radar_nowcast_command(options, out, err);
  MakeNowcastOptions o = options;
  if (o.start.empty()) o.start = "2024-07-01T00:00:00Z";
  const mesh::Raster dem = mesh::read_raster(o.dem);
  std::error_code ec;
  std::filesystem::create_directories(o.output_dir, ec);
  if (ec) {
    err << "error: cannot create output folder " << o.output_dir << ": " << ec.message() << "\n";
    return 1;
  }
  const demo::NowcastGrid grid{dem.nx, dem.ny, dem.dx, dem.x0, dem.y0};
  for (int c = 0; c < o.cycles; ++c) {
    demo::SyntheticNowcastOptions so;
    so.issue_s = o.first_issue_s + c * o.cycle_s;
    so.observed_s = o.cycle_s;
    so.lead_s = o.lead_s;
    so.frame_s = o.frame_s;
    so.members = o.members;
    const demo::SyntheticNowcast s = demo::make_synthetic_nowcast(grid, so);
    io::RainNowcast n = io::rain_nowcast_on(dem);
    n.reference_iso8601 = o.start;
    n.frame_start_s = s.frame_start_s;
    n.frame_s = s.frame_s;
    n.members = s.members;
    n.observed_frames = s.observed_frames;
    n.rate_mm_per_h = s.rate_mm_per_h;
    char name[64];
    std::snprintf(name, sizeof name, "nowcast_t%06.0f.nc", so.issue_s);
    n.title =
        "spongeflow synthetic nowcast issued " + std::to_string(so.issue_s) + " s after " + o.start;
    const std::string path = (std::filesystem::path(o.output_dir) / name).string();
    io::write_rain_nowcast(path, n);
    out << "wrote " << path << " (issued t = " << so.issue_s << " s, " << s.observed_frames
        << " observed + " << s.frame_start_s.size() - s.observed_frames << " forecast frames of "
        << o.frame_s << " s, " << o.members << " members)\n";
  }
  return 0;
}

}  // namespace sf::app
