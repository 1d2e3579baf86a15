// CF-netCDF rain reader on the real BoM radar files: detection, units, time, regridding,
// reprojection, single-frame files, data quirks.
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <numeric>

#include "common/input_error.hpp"
#include "io/netcdf/netcdf_rain_source.hpp"
#include "rain_test_data.hpp"

namespace {

using rain_test::crop_grid;
using rain_test::kMmPerHour;
using rain_test::shared_rain;
using sf::io::NetcdfRainOptions;
using sf::io::NetcdfRainSource;

NetcdfRainOptions on(const sf::rain::GridGeometry& grid, const std::string& start = "") {
  NetcdfRainOptions o;
  o.target = grid;
  o.start_iso8601 = start;
  return o;
}

double total(const std::vector<float>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(NetcdfRain, CropVariableTimeAxisAndFrames) {
  SKIP_WITHOUT_SHARED_RAIN();
  const NetcdfRainSource rain(shared_rain("bom_radar_sequence_crop64.nc"),
                              on(crop_grid(), "2020-10-31T03:00:00Z"));
  EXPECT_EQ(rain.variable_name(), "rainfall_rate");
  const auto frames = rain.frames();
  ASSERT_EQ(frames.size(), 18u);
  EXPECT_DOUBLE_EQ(frames[0].t_start_s, 0.0);  // time_bnds of 03:10 = [03:00, 03:10]
  EXPECT_DOUBLE_EQ(frames[0].t_end_s, 600.0);
  EXPECT_DOUBLE_EQ(frames[17].t_end_s, 10800.0);
  EXPECT_DOUBLE_EQ(rain.start_calendar_seconds(), 1604113200.0);
  EXPECT_FALSE(rain.reprojected());
}

TEST(NetcdfRain, KnownCellValueInEngineOrientation) {
  SKIP_WITHOUT_SHARED_RAIN();
  const NetcdfRainSource rain(shared_rain("bom_radar_sequence_crop64.nc"), on(crop_grid()));
  std::vector<float> rate;
  rain.read_frame_on_grid(8, rate);
  // ncdump: rainfall_rate[8][10][20] = 39.6 mm/h; file row 10 from the NORTH = engine row 53.
  EXPECT_NEAR(rate[53 * 64 + 20], 39.6 * kMmPerHour, 1e-6 * 39.6 * kMmPerHour);
  // Frame means from the README table (mm/h).
  EXPECT_NEAR(total(rate) / 4096.0 / kMmPerHour, 35.52, 0.01);
}

TEST(NetcdfRain, StreamingAndFrameAt) {
  SKIP_WITHOUT_SHARED_RAIN();
  NetcdfRainSource rain(shared_rain("bom_radar_sequence_crop64.nc"),
                        on(crop_grid(), "2020-10-31T02:00:00Z"));
  double depth_mm = 0.0;
  int n = 0;
  while (rain.has_next_frame()) {
    const auto f = rain.next_frame();
    depth_mm += total(f.rate_m_per_s) / 4096.0 * (f.info.t_end_s - f.info.t_start_s) * 1e3;
    ++n;
  }
  EXPECT_EQ(n, 18);
  EXPECT_NEAR(depth_mm, 43.28, 0.01);  // README: 3-hour crop mean 43.3 mm
  EXPECT_THROW(rain.next_frame(), std::out_of_range);
  const auto dry = rain.frame_at(100.0);  // before 03:00
  EXPECT_EQ(dry.index, sf::io::RainFrame::kNoFrame);
  EXPECT_EQ(dry.info.t_end_s, 3600.0);
  EXPECT_EQ(total(dry.rate_m_per_s), 0.0);
  EXPECT_EQ(rain.frame_at(3600.0 + 650.0).index, 1u);
}

TEST(NetcdfRain, RegriddingConservesVolume) {
  SKIP_WITHOUT_SHARED_RAIN();
  const NetcdfRainSource same(shared_rain("bom_radar_sequence_crop64.nc"), on(crop_grid()));
  std::vector<float> src;
  same.read_frame_on_grid(9, src);
  // Whole crop on 320 m cells: edges cut through radar cells, the volume must not change.
  const sf::rain::GridGeometry fine{100, 100, 320.0, -16000.0, -24000.0, ""};
  const NetcdfRainSource on_fine(shared_rain("bom_radar_sequence_crop64.nc"), on(fine));
  std::vector<float> out;
  on_fine.read_frame_on_grid(9, out);
  EXPECT_NEAR(total(out) * 320.0 * 320.0 / (total(src) * 500.0 * 500.0), 1.0, 1e-6);
  // A 10 km x 10 km block inside the rain grid on 250 m cells vs the radar cells it holds.
  const sf::rain::GridGeometry block{40, 40, 250.0, -10000.0, -20000.0, ""};
  const NetcdfRainSource on_block(shared_rain("bom_radar_sequence_crop64.nc"), on(block));
  on_block.read_frame_on_grid(9, out);
  double inside = 0.0;  // engine rows 8..27, columns 12..31 of the crop
  for (int j = 8; j < 28; ++j)
    for (int i = 12; i < 32; ++i) inside += src[j * 64 + i];
  EXPECT_NEAR(total(out) * 250.0 * 250.0 / (inside * 500.0 * 500.0), 1.0, 1e-6);
}

TEST(NetcdfRain, TargetOutsideTheRainGridIsRefusedOrZeroFilled) {
  SKIP_WITHOUT_SHARED_RAIN();
  // x 14 .. 19 km, y 0 .. 5 km: the rain grid ends at x = 16 km, so 6 of 10 columns stick out.
  const sf::rain::GridGeometry beyond{10, 10, 500.0, 14000.0, 0.0, ""};
  try {
    NetcdfRainSource(shared_rain("bom_radar_sequence_crop64.nc"), on(beyond));
    FAIL() << "expected sf::InputError";
  } catch (const sf::InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("bom_radar_sequence_crop64.nc"), std::string::npos) << m;
    EXPECT_NE(m.find("rainfall_rate: 60 of 100 simulation cells are not fully inside"),
              std::string::npos)
        << m;
  }
  auto options = on(beyond);
  options.coverage = NetcdfRainOptions::Coverage::kZeroOutside;
  const NetcdfRainSource rain(shared_rain("bom_radar_sequence_crop64.nc"), options);
  int coverage_warnings = 0;  // (the other warning: the target grid has no CRS)
  for (const auto& w : rain.warnings().messages)
    coverage_warnings += w.find("the uncovered parts get no rain") != std::string::npos;
  EXPECT_EQ(coverage_warnings, 1);
  std::vector<float> rate;
  rain.read_frame_on_grid(0, rate);
  EXPECT_EQ(rate[9], 0.0f);  // x 18.5 .. 19 km: no rain data
}

TEST(NetcdfRain, ReprojectionToUtm56South) {
  SKIP_WITHOUT_SHARED_RAIN();
  OGRSpatialReference utm, albers;
  utm.importFromEPSG(32756);
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  char* wkt = nullptr;
  utm.exportToWkt(&wkt);
  const std::string utm_wkt = wkt;
  CPLFree(wkt);
  albers.importFromProj4(
      "+proj=aea +lat_1=-26.2 +lat_2=-29.3 +lat_0=-27.7178 +lon_0=153.24 +x_0=0 +y_0=0 "
      "+a=6378137 +b=6356752.31414 +units=m");
  albers.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> to_utm(
      OGRCreateCoordinateTransformation(&albers, &utm));
  std::unique_ptr<OGRCoordinateTransformation> to_albers(
      OGRCreateCoordinateTransformation(&utm, &albers));
  // A 20 km square of 200 m cells around Albers (0, -8 km), well inside the crop.
  double cx = 0.0, cy = -8000.0;
  to_utm->Transform(1, &cx, &cy);
  const sf::rain::GridGeometry grid{
      100, 100, 200.0, std::round(cx) - 10000.0, std::round(cy) - 10000.0, utm_wkt};
  const NetcdfRainSource rain(shared_rain("bom_radar_sequence_crop64.nc"), on(grid));
  EXPECT_TRUE(rain.reprojected());
  const NetcdfRainSource same(shared_rain("bom_radar_sequence_crop64.nc"), on(crop_grid()));
  std::vector<float> utm_rate, src;
  rain.read_frame_on_grid(9, utm_rate);
  same.read_frame_on_grid(9, src);
  // Every UTM cell whose four corners fall in one radar cell must carry that cell's value.
  int checked = 0;
  for (int j = 0; j < grid.ny; j += 7)
    for (int i = 0; i < grid.nx; i += 7) {
      double xs[4], ys[4];
      for (int c = 0; c < 4; ++c) {
        xs[c] = grid.x0 + (i + c % 2) * grid.dx;
        ys[c] = grid.y0 + (j + c / 2) * grid.dx;
      }
      to_albers->Transform(4, xs, ys);
      const auto col = [](double x) { return static_cast<int>(std::floor((x + 16000.0) / 500.0)); };
      const auto row = [](double y) { return static_cast<int>(std::floor((y + 24000.0) / 500.0)); };
      bool one_cell = true;
      for (int c = 1; c < 4; ++c)
        one_cell = one_cell && col(xs[c]) == col(xs[0]) && row(ys[c]) == row(ys[0]);
      if (!one_cell) continue;
      ++checked;
      EXPECT_FLOAT_EQ(utm_rate[j * grid.nx + i], src[row(ys[0]) * 64 + col(xs[0])]);
    }
  EXPECT_GT(checked, 50);
  // Albers is equal-area and UTM's scale is ~0.9996 here: the mean rate over the square agrees
  // with the radar cells to the smoothing of the cell edges (a few per mille for this field).
  double albers_mean = 0.0;
  int n = 0;
  for (int j = 0; j < 64; ++j)
    for (int i = 0; i < 64; ++i) {
      double x = -16000.0 + (i + 0.5) * 500.0, y = -24000.0 + (j + 0.5) * 500.0;
      to_utm->Transform(1, &x, &y);
      if (x > grid.x0 && x < grid.x0 + 20000.0 && y > grid.y0 && y < grid.y0 + 20000.0)
        albers_mean += src[j * 64 + i], ++n;
    }
  EXPECT_NEAR(total(utm_rate) / 1e4 / (albers_mean / n), 1.0, 0.02);
}

TEST(NetcdfRain, BomSingleFrameFilesGlobMatchesMergedFile) {
  SKIP_WITHOUT_SHARED_RAIN();
  // The originals: packed int16 kg m-2 per 10 min, scalar valid_time/start_time, CRS from CF
  // attributes (no crs_wkt). Read on the crop's cells and compared with the merged file.
  auto options = on(crop_grid(), "2020-10-31T03:00:00Z");
  NetcdfRainSource originals(shared_rain("bom_radar/*.prcp-c10.nc"), options);
  const NetcdfRainSource merged(shared_rain("bom_radar_sequence_crop64.nc"), options);
  EXPECT_EQ(originals.variable_name(), "precipitation");
  const auto frames = originals.frames();
  ASSERT_EQ(frames.size(), 18u);
  for (std::size_t k = 0; k < frames.size(); ++k) {
    EXPECT_DOUBLE_EQ(frames[k].t_start_s, 600.0 * k);
    EXPECT_DOUBLE_EQ(frames[k].t_end_s, 600.0 * (k + 1));
  }
  std::vector<float> a, b;
  for (std::size_t k : {0u, 9u, 17u}) {
    originals.read_frame_on_grid(k, a);
    merged.read_frame_on_grid(k, b);
    for (std::size_t c = 0; c < a.size(); ++c)
      ASSERT_NEAR(a[c], b[c], 1e-4 * kMmPerHour) << "frame " << k << " cell " << c;
  }
  // The one fill cell of the 18 frames is in the file valid at 05:10 UTC (frame 12).
  originals.read_frame_on_grid(12, a);
  EXPECT_EQ(originals.warnings().missing_cells, 1u);
}

TEST(NetcdfRain, NegativeAndFillCellsAreCountedAndZeroed) {
  SKIP_WITHOUT_SHARED_RAIN();
  // 512 x 512 grid on 500 m cells: x -128 .. 128 km, y -128 .. 128 km.
  const sf::rain::GridGeometry radar{512, 512, 500.0, -128000.0, -128000.0, ""};
  const NetcdfRainSource rain(shared_rain("edge_cases/66_20201031_174000.prcp-c10.nc"), on(radar));
  std::vector<float> rate;
  rain.read_frame_on_grid(0, rate);
  EXPECT_EQ(rain.warnings().negative_cells, 7u);
  EXPECT_EQ(rain.warnings().missing_cells, 3u);
  for (float v : rate) ASSERT_GE(v, 0.0f);
}

TEST(NetcdfRain, MelbourneSixMinuteFilesWithoutBounds) {
  SKIP_WITHOUT_SHARED_RAIN();
  // Coordinates are centres (CF): x -128 .. 127.5 km -> edges -128.25 .. 127.75 km.
  const sf::rain::GridGeometry grid{100, 100, 500.0, -25000.0, -25000.0, ""};
  const NetcdfRainSource rain(shared_rain("bom_radar_melbourne_6min/*.nc"),
                              on(grid, "2018-06-16T14:00:00Z"));
  const auto frames = rain.frames();
  ASSERT_EQ(frames.size(), 10u);
  EXPECT_DOUBLE_EQ(frames[0].t_start_s, 0.0);
  EXPECT_DOUBLE_EQ(frames[9].t_end_s, 3600.0);
  std::vector<float> rate;
  rain.read_frame_on_grid(0, rate);
  const double mean_mm_per_h = total(rate) / rate.size() / kMmPerHour;
  EXPECT_GT(mean_mm_per_h, 0.0);
  EXPECT_LT(mean_mm_per_h, 30.0);
}

}  // namespace
