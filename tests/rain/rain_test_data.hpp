// Where the shared rain files are, and the grids that match them.
#pragma once

#include <filesystem>
#include <string>

#include "rain/grid_geometry.hpp"

namespace rain_test {

inline std::string shared_rain(const std::string& relative = "") {
  return std::string(SPONGEFLOW_SHARED_DIR) + "/rain/" + relative;
}

inline bool have_shared_rain() {
  return std::filesystem::exists(shared_rain("README.md"));
}

#define SKIP_WITHOUT_SHARED_RAIN()                                        \
  if (!rain_test::have_shared_rain())                                     \
  GTEST_SKIP() << "shared rain data absent (" << rain_test::shared_rain() \
               << "); these tests need ../shared/rain, see its README"

// The 64 x 64 crop: 500 m cells, x -16 .. 16 km, y -24 .. 8 km (Albers, file CRS).
inline sf::rain::GridGeometry crop_grid() {
  return {64, 64, 500.0, -16000.0, -24000.0, ""};
}

constexpr double kMmPerHour = 1e-3 / 3600.0;  // m/s

}  // namespace rain_test
