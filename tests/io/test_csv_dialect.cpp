// The one CSV dialect (common/csv_rows.hpp) and the four readers built on it: gauge list and
// series, hyetograph, coupling points, daily rain. Each reader must take the same file shape:
// '#' comments on their own line and after a row, CRLF line ends, spaces around cells.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"
#include "couple/coupling_points.hpp"
#include "io/hyetograph_csv.hpp"
#include "rain/rain_gauges.hpp"
#include "scratch_dir.hpp"
#include "sponge/capture_ratio.hpp"

namespace sf {
namespace {

std::string write(const test::ScratchDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CsvRows, CommentsBlankLinesCellsAndLineNumbers) {
  test::ScratchDir dir;
  const std::string path =
      write(dir, "rows.csv", "# title\r\n a , b,c \r\n\r\n1,,3 # note\n  \n4,5,\n");
  const std::vector<csv::Row> rows = csv::read_rows(path);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].text, "a , b,c");
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"1", "", "3"}));
  EXPECT_EQ(rows[2].line, 6);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"4", "5", ""}));
}

TEST(CsvRows, NumbersAreWholeFiniteCells) {
  double v = 0;
  EXPECT_TRUE(csv::parse_number("-2.5e3", v));
  EXPECT_EQ(v, -2500.0);
  EXPECT_FALSE(csv::parse_number("", v));
  EXPECT_FALSE(csv::parse_number("3 mm", v));
  EXPECT_FALSE(csv::parse_number("1e999", v));
  EXPECT_FALSE(csv::parse_number("nan", v));
}

TEST(CsvRows, AMissingFileNamesTheFileAndWhatItIs) {
  EXPECT_EQ(error_of([] { csv::read_rows("/nonexistent/x.csv", "[rain gauges]", "the list"); }),
            "/nonexistent/x.csv: [rain gauges] cannot open the list");
}

// The same dialect for every reader: a comment line, a comment after a row, CRLF, spaces.
TEST(CsvDialect, GaugeListAndSeries) {
  test::ScratchDir dir;
  const auto gauges = rain::read_rain_gauges_csv(
      write(dir, "g.csv", "# gauges\r\ngauge, x, y\r\nG1, 10.5, 20 # north\r\n"));
  ASSERT_EQ(gauges.size(), 1u);
  EXPECT_EQ(gauges[0].name, "G1");
  EXPECT_EQ(gauges[0].x, 10.5);
  EXPECT_EQ(gauges[0].y, 20.0);
  const auto series = rain::read_gauge_series_csv(
      write(dir, "s.csv", "# series\r\ntime_min, G1\r\n0, 36 # mm/h\r\n10, 0\r\n"));
  ASSERT_EQ(series.names, std::vector<std::string>{"G1"});
  EXPECT_DOUBLE_EQ(series.rate_m_per_s[0].value(300.0), 36e-3 / 3600.0);
  EXPECT_DOUBLE_EQ(series.rate_m_per_s[0].value(600.0), 0.0);
}

TEST(CsvDialect, Hyetograph) {
  test::ScratchDir dir;
  const TimeSeries rain =
      io::read_hyetograph_csv(write(dir, "h.csv",
                                    "# storm\r\ntime,intensity\r\n0, 72 # peak\r\n"
                                    "60 , 0\r\n"),
                              1.0, TimeSeries::Interpolation::kStep);
  EXPECT_DOUBLE_EQ(rain.value(30.0), 72e-3 / 3600.0);
  EXPECT_DOUBLE_EQ(rain.value(90.0), 0.0);
  EXPECT_EQ(error_of([&] {
              io::read_hyetograph_csv(write(dir, "bad.csv", "time,intensity\n# c\n0,1\n60,x # y\n"),
                                      1.0, TimeSeries::Interpolation::kStep);
            }),
            dir.file("bad.csv") + ":4: '60,x' is not 'time,intensity' with two numbers");
}

TEST(CsvDialect, CouplingPoints) {
  test::ScratchDir dir;
  const auto points = couple::read_coupling_csv(
      write(dir, "c.csv", "# points\r\nnode_id, role, x, y\r\nJ1, inlet, 1.5, 2 # gully\r\n"));
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].node_id, "J1");
  EXPECT_EQ(points[0].role, couple::CouplingRole::Inlet);
  EXPECT_EQ(*points[0].x, 1.5);
  EXPECT_EQ(*points[0].y, 2.0);
  EXPECT_EQ(points[0].line, 3);
}

TEST(CsvDialect, DailyRain) {
  test::ScratchDir dir;
  const auto days = soil::read_daily_rain_csv(
      write(dir, "d.csv", "# station 1\r\ndate, rain_mm\r\n2001-06-01, 12.5 # storm\r\n"));
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].date, "2001-06-01");
  EXPECT_EQ(days[0].rain_mm, 12.5);
  EXPECT_EQ(error_of([&] {
              soil::read_daily_rain_csv(write(dir, "e.csv", "date,rain_mm\n2001-06-01,3,4\n"));
            }),
            dir.file("e.csv") + ":2: 3 columns; expected 2 (date,rain_mm)");
}

}  // namespace
}  // namespace sf
