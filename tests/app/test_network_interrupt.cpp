// `spongeflow network` stopped by SIGINT or SIGTERM: it stops at the next routing step, writes
// its report, summary and time series as usual with where it stopped ("status": "interrupted")
// and exits 128 + signal.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

namespace fs = std::filesystem;

// Inflow at J1, conduit C1 into the wet well W, pump P1 to the outfall O1, routed for a year at
// 1 s: far longer than the test waits.
const char* kYearLongModel =
    "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
    "START_TIME 00:00\nEND_DATE 12/31/2020\nEND_TIME 00:00\nROUTING_STEP 1\n"
    "REPORT_STEP 00:05:00\n"
    "[JUNCTIONS]\nJ1 2.0 3.0 0 0 0\n"
    "[STORAGE]\nW 0 4 1.5 FUNCTIONAL 0 0 50 0 0\n"
    "[OUTFALLS]\nO1 5.0 FREE NO\n"
    "[CONDUITS]\nC1 J1 W 100 0.013 0 0 0 0\n"
    "[XSECTIONS]\nC1 CIRCULAR 0.5 0 0 0 1\n"
    "[PUMPS]\nP1 W O1 PC2 ON 1.6 1.0\n"
    "[CURVES]\nPC2 PUMP2 1.0 0.05\nPC2 2.0 0.10\nPC2 5.0 0.15\n"
    "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.08\n";

/// Starts the year-long network run, waits for its first time-series rows, sends `signal`;
/// returns the exit status.
int network_and_signal(const fs::path& dir, int signal_number) {
  write_file(dir / "year.inp", kYearLongModel);
  const std::string csv = (dir / "series.csv").string();
  return run_spongeflow_and_signal(
      {"network", (dir / "year.inp").string(), "--report", (dir / "report.txt").string(),
       "--summary", (dir / "summary.json").string(), "--timeseries", csv},
      (dir / "log.txt").string(), [&] { return fs::exists(csv) && fs::file_size(csv) >= 400; },
      signal_number);
}

TEST(NetworkInterrupt, SigintWritesTheOutputsWithAnInterruptedStatus) {
  const auto dir = scratch("network_sigint");
  EXPECT_EQ(network_and_signal(dir, SIGINT), 130);
  std::ifstream in(dir / "summary.json");
  ASSERT_TRUE(in.good()) << "no summary.json";
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["status"], "interrupted");
  EXPECT_EQ(j["error"], "interrupted by SIGINT");
  const double stopped = j["stopped_at_s"].get<double>();
  EXPECT_GT(stopped, 0.0);
  EXPECT_LT(stopped, 365.0 * 86400.0);
  std::ifstream report(dir / "report.txt");
  const std::string text((std::istreambuf_iterator<char>(report)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("*** The run stopped at t = "), std::string::npos) << text;
  std::ifstream log(dir / "log.txt");
  const std::string out((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(out.find("spongeflow: the run stopped at t = "), std::string::npos) << out;
}

TEST(NetworkInterrupt, SigtermStopsTheSameWayWithStatus143) {
  const auto dir = scratch("network_sigterm");
  EXPECT_EQ(network_and_signal(dir, SIGTERM), 128 + SIGTERM);
  std::ifstream in(dir / "summary.json");
  ASSERT_TRUE(in.good()) << "no summary.json";
  const auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["status"], "interrupted");
  EXPECT_EQ(j["error"], "interrupted by SIGTERM");
}

}  // namespace
}  // namespace sf::test
