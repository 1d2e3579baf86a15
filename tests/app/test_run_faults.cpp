// Runs that stop midway: a full disk under a .vti, a file-size limit under results.nc, SIGINT and
// SIGTERM. Each stops with one line naming the file and the system's reason, closes its files so
// they stay readable, writes summary.json with "status" and where it stopped, leaves no temporary
// file and exits 2 (failure) or 128 + signal (interrupt).
#include <gtest/gtest.h>
#include <netcdf.h>
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

const std::string kBinary = std::string(SPONGEFLOW_BINARY_DIR) + "/bin/spongeflow";

/// A rain-on-a-slope case of n x n cells; `extra` is appended.
fs::path rain_case(const std::string& name, int n, const std::string& time,
                   const std::string& extra = "") {
  const auto dir = scratch(name);
  write_file(dir / "dem.asc", ascii_grid(n, n));
  write_file(dir / "case.toml", "[grid]\ndem = \"dem.asc\"\n[surface]\nmanning = 0.03\n[time]\n" +
                                    time + "\n[rain]\ntimes = [0, 1e7]\nintensity = [50, 50]\n" +
                                    extra);
  return dir / "case.toml";
}

nlohmann::json read_summary(const fs::path& dir) {
  std::ifstream in(dir / "summary.json");
  EXPECT_TRUE(in.good()) << "no summary.json in " << dir;
  return in.good() ? nlohmann::json::parse(in) : nlohmann::json{};
}

std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (ext == ".tmp" || ext == ".part") found.push_back(e.path().filename().string());
  }
  return found;
}

/// Number of records in a results.nc that netCDF can open; -1 when it cannot.
long records_in(const fs::path& nc_path) {
  int ncid = -1, dim = -1;
  std::size_t n = 0;
  if (nc_open(nc_path.c_str(), NC_NOWRITE, &ncid) != NC_NOERR) return -1;
  const bool ok =
      nc_inq_dimid(ncid, "time", &dim) == NC_NOERR && nc_inq_dimlen(ncid, dim, &n) == NC_NOERR;
  nc_close(ncid);
  return ok ? long(n) : -1;
}

TEST(RunFaults, FullDiskUnderAVtiIsOneLineWithTheSystemReason) {
  const auto c = rain_case("full_disk_vti", 8, "duration = 100\noutput_interval = 10");
  const auto out = c.parent_path() / "results";
  fs::create_directories(out);
  // The third snapshot's temporary file is /dev/full: every write to it fails with ENOSPC.
  fs::create_symlink("/dev/full", out / "surface_00002.vti.part");
  const auto r = run_spongeflow("run " + c.string() + " --quiet");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(
      r.output.find("error: the run stopped at t = 20 s: " + (out / "surface_00002.vti").string() +
                    ": cannot write VTK image data: No space left on device\n"),
      std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("vtkExecutive"), std::string::npos) << "VTK printed its own dump";
  EXPECT_EQ(r.output.find('\x1b'), std::string::npos) << "colour codes in the output";
  const auto j = read_summary(out);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_EQ(j["simulated_s"].get<double>(), 20.0);
  EXPECT_GT(j["max_depth_m"].get<double>(), 0.0);
  EXPECT_EQ(j["active_area_m2"].get<double>(), 64.0);
  EXPECT_NE(j["error"].get<std::string>().find("No space left on device"), std::string::npos);
  // t = 0 and 10 (the VTK writer failed first at t = 20): closed and readable.
  EXPECT_EQ(records_in(out / "results.nc"), 2);
  EXPECT_TRUE(leftovers(out).empty()) << leftovers(out)[0];
}

