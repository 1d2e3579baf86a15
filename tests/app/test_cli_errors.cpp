// Bad input gets a clear message naming the file and key, and a non-zero exit status.
#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

// A small valid case; `extra` is appended, `surface` replaces the [surface] table body.
std::filesystem::path make_case(const std::string& name,
                                const std::string& surface = "manning = 0.03",
                                const std::string& extra = "") {
  const auto dir = scratch(name);
  write_file(dir / "dem.asc", ascii_grid(8, 6));
  write_file(dir / "case.toml", "[grid]\ndem = \"dem.asc\"\n[surface]\n" + surface +
                                    "\n[time]\nduration = 10\n" + extra);
  return dir / "case.toml";
}

TEST(CliErrors, MissingCaseFile) {
  const auto r = run_spongeflow("run /nonexistent/case.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("/nonexistent/case.toml: case file not found"), std::string::npos)
      << r.output;
}

TEST(CliErrors, UnreadableDem) {
  const auto c = make_case("unreadable_dem");
  write_file(c.parent_path() / "dem.asc", "this is not a raster\n");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("dem.asc"), std::string::npos) << r.output;
}

TEST(CliErrors, RasterSizeMismatch) {
  const auto c = make_case("size_mismatch", "manning_raster = \"n.asc\"");
  write_file(c.parent_path() / "n.asc", ascii_grid(7, 6, 0.03));
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("n.asc"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("7 x 6"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("8 x 6"), std::string::npos) << r.output;
}

TEST(CliErrors, NegativeRoughness) {
  const auto c = make_case("negative_n", "manning = -0.013");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("case.toml:4: [surface] manning: value -0.013 is out of range; expected "
                          "a Manning n >= 0"),
            std::string::npos)
      << r.output;
}

TEST(CliErrors, NegativeRoughnessInRaster) {
  const auto c = make_case("negative_n_raster", "manning_raster = \"n.asc\"");
  write_file(c.parent_path() / "n.asc", ascii_grid(8, 6, -0.02));
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("n.asc: [surface] manning_raster"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("expected a Manning n >= 0"), std::string::npos) << r.output;
}

TEST(CliErrors, UnknownKeyIsNamedWithTheAllowedOnes) {
  const auto c = make_case("unknown_key", "manning = 0.03\nmaning_raster = \"x.tif\"");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("case.toml:5: [surface] maning_raster: unknown key; expected one of: "
                          "friction, roughness, roughness_raster, manning, manning_raster"),
            std::string::npos)
      << r.output;
}

TEST(CliErrors, CflAboveThePositivityBound) {
  const auto c = make_case("cfl", "manning = 0.03", "[numerics]\ncfl = 0.6\n");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("case.toml:8: [numerics] cfl: value 0.6 is out of range; expected "
                          "0 < cfl <= 0.5 (the scheme's positivity bound)"),
            std::string::npos)
      << r.output;
}

TEST(CliErrors, WrongTypeAndEveryProblemListed) {
  const auto c = make_case("types", "manning = \"high\"", "[numerics]\norder = 3\n");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("[surface] manning: found a string; expected a number"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("[numerics] order"), std::string::npos) << r.output;
}

TEST(CliErrors, SourceOutsideTheGrid) {
  const auto c = make_case("source_outside", "manning = 0.03",
                           "[[source]]\nname = \"pump\"\nx = 5000\ny = 5000\ndischarge = 1\n");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("source 'pump'"), std::string::npos) << r.output;
}

TEST(CliErrors, BadRainCsvLine) {
  const auto c = make_case("bad_rain", "manning = 0.03", "[rain]\nfile = \"rain.csv\"\n");
  write_file(c.parent_path() / "rain.csv", "time,intensity\n0,10\n60,abc\n");
  const auto r = run_spongeflow("run " + c.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("rain.csv:3:"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace sf::test
