// Sensor CSV: a sensor table (id, kind, x, y | node | link, datum, unit), readings (sensor,
// time, value), or one table with both (every reading row carries its sensor's columns).
#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"
#include "io/sensor_parsing.hpp"

namespace sf::io::sensors {
namespace {

struct Columns {
  std::map<std::string, std::size_t> index;
  bool has(const std::string& name) const { return index.count(name) > 0; }
  std::string cell(const csv::Row& row, const std::string& name) const {
    const auto it = index.find(name);
    return it == index.end() || it->second >= row.cells.size() ? "" : row.cells[it->second];
  }
};

Columns header_columns(const csv::Row& header) {
  Columns c;
  for (std::size_t k = 0; k < header.cells.size(); ++k) {
    std::string name = header.cells[k];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (name == "sensor_id" || name == "sensor") name = "id";
    if (name == "time_s" || name == "timestamp") name = "time";
    c.index[name] = k;
  }
  return c;
}

struct RowReader {
  const std::string& path;
  const csv::Row& row;
  const Columns& cols;

  [[noreturn]] void fail(const std::string& column, const std::string& message) const {
    throw InputError(InputIssue{path, row.line, "", column, message});
  }
  std::string text(const std::string& column) const { return cols.cell(row, column); }
  double number(const std::string& column, const std::string& expected) const {
    double v = 0;
    if (!csv::parse_number(text(column), v))
      fail(column, "'" + text(column) + "' is not a number; expected " + expected);
    return v;
  }
  std::string where() const { return path + ":" + std::to_string(row.line); }

  SensorEntry sensor() const {
    SensorEntry e;
    Sensor& s = e.sensor;
    s.id = text("id");
    if (s.id.empty()) fail("id", "is empty; expected the sensor's id");
    if (!parse_kind(text("kind"), s.kind))
      fail("kind", "'" + text("kind") + "' is not a sensor kind; expected level, depth or flow");
    if (!parse_unit(text("unit"), s.kind, e.scale))
      fail("unit", "'" + text("unit") + "' is not understood for a " + sensor_kind_name(s.kind) +
                       " sensor; expected " + units_expected(s.kind));
    s.node = text("node");
    s.link = text("link");
    if (!text("x").empty() || !text("y").empty()) {
      s.x = number("x", "the sensor's x in the DEM's CRS (m)");
      s.y = number("y", "the sensor's y in the DEM's CRS (m)");
      s.at_point = true;
    }
    if (!text("datum").empty())
      s.datum_m = number("datum", "the elevation of the sensor's zero (m)");
    s.where = where();
    if (const std::string why = location_problem(s); !why.empty()) fail("", why);
    return e;
  }

  RawReading reading(const std::string& start_iso8601) const {
    RawReading r;
    r.sensor = text("id");
    if (r.sensor.empty()) fail("sensor", "is empty; expected a sensor id");
    try {
      r.t_s = parse_time(text("time"), start_iso8601);
    } catch (const std::invalid_argument& e) {
      fail("time", e.what());
    }
    r.value = number("value", "the reading (a number)");
    r.where = where();
    return r;
  }
};

}  // namespace

Parsed parse_sensor_csv(const std::string& path, const std::string& start_iso8601) {
  const std::vector<csv::Row> rows = csv::read_rows(path, "", "the sensor file");
  if (rows.empty())
    throw InputError(InputIssue{path, 0, "", "", "is empty; expected a header line"});
  const Columns cols = header_columns(rows[0]);
  const bool readings = cols.has("time") || cols.has("value");
  const bool described = cols.has("kind");
  auto missing = [&](const std::string& column, const std::string& what) {
    throw InputError(InputIssue{path, rows[0].line, "", "header",
                                "has no column '" + column + "'; expected " + what});
  };
  const std::string forms =
      "a sensor table (id,kind,x,y|node|link[,datum,unit]), readings (sensor,time,value) or "
      "both in one table";
  if (!cols.has("id")) missing("id", forms);
  if (!readings && !described) missing("kind", forms);
  if (readings && !cols.has("time")) missing("time", "the reading's time beside its value");
  if (readings && !cols.has("value")) missing("value", "the reading beside its time");

  Parsed p;
  std::map<std::string, std::size_t> seen;  // sensor id -> entry (combined tables repeat it)
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const RowReader r{path, rows[k], cols};
    if (described) {
      SensorEntry e = r.sensor();
      const auto it = seen.find(e.sensor.id);
      if (it == seen.end()) {
        seen[e.sensor.id] = p.sensors.size();
        p.sensors.push_back(std::move(e));
      } else if (!readings) {
        r.fail("id", "sensor '" + e.sensor.id + "' is described twice (first at " +
                         p.sensors[it->second].sensor.where + "); expected one row per sensor");
      } else if (p.sensors[it->second].sensor.kind != e.sensor.kind) {
        r.fail("kind", "sensor '" + e.sensor.id + "' was a " +
                           sensor_kind_name(p.sensors[it->second].sensor.kind) + " sensor at " +
                           p.sensors[it->second].sensor.where + "; expected the same kind");
      }
    }
    if (readings) p.readings.push_back(r.reading(start_iso8601));
  }
  return p;
}

}  // namespace sf::io::sensors
