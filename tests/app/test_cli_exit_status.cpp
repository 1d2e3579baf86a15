// Every command-line and input error exits with status 1 and one line naming what is wrong, with
// bounds as plain numbers; --help and --version exit 0. Input errors stop before the run starts.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

/// A small valid case; `time` is appended to its [time] table, `dem` replaces the DEM's text.
std::filesystem::path case_with(const std::string& name, const std::string& time = "",
                                const std::string& dem = ascii_grid(8, 6)) {
  const auto dir = scratch(name);
  write_file(dir / "dem.asc", dem);
  write_file(
      dir / "case.toml",
      "[grid]\ndem = \"dem.asc\"\n[surface]\nmanning = 0.03\n[time]\nduration = 10\n" + time);
  return dir / "case.toml";
}

std::size_t lines(const std::string& text) {
  return std::size_t(std::count(text.begin(), text.end(), '\n'));
}

void expect_one_line_error(const CliResult& r, const std::string& message) {
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_EQ(lines(r.output), 1u) << r.output;
  EXPECT_NE(r.output.find(message), std::string::npos) << r.output;
}

TEST(CliExitStatus, ThreadsZeroStatesTheBoundPlainly) {
  const auto c = case_with("threads0");
  expect_one_line_error(run_spongeflow("run " + c.string() + " --threads 0"),
                        "error: --threads: 0 is out of range; expected a whole number >= 1");
}

TEST(CliExitStatus, UnknownOptionExitsOne) {
  const auto c = case_with("bogus");
  expect_one_line_error(run_spongeflow("run " + c.string() + " --bogus"),
                        "error: The following argument was not expected: --bogus (see "
                        "spongeflow run --help)");
}

TEST(CliExitStatus, UnknownBackendListsTheAllowedOnes) {
  const auto c = case_with("backend_gpu");
  expect_one_line_error(run_spongeflow("run " + c.string() + " --backend gpu"),
                        "error: --backend: 'gpu' is not one of: cpu, cuda");
}

TEST(CliExitStatus, CaptureRatioTargetOutOfRange) {
  expect_one_line_error(run_spongeflow("capture-ratio daily.csv --target 2"),
                        "error: --target: 2 is out of range; expected 0 to 1");
}

TEST(CliExitStatus, MissingArgumentsExitOne) {
  expect_one_line_error(run_spongeflow("run"), "error: case is required");
  expect_one_line_error(run_spongeflow(""), "error: A subcommand is required");
}

TEST(CliExitStatus, HelpAndVersionStillExitZero) {
  EXPECT_EQ(run_spongeflow("--help").status, 0);
  EXPECT_EQ(run_spongeflow("run --help").status, 0);
  EXPECT_EQ(run_spongeflow("--version").status, 0);
}

TEST(CliExitStatus, BadDemValueNamesTheLineRowAndColumn) {
  std::string dem = ascii_grid(8, 6);
  dem.replace(dem.find("9.960000"), 8, "1o.050");  // row 1, column 5
  const auto c = case_with("dem_letter", "", dem);
  const auto r = run_spongeflow("run " + c.string());
  expect_one_line_error(r, "dem.asc:7: row 1, column 5: '1o.050' is not a number");
  EXPECT_FALSE(std::filesystem::exists(c.parent_path() / "results")) << "the run started";
}

TEST(CliExitStatus, BadStartIsRefusedWhenTheCaseIsRead) {
  for (const char* netcdf : {"true", "false"}) {
    const auto c =
        case_with(std::string("bad_start_") + netcdf,
                  "start = \"yesterday\"\n[output]\nnetcdf = " + std::string(netcdf) + "\n");
    const auto r = run_spongeflow("run " + c.string());
    expect_one_line_error(r,
                          "case.toml:7: [time] start: \"yesterday\" is not an ISO 8601 "
                          "date-time");
    EXPECT_FALSE(std::filesystem::exists(c.parent_path() / "results")) << "the run started";
  }
}

TEST(CliExitStatus, TinyOutputIntervalIsRefused) {
  const auto c = case_with("tiny_interval", "output_interval = 1e-9\n");
  expect_one_line_error(run_spongeflow("run " + c.string()),
                        "case.toml:7: [time] output_interval: value 1e-09 is out of range; "
                        "expected >= 0.01 s");
}

TEST(CliExitStatus, TooManySnapshotsAreRefusedWithTheSmallestInterval) {
  const auto dir = scratch("too_many_frames");
  write_file(dir / "dem.asc", ascii_grid(8, 6));
  write_file(dir / "case.toml",
             "[grid]\ndem = \"dem.asc\"\n[surface]\nmanning = 0.03\n[time]\nduration = 3600\n"
             "output_interval = 0.1\n");
  expect_one_line_error(run_spongeflow("run " + (dir / "case.toml").string()),
                        "output_interval: value 0.1 gives 36000 snapshots over 3600 s; expected "
                        "at most 10000 (an output_interval of at least 0.36 s)");
}

TEST(CliExitStatus, HugeDurationStatesTheUpperBound) {
  const auto dir = scratch("huge_duration");
  write_file(dir / "dem.asc", ascii_grid(8, 6));
  write_file(dir / "case.toml",
             "[grid]\ndem = \"dem.asc\"\n[surface]\nmanning = 0.03\n[time]\nduration = 1e30\n");
  expect_one_line_error(run_spongeflow("run " + (dir / "case.toml").string()),
                        "[time] duration: value 1e+30 is out of range; expected > 0 s and <= "
                        "1e+10 s");
}

TEST(CliExitStatus, FolderOrEmptyFileInsteadOfAnInputFile) {
  const auto dir = scratch("folder_inputs");
  expect_one_line_error(run_spongeflow("run " + dir.string()),
                        dir.string() + ": is a folder; expected a case file (case.toml)");
  expect_one_line_error(run_spongeflow("network " + dir.string()),
                        dir.string() + ": is a folder; expected a SWMM .inp file");
  write_file(dir / "empty.inp", "\n");
  expect_one_line_error(run_spongeflow("network " + (dir / "empty.inp").string()),
                        "empty.inp: is empty; expected a SWMM .inp file");
}

}  // namespace
}  // namespace sf::test
