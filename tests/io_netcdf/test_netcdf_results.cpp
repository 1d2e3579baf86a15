// NetcdfResultsWriter: the file read back with netCDF-C (dimensions, coordinates, time units,
// CF attributes, fill values, fields and event maps), the crash-safety promises (a writer that
// is never closed, a process that dies), the error messages, and GDAL's netCDF driver reading
// a map with its size, georeferencing and CRS.
#include <gdal.h>
#include <gtest/gtest.h>
#include <netcdf.h>
#include <ogr_spatialref.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "../io/scratch_dir.hpp"
#include "io/netcdf/cf_time_reference.hpp"
#include "io/netcdf/netcdf_results_writer.hpp"
#include "netcdf_read_back.hpp"
#include "results_test_data.hpp"

namespace {

using sf::io::NetcdfResultsOptions;
using sf::io::NetcdfResultsWriter;
using sf::test::kInactiveCell;
using sf::test::NetcdfReadBack;

constexpr double kFloatFill = NC_FILL_FLOAT;

NetcdfResultsOptions options_with_start(const std::string& start) {
  NetcdfResultsOptions o;
  o.title = "unit-test case";
  o.institution = "spongeflow tests";
  o.run_start_iso8601 = start;
  return o;
}

void write_three(const std::string& path, const sf::GridGeometry& grid) {
  NetcdfResultsWriter writer(path, options_with_start("2024-07-01T10:00:00+10:00"));
  for (int i = 0; i < 3; ++i) writer.write(sf::test::results_snapshot(grid, i, 60.0 * i));
  writer.close();
}

template <typename F>
void expect_throw_containing(F&& f, const std::string& text) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected one containing \"" << text << "\"";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
  }
}

TEST(NetcdfResults, DimensionsCoordinatesAndTimeAxis) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("results.nc");
  write_three(path, grid);
  EXPECT_FALSE(std::filesystem::exists(path + ".part"));

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.text("", "Conventions"), "CF-1.8");
  EXPECT_EQ(nc.text("", "title"), "unit-test case");
  EXPECT_EQ(nc.text("", "institution"), "spongeflow tests");
  EXPECT_EQ(nc.dimension_length("time"), 3u);
  EXPECT_TRUE(nc.dimension_is_unlimited("time"));
  EXPECT_EQ(nc.dimension_length("y"), 3u);
  EXPECT_EQ(nc.dimension_length("x"), 4u);

  EXPECT_EQ(nc.values("x"), (std::vector<double>{382251.0, 382253.0, 382255.0, 382257.0}));
  EXPECT_EQ(nc.values("y"), (std::vector<double>{6354265.0, 6354267.0, 6354269.0}));  // south first
  EXPECT_EQ(nc.values("x_bnds")[0], 382250.0);
  EXPECT_EQ(nc.values("x_bnds")[7], 382258.0);
  EXPECT_EQ(nc.values("y_bnds")[5], 6354270.0);
  EXPECT_EQ(nc.text("x", "standard_name"), "projection_x_coordinate");
  EXPECT_EQ(nc.text("y", "standard_name"), "projection_y_coordinate");
  EXPECT_EQ(nc.text("x", "units"), "m");
  EXPECT_EQ(nc.text("y", "bounds"), "y_bnds");

  EXPECT_EQ(nc.values("time"), (std::vector<double>{0.0, 60.0, 120.0}));
  // The +10:00 start is written in UTC.
  EXPECT_EQ(nc.text("time", "units"), "seconds since 2024-07-01T00:00:00Z");
  EXPECT_EQ(nc.text("time", "standard_name"), "time");
  EXPECT_EQ(nc.text("time", "calendar"), "standard");
  EXPECT_EQ(nc.text("time", "axis"), "T");
}

