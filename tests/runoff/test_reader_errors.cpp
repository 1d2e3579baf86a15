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

// [LID_CONTROLS] / [LID_USAGE] (read_lid.cpp): kGood ends on line 22, so the controls section
// header is line 23 and its first line 24.
const std::string kBioCell =
    "BC1 BC\nBC1 SURFACE 150 0.1 0.1 1 5\nBC1 SOIL 500 0.5 0.2 0.1 50 10 80\n"
    "BC1 STORAGE 300 0.75 5 0\nBC1 DRAIN 2.0 0.5 50 0\n";

std::string with_lids(const std::string& controls, const std::string& usage) {
  return base(kGood + "[LID_CONTROLS]\n" + controls + "[LID_USAGE]\n" + usage);
}

TEST(RunoffReader, LidModelsRead) {
  std::vector<std::string> w;
  const sf::inp::Model m = sf::inp::read_inp_text(
      with_lids(kBioCell + "BC1 REMOVALS TSS 80\nPP1 PP\nPP1 PAVEMENT 100 0.15 0 200 50\n"
                           "PP1 STORAGE 300 0.6 2 10\n",
                "S1 BC1 2 300 15 20 100 0 bc1.txt J1 10\nS1 PP1 1 1000 40 0 0 1\n"
                "S1 BC1 0 x x x x x\n"),
      "m.inp", &w);
  ASSERT_EQ(m.lid_controls.size(), 2u);
  ASSERT_EQ(m.lid_usages.size(), 2u);
  const auto& bc = m.lid_controls[0].process;
  EXPECT_DOUBLE_EQ(bc.surface.thickness, 0.150);
  EXPECT_DOUBLE_EQ(bc.surface.void_frac, 0.9);
  EXPECT_DOUBLE_EQ(bc.soil.ks, 50e-3 / 3600);
  EXPECT_DOUBLE_EQ(bc.storage.void_frac, 0.75 / 1.75);  // void ratio -> fraction
  EXPECT_DOUBLE_EQ(bc.drain.offset, 0.050);
  EXPECT_FALSE(bc.surface.can_overflow);  // Manning outflow from a rough sloped surface
  const auto& u = m.lid_usages[0];
  EXPECT_EQ(u.number, 2);
  EXPECT_DOUBLE_EQ(u.area, 300.0);
  EXPECT_DOUBLE_EQ(u.init_sat, 0.2);
  EXPECT_DOUBLE_EQ(u.from_imperv, 1.0);
  EXPECT_DOUBLE_EQ(u.from_perv, 0.1);
  EXPECT_EQ(u.drain_node, m.find_node("J1"));
  EXPECT_EQ(m.lid_usages[1].drain_node, m.find_node("J1"));  // default: the outlet
  std::string all;
  for (const auto& s : w) all += s + "\n";
  for (const char* warned : {"pollutant removals are ignored", "pavement clogging",
                             "storage clogging", "report file \"bc1.txt\"", "0 units"})
    EXPECT_NE(all.find(warned), std::string::npos) << warned << " in:\n" << all;
}

TEST(RunoffReader, BadLidLinesNameFileLineSectionAndField) {
  const std::string use = "S1 BC1 1 300 15 20 100 0\n";
  const struct {
    std::string controls, usage, expected;
  } cases[] = {
      {"BC1 BC\nBC1 SOIL 500 0.5 0.2\n", use,
       "m.inp:25: [LID_CONTROLS] BC1: found 5 fields; expected at least 9"},
      {"BC1 BC\nBC1 SOIL 500 x 0.2 0.1 50 10 80\n", use, "porosity \"x\" is not a number"},
      {kBioCell + "BC1 SURFACE 150 1.2 0.1 1 5\n", use, "VegFrac 1.2 is not below 1"},
      {kBioCell + "BC1 STORAGE -3 0.75 5 0\n", use, "storage height -3 is negative"},
      {kBioCell + "BC1 LAYER 1 2\n", use, "LID type or layer \"LAYER\" is not a known keyword"},
      {kBioCell + "BC2 SOIL 500 0.5 0.2 0.1 50 10 80\n", use, "BC2: LID control has no type line"},
      {kBioCell + "BC1 RG\n", use, "LID control type given twice (first on line 24)"},
      {kBioCell + "SW1 VS\n", use,
       "m.inp:29: [LID_CONTROLS] SW1: SURFACE layer of a vegetative swale: expected StorHt > 0, "
       "Rough > 0 and Slope > 0"},
      {kBioCell + "SW1 VS\nSW1 SURFACE 300 0.2 0 1 4\n", use, "expected StorHt > 0, Rough > 0"},
      {"SW1 VS\nSW1 SURFACE 300 0.2 0.24 1 4\n", "S1 SW1 1 300 0 0 100 0\n",
       "vegetative swale \"SW1\" has width 0; expected the swale's top width > 0"},
      {"BC1 BC\nBC1 STORAGE 300 0.75 5 0\n", use, "expected a SOIL layer with thickness > 0"},
      {"GR1 GR\nGR1 SOIL 100 0.5 0.25 0.1 100 10 50\n", "S1 GR1 1 300 15 20 100 0\n",
       "expected a DRAINMAT layer"},
      {"BC1 BC\nBC1 SOIL 500 0.5 0.6 0.1 50 10 80\n", use, "expected 0 <= WP < FC < Por"},
      {"PP1 PP\nPP1 PAVEMENT 100 0.15 0 0 0\n", "S1 PP1 1 300 15 20 100 0\n", "expected Perm > 0"},
      {kBioCell + "BC1 DRAIN 2 0.5 50 0 0 0 C9\n", use,
       "drain control curve \"C9\" is not defined; expected a curve of [CURVES]"},
      {kBioCell + "BC1 DRAIN 2 0.5 50 0 0 0 ST1\n", use + "[CURVES]\nST1 STORAGE 0 1\n",
       "curve \"ST1\" is not a CONTROL curve"},
      {kBioCell + "BC1 DRAIN 2 0.5 50 0 10 20\n", use, "expected Hopen > Hclose"},
      {kBioCell, "S1 BC1 1 300 15 20 100\n", "[LID_USAGE] S1: found 7 fields; expected at least 8"},
      {kBioCell, "S9 BC1 1 300 15 20 100 0\n", "S9: subcatchment is not defined"},
      {kBioCell, "S1 NOPE 1 300 15 20 100 0\n", "LID control \"NOPE\" is not defined"},
      {kBioCell, "S1 BC1 1.5 300 15 20 100 0\n", "number of units 1.5 is not a whole number"},
      {kBioCell, "S1 BC1 1 -300 15 20 100 0\n", "unit area -300 is negative"},
      {kBioCell, "S1 BC1 1 300 15 120 100 0\n", "InitSat 120 is above 100"},
      {kBioCell, "S1 BC1 1 300 15 20 130 0\n", "FromImp 130 is above 100"},
      {kBioCell, "S1 BC1 1 300 15 20 100 0 * J9\n", "DrainTo \"J9\" is not defined"},
      {kBioCell, "S1 BC1 1 300 15 20 100 0 * * 130\n", "FromPerv 130 is above 100"},
      {kBioCell, "S1 BC1 2 6000 15 20 100 0\n", "LID units cover 12000 m²"},
      {kBioCell, "S1 BC1 1 300 15 20 60 0\nS1 BC1 1 300 15 20 60 0\n",
       "treat more than 100 % of the impervious"},
  };
  for (const auto& c : cases) {
    const std::string e = error_of(with_lids(c.controls, c.usage));
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
