// `spongeflow forecast` on tiny grids: a forecast from a checkpoint writes the same bits as the
// continuous run with the same rain; a 1-member ensemble gives probabilities 0/1 equal to the
// deterministic forecast; alerts hold exactly the spots above the threshold on a hand-made grid;
// bad, late and old nowcasts are refused with exit status 1 naming the file.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "forecast_test_grid.hpp"
#include "io/netcdf/rain_nowcast_file.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::test {
namespace {

namespace fs = std::filesystem;

TEST(ForecastCli, ForecastFromACheckpointIsTheContinuousRunBitForBit) {
  const fs::path c = write_pit_case("forecast_bits"), dir = c.parent_path();
  const std::string common = " --threads 1 --quiet";
  auto r = run_spongeflow("run " + c.string() + " --output " + (dir / "whole").string() + common);
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_spongeflow("run " + c.string() + " --output " + (dir / "analysis").string() + common +
                     " --set time.duration=300 --checkpoint-interval 300");
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_spongeflow("forecast " + c.string() + " --state " +
                     (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                     (dir / "rain.nc").string() + " --lead 300 --output " +
                     (dir / "forecast").string() + common);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("faster than real time"), std::string::npos) << r.output;

  const Records whole = read_records(dir / "whole" / "results.nc");
  const Records fc = read_records(dir / "forecast" / "results.nc");
  ASSERT_EQ(fc.time, (std::vector<double>{300, 360, 420, 480, 540, 600}));
  ASSERT_EQ(whole.time.size(), 11u);
  for (std::size_t k = 0; k < fc.time.size(); ++k) {
    const std::size_t w = k + 5;
    ASSERT_EQ(whole.time[w], fc.time[k]);
    EXPECT_TRUE(whole.depth[w] == fc.depth[k]) << "depth differs at t = " << fc.time[k];
    EXPECT_TRUE(whole.u[w] == fc.u[k]) << "u differs at t = " << fc.time[k];
    EXPECT_TRUE(whole.v[w] == fc.v[k]) << "v differs at t = " << fc.time[k];
  }
  // The rain moved water: the pit is deep at the end, and the forecast's summary says so.
  double deepest = 0;
  for (double h : fc.depth.back()) deepest = std::max(deepest, h);
  EXPECT_GT(deepest, 0.15);
  std::ifstream in(dir / "forecast" / "summary.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_EQ(j["forecast"]["state_time_s"].get<double>(), 300.0);
  EXPECT_EQ(j["forecast"]["lead_s"].get<double>(), 300.0);
  EXPECT_GT(j["forecast"]["speed_up"].get<double>(), 1.0);
}

TEST(ForecastCli, OneMemberEnsembleGivesTheDeterministicZeroOneProbabilities) {
  const fs::path c = write_pit_case("forecast_one_member"), dir = c.parent_path();
  write_nowcast(dir / "rain1.nc", 0.0, 60.0, {120, 200, 80, 150, 60, 100, 180, 40, 90, 30}, true);
  const std::string common = " --threads 1 --quiet --lead 300";
  auto r = run_spongeflow("run " + c.string() + " --output " + (dir / "analysis").string() +
                          " --threads 1 --quiet --set time.duration=300 --checkpoint-interval 300");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string state = " --state " + (dir / "analysis" / "checkpoint.nc").string();
  r = run_spongeflow("forecast " + c.string() + state + " --rain " + (dir / "rain.nc").string() +
                     " --output " + (dir / "det").string() + common);
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_spongeflow("forecast " + c.string() + state + " --rain " + (dir / "rain1.nc").string() +
                     " --output " + (dir / "ens").string() + common + " --thresholds 0.1,0.15");
  ASSERT_EQ(r.status, 0) << r.output;

  const mesh::Raster det = mesh::read_raster((dir / "det" / "forecast_max_depth.tif").string());
  const mesh::Raster member =
      mesh::read_raster((dir / "ens" / "members" / "m000" / "forecast_max_depth.tif").string());
  EXPECT_EQ(det.values, member.values);
  for (const char* t : {"0.10", "0.15"}) {
    const mesh::Raster p = mesh::read_raster(
        (dir / "ens" / ("probability_depth_gt_" + std::string(t) + "m.tif")).string());
    ASSERT_EQ(p.size(), det.size());
    int ones = 0, zeros = 0;
    for (std::size_t k = 0; k < p.size(); ++k) {
      const double expected = det.values[k] > std::stod(t) ? 1.0 : 0.0;
      EXPECT_EQ(p.values[k], expected) << "cell " << k << " threshold " << t;
      (p.values[k] == 1.0 ? ones : zeros)++;
    }
    EXPECT_GT(ones, 0) << t;  // both outcomes occur: the comparison is not empty
    EXPECT_GT(zeros, 0) << t;
  }
  const mesh::Raster median = mesh::read_raster((dir / "ens" / "max_depth_median.tif").string());
  EXPECT_EQ(median.values, det.values);
  const mesh::Raster arrival_det =
      mesh::read_raster((dir / "det" / "time_of_arrival.tif").string());
  const mesh::Raster arrival_ens =
      mesh::read_raster((dir / "ens" / "time_of_arrival_likely.tif").string());
  EXPECT_EQ(arrival_det.valid, arrival_ens.valid);
  for (std::size_t k = 0; k < det.size(); ++k)
    if (arrival_det.valid[k]) {
      EXPECT_EQ(arrival_det.values[k], arrival_ens.values[k]);
    }
}

TEST(ForecastCli, AlertsAreExactlyTheSpotsAboveTheThreshold) {
  // Flat ground at 10 m with water standing at 10 m: pit A (3 x 3 cells, 0.25 m deep), pit B
  // (2 x 4 cells, 0.20 m) and pit C (2 x 2 cells, 0.10 m, below the 0.15 m threshold).
  const int nx = 20, ny = 12;
  const fs::path dir = scratch("forecast_alerts");
  write_file(dir / "dem.asc", dem_text(nx, ny, 1.0, [](int i, int j) {
               if (i >= 3 && i <= 5 && j >= 3 && j <= 5) return 9.75;
               if (i >= 10 && i <= 11 && j >= 2 && j <= 5) return 9.80;
               if (i >= 15 && i <= 16 && j >= 8 && j <= 9) return 9.90;
               return 10.0;
             }));
  write_nowcast(dir / "dry.nc", 0.0, 60.0, {0, 0, 0}, false, nx, ny, 1.0);
  write_file(dir / "case.toml", R"([grid]
dem = "dem.asc"
[surface]
initial_level = 10.0
[time]
duration = 120
output_interval = 60
start = "2024-07-01T00:00:00Z"
[output]
vtk = false
netcdf_float64 = true
)");
  // Zones: "west" (x < 1008 m, holds pit A) and "east" (the rest, pits B and C).
  write_file(dir / "zones.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "west"}, "geometry": {"type": "Polygon",
 "coordinates": [[[1000, 2000], [1008, 2000], [1008, 2012], [1000, 2012], [1000, 2000]]]}},
{"type": "Feature", "properties": {"name": "east"}, "geometry": {"type": "Polygon",
 "coordinates": [[[1008, 2000], [1020, 2000], [1020, 2012], [1008, 2012], [1008, 2000]]]}}]}
)");
  const fs::path c = dir / "case.toml";
  auto r = run_spongeflow("run " + c.string() + " --output " + (dir / "analysis").string() +
                          " --quiet --set time.duration=60 --checkpoint-interval 60");
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_spongeflow(
      "forecast " + c.string() + " --state " + (dir / "analysis" / "checkpoint.nc").string() +
      " --rain " + (dir / "dry.nc").string() + " --lead 60 --output " +
      (dir / "forecast").string() + " --quiet --zones " + (dir / "zones.geojson").string());
  ASSERT_EQ(r.status, 0) << r.output;

  std::ifstream csv(dir / "forecast" / "alerts.csv");
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header,
            "id,x_m,y_m,centroid_x_m,centroid_y_m,area_m2,cells,max_depth_m,time_of_max_s,"
            "lead_to_max_s,probability,risk");
  std::vector<std::vector<std::string>> rows;
  while (std::getline(csv, line)) {
    std::vector<std::string> cols;
    std::stringstream s(line);
    for (std::string col; std::getline(s, col, ',');) cols.push_back(col);
    rows.push_back(cols);
  }
  ASSERT_EQ(rows.size(), 2u) << "expected pits A and B only";
  // Deepest first: A (centroid 1004.5, 2004.5; 9 m2, 0.25 m), then B (1011, 2004; 8 m2, 0.20 m).
  EXPECT_NEAR(std::stod(rows[0][3]), kX0 + 4.5, 1e-9);
  EXPECT_NEAR(std::stod(rows[0][4]), kY0 + 4.5, 1e-9);
  EXPECT_EQ(std::stod(rows[0][5]), 9.0);
  EXPECT_NEAR(std::stod(rows[0][7]), 0.25, 1e-4);
  EXPECT_NEAR(std::stod(rows[1][3]), kX0 + 11.0, 1e-9);
  EXPECT_NEAR(std::stod(rows[1][4]), kY0 + 4.0, 1e-9);
  EXPECT_EQ(std::stod(rows[1][5]), 8.0);
  EXPECT_NEAR(std::stod(rows[1][7]), 0.20, 1e-4);
  for (const auto& row : rows) {
    EXPECT_EQ(row[10], "1.000");         // every member (the one) floods it
    EXPECT_EQ(std::stod(row[8]), 60.0);  // deepest already at the forecast's start
    EXPECT_EQ(std::stod(row[9]), 0.0);
  }
  std::ifstream zones(dir / "forecast" / "zones.csv");
  std::string zone_lines, l;
  while (std::getline(zones, l)) zone_lines += l + "\n";
  EXPECT_EQ(zone_lines,
            "zone,name,area_m2,likely_flooded_m2,possibly_flooded_m2,max_probability,"
            "max_depth_p90_m,first_likely_arrival_lead_s,alert_spots\n"
            "1,west,96.0,9.0,9.0,1.000,0.2500,0,1\n"
            "2,east,144.0,8.0,8.0,1.000,0.2000,0,1\n");
  std::ifstream gj(dir / "forecast" / "alerts.geojson");
  const nlohmann::json g = nlohmann::json::parse(gj);
  ASSERT_EQ(g["features"].size(), 2u);
  EXPECT_EQ(g["features"][0]["properties"]["area_m2"].get<double>(), 9.0);
  EXPECT_EQ(g["features"][1]["properties"]["probability"].get<double>(), 1.0);
}

