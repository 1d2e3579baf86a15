// Input that EPA SWMM 5.2 runs (sometimes with a warning) runs here too, with the values SWMM
// uses: models engineers already have must not be refused for what SWMM tolerates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inp/reader.hpp"

using namespace sf::inp;

namespace {

std::string network(const std::string& conduits, const std::string& extra = "") {
  return "[OPTIONS]\nFLOW_UNITS CFS\nSTART_DATE 01/01/2020\nEND_DATE 01/02/2020\n"
         "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n[CONDUITS]\n" +
         conduits + extra;
}

bool has_warning(const std::vector<std::string>& w, const std::string& fragment) {
  for (const auto& s : w)
    if (s.find(fragment) != std::string::npos) return true;
  return false;
}

const char* kTransect =
    "[TRANSECTS]\nNC 0.04 0.04 0.035\nX1 T1 4 1 9 0 0 0 0 0\n"
    "GR 5 0 0 1 0 9 5 10\n";

}  // namespace

// SWMM's conduit_validate replaces an IRREGULAR conduit's n by the transect's channel n, so
// real models leave it at 0 in [CONDUITS].
TEST(SwmmLeniency, IrregularConduitWithZeroRoughnessTakesTheTransectN) {
  Model m = read_inp_text(network("C1 J1 O1 400 0 0 0\n",
                                  std::string("[XSECTIONS]\nC1 IRREGULAR T1 0 0 0\n") + kTransect),
                          "t.inp");
  ASSERT_EQ(m.conduits.size(), 1u);
  EXPECT_EQ(m.conduits[0].roughness, 0.0);
  ASSERT_EQ(m.transects.size(), 1u);
  EXPECT_DOUBLE_EQ(m.transects[0].n_channel, 0.035);
}

TEST(SwmmLeniency, CircularConduitWithZeroRoughnessIsStillRefused) {
  try {
    read_inp_text(network("C1 J1 O1 400 0 0 0\n", "[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n"), "t.inp");
    FAIL() << "a CIRCULAR conduit with n = 0 was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("t.inp:10: [CONDUITS] C1: roughness 0 is zero; expected "
                                         "a Manning n > 0"),
              std::string::npos)
        << e.what();
  }
}

// SWMM reads up to 24 factors for any pattern type (each preset to 1.0) and uses the first 12
// of a MONTHLY one.
TEST(SwmmLeniency, MonthlyPatternWith24FactorsUsesTheFirst12) {
  std::string monthly = "[PATTERNS]\nM1 MONTHLY";
  for (int i = 1; i <= 24; ++i) monthly += " " + std::to_string(i);
  std::vector<std::string> w;
  Model m = read_inp_text(
      network("C1 J1 O1 400 0.013 0 0\n", "[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n" + monthly + "\n"),
      "t.inp", &w);
  const Pattern& p = m.patterns[m.find_pattern("M1")];
  ASSERT_EQ(p.factors.size(), 12u);
  EXPECT_EQ(p.factors[0], 1.0);
  EXPECT_EQ(p.factors[11], 12.0);
  EXPECT_TRUE(has_warning(w, "MONTHLY pattern has 24 factors; expected 12; SWMM uses the first 12"))
      << (w.empty() ? "no warning" : w.front());
}

TEST(SwmmLeniency, HourlyPatternWithMissingFactorsUsesOneForThem) {
  std::vector<std::string> w;
  Model m = read_inp_text(network("C1 J1 O1 400 0.013 0 0\n",
                                  "[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n"
                                  "[PATTERNS]\nH1 HOURLY 2 2 2 2 2 2\nH1 2 2 2 2 2 2\n"),
                          "t.inp", &w);
  const Pattern& p = m.patterns[m.find_pattern("H1")];
  ASSERT_EQ(p.factors.size(), 24u);
  EXPECT_EQ(p.factors[11], 2.0);
  EXPECT_EQ(p.factors[12], 1.0);
  EXPECT_EQ(p.factors[23], 1.0);
  EXPECT_TRUE(has_warning(w,
                          "HOURLY pattern has 12 factors; expected 24; SWMM uses 1.0 for the "
                          "missing 12"));
}
