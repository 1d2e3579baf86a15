// An OGC SensorThings API-like document (OGC 15-078r6): Things with Datastreams, each with its
// Observations {phenomenonTime, result}. docs/forecast.md shows an example. The sensor id is the
// Datastream's name; where it is: properties.node / properties.link of the Datastream (or of its
// Thing), else the Datastream's observedArea or the Thing's first Location (a GeoJSON Point in
// the DEM's CRS); its kind: properties.kind, else the ObservedProperty's name (level, stage,
// depth, flow, discharge); its unit: unitOfMeasurement.symbol.
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/input_error.hpp"
#include "io/sensor_parsing.hpp"

namespace sf::io::sensors {
namespace {

using json = nlohmann::json;

struct Reader {
  const std::string& path;
  const std::string& start;

  [[noreturn]] void fail(const std::string& record, const std::string& message) const {
    throw InputError(InputIssue{path, 0, "", record, message});
  }

  static const json* member(const json& j, const char* name) {
    if (!j.is_object()) return nullptr;
    const auto it = j.find(name);
    return it == j.end() || it->is_null() ? nullptr : &*it;
  }
  std::string text(const json& j, const char* name, const std::string& record) const {
    const json* m = member(j, name);
    if (!m) return "";
    if (m->is_string()) return m->get<std::string>();
    if (m->is_number()) return m->dump();
    fail(record + "." + name, "is " + std::string(m->type_name()) + "; expected a string");
  }

  /// A GeoJSON Point's x, y; false when `j` is absent.
  bool point(const json* j, const std::string& record, Sensor& s) const {
    if (!j) return false;
    const json* c = member(*j, "coordinates");
    if (text(*j, "type", record) != "Point" || !c || !c->is_array() || c->size() < 2 ||
        !(*c)[0].is_number() || !(*c)[1].is_number())
      fail(record,
           "expected a GeoJSON Point {\"type\": \"Point\", \"coordinates\": [x, y]} in "
           "the DEM's CRS");
    s.x = (*c)[0].get<double>();
    s.y = (*c)[1].get<double>();
    s.at_point = true;
    return true;
  }

  SensorKind kind(const json& ds, const std::string& record) const {
    SensorKind k;
    const json* props = member(ds, "properties");
    const std::string given = props ? text(*props, "kind", record + ".properties") : "";
    if (!given.empty()) {
      if (parse_kind(given, k)) return k;
      fail(record + ".properties.kind", "'" + given +
                                            "' is not a sensor kind; expected level, "
                                            "depth or flow");
    }
    const json* op = member(ds, "ObservedProperty");
    std::string name = op ? text(*op, "name", record + ".ObservedProperty") : "";
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name.find("level") != std::string::npos || name.find("stage") != std::string::npos)
      return SensorKind::kLevel;
    if (name.find("depth") != std::string::npos) return SensorKind::kDepth;
    if (name.find("flow") != std::string::npos || name.find("discharge") != std::string::npos)
      return SensorKind::kFlow;
    fail(record,
         "says no kind; expected properties.kind (level, depth, flow) or an "
         "ObservedProperty named like 'water level', 'water depth' or 'discharge'");
  }

  void datastream(const json& thing, const json& ds, const std::string& record, Parsed& p) const {
    if (!ds.is_object()) fail(record, "expected a Datastream object");
    SensorEntry e;
    Sensor& s = e.sensor;
    s.id = text(ds, "name", record);
    if (s.id.empty()) s.id = text(ds, "@iot.id", record);
    if (s.id.empty()) fail(record + ".name", "is missing; expected the sensor's id");
    s.kind = kind(ds, record);
    const json* uom = member(ds, "unitOfMeasurement");
    const std::string unit = uom ? text(*uom, "symbol", record + ".unitOfMeasurement") : "";
    if (!parse_unit(unit, s.kind, e.scale))
      fail(record + ".unitOfMeasurement.symbol", "'" + unit + "' is not understood for a " +
                                                     sensor_kind_name(s.kind) +
                                                     " sensor; expected " + units_expected(s.kind));
    const json* props = member(ds, "properties");
    const json* thing_props = member(thing, "properties");
    for (const json* pr : {props, thing_props}) {
      if (!pr) continue;
      if (s.node.empty()) s.node = text(*pr, "node", record + ".properties");
      if (s.link.empty()) s.link = text(*pr, "link", record + ".properties");
    }
    if (props && member(*props, "datum")) {
      if (!(*props)["datum"].is_number())
        fail(record + ".properties.datum", "expected the elevation of the sensor's zero (m)");
      s.datum_m = (*props)["datum"].get<double>();
    }
    if (s.node.empty() && s.link.empty() &&
        !point(member(ds, "observedArea"), record + ".observedArea", s)) {
      const json* locs = member(thing, "Locations");
      if (locs && locs->is_array() && !locs->empty())
        point(member((*locs)[0], "location"), record + " (its Thing's Locations[0].location)", s);
    }
    s.where = path + ": " + record;
    if (const std::string why = location_problem(s); !why.empty()) fail(record, why);

    const json* obs = member(ds, "Observations");
    if (obs && !obs->is_array()) fail(record + ".Observations", "expected an array");
    if (obs)
      for (std::size_t k = 0; k < obs->size(); ++k) {
        const json& o = (*obs)[k];
        const std::string rec = record + ".Observations[" + std::to_string(k) + "]";
        RawReading r;
        r.sensor = s.id;
        std::string t = text(o, "phenomenonTime", rec);
        if (t.empty()) t = text(o, "resultTime", rec);
        if (const auto slash = t.find('/'); slash != std::string::npos)
          t = t.substr(slash + 1);  // an interval: the reading holds at its end
        try {
          r.t_s = parse_time(t, start);
        } catch (const std::invalid_argument& e) {
          fail(rec + ".phenomenonTime", e.what());
        }
        const json* result = member(o, "result");
        if (!result || !result->is_number())
          fail(rec + ".result",
               std::string("is ") + (result ? result->dump() : "missing") + "; expected a number");
        r.value = result->get<double>();
        r.where = path + ": " + rec;
        p.readings.push_back(r);
      }
    p.sensors.push_back(std::move(e));
  }
};

}  // namespace

Parsed parse_sensor_things_json(const std::string& path, const std::string& start_iso8601) {
  std::ifstream in(path);
  if (!in) throw InputError(InputIssue{path, 0, "", "", "cannot open the sensor file"});
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error& e) {
    throw InputError(InputIssue{path, 0, "", "",
                                "is not JSON (byte " + std::to_string(e.byte) +
                                    "); expected a SensorThings-like document"});
  }
  const Reader r{path, start_iso8601};
  const json* things = Reader::member(doc, "Things");
  if (!things) things = Reader::member(doc, "value");  // a SensorThings collection response
  if (!things || !things->is_array())
    r.fail("",
           "has no \"Things\" array; expected {\"Things\": [{\"name\": ..., "
           "\"Datastreams\": [...]}]}");
  Parsed p;
  for (std::size_t t = 0; t < things->size(); ++t) {
    const json& thing = (*things)[t];
    const std::string rec = "Things[" + std::to_string(t) + "]";
    const json* ds = Reader::member(thing, "Datastreams");
    if (!ds || !ds->is_array()) r.fail(rec, "has no \"Datastreams\" array");
    for (std::size_t d = 0; d < ds->size(); ++d)
      r.datastream(thing, (*ds)[d], rec + ".Datastreams[" + std::to_string(d) + "]", p);
  }
  return p;
}

}  // namespace sf::io::sensors