TEST(NetcdfResults, FieldsHaveCfAttributesFillValuesAndValues) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("results.nc");
  write_three(path, grid);

  NetcdfReadBack nc(path);
  for (const char* name : {"depth", "water_level", "u", "v"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(nc.dimension_names(name), (std::vector<std::string>{"time", "y", "x"}));
    EXPECT_EQ(nc.type(name), NC_FLOAT);
    EXPECT_EQ(nc.text(name, "grid_mapping"), "crs");
    EXPECT_EQ(nc.numbers(name, "_FillValue"), std::vector<double>{kFloatFill});
    EXPECT_EQ(nc.record(name, 2)[kInactiveCell], kFloatFill);
  }
  EXPECT_EQ(nc.text("depth", "standard_name"), "flood_water_thickness");
  EXPECT_EQ(nc.text("depth", "units"), "m");
  EXPECT_EQ(nc.text("water_level", "standard_name"), "water_surface_height_above_reference_datum");
  EXPECT_EQ(nc.text("u", "units"), "m s-1");
  EXPECT_FALSE(nc.has_attribute("u", "standard_name"));

  for (int record = 0; record < 3; ++record) {
    const auto depth = nc.record("depth", static_cast<std::size_t>(record));
    for (std::size_t k : {0u, 2u, 5u, 11u})
      EXPECT_NEAR(depth[k], sf::test::depth_at(k, record), 1e-6) << "record " << record;
  }
  const auto level = nc.record("water_level", 1);
  EXPECT_NEAR(level[11], 20.0 + 5.5 + sf::test::depth_at(11, 1), 1e-5);
  EXPECT_NEAR(nc.record("u", 0)[7], 1.75, 1e-7);
  EXPECT_NEAR(nc.record("v", 0)[7], -0.5, 1e-7);
}

TEST(NetcdfResults, EventMapsHoldTheLastSnapshotWithThresholds) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("results.nc");
  write_three(path, grid);
  const auto last = sf::test::results_snapshot(grid, 2, 120.0);

  NetcdfReadBack nc(path);
  for (const char* name : {"bed_elevation", "max_depth", "max_speed", "max_hazard",
                           "time_of_max_depth", "time_of_first_wetting",
                           "duration_above_flood_threshold", "duration_above_user_threshold"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(nc.dimension_names(name), (std::vector<std::string>{"y", "x"}));
    EXPECT_EQ(nc.text(name, "grid_mapping"), "crs");
    EXPECT_EQ(nc.values(name)[kInactiveCell], kFloatFill);
  }
  EXPECT_EQ(nc.text("bed_elevation", "standard_name"), "ground_level_altitude");
  EXPECT_EQ(nc.text("max_depth", "cell_methods"), "time: maximum");
  EXPECT_EQ(nc.text("max_speed", "standard_name"), "flood_water_speed");
  EXPECT_EQ(nc.text("max_hazard", "units"), "m2 s-1");
  EXPECT_EQ(nc.text("time_of_max_depth", "standard_name"), "time_of_maximum_flood_depth");
  EXPECT_EQ(nc.text("time_of_max_depth", "units"), "s");

  EXPECT_NEAR(nc.values("bed_elevation")[11], 25.5, 1e-6);
  EXPECT_NEAR(nc.values("max_depth")[5], last.max_depth[5], 1e-6);
  EXPECT_NEAR(nc.values("max_speed")[5], last.max_speed[5], 1e-6);
  EXPECT_NEAR(nc.values("max_hazard")[5], last.max_hazard[5], 1e-5);
  EXPECT_EQ(nc.values("time_of_max_depth")[0], kFloatFill);  // -1: never wet
  EXPECT_EQ(nc.values("time_of_max_depth")[4], 120.0);
  EXPECT_EQ(nc.values("time_of_first_wetting")[0], kFloatFill);
  EXPECT_EQ(nc.values("duration_above_flood_threshold")[6], 26.0);
  EXPECT_EQ(nc.values("duration_above_user_threshold")[6], 10.0);

  EXPECT_EQ(nc.numbers("duration_above_flood_threshold", "threshold_depth_m"),
            std::vector<double>{0.15});
  EXPECT_EQ(nc.text("duration_above_user_threshold", "coordinates"), "user_threshold");
  EXPECT_EQ(nc.values("user_threshold"), std::vector<double>{0.3});
  EXPECT_EQ(nc.values("wet_threshold"), std::vector<double>{0.001});
  EXPECT_EQ(nc.text("flood_threshold", "standard_name"), "flood_water_thickness");
}

