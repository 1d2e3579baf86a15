// Strict ESRI ASCII grids: every header field and every value is checked, and a message names the
// file, the line and the field or row/column with what was expected. NaN/infinity cells are
// refused with their count and the first cell (GeoTIFFs too); NODATA_value cells stay inactive.
#include <gdal.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <limits>
#include <string>

#include "common/input_error.hpp"
#include "input_error_message.hpp"
#include "meshes/raster_gdal.hpp"
#include "scratch_dir.hpp"

namespace {

const char* const kHeader =
    "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 2\nNODATA_value -9999\n";
const char* const kRows = "1 2 3 4\n5 6 7 8\n9 10 11 12\n";

std::string write(const sf::test::ScratchDir& dir, const std::string& text) {
  const std::string path = dir.file("dem.asc");
  std::ofstream(path) << text;
  return path;
}

std::string message_of(const std::function<void()>& f) {
  return sf::test::input_error_message(f);
}

std::string read_error(const std::string& path) {
  return message_of([&] { sf::mesh::read_raster(path); });
}

TEST(EsriAsciiGrid, ValueWithALetterNamesLineRowAndColumn) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, std::string(kHeader) + "1 2 3 4\n5 6 1o.050 8\n9 10 11 12\n");
  EXPECT_EQ(read_error(path), path + ":8: row 2, column 3: '1o.050' is not a number");
}

TEST(EsriAsciiGrid, RowWithTooManyValuesIsRefused) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, std::string(kHeader) + "1 2 3 4\n5 6 7 8 9\n9 10 11 12\n");
  EXPECT_EQ(read_error(path), path +
                                  ":8: row 2: holds 5 values; expected ncols = 4 (one row of the "
                                  "grid per line)");
}

TEST(EsriAsciiGrid, RowWithTooFewValuesIsRefused) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, std::string(kHeader) + "1 2 3 4\n5 6 7\n9 10 11 12\n");
  EXPECT_NE(read_error(path).find(":8: row 2: holds 3 values; expected ncols = 4"),
            std::string::npos);
}

TEST(EsriAsciiGrid, ExtraAndMissingRowsAreRefused) {
  sf::test::ScratchDir dir;
  std::string path = write(dir, std::string(kHeader) + kRows + "13 14 15 16\n");
  EXPECT_EQ(read_error(path), path +
                                  ":10: row 4: more rows than the header's nrows = 3; expected "
                                  "exactly nrows lines of values");
  path = write(dir, std::string(kHeader) + "1 2 3 4\n5 6 7 8\n");
  EXPECT_EQ(read_error(path), path +
                                  ":8: the file ends after 2 rows of values; expected nrows = 3 "
                                  "(truncated file?)");
}

TEST(EsriAsciiGrid, HugeDimensionsOfATruncatedFileAreNamed) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir,
                                 "ncols 4\nnrows 2000000000\nxllcorner 1000\nyllcorner 2000\n"
                                 "cellsize 2\n" +
                                     std::string(kRows));
  EXPECT_NE(read_error(path).find("the file ends after 3 rows of values; expected nrows = "
                                  "2000000000"),
            std::string::npos);
}

TEST(EsriAsciiGrid, MissingCellsizeIsNamed) {
  sf::test::ScratchDir dir;
  const std::string path =
      write(dir, "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\n" + std::string(kRows));
  EXPECT_EQ(read_error(path), path +
                                  ":5: header has no cellsize; expected the fields ncols, nrows, "
                                  "xllcorner (or xllcenter), yllcorner (or yllcenter), cellsize "
                                  "(or dx and dy), NODATA_value before the values");
}

TEST(EsriAsciiGrid, TruncatedHeaderIsNamed) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, "ncols 4\nnrows 3\nxllcorner");
  const std::string msg = read_error(path);
  EXPECT_NE(msg.find(path + ":3: xllcorner: found 0 values; expected one: 'xllcorner <value>'"),
            std::string::npos)
      << msg;
}

