// Bad hydrology input: every message names the file, line, section and field, and says what was
// expected (docs/input-errors.md).
#include <gtest/gtest.h>

#include <string>

#include "common/input_error.hpp"
#include "inp/reader.hpp"

namespace {

std::string base(const std::string& hydrology) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nSTART_DATE 01/01/2020\nEND_DATE 01/02/2020\n"
         "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n"
         "[CONDUITS]\nC1 J1 O1 400 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n"
         "[TIMESERIES]\nR 0 1\n" +
         hydrology;
}

const std::string kGood =
    "[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n"
    "[SUBCATCHMENTS]\nS1 G1 J1 1 50 100 1 0\n"
    "[SUBAREAS]\nS1 0.015 0.1 1 2 25 OUTLET\n"
    "[INFILTRATION]\nS1 50 5 2 7 0\n";

std::string error_of(const std::string& text) {
  try {
    sf::inp::read_inp_text(text, "m.inp");
  } catch (const sf::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(RunoffReader, AGoodModelReads) {
  EXPECT_EQ(error_of(base(kGood)), "");
}

TEST(RunoffReader, BadLinesNameFileLineSectionAndField) {
  const struct {
    std::string hydrology;
    std::string expected;
  } cases[] = {
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES\n", "m.inp:16: [RAINGAGES] G1: found 5 fields"},
      {"[RAINGAGES]\nG1 DEPTH 0:05 1.0 TIMESERIES R\n", "m.inp:16: [RAINGAGES] G1: format"},
      {"[RAINGAGES]\nG1 VOLUME x 1.0 TIMESERIES R\n", "interval \"x\" is not a time"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES NOPE\n", "\"NOPE\" is not defined"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 FILE no-such-rain.dat STA1 MM\n",
       "rain file \"no-such-rain.dat\" cannot be opened"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 FILE rain.dat STA1 CM\n", "rain units \"CM\""},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G2 J1 1 50 100 1 0\n"
       "[SUBAREAS]\nS1 0.015 0.1 1 2 25 OUTLET\n",
       "m.inp:18: [SUBCATCHMENTS] S1: rain gage \"G2\" is not defined"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G1 J9 1 50 100 1 0\n"
       "[SUBAREAS]\nS1 0.015 0.1 1 2 25 OUTLET\n",
       "outlet \"J9\" is not defined; expected a node or a subcatchment"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G1 J1 -1 50 100 1 0\n"
       "[SUBAREAS]\nS1 0.015 0.1 1 2 25 OUTLET\n",
       "[SUBCATCHMENTS] S1: area"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G1 J1 1 50 100 1 0\n",
       "S1: has no [SUBAREAS] line"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G1 J1 1 50 100 1 0\n"
       "[SUBAREAS]\nS1 0.015 0.1 1 2 25 SIDEWAYS\n",
       "[SUBAREAS] S1: RouteTo"},
      {"[RAINGAGES]\nG1 VOLUME 0:05 1.0 TIMESERIES R\n[SUBCATCHMENTS]\nS1 G1 J1 1 50 100 1 0\n"
       "[SUBAREAS]\nS1 0.015 0.1 1 2 25 PERVIOUS 120\n",
       "PctRouted 120 is above 100"},
      {kGood + "[INFILTRATION]\nS1 5 50 2 7 0\n", "MaxRate 5 is below MinRate 50"},
      {kGood + "[INFILTRATION]\nS1 100 0.5 GREEN_AMPT\n", "found 3 fields; expected at least 4"},
      {kGood + "[INFILTRATION]\nS1 100 0 0.3 GREEN_AMPT\n", "Ksat"},
      {kGood + "[INFILTRATION]\nS2 50 5 2 7 0\n", "[INFILTRATION] S2: subcatchment is not defined"},
      {kGood + "[EVAPORATION]\nTEMPERATURE\n", "[EVAPORATION]"},
      {kGood + "[EVAPORATION]\nMONTHLY 1 2 3\n", "found 4 fields; expected at least 13"},
      {kGood + "[SNOWPACKS]\nSP1 PLOWABLE 0.001 0.001 32 0.1 0 0 0\n",
       "[SNOWPACKS] snowmelt is not simulated"},
      {kGood + "[AQUIFERS]\nA1 0.5 0.15 0.3 0.1 12 15 0.35 14 0.002 0 0 0\n",
       "[AQUIFERS] groundwater is not simulated"},
  };
  for (const auto& c : cases) {
    const std::string e = error_of(base(c.hydrology));
    EXPECT_NE(e.find(c.expected), std::string::npos) << "expected \"" << c.expected << "\" in:\n"
                                                     << e;
  }
}

TEST(RunoffReader, SnowAndGroundwaterWithoutSubcatchmentsAreOnlyWarnedAbout) {
  std::vector<std::string> w;
  EXPECT_NO_THROW(sf::inp::read_inp_text(
      base("[AQUIFERS]\nA1 0.5 0.15 0.3 0.1 12 15 0.35 14 0.002 0 0 0\n"), "m.inp", &w));
  bool warned = false;
  for (const auto& s : w) warned = warned || s.find("[AQUIFERS]") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(RunoffReader, UnitsAreConvertedToSi) {
  const std::string us =
      "[OPTIONS]\nFLOW_UNITS CFS\nSTART_DATE 01/01/2020\nEND_DATE 01/02/2020\n"
      "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n"
      "[CONDUITS]\nC1 J1 O1 400 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n"
      "[TIMESERIES]\nR 0 1\n[RAINGAGES]\nG1 INTENSITY 0.25 1.0 TIMESERIES R\n"
      "[SUBCATCHMENTS]\nS1 G1 J1 2 50 100 1 0\n[SUBAREAS]\nS1 0.015 0.1 0.05 0.1 25 OUTLET\n"
      "[INFILTRATION]\nS1 3 0.5 4 7\n[EVAPORATION]\nCONSTANT 0.2\n";
  const sf::inp::Model m = sf::inp::read_inp_text(us, "m.inp");
  const auto& s = m.subcatchments[0];
  EXPECT_DOUBLE_EQ(s.area, 2 * 4046.8564224);              // acres
  EXPECT_DOUBLE_EQ(s.width, 100 * 0.3048);                 // ft
  EXPECT_DOUBLE_EQ(s.s_imperv, 0.05 * 0.0254);             // in
  EXPECT_DOUBLE_EQ(s.infiltration.f0, 3 * 0.0254 / 3600);  // in/hr
  EXPECT_DOUBLE_EQ(s.infiltration.max_volume, 0.0);        // optional, absent
  EXPECT_DOUBLE_EQ(m.gages[0].interval_s, 900.0);
  EXPECT_DOUBLE_EQ(m.gages[0].intensity_to_si, 0.0254 / 3600);
  EXPECT_DOUBLE_EQ(m.evaporation.monthly[5], 0.2 * 0.0254 / 86400);  // in/day
}

}  // namespace
