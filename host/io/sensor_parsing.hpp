// Internal to the sensor readers (sensor_csv.cpp, sensor_things_json.cpp): what a file says
// before readings are matched to sensors across files, and the parsers of kinds, units and
// times both formats share.
#pragma once

#include <string>
#include <vector>

#include "io/sensor_observations.hpp"

namespace sf::io::sensors {

/// A sensor as described, with the factor that turns its readings into m or m3/s.
struct SensorEntry {
  Sensor sensor;
  double scale = 1.0;
};

/// A reading before it is matched to its sensor (in the same file or another).
struct RawReading {
  std::string sensor;
  double t_s = 0;
  double value = 0;  // in the sensor's unit
  std::string where;
};

struct Parsed {
  std::vector<SensorEntry> sensors;
  std::vector<RawReading> readings;
};

/// "level" (also water_level, stage), "depth" (water_depth), "flow" (discharge); false else.
bool parse_kind(const std::string& text, SensorKind& kind);
/// Factor to m (m, cm, mm) or m3/s (m3/s, m^3/s, l/s, m3/h); empty text is the SI unit.
/// False when the unit does not fit the kind.
bool parse_unit(const std::string& text, SensorKind kind, double& scale);
/// Seconds since the case's start: a number (seconds) or an ISO 8601 date-time. Throws
/// std::invalid_argument saying what was expected.
double parse_time(const std::string& text, const std::string& start_iso8601);
/// What parse_unit accepts for a kind, for messages.
std::string units_expected(SensorKind kind);

/// Checks the location rules: level/depth sensors at a point or a node, flow sensors at a link.
/// Returns "" or what is wrong.
std::string location_problem(const Sensor& s);

Parsed parse_sensor_csv(const std::string& path, const std::string& start_iso8601);
Parsed parse_sensor_things_json(const std::string& path, const std::string& start_iso8601);

}  // namespace sf::io::sensors
