// [surface] friction and initial flow, and [numerics] cfl and gravity: from the case file into the
// engine's SurfaceSetup, and the messages for what is refused.
#include <gtest/gtest.h>

#include <cmath>

#include "case_fixture.hpp"
#include "core/physical_constants.hpp"

namespace sf::test {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CaseFriction, EachLawWithItsUniformCoefficient) {
  const std::pair<const char*, swe::FrictionLaw> laws[] = {
      {"manning", swe::FrictionLaw::kManning},
      {"chezy", swe::FrictionLaw::kChezy},
      {"darcy_weisbach", swe::FrictionLaw::kDarcyWeisbach},
      {"laminar", swe::FrictionLaw::kLaminar},
      {"linear", swe::FrictionLaw::kLinear}};
  for (const auto& [name, law] : laws) {
    const auto r =
        load(write_case(std::string("friction_") + name,
                        "[surface]\nfriction = \"" + std::string(name) + "\"\nroughness = 0.25\n"));
    ASSERT_EQ(r.error, "") << name;
    EXPECT_EQ(r.loaded.setup.friction_law, law) << name;
    EXPECT_EQ(r.loaded.setup.roughness_uniform, 0.25) << name;
    EXPECT_TRUE(r.loaded.setup.roughness.empty()) << name;
  }
}

