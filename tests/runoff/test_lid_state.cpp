// LID units in checkpoints: a network engine continued from another's state saved mid-storm, while
// the bio-retention cell, the permeable pavement and the rain barrels of
// tests/runoff/data/lid/mixed.inp hold water, takes the same steps bit for bit to the end (node
// depths, link flows, the runoff totals with the LID drainage, the water left in the units); so
// does vsga.inp, whose swales step with last step's rates (modified Puls) and Green-Ampt.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"

namespace {

using namespace sf;

const std::string kLidDir = std::string(SPONGEFLOW_SOURCE_DIR) + "/tests/runoff/data/lid/";
const std::string kModel = kLidDir + "mixed.inp";

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

class LidStateOf : public testing::TestWithParam<const char*> {};

TEST_P(LidStateOf, AnEngineContinuedMidStormTakesTheSameSteps) {
  const inp::Model m = inp::read_inp_file(kLidDir + GetParam() + ".inp");
  const bool has_drains = std::string(GetParam()) == "mixed";
  network::NetworkEngine a(m), b(m);
  a.start();
  while (a.time() < 3000.0) ASSERT_TRUE(a.step());  // 50 min: peak of the storm
  const runoff::RunoffModel& ra = *a.forcing().runoff();
  ASSERT_GT(ra.storage(), 0.0);
  if (has_drains) {
    ASSERT_GT(ra.totals().lid_drainage, 0.0) << "no underdrain has run before the checkpoint";
  }
  StateRecord record;
  a.save_state(record);
  EXPECT_TRUE(record.has("runoff_lid"));
  b.start();
  b.load_state(record);

  std::vector<double> da, db, qa, qb;
  int steps = 0;
  bool more = true;
  while (more) {
    more = a.step();
    ASSERT_EQ(more, b.step());
    ++steps;
    ASSERT_EQ(a.time(), b.time()) << "step " << steps;
    a.interpolated_state(a.time(), da, qa);
    b.interpolated_state(b.time(), db, qb);
    ASSERT_TRUE(same_bits(da, db)) << "node depths differ at step " << steps << ", t=" << a.time();
    ASSERT_TRUE(same_bits(qa, qb)) << "link flows differ at step " << steps << ", t=" << a.time();
  }
  a.finish();
  b.finish();
  EXPECT_GT(steps, 100);
  const runoff::RunoffModel& rb = *b.forcing().runoff();
  EXPECT_EQ(ra.steps(), rb.steps());
  EXPECT_EQ(ra.storage(), rb.storage());
  const runoff::RunoffTotals ta = ra.totals(), tb = rb.totals();
  EXPECT_EQ(ta.runoff, tb.runoff);
  EXPECT_EQ(ta.infiltration, tb.infiltration);
  EXPECT_EQ(ta.evaporation, tb.evaporation);
  EXPECT_EQ(ta.lid_drainage, tb.lid_drainage);
  EXPECT_EQ(ta.continuity_error_pct(), tb.continuity_error_pct());
  for (std::size_t j = 0; j < m.subcatchments.size(); ++j)
    EXPECT_EQ(ra.reported_runoff(int(j)), rb.reported_runoff(int(j))) << m.subcatchments[j].id;
}

INSTANTIATE_TEST_SUITE_P(Models, LidStateOf, testing::Values("mixed", "vsga"));

TEST(LidState, TheLidStateOfAnotherModelIsRefusedNamingTheEntry) {
  const inp::Model m = inp::read_inp_file(kModel);
  // The same model without S2's rain barrels: only the LID entry tells the states apart.
  std::ifstream in(kModel);
  std::stringstream text;
  text << in.rdbuf();
  std::string without = text.str();
  const std::size_t line = without.find("S2 RB1");
  ASSERT_NE(line, std::string::npos);
  without.erase(line, without.find('\n', line) + 1 - line);
  const inp::Model other = inp::read_inp_text(without, "without_barrels.inp");
  network::NetworkEngine a(m), b(other);
  a.start();
  for (int k = 0; k < 10; ++k) a.step();
  StateRecord record;
  a.save_state(record);
  b.start();
  try {
    b.load_state(record);
    FAIL() << "the LID state of two subcatchments with units was loaded into a model of one";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'runoff_lid'"), std::string::npos) << e.what();
  }
}

}  // namespace
