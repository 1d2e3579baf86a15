#include "io/netcdf/rain_nowcast_file.hpp"

#include <netcdf.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "common/input_error.hpp"
#include "io/netcdf/cf_crs_attributes.hpp"
#include "io/netcdf/cf_time_reference.hpp"
#include "io/netcdf/nc_writable_file.hpp"

namespace sf::io {

void write_rain_nowcast(const std::string& path, const RainNowcast& n) {
  const std::size_t cells = std::size_t(n.nx) * std::size_t(n.ny), frames = n.frame_start_s.size();
  if (n.nx <= 0 || n.ny <= 0 || frames == 0 || n.members == 0 ||
      n.rate_mm_per_h.size() != n.members * frames * cells || !(n.frame_s > 0.0) ||
      (!n.member_dimension && n.members != 1))
    throw std::invalid_argument(path + ": nowcast sizes do not agree (members x frames x cells)");
  const std::string part = path + ".part";
  {
    nc::WritableFile f(part, path);
    const int d_member = n.member_dimension ? f.define_dimension("realization", n.members) : -1;
    const int d_time = f.define_dimension("time", frames);
    const int d_nv = f.define_dimension("nv", 2);
    const int d_y = f.define_dimension("y", std::size_t(n.ny));
    const int d_x = f.define_dimension("x", std::size_t(n.nx));
    f.put_text(NC_GLOBAL, "Conventions", "CF-1.8");
    f.put_text(NC_GLOBAL, "title", n.title);
    f.put_double(NC_GLOBAL, "observed_frames", double(n.observed_frames));

    int v_member = -1;
    if (n.member_dimension) {
      v_member = f.define_variable("realization", NC_INT, {d_member});
      f.put_text(v_member, "standard_name", "realization");
      f.put_text(v_member, "long_name", "ensemble member");
    }
    const int v_time = f.define_variable("time", NC_DOUBLE, {d_time});
    f.put_text(v_time, "standard_name", "time");
    f.put_text(v_time, "axis", "T");
    f.put_text(v_time, "units", cf_seconds_since(n.reference_iso8601));
    f.put_text(v_time, "calendar", "standard");
    f.put_text(v_time, "bounds", "time_bnds");
    const int v_bounds = f.define_variable("time_bnds", NC_DOUBLE, {d_time, d_nv});
    const int v_y = f.define_variable("y", NC_DOUBLE, {d_y});
    f.put_text(v_y, "standard_name", "projection_y_coordinate");
    f.put_text(v_y, "units", "m");
    f.put_text(v_y, "axis", "Y");
    const int v_x = f.define_variable("x", NC_DOUBLE, {d_x});
    f.put_text(v_x, "standard_name", "projection_x_coordinate");
    f.put_text(v_x, "units", "m");
    f.put_text(v_x, "axis", "X");
    const CfCrsAttributes crs = cf_crs_attributes(n.crs_wkt);
    if (!n.crs_wkt.empty()) {
      const int v_crs = f.define_variable("crs", NC_INT, {});
      for (const auto& [k, v] : crs.text) f.put_text(v_crs, k, v);
      for (const auto& [k, v] : crs.numbers) f.put_doubles(v_crs, k, v);
    }
    const int v_rain =
        n.member_dimension
            ? f.define_variable("rainfall_rate", NC_FLOAT, {d_member, d_time, d_y, d_x})
            : f.define_variable("rainfall_rate", NC_FLOAT, {d_time, d_y, d_x});
    f.put_text(v_rain, "standard_name", "lwe_precipitation_rate");
    f.put_text(v_rain, "units", "mm h-1");
    f.put_text(v_rain, "long_name", "rain rate (observed, then nowcast)");
    if (!n.crs_wkt.empty()) f.put_text(v_rain, "grid_mapping", "crs");
    if (n.member_dimension)
      f.chunk(v_rain, {1, 1, std::size_t(n.ny), std::size_t(n.nx)});
    else
      f.chunk(v_rain, {1, std::size_t(n.ny), std::size_t(n.nx)});
    f.compress(v_rain, 1);
    f.end_definitions();

    std::vector<double> ids(n.members), bounds(2 * frames), y(std::size_t(n.ny)),
        x(std::size_t(n.nx));
    for (std::size_t m = 0; m < n.members; ++m) ids[m] = double(m);
    for (std::size_t k = 0; k < frames; ++k) {
      bounds[2 * k] = n.frame_start_s[k];
      bounds[2 * k + 1] = n.frame_start_s[k] + n.frame_s;
    }
    for (int j = 0; j < n.ny; ++j) y[std::size_t(j)] = n.y0 + (j + 0.5) * n.dx;
    for (int i = 0; i < n.nx; ++i) x[std::size_t(i)] = n.x0 + (i + 0.5) * n.dx;
    if (n.member_dimension) f.write_doubles(v_member, {0}, {n.members}, ids.data());
    f.write_doubles(v_time, {0}, {frames}, n.frame_start_s.data());
    f.write_doubles(v_bounds, {0, 0}, {frames, 2}, bounds.data());
    f.write_doubles(v_y, {0}, {std::size_t(n.ny)}, y.data());
    f.write_doubles(v_x, {0}, {std::size_t(n.nx)}, x.data());
    if (n.member_dimension)
      f.write_floats(v_rain, {0, 0, 0, 0},
                     {n.members, frames, std::size_t(n.ny), std::size_t(n.nx)},
                     n.rate_mm_per_h.data());
    else
      f.write_floats(v_rain, {0, 0, 0}, {frames, std::size_t(n.ny), std::size_t(n.nx)},
                     n.rate_mm_per_h.data());
    f.close();
  }
  std::error_code ec;
  std::filesystem::rename(part, path, ec);
  if (ec) throw std::runtime_error(path + ": cannot rename " + part + ": " + ec.message());
}

std::size_t read_observed_frames(const std::string& path) {
  int ncid = -1;
  if (nc_open(path.c_str(), NC_NOWRITE, &ncid) != NC_NOERR)
    throw InputError(InputIssue{path, 0, "", "",
                                "cannot be read as netCDF (truncated, still being written, or not "
                                "netCDF); expected a CF-netCDF rain nowcast"});
  double n = 0;
  const int status = nc_get_att_double(ncid, NC_GLOBAL, "observed_frames", &n);
  nc_close(ncid);
  return status == NC_NOERR && n > 0 ? std::size_t(n) : 0;
}

}  // namespace sf::io