TEST(CaseFriction, ManningKeysStillMeanTheManningLaw) {
  const auto r = load(write_case("friction_manning_keys", "[surface]\nmanning = 0.05\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.friction_law, swe::FrictionLaw::kManning);
  EXPECT_EQ(r.loaded.setup.roughness_uniform, 0.05);
  const auto d = load(write_case("friction_default", ""));
  ASSERT_EQ(d.error, "");
  EXPECT_EQ(d.loaded.setup.friction_law, swe::FrictionLaw::kManning);
  EXPECT_EQ(d.loaded.setup.roughness_uniform, 0.03);
}

TEST(CaseFriction, RoughnessRasterOfDarcyWeisbach) {
  const auto c =
      write_case("friction_raster",
                 "[surface]\nfriction = \"darcy_weisbach\"\nroughness_raster = \"f.asc\"\n");
  write_file(c.parent_path() / "f.asc", ascii_grid(8, 6, 0.2));  // 0.2 falling to 0.13 eastwards
  const auto r = load(c);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.friction_law, swe::FrictionLaw::kDarcyWeisbach);
  ASSERT_EQ(r.loaded.setup.roughness.size(), 48u);
  EXPECT_NEAR(r.loaded.setup.roughness[0], 0.2, 1e-12);
  EXPECT_NEAR(r.loaded.setup.roughness[7], 0.13, 1e-12);
}

TEST(CaseFriction, ChezyNeedsAPositiveCoefficientInItsUnit) {
  auto r = load(write_case("chezy_zero", "[surface]\nfriction = \"chezy\"\nroughness = 0\n"));
  EXPECT_TRUE(has(r.error,
                  "case.toml:7: [surface] roughness: value 0 is out of range; expected "
                  "a Chezy C > 0 m^1/2 s^-1"))
      << r.error;
  const auto c = write_case("chezy_raster_zero",
                            "[surface]\nfriction = \"chezy\"\nroughness_raster = \"c.asc\"\n");
  write_file(c.parent_path() / "c.asc", ascii_grid(8, 6, 0.0));  // 0 then negative eastwards
  r = load(c);
  EXPECT_TRUE(has(r.error, "c.asc: [surface] roughness_raster: cell (column 0, row from north "))
      << r.error;
  EXPECT_TRUE(has(r.error, ") has value 0.000000; expected a Chezy C > 0 m^1/2 s^-1")) << r.error;
}

TEST(CaseFriction, OtherLawsNeedTheirCoefficient) {
  const auto r = load(write_case("linear_no_coefficient", "[surface]\nfriction = \"linear\"\n"));
  EXPECT_TRUE(has(r.error,
                  "[surface] roughness: is required with friction = \"linear\"; give a "
                  "linear tau in s^-1"))
      << r.error;
}

TEST(CaseFriction, ManningKeysDoNotMixWithAnotherLawOrWithRoughness) {
  auto r =
      load(write_case("manning_with_chezy", "[surface]\nfriction = \"chezy\"\nmanning = 0.03\n"));
  EXPECT_TRUE(has(r.error, "[surface] friction: 'chezy' cannot be combined with manning"))
      << r.error;
  r = load(write_case("manning_with_roughness",
                      "[surface]\nmanning_raster = \"n.asc\"\nroughness = 0.03\n"));
  EXPECT_TRUE(has(r.error, "[surface] roughness: cannot be combined with manning_raster"))
      << r.error;
}

TEST(CaseFriction, UnknownLawListsTheKnownOnes) {
  const auto r = load(write_case("friction_unknown", "[surface]\nfriction = \"strickler\"\n"));
  EXPECT_TRUE(has(r.error,
                  "[surface] friction: 'strickler' is not a friction law; expected "
                  "manning, chezy, darcy_weisbach, laminar or linear"))
      << r.error;
}

TEST(CaseFriction, LandUseManningOnlyWithTheManningLaw) {
  const auto r = load(write_case("landuse_chezy",
                                 "[surface]\nfriction = \"chezy\"\nroughness = 30\n"
                                 "[soil]\nland_use = \"lu.asc\"\n"
                                 "[[landuse]]\nid = 1\nmanning = 0.02\n"));
  EXPECT_TRUE(has(r.error,
                  "[landuse[0]] manning: a class's Manning n only applies with friction "
                  "= \"manning\"; this case uses friction = \"chezy\""))
      << r.error;
}

TEST(CaseFriction, LandUseClassesLeaveOtherLawsUniform) {
  const auto c = write_case("landuse_linear",
                            "[surface]\nfriction = \"linear\"\nroughness = 0.5\n"
                            "[soil]\nland_use = \"lu.asc\"\n[[landuse]]\nid = 1\n");
  std::string lu = "ncols 8\nnrows 6\nxllcorner 1000\nyllcorner 2000\ncellsize 1\n";
  for (int k = 0; k < 6; ++k) lu += "1 1 1 1 1 1 1 1\n";
  write_file(c.parent_path() / "lu.asc", lu);
  const auto r = load(c);
  ASSERT_EQ(r.error, "");
  EXPECT_TRUE(r.loaded.setup.roughness.empty());
  EXPECT_EQ(r.loaded.setup.roughness_uniform, 0.5);
}

TEST(CaseNumerics, GravityDefaultsToStandardGravity) {
  auto r = load(write_case("gravity_default", ""));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.numerics.gravity, kGravity);
  r = load(write_case("gravity_given", "[numerics]\ngravity = 3.72\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.numerics.gravity, 3.72);
  r = load(write_case("gravity_zero", "[numerics]\ngravity = 0\n"));
  EXPECT_TRUE(has(r.error,
                  "[numerics] gravity: value 0 is out of range; expected > 0 and <= 100 "
                  "m s^-2"))
      << r.error;
}

TEST(CaseNumerics, CflUpToThePositivityBound) {
  auto r = load(write_case("cfl_half", "[numerics]\ncfl = 0.5\n"));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.loaded.setup.numerics.cfl, 0.5);
  r = load(write_case("cfl_above", "[numerics]\ncfl = 0.7\n"));
  EXPECT_TRUE(has(r.error,
                  "[numerics] cfl: value 0.7 is out of range; expected 0 < cfl <= 0.5 "
                  "(the scheme's positivity bound)"))
      << r.error;
}

TEST(CaseInitialFlow, VelocityTimesInitialDepth) {
  const auto c =
      write_case("initial_u", "[surface]\ninitial_depth = 0.5\ninitial_u_raster = \"u.asc\"\n");
  write_file(c.parent_path() / "u.asc", ascii_grid(8, 6, 2.0));  // 2.0 m/s falling eastwards
  const auto r = load(c);
  ASSERT_EQ(r.error, "");
  const SurfaceSetup& s = r.loaded.setup;
  ASSERT_EQ(s.qx0.size(), 48u);
  ASSERT_EQ(s.qy0.size(), 48u);
  EXPECT_NEAR(s.qx0[0], 1.0, 1e-12);                 // 0.5 m x 2.0 m/s
  EXPECT_NEAR(s.qx0[7], 0.5 * (2.0 - 0.07), 1e-12);  // eastmost column
  EXPECT_EQ(s.qy0[5], 0.0);
}

TEST(CaseInitialFlow, UnitDischargeAsGiven) {
  const auto c =
      write_case("initial_qy", "[surface]\ninitial_level = 20\ninitial_qy_raster = \"qy.asc\"\n");
  write_file(c.parent_path() / "qy.asc", ascii_grid(8, 6, -0.3));
  const auto r = load(c);
  ASSERT_EQ(r.error, "");
  EXPECT_NEAR(r.loaded.setup.qy0[0], -0.3, 1e-12);
  EXPECT_EQ(r.loaded.setup.qx0[0], 0.0);
}

TEST(CaseInitialFlow, DischargeOnADryCellIsRefused) {
  const auto c = write_case("initial_qx_dry",
                            "[surface]\ninitial_level = 9.95\ninitial_qx_raster = \"qx.asc\"\n");
  write_file(c.parent_path() / "qx.asc", ascii_grid(8, 6, 0.1));  // bed 10 .. 9.93: west is dry
  const auto r = load(c);
  EXPECT_TRUE(has(r.error, "qx.asc: [surface] initial_qx_raster: cell (column 0, row from north "))
      << r.error;
  EXPECT_TRUE(has(r.error,
                  ") has value 0.100000 but no initial water; expected 0 m^2/s on dry "
                  "cells"))
      << r.error;
}

TEST(CaseInitialFlow, OneKindAndOnlyWithWater) {
  auto r = load(write_case("initial_both",
                           "[surface]\ninitial_depth = 1\ninitial_u_raster = "
                           "\"u.asc\"\ninitial_qy_raster = \"qy.asc\"\n"));
  EXPECT_TRUE(has(r.error,
                  "[surface] initial_qy_raster: cannot be combined with "
                  "initial_u_raster"))
      << r.error;
  r = load(write_case("initial_no_water", "[surface]\ninitial_v_raster = \"v.asc\"\n"));
  EXPECT_TRUE(has(r.error, "[surface] initial_v_raster: needs initial water to move")) << r.error;
}

TEST(CaseInitialFlow, RasterOnAnotherGridIsRefused) {
  const auto c = write_case("initial_u_grid",
                            "[surface]\ninitial_depth = 0.5\ninitial_u_raster = \"u.asc\"\n");
  write_file(c.parent_path() / "u.asc", ascii_grid(7, 6, 1.0));
  const auto r = load(c);
  EXPECT_TRUE(has(r.error, "u.asc")) << r.error;
  EXPECT_TRUE(has(r.error, "7 x 6")) << r.error;
}

}  // namespace
}  // namespace sf::test
