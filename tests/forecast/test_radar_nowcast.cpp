// `spongeflow make-nowcast --radar` on the BoM 64 x 64 crop (../shared/rain; skipped without
// it): an 8 x 8 DEM of 500 m cells aligned with the radar cells, so the regridding is the
// identity and every nowcast value can be checked against the radar file read directly.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "rain_test_data.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kN = 8;                                   // DEM cells per side, 500 m
constexpr double kX0 = -2000.0, kY0 = -10000.0;         // south-west corner, crop's Albers (m)
constexpr int kColumn0 = 28, kNorthRowOfSouthRow = 35;  // crop column of DEM column 0; row of j = 0

fs::path tiny_dem(const fs::path& dir, double x0 = kX0) {
  fs::create_directories(dir);
  const fs::path path = dir / "dem.asc";
  std::ofstream f(path);
  f << "ncols 8\nnrows 8\nxllcorner " << x0 << "\nyllcorner " << kY0
    << "\ncellsize 500\nNODATA_value -9999\n";
  for (int j = 0; j < kN; ++j) f << "10 10 10 10 10 10 10 10\n";
  return path;
}

/// The whole float variable `name` of a netCDF file.
std::vector<float> read_floats(const std::string& path, const char* name, std::size_t count) {
  int ncid = -1, varid = -1;
  EXPECT_EQ(nc_open(path.c_str(), NC_NOWRITE, &ncid), NC_NOERR) << path;
  EXPECT_EQ(nc_inq_varid(ncid, name, &varid), NC_NOERR) << name;
  std::vector<float> v(count);
  EXPECT_EQ(nc_get_var_float(ncid, varid, v.data()), NC_NOERR);
  nc_close(ncid);
  return v;
}

std::string time_units(const std::string& path) {
  int ncid = -1, varid = -1;
  std::size_t len = 0;
  nc_open(path.c_str(), NC_NOWRITE, &ncid);
  nc_inq_varid(ncid, "time", &varid);
  nc_inq_attlen(ncid, varid, "units", &len);
  std::string s(len, '\0');
  nc_get_att_text(ncid, varid, "units", s.data());
  nc_close(ncid);
  return s;
}

TEST(RadarNowcast, ObservedThenTheRadarsOwnLaterFramesAndDisplacedMembers) {
  SKIP_WITHOUT_SHARED_RAIN();
  const fs::path dir = fs::temp_directory_path() / "sf_radar_nowcast";
  fs::remove_all(dir);
  const fs::path dem = tiny_dem(dir);
  const std::string crop = rain_test::shared_rain("bom_radar_sequence_crop64.nc");
  const auto r = sf::test::run_spongeflow("make-nowcast --radar " + crop + " " + dem.string() +
                                          " " + (dir / "out").string() +
                                          " --cycles 1 --first-issue 1800 --cycle 1200 --lead 1800"
                                          " --members 3");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string path = (dir / "out" / "nowcast_t001800.nc").string();
  ASSERT_TRUE(fs::exists(path)) << r.output;

  // The first nowcast observes every frame before its issue (0-1800 s: 3 frames), then 3
  // forecast frames (1800-3600 s), on the case clock (time 0 = the radar's first window start).
  EXPECT_EQ(sf::io::read_observed_frames(path), 3u);
  EXPECT_EQ(time_units(path), "seconds since 2020-10-31T03:00:00Z");
  const std::vector<float> times = read_floats(path, "time", 6);
  for (int k = 0; k < 6; ++k) EXPECT_DOUBLE_EQ(times[std::size_t(k)], 600.0 * k);

  const std::size_t cells = kN * kN, frames = 6, members = 3;
  const std::vector<float> now = read_floats(path, "rainfall_rate", members * frames * cells);
  const std::vector<float> radar = read_floats(crop, "rainfall_rate", 18 * 64 * 64);
  // Member 0: frame k is radar frame k (03:00-03:10 UTC is 0-600 s).
  double wettest = 0.0;
  for (std::size_t k = 0; k < frames; ++k)
    for (int j = 0; j < kN; ++j)
      for (int i = 0; i < kN; ++i) {
        const float expected =
            radar[(k * 64 + std::size_t(kNorthRowOfSouthRow - j)) * 64 + std::size_t(kColumn0 + i)];
        const float got = now[k * cells + std::size_t(j * kN + i)];
        EXPECT_NEAR(got, expected, 1e-4 * (1.0 + expected))
            << "frame " << k << " cell " << i << "," << j;
        wettest = std::max(wettest, double(got));
      }
  EXPECT_GT(wettest, 10.0);  // a real storm crosses the crop (README: means 4-36 mm/h)

  // Members agree on the observed frames and differ in the forecast frames.
  for (std::size_t m = 1; m < members; ++m) {
    double observed_diff = 0.0, forecast_diff = 0.0;
    for (std::size_t k = 0; k < frames; ++k)
      for (std::size_t c = 0; c < cells; ++c) {
        const double d = std::fabs(now[(m * frames + k) * cells + c] - now[k * cells + c]);
        double& largest = k < 3 ? observed_diff : forecast_diff;
        largest = std::max(largest, d);
      }
    EXPECT_EQ(observed_diff, 0.0) << "member " << m;
    EXPECT_GT(forecast_diff, 0.5) << "member " << m;
  }
  fs::remove_all(dir);
}

