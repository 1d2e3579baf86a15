// Rain and soil end to end through the CLI on a small (300 m) demo catchment: a Chicago design
// storm with infiltration and two sponge measures (assess: with and without them), and real
// radar rain from CF-netCDF (needs ../shared/rain; skipped without it).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

// The soil/LID part of cases/sponge-design/case.toml, so the test runs what users run.
std::string soil_tables(const std::string& data, double outlet_from, double outlet_to) {
  std::ifstream in(std::string(SPONGEFLOW_SOURCE_DIR) + "/cases/sponge-design/case.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::string body = text.substr(text.find("[soil]"));
  body = body.substr(0, body.find("[[boundary]]"));
  const std::string key = "${data}";
  for (auto p = body.find(key); p != std::string::npos; p = body.find(key))
    body.replace(p, key.size(), data);
  return body +
         "[[boundary]]\nside = \"east\"\ntype = \"free\"\nfrom = " + std::to_string(outlet_from) +
         "\nto = " + std::to_string(outlet_to) + "\n";
}

nlohmann::json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

TEST(RainSoilCases, DesignStormWithAndWithoutSpongeMeasures) {
  const auto dir = scratch("sponge_assess");
  const auto demo = run_spongeflow("make-demo " + (dir / "data").string() + " --size 150");
  ASSERT_EQ(demo.status, 0) << demo.output;
  const std::string storm = R"(
[grid]
dem = "data/dem.tif"
[numerics]
max_dt = 5.0
[time]
duration = 2400
output_interval = 600
[design_storm]
preset = "shanghai-2017"
return_period = 20
duration = 1800
step = 300
[output]
vtk = false
)";
  write_file(dir / "case.toml", storm + soil_tables("data", 3380195.0, 3380205.0));
  const auto r = run_spongeflow("assess " + (dir / "case.toml").string() +
                                " --precision f64 --threads 1 --quiet");
  ASSERT_EQ(r.status, 0) << r.output;

  const auto with = read_json(dir / "results" / "with_sponge" / "summary.json");
  const auto without = read_json(dir / "results" / "without_sponge" / "summary.json");
  const auto a = read_json(dir / "results" / "assessment.json");

  // Rain: Shanghai q = 1600 (1 + 0.846 lg 20) / (30 + 7)^0.656 L/(s ha) over 30 min.
  const double q = 1600.0 * (1.0 + 0.846 * std::log10(20.0)) / std::pow(37.0, 0.656);
  const double depth_m = q / 167.0 * 30.0 / 1000.0;  // GB 50014: q = 167 i, i in mm/min
  const double area = with["active_area_m2"].get<double>();
  const auto& bw = with["volume_balance_m3"];
  const auto& bo = without["volume_balance_m3"];
  EXPECT_NEAR(bw["rain"].get<double>() / (depth_m * area), 1.0, 1e-9);
  EXPECT_NEAR(bw["rain"].get<double>() / bo["rain"].get<double>(), 1.0, 1e-12);

  // The ledgers close with infiltration, LID storage, underdrains and evaporation in them.
  EXPECT_LT(std::abs(bw["continuity_error_pct"].get<double>()), 1e-6);
  EXPECT_LT(std::abs(bo["continuity_error_pct"].get<double>()), 1e-6);
  auto retained = [](const nlohmann::json& b) {
    return b["infiltration"].get<double>() + b["lid_storage_change"].get<double>() +
           b["lid_evaporation"].get<double>();
  };
  EXPECT_GT(retained(bw), retained(bo));
  EXPECT_GT(bw["lid_storage_change"].get<double>(), 0.0);
  EXPECT_EQ(bo["lid_storage_change"].get<double>(), 0.0);

  // Sponge measures reduce runoff and flooding.
  const double runoff_with = a["with_sponge"]["runoff_volume_m3"].get<double>();
  const double runoff_without = a["without_sponge"]["runoff_volume_m3"].get<double>();
  EXPECT_LT(runoff_with, runoff_without);
  EXPECT_LE(a["with_sponge"]["flooded_volume_m3"].get<double>(),
            a["without_sponge"]["flooded_volume_m3"].get<double>());
  std::ifstream md(dir / "results" / "assessment.md");
  std::stringstream text;
  text << md.rdbuf();
  EXPECT_NE(text.str().find("| flooded area (> 0.15 m) (m2) |"), std::string::npos) << text.str();
  std::printf(
      "[sponge] rain %.1f m3; runoff %.1f -> %.1f m3 (%.1f %%), peak %.3f -> %.3f m3/s, "
      "flooded volume %.1f -> %.1f m3\n",
      bw["rain"].get<double>(), runoff_without, runoff_with,
      a["reduction_pct"]["runoff_volume"].get<double>(),
      a["without_sponge"]["peak_runoff_m3s"].get<double>(),
      a["with_sponge"]["peak_runoff_m3s"].get<double>(),
      a["without_sponge"]["flooded_volume_m3"].get<double>(),
      a["with_sponge"]["flooded_volume_m3"].get<double>());
}

TEST(RainSoilCases, RadarRainOnACatchmentNearBrisbane) {
  const std::string radar =
      std::string(SPONGEFLOW_SHARED_DIR) + "/rain/bom_radar_sequence_crop64.nc";
  if (!std::filesystem::exists(radar))
    GTEST_SKIP() << "radar file not found: " << radar << " (see cases/radar-brisbane/README.md)";
  const auto dir = scratch("radar_brisbane");
  const auto demo = run_spongeflow("make-demo " + (dir / "data").string() +
                                   " --size 150 --crs EPSG:32756 --origin 522300 6924400");
  ASSERT_EQ(demo.status, 0) << demo.output;
  write_file(dir / "case.toml", R"(
[grid]
dem = "data/dem.tif"
[time]
start = "2020-10-31T03:00:00Z"
duration = 1800
output_interval = 600
[rain]
grid = ")" + radar + R"("
[output]
vtk = false
)" + soil_tables("data", 6924595.0, 6924605.0));
  const auto r = run_spongeflow("run " + (dir / "case.toml").string() +
                                " --precision f64 --threads 1 --quiet");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto s = read_json(dir / "results" / "summary.json");
  const auto& b = s["volume_balance_m3"];
  std::printf(
      "[radar] rain %.2f m3 (%.3f mm) in 30 min, infiltration %.2f m3, continuity %.2e %%\n",
      b["rain"].get<double>(), 1000 * b["rain"].get<double>() / s["active_area_m2"].get<double>(),
      b["infiltration"].get<double>(), b["continuity_error_pct"].get<double>());
  EXPECT_GT(b["rain"].get<double>(), 0.0);
  EXPECT_LT(std::abs(b["continuity_error_pct"].get<double>()), 1e-6);
  EXPECT_TRUE(std::filesystem::exists(dir / "results" / "results.nc"));
}

}  // namespace
}  // namespace sf::test