TEST(ForecastCli, BadLateAndOldNowcastsAreRefusedNamingTheFile) {
  const fs::path c = write_pit_case("forecast_refused"), dir = c.parent_path();
  auto r = run_spongeflow("run " + c.string() + " --output " + (dir / "analysis").string() +
                          " --threads 1 --quiet --set time.duration=300 --checkpoint-interval 300");
  ASSERT_EQ(r.status, 0) << r.output;
  write_nowcast(dir / "late.nc", 600.0, 60.0, {100, 100}, false);
  write_nowcast(dir / "old.nc", 0.0, 60.0, {100, 100}, false);
  write_file(dir / "bad.nc", "CDF\x01 half a file");
  const std::pair<const char*, const char*> cases[] = {
      {"late.nc", "after the state's time"},
      {"old.nc", "older than the state"},
      {"bad.nc", "bad.nc"},
  };
  for (const auto& [file, why] : cases) {
    r = run_spongeflow("forecast " + c.string() + " --state " +
                       (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                       (dir / file).string() + " --lead 300 --output " + (dir / "out").string() +
                       " --quiet");
    EXPECT_EQ(r.status, 1) << file << ": " << r.output;
    EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << r.output;
  }
  EXPECT_FALSE(fs::exists(dir / "out" / "results.nc"));
}

TEST(ForecastCli, WatchLoopRefusesBadAndLateNowcastsAndGoesOn) {
  const fs::path c = write_pit_case("forecast_watch"), dir = c.parent_path();
  const fs::path inbox = dir / "inbox", root = dir / "root";
  fs::create_directories(inbox);
  const std::vector<float> rain{100, 150, 200, 120, 80, 60, 40, 20};
  // Issued at 120 s (one observed frame, 60-120 s), a damaged file, the same nowcast again
  // (late), then one issued at 180 s; a file still arriving (.part) and a hidden one are ignored.
  write_nowcast(inbox / "a_first.nc", 60.0, 60.0, rain, true, kNx, kNy, kDx, 1);
  write_file(inbox / "b_bad.nc", "CDF\x01 half a file");
  write_nowcast(inbox / "c_late.nc", 60.0, 60.0, rain, true, kNx, kNy, kDx, 1);
  write_nowcast(inbox / "d_second.nc", 120.0, 60.0, rain, true, kNx, kNy, kDx, 1);
  write_file(inbox / "e_arriving.nc.part", "CDF");
  write_file(inbox / ".f_hidden.nc", "CDF");
  const auto r = run_spongeflow("forecast " + c.string() + " --watch " + inbox.string() +
                                " --output " + root.string() +
                                " --cycles 2 --keep 1 --poll 0.05 --lead 120 --threads 1 --quiet");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("refused b_bad.nc"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("refused c_late.nc"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("late or repeated"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("e_arriving"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("f_hidden"), std::string::npos) << r.output;

  std::vector<std::string> cycles;
  for (const auto& e : fs::directory_iterator(root / "cycles"))
    cycles.push_back(e.path().filename().string());
  EXPECT_EQ(cycles, (std::vector<std::string>{"0002-d_second"}));  // --keep 1 pruned 0001
  ASSERT_TRUE(fs::is_symlink(root / "latest"));
  EXPECT_EQ(fs::read_symlink(root / "latest"), fs::path("cycles") / "0002-d_second");
  std::ifstream in(root / "latest" / "summary.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_EQ(j["forecast"]["state_time_s"].get<double>(), 180.0);  // the analysis went on to 180 s
  EXPECT_EQ(j["forecast"]["members"].get<int>(), 1);
  EXPECT_TRUE(fs::exists(root / "latest" / "probability_depth_gt_0.15m.tif"));
  EXPECT_TRUE(fs::exists(root / "analysis" / "results.nc"));
}

TEST(ForecastCli, WatchLoopStopsOnSigtermDuringAForecast) {
  // A 40-member nowcast: the loop is inside a member's run (or between two) when the signal
  // comes; either way it must end with 128 + SIGTERM, not take the stopped run for a refused
  // nowcast and wait for the next one.
  const fs::path c = write_pit_case("forecast_watch_signal"), dir = c.parent_path();
  const fs::path inbox = dir / "inbox", root = dir / "root";
  fs::create_directories(inbox);
  write_nowcast(inbox / "only.nc", 0.0, 60.0, std::vector<float>(10, 120.0f), true, kNx, kNy, kDx,
                1, 40);
  const fs::path log = dir / "watch.log";
  const int status = run_spongeflow_and_signal(
      {"forecast", c.string(), "--watch", inbox.string(), "--output", root.string(), "--cycles",
       "1", "--poll", "0.05", "--lead", "480", "--threads", "1", "--quiet"},
      log.string(), [&] { return fs::exists(root / "cycles" / "0001-only" / "members" / "m001"); },
      SIGTERM, std::chrono::seconds(60));
  std::ifstream in(log);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(status, 128 + SIGTERM) << text;
  EXPECT_NE(text.find("watch: stopped by a signal"), std::string::npos) << text;
  EXPECT_EQ(text.find("refused only.nc"), std::string::npos) << text;
}

}  // namespace
}  // namespace sf::test