TEST(RadarNowcast, RefusesNoTimeAxisATooShortSequenceAndMembersOffTheGrid) {
  SKIP_WITHOUT_SHARED_RAIN();
  const fs::path dir = fs::temp_directory_path() / "sf_radar_nowcast_bad";
  fs::remove_all(dir);
  const fs::path dem = tiny_dem(dir);
  const auto no_time = sf::test::run_spongeflow("make-nowcast --radar " +
                                                rain_test::shared_rain("bad/no_time_axis.nc") +
                                                " " + dem.string() + " " + (dir / "out").string());
  EXPECT_EQ(no_time.status, 1) << no_time.output;
  EXPECT_NE(no_time.output.find("no_time_axis.nc"), std::string::npos) << no_time.output;
  EXPECT_NE(no_time.output.find("no time coordinate"), std::string::npos) << no_time.output;

  // 18 frames end at 10800 s: an issue at 9000 s with an hour's lead needs 12600 s.
  const auto short_sequence = sf::test::run_spongeflow(
      "make-nowcast --radar " + rain_test::shared_rain("bom_radar_sequence_crop64.nc") + " " +
      dem.string() + " " + (dir / "out").string() + " --first-issue 9000 --lead 3600");
  EXPECT_EQ(short_sequence.status, 1) << short_sequence.output;
  EXPECT_NE(short_sequence.output.find("has 18 frames"), std::string::npos)
      << short_sequence.output;
  EXPECT_NE(short_sequence.output.find("needs frames from 0 to 12600 s"), std::string::npos)
      << short_sequence.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "nowcast_t009000.nc"));

  // On the crop's western edge the displaced members leave the radar grid: refused by member.
  const fs::path edge = tiny_dem(dir / "edge", -16000.0);
  const auto off_grid = sf::test::run_spongeflow(
      "make-nowcast --radar " + rain_test::shared_rain("bom_radar_sequence_crop64.nc") + " " +
      edge.string() + " " + (dir / "out").string() +
      " --cycles 1 --first-issue 1800 --lead 1800 --members 3");
  EXPECT_EQ(off_grid.status, 1) << off_grid.output;
  EXPECT_NE(off_grid.output.find("leaves the radar grid"), std::string::npos) << off_grid.output;
  EXPECT_NE(off_grid.output.find("bom_radar_sequence_crop64.nc"), std::string::npos)
      << off_grid.output;
  fs::remove_all(dir);
}

}  // namespace