TEST(EsriAsciiGrid, BadHeaderValuesNameTheField) {
  sf::test::ScratchDir dir;
  std::string path = write(
      dir, "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize -2\n" + std::string(kRows));
  EXPECT_EQ(read_error(path),
            path + ":5: cellsize: '-2' is not a cell size; expected a number > 0 (m)");
  path = write(
      dir, "ncols 4.5\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncellsize 2\n" + std::string(kRows));
  EXPECT_EQ(read_error(path).rfind(path + ":1: ncols: '4.5' is not a positive whole number of "
                                          "columns",
                                   0),
            0u);
  path = write(
      dir, "ncols 4\nnrows 3\nxllcorner 1o00\nyllcorner 2000\ncellsize 2\n" + std::string(kRows));
  EXPECT_EQ(read_error(path), path + ":3: xllcorner: '1o00' is not a number");
  path = write(
      dir, "ncols 4\nnrows 3\nxllcorner 1000\nyllcorner 2000\ncelsize 2\n" + std::string(kRows));
  EXPECT_NE(read_error(path).find(path + ":5: celsize: unknown header field"), std::string::npos);
}

TEST(EsriAsciiGrid, SeveralProblemsAreReportedTogether) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, std::string(kHeader) + "1 2 x 4\n5 6 7 8\n9 y 11 12\n");
  try {
    sf::mesh::read_raster(path);
    FAIL() << "a grid with two bad values was accepted";
  } catch (const sf::InputError& e) {
    ASSERT_EQ(e.issues().size(), 2u) << e.what();
    EXPECT_EQ(e.issues()[0].field, "row 1, column 3");
    EXPECT_EQ(e.issues()[1].field, "row 3, column 2");
  }
}

TEST(EsriAsciiGrid, NanAndInfinityAreRefusedWithCountAndFirstCell) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir, std::string(kHeader) + "1 2 3 4\n5 nan 7 inf\n9 10 11 12\n");
  EXPECT_EQ(read_error(path), path +
                                  ": 2 cells hold NaN or infinity (first at row 2, column 2, x = "
                                  "1003, y = 2003); expected numbers, with missing cells set to "
                                  "the nodata value");
}

TEST(EsriAsciiGrid, NodataCellsStayInactiveAndCrlfIsRead) {
  sf::test::ScratchDir dir;
  const std::string path = write(dir,
                                 "ncols 2\r\nnrows 2\r\nxllcorner 0\r\nyllcorner 0\r\n"
                                 "cellsize 1\r\nNODATA_value -9999\r\n-9999 2.5 \r\n3 4\r\n\r\n");
  const auto r = sf::mesh::read_raster(path);
  EXPECT_FALSE(r.valid[r.index(0, 1)]);
  EXPECT_EQ(r.values[r.index(1, 1)], 2.5);
  EXPECT_EQ(r.values[r.index(0, 0)], 3.0);
}

TEST(EsriAsciiGrid, NanInAGeoTiffWithoutNodataIsRefused) {
  sf::test::ScratchDir dir;
  const std::string path = dir.file("dem.tif");
  GDALAllRegister();
  GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), 3, 2, 1, GDT_Float64, nullptr);
  ASSERT_NE(ds, nullptr);
  double gt[6] = {0.0, 1.0, 0.0, 2.0, 0.0, -1.0};
  GDALSetGeoTransform(ds, gt);
  double values[6] = {1, 2, 3, 4, 5, std::numeric_limits<double>::quiet_NaN()};
  ASSERT_EQ(
      GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 3, 2, values, 3, 2, GDT_Float64, 0, 0),
      CE_None);
  GDALClose(ds);
  EXPECT_EQ(read_error(path).rfind(path + ": 1 cell holds NaN or infinity (first at row 2, "
                                          "column 3, x = 2.5, y = 0.5)",
                                   0),
            0u);
}

}  // namespace
