// write_raster_geotiff -> read_raster gives back the same raster, orientation and all.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "demo/demo_dem.hpp"
#include "demo/demo_dem_write.hpp"
#include "meshes/raster_gdal.hpp"
#include "scratch_dir.hpp"

namespace {

sf::mesh::Raster ramp(int nx, int ny) {
  sf::mesh::Raster r;
  r.nx = nx;
  r.ny = ny;
  r.dx = 0.99993681000029;
  r.x0 = 382249.79174463;
  r.y0 = 6354265.4322858;
  r.crs_wkt = sf::mesh::demo_crs_wkt();
  r.values.resize(r.size());
  r.valid.assign(r.size(), 1);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) r.values[r.index(i, j)] = 0.1 * i + 1000.0 * j + 1.0 / 3.0;
  r.valid[r.index(1, 2)] = 0;
  return r;
}

TEST(RasterWrite, Float64RoundTripIsExact) {
  sf::test::ScratchDir dir;
  const auto written = ramp(7, 5);
  const std::string path = dir.file("ramp.tif");
  sf::mesh::write_raster_geotiff(path, written);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  const auto back = sf::mesh::read_raster(path);
  EXPECT_EQ(back.nx, 7);
  EXPECT_EQ(back.ny, 5);
  EXPECT_EQ(back.dx, written.dx);
  EXPECT_NEAR(back.x0, written.x0, 1e-6);
  EXPECT_NEAR(back.y0, written.y0, 1e-6);
  EXPECT_EQ(back.valid, written.valid);
  for (std::size_t k = 0; k < written.size(); ++k)
    if (written.valid[k]) {
      EXPECT_EQ(back.values[k], written.values[k]) << "cell " << k;
    }
  EXPECT_NE(back.crs_wkt.find("4547"), std::string::npos) << back.crs_wkt;
}

TEST(RasterWrite, ByteRasterKeepsClassesAndNodata) {
  sf::test::ScratchDir dir;
  auto classes = ramp(4, 3);
  for (std::size_t k = 0; k < classes.size(); ++k) classes.values[k] = static_cast<double>(k % 7);
  const std::string path = dir.file("classes.tif");
  sf::mesh::write_raster_geotiff(path, classes, sf::mesh::RasterSampleType::Byte);
  const auto back = sf::mesh::read_raster(path);
  EXPECT_EQ(back.valid, classes.valid);
  for (std::size_t k = 0; k < classes.size(); ++k)
    if (classes.valid[k]) {
      EXPECT_EQ(back.values[k], classes.values[k]);
    }
}

TEST(RasterWrite, InconsistentRasterIsRefusedWithoutLeavingFiles) {
  sf::test::ScratchDir dir;
  auto bad = ramp(4, 3);
  bad.values.pop_back();
  const std::string path = dir.file("bad.tif");
  EXPECT_THROW(sf::mesh::write_raster_geotiff(path, bad), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(RasterWrite, DemoCatchmentFilesReadBackOnOneGrid) {
  sf::test::ScratchDir dir;
  sf::mesh::DemoOptions small;
  small.nx = 120;
  small.ny = 100;
  const auto demo = sf::mesh::make_demo_catchment(small);
  const auto files = sf::mesh::write_demo_catchment(demo, dir.file("demo"));
  ASSERT_EQ(files.size(), 6u);

  const auto dem = sf::mesh::read_raster(dir.file("demo/dem.tif"));
  EXPECT_EQ(dem.values, demo.dem.values);
  EXPECT_EQ(dem.x0, demo.dem.x0);
  EXPECT_EQ(dem.y0, demo.dem.y0);
  const auto land_use = sf::mesh::read_raster_like(dir.file("demo/land_use.tif"), dem, "land_use");
  EXPECT_EQ(land_use.values, demo.land_use.values);
  const auto manning = sf::mesh::read_raster_like(dir.file("demo/manning.tif"), dem, "manning");
  EXPECT_EQ(manning.values, demo.manning.values);
  const auto buildings = sf::mesh::read_raster_like(dir.file("demo/buildings.tif"), dem, "mask");
  EXPECT_EQ(buildings.values, demo.buildings.values);
  EXPECT_TRUE(std::filesystem::exists(dir.file("demo/README.txt")));
}

}  // namespace
