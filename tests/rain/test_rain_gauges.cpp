// Rain gauges: CSV formats, Thiessen and inverse-distance weights by hand values, messages.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

#include <unistd.h>

#include "common/input_error.hpp"
#include "rain/rain_gauges.hpp"

namespace {

using sf::rain::GaugeInterpolation;
using sf::rain::GridGeometry;
using sf::rain::RainGauge;

class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    char name[] = "/tmp/sf_rain_gaugeXXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    path_ = name;
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sf::InputError& e) {
    return e.what();
  }
  return "(no exception)";
}

// 4 x 1 cells of 10 m, centres at x = 5, 15, 25, 35; gauges at x = 0 and x = 40 (y = 5).
const GridGeometry kRow{4, 1, 10.0, 0.0, 0.0, ""};
const std::vector<RainGauge> kTwo{{"west", 0.0, 5.0}, {"east", 40.0, 5.0}};

TEST(GaugeWeights, ThiessenTakesTheNearestGauge) {
  const auto w = sf::rain::compute_gauge_weights(kTwo, kRow, {GaugeInterpolation::kThiessen, 2});
  std::vector<float> cells;
  sf::rain::apply_gauge_weights(w, {1.0, 3.0}, cells);
  EXPECT_EQ(cells, (std::vector<float>{1.0f, 1.0f, 3.0f, 3.0f}));
}

TEST(GaugeWeights, InverseDistanceByHand) {
  const auto w =
      sf::rain::compute_gauge_weights(kTwo, kRow, {GaugeInterpolation::kInverseDistance, 2.0});
  std::vector<float> cells;
  sf::rain::apply_gauge_weights(w, {1.0, 3.0}, cells);
  // Cell 0: d = 5 and 35 -> w = (1/25, 1/1225) / sum -> (49/50, 1/50): 1*0.98 + 3*0.02 = 1.04.
  EXPECT_NEAR(cells[0], 1.04, 1e-6);
  // Cell 1: d = 15, 25 -> w ∝ 1/225, 1/625 = 25/34, 9/34 -> (25 + 27)/34.
  EXPECT_NEAR(cells[1], 52.0 / 34.0, 1e-6);
  EXPECT_NEAR(cells[2], (9.0 + 75.0) / 34.0, 1e-6);
  for (std::size_t c = 0; c < 4; ++c) {
    double sum = 0.0;
    for (std::size_t k = w.cell_begin[c]; k < w.cell_begin[c + 1]; ++k) sum += w.weight[k];
    EXPECT_NEAR(sum, 1.0, 1e-12);
  }
}

TEST(GaugeRain, FilesToGridMeanRate) {
  const TempFile gauges("# two gauges\ngauge,x,y\nwest,0,5\neast,40,5\n");
  const TempFile series("time_min,east,west\n0,36,0\n10,72,3.6\n20,0,0\n");
  const auto source = sf::rain::GaugeRainSource::from_files(gauges.path(), series.path(), kRow,
                                                            {GaugeInterpolation::kThiessen, 2});
  std::vector<float> rate;
  source.mean_rate_on_grid(0.0, 1200.0, rate);  // east: mean of 36 and 72 mm/h = 54 mm/h
  EXPECT_NEAR(rate[3], 54.0e-3 / 3600.0, 1e-12);
  EXPECT_NEAR(rate[0], 1.8e-3 / 3600.0, 1e-12);
  source.mean_rate_on_grid(1200.0, 1800.0, rate);
  EXPECT_EQ(rate[3], 0.0f);
}

TEST(GaugeRain, MessagesNameFileLineAndColumn) {
  const TempFile bad_header("name,x,y\nA,1,2\n");
  EXPECT_NE(error_of([&] {
              sf::rain::read_rain_gauges_csv(bad_header.path());
            }).find(":1: [rain gauges] header: found \"name,...\"; expected exactly \"gauge,x,y\""),
            std::string::npos);
  const TempFile bad_rows("gauge,x,y\nA,1,two\nA,3,4\n");
  const std::string m = error_of([&] { sf::rain::read_rain_gauges_csv(bad_rows.path()); });
  EXPECT_NE(m.find(":2: [rain gauges] A y: \"two\" is not a number"), std::string::npos) << m;
  EXPECT_NE(m.find(":3: [rain gauges] A: gauge listed twice"), std::string::npos) << m;

  const TempFile bad_series("time_min,A\n0,-1\n0,2\n");
  const std::string s = error_of([&] { sf::rain::read_gauge_series_csv(bad_series.path()); });
  EXPECT_NE(s.find(":2: [rain gauge series] A: \"-1\"; expected an intensity >= 0 in mm/h"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(":3: [rain gauge series] time_min: 0 does not increase"), std::string::npos)
      << s;
  const TempFile bad_time("minutes,A\n0,1\n");
  EXPECT_NE(error_of([&] {
              sf::rain::read_gauge_series_csv(bad_time.path());
            }).find("expected time_s, time_min or time_h"),
            std::string::npos);

  const TempFile gauges("gauge,x,y\nA,0,0\nB,1,1\n");
  const TempFile series("time_s,A,C\n0,1,1\n");
  const std::string g = error_of(
      [&] { sf::rain::GaugeRainSource::from_files(gauges.path(), series.path(), kRow, {}); });
  EXPECT_NE(g.find("B: gauge has no column"), std::string::npos) << g;
  EXPECT_NE(g.find("C: column names no gauge"), std::string::npos) << g;
}

}  // namespace
