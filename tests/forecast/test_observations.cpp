// Sensor observations (docs/forecast.md, "Observations"): the CSV and SensorThings-like JSON
// readers on good files and on each kind of bad input (the message names the file, line or
// record and what was expected), the agreement statistics against hand values, and the state
// correction on a flat pond (the depth at the sensor becomes the reading; the volume change is
// reported exactly).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/input_error.hpp"
#include "forecast/observation_stats.hpp"
#include "forecast/state_correction.hpp"
#include "io/sensor_observations.hpp"

namespace sf::test {
namespace {

namespace fs = std::filesystem;

const std::string kStart = "2024-07-20T14:00:00+08:00";

fs::path scratch_file(const std::string& name, const std::string& text) {
  const fs::path dir = fs::path(SPONGEFLOW_BINARY_DIR) / "test-scratch" / "observations";
  fs::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

/// The message of the InputError that reading `path` throws ("" when none).
std::string read_error(const fs::path& path) {
  try {
    io::read_sensor_observations(path.string(), kStart);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SensorReaders, CsvTableAndReadingsInAFolder) {
  const fs::path dir = fs::path(SPONGEFLOW_BINARY_DIR) / "test-scratch" / "observations_dir";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "sensors.csv") << "id,kind,x,y,node,link,datum,unit\n"
                                        "P1,level,1010,2010,,,9.5,cm\n"
                                        "D1,depth,1020,2020,,,,mm\n"
                                        "F1,flow,,,,C3,,L/s\n";
  std::ofstream(dir / "readings.csv") << "sensor,time,value\n"
                                         "P1,2024-07-20T14:10:00+08:00,60\n"
                                         "P1,300,50   # seconds since the start\n"
                                         "D1,2024-07-20T06:05:00Z,120\n"
                                         "F1,60,250\n";
  std::ofstream(dir / ".arriving.csv") << "not,a,sensor,file\n";  // hidden: still arriving
  const io::SensorSet s = io::read_sensor_observations(dir.string(), kStart);
  ASSERT_EQ(s.sensors.size(), 3u);
  EXPECT_EQ(s.sensors[0].kind, io::SensorKind::kLevel);
  EXPECT_TRUE(s.sensors[0].at_point);
  EXPECT_EQ(s.sensors[2].link, "C3");
  ASSERT_EQ(s.readings.size(), 4u);
  // Sorted by sensor, then time; level = datum + value in m; mm -> m; L/s -> m3/s.
  EXPECT_EQ(s.readings[0].sensor, 0u);
  EXPECT_DOUBLE_EQ(s.readings[0].t_s, 300.0);
  EXPECT_DOUBLE_EQ(s.readings[0].value, 9.5 + 0.50);
  EXPECT_DOUBLE_EQ(s.readings[1].t_s, 600.0);
  EXPECT_DOUBLE_EQ(s.readings[1].value, 9.5 + 0.60);
  EXPECT_DOUBLE_EQ(s.readings[2].t_s, 300.0);  // 06:05Z is 14:05+08:00
  EXPECT_DOUBLE_EQ(s.readings[2].value, 0.120);
  EXPECT_DOUBLE_EQ(s.readings[3].value, 0.250);
}

TEST(SensorReaders, OneCsvWithSensorsAndReadings) {
  const fs::path f = scratch_file("combined.csv",
                                  "sensor,kind,x,y,time,value\n"
                                  "S1,depth,1001,2001,0,0.0\n"
                                  "S1,depth,1001,2001,60,0.25\n"
                                  "S2,depth,1003,2003,60,0.5\n");
  const io::SensorSet s = io::read_sensor_observations(f.string(), kStart);
  ASSERT_EQ(s.sensors.size(), 2u);
  ASSERT_EQ(s.readings.size(), 3u);
  EXPECT_DOUBLE_EQ(s.readings[1].value, 0.25);
  EXPECT_EQ(s.readings[2].sensor, 1u);
}

TEST(SensorReaders, SensorThingsJson) {
  const fs::path f = scratch_file("things.json", R"({"Things": [
    {"name": "Kerb gauge 7", "Locations": [{"location": {"type": "Point", "coordinates": [1011, 2012]}}],
     "Datastreams": [
      {"name": "K7-depth", "unitOfMeasurement": {"symbol": "cm"},
       "ObservedProperty": {"name": "Water depth"},
       "Observations": [{"phenomenonTime": "2024-07-20T14:01:00+08:00", "result": 12.5},
                        {"phenomenonTime": "2024-07-20T14:01:00+08:00/2024-07-20T14:02:00+08:00", "result": 20}]}]},
    {"name": "Pump station", "properties": {"node": "WW1"},
     "Datastreams": [
      {"name": "WW1-depth", "properties": {"kind": "depth"}, "unitOfMeasurement": {"symbol": "m"},
       "Observations": [{"phenomenonTime": 30, "result": 1.5}]},
      {"name": "P1-flow", "properties": {"kind": "flow", "link": "P1"},
       "unitOfMeasurement": {"symbol": "m3/h"},
       "Observations": [{"phenomenonTime": 30, "result": 360}]}]}]})");
  const io::SensorSet s = io::read_sensor_observations(f.string(), kStart);
  ASSERT_EQ(s.sensors.size(), 3u);
  EXPECT_TRUE(s.sensors[0].at_point);
  EXPECT_DOUBLE_EQ(s.sensors[0].x, 1011.0);
  EXPECT_EQ(s.sensors[0].kind, io::SensorKind::kDepth);
  EXPECT_EQ(s.sensors[1].node, "WW1");
  EXPECT_EQ(s.sensors[2].link, "P1");
  ASSERT_EQ(s.readings.size(), 4u);
  EXPECT_DOUBLE_EQ(s.readings[0].t_s, 60.0);
  EXPECT_DOUBLE_EQ(s.readings[0].value, 0.125);
  EXPECT_DOUBLE_EQ(s.readings[1].t_s, 120.0);  // an interval holds at its end
  EXPECT_DOUBLE_EQ(s.readings[3].value, 0.1);  // 360 m3/h
}

TEST(SensorReaders, BadCsvInputIsNamed) {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"bad_time.csv", "sensor,kind,x,y,time,value\nS1,depth,1,2,yesterday,0.1\n",
       "bad_time.csv:2: time: 'yesterday' is not a time; expected seconds since the case's start "
       "or an ISO 8601 date-time"},
      {"bad_date.csv", "sensor,kind,x,y,time,value\nS1,depth,1,2,2024-13-45T99:00,0.1\n",
       "bad_date.csv:2: time: '2024-13-45T99:00' is not a time"},
      {"bad_value.csv", "sensor,kind,x,y,time,value\nS1,depth,1,2,0,0.1\nS1,depth,1,2,60,n/a\n",
       "bad_value.csv:3: value: 'n/a' is not a number; expected the reading (a number)"},
      {"bad_unit.csv", "id,kind,x,y,unit\nS1,flow,,,furlong/s\n",
       "bad_unit.csv:2: unit: 'furlong/s' is not understood for a flow sensor; expected m3/s, "
       "L/s or m3/h"},
      {"bad_kind.csv", "id,kind,x,y\nS1,temperature,1,2\n",
       "bad_kind.csv:2: kind: 'temperature' is not a sensor kind; expected level, depth or flow"},
      {"no_place.csv", "id,kind,x,y\nS1,depth,,\n",
       "no_place.csv:2: sensor 'S1' has no location; expected x, y in the DEM's CRS or a node id"},
      {"bad_x.csv", "id,kind,x,y\nS1,depth,east,2\n", "bad_x.csv:2: x: 'east' is not a number"},
      {"no_header.csv", "id,x,y\nS1,1,2\n", "no_header.csv:1: header: has no column 'kind'"},
      {"unknown.csv", "sensor,time,value\nZ9,0,1\n",
       "unknown.csv:2: sensor: no sensor 'Z9' is described in"},
      {"twice.csv", "id,kind,x,y\nS1,depth,1,2\nS1,depth,3,4\n",
       "twice.csv:3: id: sensor 'S1' is described twice"},
  };
  for (const Case& c : cases) {
    const std::string e = read_error(scratch_file(c.name, c.text));
    EXPECT_NE(e.find(c.expected), std::string::npos) << c.name << ": " << e;
  }
  EXPECT_NE(read_error("/nonexistent/sensors.csv").find("no such file or folder"),
            std::string::npos);
}

