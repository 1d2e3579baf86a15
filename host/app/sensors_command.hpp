// `spongeflow make-sensors RESULTS.nc SENSORS.csv`: synthetic depth sensors at the deepest low
// points of a run, read at its output times with a bias and noise (demo/synthetic_sensors.hpp),
// written as one sensor CSV for `forecast --observations` (docs/forecast.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace sf::app {

struct MakeSensorsOptions {
  std::string results;  // results.nc of the run the sensors "observe"
  std::string output;   // sensors CSV (sensor,kind,x,y,time,value)
  int count = 4;
  double spacing_m = 100;
  double min_depth_m = 0.05;
  double bias_m = 0;
  double noise_m = 0.005;  // standard deviation
  std::uint32_t seed = 7;
};

int make_sensors_command(const MakeSensorsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