TEST(RunFaults, ResultsNcOverTheFileSizeLimitExitsTwoWithoutACrash) {
  const auto c = rain_case("nc_file_limit", 8, "duration = 100\noutput_interval = 1",
                           "[output]\nvtk = false\n");
  const auto out = c.parent_path() / "results";
  // 100 records need about 110 KiB; the limit stops the file near 80 KiB. SIGXFSZ is ignored so
  // that the write fails with EFBIG, as on a file system with a size limit.
  const std::string cmd = "bash -c \"trap '' XFSZ; ulimit -f 80; exec " + kBinary + " run " +
                          c.string() + " --quiet\" 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string output;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) output += buf;
  const int st = pclose(p);
  ASSERT_TRUE(WIFEXITED(st)) << "ended by a signal: " << output;
  EXPECT_EQ(WEXITSTATUS(st), 2) << output;  // 139 (segfault in HDF5's exit handler) before
  EXPECT_NE(output.find("results.nc: flushing to disk: NetCDF: HDF error (File too large)"),
            std::string::npos)
      << output;
  const auto j = read_summary(out);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_GT(j["simulated_s"].get<double>(), 0.0);
  if (fs::exists(out / "results.nc")) {
    EXPECT_GT(records_in(out / "results.nc"), 0);
  }
  EXPECT_TRUE(leftovers(out).empty()) << leftovers(out)[0];
}

TEST(RunFaults, SummaryOnAFullDiskNamesTheReasonAndLeavesNoTemporaryFile) {
  const auto c = rain_case("full_disk_summary", 8, "duration = 20\noutput_interval = 10");
  const auto out = c.parent_path() / "results";
  fs::create_directories(out);
  fs::create_symlink("/dev/full", out / "summary.json.tmp");
  const auto r = run_spongeflow("run " + c.string() + " --quiet");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("error: " + (out / "summary.json").string() + ": cannot write " +
                          (out / "summary.json.tmp").string() + ": No space left on device\n"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out / "summary.json"));
  EXPECT_FALSE(fs::is_symlink(out / "summary.json.tmp")) << "the temporary file was left behind";
  EXPECT_EQ(records_in(out / "results.nc"), 3);  // closed at the end of the run, before
}

/// Starts a long run, waits for its first snapshot (the run loop has begun), sends `signal` and
/// returns the exit status.
int run_and_signal(const fs::path& case_file, int signal_number) {
  const auto out = case_file.parent_path() / "results";
  return run_spongeflow_and_signal(
      {"run", case_file.string(), "--quiet"}, (case_file.parent_path() / "log.txt").string(),
      [&] { return fs::exists(out / "surface_00000.vti"); }, signal_number);
}

TEST(RunFaults, SigintStopsAtAStepBoundaryWithAnInterruptedSummary) {
  const auto c = rain_case("sigint", 60, "duration = 1e6\noutput_interval = 1e4");
  const auto out = c.parent_path() / "results";
  EXPECT_EQ(run_and_signal(c, SIGINT), 130);
  const auto j = read_summary(out);
  EXPECT_EQ(j["status"], "interrupted");
  EXPECT_EQ(j["error"], "interrupted by SIGINT");
  // Where it stopped: a step boundary after the first snapshot, long before the end.
  EXPECT_GE(j["simulated_s"].get<double>(), 0.0);
  EXPECT_LT(j["simulated_s"].get<double>(), 1e6);
  EXPECT_GE(records_in(out / "results.nc"), 1);
  std::ifstream pvd(out / "surface.pvd");
  const std::string text((std::istreambuf_iterator<char>(pvd)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("</VTKFile>"), std::string::npos) << text;
  EXPECT_TRUE(leftovers(out).empty()) << leftovers(out)[0];
}

TEST(RunFaults, SigtermStopsTheSameWayWithStatus143) {
  const auto c = rain_case("sigterm", 60, "duration = 1e6\noutput_interval = 1e4");
  EXPECT_EQ(run_and_signal(c, SIGTERM), 128 + SIGTERM);
  const auto j = read_summary(c.parent_path() / "results");
  EXPECT_EQ(j["status"], "interrupted");
  EXPECT_EQ(j["error"], "interrupted by SIGTERM");
}

}  // namespace
}  // namespace sf::test