TEST(SensorReaders, BadJsonInputIsNamed) {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"broken.json", "{\"Things\": [", "broken.json: is not JSON"},
      {"nothings.json", "{\"things\": []}", "has no \"Things\" array"},
      {"badresult.json",
       R"({"Things": [{"properties": {"node": "J1"}, "Datastreams": [{"name": "J1d",
          "properties": {"kind": "depth"}, "Observations": [{"phenomenonTime": 0, "result": "high"}]}]}]})",
       "badresult.json: Things[0].Datastreams[0].Observations[0].result: is \"high\"; expected a "
       "number"},
      {"badtime.json",
       R"({"Things": [{"properties": {"node": "J1"}, "Datastreams": [{"name": "J1d",
          "properties": {"kind": "depth"}, "Observations": [{"phenomenonTime": "noon", "result": 1}]}]}]})",
       "Things[0].Datastreams[0].Observations[0].phenomenonTime: 'noon' is not a time"},
      {"badunit.json",
       R"({"Things": [{"properties": {"node": "J1"}, "Datastreams": [{"name": "J1d",
          "ObservedProperty": {"name": "water level"}, "unitOfMeasurement": {"symbol": "ft"}}]}]})",
       "Things[0].Datastreams[0].unitOfMeasurement.symbol: 'ft' is not understood for a level "
       "sensor; expected m, cm or mm"},
      {"nokind.json",
       R"({"Things": [{"properties": {"node": "J1"}, "Datastreams": [{"name": "J1t",
          "ObservedProperty": {"name": "Temperature"}}]}]})",
       "Things[0].Datastreams[0]: says no kind"},
      {"badpoint.json",
       R"({"Things": [{"Datastreams": [{"name": "A", "properties": {"kind": "depth"},
          "observedArea": {"type": "Polygon", "coordinates": []}}]}]})",
       "Things[0].Datastreams[0].observedArea: expected a GeoJSON Point"},
  };
  for (const Case& c : cases) {
    const std::string e = read_error(scratch_file(c.name, c.text));
    EXPECT_NE(e.find(c.expected), std::string::npos) << c.name << ": " << e;
  }
}

