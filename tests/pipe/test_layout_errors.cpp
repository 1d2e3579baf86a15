// Layout rules of EPA SWMM 5.2's dynamic-wave validation, applied by build_network: an outfall
// with two inlets, or with an inlet and an outlet link, is refused naming the file, the outfall's
// line and its links (ERROR 141; accepted before, it gave a -839 % routing continuity error on
// tests/runoff/data/lid/bc.inp); one link between two outfalls, or an outfall as the inlet of its
// single link, stays allowed as in SWMM; a dummy conduit or ideal pump sharing its inlet node, or
// leaving a node fed only by such links, is refused (ERROR 134); so is an initial depth above a
// node's full plus surcharge depth (ERROR 138).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/network_data.hpp"

namespace {

using namespace sf;

/// Three junctions, the given outfalls and conduits (a conduit named D… is DUMMY), and `extra`.
std::string model(const std::string& outfalls, const std::string& conduits,
                  const std::string& extra = "") {
  std::string xsections;
  std::istringstream lines(conduits);
  for (std::string id, rest; lines >> id && std::getline(lines, rest);)
    xsections += id + (id[0] == 'D' ? " DUMMY 0 0 0 0\n" : " CIRCULAR 1 0 0 0\n");
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "END_DATE 01/01/2020\nEND_TIME 01:00\n"
         "[JUNCTIONS]\nJ1 10 2\nJ2 10 2\nJ3 9 2\n[OUTFALLS]\n" +
         outfalls + "[CONDUITS]\n" + conduits + "[XSECTIONS]\n" + xsections + extra;
}

/// The message of the InputError that building `text` throws, or "" if it builds.
std::string build_error(const std::string& text) {
  try {
    network::build_network(inp::read_inp_text(text, "layout.inp"));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Layout, AnOutfallWithTwoInletsIsRefusedNamingItsLinks) {
  const std::string e =
      build_error(model("O1 8 FREE\n", "C1 J1 O1 100 0.013 0 0\nC2 J2 O1 100 0.013 0 0\n"));
  EXPECT_NE(e.find("layout.inp:12: [OUTFALLS] O1: outfall has 2 links (C1, C2); expected one "
                   "inlet link and no outlet link (EPA SWMM ERROR 141)"),
            std::string::npos)
      << e;
}

TEST(Layout, AnOutfallWithAnInletAndAnOutletLinkIsRefused) {
  const std::string e =
      build_error(model("O1 8 FREE\n", "C1 J1 O1 100 0.013 0 0\nC2 O1 J3 100 0.013 0 0\n"));
  EXPECT_NE(e.find("O1: outfall has 2 links (C1, C2)"), std::string::npos) << e;
}

TEST(Layout, SingleLinksAtOutfallsAreAccepted) {
  // One inlet each, an outfall feeding its one link (tidal inflow), and a link between outfalls.
  EXPECT_EQ(build_error(model("O1 8 FREE\nO2 8 FREE\nO3 9.5 FREE\nO4 7 FREE\n",
                              "C1 J1 O1 100 0.013 0 0\nC2 O3 J2 100 0.013 0 0\n"
                              "C3 O2 O4 100 0.013 0 0\n")),
            "");
}

TEST(Layout, ADummyConduitSharingItsInletNodeIsRefused) {
  const std::string e = build_error(model("O1 8 FREE\nO2 8 FREE\n",
                                          "C1 J1 O1 100 0.013 0 0\nD1 J1 J3 100 0.013 0 0\n"
                                          "C2 J3 O2 100 0.013 0 0\n"));
  EXPECT_NE(e.find("D1: dummy conduit leaves node J1 with other links (C1, D1); expected it to be "
                   "the only link leaving its inlet node (EPA SWMM ERROR 134)"),
            std::string::npos)
      << e;
}

TEST(Layout, AnIdealPumpAfterADummyConduitIsRefused) {
  const std::string e =
      build_error(model("O1 8 FREE\n", "D1 J1 J3 100 0.013 0 0\nC1 J2 O1 100 0.013 0 0\n",
                        "[PUMPS]\nP1 J3 J2 * ON 0 0\n"));
  EXPECT_NE(e.find("P1: ideal pump leaves node J3, whose inflow links are all dummy conduits or "
                   "ideal pumps"),
            std::string::npos)
      << e;
}

TEST(Layout, AnInitialDepthAboveFullPlusSurchargeDepthIsRefused) {
  // J1: full depth 2 m (the 1 m pipe's crown is lower), surcharge 0.5 m, initial depth 3 m; SWMM
  // refuses it (ERROR 138); accepted before, it gave a -69 % routing continuity error.
  const std::string e = build_error(
      "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
      "END_DATE 01/01/2020\nEND_TIME 01:00\n[JUNCTIONS]\nJ1 10 2 3 0.5\nJ2 10 2 2.5 0.5\n"
      "[OUTFALLS]\nO1 8 FREE\nO2 8 FREE\n[CONDUITS]\nC1 J1 O1 100 0.013 0 0\n"
      "C2 J2 O2 100 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\nC2 CIRCULAR 1 0 0 0\n");
  EXPECT_NE(
      e.find("layout.inp:8: [JUNCTIONS] J1: initial depth 3 m is above the node's full depth "
             "2 m plus its surcharge depth 0.5 m; expected at most 2.5 m (EPA SWMM ERROR 138)"),
      std::string::npos)
      << e;
  EXPECT_EQ(e.find("J2"), std::string::npos) << "J2 starts exactly at the top: " << e;
}

}  // namespace
