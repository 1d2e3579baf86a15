// Every malformed file of ../shared/rain/bad gives a message naming the file and the variable.
#include <gtest/gtest.h>

#include <numeric>

#include "common/input_error.hpp"
#include "io/netcdf/netcdf_rain_source.hpp"
#include "rain_test_data.hpp"

namespace {

using rain_test::kMmPerHour;
using rain_test::shared_rain;

// The bad/ files: 32 x 32 cells, x -8 .. 8 km, y -16 .. 0 km.
sf::io::NetcdfRainOptions bad_grid_options() {
  sf::io::NetcdfRainOptions o;
  o.target = {32, 32, 500.0, -8000.0, -16000.0, ""};
  return o;
}

std::string error_of(const std::string& file) {
  try {
    sf::io::NetcdfRainSource(shared_rain("bad/" + file), bad_grid_options());
  } catch (const sf::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(NetcdfRainErrors, ControlFileIsAccepted) {
  SKIP_WITHOUT_SHARED_RAIN();
  const sf::io::NetcdfRainSource rain(shared_rain("bad/control_valid.nc"), bad_grid_options());
  const double expected[] = {10.0, 8.1, 2.2, 1.2, 0.4, 6.3};  // README frame means, mm/h
  ASSERT_EQ(rain.frames().size(), 6u);
  std::vector<float> rate;
  for (std::size_t k = 0; k < 6; ++k) {
    rain.read_frame_on_grid(k, rate);
    const double mean = std::accumulate(rate.begin(), rate.end(), 0.0) / rate.size();
    EXPECT_NEAR(mean / kMmPerHour, expected[k], 0.05) << "frame " << k;
  }
}

TEST(NetcdfRainErrors, NoTimeAxis) {
  SKIP_WITHOUT_SHARED_RAIN();
  const std::string m = error_of("no_time_axis.nc");
  EXPECT_NE(m.find("no_time_axis.nc"), std::string::npos) << m;
  EXPECT_NE(m.find("rainfall_rate: dimension time (6) has no time coordinate variable"),
            std::string::npos)
      << m;
}

TEST(NetcdfRainErrors, FurlongsAreNotARate) {
  SKIP_WITHOUT_SHARED_RAIN();
  const std::string m = error_of("bad_units_furlongs.nc");
  EXPECT_NE(m.find("bad_units_furlongs.nc"), std::string::npos) << m;
  EXPECT_NE(m.find("rainfall_rate: units \"furlongs\" are an amount"), std::string::npos) << m;
  EXPECT_NE(m.find("standard_name lwe_precipitation_rate declares a rate"), std::string::npos) << m;
  EXPECT_NE(m.find("expected units convertible to m s-1"), std::string::npos) << m;
}

TEST(NetcdfRainErrors, NonMonotonicTime) {
  SKIP_WITHOUT_SHARED_RAIN();
  const std::string m = error_of("nonmonotonic_time.nc");
  EXPECT_NE(m.find("nonmonotonic_time.nc"), std::string::npos) << m;
  EXPECT_NE(m.find("time: values are not strictly increasing at index 3"), std::string::npos) << m;
}

TEST(NetcdfRainErrors, MissingFileAndUnknownVariable) {
  SKIP_WITHOUT_SHARED_RAIN();
  EXPECT_NE(error_of("does_not_exist.nc").find("does_not_exist.nc: [rain] cannot open"),
            std::string::npos);
  auto options = bad_grid_options();
  options.variable = "precip";
  try {
    sf::io::NetcdfRainSource(shared_rain("bad/control_valid.nc"), options);
    FAIL();
  } catch (const sf::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("control_valid.nc: [rain] precip: no such variable"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