TEST(ObservationStats, HandValues) {
  // observed 1, 3, 2 at 0, 60, 120; modelled 2, 2, 4: errors +1, -1, +2.
  const forecast::AgreementStats s =
      forecast::agreement_stats({{0, 1, 2}, {60, 3, 2}, {120, 2, 4}});
  EXPECT_EQ(s.n, 3u);
  EXPECT_DOUBLE_EQ(s.bias, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.rmse, std::sqrt(6.0 / 3.0));
  // mean(o) = 2, sum((o - 2)^2) = 2, sum(e^2) = 6: NSE = 1 - 6/2 = -2.
  EXPECT_DOUBLE_EQ(s.nse, -2.0);
  EXPECT_DOUBLE_EQ(s.peak_observed, 3.0);
  EXPECT_DOUBLE_EQ(s.peak_observed_t_s, 60.0);
  EXPECT_DOUBLE_EQ(s.peak_modelled, 4.0);
  EXPECT_DOUBLE_EQ(s.peak_modelled_t_s, 120.0);
  EXPECT_DOUBLE_EQ(s.peak_timing_error_s, 60.0);
  // A perfect model: NSE 1; readings that do not vary: NSE undefined.
  EXPECT_DOUBLE_EQ(forecast::agreement_stats({{0, 1, 1}, {1, 2, 2}}).nse, 1.0);
  EXPECT_TRUE(std::isnan(forecast::agreement_stats({{0, 1, 1}, {1, 1, 2}}).nse));
  EXPECT_EQ(forecast::agreement_stats({}).n, 0u);
}