TEST(NetcdfResults, CrsVariableCarriesWktAndCfTransverseMercator) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  ASSERT_FALSE(grid.crs_wkt.empty()) << "GDAL/PROJ could not build EPSG:28356";
  const std::string path = dir.file("results.nc");
  write_three(path, grid);

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.text("crs", "crs_wkt"), grid.crs_wkt);
  EXPECT_NE(nc.text("crs", "spatial_ref").find("MGA zone 56"), std::string::npos);
  EXPECT_EQ(nc.text("crs", "grid_mapping_name"), "transverse_mercator");
  EXPECT_EQ(nc.numbers("crs", "longitude_of_central_meridian"), std::vector<double>{153.0});
  EXPECT_EQ(nc.numbers("crs", "scale_factor_at_central_meridian"), std::vector<double>{0.9996});
  EXPECT_EQ(nc.numbers("crs", "false_northing"), std::vector<double>{10000000.0});
  EXPECT_EQ(nc.numbers("crs", "semi_major_axis"), std::vector<double>{6378137.0});
}

TEST(NetcdfResults, TwoStandardParallelsGoIntoOneAttribute) {
  sf::test::ScratchDir dir;
  auto grid = sf::test::results_grid();
  grid.crs_wkt = sf::test::wkt_of_epsg(3577);  // GDA94 / Australian Albers
  ASSERT_FALSE(grid.crs_wkt.empty());
  const std::string path = dir.file("albers.nc");
  NetcdfResultsWriter writer(path);
  writer.write(sf::test::results_snapshot(grid, 0, 0.0));
  writer.close();

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.text("crs", "grid_mapping_name"), "albers_conical_equal_area");
  EXPECT_EQ(nc.numbers("crs", "standard_parallel"), (std::vector<double>{-18.0, -36.0}));
  EXPECT_EQ(nc.text("time", "units"), "seconds since 1970-01-01");  // start not given
}

TEST(NetcdfResults, NoCrsMeansNoGridMapping) {
  sf::test::ScratchDir dir;
  auto grid = sf::test::results_grid();
  grid.crs_wkt.clear();
  const std::string path = dir.file("nocrs.nc");
  NetcdfResultsWriter writer(path);
  writer.write(sf::test::results_snapshot(grid, 0, 0.0));
  writer.close();

  NetcdfReadBack nc(path);
  EXPECT_FALSE(nc.has_variable("crs"));
  EXPECT_FALSE(nc.has_attribute("depth", "grid_mapping"));
}

TEST(NetcdfResults, Float64StorageAndNoCompressionOnRequest) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  NetcdfResultsOptions options;
  options.store_float64 = true;
  options.compress_level = 0;
  const std::string path = dir.file("double.nc");
  NetcdfResultsWriter writer(path, options);
  writer.write(sf::test::results_snapshot(grid, 0, 0.0));
  writer.close();

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.type("depth"), NC_DOUBLE);
  EXPECT_EQ(nc.record("depth", 0)[3], sf::test::depth_at(3, 0));  // exact in 64 bits
  EXPECT_EQ(nc.record("depth", 0)[kInactiveCell], NC_FILL_DOUBLE);
}

TEST(NetcdfResults, EventMapsAppearWhenARunStartsTrackingThem) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("late.nc");
  NetcdfResultsWriter writer(path);
  writer.write(sf::test::results_snapshot(grid, 0, 0.0, false));
  {
    NetcdfReadBack nc(path);  // flushed: readable while the writer still holds it
    EXPECT_TRUE(nc.has_variable("max_depth"));
    EXPECT_FALSE(nc.has_variable("max_speed"));
    EXPECT_FALSE(nc.has_variable("user_threshold"));
  }
  writer.write(sf::test::results_snapshot(grid, 1, 30.0, true));
  writer.close();

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.dimension_length("time"), 2u);
  EXPECT_EQ(nc.values("duration_above_flood_threshold")[6], 16.0);
  EXPECT_EQ(nc.values("user_threshold"), std::vector<double>{0.3});
}

