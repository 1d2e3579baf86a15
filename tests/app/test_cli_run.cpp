// A small case end to end through the CLI: summary.json, ParaView files, continuity.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "config/case_schema.hpp"
#include "core/physical_constants.hpp"
#include "engine/defaults.hpp"
#include "engine/surface_setup.hpp"

namespace sf::test {
namespace {

TEST(CliRun, RainOnASlopeWritesSummaryAndParaViewSeries) {
  const auto dir = scratch("cli_run");
  write_file(dir / "dem.asc", ascii_grid(30, 10));
  write_file(dir / "case.toml", R"(
[case]
name = "slope"
[grid]
dem = "dem.asc"
[surface]
manning = 0.03
[time]
duration = 600
output_interval = 200
[rain]
times = [0, 5, 10]
intensity = [60, 120, 0]
time_unit = "min"
[[boundary]]
side = "east"
type = "free"
[output]
gauges = [[1029.5, 2005.5]]
)");
  const auto r = run_spongeflow("run " + (dir / "case.toml").string() + " --threads 1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("Continuity error"), std::string::npos);
  std::ifstream in(dir / "results" / "summary.json");
  ASSERT_TRUE(in.good());
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["status"], "completed");
  EXPECT_EQ(j["cells"], 300);
  // 60 mm/h for 5 min + 120 mm/h for 5 min = 15 mm over 300 m2 = 4.5 m3.
  EXPECT_NEAR(j["volume_balance_m3"]["rain"].get<double>(), 4.5, 1e-9);
  EXPECT_LT(std::abs(j["volume_balance_m3"]["continuity_error_pct"].get<double>()), 1e-9);
  EXPECT_GT(j["volume_balance_m3"]["boundary_outflow"].get<double>(), 0.0);
  EXPECT_GT(j["gauges"]["gauge0"]["peak_depth_m"].get<double>(), 0.0);
  EXPECT_TRUE(std::filesystem::exists(dir / "results" / "surface.pvd"));
  EXPECT_TRUE(std::filesystem::exists(dir / "results" / "surface_00003.vti"));
  EXPECT_TRUE(std::filesystem::exists(dir / "results" / "results.nc"));
}

TEST(CaseKeys, SchemaDefaultsAreTheEngineDefaults) {
  // The schema documents a default; the engine and the reader use the constant. They must agree.
  auto schema_default = [](const std::string& table, const std::string& key) {
    for (const config::KeySpec& k : config::case_schema())
      if (table == k.table && key == k.key) return std::stod(k.default_value);
    ADD_FAILURE() << "[" << table << "] " << key << " is not in the schema";
    return 0.0;
  };
  EXPECT_EQ(schema_default("surface", "flood_threshold"), kDefaultFloodThreshold);
  EXPECT_EQ(schema_default("numerics", "gravity"), kGravity);
  EXPECT_EQ(schema_default("numerics", "cfl"), NumericsSpec{}.cfl);
  EXPECT_EQ(schema_default("numerics", "max_dt"), NumericsSpec{}.max_dt);
  EXPECT_EQ(schema_default("numerics", "dry_depth"), NumericsSpec{}.dry_depth);
  EXPECT_EQ(schema_default("numerics", "order"), NumericsSpec{}.order);
  EXPECT_EQ(schema_default("surface", "user_threshold"), kDefaultUserThreshold);
  EXPECT_EQ(schema_default("boundary", "min_slope"), BoundarySegmentSpec{}.min_slope);
  EXPECT_EQ(schema_default("source", "radius"), SourceSpec{}.radius);
}

TEST(CaseKeys, DocsAreGeneratedFromTheSchema) {
  std::ifstream in(std::string(SPONGEFLOW_SOURCE_DIR) + "/docs/case-file.md");
  ASSERT_TRUE(in.good()) << "docs/case-file.md is missing";
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(doc.find(config::case_schema_markdown()), std::string::npos)
      << "docs/case-file.md is out of date: regenerate its key tables with `spongeflow case-keys`";
}

}  // namespace
}  // namespace sf::test

namespace sf::test {
namespace {

TEST(CliCaptureRatio, RatioAndDesignDepthByHand) {
  // Days of 1, 5, 10 and 30 mm: the 1 mm day is excluded (<= 2 mm), total 45 mm.
  // d = 10 mm keeps 5 + 10 + 10 = 25 mm = 55.6 %; 80 % (36 mm) needs 5 + 10 + d = 36, d = 21 mm.
  const auto dir = scratch("capture_ratio");
  write_file(dir / "daily.csv",
             "date,rain_mm\n2021-06-01,1\n2021-06-02,5\n2021-06-03,10\n2021-06-04,30\n");
  const auto r =
      run_spongeflow("capture-ratio " + (dir / "daily.csv").string() + " --depth 10 --target 0.8");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("design capture depth 10.0 mm retains 55.6 %"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("capture ratio of 80.0 % needs a design depth of 21.0 mm"),
            std::string::npos)
      << r.output;
  const auto bad = run_spongeflow("capture-ratio " + (dir / "missing.csv").string() + " --depth 5");
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.output.find("missing.csv"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace sf::test

namespace sf::test {
namespace {

TEST(CliRun, GaugeRainByThiessenPolygonsHasTheHandVolume) {
  // Two gauges on a 30 x 10 grid of 1 m: G1 (west) rains 60 mm/h for 10 min, G2 (east) stays dry.
  // Thiessen: the 15 western columns take G1, so the rain is 0.01 m x 150 m2 = 1.5 m3.
  const auto dir = scratch("gauge_rain");
  write_file(dir / "dem.asc", ascii_grid(30, 10));
  write_file(dir / "gauges.csv", "gauge,x,y\nG1,1005,2005\nG2,1025,2005\n");
  write_file(dir / "series.csv", "time_min,G1,G2\n0,60,0\n10,0,0\n");
  write_file(dir / "case.toml", R"(
[grid]
dem = "dem.asc"
[time]
duration = 900
[rain]
gauges = "gauges.csv"
gauge_series = "series.csv"
[output]
vtk = false
netcdf = false
)");
  const auto r = run_spongeflow("run " + (dir / "case.toml").string() + " --quiet --threads 1");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(dir / "results" / "summary.json");
  const auto j = nlohmann::json::parse(in);
  // Rain fields are held in float: 60 mm/h is exact to 1e-8 relative.
  EXPECT_NEAR(j["volume_balance_m3"]["rain"].get<double>(), 1.5, 1e-7);
  EXPECT_LT(std::abs(j["volume_balance_m3"]["continuity_error_pct"].get<double>()), 1e-9);
}

}  // namespace
}  // namespace sf::test
