// The forecast tests' tiny grid (40 x 30 cells of 2 m), nowcasts on it and results.nc records
// read back: shared by the surface-only (test_forecast_cli.cpp) and coupled
// (test_forecast_coupled.cpp) forecast tests.
#pragma once

#include <gtest/gtest.h>
#include <netcdf.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"

namespace sf::test {

namespace fs = std::filesystem;

constexpr int kNx = 40, kNy = 30;
constexpr double kDx = 2.0, kX0 = 1000.0, kY0 = 2000.0;
const std::string kStart = "2024-07-01T00:00:00Z";

/// ESRI ASCII grid (north row first) of bed(i, j), j = 0 the southern row.
inline std::string dem_text(int nx, int ny, double dx, const std::function<double(int, int)>& bed) {
  std::string s = "ncols " + std::to_string(nx) + "\nnrows " + std::to_string(ny) + "\nxllcorner " +
                  std::to_string(kX0) + "\nyllcorner " + std::to_string(kY0) + "\ncellsize " +
                  std::to_string(dx) + "\nNODATA_value -9999\n";
  char v[32];
  for (int j = ny - 1; j >= 0; --j) {
    for (int i = 0; i < nx; ++i) {
      std::snprintf(v, sizeof v, "%.4f ", bed(i, j));
      s += v;
    }
    s += "\n";
  }
  return s;
}

/// A nowcast on the test grid: frames of `frame_s` from `first_s`, rate (mm/h) per frame,
/// uniform in space except a wetter western half, the same in every member.
inline void write_nowcast(const fs::path& path, double first_s, double frame_s,
                          const std::vector<float>& mm_per_h, bool member_dimension, int nx = kNx,
                          int ny = kNy, double dx = kDx, std::size_t observed_frames = 0,
                          std::size_t members = 1) {
  io::RainNowcast n;
  n.nx = nx;
  n.ny = ny;
  n.dx = dx;
  n.x0 = kX0;
  n.y0 = kY0;
  n.reference_iso8601 = kStart;
  n.frame_s = frame_s;
  n.member_dimension = member_dimension;
  n.observed_frames = observed_frames;
  n.members = members;
  for (std::size_t k = 0; k < mm_per_h.size(); ++k)
    n.frame_start_s.push_back(first_s + double(k) * frame_s);
  for (std::size_t m = 0; m < members; ++m)
    for (float rate : mm_per_h)
      for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) n.rate_mm_per_h.push_back(rate * (i < nx / 2 ? 1.5f : 1.0f));
  io::write_rain_nowcast(path.string(), n);
}

struct Records {
  std::vector<double> time;
  std::vector<std::vector<double>> depth, u, v;  // per record, cells
};

inline Records read_records(const fs::path& path) {
  Records r;
  int nc = -1;
  if (nc_open(path.c_str(), NC_NOWRITE, &nc) != NC_NOERR) {
    ADD_FAILURE() << "cannot open " << path;
    return r;
  }
  int tv = -1, tdim = -1;
  nc_inq_varid(nc, "time", &tv);
  nc_inq_vardimid(nc, tv, &tdim);
  std::size_t n = 0;
  nc_inq_dimlen(nc, tdim, &n);
  r.time.resize(n);
  nc_get_var_double(nc, tv, r.time.data());
  for (auto [name, out] :
       {std::pair<const char*, std::vector<std::vector<double>>*>{"depth", &r.depth},
        {"u", &r.u},
        {"v", &r.v}}) {
    int id = -1;
    EXPECT_EQ(nc_inq_varid(nc, name, &id), NC_NOERR) << name;
    for (std::size_t k = 0; k < n; ++k) {
      std::vector<double> values(std::size_t(kNx) * kNy);
      const std::size_t start[3] = {k, 0, 0}, count[3] = {1, std::size_t(kNy), std::size_t(kNx)};
      EXPECT_EQ(nc_get_vara_double(nc, id, start, count, values.data()), NC_NOERR) << name;
      out->push_back(std::move(values));
    }
  }
  nc_close(nc);
  return r;
}

/// A sloping street grid draining to a pit: deep water in the pit, shallow elsewhere; 600 s of
/// the nowcast rain.nc; `extra_toml` is added to case.toml.
inline fs::path write_pit_case(const std::string& name, const std::string& extra_toml = "") {
  const fs::path dir = scratch(name);
  write_file(dir / "dem.asc", dem_text(kNx, kNy, kDx, [](int i, int j) {
               return 10.0 + 0.01 * std::abs(i - 25) + 0.01 * std::abs(j - 12);
             }));
  write_nowcast(dir / "rain.nc", 0.0, 60.0, {120, 200, 80, 150, 60, 100, 180, 40, 90, 30}, false);
  write_file(dir / "case.toml", R"([grid]
dem = "dem.asc"
[numerics]
order = 2
[time]
duration = 600
output_interval = 60
start = "2024-07-01T00:00:00Z"
[rain]
grid = "rain.nc"
[output]
vtk = false
netcdf_float64 = true
)" + extra_toml);
  return dir / "case.toml";
}

}  // namespace sf::test
