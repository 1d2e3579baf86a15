// [[boundary]] keys of free and inflow edges, and [output] netcdf_float64: from the case file into
// the engine and the writer, and the messages for keys given on the wrong type of edge.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <cmath>

#include "case_fixture.hpp"

namespace sf::test {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CaseBoundary, FreeEdgeSlopeAndFloor) {
  auto r = load(write_case("free_slope",
                           "[[boundary]]\nside = \"east\"\ntype = \"free\"\n"
                           "slope = 0.02\nmin_slope = 1e-4\n"));
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.loaded.setup.boundaries.size(), 1u);
  EXPECT_EQ(r.loaded.setup.boundaries[0].kind, swe::EdgeKind::kFree);
  EXPECT_EQ(r.loaded.setup.boundaries[0].slope, 0.02);
  EXPECT_EQ(r.loaded.setup.boundaries[0].min_slope, 1e-4);
  r = load(write_case("free_defaults", "[[boundary]]\nside = \"east\"\ntype = \"open\"\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_TRUE(std::isnan(r.loaded.setup.boundaries[0].slope));  // the local bed slope
  EXPECT_EQ(r.loaded.setup.boundaries[0].min_slope, 1e-3);
  r = load(write_case("free_transmissive",
                      "[[boundary]]\nside = \"east\"\ntype = \"transmissive\""
                      "\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.boundaries[0].kind, swe::EdgeKind::kFree);
}

TEST(CaseBoundary, FreeEdgeSlopesMustBePositive) {
  const auto r = load(write_case("free_slope_zero",
                                 "[[boundary]]\nside = \"east\"\ntype = "
                                 "\"free\"\nslope = 0\nmin_slope = -1\n"));
  EXPECT_TRUE(has(r.error,
                  "[boundary[0]] slope: value 0 is out of range; expected an energy "
                  "slope > 0 (m/m)"))
      << r.error;
  EXPECT_TRUE(has(r.error, "[boundary[0]] min_slope: value -1 is out of range")) << r.error;
}

TEST(CaseBoundary, SupercriticalInflowDepthAsASeries) {
  auto r = load(write_case("inflow_depth",
                           "[[boundary]]\nside = \"west\"\ntype = \"inflow\"\n"
                           "times = [0, 10]\ndischarge = [1, 2]\n"
                           "depth = [0.1, 0.2]\n"));
  ASSERT_EQ(r.error, "");
  const BoundarySegmentSpec& b = r.loaded.setup.boundaries[0];
  EXPECT_EQ(b.kind, swe::EdgeKind::kInflow);
  EXPECT_EQ(b.series.values(), (std::vector<double>{1, 2}));
  EXPECT_EQ(b.inflow_depth.values(), (std::vector<double>{0.1, 0.2}));
  EXPECT_EQ(b.inflow_depth.times(), (std::vector<double>{0, 10}));
  r = load(write_case("inflow_no_depth",
                      "[[boundary]]\nside = \"west\"\ntype = \"inflow\"\ndischarge = 1\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_TRUE(r.loaded.setup.boundaries[0].inflow_depth.empty());  // the critical depth
}

TEST(CaseBoundary, InflowDepthMustBePositive) {
  const auto r = load(write_case("inflow_depth_zero",
                                 "[[boundary]]\nside = \"west\"\ntype = "
                                 "\"inflow\"\ndischarge = 1\ndepth = 0\n"));
  EXPECT_TRUE(has(r.error, "[boundary[0]] depth: holds 0.000000; expected inflow depths > 0 m"))
      << r.error;
}

TEST(CaseBoundary, KeysOfAnotherTypeAreRefused) {
  auto r = load(write_case("slope_on_inflow",
                           "[[boundary]]\nside = \"west\"\ntype = \"inflow\"\n"
                           "discharge = 1\nslope = 0.01\n"));
  EXPECT_TRUE(has(r.error,
                  "[boundary[0]] slope: only applies to boundaries of type = \"free\"; "
                  "this one is type = \"inflow\""))
      << r.error;
  r = load(write_case("depth_on_free",
                      "[[boundary]]\nside = \"east\"\ntype = \"free\"\n"
                      "depth = 0.3\ndischarge = 2\n"));
  EXPECT_TRUE(has(r.error,
                  "[boundary[0]] depth: only applies to boundaries of type = "
                  "\"inflow\"; this one is type = \"free\""))
      << r.error;
  EXPECT_TRUE(has(r.error,
                  "[boundary[0]] discharge: only applies to boundaries of type = "
                  "\"inflow\""))
      << r.error;
  r = load(write_case("times_on_critical",
                      "[[boundary]]\nside = \"east\"\ntype = \"critical\"\n"
                      "times = [0, 1]\n"));
  EXPECT_TRUE(has(r.error,
                  "[boundary[0]] times: only applies to boundaries of type = \"level\" "
                  "or \"inflow\""))
      << r.error;
}

TEST(CaseOutput, NetcdfFloat64StoresDoubles) {
  const auto c = write_case("netcdf_float64",
                            "[surface]\ninitial_depth = 0.1\n"
                            "[output]\nvtk = false\nnetcdf_float64 = true\n");
  const auto r = run_spongeflow("run " + c.string() + " --quiet --threads 1");
  ASSERT_EQ(r.status, 0) << r.output;
  int nc = -1, var = -1;
  nc_type type = NC_NAT;
  const std::string path = (c.parent_path() / "results" / "results.nc").string();
  ASSERT_EQ(nc_open(path.c_str(), NC_NOWRITE, &nc), NC_NOERR) << path;
  EXPECT_EQ(nc_inq_varid(nc, "depth", &var), NC_NOERR);
  EXPECT_EQ(nc_inq_vartype(nc, var, &type), NC_NOERR);
  nc_close(nc);
  EXPECT_EQ(type, NC_DOUBLE);
}

}  // namespace
}  // namespace sf::test
