// The use that checkpoints are for: a run stopped by SIGINT midway is continued from its last
// checkpoint in its own output folder and ends with the results of a run that never stopped.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "restart_case.hpp"

namespace sf::test {
namespace {

// Twenty simulated minutes (the rain stops after 90 s; the rest drains), checkpoints every 100 s.
// One thread: hundreds of steps of a small grid, where a busy machine makes OpenMP threads wait.
const std::vector<std::string> kArgs = {"--quiet",
                                        "--threads",
                                        "1",
                                        "--set",
                                        "time.duration=1200",
                                        "--set",
                                        "time.output_interval=200",
                                        "--set",
                                        "output.vtk=false"};

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) s += " " + a;
  return s;
}

/// Runs `spongeflow run case --output out ARGS --checkpoint-interval 100`, sends SIGINT once the
/// first checkpoint exists and returns the exit status.
int run_interrupted(const fs::path& case_file, const fs::path& out) {
  std::vector<std::string> args = {"run", case_file.string(), "--output", out.string()};
  args.insert(args.end(), kArgs.begin(), kArgs.end());
  args.insert(args.end(), {"--checkpoint-interval", "100"});
  return run_spongeflow_and_signal(
      args, (out.parent_path() / "interrupted.log").string(),
      [&] { return fs::exists(out / "checkpoint.nc"); }, SIGINT, std::chrono::seconds(60));
}

TEST(RestartAfterInterrupt, ContinuedRunEndsWithTheResultsOfARunThatNeverStopped) {
  const auto c = write_restart_case("restart_after_sigint");
  const auto whole = c.parent_path() / "whole", stopped = c.parent_path() / "stopped";
  auto r = run_spongeflow("run " + c.string() + " --output " + whole.string() + joined(kArgs));
  ASSERT_EQ(r.status, 0) << r.output;

  ASSERT_EQ(run_interrupted(c, stopped), 130);
  const nlohmann::json j = read_json(stopped / "summary.json");
  ASSERT_EQ(j["status"], "interrupted");
  EXPECT_LT(j["simulated_s"].get<double>(), 1200.0);
  EXPECT_FALSE(fs::exists(stopped / "checkpoint.nc.part"));

  r = run_spongeflow("run " + c.string() + " --output " + stopped.string() + joined(kArgs) +
                     " --restart " + (stopped / "checkpoint.nc").string());
  ASSERT_EQ(r.status, 0) << r.output;
  expect_identical_results(whole / "results.nc", stopped / "results.nc");
  EXPECT_EQ(deterministic_summary(whole), deterministic_summary(stopped));
}

}  // namespace
}  // namespace sf::test