TEST(NetcdfResults, WriterDestroyedWithoutCloseLeavesReadableFile) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("unclosed.nc");
  {
    NetcdfResultsWriter writer(path);
    writer.write(sf::test::results_snapshot(grid, 0, 0.0));
    writer.write(sf::test::results_snapshot(grid, 1, 10.0));
  }
  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.values("time"), (std::vector<double>{0.0, 10.0}));
  EXPECT_NEAR(nc.record("depth", 1)[5], sf::test::depth_at(5, 1), 1e-6);
}

TEST(NetcdfResults, ProcessKilledAfterAWriteLeavesReadableFile) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("killed.nc");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // No destructor, no nc_close, no HDF5 atexit handler runs: what is on disk is what
    // write() flushed.
    try {
      NetcdfResultsWriter* writer = new NetcdfResultsWriter(path);
      writer->write(sf::test::results_snapshot(grid, 0, 0.0));
      writer->write(sf::test::results_snapshot(grid, 1, 10.0));
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.values("time"), (std::vector<double>{0.0, 10.0}));
  EXPECT_NEAR(nc.record("depth", 1)[5], sf::test::depth_at(5, 1), 1e-6);
  EXPECT_NEAR(nc.values("max_depth")[5], sf::test::depth_at(5, 1) + 0.125, 1e-6);
}

TEST(NetcdfResults, FirstSnapshotReplacesAPreviousRunsFileOnlyWhenWritten) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("results.nc");
  write_three(path, grid);
  NetcdfResultsWriter writer(path);
  {
    NetcdfReadBack nc(path);  // the new writer has not touched the old file yet
    EXPECT_EQ(nc.dimension_length("time"), 3u);
  }
  writer.write(sf::test::results_snapshot(grid, 0, 0.0));
  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.dimension_length("time"), 1u);
}

TEST(NetcdfResultsErrors, MessagesNameTheFileAndWhatIsWrong) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("bad.nc");

  NetcdfResultsOptions bad_level;
  bad_level.compress_level = 12;
  expect_throw_containing([&] { NetcdfResultsWriter(path, bad_level); },
                          "bad.nc: compression level 12 is out of range; expected 0 (off) to 9");
  expect_throw_containing(
      [&] { NetcdfResultsWriter(path, options_with_start("first of July")); },
      "bad.nc: start of the run \"first of July\" is not an ISO 8601 date-time");
  expect_throw_containing([&] { NetcdfResultsWriter(dir.file("missing/r.nc")); },
                          "does not exist; create it or choose another results path");

  NetcdfResultsWriter writer(path);
  auto short_depth = sf::test::results_snapshot(grid, 0, 0.0);
  short_depth.depth.resize(5);
  expect_throw_containing([&] { writer.write(short_depth); },
                          "bad.nc: snapshot 0: depth has 5 values; expected nx * ny = 12");
  auto short_map = sf::test::results_snapshot(grid, 0, 0.0);
  short_map.max_hazard.resize(3);
  expect_throw_containing([&] { writer.write(short_map); },
                          "max_hazard has 3 values; expected nx * ny = 12 (or none)");

  writer.write(sf::test::results_snapshot(grid, 0, 5.0));
  expect_throw_containing([&] { writer.write(sf::test::results_snapshot(grid, 1, 5.0)); },
                          "does not come after t = 5.000000 s; CF time coordinates must increase");
  auto other = grid;
  other.nx = 5;
  expect_throw_containing([&] { writer.write(sf::test::results_snapshot(other, 1, 9.0)); },
                          "is on another grid than the first one");
  writer.close();
  expect_throw_containing([&] { writer.write(sf::test::results_snapshot(grid, 1, 9.0)); },
                          "write() after close()");
}

