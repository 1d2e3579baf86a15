// A run of 2T and a run of T continued from its checkpoint for another T write bit-identical
// results.nc variables and summary.json numbers, in f64 and f32; so does a run continued from a
// checkpoint taken between two snapshots in the folder of a run that had gone on past it.
#include <gtest/gtest.h>

#include "restart_case.hpp"

namespace sf::test {
namespace {

const std::string kThreads = " --threads 2 --quiet";

class RestartIdentical : public ::testing::TestWithParam<std::string> {
 protected:
  std::string precision() const { return " --precision " + GetParam(); }
};

TEST_P(RestartIdentical, RunOfTContinuedForAnotherTIsTheRunOf2T) {
  const auto c = write_restart_case("restart_t_" + GetParam());
  const auto dir = c.parent_path();
  const auto whole = dir / "whole", split = dir / "split";
  auto r =
      run_spongeflow("run " + c.string() + " --output " + whole.string() + precision() + kThreads);
  ASSERT_EQ(r.status, 0) << r.output;

  r = run_spongeflow("run " + c.string() + " --output " + split.string() + precision() + kThreads +
                     " --set time.duration=60 --checkpoint-interval 60");
  ASSERT_EQ(r.status, 0) << r.output;
  ASSERT_TRUE(fs::exists(split / "checkpoint.nc"));
  EXPECT_FALSE(fs::exists(split / "checkpoint.nc.part"));
  r = run_spongeflow("run " + c.string() + " --output " + split.string() + precision() + kThreads +
                     " --restart " + (split / "checkpoint.nc").string());
  ASSERT_EQ(r.status, 0) << r.output;

  expect_identical_results(whole / "results.nc", split / "results.nc");
  EXPECT_EQ(read_text(whole / "surface.pvd"), read_text(split / "surface.pvd"));
  const nlohmann::json a = deterministic_summary(whole), b = deterministic_summary(split);
  EXPECT_EQ(a, b) << "summary.json differs:\n" << a.dump(1) << "\n" << b.dump(1);
  // The case must have moved water through every part of the state the checkpoint holds.
  EXPECT_GT(a["volume_balance_m3"]["infiltration"].get<double>(), 0.0);
  EXPECT_GT(a["runoff_volume_m3"].get<double>(), 0.0);
  EXPECT_EQ(a["simulated_s"].get<double>(), 120.0);
}

TEST_P(RestartIdentical, CheckpointBetweenSnapshotsInTheFolderOfALongerRun) {
  const auto c = write_restart_case("restart_mid_" + GetParam());
  const auto dir = c.parent_path();
  const auto whole = dir / "whole", again = dir / "again";
  auto r =
      run_spongeflow("run " + c.string() + " --output " + whole.string() + precision() + kThreads);
  ASSERT_EQ(r.status, 0) << r.output;
  // Checkpoints at the first steps after 45 and 90 s (not snapshot times); the run goes on to
  // 120 s, so its results.nc holds snapshots after the last checkpoint.
  r = run_spongeflow("run " + c.string() + " --output " + again.string() + precision() + kThreads +
                     " --checkpoint-interval 45");
  ASSERT_EQ(r.status, 0) << r.output;
  expect_identical_results(whole / "results.nc",
                           again / "results.nc");  // checkpoints change nothing
  r = run_spongeflow("run " + c.string() + " --output " + again.string() + precision() + kThreads +
                     " --restart " + (again / "checkpoint.nc").string());
  ASSERT_EQ(r.status, 0) << r.output;
  expect_identical_results(whole / "results.nc", again / "results.nc");
  EXPECT_EQ(deterministic_summary(whole), deterministic_summary(again));
}

INSTANTIATE_TEST_SUITE_P(Precision, RestartIdentical, ::testing::Values("f64", "f32"));

}  // namespace
}  // namespace sf::test
