// The Merewether 1 m DEM (../shared/dem/merewether): GeoTIFF and ESRI ASCII read the same,
// with the grid facts of its README, engine orientation (row 0 south) and its 73 nodata cells.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/input_error.hpp"
#include "meshes/raster_gdal.hpp"
#include "scratch_dir.hpp"

namespace {

const std::string kDir = std::string(SPONGEFLOW_SHARED_DIR) + "/dem/merewether";

#define SKIP_WITHOUT_MEREWETHER()                          \
  if (!std::filesystem::exists(kDir + "/topography1.asc")) \
  GTEST_SKIP() << "shared data not found at " << kDir      \
               << " (set SPONGEFLOW_SHARED_DIR to the folder holding dem/merewether)"

int count_invalid(const sf::mesh::Raster& r) {
  int n = 0;
  for (auto v : r.valid) n += v == 0;
  return n;
}

void expect_merewether_grid(const sf::mesh::Raster& r) {
  EXPECT_EQ(r.nx, 321);
  EXPECT_EQ(r.ny, 416);
  EXPECT_EQ(r.dx, 0.99993681000029);  // the full, non-integer cell size
  EXPECT_NEAR(r.x0, 382249.79174463, 1e-6);
  EXPECT_NEAR(r.y0, 6354265.4322858, 1e-6);
  EXPECT_EQ(count_invalid(r), 73);
  // Orientation: engine row 0 is the southern (last) row of the file.
  EXPECT_TRUE(r.valid[r.index(0, 0)]);
  EXPECT_NEAR(r.values[r.index(0, 0)], 24.4364, 1e-4);      // south-west, near the inflow
  EXPECT_NEAR(r.values[r.index(320, 415)], 16.4731, 1e-4);  // north-east, the lowest point
  EXPECT_NEAR(r.values[r.index(1, 415)], 42.9475, 1e-4);    // first value of the file
  // Nodata: column 0 of the 41 northern rows, the 32 eastern cells of the southern row.
  EXPECT_FALSE(r.valid[r.index(0, 415)]);
  EXPECT_FALSE(r.valid[r.index(0, 375)]);
  EXPECT_TRUE(r.valid[r.index(0, 374)]);
  EXPECT_TRUE(r.valid[r.index(288, 0)]);
  EXPECT_FALSE(r.valid[r.index(289, 0)]);
  EXPECT_FALSE(r.valid[r.index(320, 0)]);
  EXPECT_NE(r.crs_wkt.find("56"), std::string::npos) << r.crs_wkt;  // UTM zone 56 south
}

TEST(MerewetherRaster, AsciiGridHasTheReadmeGridFacts) {
  SKIP_WITHOUT_MEREWETHER();
  const auto asc = sf::mesh::read_raster(kDir + "/topography1.asc");
  expect_merewether_grid(asc);
  // Decimal text is kept as double, not rounded to float on the way in.
  EXPECT_EQ(asc.values[asc.index(1, 415)], 42.9475);
  EXPECT_EQ(asc.values[asc.index(0, 0)], 24.4364);
}

TEST(MerewetherRaster, GeoTiffHasTheReadmeGridFacts) {
  SKIP_WITHOUT_MEREWETHER();
  expect_merewether_grid(sf::mesh::read_raster(kDir + "/topography1.tif"));
}

TEST(MerewetherRaster, GeoTiffEqualsAsciiCellForCell) {
  SKIP_WITHOUT_MEREWETHER();
  const auto asc = sf::mesh::read_raster(kDir + "/topography1.asc");
  const auto tif = sf::mesh::read_raster(kDir + "/topography1.tif");
  ASSERT_EQ(asc.size(), tif.size());
  EXPECT_EQ(asc.valid, tif.valid);
  int differing = 0;
  for (std::size_t k = 0; k < asc.size(); ++k)
    // The .tif is Float32, the .asc decimal text read as double: equal after rounding to float.
    if (asc.valid[k] && static_cast<float>(asc.values[k]) != static_cast<float>(tif.values[k]))
      ++differing;
  EXPECT_EQ(differing, 0);
}

TEST(MerewetherRaster, MasksLineUpWithTheDem) {
  SKIP_WITHOUT_MEREWETHER();
  const auto dem = sf::mesh::read_raster(kDir + "/topography1.tif");
  const auto mask = sf::mesh::read_raster_like(kDir + "/buildings_mask.tif", dem, "buildings");
  const auto manning = sf::mesh::read_raster_like(kDir + "/manning_n.asc", dem, "manning");
  double building_cells = 0.0;
  for (double v : mask.values) building_cells += v;
  EXPECT_EQ(building_cells, 5996.0);
  EXPECT_EQ(count_invalid(manning), 0);
}

TEST(MerewetherRaster, TruncatedAsciiGridNamesTheFile) {
  SKIP_WITHOUT_MEREWETHER();
  sf::test::ScratchDir dir;
  const std::string cut = dir.file("topography1_missing_row.asc");
  {
    std::ifstream in(kDir + "/topography1.asc");
    std::ofstream out(cut);
    std::string line;
    for (int n = 0; std::getline(in, line); ++n)
      if (n != 6 + 200) out << line << '\n';  // drop data row 200
  }
  try {
    sf::mesh::read_raster(cut);
    FAIL() << "a grid with a missing row was accepted";
  } catch (const sf::InputError& e) {
    const std::string msg = e.what();
    // The strict ASCII check names the file, its last line and the rows promised.
    EXPECT_EQ(msg, cut +
                       ":421: the file ends after 415 rows of values; expected nrows = 416 "
                       "(truncated file?)");
  }
}

}  // namespace