TEST(StateCorrection, FlatPondTakesTheReadingAtTheSensorAndReportsTheVolume) {
  forecast::CorrectionGrid g{41, 41, 0.0, 0.0, 2.0};
  std::vector<double> h(41 * 41, 0.20);
  h[20 * 41 + 18] = 0.0;  // a dry cell 4 m west, inside the radius, stays dry
  const std::vector<double> before = h;
  const long long sensor = 20 * 41 + 20;
  const forecast::CorrectionResult r = forecast::correct_depths(h, g, {{sensor, 0.35}}, 30.0, 1e-4);
  EXPECT_DOUBLE_EQ(h[sensor], 0.35);
  EXPECT_DOUBLE_EQ(h[20 * 41 + 18], 0.0);
  ASSERT_EQ(r.innovation_m.size(), 1u);
  EXPECT_NEAR(r.innovation_m[0], 0.15, 1e-15);
  EXPECT_TRUE(r.applied[0]);
  // The weights taper: a neighbour at 2 m gets (900 - 4) / (900 + 4) of the innovation; a cell
  // 30 m or more away none.
  EXPECT_NEAR(h[sensor + 1] - 0.20, 0.15 * 896.0 / 904.0, 1e-15);
  EXPECT_DOUBLE_EQ(h[20 * 41 + 35], 0.20);  // 30 m east
  EXPECT_GT(h[20 * 41 + 34], 0.20);         // 28 m east
  double added = 0;
  long long changed = 0;
  for (std::size_t k = 0; k < h.size(); ++k) {
    added += (h[k] - before[k]) * 4.0;
    changed += h[k] != before[k];
  }
  EXPECT_NEAR(r.volume_added_m3, added, 1e-12);
  EXPECT_EQ(r.volume_removed_m3, 0.0);
  EXPECT_EQ(r.cells_changed, changed);
}

TEST(StateCorrection, OnlyThePoolTheSensorStandsIn) {
  // Two pools 2 m apart, a dry kerb between: the correction stays in the sensor's pool.
  forecast::CorrectionGrid g{7, 1, 0.0, 0.0, 1.0};
  std::vector<double> h = {0.1, 0.1, 0.1, 0.0, 0.1, 0.1, 0.1};
  forecast::correct_depths(h, g, {{1, 0.2}}, 10.0, 1e-4);
  EXPECT_DOUBLE_EQ(h[1], 0.2);
  EXPECT_GT(h[2], 0.1);
  EXPECT_DOUBLE_EQ(h[3], 0.0);
  EXPECT_DOUBLE_EQ(h[4], 0.1);
  EXPECT_DOUBLE_EQ(h[6], 0.1);
}

TEST(StateCorrection, NeverNegativeAndDrySensorsAreNotUsed) {
  forecast::CorrectionGrid g{5, 1, 0.0, 0.0, 1.0};
  std::vector<double> h = {0.05, 0.3, 0.0, 0.3, 0.3};
  const forecast::CorrectionResult r =
      forecast::correct_depths(h, g, {{1, 0.0}, {2, 0.5}}, 3.0, 1e-4);
  EXPECT_FALSE(r.applied[1]);   // the model is dry at the second sensor
  EXPECT_DOUBLE_EQ(h[1], 0.0);  // the first takes its (dry) reading
  EXPECT_GE(h[0], 0.0);         // cut at zero, never negative
  EXPECT_DOUBLE_EQ(h[2], 0.0);  // dry cells stay dry
  EXPECT_GT(r.volume_removed_m3, 0.0);
  EXPECT_EQ(r.volume_added_m3, 0.0);
}

TEST(StateCorrection, SavedStateKeepsVelocitiesAndBooksTheVolume) {
  forecast::CorrectionGrid g{3, 1, 0.0, 0.0, 2.0};
  StateRecord rec;
  rec.put("surface_h", std::vector<double>{0.1, 0.2, 0.1});
  rec.put("surface_qx", std::vector<double>{0.01, 0.04, 0.0});
  rec.put("surface_qy", std::vector<double>{0.0, 0.02, 0.0});
  rec.put("clock", std::vector<double>{60, 10, 0, 1, 0.1, 1, 5.0, 0});
  const forecast::CorrectionResult r = forecast::correct_state(rec, g, {{1, 0.3}}, 1.0, 1e-4);
  EXPECT_DOUBLE_EQ(rec.get<double>("surface_h", 3)[1], 0.3);
  EXPECT_DOUBLE_EQ(rec.get<double>("surface_qx", 3)[1], 0.06);  // u = 0.2 m/s kept
  EXPECT_DOUBLE_EQ(rec.get<double>("surface_qy", 3)[1], 0.03);
  EXPECT_DOUBLE_EQ(rec.get<double>("surface_h", 3)[0], 0.1);  // beyond the 1 m radius
  EXPECT_NEAR(r.volume_added_m3, 0.1 * 4.0, 1e-15);
  EXPECT_NEAR(rec.get<double>("clock", 8)[6], 5.0 + 0.4, 1e-15);
}

}  // namespace
}  // namespace sf::test
