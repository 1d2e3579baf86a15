// Capture ratio (年径流总量控制率) and design depth on a series worked out by hand.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/input_error.hpp"
#include "sponge/capture_ratio.hpp"

namespace sf::soil {
namespace {

// Days of 1 and 2 mm are dropped (<= 2 mm); the rest total 3 + 5 + 10 + 20 + 40 = 78 mm.
const std::vector<double> kSeries = {1, 2, 3, 5, 10, 20, 0, 40};

TEST(CaptureRatio, ByHand) {
  EXPECT_DOUBLE_EQ(capture_ratio(kSeries, 10), (3 + 5 + 10 + 10 + 10) / 78.0);
  EXPECT_DOUBLE_EQ(capture_ratio(kSeries, 5), (3 + 5 + 5 + 5 + 5) / 78.0);
  EXPECT_DOUBLE_EQ(capture_ratio(kSeries, 40), 1.0);
  EXPECT_DOUBLE_EQ(capture_ratio(kSeries, 0), 0.0);
}

TEST(CaptureRatio, DesignDepthInvertsTheRatio) {
  EXPECT_NEAR(design_depth_for_ratio(kSeries, 38 / 78.0), 10.0, 1e-6);
  // 0.5 of 78 = 39 mm = 3 + 5 + 10 + 2 d  =>  d = 10.5 mm
  EXPECT_NEAR(design_depth_for_ratio(kSeries, 0.5), 10.5, 1e-6);
  EXPECT_NEAR(design_depth_for_ratio(kSeries, 1.0), 40.0, 1e-6);
}

TEST(CaptureRatio, BadTargetAndEmptySeriesAreInputErrors) {
  EXPECT_THROW(design_depth_for_ratio(kSeries, 0.0), InputError);
  EXPECT_THROW(design_depth_for_ratio(kSeries, 1.2), InputError);
  EXPECT_THROW(capture_ratio({0.5, 2.0}, 10), InputError);
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = std::string(SPONGEFLOW_BINARY_DIR) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(DailyRainCsv, ReadsTheSeries) {
  const std::string path =
      write_temp("soil_rain_ok.csv", "date,rain_mm\n2001-06-01,12.5\n\n2001-06-02,0\n");
  const auto days = read_daily_rain_csv(path);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, "2001-06-01");
  EXPECT_DOUBLE_EQ(days[0].rain_mm, 12.5);
  std::remove(path.c_str());
}

TEST(DailyRainCsv, NamesEveryBadRow) {
  const std::string path = write_temp(
      "soil_rain_bad.csv", "date,rain_mm\n2001-06-01,-3\n2001/06/02,4\n2001-06-03,lots\n");
  try {
    read_daily_rain_csv(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(path + ":2: rain_mm: -3 is negative; expected a depth >= 0 mm"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find(path + ":3: date: '2001/06/02'; expected YYYY-MM-DD"), std::string::npos) << m;
    EXPECT_NE(m.find(path + ":4: rain_mm: 'lots'; expected a number of mm"), std::string::npos)
        << m;
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace sf::soil
