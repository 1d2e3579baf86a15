// Bad raster inputs: every failure is an sf::InputError whose message names the file and says
// what is wrong, with the numbers a user needs to fix it.
#include <gdal.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

#include "common/input_error.hpp"
#include "input_error_message.hpp"
#include "meshes/raster_gdal.hpp"
#include "scratch_dir.hpp"

namespace {

/// A small ESRI ASCII grid; `cell_lines` are the header lines about the cell size.
std::string write_ascii(const sf::test::ScratchDir& dir, const std::string& name, int nx, int ny,
                        const std::string& cell_lines) {
  const std::string path = dir.file(name);
  std::ofstream out(path);
  out << "ncols " << nx << "\nnrows " << ny << "\nxllcorner 1000\nyllcorner 2000\n"
      << cell_lines << "NODATA_value -9999\n";
  for (int row = 0; row < ny; ++row) {
    for (int i = 0; i < nx; ++i) out << (row * 10 + i) << ' ';
    out << '\n';
  }
  return path;
}

std::string message_of(const std::function<void()>& f) {
  return sf::test::input_error_message(f);
}

TEST(RasterErrors, MissingFileNamesTheFile) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("no_such_dem.tif");
  EXPECT_EQ(message_of([&] { sf::mesh::read_raster(path); }), path + ": raster file not found");
}

TEST(RasterErrors, FolderInsteadOfFile) {
  sf::test::ScratchDir dir;
  const std::string msg = message_of([&] { sf::mesh::read_raster(dir.path().string()); });
  EXPECT_NE(msg.find("is a folder"), std::string::npos) << msg;
}

TEST(RasterErrors, UnreadableFileNamesTheFileAndTheExpectedFormats) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("dem.tif");
  std::ofstream(path) << "this is not a raster\n";
  const std::string msg = message_of([&] { sf::mesh::read_raster(path); });
  EXPECT_EQ(msg.rfind(path + ": cannot be read as a raster", 0), 0u) << msg;
  EXPECT_NE(msg.find("expected a GeoTIFF or an ESRI ASCII grid"), std::string::npos) << msg;
}

TEST(RasterErrors, NonSquareCellsNameBothSizes) {
  sf::test::ScratchDir dir;
  const std::string path = write_ascii(dir, "stretched.asc", 4, 3, "dx 2\ndy 2.5\n");
  const std::string msg = message_of([&] { sf::mesh::read_raster(path); });
  EXPECT_EQ(msg.rfind(path + ": cells are not square: 2 m (x) by 2.5 m (y)", 0), 0u) << msg;
}

TEST(RasterErrors, RotatedRasterIsRefused) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("rotated.tif");
  GDALAllRegister();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 4, 3, 1, GDT_Float32, nullptr);
  ASSERT_NE(ds, nullptr);
  double gt[6] = {1000.0, 2.0, 0.5, 2000.0, 0.5, -2.0};
  GDALSetGeoTransform(ds, gt);
  GDALClose(ds);
  const std::string msg = message_of([&] { sf::mesh::read_raster(path); });
  EXPECT_EQ(msg.rfind(path + ": raster is rotated", 0), 0u) << msg;
}

TEST(RasterErrors, SizeMismatchNamesBothFilesAndBothSizes) {
  sf::test::ScratchDir dir;
  const std::string dem_path = write_ascii(dir, "dem.asc", 5, 4, "cellsize 2\n");
  const std::string manning_path = write_ascii(dir, "manning.asc", 4, 4, "cellsize 2\n");
  const auto dem = sf::mesh::read_raster(dem_path);
  const std::string msg =
      message_of([&] { sf::mesh::read_raster_like(manning_path, dem, "surface.manning"); });
  EXPECT_EQ(msg, manning_path + ": surface.manning: raster is 4 x 4 cells; expected 5 x 4 cells " +
                     "to match " + dem_path);
}

TEST(RasterErrors, CellSizeAndOriginMismatchesAreAllReported) {
  sf::test::ScratchDir dir;
  const std::string dem_path = write_ascii(dir, "dem.asc", 5, 4, "cellsize 2\n");
  const std::string rain_path = write_ascii(dir, "rain.asc", 5, 4, "cellsize 1\n");
  auto dem = sf::mesh::read_raster(dem_path);
  dem.x0 += 10.0;  // as if the DEM were shifted by 10 m
  try {
    sf::mesh::read_raster_like(rain_path, dem, "rain.grid");
    FAIL() << "a raster on another grid was accepted";
  } catch (const sf::InputError& e) {
    ASSERT_EQ(e.issues().size(), 2u) << e.what();
    EXPECT_EQ(e.issues()[0].format(),
              rain_path + ": rain.grid: cell size is 1 m; expected 2 m to match " + dem_path);
    EXPECT_EQ(e.issues()[1].format(), rain_path +
                                          ": rain.grid: lower-left corner is (1000, 2000); "
                                          "expected (1010, 2000) to match " +
                                          dem_path);
  }
}

TEST(RasterErrors, AsciiNodataAndOrientation) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("small.asc");
  std::ofstream(path) << "ncols 3\nnrows 2\nxllcenter 101\nyllcenter 201\ncellsize 2\n"
                         "NODATA_value -9999\n1.25 -9999 3\n4 5 6.5\n";
  const auto r = sf::mesh::read_raster(path);
  EXPECT_EQ(r.nx, 3);
  EXPECT_EQ(r.ny, 2);
  EXPECT_EQ(r.x0, 100.0);  // cell-centre header converted to the corner
  EXPECT_EQ(r.y0, 200.0);
  EXPECT_EQ(r.values[r.index(0, 0)], 4.0);  // the last line of the file is the southern row
  EXPECT_EQ(r.values[r.index(2, 0)], 6.5);
  EXPECT_EQ(r.values[r.index(0, 1)], 1.25);
  EXPECT_FALSE(r.valid[r.index(1, 1)]);
  EXPECT_EQ(r.source, path);
}

}  // namespace
