// Sensor observations as urban monitoring delivers them (docs/forecast.md, "Observations"):
// water-level, depth and flow sensors at a point of the DEM or at a pipe-network node or link,
// with their readings on the case's clock. Read from CSV tables or an OGC SensorThings-like
// JSON document; values are converted to metres and m3/s on reading.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sf::io {

enum class SensorKind {
  kLevel,  // water level, m above the DEM's vertical datum (after adding the sensor's datum)
  kDepth,  // water depth, m
  kFlow,   // discharge, m3/s
};

const char* sensor_kind_name(SensorKind kind);

struct Sensor {
  std::string id;
  SensorKind kind = SensorKind::kDepth;
  bool at_point = false;  // x, y in the DEM's CRS; else node or link
  double x = 0, y = 0;
  std::string node;    // network node id (level/depth sensors)
  std::string link;    // network link id (flow sensors)
  double datum_m = 0;  // level sensors: elevation of the sensor's zero (added to readings)
  std::string where;   // "file:line" or "file: Things[0].Datastreams[1]" for messages
};

struct Reading {
  std::size_t sensor = 0;  // index into SensorSet::sensors
  double t_s = 0;          // seconds since the case's start
  double value = 0;        // m (level with the datum added, depth) or m3/s
};

struct SensorSet {
  std::vector<Sensor> sensors;
  std::vector<Reading> readings;  // sorted by sensor, then time

  /// Index of the sensor with this id, or sensors.size().
  std::size_t find(const std::string& id) const;
};

/// Reads a CSV (sensor table, readings, or both in one table), a SensorThings-like JSON file,
/// or every *.csv and *.json file of a folder (readings in one file may name sensors described
/// in another). Times are ISO 8601 date-times (placed on the clock by `start_iso8601`, the
/// case's [time] start) or seconds since the case's start. Throws sf::InputError naming the
/// file, the line or record and what was expected.
SensorSet read_sensor_observations(const std::string& path, const std::string& start_iso8601);

}  // namespace sf::io
