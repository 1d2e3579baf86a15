// `spongeflow forecast --observations` on a still pond: the modelled value at a sensor is the
// analysis run's depth (or level) at the sensor's cell, the statistics follow, a point outside
// the DEM is refused naming the file and line, network sensors are read from the run's
// network_timeseries.csv, and --correct-state starts the forecast with the reading at the
// sensor, the volume it added reported and the continuity still closed.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "coupled_restart_case.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "io/netcdf/results_point_series.hpp"

namespace sf::test {
namespace {

namespace fs = std::filesystem;

constexpr int kN = 20;
constexpr double kDx = 2.0, kX0 = 1000.0, kY0 = 2000.0, kBed = 10.0, kPond = 0.2;

/// A nowcast without rain: `frames` frames of `frame_s` from 0, the first `observed` observed.
void write_dry_nowcast(const fs::path& path, double frame_s, int frames, std::size_t observed) {
  io::RainNowcast n;
  n.nx = n.ny = kN;
  n.dx = kDx;
  n.x0 = kX0;
  n.y0 = kY0;
  n.reference_iso8601 = "2024-07-01T00:00:00Z";
  n.frame_s = frame_s;
  n.member_dimension = false;
  n.observed_frames = observed;
  for (int k = 0; k < frames; ++k) n.frame_start_s.push_back(k * frame_s);
  n.rate_mm_per_h.assign(std::size_t(frames) * kN * kN, 0.0f);
  io::write_rain_nowcast(path.string(), n);
}

/// A flat pond at rest (kPond m on a flat bed, closed walls, no rain): its depth stays kPond.
fs::path write_pond_case(const std::string& name) {
  const fs::path dir = scratch(name);
  std::string dem =
      "ncols 20\nnrows 20\nxllcorner 1000\nyllcorner 2000\ncellsize 2\n"
      "NODATA_value -9999\n";
  for (int j = 0; j < kN; ++j) {
    for (int i = 0; i < kN; ++i) dem += "10 ";
    dem += "\n";
  }
  write_file(dir / "dem.asc", dem);
  write_dry_nowcast(dir / "rain.nc", 300, 3, 0);
  write_file(dir / "case.toml", R"([grid]
dem = "dem.asc"
[surface]
initial_depth = 0.2
[time]
duration = 600
output_interval = 60
start = "2024-07-01T00:00:00Z"
[rain]
grid = "rain.nc"
[output]
vtk = false
netcdf_float64 = true
)");
  return dir / "case.toml";
}

/// Runs the analysis to 300 s with a checkpoint at its end.
void run_analysis(const fs::path& c) {
  const CliResult r =
      run_spongeflow("run " + c.string() + " --output " + (c.parent_path() / "analysis").string() +
                     " --threads 1 --quiet --set time.duration=300 "
                     "--checkpoint-interval 300");
  ASSERT_EQ(r.status, 0) << r.output;
}

CliResult forecast(const fs::path& c, const std::string& out, const std::string& extra) {
  const fs::path dir = c.parent_path();
  return run_spongeflow("forecast " + c.string() + " --state " +
                        (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                        (dir / "rain.nc").string() + " --lead 120 --threads 1 --quiet --output " +
                        (dir / out).string() + " " + extra);
}

nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

// Sensor S1 (depth) in cell (5, 7), S2 (level, datum 10 m) in cell (12, 3).
const char* kSensors =
    "id,kind,x,y,datum,unit\n"
    "S1,depth,1011,2015,,m\n"
    "S2,level,1025,2007,10,cm\n";

TEST(ObservationsCli, ModelledValueIsTheAnalysisStateAtTheSensorCell) {
  const fs::path c = write_pond_case("obs_compare"), dir = c.parent_path();
  run_analysis(c);
  write_file(dir / "sensors.csv", kSensors);
  // S1 reads 0.25 m at 60 s (0.05 above the pond) and the pond elsewhere; S2 reads 10.15 m
  // (0.05 below). A reading after the state's time (t = 300 s) is not compared.
  write_file(dir / "readings.csv",
             "sensor,time,value\nS1,60,0.25\nS1,120,0.2\nS1,2024-07-01T00:03:00Z,0.2\n"
             "S2,90,15\nS2,240,15\nS2,900,99\n");
  fs::create_directories(dir / "obs");
  fs::copy(dir / "sensors.csv", dir / "obs" / "sensors.csv");
  fs::copy(dir / "readings.csv", dir / "obs" / "readings.csv");
  const CliResult r = forecast(c, "fc", "--observations " + (dir / "obs").string());
  ASSERT_EQ(r.status, 0) << r.output;

  // The model at the sensors' cells, read from the analysis run's results.
  const io::PointSeries s = io::read_results_depth_at((dir / "analysis" / "results.nc").string(),
                                                      {7 * kN + 5, 3 * kN + 12});
  ASSERT_GE(s.times_s.size(), 5u);
  EXPECT_NEAR(s.depth[0][1], kPond, 1e-12);

  std::ifstream csv(dir / "fc" / "observations.csv");
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header, "sensor,kind,time_s,observed,modelled,error");
  std::vector<std::string> lines;
  while (std::getline(csv, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 5u);
  char expected[200];
  std::snprintf(expected, sizeof expected, "S1,depth,60.000,0.25,%.6g,%.6g",
                io::interpolate_in_time(s.times_s, s.depth[0], 60.0),
                io::interpolate_in_time(s.times_s, s.depth[0], 60.0) - 0.25);
  EXPECT_EQ(lines[0], expected);

  const nlohmann::json obs = read_json(dir / "fc" / "observations.json");
  const nlohmann::json& s1 = obs["sensors"]["S1"];
  EXPECT_EQ(s1["n"], 3);
  EXPECT_EQ(s1["cell"], 7 * kN + 5);
  EXPECT_NEAR(s1["bias"].get<double>(), -0.05 / 3.0, 1e-9);
  EXPECT_NEAR(s1["rmse"].get<double>(), std::sqrt(0.05 * 0.05 / 3.0), 1e-9);
  EXPECT_NEAR(s1["peak_observed"].get<double>(), 0.25, 1e-12);
  EXPECT_EQ(s1["peak_observed_time_s"], 60.0);
  const nlohmann::json& s2 = obs["sensors"]["S2"];
  EXPECT_EQ(s2["n"], 2);
  EXPECT_NEAR(s2["bias"].get<double>(), kBed + kPond - 10.15, 1e-9);
  EXPECT_TRUE(s2["nse"].is_null());  // the readings do not vary
  // The same section in summary.json.
  const nlohmann::json sum = read_json(dir / "fc" / "summary.json");
  EXPECT_EQ(sum["forecast"]["observations"]["sensors"]["S1"]["n"], 3);
}

TEST(ObservationsCli, BadSensorsAreRefusedByName) {
  const fs::path c = write_pond_case("obs_bad"), dir = c.parent_path();
  run_analysis(c);
  write_file(dir / "outside.csv", "sensor,kind,x,y,time,value\nS9,depth,5000,2015,60,0.1\n");
  CliResult r = forecast(c, "fc1", "--observations " + (dir / "outside.csv").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("outside.csv:2: sensor 'S9': the point (5000.000000, 2015.000000) is "
                          "not on an active cell of"),
            std::string::npos)
      << r.output;
  // A node sensor on a run without a pipe network.
  write_file(dir / "node.csv", "sensor,kind,node,time,value\nN1,depth,J4,60,0.1\n");
  r = forecast(c, "fc2", "--observations " + (dir / "node.csv").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("node.csv:2: sensor 'N1': names a network node, but the run in"),
            std::string::npos)
      << r.output;
  r = forecast(c, "fc3", "--correct-state");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("--correct-state needs --observations"), std::string::npos);
}

TEST(ObservationsCli, NetworkSensorsReadTheRunsNetworkTimeSeries) {
  const fs::path c = write_pond_case("obs_network"), dir = c.parent_path();
  run_analysis(c);
  // The columns a coupled run writes (docs/coupling.md): storage depth, outfall flow.
  write_file(dir / "analysis" / "network_timeseries.csv",
             "time_s,rain_mm_per_h,inlet_capture_m3s,surcharge_m3s,outfall_total_m3s,"
             "depth:WW1,outfall_flow:OF1\n"
             "0,0,0,0,0,1.0,0.0\n60,0,0,0,0.5,1.5,0.5\n120,0,0,0,0.5,2.0,0.25\n");
  write_file(dir / "net.csv",
             "sensor,kind,node,time,value,unit\nW,depth,WW1,90,1.6,m\nQ,flow,OF1,60,400,L/s\n");
  const CliResult r = forecast(c, "fc", "--observations " + (dir / "net.csv").string());
  ASSERT_EQ(r.status, 0) << r.output;
  const nlohmann::json obs = read_json(dir / "fc" / "observations.json");
  EXPECT_EQ(obs["sensors"]["W"]["column"], "depth:WW1");
  EXPECT_NEAR(obs["sensors"]["W"]["bias"].get<double>(), 1.75 - 1.6, 1e-12);  // interpolated
  EXPECT_NEAR(obs["sensors"]["Q"]["bias"].get<double>(), 0.5 - 0.4, 1e-12);
  // A node the time series does not record.
  write_file(dir / "net2.csv", "sensor,kind,node,time,value\nX,depth,J7,90,1\n");
  const CliResult bad = forecast(c, "fc2", "--observations " + (dir / "net2.csv").string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.output.find("sensor 'X': 'J7' has no column in"), std::string::npos) << bad.output;
}

TEST(ObservationsCli, CorrectedStateStartsAtTheReadingWithTheVolumeReported) {
  const fs::path c = write_pond_case("obs_correct"), dir = c.parent_path();
  run_analysis(c);
  write_file(dir / "s.csv",
             "sensor,kind,x,y,time,value\nS1,depth,1011,2015,240,0.26\n"
             "S1,depth,1011,2015,300,0.3\n");
  const CliResult r = forecast(
      c, "fc",
      "--observations " + (dir / "s.csv").string() + " --correct-state --correction-radius 5");
  ASSERT_EQ(r.status, 0) << r.output;
  // The forecast's first record is the corrected state: the reading at the sensor's cell.
  const io::PointSeries s =
      io::read_results_depth_at((dir / "fc" / "results.nc").string(), {7 * kN + 5, 7 * kN + 6});
  ASSERT_FALSE(s.times_s.empty());
  EXPECT_EQ(s.times_s[0], 300.0);
  EXPECT_NEAR(s.depth[0][0], 0.3, 1e-12);
  EXPECT_NEAR(s.depth[1][0], kPond + 0.1 * (25.0 - 4.0) / (25.0 + 4.0), 1e-12);  // 2 m east
  const nlohmann::json sum = read_json(dir / "fc" / "summary.json");
  const nlohmann::json& corr = sum["forecast"]["observations"]["state_correction"];
  // Within 5 m of the sensor, w = (25 - r^2) / (25 + r^2): the cell itself (w = 1), 4 at 2 m
  // (21/29), 4 at 2.83 m (17/33), 4 at 4 m (9/41), 8 at 4.47 m (5/45); 0.1 m times 4 m2 each.
  const double added =
      0.1 * 4.0 * (1.0 + 4 * 21.0 / 29.0 + 4 * 17.0 / 33.0 + 4 * 9.0 / 41.0 + 8 * 5.0 / 45.0);
  EXPECT_NEAR(corr["volume_added_m3"].get<double>(), added, 1e-9);
  EXPECT_EQ(corr["cells_changed"], 21);
  // Booked in the initial volume: the forecast's continuity stays closed.
  EXPECT_LT(std::abs(sum["forecast"]["member_runs"][0]["continuity_error_pct"].get<double>()),
            1e-6);
  EXPECT_TRUE(fs::exists(dir / "fc" / "corrected_state.nc"));
}

TEST(ObservationsCli, EachWatchCycleComparesTheAnalysisSoFar) {
  const fs::path c = write_pond_case("obs_watch"), dir = c.parent_path();
  fs::create_directories(dir / "inbox");
  fs::create_directories(dir / "obs");
  write_dry_nowcast(dir / "inbox" / "n1.nc", 60, 8, 2);  // issued at 120 s
  write_dry_nowcast(dir / "inbox" / "n2.nc", 60, 8, 4);  // issued at 240 s
  write_file(dir / "obs" / "s.csv", kSensors);
  write_file(dir / "obs" / "r.csv", "sensor,time,value\nS1,60,0.21\nS1,180,0.22\n");
  const std::string watch = "forecast " + c.string() + " --watch " + (dir / "inbox").string() +
                            " --cycles 2 --poll 0.05 --lead 60 --threads 1 --quiet --observations ";
  CliResult r =
      run_spongeflow(watch + (dir / "obs").string() + " --output " + (dir / "loop").string());
  ASSERT_EQ(r.status, 0) << r.output;
  const nlohmann::json c1 = read_json(dir / "loop" / "cycles" / "0001-n1" / "observations.json");
  const nlohmann::json c2 = read_json(dir / "loop" / "cycles" / "0002-n2" / "observations.json");
  EXPECT_EQ(c1["until_s"], 120.0);
  EXPECT_EQ(c1["sensors"]["S1"]["n"], 1);
  EXPECT_EQ(c2["sensors"]["S1"]["n"], 2);
  EXPECT_NEAR(c2["sensors"]["S1"]["bias"].get<double>(), kPond - 0.215, 1e-9);

  // A bad sensor file: a warning, and the forecasts go on without observations.
  fs::create_directories(dir / "inbox2");
  write_dry_nowcast(dir / "inbox2" / "n1.nc", 60, 8, 2);
  write_file(dir / "bad.csv", "sensor,kind,x,y,time,value\nS1,depth,1011,2015,60,wet\n");
  r = run_spongeflow("forecast " + c.string() + " --watch " + (dir / "inbox2").string() +
                     " --cycles 1 --poll 0.05 --lead 60 --threads 1 --quiet --observations " +
                     (dir / "bad.csv").string() + " --output " + (dir / "loop2").string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(
      r.output.find("WARNING: " + (dir / "bad.csv").string() + ":2: value: 'wet' is not a number"),
      std::string::npos)
      << r.output;
  EXPECT_TRUE(fs::exists(dir / "loop2" / "cycles" / "0001-n1" / "summary.json"));
  EXPECT_FALSE(fs::exists(dir / "loop2" / "cycles" / "0001-n1" / "observations.csv"));
}

TEST(ObservationsCli, MakeSensorsReadsTheDeepestCellsWithTheBias) {
  const fs::path c = write_pond_case("obs_make"), dir = c.parent_path();
  run_analysis(c);
  const CliResult r =
      run_spongeflow("make-sensors " + (dir / "analysis" / "results.nc").string() + " " +
                     (dir / "s.csv").string() + " --count 3 --spacing 10 --bias 0.05 --noise 0");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(dir / "s.csv");
  std::string line;
  std::vector<std::string> rows;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') rows.push_back(line);
  ASSERT_EQ(rows.size(), 1u + 3u * 6u);  // header, 3 sensors x 6 output times (0..300 s)
  EXPECT_EQ(rows[0], "sensor,kind,x,y,time,value");
  // A flat pond: every cell is as deep; the first three 10 m apart along the southern row.
  EXPECT_EQ(rows[1], "D1,depth,1001.00,2001.00,0.0,0.2500");
  EXPECT_EQ(rows[7], "D2,depth,1011.00,2001.00,0.0,0.2500");
  EXPECT_EQ(rows[13], "D3,depth,1021.00,2001.00,0.0,0.2500");
  // The file reads back as observations: bias +0.05 against the same run.
  const CliResult f = forecast(c, "fc", "--observations " + (dir / "s.csv").string());
  ASSERT_EQ(f.status, 0) << f.output;
  const nlohmann::json obs = read_json(dir / "fc" / "observations.json");
  EXPECT_NEAR(obs["sensors"]["D2"]["bias"].get<double>(), -0.05, 1e-9);
}

/// The cells of data row `index` of the run's network_timeseries.csv, by column name.
std::map<std::string, std::string> timeseries_row(const fs::path& csv, int index) {
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::stringstream ss(text);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    return cells;
  };
  const std::vector<std::string> names = split(header);
  std::map<std::string, std::string> row;
  for (int k = 0; std::getline(in, line); ++k) {
    const std::vector<std::string> cells = split(line);
    if (k != index) continue;
    for (std::size_t k = 0; k < cells.size() && k < names.size(); ++k) row[names[k]] = cells[k];
  }
  return row;
}

TEST(ObservationsCli, CoupledRunNetworkAndSurfaceSensors) {
  // The coupled restart case: a wet well W, its pump P1, an outfall O1 under an 80 x 60 m grid.
  const fs::path c = write_coupled_restart_case("obs_coupled", false), dir = c.parent_path();
  CliResult r = run_spongeflow("run " + c.string() + " --threads 1 --quiet --output " +
                               (dir / "out").string() +
                               " --set time.duration=60 --set output.timeseries_interval=10");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::map<std::string, std::string> row =
      timeseries_row(dir / "out" / "network_timeseries.csv", 3);  // ~30 s: the pump runs
  ASSERT_TRUE(row.count("depth:W") && row.count("pump_flow:P1") && row.count("outfall_flow:O1"));
  write_file(dir / "sensors.csv",
             "id,kind,x,y,node,link\nW,depth,,,W,\nP,flow,,,,P1\nO,flow,,,O1,\n"
             "S,depth,1020.5,2030.5,,\n");
  write_file(dir / "readings.csv", "sensor,time,value\nW," + row.at("time_s") + "," +
                                       row.at("depth:W") + "\nP," + row.at("time_s") + "," +
                                       row.at("pump_flow:P1") + "\nO," + row.at("time_s") + "," +
                                       row.at("outfall_flow:O1") + "\nS,40,0.01\n");
  r = run_spongeflow("observations " + c.string() + " " + (dir / "out").string() +
                     " --observations " + dir.string() + " --output " + (dir / "cmp").string());
  ASSERT_EQ(r.status, 0) << r.output;
  const nlohmann::json obs = read_json(dir / "cmp" / "observations.json");
  EXPECT_EQ(obs["sensors"]["W"]["column"], "depth:W");
  EXPECT_EQ(obs["sensors"]["P"]["column"], "pump_flow:P1");
  EXPECT_EQ(obs["sensors"]["O"]["column"], "outfall_flow:O1");
  for (const char* id : {"W", "P", "O"}) {
    EXPECT_EQ(obs["sensors"][id]["n"], 1) << id;
    EXPECT_EQ(obs["sensors"][id]["bias"].get<double>(), 0.0) << id;  // the run's own value
  }
  // The surface sensor: the depth of its cell (column 20, row 30) in results.nc at 40 s.
  const io::PointSeries s =
      io::read_results_depth_at((dir / "out" / "results.nc").string(), {30 * 80 + 20});
  EXPECT_EQ(obs["sensors"]["S"]["cell"], 30 * 80 + 20);
  EXPECT_NEAR(obs["sensors"]["S"]["bias"].get<double>(),
              io::interpolate_in_time(s.times_s, s.depth[0], 40.0) - 0.01, 1e-12);
}

}  // namespace
}  // namespace sf::test
