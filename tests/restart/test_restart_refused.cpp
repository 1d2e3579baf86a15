// Checkpoints that must not be continued: of another case, another grid, another precision;
// damaged or truncated files; and a restart without the results.nc it continues.
#include <gtest/gtest.h>

#include "common/input_error.hpp"
#include "io/netcdf/checkpoint_file.hpp"
#include "restart_case.hpp"

namespace sf::test {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A case run for 60 s with a checkpoint at its end; returns the checkpoint.
fs::path checkpointed(const std::string& name, const std::string& extra = "") {
  const auto c = write_restart_case(name, 80, 60, extra);
  const auto r =
      run_spongeflow("run " + c.string() + " --output " + (c.parent_path() / "out").string() +
                     " --quiet --set time.duration=60 --checkpoint-interval 60");
  EXPECT_EQ(r.status, 0) << r.output;
  return c.parent_path() / "out" / "checkpoint.nc";
}

TEST(RestartRefused, CheckpointOfAnotherCase) {
  const auto ckpt = checkpointed("refuse_case_a");
  // Same grid, another Manning n: another case.
  const auto other = write_restart_case("refuse_case_b", 80, 60, "[surface]\nmanning = 0.05\n");
  const auto r = run_spongeflow("run " + other.string() + " --quiet --restart " + ckpt.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, "error: " + ckpt.string() +
                                ": checkpoint case_hash: was written for another case or grid"))
      << r.output;
}

TEST(RestartRefused, CheckpointOfAnotherGrid) {
  const auto ckpt = checkpointed("refuse_grid_a");
  const auto other = write_restart_case("refuse_grid_b", 40, 30);
  const auto r = run_spongeflow("run " + other.string() + " --quiet --restart " + ckpt.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, ckpt.string() + ": checkpoint case_hash: was written for another case "
                                            "or grid"))
      << r.output;
}

TEST(RestartRefused, CheckpointOfAnotherPrecision) {
  const auto ckpt = checkpointed("refuse_precision");
  const auto c = ckpt.parent_path().parent_path() / "case.toml";
  const auto r =
      run_spongeflow("run " + c.string() + " --quiet --precision f32 --restart " + ckpt.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, ckpt.string() + ": checkpoint precision: was written by a f64 run; "
                                            "this run is f32"))
      << r.output;
}

TEST(RestartRefused, CheckpointAtTheEndOfTheRun) {
  const auto ckpt = checkpointed("refuse_end");
  const auto c = ckpt.parent_path().parent_path() / "case.toml";
  const auto r = run_spongeflow("run " + c.string() + " --quiet --set time.duration=60 --restart " +
                                ckpt.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, "not before the end of this run")) << r.output;
}

TEST(RestartRefused, TruncatedCheckpoint) {
  const auto ckpt = checkpointed("refuse_truncated");
  const auto cut = ckpt.parent_path() / "cut.nc";
  fs::copy_file(ckpt, cut);
  fs::resize_file(cut, fs::file_size(ckpt) / 2);
  const auto c = ckpt.parent_path().parent_path() / "case.toml";
  const auto r = run_spongeflow("run " + c.string() + " --quiet --restart " + cut.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, "error: " + cut.string() + ": checkpoint ")) << r.output;
  EXPECT_TRUE(has(r.output, "truncated")) << r.output;
}

TEST(RestartRefused, NotACheckpoint) {
  const auto ckpt = checkpointed("refuse_results");
  const auto c = ckpt.parent_path().parent_path() / "case.toml";
  const auto results = ckpt.parent_path() / "results.nc";
  const auto r = run_spongeflow("run " + c.string() + " --quiet --restart " + results.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, "error: " + results.string() +
                                ": checkpoint spongeflow_checkpoint_version: global attribute "
                                "missing; not a spongeflow checkpoint?"))
      << r.output;
}

TEST(RestartRefused, ValuesChangedAfterWritingFailTheChecksum) {
  const auto path = scratch("refuse_checksum") / "checkpoint.nc";
  StateRecord state;
  state.put("surface_h", std::vector<float>{0.0f, 0.25f, 0.5f});
  state.put_scalar("clock", 12.5);
  io::CheckpointHeader h;
  h.case_file = "case.toml";
  h.case_hash = 0x0123456789abcdefull;
  h.precision = "f32";
  h.backend = "cpu";
  h.time_s = 12.5;
  io::write_checkpoint(path.string(), h, state);
  const io::Checkpoint back = io::read_checkpoint(path.string());  // intact: reads back exactly
  EXPECT_EQ(back.header.case_hash, h.case_hash);
  EXPECT_EQ(back.state.get<float>("surface_h", 3), (std::vector<float>{0.0f, 0.25f, 0.5f}));
  EXPECT_EQ(back.state.scalar("clock"), 12.5);
  // One value changed behind the writer's back (as a bit flip on disk would).
  int ncid = -1, varid = -1;
  ASSERT_EQ(nc_open(path.c_str(), NC_WRITE, &ncid), NC_NOERR);
  ASSERT_EQ(nc_inq_varid(ncid, "surface_h", &varid), NC_NOERR);
  const std::size_t index = 1;
  const float changed = 0.26f;
  ASSERT_EQ(nc_put_var1_float(ncid, varid, &index, &changed), NC_NOERR);
  ASSERT_EQ(nc_close(ncid), NC_NOERR);
  try {
    io::read_checkpoint(path.string());
    ADD_FAILURE() << "a damaged checkpoint was read";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              path.string() +
                  ": checkpoint state_checksum: the values do not match the checksum "
                  "written with them; the file was damaged after it was written");
  }
}

TEST(RestartRefused, RestartWithoutTheResultsItContinues) {
  const auto ckpt = checkpointed("refuse_no_results");
  const auto c = ckpt.parent_path().parent_path() / "case.toml";
  const auto elsewhere = ckpt.parent_path().parent_path() / "elsewhere";
  const auto r = run_spongeflow("run " + c.string() + " --quiet --output " + elsewhere.string() +
                                " --restart " + ckpt.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, (elsewhere / "results.nc").string() +
                                ": a restarted run continues this file, but it cannot be read"))
      << r.output;
}

}  // namespace
}  // namespace sf::test
