#include "io/sensor_observations.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"
#include "io/netcdf/cf_time.hpp"
#include "io/sensor_parsing.hpp"

namespace sf::io {
namespace sensors {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

bool parse_kind(const std::string& text, SensorKind& kind) {
  const std::string k = lower(csv::trim(text));
  if (k == "level" || k == "water_level" || k == "stage") {
    kind = SensorKind::kLevel;
  } else if (k == "depth" || k == "water_depth") {
    kind = SensorKind::kDepth;
  } else if (k == "flow" || k == "discharge") {
    kind = SensorKind::kFlow;
  } else {
    return false;
  }
  return true;
}

bool parse_unit(const std::string& text, SensorKind kind, double& scale) {
  const std::string u = lower(csv::trim(text));
  if (kind == SensorKind::kFlow) {
    if (u.empty() || u == "m3/s" || u == "m^3/s" || u == "m3 s-1" || u == "m\u00b3/s")
      scale = 1.0;
    else if (u == "l/s" || u == "l s-1")
      scale = 1e-3;
    else if (u == "m3/h" || u == "m^3/h" || u == "m\u00b3/h")
      scale = 1.0 / 3600.0;
    else
      return false;
    return true;
  }
  if (u.empty() || u == "m")
    scale = 1.0;
  else if (u == "cm")
    scale = 1e-2;
  else if (u == "mm")
    scale = 1e-3;
  else
    return false;
  return true;
}

std::string units_expected(SensorKind kind) {
  return kind == SensorKind::kFlow ? "m3/s, L/s or m3/h" : "m, cm or mm";
}

double parse_time(const std::string& text, const std::string& start_iso8601) {
  double t = 0;
  if (csv::parse_number(text, t)) return t;
  if (text.find('-') == std::string::npos)
    throw std::invalid_argument("'" + text +
                                "' is not a time; expected seconds since the case's start or an "
                                "ISO 8601 date-time (2024-07-20T14:30:00+08:00)");
  if (start_iso8601.empty())
    throw std::invalid_argument("'" + text +
                                "' is a date-time, but the case has no [time] start to place it "
                                "on the run's clock; give seconds since the start or set it");
  try {
    return parse_iso8601_calendar_seconds(text, CfCalendar::kProlepticGregorian) -
           parse_iso8601_calendar_seconds(start_iso8601, CfCalendar::kProlepticGregorian);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("'" + text +
                                "' is not a time; expected seconds since the case's start or an "
                                "ISO 8601 date-time (2024-07-20T14:30:00+08:00)");
  }
}

std::string location_problem(const Sensor& s) {
  if (s.kind == SensorKind::kFlow) {
    if (s.link.empty() && s.node.empty())
      return "flow sensor '" + s.id +
             "' names no link or node; expected the id of a network link (or an outfall node)";
    return "";
  }
  if (!s.link.empty())
    return "sensor '" + s.id + "' (" + sensor_kind_name(s.kind) +
           ") names a link; expected x, y in the DEM's CRS or a network node";
  if (!s.at_point && s.node.empty())
    return "sensor '" + s.id + "' has no location; expected x, y in the DEM's CRS or a node id";
  return "";
}

}  // namespace sensors

const char* sensor_kind_name(SensorKind kind) {
  switch (kind) {
    case SensorKind::kLevel:
      return "level";
    case SensorKind::kDepth:
      return "depth";
    case SensorKind::kFlow:
      return "flow";
  }
  return "?";
}

std::size_t SensorSet::find(const std::string& id) const {
  for (std::size_t k = 0; k < sensors.size(); ++k)
    if (sensors[k].id == id) return k;
  return sensors.size();
}

namespace {

namespace fs = std::filesystem;

std::vector<std::string> input_files(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    if (!fs::exists(path, ec))
      throw InputError(InputIssue{path, 0, "", "--observations",
                                  "no such file or folder; expected a CSV or "
                                  "JSON file of sensor readings, or a folder"});
    return {path};
  }
  std::vector<std::string> files;
  for (const fs::directory_entry& e : fs::directory_iterator(path)) {
    const std::string name = e.path().filename().string();
    const std::string ext = e.path().extension().string();
    // Hidden names and partial files are still arriving (written elsewhere, then renamed in).
    if (e.is_regular_file() && !name.empty() && name[0] != '.' && (ext == ".csv" || ext == ".json"))
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_json(const std::string& path) {
  return fs::path(path).extension() == ".json";
}

}  // namespace

SensorSet read_sensor_observations(const std::string& path, const std::string& start_iso8601) {
  std::vector<sensors::SensorEntry> entries;
  std::vector<sensors::RawReading> raw;
  for (const std::string& file : input_files(path)) {
    sensors::Parsed p = is_json(file) ? sensors::parse_sensor_things_json(file, start_iso8601)
                                      : sensors::parse_sensor_csv(file, start_iso8601);
    for (sensors::SensorEntry& e : p.sensors) {
      for (const sensors::SensorEntry& old : entries)
        if (old.sensor.id == e.sensor.id)
          throw InputError(InputIssue{e.sensor.where, 0, "", "",
                                      "sensor '" + e.sensor.id + "' is described again (first at " +
                                          old.sensor.where + "); expected one description"});
      entries.push_back(std::move(e));
    }
    raw.insert(raw.end(), p.readings.begin(), p.readings.end());
  }
  SensorSet set;
  for (const sensors::SensorEntry& e : entries) set.sensors.push_back(e.sensor);
  for (const sensors::RawReading& r : raw) {
    const std::size_t k = set.find(r.sensor);
    if (k == set.sensors.size())
      throw InputError(InputIssue{r.where, 0, "", "sensor",
                                  "no sensor '" + r.sensor + "' is described in " + path +
                                      "; expected its id, kind and location in a sensor table"});
    double value = r.value * entries[k].scale;
    if (set.sensors[k].kind == SensorKind::kLevel) value += set.sensors[k].datum_m;
    set.readings.push_back(Reading{k, r.t_s, value});
  }
  std::stable_sort(set.readings.begin(), set.readings.end(),
                   [](const Reading& a, const Reading& b) {
                     return a.sensor != b.sensor ? a.sensor < b.sensor : a.t_s < b.t_s;
                   });
  return set;
}

}  // namespace sf::io