TEST(NetcdfResultsErrors, NetcdfFailureNamesTheFileAndARetryStartsOver) {
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("blocked.nc");
  std::filesystem::create_directories(path + ".part");  // netCDF cannot create a file there
  NetcdfResultsWriter writer(path);
  expect_throw_containing([&] { writer.write(sf::test::results_snapshot(grid, 0, 0.0)); },
                          "blocked.nc: cannot create " + path + ".part as netCDF-4: ");
  // Once the obstacle is gone, the same writer starts over with a clean file.
  std::filesystem::remove(path + ".part");
  writer.write(sf::test::results_snapshot(grid, 0, 0.0));
  writer.close();
  NetcdfReadBack nc(path);
  EXPECT_EQ(nc.dimension_length("time"), 1u);
}

TEST(NetcdfResultsGdal, NetcdfDriverReadsSizeGeoreferencingAndCrs) {
  GDALAllRegister();
  if (!GDALGetDriverByName("netCDF")) GTEST_SKIP() << "this GDAL has no netCDF driver";
  sf::test::ScratchDir dir;
  const auto grid = sf::test::results_grid();
  const std::string path = dir.file("gdal.nc");
  write_three(path, grid);

  const std::string name = "NETCDF:\"" + path + "\":max_depth";
  GDALDatasetH ds = GDALOpen(name.c_str(), GA_ReadOnly);
  ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
  EXPECT_EQ(GDALGetRasterXSize(ds), 4);
  EXPECT_EQ(GDALGetRasterYSize(ds), 3);
  double gt[6] = {};
  ASSERT_EQ(GDALGetGeoTransform(ds, gt), CE_None);
  EXPECT_DOUBLE_EQ(gt[0], grid.x0);
  EXPECT_DOUBLE_EQ(gt[1], grid.dx);
  EXPECT_DOUBLE_EQ(gt[3], grid.y0 + grid.ny * grid.dx);  // GDAL shows north up
  EXPECT_DOUBLE_EQ(gt[5], -grid.dx);

  OGRSpatialReference read_crs(GDALGetProjectionRef(ds)), mga56;
  mga56.importFromEPSG(28356);
  EXPECT_TRUE(read_crs.IsSame(&mga56)) << GDALGetProjectionRef(ds);

  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  int has_nodata = 0;
  EXPECT_FLOAT_EQ(static_cast<float>(GDALGetRasterNoDataValue(band, &has_nodata)), NC_FILL_FLOAT);
  EXPECT_TRUE(has_nodata);
  std::vector<float> rows(12);
  ASSERT_EQ(GDALRasterIO(band, GF_Read, 0, 0, 4, 3, rows.data(), 4, 3, GDT_Float32, 0, 0), CE_None);
  // GDAL's first row is the northern one: engine row j = 2, cell k = 8.
  EXPECT_NEAR(rows[0], sf::test::depth_at(8, 2) + 0.125, 1e-6);
  EXPECT_EQ(rows[8 + kInactiveCell], static_cast<float>(NC_FILL_FLOAT));
  GDALClose(ds);
}

TEST(CfSecondsSince, NormalisesIsoStartsToUtc) {
  EXPECT_EQ(sf::io::cf_seconds_since(""), "seconds since 1970-01-01");
  EXPECT_EQ(sf::io::cf_seconds_since("2024-07-01"), "seconds since 2024-07-01T00:00:00Z");
  EXPECT_EQ(sf::io::cf_seconds_since("2024-07-01 10:30"), "seconds since 2024-07-01T10:30:00Z");
  EXPECT_EQ(sf::io::cf_seconds_since("2024-03-01T05:00:00+10:00"),
            "seconds since 2024-02-29T19:00:00Z");
  EXPECT_THROW(sf::io::cf_seconds_since("2024-13-01"), std::invalid_argument);
}

}  // namespace
