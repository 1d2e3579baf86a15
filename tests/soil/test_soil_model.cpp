// The class table's validation names the class and field of every bad value; conversions match
// their definitions.
#include <gtest/gtest.h>

#include <cmath>

#include "common/input_error.hpp"
#include "lid_fixtures.hpp"
#include "sponge/soil_model.hpp"

namespace sf::soil {
namespace {

std::string error_of(const SoilModel& m) {
  try {
    validate(m, "case.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

SoilModel valid_model() {
  SoilModel m;
  LandUseClass grass{"grass"};
  grass.infiltration.model = InfiltrationModel::kGreenAmpt;
  grass.infiltration.green_ampt = {1e-6, 0.11, 0.3};
  LandUseClass pavement{"porous_car_park"};
  pavement.lid = test::permeable_pavement();
  LandUseClass roof{"green_roof"};
  roof.lid = test::green_roof();
  m.classes = {grass, pavement, roof};
  return m;
}

TEST(SoilModel, AValidModelPasses) {
  EXPECT_EQ(error_of(valid_model()), "");
}

TEST(SoilModel, NegativeConductivityNamesClassAndField) {
  SoilModel m = valid_model();
  m.classes[0].infiltration.green_ampt.ks = -1e-6;
  EXPECT_EQ(
      error_of(m),
      "case.toml: [soil] class 'grass' green_ampt.ks: -1e-06; expected a conductivity > 0 (m/s)");
}

TEST(SoilModel, AllProblemsAreListedAtOnce) {
  SoilModel m = valid_model();
  m.classes[0].impervious_share = 1.5;
  m.classes[1].lid.pavement.void_fraction = 0;
  m.classes[2].lid.storage.seepage = 1e-6;
  m.classes[2].lid.soil.wilting_point = 0.3;  // above field capacity 0.2
  const std::string e = error_of(m);
  EXPECT_NE(e.find("class 'grass' impervious_share: 1.5; expected a share in [0, 1]"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("class 'porous_car_park' lid.pavement.void_fraction: 0"), std::string::npos)
      << e;
  EXPECT_NE(e.find("class 'green_roof' lid.storage.seepage: 1e-06; expected 0 for a green roof"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("class 'green_roof' lid.soil.wilting_point: 0.3"), std::string::npos) << e;
}

TEST(SoilModel, MissingLayerAndDuplicateNameAreRefused) {
  SoilModel m = valid_model();
  m.classes[1].lid.storage.height = 0;
  m.classes[2].name = "grass";
  const std::string e = error_of(m);
  EXPECT_NE(
      e.find(
          "class 'porous_car_park' lid.storage.height: 0; a permeable pavement needs this layer"),
      std::string::npos)
      << e;
  EXPECT_NE(e.find("class 'grass' name: defined twice"), std::string::npos) << e;
}

TEST(SoilModel, HortonWithF0BelowFminIsRefused) {
  SoilModel m = valid_model();
  m.classes[0].infiltration.model = InfiltrationModel::kHorton;
  m.classes[0].infiltration.horton = {1e-6, 2e-6, 1e-3, 1e-5, kNoLimit};
  EXPECT_NE(error_of(m).find("class 'grass' horton.f0: 1e-06; expected a rate >= fmin"),
            std::string::npos);
}

TEST(SoilModel, Conversions) {
  EXPECT_NEAR(curve_number_retention(80), 0.0635, 1e-12);
  EXPECT_NEAR(horton_recovery_from_drying_time(1) * 86400, -std::log(0.02), 1e-12);
  // 1 in/h per in^0.5 -> (0.0254/3600) / 0.0254^0.5 m^0.5/s
  EXPECT_NEAR(drain_coeff_from_swmm_us(1.0, 0.5), 0.0254 / 3600 / std::sqrt(0.0254), 1e-15);
  // Exponent 1 is a linear reservoir: the rate constant (1/h) does not depend on units.
  EXPECT_NEAR(drain_coeff_from_swmm_si(2.0, 1.0), drain_coeff_from_swmm_us(2.0, 1.0), 1e-15);
}

TEST(SoilModel, InitialStateSetsDeficitsAndLidLayers) {
  const SoilModel m = valid_model();
  const SoilInitialState<float> s = initial_state<float>(m, {0, 1, 2});
  EXPECT_FLOAT_EQ(s.infiltration[0][0], 0.3f);         // Green-Ampt deficit of grass
  EXPECT_FLOAT_EQ(s.infiltration[0][2], 0.5f - 0.2f);  // green roof soil: porosity - theta0
  EXPECT_FLOAT_EQ(s.lid_soil[2], 0.15f * 0.2f);
  EXPECT_FLOAT_EQ(s.lid_storage[1], 0.0f);
  EXPECT_THROW(initial_state<float>(m, {3}), std::out_of_range);
}

}  // namespace
}  // namespace sf::soil
